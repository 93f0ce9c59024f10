//! The faces an HTML résumé embeds: for each face the page draws with, a
//! subset holding only the characters drawn in it, as a base64 data URL in
//! an `@font-face` rule.
//!
//! Which face draws a character is decided as the PDF decides it
//! ([`FontBook::face_for_char`]): the role's family in the style asked for,
//! else the fallback family, else a found face. The `@font-face` rules
//! name each face by its family, weight and style, so the browser picks the
//! same face the font book did; a character missing from a subset is
//! missing from the face, and the browser takes the next family of the
//! stack, as the font book did.
//!
//! typst's `subsetter` cuts the glyphs (keeping TrueType or CFF outlines
//! as they are) but leaves out what only a PDF can do without: the
//! character map and the `OS/2` table. Browsers refuse a font without
//! them, so [`web_font`] adds a new `cmap` for the kept characters and the
//! original `OS/2`. Layout tables (kerning, ligatures) are not kept: their
//! glyph numbers no longer hold.

use crate::fonts::{FaceId, FontBook};
use std::collections::{BTreeMap, BTreeSet};

/// The characters drawn in each face, gathered while the page is written.
pub(super) struct Faces<'a> {
    book: &'a FontBook,
    used: BTreeMap<FaceId, BTreeSet<char>>,
}

impl<'a> Faces<'a> {
    pub(super) fn new(book: &'a FontBook) -> Self {
        Faces { book, used: BTreeMap::new() }
    }

    /// Notes that `text` is drawn in `family` in this style.
    pub(super) fn add(&mut self, family: &str, bold: bool, italic: bool, text: &str) {
        let Some(primary) = self.book.closest(family, bold, italic) else { return };
        for c in text.chars().filter(|c| !c.is_control()) {
            if let Some(face) = self.book.face_for_char(primary, c) {
                self.used.entry(face).or_default().insert(c);
            }
        }
    }

    /// The families of every face used that is not among `families`, for
    /// the end of each font stack: where a role's face lacks a character,
    /// the browser looks there, as the font book did.
    pub(super) fn fallbacks(&self, families: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for &id in self.used.keys() {
            let family = &self.book.info(id).family;
            let own = families.iter().any(|f| f.eq_ignore_ascii_case(family));
            if !own && !out.contains(family) {
                out.push(family.clone());
            }
        }
        out
    }

    /// One `@font-face` rule per face used, its subset as a data URL.
    pub(super) fn css(&self) -> String {
        let mut out = String::new();
        for (&id, chars) in &self.used {
            let info = self.book.info(id);
            let Some(font) = web_font(info.data, info.index, self.book.face(id), chars) else {
                continue;
            };
            let kind = if font.starts_with(b"OTTO") { "font/otf" } else { "font/ttf" };
            out.push_str(&format!(
                "@font-face{{font-family:{};font-weight:{};font-style:{};font-display:block;\
                 src:url(data:{kind};base64,{})}}\n",
                super::css::string(&info.family),
                if info.bold { 700 } else { 400 },
                if info.italic { "italic" } else { "normal" },
                super::base64(&font),
            ));
        }
        out
    }
}

/// A font a browser accepts, drawing `chars` (those the face has) and
/// nothing else; `None` when the face cannot be subset.
pub(super) fn web_font(
    data: &[u8],
    index: u32,
    face: &ttf_parser::Face,
    chars: &BTreeSet<char>,
) -> Option<Vec<u8>> {
    let mut remap = subsetter::GlyphRemapper::new();
    let mut map: Vec<(u32, u16)> = Vec::new();
    for &c in chars {
        if let Some(g) = face.glyph_index(c) {
            map.push((c as u32, remap.remap(g.0)));
        }
    }
    let subset = subsetter::subset(data, index, &remap).ok()?;
    let mut tables = directory(&subset)?;
    for (_, data) in tables.iter_mut().filter(|t| &t.0 == b"name") {
        if let Some(trimmed) = trim_names(data) {
            *data = trimmed;
        }
    }
    tables.push((*b"cmap", cmap(&map)));
    let os2 = face.raw_face().table(ttf_parser::Tag::from_bytes(b"OS/2"))?;
    tables.push((*b"OS/2", os2.to_vec()));
    tables.sort_by_key(|t| t.0);
    Some(crate::fonts::sfnt::assemble(subset.get(0..4)?, &tables))
}

/// The tables of an sfnt font, by tag.
fn directory(font: &[u8]) -> Option<Vec<([u8; 4], Vec<u8>)>> {
    let u16_at = |at: usize| font.get(at..at + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let u32_at = |at: usize| {
        font.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let count = u16_at(4)? as usize;
    (0..count)
        .map(|i| {
            let record = 12 + 16 * i;
            let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
            let (offset, length) = (u32_at(record + 8)?, u32_at(record + 12)?);
            Some((tag, font.get(offset..offset + length)?.to_vec()))
        })
        .collect()
}

/// `name` records kept: copyright, family, subfamily, unique and full
/// names, version, PostScript name, licence URL. The licence's full text
/// and the descriptions (often most of the table) are left out; the URL
/// says where the licence is.
const KEPT_NAMES: [u16; 8] = [0, 1, 2, 3, 4, 5, 6, 14];

/// The `name` table with only the [`KEPT_NAMES`] records.
fn trim_names(name: &[u8]) -> Option<Vec<u8>> {
    let u16_at = |at: usize| name.get(at..at + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let (count, storage) = (u16_at(2)? as usize, u16_at(4)? as usize);
    let mut records: Vec<([u16; 4], &[u8])> = Vec::new();
    for i in 0..count {
        let at = 6 + 12 * i;
        let field = |k: usize| u16_at(at + 2 * k);
        let ids = [field(0)?, field(1)?, field(2)?, field(3)?];
        if !KEPT_NAMES.contains(&ids[3]) {
            continue;
        }
        let (length, offset) = (field(4)? as usize, field(5)? as usize);
        records.push((ids, name.get(storage + offset..storage + offset + length)?));
    }
    let mut out: Vec<u8> = Vec::new();
    let start = 6 + 12 * records.len();
    for v in [0, records.len(), start] {
        out.extend((v as u16).to_be_bytes());
    }
    let mut strings: Vec<u8> = Vec::new();
    for (ids, bytes) in &records {
        ids.iter().for_each(|v| out.extend(v.to_be_bytes()));
        out.extend((bytes.len() as u16).to_be_bytes());
        out.extend((strings.len() as u16).to_be_bytes());
        strings.extend(*bytes);
    }
    out.extend(strings);
    Some(out)
}

/// A `cmap` with a format 4 subtable for the Basic Multilingual Plane and
/// a format 12 subtable for every character, each character its own
/// segment (a résumé draws a few hundred at most). `map` is sorted by
/// character.
fn cmap(map: &[(u32, u16)]) -> Vec<u8> {
    let bmp: Vec<(u16, u16)> =
        map.iter().filter(|(c, _)| *c < 0xFFFF).map(|&(c, g)| (c as u16, g)).collect();
    // Format 4: one segment per character, then the closing 0xFFFF one.
    let segments = bmp.len() + 1;
    let mut f4: Vec<u8> = Vec::new();
    let power = 1usize << (usize::BITS - 1 - segments.leading_zeros());
    let words = |v: &mut Vec<u8>, values: &mut dyn Iterator<Item = u16>| {
        values.for_each(|x| v.extend(x.to_be_bytes()))
    };
    let length = 16 + 8 * segments;
    words(
        &mut f4,
        &mut [
            4,
            length as u16,
            0,
            (segments * 2) as u16,
            (power * 2) as u16,
            power.trailing_zeros() as u16,
            ((segments - power) * 2) as u16,
        ]
        .into_iter(),
    );
    words(&mut f4, &mut bmp.iter().map(|b| b.0).chain([0xFFFF]));
    words(&mut f4, &mut [0u16].into_iter()); // reservedPad
    words(&mut f4, &mut bmp.iter().map(|b| b.0).chain([0xFFFF]));
    words(&mut f4, &mut bmp.iter().map(|&(c, g)| g.wrapping_sub(c)).chain([1]));
    words(&mut f4, &mut (0..segments).map(|_| 0u16));
    // Format 12: one group per character.
    let mut f12: Vec<u8> = Vec::new();
    f12.extend(12u16.to_be_bytes());
    f12.extend(0u16.to_be_bytes());
    f12.extend((16 + 12 * map.len() as u32).to_be_bytes());
    f12.extend(0u32.to_be_bytes());
    f12.extend((map.len() as u32).to_be_bytes());
    for &(c, g) in map {
        f12.extend(c.to_be_bytes());
        f12.extend(c.to_be_bytes());
        f12.extend((g as u32).to_be_bytes());
    }
    let mut out: Vec<u8> = Vec::new();
    out.extend([0u16, 2].iter().flat_map(|v| v.to_be_bytes()));
    let first = 4 + 2 * 8;
    for (platform, encoding, offset) in [(3u16, 1u16, first), (3, 10, first + f4.len())] {
        out.extend(platform.to_be_bytes());
        out.extend(encoding.to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
    }
    out.extend(f4);
    out.extend(f12);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subset_maps_its_characters_and_nothing_else() {
        let book = FontBook::bundled_only();
        let id = book.select("Charis SIL", false, false).unwrap();
        let info = book.info(id);
        let chars: BTreeSet<char> = "Résumé ﬁ".chars().collect();
        let font = web_font(info.data, info.index, book.face(id), &chars).unwrap();
        let sub = ttf_parser::Face::parse(&font, 0).unwrap();
        for c in chars.iter().filter(|c| book.face(id).glyph_index(**c).is_some()) {
            let g = sub.glyph_index(*c).unwrap_or_else(|| panic!("{c} unmapped"));
            assert!(sub.glyph_hor_advance(g).is_some(), "{c}");
        }
        assert_eq!(sub.glyph_index('x'), None);
        assert!(sub.tables().os2.is_some());
        let names = sub.names();
        let family = names.into_iter().find(|n| n.name_id == ttf_parser::name_id::FAMILY);
        assert_eq!(family.and_then(|n| n.to_string()).as_deref(), Some("Charis SIL"));
        assert!(!names.into_iter().any(|n| n.name_id == ttf_parser::name_id::LICENSE));
        assert!(font.len() * 20 < info.data.len(), "{} of {}", font.len(), info.data.len());
    }
}
