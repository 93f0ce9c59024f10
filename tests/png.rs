//! PNG previews (`--format png`) against poppler's rendering of the PDF
//! written in the same run: `pdftoppm -r DPI` must give an image of the
//! same size whose grayscale differs from ours by less than
//! [`THRESHOLD`] on average, and the same image shifted by one pixel must
//! not pass — so the threshold catches misplaced text and rules. No
//! 64-pixel square may differ by more than [`TILE_THRESHOLD`] either, which
//! catches local faults the page's mean dilutes (a missing photo: 160).
//!
//! Why the threshold: the two renderers place glyphs alike (baselines on
//! whole pixel rows, x to a quarter pixel) but anti-alias differently
//! (FreeType and fontdue spread a glyph's edge differently; photos are
//! resampled differently). On the seed résumé in classic, sidebar and
//! modern (with a photo) at 110 dpi that leaves a mean absolute difference
//! of 1.6 to 2.4 levels out of 255, over pages that are mostly white.
//! Moving our page by one pixel (under a quarter of a millimetre) raises it to 8
//! to 12.6; text set half a point low costs 9, a missing sidebar tint 4.9.
//! 3.5 sits well clear of both. The worst square is 5.5 to 8.2 where all is
//! well; 15 leaves room for that.

mod common;

use common::{Sandbox, tool};
use image::{GrayImage, RgbImage};

/// Largest mean absolute grayscale difference (0–255) accepted.
const THRESHOLD: f64 = 3.5;
/// Side of the squares [`worst_tile`] compares, in pixels (about 15 mm).
const TILE: u32 = 64;
/// Largest mean difference accepted in any one square.
const TILE_THRESHOLD: f64 = 15.0;

fn load(path: &std::path::Path) -> GrayImage {
    image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).to_luma8()
}

/// Mean absolute difference of two equally sized grayscale images.
fn mean_diff(a: &GrayImage, b: &GrayImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions(), "page sizes differ");
    let sum: u64 = a.pixels().zip(b.pixels()).map(|(p, q)| p.0[0].abs_diff(q.0[0]) as u64).sum();
    sum as f64 / (a.width() as u64 * a.height() as u64) as f64
}

/// The largest mean absolute difference over `TILE × TILE` squares: a
/// local fault (a missing photo, a misplaced line) that the page's mean
/// dilutes stands out here.
fn worst_tile(a: &GrayImage, b: &GrayImage) -> f64 {
    let mut worst: f64 = 0.0;
    for ty in (0..a.height()).step_by(TILE as usize) {
        for tx in (0..a.width()).step_by(TILE as usize) {
            let (w, h) = (TILE.min(a.width() - tx), TILE.min(a.height() - ty));
            let mut sum = 0u64;
            for y in ty..ty + h {
                for x in tx..tx + w {
                    sum += a.get_pixel(x, y).0[0].abs_diff(b.get_pixel(x, y).0[0]) as u64;
                }
            }
            worst = worst.max(sum as f64 / (w * h) as f64);
        }
    }
    worst
}

/// `img` moved `dx` pixels right and `dy` down, white coming in.
fn shifted(img: &GrayImage, dx: u32, dy: u32) -> GrayImage {
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        match (x.checked_sub(dx), y.checked_sub(dy)) {
            (Some(sx), Some(sy)) => *img.get_pixel(sx, sy),
            _ => image::Luma([255]),
        }
    })
}

/// Renders the seed with `args` as PDF and PNG at `dpi`, rasterises the
/// PDF with pdftoppm, and returns (ours, poppler's) per page.
fn both(sb: &Sandbox, args: &[&str], dpi: u32) -> Vec<(GrayImage, GrayImage)> {
    let dpi_s = dpi.to_string();
    let mut all = vec!["render", "-f", "pdf,png", "--dpi", &dpi_s];
    all.extend(args);
    let run = sb.vita(&all);
    run.assert_ok();
    let pdf = sb.path("out/resume.pdf");
    let prefix = sb.path("poppler");
    let out =
        tool("pdftoppm", &["-r", &dpi_s, "-png", pdf.to_str().unwrap(), prefix.to_str().unwrap()]);
    assert!(out.status.success(), "pdftoppm failed: {}", String::from_utf8_lossy(&out.stderr));
    let mut pages = Vec::new();
    for n in 1.. {
        let ours = sb.path(&format!("out/resume-{n}.png"));
        if !ours.exists() {
            break;
        }
        // pdftoppm pads the page number to the page count's width.
        let theirs = std::fs::read_dir(sb.dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                name.starts_with("poppler-")
                    && name.trim_start_matches("poppler-").trim_end_matches(".png").parse() == Ok(n)
            })
            .unwrap_or_else(|| panic!("pdftoppm wrote no page {n}{}", run.report()));
        pages.push((load(&ours), load(&theirs)));
        std::fs::remove_file(theirs).unwrap();
    }
    assert!(!pages.is_empty(), "no PNG written{}", run.report());
    pages
}

/// Gives the sandbox's seed a photo: a gradient with a dark disc, so that
/// a misplaced or unscaled picture shows.
fn add_photo(sb: &Sandbox) {
    let img = RgbImage::from_fn(400, 400, |x, y| {
        let d = ((x as f32 - 150.0).powi(2) + (y as f32 - 220.0).powi(2)).sqrt();
        match d < 90.0 {
            true => image::Rgb([30, 30, 60]),
            false => image::Rgb([(x / 2) as u8, (y / 2) as u8, 180]),
        }
    });
    img.save(sb.path("data/me.png")).unwrap();
    let toml = std::fs::read_to_string(sb.path("data/resume.toml")).unwrap();
    sb.write("data/resume.toml", toml.replacen("[basics]\n", "[basics]\nimage = \"me.png\"\n", 1));
}

#[test]
fn previews_match_poppler_and_a_shifted_page_does_not() {
    let sb = Sandbox::new();
    add_photo(&sb);
    // Classic: small capitals, ligatures, hairlines; sidebar: a tinted
    // column; modern: the photo in a circle.
    for theme in ["classic", "sidebar", "modern"] {
        let pages = both(&sb, &["--theme", theme], 110);
        assert_eq!(pages.len(), 2, "{theme}: the seed has two pages");
        for (n, (ours, theirs)) in pages.iter().enumerate() {
            let d = mean_diff(ours, theirs);
            let tile = worst_tile(ours, theirs);
            let moved = mean_diff(&shifted(ours, 1, 0), theirs);
            let dropped = mean_diff(&shifted(ours, 0, 1), theirs);
            eprintln!(
                "{theme} page {}: {d:.2} (worst tile {tile:.2}); shifted right {moved:.2}, down {dropped:.2}",
                n + 1
            );
            assert!(tile < TILE_THRESHOLD, "{theme} page {}: a tile differs by {tile:.2}", n + 1);
            assert!(d < THRESHOLD, "{theme} page {}: differs by {d:.2} ≥ {THRESHOLD}", n + 1);
            assert!(
                moved > THRESHOLD,
                "{theme} page {}: one pixel right passes ({moved:.2})",
                n + 1
            );
            assert!(
                dropped > THRESHOLD,
                "{theme} page {}: one pixel down passes ({dropped:.2})",
                n + 1
            );
        }
    }
}

#[test]
fn dpi_sets_the_size_and_stale_pages_are_removed() {
    let sb = Sandbox::new();
    sb.vita(&["render", "-f", "png", "--dpi", "72"]).assert_ok();
    let page: RgbImage = image::open(sb.path("out/resume-1.png")).unwrap().to_rgb8();
    // The seed's theme is A4: 595.3 × 841.9 pt, one pixel a point at 72 dpi.
    assert_eq!(page.dimensions(), (596, 842));
    assert!(sb.path("out/resume-2.png").exists());
    assert!(!sb.path("out/resume.pdf").exists(), "only what was asked for is written");
    // Squeezed onto one page, the old second preview goes.
    let run = sb.vita(&["render", "-f", "png", "--dpi", "72", "--fit-pages", "1"]);
    run.assert_ok();
    assert!(sb.path("out/resume-1.png").exists(), "{}", run.report());
    assert!(!sb.path("out/resume-2.png").exists(), "a stale page stayed{}", run.report());
    let bad = sb.vita(&["render", "-f", "png", "--dpi", "5"]);
    assert_eq!(bad.code(), Some(2), "{}", bad.report());
}
