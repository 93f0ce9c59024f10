//! The theme loader on arbitrary bytes; a theme it accepts must then lay
//! out a small résumé without panicking, whatever its margins, sizes and
//! columns.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use vita::fonts::FontBook;
use vita::theme::Theme;

const RESUME: &str = include_str!("../../data/resume.toml");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Theme::parse(text, Path::new("fuzz-theme.toml")) {
        Err(diag) => {
            let _ = diag.to_string();
        }
        Ok(theme) => {
            let resume = vita::model::parse(RESUME, Path::new("resume.toml")).expect("seed parses");
            let _ = vita::render::lay_out(&resume, &theme, &FontBook::new());
        }
    }
});
