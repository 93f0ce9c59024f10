//! The Word export (`-f docx`), read back by the tools that will open it:
//!
//! - python-docx reads every paragraph with its style name, and they come
//!   in the description's order: the name a Title, each section title a
//!   Heading 1, an entry's first header line a Heading 2 (dates at a right
//!   tab stop on the text's edge), bullets List Bullet, …; the core
//!   properties, the page and the font table's fallbacks are checked too;
//! - LibreOffice (Debian `libreoffice-writer-nogui`) converts the six
//!   themes' files to PDF in one run, with nothing on stderr but its own
//!   note that it has no Java, and with the theme's fonts (the repository's
//!   `fonts/` folder, given through a fontconfig file);
//! - the seven-extractor ATS harness scores each of those PDFs ≥ 0.99.
//!
//! Needs python-docx in `~/.cache/vita-docx/venv` (or `$VITA_DOCX_VENV`),
//! LibreOffice's `soffice`, and the ATS harness; scripts/test.sh installs
//! all three. Without them these tests fail and say what is missing.

mod common;

use common::{Sandbox, ats_harness, ats_shared, root};
use std::path::{Path, PathBuf};
use std::process::Command;
use vita::compose::describe::{Item, Part, describe};
use vita::compose::markup::plain;
use vita::model::Highlight;
use vita::theme::{BUILTIN, EntryLayout, Theme};

/// Reads a .docx with python-docx and prints what the test checks, as JSON.
const READ: &str = r#"
import json, re, sys, zipfile
import docx
d = docx.Document(sys.argv[1])
h2 = d.styles["Heading 2"].paragraph_format.tab_stops
s = d.sections[0]
fonts = zipfile.ZipFile(sys.argv[1]).read("word/fontTable.xml").decode()
print(json.dumps({
    "paragraphs": [[p.style.name, p.text, bool(p.paragraph_format.page_break_before)]
                   for p in d.paragraphs],
    "title": d.core_properties.title,
    "author": d.core_properties.author,
    "keywords": d.core_properties.keywords,
    "tabs": [[t.position, str(t.alignment)] for t in h2],
    "page": [s.page_width, s.page_height, s.left_margin, s.right_margin],
    "fonts": re.findall(r'<w:font w:name="([^"]+)"><w:altName w:val="([^"]+)"', fonts),
}))
"#;

/// The python with python-docx in it, or a failure saying how to get it.
fn python() -> PathBuf {
    let venv = std::env::var_os("VITA_DOCX_VENV").map(PathBuf::from).unwrap_or_else(|| {
        let home = std::env::var_os("HOME").unwrap_or_else(|| "/root".into());
        PathBuf::from(home).join(".cache/vita-docx/venv")
    });
    let python = venv.join("bin/python");
    let ok = Command::new(&python)
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "python-docx is not installed in {}: run scripts/test.sh, or \
         `python3 -m venv {0} && {0}/bin/pip install python-docx`",
        venv.display()
    );
    python
}

/// What python-docx reads in `file`.
fn read(python: &Path, file: &Path) -> serde_json::Value {
    let out = Command::new(python).args(["-c", READ]).arg(file).output().unwrap();
    assert!(out.status.success(), "python-docx: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The (style, text) paragraphs the description of the seed in `theme`
/// calls for, in order: texts as plain text, a header line's facts only
/// as its first one (the others follow it in the same paragraph); and
/// whether facts are set at the right tab stop (the dates).
fn expected(theme: &Theme) -> Vec<(&'static str, String, bool)> {
    let resume = seed();
    let locale = vita::locale::Locale::for_resume(&resume, theme).unwrap();
    let d = describe(&resume, theme, &locale);
    let mut out = vec![("Title", plain(&d.name), false)];
    out.extend(d.label.iter().map(|l| ("Subtitle", plain(l), false)));
    let contacts = d.sections.iter().flat_map(|s| &s.items).find_map(|i| match i {
        Item::Contacts(c) => Some(c),
        _ => None,
    });
    if let Some(first) = d.contacts.first().or(contacts.and_then(|c| c.first())) {
        out.push(("Normal", first.text.clone(), false));
    }
    for s in &d.sections {
        if s.items.iter().all(|i| matches!(i, Item::Contacts(_))) {
            continue;
        }
        out.push(("Heading 1", s.title.clone(), false));
        for item in &s.items {
            match item {
                Item::Contacts(_) => {}
                Item::Prose { text, .. } => out.extend(
                    vita::compose::markup::paragraphs(text)
                        .iter()
                        .map(|p| ("Normal", plain(p), false)),
                ),
                Item::Labelled(l) => out.push(("Normal", lead(l), false)),
                Item::Entry(e) => {
                    let rows = e.header(theme.entry.layout);
                    let text = |p: &Part| e.part(*p).filter(|t| !t.trim().is_empty());
                    let firsts = rows.iter().filter_map(|row| {
                        let first = row.left.iter().chain(&row.right).find_map(text)?;
                        Some((first, row.right.iter().any(|p| text(p).is_some())))
                    });
                    for (n, (first, tabbed)) in firsts.enumerate() {
                        let style = if n == 0 { "Heading 2" } else { "Entry Details" };
                        out.push((style, plain(first), tabbed));
                    }
                    if let Some(summary) = &e.summary {
                        let paras = vita::compose::markup::paragraphs(summary);
                        out.extend(paras.iter().map(|p| ("Normal", plain(p), false)));
                    }
                    for h in &e.highlights {
                        out.push(("List Bullet", plain(h.text()), false));
                        if let Highlight::Group(g) = h {
                            let style = if g.numbered { "List Number 2" } else { "List Bullet 2" };
                            out.extend(g.items.iter().map(|i| (style, plain(i), false)));
                        }
                    }
                    out.extend(e.lists.iter().map(|l| ("Normal", lead(l), false)));
                }
            }
        }
    }
    out
}

/// The seed résumé.
fn seed() -> vita::model::Resume {
    vita::model::load(&root().join("data/resume.toml")).unwrap()
}

/// How a "Label: text" line begins: its label, or its text without one.
fn lead(l: &vita::compose::describe::Labelled) -> String {
    if l.label.trim().is_empty() { plain(&l.text) } else { plain(&l.label) }
}

/// Renders the seed as .docx in every built-in theme into `sb`; the files.
fn render_all(sb: &Sandbox) -> Vec<(&'static str, PathBuf)> {
    BUILTIN
        .iter()
        .map(|(theme, _)| {
            sb.vita(&["render", "-t", theme, "-f", "docx", "-o", &format!("out-{theme}"), "-q"])
                .assert_ok();
            (*theme, sb.path(&format!("out-{theme}/resume.docx")))
        })
        .collect()
}

#[test]
fn every_theme_reads_back_as_the_descriptions_paragraphs_in_their_styles() {
    let python = python();
    let sb = Sandbox::new();
    for (name, file) in render_all(&sb) {
        let theme = Theme::resolve(name).unwrap();
        let r = read(&python, &file);
        let got: Vec<(String, String)> = r["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_str().unwrap().to_string()))
            .filter(|(_, text)| !text.trim().is_empty())
            .collect();
        let want = expected(&theme);
        for (i, (style, text, tabbed)) in want.iter().enumerate() {
            let Some((s, t)) = got.get(i) else {
                panic!("{name}: paragraph {i} ({style} {text:?}) is missing; got {got:#?}")
            };
            assert!(
                s == style
                    && t.trim_start_matches('\t').starts_with(text.as_str())
                    && t.contains('\t') == *tabbed,
                "{name}: paragraph {i} is ({s} {t:?}), the description calls for ({style} \
                 {text:?}, dates at a tab: {tabbed})"
            );
        }
        assert_eq!(got.len(), want.len(), "{name}: paragraphs {got:#?}");

        // The dates' tab stop: right-aligned at the text's right edge; with
        // a rail, left-aligned at its far side (in EMU, 12 700 a point).
        let (w, _) = theme.page.size_pt();
        let (align, at) = match theme.entry.layout {
            EntryLayout::Rail => ("LEFT", theme.entry.rail_width.pt() + theme.entry.rail_gap.pt()),
            _ => ("RIGHT", w - theme.page.margin_left.pt() - theme.page.margin_right.pt()),
        };
        let tabs = r["tabs"].as_array().unwrap();
        assert_eq!(tabs.len(), 1, "{name}: {tabs:?}");
        assert!(tabs[0][1].as_str().unwrap().starts_with(align), "{name}: {tabs:?}");
        let at = f64::from(at * 12_700.0);
        assert!((tabs[0][0].as_f64().unwrap() - at).abs() < 12_700.0, "{name}: {tabs:?}");
        let page = &r["page"];
        assert!((page[0].as_f64().unwrap() - (w * 12_700.0) as f64).abs() < 12_700.0, "{name}");

        // The same title, author and keywords as the PDF's.
        let meta = vita::render::metadata(&seed(), &theme, 0);
        assert_eq!(r["title"], meta.title.as_str(), "{name}");
        assert_eq!(r["author"], meta.author.as_str(), "{name}");
        assert_eq!(r["keywords"], meta.keywords.join(", ").as_str(), "{name}");

        // Every family of the theme is in the font table with a fallback.
        let fonts: Vec<(String, String)> =
            serde_json::from_value(r["fonts"].clone()).expect("pairs");
        let body = &theme.fonts.body.family;
        let serif = matches!(body.as_str(), "Charis SIL" | "EB Garamond");
        let fallback = if serif { "Times New Roman" } else { "Arial" };
        assert!(fonts.contains(&(body.clone(), fallback.into())), "{name}: {fonts:?}");
    }
}

#[test]
fn libreoffice_converts_every_theme_to_a_pdf_every_ats_reads_whole() {
    let soffice = which("soffice").unwrap_or_else(|| {
        panic!(
            "LibreOffice's soffice is not installed: run scripts/test.sh, or \
             `apt-get install --no-install-recommends libreoffice-writer-nogui`"
        )
    });
    let (python, score) = ats_harness();
    let sb = Sandbox::new();
    let files = render_all(&sb);
    // The theme's fonts, from the repository, beside the system's.
    let conf = sb.write(
        "fonts.conf",
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\
             <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{}</dir>\
             <cachedir>{}</cachedir></fontconfig>\n",
            root().join("fonts").display(),
            sb.path("fontconfig-cache").display()
        ),
    );
    let docx: Vec<PathBuf> = files
        .iter()
        .map(|(theme, file)| {
            let to = sb.path(&format!("{theme}.docx"));
            std::fs::copy(file, &to).unwrap();
            to
        })
        .collect();
    let out = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", sb.path("lo-profile").display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(sb.path("pdf"))
        .args(&docx)
        .env("FONTCONFIG_FILE", &conf)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // LibreOffice without a Java runtime says so at start, whatever the
    // document; anything else is about the files.
    let said: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.contains("failed to launch javaldx"))
        .collect();
    assert!(out.status.success() && said.is_empty(), "soffice: {stderr}");

    let mut problems = Vec::new();
    for (theme, _) in &files {
        let pdf = sb.path(&format!("pdf/{theme}.pdf"));
        assert!(pdf.is_file(), "{theme}: no PDF; soffice said {stderr}");
        let fonts = common::tool_stdout("pdffonts", &[pdf.to_str().unwrap()]);
        let family = Theme::resolve(theme).unwrap().fonts.body.family.replace(' ', "");
        assert!(fonts.contains(&family), "{theme}: {family} not used:\n{fonts}");
        let json = sb.path(&format!("{theme}.json"));
        let expected = ats_shared().join("cases/seed/expected.json");
        let run = Command::new(&python)
            .arg(&score)
            .arg(&pdf)
            .arg(&expected)
            .arg("--json")
            .arg(&json)
            .output()
            .unwrap();
        let report: serde_json::Value = match std::fs::read(&json) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap(),
            Err(_) => panic!("the harness failed: {}", String::from_utf8_lossy(&run.stderr)),
        };
        let score = report["ats_score"].as_f64().unwrap_or(0.0);
        let extractors = report["extractors"].as_object().cloned().unwrap_or_default();
        let clean = extractors.values().filter(|e| e.get("error").is_none()).count();
        eprintln!("{theme}: ats-score {score:.3} from {clean} extractors");
        if score < 0.99 || clean != 7 {
            problems.push(format!("{theme}: ats-score {score:.3}, {clean} of 7 extractors"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_letter_reads_back_line_by_line_and_combined_starts_the_resume_on_a_new_page() {
    let python = python();
    let sb = Sandbox::new();
    sb.write(
        "cv.toml",
        "[basics]\nname = \"Jordan Lee\"\nemail = \"jordan@example.com\"\n\n[[work]]\n\
         name = \"Acme Corp\"\nposition = \"Senior Engineer\"\nstart_date = \"2021-01\"\n\
         highlights = [\"Ran the billing platform.\"]\n",
    );
    sb.write(
        "cover.toml",
        r#"resume = "cv.toml"
date = "2026-03-14"
subject = "Application for the **SRE** role"
salutation = "Dear Ms Rivera,"
closing = "Kind regards,"
body = """
Parawordone opens the letter.

Parawordtwo follows.
"""

[recipient]
name = "Maria Rivera"
address = ["1 Market Street", "San Francisco, CA 94105"]
"#,
    );
    sb.vita(&["render", "cover.toml", "-f", "docx", "-o", "alone", "-q"]).assert_ok();
    sb.vita(&["render", "cover.toml", "-f", "docx", "-o", "both", "--combine", "-q"]).assert_ok();
    let paragraphs = |file: &str| -> Vec<(String, String, bool)> {
        let r = read(&python, &sb.path(file));
        serde_json::from_value(r["paragraphs"].clone()).expect("triples")
    };
    let alone = paragraphs("alone/cover.docx");
    let texts: Vec<&str> = alone.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Jordan Lee",
            "jordan@example.com",
            "Maria Rivera",
            "1 Market Street",
            "San Francisco, CA 94105",
            "March 14, 2026",
            "Application for the SRE role",
            "Dear Ms Rivera,",
            "Parawordone opens the letter.",
            "Parawordtwo follows.",
            "Kind regards,",
            "Jordan Lee"
        ],
        "{alone:#?}"
    );
    assert_eq!(alone[0].0, "Title");
    assert!(alone[1..].iter().all(|(s, _, _)| s == "Normal"), "{alone:#?}");

    let both = paragraphs("both/cover.docx");
    assert_eq!(both[..alone.len()], alone[..], "{both:#?}");
    let rest: Vec<(&str, &str, bool)> =
        both[alone.len()..].iter().map(|(s, t, b)| (s.as_str(), t.as_str(), *b)).collect();
    assert_eq!(
        rest,
        [
            ("Title", "Jordan Lee", true),
            ("Normal", "jordan@example.com", false),
            ("Heading 1", "Experience", false),
            ("Heading 2", "Senior Engineer\tJan 2021", false),
            ("Entry Details", "Acme Corp", false),
            ("List Bullet", "Ran the billing platform.", false),
        ],
        "{both:#?}"
    );
}

#[test]
fn the_same_resume_gives_the_same_bytes_in_a_batch() {
    let sb = Sandbox::new();
    let seed = std::fs::read(root().join("data/resume.toml")).unwrap();
    let names: Vec<String> = (0..4).map(|i| format!("cv{i}.toml")).collect();
    for name in &names {
        sb.write(name, &seed);
    }
    let mut args = vec!["render"];
    args.extend(names.iter().map(String::as_str));
    args.extend(["-f", "docx", "-o", "out", "-q"]);
    sb.vita(&args).assert_ok();
    let bytes: Vec<Vec<u8>> =
        (0..4).map(|i| std::fs::read(sb.path(&format!("out/cv{i}/cv{i}.docx"))).unwrap()).collect();
    assert!(bytes.iter().all(|b| *b == bytes[0]), "the four .docx files differ");
}

/// The path of a program on `PATH`.
fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(program)).find(|p| p.is_file())
}
