//! Property tests of the layout: random résumés (random mixes of sections,
//! lengths, Unicode text, markup, long tokens, nested highlights) laid out
//! in every built-in theme must satisfy, on the frames themselves:
//!
//! - no glyph outside the content box;
//! - no two text lines (nor two runs on one line) overlap;
//! - every word of the composed text appears in the frames exactly once
//!   and in reading order (running elements aside);
//! - the same input lays out the same way twice;
//! - the page count is at least, and at most one more than, a lower bound
//!   computed from the content's height.
//!
//! `PROPTEST_CASES` sets the number of résumés per theme (default 64).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::path::Path;
use vita::compose::{Block, BlockKind, Composed, Para, compose};
use vita::fonts::FontBook;
use vita::layout::inline::Ctx;
use vita::layout::{Document, FrameItem, TextRun, flow, hyphenate};
use vita::model::Resume;
use vita::theme::{BUILTIN, Theme};

mod random_resume;

use random_resume::resume_toml;

// ------------------------------------------------------------- properties

/// What a run reads as: its ActualText when it has one.
fn reads_as(run: &TextRun) -> &str {
    run.actual.as_deref().unwrap_or(&run.text)
}

/// Tokens of composed text: whitespace-separated, with private-use
/// characters (icons, which extract as spaces) and the zero-width space (a
/// split word's rest extracts as one) treated as spaces.
fn tokens(text: &str) -> Vec<String> {
    text.replace(|c: char| ('\u{e000}'..='\u{f8ff}').contains(&c) || c == '\u{200b}', " ")
        .split_whitespace()
        .map(String::from)
        .collect()
}

fn para_words(p: &Para) -> Vec<String> {
    let text: String =
        p.spans.iter().filter(|s| !s.style.decorative).map(|s| s.text.as_str()).collect();
    tokens(&text)
}

/// One block's words: the sequence(s) the frames must hold, in order. A
/// row's left and right parts sit side by side, so each keeps its own
/// order but the two may interleave line by line.
fn block_words(b: &Block) -> (Vec<String>, Vec<String>) {
    match &b.kind {
        BlockKind::Text(p) | BlockKind::Heading { para: p, .. } => (para_words(p), Vec::new()),
        BlockKind::Row { left, right, .. } => {
            (para_words(left), right.as_ref().map(para_words).unwrap_or_default())
        }
        BlockKind::Bullet { marker, para } => {
            let mut w = tokens(&marker.text);
            w.extend(para_words(para));
            (w, Vec::new())
        }
        BlockKind::Image { .. } => (Vec::new(), Vec::new()),
        // The rail's text is read first, beside or above the main text.
        BlockKind::Rail { rail, main, .. } => {
            let mut w = rail.as_ref().map(para_words).unwrap_or_default();
            w.extend(main.as_ref().map(para_words).unwrap_or_default());
            (w, Vec::new())
        }
    }
}

/// Whether `seq` is `a` and `b` interleaved, each in its own order.
fn is_interleaving(seq: &[String], a: &[String], b: &[String]) -> bool {
    // ok[i][j]: seq[..i + j] interleaves a[..i] and b[..j].
    let mut ok = vec![vec![false; b.len() + 1]; a.len() + 1];
    ok[0][0] = true;
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            if (i > 0 && ok[i - 1][j] && seq[i + j - 1] == a[i - 1])
                || (j > 0 && ok[i][j - 1] && seq[i + j - 1] == b[j - 1])
            {
                ok[i][j] = true;
            }
        }
    }
    ok[a.len()][b.len()]
}

/// A text run placed on a page.
struct Placed<'a> {
    page: usize,
    x: f32,
    y: f32,
    run: &'a TextRun,
}

fn placed(doc: &Document) -> Vec<Placed<'_>> {
    let mut out = Vec::new();
    for (page, frame) in doc.pages.iter().enumerate() {
        for (p, item) in &frame.items {
            if let FrameItem::Text(run) = item {
                out.push(Placed { page, x: p.x, y: p.y, run });
            }
        }
    }
    out
}

/// Whether run `p` continues the word of run `prev`: same page and
/// baseline, starting where `prev` ends.
fn joins(prev: &Placed, p: &Placed) -> bool {
    prev.page == p.page
        && (prev.y - p.y).abs() < 0.01
        && (p.x - prev.x - prev.run.width()).abs() < 0.3
}

/// Words of a sequence of runs: runs that touch on one baseline join into
/// words; a gap, or a new line, separates them.
fn frame_words(runs: &[&Placed]) -> Vec<String> {
    let mut text = String::new();
    for (i, p) in runs.iter().enumerate() {
        if i == 0 || !joins(runs[i - 1], p) {
            text.push(' ');
        }
        text.push_str(reads_as(p.run));
    }
    tokens(&text)
}

/// The column a run belongs to: the one whose left edge is the last at or
/// before the run's start.
fn column_of(x: f32, lefts: &[f32]) -> usize {
    let candidates = lefts.iter().enumerate().filter(|(_, l)| **l <= x + 0.5);
    candidates.max_by(|a, b| a.1.total_cmp(b.1)).map_or(0, |(i, _)| i)
}

/// How far a run may pass the content box: by what margin kerning hangs
/// out of it, its first mark on the left and its last on the right (the
/// most any can hang, as protrude.rs says), and half a point of rounding.
fn hang(run: &TextRun) -> (f32, f32) {
    use vita::layout::inline::protrude::{left_share, right_share};
    let (Some(first), Some(last)) = (run.text.chars().next(), run.text.chars().last()) else {
        return (0.5, 0.5);
    };
    let advance = |g: Option<&vita::layout::Glyph>| g.map_or(0.0, |g| g.advance);
    (
        0.5 + left_share(first) * advance(run.glyphs.first()),
        0.5 + right_share(last) * advance(run.glyphs.last()),
    )
}

fn check_inside(doc: &Document) -> Result<(), String> {
    let vita::layout::Rect { left: x0, top: y0, right: x1, bottom: y1 } = doc.content_box;
    for p in placed(doc) {
        let size = p.run.size;
        let (left, right) = (p.x, p.x + p.run.width());
        let (out_left, out_right) = hang(p.run);
        if left < x0 - out_left
            || right > x1 + out_right
            || p.y - 0.7 * size < y0 - 0.5
            || p.y > y1 + 0.5
        {
            return Err(format!(
                "page {}: {:?} at ({:.1}, {:.1}) to x {:.1} is outside the content box {:?}",
                p.page + 1,
                p.run.text,
                p.x,
                p.y,
                right,
                doc.content_box
            ));
        }
    }
    Ok(())
}

/// No two runs' boxes (from 0.7 em above the baseline to 0.2 em below)
/// overlap, except runs joined on one baseline, which may only touch.
fn check_no_overlap(doc: &Document) -> Result<(), String> {
    let all = placed(doc);
    for page in 0..doc.pages.len() {
        let runs: Vec<&Placed> = all.iter().filter(|p| p.page == page).collect();
        for (i, a) in runs.iter().enumerate() {
            for b in &runs[i + 1..] {
                let (a0, a1) = (a.x, a.x + a.run.width());
                let (b0, b1) = (b.x, b.x + b.run.width());
                let across = a0.max(b0) < a1.min(b1) - 0.1;
                let (at, ab) = (a.y - 0.7 * a.run.size, a.y + 0.2 * a.run.size);
                let (bt, bb) = (b.y - 0.7 * b.run.size, b.y + 0.2 * b.run.size);
                let down = at.max(bt) < ab.min(bb) - 0.1;
                let blank = |r: &TextRun| r.text.trim().is_empty();
                if across && down && !blank(a.run) && !blank(b.run) {
                    return Err(format!(
                        "page {}: {:?} at ({:.1}, {:.1}) overlaps {:?} at ({:.1}, {:.1})",
                        page + 1,
                        a.run.text,
                        a.x,
                        a.y,
                        b.run.text,
                        b.x,
                        b.y
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The words of the composed blocks, column by column, against the words
/// of the frames: the band first (on page 1, before any column), then
/// each column's runs over all pages.
fn check_words(doc: &Document, composed: &Composed, theme: &Theme) -> Result<(), String> {
    let width = doc.content_box.width();
    let regions = theme.regions(width);
    let lefts: Vec<f32> = regions.iter().map(|r| doc.content_box.left + r.x).collect();
    let runs: Vec<Placed> = placed(doc).into_iter().filter(|p| !p.run.artifact).collect();
    let band_words: usize =
        composed.band.iter().map(block_words).map(|(a, b)| a.len() + b.len()).sum();
    // The band's runs come first on page 1; count them off by their words.
    let words_in = |k: usize| frame_words(&runs.iter().take(k).collect::<Vec<_>>()).len();
    let mut split =
        (0..=runs.len()).collect::<Vec<_>>().partition_point(|&k| words_in(k) < band_words);
    // A word of several runs (a font change inside it) stays together.
    while split > 0 && split < runs.len() && joins(&runs[split - 1], &runs[split]) {
        split += 1;
    }
    let (band, rest) = runs.split_at(split);
    let mut streams: Vec<Vec<&Placed>> = vec![Vec::new(); regions.len()];
    for p in rest {
        streams[column_of(p.x, &lefts)].push(p);
    }
    let mut pairs = vec![(&composed.band, band.iter().collect::<Vec<_>>())];
    pairs.extend(composed.columns.iter().zip(streams));
    for (n, (blocks, runs)) in pairs.into_iter().enumerate() {
        let found = frame_words(&runs);
        let mut at = 0;
        for b in blocks.iter() {
            let (a, right) = block_words(b);
            let end = at + a.len() + right.len();
            let got = found.get(at..end.min(found.len())).unwrap_or(&[]);
            if got.len() != end - at || !is_interleaving(got, &a, &right) {
                let context = found.get(at.saturating_sub(3)..(end + 3).min(found.len()));
                return Err(format!(
                    "{}: block words {a:?} {right:?}, frames have {context:?}",
                    if n == 0 { "band".to_string() } else { format!("column {n}") }
                ));
            }
            at = end;
        }
        if at != found.len() {
            return Err(format!("column {n}: extra words in the frames: {:?}", &found[at..]));
        }
    }
    Ok(())
}

/// Pages needed at the least: each column's lines (spacing left out, as a
/// page top drops it) plus the band, over the whole content box height.
fn page_lower_bound(
    composed: &Composed,
    theme: &Theme,
    doc: &Document,
    lang: Option<&str>,
) -> usize {
    let book = FontBook::new();
    let mut ctx = Ctx::new(&book);
    let t = &theme.text;
    ctx.space_stretch = t.space_stretch;
    ctx.space_shrink = t.space_shrink;
    if t.hyphenate {
        ctx.hyphenator = hyphenate::Hyphenator::new(
            lang.unwrap_or(&t.language),
            t.hyphen_min_word,
            t.hyphen_min_before,
            t.hyphen_min_after,
        );
    }
    let vita::layout::Rect { left: x0, top: y0, right: x1, bottom: y1 } = doc.content_box;
    let height = |blocks: &[Block], width: f32, ctx: &mut Ctx| -> f32 {
        blocks
            .iter()
            .map(|b| flow::lay_block(b, width, ctx).lines.iter().map(|l| l.height).sum::<f32>())
            .sum()
    };
    let band = height(&composed.band, x1 - x0, &mut ctx);
    let regions = theme.regions(x1 - x0);
    let mut most = 1;
    for (region, blocks) in regions.iter().zip(&composed.columns) {
        let inset = if region.fill.is_some() { 8.0 } else { 0.0 };
        let h = band + height(blocks, region.width - inset, &mut ctx);
        most = most.max((h / (y1 - y0)).ceil() as usize);
    }
    most
}

fn check(text: &str, theme: &Theme, name: &str) -> Result<(), TestCaseError> {
    let resume: Resume = vita::model::parse(text, Path::new("random.toml"))
        .map_err(|e| TestCaseError::fail(format!("generated résumé refused: {e}\n{text}")))?;
    let book = FontBook::new();
    let doc = vita::render::lay_out(&resume, theme, &book)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let composed =
        compose(&resume, theme, &book).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let fail = |what: String| TestCaseError::fail(format!("{name}: {what}\n--- résumé:\n{text}"));
    check_inside(&doc).map_err(fail)?;
    check_no_overlap(&doc).map_err(fail)?;
    check_words(&doc, &composed, theme).map_err(fail)?;
    let again = vita::render::lay_out(&resume, theme, &book).unwrap();
    prop_assert!(again == doc, "{name}: a second layout differs from the first");
    let bound = page_lower_bound(&composed, theme, &doc, resume.meta.language.as_deref());
    let pages = doc.pages.len();
    prop_assert!(
        (bound..=bound + 1).contains(&pages),
        "{name}: {pages} pages, but the content needs at least {bound}\n--- résumé:\n{text}"
    );
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
}

fn run_theme(name: &str) {
    let theme = Theme::resolve(name).unwrap();
    let mut runner =
        TestRunner::new(Config { cases: cases(), failure_persistence: None, ..Config::default() });
    if let Err(e) = runner.run(&resume_toml(), |text| check(&text, &theme, name)) {
        panic!("{e}");
    }
}

#[test]
fn classic() {
    run_theme("classic");
}

#[test]
fn modern() {
    run_theme("modern");
}

#[test]
fn sidebar() {
    run_theme("sidebar");
}

#[test]
fn compact() {
    run_theme("compact");
}

#[test]
fn elegant() {
    run_theme("elegant");
}

#[test]
fn ats() {
    run_theme("ats");
}

/// Résumés the properties once failed on, in `tests/layout_regressions/`,
/// each named after the theme it failed in.
#[test]
fn earlier_failures_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/layout_regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().into_string().unwrap();
        let theme = name.split('-').next().unwrap();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        if let Err(e) = check(&text, &Theme::resolve(theme).unwrap(), &name) {
            panic!("{e}");
        }
        n += 1;
    }
    assert!(n >= 3, "the regressions are missing");
}

#[test]
fn every_builtin_theme_is_covered() {
    let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["classic", "modern", "sidebar", "compact", "elegant", "ats"]);
}

#[test]
fn interleaving_accepts_side_by_side_order_only() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let (a, b) = (s(&["x", "y"]), s(&["1"]));
    assert!(is_interleaving(&s(&["x", "1", "y"]), &a, &b));
    assert!(!is_interleaving(&s(&["y", "1", "x"]), &a, &b));
}
