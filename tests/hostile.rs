//! Hostile input that the file corpus in `tests/bad/` cannot hold: FIFOs,
//! devices, files outside the résumé's folder, and commands other than
//! `render`. Each runs the real binary with a time limit, so a hang fails.

mod common;

use common::{Run, Sandbox};
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(30);
const GOOD: &str = "[basics]\nname = \"Alex Doe\"\n";

fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

fn refused(run: &Run, fragments: &[&str]) {
    assert_eq!(run.code(), Some(2), "expected exit 2{}", run.report());
    let err = run.stderr();
    assert!(!err.contains("panicked"), "{}", run.report());
    for f in fragments {
        assert!(err.contains(f), "stderr lacks {f:?}{}", run.report());
    }
}

#[test]
fn json_nested_fifty_thousand_deep_is_refused_by_every_command() {
    let sb = Sandbox::new();
    let deep = format!("{{\"basics\": {{\"name\": \"A\"}}, \"x\": {}}}", "[".repeat(50_000));
    sb.write("deep.json", deep);
    for args in [
        &["validate", "deep.json"][..],
        &["import", "deep.json", "-o", "deep.toml"],
        &["export", "deep.json"],
        &["render", "deep.json"],
    ] {
        let run = sb.vita_within(args, LIMIT);
        refused(&run, &["nests 17 levels", "at most 16", "deep.json:1:"]);
    }
    assert!(!sb.path("deep.toml").exists());
}

#[test]
fn a_fifo_as_the_resume_or_the_theme_is_refused_not_waited_on() {
    let sb = Sandbox::new();
    mkfifo(&sb.path("fifo.toml"));
    let run = sb.vita_within(&["render", "fifo.toml"], LIMIT);
    refused(&run, &["not a regular file", "FIFO", "fifo.toml"]);
    let run = sb.vita_within(&["validate", "fifo.toml"], LIMIT);
    refused(&run, &["not a regular file"]);
    let run = sb.vita_within(&["render", "-t", "fifo.toml"], LIMIT);
    refused(&run, &["cannot read theme", "FIFO", "fifo.toml"]);
    let run = sb.vita_within(&["validate", "-t", "fifo.toml"], LIMIT);
    refused(&run, &["cannot read theme", "FIFO"]);
    sb.write("cv.toml", format!("[meta]\ntheme = \"fifo.toml\"\n{GOOD}"));
    let run = sb.vita_within(&["render", "cv.toml"], LIMIT);
    refused(&run, &["cannot read theme", "FIFO"]);
    let run = sb.vita_within(&["validate", "cv.toml"], LIMIT);
    refused(&run, &["cannot read theme", "FIFO"]);
}

#[test]
fn devices_are_refused_as_resumes_and_themes() {
    let sb = Sandbox::new();
    let run = sb.vita_within(&["render", "/dev/zero"], LIMIT);
    refused(&run, &["a device, not a regular file"]);
    let run = sb.vita_within(&["render", "-t", "/dev/zero"], LIMIT);
    refused(&run, &["cannot read theme", "a device"]);
}

#[test]
fn extends_outside_the_themes_folder_is_refused_before_it_is_read() {
    let sb = Sandbox::new();
    // A secret beside the sandbox, as /etc/shadow would be.
    let secret = tempfile::tempdir().unwrap();
    let secret_file = secret.path().join("secret.toml");
    std::fs::write(&secret_file, "SECRET-LINE = [\n").unwrap();
    let cases = [
        secret_file.display().to_string(),
        "/dev/zero".into(),
        "/proc/self/environ".into(),
        "../../../../../../etc/passwd".into(),
    ];
    for target in &cases {
        sb.write("themes/t.toml", format!("extends = \"{target}\"\n"));
        for args in [
            &["render", "-t", "themes/t.toml"][..],
            &["validate", "-t", "themes/t.toml"],
            &["themes", "show", "themes/t.toml"],
        ] {
            let run = sb.vita_within(args, LIMIT);
            refused(&run, &["outside the theme's folder", "themes/t.toml:1:1", "--allow-path"]);
            assert!(!run.stderr().contains("SECRET"), "{}", run.report());
        }
        // The same theme named by a résumé, in the résumé's folder.
        sb.write("cv/t.toml", format!("extends = \"{target}\"\n"));
        sb.write("cv/cv.toml", format!("[meta]\ntheme = \"t.toml\"\n{GOOD}"));
        for args in [&["render", "cv/cv.toml"][..], &["validate", "cv/cv.toml"]] {
            let run = sb.vita_within(args, LIMIT);
            refused(&run, &["outside the theme's folder"]);
            assert!(!run.stderr().contains("SECRET"), "{}", run.report());
        }
    }
    // --allow-path lets a shared folder in; files beside the theme need nothing.
    sb.write("themes/t.toml", format!("extends = \"{}\"\n", secret_file.display()));
    let allowed = secret.path().to_str().unwrap();
    let run = sb.vita_within(&["render", "-t", "themes/t.toml", "--allow-path", allowed], LIMIT);
    refused(&run, &["SECRET-LINE", "secret.toml:1"]);
    sb.write("themes/base.toml", "[colors]\naccent = \"#112233\"\n");
    sb.write("themes/t.toml", "extends = \"base.toml\"\n");
    sb.vita_within(&["render", "-t", "themes/t.toml"], LIMIT).assert_ok();
    sb.write("shared/base.toml", "[colors]\naccent = \"#112233\"\n");
    sb.write("themes/t.toml", "extends = \"../shared/base.toml\"\n");
    let run = sb.vita_within(&["render", "-t", "themes/t.toml"], LIMIT);
    refused(&run, &["outside the theme's folder"]);
    sb.vita_within(&["render", "-t", "themes/t.toml", "--allow-path", "shared"], LIMIT).assert_ok();
}

#[test]
fn a_theme_file_over_the_size_limit_is_refused() {
    let sb = Sandbox::new();
    let mut big = String::from("[colors]\naccent = \"#112233\"\n");
    while big.len() as u64 <= vita::theme::MAX_THEME_BYTES {
        big.push_str("# padding, padding, padding, padding, padding, padding\n");
    }
    sb.write("big.toml", &big);
    let run = sb.vita_within(&["render", "-t", "big.toml"], LIMIT);
    refused(&run, &["cannot read theme", "larger than 262144 bytes", "big.toml"]);
}

#[test]
fn only_web_mail_and_phone_links_become_pdf_links() {
    let sb = Sandbox::new();
    sb.write(
        "cv.toml",
        "[basics]\nname = \"Alex Doe\"\nemail = \"a@example.com\"\nurl = \"javascript:alert(1)\"\n\
         summary = \"[me](JavaScript:alert(2)) [f](file:///etc/passwd) [ok](https://example.com)\"\n\
         [[basics.profiles]]\nnetwork = \"x\"\nurl = \"data:text/html,hi\"\n",
    );
    let run = sb.vita_within(&["render", "cv.toml"], LIMIT);
    run.assert_ok();
    let pdf = std::fs::read(sb.path("out/cv.pdf")).unwrap();
    let pdf = String::from_utf8_lossy(&pdf);
    // The address after each /URI key (the PDF is written compact, so
    // with or without a space before its string).
    let uris: Vec<&str> = pdf
        .match_indices("/URI")
        .filter_map(|(i, _)| pdf[i + 4..].trim_start().strip_prefix('('))
        .map(|rest| &rest[..rest.len().min(34)])
        .collect();
    assert!(uris.iter().any(|u| u.starts_with("https://example.com")), "{uris:?}");
    assert!(uris.iter().any(|u| u.starts_with("mailto:a@example.com")), "{uris:?}");
    for bad in ["javascript", "JavaScript", "file:", "data:"] {
        assert!(!uris.iter().any(|u| u.starts_with(bad)), "{bad} is a link: {uris:?}");
        assert!(run.stderr().contains(&format!("`{bad}")), "{}", run.report());
    }
    // The text keeps every address as text.
    let text = std::fs::read_to_string(sb.path("out/cv.txt")).unwrap();
    assert!(text.contains("file:///etc/passwd"), "{text}");
}

#[test]
fn no_output_replaces_an_input() {
    let sb = Sandbox::new();
    let photo = std::fs::read(common::root().join("tests/bad/assets/photo.png")).unwrap();
    sb.write("cv-1.png", &photo);
    sb.write("cv.toml", format!("[meta]\ntheme = \"modern\"\n{GOOD}image = \"cv-1.png\"\n"));
    let run = sb.vita_within(&["render", "cv.toml", "-o", ".", "-f", "png"], LIMIT);
    refused(&run, &["an output would overwrite the photo", "cv-1.png"]);
    assert_eq!(std::fs::read(sb.path("cv-1.png")).unwrap(), photo, "{}", run.report());
    // A theme file named like an output, and one it extends.
    sb.write("cv.txt", "extends = \"cv.pdf\"\n");
    sb.write("cv.pdf", "[colors]\naccent = \"#112233\"\n");
    sb.write("cv.toml", format!("[meta]\ntheme = \"cv.txt\"\n{GOOD}"));
    for formats in ["txt", "pdf"] {
        let run = sb.vita_within(&["render", "cv.toml", "-o", ".", "-f", formats], LIMIT);
        refused(&run, &["an output would overwrite a theme file", &format!("cv.{formats}")]);
    }
    assert_eq!(std::fs::read_to_string(sb.path("cv.txt")).unwrap(), "extends = \"cv.pdf\"\n");
    // A JSON résumé imported onto itself.
    sb.write("cv.json", "{\"basics\": {\"name\": \"A\"}}");
    let run = sb.vita_within(&["import", "cv.json", "-o", "cv.json", "--force"], LIMIT);
    refused(&run, &["overwrite"]);
    assert_eq!(
        std::fs::read_to_string(sb.path("cv.json")).unwrap(),
        "{\"basics\": {\"name\": \"A\"}}"
    );
}

#[test]
fn only_previews_vita_wrote_are_removed_as_stale() {
    let sb = Sandbox::new();
    sb.write("cv.toml", GOOD);
    for page in 2..=5 {
        sb.write(&format!("out/cv-{page}.png"), format!("the user's own picture {page}"));
    }
    sb.vita_within(&["render", "cv.toml", "-f", "png"], LIMIT).assert_ok();
    for page in 2..=5 {
        let kept = std::fs::read_to_string(sb.path(&format!("out/cv-{page}.png"))).unwrap();
        assert_eq!(kept, format!("the user's own picture {page}"));
    }
    // A preview vita wrote for a page the résumé no longer has goes.
    sb.write(
        "long.toml",
        format!("{GOOD}summary = \"\"\"{}\"\"\"\n", "Words and words. ".repeat(700)),
    );
    sb.vita_within(&["render", "long.toml", "-f", "png"], LIMIT).assert_ok();
    assert!(sb.path("out/long-2.png").exists());
    sb.write("long.toml", GOOD);
    sb.vita_within(&["render", "long.toml", "-f", "png"], LIMIT).assert_ok();
    assert!(sb.path("out/long-1.png").exists());
    assert!(!sb.path("out/long-2.png").exists(), "the stale preview was left");
}

#[test]
fn a_batch_never_writes_outside_the_output_folder() {
    let sb = Sandbox::new();
    sb.write("in/...toml", GOOD);
    sb.write("in/a.toml", GOOD);
    let run = sb.vita_within(&["render", "in/...toml", "in/a.toml", "-o", "out/x"], LIMIT);
    run.assert_ok();
    assert!(sb.path("out/x/resume/resume.pdf").exists(), "{}", run.report());
    assert!(!sb.path("out/...pdf").exists() && !sb.path("...pdf").exists(), "{}", run.report());
    let run = sb.vita_within(&["render", "in/...toml", "-o", "out/y"], LIMIT);
    run.assert_ok();
    assert!(sb.path("out/y/resume.pdf").exists(), "{}", run.report());
}

#[test]
fn a_truncated_jpeg_photo_is_refused_like_a_truncated_png() {
    let sb = Sandbox::new();
    let path = sb.path("me.jpg");
    let noise = |x: u32, y: u32| (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) as u8;
    image::RgbImage::from_fn(300, 300, |x, y| image::Rgb([noise(x, y), (y / 2) as u8, 90]))
        .save(&path)
        .unwrap();
    sb.write("cv.toml", format!("[meta]\ntheme = \"modern\"\n{GOOD}image = \"me.jpg\"\n"));
    sb.vita_within(&["render", "cv.toml"], LIMIT).assert_ok();
    let whole = std::fs::read(&path).unwrap();
    std::fs::write(&path, &whole[..whole.len() / 4]).unwrap();
    let run = sb.vita_within(&["render", "cv.toml"], LIMIT);
    refused(&run, &["the photo cannot be decoded", "ends early", "me.jpg"]);
}

#[test]
fn a_photo_file_over_the_size_limit_is_refused_before_it_is_read() {
    let sb = Sandbox::new();
    let file = std::fs::File::create(sb.path("me.png")).unwrap();
    // Sparse: no 50 MB are written, and none must be read.
    file.set_len(vita::photo::MAX_BYTES + 1).unwrap();
    sb.write("cv.toml", format!("[meta]\ntheme = \"modern\"\n{GOOD}image = \"me.png\"\n"));
    let run = sb.vita_within(&["render", "cv.toml"], LIMIT);
    refused(&run, &["cannot read the photo", "larger than 52428800 bytes", "me.png"]);
}

#[test]
fn control_characters_and_line_separators_never_reach_the_text_output() {
    let sb = Sandbox::new();
    sb.write(
        "cv.toml",
        "[basics]\nname = \"Alex Doe\"\nlabel = \"a\\u0000b\\u2028c\\u0085d\\u0007e\\u001b[2J\"\n\
         summary = \"para\u{2029}graph\"\n",
    );
    let run = sb.vita_within(&["render", "cv.toml"], LIMIT);
    run.assert_ok();
    assert!(run.stderr().contains("U+0000, U+2028, U+0085, U+0007, U+001B"), "{}", run.report());
    let text = std::fs::read_to_string(sb.path("out/cv.txt")).unwrap();
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || matches!(c, '\u{2028}' | '\u{2029}'))
        .collect();
    assert!(bad.is_empty(), "{bad:?} in {text:?}");
    assert!(text.contains("ab") && text.contains("para"), "{text}");
}
