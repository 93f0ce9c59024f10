//! Shaping with HarfRust (the HarfBuzz team's Rust port): text in one style
//! → glyphs with advances from the font's GPOS/GSUB (kerning, ligatures),
//! never from a per-character sum.
//!
//! Shaping is the costliest step of layout, so it is done once per distinct
//! text: results are kept in font units, independent of size and
//! letter-spacing, so that re-layouts (`--fit-pages` trying sizes, a watched
//! file re-rendered) reuse them; and each face's shape plan (its compiled
//! feature lookups) is built once per feature set and script. The shaped
//! texts are kept per thread and cleared when they grow past a bound; the
//! plans and the fonts as HarfRust reads them are built once for the
//! process (each thread keeps its own copies of the plans it uses and a
//! `ShaperFont` per face). All of them depend only on the face's bytes,
//! which never change under its number (`fonts::registry`).

use super::frame::Glyph;
use crate::compose::Style;
use crate::fonts::{FaceId, FontBook};
use crate::theme::Figures;
use harfrust::{
    Buffer, Direction, Feature, Font, Script, ShapeOptions, ShapePlan, ShaperFont, Tag,
};
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::cell::RefCell;
use std::sync::{Arc, Mutex};

/// Texts kept per thread before the cache starts afresh (a few pages'
/// worth of paragraphs many times over).
const MAX_CACHED_TEXTS: usize = 20_000;

/// A glyph in font units, as the shaper returned it.
#[derive(Debug, Clone, Copy)]
struct UnitGlyph {
    id: u16,
    advance: i32,
    dx: i32,
    dy: i32,
    cluster: u32,
}

/// Features that change glyphs, as bits: what a cached result depends on.
type FeatureSet = u8;

/// Shaped texts of one face and feature set. Hits borrow their glyphs.
type Shaped = hashbrown::HashMap<String, Box<[UnitGlyph]>, FxBuildHasher>;

/// What selects a shape plan.
type PlanKey = (FaceId, FeatureSet, Option<Script>);

#[derive(Default)]
struct Cache {
    /// This thread's copies of the process-wide plans ([`PLANS`]).
    plans: FxHashMap<PlanKey, Arc<ShapePlan>>,
    texts: FxHashMap<(FaceId, FeatureSet), Shaped>,
    /// Entries in `texts`, all faces together.
    count: usize,
    /// Each face made ready for shaping, on first use.
    shapers: FxHashMap<FaceId, ShaperFont<'static, 'static>>,
    /// The shaper's buffer, kept between calls for its allocation.
    buffer: Buffer,
}

/// Shape plans of the whole process: each is built once, by the first
/// thread that needs it, and depends only on the bundled font.
static PLANS: Mutex<Option<FxHashMap<PlanKey, Arc<ShapePlan>>>> = Mutex::new(None);

/// Each face as HarfRust reads it, opened on first use and kept for the
/// process: a face's bytes never change once registered.
fn shaping_font(face: FaceId) -> &'static Font {
    static FONTS: Mutex<Vec<(FaceId, &'static Font)>> = Mutex::new(Vec::new());
    let mut fonts = FONTS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, font)) = fonts.iter().find(|(id, _)| *id == face) {
        return font;
    }
    let info = crate::fonts::registry::get(face);
    let mut font = Font::new(info.data, info.index).expect("faces are checked when registered");
    if let Some(weight) = info.weight {
        // An instance of a variable font: its outlines and metrics there.
        let wght = (Tag::new(b"wght"), weight);
        font = font.instance_builder().variations([wght]).build();
    }
    let font: &'static Font = Box::leak(Box::new(font));
    fonts.push((face, font));
    font
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Empties this thread's shaping caches, so that the next layout shapes
/// from scratch (for benchmarks that measure a first render).
pub fn clear_caches() {
    CACHE.with_borrow_mut(|cache| *cache = Cache::default());
    *PLANS.lock().unwrap_or_else(|e| e.into_inner()) = None;
}

/// Shapes `text` in `style`, left to right. Clusters are byte offsets into
/// `text`; glyphs come in visual order (left to right).
///
/// Text is shaped word by word, the words split at spaces, as browsers'
/// word caches do: words repeat, so most are found in the cache, and
/// shaping whole runs costs more (BENCHMARKS.md). The price: a kerning pair
/// that spans a space is not applied. Lato has some; on the seed, shaping
/// whole runs changes only the Lato themes (a line break here and there).
pub fn shape(book: &FontBook, style: &Style, text: &str) -> Vec<Glyph> {
    shape_directed(book, style, text, false)
}

/// Shapes `text` in `style`, right to left when `rtl` (Arabic letters
/// join, Hebrew points sit on their letters, brackets are mirrored).
/// Glyphs come in logical order either way, clusters ascending: a
/// right-to-left run is reversed to be drawn (`layout::inline::bidi`).
pub fn shape_directed(book: &FontBook, style: &Style, text: &str, rtl: bool) -> Vec<Glyph> {
    let set = feature_set(style) | if rtl { RTL } else { 0 };
    let scale = style.size / book.face(style.face).units_per_em() as f32;
    let mut out = Vec::with_capacity(text.len());
    CACHE.with_borrow_mut(|cache| {
        if cache.count >= MAX_CACHED_TEXTS {
            cache.texts.clear();
            cache.count = 0;
        }
        for (start, piece) in pieces(text) {
            let units = cached(style.face, set, piece, cache);
            out.extend(units.iter().map(|g| Glyph {
                id: g.id,
                advance: g.advance as f32 * scale + style.letter_spacing,
                dx: g.dx as f32 * scale,
                dy: g.dy as f32 * scale,
                cluster: g.cluster + start as u32,
            }));
        }
    });
    out
}

/// `text` cut into words and the single spaces between them, each with its
/// byte offset.
fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        let rest = &text[start..];
        if rest.is_empty() {
            return None;
        }
        // A byte search: words are short, and a space is one byte in UTF-8.
        let len = match rest.bytes().position(|b| b == b' ') {
            Some(0) => 1,
            found => found.unwrap_or(rest.len()),
        };
        let piece = (start, &rest[..len]);
        start += len;
        Some(piece)
    })
}

/// The shaped units of one piece: from this thread's cache, else freshly
/// shaped.
fn cached<'c>(face: FaceId, set: FeatureSet, piece: &str, cache: &'c mut Cache) -> &'c [UnitGlyph] {
    let Cache { plans, texts, count, shapers, buffer } = cache;
    texts.entry((face, set)).or_default().entry_ref(piece).or_insert_with(|| {
        *count += 1;
        let shaper = shapers.entry(face).or_insert_with(|| ShaperFont::new(shaping_font(face)));
        shape_units(shaper, face, set, piece, plans, buffer)
    })
}

fn shape_units(
    shaper: &ShaperFont,
    face: FaceId,
    set: FeatureSet,
    text: &str,
    plans: &mut FxHashMap<PlanKey, Arc<ShapePlan>>,
    buffer: &mut Buffer,
) -> Box<[UnitGlyph]> {
    let direction = if set & RTL != 0 { Direction::RightToLeft } else { Direction::LeftToRight };
    buffer.clear();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(direction);
    let key = (face, set, buffer.script());
    let plan = plans.entry(key).or_insert_with(|| {
        let mut all = PLANS.lock().unwrap_or_else(|e| e.into_inner());
        let plan = all.get_or_insert_default().entry(key).or_insert_with(|| {
            let features = features(set);
            Arc::new(ShapePlan::new(shaper, direction, key.2, None, &features))
        });
        Arc::clone(plan)
    });
    // HarfRust refuses a plan only for another direction or script, and
    // the plan was looked up (or built) for this buffer's script and
    // direction (the direction is part of the feature set).
    harfrust::shape(shaper, buffer, ShapeOptions::new().plan(Some(plan)))
        .expect("the plan matches the buffer's direction and script");
    let mut units: Box<[UnitGlyph]> = buffer
        .glyph_infos()
        .iter()
        .zip(buffer.glyph_positions())
        .map(|(info, pos)| UnitGlyph {
            id: info.glyph_id as u16,
            advance: pos.x_advance,
            dx: pos.x_offset,
            dy: pos.y_offset,
            cluster: info.cluster,
        })
        .collect();
    if direction == Direction::RightToLeft {
        // Reading order, as the line breaker works in.
        units.reverse();
    } else {
        tighten_technical_signs(&mut units, text, face);
    }
    units
}

/// White space left between a tightened sign's ink and its neighbour's, and
/// after a sign that ends its word, in 1/1000 em: about what a font puts
/// between two letters.
const SIGN_GAP: f32 = 50.0;

/// Whether the gap between the characters at `at - 1` and `at` of a word
/// is closed up: a `+` or `#` after a letter, a digit or another sign
/// ("C++", "5+", "C#"); a `.` that opens a word before a letter (".NET");
/// a hyphen between digits ("x86-64"). Fonts draw these signs with wide
/// side bearings, for mathematics and prose, which read as spaces in
/// technical words ("C+ +", "5 +").
fn closes(text: &str, at: usize) -> bool {
    let sign = |c: char| c == '+' || c == '#';
    let mut before = text[..at].chars().rev();
    let mut after = text[at..].chars();
    let (Some(b), Some(c)) = (before.next(), after.next()) else { return false };
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    (sign(c) && (b.is_alphanumeric() || sign(b)))
        || (b == '.' && before.next().is_none() && c.is_alphabetic())
        || (c == '-' && b.is_ascii_digit() && digit(after.next()))
        || (b == '-' && c.is_ascii_digit() && digit(before.next()))
}

/// Sets technical words tight (see [`closes`]): the glyph before a closed
/// gap loses the white beyond [`SIGN_GAP`], and a `+` or `#` that ends its
/// word keeps only that much after its ink. Only positions change: the
/// text, and so what extracts, stays as written.
fn tighten_technical_signs(units: &mut [UnitGlyph], text: &str, face: FaceId) {
    if !text.contains(['+', '#', '.', '-']) {
        return;
    }
    let ttf = crate::fonts::registry::get(face).parsed();
    let keep = SIGN_GAP * ttf.units_per_em() as f32 / 1000.0;
    let ink = |id: u16| ttf.glyph_bounding_box(ttf_parser::GlyphId(id));
    for i in 1..units.len() {
        let at = units[i].cluster as usize;
        if at >= text.len() || !text.is_char_boundary(at) || !closes(text, at) {
            continue;
        }
        let (Some(bbox), Some(prev)) = (ink(units[i].id), ink(units[i - 1].id)) else {
            continue;
        };
        // The white between the previous glyph's ink and this one's.
        let white = units[i - 1].advance as f32 - f32::from(prev.x_max) + f32::from(bbox.x_min);
        units[i - 1].advance -= (white - keep).max(0.0) as i32;
        // A sign that ends the word keeps `keep` after its ink.
        let c = text[at..].chars().next().unwrap_or(' ');
        let ends = text[at + c.len_utf8()..].is_empty();
        if (c == '+' || c == '#') && ends {
            units[i].advance -=
                (units[i].advance as f32 - f32::from(bbox.x_max) - keep).max(0.0) as i32;
        }
    }
}

const SMCP: FeatureSet = 1;
const LNUM: FeatureSet = 2;
const TNUM: FeatureSet = 4;
/// Not a feature: shaped right to left, which a cached result depends on.
const RTL: FeatureSet = 8;

fn feature_set(style: &Style) -> FeatureSet {
    let figures = match style.figures {
        Figures::Default => 0,
        Figures::Lining => LNUM,
        Figures::Tabular => LNUM | TNUM,
    };
    if style.small_caps { SMCP | figures } else { figures }
}

/// The OpenType features a set turns on (kerning and standard ligatures
/// are on by default).
fn features(set: FeatureSet) -> Vec<Feature> {
    [(SMCP, b"smcp"), (LNUM, b"lnum"), (TNUM, b"tnum")]
        .into_iter()
        .filter(|(bit, _)| set & bit != 0)
        .map(|(_, tag)| Feature::new(Tag::new(tag), 1, ..))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Color;

    fn style(book: &FontBook, family: &str) -> Style {
        let face = book.select(family, false, false).unwrap();
        Style { face, size: 10.0, color: Color::rgb(0, 0, 0), ..Style::default() }
    }

    #[test]
    fn kerning_comes_from_gpos() {
        let book = FontBook::new();
        let s = style(&book, "Lato");
        let pair: f32 = shape(&book, &s, "AV").iter().map(|g| g.advance).sum();
        let apart: f32 =
            ["A", "V"].iter().flat_map(|t| shape(&book, &s, t)).map(|g| g.advance).sum();
        assert!(pair < apart - 0.1, "AV kerned {pair} vs {apart}");
    }

    #[test]
    fn small_caps_and_tabular_figures_change_glyphs() {
        let book = FontBook::new();
        let plain = style(&book, "Charis SIL");
        let ids = |s: &Style, t: &str| shape(&book, s, t).iter().map(|g| g.id).collect::<Vec<_>>();
        let caps = Style { small_caps: true, ..plain };
        assert_ne!(ids(&plain, "abc"), ids(&caps, "abc"), "smcp applied");
        let tab = Style { figures: Figures::Tabular, ..plain };
        let width = |s: &Style, t: &str| shape(&book, s, t).iter().map(|g| g.advance).sum::<f32>();
        assert!(
            (width(&tab, "1111") - width(&tab, "0000")).abs() < 0.01,
            "tabular figures share a width"
        );
    }

    #[test]
    fn plus_and_hash_signs_are_set_tight_in_technical_words() {
        let book = FontBook::new();
        for family in ["Charis SIL", "Lato", "EB Garamond"] {
            let s = style(&book, family);
            let ttf = book.face(s.face);
            let em = s.size;
            // The white space between the ink of consecutive glyphs, in em.
            let gaps = |text: &str| -> Vec<f32> {
                let glyphs = shape(&book, &s, text);
                let scale = s.size / ttf.units_per_em() as f32;
                let mut pen = 0.0;
                let mut ink = Vec::new();
                for g in &glyphs {
                    let b = ttf.glyph_bounding_box(ttf_parser::GlyphId(g.id)).unwrap();
                    ink.push((
                        pen + g.dx + b.x_min as f32 * scale,
                        pen + g.dx + b.x_max as f32 * scale,
                    ));
                    pen += g.advance;
                }
                ink.windows(2).map(|w| (w[1].0 - w[0].1) / em).collect()
            };
            for (text, most) in [("C++", 0.09), ("5+", 0.09), ("C#", 0.09), ("F#", 0.09)] {
                for gap in gaps(text) {
                    assert!(gap <= most, "{family}: {text:?} has a gap of {gap:.3} em");
                    assert!(gap >= 0.02, "{family}: {text:?} overlaps ({gap:.3} em)");
                }
            }
            // A plus on its own, or opening a word, keeps its bearings.
            let alone = shape(&book, &s, "+");
            let opening = shape(&book, &s, "+1");
            assert_eq!(alone[0].advance, opening[0].advance, "{family}");
        }
    }

    #[test]
    fn cached_results_scale_with_size_and_letter_spacing() {
        let book = FontBook::new();
        let s = style(&book, "Charis SIL");
        let first = shape(&book, &s, "Typesetting");
        let again = shape(&book, &s, "Typesetting");
        assert_eq!(first, again);
        let big = Style { size: 20.0, letter_spacing: 0.5, ..s };
        for (a, b) in first.iter().zip(shape(&book, &big, "Typesetting")) {
            assert_eq!(a.id, b.id);
            assert!((a.advance * 2.0 + 0.5 - b.advance).abs() < 1e-4);
        }
        // A different feature set is a different entry, not a stale hit.
        let caps = Style { small_caps: true, ..s };
        assert_ne!(shape(&book, &caps, "Typesetting")[1].id, first[1].id);
    }

    #[test]
    fn text_in_any_script_or_none_is_shaped() {
        let book = FontBook::new();
        let s = style(&book, "Charis SIL");
        for text in
            ["2024–2025", "—", " ", "Ελληνικά", "Русский", "日本語", "עברית", "🙂", "e\u{301}"]
        {
            let glyphs = shape(&book, &s, text);
            assert!(!glyphs.is_empty(), "{text:?} gave no glyphs");
            assert!(glyphs.iter().all(|g| (g.cluster as usize) < text.len()), "{text:?}");
        }
    }

    #[test]
    fn ligature_is_one_glyph_with_both_letters() {
        let book = FontBook::new();
        let s = style(&book, "Charis SIL");
        let glyphs = shape(&book, &s, "fi");
        assert_eq!(glyphs.len(), 1, "Charis SIL has an fi ligature");
    }
}
