//! Frames: the positioned output of layout. A page is a [`Frame`] of items at
//! points (origin top-left, y down, in PostScript points). Exporters match
//! over [`FrameItem`] and never lay anything out again.

use crate::fonts::FaceId;
use crate::theme::Color;

/// A position in points: x to the right, y down.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Points to the right.
    pub x: f32,
    /// Points down.
    pub y: f32,
}

/// One shaped glyph. `advance` is the distance to the next glyph as the
/// shaper decided it (kerning and letter-spacing included); `cluster` is the
/// byte offset of its source text in the run's `text`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// The glyph's index in its font.
    pub id: u16,
    /// Distance to the next glyph, in points.
    pub advance: f32,
    /// Horizontal offset from the pen position, in points.
    pub dx: f32,
    /// Vertical offset from the baseline, in points, upwards.
    pub dy: f32,
    /// Byte offset of its source text in the run's `text`.
    pub cluster: u32,
}

/// Glyphs in one face and size, with the text they came from. Its point is
/// the start of the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The font face, an index into the [`crate::fonts::FontBook`].
    pub face: FaceId,
    /// Font size in points.
    pub size: f32,
    /// Text colour.
    pub color: Color,
    /// The text the glyphs were shaped from.
    pub text: String,
    /// The shaped glyphs, in order.
    pub glyphs: Vec<Glyph>,
    /// What the run should extract as when that differs from `text`: the
    /// whole word on the first half of a word split across lines, "" on
    /// the rest, the original letters of synthesised small capitals.
    pub actual: Option<String>,
    /// Page furniture (footer, running header): marked so that extractors
    /// which honour artifacts leave it out of the text.
    pub artifact: bool,
    /// A single space that bridges a gap on a line (between a title and
    /// its dates set flush right): the PDF draws it horizontally scaled so
    /// that its own width covers the gap. Extractors that group characters
    /// into lines by their distance (pdfminer, pdfplumber) then read both
    /// sides of the gap as one line, in order, instead of as two blocks
    /// they may place anywhere.
    pub bridge: bool,
}

impl TextRun {
    /// The run's width in points: the sum of its glyphs' advances.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }

    /// The source text of each glyph: a cluster's text goes to its first
    /// glyph, later glyphs of the same cluster get "".
    pub fn glyph_texts(&self) -> impl Iterator<Item = &str> + '_ {
        let n = self.glyphs.len();
        (0..n).map(|i| {
            let start = self.glyphs[i].cluster as usize;
            if i > 0 && self.glyphs[i - 1].cluster as usize == start {
                return "";
            }
            let end = self.glyphs[i + 1..]
                .iter()
                .map(|g| g.cluster as usize)
                .find(|&c| c != start)
                .unwrap_or(self.text.len());
            self.text.get(start..end.max(start)).unwrap_or("")
        })
    }
}

/// Something drawn on a page, at the point it is paired with.
#[derive(Debug, Clone, PartialEq)]
pub enum FrameItem {
    /// Shaped text, whose point is the start of its baseline.
    Text(TextRun),
    /// A horizontal rule whose point is its left end (centre of the stroke).
    Rule {
        /// Length in points.
        width: f32,
        /// Stroke thickness in points.
        thickness: f32,
        /// Stroke colour.
        color: Color,
    },
    /// A picture whose point is its top-left corner.
    Image {
        /// Width in points.
        width: f32,
        /// Height in points.
        height: f32,
        /// The picture (the résumé's photo).
        photo: std::sync::Arc<crate::photo::Photo>,
    },
    /// A filled rectangle (a column's tint) whose point is its top-left corner.
    Rect {
        /// Width in points.
        width: f32,
        /// Height in points.
        height: f32,
        /// Fill colour.
        color: Color,
    },
    /// A clickable area whose point is its top-left corner.
    Link {
        /// Width in points.
        width: f32,
        /// Height in points.
        height: f32,
        /// The address it opens.
        uri: String,
    },
}

/// One page: its size and the items it draws, in reading order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// What the page draws, each at its point, in reading order.
    pub items: Vec<(Point, FrameItem)>,
}

/// An outline entry: a section's title and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    /// The section title.
    pub title: String,
    /// The page it starts on, counted from 0.
    pub page: usize,
    /// Where it starts, in points from the top of the page.
    pub y: f32,
}

/// A rectangle on the page, in points from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Left edge.
    pub left: f32,
    /// Top edge.
    pub top: f32,
    /// Right edge.
    pub right: f32,
    /// Bottom edge.
    pub bottom: f32,
}

impl Rect {
    /// Right edge minus left edge.
    pub fn width(&self) -> f32 {
        self.right - self.left
    }
}

/// The laid-out document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The pages, in order.
    pub pages: Vec<Frame>,
    /// The outline: one entry per section heading, in reading order.
    pub bookmarks: Vec<Bookmark>,
    /// The content box every glyph must stay inside.
    pub content_box: Rect,
    /// Problems layout worked around.
    pub warnings: Vec<super::Warning>,
    /// How every justified line (but a paragraph's last) was set.
    pub justified: Vec<super::inline::JustifiedLine>,
    /// Justified paragraphs that no breaks could justify, set ragged.
    pub set_ragged: usize,
    /// The content needed more than [`super::pages::MAX_PAGES`] pages and
    /// the rest was left out.
    pub truncated: bool,
}
