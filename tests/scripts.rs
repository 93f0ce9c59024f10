//! Résumés in scripts the bundled fonts do not draw: Chinese and Japanese,
//! with the system's Noto CJK fonts (Debian's `fonts-noto-cjk`, installed by
//! scripts/test.sh and .ci/run; without it these tests fail and say so).
//! The fonts are OpenType/CFF collections: each face is read at its index
//! in its .ttc, subset as CFF and embedded with a ToUnicode map, and the Han
//! variant follows the résumé's language (SC for zh-Hans, JP for ja).

mod common;

use common::{Sandbox, root, tool_stdout};

const NOTO_CJK: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

fn render(case: &str) -> Sandbox {
    assert!(
        std::path::Path::new(NOTO_CJK).is_file(),
        "{NOTO_CJK} is missing: install Debian's fonts-noto-cjk (scripts/test.sh does)"
    );
    let sb = Sandbox::new();
    let source =
        std::fs::read_to_string(root().join(format!("tests/scripts/{case}.toml"))).unwrap();
    sb.write(&format!("{case}.toml"), &source);
    let run = sb.vita(&["render", &format!("{case}.toml"), "-f", "pdf,txt,png", "--dpi", "60"]);
    run.assert_ok();
    assert!(!run.stderr().contains("no font has"), "a character found no font:{}", run.report());
    sb
}

/// The text without white space, which extraction adds and drops at will
/// around ideographs.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn check(case: &str, variant: &str, expect: &[&str]) {
    let sb = render(case);
    let pdf = sb.path(&format!("out/{case}.pdf"));
    let fonts = tool_stdout("pdffonts", &[pdf.to_str().unwrap()]);
    let cjk: Vec<&str> = fonts.lines().filter(|l| l.contains("CJK")).collect();
    assert!(!cjk.is_empty(), "no CJK font in the PDF:\n{fonts}");
    for line in &cjk {
        assert!(line.contains(variant), "{case}: not the {variant} variant: {line}");
        assert!(line.contains("CID Type 0C"), "{case}: CFF embedded as CFF: {line}");
        assert!(line.contains("yes yes yes"), "{case}: embedded, subset, ToUnicode: {line}");
    }
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(
        size < 150_000,
        "{case}: {size} bytes; the CJK font is 20 MB, its subset must be small"
    );
    let text = squeezed(&tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    for want in expect {
        assert!(text.contains(&squeezed(want)), "{case}: {want:?} not extracted from:\n{text}");
    }
    let check = tool_stdout("qpdf", &["--check", pdf.to_str().unwrap()]);
    assert!(check.contains("No syntax or stream encoding errors"), "{check}");
    // The preview draws the ideographs: a page with ink, not blank boxes.
    let png = image::open(sb.path(&format!("out/{case}-1.png"))).unwrap().to_luma8();
    let ink = png.pixels().filter(|p| p.0[0] < 128).count();
    // (Latin alone, the e-mail and dates, makes about 300 at this size.)
    assert!(ink > 1_000, "{case}: the preview has {ink} dark pixels");
}

#[test]
fn a_chinese_resume_embeds_simplified_han_and_extracts_exactly() {
    check(
        "zh",
        "sc",
        &[
            "王小明",
            "高级软件工程师",
            "主导容器平台的架构设计，将部署时间从两小时缩短到十分钟。",
            "2019年3月",
        ],
    );
}

#[test]
fn a_japanese_resume_embeds_japanese_han_and_extracts_exactly() {
    check(
        "ja",
        "jp",
        &["山田太郎", "決済基盤を再設計し、処理時間を半分に短縮しました。", "2018年4月"],
    );
}

/// `text.cjk_latin_space` opens a gap where Chinese meets a Latin word or
/// a digit without a space, and extraction still reads the text exactly as
/// typed: no space where the source has none.
#[test]
fn cjk_latin_space_opens_a_gap_that_extracts_as_nothing() {
    assert!(
        std::path::Path::new(NOTO_CJK).is_file(),
        "{NOTO_CJK} is missing: install Debian's fonts-noto-cjk (scripts/test.sh does)"
    );
    let summary = "使用Python和Go开发了3个平台，服务于AWS上的客户。";
    let source = format!(
        "[meta]\nlanguage = \"zh-Hans\"\n[basics]\nname = \"王小明\"\nsummary = \"{summary}\"\n"
    );
    // Where each run of the summary's line starts and ends, in points.
    let runs = |space: f32| -> Vec<(String, f32, f32)> {
        let resume: vita::model::Resume = toml::from_str(&source).unwrap();
        let mut theme = vita::theme::Theme::resolve("classic").unwrap();
        theme.text.cjk_latin_space = space;
        let book = vita::fonts::FontBook::new().with_language(Some("zh-Hans"));
        let doc = vita::render::lay_out(&resume, &theme, &book).unwrap();
        let line_y = doc.pages[0]
            .items
            .iter()
            .find_map(|(p, i)| match i {
                vita::layout::FrameItem::Text(r) if r.text.contains("Python") => Some(p.y),
                _ => None,
            })
            .expect("the summary is laid out");
        let mut out: Vec<(String, f32, f32)> = doc.pages[0]
            .items
            .iter()
            .filter_map(|(p, i)| match i {
                vita::layout::FrameItem::Text(r) if p.y == line_y => {
                    Some((r.text.clone(), p.x, p.x + r.width()))
                }
                _ => None,
            })
            .collect();
        out.sort_by(|a, b| a.1.total_cmp(&b.1));
        out
    };
    let (plain, spaced) = (runs(0.0), runs(0.08));
    let start_of = |runs: &[(String, f32, f32)], text: &str| {
        runs.iter().find(|r| r.0.starts_with(text)).map(|r| r.1).unwrap()
    };
    // Runs start later by the gaps before them: one before "Python", three
    // before "开发" ("使用|Python|和|Go|开发"), each 0.08 em of the body
    // size (about 0.8 pt).
    let moved = |text: &str| start_of(&spaced, text) - start_of(&plain, text);
    assert!(moved("Python") > 0.5, "{plain:?}\n{spaced:?}");
    assert!(moved("开发") > moved("Python") + 0.5, "{plain:?}\n{spaced:?}");

    let sb = Sandbox::new();
    sb.write("cl.toml", &source);
    sb.vita(&["render", "cl.toml", "--set", "text.cjk_latin_space=0.08"]).assert_ok();
    let text = tool_stdout("pdftotext", &[sb.path("out/cl.pdf").to_str().unwrap(), "-"]);
    assert!(text.lines().any(|l| l == summary), "{summary:?} not extracted as typed:\n{text}");
    let too_wide = sb.vita(&["render", "cl.toml", "--set", "text.cjk_latin_space=0.2"]);
    assert_eq!(too_wide.code(), Some(2), "{}", too_wide.report());
    assert!(too_wide.stderr().contains("give 0 to 0.08 em"), "{}", too_wide.report());
}
