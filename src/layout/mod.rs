//! Layout: blocks → positioned frames on pages. Shaping (`shape`), line
//! breaking (`inline`), and page flow with keep rules (`flow`) produce a
//! [`Document`] of [`Frame`]s.

pub mod flow;
pub mod frame;
pub mod inline;
pub mod shape;

pub use frame::{Bookmark, Document, Frame, FrameItem, Glyph, Point, TextRun};

use crate::compose::Block;
use crate::fonts::FontBook;
use crate::theme::{Theme, mm};

/// Lays out composed blocks on pages of the theme's size.
pub fn layout(blocks: &[Block], theme: &Theme, book: &FontBook) -> Document {
    let (page_w, page_h) = theme.page.size_pt();
    let p = &theme.page;
    let content = [
        mm(p.margin_left),
        mm(p.margin_top),
        page_w - mm(p.margin_right),
        page_h - mm(p.margin_bottom),
    ];
    let mut warnings = Vec::new();
    let width = content[2] - content[0];
    let laid: Vec<flow::Laid> =
        blocks.iter().map(|b| flow::lay_block(b, width, book, &mut warnings)).collect();
    let mut doc = flow::paginate(&laid, blocks, content, (page_w, page_h));
    doc.warnings.extend(warnings);
    doc
}
