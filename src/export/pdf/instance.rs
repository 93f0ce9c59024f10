//! Glyphs of one instance of a variable TrueType font, for its subset: the
//! outlines and advances at the instance's location on its axes (the bold
//! of a family that has only a variable face), as plain `glyf` glyphs and
//! `hmtx` metrics. A PDF has no variations: the embedded program must
//! carry the instance itself. ttf-parser applies the variations (`gvar`,
//! `HVAR`); composite glyphs come out flattened, so the subset needs no
//! components; hinting instructions are left out, as for static faces.

use ttf_parser::{Face, GlyphId, OutlineBuilder};

/// One glyph's contours as TrueType points: (x, y, on the curve).
#[derive(Default)]
struct Contours {
    points: Vec<(f32, f32, bool)>,
    /// The index of each contour's last point.
    ends: Vec<u16>,
    start: usize,
}

impl Contours {
    fn point(&mut self, x: f32, y: f32, on: bool) {
        self.points.push((x, y, on));
    }
}

impl OutlineBuilder for Contours {
    fn move_to(&mut self, x: f32, y: f32) {
        self.start = self.points.len();
        self.point(x, y, true);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.point(x, y, true);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.point(x1, y1, false);
        self.point(x, y, true);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        // TrueType outlines are quadratic; a cubic (which a glyf font does
        // not have) is approximated by one quadratic through its handles.
        let (px, py) = self.points.last().map_or((x, y), |p| (p.0, p.1));
        let cx = (3.0 * (x1 + x2) - px - x) / 4.0;
        let cy = (3.0 * (y1 + y2) - py - y) / 4.0;
        self.quad_to(cx, cy, x, y);
    }

    fn close(&mut self) {
        // A contour that returns to its first point ends before it.
        let (first, last) = (self.points.get(self.start), self.points.last());
        if let (Some(a), Some(b)) = (first, last)
            && self.points.len() - self.start > 1
            && a == b
        {
            self.points.pop();
        }
        if self.points.len() > self.start {
            self.ends.push((self.points.len() - 1) as u16);
        }
        self.start = self.points.len();
    }
}

/// A simple glyph record for `contours`: header, end points, no
/// instructions, a flag per point and 16-bit coordinate deltas.
fn encode(c: &Contours) -> Option<Vec<u8>> {
    let round = |v: f32| (v.round() as i32).clamp(i16::MIN.into(), i16::MAX.into()) as i16;
    let xs: Vec<i16> = c.points.iter().map(|p| round(p.0)).collect();
    let ys: Vec<i16> = c.points.iter().map(|p| round(p.1)).collect();
    let (x_min, x_max) = (*xs.iter().min()?, *xs.iter().max()?);
    let (y_min, y_max) = (*ys.iter().min()?, *ys.iter().max()?);
    let mut out = Vec::with_capacity(12 + 5 * c.points.len());
    let contours = i16::try_from(c.ends.len()).ok()?;
    for v in [contours, x_min, y_min, x_max, y_max] {
        out.extend(v.to_be_bytes());
    }
    for end in &c.ends {
        out.extend(end.to_be_bytes());
    }
    out.extend(0u16.to_be_bytes()); // no instructions
    out.extend(c.points.iter().map(|p| u8::from(p.2)));
    for values in [&xs, &ys] {
        let mut last = 0i32;
        for &v in values.iter() {
            let delta = i16::try_from(i32::from(v) - last).ok()?;
            out.extend(delta.to_be_bytes());
            last = v.into();
        }
    }
    if out.len() % 2 == 1 {
        out.push(0);
    }
    Some(out)
}

/// The outlines of some glyphs at an instance, as the subset needs them.
pub(super) struct Outlines {
    /// The `glyf` data.
    pub glyf: Vec<u8>,
    /// Its `loca` offsets, one more than the glyphs.
    pub offsets: Vec<u32>,
    /// The most points and the most contours of a glyph, for `maxp`.
    pub most: (u16, u16),
}

/// The `glyf` data of `glyphs` at the face's instance. A glyph without
/// outline is empty.
pub(super) fn outlines(face: &Face, glyphs: &[u16]) -> Option<Outlines> {
    let mut out = Outlines { glyf: Vec::new(), offsets: Vec::new(), most: (0, 0) };
    for &g in glyphs {
        out.offsets.push(out.glyf.len() as u32);
        let mut contours = Contours::default();
        if face.outline_glyph(GlyphId(g), &mut contours).is_some() && !contours.ends.is_empty() {
            out.glyf.extend(encode(&contours)?);
            let points = u16::try_from(contours.points.len()).ok()?;
            let count = u16::try_from(contours.ends.len()).ok()?;
            out.most = (out.most.0.max(points), out.most.1.max(count));
        }
    }
    out.offsets.push(out.glyf.len() as u32);
    Some(out)
}

/// A full `hmtx` for `glyphs` at the face's instance: each one's advance
/// and left side bearing.
pub(super) fn metrics(face: &Face, glyphs: &[u16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(glyphs.len() * 4);
    for &g in glyphs {
        let id = GlyphId(g);
        let advance = face.glyph_hor_advance(id).unwrap_or(0);
        let bearing = face.glyph_bounding_box(id).map_or(0, |b| b.x_min);
        out.extend(advance.to_be_bytes());
        out.extend(bearing.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_becomes_one_contour_of_four_points() {
        let mut c = Contours::default();
        c.move_to(0.0, 0.0);
        c.line_to(100.0, 0.0);
        c.line_to(100.0, 100.0);
        c.line_to(0.0, 100.0);
        c.line_to(0.0, 0.0);
        c.close();
        assert_eq!(c.ends, vec![3]);
        let glyph = encode(&c).unwrap();
        // One contour, bbox 0,0–100,100, end point 3, no instructions.
        assert_eq!(&glyph[..14], &[0, 1, 0, 0, 0, 0, 0, 100, 0, 100, 0, 3, 0, 0]);
        assert_eq!(&glyph[14..18], &[1, 1, 1, 1], "four points on the curve");
    }

    #[test]
    fn bundled_glyphs_read_back_as_they_were_drawn() {
        // Charis SIL's own outlines, encoded and parsed again, give the
        // same bounding box: the encoding is faithful.
        let book = crate::fonts::FontBook::new();
        let face = book.face(book.select("Charis SIL", false, false).unwrap());
        for ch in ['a', 'g', 'O', '&'] {
            let id = face.glyph_index(ch).unwrap();
            let mut c = Contours::default();
            face.outline_glyph(id, &mut c).unwrap();
            let glyph = encode(&c).unwrap();
            let coord = |at: usize| i16::from_be_bytes([glyph[at], glyph[at + 1]]);
            let bbox = face.glyph_bounding_box(id).unwrap();
            assert_eq!(
                (coord(2), coord(4), coord(6), coord(8)),
                (bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max),
                "{ch}"
            );
        }
    }
}
