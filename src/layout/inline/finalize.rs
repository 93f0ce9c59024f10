//! Finalize: one line's items → positioned text runs. Justified spaces are
//! widened or narrowed within the theme's limits, a hyphen is added where
//! a word is hyphenated, a split word's pieces get the extraction text that
//! makes it read whole, and link areas are gathered.

use super::items::{self, Items, Kind};
use super::{Ctx, Line, LinkArea, SPLIT_REST, breakers};
use crate::compose::{Align, Para};
use crate::layout::frame::{Glyph, TextRun};
use crate::layout::shape::shape;
use std::ops::Range;

/// Whether the word is split at break `b` (a penalty between two of its
/// boxes; one after a space is a break between words).
fn splits_word(items: &Items, b: Option<usize>) -> Option<usize> {
    let b = b?;
    let after_box = b > 0 && items.items[b - 1].kind == Kind::Box;
    match items.items[b].kind {
        Kind::Penalty { .. } if after_box && b + 1 < items.items.len() - 1 => {
            Some(items.items[b].word)
        }
        _ => None,
    }
}

/// A stretch of one segment's glyphs on a line.
struct Piece {
    seg: usize,
    glyphs: Range<usize>,
    /// Extra advance for the last glyph (justified spaces).
    extra: f32,
    /// Part of a word split across lines: Some(true) for the fragment that
    /// ends this line, Some(false) for the one that starts it.
    split: Option<bool>,
    /// A hyphen added at a hyphenation break.
    hyphen: Option<Vec<Glyph>>,
}

impl Piece {
    /// Its bidirectional level: its segment's.
    fn level(&self, items: &Items) -> u8 {
        items.segments[self.seg].level
    }
}

/// Builds the line that runs from after break `prev` to break `b`.
#[allow(clippy::too_many_arguments)]
pub(super) fn finalize(
    items: &Items,
    para: &Para,
    align: Align,
    prev: Option<usize>,
    b: usize,
    last: bool,
    width: f32,
    ctx: &Ctx,
) -> Line {
    let start = breakers::line_start(items, prev);
    let (ratio, tracking) = match align {
        Align::Justify => justify(items, para, prev, b, last, width),
        _ => (0.0, 0.0),
    };
    let head_word = splits_word(items, prev);
    let tail_word = splits_word(items, Some(b));
    // Only a split word's first fragment extracts as the whole word; the
    // rest of it, a middle fragment too, is marked as its rest (SPLIT_REST).
    let first_fragment = tail_word.is_some() && tail_word != head_word;
    let mut pieces: Vec<Piece> = Vec::new();
    for item in &items.items[start.min(b)..b] {
        let extra = match item.kind {
            Kind::Glue { stretch, .. } if ratio > 0.0 => ratio * stretch,
            Kind::Glue { shrink, .. } => ratio * shrink,
            _ => 0.0,
        };
        if item.glyphs.is_empty() {
            // A break between ideographs (of no width, or the space
            // between CJK and Latin text): its width and widening go after
            // the glyph before it.
            let width = if matches!(item.kind, Kind::Glue { .. }) { item.width } else { 0.0 };
            if let (Some(p), true) = (pieces.last_mut(), width + extra != 0.0) {
                p.extra += width + extra;
            }
            continue;
        }
        let split = match item.kind {
            Kind::Box if Some(item.word) == tail_word => Some(first_fragment),
            Kind::Box if Some(item.word) == head_word => Some(false),
            _ => None,
        };
        let piece =
            Piece { seg: item.seg, glyphs: item.glyphs.clone(), extra, split, hyphen: None };
        match pieces.last_mut() {
            Some(p)
                if p.seg == piece.seg
                    && p.glyphs.end == piece.glyphs.start
                    && p.split == piece.split
                    && p.extra == 0.0 =>
            {
                p.glyphs.end = piece.glyphs.end;
                p.extra = piece.extra;
            }
            _ => pieces.push(piece),
        }
    }
    if let Kind::Penalty { hyphen: true, .. } = items.items[b].kind {
        let seg = &items.segments[items.items[b].seg];
        let glyphs = shape(ctx.book, &seg.style, "-");
        let split = Some(first_fragment);
        pieces.push(Piece {
            seg: items.items[b].seg,
            glyphs: 0..0,
            extra: 0.0,
            split,
            hyphen: Some(glyphs),
        });
    }
    // Pieces are placed in visual order (`bidi`).
    let levels: Vec<u8> = pieces.iter().map(|p| p.level(items)).collect();
    if levels.iter().any(|&l| l > 0) || ctx.rtl {
        let mut slots: Vec<Option<Piece>> = pieces.into_iter().map(Some).collect();
        pieces = super::bidi::placement(&levels, ctx.rtl)
            .into_iter()
            .filter_map(|i| slots[i].take())
            .collect();
    }
    // Protruding marks hang into the margins: the line starts `left`
    // before its edge, and its width is what lies between the margins.
    let (left, right) = items.hang(start.min(b), b);
    let mut line = assemble(items, para, align, &pieces, tail_word, width, tracking, -left);
    line.width -= right;
    line.ratio = ratio;
    line
}

/// How a justified line from item `start` to break `b` is set: the ratio
/// its spaces use, and the space added between letters (in points). Up to
/// pdfTeX's tolerance the spaces take it all; beyond, the letters take what
/// they can (up to [`breakers::MAX_TRACKING`]) and the spaces the rest, so
/// that the line reaches the margin. The last line keeps its natural
/// spacing, unless the breaker chose it because it fits shrunk; a line
/// without a space (one long word) is left as it is.
fn justify(
    items: &Items,
    para: &Para,
    prev: Option<usize>,
    b: usize,
    last: bool,
    width: f32,
) -> (f32, f32) {
    let (natural, stretch, shrink) = breakers::measure(items, prev, b);
    let r = breakers::ratio(natural, stretch, shrink, width).max(-1.0);
    if last {
        return (r.min(0.0), 0.0);
    }
    if r <= breakers::TOLERANCE_RATIO || stretch <= 0.0 {
        return (if stretch > 0.0 { r } else { r.min(0.0) }, 0.0);
    }
    let start = breakers::line_start(items, prev);
    let line = &items.items[start.min(b)..b];
    let glyphs: usize = line.iter().map(|i| i.glyphs.len()).sum();
    let gaps = glyphs.saturating_sub(1).max(1) as f32;
    let size = para.spans.iter().map(|s| s.style.size).fold(f32::INFINITY, f32::min);
    let missing = width - natural - breakers::TOLERANCE_RATIO * stretch;
    let tracking = (missing / gaps).min(breakers::MAX_TRACKING * size);
    (breakers::TOLERANCE_RATIO + (missing - tracking * gaps) / stretch, tracking)
}

/// Turns pieces into runs (with extraction text) and link areas.
#[allow(clippy::too_many_arguments)]
fn assemble(
    items: &Items,
    para: &Para,
    align: Align,
    pieces: &[Piece],
    tail_word: Option<usize>,
    width: f32,
    tracking: f32,
    start_x: f32,
) -> Line {
    let mut runs: Vec<(f32, TextRun)> = Vec::new();
    let mut links: Vec<LinkArea> = Vec::new();
    let mut x = start_x;
    let mut head_done = false;
    for piece in pieces {
        let seg = &items.segments[piece.seg];
        let mut run = match &piece.hyphen {
            Some(glyphs) => TextRun {
                face: seg.style.face,
                size: seg.style.size,
                color: seg.style.color,
                text: "-".into(),
                glyphs: glyphs.clone(),
                actual: None,
                artifact: false,
                bridge: false,
                tag: Default::default(),
            },
            None => make_run(seg, piece.glyphs.clone(), piece.extra),
        };
        for g in &mut run.glyphs {
            g.advance += tracking;
        }
        run.actual = match piece.split {
            // The first run of a word's first half extracts as the whole word.
            Some(true) if !head_done => {
                head_done = true;
                tail_word.and_then(|w| items.word(w)).map(str::to_string)
            }
            // The rest of the word extracts as a zero-width space: an
            // empty /ActualText is ignored by PDFium, which would then read
            // these glyphs a second time.
            Some(_) => Some(SPLIT_REST.to_string()),
            None => run.actual,
        };
        let w = run.width();
        if let Some(uri) = &para.spans[seg.span].link {
            match links.last_mut() {
                Some(last) if last.uri == *uri && (last.x1 - x).abs() < 0.01 => last.x1 = x + w,
                _ => links.push(LinkArea { x0: x, x1: x + w, uri: uri.clone() }),
            }
        }
        runs.push((x, run));
        x += w;
    }
    // Tracking goes between letters, not after the line's last one.
    if let Some(g) = runs.last_mut().and_then(|(_, r)| r.glyphs.last_mut()) {
        g.advance -= tracking;
        x -= tracking;
    }
    let shift = match align {
        Align::Left | Align::Justify => 0.0,
        Align::Center => ((width - x) / 2.0).max(0.0),
        Align::Right => (width - x).max(0.0),
    };
    for (rx, _) in &mut runs {
        *rx += shift;
    }
    for link in &mut links {
        link.x0 += shift;
        link.x1 += shift;
    }
    spell_out_single_letters(&mut runs);
    let size = para.spans.iter().map(|s| s.style.size).fold(0.0, f32::max);
    let height = size * para.leading;
    Line { runs, links, width: x, height, ascent: baseline(height, size), ratio: 0.0 }
}

/// A line whose words are all single letters ("A B") carries its text as
/// /ActualText. poppler finds word breaks from the gaps between glyphs, and
/// where every gap is a space of the same width it takes them all for
/// letter-spacing and reads "AB"; with /ActualText it reads the text.
fn spell_out_single_letters(runs: &mut [(f32, TextRun)]) {
    // Ideographs are one-sign words with no space between them: not this.
    if !runs.iter().any(|(_, r)| r.text.contains(' ')) {
        return;
    }
    let mut words = runs.iter().flat_map(|(_, r)| r.text.split_whitespace());
    let single = |w: &str| w.chars().count() == 1;
    let (first, rest) = (words.next(), words.clone().count());
    if rest == 0 || !first.is_some_and(single) || !words.all(single) {
        return;
    }
    for (_, run) in runs.iter_mut().filter(|(_, r)| !r.artifact) {
        run.actual.get_or_insert_with(|| run.text.clone());
    }
}

/// Baseline below the top of a line box: the text's em box centred in the
/// line, with the baseline at 80 % of the em (a typical ascent).
fn baseline(line_height: f32, size: f32) -> f32 {
    (line_height - size) / 2.0 + 0.8 * size
}

/// A run for glyphs `range` of a segment, with its source text; `extra`
/// widens the last glyph (a justified space).
fn make_run(seg: &items::Segment, range: Range<usize>, extra: f32) -> TextRun {
    let glyphs = &seg.glyphs;
    let start = glyphs[range.start].cluster as usize;
    let end = glyphs.get(range.end).map_or(seg.text.len(), |g| g.cluster as usize);
    let (start, end) = (start.min(end), start.max(end));
    let mut out: Vec<Glyph> =
        glyphs[range].iter().map(|g| Glyph { cluster: g.cluster - start as u32, ..*g }).collect();
    if let Some(last) = out.last_mut() {
        last.advance += extra;
    }
    if super::bidi::is_rtl(seg.level) {
        out.reverse(); // drawn from the left
    }
    TextRun {
        face: seg.style.face,
        size: seg.style.size,
        color: seg.style.color,
        text: seg.text[start..end].to_string(),
        glyphs: out,
        // Letter-spaced text would extract with gaps read as spaces
        // ("S U M M A R Y"); it carries its own text to prevent that.
        actual: match &seg.actual {
            Some(a) => Some(a[start..end].to_string()),
            None if seg.style.letter_spacing > 0.0 => Some(seg.text[start..end].to_string()),
            None => None,
        },
        artifact: seg.style.decorative,
        bridge: false,
        tag: Default::default(),
    }
}
