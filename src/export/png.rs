//! PNG previews: laid-out frames → one raster image per page, drawn with
//! fontdue (glyphs by their font glyph id, the same ids the PDF embeds) and
//! encoded with the image crate. No external tool and no PDF parsing: the
//! preview is drawn from the same frames as the PDF, so text, rules, tints
//! and the photo land where they land in the PDF.
//!
//! Geometry: frames are in points from the top-left, y down; a page of
//! `w × h` points becomes `ceil(w·dpi/72) × ceil(h·dpi/72)` pixels, as
//! `pdftoppm -r DPI` makes it. Glyphs are anti-aliased and placed as
//! poppler places them: baselines on whole pixel rows, x to a quarter
//! pixel (fontdue rasterises on the pixel grid, so the coverage is shifted
//! by the remainder with linear weights).
//! Rules are snapped to whole pixel rows and at least one pixel thick, the
//! way PDF viewers "stroke-adjust" hairlines, so they stay crisp. Links are
//! not drawn.

use crate::error::Error;
use crate::fonts::FaceId;
use crate::layout::{Document, Frame, FrameItem, TextRun};
use crate::photo::Photo;
use crate::theme::Color;
use image::{ImageEncoder, RgbImage};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Mutex;

/// Resolution of a preview when none is asked for: a page reads well on a
/// screen and an A4 page is about 910 × 1290 pixels.
pub const DEFAULT_DPI: f32 = 110.0;
/// The resolutions `--dpi` accepts.
pub const DPI_RANGE: std::ops::RangeInclusive<u16> = 36..=600;

/// Renders every page of `doc` to PNG bytes, in page order. Parsing a
/// face for fontdue is the slow part (it outlines every glyph), so the
/// faces the document uses are parsed side by side first, then the pages
/// are drawn side by side.
pub fn render(doc: &Document, dpi: f32) -> Result<Vec<Vec<u8>>, Error> {
    let mut faces: Vec<FaceId> = doc
        .pages
        .iter()
        .flat_map(|f| &f.items)
        .filter_map(|(_, item)| match item {
            FrameItem::Text(run) => Some(run.face),
            _ => None,
        })
        .collect();
    faces.sort_unstable();
    faces.dedup();
    // Bundled faces are parsed for fontdue up front, in parallel; found
    // ones are drawn from their outlines, glyph by glyph (`outline`).
    faces.retain(|&face| face < crate::fonts::BUNDLED.len());
    faces.par_iter().for_each(|&face| {
        font(face);
    });
    doc.pages.par_iter().map(|frame| encode(&rasterize(frame, dpi))).collect()
}

/// Encodes an image as an 8-bit RGB PNG (deflate at its default level:
/// half the size of the fastest setting, for a few milliseconds a page).
pub fn encode(img: &RgbImage) -> Result<Vec<u8>, Error> {
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive)
        .write_image(img.as_raw(), img.width(), img.height(), image::ExtendedColorType::Rgb8)
        .map_err(|e| Error::Png(e.to_string()))?;
    Ok(out)
}

/// Draws one page on white at `dpi` pixels per inch, items in frame order.
/// Faces come from the font registry by the ids the layout's font book gave them.
pub fn rasterize(frame: &Frame, dpi: f32) -> RgbImage {
    let scale = dpi / 72.0;
    let w = (frame.width * scale).ceil().max(1.0) as u32;
    let h = (frame.height * scale).ceil().max(1.0) as u32;
    let mut canvas = Canvas { img: RgbImage::from_pixel(w, h, image::Rgb([255; 3])), scale };
    let mut glyphs = GlyphCache::default();
    for (p, item) in &frame.items {
        match item {
            FrameItem::Text(run) => {
                // The PDF states positions to 1/100 pt from the page's
                // foot; a baseline on the edge of a pixel row must fall on
                // the same side here as there.
                let y = frame.height - ((frame.height - p.y) * 100.0).round() / 100.0;
                canvas.text(p.x, y, run, &mut glyphs)
            }
            FrameItem::Rule { width, thickness, color } => {
                canvas.rule(p.x, p.y, *width, *thickness, *color)
            }
            FrameItem::Rect { width, height, color } => {
                canvas.fill(p.x * scale, p.y * scale, width * scale, height * scale, *color)
            }
            FrameItem::Image { width, height, photo, .. } => {
                canvas.image(p.x, p.y, *width, *height, photo)
            }
            FrameItem::Link { .. } => {}
        }
    }
    canvas.img
}

/// fontdue faces, parsed on first use and shared by every render in the
/// process (a watch loop or a batch parses each face once).
fn font(face: FaceId) -> &'static fontdue::Font {
    static FONTS: Mutex<Vec<(FaceId, &'static fontdue::Font)>> = Mutex::new(Vec::new());
    let mut fonts = FONTS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, font)) = fonts.iter().find(|(id, _)| *id == face) {
        return font;
    }
    let settings = fontdue::FontSettings {
        collection_index: 0,
        scale: 40.0,
        // fontdue outlines only the glyphs it can reach: from the cmap,
        // and with this, through GSUB (ligatures, small capitals).
        load_substitutions: true,
    };
    let data = crate::fonts::registry::get(face).data;
    let font =
        fontdue::Font::from_bytes(data, settings).expect("faces are checked when registered");
    let font: &'static fontdue::Font = Box::leak(Box::new(font));
    fonts.push((face, font));
    font
}

/// Rasterised glyphs of one page, by face, glyph id and pixel size.
#[derive(Default)]
struct GlyphCache {
    map: HashMap<(FaceId, u16, u32), (fontdue::Metrics, Vec<u8>)>,
}

impl GlyphCache {
    fn get(&mut self, face: FaceId, glyph: u16, px: f32) -> &(fontdue::Metrics, Vec<u8>) {
        self.map.entry((face, glyph, px.to_bits())).or_insert_with(|| {
            match face < crate::fonts::BUNDLED.len() {
                true => font(face).rasterize_indexed(glyph, px),
                false => outline(face, glyph, px),
            }
        })
    }
}

/// A glyph of a found face, rasterised from its outline alone. fontdue
/// outlines every glyph of a face up front, which for a CJK font of 65,000
/// glyphs takes seconds and a gigabyte; this reads only the glyphs drawn,
/// through ttf-parser (TrueType and CFF alike), with the same metrics.
fn outline(face: FaceId, glyph: u16, px: f32) -> (fontdue::Metrics, Vec<u8>) {
    let ttf = crate::fonts::registry::get(face).parsed();
    let id = ttf_parser::GlyphId(glyph);
    let scale = px / ttf.units_per_em() as f32;
    let advance_width = ttf.glyph_hor_advance(id).unwrap_or(0) as f32 * scale;
    let Some(b) = ttf.glyph_bounding_box(id) else {
        return (fontdue::Metrics { advance_width, ..Default::default() }, Vec::new());
    };
    let (x0, y0) = ((b.x_min as f32 * scale).floor(), (b.y_min as f32 * scale).floor());
    let (x1, y1) = ((b.x_max as f32 * scale).ceil(), (b.y_max as f32 * scale).ceil());
    let (w, h) = ((x1 - x0).max(1.0) as usize, (y1 - y0).max(1.0) as usize);
    let mut pen = Pen {
        raster: ab_glyph_rasterizer::Rasterizer::new(w, h),
        at: (0.0, 0.0),
        start: (0.0, 0.0),
        map: (scale, x0, y1),
    };
    ttf.outline_glyph(id, &mut pen);
    let mut coverage = vec![0u8; w * h];
    pen.raster.for_each_pixel_2d(|x, y, a| {
        coverage[y as usize * w + x as usize] = (a.clamp(0.0, 1.0) * 255.0).round() as u8;
    });
    let metrics = fontdue::Metrics {
        xmin: x0 as i32,
        ymin: y0 as i32,
        width: w,
        height: h,
        advance_width,
        advance_height: 0.0,
        bounds: Default::default(),
    };
    (metrics, coverage)
}

/// Draws an outline into a rasteriser: font units, y up, mapped to the
/// glyph's bitmap, y down (`map`: scale, left edge, top edge in pixels).
struct Pen {
    raster: ab_glyph_rasterizer::Rasterizer,
    at: (f32, f32),
    start: (f32, f32),
    map: (f32, f32, f32),
}

impl Pen {
    fn point(&self, x: f32, y: f32) -> ab_glyph_rasterizer::Point {
        let (s, left, top) = self.map;
        ab_glyph_rasterizer::point(x * s - left, top - y * s)
    }
}

impl ttf_parser::OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        (self.at, self.start) = ((x, y), (x, y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (a, b) = (self.point(self.at.0, self.at.1), self.point(x, y));
        self.raster.draw_line(a, b);
        self.at = (x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (a, c, b) = (self.point(self.at.0, self.at.1), self.point(x1, y1), self.point(x, y));
        self.raster.draw_quad(a, c, b);
        self.at = (x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let a = self.point(self.at.0, self.at.1);
        let (c1, c2, b) = (self.point(x1, y1), self.point(x2, y2), self.point(x, y));
        self.raster.draw_cubic(a, c1, c2, b);
        self.at = (x, y);
    }
    fn close(&mut self) {
        if self.at != self.start {
            self.line_to(self.start.0, self.start.1);
        }
    }
}

struct Canvas {
    img: RgbImage,
    /// Pixels per point.
    scale: f32,
}

impl Canvas {
    /// Mixes `color` into the pixel at (x, y) with `alpha` in 0..=1.
    fn blend(&mut self, x: i64, y: i64, color: [u8; 3], alpha: f32) {
        if alpha <= 0.0 || x < 0 || y < 0 || x >= self.img.width() as i64 {
            return;
        }
        let Some(px) = self.img.get_pixel_mut_checked(x as u32, y as u32) else { return };
        let a = alpha.min(1.0);
        for (dst, src) in px.0.iter_mut().zip(color) {
            *dst = (*dst as f32 * (1.0 - a) + src as f32 * a).round() as u8;
        }
    }

    /// The pixel columns and rows a box from (x0, y0) to (x1, y1) pixels
    /// touches, clipped to the page: whatever the box, no more work than
    /// the page has pixels (a NaN edge gives nothing).
    fn clip(
        &self,
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
    ) -> (std::ops::Range<i64>, std::ops::Range<i64>) {
        let (w, h) = (self.img.width() as f32, self.img.height() as f32);
        // `as` saturates and maps NaN to 0, so every bound is in 0..=w/h.
        let span = |a: f32, b: f32, most: f32| {
            a.floor().clamp(0.0, most) as i64..b.ceil().clamp(0.0, most) as i64
        };
        (span(x0, x1, w), span(y0, y1, h))
    }

    /// Fills a rectangle given in pixels, edges anti-aliased by the share
    /// of each pixel they cover.
    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, color: Color) {
        let (x1, y1) = (x + w, y + h);
        let rgb = [color.r, color.g, color.b];
        let (cols, rows) = self.clip(x, y, x1, y1);
        for py in rows {
            let cy = overlap(py as f32, y, y1);
            for px in cols.clone() {
                self.blend(px, py, rgb, cy * overlap(px as f32, x, x1));
            }
        }
    }

    /// A rule whose stroke spans `y .. y + thickness` (points): snapped to
    /// whole pixel rows, at least one row thick.
    fn rule(&mut self, x: f32, y: f32, width: f32, thickness: f32, color: Color) {
        let s = self.scale;
        let top = (y * s).round();
        let bottom = ((y + thickness) * s).round().max(top + 1.0);
        self.fill(x * s, top, width * s, bottom - top, color);
    }

    /// A run of glyphs on the baseline that starts at (x, y) points.
    fn text(&mut self, x: f32, y: f32, run: &TextRun, cache: &mut GlyphCache) {
        let s = self.scale;
        let px = run.size * s;
        let rgb = [run.color.r, run.color.g, run.color.b];
        let mut pen = x;
        for g in &run.glyphs {
            let (metrics, coverage) = cache.get(run.face, g.id, px);
            if metrics.width > 0 && metrics.height > 0 {
                // Poppler's placement: x in quarter pixels, the baseline
                // on a whole pixel row (crisp, and the previews then
                // match `pdftoppm` closely).
                let ox = ((pen + g.dx) * s * 4.0).floor() / 4.0;
                let baseline = ((y - g.dy) * s).floor();
                let left = ox.floor() as i64 + metrics.xmin as i64;
                let top = baseline as i64 - (metrics.ymin as i64 + metrics.height as i64);
                let fx = ox - ox.floor();
                let w = metrics.width;
                for (row, line) in coverage.chunks(w).enumerate() {
                    // Coverage shifted right by fx, spread over w + 1 pixels.
                    let mut prev = 0.0;
                    for cx in 0..=w {
                        let c = line.get(cx).map_or(0.0, |&c| c as f32);
                        let a = (c * (1.0 - fx) + prev * fx) / 255.0;
                        prev = c;
                        self.blend(left + cx as i64, top + row as i64, rgb, a);
                    }
                }
            }
            pen += g.advance;
        }
    }

    /// Draws the photo into the box at (x, y) points, `w × h`, honouring
    /// its alpha (a circle's mask). Each pixel averages `n × n` bilinear
    /// samples, `n` the source pixels per target pixel, so a downscaled
    /// photo is smoothed as a viewer would, not aliased.
    fn image(&mut self, x: f32, y: f32, w: f32, h: f32, photo: &Photo) {
        let s = self.scale;
        let (x0, y0, x1, y1) = (x * s, y * s, (x + w) * s, (y + h) * s);
        let (pw, ph) = (photo.width as f32, photo.height as f32);
        let n = (pw / (x1 - x0)).max(ph / (y1 - y0)).ceil().clamp(1.0, 16.0) as usize;
        let (cols, rows) = self.clip(x0, y0, x1, y1);
        for py in rows {
            let cy = overlap(py as f32, y0, y1);
            for px in cols.clone() {
                let cx = overlap(px as f32, x0, x1);
                // Premultiplied sums, so transparent samples add no colour.
                let mut sum = [0.0f32; 4];
                for j in 0..n {
                    let v = (py as f32 + (j as f32 + 0.5) / n as f32 - y0) / (y1 - y0) * ph;
                    for i in 0..n {
                        let u = (px as f32 + (i as f32 + 0.5) / n as f32 - x0) / (x1 - x0) * pw;
                        let t = bilinear(photo, u - 0.5, v - 0.5);
                        for k in 0..3 {
                            sum[k] += t[k] * t[3];
                        }
                        sum[3] += t[3];
                    }
                }
                if sum[3] > 0.0 {
                    let rgb = [0, 1, 2].map(|k| (sum[k] / sum[3]).round().clamp(0.0, 255.0) as u8);
                    let alpha = sum[3] / (n * n) as f32 / 255.0;
                    self.blend(px, py, rgb, alpha * cx * cy);
                }
            }
        }
    }
}

/// The photo's RGBA at (u, v) in its pixels (centres at whole numbers),
/// interpolated between the four nearest, edges clamped.
fn bilinear(photo: &Photo, u: f32, v: f32) -> [f32; 4] {
    let (w, h) = (photo.width as usize, photo.height as usize);
    let (u, v) = (u.clamp(0.0, w as f32 - 1.0), v.clamp(0.0, h as f32 - 1.0));
    let (i, j) = (u.floor() as usize, v.floor() as usize);
    let (fu, fv) = (u - u.floor(), v - v.floor());
    let texel = |i: usize, j: usize| {
        let o = (j.min(h - 1) * w + i.min(w - 1)) * 4;
        &photo.rgba[o..o + 4]
    };
    let mut out = [0.0f32; 4];
    for (di, dj, wgt) in [
        (0, 0, (1.0 - fu) * (1.0 - fv)),
        (1, 0, fu * (1.0 - fv)),
        (0, 1, (1.0 - fu) * fv),
        (1, 1, fu * fv),
    ] {
        let t = texel(i + di, j + dj);
        for k in 0..4 {
            out[k] += t[k] as f32 * wgt;
        }
    }
    out
}

/// How much of the pixel `[p, p + 1)` lies within `[a, b)`.
fn overlap(p: f32, a: f32, b: f32) -> f32 {
    (b.min(p + 1.0) - a.max(p)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontBook;
    use crate::layout::{Glyph, Point};

    fn frame(items: Vec<(Point, FrameItem)>) -> Frame {
        Frame { width: 72.0, height: 72.0, items }
    }

    fn dark(img: &RgbImage) -> Vec<(u32, u32)> {
        img.enumerate_pixels().filter(|(_, _, p)| p.0[0] < 128).map(|(x, y, _)| (x, y)).collect()
    }

    #[test]
    fn page_size_follows_dpi_and_rules_snap_to_rows() {
        let red = Color::rgb(200, 0, 0);
        let rule = FrameItem::Rule { width: 36.0, thickness: 0.4, color: red };
        let img = rasterize(&frame(vec![(Point { x: 18.0, y: 36.0 }, rule)]), 144.0);
        assert_eq!(img.dimensions(), (144, 144));
        let row: Vec<u32> = (0..144).filter(|&y| img.get_pixel(72, y).0 == [200, 0, 0]).collect();
        assert_eq!(row, vec![72], "a hairline is one full row at y = 36 pt");
        assert_eq!(img.get_pixel(35, 72).0, [255; 3], "left of the rule is white");
        assert_eq!(img.get_pixel(36, 72).0, [200, 0, 0], "the rule starts at x = 18 pt");
        assert_eq!(img.get_pixel(108, 72).0, [255; 3], "and ends at 54 pt");
    }

    #[test]
    fn glyphs_sit_on_the_baseline_at_their_pen_position() {
        let book = FontBook::new();
        let face = book.select("Lato", false, false).unwrap();
        let id = book.face(face).glyph_index('H').unwrap().0;
        let glyph = Glyph { id, advance: 20.0, dx: 0.0, dy: 0.0, cluster: 0 };
        let run = TextRun {
            face,
            size: 30.0,
            color: Color::rgb(0, 0, 0),
            text: "H".into(),
            glyphs: vec![glyph],
            actual: None,
            artifact: false,
            bridge: false,
            tag: Default::default(),
        };
        let img = rasterize(&frame(vec![(Point { x: 20.0, y: 50.0 }, FrameItem::Text(run))]), 72.0);
        let ink = dark(&img);
        let (x0, x1) =
            (ink.iter().map(|p| p.0).min().unwrap(), ink.iter().map(|p| p.0).max().unwrap());
        let (y0, y1) =
            (ink.iter().map(|p| p.1).min().unwrap(), ink.iter().map(|p| p.1).max().unwrap());
        let [bx0, by0, bx1, by1] = book.glyph_bounds(face, id).unwrap().map(|v| v * 30.0);
        assert!((x0 as f32 - (20.0 + bx0)).abs() <= 1.0, "left edge {x0} vs {}", 20.0 + bx0);
        assert!((x1 as f32 + 1.0 - (20.0 + bx1)).abs() <= 1.0, "right edge {x1}");
        assert_eq!(y1, 49, "the H stands on the baseline at y = 50");
        assert!((y0 as f32 - (50.0 - by1)).abs() <= 1.0, "cap height {y0} vs {}", 50.0 - by1);
        assert!(by0.abs() < 0.5);
    }

    #[test]
    fn huge_and_invalid_boxes_are_clipped_to_the_page() {
        let black = Color::rgb(0, 0, 0);
        let started = std::time::Instant::now();
        let items = vec![
            (
                Point { x: -1e30, y: 10.0 },
                FrameItem::Rule { width: 1e31, thickness: 1e30, color: black },
            ),
            (
                Point { x: 0.0, y: 0.0 },
                FrameItem::Rect { width: f32::INFINITY, height: 1e20, color: black },
            ),
            (
                Point { x: f32::NAN, y: 0.0 },
                FrameItem::Rect { width: 5.0, height: f32::NAN, color: black },
            ),
        ];
        let img = rasterize(&frame(items), 72.0);
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
        assert_eq!(img.get_pixel(71, 71).0, [0; 3], "the rule covers the page below it");
        let photo = std::sync::Arc::new(Photo { width: 1, height: 1, rgba: vec![0, 0, 0, 255] });
        let image = FrameItem::Image { width: 1e7, height: 1e7, photo, tag: Default::default() };
        let started = std::time::Instant::now();
        let img = rasterize(&frame(vec![(Point { x: 0.0, y: 0.0 }, image)]), 72.0);
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
        assert_eq!(img.get_pixel(0, 0).0, [0; 3]);
    }

    #[test]
    fn photos_keep_their_alpha_and_tints_blend() {
        let side = 4;
        let mut rgba = vec![0u8; 4 * 4 * 4];
        for (i, px) in rgba.chunks_mut(4).enumerate() {
            // Left half opaque blue, right half transparent.
            if i % 4 < 2 {
                px.copy_from_slice(&[0, 0, 255, 255]);
            }
        }
        let photo = std::sync::Arc::new(Photo { width: side, height: side, rgba });
        let tint = FrameItem::Rect { width: 72.0, height: 36.0, color: Color::rgb(0, 200, 0) };
        let image = FrameItem::Image { width: 40.0, height: 40.0, photo, tag: Default::default() };
        let img = rasterize(
            &frame(vec![(Point { x: 0.0, y: 0.0 }, tint), (Point { x: 16.0, y: 16.0 }, image)]),
            72.0,
        );
        assert_eq!(img.get_pixel(5, 5).0, [0, 200, 0], "tint");
        assert_eq!(img.get_pixel(5, 50).0, [255; 3], "below the tint");
        assert_eq!(img.get_pixel(22, 30).0, [0, 0, 255], "opaque half of the photo");
        assert_eq!(img.get_pixel(50, 30).0, [0, 200, 0], "transparent half shows the tint");
        assert_eq!(img.get_pixel(50, 45).0, [255; 3], "and the page below it");
    }
}
