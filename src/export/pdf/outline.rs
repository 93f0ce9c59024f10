//! Page furniture drawn as glyph outlines: the footer, the running header,
//! the "Updated" note and contact icons are filled paths, not text.
//!
//! Text extractors that ignore /Artifact marks (pypdf, pdfminer,
//! pdfplumber, and PDFium and poppler in some modes) would otherwise read a
//! footer into the middle of a paragraph that runs on to the next page, and
//! an icon font's private-use characters into the contact line. A path has
//! no text, so no extractor reads it; it looks the same on paper and on
//! screen.

use crate::layout::TextRun;
use std::fmt::Write;

/// Appends `q … f Q`: the run's glyphs as filled outlines, in its colour,
/// with its baseline starting at `(x, y)` in PDF coordinates.
pub fn draw(out: &mut Vec<u8>, run: &TextRun, x: f32, y: f32, face: &ttf_parser::Face) {
    let scale = run.size / face.units_per_em() as f32;
    let mut path = Path { ops: String::new(), x: 0.0, y: 0.0, scale, last: (0.0, 0.0) };
    let mut pen = 0.0;
    for g in &run.glyphs {
        path.x = x + pen + g.dx;
        path.y = y + g.dy;
        face.outline_glyph(ttf_parser::GlyphId(g.id), &mut path);
        pen += g.advance;
    }
    if path.ops.is_empty() {
        return;
    }
    let [r, gr, b] = run.color.unit();
    let _ = write!(out_str(out), "q\n{} {} {} rg\n", num(r), num(gr), num(b));
    out.extend_from_slice(path.ops.as_bytes());
    out.extend_from_slice(b"f\nQ\n");
}

/// A `Vec<u8>` written to as text.
fn out_str(out: &mut Vec<u8>) -> impl Write + '_ {
    struct Bytes<'a>(&'a mut Vec<u8>);
    impl Write for Bytes<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.extend_from_slice(s.as_bytes());
            Ok(())
        }
    }
    Bytes(out)
}

/// A number with at most three decimals and no exponent.
fn num(v: f32) -> String {
    let v = if v.is_finite() { (v * 1000.0).round() / 1000.0 } else { 0.0 };
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// Path operators for one run, glyph by glyph: `(x, y)` is the current
/// glyph's origin, `scale` turns font units into points.
struct Path {
    ops: String,
    x: f32,
    y: f32,
    scale: f32,
    /// The current point, in points (for turning quadratics into cubics).
    last: (f32, f32),
}

impl Path {
    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (self.x + x * self.scale, self.y + y * self.scale)
    }

    fn point(&mut self, p: (f32, f32)) {
        let _ = write!(self.ops, "{} {} ", num(p.0), num(p.1));
    }
}

impl ttf_parser::OutlineBuilder for Path {
    fn move_to(&mut self, x: f32, y: f32) {
        let p = self.at(x, y);
        self.point(p);
        self.ops.push_str("m\n");
        self.last = p;
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.at(x, y);
        self.point(p);
        self.ops.push_str("l\n");
        self.last = p;
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        // The cubic with the same curve: control points two thirds of the
        // way from each end to the quadratic's control point.
        let (q, p, s) = (self.at(x1, y1), self.at(x, y), self.last);
        let c1 = (s.0 + 2.0 / 3.0 * (q.0 - s.0), s.1 + 2.0 / 3.0 * (q.1 - s.1));
        let c2 = (p.0 + 2.0 / 3.0 * (q.0 - p.0), p.1 + 2.0 / 3.0 * (q.1 - p.1));
        self.point(c1);
        self.point(c2);
        self.point(p);
        self.ops.push_str("c\n");
        self.last = p;
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (c1, c2, p) = (self.at(x1, y1), self.at(x2, y2), self.at(x, y));
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
    use crate::fonts::FontBook;

    #[test]
    fn a_run_becomes_a_filled_path_with_no_text_operators() {
        let book = FontBook::new();
        let style = Style { face: 0, size: 10.0, ..Style::default() };
        let glyphs = crate::layout::shape::shape(&book, &style, "Ab 1");
        let run = TextRun {
            face: 0,
            size: 10.0,
            color: style.color,
            text: "Ab 1".into(),
            glyphs: glyphs.to_vec(),
            actual: None,
            artifact: true,
            bridge: false,
        };
        let mut out = Vec::new();
        draw(&mut out, &run, 50.0, 700.0, book.face(0));
        let ops = String::from_utf8(out).unwrap();
        assert!(ops.starts_with("q\n") && ops.ends_with("f\nQ\n"), "{ops:.200}");
        assert!(ops.matches(" m\n").count() >= 3, "A, b and 1 have contours");
        for text_op in ["Tj", "TJ", "BT", "Tf"] {
            assert!(!ops.contains(text_op), "{text_op} in {ops:.200}");
        }
        // Every point lands on the run: right of its origin, within the
        // advance of "Ab 1" at 10 pt, and about the baseline.
        let width: f32 = run.width();
        for line in ops.lines().filter(|l| l.ends_with(['m', 'l', 'c'])) {
            let nums: Vec<f32> = line.split(' ').filter_map(|t| t.parse().ok()).collect();
            for xy in nums.chunks(2) {
                assert!((49.0..=50.0 + width).contains(&xy[0]), "x off the run: {line}");
                assert!((697.0..=708.0).contains(&xy[1]), "y off the baseline: {line}");
            }
        }
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(-0.0001), "0");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(1e20), "100000002004087734272");
        assert_eq!(num(12.0), "12");
    }
}
