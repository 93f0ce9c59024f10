//! Trims a subset TrueType program down to what a PDF needs to draw it.
//!
//! A CIDFontType2 with an Identity CIDToGIDMap reads only `head`, `hhea`,
//! `maxp`, `hmtx`, `loca` and `glyf` (ISO 32000-1, 9.9). The rest of a
//! subset is dead weight in the file: the hinting programs (`fpgm`, `prep`,
//! `cvt `, and each glyph's instructions), which PDF renderers leave unused
//! or override, and most of the `name` table (descriptions, licence text).
//! The copyright, names and licence URL records of `name` are kept, so the
//! embedded program still says whose it is and under which licence.
//!
//! Any surprise in the input (a table missing, an offset out of range)
//! returns `None`, and the caller embeds the untrimmed subset instead.

/// `name` records kept: copyright, family, subfamily, full name,
/// PostScript name, licence URL.
const KEPT_NAMES: [u16; 6] = [0, 1, 2, 4, 6, 14];

/// The trimmed program, or `None` when the input is not as expected.
pub fn trim(font: &[u8]) -> Option<Vec<u8>> {
    let tables = directory(font)?;
    let table = |tag: &[u8; 4]| tables.iter().find(|t| &t.0 == tag).map(|t| t.1);
    let head = table(b"head")?;
    let long_loca = u16_at(head, 50)? == 1;
    let glyphs = u16_at(table(b"maxp")?, 4)? as usize;
    let (glyf, offsets) = strip_glyphs(table(b"glyf")?, table(b"loca")?, glyphs, long_loca)?;

    // Short offsets count 2-byte words and need every glyph at an even
    // offset, which `strip_glyphs` ensures.
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

    let mut maxp = table(b"maxp")?.to_vec();
    if maxp.len() >= 32 {
        // maxSizeOfInstructions: there are none left.
        maxp[26..28].copy_from_slice(&[0, 0]);
    }

    let mut out: Vec<([u8; 4], Vec<u8>)> = vec![
        (*b"glyf", glyf),
        (*b"head", head),
        (*b"hhea", table(b"hhea")?.to_vec()),
        (*b"hmtx", table(b"hmtx")?.to_vec()),
        (*b"loca", loca),
        (*b"maxp", maxp),
    ];
    if let Some(name) = table(b"name").and_then(trim_names) {
        out.push((*b"name", name));
    }
    out.sort_by_key(|t| t.0);
    Some(assemble(&out))
}

/// The table directory: (tag, table bytes).
fn directory(font: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    let count = u16_at(font, 4)? as usize;
    (0..count)
        .map(|i| {
            let rec = font.get(12 + 16 * i..28 + 16 * i)?;
            let tag: [u8; 4] = rec[0..4].try_into().ok()?;
            let offset = u32_at(rec, 8)? as usize;
            let len = u32_at(rec, 12)? as usize;
            Some((tag, font.get(offset..offset.checked_add(len)?)?))
        })
        .collect()
}

/// Every glyph without its instructions, each padded to an even length;
/// returns the new `glyf` and its `loca` offsets (glyphs + 1 of them).
fn strip_glyphs(
    glyf: &[u8],
    loca: &[u8],
    glyphs: usize,
    long: bool,
) -> Option<(Vec<u8>, Vec<u32>)> {
    let offset = |i: usize| -> Option<usize> {
        if long {
            u32_at(loca, 4 * i).map(|v| v as usize)
        } else {
            u16_at(loca, 2 * i).map(|v| v as usize * 2)
        }
    };
    let mut out = Vec::with_capacity(glyf.len());
    let mut offsets = Vec::with_capacity(glyphs + 1);
    for i in 0..glyphs {
        offsets.push(out.len() as u32);
        let (start, end) = (offset(i)?, offset(i + 1)?);
        if end > start {
            strip_glyph(glyf.get(start..end)?, &mut out)?;
            if out.len() % 2 == 1 {
                out.push(0);
            }
        }
    }
    offsets.push(out.len() as u32);
    Some((out, offsets))
}

/// Appends one glyph to `out` with its instructions removed.
fn strip_glyph(g: &[u8], out: &mut Vec<u8>) -> Option<()> {
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
    // A composite: walk its components, clear WE_HAVE_INSTRUCTIONS on the
    // last, and drop the instructions that follow it.
    const WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    const INSTRUCTIONS: u16 = 0x0100;
    let mut at = 10;
    loop {
        let flags = u16_at(g, at)?;
        let start = out.len() + at;
        let mut len = 4 + if flags & WORDS != 0 { 4 } else { 2 };
        len += match () {
            _ if flags & SCALE != 0 => 2,
            _ if flags & XY_SCALE != 0 => 4,
            _ if flags & TWO_BY_TWO != 0 => 8,
            _ => 0,
        };
        at += len;
        if flags & MORE == 0 {
            out.extend_from_slice(g.get(..at)?);
            let cleared = flags & !INSTRUCTIONS;
            out.get_mut(start..start + 2)?.copy_from_slice(&cleared.to_be_bytes());
            return Some(());
        }
    }
}

/// `name` with only the records in [`KEPT_NAMES`], or `None` if malformed.
fn trim_names(name: &[u8]) -> Option<Vec<u8>> {
    let count = u16_at(name, 2)? as usize;
    let strings = u16_at(name, 4)? as usize;
    let mut records = Vec::new();
    let mut storage = Vec::new();
    for i in 0..count {
        let rec = name.get(6 + 12 * i..18 + 12 * i)?;
        if !KEPT_NAMES.contains(&u16_at(rec, 6)?) {
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

/// Writes an sfnt with these tables (sorted by tag) and its checksums.
fn assemble(tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let n = tables.len() as u16;
    let power = 1u16 << (15 - n.leading_zeros());
    let mut out = Vec::new();
    out.extend(0x0001_0000u32.to_be_bytes());
    out.extend(n.to_be_bytes());
    out.extend((power * 16).to_be_bytes());
    out.extend((power.trailing_zeros() as u16).to_be_bytes());
    out.extend((n * 16 - power * 16).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in tables {
        out.extend(tag);
        out.extend(checksum(data).to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
        out.extend((data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    let mut head_at = None;
    for (tag, data) in tables {
        if tag == b"head" {
            head_at = Some(out.len());
        }
        out.extend(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

/// The sfnt checksum: the sum of big-endian u32 words, zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
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
    use crate::fonts::FACES;
    use rustybuzz::ttf_parser::{Face, GlyphId, OutlineBuilder};

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

    #[test]
    fn trimmed_fonts_keep_every_outline_and_metric() {
        for info in FACES.iter().filter(|f| !f.family.contains("Awesome")) {
            let trimmed = trim(info.data).expect(info.postscript_name);
            assert!(trimmed.len() < info.data.len(), "{}", info.postscript_name);
            let (a, b) = (Face::parse(info.data, 0).unwrap(), Face::parse(&trimmed, 0).unwrap());
            assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
            for g in (0..a.number_of_glyphs()).step_by(7) {
                assert_eq!(outline(&a, g), outline(&b, g), "{} glyph {g}", info.postscript_name);
                assert_eq!(a.glyph_hor_advance(GlyphId(g)), b.glyph_hor_advance(GlyphId(g)));
            }
            let names: Vec<u16> = b.names().into_iter().map(|n| n.name_id).collect();
            assert!(names.contains(&0) && names.contains(&6), "{names:?}");
            let raw = b.raw_face();
            for tag in [b"fpgm", b"prep", b"cvt "] {
                assert!(raw.table(rustybuzz::ttf_parser::Tag::from_bytes(tag)).is_none());
            }
        }
    }

    #[test]
    fn malformed_input_is_refused_not_panicked_on() {
        let data = FACES[0].data;
        for cut in [0, 11, 40, 300, data.len() / 2] {
            let _ = trim(&data[..cut]);
        }
        assert!(trim(b"").is_none());
    }
}
