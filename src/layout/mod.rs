//! Layout: blocks → positioned frames on pages. Shaping (`shape`), line
//! breaking (`inline`), and page flow with keep rules (`flow`) produce a
//! [`Document`] of [`Frame`]s.

pub mod flow;
pub mod frame;
pub mod hyphenate;
pub mod inline;
pub mod shape;

pub use frame::{Bookmark, Document, Frame, FrameItem, Glyph, Point, TextRun};

use crate::compose::Block;
use crate::fonts::FontBook;
use crate::theme::{Theme, mm};

/// Lays out composed blocks on pages of the theme's size. `language` (the
/// résumé's, if it names one) picks the hyphenation patterns over the
/// theme's.
pub fn layout(
    blocks: &[Block],
    theme: &Theme,
    book: &FontBook,
    language: Option<&str>,
) -> Document {
    let (page_w, page_h) = theme.page.size_pt();
    let p = &theme.page;
    let content = [
        mm(p.margin_left),
        mm(p.margin_top),
        page_w - mm(p.margin_right),
        page_h - mm(p.margin_bottom),
    ];
    let mut ctx = inline::Ctx::new(book);
    let t = &theme.text;
    ctx.space_stretch = t.space_stretch;
    ctx.space_shrink = t.space_shrink;
    if t.hyphenate {
        let code = language.unwrap_or(&t.language);
        ctx.hyphenator = hyphenate::Hyphenator::new(
            code,
            t.hyphen_min_word,
            t.hyphen_min_before,
            t.hyphen_min_after,
        );
        if ctx.hyphenator.is_none() {
            ctx.warnings.push(format!(
                "no hyphenation patterns for `{code}` (vita has {}); words are not hyphenated",
                hyphenate::supported().join(", ")
            ));
        }
    }
    let width = content[2] - content[0];
    let laid: Vec<flow::Laid> =
        blocks.iter().map(|b| flow::lay_block(b, width, &mut ctx)).collect();
    let mut doc = flow::paginate(&laid, blocks, content, (page_w, page_h));
    doc.warnings.extend(ctx.warnings);
    doc
}
