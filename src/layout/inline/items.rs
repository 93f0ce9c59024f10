//! Collect: a paragraph's spans → shaped segments → the item list both line
//! breakers read (boxes, glue and penalties, as in Knuth & Plass 1981).
//!
//! A span is first cut into *segments* that one face can draw: characters
//! the style's font lacks come from the fallback family, and lower-case
//! letters in synthesised small capitals become capitals at a smaller size
//! (remembering the original text for extraction). Each segment is shaped
//! once. Its glyphs then become:
//!
//! - **glue** for breaking spaces (stretchable and shrinkable in justified
//!   text, within the theme's limits);
//! - **boxes** for everything else;
//! - **penalties** at the other places a line may end inside a word:
//!   hyphenation points (which add a hyphen), the break opportunities of
//!   Unicode's line-breaking algorithm (UAX #14: after a hyphen or a slash),
//!   the separators of URLs and e-mail addresses, and, only when a word is
//!   wider than the whole line, between any two glyph clusters.

use super::super::frame::Glyph;
use super::super::shape::{shape, shape_directed};
use super::Ctx;
use super::opportunities::{Break, cjk_meets_latin, extra_breaks, reads_as_enumerator};
use crate::compose::{Para, Style};
use crate::layout::Warning;
use std::collections::BTreeSet;
use std::ops::Range;

/// Synthesised small capitals are capitals at this share of the size:
/// about the x-height of a text face, where real small capitals stand.
const SMALL_CAPS_SCALE: f32 = 0.8;

/// Penalty costs (TeX's scale: 10000 forbids, -10000 forces).
pub const FORBIDDEN: f32 = 10_000.0;
/// The cost of a penalty that forces a break (the paragraph's end).
pub const FORCED: f32 = -10_000.0;
/// Cost of breaking at a hyphenation point (TeX's \hyphenpenalty).
pub const HYPHEN_PENALTY: f32 = 50.0;
/// Cost of breaking after a hard hyphen, dash or slash inside a word.
pub const PUNCT_PENALTY: f32 = 100.0;
/// Cost of breaking a URL or e-mail address after a separator.
pub const URL_PENALTY: f32 = 300.0;
/// How far the gap between two ideographs may stretch in justified text, in
/// em: at pdfTeX's tolerance 0.063 em, under the 0.1 em at which poppler
/// and pdfminer read a space.
pub const IDEOGRAPHIC_STRETCH: f32 = 0.05;
/// Cost of cutting an over-long word between arbitrary clusters.
pub const EMERGENCY_PENALTY: f32 = 5_000.0;

/// Text one face can draw, shaped.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Index of the paragraph span it came from (for its link).
    pub span: usize,
    /// The text as drawn (in capitals for synthesised small capitals).
    pub text: String,
    /// The span's style, with the face that draws this text (and a smaller
    /// size for synthesised small capitals).
    pub style: Style,
    /// The source text, when the glyphs show something else (synthesised
    /// small capitals).
    pub actual: Option<String>,
    /// The glyphs shaped from `text`, in reading order.
    pub glyphs: Vec<Glyph>,
    /// Its bidirectional embedding level: odd for right-to-left text.
    pub level: u8,
}

/// What an item is, in Knuth and Plass's terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Glyphs between spaces: fixed width, never a break.
    Box,
    /// A breaking space: a line may end there (after a box); in justified
    /// text it stretches or shrinks.
    Glue {
        /// How far it may stretch, in points.
        stretch: f32,
        /// How far it may shrink, in points.
        shrink: f32,
    },
    /// A place a line may (or must, or must not) end, at a cost.
    Penalty {
        /// The cost of ending a line here: [`FORBIDDEN`] never, [`FORCED`] always.
        cost: f32,
        /// At a hyphenation point or after a hyphen or dash: two in a row cost extra.
        flagged: bool,
        /// Whether a line ending here gets a hyphen.
        hyphen: bool,
    },
}

/// One item of the paragraph: its kind, natural width, and the glyphs it
/// stands for (`seg`, `glyphs`; empty for penalties).
#[derive(Debug, Clone)]
pub struct Item {
    /// What it is.
    pub kind: Kind,
    /// Natural width in points (for a penalty, the hyphen it adds, if any).
    pub width: f32,
    /// Index of its segment in [`Items::segments`].
    pub seg: usize,
    /// Its glyphs, as indices into the segment's.
    pub glyphs: Range<usize>,
    /// The word (run of boxes between spaces) the item belongs to.
    pub word: usize,
}

/// A paragraph ready for breaking.
#[derive(Debug, Clone, Default)]
pub struct Items {
    /// The paragraph's shaped segments, in order.
    pub segments: Vec<Segment>,
    /// Boxes, glue and penalties, ending with a forced break.
    pub items: Vec<Item>,
    /// The paragraph's source text, and where each word lies in it: for
    /// the extraction of split words and for messages.
    pub text: String,
    /// Byte range of each word in `text`.
    pub words: Vec<Range<usize>>,
    /// Per item, how far its first glyph may hang into the left margin and
    /// its last into the right (`protrude.rs`); empty when the paragraph
    /// does not protrude.
    pub hang: Vec<[f32; 2]>,
}

impl Items {
    /// How far the line from item `start` to break `to` hangs into the left
    /// and the right margin: its first box's opening mark, and its last
    /// box's (or the added hyphen's) closing one.
    pub fn hang(&self, start: usize, to: usize) -> (f32, f32) {
        if self.hang.is_empty() || start >= to {
            return (0.0, 0.0);
        }
        let left = match self.items[start].kind {
            Kind::Box => self.hang[start][0],
            _ => 0.0,
        };
        let right = match self.items[to].kind {
            Kind::Penalty { hyphen: true, .. } => self.hang[to][1],
            _ if self.items[to - 1].kind == Kind::Box => self.hang[to - 1][1],
            _ => 0.0,
        };
        (left, right)
    }

    /// The source text of word `i`.
    pub fn word(&self, i: usize) -> Option<&str> {
        self.words.get(i).map(|r| &self.text[r.clone()])
    }

    /// Whether a line may end at item `i`: a penalty that does not forbid it,
    /// or glue right after a box.
    pub fn is_break(&self, i: usize) -> bool {
        match self.items[i].kind {
            Kind::Penalty { cost, .. } => cost < FORBIDDEN,
            Kind::Glue { .. } => i > 0 && matches!(self.items[i - 1].kind, Kind::Box),
            Kind::Box => false,
        }
    }
}

/// Builds the item list for `para`, to be broken into lines `width` wide,
/// with hyphenation points when `hyphenate` (and the paragraph allows it).
pub fn collect(para: &Para, width: f32, ctx: &mut Ctx, hyphenate: bool) -> Items {
    let segments = segments(para, ctx);
    collect_from(segments, para, width, ctx, hyphenate)
}

/// Builds the item list again from the segments of an earlier one (TeX's
/// second pass, with hyphenation), without shaping again.
pub fn recollect(earlier: Items, para: &Para, width: f32, ctx: &mut Ctx, hyphenate: bool) -> Items {
    collect_from(earlier.segments, para, width, ctx, hyphenate)
}

fn collect_from(
    segments: Vec<Segment>,
    para: &Para,
    width: f32,
    ctx: &mut Ctx,
    hyphenate: bool,
) -> Items {
    let hyphenate = hyphenate && para.hyphenate;
    let text: String = segments.iter().map(|s| s.actual.as_deref().unwrap_or(&s.text)).collect();
    let extra = extra_breaks(&text, hyphenate.then_some(()).and(ctx.hyphenator.as_ref()));
    let mut out = Items { segments, text, ..Items::default() };
    let mut offset = 0;
    let mut word_start: Option<usize> = None;
    for si in 0..out.segments.len() {
        let seg = &out.segments[si];
        let hyphen_width = if hyphenate { hyphen_width(seg, ctx) } else { 0.0 };
        let nowrap = seg.style.nowrap;
        for gi in 0..seg.glyphs.len() {
            let g = seg.glyphs[gi];
            let at = offset + g.cluster as usize;
            let c = seg.text[g.cluster as usize..].chars().next().unwrap_or(' ');
            let new_cluster = gi == 0 || seg.glyphs[gi - 1].cluster != g.cluster;
            let word = out.words.len();
            if is_breaking_space(c) {
                if let Some(start) = word_start.take() {
                    out.words.push(start..at);
                }
                // No line starts with what reads as a list number ("to" |
                // "1. Owned …"): the space before it does not break.
                let next = &seg.text[g.cluster as usize + c.len_utf8()..];
                let tie = reads_as_enumerator(next);
                if (nowrap || tie) && out.items.last().is_some_and(|l| l.kind == Kind::Box) {
                    // Glue after a penalty is no break: the space stays.
                    let kind = Kind::Penalty { cost: FORBIDDEN, flagged: false, hyphen: false };
                    out.items.push(Item { kind, width: 0.0, seg: si, glyphs: gi..gi, word });
                }
                let (stretch, shrink) =
                    (g.advance * ctx.space_stretch, g.advance * ctx.space_shrink);
                let kind = Kind::Glue { stretch, shrink };
                match out.items.last_mut() {
                    Some(last)
                        if matches!(last.kind, Kind::Glue { .. })
                            && last.seg == si
                            && last.glyphs.end == gi =>
                    {
                        grow(last, g.advance, ctx);
                    }
                    _ => out.items.push(Item {
                        kind,
                        width: g.advance,
                        seg: si,
                        glyphs: gi..gi + 1,
                        word,
                    }),
                }
                continue;
            }
            if word_start.is_none() {
                word_start = Some(at);
            } else if let Some(&Break { ideographic, hyphen, cost, flagged }) =
                extra.get(at).filter(|_| new_cluster && !nowrap)
            {
                if ideographic {
                    let sizes = (seg.style.size, cjk_gap(&out.text, at, seg.style.size, ctx));
                    let (words, items) = (&mut out.words, &mut out.items);
                    ideographic_break(words, items, &mut word_start, (at, si, gi), sizes);
                } else {
                    let width = if hyphen { hyphen_width } else { 0.0 };
                    let kind = Kind::Penalty { cost, flagged, hyphen };
                    out.items.push(Item { kind, width, seg: si, glyphs: gi..gi, word });
                }
            }
            let word = out.words.len();
            match out.items.last_mut() {
                Some(last) if last.kind == Kind::Box && last.seg == si && last.glyphs.end == gi => {
                    last.glyphs.end += 1;
                    last.width += g.advance;
                }
                _ => out.items.push(Item {
                    kind: Kind::Box,
                    width: g.advance,
                    seg: si,
                    glyphs: gi..gi + 1,
                    word,
                }),
            }
        }
        offset += out.segments[si].actual.as_deref().unwrap_or(&out.segments[si].text).len();
    }
    if let Some(start) = word_start {
        out.words.push(start..out.text.len());
    }
    allow_emergency_breaks(&mut out, width, para, ctx);
    // The paragraph ends with glue that absorbs the last line's slack and a forced break.
    let (seg, word) = (out.segments.len().saturating_sub(1), out.words.len());
    let end = Kind::Glue { stretch: 1e6, shrink: 0.0 };
    out.items.push(Item { kind: end, width: 0.0, seg, glyphs: 0..0, word });
    out.items.push(Item {
        kind: Kind::Penalty { cost: FORCED, flagged: false, hyphen: false },
        width: 0.0,
        seg,
        glyphs: 0..0,
        word,
    });
    if ctx.protrusion && para.align == crate::compose::Align::Justify {
        out.hang = super::protrude::hangs(&out);
    }
    out
}

/// Adds one more space glyph to a glue item.
fn grow(item: &mut Item, advance: f32, ctx: &Ctx) {
    item.glyphs.end += 1;
    item.width += advance;
    if let Kind::Glue { stretch, shrink } = &mut item.kind {
        *stretch += advance * ctx.space_stretch;
        *shrink += advance * ctx.space_shrink;
    }
}

/// Whether a character is a space a line may break at (not a no-break space).
pub fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// The width of a hyphen in a segment's style.
fn hyphen_width(seg: &Segment, ctx: &Ctx) -> f32 {
    shape(ctx.book, &seg.style, "-").iter().map(|g| g.advance).sum()
}

/// Where a word (an unbroken run of boxes) is wider than the line, allows
/// a break between any two of its clusters, and says so.
fn allow_emergency_breaks(out: &mut Items, width: f32, para: &Para, ctx: &mut Ctx) {
    let mut i = 0;
    let mut warned = BTreeSet::new();
    while i < out.items.len() {
        // A word starts after its break: the space before it is not part of it.
        if out.is_break(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut run = 0.0;
        while i < out.items.len() && !(out.is_break(i) && i > start) {
            run += out.items[i].width;
            i += 1;
        }
        if run > width + 0.01 {
            let word = out.items[start].word;
            if warned.insert(word) {
                let word = abbreviate(out.word(word).unwrap_or(""));
                ctx.warnings.push(Warning::CutWord { field: origin(para).into(), word });
            }
            i = split_boxes(out, start, i);
        }
        if i == start {
            i += 1;
        }
    }
}

/// Replaces the boxes in `from..to` with single-cluster boxes separated by
/// emergency penalties; returns the new end index.
fn split_boxes(out: &mut Items, from: usize, to: usize) -> usize {
    let mut replaced = Vec::new();
    for item in &out.items[from..to] {
        if item.kind != Kind::Box {
            replaced.push(item.clone());
            continue;
        }
        let glyphs = &out.segments[item.seg].glyphs;
        let mut cluster_start = item.glyphs.start;
        for gi in item.glyphs.clone() {
            let last = gi + 1 == item.glyphs.end || glyphs[gi + 1].cluster != glyphs[gi].cluster;
            if last {
                if !replaced.is_empty() {
                    let kind =
                        Kind::Penalty { cost: EMERGENCY_PENALTY, flagged: false, hyphen: false };
                    replaced.push(Item {
                        kind,
                        width: 0.0,
                        seg: item.seg,
                        glyphs: gi..gi,
                        word: item.word,
                    });
                }
                let width = glyphs[cluster_start..=gi].iter().map(|g| g.advance).sum();
                replaced.push(Item {
                    kind: Kind::Box,
                    width,
                    seg: item.seg,
                    glyphs: cluster_start..gi + 1,
                    word: item.word,
                });
                cluster_start = gi + 1;
            }
        }
    }
    let n = replaced.len();
    out.items.splice(from..to, replaced);
    from + n
}

/// A word as a warning quotes it: at most 60 characters, with an ellipsis
/// for the rest (a pasted 64 kB token must not become a 64 kB message).
fn abbreviate(word: &str) -> String {
    const MAX: usize = 60;
    match word.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &word[..cut]),
        None => word.to_string(),
    }
}

fn origin(para: &Para) -> &str {
    if para.origin.is_empty() { "text" } else { &para.origin }
}

/// Cuts the spans into segments one face can draw in one direction, and
/// shapes them.
fn segments(para: &Para, ctx: &mut Ctx) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let text: String = para.spans.iter().map(|s| s.text.as_str()).collect();
    let levels = super::bidi::levels(&text, ctx.rtl);
    let mut offset = 0; // where the span starts in `text`
    for (si, span) in para.spans.iter().enumerate() {
        let synth_caps = span.style.small_caps && !ctx.book.has_feature(span.style.face, b"smcp");
        let level_at = |at: usize| levels.as_ref().map_or(0, |l| l[offset + at]);
        // The face, synthesis and level of the segment being gathered, and
        // where it starts in the span's text.
        let mut current: Option<(usize, bool, u8)> = None;
        let mut start = 0;
        let mut flush = |range: Range<usize>, cur: Option<(usize, bool, u8)>| {
            let Some((face, synth, level)) = cur.filter(|_| !range.is_empty()) else { return };
            let text = &span.text[range];
            let size = if synth { span.style.size * SMALL_CAPS_SCALE } else { span.style.size };
            let rtl = super::bidi::is_rtl(level);
            // Arabic letters join, and no right-to-left text is spaced out.
            let letter_spacing = if rtl { 0.0 } else { span.style.letter_spacing };
            let style = Style { face, size, letter_spacing, ..span.style };
            let shown = if synth { text.to_uppercase() } else { text.to_string() };
            let glyphs = shape_directed(ctx.book, &style, &shown, rtl);
            let actual = synth.then(|| text.to_string());
            out.push(Segment { span: si, actual, text: shown, style, glyphs, level });
        };
        // Printable ASCII in a face that has all of it, at one level, is
        // one segment.
        let one_level = levels.as_ref().is_none_or(|l| {
            let l = &l[offset..offset + span.text.len()];
            l.iter().all(|&v| Some(&v) == l.first())
        });
        if !synth_caps
            && one_level
            && span.text.bytes().all(|b| (b' '..=b'~').contains(&b))
            && ctx.book.has_printable_ascii(span.style.face)
        {
            flush(0..span.text.len(), Some((span.style.face, false, level_at(0))));
            offset += span.text.len();
            continue;
        }
        for (at, c) in span.text.char_indices() {
            // Spaces, marks and punctuation the style's face lacks (an
            // Arabic comma) stay in the face of the text around them.
            let here = current.map(|(f, ..)| f).filter(|&f| ctx.book.has_char(f, c));
            let face = if c.is_whitespace() {
                current.map_or(span.style.face, |(f, ..)| f)
            } else if let Some(f) = here.filter(|_| keeps_face(c, span.style.face, ctx)) {
                f
            } else {
                match ctx.book.face_for_char(span.style.face, c) {
                    Some(f) => f,
                    None => {
                        if ctx.missing.insert(c) {
                            let field = origin(para).into();
                            ctx.warnings.push(Warning::MissingGlyph { field, c });
                        }
                        span.style.face
                    }
                }
            };
            // Only letters whose capital is as long in UTF-8 are synthesised,
            // so that clusters still index the source text.
            let synth = synth_caps
                && c.is_lowercase()
                && c.to_uppercase().map(char::len_utf8).sum::<usize>() == c.len_utf8();
            let level = level_at(at);
            if current != Some((face, synth, level)) {
                flush(start..at, current);
                current = Some((face, synth, level));
                start = at;
            }
        }
        flush(start..span.text.len(), current);
        offset += span.text.len();
    }
    out
}

/// The space at byte `at` of `text`, in text of `size`, where CJK text
/// meets a Latin word or a digit (`text.cjk_latin_space`); else 0.
fn cjk_gap(text: &str, at: usize, size: f32, ctx: &Ctx) -> f32 {
    let before = text[..at].chars().next_back().unwrap_or(' ');
    let after = text[at..].chars().next().unwrap_or(' ');
    if cjk_meets_latin(before, after) { ctx.cjk_latin_space * size } else { 0.0 }
}

/// A break between two signs of a script written without spaces: a space
/// of no width (or `gap` points, between CJK and Latin text), which a
/// justified line may widen a little (never enough to read as a space),
/// before glyph `gi` of segment `si` at byte `at`, in text of `size`. A new
/// word starts there.
fn ideographic_break(
    words: &mut Vec<Range<usize>>,
    items: &mut Vec<Item>,
    word_start: &mut Option<usize>,
    (at, si, gi): (usize, usize, usize),
    (size, gap): (f32, f32),
) {
    if let Some(start) = word_start.replace(at) {
        words.push(start..at);
    }
    let kind = Kind::Glue { stretch: IDEOGRAPHIC_STRETCH * size, shrink: 0.0 };
    let word = words.len();
    items.push(Item { kind, width: gap, seg: si, glyphs: gi..gi, word });
}

/// Whether `c`, which the face before it has, is drawn in that face rather
/// than in the style's own `face`: a combining mark always, punctuation
/// and signs of no one script where the style's face lacks them.
fn keeps_face(c: char, face: crate::fonts::FaceId, ctx: &Ctx) -> bool {
    use unicode_script::{Script, UnicodeScript};
    match c.script() {
        Script::Inherited => true,
        Script::Common => !ctx.book.has_char(face, c),
        _ => false,
    }
}
