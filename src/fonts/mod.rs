//! The font book: which face draws a family, a style and a character.
//!
//! Faces come from three places, in this order:
//! 1. the faces bundled in the binary (`bundled.rs`), so that vita renders
//!    Latin, Greek and Cyrillic on a machine with no fonts, the same
//!    everywhere;
//! 2. the folders the user names (`--font-path`, `VITA_FONT_PATHS`, a
//!    `fonts/` folder beside the résumé);
//! 3. the system's fonts, listed only when a family or a character is
//!    missing from the first two (`found.rs`).
//!
//! Every face used gets a number in the process-wide registry
//! (`registry.rs`); faces are parsed on first use only.

mod bundled;
pub mod found;
pub mod registry;
pub(crate) mod sfnt;

pub use bundled::{BUNDLED, BundledFace};
pub use registry::{FaceId, FaceInfo, Origin};

use crate::diag::{self, Diagnostic};
use found::{Catalog, Unusable};
use registry::CoverageBlock;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Mutex, OnceLock};

/// The icon font for contact details (Font Awesome 4.7).
pub const ICON_FAMILY: &str = "Font Awesome";

/// The family that supplies characters a theme's font lacks: Noto Sans
/// covers Latin (with Extended-A/B), Greek and Cyrillic.
pub const FALLBACK_FAMILY: &str = "Noto Sans";

/// Characters below this have their coverage cached: the Latin, Greek and
/// Cyrillic blocks, punctuation, symbols and arrows.
const CACHED_CHARS: usize = 0x3000;

/// Where a résumé's fonts come from, and what has been found there.
#[derive(Default)]
pub struct FontBook {
    /// Folders the user named, searched before the system's fonts.
    dirs: Vec<PathBuf>,
    /// Their faces, listed on first need.
    user: OnceLock<Catalog>,
    /// Whether the system's fonts are searched too.
    system: bool,
    /// Characters no bundled face has, and the found face that has them.
    fallbacks: Mutex<HashMap<(char, bool, bool), Option<FaceId>>>,
    /// The résumé's language (a BCP 47 tag), which picks among fallback
    /// families: Han characters in the regional variant it reads (SC, TC,
    /// HK, JP, KR).
    language: Option<String>,
}

impl FontBook {
    /// The bundled faces, then the system's.
    pub fn new() -> Self {
        FontBook { system: true, ..FontBook::default() }
    }

    /// The bundled faces, then those in `dirs` (in order), then the system's.
    pub fn with_dirs(dirs: Vec<PathBuf>) -> Self {
        FontBook { dirs, system: true, ..FontBook::default() }
    }

    /// The same book, choosing fallback families for a text in `language`.
    pub fn with_language(mut self, language: Option<&str>) -> Self {
        self.language = language.map(str::to_string);
        self
    }

    /// The bundled faces only: what every machine has.
    pub fn bundled_only() -> Self {
        FontBook::default()
    }

    /// The folders searched, then the system's fonts, as catalogues.
    fn catalogs(&self) -> impl Iterator<Item = &Catalog> {
        let user =
            (!self.dirs.is_empty()).then(|| self.user.get_or_init(|| Catalog::of_dirs(&self.dirs)));
        user.into_iter().chain(self.system.then(Catalog::system))
    }

    /// The face of `family` in the requested style. Family names compare
    /// without case; an unknown family is a user error with a suggestion.
    pub fn select(&self, family: &str, bold: bool, italic: bool) -> Result<FaceId, Diagnostic> {
        let cff = match self.find(family, bold, italic) {
            Ok(id) => return Ok(id),
            Err(cff) => cff,
        };
        if let Some(path) = cff {
            return Err(Diagnostic::new(format!(
                "font family `{family}` has variable CFF2 outlines ({}), which vita cannot \
                 embed yet",
                path.display()
            ))
            .with_hint("use a static build of the family (.ttf or .otf), or another family"));
        }
        let families = self.families();
        let names = families.iter().map(|(name, _)| name.as_str());
        let hint = match diag::did_you_mean(family, names) {
            Some(best) => format!("did you mean `{best}`? (`vita fonts` lists every family)"),
            None => "`vita fonts` lists every family vita can use; --font-path DIR adds a \
                     folder of fonts"
                .to_string(),
        };
        Err(Diagnostic::new(format!("no font family `{family}`")).with_hint(hint))
    }

    /// The face of `family` closest to the requested style, wherever it is
    /// found; `None` when no face of the family can be used.
    pub fn closest(&self, family: &str, bold: bool, italic: bool) -> Option<FaceId> {
        self.find(family, bold, italic).ok()
    }

    /// [`FontBook::closest`], or, when the family cannot be used, the file
    /// of a face of it that vita cannot embed (variable CFF2), if any.
    fn find(&self, family: &str, bold: bool, italic: bool) -> Result<FaceId, Option<PathBuf>> {
        if let Some(id) = bundled_closest(family, bold, italic) {
            return Ok(id);
        }
        let mut cff = None;
        for catalog in self.catalogs() {
            let Some(candidate) = catalog.closest(family, bold, italic) else { continue };
            match candidate.open() {
                Ok(id) => return Ok(id),
                Err(Unusable::Cff2) => cff = Some(candidate.path.clone()),
                Err(Unusable::Unreadable) => {}
            }
        }
        Err(cff)
    }

    /// The face to draw `c` with when the style asks for `primary`: the
    /// primary face if it has the character, else the bundled fallback
    /// family in the same style, else a face found in the user's folders or
    /// the system's fonts that has it, in the closest style. `None` when no
    /// face anywhere has it.
    pub fn face_for_char(&self, primary: FaceId, c: char) -> Option<FaceId> {
        if self.has_char(primary, c) {
            return Some(primary);
        }
        let info = self.info(primary);
        let (bold, italic) = (info.bold, info.italic);
        if let Some(f) =
            bundled_closest(FALLBACK_FAMILY, bold, italic).filter(|&f| self.has_char(f, c))
        {
            return Some(f);
        }
        if self.dirs.is_empty() && !self.system {
            return None;
        }
        let serif = info.is_serif();
        let mut known = self.fallbacks.lock().unwrap_or_else(|e| e.into_inner());
        *known.entry((c, bold, italic)).or_insert_with(|| self.found_with(c, bold, italic, serif))
    }

    /// A found face with `c`: the first family that has it, in the order
    /// of [`rank`], in the face of that family closest to the style.
    fn found_with(&self, c: char, bold: bool, italic: bool, serif: bool) -> Option<FaceId> {
        let region = self.language.as_deref().map(han_region).unwrap_or("SC");
        let script = script_word(c);
        for catalog in self.catalogs() {
            let mut families: Vec<&str> = Vec::new();
            for candidate in &catalog.faces {
                if !families.contains(&candidate.family.as_str()) {
                    families.push(&candidate.family);
                }
            }
            families.sort_by_cached_key(|f| rank(f, script, region, serif));
            for family in families {
                let Some(best) = catalog.closest(family, bold, italic) else { continue };
                if best.covers(c) {
                    return best.open().ok();
                }
            }
        }
        None
    }

    /// Names of the bundled families, in book order.
    pub fn bundled_families() -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for f in &BUNDLED {
            if !out.contains(&f.family) {
                out.push(f.family);
            }
        }
        out
    }

    /// Every family this book can use, with where its first face comes
    /// from: the bundled ones, then the user's folders', then the system's.
    pub fn families(&self) -> Vec<(String, Origin)> {
        let mut out: Vec<(String, Origin)> = Self::bundled_families()
            .into_iter()
            .map(|f| (f.to_string(), Origin::Bundled))
            .collect();
        for catalog in self.catalogs() {
            for c in &catalog.faces {
                if !out.iter().any(|(f, _)| f.eq_ignore_ascii_case(&c.family)) {
                    let origin = match c.system {
                        true => Origin::System(c.path.clone()),
                        false => Origin::User(c.path.clone()),
                    };
                    out.push((c.family.clone(), origin));
                }
            }
        }
        out
    }

    /// The styles `family` has, as `vita fonts` lists them: regular, bold,
    /// italic, bold italic.
    pub fn styles(&self, family: &str) -> Vec<&'static str> {
        let name = |bold: bool, italic: bool| match (bold, italic) {
            (false, false) => "regular",
            (true, false) => "bold",
            (false, true) => "italic",
            (true, true) => "bold italic",
        };
        let mut out: Vec<&'static str> = BUNDLED
            .iter()
            .filter(|f| f.family.eq_ignore_ascii_case(family))
            .map(|f| name(f.bold, f.italic))
            .collect();
        if out.is_empty() {
            for catalog in self.catalogs() {
                for c in catalog.faces.iter().filter(|c| c.family.eq_ignore_ascii_case(family)) {
                    let style = name(c.bold, c.italic);
                    if !out.contains(&style) {
                        out.push(style);
                    }
                }
                if !out.is_empty() {
                    break;
                }
            }
        }
        let rank = ["regular", "bold", "italic", "bold italic"];
        out.sort_by_key(|s| rank.iter().position(|r| r == s));
        out
    }

    /// The face `id`: its family, style, name and bytes.
    pub fn info(&self, id: FaceId) -> &'static FaceInfo {
        registry::get(id)
    }

    /// The face's tables and metrics (parsed on first use). Shaping reads
    /// the same bytes through HarfRust (`layout::shape`).
    pub fn face(&self, id: FaceId) -> &'static ttf_parser::Face<'static> {
        registry::get(id).parsed()
    }

    /// Whether the face maps `c` to a real glyph.
    pub fn has_char(&self, id: FaceId, c: char) -> bool {
        let code = c as usize;
        if code >= CACHED_CHARS {
            return self.face(id).glyph_index(c).is_some();
        }
        let info = registry::get(id);
        let blocks = info
            .coverage
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
        *registry::get(id).ascii.get_or_init(|| (' '..='~').all(|c| self.has_char(id, c)))
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

/// The word that marks the regional variant of a Han font (Noto Sans CJK
/// SC, Source Han Serif TC…) for a language tag: simplified Chinese unless
/// the tag says otherwise.
fn han_region(tag: &str) -> &'static str {
    let tag = tag.to_ascii_lowercase();
    let mut parts = tag.split(['-', '_']);
    match (parts.next(), parts.collect::<Vec<_>>()) {
        (Some("ja"), _) => "JP",
        (Some("ko"), _) => "KR",
        (Some("zh"), rest) if rest.iter().any(|p| matches!(*p, "hk" | "mo")) => "HK",
        (Some("zh"), rest) if rest.iter().any(|p| matches!(*p, "hant" | "tw")) => "TC",
        _ => "SC",
    }
}

/// The bundled face of `family` closest to the requested style: exact, else
/// the same weight upright, else the family's regular face.
fn bundled_closest(family: &str, bold: bool, italic: bool) -> Option<FaceId> {
    let in_family = |f: &BundledFace| f.family.eq_ignore_ascii_case(family);
    [(bold, italic), (bold, false), (false, false)].into_iter().find_map(|(b, i)| {
        BUNDLED.iter().position(|f| in_family(f) && f.bold == b && f.italic == i)
    })
}

/// The word font families use for the script of `c` ("Arabic",
/// "Devanagari", "CJK" for Chinese, Japanese and Korean), as in Noto's
/// "Noto Sans Arabic"; `None` for characters of no one script.
fn script_word(c: char) -> Option<&'static str> {
    use unicode_script::{Script, UnicodeScript};
    match c.script() {
        Script::Common | Script::Inherited | Script::Unknown => None,
        Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul | Script::Bopomofo => {
            Some("CJK")
        }
        other => Some(other.full_name()),
    }
}

/// Words in a family's name that mark a display or special-purpose design
/// (a monospace, Kufic or Rashi letters, a slanted or looped variant), to
/// be tried after the plain text faces.
const SPECIAL: [&str; 9] =
    ["Mono", "Kufi", "Rashi", "Nastaliq", "Display", "UI", "Slanted", "Looped", "Supplement"];

/// How a family ranks as a fallback for a character of `script` (lower
/// first), as a reader of the language would choose: one made for the
/// script (its name says so: "Noto Sans Arabic"), in the regional variant
/// of Han for the language, of the theme's kind (serif or sans; Naskh is
/// Arabic's book hand), a plain text design rather than a special one, and
/// the shortest name (the family itself, not a variant).
fn rank(
    family: &str,
    script: Option<&str>,
    region: &str,
    serif: bool,
) -> (bool, bool, bool, bool, usize) {
    let words: Vec<&str> = family.split_whitespace().collect();
    let has = |w: &str| words.contains(&w);
    let for_script = script.is_some_and(|s| s.split('_').all(has));
    let kind = if serif { has("Serif") || has("Naskh") } else { has("Sans") };
    let special = SPECIAL.iter().any(|w| has(w));
    (!for_script, !has(region), !kind, special, family.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_parses_with_sane_metrics() {
        let book = FontBook::new();
        for (id, info) in BUNDLED.iter().enumerate() {
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
        let err = FontBook::bundled_only().select("Lotto", false, false).unwrap_err();
        assert_eq!(
            err.hint.as_deref(),
            Some("did you mean `Lato`? (`vita fonts` lists every family)")
        );
    }
}
