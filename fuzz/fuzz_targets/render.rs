//! The whole pipeline on arbitrary bytes: résumé → the built-in theme it
//! names (or one picked by the input's length) → PDF and text, in memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use vita::limits::Limits;
use vita::render::{Format, Options};
use vita::theme::{BUILTIN, Theme};

fuzz_target!(|data: &[u8]| {
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
});
