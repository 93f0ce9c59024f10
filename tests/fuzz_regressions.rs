//! Inputs the fuzz targets in `fuzz/` once crashed or hung on, in
//! `tests/fuzz_regressions/TARGET/`, run through the same calls as the
//! targets on every test run: each must return (a value or a diagnostic)
//! without panicking, within a time limit.

#[path = "../fuzz/bodies.rs"]
mod bodies;

use bodies::{check, render, resume, theme, theme_set};
use std::path::Path;
use std::time::Duration;

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

#[test]
fn theme_with_extends_and_set_regressions() {
    assert!(replay("theme_set", theme_set) >= 4, "the seeds of the hostile-input rows");
}

#[test]
fn check_regressions() {
    replay("check", check);
}
