//! What each fuzz target does with its input, in one place: the targets in
//! `fuzz_targets/` call these, and `tests/fuzz_regressions.rs` replays the
//! saved inputs through the very same functions (both include this file
//! with `#[path]`). Each target uses one of them, hence the allow.
#![allow(dead_code)]

use std::path::Path;
use vita::fonts::FontBook;
use vita::limits::Limits;
use vita::render::{Format, Options};
use vita::theme::{BUILTIN, Theme};

const SEED: &str = include_str!("../data/resume.toml");

/// The résumé loader: size, UTF-8, nesting, TOML, serde and the date checks
/// must answer with a value or a diagnostic, and the diagnostic must print
/// (its snippet code slices the source).
pub fn resume(data: &[u8]) {
    if let Err(diag) = vita::model::parse_bytes(data, Path::new("fuzz.toml"), &Limits::default()) {
        let _ = diag.to_string();
    }
}

/// The theme loader; a theme it accepts must then lay out the seed without
/// panicking, whatever its margins, sizes and columns.
pub fn theme(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Theme::parse(text, Path::new("fuzz-theme.toml")) {
        Err(diag) => {
            let _ = diag.to_string();
        }
        Ok(theme) => {
            let resume = vita::model::parse(SEED, Path::new("resume.toml")).expect("seed parses");
            let _ = vita::render::lay_out(&resume, &theme, &FontBook::new());
        }
    }
}

/// The whole pipeline: résumé → the built-in theme it names (or one picked
/// by the input's length) → PDF and text, in memory.
pub fn render(data: &[u8]) {
    let Ok((resume, _)) =
        vita::model::parse_bytes(data, Path::new("fuzz.toml"), &Limits::default())
    else {
        return;
    };
    let name = match resume.meta.theme.as_deref() {
        Some(named) if BUILTIN.iter().any(|(n, _)| *n == named) => named,
        _ => BUILTIN[data.len() % BUILTIN.len()].0,
    };
    let theme = Theme::resolve(name).expect("built-in themes resolve");
    let opts =
        Options { formats: vec![Format::Pdf, Format::Txt], timestamp: 0, photo: None, dpi: 72.0 };
    let _ = vita::render::render(&resume, &theme, &opts);
}
