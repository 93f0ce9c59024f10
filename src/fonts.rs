//! The font book: the faces bundled in `fonts/` (embedded in the binary, so
//! vita runs from any folder and never reads the machine's fonts), looked up
//! by family, weight and style. Faces are parsed on first use only.

use crate::diag::{self, Diagnostic};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// Index of a face in the [`FontBook`].
pub type FaceId = usize;

/// One bundled face.
pub struct FaceInfo {
    /// The family name a theme asks for (`Charis SIL`).
    pub family: &'static str,
    /// Whether this is the family's bold weight.
    pub bold: bool,
    /// Whether this is the family's italic style.
    pub italic: bool,
    /// The PostScript name, used for the PDF's /BaseFont.
    pub postscript_name: &'static str,
    /// The TrueType file, embedded in the binary.
    pub data: &'static [u8],
}

macro_rules! face {
    ($family:literal, $bold:literal, $italic:literal, $ps:literal, $file:literal) => {
        FaceInfo {
            family: $family,
            bold: $bold,
            italic: $italic,
            postscript_name: $ps,
            data: include_bytes!(concat!("../fonts/", $file)),
        }
    };
}

/// Every face vita ships. Licences sit beside the files in `fonts/`.
pub static FACES: [FaceInfo; 19] = [
    face!("Charis SIL", false, false, "CharisSIL", "charis/CharisSIL-Regular.ttf"),
    face!("Charis SIL", true, false, "CharisSIL-Bold", "charis/CharisSIL-Bold.ttf"),
    face!("Charis SIL", false, true, "CharisSIL-Italic", "charis/CharisSIL-Italic.ttf"),
    face!("Charis SIL", true, true, "CharisSIL-BoldItalic", "charis/CharisSIL-BoldItalic.ttf"),
    face!("Lato", false, false, "Lato-Regular", "lato/Lato-Regular.ttf"),
    face!("Lato", true, false, "Lato-Bold", "lato/Lato-Bold.ttf"),
    face!("Lato", false, true, "Lato-Italic", "lato/Lato-Italic.ttf"),
    face!("Lato", true, true, "Lato-BoldItalic", "lato/Lato-BoldItalic.ttf"),
    face!("EB Garamond", false, false, "EBGaramond-Regular", "ebgaramond/EBGaramond-Regular.ttf"),
    face!("EB Garamond", true, false, "EBGaramond-Bold", "ebgaramond/EBGaramond-Bold.ttf"),
    face!("EB Garamond", false, true, "EBGaramond-Italic", "ebgaramond/EBGaramond-Italic.ttf"),
    face!(
        "EB Garamond",
        true,
        true,
        "EBGaramond-BoldItalic",
        "ebgaramond/EBGaramond-BoldItalic.ttf"
    ),
    face!("Noto Sans", false, false, "NotoSans-Regular", "noto/NotoSans-Regular.ttf"),
    face!("Noto Sans", true, false, "NotoSans-Bold", "noto/NotoSans-Bold.ttf"),
    face!("Noto Sans", false, true, "NotoSans-Italic", "noto/NotoSans-Italic.ttf"),
    face!("Noto Sans", true, true, "NotoSans-BoldItalic", "noto/NotoSans-BoldItalic.ttf"),
    face!("Noto Sans Mono", false, false, "NotoSansMono-Regular", "noto/NotoSansMono-Regular.ttf"),
    face!("Noto Sans Mono", true, false, "NotoSansMono-Bold", "noto/NotoSansMono-Bold.ttf"),
    face!("Font Awesome", false, false, "FontAwesome", "fontawesome/FontAwesome.ttf"),
];

/// The icon font for contact details (Font Awesome 4.7).
pub const ICON_FAMILY: &str = "Font Awesome";

/// The family that supplies characters a theme's font lacks: Noto Sans
/// covers Latin (with Extended-A/B), Greek and Cyrillic.
pub const FALLBACK_FAMILY: &str = "Noto Sans";

/// Characters below this have their coverage cached: the Latin, Greek and
/// Cyrillic blocks, punctuation, symbols and arrows.
const CACHED_CHARS: usize = 0x3000;

/// For 64 consecutive characters, one bit each: whether the face has been
/// asked about the character, and whether it has it.
#[derive(Default)]
struct CoverageBlock {
    known: AtomicU64,
    has: AtomicU64,
}

/// Parsed faces, created lazily.
pub struct FontBook {
    parsed: Vec<OnceLock<ttf_parser::Face<'static>>>,
    /// Per face, which characters it has, learnt one character at a time:
    /// every character of the text is checked, and a cmap lookup is a
    /// search through the font's tables.
    coverage: Vec<OnceLock<Box<[CoverageBlock]>>>,
    /// Per face, whether it has every printable ASCII character.
    ascii: Vec<OnceLock<bool>>,
}

impl Default for FontBook {
    fn default() -> Self {
        FontBook {
            parsed: FACES.iter().map(|_| OnceLock::new()).collect(),
            coverage: FACES.iter().map(|_| OnceLock::new()).collect(),
            ascii: FACES.iter().map(|_| OnceLock::new()).collect(),
        }
    }
}

impl FontBook {
    /// A book with no face parsed yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The face of `family` in the requested style. Family names compare
    /// without case; an unknown family is a user error with a suggestion.
    pub fn select(&self, family: &str, bold: bool, italic: bool) -> Result<FaceId, Diagnostic> {
        self.closest(family, bold, italic).ok_or_else(|| {
            let families = Self::families();
            let hint = match diag::did_you_mean(family, families.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("bundled families: {}", families.join(", ")),
            };
            Diagnostic::new(format!("no bundled font family `{family}`")).with_hint(hint)
        })
    }

    /// The face of `family` closest to the requested style: exact, else the
    /// same weight upright, else the family's regular face. `None` when the
    /// family is not bundled.
    pub fn closest(&self, family: &str, bold: bool, italic: bool) -> Option<FaceId> {
        let in_family = |f: &FaceInfo| f.family.eq_ignore_ascii_case(family);
        [(bold, italic), (bold, false), (false, false)].into_iter().find_map(|(b, i)| {
            FACES.iter().position(|f| in_family(f) && f.bold == b && f.italic == i)
        })
    }

    /// The face to draw `c` with when the style asks for `primary`: the
    /// primary face if it has the character, else the fallback family in the
    /// same style. `None` when no bundled face has it.
    pub fn face_for_char(&self, primary: FaceId, c: char) -> Option<FaceId> {
        if self.has_char(primary, c) {
            return Some(primary);
        }
        let info = self.info(primary);
        self.closest(FALLBACK_FAMILY, info.bold, info.italic).filter(|&f| self.has_char(f, c))
    }

    /// Names of the bundled families, in book order.
    pub fn families() -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for f in &FACES {
            if !out.contains(&f.family) {
                out.push(f.family);
            }
        }
        out
    }

    /// The bundled face `id`: its family, style, name and bytes.
    pub fn info(&self, id: FaceId) -> &'static FaceInfo {
        &FACES[id]
    }

    /// The face's tables and metrics (parsed on first use). Shaping reads
    /// the same bytes through HarfRust (`layout::shape`).
    pub fn face(&self, id: FaceId) -> &ttf_parser::Face<'static> {
        self.parsed[id].get_or_init(|| {
            ttf_parser::Face::parse(FACES[id].data, 0).expect("bundled fonts are valid")
        })
    }

    /// Whether the face maps `c` to a real glyph.
    pub fn has_char(&self, id: FaceId, c: char) -> bool {
        let code = c as usize;
        if code >= CACHED_CHARS {
            return self.face(id).glyph_index(c).is_some();
        }
        let blocks = self.coverage[id]
            .get_or_init(|| (0..CACHED_CHARS / 64).map(|_| CoverageBlock::default()).collect());
        let (block, bit) = (&blocks[code / 64], 1u64 << (code % 64));
        // Relaxed is enough: every thread learns the same answer.
        if block.known.load(Ordering::Relaxed) & bit == 0 {
            if self.face(id).glyph_index(c).is_some() {
                block.has.fetch_or(bit, Ordering::Relaxed);
            }
            block.known.fetch_or(bit, Ordering::Relaxed);
            return block.has.load(Ordering::Relaxed) & bit != 0;
        }
        block.has.load(Ordering::Relaxed) & bit != 0
    }

    /// Whether the face has every printable ASCII character (U+0020 to
    /// U+007E), so that ASCII text needs no check per character.
    pub fn has_printable_ascii(&self, id: FaceId) -> bool {
        *self.ascii[id].get_or_init(|| (' '..='~').all(|c| self.has_char(id, c)))
    }

    /// Whether the face's GSUB table offers an OpenType feature (`b"smcp"`).
    pub fn has_feature(&self, id: FaceId, tag: &[u8; 4]) -> bool {
        let tag = ttf_parser::Tag::from_bytes(tag);
        self.face(id).tables().gsub.is_some_and(|g| g.features.find(tag).is_some())
    }

    /// A glyph's ink box (x0, y0, x1, y1) in em units, y up; `None` for
    /// glyphs without outlines (spaces).
    pub fn glyph_bounds(&self, id: FaceId, glyph: u16) -> Option<[f32; 4]> {
        let face = self.face(id);
        let b = face.glyph_bounding_box(ttf_parser::GlyphId(glyph))?;
        let u = face.units_per_em() as f32;
        Some([b.x_min as f32 / u, b.y_min as f32 / u, b.x_max as f32 / u, b.y_max as f32 / u])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_parses_with_sane_metrics() {
        let book = FontBook::new();
        for (id, info) in FACES.iter().enumerate() {
            let face = book.face(id);
            assert!(face.ascender() > 0 && face.descender() < 0, "{}", info.postscript_name);
            if info.family != ICON_FAMILY {
                assert!(book.has_char(id, 'é'), "{}", info.postscript_name);
            }
        }
    }

    #[test]
    fn fallback_covers_greek_cyrillic_and_latin_extended() {
        let book = FontBook::new();
        let lato = book.select("Lato", false, false).unwrap();
        for c in "ŁżőŠΑθήМоскваЖ".chars() {
            let face = book.face_for_char(lato, c).unwrap_or_else(|| panic!("no face for {c}"));
            assert!(book.has_char(face, c));
        }
        assert_eq!(book.face_for_char(lato, 'a'), Some(lato));
        assert_eq!(book.face_for_char(lato, '\u{10FFFD}'), None);
    }

    #[test]
    fn selects_by_style_and_suggests_families() {
        let book = FontBook::new();
        let id = book.select("lato", true, true).unwrap();
        assert_eq!(book.info(id).postscript_name, "Lato-BoldItalic");
        let err = book.select("Lotto", false, false).unwrap_err();
        assert_eq!(err.hint.as_deref(), Some("did you mean `Lato`?"));
    }
}
