//! Embedded fonts: which glyphs each face draws, the subset program, and the
//! PDF objects that carry it — a Type 0 font with Identity encoding over a
//! CIDFont, its descriptor, widths, and a ToUnicode map built from the
//! shaped clusters, so that every glyph (ligatures included) extracts as
//! the text it came from.
//!
//! A TrueType face is subset by vita's own [`super::subset`] and embedded as
//! a CIDFontType2 (`FontFile2`). A face with CFF outlines (most CJK fonts)
//! is subset by typst's `subsetter` crate, which keeps CFF as CFF (making
//! it CID-keyed, CID = new glyph id), and embedded as a CIDFontType0 with an
//! OpenType `FontFile3`: no conversion, and the file grows only with the
//! glyphs used.
//!
//! Three steps: [`plan`] fixes each face's glyph codes, widths and object
//! ids, which the content streams need; [`programs`] subsets and compresses
//! the font programs; [`write`] writes the objects.

use super::{Ids, deflate};
use crate::error::Error;
use crate::fonts::{FaceId, FontBook, ICON_FAMILY};
use crate::layout::{Document, FrameItem, TextRun};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// One face's subset as the content streams need it.
pub(super) struct Subset {
    /// The resource name, `/F3` for face 3.
    pub name: String,
    /// Whether the face is the icon font, whose glyphs extract as spaces.
    pub icon: bool,
    /// Original glyph id → its codes and its advance in 1/1000 em as /W
    /// states it.
    pub glyphs: FxHashMap<u16, Coded>,
    /// The Type 0 font object.
    pub font_ref: Ref,
    /// Whether some glyph has more than one code.
    pub several: bool,
}

/// The codes one glyph is written with: the first is its glyph id in the
/// subset; a TrueType glyph that stands for other text elsewhere (a
/// Devanagari vowel sign first in one cluster, then in another; the second
/// glyph of a cluster) gets one more code per text, mapped to the same
/// glyph by /CIDToGIDMap, so that every occurrence extracts as its own
/// text through ToUnicode alone, in every extractor.
///
/// A mark that stands for no text and is drawn back over its letter also
/// gets a code whose /W width reaches from where it is drawn to its
/// letter's end (its `reach`): pdfminer and pdfplumber place a box of that
/// width for it, and a mark box that ended inside the letter left a gap
/// they read as a space ("मार्ग दर्शन"). The content stream moves the pen
/// back by as much, so nothing shifts.
pub(super) struct Coded {
    /// Advance in 1/1000 em.
    pub width: f32,
    /// Each text the glyph stands for, with its code.
    pub codes: Vec<Code>,
}

/// One code of a glyph.
pub(super) struct Code {
    /// The text it maps to.
    pub text: Box<str>,
    /// For a mark that stands for no text, its /W width: how far its box
    /// reaches, in 1/1000 em.
    pub reach: Option<i16>,
    /// The code.
    pub code: u16,
}

/// How far the box of glyph `g`, which stands for `text` in a run of
/// `size`, should reach: for a mark of no text drawn back over its letter,
/// to the letter's end (1/1000 em); else its own width.
pub(super) fn reach(g: &crate::layout::Glyph, text: &str, size: f32) -> Option<i16> {
    let mark = text.is_empty() && g.advance.abs() < 0.05 * size && g.dx < 0.0;
    mark.then(|| (-g.dx * 1000.0 / size).round().min(f32::from(i16::MAX)) as i16)
}

impl Subset {
    /// The code glyph `id` is written with where it stands for `text`,
    /// and its width; `None` where no code maps to that text (CFF glyphs
    /// have one code each), so the run must carry /ActualText.
    pub(super) fn code(&self, id: u16, text: &str, reach: Option<i16>) -> Option<(u16, f32)> {
        let coded = &self.glyphs[&id];
        let text = mapped_text(self.icon, id, text);
        let found = coded.codes.iter().find(|c| &*c.text == text && c.reach == reach)?;
        Some((found.code, found.reach.map_or(coded.width, f32::from)))
    }

    /// The first code of glyph `id` and its width.
    pub(super) fn first(&self, id: u16) -> (u16, f32) {
        let coded = &self.glyphs[&id];
        let first = &coded.codes[0];
        (first.code, first.reach.map_or(coded.width, f32::from))
    }

    /// Whether `run` is plain: clusters of one glyph each, in order, and
    /// glyphs with one code each, which then maps to the glyph's text here
    /// (the only text it was collected with). Nearly every run is; the
    /// others go through [`Subset::reads_whole`] and [`Subset::code`].
    pub(super) fn plain(&self, run: &TextRun) -> bool {
        run.glyphs.windows(2).all(|w| w[0].cluster < w[1].cluster)
            && (!self.several || run.glyphs.iter().all(|g| self.glyphs[&g.id].codes.len() == 1))
    }

    /// Whether ToUnicode alone reads `run` whole: every glyph has a code
    /// mapping to its own text, and in a left-to-right run each glyph
    /// stands for some text. (Readers turn a right-to-left run's
    /// /ActualText around as if it were its glyphs', so there marks keep
    /// their empty text.)
    pub(super) fn reads_whole(&self, run: &TextRun) -> bool {
        let rtl = run.glyphs.windows(2).any(|w| w[0].cluster > w[1].cluster);
        run.glyphs.iter().zip(run.glyph_texts()).all(|(g, t)| {
            (rtl || !t.is_empty()) && self.code(g.id, &t, reach(g, &t, run.size)).is_some()
        })
    }
}

/// What a glyph extracts as: icons as a space (extractors drop it, and no
/// private-use character leaks into the text); `.notdef`, which stands for
/// every missing character at once, as the replacement character; any
/// other glyph as its share of its cluster's text.
fn mapped_text(icon: bool, id: u16, text: &str) -> &str {
    match (icon, id) {
        (true, _) => " ",
        (false, 0) => "\u{FFFD}",
        _ => text,
    }
}

/// The texts each glyph of each face stands for, with their reach (see
/// [`Coded`]), in order of first use.
type Used<'a> = BTreeMap<FaceId, FxHashMap<u16, Vec<(Cow<'a, str>, Option<i16>)>>>;

/// Collects the glyphs each face uses, with the texts each stands for.
fn used_glyphs<'a>(doc: &'a Document, book: &FontBook) -> Used<'a> {
    let mut used = Used::new();
    for (_, item) in doc.pages.iter().flat_map(|f| &f.items) {
        let FrameItem::Text(run) = item else { continue };
        if run.artifact {
            continue; // drawn as outlines, not with the font
        }
        let texts = used.entry(run.face).or_default();
        let icon = book.info(run.face).family == ICON_FAMILY;
        for (g, t) in run.glyphs.iter().zip(run.glyph_texts()) {
            let t = match mapped_text(icon, g.id, &t) {
                same if same.len() == t.len() && same == &*t => t,
                other => Cow::Owned(other.to_string()),
            };
            let reach = reach(g, &t, run.size);
            let key = (t, reach);
            let seen = texts.entry(g.id).or_default();
            if !seen.contains(&key) {
                seen.push(key);
            }
        }
    }
    used
}

/// What one face needs to be written once its program is built.
pub(super) struct FacePlan {
    face: FaceId,
    /// Original glyph ids, ascending.
    glyphs: Vec<u16>,
    /// The original id of each subset glyph: `.notdef`, then `glyphs`.
    order: Vec<u16>,
    /// The CIDFont, its descriptor, the font program and the ToUnicode map.
    refs: [Ref; 4],
    /// The subset glyph of each code, where some glyph has more than one
    /// code, and the stream that carries it as /CIDToGIDMap.
    cid_to_gid: Option<(Vec<u16>, Ref)>,
    /// Whether the outlines are CFF (else TrueType).
    cff: bool,
}

/// Plans every face the document draws with: which glyphs, their codes
/// and widths, and the object ids. Cheap; the programs come later.
pub(super) fn plan(
    ids: &mut Ids,
    doc: &Document,
    book: &FontBook,
) -> (Vec<FacePlan>, BTreeMap<FaceId, Subset>) {
    let mut plans = Vec::new();
    let mut subsets = BTreeMap::new();
    for (face, texts) in used_glyphs(doc, book) {
        let mut glyphs: Vec<u16> = texts.keys().copied().collect();
        glyphs.sort_unstable();
        // Subset ids keep the original order, after `.notdef`.
        let order: Vec<u16> =
            std::iter::once(0).chain(glyphs.iter().copied().filter(|&g| g != 0)).collect();
        let new_id = |g: u16| order.binary_search(&g).expect("in the subset") as u16;
        let ttf = book.face(face);
        let upem = ttf.units_per_em() as f32;
        let cff = ttf.tables().cff.is_some();
        // Codes past the subset's glyphs, for glyphs with a second text.
        let mut extra: Vec<u16> = Vec::new();
        let mut coded = FxHashMap::default();
        for &g in &glyphs {
            let adv = ttf.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0);
            let mut codes = Vec::with_capacity(1);
            for (n, (text, reach)) in texts[&g].iter().enumerate() {
                let code = order.len() + extra.len();
                let (text, reach) = (Box::from(&**text), *reach);
                if n == 0 {
                    codes.push(Code { text, reach, code: new_id(g) });
                } else if !cff && code <= usize::from(u16::MAX) {
                    codes.push(Code { text, reach, code: code as u16 });
                    extra.push(new_id(g));
                }
            }
            coded.insert(g, Coded { width: round2(adv as f32 * 1000.0 / upem), codes });
        }
        let [font_ref, cid_ref, descriptor_ref, file_ref, cmap_ref] = ids.next_n();
        let cid_to_gid = (!extra.is_empty()).then(|| {
            let map = (0..order.len() as u16).chain(extra).collect();
            (map, ids.next())
        });
        let name = format!("F{face}");
        let icon = book.info(face).family == ICON_FAMILY;
        let several = coded.values().any(|c: &Coded| c.codes.len() > 1);
        subsets.insert(face, Subset { name, icon, glyphs: coded, font_ref, several });
        plans.push(FacePlan {
            face,
            glyphs,
            order,
            refs: [cid_ref, descriptor_ref, file_ref, cmap_ref],
            cid_to_gid,
            cff,
        });
    }
    (plans, subsets)
}

/// A face's subset program, compressed, and its uncompressed length.
pub(super) struct Program {
    packed: Vec<u8>,
    len: usize,
}

/// Builds the subset program of every planned face: the costly part of
/// the fonts, and independent of the content streams.
pub(super) fn programs(plans: &[FacePlan], book: &FontBook) -> Result<Vec<Program>, Error> {
    plans
        .iter()
        .map(|plan| {
            let info = book.info(plan.face);
            let failed = || Error::Subset { font: info.postscript_name.to_string() };
            let program = match plan.cff {
                // New glyph ids follow `order`, as the content streams use them.
                true => {
                    let remap = subsetter::GlyphRemapper::new_from_glyphs(&plan.order);
                    subsetter::subset(info.data, info.index, &remap).map_err(|_| failed())?
                }
                // An instance of a variable face is drawn from its outlines
                // at that instance.
                false => {
                    let instance = info.weight.map(|_| book.face(plan.face));
                    super::subset::subset(info.data, info.index, &plan.order, instance)
                        .ok_or_else(failed)?
                }
            };
            Ok(Program { packed: deflate(&program), len: program.len() })
        })
        .collect()
}

/// Writes each planned face: a Type 0 font over a CIDFontType2, its
/// widths, descriptor, program and ToUnicode map.
pub(super) fn write(
    pdf: &mut Pdf,
    plans: &[FacePlan],
    programs: &[Program],
    subsets: &BTreeMap<FaceId, Subset>,
    book: &FontBook,
) {
    for (plan, program) in plans.iter().zip(programs) {
        let info = book.info(plan.face);
        let subset = &subsets[&plan.face];
        let [cid_ref, descriptor_ref, file_ref, cmap_ref] = plan.refs;
        let ttf = book.face(plan.face);
        let upem = ttf.units_per_em() as f32;
        let em = |v: f32| v * 1000.0 / upem;

        // The `ABCDEF+` prefix marks the program as a subset (ISO 32000-1, 9.6.4).
        let base =
            format!("{}+{}", subset_tag(&info.postscript_name, &plan.glyphs), info.postscript_name);

        pdf.type0_font(subset.font_ref)
            .base_font(Name(base.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_ref)
            .to_unicode(cmap_ref);

        let mut cid = pdf.cid_font(cid_ref);
        let kind = if plan.cff { CidFontType::Type0 } else { CidFontType::Type2 };
        cid.subtype(kind)
            .base_font(Name(base.as_bytes()))
            .system_info(identity())
            .font_descriptor(descriptor_ref);
        match &plan.cid_to_gid {
            _ if plan.cff => {}
            Some((_, map_ref)) => {
                cid.cid_to_gid_map_stream(*map_ref);
            }
            None => {
                cid.cid_to_gid_map_predefined(Name(b"Identity"));
            }
        }
        // Runs of consecutive codes: /W [first [w w w …] …].
        let by_new: BTreeMap<u16, f32> = subset
            .glyphs
            .values()
            .flat_map(|c| c.codes.iter().map(|k| (k.code, k.reach.map_or(c.width, f32::from))))
            .collect();
        let mut w = cid.widths();
        let mut run: Vec<f32> = Vec::new();
        let mut first = 0;
        for (&id, &width) in &by_new {
            if !run.is_empty() && id != first + run.len() as u16 {
                w.consecutive(first, run.drain(..));
            }
            if run.is_empty() {
                first = id;
            }
            run.push(width);
        }
        if !run.is_empty() {
            w.consecutive(first, run);
        }
        w.finish();
        cid.finish();

        let bbox = ttf.global_bounding_box();
        let mut flags = FontFlags::SYMBOLIC;
        flags.set(FontFlags::ITALIC, info.italic);
        flags.set(FontFlags::SERIF, info.is_serif());
        flags.set(FontFlags::FIXED_PITCH, ttf.is_monospaced());
        let cap = ttf.capital_height().unwrap_or(ttf.ascender());
        let mut descriptor = pdf.font_descriptor(descriptor_ref);
        descriptor
            .name(Name(base.as_bytes()))
            .flags(flags)
            .bbox(Rect::new(
                em(bbox.x_min as f32),
                em(bbox.y_min as f32),
                em(bbox.x_max as f32),
                em(bbox.y_max as f32),
            ))
            .italic_angle(ttf.italic_angle())
            .ascent(em(ttf.ascender() as f32))
            .descent(em(ttf.descender() as f32))
            .cap_height(em(cap as f32))
            .stem_v(stem_v(info.bold));
        if plan.cff {
            descriptor.font_file3(file_ref);
            descriptor.finish();
            pdf.stream(file_ref, &program.packed)
                .filter(Filter::FlateDecode)
                .pair(Name(b"Subtype"), Name(b"OpenType"));
        } else {
            descriptor.font_file2(file_ref);
            descriptor.finish();
            pdf.stream(file_ref, &program.packed)
                .filter(Filter::FlateDecode)
                .pair(Name(b"Length1"), program.len as i32);
        }

        if let Some((map, map_ref)) = &plan.cid_to_gid {
            let bytes: Vec<u8> = map.iter().flat_map(|gid| gid.to_be_bytes()).collect();
            pdf.stream(*map_ref, &deflate(&bytes)).filter(Filter::FlateDecode);
        }

        // A glyph that stands for no text of its own (the second glyph of
        // a cluster) maps to the empty string, so that extractors add
        // nothing for it rather than a "(cid:12)" of their own.
        let mut cmap = UnicodeCmap::<u16>::new(Name(b"Custom"), identity());
        for old in &plan.glyphs {
            for code in &subset.glyphs[old].codes {
                cmap.pair_with_multiple(code.code, code.text.chars());
            }
        }
        let cmap = deflate(&cmap.finish());
        pdf.cmap(cmap_ref, &cmap).filter(Filter::FlateDecode);
    }
}

fn identity() -> SystemInfo<'static> {
    SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 }
}

/// Vertical stem width for the descriptor. Viewers only use it to pick a
/// substitute when the program cannot be read; these are typical values.
fn stem_v(bold: bool) -> f32 {
    if bold { 140.0 } else { 80.0 }
}

fn round2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Six capital letters derived from the face and its glyph set.
fn subset_tag(name: &str, glyphs: &[u16]) -> String {
    let mut h = super::Fnv::default();
    h.write(name.as_bytes());
    for g in glyphs {
        h.write(&g.to_be_bytes());
    }
    let mut v = h.0;
    (0..6)
        .map(|_| {
            let c = (b'A' + (v % 26) as u8) as char;
            v /= 26;
            c
        })
        .collect()
}
