//! Page content streams: one frame's items, in frame (reading) order, as
//! PDF operators. Glyphs go out as 2-byte codes (their subset ids), in hex,
//! in `TJ` arrays, with a position adjustment only where the shaped pen
//! position differs from the font's own advance (kerning, letter-spacing,
//! marks).
//!
//! The stream is written by hand ([`Ops`]): it needs a dozen operators,
//! and a `TJ` array is built glyph by glyph straight into its bytes.

use super::font::Subset;
use super::tags::{Mark, Marking, Tagging};
use crate::fonts::{FaceId, FontBook};
use crate::layout::inline::SPLIT_REST;
use crate::layout::{Frame, FrameItem, TextRun};
use crate::theme::Color;
use std::collections::BTreeMap;

/// The largest magnitude a number in a content stream may have: the
/// integer limit PDF 1.7 (Annex C) and PDF/A give for conforming readers,
/// and 12 metres in points, past any page.
const MAX_REAL: f32 = 32_767.0;

/// Adjustments smaller than this (in 1/1000 em) are dropped: at 10 pt that
/// is 0.005 pt, far below what any device can show.
const MIN_ADJUST: f32 = 0.5;

/// A horizontal rule from `at` (PDF coordinates, on its centre line),
/// `width` long, stroked `thickness` thick in `color`.
fn rule(
    c: &mut Ops,
    state: &mut State,
    at: (f32, f32),
    width: f32,
    thickness: f32,
    color: crate::theme::Color,
) {
    state.end_text(c);
    if state.stroke != Some(color) {
        c.nums(&color.unit().map(round3));
        c.op("RG");
        state.stroke = Some(color);
    }
    if state.line_width != Some(thickness.to_bits()) {
        c.nums(&[round2(thickness)]);
        c.op("w");
        state.line_width = Some(thickness.to_bits());
    }
    let (x, y) = (round2(at.0), round2(at.1));
    c.nums(&[x, y]);
    c.op("m");
    c.nums(&[round2(at.0 + width), y]);
    c.op("l");
    c.op("S");
}

/// The content stream of one page. `image_name` names a frame's picture
/// resource (`/Im1`) by its index in the document's picture list.
///
/// With `tagging`, each node's content is a marked-content sequence with
/// an MCID, and everything else an /Artifact; the marks come back, the
/// MCID of each its index ([`tags`](super::tags)).
pub(super) fn page(
    frame: &Frame,
    book: &FontBook,
    glyphs: &super::outline::Glyphs,
    subsets: &BTreeMap<FaceId, Subset>,
    image_name: impl Fn(&FrameItem) -> Option<String>,
    tagging: Option<&Tagging>,
) -> (Vec<u8>, Vec<Mark>) {
    let mut c = Ops(Vec::with_capacity(16 * 1024));
    let mut state = State::default();
    let mut marking = Marking::new(tagging);
    let mut line: Option<Line> = None;
    let flip = |y: f32| frame.height - y;
    // Inside the /ActualText of a word split across lines, still to close.
    let mut open_split = false;
    let is_rest = |run: &TextRun| run.actual.as_deref() == Some(SPLIT_REST);
    // Whether the next text item after `i` is the rest of a split word.
    let rest_follows = |i: usize| {
        frame.items[i + 1..]
            .iter()
            .find_map(|(_, it)| match it {
                FrameItem::Text(r) => Some(is_rest(r)),
                FrameItem::Link { .. } => None,
                _ => Some(false),
            })
            .unwrap_or(false)
    };
    for (i, (p, item)) in frame.items.iter().enumerate() {
        let want = tagging.and_then(|t| t.want(item, *p));
        if let Some(want) = want.filter(|w| *w != marking.current) {
            // The pending line belongs to the sequence being left.
            if let Some(done) = line.take() {
                done.emit(&mut c, &mut state, subsets);
            }
            marking.switch(want, (&mut c, &mut state), &mut open_split);
        }
        let artifact = tagging.is_some() && marking.current.is_none();
        if let FrameItem::Text(run) = item {
            if run.bridge {
                if let Some(done) = line.take() {
                    done.emit(&mut c, &mut state, subsets);
                }
                bridge(&mut c, &mut state, run, p.x, flip(p.y), subsets);
                continue;
            }
            if run.artifact {
                // Page furniture is an /Artifact, drawn as outlines.
                if let Some(done) = line.take() {
                    done.emit(&mut c, &mut state, subsets);
                }
                state.end_text(&mut c);
                c.op("/Artifact BMC");
                super::outline::draw(&mut c.0, run, p.x, flip(p.y), book, glyphs);
                c.op("EMC");
                continue;
            }
            let subset = &subsets[&run.face];
            // A run whose glyphs ToUnicode cannot map to its text (a CFF
            // glyph standing for two texts), or with a glyph that stands
            // for no text (a mark drawn over a letter that carries the
            // cluster's text), carries its text as /ActualText: PDFium
            // reads a glyph mapped to nothing as a character of its own.
            let simple = subset.plain(run);
            let actual = run
                .actual
                .as_deref()
                .or_else(|| (!simple && !subset.reads_whole(run)).then_some(&*run.text));
            let plain = actual.is_none();
            // Words of one line in one style join the line's TJ array.
            if plain && let Some(open) = line.as_mut().filter(|l| l.accepts(run, p.y)) {
                open.push(run, p.x, subset, simple);
                continue;
            }
            if let Some(done) = line.take() {
                done.emit(&mut c, &mut state, subsets);
            }
            let mut next = Line::new(run, p.x, p.y, flip(p.y));
            next.push(run, p.x, subset, simple);
            if plain {
                line = Some(next);
                continue;
            }
            // Text that must extract differently from its glyphs (a word
            // split across lines, synthesised small capitals) carries
            // /ActualText. A split word's span runs on over the rest of the
            // word on the next line, so that the whole word is read once
            // and nothing else; the rest carries its own only where the
            // span could not reach it (on the next page).
            if !(is_rest(run) && open_split) {
                marking.open_actual(actual.unwrap_or_default(), (&mut c, &mut state));
            }
            state.begin_text(&mut c);
            next.emit(&mut c, &mut state, subsets);
            open_split = rest_follows(i);
            if !open_split {
                marking.close_actual((&mut c, &mut state));
            }
            continue;
        }
        if let Some(done) = line.take() {
            done.emit(&mut c, &mut state, subsets);
        }
        // Links are annotations, written with the page object.
        if !matches!(item, FrameItem::Link { .. }) {
            state.end_text(&mut c);
            if artifact {
                c.op("/Artifact BMC");
            }
            shape(&mut c, &mut state, (item, *p, frame.height), image_name(item));
            if artifact {
                c.op("EMC");
            }
        }
    }
    if let Some(done) = line.take() {
        done.emit(&mut c, &mut state, subsets);
    }
    state.end_text(&mut c);
    if marking.current.is_some() {
        c.op("EMC");
    }
    (c.0, marking.marks)
}

/// A rule, a filled rectangle or a picture (named `image`) at `p` on a
/// page `height` points high.
fn shape(
    c: &mut Ops,
    state: &mut State,
    (item, p, height): (&FrameItem, crate::layout::Point, f32),
    image: Option<String>,
) {
    let flip = |y: f32| height - y;
    match item {
        FrameItem::Rule { width, thickness, color } => {
            let y = flip(p.y + thickness / 2.0);
            rule(c, state, (p.x, y), *width, *thickness, *color);
        }
        FrameItem::Image { width, height, .. } => {
            let Some(name) = image else { return };
            c.op("q");
            c.nums(&[*width, 0.0, 0.0, *height, p.x, flip(p.y + height)].map(round2));
            c.op("cm");
            c.name(&name);
            c.op("Do");
            c.op("Q");
        }
        FrameItem::Rect { width, height, color } => {
            state.fill(c, *color);
            c.nums(&[p.x, flip(p.y + height), *width, *height].map(round2));
            c.op("re");
            c.op("f");
        }
        FrameItem::Link { .. } | FrameItem::Text(_) => {}
    }
}

/// A bridging space (see [`TextRun::bridge`]): one space glyph at `x, y`,
/// horizontally scaled (`Tz`) so that its own width is the gap it fills.
fn bridge(
    c: &mut Ops,
    state: &mut State,
    run: &TextRun,
    x: f32,
    y: f32,
    subsets: &BTreeMap<FaceId, Subset>,
) {
    let subset = &subsets[&run.face];
    let [glyph] = run.glyphs.as_slice() else { return };
    let (code, width) = subset.first(glyph.id);
    let natural = width * run.size / 1000.0;
    if natural <= 0.0 {
        return;
    }
    let mut line = Line::new(run, x, y, y);
    line.array.push(b'<');
    hex16(&mut line.array, code);
    line.open = true;
    state.begin_text(c);
    c.nums(&[round2(100.0 * glyph.advance / natural)]);
    c.op("Tz");
    line.emit(c, state, subsets);
    c.nums(&[100.0]);
    c.op("Tz");
}

/// A content stream being written: operands, each followed by a space,
/// then the operator and a newline.
pub(super) struct Ops(pub(super) Vec<u8>);

impl Ops {
    pub(super) fn op(&mut self, operator: &str) {
        self.0.extend_from_slice(operator.as_bytes());
        self.0.push(b'\n');
    }

    /// Numbers as PDF reals: integers without a point, others in the
    /// shortest form that reads back as the same `f32`. PDF has no
    /// exponents, NaN or infinities, so whatever comes in, a valid number
    /// goes out: magnitudes below 1e-4 (far below anything visible, and
    /// where the shortest form would take one) are written as 0, a NaN as
    /// 0, and anything beyond ±[`MAX_REAL`] (infinities included) as that
    /// limit. The theme's checks keep real values far inside it.
    fn nums(&mut self, values: &[f32]) {
        for &v in values {
            let v = if v.is_nan() || v.abs() < 1e-4 { 0.0 } else { v.clamp(-MAX_REAL, MAX_REAL) };
            if v as i32 as f32 == v {
                self.int(v as i32);
            } else {
                self.0.extend_from_slice(ryu::Buffer::new().format_finite(v).as_bytes());
            }
            self.0.push(b' ');
        }
    }

    fn int(&mut self, v: i32) {
        self.0.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }

    /// A name operand (`/F3 `): ours are letters and digits only.
    fn name(&mut self, name: &str) {
        debug_assert!(name.bytes().all(|b| b.is_ascii_alphanumeric()));
        self.0.push(b'/');
        self.0.extend_from_slice(name.as_bytes());
        self.0.push(b' ');
    }

    /// `/Span <</ActualText …>> BDC`, the text in UTF-16BE with its mark.
    pub(super) fn actual_text(&mut self, text: &str) {
        self.0.extend_from_slice(b"/Span ");
        self.properties(None, Some(text));
    }

    /// `/Tag <</MCID n>> BDC` for the next of `marks`, `mark`, with the
    /// text's /ActualText if any.
    pub(super) fn marked(
        &mut self,
        tag: &str,
        marks: &mut Vec<Mark>,
        mark: Mark,
        actual: Option<&str>,
    ) {
        self.name(tag);
        self.properties(Some(marks.len()), actual);
        marks.push(mark);
    }

    /// A property list and BDC: an MCID, an /ActualText in UTF-16BE with
    /// its mark.
    fn properties(&mut self, mcid: Option<usize>, actual: Option<&str>) {
        self.0.extend_from_slice(b"<<");
        if let Some(mcid) = mcid {
            self.0.extend_from_slice(b"/MCID ");
            self.int(mcid as i32);
        }
        if let Some(text) = actual {
            self.0.extend_from_slice(b"/ActualText <FEFF");
            for unit in text.encode_utf16() {
                hex16(&mut self.0, unit);
            }
            self.0.push(b'>');
        }
        self.0.extend_from_slice(b">> BDC\n");
    }
}

/// Four hex digits.
fn hex16(out: &mut Vec<u8>, v: u16) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.extend([12, 8, 4, 0].map(|shift| DIGITS[usize::from((v >> shift) & 0xF)]));
}

/// Runs on one baseline in one face, size and colour, gathered into a
/// single `TJ`: fewer operators, and extractors see one line.
struct Line {
    face: FaceId,
    size: f32,
    color: Color,
    /// Baseline (frame coordinates, for matching) and where the line starts
    /// (PDF coordinates).
    frame_y: f32,
    x: f32,
    y: f32,
    /// The inside of the `TJ` array so far: hex strings of codes and the
    /// adjustments between them (moves of the pen left, in 1/1000 em).
    array: Vec<u8>,
    /// Whether `array` ends in an open hex string.
    open: bool,
    /// Where the PDF pen is, in 1/1000 em from `x`.
    pen: f32,
}

impl Line {
    fn new(run: &TextRun, x: f32, frame_y: f32, y: f32) -> Line {
        let (x, y) = (round2(x), round2(y));
        Line {
            face: run.face,
            size: run.size,
            color: run.color,
            frame_y,
            x,
            y,
            array: Vec::with_capacity(256),
            open: false,
            pen: 0.0,
        }
    }

    fn accepts(&self, run: &TextRun, y: f32) -> bool {
        run.face == self.face
            && run.size == self.size
            && run.color == self.color
            && y == self.frame_y
    }

    /// Adds a run that starts at `x`: an adjustment wherever the pen must
    /// move to put a glyph where the shaper placed it (the advance sum plus
    /// the glyph's x offset), then its codes. Glyphs go in visual order, a
    /// right-to-left run's too: extractors that order text by position
    /// (poppler, PDFium, PDFBox) turn such runs back to reading order
    /// themselves, and written in reading order they read worse
    /// (`docs/scripts.md`).
    fn push(&mut self, run: &TextRun, x: f32, subset: &Subset, plain: bool) {
        let scale = 1000.0 / self.size;
        let mut shaped = (x - self.x) * scale;
        // A plain run's glyphs have one code each (`Subset::plain`).
        let mut texts = (!plain).then(|| run.glyph_texts());
        for g in &run.glyphs {
            let text = texts.as_mut().and_then(Iterator::next);
            let adjust = self.pen - (shaped + g.dx * scale);
            if adjust.abs() >= MIN_ADJUST {
                let rounded = adjust.round();
                if std::mem::take(&mut self.open) {
                    self.array.push(b'>');
                }
                // Adjustments always sit between strings, so no separator.
                self.array.extend_from_slice(itoa::Buffer::new().format(rounded as i32).as_bytes());
                self.pen -= rounded;
            }
            let (code, width) = text
                .and_then(|t| subset.code(g.id, &t, super::font::reach(g, &t, run.size)))
                .unwrap_or_else(|| subset.first(g.id));
            if !std::mem::replace(&mut self.open, true) {
                self.array.push(b'<');
            }
            hex16(&mut self.array, code);
            self.pen += width;
            shaped += g.advance * scale;
        }
    }

    fn emit(self, c: &mut Ops, state: &mut State, subsets: &BTreeMap<FaceId, Subset>) {
        state.begin_text(c);
        state.fill(c, self.color);
        if state.font != Some((self.face, self.size.to_bits())) {
            c.name(&subsets[&self.face].name);
            c.nums(&[self.size]);
            c.op("Tf");
            state.font = Some((self.face, self.size.to_bits()));
        }
        c.nums(&[1.0, 0.0, 0.0, 1.0, self.x, self.y]);
        c.op("Tm");
        c.0.push(b'[');
        c.0.extend_from_slice(&self.array);
        if self.open {
            c.0.push(b'>');
        }
        c.op("] TJ");
    }
}

/// Graphics state already set in the stream, so that nothing is repeated.
#[derive(Default)]
pub(super) struct State {
    in_text: bool,
    fill: Option<Color>,
    stroke: Option<Color>,
    line_width: Option<u32>,
    font: Option<(FaceId, u32)>,
}

impl State {
    pub(super) fn begin_text(&mut self, c: &mut Ops) {
        if !self.in_text {
            c.op("BT");
            self.in_text = true;
        }
    }

    pub(super) fn end_text(&mut self, c: &mut Ops) {
        if self.in_text {
            c.op("ET");
            self.in_text = false;
        }
    }

    fn fill(&mut self, c: &mut Ops, color: Color) {
        if self.fill != Some(color) {
            c.nums(&color.unit().map(round3));
            c.op("rg");
            self.fill = Some(color);
        }
    }
}

fn round2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn round3(v: f32) -> f32 {
    (v * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Ops)) -> String {
        let mut c = Ops(Vec::new());
        f(&mut c);
        String::from_utf8(c.0).unwrap()
    }

    #[test]
    fn numbers_are_plain_pdf_reals() {
        let nums = written(|c| c.nums(&[0.0, -0.0, 10.0, 0.5, -3.25, 595.28, 1e-5, -70000.0]));
        assert_eq!(nums, "0 0 10 0.5 -3.25 595.28 0 -32767 ", "clamped to MAX_REAL");
        for v in [i32::MIN, -1, 0, 7, 1_000_000, i32::MAX] {
            assert_eq!(written(|c| c.int(v)), v.to_string());
        }
    }

    /// A frame of runs on the baselines given, as `(text, actual, y)`.
    fn frame(runs: &[(&str, Option<&str>, f32)]) -> (Frame, BTreeMap<FaceId, Subset>) {
        let glyph = crate::layout::Glyph { id: 1, advance: 5.0, dx: 0.0, dy: 0.0, cluster: 0 };
        let items = runs
            .iter()
            .map(|(text, actual, y)| {
                let run = TextRun {
                    face: 0,
                    size: 10.0,
                    color: Color::rgb(0, 0, 0),
                    text: text.to_string(),
                    glyphs: vec![glyph],
                    actual: actual.map(str::to_string),
                    artifact: false,
                    bridge: false,
                    tag: Default::default(),
                };
                (crate::layout::Point { x: 10.0, y: *y }, FrameItem::Text(run))
            })
            .collect();
        let mut glyphs = rustc_hash::FxHashMap::default();
        let codes = runs
            .iter()
            .map(|(text, ..)| super::super::font::Code {
                text: Box::from(*text),
                reach: None,
                code: 1,
            })
            .collect();
        glyphs.insert(1, super::super::font::Coded { width: 500.0, codes });
        let font_ref = pdf_writer::Ref::new(1);
        let subsets = BTreeMap::from([(
            0,
            Subset { name: "F0".into(), icon: false, glyphs, font_ref, several: true },
        )]);
        (Frame { width: 100.0, height: 100.0, items }, subsets)
    }

    #[test]
    fn a_split_word_is_one_actual_text_span_across_the_line_break() {
        let none = super::super::outline::Glyphs::collect(&crate::layout::Document::default());
        let (f, subsets) = frame(&[
            ("multi-", Some("multi-region"), 20.0),
            ("region", Some(SPLIT_REST), 32.0),
            ("next", None, 32.0),
        ]);
        let ops = String::from_utf8(page(&f, &FontBook::new(), &none, &subsets, |_| None, None).0)
            .unwrap();
        // One span, opened before the first piece and closed after the rest.
        assert_eq!(ops.matches("BDC").count(), 1, "{ops}");
        let (open, close) = (ops.find("BDC").unwrap(), ops.find("EMC").unwrap());
        let tjs: Vec<usize> = ops.match_indices("] TJ").map(|(i, _)| i).collect();
        assert_eq!(tjs.len(), 3, "{ops}");
        assert!(open < tjs[0] && tjs[1] < close && close < tjs[2], "{ops}");
        // Where the rest starts a page, it reads as a zero-width space.
        let (f, subsets) = frame(&[("region", Some(SPLIT_REST), 20.0), ("next", None, 20.0)]);
        let ops = String::from_utf8(page(&f, &FontBook::new(), &none, &subsets, |_| None, None).0)
            .unwrap();
        assert!(ops.contains("/ActualText <FEFF200B>>> BDC"), "{ops}");
        assert_eq!(ops.matches("EMC").count(), 1, "{ops}");
    }

    #[test]
    fn invalid_and_huge_numbers_become_valid_ones() {
        let nums = written(|c| {
            c.nums(&[f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e30, -1e30, 3e-30, 32767.5])
        });
        assert_eq!(nums, "0 32767 -32767 32767 -32767 0 32767 ");
    }

    proptest::proptest! {
        /// Any f32 bit pattern is written as a plain PDF number: digits, at
        /// most one point, an optional sign; no exponent, NaN or inf.
        #[test]
        fn every_f32_is_written_as_a_plain_pdf_real(bits: u32) {
            let v = f32::from_bits(bits);
            let text = written(|c| c.nums(&[v]));
            let number = text.strip_suffix(' ').expect("a trailing space");
            let digits = number.strip_prefix('-').unwrap_or(number);
            proptest::prop_assert!(!digits.is_empty(), "{v}: {text:?}");
            proptest::prop_assert!(
                digits.chars().all(|c| c.is_ascii_digit() || c == '.')
                    && digits.matches('.').count() <= 1
                    && !digits.starts_with('.')
                    && !digits.ends_with('.'),
                "{v} written as {text:?}"
            );
            let back: f32 = number.parse().unwrap();
            proptest::prop_assert!(back.abs() <= MAX_REAL);
            if v.is_finite() && v.abs() >= 1e-4 && v.abs() <= MAX_REAL {
                proptest::prop_assert_eq!(back, v, "finite values in range read back exactly");
            }
        }
    }

    #[test]
    fn operators_names_and_actual_text() {
        let text = written(|c| {
            c.name("F3");
            c.nums(&[9.5]);
            c.op("Tf");
            c.actual_text("A\u{e9}\u{1F600}");
        });
        // UTF-16BE with its byte-order mark; the emoji as a surrogate pair.
        assert_eq!(text, "/F3 9.5 Tf\n/Span <</ActualText <FEFF004100E9D83DDE00>>> BDC\n");
    }
}
