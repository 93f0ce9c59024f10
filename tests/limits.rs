//! Resource limits and output safety through the real binary: each limit
//! refuses what is over it (and its flag raises it), files a résumé names
//! must lie in its folder unless `--allow-path` allows theirs, and outputs
//! are only ever the old file or a complete new one, even when vita is
//! killed mid-render.

mod common;

use common::{Sandbox, root};
use std::time::Duration;

const SENTINEL: &[u8] = b"an earlier, good render";

fn photo() -> Vec<u8> {
    std::fs::read(root().join("tests/bad/assets/photo.png")).unwrap()
}

fn fails_with(sb: &Sandbox, args: &[&str], fragments: &[&str]) {
    let run = sb.vita(args);
    assert_eq!(run.code(), Some(2), "expected exit 2{}", run.report());
    for f in fragments {
        assert!(run.stderr().contains(f), "stderr lacks {f:?}{}", run.report());
    }
}

#[test]
fn page_limit_refuses_a_longer_resume_and_its_flag_raises_it() {
    let sb = Sandbox::new();
    // The seed lays out on two pages in the default theme.
    fails_with(&sb, &["render", "--max-pages", "1"], &["needs more than 1 page,", "--max-pages"]);
    assert!(!sb.path("out/resume.pdf").exists(), "nothing is written");
    sb.vita(&["render", "--max-pages", "2"]).assert_ok();
    let run = sb.vita(&["render", "--max-pages", "201"]);
    assert_eq!(run.code(), Some(2), "clap refuses a limit above 200{}", run.report());
}

#[test]
fn input_size_limit_stops_reading_early() {
    let sb = Sandbox::new();
    fails_with(&sb, &["render", "--max-input-size", "1000"], &["larger than 1000 bytes"]);
    // A device that never ends is not read at all.
    if std::path::Path::new("/dev/zero").exists() {
        let run = sb.vita_within(&["render", "/dev/zero"], Duration::from_secs(30));
        assert_eq!(run.code(), Some(2), "{}", run.report());
        assert!(run.stderr().contains("a device, not a regular file"), "{}", run.report());
    }
}

#[test]
fn depth_limit_counts_highlight_groups() {
    let sb = Sandbox::new();
    sb.write(
        "cv.toml",
        "[basics]\nname = \"A\"\n[[work]]\nhighlights = [{ text = \"Led:\", items = [\"x\"] }]\n",
    );
    fails_with(&sb, &["render", "cv.toml", "--max-depth", "2"], &["nests 3 levels", "cv.toml:4:"]);
    sb.vita(&["render", "cv.toml", "--max-depth", "3"]).assert_ok();
}

/// A résumé in `cv/` whose photo (shown by modern) is `image`.
fn with_photo(image: &str) -> Sandbox {
    let sb = Sandbox::new();
    let text = format!("[meta]\ntheme = \"modern\"\n[basics]\nname = \"A\"\nimage = \"{image}\"\n");
    sb.write("cv/cv.toml", text);
    sb.write("cv/me.png", photo());
    sb.write("elsewhere/me.png", photo());
    sb
}

#[test]
fn pixel_limit_is_checked_before_decoding() {
    let sb = with_photo("me.png");
    // The photo is 64 × 64 = 4096 pixels.
    fails_with(&sb, &["render", "cv/cv.toml", "--max-pixels", "4095"], &["64 × 64", "4095"]);
    sb.vita(&["render", "cv/cv.toml", "--max-pixels", "4096"]).assert_ok();
}

#[test]
fn files_outside_the_resume_folder_need_allow_path() {
    let sb = with_photo("../elsewhere/me.png");
    fails_with(&sb, &["render", "cv/cv.toml"], &["outside the résumé's folder", "--allow-path"]);
    sb.vita(&["render", "cv/cv.toml", "--allow-path", "elsewhere"]).assert_ok();
    // An absolute path is judged by where it points, not how it is written.
    let abs = sb.path("elsewhere/me.png");
    let sb2 = with_photo(abs.to_str().unwrap());
    fails_with(&sb2, &["render", "cv/cv.toml"], &["outside the résumé's folder"]);
    // So is a symbolic link inside the folder that points out of it.
    #[cfg(unix)]
    {
        let sb3 = with_photo("link.png");
        std::os::unix::fs::symlink(sb3.path("elsewhere/me.png"), sb3.path("cv/link.png")).unwrap();
        fails_with(&sb3, &["render", "cv/cv.toml"], &["outside the résumé's folder"]);
    }
}

#[test]
fn a_theme_named_by_the_resume_stays_in_its_folder_too() {
    let sb = Sandbox::new();
    sb.write("cv/cv.toml", "[meta]\ntheme = \"../themes/mine.toml\"\n[basics]\nname = \"A\"\n");
    sb.write("themes/mine.toml", "extends = \"modern\"\n");
    fails_with(&sb, &["render", "cv/cv.toml"], &["meta.theme", "outside the résumé's folder"]);
    sb.vita(&["render", "cv/cv.toml", "--allow-path", "themes"]).assert_ok();
    // A built-in name is not a file and needs no permission.
    sb.write("cv/cv.toml", "[meta]\ntheme = \"sidebar\"\n[basics]\nname = \"A\"\n");
    sb.vita(&["render", "cv/cv.toml"]).assert_ok();
}

#[test]
fn a_killed_render_leaves_the_old_output_or_a_complete_new_one() {
    let sb = Sandbox::new();
    // Kill times spread over a little more than a whole render takes here.
    let started = std::time::Instant::now();
    sb.vita(&["render", "-q"]).assert_ok();
    let whole = started.elapsed().as_secs_f64() * 1.3;
    let mut replaced = 0;
    let steps = 25;
    for step in 0..=steps {
        sb.write("out/resume.pdf", SENTINEL);
        let mut child = std::process::Command::new(common::BIN)
            .args(["render", "-q"])
            .current_dir(sb.dir.path())
            .spawn()
            .unwrap();
        let after = Duration::from_secs_f64(whole * step as f64 / steps as f64);
        std::thread::sleep(after);
        child.kill().ok();
        child.wait().unwrap();
        let pdf = std::fs::read(sb.path("out/resume.pdf")).unwrap();
        if pdf != SENTINEL {
            let end = String::from_utf8_lossy(&pdf[pdf.len().saturating_sub(32)..]).into_owned();
            assert!(
                pdf.starts_with(b"%PDF") && end.contains("%%EOF"),
                "killed after {after:?}: out/resume.pdf is neither the old file nor a whole PDF"
            );
            replaced += 1;
        }
    }
    // The later kills come after the render finished, so some runs replaced it.
    assert!(replaced > 0, "no run got as far as writing");
}

#[test]
fn a_read_only_output_folder_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    sb.write("out/resume.pdf", SENTINEL);
    let out = sb.path("out");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(out.join("probe"), "x").is_ok() {
        // Running with privileges that ignore permissions (root): nothing to test.
        eprintln!("skipped: this user can write to a read-only folder");
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let run = sb.vita(&["render"]);
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("cannot write output"), "{}", run.report());
    assert!(run.stderr().contains("Permission denied"), "{}", run.report());
    assert_eq!(std::fs::read(sb.path("out/resume.pdf")).unwrap(), SENTINEL);
}
