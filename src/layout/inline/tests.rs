//! Line-breaking tests: every word kept once and in order, lines within the
//! measure, justified spaces within the theme's limits, Knuth–Plass no
//! worse than first-fit, hyphenation and fallback fonts.

use super::breakers::{self, Breaker};
use super::items::{Items, Kind};
use super::*;
use crate::compose::{Span, Style};
use crate::layout::shape::shape;

const SEED_PARAGRAPH: &str = "Authored and drove alignment on core architecture decisions: Talos-based \
    node OS/HA posture, multi-region/multi-cluster replication model, Vault-backed secrets and PKI, \
    BGP-based routing and service advertisement, node provisioning/bootstrapping, RBAC across all \
    surfaces (Talos API, Kube API, ArgoCD, Vault), and standardized rollout/upgrade/rollback procedures \
    for machine configuration as well as application deployment via ArgoCD.";

fn style(book: &FontBook, family: &str, bold: bool) -> Style {
    Style { face: book.select(family, bold, false).unwrap(), size: 10.0, ..Style::default() }
}

fn para(book: &FontBook, texts: &[(&str, bool)], align: Align) -> Para {
    let spans = texts
        .iter()
        .map(|(t, b)| Span { text: t.to_string(), style: style(book, "Lato", *b), link: None })
        .collect();
    Para::new(spans, align, 1.2)
}

fn line_text(l: &Line) -> String {
    l.runs.iter().map(|(_, r)| r.text.as_str()).collect()
}

/// What a reader extracts: ActualText where a run has it (a split word's
/// zero-width rest read as nothing).
fn extracted(lines: &[Line]) -> String {
    let texts: Vec<String> = lines
        .iter()
        .map(|l| {
            l.runs.iter().map(|(_, r)| r.actual.clone().unwrap_or_else(|| r.text.clone())).collect()
        })
        .collect();
    texts.join(" ").replace(super::SPLIT_REST, "").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hyphenating_ctx(book: &FontBook) -> Ctx<'_> {
    let mut ctx = Ctx::new(book);
    ctx.hyphenator = crate::layout::hyphenate::Hyphenator::new("en-us", 6, 2, 3);
    ctx
}

#[test]
fn lines_fit_and_keep_every_word() {
    let book = FontBook::new();
    let text = "The quick brown fox jumps over the lazy dog and keeps running far away";
    let p = para(&book, &[(text, false)], Align::Left);
    let lines = break_lines(&p, 100.0, &mut Ctx::new(&book));
    assert!(lines.len() > 2);
    for l in &lines {
        assert!(l.width <= 100.01, "{} is {}", line_text(l), l.width);
        assert!(!line_text(l).ends_with(' ') && !line_text(l).starts_with(' '));
    }
    assert_eq!(lines.iter().map(line_text).collect::<Vec<_>>().join(" "), text);
}

#[test]
fn words_across_spans_stay_together() {
    let book = FontBook::new();
    let p = para(&book, &[("aaaa bbbb ", false), ("cc", true), ("dd eeee", false)], Align::Left);
    let w = |s: &str| shape(&book, &p.spans[0].style, s).iter().map(|g| g.advance).sum::<f32>();
    // Room for "aaaa bbbb cc" but not "ccdd": the mixed word must move whole.
    let lines = break_lines(&p, w("aaaa bbbb cc") + 1.0, &mut Ctx::new(&book));
    assert_eq!(line_text(&lines[0]), "aaaa bbbb");
    assert!(line_text(&lines[1]).starts_with("ccdd"));
}

#[test]
fn overlong_url_breaks_after_separators_and_warns_with_the_field() {
    let book = FontBook::new();
    let url =
        "https://example.com/a/very/long/path/that/cannot/fit/anywhere/in/a/narrow/column?x=1";
    let mut p = para(&book, &[(url, false)], Align::Left);
    p.origin = "work[0].url".into();
    let mut ctx = Ctx::new(&book);
    let lines = break_lines(&p, 90.0, &mut ctx);
    assert!(lines.len() > 2);
    assert!(lines.iter().all(|l| l.width <= 90.01));
    for l in &lines[..lines.len() - 1] {
        let end = line_text(l).chars().last().unwrap();
        assert!("/.-_?&=#@".contains(end), "line ends mid-segment: {}", line_text(l));
    }
    assert_eq!(extracted(&lines), url, "the URL extracts whole");
    assert_eq!(ctx.warnings.len(), 0, "separators sufficed, no emergency cut");
    // A token with no separators is cut anywhere, with a warning naming the field.
    let mut p = para(&book, &[("x".repeat(60).as_str(), false)], Align::Left);
    p.origin = "work[0].summary".into();
    let lines = break_lines(&p, 90.0, &mut ctx);
    assert!(lines.len() > 1 && lines.iter().all(|l| l.width <= 90.01));
    assert!(
        ctx.warnings.iter().any(|w| w.to_string().starts_with("work[0].summary:")),
        "{:?}",
        ctx.warnings
    );
}

#[test]
fn centre_alignment_shifts_runs() {
    let book = FontBook::new();
    let p = para(&book, &[("short", false)], Align::Center);
    let lines = break_lines(&p, 200.0, &mut Ctx::new(&book));
    let (x, _) = &lines[0].runs[0];
    assert!((x - (200.0 - lines[0].width) / 2.0).abs() < 0.01);
}

#[test]
fn justified_lines_fill_the_measure_within_the_space_limits() {
    let book = FontBook::new();
    let mut p = para(&book, &[(SEED_PARAGRAPH, false)], Align::Justify);
    p.hyphenate = true;
    let mut ctx = hyphenating_ctx(&book);
    // The measure of a bullet in the classic theme.
    let lines = break_lines(&p, 466.0, &mut ctx);
    assert!(lines.len() >= 3);
    for l in &lines[..lines.len() - 1] {
        assert!(l.ratio.abs() <= 1.0 + 1e-4, "ratio {} on {:?}", l.ratio, line_text(l));
        let end = l.runs.last().map(|(x, r)| x + r.width()).unwrap();
        assert!((end - 466.0).abs() < 0.05, "justified line ends at {end}: {:?}", line_text(l));
    }
    let last = lines.last().unwrap();
    assert_eq!(last.ratio, 0.0, "the last line stays ragged");
    assert_eq!(extracted(&lines), SEED_PARAGRAPH.split_whitespace().collect::<Vec<_>>().join(" "));
}

#[test]
fn knuth_plass_demerits_never_exceed_first_fit() {
    let book = FontBook::new();
    let ctx = &mut hyphenating_ctx(&book);
    let text = include_str!("../../../data/resume.toml");
    let resume = crate::model::parse(text, std::path::Path::new("data/resume.toml")).unwrap();
    let mut paragraphs: Vec<String> =
        resume.work.iter().filter_map(|w| w.summary.clone()).collect();
    paragraphs.push(SEED_PARAGRAPH.to_string());
    for text in &paragraphs {
        for width in [200.0, 300.0, 450.0] {
            let p = para(&book, &[(text, false)], Align::Justify);
            let items = items::collect(&p, width, ctx, true);
            let kp = breakers::breakpoints(&items, width, Breaker::KnuthPlass);
            let ff = breakers::breakpoints(&items, width, Breaker::FirstFit);
            let (dk, df) = (
                breakers::total_demerits(&items, &kp, width),
                breakers::total_demerits(&items, &ff, width),
            );
            assert!(dk <= df + 1e-3, "KP {dk} > FF {df} at width {width} for {text:.40}");
        }
    }
}

#[test]
fn justified_lines_reach_the_margin_or_the_paragraph_is_set_ragged() {
    let book = FontBook::new();
    let p = para(&book, &[(SEED_PARAGRAPH, false)], Align::Justify);
    let (mut rescued, mut tracked, mut ragged, mut short) = (0, 0, 0, Vec::new());
    for w in (150..520).step_by(5) {
        let width = w as f32;
        let mut ctx = Ctx::new(&book);
        let lines = break_lines(&p, width, &mut ctx);
        if ctx.set_ragged > 0 {
            // Set ragged, whole: no line is stretched.
            assert!(lines.iter().all(|l| l.ratio == 0.0 && l.width <= width + 0.01), "{w}");
            assert!(ctx.justified.is_empty(), "{w}: a ragged paragraph logs no justified line");
            ragged += 1;
            continue;
        }
        assert_eq!(ctx.justified.len(), lines.len() - 1, "{w}: every line but the last is logged");
        for l in &lines[..lines.len() - 1] {
            if !line_text(l).trim().contains(' ') {
                continue; // one word: no space to widen
            }
            let full = (l.width - width).abs() <= 0.05;
            rescued += (full && l.ratio > 1.0) as usize;
            // Letters spaced out: the line is longer than its glyphs'
            // natural advances plus its spaces' stretch at the ratio.
            tracked += (full && l.ratio > breakers::TOLERANCE_RATIO - 1e-3) as usize;
            assert!(l.ratio <= breakers::TOLERANCE_RATIO + 1e-3, "{w}: ratio {}", l.ratio);
            if !full {
                short.push(format!(
                    "{w}: {:.2} at ratio {:.2}: {:?}",
                    l.width,
                    l.ratio,
                    line_text(l)
                ));
            }
        }
    }
    assert!(short.is_empty(), "lines short of the margin:\n{}", short.join("\n"));
    assert!(rescued > 0, "no line needed more than the theme's stretch: the test measures nothing");
    assert!(tracked > 0, "no line needed letter spacing: the test measures nothing");
    assert!(ragged > 0, "no measure was too narrow to justify: the test measures nothing");
}

#[test]
fn a_hyphenated_word_extracts_whole() {
    let book = FontBook::new();
    let text = "Optimized the configuration of the advertisement infrastructure substantially";
    let mut p = para(&book, &[(text, false)], Align::Justify);
    p.hyphenate = true;
    let mut ctx = hyphenating_ctx(&book);
    let hyphenated = (60..160)
        .map(|w| break_lines(&p, w as f32, &mut ctx))
        .find(|lines| lines.iter().any(|l| l.runs.last().is_some_and(|(_, r)| r.text == "-")));
    let lines = hyphenated.expect("some measure hyphenates a word");
    assert_eq!(extracted(&lines), text);
}

#[test]
fn a_word_broken_after_its_own_hyphen_extracts_once() {
    let book = FontBook::new();
    let text = "alignment on the multi-region/multi-cluster replication model";
    let p = para(&book, &[(text, false)], Align::Left);
    // Measures where no word is wider than the line (no emergency cuts).
    let split = (40..240)
        .filter_map(|w| {
            let mut ctx = Ctx::new(&book);
            let lines = break_lines(&p, w as f32, &mut ctx);
            ctx.warnings.is_empty().then_some(lines)
        })
        .find(|lines| lines.iter().any(|l| line_text(l).trim_end().ends_with("multi-")));
    let lines = split.expect("some measure breaks after a hyphen");
    // The word's first run carries the whole word; what follows it on the
    // next line carries only the zero-width space, so that a reader of
    // /ActualText reads it once (PDFium read it twice with an empty one).
    let actual: Vec<&str> =
        lines.iter().flat_map(|l| &l.runs).filter_map(|(_, r)| r.actual.as_deref()).collect();
    assert_eq!(actual[0], "multi-region/multi-cluster");
    assert!(actual.len() > 1 && actual[1..].iter().all(|a| *a == super::SPLIT_REST), "{actual:?}");
    assert_eq!(extracted(&lines), text);
    // The glyphs themselves (what pypdf reads) are the source text, hyphen kept.
    let shown: Vec<String> = lines.iter().map(line_text).collect();
    let joined = shown.join("\n").replace("-\n", "-").replace("/\n", "/").replace('\n', " ");
    assert_eq!(joined, text);
}

#[test]
fn a_nowrap_span_breaks_only_before_or_after_itself() {
    let book = FontBook::new();
    let items = ["San Francisco, CA", "linkedin.com/in/daniel-osei", "+1 555 0100"];
    let mut p = para(&book, &[], Align::Left);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            p.spans.push(Span {
                text: "  ·  ".into(),
                style: style(&book, "Lato", false),
                link: None,
            });
        }
        let style = Style { nowrap: true, ..style(&book, "Lato", false) };
        p.spans.push(Span { text: item.to_string(), style, link: None });
    }
    let mut broke_somewhere = false;
    for w in (120..400).step_by(7) {
        let lines = break_lines(&p, w as f32, &mut Ctx::new(&book));
        broke_somewhere |= lines.len() > 1;
        let all: Vec<String> = lines.iter().map(line_text).collect();
        for item in items {
            assert!(all.iter().any(|l| l.contains(item)), "{w}: {item:?} was cut: {all:?}");
        }
    }
    assert!(broke_somewhere, "some measure puts the items on several lines");
}

#[test]
fn a_line_of_single_letters_spells_itself_out() {
    let book = FontBook::new();
    let mut ctx = Ctx::new(&book);
    let actual = |text: &str, ctx: &mut Ctx| -> Vec<Option<String>> {
        let p = para(&book, &[(text, false)], Align::Left);
        break_lines(&p, 500.0, ctx)[0].runs.iter().map(|(_, r)| r.actual.clone()).collect()
    };
    assert_eq!(actual("A B", &mut ctx), [Some("A B".to_string())]);
    assert_eq!(actual("A Bo", &mut ctx), [None]);
    assert_eq!(actual("A", &mut ctx), [None]);
}

#[test]
fn missing_glyphs_come_from_the_fallback_font() {
    let book = FontBook::new();
    let text = "Zoë Łukasiewicz-Müller, São Paulo, Zürich, Αθήνα, Москва, naïve café — “quoted”";
    let p = para(&book, &[(text, false)], Align::Left);
    let mut ctx = Ctx::new(&book);
    let lines = break_lines(&p, 1000.0, &mut ctx);
    let glyphs: Vec<u16> = lines
        .iter()
        .flat_map(|l| l.runs.iter().flat_map(|(_, r)| r.glyphs.iter().map(|g| g.id)))
        .collect();
    assert!(!glyphs.contains(&0), "a .notdef glyph was placed");
    assert_eq!(extracted(&lines), text);
    assert!(ctx.warnings.is_empty(), "{:?}", ctx.warnings);
    // A character no font has is reported once, with where it is (with
    // the bundled faces alone: the machine's fonts may have this one).
    let bundled = FontBook::bundled_only();
    let mut ctx = Ctx::new(&bundled);
    let mut p = para(&bundled, &[("a \u{1F600} b \u{1F600}", false)], Align::Left);
    p.origin = "basics.label".into();
    break_lines(&p, 1000.0, &mut ctx);
    assert_eq!(ctx.warnings.len(), 1, "{:?}", ctx.warnings);
    assert!(ctx.warnings[0].to_string().starts_with("basics.label: no font has"));
}

#[test]
fn synthesised_small_caps_extract_as_written() {
    let book = FontBook::new();
    // Find a bundled face without `smcp` to synthesise on.
    let Some(face) = (0..crate::fonts::BUNDLED.len()).find(|&f| !book.has_feature(f, b"smcp"))
    else {
        return; // every bundled face has real small caps
    };
    let style = Style { face, size: 10.0, small_caps: true, ..Style::default() };
    let p =
        Para::new(vec![Span { text: "Experience".into(), style, link: None }], Align::Left, 1.2);
    let lines = break_lines(&p, 500.0, &mut Ctx::new(&book));
    let shown: String = lines[0].runs.iter().map(|(_, r)| r.text.as_str()).collect();
    assert_eq!(shown, "EXPERIENCE");
    assert_eq!(extracted(&lines), "Experience");
    assert!(lines[0].runs.iter().any(|(_, r)| r.size < 10.0), "lower case set smaller");
}

#[test]
fn justified_text_is_hyphenated_only_when_it_cannot_set_well_without() {
    let book = FontBook::new();
    let mut ctx = hyphenating_ctx(&book);
    let mut p = para(&book, &[(SEED_PARAGRAPH, false)], Align::Justify);
    p.hyphenate = true;
    let hyphens = |items: &Items, breaks: &[usize]| {
        breaks
            .iter()
            .filter(|&&b| matches!(items.items[b].kind, Kind::Penalty { hyphen: true, .. }))
            .count()
    };
    let (mut spared, mut needed) = (0, 0);
    for width in (120..480).step_by(4) {
        let width = width as f32;
        let lines = break_lines(&p, width, &mut ctx);
        let set_hyphens =
            lines.iter().filter(|l| l.runs.last().is_some_and(|(_, r)| r.text == "-")).count();
        let full = items::collect(&p, width, &mut ctx, true);
        // What the breaker would choose: justified, else set ragged.
        let breaks = breakers::justified_breakpoints(&full, width)
            .unwrap_or_else(|| breakers::breakpoints(&full, width, Breaker::FirstFit));
        let optimum = hyphens(&full, &breaks);
        let plain = items::collect(&p, width, &mut ctx, false);
        if breakers::feasible_breakpoints(&plain, width).is_some() {
            // TeX's first pass succeeds: not one hyphen, even where the
            // optimum over hyphenated breaks would have had some.
            assert_eq!(set_hyphens, 0, "hyphenated at {width} though it sets without");
            spared += usize::from(optimum > 0);
        } else {
            assert_eq!(set_hyphens, optimum, "at {width}");
            needed += usize::from(optimum > 0);
        }
    }
    assert!(spared > 0 && needed > 0, "{spared} measures spared hyphens, {needed} needed them");
}

#[test]
fn a_word_that_fits_a_line_alone_is_not_cut_because_of_the_space_before_it() {
    let book = FontBook::new();
    let word = "ogdnmsqscvnasqcacgfejrmwsaxnmbdcsqbizeh";
    let p = para(&book, &[(&format!("ab {word}"), false)], Align::Center);
    let mut ctx = Ctx::new(&book);
    // Wide enough for the word, not for the word and the space before it.
    let word_width: f32 = shape(&book, &p.spans[0].style, word).iter().map(|g| g.advance).sum();
    let lines = break_lines(&p, word_width + 0.5, &mut ctx);
    assert!(ctx.warnings.is_empty(), "{:?}", ctx.warnings);
    assert_eq!(lines.iter().map(line_text).collect::<Vec<_>>(), ["ab", word]);
    assert_eq!(extracted(&lines), format!("ab {word}"), "the word extracts whole");
}

#[test]
fn a_warning_quotes_at_most_sixty_characters_of_a_long_token() {
    let book = FontBook::new();
    let token = "x".repeat(5_000);
    let p = para(&book, &[(&token, false)], Align::Left);
    let mut ctx = Ctx::new(&book);
    break_lines(&p, 100.0, &mut ctx);
    assert_eq!(ctx.warnings.len(), 1, "{:?}", ctx.warnings);
    let warning = ctx.warnings[0].to_string();
    assert!(warning.contains(&format!("\"{}…\"", "x".repeat(60))), "{warning:.120}");
    assert!(warning.len() < 200, "{} bytes", warning.len());
}

#[test]
fn punctuation_hangs_into_the_margin_of_justified_lines_only() {
    let book = FontBook::new();
    let p = para(&book, &[(SEED_PARAGRAPH, false)], Align::Justify);
    let mut hung = 0;
    for w in (150..520).step_by(5) {
        let width = w as f32;
        let mut ctx = Ctx::new(&book);
        ctx.protrusion = true;
        let lines = break_lines(&p, width, &mut ctx);
        let plain = break_lines(&p, width, &mut Ctx::new(&book));
        assert_eq!(extracted(&lines), extracted(&plain), "{w}: extraction unchanged");
        if ctx.set_ragged > 0 {
            continue;
        }
        for l in &lines[..lines.len() - 1] {
            let (x0, last) = (l.runs[0].0, &l.runs.last().unwrap());
            let end = last.0 + last.1.width();
            let c = last.1.text.chars().last().unwrap();
            let glyph = last.1.glyphs.last().unwrap();
            // The mark's share of its advance lies past the margin; the
            // text between the margins is exactly the measure.
            let hang = protrude::right_share(c) * glyph.advance;
            assert!((end - (width + hang)).abs() < 0.05, "{w}: {:?} ends at {end}", line_text(l));
            assert!((l.width - width).abs() < 0.05 || !line_text(l).contains(' '), "{w}");
            hung += (hang > 0.5) as usize;
            let first = l.runs[0].1.text.chars().next().unwrap();
            let lead = protrude::left_share(first) * l.runs[0].1.glyphs[0].advance;
            assert!((x0 + lead).abs() < 0.01, "{w}: {:?} starts at {x0}", line_text(l));
        }
    }
    assert!(hung > 20, "only {hung} lines ended in a hanging mark");
    // Ragged text keeps its marks inside.
    let mut ctx = Ctx::new(&book);
    ctx.protrusion = true;
    let ragged = para(&book, &[(SEED_PARAGRAPH, false)], Align::Left);
    for l in break_lines(&ragged, 300.0, &mut ctx) {
        assert!(l.runs[0].0 >= 0.0 && l.width <= 300.0 + 0.01);
    }
    // An opening quote hangs left.
    let quoted = para(
        &book,
        &[("\u{201c}Quoted\u{201d} words that run on for a while", false)],
        Align::Justify,
    );
    let mut ctx = Ctx::new(&book);
    ctx.protrusion = true;
    assert!(break_lines(&quoted, 120.0, &mut ctx)[0].runs[0].0 < -0.5);
}

#[test]
fn no_line_starts_with_what_reads_as_a_list_number() {
    let book = FontBook::new();
    let text = "brought the platform from 0 to 1. Owned end-to-end design and delivery";
    let p = para(&book, &[(text, false)], Align::Justify);
    let mut starts = 0;
    for w in (80..400).step_by(3) {
        let lines = break_lines(&p, w as f32, &mut Ctx::new(&book));
        for l in &lines {
            let t = line_text(l);
            assert!(!t.starts_with("1."), "{w}: a line starts {t:?}");
            starts += t.starts_with("to 1.") as usize;
        }
        assert_eq!(extracted(&lines), text, "{w}");
    }
    assert!(starts > 0, "the tie never moved \"to\" down: the test measures nothing");
}

#[test]
fn chinese_and_japanese_break_between_ideographs_but_never_before_closing_marks() {
    // Kinsoku: no line starts with a closing mark or a small kana, and none
    // ends with an opening mark; any other gap between ideographs may break.
    let book = FontBook::new();
    let texts = [
        "主导容器平台的架构设计，将部署时间从两小时缩短到十分钟。建立值班制度和故障复盘流程（全年可用性达到百分之九十九点九九）。",
        "決済基盤を再設計し、処理時間を半分に短縮しました。「東京」を拠点に、十年携わってきました。",
    ];
    let no_start = "，。、）」』；：？！ぁぃぅぇぉっゃゅょァィゥェォッャュョー";
    let no_end = "（「『";
    let mut lines_seen = 0;
    for text in texts {
        for align in [Align::Left, Align::Justify] {
            let p = para(&book, &[(text, false)], align);
            for w in (60..400).step_by(7) {
                let mut ctx = Ctx::new(&book);
                let lines = break_lines(&p, w as f32, &mut ctx);
                for l in &lines {
                    let t = line_text(l);
                    let (first, last) = (t.chars().next().unwrap(), t.chars().last().unwrap());
                    assert!(!no_start.contains(first), "{w}: a line starts with {first}: {t}");
                    assert!(!no_end.contains(last), "{w}: a line ends with {last}: {t}");
                }
                // Ideographs break where they must: no word was cut.
                assert!(
                    ctx.warnings
                        .iter()
                        .all(|w| !matches!(w, crate::layout::Warning::CutWord { .. })),
                    "{w}: {:?}",
                    ctx.warnings
                );
                // Each line reads its own glyphs, nothing added or lost (the
                // helper joins lines with a space, as a reader of Latin would).
                let read: String = extracted(&lines).split_whitespace().collect();
                assert_eq!(read, text, "{w}: extraction adds nothing");
                // Nor does any run need /ActualText to read right.
                let marked = lines.iter().flat_map(|l| &l.runs).filter(|(_, r)| r.actual.is_some());
                assert_eq!(marked.count(), 0, "{w}");
                lines_seen += lines.len();
            }
        }
    }
    assert!(lines_seen > 500, "{lines_seen} lines");
}
