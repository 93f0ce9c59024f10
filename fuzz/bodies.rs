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
pub(crate) fn resume(data: &[u8]) {
    if let Err(diag) =
        vita::model::parse_bytes(data, Path::new("fuzz.toml"), &Limits::default(), None)
    {
        let _ = diag.to_string();
    }
}

/// The theme loader; a theme it accepts must then lay out the seed without
/// panicking, whatever its margins, sizes and columns.
pub(crate) fn theme(data: &[u8]) {
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
pub(crate) fn render(data: &[u8]) {
    let Ok((resume, _)) =
        vita::model::parse_bytes(data, Path::new("fuzz.toml"), &Limits::default(), None)
    else {
        return;
    };
    let name = match resume.meta.theme.as_deref() {
        Some(named) if BUILTIN.iter().any(|(n, _)| *n == named) => named,
        _ => BUILTIN[data.len() % BUILTIN.len()].0,
    };
    let theme = Theme::resolve(name).expect("built-in themes resolve");
    let opts = Options {
        formats: vec![Format::Pdf, Format::Txt],
        timestamp: 0,
        photo: None,
        dpi: 72.0,
        font_dirs: Vec::new(),
        pdf: Default::default(),
    };
    let _ = vita::render::render(&resume, &theme, &opts);
}

/// A theme file that may `extend` another and `--set` overrides, as one
/// input: the theme's text, a NUL byte, then one `KEY=VALUE` per line. The
/// theme sits in a folder of its own beside `base.toml` (classic), so
/// `extends = "base.toml"` works and anything outside that folder must be
/// refused. A theme that resolves must keep every number finite and lay
/// out and render the seed (PDF and a 36 dpi preview) without a NaN, an
/// infinity or an exponent in the PDF.
pub(crate) fn theme_set(data: &[u8]) {
    let (theme, sets) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let (Ok(theme), Ok(sets)) = (std::str::from_utf8(theme), std::str::from_utf8(sets)) else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("vita-fuzz-theme-set-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let classic = BUILTIN.iter().find(|(n, _)| *n == "classic").expect("classic").1;
    let (file, base) = (dir.join("theme.toml"), dir.join("base.toml"));
    if std::fs::write(&file, theme).is_err() || std::fs::write(&base, classic).is_err() {
        return;
    }
    let mut overrides = Vec::new();
    for line in sets.lines().take(8) {
        match vita::theme::Override::parse(line) {
            Ok(o) => overrides.push(o),
            Err(diag) => {
                let _ = diag.to_string();
                return;
            }
        }
    }
    let confine = vita::theme::Confine { root: Some(dir.clone()), allowed: Vec::new() };
    let resolved = Theme::resolve_tracked(&file.to_string_lossy(), &overrides, &confine);
    let theme = match resolved {
        Err(diag) => {
            let _ = diag.to_string();
            return;
        }
        Ok((theme, files)) => {
            assert!(files.iter().all(|f| f.starts_with(&dir)), "read outside: {files:?}");
            theme
        }
    };
    let resume = vita::model::parse(SEED, Path::new("resume.toml")).expect("seed parses");
    let opts = Options {
        formats: vec![Format::Pdf, Format::Png],
        timestamp: 0,
        photo: None,
        dpi: 36.0,
        font_dirs: Vec::new(),
        pdf: Default::default(),
    };
    if let Ok(out) = vita::render::render(&resume, &theme, &opts) {
        let pdf = &out.outputs[0].1;
        let text = String::from_utf8_lossy(pdf);
        for bad in ["NaN", "inf", "e+", "e-"] {
            // Content streams are compressed; what is plain is the rest.
            assert!(!text.contains(&format!(" {bad}")), "PDF holds {bad}");
        }
    }
}

/// `vita check` on the bytes as a PDF: a report or an error, whatever
/// they hold. A panic caught inside `check_bytes` is a bug too.
pub(crate) fn check(data: &[u8]) {
    if let Err(why) = vita::check::check_bytes(data, &vita::check::Options::default()) {
        assert!(!why.contains("cannot read past"), "a panic inside check: {why}");
    }
}
