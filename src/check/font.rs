//! Fonts as a text extractor sees them: how a shown string splits into
//! character codes, how wide each code is, and what text each stands for
//! (the ToUnicode map first, else the encoding and its glyph names).

use super::cmap::CMap;
use super::load::{Pdf, number};
use super::names::{self, Base};
use lopdf::{Dictionary, Object};
use std::collections::HashMap;

/// What kind of font program it is, as `pdffonts` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A composite font (CID-keyed): two-byte codes, usually Identity-H.
    Type0,
    /// A Type 1 (or Type 1C, CFF) simple font.
    Type1,
    /// A TrueType simple font.
    TrueType,
    /// A Type 3 font: glyphs drawn by content streams.
    Type3,
}

/// A font, read once per document.
#[derive(Debug)]
pub(super) struct Font {
    /// The font's name without its subset prefix.
    pub(super) name: String,
    pub(super) kind: Kind,
    pub(super) embedded: bool,
    pub(super) to_unicode: bool,
    cmap: Option<CMap>,
    /// Two-byte codes (a Type 0 font without a code space of its own).
    wide: bool,
    /// Simple fonts: what each code stands for, by the encoding.
    encoded: Vec<Option<String>>,
    /// Widths in glyph units, by code (CID for Type 0 fonts).
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Glyph units to text space: 1/1000, or a Type 3 font's matrix.
    scale: f32,
}

/// One character code of a shown string.
#[derive(Debug)]
pub(super) struct Code {
    /// The text it stands for; `None` when the font does not say.
    pub(super) text: Option<String>,
    /// Its advance in text space for a 1-point font.
    pub(super) width: f32,
    /// A single-byte code 32, which word spacing (`Tw`) widens.
    pub(super) space: bool,
}

impl Font {
    /// Reads a font dictionary.
    pub(super) fn read(pdf: &Pdf, dict: &Dictionary) -> Font {
        let subtype = pdf.key(dict, b"Subtype").as_name().unwrap_or(b"");
        let kind = match subtype {
            b"Type0" => Kind::Type0,
            b"TrueType" => Kind::TrueType,
            b"Type3" => Kind::Type3,
            _ => Kind::Type1,
        };
        let base = pdf.key(dict, b"BaseFont").as_name().unwrap_or(b"");
        let base = String::from_utf8_lossy(base).to_string();
        let name = match base.split_once('+') {
            Some((prefix, rest)) if prefix.len() == 6 => rest.to_string(),
            _ => base.clone(),
        };
        let cmap = dict.get(b"ToUnicode").ok().and_then(|o| pdf.stream(o)).map(|d| CMap::parse(&d));
        let descendant = (kind == Kind::Type0)
            .then(|| pdf.array(dict, b"DescendantFonts").first().and_then(|d| pdf.dict(d)))
            .flatten();
        let descriptor = pdf.dict(pdf.key(descendant.unwrap_or(dict), b"FontDescriptor"));
        let embedded = kind == Kind::Type3
            || descriptor.is_some_and(|d| {
                [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|k| d.get(k).is_ok())
            });
        let mut font = Font {
            name,
            kind,
            embedded,
            to_unicode: cmap.is_some(),
            wide: kind == Kind::Type0,
            cmap,
            encoded: Vec::new(),
            widths: HashMap::new(),
            default_width: 500.0,
            scale: 0.001,
        };
        match descendant {
            Some(cid) => font.read_cid_widths(pdf, cid),
            None => {
                font.read_simple_widths(pdf, dict, descriptor);
                font.read_encoding(pdf, dict, descriptor);
            }
        }
        if kind == Kind::Type3 {
            let matrix = pdf.array(dict, b"FontMatrix");
            font.scale = matrix.first().and_then(|o| number(pdf.get(o))).unwrap_or(0.001);
        }
        font
    }

    fn read_cid_widths(&mut self, pdf: &Pdf, cid: &Dictionary) {
        self.default_width = pdf.number(cid, b"DW").unwrap_or(1000.0);
        let w = pdf.array(cid, b"W");
        let mut i = 0;
        while i < w.len() && self.widths.len() < 65_536 {
            let first = number(pdf.get(&w[i])).unwrap_or(0.0).max(0.0) as u32;
            match w.get(i + 1).map(|o| pdf.get(o)) {
                Some(Object::Array(list)) => {
                    for (k, width) in list.iter().enumerate().take(65_536) {
                        let width = number(pdf.get(width)).unwrap_or(self.default_width);
                        self.widths.insert(first.saturating_add(k as u32), width);
                    }
                    i += 2;
                }
                Some(last) => {
                    let last = number(last).unwrap_or(0.0).max(0.0) as u32;
                    let width = w.get(i + 2).and_then(|o| number(pdf.get(o))).unwrap_or(0.0);
                    for code in first..=last.min(first.saturating_add(65_535)) {
                        self.widths.insert(code, width);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    fn read_simple_widths(
        &mut self,
        pdf: &Pdf,
        dict: &Dictionary,
        descriptor: Option<&Dictionary>,
    ) {
        let first = pdf.number(dict, b"FirstChar").unwrap_or(0.0).max(0.0) as u32;
        for (k, width) in pdf.array(dict, b"Widths").iter().enumerate().take(256) {
            if let Some(width) = number(pdf.get(width)) {
                self.widths.insert(first + k as u32, width);
            }
        }
        if let Some(missing) = descriptor.and_then(|d| pdf.number(d, b"MissingWidth"))
            && missing > 0.0
        {
            self.default_width = missing;
        }
    }

    /// What each single-byte code stands for: the base encoding (the
    /// font's own, or StandardEncoding), then `/Differences`.
    fn read_encoding(&mut self, pdf: &Pdf, dict: &Dictionary, descriptor: Option<&Dictionary>) {
        let encoding = pdf.key(dict, b"Encoding");
        let symbolic =
            descriptor.and_then(|d| pdf.number(d, b"Flags")).is_some_and(|f| (f as i64) & 4 != 0);
        let (base, differences) = match encoding {
            Object::Name(name) => (Base::named(name), None),
            Object::Dictionary(d) => {
                let base = pdf.key(d, b"BaseEncoding").as_name().ok().and_then(Base::named);
                (base, Some(pdf.array(d, b"Differences")))
            }
            _ => (None, None),
        };
        // A symbolic font without an encoding uses its built-in one, which
        // extractors cannot read either, save for plain ASCII.
        let base = base.or((!symbolic || self.kind != Kind::TrueType).then_some(Base::Standard));
        self.encoded = (0..=255u8)
            .map(|code| match base {
                Some(base) => names::name_in(base, code).and_then(names::text_of),
                None => (32..127).contains(&code).then(|| char::from(code).to_string()),
            })
            .collect();
        let mut code = 0usize;
        for item in differences.unwrap_or(&[]) {
            match pdf.get(item) {
                Object::Integer(n) => code = (*n).clamp(0, 255) as usize,
                Object::Name(name) => {
                    if code < 256 {
                        self.encoded[code] = names::text_of(&String::from_utf8_lossy(name));
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }

    /// Splits a shown string into codes.
    pub(super) fn codes(&self, bytes: &[u8], out: &mut Vec<Code>) {
        let mut i = 0;
        while i < bytes.len() {
            let len = match &self.cmap {
                Some(cmap) if self.wide && cmap.has_spaces() => {
                    cmap.code_len(&bytes[i..]).unwrap_or(2)
                }
                _ if self.wide => 2,
                _ => 1,
            }
            .min(bytes.len() - i);
            let code = bytes[i..i + len].iter().fold(0u32, |n, &b| n << 8 | u32::from(b));
            let text = self.cmap.as_ref().and_then(|c| c.get(code, len)).or_else(|| {
                (!self.wide).then(|| self.encoded.get(code as usize).cloned().flatten()).flatten()
            });
            let width = self.widths.get(&code).copied().unwrap_or(self.default_width) * self.scale;
            out.push(Code { text, width, space: len == 1 && code == 32 });
            i += len;
        }
    }
}
