//! Page content streams: one frame's items, in frame (reading) order, as
//! PDF operators. Glyphs go out as 2-byte codes (their subset ids) in `TJ`
//! arrays, with a position adjustment only where the shaped pen position
//! differs from the font's own advance (kerning, letter-spacing, marks).

use super::font::Subset;
use crate::fonts::FaceId;
use crate::layout::{Frame, FrameItem, TextRun};
use crate::theme::Color;
use pdf_writer::{Content, Name, Str, TextStr};
use std::collections::BTreeMap;

/// Adjustments smaller than this (in 1/1000 em) are dropped: at 10 pt that
/// is 0.005 pt, far below what any device can show.
const MIN_ADJUST: f32 = 0.5;

/// The content stream of one page. `image_name` names a frame's picture
/// resource (`/Im1`) by its index in the document's picture list.
pub fn page(
    frame: &Frame,
    subsets: &BTreeMap<FaceId, Subset>,
    image_name: impl Fn(&FrameItem) -> Option<String>,
) -> Vec<u8> {
    let mut c = Content::new();
    let mut state = State::default();
    let mut line: Option<Line> = None;
    let flip = |y: f32| frame.height - y;
    for (p, item) in &frame.items {
        if let FrameItem::Text(run) = item {
            let subset = &subsets[&run.face];
            let plain = !run.artifact && run.actual.is_none();
            // Words of one line in one style join the line's TJ array.
            if plain && let Some(open) = line.as_mut().filter(|l| l.accepts(run, p.y)) {
                open.push(run, p.x, subset);
                continue;
            }
            if let Some(done) = line.take() {
                done.emit(&mut c, &mut state, subsets);
            }
            let mut next = Line::new(run, p.x, p.y, flip(p.y));
            next.push(run, p.x, subset);
            if plain {
                line = Some(next);
                continue;
            }
            // Page furniture is an /Artifact; text that must extract
            // differently from its glyphs (a word split across lines,
            // synthesised small capitals) carries /ActualText.
            if run.artifact {
                state.begin_text(&mut c);
                c.begin_marked_content(Name(b"Artifact"));
            }
            if let Some(actual) = &run.actual {
                state.begin_text(&mut c);
                c.begin_marked_content_with_properties(Name(b"Span"))
                    .properties()
                    .actual_text(TextStr(actual));
            }
            next.emit(&mut c, &mut state, subsets);
            if run.actual.is_some() {
                c.end_marked_content();
            }
            if run.artifact {
                c.end_marked_content();
            }
            continue;
        }
        if let Some(done) = line.take() {
            done.emit(&mut c, &mut state, subsets);
        }
        match item {
            FrameItem::Rule { width, thickness, color } => {
                state.end_text(&mut c);
                if state.stroke != Some(*color) {
                    let [r, g, b] = color.unit().map(round3);
                    c.set_stroke_rgb(r, g, b);
                    state.stroke = Some(*color);
                }
                if state.line_width != Some(thickness.to_bits()) {
                    c.set_line_width(round2(*thickness));
                    state.line_width = Some(thickness.to_bits());
                }
                let y = round2(flip(p.y + thickness / 2.0));
                c.move_to(round2(p.x), y).line_to(round2(p.x + width), y).stroke();
            }
            FrameItem::Image { width, height, .. } => {
                state.end_text(&mut c);
                let Some(name) = image_name(item) else { continue };
                c.save_state();
                c.transform([*width, 0.0, 0.0, *height, p.x, flip(p.y + height)].map(round2));
                c.x_object(Name(name.as_bytes()));
                c.restore_state();
            }
            FrameItem::Rect { width, height, color } => {
                state.end_text(&mut c);
                state.fill(&mut c, *color);
                let [x, y, w, h] = [p.x, flip(p.y + height), *width, *height].map(round2);
                c.rect(x, y, w, h).fill_nonzero();
            }
            // Links are annotations, written with the page object; text
            // was handled above.
            FrameItem::Link { .. } | FrameItem::Text(_) => {}
        }
    }
    if let Some(done) = line.take() {
        done.emit(&mut c, &mut state, subsets);
    }
    state.end_text(&mut c);
    c.finish().into_vec()
}

/// A piece of a `TJ` array.
enum Piece {
    Codes(Vec<u8>),
    /// Moves the pen left by this many 1/1000 em.
    Adjust(f32),
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
    pieces: Vec<Piece>,
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
            pieces: Vec::new(),
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
    /// the glyph's x offset), then its codes.
    fn push(&mut self, run: &TextRun, x: f32, subset: &Subset) {
        let scale = 1000.0 / self.size;
        let mut shaped = (x - self.x) * scale;
        for g in &run.glyphs {
            let adjust = self.pen - (shaped + g.dx * scale);
            if adjust.abs() >= MIN_ADJUST {
                let rounded = adjust.round();
                self.pieces.push(Piece::Adjust(rounded));
                self.pen -= rounded;
            }
            let (code, width) = subset.glyphs[&g.id];
            let code = code.to_be_bytes();
            match self.pieces.last_mut() {
                Some(Piece::Codes(codes)) => codes.extend_from_slice(&code),
                _ => self.pieces.push(Piece::Codes(code.to_vec())),
            }
            self.pen += width;
            shaped += g.advance * scale;
        }
    }

    fn emit(self, c: &mut Content, state: &mut State, subsets: &BTreeMap<FaceId, Subset>) {
        state.begin_text(c);
        state.fill(c, self.color);
        if state.font != Some((self.face, self.size.to_bits())) {
            c.set_font(Name(subsets[&self.face].name.as_bytes()), self.size);
            state.font = Some((self.face, self.size.to_bits()));
        }
        c.set_text_matrix([1.0, 0.0, 0.0, 1.0, self.x, self.y]);
        let mut tj = c.show_positioned();
        let mut items = tj.items();
        for piece in &self.pieces {
            match piece {
                Piece::Codes(codes) => items.show(Str(codes)),
                Piece::Adjust(a) => items.adjust(*a),
            };
        }
    }
}

/// Graphics state already set in the stream, so that nothing is repeated.
#[derive(Default)]
struct State {
    in_text: bool,
    fill: Option<Color>,
    stroke: Option<Color>,
    line_width: Option<u32>,
    font: Option<(FaceId, u32)>,
}

impl State {
    fn begin_text(&mut self, c: &mut Content) {
        if !self.in_text {
            c.begin_text();
            self.in_text = true;
        }
    }

    fn end_text(&mut self, c: &mut Content) {
        if self.in_text {
            c.end_text();
            self.in_text = false;
        }
    }

    fn fill(&mut self, c: &mut Content, color: Color) {
        if self.fill != Some(color) {
            let [r, g, b] = color.unit().map(round3);
            c.set_fill_rgb(r, g, b);
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
