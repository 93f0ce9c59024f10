//! Inputs the fuzz targets in `fuzz/` once crashed or hung on, in
//! `tests/fuzz_regressions/TARGET/`, run through the same calls as the
//! targets on every test run: each must return (a value or a diagnostic)
//! without panicking, within a time limit.

use std::path::Path;
use std::time::Duration;
use vita::fonts::FontBook;
use vita::limits::Limits;
use vita::render::{Format, Options};
use vita::theme::{BUILTIN, Theme};

/// As `fuzz/fuzz_targets/resume.rs`.
fn resume(data: &[u8]) {
    if let Err(diag) = vita::model::parse_bytes(data, Path::new("fuzz.toml"), &Limits::default()) {
        let _ = diag.to_string();
    }
}

/// As `fuzz/fuzz_targets/theme.rs`.
fn theme(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Theme::parse(text, Path::new("fuzz-theme.toml")) {
        Err(diag) => {
            let _ = diag.to_string();
        }
        Ok(theme) => {
            let seed = include_str!("../data/resume.toml");
            let resume = vita::model::parse(seed, Path::new("resume.toml")).unwrap();
            let _ = vita::render::lay_out(&resume, &theme, &FontBook::new());
        }
    }
}

/// As `fuzz/fuzz_targets/render.rs`.
fn render(data: &[u8]) {
    let Ok((resume, _)) =
        vita::model::parse_bytes(data, Path::new("fuzz.toml"), &Limits::default())
    else {
        return;
    };
    let name = match resume.meta.theme.as_deref() {
        Some(named) if BUILTIN.iter().any(|(n, _)| *n == named) => named,
        _ => BUILTIN[data.len() % BUILTIN.len()].0,
    };
    let theme = Theme::resolve(name).unwrap();
    let opts =
        Options { formats: vec![Format::Pdf, Format::Txt], timestamp: 0, photo: None, dpi: 72.0 };
    let _ = vita::render::render(&resume, &theme, &opts);
}

/// Runs `target` on every file in its folder; returns how many ran.
fn replay(name: &str, target: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions").join(name);
    // A target that never crashed has no folder.
    let Ok(entries) = std::fs::read_dir(&dir) else { return 0 };
    let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    for file in &files {
        let data = std::fs::read(file).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(|| target(&data));
            tx.send(outcome.is_ok()).ok();
        });
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(true) => {}
            Ok(false) => panic!("{name} target panicked on {}", file.display()),
            Err(_) => panic!("{name} target hung on {}", file.display()),
        }
    }
    files.len()
}

#[test]
fn resume_loader_regressions() {
    replay("resume", resume);
}

#[test]
fn theme_loader_regressions() {
    replay("theme", theme);
}

#[test]
fn render_regressions() {
    replay("render", render);
}
