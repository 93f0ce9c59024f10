//! The all-or-nothing promise for a set of outputs (PDF, text, previews),
//! tested by killing renders with SIGKILL: while they stage their files,
//! and among the swaps that put them in place (slowed down for the test by
//! `VITA_TEST_SWAP_PAUSE_MS`). After the next vita run in the folder, the
//! set must be wholly the old one or wholly the new one, with no staged
//! file or journal left behind.

mod common;

use common::{BIN, Sandbox};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn resume(name: &str) -> String {
    let para = "Shipped the thing, then the next thing, and measured both. ".repeat(40);
    let mut text = format!("[basics]\nname = \"{name}\"\n");
    for i in 0..6 {
        text.push_str(&format!("[[work]]\nname = \"Org {i}\"\nsummary = \"{para}\"\n"));
    }
    text
}

/// The files in `dir`, by name, with their bytes.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    v.sort();
    v
}

fn render(sb: &Sandbox, input: &str, out: &str) {
    let args = ["render", input, "-o", out, "-f", "pdf,txt,png", "--dpi", "36", "-q"];
    sb.vita(&args).assert_ok();
}

/// Waits until a journal appears in `dir` (the swaps are about to start),
/// or the child ends; true when it appeared.
fn wait_for_journal(dir: &Path, child: &mut std::process::Child) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        let journal = std::fs::read_dir(dir)
            .map(|d| d.flatten().any(|e| e.file_name().to_string_lossy().ends_with(".journal")))
            .unwrap_or(false);
        if journal {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    false
}

#[test]
fn a_killed_render_leaves_the_old_set_or_the_new_one_never_a_mix() {
    let sb = Sandbox::new();
    sb.write("a/cv.toml", resume("Alex Old"));
    sb.write("b/cv.toml", resume("Alex New"));
    render(&sb, "a/cv.toml", "ref-old");
    render(&sb, "b/cv.toml", "ref-new");
    let (old, new) = (contents(&sb.path("ref-old")), contents(&sb.path("ref-new")));
    assert!(old.len() >= 4, "a set of several files: {:?}", old.iter().map(|f| &f.0));
    assert_eq!(old.len(), new.len());
    let out = sb.path("out");
    let pause = 30u64;
    let (mut mid_swap, mut whole_new) = (0, 0);
    for step in 0..16 {
        render(&sb, "a/cv.toml", "out");
        let mut child = Command::new(BIN)
            .args(["render", "b/cv.toml", "-o", "out", "-f", "pdf,txt,png", "--dpi", "36", "-q"])
            .current_dir(sb.dir.path())
            .env("VITA_TEST_SWAP_PAUSE_MS", pause.to_string())
            .spawn()
            .unwrap();
        if step % 4 == 0 {
            // While it renders and stages.
            std::thread::sleep(Duration::from_millis(step * 3));
        } else if wait_for_journal(&out, &mut child) {
            // Among the swaps: spread over the set.
            let ms = pause * (step % old.len() as u64) + pause / 2;
            std::thread::sleep(Duration::from_millis(ms));
            mid_swap += 1;
        }
        child.kill().ok();
        child.wait().unwrap();
        // Any render into the folder tidies it first, even one that fails.
        let run = sb.vita(&["render", "nowhere.toml", "-o", "out"]);
        assert_eq!(run.code(), Some(2), "{}", run.report());
        let now = contents(&out);
        let leftovers: Vec<&String> =
            now.iter().map(|f| &f.0).filter(|n| n.starts_with(".vita-")).collect();
        assert!(leftovers.is_empty(), "step {step}: left behind {leftovers:?}");
        let names: Vec<&String> = now.iter().map(|f| &f.0).collect();
        assert!(now == old || now == new, "step {step}: a mixed set {names:?}{}", run.report());
        whole_new += usize::from(now == new);
    }
    assert!(mid_swap >= 8, "only {mid_swap} kills landed among the swaps");
    assert!(whole_new >= mid_swap, "a kill among the swaps must be finished: {whole_new}");
}
