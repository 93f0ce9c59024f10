//! Page furniture drawn as glyph outlines: the footer, the running header,
//! the "Updated" note and contact icons are filled paths, not text.
//!
//! Text extractors that ignore /Artifact marks (pypdf, pdfminer,
//! pdfplumber, and PDFium and poppler in some modes) would otherwise read a
//! footer into the middle of a paragraph that runs on to the next page, and
//! an icon font's private-use characters into the contact line. A path has
//! no text, so no extractor reads it; it looks the same on paper and on
//! screen.

use crate::fonts::{FaceId, FontBook};
use crate::layout::{Document, FrameItem, TextRun};
use std::fmt::Write;

/// The glyphs page furniture draws, each written once per document as a
/// Form XObject (`/G0`, `/G1`, …) of its outline in font units, and drawn
/// wherever it appears: a footer repeated on every page costs a few bytes
/// a page, not its outlines again.
pub(super) struct Glyphs(Vec<(FaceId, u16)>);

impl Glyphs {
    /// Every glyph of an artifact run in the document.
    pub(super) fn collect(doc: &Document) -> Glyphs {
        let mut list: Vec<(FaceId, u16)> = doc
            .pages
            .iter()
            .flat_map(|f| &f.items)
            .filter_map(|(_, item)| match item {
                FrameItem::Text(r) if r.artifact => Some(r),
                _ => None,
            })
            .flat_map(|r| r.glyphs.iter().map(|g| (r.face, g.id)))
            .collect();
        list.sort_unstable();
        list.dedup();
        Glyphs(list)
    }

    /// Each glyph's resource name and its outline as a form: path
    /// operators in font units, and its bounding box.
    pub(super) fn forms(&self, book: &FontBook) -> Vec<(String, Vec<u8>, [f32; 4])> {
        self.0
            .iter()
            .enumerate()
            .map(|(i, &(face, id))| {
                let mut path = Path { ops: String::new(), last: (0.0, 0.0) };
                let bbox = book
                    .face(face)
                    .outline_glyph(ttf_parser::GlyphId(id), &mut path)
                    .map(|b| [b.x_min, b.y_min, b.x_max, b.y_max].map(f32::from))
                    .unwrap_or_default();
                if !path.ops.is_empty() {
                    path.ops.push_str("f\n");
                }
                (format!("G{i}"), path.ops.into_bytes(), bbox)
            })
            .collect()
    }

    fn name(&self, face: FaceId, id: u16) -> Option<usize> {
        self.0.binary_search(&(face, id)).ok()
    }
}

/// Appends `q … Q`: each of the run's glyphs drawn from its form, scaled
/// from font units and placed on the baseline that starts at `(x, y)` in
/// PDF coordinates, in the run's colour.
pub(super) fn draw(
    out: &mut Vec<u8>,
    run: &TextRun,
    x: f32,
    y: f32,
    book: &FontBook,
    glyphs: &Glyphs,
) {
    let scale = run.size / book.face(run.face).units_per_em() as f32;
    let [r, g, b] = run.color.unit();
    let mut ops = String::new();
    let _ = write!(ops, "q\n{} {} {} rg\n", num(r), num(g), num(b));
    let mut pen = 0.0;
    for glyph in &run.glyphs {
        if let Some(i) = glyphs.name(run.face, glyph.id) {
            let (gx, gy) = (x + pen + glyph.dx, y + glyph.dy);
            let s = num4(scale);
            let _ = writeln!(ops, "q {s} 0 0 {s} {} {} cm /G{i} Do Q", num(gx), num(gy));
        }
        pen += glyph.advance;
    }
    ops.push_str("Q\n");
    out.extend_from_slice(ops.as_bytes());
}

/// A scale factor, to six decimals (a font unit is about 1/100 of a point).
fn num4(v: f32) -> String {
    let s = format!("{:.6}", if v.is_finite() { v } else { 0.0 });
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A number with at most two decimals (a hundredth of a point, far finer
/// than print) and no exponent.
fn num(v: f32) -> String {
    let v = if v.is_finite() { (v * 100.0).round() / 100.0 } else { 0.0 };
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// Path operators for one glyph's outline, in font units.
struct Path {
    ops: String,
    /// The current point (for turning quadratics into cubics).
    last: (f32, f32),
}

impl Path {
    fn point(&mut self, p: (f32, f32)) {
        let _ = write!(self.ops, "{} {} ", num(p.0), num(p.1));
    }
}

impl ttf_parser::OutlineBuilder for Path {
    fn move_to(&mut self, x: f32, y: f32) {
        let p = (x, y);
        self.point(p);
        self.ops.push_str("m\n");
        self.last = p;
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let p = (x, y);
        self.point(p);
        self.ops.push_str("l\n");
        self.last = p;
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        // The cubic with the same curve: control points two thirds of the
        // way from each end to the quadratic's control point.
        let (q, p, s) = ((x1, y1), (x, y), self.last);
        let c1 = (s.0 + 2.0 / 3.0 * (q.0 - s.0), s.1 + 2.0 / 3.0 * (q.1 - s.1));
        let c2 = (p.0 + 2.0 / 3.0 * (q.0 - p.0), p.1 + 2.0 / 3.0 * (q.1 - p.1));
        self.point(c1);
        self.point(c2);
        self.point(p);
        self.ops.push_str("c\n");
        self.last = p;
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (c1, c2, p) = ((x1, y1), (x2, y2), (x, y));
        self.point(c1);
        self.point(c2);
        self.point(p);
        self.ops.push_str("c\n");
        self.last = p;
    }

    fn close(&mut self) {
        self.ops.push_str("h\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::Style;

    #[test]
    fn furniture_is_drawn_from_one_form_per_glyph_with_no_text_operators() {
        let book = FontBook::new();
        let style = Style { face: 0, size: 10.0, ..Style::default() };
        let shaped = crate::layout::shape::shape(&book, &style, "Ab A");
        let run = TextRun {
            face: 0,
            size: 10.0,
            color: style.color,
            text: "Ab A".into(),
            glyphs: shaped.to_vec(),
            actual: None,
            artifact: true,
            bridge: false,
            tag: Default::default(),
        };
        let doc = Document {
            pages: vec![crate::layout::Frame {
                width: 100.0,
                height: 100.0,
                items: vec![(crate::layout::Point::default(), FrameItem::Text(run.clone()))],
            }],
            ..Document::default()
        };
        let glyphs = Glyphs::collect(&doc);
        let forms = glyphs.forms(&book);
        // A, b and the space: "A" twice in the run, one form.
        assert_eq!(forms.len(), 3);
        let outlined: Vec<_> = forms.iter().filter(|f| !f.1.is_empty()).collect();
        assert_eq!(outlined.len(), 2, "the space has no outline");
        for (_, ops, bbox) in outlined {
            let ops = String::from_utf8(ops.clone()).unwrap();
            assert!(ops.contains(" m\n") && ops.ends_with("f\n"), "{ops:.200}");
            assert!(bbox[2] > bbox[0] && bbox[3] > bbox[1]);
        }
        let mut out = Vec::new();
        draw(&mut out, &run, 50.0, 700.0, &book, &glyphs);
        let ops = String::from_utf8(out).unwrap();
        assert_eq!(ops.matches(" Do Q").count(), 4, "{ops}");
        let uses = |g: &str| ops.lines().filter(|l| l.ends_with(&format!("/{g} Do Q"))).count();
        let mut counts: Vec<usize> = forms.iter().map(|f| uses(&f.0)).collect();
        counts.sort_unstable();
        assert_eq!(counts, [1, 1, 2], "the A's form is drawn twice: {ops}");
        for text_op in ["Tj", "TJ", "BT", "Tf"] {
            assert!(!ops.contains(text_op), "{text_op} in {ops}");
        }
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(2.345), "2.35");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(1e20), "100000002004087734272");
        assert_eq!(num(12.0), "12");
    }
}
