//! Page flow: each block is laid out into lines ([`lay_block`]), then the
//! lines are poured down the content box and onto new pages ([`paginate`])
//! under the keep rules:
//!
//! - a block marked keep-with-next (section heading, entry header row,
//!   lead-in) shares its page with the next block's first two lines;
//! - headings and entry-header rows never split;
//! - a paragraph never leaves one line alone at the foot of a page (orphan)
//!   or the head of the next (widow): it splits only where at least two
//!   lines stay on each side, otherwise it moves whole; one of up to
//!   [`KEEP_WHOLE_LINES`] lines never splits.
//!
//! A rule gives way only when a page could never satisfy it (a block taller
//! than a page), and then the block is split wherever it must.

use super::frame::{Bookmark, Frame, FrameItem, Point, Tag, TextRun};
use super::inline::{Ctx, Line, break_lines};
use crate::compose::{Block, BlockKind, Para};

/// A paragraph or bullet of up to this many lines is never split across
/// pages. Extractors that add something at the end of each page (Apache
/// Tika appends the page's link addresses) would read it into the middle
/// of the block; moving a short block whole costs at most a few lines of
/// white space at the foot of a page.
pub const KEEP_WHOLE_LINES: usize = 6;

/// A heading's accent bar: its width, and the room it takes before the
/// title (points); its top and height, as shares of the title's size, so
/// that it spans the capitals from just above the cap height to the
/// baseline.
const BAR_WIDTH: f32 = 3.0;
const BAR_ROOM: f32 = 7.0;
const BAR_TOP: f32 = 0.75;
const BAR_HEIGHT: f32 = 0.85;

/// A rule beside a heading sits this share of the title's size above the
/// baseline: about half the x-height, where the eye expects a dash.
const RULE_BESIDE_RISE: f32 = 0.3;

/// Between a bullet's number ("10.") and its text, a share of the
/// marker's size: a little more than a word space.
const MARKER_GAP: f32 = 0.35;

/// The right side of an entry's header row (dates, place) is first set in
/// at most this share of the width, so that a long title keeps the rest.
const ROW_RIGHT_SHARE: f32 = 0.5;

/// A block as lines, each with its own items relative to the line's top-left.
#[derive(Debug, Clone)]
pub struct Laid {
    /// Its lines, top to bottom.
    pub lines: Vec<LaidLine>,
    /// Whether the block may split between its lines.
    pub splittable: bool,
}

/// One line of a laid block: its height and what it draws.
#[derive(Debug, Clone, Default)]
pub struct LaidLine {
    /// Height in points.
    pub height: f32,
    /// What the line draws, each at its point from the line's top-left.
    pub items: Vec<(Point, FrameItem)>,
}

impl Laid {
    /// Tags what the block drew as node `node` of the structure (a list
    /// item's marker was tagged as its label when it was laid).
    pub fn tag(mut self, node: usize) -> Laid {
        let node = u32::try_from(node).unwrap_or(u32::MAX - 1);
        for (_, item) in self.lines.iter_mut().flat_map(|l| &mut l.items) {
            match item {
                FrameItem::Text(run) if !run.artifact => run.tag.node = node,
                FrameItem::Image { tag, .. } | FrameItem::Link { tag, .. } => tag.node = node,
                _ => {}
            }
        }
        self
    }

    fn height(&self) -> f32 {
        self.lines.iter().map(|l| l.height).sum()
    }

    /// Lines in the smallest piece that may start a page: two, or all of a
    /// paragraph too short to split with two lines on each side.
    fn first_chunk(&self) -> usize {
        if !self.splittable || self.lines.len() < 4 { self.lines.len() } else { 2 }
    }
}

/// Lays a block out in a column `width` points wide.
pub fn lay_block(block: &Block, width: f32, ctx: &mut Ctx) -> Laid {
    let x0 = block.indent;
    let avail = width - block.indent;
    match &block.kind {
        BlockKind::Text(para) => {
            let lines = place(para_lines(para, avail, ctx), x0);
            Laid { splittable: lines.len() > KEEP_WHOLE_LINES, lines }
        }
        BlockKind::Heading { para, rule, bar } => heading(para, rule, bar, x0, avail, ctx),
        BlockKind::Row { left, right, gap } => row(left, right.as_ref(), *gap, x0, avail, ctx),
        BlockKind::Rail { rail, main, width: rail_w, gap } => {
            let main_x = x0 + rail_w + gap;
            let main_w = avail - rail_w - gap;
            let mut lines = main
                .as_ref()
                .map(|m| place(para_lines(m, main_w, ctx), main_x))
                .unwrap_or_default();
            if let Some(rail) = rail {
                // A trial at the rail's width: its warnings (a word cut to
                // fit) stand only if the rail keeps it.
                let (warned, missing) = (ctx.warnings.len(), ctx.missing.clone());
                let mut rail_lines = para_lines(rail, *rail_w, ctx);
                if rail_lines.len() == 1 {
                    // Beside the first line, on its baseline, and first in
                    // the stream: read before the text it labels.
                    let r = rail_lines.remove(0);
                    let ascent = r.ascent;
                    let laid = line_items(r, x0);
                    match lines.first_mut() {
                        Some(first) => {
                            let dy = baseline_of(first) - ascent;
                            let mut items: Vec<_> = laid
                                .items
                                .into_iter()
                                .map(|(p, it)| (Point { x: p.x, y: p.y + dy }, it))
                                .collect();
                            let rail_items = items.len();
                            items.append(&mut first.items);
                            first.items = items;
                            bridge(first, rail_items, ctx);
                        }
                        None => lines.push(laid),
                    }
                } else {
                    // Too wide for the rail: above the text, beside nothing,
                    // so that it is still read first.
                    ctx.warnings.truncate(warned);
                    ctx.missing = missing;
                    let above = place(para_lines(rail, main_w, ctx), main_x);
                    lines.splice(0..0, above);
                }
            }
            Laid { lines, splittable: false }
        }
        BlockKind::Image { photo, width, height } => {
            let item = FrameItem::Image {
                width: *width,
                height: *height,
                photo: photo.clone(),
                tag: Tag::NONE,
            };
            let items = vec![(Point { x: x0, y: 0.0 }, item)];
            Laid { lines: vec![LaidLine { height: *height, items }], splittable: false }
        }
        BlockKind::Bullet { marker, para } => {
            let text_x = x0 + block.hang;
            let mut lines = place(para_lines(para, width - text_x, ctx), text_x);
            let marker_para =
                Para::new(vec![marker.clone()], crate::compose::Align::Left, para.leading);
            // Laid out unbroken; numbers ("10.") align right against the
            // text, glyphs (•) sit at the indent.
            let marker_line = para_lines(&marker_para, f32::MAX / 4.0, ctx).remove(0);
            let numbered = marker.text.starts_with(|c: char| c.is_ascii_digit());
            let gap = MARKER_GAP * marker.style.size;
            let marker_x = if numbered { (text_x - gap - marker_line.width).max(x0) } else { x0 };
            if let Some(first) = lines.first_mut() {
                let dy = baseline_of(first) - marker_line.ascent;
                let mut laid = line_items(marker_line, marker_x);
                for (_, item) in &mut laid.items {
                    if let FrameItem::Text(run) = item {
                        run.tag.label = true;
                    }
                }
                // The marker goes first so that it is read before its text.
                let mut items: Vec<_> = laid
                    .items
                    .into_iter()
                    .map(|(p, it)| (Point { x: p.x, y: p.y + dy }, it))
                    .collect();
                items.append(&mut first.items);
                first.items = items;
            }
            Laid { splittable: lines.len() > KEEP_WHOLE_LINES, lines }
        }
    }
}

/// A heading: its title, with an accent bar before it and a rule below or
/// beside it, as the theme draws them.
fn heading(
    para: &Para,
    rule: &Option<crate::compose::Rule>,
    bar: &Option<crate::theme::Color>,
    x0: f32,
    avail: f32,
    ctx: &mut Ctx,
) -> Laid {
    // An accent bar takes a little room before the title.
    let bar_room = if bar.is_some() { BAR_ROOM } else { 0.0 };
    let mut lines = place(para_lines(para, avail - bar_room, ctx), x0 + bar_room);
    if let (Some(color), Some(first)) = (bar, lines.first_mut()) {
        let size = para.spans.first().map_or(10.0, |s| s.style.size);
        let top = baseline_of(first) - BAR_TOP * size;
        let item = FrameItem::Rect { width: BAR_WIDTH, height: BAR_HEIGHT * size, color: *color };
        first.items.insert(0, (Point { x: x0, y: top }, item));
    }
    if let (Some(rule), Some(last)) = (rule, lines.last_mut()) {
        let item = |width| FrameItem::Rule { width, thickness: rule.thickness, color: rule.color };
        if rule.beside {
            // From the end of the title to the margin, at mid-x-height.
            let end = last.items.iter().filter_map(|(p, it)| match it {
                FrameItem::Text(r) => Some(p.x + r.width()),
                _ => None,
            });
            let start = end.fold(x0, f32::max) + rule.gap * 2.0;
            let size = para.spans.first().map_or(10.0, |s| s.style.size);
            let y = baseline_of(last) - RULE_BESIDE_RISE * size;
            if x0 + avail - start > 0.0 {
                last.items.push((Point { x: start, y }, item(x0 + avail - start)));
            }
        } else {
            // The rule sits `gap` below the last baseline.
            let y = baseline_of(last) + rule.gap;
            last.items.push((Point { x: x0, y }, item(avail)));
            last.height = last.height.max(y + rule.thickness);
        }
    }
    Laid { lines, splittable: false }
}

/// An entry's header row: the left side, and the right (dates, place)
/// beside it when both fit on one line, else below it.
fn row(left: &Para, right: Option<&Para>, gap: f32, x0: f32, avail: f32, ctx: &mut Ctx) -> Laid {
    // Both sides are first tried side by side; their warnings (a
    // word cut to fit) stand only if that is how they are set.
    let (warned, missing) = (ctx.warnings.len(), ctx.missing.clone());
    let mut right_lines =
        right.as_ref().map(|r| para_lines(r, avail * ROW_RIGHT_SHARE, ctx)).unwrap_or_default();
    let right_width = right_lines.iter().map(|l| l.width).fold(0.0, f32::max);
    let gap = if right_lines.is_empty() { 0.0 } else { gap };
    let mut left_lines = para_lines(left, avail - right_width - gap, ctx);
    // The right side sits beside the left only when both are one
    // line: beside wrapping text, an extractor that reads by
    // position would read it in the middle of that text. Otherwise
    // it goes below, flush left, on lines of its own (flush left
    // too, so that pdfminer, which groups lines that share an
    // edge, reads it with the text above).
    let beside = left_lines.len() <= 1 && right_lines.len() <= 1;
    if let (false, Some(right)) = (beside, right) {
        ctx.warnings.truncate(warned);
        ctx.missing = missing;
        left_lines = para_lines(left, avail, ctx);
        right_lines = para_lines(right, avail, ctx);
    }
    let below = if beside { 0 } else { left_lines.len() };
    let mut lines = place(left_lines, x0);
    let left_items = lines.first().map_or(0, |l| l.items.len());
    for (i, r) in right_lines.into_iter().enumerate() {
        let i = i + below;
        let start = r.runs.first().map_or(0.0, |(x, _)| *x);
        let shift = if beside { x0 + avail - r.width - start } else { x0 - start };
        let ascent = r.ascent;
        let laid = line_items(r, shift);
        if i < lines.len() {
            // Share the left line's baseline.
            let dy = baseline_of(&lines[i]) - ascent;
            lines[i]
                .items
                .extend(laid.items.into_iter().map(|(p, it)| (Point { x: p.x, y: p.y + dy }, it)));
        } else {
            lines.push(laid);
        }
    }
    if beside && let Some(first) = lines.first_mut() {
        bridge(first, left_items, ctx);
    }
    Laid { lines, splittable: false }
}

/// Bridges the gap on `line` between its text before item `split` and its
/// text from there on with one space, drawn scaled to fill the gap (see
/// [`TextRun::bridge`]): the two sides then read as one line in every
/// extractor, the first side first.
fn bridge(line: &mut LaidLine, split: usize, ctx: &Ctx) {
    fn text(items: &[(Point, FrameItem)]) -> Vec<(Point, &TextRun)> {
        items
            .iter()
            .filter_map(|(p, it)| match it {
                FrameItem::Text(r) if !r.artifact => Some((*p, r)),
                _ => None,
            })
            .collect()
    }
    let (before, after) = line.items.split_at(split.min(line.items.len()));
    let (before, after) = (text(before), text(after));
    let (Some((at, like)), Some(end)) = (
        before.iter().max_by(|a, b| (a.0.x + a.1.width()).total_cmp(&(b.0.x + b.1.width()))),
        after.iter().map(|(p, _)| p.x).min_by(f32::total_cmp),
    ) else {
        return;
    };
    let from = at.x + like.width();
    if end - from < 0.5 {
        return;
    }
    let style = crate::compose::Style {
        face: like.face,
        size: like.size,
        color: like.color,
        ..Default::default()
    };
    let mut glyphs = super::shape::shape(ctx.book, &style, " ");
    let [space] = glyphs.as_mut_slice() else { return };
    space.advance = end - from;
    space.dx = 0.0;
    space.dy = 0.0;
    let run = TextRun {
        face: like.face,
        size: like.size,
        color: like.color,
        text: " ".into(),
        glyphs,
        actual: None,
        artifact: false,
        bridge: true,
        tag: like.tag,
    };
    let item = (Point { x: from, y: at.y }, FrameItem::Text(run));
    line.items.insert(split.min(line.items.len()), item);
}

/// The baseline of a laid line: the y of its first text item.
fn baseline_of(line: &LaidLine) -> f32 {
    line.items
        .iter()
        .find(|(_, it)| matches!(it, FrameItem::Text(_)))
        .map_or(line.height * 0.8, |(p, _)| p.y)
}

fn para_lines(para: &Para, width: f32, ctx: &mut Ctx) -> Vec<Line> {
    break_lines(para, width.max(1.0), ctx)
}

fn place(lines: Vec<Line>, x0: f32) -> Vec<LaidLine> {
    lines.into_iter().map(|l| line_items(l, x0)).collect()
}

/// Converts a line into frame items at `x0`, baseline at the line's ascent.
pub(super) fn line_items(line: Line, x0: f32) -> LaidLine {
    let mut items = Vec::with_capacity(line.runs.len() + line.links.len());
    for (x, run) in line.runs {
        items.push((Point { x: x0 + x, y: line.ascent }, FrameItem::Text(run)));
    }
    for super::inline::LinkArea { x0: a, x1: b, uri } in line.links {
        let item = FrameItem::Link { width: b - a, height: line.height, uri, tag: Tag::NONE };
        items.push((Point { x: x0 + a, y: 0.0 }, item));
    }
    LaidLine { height: line.height, items }
}

/// Height block `i` needs on the current page before it may start there:
/// its first chunk, and for keep-with-next blocks, the next block's start.
fn need(laid: &[Laid], blocks: &[Block], i: usize) -> f32 {
    let l = &laid[i];
    if blocks[i].keep_with_next {
        l.height() + lead(laid, blocks, i + 1, 2)
    } else {
        l.lines[..l.first_chunk()].iter().map(|x| x.height).sum()
    }
}

/// Height of the content starting at block `i` up to `want` lines of
/// non-kept content (through any chain of keep-with-next blocks).
fn lead(laid: &[Laid], blocks: &[Block], i: usize, want: usize) -> f32 {
    let Some(l) = laid.get(i) else { return 0.0 };
    let space = blocks[i].space_before;
    if blocks[i].keep_with_next {
        return space + l.height() + lead(laid, blocks, i + 1, want);
    }
    let n = l.first_chunk().max(want.min(l.lines.len()));
    let h: f32 = space + l.lines[..n].iter().map(|x| x.height).sum::<f32>();
    if n >= want { h } else { h + lead(laid, blocks, i + 1, want - n) }
}

/// One column's laid blocks, and how far they have been placed.
pub struct Stream<'a> {
    /// Each block laid out as lines, in order.
    pub laid: Vec<Laid>,
    /// The blocks they were laid from (for their space and keep rules).
    pub blocks: &'a [Block],
    /// Left edge (from the content box's) and width of the column.
    pub x: f32,
    /// The column's width in points.
    pub width: f32,
    next: usize,
    line: usize,
}

impl<'a> Stream<'a> {
    /// A column of `laid` blocks at `x`, `width` wide, nothing placed yet.
    pub fn new(laid: Vec<Laid>, blocks: &'a [Block], x: f32, width: f32) -> Stream<'a> {
        Stream { laid, blocks, x, width, next: 0, line: 0 }
    }

    /// Whether every line has been placed.
    pub fn done(&self) -> bool {
        self.laid[self.next.min(self.laid.len())..].iter().all(|l| l.lines.is_empty())
    }

    /// Pours as much as fits between `top` and `bottom` into `frame`, at
    /// `x0` + the column's x, under the keep rules; returns where it ended.
    pub fn fill(
        &mut self,
        frame: &mut Frame,
        x0: f32,
        top: f32,
        bottom: f32,
        page: usize,
        marks: &mut Vec<Bookmark>,
    ) -> f32 {
        let (laid, blocks) = (&mut self.laid, self.blocks);
        let mut y = top;
        let mut placed = false;
        while self.next < laid.len() {
            let i = self.next;
            if laid[i].lines.is_empty() {
                self.next += 1;
                continue;
            }
            if self.line == 0 {
                let space = if placed { blocks[i].space_before } else { 0.0 };
                if placed && y + space + need(laid, blocks, i) > bottom {
                    return y;
                }
                y += space;
                if let Some(title) = &blocks[i].bookmark {
                    marks.push(Bookmark { title: title.clone(), page, y, level: 0 });
                }
            }
            let take = lines_that_fit(&laid[i], self.line, bottom - y, !placed);
            // Lines are poured once, so their items move into the frame.
            for line in &mut laid[i].lines[self.line..self.line + take] {
                for (p, item) in std::mem::take(&mut line.items) {
                    frame.items.push((Point { x: x0 + self.x + p.x, y: y + p.y }, item));
                }
                y += line.height;
            }
            placed |= take > 0;
            self.line += take;
            if self.line < laid[i].lines.len() {
                return y;
            }
            self.next += 1;
            self.line = 0;
        }
        y
    }
}

/// How many lines of `l`, from `from`, go on a page with `room` left,
/// keeping two lines on each side of a split. `fresh` pages must take at
/// least one line, so nothing loops forever.
fn lines_that_fit(l: &Laid, from: usize, room: f32, fresh: bool) -> usize {
    let rest = &l.lines[from..];
    let mut fit = 0;
    let mut h = 0.0;
    for line in rest {
        if h + line.height > room + 0.01 {
            break;
        }
        h += line.height;
        fit += 1;
    }
    if fit == rest.len() {
        return fit;
    }
    if l.splittable {
        // Leave at least two lines for the next page, and take at least two.
        let keep = fit.min(rest.len().saturating_sub(2));
        if keep >= 2 {
            return keep;
        }
    }
    if fresh { fit.max(1) } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::{Align, Span, Style};
    use crate::theme::Color;

    const LINE: f32 = 10.0;

    /// A block of `lines` lines, each tagged with a rule whose width encodes
    /// (block, line) so the test can see where it landed.
    fn block(id: usize, lines: usize, keep: bool, splittable: bool) -> (Laid, Block) {
        let lines = (0..lines)
            .map(|l| LaidLine {
                height: LINE,
                items: vec![(
                    Point::default(),
                    FrameItem::Rule {
                        width: (id * 100 + l) as f32,
                        thickness: 1.0,
                        color: Color::rgb(0, 0, 0),
                    },
                )],
            })
            .collect();
        let span = Span { text: String::new(), style: Style::default(), link: None };
        let para = Para::new(vec![span], Align::Left, 1.0);
        let mut b = Block::new(BlockKind::Text(para));
        b.keep_with_next = keep;
        (Laid { lines, splittable }, b)
    }

    /// Page index and order of each tagged line.
    fn pages_of(specs: &[(usize, bool, bool)], page_lines: usize) -> Vec<Vec<usize>> {
        let (laid, blocks): (Vec<_>, Vec<_>) =
            specs.iter().enumerate().map(|(i, &(n, keep, split))| block(i, n, keep, split)).unzip();
        let mut stream = Stream::new(laid, &blocks, 0.0, 100.0);
        let mut pages = Vec::new();
        while !stream.done() {
            let mut frame = Frame::default();
            stream.fill(
                &mut frame,
                0.0,
                0.0,
                page_lines as f32 * LINE,
                pages.len(),
                &mut Vec::new(),
            );
            pages.push(frame);
        }
        pages
            .iter()
            .map(|f| {
                f.items
                    .iter()
                    .filter_map(|(_, it)| match it {
                        FrameItem::Rule { width, .. } => Some(*width as usize),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn heading_never_ends_a_page() {
        // 8 lines of filler, then a heading and a 4-line paragraph; 10 lines a page.
        let pages = pages_of(&[(8, false, true), (1, true, false), (4, false, true)], 10);
        assert_eq!(pages[0].len(), 8, "{pages:?}");
        assert_eq!(pages[1][0], 100, "heading starts page 2: {pages:?}");
    }

    #[test]
    fn entry_header_keeps_two_lines_of_its_body() {
        // Room for header + 1 body line only: the header moves.
        let pages =
            pages_of(&[(8, false, true), (1, true, false), (1, false, true), (1, false, true)], 10);
        assert_eq!(pages[0], [0, 1, 2, 3, 4, 5, 6, 7], "{pages:?}");
        assert_eq!(pages[1], [100, 200, 300]);
    }

    #[test]
    fn paragraph_splits_leaving_no_widow() {
        // 5-line paragraph with room for 4: take 3, carry 2.
        let pages = pages_of(&[(6, false, false), (5, false, true)], 10);
        assert_eq!(pages[0][6..], [100, 101, 102], "{pages:?}");
        assert_eq!(pages[1], [103, 104]);
    }

    #[test]
    fn short_or_orphaned_paragraphs_move_whole() {
        // 3 lines with room for 2: no 2+1 or 1+2 split is allowed.
        let pages = pages_of(&[(8, false, false), (3, false, true)], 10);
        assert_eq!(pages[1], [100, 101, 102], "{pages:?}");
        // 6 lines with room for 1: an orphan; the paragraph moves.
        let pages = pages_of(&[(9, false, false), (6, false, true)], 10);
        assert_eq!(pages[1], [100, 101, 102, 103, 104, 105], "{pages:?}");
    }

    #[test]
    fn a_block_taller_than_a_page_still_flows() {
        let pages = pages_of(&[(25, false, false)], 10);
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [10, 10, 5]);
    }
}
