//! Pages: the header band across the top of page 1, then each column's
//! stream poured into its region page after page until every column is
//! done (a column that ends early leaves the others to continue), then the
//! running elements — footer and continuation header.
//!
//! Items go into each page's frame in reading order: column tints, the
//! band (or continuation header), the columns in the theme's reading
//! order, the footer last. Exporters keep that order, so text extraction
//! reads one column at a time.

use super::flow::{Laid, Stream};
use super::frame::{Document, Frame, FrameItem, Point, Rect};
use super::inline::{Ctx, break_lines};
use crate::compose::{Align, Para, Running, Span};
use crate::theme::{Color, Theme};

/// Space between the header band and the columns, and around tints.
const BAND_GAP: f32 = 10.0;
const TINT_PAD: f32 = 6.0;

/// Leading of the running header and footer lines.
const RUNNING_LEADING: f32 = 1.2;
/// No résumé needs more pages than this; it guards against runaway input.
pub const MAX_PAGES: usize = 200;

/// The page geometry in points.
pub struct Geometry {
    /// Page width and height.
    pub page: (f32, f32),
    /// The box the content fills.
    pub content: Rect,
    /// On the first page, where the columns start at the earliest
    /// ([`crate::compose::Composed::column_top`]).
    pub column_top: Option<crate::compose::ColumnTop>,
}

/// A tinted strip behind a column (or a column's rail), on every page:
/// its left edge and width from the content box's left edge.
#[derive(Debug, Clone, Copy)]
pub struct Tint {
    /// Left edge, in points from the content box's left edge.
    pub x: f32,
    /// Width in points.
    pub width: f32,
    /// Fill colour.
    pub color: Color,
}

/// Lays the band and the streams onto pages, then adds running elements.
pub fn paginate(
    band: &Laid,
    streams: &mut [Stream],
    tints: &[Tint],
    running: &Running,
    theme: &Theme,
    geo: &Geometry,
    ctx: &mut Ctx,
) -> Document {
    let Rect { left: x0, top, bottom: content_bottom, .. } = geo.content;
    let mut doc = Document { content_box: geo.content, ..Document::default() };
    // The footer lives at the foot of the content box; the columns stop above it.
    let bottom = content_bottom - footer_room(running, theme);
    let continuation = theme
        .running
        .continuation_header
        .then(|| running_line(&running.name, running.style, Align::Left, geo, ctx));
    while doc.pages.len() < MAX_PAGES {
        let page = doc.pages.len();
        let mut frame = Frame { width: geo.page.0, height: geo.page.1, items: Vec::new() };
        let mut region_top = top;
        if page == 0 && !band.lines.is_empty() {
            let mut y = top;
            for line in &band.lines {
                frame.items.extend(
                    line.items
                        .iter()
                        .map(|(p, it)| (Point { x: x0 + p.x, y: y + p.y }, it.clone())),
                );
                y += line.height;
            }
            region_top = y + BAND_GAP;
            if let Some(floor) = geo.column_top {
                if floor.window && region_top > floor.y + 0.5 {
                    let by_mm = (region_top - floor.y) / crate::theme::mm(1.0);
                    ctx.warnings.push(crate::layout::Warning::BelowWindow { by_mm });
                }
                region_top = region_top.max(floor.y);
            }
        } else if let Some(header) = &continuation {
            let items = header.lines.first().map(|l| l.items.clone()).unwrap_or_default();
            frame
                .items
                .extend(items.into_iter().map(|(p, it)| (Point { x: x0 + p.x, y: top + p.y }, it)));
            region_top = top + header.lines.first().map_or(0.0, |l| l.height) + BAND_GAP / 2.0;
        }
        // Tints go first, under everything else.
        let rects = tints.iter().map(|t| {
            let at = Point { x: x0 + t.x - TINT_PAD, y: region_top - TINT_PAD };
            let height = bottom - region_top + 2.0 * TINT_PAD;
            (at, FrameItem::Rect { width: t.width + 2.0 * TINT_PAD, height, color: t.color })
        });
        frame.items.splice(0..0, rects);
        let mut marks = Vec::new();
        for stream in streams.iter_mut().filter(|s| !s.done()) {
            stream.fill(&mut frame, x0, region_top, bottom, page, &mut marks);
        }
        doc.bookmarks.extend(marks);
        doc.pages.push(frame);
        if streams.iter().all(Stream::done) {
            break;
        }
    }
    if !streams.iter().all(Stream::done) {
        doc.truncated = true;
        ctx.warnings.push(crate::layout::Warning::TooManyPages { most: MAX_PAGES });
    }
    add_footers(&mut doc, running, theme, geo, ctx);
    doc
}

/// Height kept free for the footer at the foot of every page.
fn footer_room(running: &Running, theme: &Theme) -> f32 {
    if theme.running.footer || running.updated.is_some() {
        running.style.size * RUNNING_LEADING + BAND_GAP
    } else {
        0.0
    }
}

/// "Alex Doe — 2 / 3" (and the update note) at the foot of every page of a
/// résumé longer than one page.
fn add_footers(
    doc: &mut Document,
    running: &Running,
    theme: &Theme,
    geo: &Geometry,
    ctx: &mut Ctx,
) {
    let pages = doc.pages.len();
    let footer = theme.running.footer && pages > 1;
    if !footer && running.updated.is_none() {
        return;
    }
    let Rect { left: x0, bottom, .. } = geo.content;
    for (n, frame) in doc.pages.iter_mut().enumerate() {
        let mut parts = Vec::new();
        if footer {
            let text = theme.running.footer_text.replace("{folio}", &running.folio);
            let text = text.replace("{name}", &running.name);
            parts.push(
                text.replace("{page}", &(n + 1).to_string()).replace("{pages}", &pages.to_string()),
            );
        }
        parts.extend(running.updated.clone());
        let laid = running_line(&parts.join("  ·  "), running.style, Align::Center, geo, ctx);
        let Some(line) = laid.lines.first() else { continue };
        // At the foot of the content box, in the room the columns left.
        let y = bottom - line.height;
        frame.items.extend(
            line.items.iter().map(|(p, it)| (Point { x: x0 + p.x, y: y + p.y }, it.clone())),
        );
    }
}

/// One line of running text across the content width.
fn running_line(
    text: &str,
    style: crate::compose::Style,
    align: Align,
    geo: &Geometry,
    ctx: &mut Ctx,
) -> Laid {
    let width = geo.content.width();
    let span = Span { text: text.to_string(), style, link: None };
    let para = Para::new(vec![span], align, RUNNING_LEADING);
    let mut lines = break_lines(&para, width, ctx);
    for (_, run) in lines.iter_mut().flat_map(|l| l.runs.iter_mut()) {
        run.artifact = true;
    }
    Laid {
        lines: lines.into_iter().take(1).map(|l| super::flow::line_items(l, 0.0)).collect(),
        splittable: false,
    }
}
