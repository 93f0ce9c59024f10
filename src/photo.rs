//! The résumé's photo: read through the image crate (JPEG or PNG), checked
//! against a decompression-bomb limit, cropped to a centred square, scaled,
//! and given a round alpha mask when the theme asks for a circle.

use crate::diag::Diagnostic;
use image::{GenericImageView, ImageReader, imageops::FilterType};
use std::path::Path;

/// Largest picture accepted by default, in pixels (a 40-megapixel camera
/// image); `--max-pixels` changes it.
pub const MAX_PIXELS: u64 = crate::limits::DEFAULT_PIXELS;
/// Side of the embedded picture in pixels: about 300 dpi at 25 mm.
pub const SIDE: u32 = 300;

/// How a theme frames the photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// No photo, even if the résumé has one.
    #[default]
    None,
    Square,
    Circle,
}

/// A square RGBA picture ready to embed.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    pub side: u32,
    /// `side × side` pixels, RGBA, row by row.
    pub rgba: Vec<u8>,
}

/// Loads `path` and frames it as `shape`.
pub fn load(path: &Path, shape: Shape) -> Result<Photo, Diagnostic> {
    load_limited(path, shape, MAX_PIXELS)
}

/// Loads `path`, refusing it before decoding when its header claims more
/// than `max_pixels` pixels, and frames it as `shape`.
pub fn load_limited(path: &Path, shape: Shape, max_pixels: u64) -> Result<Photo, Diagnostic> {
    let fail = |what: String| Diagnostic::new(what).in_file(path);
    // A folder or a device (a pipe would block the read forever).
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(fail("the photo is not a file".into())
            .with_hint("basics.image names a JPEG or PNG file, relative to the résumé"));
    }
    let reader = ImageReader::open(path)
        .map_err(|e| {
            fail(format!("cannot read the photo: {e}"))
                .with_hint("basics.image is resolved relative to the résumé")
        })?
        .with_guessed_format()
        .map_err(|e| fail(format!("cannot read the photo: {e}")))?;
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| fail(format!("the photo is not a JPEG or PNG image vita can read: {e}")))?;
    if (w as u64) * (h as u64) > max_pixels {
        return Err(fail(format!(
            "the photo is {w} × {h} pixels; vita reads at most {max_pixels} pixels"
        ))
        .with_hint("scale it down (a résumé photo needs about 300 × 300), or raise --max-pixels"));
    }
    let img = ImageReader::open(path)
        .and_then(|r| r.with_guessed_format())
        .map_err(|e| fail(format!("cannot read the photo: {e}")))?
        .decode()
        .map_err(|e| fail(format!("the photo cannot be decoded: {e}")))?;
    let (w, h) = img.dimensions();
    let side = w.min(h);
    let square = img.crop_imm((w - side) / 2, (h - side) / 2, side, side);
    let mut rgba = square.resize_exact(SIDE, SIDE, FilterType::Lanczos3).to_rgba8();
    if shape == Shape::Circle {
        let r = SIDE as f32 / 2.0;
        for (x, y, px) in rgba.enumerate_pixels_mut() {
            let d = ((x as f32 + 0.5 - r).powi(2) + (y as f32 + 0.5 - r).powi(2)).sqrt();
            // One pixel of antialiasing at the edge.
            let coverage = (r - d + 0.5).clamp(0.0, 1.0);
            px.0[3] = (px.0[3] as f32 * coverage).round() as u8;
        }
    }
    Ok(Photo { side: SIDE, rgba: rgba.into_raw() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_png(dir: &Path, w: u32, h: u32) -> std::path::PathBuf {
        let path = dir.join("p.png");
        image::RgbImage::from_fn(w, h, |x, _| image::Rgb([(x % 256) as u8, 100, 150]))
            .save(&path)
            .unwrap();
        path
    }

    #[test]
    fn crops_to_a_centred_square_and_masks_a_circle() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_png(dir.path(), 400, 200);
        let square = load(&path, Shape::Square).unwrap();
        assert_eq!(square.rgba.len(), (SIDE * SIDE * 4) as usize);
        assert!(square.rgba.chunks(4).all(|p| p[3] == 255));
        let circle = load(&path, Shape::Circle).unwrap();
        let alpha = |x: u32, y: u32| circle.rgba[((y * SIDE + x) * 4 + 3) as usize];
        assert_eq!(alpha(0, 0), 0, "corners are clear");
        assert_eq!(alpha(SIDE / 2, SIDE / 2), 255, "the middle is opaque");
    }

    /// CRC-32 as PNG chunks use it.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &b in bytes {
            crc ^= b as u32;
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    #[test]
    fn refuses_missing_non_images_and_bombs() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            load(&dir.path().join("none.jpg"), Shape::Square)
                .unwrap_err()
                .message
                .contains("cannot read")
        );
        let text = dir.path().join("x.png");
        std::fs::write(&text, "not an image").unwrap();
        assert!(load(&text, Shape::Square).is_err());
        // A PNG header claiming 30000 × 30000 pixels is refused before decoding.
        let mut chunk = b"IHDR".to_vec();
        chunk.extend(30000u32.to_be_bytes());
        chunk.extend(30000u32.to_be_bytes());
        chunk.extend([8, 2, 0, 0, 0]);
        let mut bomb = b"\x89PNG\r\n\x1a\n\0\0\0\r".to_vec();
        bomb.extend(&chunk);
        bomb.extend(crc32(&chunk).to_be_bytes());
        for tag in [&b"IDAT"[..], b"IEND"] {
            bomb.extend(0u32.to_be_bytes());
            bomb.extend(tag);
            bomb.extend(crc32(tag).to_be_bytes());
        }
        let path = dir.path().join("bomb.png");
        std::fs::write(&path, bomb).unwrap();
        let e = load(&path, Shape::Square).unwrap_err();
        assert!(e.message.contains("30000 × 30000"), "{e}");
    }
}
