//! The HTML export (`-f html`): the seed in every built-in theme is one
//! self-contained, valid, accessible page that reads as the résumé.
//!
//! In Rust: the page's structure (`lang`, one `h1`, an `h2` per section,
//! `article`s, `time datetime`, links, JSON-LD `Person`) and that it
//! names nothing outside itself. In Debian's Chromium (tests/web/check.js,
//! one browser for all themes): screenshots at 1280 and 390 px with no
//! sideways scrolling, every embedded font loaded, no request leaving the
//! page, axe-core with no serious or critical violation, and a print to
//! PDF, which the ATS harness scores (≥ 0.99). The Nu HTML Checker
//! reports no error. A theme of two columns side by side
//! (tests/data/two-columns.toml) goes through the same checks; its print
//! must read as well as vita's PDF of it, which positional extractors
//! read row by row across the columns (0.985).
//!
//! Needs Chromium, Java, Node with the npm packages of tests/web/package.json
//! in $VITA_WEB_HOME (~/.cache/vita-web), and the ATS harness: scripts/test.sh
//! installs them. Without them this test fails and says what is missing.

mod common;

use common::{Sandbox, ats_harness, root};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where tests/web/package.json is installed.
fn web_home() -> PathBuf {
    std::env::var_os("VITA_WEB_HOME").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("HOME").unwrap_or_else(|| "/root".into());
        PathBuf::from(home).join(".cache/vita-web")
    })
}

/// The browser tools, or a panic saying what to install.
fn tools() -> (PathBuf, PathBuf) {
    let modules = web_home().join("node_modules");
    let vnu = modules.join("vnu-jar/build/dist/vnu.jar");
    let chromium =
        std::env::var_os("VITA_CHROMIUM").map_or("/usr/bin/chromium".into(), PathBuf::from);
    for (what, path) in [
        ("Debian's chromium", chromium.clone()),
        ("playwright-core (npm)", modules.join("playwright-core")),
        ("axe-core (npm)", modules.join("axe-core/axe.min.js")),
        ("vnu-jar (npm)", vnu.clone()),
    ] {
        assert!(
            path.exists(),
            "{what} is missing: expected {}. Run scripts/test.sh, which installs Chromium and \
             Java with apt-get and tests/web/package.json into $VITA_WEB_HOME (~/.cache/vita-web).",
            path.display()
        );
    }
    for tool in ["node", "java"] {
        let found = Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success());
        assert!(found, "`{tool}` is not on PATH: scripts/test.sh installs it");
    }
    (modules, vnu)
}

/// What a page says, read from its source.
fn structure(theme: &str, html: &str, seed: &vita::model::Resume) {
    let count = |s: &str| html.matches(s).count();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-us\" dir=\"ltr\">"), "{theme}");
    assert_eq!(count("<h1"), 1, "{theme}");
    assert!(html.contains(&format!(">{}</h1>", seed.basics.name)), "{theme}");
    assert!(count("<h2") >= 3, "{theme}: {} sections", count("<h2"));
    assert_eq!(count("<section"), count("<h2"), "{theme}: a heading per section");
    let jobs = seed.work.len();
    assert!(count("<article") >= jobs, "{theme}: {} articles for {jobs} jobs", count("<article"));
    assert!(count("<time datetime=\"") >= 1, "{theme}: no time element");
    assert!(html.contains("<ul class=\"bullets\">"), "{theme}: bullets are a list");
    if let Some(email) = &seed.basics.email {
        assert!(html.contains(&format!("<a href=\"mailto:{email}\">{email}</a>")), "{theme}");
    }
    // Nothing from outside: fonts and pictures are data URLs.
    for outside in ["src=\"http", "url(http", "href=\"//", "<link", "@import"] {
        assert!(!html.contains(outside), "{theme}: {outside}");
    }
    assert!(count("@font-face") >= 2, "{theme}: fonts not embedded");
    // Subsets, not whole fonts (a whole bundled face is 300 kB to 1.2 MB).
    assert!(html.len() < 300_000, "{theme}: {} bytes", html.len());
    // The JSON-LD Person carries the name, contact and jobs.
    let start = html.find("<script type=\"application/ld+json\">").expect("JSON-LD") + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let ld: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(ld["@type"], "Person", "{theme}");
    assert_eq!(ld["name"], seed.basics.name.as_str(), "{theme}");
    assert_eq!(ld["email"].as_str(), seed.basics.email.as_deref(), "{theme}");
    // Each job that names its employer is a role at it.
    let employers = seed.work.iter().filter(|w| w.name.is_some() || w.position.is_some()).count();
    let roles = ld["worksFor"].as_array().map_or(0, Vec::len);
    assert_eq!(roles, employers, "{theme}: {ld}");
}

#[test]
fn the_seed_is_a_valid_accessible_self_contained_page_in_every_theme() {
    let (modules, vnu) = tools();
    let (python, score) = ats_harness();
    let sb = Sandbox::new();
    let seed = vita::model::load(&root().join("data/resume.toml")).unwrap();
    std::fs::create_dir_all(sb.path("pages")).unwrap();
    let mut pages: Vec<String> = Vec::new();
    // Every built-in theme, and a theme of two columns side by side.
    let two = root().join("tests/data/two-columns.toml");
    let themes: Vec<(&str, &str)> = vita::theme::BUILTIN
        .iter()
        .map(|(name, _)| (*name, *name))
        .chain([("two-columns", two.to_str().unwrap())])
        .collect();
    for &(theme, file) in &themes {
        let out = format!("out-{theme}");
        sb.vita(&["render", "-t", file, "-f", "html", "-o", &out, "-q"]).assert_ok();
        let html = std::fs::read_to_string(sb.path(&format!("{out}/resume.html"))).unwrap();
        structure(theme, &html, &seed);
        let page = format!("pages/{theme}.html");
        sb.write(&page, &html);
        pages.push(sb.path(&page).to_string_lossy().into_owned());
    }

    // The Nu HTML Checker: no errors.
    let checked = Command::new("java")
        .arg("-jar")
        .arg(&vnu)
        .arg("--errors-only")
        .args(&pages)
        .output()
        .unwrap();
    let complaints = String::from_utf8_lossy(&checked.stderr);
    assert!(checked.status.success() && complaints.trim().is_empty(), "vnu:\n{complaints}");

    // Chromium: widths, fonts, requests, axe, print.
    let shots = sb.path("shots");
    std::fs::create_dir_all(&shots).unwrap();
    let script = root().join("tests/web/check.js");
    let run = Command::new("node")
        .arg(&script)
        .arg(&shots)
        .args(&pages)
        .env("NODE_PATH", &modules)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "check.js failed:\n{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let mut problems: Vec<String> = Vec::new();
    // The ATS harness's score of a PDF.
    let ats = |pdf: &Path| {
        let json = pdf.with_extension("ats.json");
        let expected = common::ats_shared().join("cases/seed/expected.json");
        let out = Command::new(&python)
            .arg(&score)
            .arg(pdf)
            .arg(&expected)
            .arg("--json")
            .arg(&json)
            .output()
            .unwrap();
        let score = std::fs::read(&json)
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .and_then(|v| v["ats_score"].as_f64());
        (score, String::from_utf8_lossy(&out.stdout).into_owned())
    };
    // Side-by-side columns cost positional extractors in any PDF: there the
    // printed page must read as well as vita's own PDF of the theme does.
    sb.vita(&["render", "-t", two.to_str().unwrap(), "-o", "two-pdf", "-q"]).assert_ok();
    let two_pdf = ats(&sb.path("two-pdf/resume.pdf")).0.expect("the PDF scores");
    for &(theme, _) in &themes {
        let r = &report[theme];
        if r["requests"].as_array().is_none_or(|a| !a.is_empty()) {
            problems.push(format!("{theme}: requests {}", r["requests"]));
        }
        for width in ["1280", "390"] {
            let w = &r["widths"][width];
            let (scroll, client) = (w["scrollWidth"].as_u64(), w["clientWidth"].as_u64());
            if scroll.is_none() || scroll > client {
                problems.push(format!("{theme} at {width} px scrolls sideways: {w}"));
            }
            if w["fonts"].as_u64().unwrap_or(0) < 2 || w["failedFonts"] != 0 {
                problems.push(format!("{theme} at {width} px: fonts {w}"));
            }
        }
        let serious: Vec<&serde_json::Value> = r["axe"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        if !serious.is_empty() {
            problems.push(format!("{theme}: axe {serious:?}"));
        }
        for width in [1280, 390] {
            assert!(shots.join(format!("{theme}-{width}.png")).is_file(), "{theme} {width}");
        }
        // The printed page reads as the résumé.
        let target = if theme == "two-columns" { two_pdf.min(0.99) - 0.001 } else { 0.99 };
        match ats(&shots.join(format!("{theme}.pdf"))) {
            (Some(s), _) if s >= target => eprintln!("{theme}: printed page scores {s:.3}"),
            (other, report) => problems
                .push(format!("{theme}: the printed page scores {other:?} < {target}:\n{report}")),
        }
    }
    keep_for_inspection(&shots);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Copies the screenshots and printed pages to target/html-check, for a
/// person to look at.
fn keep_for_inspection(shots: &Path) {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or(root().join("target"), PathBuf::from);
    let keep = target.join("html-check");
    let _ = std::fs::create_dir_all(&keep);
    for entry in std::fs::read_dir(shots).into_iter().flatten().flatten() {
        let _ = std::fs::copy(entry.path(), keep.join(entry.file_name()));
    }
}

#[test]
fn a_right_to_left_resume_with_a_photo_is_marked_and_embeds_it() {
    let sb = Sandbox::new();
    let photo = image::RgbImage::from_pixel(40, 40, image::Rgb([200, 120, 60]));
    photo.save(sb.path("me.png")).unwrap();
    sb.write(
        "cv.toml",
        "[meta]\nlanguage = \"he\"\n[basics]\nname = \"דנה <כהן>\"\nimage = \"me.png\"\n\
         email = \"d@example.com\"\n[[work]]\nname = \"Acme\"\nposition = \"מהנדסת\"\n\
         start_date = \"2020-03\"\nend_date = \"present\"\nhighlights = [\"**בנתה** מערכת\"]\n",
    );
    sb.vita(&["render", "cv.toml", "-t", "modern", "-f", "html", "-o", "out"]).assert_ok();
    let html = std::fs::read_to_string(sb.path("out/cv.html")).unwrap();
    assert!(html.contains("<html lang=\"he\" dir=\"rtl\">"), "{}", &html[..200]);
    assert!(html.contains("<h1>דנה &lt;כהן&gt;</h1>"), "the name is escaped");
    assert!(html.contains("src=\"data:image/png;base64,"), "the photo is inline");
    assert!(html.contains("alt=\"דנה &lt;כהן&gt;\""), "the photo is named");
    assert!(html.contains("<time datetime=\"2020-03\">"), "the start has its ISO date");
    assert!(html.contains("<strong>בנתה</strong>"), "markup becomes elements");
    assert!(html.contains("\"roleName\": \"מהנדסת\""), "the position is the role");
    assert!(html.contains("\"name\": \"Acme\""), "the employer is the organisation");
    // Hebrew comes from a face the font book found for it (Debian's
    // fonts-noto-core, which scripts/test.sh installs), embedded too.
    assert!(html.contains("@font-face{font-family:\"Noto Sans Hebrew\""), "no Hebrew face");
}

#[test]
fn a_cover_letter_combined_with_the_resume_is_one_valid_page() {
    let (_, vnu) = tools();
    let sb = Sandbox::new();
    sb.write(
        "cv.toml",
        "[basics]\nname = \"Alex Doe\"\nemail = \"alex@example.com\"\n[[work]]\n\
         name = \"Acme Corp\"\nposition = \"Senior Engineer\"\nstart_date = \"2021-01\"\n\
         highlights = [\"Ran the billing platform.\"]\n",
    );
    sb.write(
        "cover.toml",
        "resume = \"cv.toml\"\ndate = \"2026-03-14\"\nsubject = \"The SRE role\"\n\
         salutation = \"Dear Ms Rivera,\"\nclosing = \"Kind regards,\"\n\
         body = \"\"\"\nI am writing about the **SRE** role.\n\nThank you for your time.\n\"\"\"\n\
         [recipient]\nname = \"Maria Rivera\"\norganization = \"Northwind\"\n",
    );
    sb.vita(&["render", "cover.toml", "--combine", "-f", "html,txt", "-o", "out"]).assert_ok();
    let names: Vec<String> = std::fs::read_dir(sb.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let file = names.iter().find(|n| n.ends_with(".html")).unwrap_or_else(|| panic!("{names:?}"));
    let html = std::fs::read_to_string(sb.path(&format!("out/{file}"))).unwrap();
    let letter = &html[html.find("<article class=\"letter\">").expect("the letter")..];
    let at = |s: &str| letter.find(s).unwrap_or_else(|| panic!("{s} missing:\n{letter}"));
    assert!(at("Maria Rivera") < at("The SRE role"), "the recipient, then the subject");
    assert!(at("<p>Dear Ms Rivera,</p>") < at("<strong>SRE</strong>"));
    assert!(at("Kind regards,<br>Alex Doe") < at("<div class=\"resume\">"), "then the résumé");
    assert!(letter.contains("<h2 id=\"s1-work\">Experience</h2>"), "{letter}");
    let checked = Command::new("java")
        .arg("-jar")
        .arg(&vnu)
        .arg("--errors-only")
        .arg(sb.path(&format!("out/{file}")))
        .output()
        .unwrap();
    let complaints = String::from_utf8_lossy(&checked.stderr);
    assert!(checked.status.success() && complaints.trim().is_empty(), "vnu:\n{complaints}");
}
