//! Layout: blocks → positioned frames on pages. Shaping (`shape`), line
//! breaking (`inline`), and page flow with keep rules (`flow`) produce a
//! [`Document`] of [`Frame`]s.

pub mod flow;
pub mod frame;
pub mod hyphenate;
pub mod inline;
pub mod pages;
pub mod shape;
pub mod warning;

pub use frame::{Bookmark, Document, Frame, FrameItem, Glyph, Node, Point, Rect, Tag, TextRun};
pub use warning::Warning;

use crate::compose::Composed;
use crate::fonts::FontBook;
use crate::photo::Photo;
use crate::theme::{Theme, mm};
use std::sync::Arc;

pub use hyphenate::code_for as hyphenation_for;

/// Points between a tinted column's edge and its text.
const TINT_INSET: f32 = 4.0;

/// Millimetres between the header band's text and the photo beside it.
const PHOTO_GAP_MM: f32 = 6.0;

/// Lays out a composed résumé on pages of the theme's size, hyphenating
/// with its language's patterns when the theme hyphenates.
pub fn layout(
    composed: &Composed,
    theme: &Theme,
    book: &FontBook,
    photo: Option<&Arc<Photo>>,
) -> Document {
    let (page_w, page_h) = theme.page.size_pt();
    let p = &theme.page;
    let content = Rect {
        left: p.margin_left.pt(),
        top: p.margin_top.pt(),
        right: page_w - p.margin_right.pt(),
        bottom: page_h - p.margin_bottom.pt(),
    };
    let mut ctx = inline::Ctx::for_theme(book, &theme.text, composed.hyphenation);
    ctx.rtl = composed.rtl;
    // Which marks hang out is a matter of left-to-right type.
    ctx.protrusion &= !composed.rtl;
    let width = content.width();
    // A photo sits at the right of the header band, which wraps beside it.
    let photo = photo
        .filter(|_| theme.header.photo != crate::photo::Shape::None && !composed.band.is_empty());
    let side = photo.map_or(0.0, |_| theme.header.photo_size.pt());
    let band_width = if photo.is_some() { width - side - mm(PHOTO_GAP_MM) } else { width };
    // Every block is a node of the structure, in reading order: the
    // band's, then each column's.
    let mut nodes: Vec<Node> = Vec::new();
    let band_blocks: Vec<flow::Laid> =
        composed.band.iter().map(|b| lay(&mut nodes, (b, 0), band_width, &mut ctx)).collect();
    let mut band = flow::Laid {
        lines: band_blocks.into_iter().flat_map(|l| l.lines).collect(),
        splittable: false,
    };
    if let (Some(photo), Some(first)) = (photo, band.lines.first_mut()) {
        let alt = composed.running.name.clone();
        nodes.push(Node { role: crate::compose::Role::Figure { alt }, stream: 0 });
        let tag = Tag { node: (nodes.len() - 1) as u32, label: false };
        let item = FrameItem::Image { width: side, height: side, photo: Arc::clone(photo), tag };
        first.items.push((Point { x: width - side, y: 0.0 }, item));
        let height: f32 = band.lines.iter().map(|l| l.height).sum();
        if height < side {
            band.lines.push(flow::LaidLine { height: side - height, items: Vec::new() });
        }
    }
    let regions = theme.regions(width);
    let mut streams = Vec::new();
    let mut tints = Vec::new();
    for (region, blocks) in regions.iter().zip(&composed.columns) {
        // A tinted column keeps its text inside the tint.
        let inset = if region.fill.is_some() { TINT_INSET } else { 0.0 };
        let w = region.width - 2.0 * inset;
        let stream = streams.len() + 1;
        let laid = blocks.iter().map(|b| lay(&mut nodes, (b, stream), w, &mut ctx)).collect();
        streams.push(flow::Stream::new(laid, blocks, region.x + inset, w));
        if let Some(color) = region.fill {
            tints.push(pages::Tint { x: region.x + inset, width: w, color });
        }
    }
    let e = &theme.entry;
    if let (crate::theme::EntryLayout::Rail, Some(color), Some(first)) =
        (e.layout, e.rail_fill, regions.first())
    {
        tints.push(pages::Tint { x: first.x, width: e.rail_width.pt(), color });
    }
    let geo = pages::Geometry { page: (page_w, page_h), content, column_top: composed.column_top };
    let mut doc =
        pages::paginate(&band, &mut streams, &tints, &composed.running, theme, &geo, &mut ctx);
    if composed.rtl {
        doc.pages.iter_mut().for_each(Frame::mirror);
    }
    doc.nodes = nodes;
    doc.warnings.extend(ctx.warnings);
    doc.justified = ctx.justified;
    doc.set_ragged = ctx.set_ragged;
    doc
}

/// Lays `block` out in `width` points as the next node of the structure,
/// in `stream`.
fn lay(
    nodes: &mut Vec<Node>,
    (block, stream): (&crate::compose::Block, usize),
    width: f32,
    ctx: &mut inline::Ctx,
) -> flow::Laid {
    nodes.push(Node { role: block.role.clone(), stream: stream as u16 });
    flow::lay_block(block, width, ctx).tag(nodes.len() - 1)
}
