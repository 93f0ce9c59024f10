//! Typography end to end: justified spaces within the theme's limits on the
//! seed, hyphenated words extracting whole, the Unicode test line, and no
//! markup characters in either output.

mod common;

use common::{Sandbox, root, tool_stdout};
use vita::fonts::FontBook;
use vita::layout::FrameItem;
use vita::theme::Theme;

fn seed() -> vita::model::Resume {
    vita::model::load(&root().join("data/resume.toml")).unwrap()
}

fn pdftotext(sb: &Sandbox, pdf: &str) -> String {
    tool_stdout("pdftotext", &[sb.path(pdf).to_str().unwrap(), "-"])
}

#[test]
fn justified_seed_spaces_stay_within_the_theme_limits() {
    use vita::layout::inline::breakers::{MAX_TRACKING, TOLERANCE_RATIO};
    let theme = Theme::resolve("classic").unwrap();
    assert_eq!(theme.text.align, vita::theme::TextAlign::Justify, "classic is the justified theme");
    let book = FontBook::new();
    let doc = vita::render::lay_out(&seed(), &theme, &book).unwrap();
    let (mut spaces, mut stretched) = (0, 0);
    for page in &doc.pages {
        for (_, item) in &page.items {
            let FrameItem::Text(run) = item else { continue };
            if run.bridge {
                continue; // a gap filler, not a space between words
            }
            let texts = run.glyph_texts();
            for (g, t) in run.glyphs.iter().zip(texts) {
                if t != " " {
                    continue;
                }
                let style =
                    vita::compose::Style { face: run.face, size: run.size, ..Default::default() };
                let natural: f32 =
                    vita::layout::shape::shape(&book, &style, " ").iter().map(|g| g.advance).sum();
                let change = (g.advance - natural) / natural;
                // The tolerance pass may stretch a line's spaces further,
                // and the emergency pass adds its letter spacing to every
                // glyph, spaces too.
                let tracking = MAX_TRACKING * run.size / natural;
                let stretch = theme.text.space_stretch * TOLERANCE_RATIO + tracking;
                assert!(
                    change <= stretch + 1e-3 && change >= -theme.text.space_shrink - 1e-3,
                    "a space in {:?} changed by {change:.3} of its width",
                    run.text
                );
                spaces += 1;
                stretched += (change.abs() > 0.01) as usize;
            }
        }
    }
    assert!(
        spaces > 500 && stretched > 100,
        "{spaces} spaces, {stretched} adjusted: is the text justified?"
    );
}

#[test]
fn hyphenated_words_extract_whole_with_pdftotext() {
    // No built-in theme hyphenates (see layouts/classic.toml); a theme may.
    let sb = Sandbox::new();
    sb.vita(&["render", "--format", "pdf", "--set", "text.hyphenate=true"]).assert_ok();
    // Which words did the layout hyphenate? (A run "-" ends their first half.)
    let mut theme = Theme::resolve("classic").unwrap();
    theme.text.hyphenate = true;
    let book = FontBook::new();
    let doc = vita::render::lay_out(&seed(), &theme, &book).unwrap();
    let mut split_words = Vec::new();
    for page in &doc.pages {
        let runs: Vec<_> = page
            .items
            .iter()
            .filter_map(|(_, i)| if let FrameItem::Text(r) = i { Some(r) } else { None })
            .collect();
        for w in runs.windows(2) {
            if let (true, Some(actual)) = (w[1].text == "-", &w[0].actual) {
                split_words.push(actual.trim_end_matches([',', '.', ';', ':']).to_string());
            }
        }
    }
    assert!(!split_words.is_empty(), "the seed in classic hyphenates at least one word");
    let text = pdftotext(&sb, "out/resume.pdf");
    // The rest of a split word extracts as a zero-width space.
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '\u{200b}')
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .collect();
    for w in &split_words {
        assert!(words.contains(&w.as_str()), "{w:?} does not extract whole");
    }
    // Not only pdftotext's own de-hyphenation: the PDF says what each half
    // stands for, for every extractor.
    let pdf = lopdf::Document::load(sb.path("out/resume.pdf")).unwrap();
    let marked: usize = pdf
        .get_pages()
        .values()
        .map(|&id| {
            let content = pdf.get_page_content(id);
            content.windows(b"/ActualText".len()).filter(|w| *w == b"/ActualText").count()
        })
        .sum();
    assert!(
        marked >= 2 * split_words.len(),
        "{marked} /ActualText marks for {} split words",
        split_words.len()
    );
}

const UNICODE_LINE: &str =
    "Zoë Łukasiewicz-Müller, São Paulo, Zürich, Αθήνα, Москва, naïve café — “quoted”";

#[test]
fn the_unicode_test_line_renders_without_notdef_and_extracts_exactly() {
    let sb = Sandbox::new();
    for theme in ["classic", "modern"] {
        sb.write("u.toml", format!("[basics]\nname = \"Alex Doe\"\nlabel = \"{UNICODE_LINE}\"\n"));
        let run = sb.vita(&["render", "u.toml", "--theme", theme]);
        run.assert_ok();
        assert!(!run.stderr().contains("warning"), "{}", run.report());
        let resume = vita::model::load(&sb.path("u.toml")).unwrap();
        let book = FontBook::new();
        let doc = vita::render::lay_out(&resume, &Theme::resolve(theme).unwrap(), &book).unwrap();
        for (_, item) in &doc.pages[0].items {
            if let FrameItem::Text(r) = item {
                assert!(r.glyphs.iter().all(|g| g.id != 0), "{theme}: .notdef in {:?}", r.text);
            }
        }
        let text = pdftotext(&sb, "out/u.pdf");
        assert!(
            text.lines().any(|l| l.trim() == UNICODE_LINE),
            "{theme}: line not extracted exactly:\n{text}"
        );
    }
}

#[test]
fn markup_never_reaches_the_pdf_or_the_text() {
    let sb = Sandbox::new();
    sb.write(
        "m.toml",
        r#"
[basics]
name = "**Ada** Lovelace"
label = "*Analyst* and `engineer`"
summary = "Wrote **the first** [program](https://example.com/ada), *famously*."
[basics.location]
city = "*London*"
[[work]]
name = "**Analytical** Engine"
position = "*Programmer*"
location = "*Remote*"
start_date = "1842"
end_date = "1843"
highlights = ["Used `loops` and **bold** ideas", { text = "*Notes*:", items = ["[Note G](https://e.org/g)"] }]
[[skills]]
name = "**Maths**"
keywords = ["*Bernoulli*", "`numbers`"]
[[custom]]
title = "*Talks*"
entries = [{ title = "**Keynote**", summary = "On *engines*" }]
"#,
    );
    sb.vita(&["render", "m.toml"]).assert_ok();
    let pdf = pdftotext(&sb, "out/m.pdf");
    let txt = std::fs::read_to_string(sb.path("out/m.txt")).unwrap();
    for (name, out) in [("PDF", &pdf), ("ATS text", &txt)] {
        for bad in ["*", "`", "](", "[Note", "[program"] {
            assert!(!out.contains(bad), "{bad:?} leaked into the {name}:\n{out}");
        }
        for good in
            ["Ada Lovelace", "Analyst and engineer", "Analytical Engine", "Note G", "Bernoulli"]
        {
            assert!(out.contains(good), "{good:?} missing from the {name}:\n{out}");
        }
    }
}
