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
    sb.vita(&["render", "--theme", "modern", "-o", "plain", "--set", "header.icons=false"])
        .assert_ok();
    let pdf = sb.path("out/resume.pdf");
    // Icons are drawn as outlines, marked as artifacts: one per contact
    // detail (the seed has two), and no icon font to extract from.
    let artifacts = |path: &std::path::Path| {
        let qdf = sb.path("qdf.pdf");
        let qpdf = ["--qdf", "--object-streams=disable", path.to_str().unwrap()];
        common::tool("qpdf", &[&qpdf[..], &[qdf.to_str().unwrap()]].concat());
        let bytes = std::fs::read(&qdf).unwrap();
        String::from_utf8_lossy(&bytes).matches("/Artifact BMC\nq\n").count()
    };
    let drawn = artifacts(&pdf) - artifacts(&sb.path("plain/resume.pdf"));
    assert_eq!(drawn, 2, "modern draws an icon before each of the seed's two contact details");
    let fonts = tool_stdout("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(!fonts.contains("FontAwesome"), "icons are outlines, not text:\n{fonts}");
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

/// A 320 × 240 gradient PNG.
fn write_png(path: &std::path::Path) {
    let img = image::RgbImage::from_fn(320, 240, |x, y| {
        image::Rgb([(x * 255 / 320) as u8, (y * 255 / 240) as u8, 160])
    });
    img.save(path).unwrap();
}

#[test]
fn a_photo_is_cropped_round_and_embedded_once() {
    let sb = Sandbox::new();
    let toml = std::fs::read_to_string(sb.path("data/resume.toml")).unwrap();
    sb.write(
        "cv.toml",
        toml.replace(
            "email = \"alex@example.com\"",
            "email = \"alex@example.com\"\nimage = \"me.png\"",
        ),
    );
    write_png(&sb.path("me.png"));
    sb.vita(&["render", "cv.toml", "--theme", "modern"]).assert_ok();
    let list = tool_stdout("pdfimages", &["-list", sb.path("out/cv.pdf").to_str().unwrap()]);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "one picture and its round mask:\n{list}");
    assert!(rows[0].contains("image") && rows[1].contains("smask"), "{list}");
    assert!(rows[0].split_whitespace().nth(3) == Some("300"), "cropped square and scaled:\n{list}");
    // The classic theme shows no photo.
    sb.vita(&["render", "cv.toml", "-o", "classic"]).assert_ok();
    let list = tool_stdout("pdfimages", &["-list", sb.path("classic/cv.pdf").to_str().unwrap()]);
    assert_eq!(list.lines().count(), 2, "{list}");
    // A missing photo is an error naming it, not a silent omission.
    std::fs::remove_file(sb.path("me.png")).unwrap();
    let run = sb.vita(&["render", "cv.toml", "--theme", "modern", "-o", "x"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(
        run.stderr().contains("me.png") && run.stderr().contains("cannot read the photo"),
        "{}",
        run.report()
    );
}

#[test]
fn heading_rules_beside_accent_bars_and_custom_page_sizes() {
    use vita::layout::FrameItem;
    use vita::theme::{Override, Theme};
    let resume = vita::model::load(&common::root().join("data/resume.toml")).unwrap();
    let book = vita::fonts::FontBook::new();
    let set = |a: &str| Override::parse(a).unwrap();
    let theme = Theme::resolve_with(
        "modern",
        &[
            set("headings.rule=\"beside\""),
            set("headings.accent_bar=true"),
            set("page.width=180"),
            set("page.height=250"),
        ],
    )
    .unwrap();
    let doc = vita::render::lay_out(&resume, &theme, &book).unwrap();
    let page = &doc.pages[0];
    assert!(
        (page.width - 180.0 * 72.0 / 25.4).abs() < 0.01
            && (page.height - 250.0 * 72.0 / 25.4).abs() < 0.01
    );
    let (x0, x1) = (doc.content_box.left, doc.content_box.right);
    let title = page
        .items
        .iter()
        .find_map(|(p, it)| match it {
            FrameItem::Text(r) if r.text == "SUMMARY" => Some((p.x, p.y, p.x + r.width())),
            _ => None,
        })
        .expect("the SUMMARY heading");
    // The bar sits before the title, which moved right to make room.
    let bar = page.items.iter().find(|(p, it)| {
        matches!(it, FrameItem::Rect { .. }) && p.y < title.1 && p.y > title.1 - 15.0
    });
    assert!(
        bar.is_some_and(|(p, _)| (p.x - x0).abs() < 0.01) && title.0 > x0 + 5.0,
        "bar before the title"
    );
    // The rule runs from after the title to the margin, level with it.
    let rule = page.items.iter().find_map(|(p, it)| match it {
        FrameItem::Rule { width, .. } if (p.y - title.1).abs() < 8.0 => Some((p.x, p.x + width)),
        _ => None,
    });
    let (start, end) = rule.expect("a rule beside the title");
    assert!(
        start > title.2 && (end - x1).abs() < 0.01,
        "rule {start}..{end}, title ends {}",
        title.2
    );
}
