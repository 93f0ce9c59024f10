//! PDF export: frames → printpdf operations → bytes. The only module that
//! imports printpdf (and the lopdf it serialises through).
//!
//! Fonts are subset here (subsetter), each used glyph mapped back to its
//! source text so that the ToUnicode map makes every word extractable,
//! ligatures included. Links become URI annotations, sections become
//! outline entries pointing at their heading, and the document info carries
//! title, author, subject and keywords. Output is deterministic: object ids,
//! subset tags and the trailer /ID derive from the content, and dates from
//! `SOURCE_DATE_EPOCH` (or a fixed date).

use crate::fonts::{FaceId, FontBook};
use crate::layout::{Document, Frame, FrameItem, TextRun};
use crate::photo::Photo;
use crate::theme::Color;
use lopdf::{Object, StringFormat};
use printpdf::{
    Actions, BorderArray, Codepoint, ColorArray, DictItem, FontId, HighlightingMode, Line,
    LineCapStyle, LinePoint, LinkAnnotation, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Pt, RawImage, RawImageData, RawImageFormat, Rect, Rgb, TextItem,
    TextMatrix, XObject, XObjectId, XObjectTransform,
};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Document information written into the PDF.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// Seconds since the Unix epoch for the creation and modification dates.
    pub timestamp: i64,
}

/// The date used when `SOURCE_DATE_EPOCH` is not set: 2000-01-01 00:00 UTC,
/// so that identical input always gives identical bytes.
pub const FIXED_TIMESTAMP: i64 = 946_684_800;

/// One face's subset: new glyph ids and the embedded program.
struct Subset {
    font_id: FontId,
    remap: BTreeMap<u16, u16>,
    /// Source text of each original glyph id, for ToUnicode.
    texts: BTreeMap<u16, String>,
    /// Advance widths as the PDF's /W will state them, by new glyph id.
    widths: BTreeMap<u16, i64>,
}

/// Renders a laid-out document to PDF bytes.
pub fn render(doc: &Document, book: &FontBook, meta: &Metadata) -> Result<Vec<u8>, String> {
    let mut pdf = PdfDocument::new(&meta.title);
    let subsets = subset_fonts(doc, book, &mut pdf)?;
    let images = add_images(doc, &mut pdf);
    for frame in &doc.pages {
        let ops = page_ops(frame, &subsets, &images);
        let (w, h) = (Pt(frame.width), Pt(frame.height));
        pdf.pages.push(PdfPage {
            media_box: Rect::from_wh(w, h),
            trim_box: Rect::from_wh(w, h),
            crop_box: Rect::from_wh(w, h),
            ops,
        });
    }
    set_info(&mut pdf, meta);
    let opts = PdfSaveOptions { subset_fonts: false, ..PdfSaveOptions::default() };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    if let Some(w) = warnings.iter().find(|w| format!("{w:?}").contains("Error")) {
        return Err(format!("PDF serialisation: {w:?}"));
    }
    add_outline(&mut lo, doc);
    tidy_info(&mut lo);
    indirect_annotations(&mut lo);
    let id = Object::String(fingerprint(doc, meta).into_bytes(), StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out).map_err(|e| format!("writing PDF: {e}"))?;
    Ok(out)
}

/// Collects the glyphs each face uses, subsets the face, and registers it.
fn subset_fonts(
    doc: &Document,
    book: &FontBook,
    pdf: &mut PdfDocument,
) -> Result<BTreeMap<FaceId, Subset>, String> {
    let mut used: BTreeMap<FaceId, BTreeMap<u16, String>> = BTreeMap::new();
    for frame in &doc.pages {
        for (_, item) in &frame.items {
            if let FrameItem::Text(run) = item {
                let texts = used.entry(run.face).or_default();
                // Icons map to a space, which extractors drop: they never
                // leak private-use characters into the text.
                let icon = book.info(run.face).family == crate::fonts::ICON_FAMILY;
                for (g, t) in run.glyphs.iter().zip(run.glyph_texts()) {
                    let entry = texts.entry(g.id).or_default();
                    if icon {
                        *entry = " ".into();
                    } else if g.id == 0 {
                        // .notdef stands for every missing character at once;
                        // it extracts as the replacement character.
                        *entry = "\u{FFFD}".into();
                    } else if entry.is_empty() {
                        *entry = t.to_string();
                    }
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    for (face, texts) in used {
        let info = book.info(face);
        let ids: Vec<u16> = texts.keys().copied().collect();
        let mapper = subsetter::GlyphRemapper::new_from_glyphs_sorted(&ids);
        let bytes = subsetter::subset(info.data, 0, &mapper)
            .map_err(|e| format!("subsetting {}: {e}", info.postscript_name))?;
        let mut warnings = Vec::new();
        let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
            .ok_or_else(|| format!("the subset of {} does not parse", info.postscript_name))?;
        let remap: BTreeMap<u16, u16> =
            ids.iter().map(|&g| (g, mapper.get(g).expect("remapped"))).collect();
        // The `ABCDEF+` prefix marks the embedded program as a subset (ISO 32000-1, 9.6.4).
        parsed.font_name =
            Some(format!("{}+{}", subset_tag(info.postscript_name, &ids), info.postscript_name));
        let upem = parsed.units_per_em as f32;
        let widths = remap
            .values()
            .map(|&n| {
                (n, parsed.get_glyph_width(n).map_or(0, |w| (w as f32 * 1000.0 / upem) as i64))
            })
            .collect();
        let font_id = FontId(format!("F{face}"));
        pdf.resources.fonts.map.insert(font_id.clone(), printpdf::PdfFont::new(parsed));
        out.insert(face, Subset { font_id, remap, texts, widths });
    }
    Ok(out)
}

/// Six capital letters derived from the face and its glyph set.
fn subset_tag(name: &str, glyphs: &[u16]) -> String {
    let mut h = Fnv::default();
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

/// The content stream of one page, items in frame (reading) order.
/// Embeds each distinct picture once; returns its id by address.
fn add_images(doc: &Document, pdf: &mut PdfDocument) -> Vec<(*const Photo, XObjectId)> {
    let mut out: Vec<(*const Photo, XObjectId)> = Vec::new();
    for (_, item) in doc.pages.iter().flat_map(|f| &f.items) {
        if let FrameItem::Image { photo, .. } = item {
            let key = Arc::as_ptr(photo);
            if out.iter().any(|(k, _)| *k == key) {
                continue;
            }
            let id = XObjectId(format!("Im{}", out.len() + 1));
            let raw = RawImage {
                pixels: RawImageData::U8(photo.rgba.clone()),
                width: photo.side as usize,
                height: photo.side as usize,
                data_format: RawImageFormat::RGBA8,
                tag: Vec::new(),
            };
            pdf.resources.xobjects.map.insert(id.clone(), XObject::Image(raw));
            out.push((key, id));
        }
    }
    out
}

fn page_ops(
    frame: &Frame,
    subsets: &BTreeMap<FaceId, Subset>,
    images: &[(*const Photo, XObjectId)],
) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut in_text = false;
    let mut fill: Option<Color> = None;
    let flip = |y: f32| frame.height - y;
    for (p, item) in &frame.items {
        match item {
            FrameItem::Text(run) => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                }
                if fill != Some(run.color) {
                    ops.push(Op::SetFillColor { col: rgb(run.color) });
                    fill = Some(run.color);
                }
                let subset = &subsets[&run.face];
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(subset.font_id.clone()),
                    size: Pt(run.size),
                });
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(p.x), Pt(flip(p.y))),
                });
                // Text that must extract differently from its glyphs (a word
                // split across lines, synthesised small capitals) is marked
                // with /ActualText, which extractors read instead.
                if run.artifact {
                    ops.push(Op::BeginMarkedContent { tag: "Artifact".into() });
                }
                if let Some(actual) = &run.actual {
                    let properties = actual_text(actual);
                    ops.push(Op::BeginMarkedContentWithProperties {
                        tag: "Span".into(),
                        properties,
                    });
                }
                ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(codepoints(run, subset))] });
                if run.actual.is_some() {
                    ops.push(Op::EndMarkedContentWithProperties);
                }
                if run.artifact {
                    ops.push(Op::EndMarkedContent);
                }
            }
            FrameItem::Rule { width, thickness, color } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                let y = Pt(flip(p.y + thickness / 2.0));
                let point =
                    |x: f32| LinePoint { p: printpdf::Point { x: Pt(x), y }, bezier: false };
                ops.push(Op::SetOutlineColor { col: rgb(*color) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*thickness) });
                ops.push(Op::SetLineCapStyle { cap: LineCapStyle::Butt });
                ops.push(Op::DrawLine {
                    line: Line { points: vec![point(p.x), point(p.x + width)], is_closed: false },
                });
            }
            FrameItem::Image { width, height, photo } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                let key = Arc::as_ptr(photo);
                let Some((_, id)) = images.iter().find(|(k, _)| *k == key) else { continue };
                // At `dpi`, the picture's pixels span exactly `width` points.
                let transform = XObjectTransform {
                    translate_x: Some(Pt(p.x)),
                    translate_y: Some(Pt(flip(p.y + height))),
                    dpi: Some(photo.side as f32 * 72.0 / width),
                    ..XObjectTransform::default()
                };
                ops.push(Op::UseXobject { id: id.clone(), transform });
            }
            FrameItem::Rect { width, height, color } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                ops.push(Op::SetFillColor { col: rgb(*color) });
                fill = Some(*color);
                let rect = Rect {
                    x: Pt(p.x),
                    y: Pt(flip(p.y + height)),
                    width: Pt(*width),
                    height: Pt(*height),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                };
                ops.push(Op::DrawRectangle { rectangle: rect });
            }
            FrameItem::Link { width, height, uri } => {
                let rect = Rect {
                    x: Pt(p.x),
                    y: Pt(flip(p.y + height)),
                    width: Pt(*width),
                    height: Pt(*height),
                    mode: None,
                    winding_order: None,
                };
                let link = LinkAnnotation::new(
                    rect,
                    Actions::Uri(uri.clone()),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    Some(ColorArray::Transparent),
                    Some(HighlightingMode::Invert),
                );
                ops.push(Op::LinkAnnotation { link });
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

/// Glyphs as PDF codes (subset ids) with TJ adjustments that move each
/// glyph from the font's own advance to the shaped one.
fn codepoints(run: &TextRun, subset: &Subset) -> Vec<Codepoint> {
    run.glyphs
        .iter()
        .map(|g| {
            let gid = subset.remap[&g.id];
            let pdf_width = subset.widths[&gid] as f32;
            let wanted = g.advance * 1000.0 / run.size;
            // TJ numbers are subtracted from the pen position, in 1/1000 em.
            let offset = round3(pdf_width - wanted);
            Codepoint { gid, offset, cid: Some(subset.texts[&g.id].clone()) }
        })
        .collect()
}

/// A marked-content property list `<< /ActualText (…) >>` in UTF-16BE.
fn actual_text(text: &str) -> DictItem {
    let mut data = vec![0xfe, 0xff];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let value = DictItem::String { data, literal: false };
    DictItem::Dict { map: [("ActualText".to_string(), value)].into_iter().collect() }
}

fn round3(v: f32) -> f32 {
    (v * 1000.0).round() / 1000.0
}

fn rgb(c: Color) -> printpdf::Color {
    let [r, g, b] = c.unit();
    printpdf::Color::Rgb(Rgb::new(r, g, b, None))
}

fn set_info(pdf: &mut PdfDocument, meta: &Metadata) {
    let date = printpdf::OffsetDateTime::from_unix_timestamp(meta.timestamp).unwrap_or_else(|_| {
        printpdf::OffsetDateTime::from_unix_timestamp(FIXED_TIMESTAMP).expect("fixed date")
    });
    let info = &mut pdf.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.keywords = meta.keywords.clone();
    info.creator = "vita".into();
    info.producer = format!("vita {}", env!("CARGO_PKG_VERSION"));
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
}

/// One outline entry per section, each pointing at its heading.
fn add_outline(lo: &mut lopdf::Document, doc: &Document) {
    if doc.bookmarks.is_empty() {
        return;
    }
    let pages = lo.get_pages();
    let Ok(root) = lo.trailer.get(b"Root").and_then(Object::as_reference) else {
        return;
    };
    let outlines_id = lo.new_object_id();
    let ids: Vec<lopdf::ObjectId> = doc.bookmarks.iter().map(|_| lo.new_object_id()).collect();
    for (i, b) in doc.bookmarks.iter().enumerate() {
        let Some(&page_id) = pages.get(&(b.page as u32 + 1)) else {
            continue;
        };
        let height = doc.pages[b.page].height;
        let dest = vec![
            Object::Reference(page_id),
            Object::Name(b"XYZ".to_vec()),
            Object::Null,
            Object::Real(height - b.y + 4.0),
            Object::Null,
        ];
        let mut dict = lopdf::Dictionary::new();
        dict.set("Title", utf16_string(&b.title));
        dict.set("Parent", Object::Reference(outlines_id));
        dict.set("Dest", Object::Array(dest));
        if i > 0 {
            dict.set("Prev", Object::Reference(ids[i - 1]));
        }
        if i + 1 < ids.len() {
            dict.set("Next", Object::Reference(ids[i + 1]));
        }
        lo.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let mut outlines = lopdf::Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    outlines.set("First", Object::Reference(ids[0]));
    outlines.set("Last", Object::Reference(*ids.last().expect("non-empty")));
    outlines.set("Count", Object::Integer(ids.len() as i64));
    lo.objects.insert(outlines_id, Object::Dictionary(outlines));
    if let Ok(Object::Dictionary(catalog)) = lo.get_object_mut(root) {
        catalog.set("Outlines", Object::Reference(outlines_id));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
}

/// Drops info keys printpdf writes that would make false or empty claims:
/// an empty `GTS_PDFXVersion` makes readers report the file as PDF/X.
fn tidy_info(lo: &mut lopdf::Document) {
    let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference) else { return };
    if let Ok(Object::Dictionary(dict)) = lo.get_object_mut(info) {
        for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Trapped"] {
            dict.remove(key);
        }
    }
}

/// Moves link annotations into objects of their own: the PDF standard wants
/// a page's /Annots to hold references, and printpdf writes them inline.
fn indirect_annotations(lo: &mut lopdf::Document) {
    for (_, page_id) in lo.get_pages() {
        let Ok(Object::Dictionary(page)) = lo.get_object(page_id) else { continue };
        let Ok(Object::Array(annots)) = page.get(b"Annots") else { continue };
        let annots = annots.clone();
        let refs: Vec<Object> = annots
            .into_iter()
            .map(|a| match a {
                Object::Dictionary(mut d) => {
                    d.set("P", Object::Reference(page_id));
                    Object::Reference(lo.add_object(Object::Dictionary(d)))
                }
                other => other,
            })
            .collect();
        if let Ok(Object::Dictionary(page)) = lo.get_object_mut(page_id) {
            page.set("Annots", Object::Array(refs));
        }
    }
}

/// A PDF text string in UTF-16BE with its byte-order mark.
fn utf16_string(s: &str) -> Object {
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// A content hash for the trailer /ID: same document, same ID.
fn fingerprint(doc: &Document, meta: &Metadata) -> String {
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
    format!("{a:016x}{:016x}", h.0)
}

/// FNV-1a, 64-bit: a small, stable hash for tags and IDs.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= *b as u64;
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
