//! Tagged PDF, on by default: poppler's `pdfinfo -struct-text` reads the
//! structure tree of the seed in every theme, and it holds the résumé's
//! text in the order of the model (the .txt), once, with the name as H1,
//! a Sect and an H2 per section, bullets as L/LI/Lbl/LBody, links as Link
//! elements with their annotations, and the photo as a Figure with
//! alternative text; page furniture stays out of it. `--no-tags` writes
//! no tree.

mod common;

use common::{Sandbox, tool_stdout};
use std::path::Path;

/// One node of `pdfinfo -struct-text`'s tree: an element with its type
/// and kids, or a piece of text, or an object reference (an annotation).
#[derive(Debug)]
enum Node {
    Element(String, Vec<Node>),
    Text(String),
    Object,
}

/// The tree pdfinfo prints: two spaces of indent per level, an element
/// as `Type (block)`, text in quotes, an annotation as `Object N 0`.
fn struct_tree(pdf: &Path) -> Vec<Node> {
    let out = tool_stdout("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    let mut stack: Vec<(usize, String, Vec<Node>)> = vec![(0, "root".into(), Vec::new())];
    for line in out.lines().filter(|l| !l.trim().is_empty()) {
        let depth = (line.len() - line.trim_start().len()) / 2 + 1;
        while stack.len() > depth {
            let (_, kind, kids) = stack.pop().unwrap();
            stack.last_mut().unwrap().2.push(Node::Element(kind, kids));
        }
        let t = line.trim();
        if let Some(text) = t.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
            stack.last_mut().unwrap().2.push(Node::Text(text.to_string()));
        } else if t.starts_with("Object ") {
            stack.last_mut().unwrap().2.push(Node::Object);
        } else {
            let kind = t.split(' ').next().unwrap().to_string();
            stack.push((depth, kind, Vec::new()));
        }
    }
    while stack.len() > 1 {
        let (_, kind, kids) = stack.pop().unwrap();
        stack.last_mut().unwrap().2.push(Node::Element(kind, kids));
    }
    stack.pop().unwrap().2
}

/// All the text under `nodes`, in tree order; elements are apart, the
/// pieces of one element's text are not.
fn text(nodes: &[Node]) -> String {
    let mut out = String::new();
    for n in nodes {
        match n {
            Node::Element(_, kids) => {
                out.push(' ');
                out.push_str(&text(kids));
                out.push(' ');
            }
            Node::Text(t) => out.push_str(t),
            Node::Object => {}
        }
    }
    out
}

/// Every element of `kind` under `nodes`, depth first, with its path of
/// ancestors' kinds.
fn find<'a>(nodes: &'a [Node], kind: &str, path: &mut Vec<String>) -> Vec<(String, &'a [Node])> {
    let mut out = Vec::new();
    for n in nodes {
        if let Node::Element(k, kids) = n {
            if k == kind {
                out.push((path.join("/"), kids.as_slice()));
            }
            path.push(k.clone());
            out.extend(find(kids, kind, path));
            path.pop();
        }
    }
    out
}

/// The words of a text, lower-cased, without punctuation: what must read
/// the same in the tree and in the .txt.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn every_theme_tags_the_seed_in_model_order() {
    let sb = Sandbox::new();
    let themes = ["classic", "modern", "sidebar", "compact", "elegant", "ats"];
    for theme in themes {
        let out = format!("out/{theme}");
        sb.vita(&["render", "-t", theme, "-o", &out]).assert_ok();
        let pdf = sb.path(&format!("{out}/resume.pdf"));
        let txt = std::fs::read_to_string(sb.path(&format!("{out}/resume.txt"))).unwrap();
        let tree = struct_tree(&pdf);

        // One Document, the name its H1.
        let [Node::Element(root, body)] = tree.as_slice() else {
            panic!("{theme}: the tree has one root, the Document: {tree:?}")
        };
        assert_eq!(root, "Document", "{theme}");
        let h1 = find(body, "H1", &mut Vec::new());
        assert_eq!(h1.len(), 1, "{theme}: one H1");
        assert_eq!(text(h1[0].1).trim(), "Alex Doe", "{theme}");

        // The text of the tree is the text of the .txt, in its order:
        // nothing missing, nothing twice, no footer or running header.
        // Compared without spaces: poppler joins the lines of one element
        // without one (vita draws no space glyph at a line break).
        let letters = |s: &str| -> String {
            words(s).concat().chars().filter(|c| c.is_alphanumeric()).collect()
        };
        let (tagged, plain) = (letters(&text(&tree)), letters(&txt));
        if tagged != plain {
            let at = tagged.chars().zip(plain.chars()).take_while(|(a, b)| a == b).count();
            let around =
                |s: &str| s.chars().skip(at.saturating_sub(30)).take(60).collect::<String>();
            panic!(
                "{theme}: the tagged text differs from the .txt at letter {at}:\n tree: {}\n  txt: {}",
                around(&tagged),
                around(&plain)
            );
        }
        // Elements are apart: the name's last word does not run into the
        // next element's first.
        assert!(words(&text(&tree)).contains(&"doe".to_string()), "{theme}");

        // A Sect per section, each opened by its H2, in the .txt's order.
        let sects = find(body, "Sect", &mut Vec::new());
        let titles: Vec<String> = sects
            .iter()
            .map(|(_, kids)| match kids.first() {
                Some(Node::Element(k, t)) if k == "H2" => text(t).trim().to_lowercase(),
                other => panic!("{theme}: a Sect opens with {other:?}, not an H2"),
            })
            .collect();
        let headings: Vec<String> = txt
            .lines()
            .filter(|l| !l.is_empty() && l.chars().all(|c| !c.is_lowercase()))
            .filter(|l| l.chars().any(char::is_alphabetic))
            .map(str::to_lowercase)
            .collect();
        assert_eq!(titles, headings, "{theme}: the sections");

        // Each bullet is an LI of an L, with its marker as Lbl and its
        // text as LBody. The .txt starts them "- " or "1. "; a group's
        // lead-in is one too there, with its items indented under it,
        // while the page sets it as a paragraph above its list.
        let items = find(body, "LI", &mut Vec::new());
        let item = |l: &str| {
            let l = l.trim_start();
            l.starts_with("- ") || l.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        };
        let lines: Vec<&str> = txt.lines().collect();
        let bullets = (0..lines.len())
            .filter(|&i| item(lines[i]))
            .filter(|&i| {
                let lead_in = lines.get(i + 1).is_some_and(|next| {
                    item(next)
                        && next.len() - next.trim_start().len()
                            > lines[i].len() - lines[i].trim_start().len()
                });
                !lead_in
            })
            .count();
        assert_eq!(items.len(), bullets, "{theme}: one LI per bullet");
        for (path, kids) in &items {
            assert!(path.ends_with("/L"), "{theme}: an LI outside a list: {path}");
            let kinds: Vec<&str> = kids
                .iter()
                .map(|k| match k {
                    Node::Element(k, _) => k.as_str(),
                    _ => "content",
                })
                .collect();
            assert_eq!(kinds, ["Lbl", "LBody"], "{theme}: {path}");
        }

        // Every link is a Link element holding its text and annotation.
        let links = find(body, "Link", &mut Vec::new());
        assert!(!links.is_empty(), "{theme}: the e-mail address is a link");
        for (path, kids) in &links {
            assert!(kids.iter().any(|k| matches!(k, Node::Object)), "{theme}: {path}");
            assert!(!text(kids).trim().is_empty(), "{theme}: a Link without its text at {path}");
        }
    }
}

#[test]
fn the_catalog_says_tagged_and_in_which_language() {
    let sb = Sandbox::new();
    sb.vita(&["render", "-o", "out", "--lang", "de"]).assert_ok();
    let info = tool_stdout("pdfinfo", &[sb.path("out/resume.pdf").to_str().unwrap()]);
    assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with("yes")), "{info}");
    let json = tool_stdout("qpdf", &["--json", sb.path("out/resume.pdf").to_str().unwrap()]);
    assert!(json.contains("\"/Lang\": \"u:de\""), "no /Lang de in the catalog");
    assert!(json.contains("\"/Marked\": true"), "no /MarkInfo");
    assert!(json.contains("\"/ParentTree\""), "no ParentTree");
    // Every link annotation points back into the tree.
    let annots = json.matches("\"/Subtype\": \"/Link\"").count();
    assert!(annots > 0);
    assert_eq!(json.matches("\"/StructParent\"").count(), annots, "a link without /StructParent");
}

#[test]
fn a_photo_is_a_figure_with_alternative_text() {
    let sb = Sandbox::new();
    let png = common::root().join("tests/bad/assets/photo.png");
    std::fs::copy(&png, sb.path("data/photo.png")).expect("tests/bad/assets/photo.png");
    let resume = std::fs::read_to_string(sb.path("data/resume.toml")).unwrap();
    let resume = resume.replacen("[basics]\n", "[basics]\nimage = \"photo.png\"\n", 1);
    sb.write("data/resume.toml", resume);
    sb.vita(&["render", "-t", "modern", "--set", "header.photo=circle", "-o", "out"]).assert_ok();
    let pdf = sb.path("out/resume.pdf");
    let tree = struct_tree(&pdf);
    assert_eq!(find(&tree, "Figure", &mut Vec::new()).len(), 1, "{tree:?}");
    let json = tool_stdout("qpdf", &["--json", pdf.to_str().unwrap()]);
    assert!(json.contains("\"/Alt\": \"u:Alex Doe\""), "the Figure has no /Alt");
}

#[test]
fn no_tags_writes_no_tree_and_no_marks() {
    let sb = Sandbox::new();
    sb.vita(&["render", "-o", "out", "--no-tags", "-f", "pdf"]).assert_ok();
    let pdf = sb.path("out/resume.pdf");
    let info = tool_stdout("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with("no")), "{info}");
    assert!(struct_tree(&pdf).is_empty());
    let json = tool_stdout("qpdf", &["--json", pdf.to_str().unwrap()]);
    assert!(!json.contains("/StructTreeRoot") && !json.contains("/StructParent"));
}

/// pdfua, a PDF/UA-1 checker built on pikepdf (scripts/test.sh installs
/// it): no errors in any theme, a photo's Figure included. It checks 16
/// of PDF/UA-1's 106 machine-checkable rules: the structure tree,
/// /MarkInfo, content tagged or an artifact, /Lang, /Alt on figures,
/// tables, link and annotation descriptions, headings not empty, the
/// title shown. Not font embedding, colour, or whether the tags say
/// what the page means. Its one warning: no PDF/UA claim in XMP metadata,
/// which vita does not make.
#[test]
fn pdfua_finds_no_error_in_any_theme() {
    let home =
        std::env::var("VITA_PDFUA_HOME").map(std::path::PathBuf::from).unwrap_or_else(|_| {
            std::path::PathBuf::from(std::env::var("HOME").unwrap()).join(".cache/vita-pdfua")
        });
    let pdfua = home.join("bin/pdfua");
    assert!(pdfua.is_file(), "{} is missing: scripts/test.sh installs it", pdfua.display());
    let sb = Sandbox::new();
    let png = common::root().join("tests/bad/assets/photo.png");
    std::fs::copy(&png, sb.path("data/photo.png")).unwrap();
    let resume = std::fs::read_to_string(sb.path("data/resume.toml")).unwrap();
    sb.write(
        "data/resume.toml",
        resume.replacen("[basics]\n", "[basics]\nimage = \"photo.png\"\n", 1),
    );
    let mut files = Vec::new();
    for theme in ["classic", "modern", "sidebar", "compact", "elegant", "ats"] {
        let out = format!("out/{theme}");
        sb.vita(&["render", "-t", theme, "--set", "header.photo=square", "-o", &out, "-f", "pdf"])
            .assert_ok();
        files.push(sb.path(&format!("{out}/resume.pdf")).to_str().unwrap().to_string());
    }
    let mut args = vec!["check".to_string()];
    args.extend(files.iter().cloned());
    let out = std::process::Command::new(&pdfua).args(&args).output().expect("run pdfua");
    let report = String::from_utf8_lossy(&out.stdout);
    // Exit 3 is an error; 2 a warning, 1 information, 0 nothing.
    assert!(out.status.code().is_some_and(|c| c < 3), "pdfua found errors:\n{report}");
    assert_eq!(report.matches("errors=0").count(), files.len(), "{report}");
}

#[test]
fn a_combined_letter_and_resume_are_two_parts() {
    let sb = Sandbox::new();
    sb.vita(&["init", "--letter"]).assert_ok();
    sb.vita(&["render", "data/letter.toml", "--combine", "-o", "out", "-f", "pdf"]).assert_ok();
    let tree = struct_tree(&sb.path("out/letter.pdf"));
    let [Node::Element(root, body)] = tree.as_slice() else { panic!("one Document: {tree:?}") };
    assert_eq!(root, "Document");
    let parts: Vec<&[Node]> = body
        .iter()
        .map(|n| match n {
            Node::Element(k, kids) if k == "Part" => kids.as_slice(),
            other => panic!("the Document holds Parts only, not {other:?}"),
        })
        .collect();
    assert_eq!(parts.len(), 2, "the letter, then the résumé");
    for part in &parts {
        assert_eq!(find(part, "H1", &mut Vec::new()).len(), 1, "one H1, the name, in each part");
    }
    // The letter's part has no sections; the résumé's has its own.
    assert!(find(parts[0], "Sect", &mut Vec::new()).is_empty());
    let titles: Vec<String> = find(parts[1], "H2", &mut Vec::new())
        .iter()
        .map(|(_, kids)| text(kids).trim().to_lowercase())
        .collect();
    assert!(titles.contains(&"experience".to_string()), "{titles:?}");
}
