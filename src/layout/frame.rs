//! Frames: the positioned output of layout. A page is a [`Frame`] of items at
//! points (origin top-left, y down, in PostScript points). Exporters match
//! over [`FrameItem`] and never lay anything out again.

use crate::fonts::FaceId;
use crate::theme::Color;
use std::borrow::Cow;

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
    /// Where the run belongs in the document's logical structure.
    pub tag: Tag,
}

/// Where an item belongs in the document's logical structure: the node
/// it was laid out from ([`Document::nodes`]), and whether it is a list
/// item's marker. Page furniture, rules and tints belong to none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    /// The node's index in [`Document::nodes`], or `u32::MAX` for none.
    pub node: u32,
    /// A list item's marker ("•", "1."), not its text.
    pub label: bool,
}

impl Tag {
    /// Belongs to no node.
    pub const NONE: Tag = Tag { node: u32::MAX, label: false };

    /// The node's index, if the item belongs to one.
    pub fn node(self) -> Option<usize> {
        (self.node != u32::MAX).then_some(self.node as usize)
    }
}

impl Default for Tag {
    fn default() -> Tag {
        Tag::NONE
    }
}

/// A node of the document's logical structure: one block (or the photo),
/// with its role, and the stream it was laid out in (0 for the header
/// band, then each column's), which bounds its sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the node is.
    pub role: crate::compose::Role,
    /// The stream it belongs to: a section runs to the next heading or
    /// the end of its stream.
    pub stream: u16,
}

impl TextRun {
    /// The run's width in points: the sum of its glyphs' advances.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }

    /// The source text of each glyph, which read in glyph order gives the
    /// run's text. A cluster of one glyph (a letter, a ligature) gets its
    /// whole text. A cluster of several (a Devanagari syllable whose vowel
    /// sign is drawn first, a letter with its marks) shares its characters
    /// out among its glyphs that advance the pen: one to each, the rest to
    /// the last. Extractors place each glyph's text where the glyph is
    /// drawn and take a gap for a space; a mark drawn back over its letter,
    /// or a glyph left over when there are more glyphs than characters,
    /// gets "" and so leaves no gap in the word.
    ///
    /// A cluster's text runs to the next cluster in the text, which in a
    /// right-to-left run (glyphs in visual order, clusters descending) is
    /// an earlier glyph. There the characters are shared out from the
    /// cluster's right end, where reading starts, and a glyph's share of
    /// several characters that are not all right-to-left letters (a letter
    /// with its vowel mark) is given backwards: extractors lay such a
    /// share out left to right and then read the line from the right.
    pub fn glyph_texts(&self) -> impl Iterator<Item = Cow<'_, str>> + '_ {
        let glyphs = &self.glyphs;
        let ascending = glyphs.windows(2).all(|w| w[0].cluster <= w[1].cluster);
        // Cluster starts in text order, where glyphs are not in it.
        let mut starts: Vec<u32> = Vec::new();
        if !ascending {
            starts = glyphs.iter().map(|g| g.cluster).collect();
            starts.sort_unstable();
            starts.dedup();
        }
        // Nearly every run: one glyph per cluster, in order.
        let simple = glyphs.windows(2).all(|w| w[0].cluster < w[1].cluster);
        let spacing = |g: &Glyph| g.advance > MARK_ADVANCE * self.size;
        let mut first = 0; // the first glyph of the current cluster
        (0..glyphs.len()).map(move |i| {
            let start = glyphs[i].cluster;
            if simple {
                let end = glyphs.get(i + 1).map_or(self.text.len(), |g| g.cluster as usize);
                return Cow::Borrowed(self.text.get(start as usize..end).unwrap_or(""));
            }
            if i == 0 || glyphs[i - 1].cluster != start {
                first = i;
            }
            let cluster = &glyphs[first..];
            let cluster = &cluster[..cluster.iter().take_while(|g| g.cluster == start).count()];
            let next = if ascending {
                glyphs.get(first + cluster.len()).map(|g| g.cluster)
            } else {
                starts.get(starts.partition_point(|&s| s <= start)).copied()
            };
            let end = next.map_or(self.text.len(), |c| c as usize);
            let text = self.text.get(start as usize..end.max(start as usize)).unwrap_or("");
            let share = if cluster.len() == 1 {
                text
            } else {
                // The glyphs that take characters, in reading order.
                let takers: Vec<usize> = match cluster.iter().any(spacing) {
                    true => (0..cluster.len()).filter(|&k| spacing(&cluster[k])).collect(),
                    false => (0..cluster.len()).collect(),
                };
                let me = i - first;
                let order: Vec<usize> =
                    if ascending { takers } else { takers.into_iter().rev().collect() };
                match order.iter().position(|&k| k == me) {
                    Some(k) => share(text, k, order.len()),
                    None => "",
                }
            };
            if !ascending && share.chars().nth(1).is_some() && !share.chars().all(strong_rtl) {
                return Cow::Owned(share.chars().rev().collect());
            }
            Cow::Borrowed(share)
        })
    }
}

/// Whether `c` is a right-to-left letter (bidi class R or AL).
fn strong_rtl(c: char) -> bool {
    use unicode_bidi::BidiClass::{AL, R};
    matches!(unicode_bidi::bidi_class(c), R | AL)
}

/// Glyphs that advance the pen by less than this share of the size are
/// marks drawn over or under a letter (their advance is 0, plus any
/// letter-spacing).
const MARK_ADVANCE: f32 = 0.12;

/// Glyph `k`'s share of a cluster's `text` shared among `count` glyphs:
/// its `k`th character, and to the last glyph everything from there on.
fn share(text: &str, k: usize, count: usize) -> &str {
    let mut bounds = text.char_indices().map(|(at, _)| at).chain([text.len()]);
    let Some(from) = bounds.nth(k) else { return "" };
    let to = if k + 1 == count { Some(text.len()) } else { bounds.next() };
    text.get(from..to.unwrap_or(text.len())).unwrap_or("")
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
        /// The figure it is.
        tag: Tag,
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
        /// The node whose text it covers.
        tag: Tag,
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

impl Frame {
    /// Moves every item's tag `by` nodes on: the page's items now name
    /// nodes of a document `by` nodes longer at the front.
    pub fn shift_tags(&mut self, by: u32) {
        for (_, item) in &mut self.items {
            let tag = match item {
                FrameItem::Text(run) => &mut run.tag,
                FrameItem::Image { tag, .. } | FrameItem::Link { tag, .. } => tag,
                FrameItem::Rule { .. } | FrameItem::Rect { .. } => continue,
            };
            if tag.node().is_some() {
                tag.node += by;
            }
        }
    }

    /// Mirrors the page left to right, for a right-to-left document: every
    /// item moves to the other side, each keeping its own drawing (a run's
    /// glyphs are not turned). Runs that read right to left were placed
    /// for this beforehand (`inline::bidi`).
    pub fn mirror(&mut self) {
        for (p, item) in &mut self.items {
            let width = match item {
                FrameItem::Text(run) => run.width(),
                FrameItem::Rule { width, .. }
                | FrameItem::Image { width, .. }
                | FrameItem::Rect { width, .. }
                | FrameItem::Link { width, .. } => *width,
            };
            p.x = self.width - p.x - width;
        }
    }
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
    /// Its depth in the outline: 0 at the top, 1 under the entry before.
    pub level: u8,
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
    /// The logical structure, in reading order: what the items' tags name.
    pub nodes: Vec<Node>,
    /// Where the document's parts start, as indices into `nodes`: a cover
    /// letter and the résumé after it are two parts. Empty for one.
    pub parts: Vec<usize>,
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
