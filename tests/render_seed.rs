//! The seed résumé (data/resume.toml) through the real binary: the PDF is
//! valid, its fonts embedded + subset + mapped to Unicode, every word of
//! the model comes back from pdftotext in order and unglued, the ATS text
//! likewise, and two runs give the same bytes.

mod common;

use common::{Sandbox, root, tool_stdout};
use vita::compose::{dates::format_range, markup::plain};
use vita::model::{Highlight, Resume, date_of};
use vita::theme::Theme;

/// The text fields of one entry: header fields may come in any order among
/// themselves (the theme decides), body fields in the order given.
struct Entry {
    header: Vec<String>,
    body: Vec<String>,
}

fn seed() -> Resume {
    vita::model::load(&root().join("data/resume.toml")).expect("seed loads")
}

/// Every text field of the résumé, in the model's order.
fn fields(r: &Resume, theme: &Theme) -> Vec<Entry> {
    let b = &r.basics;
    let en = vita::locale::Locale::english();
    let mut out = vec![Entry {
        header: [Some(b.name.clone()), b.label.clone(), b.email.clone(), b.phone.clone()]
            .into_iter()
            .flatten()
            .chain(b.location.as_ref().map(|l| l.one_line()))
            .collect(),
        body: vec![],
    }];
    let paras = |t: &Option<String>| -> Vec<String> {
        t.iter().flat_map(|t| t.split("\n\n").map(plain).collect::<Vec<_>>()).collect()
    };
    out.push(Entry { header: vec![], body: paras(&b.summary) });
    for w in &r.work {
        let mut body = paras(&w.summary);
        for h in &w.highlights {
            match h {
                Highlight::Text(t) => body.push(plain(t)),
                Highlight::Group(g) => {
                    body.push(plain(&g.text));
                    body.extend(g.items.iter().map(|i| plain(i)));
                }
            }
        }
        let dates = format_range(date_of(&w.start_date), date_of(&w.end_date), &theme.dates, &en);
        let header = [w.position.clone(), w.name.clone(), w.location.clone(), dates]
            .into_iter()
            .flatten()
            .collect();
        out.push(Entry { header, body });
    }
    for e in &r.education {
        let dates = format_range(date_of(&e.start_date), date_of(&e.end_date), &theme.dates, &en);
        let header = [Some(e.institution.clone()), e.study_type.clone(), e.area.clone(), dates]
            .into_iter()
            .flatten()
            .collect();
        out.push(Entry { header, body: paras(&e.summary) });
    }
    out
}

fn words(s: &str) -> Vec<&str> {
    // A word split across lines extracts whole, then a zero-width space.
    s.split(|c: char| c.is_whitespace() || c == '\u{200b}').filter(|w| !w.is_empty()).collect()
}

/// Position of `needle` as a contiguous run of whole words at or after `from`.
fn find(hay: &[&str], needle: &[&str], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from);
    }
    (from..=hay.len().saturating_sub(needle.len())).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// Asserts every field's words appear whole, contiguous and in order.
fn assert_in_order(text: &str, entries: &[Entry], what: &str) {
    let hay = words(text);
    let mut cursor = 0;
    for entry in entries {
        let start = cursor;
        let mut end = start;
        for field in &entry.header {
            let needle = words(field);
            let at = find(&hay, &needle, start).unwrap_or_else(|| {
                panic!("{what}: header field {field:?} not found after word {start}")
            });
            end = end.max(at + needle.len());
        }
        cursor = end;
        for field in &entry.body {
            let needle = words(field);
            let at = find(&hay, &needle, cursor).unwrap_or_else(|| {
                let near: Vec<_> = hay[cursor..(cursor + 40).min(hay.len())].to_vec();
                panic!("{what}: field {field:?} not found in order (or glued/split) after word {cursor}: {near:?}")
            });
            cursor = at + needle.len();
        }
    }
}

/// The text without the running footer lines ("Alex Doe — 1 / 2"), which
/// sit between the halves of a paragraph split across pages.
fn without_footers(text: &str) -> String {
    let footer = |l: &str| {
        let l = l.trim();
        l.starts_with("Alex Doe — ") && l.split_whitespace().rev().nth(1) == Some("/")
    };
    text.lines().filter(|l| !footer(l)).collect::<Vec<_>>().join("\n")
}

fn classic() -> Theme {
    Theme::resolve("classic").unwrap()
}

#[test]
fn seed_pdf_passes_qpdf_and_every_font_is_embedded_subset_and_mapped_in_every_theme() {
    let sb = Sandbox::new();
    for (theme, _) in vita::theme::BUILTIN {
        sb.vita(&["render", "--theme", theme, "-o", theme]).assert_ok();
        let pdf = sb.path(&format!("{theme}/resume.pdf"));
        let pdf = pdf.to_str().unwrap();
        let check = common::tool("qpdf", &["--check", pdf]);
        assert!(
            check.status.success(),
            "{theme}: qpdf --check failed:\n{}",
            String::from_utf8_lossy(&check.stdout)
        );
        let fonts = tool_stdout("pdffonts", &[pdf]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(rows.len() >= 2, "{theme}: expected several fonts:\n{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name, type words…, encoding, emb, sub, uni, object id, generation
            let n = cols.len();
            assert_eq!(
                &cols[n - 5..n - 2],
                ["yes", "yes", "yes"],
                "{theme}: font not embedded+subset+unicode: {row}"
            );
            assert!(cols[0].as_bytes()[6] == b'+', "{theme}: subset tag missing: {row}");
        }
        // No private-use characters (icon fonts) leak into the text.
        let text = tool_stdout("pdftotext", &[pdf, "-"]);
        assert!(
            !text.chars().any(|c| ('\u{e000}'..='\u{f8ff}').contains(&c)),
            "{theme}: private-use characters"
        );
    }
}

#[test]
fn pdftotext_returns_every_word_of_the_model_in_order() {
    let sb = Sandbox::new();
    // One-column themes; the sidebar theme reads its columns one after the
    // other (tests/page_flow.rs), so its contact block comes later.
    for theme in ["classic", "modern", "compact", "elegant", "ats"] {
        sb.vita(&["render", "--format", "pdf", "--theme", theme, "-o", theme]).assert_ok();
        let text = tool_stdout(
            "pdftotext",
            &[sb.path(&format!("{theme}/resume.pdf")).to_str().unwrap(), "-"],
        );
        let text = without_footers(&text);
        let theme_def = Theme::resolve(theme).unwrap();
        assert_in_order(&text, &fields(&seed(), &theme_def), &format!("pdftotext ({theme})"));
        // Words that a careless layout glues or splits.
        for w in
            ["15+", "I’ve", "multi-region/multi-cluster", "single-tenant-per-AWS-account", "$1MM."]
        {
            assert!(words(&text).contains(&w), "{theme}: {w:?} not extracted whole");
        }
    }
}

#[test]
fn ats_text_has_every_word_in_order_and_no_markup() {
    let sb = Sandbox::new();
    sb.vita(&["render", "--format", "txt"]).assert_ok();
    let text = std::fs::read_to_string(sb.path("out/resume.txt")).unwrap();
    assert_in_order(&text, &fields(&seed(), &classic()), "ATS text");
    for heading in ["SUMMARY", "EXPERIENCE", "EDUCATION"] {
        assert!(text.lines().any(|l| l == heading), "no {heading} line");
    }
    assert!(!text.contains("**") && !text.contains("](") && !text.contains('`'));
    assert!(text.lines().all(|l| l.chars().count() <= 100));
    assert!(!sb.path("out/resume.pdf").exists(), "--format txt wrote a PDF");
}

#[test]
fn two_runs_give_byte_identical_pdfs_and_the_epoch_sets_the_date() {
    let sb = Sandbox::new();
    sb.vita(&["render", "-o", "a"]).assert_ok();
    sb.vita(&["render", "-o", "b"]).assert_ok();
    let a = std::fs::read(sb.path("a/resume.pdf")).unwrap();
    let b = std::fs::read(sb.path("b/resume.pdf")).unwrap();
    assert!(a == b, "two renders differ");
    sb.vita_env(&["render", "-o", "c"], &[("SOURCE_DATE_EPOCH", "1700000000")]).assert_ok();
    let c = sb.path("c/resume.pdf");
    let info = tool_stdout("pdfinfo", &["-isodates", c.to_str().unwrap()]);
    assert!(
        info.contains("2023-11-14T22:13:20"),
        "creation date not from SOURCE_DATE_EPOCH:\n{info}"
    );
    assert_ne!(std::fs::read(&c).unwrap(), a);
}

#[test]
fn pdf_has_links_bookmarks_and_metadata() {
    let sb = Sandbox::new();
    let toml = std::fs::read_to_string(sb.path("data/resume.toml")).unwrap().replace(
        "email = \"alex@example.com\"",
        "email = \"alex@example.com\"\nphone = \"+1 555 0100\"\nurl = \"https://example.com/alex\"",
    );
    sb.write("cv.toml", toml);
    sb.vita(&["render", "cv.toml"]).assert_ok();
    let doc = lopdf::Document::load(sb.path("out/cv.pdf")).unwrap();
    let mut uris = Vec::new();
    for (_, page) in doc.get_pages() {
        let annots = doc.get_dictionary(page).unwrap().get(b"Annots").and_then(|a| a.as_array());
        for annot in annots.into_iter().flatten() {
            // The standard wants references here, not inline dictionaries.
            let id = annot.as_reference().expect("annotation is an indirect object");
            let action = doc.get_dictionary(id).unwrap().get(b"A").unwrap().as_dict().unwrap();
            uris.push(
                String::from_utf8_lossy(action.get(b"URI").unwrap().as_str().unwrap()).into_owned(),
            );
        }
    }
    for want in ["mailto:alex@example.com", "tel:+1-555-0100", "https://example.com/alex"] {
        assert!(uris.iter().any(|u| u == want), "no link {want} in {uris:?}");
    }
    let info = tool_stdout("pdfinfo", &[sb.path("out/cv.pdf").to_str().unwrap()]);
    for line in
        ["Title:           Alex Doe — Résumé", "Author:          Alex Doe", "Subject:", "Keywords:"]
    {
        assert!(info.contains(line), "missing {line:?} in\n{info}");
    }
    let outline = tool_stdout(
        "qpdf",
        &["--json", "--json-key=outlines", sb.path("out/cv.pdf").to_str().unwrap()],
    );
    let titles: Vec<&str> = outline
        .lines()
        .filter_map(|l| l.trim().strip_prefix("\"title\": \""))
        .map(|t| t.trim_end_matches('"'))
        .collect();
    assert_eq!(titles, ["Summary", "Experience", "Education"]);
}

#[test]
fn every_glyph_stays_in_the_content_box_and_undated_roles_reserve_no_date_column() {
    let theme = classic();
    let book = vita::fonts::FontBook::new();
    let doc = vita::render::lay_out(&seed(), &theme, &book).unwrap();
    let vita::layout::Rect { left: x0, top: y0, right: x1, bottom: y1 } = doc.content_box;
    for (n, page) in doc.pages.iter().enumerate() {
        for (p, item) in &page.items {
            let vita::layout::FrameItem::Text(run) = item else { continue };
            // Every glyph's ink, from the font's own bounding boxes. Marks
            // that end or start a justified line may hang into the margin
            // by their share of their advance (margin kerning).
            use vita::layout::inline::protrude::{left_share, right_share};
            let (first, last) = (run.text.chars().next(), run.text.chars().last());
            let mut x = p.x;
            for (i, g) in run.glyphs.iter().enumerate() {
                let hang_left =
                    if i == 0 { first.map_or(0.0, left_share) * g.advance } else { 0.0 };
                let hang_right = if i + 1 == run.glyphs.len() {
                    last.map_or(0.0, right_share) * g.advance
                } else {
                    0.0
                };
                if let Some([gx0, gy0, gx1, gy1]) = book.glyph_bounds(run.face, g.id) {
                    let ink = [
                        x + gx0 * run.size,
                        p.y - gy1 * run.size,
                        x + gx1 * run.size,
                        p.y - gy0 * run.size,
                    ];
                    assert!(
                        ink[0] >= x0 - 0.01 - hang_left
                            && ink[2] <= x1 + 0.01 + hang_right
                            && ink[1] >= y0 - 0.01
                            && ink[3] <= y1 + 0.01,
                        "page {n}: a glyph of {:?} leaves the content box: {ink:?} vs {:?}",
                        run.text,
                        doc.content_box
                    );
                }
                x += g.advance;
            }
        }
    }
    // The first Crusoe bullet is longer than a line: with no date column
    // reserved, its first line runs close to the right edge.
    let line_y = doc.pages[0]
        .items
        .iter()
        .find_map(|(p, it)| match it {
            vita::layout::FrameItem::Text(r) if r.text.starts_with("Lead") => Some(p.y),
            _ => None,
        })
        .expect("first bullet on page 1");
    let first_line_end = doc.pages[0]
        .items
        .iter()
        .filter_map(|(p, it)| match it {
            vita::layout::FrameItem::Text(r) if (p.y - line_y).abs() < 0.01 => {
                Some(p.x + r.width())
            }
            _ => None,
        })
        .fold(0.0, f32::max);
    assert!(first_line_end > x1 - 40.0, "line ends at {first_line_end}, box at {x1}");
}
