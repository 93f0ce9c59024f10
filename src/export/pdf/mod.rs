//! PDF export: frames → PDF objects → bytes, written directly with
//! pdf-writer (no intermediate object tree). The only module that knows PDF.
//!
//! Fonts are subset and embedded by [`font`], pages drawn by [`content`].
//! Links to http, https, mailto and tel addresses ([`crate::uri`]) become
//! URI annotations, sections become outline entries pointing
//! at their heading, and the document info carries title, author, subject
//! and keywords. Output is deterministic: object ids follow the document,
//! subset tags and the trailer /ID derive from the content, and dates from
//! `SOURCE_DATE_EPOCH` (or a fixed date).

pub mod archive;
mod content;
mod font;
mod instance;
mod outline;
mod subset;
mod tags;

use crate::fonts::FontBook;
use crate::layout::{Document, FrameItem};
use crate::photo::Photo;
use pdf_writer::types::{ActionType, AnnotationType, PageMode};
use pdf_writer::{Date, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::sync::Arc;

/// Document information written into the PDF.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// The document title viewers show ("Alex Doe — Résumé").
    pub title: String,
    /// The author: the résumé owner's name.
    pub author: String,
    /// The subject: the headline (`basics.label`), or "Résumé of …".
    pub subject: String,
    /// Keywords, joined with ", " in the PDF: "résumé", "CV", then the skills.
    pub keywords: Vec<String>,
    /// Seconds since the Unix epoch for the creation and modification dates.
    pub timestamp: i64,
    /// The document's language, a BCP 47 tag ("en", "de-CH"), for /Lang.
    pub language: String,
}

/// How the PDF is written, beyond what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    /// Write the structure tree and mark the content ([`tags`]): on
    /// unless `--no-tags`.
    pub tagged: bool,
    /// `--pdf-standard`: the PDF/A level to conform to ([`archive`]).
    pub standard: Option<archive::Standard>,
}

impl Default for Profile {
    fn default() -> Profile {
        Profile { tagged: true, standard: None }
    }
}

/// The date used when `SOURCE_DATE_EPOCH` is not set: 2000-01-01 00:00 UTC,
/// so that identical input always gives identical bytes.
pub const FIXED_TIMESTAMP: i64 = 946_684_800;

/// Deflate level for streams (libdeflate's scale, 1–12). Measured on the
/// seed, whole process (callgrind, BENCHMARKS.md): level 1 gives 31.6 kB in
/// 31.7 M instructions, 2 gives 30.7 kB in 33.1 M, 3 gives 30.0 kB in 33.2 M,
/// 6 gives 29.0 kB in 34.7 M. Level 1 is the fastest and stays well inside
/// the 35 kB budget; a kilobyte and a half is worth less than 5 % of a
/// render.
const LEVEL: i32 = 1;

/// Hands out object numbers in order.
pub(crate) struct Ids(i32);

impl Ids {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }

    fn next_n<const N: usize>(&mut self) -> [Ref; N] {
        std::array::from_fn(|_| self.next())
    }
}

/// Compresses a stream's data for /FlateDecode (zlib format), with one
/// compressor per thread: setting one up costs more than a small stream.
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    use libdeflater::{CompressionLvl, Compressor};
    thread_local! {
        static COMPRESSOR: std::cell::RefCell<Compressor> = std::cell::RefCell::new(
            Compressor::new(CompressionLvl::new(LEVEL).unwrap_or_default()),
        );
    }
    COMPRESSOR.with_borrow_mut(|c| {
        let mut out = vec![0; c.zlib_compress_bound(data.len())];
        let n = c.zlib_compress(data, &mut out).expect("the bound is large enough");
        out.truncate(n);
        out
    })
}

/// Renders a laid-out document to PDF bytes.
pub fn render(
    doc: &Document,
    book: &FontBook,
    meta: &Metadata,
    profile: &Profile,
) -> Result<Vec<u8>, crate::error::Error> {
    // Compact: no newlines and indents inside objects, a fifth of a
    // tagged file.
    let mut pdf = Pdf::with_settings(pdf_writer::Settings { pretty: false });
    let mut ids = Ids(0);
    let [catalog_ref, tree_ref, info_ref] = ids.next_n();

    let (plans, subsets) = font::plan(&mut ids, doc, book);
    // Pictures are named by their place in the document (`/Im1`, …), so
    // the content streams need no object ids for them.
    let photos = distinct_photos(doc);
    let image_name = |item: &FrameItem| match item {
        FrameItem::Image { photo, .. } => {
            photos.iter().position(|p| Arc::ptr_eq(p, photo)).map(|i| format!("Im{}", i + 1))
        }
        _ => None,
    };
    let programs = font::programs(&plans, book)?;
    let glyphs = outline::Glyphs::collect(doc);
    let links: Vec<Vec<Link>> = doc.pages.iter().map(links_of).collect();
    let mut marks = Vec::with_capacity(doc.pages.len());
    let streams: Vec<Vec<u8>> = doc
        .pages
        .iter()
        .zip(&links)
        .map(|(frame, links)| {
            let tagging = profile.tagged.then(|| tags::Tagging { nodes: &doc.nodes, links });
            let (ops, page_marks) =
                content::page(frame, book, &glyphs, &subsets, image_name, tagging.as_ref());
            marks.push(page_marks);
            deflate(&ops)
        })
        .collect();
    font::write(&mut pdf, &plans, &programs, &subsets, book);
    let images = write_images(&mut pdf, &mut ids, &photos);
    let forms: Vec<(String, Ref)> = glyphs
        .forms(book)
        .into_iter()
        .map(|(name, ops, [x0, y0, x1, y1])| {
            let id = ids.next();
            let packed = deflate(&ops);
            let mut form = pdf.form_xobject(id, &packed);
            form.bbox(Rect::new(x0, y0, x1, y1));
            form.filter(Filter::FlateDecode);
            (name, id)
        })
        .collect();

    let mut page_refs = Vec::with_capacity(doc.pages.len());
    let mut annotations: Vec<Vec<Ref>> = Vec::with_capacity(doc.pages.len());
    for (n, ((frame, stream), links)) in doc.pages.iter().zip(&streams).zip(&links).enumerate() {
        let [page_ref, content_ref] = ids.next_n();
        page_refs.push(page_ref);
        pdf.stream(content_ref, stream).filter(Filter::FlateDecode);

        // Tagged, each link's /StructParent key follows the pages'.
        let first = profile
            .tagged
            .then(|| tags::annotation_key(doc.pages.len(), annotations.iter().map(Vec::len).sum()));
        let refs = write_links(&mut pdf, &mut ids, (page_ref, frame.height), links, first);

        let mut page = pdf.page(page_ref);
        page.parent(tree_ref)
            .media_box(Rect::new(0.0, 0.0, frame.width, frame.height))
            .contents(content_ref);
        if !refs.is_empty() {
            page.annotations(refs.iter().copied());
        }
        if profile.tagged {
            page.struct_parents(n as i32);
            // Links are visited in the order of the structure.
            page.pair(Name(b"Tabs"), Name(b"S"));
        }
        annotations.push(refs);
        let mut res = page.resources();
        let mut fonts = res.fonts();
        for s in subsets.values() {
            fonts.pair(Name(s.name.as_bytes()), s.font_ref);
        }
        fonts.finish();
        if !images.is_empty() || !forms.is_empty() {
            let mut x = res.x_objects();
            for (i, id) in images.iter().enumerate() {
                x.pair(Name(format!("Im{}", i + 1).as_bytes()), *id);
            }
            for (name, id) in &forms {
                x.pair(Name(name.as_bytes()), *id);
            }
        }
    }
    pdf.pages(tree_ref).kids(page_refs.iter().copied()).count(page_refs.len() as i32);

    let outline = write_outline(&mut pdf, &mut ids, doc, &page_refs);
    let structure = profile.tagged.then(|| {
        let pages = tags::Pages { refs: &page_refs, annotations: &annotations };
        tags::write(&mut pdf, &mut ids, (&doc.nodes, &doc.parts), &marks, &pages)
    });
    let archive = profile.standard.map(|s| write_archive(&mut pdf, &mut ids, meta, s));
    let parts = Parts { pages: tree_ref, outline, structure, archive };
    write_catalog(&mut pdf, catalog_ref, &parts, meta);

    write_info(&mut pdf, info_ref, meta);
    let id = fingerprint(doc, meta);
    pdf.set_file_id((id.clone(), id));
    Ok(pdf.finish())
}

/// A link annotation to write: the node whose text it covers, its area
/// (left, top, right, bottom, from the page's top-left) and address.
pub(super) struct Link<'a> {
    pub(super) node: usize,
    pub(super) area: [f32; 4],
    uri: &'a str,
}

/// The page's links that become annotations: only addresses that are safe
/// to follow (the render warns about the others; their text stays).
fn links_of(frame: &crate::layout::Frame) -> Vec<Link<'_>> {
    frame
        .items
        .iter()
        .filter_map(|(p, item)| match item {
            FrameItem::Link { width, height, uri, tag } if crate::uri::safe_uri(uri) => {
                Some(Link {
                    node: tag.node().unwrap_or(usize::MAX),
                    area: [p.x, p.y, p.x + width, p.y + height],
                    uri: uri.as_str(),
                })
            }
            _ => None,
        })
        .collect()
}

/// Writes what PDF/A adds: the XMP packet and the sRGB profile.
fn write_archive(
    pdf: &mut Pdf,
    ids: &mut Ids,
    meta: &Metadata,
    standard: archive::Standard,
) -> (Ref, Ref) {
    let [xmp, icc] = ids.next_n();
    let packet = archive::xmp(meta, standard, &xmp_date(meta.timestamp));
    pdf.metadata(xmp, &packet);
    let profile = deflate(&archive::srgb_profile());
    pdf.icc_profile(icc, &profile).n(3).filter(Filter::FlateDecode);
    (xmp, icc)
}

/// What the catalog points to.
struct Parts {
    pages: Ref,
    outline: Option<Ref>,
    /// The structure tree's root, when tagged.
    structure: Option<Ref>,
    /// For PDF/A, the XMP packet and the sRGB profile.
    archive: Option<(Ref, Ref)>,
}

fn write_catalog(pdf: &mut Pdf, id: Ref, parts: &Parts, meta: &Metadata) {
    let mut catalog = pdf.catalog(id);
    catalog.pages(parts.pages);
    if let Some(outline) = parts.outline {
        catalog.outlines(outline).page_mode(PageMode::UseOutlines);
    }
    if let Some(root) = parts.structure {
        catalog.pair(Name(b"StructTreeRoot"), root);
        catalog.mark_info().marked(true);
        catalog.viewer_preferences().display_doc_title(true);
    }
    if !meta.language.is_empty() {
        catalog.lang(TextStr(&meta.language));
    }
    if let Some((xmp, icc)) = parts.archive {
        catalog.metadata(xmp);
        let mut intents = catalog.output_intents();
        let mut intent = intents.push();
        intent.subtype(pdf_writer::types::OutputIntentSubtype::PDFA);
        intent.output_condition_identifier(TextStr(archive::SRGB));
        intent.info(TextStr(archive::SRGB));
        intent.dest_output_profile(icc);
    }
}

/// Writes a page's link annotations; with `first`, the first's
/// /StructParent key (the others' follow) and a /Contents for each.
fn write_links(
    pdf: &mut Pdf,
    ids: &mut Ids,
    (page, height): (Ref, f32),
    links: &[Link],
    first: Option<i32>,
) -> Vec<Ref> {
    let refs: Vec<Ref> = links.iter().map(|_| ids.next()).collect();
    for (i, (id, link)) in refs.iter().zip(links).enumerate() {
        let [left, top, right, bottom] = link.area;
        let mut a = pdf.annotation(*id);
        a.subtype(AnnotationType::Link)
            .rect(Rect::new(left, height - bottom, right, height - top))
            .page(page)
            .border(0.0, 0.0, 0.0, None)
            // Printed with the page, as PDF/A asks of every annotation.
            .flags(pdf_writer::types::AnnotationFlags::PRINT);
        if let Some(first) = first {
            a.struct_parent(first + i as i32);
            a.contents(TextStr(link.uri));
        }
        a.action().action_type(ActionType::Uri).uri(Str(link.uri.as_bytes()));
    }
    refs
}

/// Each picture the document shows, once, in order of first appearance.
fn distinct_photos(doc: &Document) -> Vec<Arc<Photo>> {
    let mut out: Vec<Arc<Photo>> = Vec::new();
    for (_, item) in doc.pages.iter().flat_map(|f| &f.items) {
        if let FrameItem::Image { photo, .. } = item
            && !out.iter().any(|p| Arc::ptr_eq(p, photo))
        {
            out.push(Arc::clone(photo));
        }
    }
    out
}

/// Embeds each picture as RGB with its alpha as a soft mask.
fn write_images(pdf: &mut Pdf, ids: &mut Ids, photos: &[Arc<Photo>]) -> Vec<Ref> {
    let mut out = Vec::new();
    for photo in photos {
        let [image_ref, mask_ref] = ids.next_n();
        let rgb: Vec<u8> = photo.rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
        let alpha: Vec<u8> = photo.rgba.chunks_exact(4).map(|p| p[3]).collect();
        let opaque = alpha.iter().all(|&a| a == 255);
        let data = deflate(&rgb);
        let mut image = pdf.image_xobject(image_ref, &data);
        image.filter(Filter::FlateDecode);
        image.width(photo.width as i32).height(photo.height as i32);
        image.color_space().device_rgb();
        image.bits_per_component(8);
        if !opaque {
            image.s_mask(mask_ref);
        }
        image.finish();
        if !opaque {
            let data = deflate(&alpha);
            let mut mask = pdf.image_xobject(mask_ref, &data);
            mask.filter(Filter::FlateDecode);
            mask.width(photo.width as i32).height(photo.height as i32);
            mask.color_space().device_gray();
            mask.bits_per_component(8);
        }
        out.push(image_ref);
    }
    out
}

/// One outline entry per section, each pointing at its heading; entries
/// of level 1 (a résumé's sections after a letter) nest under the entry
/// of level 0 before them.
fn write_outline(pdf: &mut Pdf, ids: &mut Ids, doc: &Document, pages: &[Ref]) -> Option<Ref> {
    let marks: Vec<_> = doc.bookmarks.iter().filter(|b| b.page < pages.len()).collect();
    if marks.is_empty() {
        return None;
    }
    let root = ids.next();
    let refs: Vec<Ref> = marks.iter().map(|_| ids.next()).collect();
    // Each entry's parent: the root, or the last entry of a lower level.
    let parents: Vec<Option<usize>> =
        (0..marks.len()).map(|i| (0..i).rev().find(|&j| marks[j].level < marks[i].level)).collect();
    for (i, b) in marks.iter().enumerate() {
        let mut item = pdf.outline_item(refs[i]);
        item.title(TextStr(&b.title)).parent(parents[i].map_or(root, |p| refs[p]));
        let kin: Vec<usize> = (0..marks.len()).filter(|&j| parents[j] == parents[i]).collect();
        let at = kin.iter().position(|&j| j == i).expect("an entry is its own sibling");
        if at > 0 {
            item.prev(refs[kin[at - 1]]);
        }
        if let Some(&next) = kin.get(at + 1) {
            item.next(refs[next]);
        }
        let children: Vec<usize> = (0..marks.len()).filter(|&j| parents[j] == Some(i)).collect();
        if let (Some(&first), Some(&last)) = (children.first(), children.last()) {
            item.first(refs[first]).last(refs[last]).count(children.len() as i32);
        }
        let top = doc.pages[b.page].height - b.y + 4.0;
        item.dest().page(pages[b.page]).xyz(0.0, top, None);
    }
    let top: Vec<usize> = (0..marks.len()).filter(|&j| parents[j].is_none()).collect();
    let (first, last) = (top[0], top[top.len() - 1]);
    pdf.outline(root).first(refs[first]).last(refs[last]).count(top.len() as i32);
    Some(root)
}

fn write_info(pdf: &mut Pdf, id: Ref, meta: &Metadata) {
    let date = pdf_date(meta.timestamp);
    let keywords = meta.keywords.join(", ");
    let producer = format!("vita {}", env!("CARGO_PKG_VERSION"));
    pdf.document_info(id)
        .title(TextStr(&meta.title))
        .author(TextStr(&meta.author))
        .subject(TextStr(&meta.subject))
        .keywords(TextStr(&keywords))
        .creator(TextStr("vita"))
        .producer(TextStr(&producer))
        .creation_date(date)
        .modified_date(date);
}

/// A Unix timestamp as an XMP date in UTC: 2000-01-01T00:00:00Z.
fn xmp_date(timestamp: i64) -> String {
    let days = timestamp.div_euclid(86_400);
    let secs = timestamp.rem_euclid(86_400);
    let (y, m, d) = crate::model::civil_from_days(days);
    let (h, min, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    format!("{:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}Z", y.clamp(0, 9999))
}

/// A Unix timestamp as a PDF date in UTC (proleptic Gregorian calendar).
fn pdf_date(timestamp: i64) -> Date {
    let days = timestamp.div_euclid(86_400);
    let secs = timestamp.rem_euclid(86_400);
    let (y, m, d) = crate::model::civil_from_days(days);
    Date::new(y.clamp(0, 9999) as u16)
        .month(m)
        .day(d)
        .hour((secs / 3600) as u8)
        .minute((secs / 60 % 60) as u8)
        .second((secs % 60) as u8)
        .utc_offset_hour(0)
}

/// A content hash for the trailer /ID: same document, same ID.
fn fingerprint(doc: &Document, meta: &Metadata) -> Vec<u8> {
    let mut h = Fnv::default();
    h.write(meta.title.as_bytes());
    h.write(&meta.timestamp.to_be_bytes());
    for frame in &doc.pages {
        for (p, item) in &frame.items {
            h.write(&p.x.to_bits().to_be_bytes());
            h.write(&p.y.to_bits().to_be_bytes());
            if let FrameItem::Text(run) = item {
                h.write(run.text.as_bytes());
            }
        }
    }
    let a = h.0;
    h.write(b"second half");
    [a.to_be_bytes(), h.0.to_be_bytes()].concat()
}

/// FNV-1a, 64-bit: a small, stable hash for tags and IDs.
pub(crate) struct Fnv(pub(crate) u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= *b as u64;
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_the_calendar() {
        assert_eq!(crate::model::civil_from_days(0), (1970, 1, 1));
        assert_eq!(crate::model::civil_from_days(FIXED_TIMESTAMP / 86_400), (2000, 1, 1));
        // 2024-02-29, a leap day, and the day after.
        assert_eq!(crate::model::civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(crate::model::civil_from_days(19_783), (2024, 3, 1));
        assert_eq!(crate::model::civil_from_days(-1), (1969, 12, 31));
    }
}
