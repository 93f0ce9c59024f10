//! Theme switching from the command line: `--set`, `--paper`, `--accent`,
//! `--font-body`, a résumé's preferred theme, and `vita themes show`.

mod common;

use common::{Sandbox, tool_stdout};

fn pages(sb: &Sandbox, pdf: &str) -> (String, String) {
    let info = tool_stdout("pdfinfo", &[sb.path(pdf).to_str().unwrap()]);
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_string())
            .unwrap_or_default()
    };
    (field("Pages:"), field("Page size:"))
}

#[test]
fn set_on_a_nested_key_changes_the_output() {
    let sb = Sandbox::new();
    sb.vita(&["render", "-o", "plain"]).assert_ok();
    sb.vita(&["render", "-o", "big", "--set", "fonts.body.size=12.5"]).assert_ok();
    assert_eq!(pages(&sb, "plain/resume.pdf").0, "2");
    assert_eq!(pages(&sb, "big/resume.pdf").0, "3", "a larger body size takes more pages");
}

#[test]
fn set_on_a_bad_key_exits_2_and_lists_the_alternatives() {
    let sb = Sandbox::new();
    let run = sb.vita(&["render", "--set", "fonts.body.sise=10"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    let err = run.stderr();
    assert!(
        err.contains("unknown field `sise`, expected one of `family`, `size`"),
        "{}",
        run.report()
    );
    assert!(err.contains("did you mean `size`?"), "{}", run.report());
    let run = sb.vita(&["render", "--set", "page.paper=a5"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("expected `a4` or `letter`"), "{}", run.report());
    assert!(!sb.path("out").exists(), "nothing is written on a bad override");
}

#[test]
fn paper_accent_and_body_font_flags() {
    let sb = Sandbox::new();
    sb.vita(&["render", "--paper", "letter", "--accent", "#8a1c1c", "--font-body", "Lato"])
        .assert_ok();
    assert!(pages(&sb, "out/resume.pdf").1.contains("(letter)"));
    let fonts = tool_stdout("pdffonts", &[sb.path("out/resume.pdf").to_str().unwrap()]);
    assert!(fonts.contains("Lato-Regular"), "body text in Lato:\n{fonts}");
    assert!(fonts.contains("CharisSIL-Bold"), "headings keep the theme's serif:\n{fonts}");
    let run = sb.vita(&["render", "--accent", "red"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("#RRGGBB"), "{}", run.report());
}

#[test]
fn a_resume_names_its_theme_and_flags_win() {
    let sb = Sandbox::new();
    let toml = std::fs::read_to_string(sb.path("data/resume.toml")).unwrap();
    sb.write("cv.toml", format!("[meta]\ntheme = \"modern\"\n\n{toml}"));
    sb.vita(&["render", "cv.toml", "-o", "a"]).assert_ok();
    let fonts = tool_stdout("pdffonts", &[sb.path("a/cv.pdf").to_str().unwrap()]);
    assert!(fonts.contains("Lato") && !fonts.contains("Charis"), "{fonts}");
    sb.vita(&["render", "cv.toml", "-o", "b", "--theme", "classic"]).assert_ok();
    let fonts = tool_stdout("pdffonts", &[sb.path("b/cv.pdf").to_str().unwrap()]);
    assert!(fonts.contains("Charis"), "{fonts}");
}

#[test]
fn themes_show_prints_a_theme_that_renders_the_same() {
    let sb = Sandbox::new();
    let run = sb.vita(&["themes", "show", "sidebar"]);
    run.assert_ok();
    sb.write("mine.toml", &run.output.stdout);
    sb.vita(&["render", "-o", "builtin", "--theme", "sidebar"]).assert_ok();
    sb.vita(&["render", "-o", "shown", "--theme", "mine.toml"]).assert_ok();
    assert_eq!(
        std::fs::read(sb.path("builtin/resume.pdf")).unwrap(),
        std::fs::read(sb.path("shown/resume.pdf")).unwrap(),
        "the printed theme is the whole theme"
    );
    let list = sb.vita(&["themes"]);
    let out = String::from_utf8_lossy(&list.output.stdout).into_owned();
    for name in ["classic", "modern", "sidebar"] {
        assert!(out.lines().any(|l| l.starts_with(name)), "{out}");
    }
}

#[test]
fn contact_icons_are_drawn_but_never_extracted() {
    let sb = Sandbox::new();
    sb.vita(&["render", "--theme", "modern"]).assert_ok();
    let pdf = sb.path("out/resume.pdf");
    let fonts = tool_stdout("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(fonts.contains("+FontAwesome"), "modern draws contact icons:\n{fonts}");
    for mode in [&[][..], &["-raw"][..], &["-layout"][..]] {
        let mut args: Vec<&str> = mode.to_vec();
        args.extend([pdf.to_str().unwrap(), "-"]);
        let text = tool_stdout("pdftotext", &args);
        assert!(
            !text.chars().any(|c| ('\u{e000}'..='\u{f8ff}').contains(&c)),
            "{mode:?}: an icon leaked"
        );
        assert!(
            text.contains("alex@example.com") && text.contains("San Francisco, CA"),
            "{mode:?}:\n{text}"
        );
    }
    // The ATS theme draws none.
    sb.vita(&["render", "--theme", "ats", "-o", "ats"]).assert_ok();
    let fonts = tool_stdout("pdffonts", &[sb.path("ats/resume.pdf").to_str().unwrap()]);
    assert!(!fonts.contains("FontAwesome"), "{fonts}");
}
