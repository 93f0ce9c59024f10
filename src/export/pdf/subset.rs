//! Subsets a TrueType font program down to what a PDF needs to draw some
//! of its glyphs.
//!
//! A CIDFontType2 with an Identity CIDToGIDMap reads only `head`, `hhea`,
//! `maxp`, `hmtx`, `loca` and `glyf` (ISO 32000-1, 9.9), so the subset holds
//! those, with the glyphs renumbered in the order asked for and the
//! components of composite glyphs appended after them. Everything else is
//! dead weight in the file: the hinting programs (`fpgm`, `prep`, `cvt `,
//! and each glyph's instructions), which PDF renderers leave unused or
//! override, the layout tables, and most of the `name` table (descriptions,
//! licence text). The copyright, names and licence URL records of `name`
//! are kept, so the embedded program still says whose it is and under
//! which licence.
//!
//! Any surprise in the input (a table missing, an offset out of range)
//! returns `None`; every bundled face is tested to subset.

use rustc_hash::FxHashMap;

/// `name` records kept: copyright, family, subfamily, full name,
/// PostScript name, licence URL.
const KEPT_NAMES: [u16; 6] = [0, 1, 2, 4, 6, 14];

/// The subset of `font` whose glyph `i` is the original glyph `glyphs[i]`
/// (`glyphs[0]` should be 0, `.notdef`), followed by the glyphs that
/// composites among them are built from. `None` when the input is not a
/// TrueType font as expected. With an `instance` (the face of a variable
/// font at a location on its axes), the glyphs are that instance's
/// outlines and advances instead of the font's default ones.
pub(super) fn subset(
    font: &[u8],
    index: u32,
    glyphs: &[u16],
    instance: Option<&ttf_parser::Face>,
) -> Option<Vec<u8>> {
    let tables = directory(font, index)?;
    let table = |tag: &[u8; 4]| tables.iter().find(|t| &t.0 == tag).map(|t| t.1);
    let head = table(b"head")?;
    let maxp = table(b"maxp")?;
    let hhea = table(b"hhea")?;
    let source = Glyphs {
        glyf: table(b"glyf")?,
        loca: table(b"loca")?,
        long_loca: u16_at(head, 50)? == 1,
        count: u16_at(maxp, 4)? as usize,
    };
    // The most points and contours of a glyph, where they change.
    let mut most = None;
    let (glyf, offsets, order, hmtx) = match instance {
        Some(face) => {
            let o = super::instance::outlines(face, glyphs)?;
            most = Some(o.most);
            (o.glyf, o.offsets, glyphs.to_vec(), super::instance::metrics(face, glyphs))
        }
        None => {
            let (glyf, offsets, order) = copy_glyphs(&source, glyphs)?;
            let hmtx = metrics(table(b"hmtx")?, u16_at(hhea, 34)? as usize, &order)?;
            (glyf, offsets, order, hmtx)
        }
    };
    let count = (order.len() as u16).to_be_bytes();

    // Short offsets count 2-byte words and need every glyph at an even
    // offset, which `copy_glyphs` ensures.
    let short = *offsets.last()? < 0x2_0000;
    let mut loca = Vec::with_capacity(offsets.len() * 4);
    for o in &offsets {
        if short {
            loca.extend(((o / 2) as u16).to_be_bytes());
        } else {
            loca.extend(o.to_be_bytes());
        }
    }
    let mut head = head.to_vec();
    head.get_mut(50..52)?.copy_from_slice(&[0, u8::from(!short)]);
    // checkSumAdjustment is computed over the finished file below.
    head.get_mut(8..12)?.copy_from_slice(&[0; 4]);

    let mut maxp = maxp.to_vec();
    maxp.get_mut(4..6)?.copy_from_slice(&count);
    if let (Some((points, contours)), true) = (most, maxp.len() >= 10) {
        // Composites are flattened at an instance: simple glyphs grow.
        let old = |at: usize| u16_at(&maxp, at).unwrap_or(0);
        let (points, contours) = (points.max(old(6)), contours.max(old(8)));
        maxp[6..8].copy_from_slice(&points.to_be_bytes());
        maxp[8..10].copy_from_slice(&contours.to_be_bytes());
    }
    if maxp.len() >= 32 {
        // maxSizeOfInstructions: there are none left.
        maxp[26..28].copy_from_slice(&[0, 0]);
    }
    // Every glyph gets a full metric, so numberOfHMetrics is the count.
    let mut hhea = hhea.to_vec();
    hhea.get_mut(34..36)?.copy_from_slice(&count);

    let mut out: Vec<([u8; 4], Vec<u8>)> = vec![
        (*b"glyf", glyf),
        (*b"head", head),
        (*b"hhea", hhea),
        (*b"hmtx", hmtx),
        (*b"loca", loca),
        (*b"maxp", maxp),
    ];
    if let Some(name) = table(b"name").and_then(trim_names) {
        out.push((*b"name", name));
    }
    out.sort_by_key(|t| t.0);
    Some(crate::fonts::sfnt::assemble(&[0, 1, 0, 0], &out))
}

/// The outlines of the source font.
struct Glyphs<'a> {
    glyf: &'a [u8],
    loca: &'a [u8],
    long_loca: bool,
    count: usize,
}

impl<'a> Glyphs<'a> {
    /// Glyph `id`'s data, empty for a glyph without outline.
    fn get(&self, id: u16) -> Option<&'a [u8]> {
        let i = id as usize;
        if i >= self.count {
            return None;
        }
        let offset = |i: usize| -> Option<usize> {
            if self.long_loca {
                u32_at(self.loca, 4 * i).map(|v| v as usize)
            } else {
                u16_at(self.loca, 2 * i).map(|v| v as usize * 2)
            }
        };
        let (start, end) = (offset(i)?, offset(i + 1)?);
        if end > start { self.glyf.get(start..end) } else { Some(&[]) }
    }
}

/// The new `glyf` (glyphs without their instructions, each padded to an
/// even length), its `loca` offsets (one more than the glyphs), and the
/// original id of every new glyph: `wanted`, then components.
fn copy_glyphs(source: &Glyphs, wanted: &[u16]) -> Option<(Vec<u8>, Vec<u32>, Vec<u16>)> {
    let mut order = wanted.to_vec();
    let mut new_ids: FxHashMap<u16, u16> =
        wanted.iter().enumerate().map(|(new, &old)| (old, new as u16)).collect();
    let mut glyf = Vec::new();
    let mut offsets = Vec::with_capacity(order.len() + 1);
    let mut i = 0;
    while let Some(&old) = order.get(i) {
        offsets.push(glyf.len() as u32);
        let data = source.get(old)?;
        if !data.is_empty() {
            strip_glyph(data, &mut glyf, |component| {
                let next = u16::try_from(order.len()).ok()?;
                Some(*new_ids.entry(component).or_insert_with(|| {
                    order.push(component);
                    next
                }))
            })?;
            if glyf.len() % 2 == 1 {
                glyf.push(0);
            }
        }
        i += 1;
    }
    offsets.push(glyf.len() as u32);
    Some((glyf, offsets, order))
}

/// A full `hmtx` (advance and left side bearing for every glyph) for the
/// original glyphs in `order`; `long` is the source's numberOfHMetrics.
fn metrics(hmtx: &[u8], long: usize, order: &[u16]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(order.len() * 4);
    for &g in order {
        let g = g as usize;
        // Glyphs past the long metrics share the last advance and have
        // only their bearing stored, after the long metrics.
        let advance = u16_at(hmtx, 4 * g.min(long.checked_sub(1)?))?;
        let lsb = if g < long {
            u16_at(hmtx, 4 * g + 2)?
        } else {
            u16_at(hmtx, 4 * long + 2 * (g - long))?
        };
        out.extend(advance.to_be_bytes());
        out.extend(lsb.to_be_bytes());
    }
    Some(out)
}

/// The table directory: (tag, table bytes).
fn directory(font: &[u8], index: u32) -> Option<Vec<([u8; 4], &[u8])>> {
    // A collection lists where each face's directory starts; table offsets
    // count from the file's start either way.
    let start = match font.get(..4) {
        Some(b"ttcf") if index < u32_at(font, 8)? => u32_at(font, 12 + 4 * index as usize)?,
        Some(b"ttcf") => return None,
        _ if index == 0 => 0,
        _ => return None,
    } as usize;
    let dir = font.get(start..)?;
    let count = u16_at(dir, 4)? as usize;
    (0..count)
        .map(|i| {
            let rec = dir.get(12 + 16 * i..28 + 16 * i)?;
            let tag: [u8; 4] = rec[0..4].try_into().ok()?;
            let offset = u32_at(rec, 8)? as usize;
            let len = u32_at(rec, 12)? as usize;
            Some((tag, font.get(offset..offset.checked_add(len)?)?))
        })
        .collect()
}

/// Appends one glyph to `out` with its instructions removed, and the
/// components of a composite renumbered by `remap`.
fn strip_glyph(
    g: &[u8],
    out: &mut Vec<u8>,
    mut remap: impl FnMut(u16) -> Option<u16>,
) -> Option<()> {
    let contours = u16_at(g, 0)? as i16;
    if contours >= 0 {
        // Header (10 bytes), end points, then instructionLength and the
        // instructions, then flags and coordinates.
        let at = 10 + 2 * contours as usize;
        let len = u16_at(g, at)? as usize;
        out.extend_from_slice(g.get(..at)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(g.get(at + 2 + len..)?);
        return Some(());
    }
    // A composite: walk its components, renumber each, clear
    // WE_HAVE_INSTRUCTIONS on the last, and drop the instructions that
    // follow it.
    const WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    const INSTRUCTIONS: u16 = 0x0100;
    let base = out.len();
    out.extend_from_slice(g.get(..10)?);
    let mut at = 10;
    loop {
        let flags = u16_at(g, at)?;
        let id = remap(u16_at(g, at + 2)?)?;
        let mut len = 4 + if flags & WORDS != 0 { 4 } else { 2 };
        len += match () {
            _ if flags & SCALE != 0 => 2,
            _ if flags & XY_SCALE != 0 => 4,
            _ if flags & TWO_BY_TWO != 0 => 8,
            _ => 0,
        };
        let last = flags & MORE == 0;
        let flags = if last { flags & !INSTRUCTIONS } else { flags };
        out.extend(flags.to_be_bytes());
        out.extend(id.to_be_bytes());
        out.extend_from_slice(g.get(at + 4..at + len)?);
        at += len;
        if last {
            debug_assert_eq!(out.len() - base, at);
            return Some(());
        }
    }
}

/// `name` with only the records in [`KEPT_NAMES`], and only the Windows
/// platform's where it has them (the Macintosh copies repeat them), or
/// `None` if malformed.
fn trim_names(name: &[u8]) -> Option<Vec<u8>> {
    const WINDOWS: u16 = 3;
    let count = u16_at(name, 2)? as usize;
    let strings = u16_at(name, 4)? as usize;
    let record = |i: usize| name.get(6 + 12 * i..18 + 12 * i);
    let platform = |rec: &[u8]| u16_at(rec, 0);
    let windows = (0..count).any(|i| record(i).and_then(platform) == Some(WINDOWS));
    let mut records = Vec::new();
    let mut storage = Vec::new();
    for i in 0..count {
        let rec = record(i)?;
        if !KEPT_NAMES.contains(&u16_at(rec, 6)?) || (windows && platform(rec)? != WINDOWS) {
            continue;
        }
        let (len, off) = (u16_at(rec, 8)? as usize, u16_at(rec, 10)? as usize);
        let text = name.get(strings + off..strings + off + len)?;
        let mut r = rec[..8].to_vec();
        r.extend((len as u16).to_be_bytes());
        r.extend((storage.len() as u16).to_be_bytes());
        records.push(r);
        storage.extend_from_slice(text);
    }
    let mut out = vec![0, 0];
    out.extend((records.len() as u16).to_be_bytes());
    out.extend(((6 + 12 * records.len()) as u16).to_be_bytes());
    records.iter().for_each(|r| out.extend(r));
    out.extend(storage);
    Some(out)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::BUNDLED as FACES;
    use ttf_parser::{Face, GlyphId, OutlineBuilder};

    /// Counts outline segments, to compare glyph shapes before and after.
    #[derive(Default)]
    struct Count(usize, i64);
    impl OutlineBuilder for Count {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0 += 1;
            self.1 += (x + y) as i64;
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.move_to(x, y)
        }
        fn quad_to(&mut self, _: f32, _: f32, x: f32, y: f32) {
            self.move_to(x, y)
        }
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, x: f32, y: f32) {
            self.move_to(x, y)
        }
        fn close(&mut self) {}
    }

    fn outline(face: &Face, g: u16) -> (usize, i64) {
        let mut c = Count::default();
        face.outline_glyph(GlyphId(g), &mut c);
        (c.0, c.1)
    }

    fn metric(face: &Face, g: u16) -> (Option<u16>, Option<i16>) {
        (face.glyph_hor_advance(GlyphId(g)), face.glyph_hor_side_bearing(GlyphId(g)))
    }

    #[test]
    fn a_full_subset_keeps_every_outline_and_metric() {
        for info in &FACES {
            let a = Face::parse(info.data, 0).unwrap();
            let all: Vec<u16> = (0..a.number_of_glyphs()).collect();
            let subset = subset(info.data, 0, &all, None).expect(info.postscript_name);
            assert!(subset.len() < info.data.len(), "{}", info.postscript_name);
            let b = Face::parse(&subset, 0).unwrap();
            assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
            for g in (0..a.number_of_glyphs()).step_by(7) {
                assert_eq!(outline(&a, g), outline(&b, g), "{} glyph {g}", info.postscript_name);
                assert_eq!(metric(&a, g), metric(&b, g), "{} glyph {g}", info.postscript_name);
            }
            let names: Vec<u16> = b.names().into_iter().map(|n| n.name_id).collect();
            assert!(names.contains(&0) && names.contains(&6), "{names:?}");
            let raw = b.raw_face();
            for tag in [b"fpgm", b"prep", b"cvt ", b"GSUB", b"GPOS"] {
                assert!(raw.table(ttf_parser::Tag::from_bytes(tag)).is_none());
            }
        }
    }

    #[test]
    fn a_sparse_subset_renumbers_and_brings_the_components_of_composites() {
        let mut composites = 0;
        for info in &FACES {
            let a = Face::parse(info.data, 0).unwrap();
            let glyphs = Glyphs {
                glyf: a.raw_face().table(ttf_parser::Tag::from_bytes(b"glyf")).unwrap(),
                loca: a.raw_face().table(ttf_parser::Tag::from_bytes(b"loca")).unwrap(),
                long_loca: a.tables().head.index_to_location_format
                    == ttf_parser::head::IndexToLocationFormat::Long,
                count: a.number_of_glyphs() as usize,
            };
            // The first composite glyph of the face, if it has one, and the
            // face's last two glyphs, asked for in reverse order.
            let composite = (0..a.number_of_glyphs())
                .find(|&g| glyphs.get(g).is_some_and(|d| d.len() >= 2 && d[0] & 0x80 != 0));
            let last = a.number_of_glyphs() - 1;
            let wanted: Vec<u16> = [0, last, last - 1].into_iter().chain(composite).collect();
            let subset = subset(info.data, 0, &wanted, None).expect(info.postscript_name);
            let b = Face::parse(&subset, 0).unwrap();
            if composite.is_some() {
                composites += 1;
                assert!(b.number_of_glyphs() > wanted.len() as u16, "{}", info.postscript_name);
            } else {
                assert_eq!(b.number_of_glyphs(), wanted.len() as u16);
            }
            for (new, &old) in wanted.iter().enumerate() {
                let new = new as u16;
                assert_eq!(outline(&a, old), outline(&b, new), "{} {old}", info.postscript_name);
                assert_eq!(metric(&a, old), metric(&b, new), "{} {old}", info.postscript_name);
            }
        }
        assert!(composites > 0, "some bundled face has composite glyphs");
    }

    #[test]
    fn malformed_input_is_refused_not_panicked_on() {
        let data = FACES[0].data;
        for cut in [0, 11, 40, 300, data.len() / 2] {
            let _ = subset(&data[..cut], 0, &[0, 1, 2], None);
        }
        assert!(subset(b"", 0, &[0], None).is_none());
        assert!(subset(data, 0, &[0, u16::MAX], None).is_none(), "a glyph the font does not have");
    }
}
