//! The seed in every built-in theme, drawn with bundled fonts only, never
//! lists the system's fonts: that scan is for families and characters the
//! bundled faces lack (BENCHMARKS.md keeps the seed's figures).

mod common;

use vita::fonts::FontBook;
use vita::theme::{BUILTIN, Theme};

#[test]
fn the_seed_renders_without_listing_the_system_fonts() {
    let resume = vita::model::load(&common::root().join("data/resume.toml")).unwrap();
    let book = FontBook::new();
    for (name, _) in BUILTIN {
        let theme = Theme::resolve(name).unwrap();
        let doc = vita::render::lay_out(&resume, &theme, &book).unwrap();
        assert!(!doc.pages.is_empty());
    }
    assert!(!vita::fonts::found::system_listed(), "a bundled-only render listed the system fonts");
    // The flag is real: asking for a character no bundled face has lists them.
    let lato = book.select("Lato", false, false).unwrap();
    let _ = book.face_for_char(lato, '\u{10FFFD}');
    assert!(vita::fonts::found::system_listed());
}
