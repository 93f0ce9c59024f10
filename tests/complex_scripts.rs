//! Résumés in Arabic, Hebrew and Hindi (the ATS cases in `tests/ats/`),
//! drawn with the system's Noto fonts: Debian's `fonts-noto-core`, which
//! scripts/test.sh and .ci/run install; without it these tests fail and
//! say so.
//!
//! Arabic and Hebrew run right to left (`meta.direction = "rtl"`): the page
//! is mirrored, and every line follows the Unicode bidirectional algorithm,
//! with the Latin names, numbers, e-mail addresses and URLs inside it
//! reading left to right. Hindi's syllables are reordered by the shaper
//! (a vowel sign drawn before its consonant, conjuncts, marks above), and
//! each glyph's ToUnicode entry carries its share of its syllable.
//!
//! Each résumé's every heading, paragraph and bullet must come out of
//! pdftotext exactly as typed, and score 1.000 with both of the harness's
//! pdftotext readings; the other extractors' scores are printed
//! (`docs/scripts.md` explains them).

mod common;

use common::{Sandbox, ats_harness, root, tool_stdout};
use std::path::Path;

const FONTS: &str = "/usr/share/fonts/truetype/noto";

/// The case's résumé.
fn source(case: &str) -> String {
    std::fs::read_to_string(root().join(format!("tests/ats/{case}/resume.toml")))
        .expect("the case exists")
}

/// Renders `tests/ats/{case}` to PDF, text and PNG.
fn render(case: &str, font: &str) -> Sandbox {
    let needed = Path::new(FONTS).join(format!("{font}-Regular.ttf"));
    assert!(
        needed.is_file(),
        "{} is missing: install Debian's fonts-noto-core (scripts/test.sh does)",
        needed.display()
    );
    let sb = Sandbox::new();
    sb.write("resume.toml", source(case));
    let run = sb.vita(&["render", "resume.toml", "-f", "pdf,txt,png", "--dpi", "60"]);
    run.assert_ok();
    assert!(!run.stderr().contains("no font has"), "a character found no font:{}", run.report());
    sb
}

/// Text as compared: without the bidi controls pdftotext puts around
/// right-to-left lines, and with every run of white space one space.
fn normalised(text: &str) -> String {
    let kept: String = text.chars().map(|c| if is_control(c) { ' ' } else { c }).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The bidi controls (marks, embeddings, isolates).
fn is_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The words of `text`, as `|`-joined: the runs of letters, digits and
/// marks between spaces and punctuation. Where a line turns direction,
/// pdftotext cannot know on which side a hyphen, a full stop or a bracket
/// was typed ("ב-Go" reads "ב Go-"), as no reader of a drawn page can; the
/// words and their order it must keep.
fn words(text: &str) -> String {
    let separator = |c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || is_control(c) || "،؛؟–—·•".contains(c)
    };
    text.split(separator).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("|")
}

/// The case's expected strings of `key` (headings, bullets, paragraphs).
fn expected(case: &str, key: &str) -> Vec<String> {
    let path = root().join(format!("tests/ats/{case}/expected.json"));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    json[key].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

/// Every heading, bullet and paragraph of the case extracts from the PDF
/// as typed, in reading order; the fonts are embedded subset with
/// ToUnicode maps; the preview has ink; the harness's pdftotext readings
/// score 1.000. Returns the sandbox for more checks.
fn check(case: &str, font: &str) -> Sandbox {
    let sb = render(case, font);
    let pdf = sb.path("out/resume.pdf");
    let pdf = pdf.to_str().unwrap();
    let fonts = tool_stdout("pdffonts", &[pdf]);
    let script_fonts: Vec<&str> = fonts.lines().filter(|l| l.contains(font)).collect();
    assert!(!script_fonts.is_empty(), "{case}: no {font} in the PDF:\n{fonts}");
    for line in fonts.lines().skip(2) {
        assert!(line.contains("yes yes yes"), "{case}: embedded, subset, ToUnicode: {line}");
    }
    let extracted = tool_stdout("pdftotext", &[pdf, "-"]);
    let (text, all_words) = (normalised(&extracted), words(&extracted));
    let rtl = source(case).contains("direction = \"rtl\"");
    for key in ["headings", "paragraphs", "bullets"] {
        for want in expected(case, key) {
            if rtl {
                let want = words(&want);
                assert!(all_words.contains(&want), "{case}: {want:?} not in:\n{all_words}");
            } else {
                let want = normalised(&want);
                assert!(text.contains(&want), "{case}: {want:?} not extracted from:\n{text}");
            }
        }
    }
    let check = tool_stdout("qpdf", &["--check", pdf]);
    assert!(check.contains("No syntax or stream encoding errors"), "{check}");
    let png = image::open(sb.path("out/resume-1.png")).unwrap().to_luma8();
    let ink = png.pixels().filter(|p| p.0[0] < 128).count();
    assert!(ink > 3_000, "{case}: the preview has {ink} dark pixels");

    let (python, score) = ats_harness();
    let json = sb.path("report.json");
    let expected = root().join(format!("tests/ats/{case}/expected.json"));
    let out = std::process::Command::new(python)
        .arg(score)
        .args([Path::new(pdf), &expected])
        .args(["--json", json.to_str().unwrap()])
        .output()
        .expect("the harness runs");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).unwrap_or_else(|e| {
            panic!("the harness wrote no report ({e}):\n{}", String::from_utf8_lossy(&out.stderr))
        }))
        .unwrap();
    let extractors = report["extractors"].as_object().unwrap();
    let mut table = String::new();
    for (name, e) in extractors {
        let (words, blocks) =
            (e["words"].as_f64().unwrap_or(0.0), e["score"].as_f64().unwrap_or(0.0));
        table.push_str(&format!("{case:8} {name:14} words {words:.3} score {blocks:.3}\n"));
    }
    println!("{table}");
    for name in ["pdftotext", "pdftotext-lay"] {
        let score = extractors[name]["score"].as_f64().unwrap_or(0.0);
        assert!(score > 0.999, "{case}: {name} scores {score:.3}:\n{table}");
    }
    sb
}

/// Where pdftotext finds `word` on the first page: its left and right
/// ends, as fractions of the page's width.
fn placed(sb: &Sandbox, word: &str) -> (f32, f32) {
    let pdf = sb.path("out/resume.pdf");
    let html = tool_stdout("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |line: &str, name: &str| -> f32 {
        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    let page = html.lines().find(|l| l.contains("<page")).expect("a page");
    let width = attr(page, "width");
    // Words come in the order of their glyphs: a right-to-left word's
    // backwards.
    let backwards: String = word.chars().rev().collect();
    let line = html
        .lines()
        .find(|l| [word, &backwards].iter().any(|w| l.contains(&format!(">{w}</word>"))))
        .unwrap_or_else(|| panic!("{word:?} not found:\n{html}"));
    (attr(line, "xMin") / width, attr(line, "xMax") / width)
}

/// A right-to-left page is mirrored: headings start at the right margin,
/// and the date column is at the left.
fn assert_mirrored(sb: &Sandbox, case: &str) {
    let heading = expected(case, "headings")[0].split_whitespace().next().unwrap().to_string();
    let (_, right) = placed(sb, &heading);
    assert!(right > 0.85, "{case}: the heading {heading:?} ends at {right:.2} of the page");
    let year = expected(case, "dates")[0].split_whitespace().nth(1).unwrap().to_string();
    let (left, _) = placed(sb, &year);
    assert!(left < 0.3, "{case}: the first date's year starts at {left:.2} of the page");
}

#[test]
fn an_arabic_resume_joins_reads_right_to_left_and_extracts_in_reading_order() {
    let sb = check("arabic", "NotoNaskhArabic");
    assert_mirrored(&sb, "arabic");
    // A mixed-direction line: an Arabic sentence with a URL inside.
    let text =
        normalised(&tool_stdout("pdftotext", &[sb.path("out/resume.pdf").to_str().unwrap(), "-"]));
    let mixed =
        expected("arabic", "paragraphs").into_iter().find(|p| p.contains(".example.")).unwrap();
    assert!(words(&text).contains(&words(&mixed)), "{mixed:?} not in:\n{text}");
}

#[test]
fn a_hebrew_resume_reads_right_to_left_with_an_e_mail_inside_a_sentence() {
    let sb = check("hebrew", "NotoSerifHebrew");
    assert_mirrored(&sb, "hebrew");
    let text =
        normalised(&tool_stdout("pdftotext", &[sb.path("out/resume.pdf").to_str().unwrap(), "-"]));
    let mixed = expected("hebrew", "paragraphs").into_iter().find(|p| p.contains('@')).unwrap();
    assert!(words(&text).contains(&words(&mixed)), "{mixed:?} not in:\n{text}");
}

#[test]
fn a_hindi_resume_shapes_its_syllables_and_extracts_them_as_typed() {
    let sb = check("hindi", "NotoSerifDevanagari");
    // Left to right: the first heading starts at the left margin.
    let heading = expected("hindi", "headings")[0].clone();
    let (left, _) = placed(&sb, &heading);
    assert!(left < 0.15, "the heading starts at {left:.2} of the page");
}

/// Bengali and Tamil, whose vowel signs are drawn before, after or around
/// their consonant and whose virama is a mark over it: both poppler and
/// pdfminer read every word whole. (A mark that stands for no text
/// reaches, in its /W width, to its letter's end, so pdfminer sees no
/// gap after it.)
#[test]
fn bengali_and_tamil_extract_as_typed_in_poppler_and_pdfminer() {
    let bengali = "কলকাতায় দশ বছরের অভিজ্ঞতা সম্পন্ন সফটওয়্যার প্রকৌশলী।";
    let tamil = "மென்பொருள் பொறியாளர், சென்னை கொள்கை கோவை";
    for font in ["NotoSerifBengali", "NotoSerifTamil"] {
        let needed = Path::new(FONTS).join(format!("{font}-Regular.ttf"));
        assert!(needed.is_file(), "{} is missing: install fonts-noto-core", needed.display());
    }
    let sb = Sandbox::new();
    let source =
        format!("[meta]\nlanguage = \"hi\"\n[basics]\nname = \"{bengali}\"\nlabel = \"{tamil}\"\n");
    sb.write("bt.toml", source);
    sb.vita(&["render", "bt.toml"]).assert_ok();
    let pdf = sb.path("out/bt.pdf");
    let poppler = normalised(&tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    let (python, _) = ats_harness();
    let script = "import sys; from pdfminer.high_level import extract_text; \
                  print(extract_text(sys.argv[1]))";
    let out = std::process::Command::new(python)
        .args(["-c", script, pdf.to_str().unwrap()])
        .output()
        .expect("the harness's Python runs");
    let pdfminer = normalised(&String::from_utf8_lossy(&out.stdout));
    for (reader, text) in [("pdftotext", &poppler), ("pdfminer", &pdfminer)] {
        for line in [bengali, tamil] {
            assert!(text.contains(line), "{reader} does not read {line:?} in:\n{text}");
        }
    }
}
