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

/// The largest photo file vita reads: a 40-megapixel camera JPEG is about
/// 20 MB.
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;
/// The most memory decoding a photo may take, in bytes: a 40-megapixel
/// picture with alpha, and room for its colour profile.
pub const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// Whether a JPEG has its end: an end-of-image marker after the first
/// scan. A file cut short has none (a thumbnail's own end marker, in the
/// metadata before the scan, does not count).
pub fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i = 2; // after the start-of-image marker
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xff {
            return false;
        }
        let marker = bytes[i + 1];
        if marker == 0xff {
            i += 1; // fill byte
            continue;
        }
        if marker == 0xda {
            return bytes[i..].windows(2).any(|w| w == [0xff, 0xd9]);
        }
        let len = u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize;
        i += 2 + len;
    }
    false
}

/// A PNG without its colour profile and text chunks (`iCCP`, `zTXt`,
/// `iTXt`, `tEXt`, `eXIf`), which vita does not use: a compressed profile
/// of 1.5 MB unpacks to gigabytes. Anything that is not a well-formed PNG
/// comes back as it was, for the decoder to judge.
pub fn without_png_metadata(bytes: Vec<u8>) -> Vec<u8> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    const DROP: [&[u8]; 5] = [b"iCCP", b"zTXt", b"iTXt", b"tEXt", b"eXIf"];
    if !bytes.starts_with(SIGNATURE) {
        return bytes;
    }
    let mut out = SIGNATURE.to_vec();
    let mut i = SIGNATURE.len();
    while i + 12 <= bytes.len() {
        let len = u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let end = i + 12 + len as usize;
        if end > bytes.len() {
            break;
        }
        if !DROP.contains(&&bytes[i + 4..i + 8]) {
            out.extend_from_slice(&bytes[i..end]);
        }
        i = end;
    }
    out.extend_from_slice(&bytes[i..]);
    out
}

/// How a theme frames the photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// No photo, even if the résumé has one.
    #[default]
    None,
    /// The photo cropped to a centred square.
    Square,
    /// The square photo masked to a circle, its corners transparent.
    Circle,
}

/// An RGBA picture ready to embed: a square photo, or a signature.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    /// Width of the picture, in pixels ([`SIDE`] for a photo).
    pub width: u32,
    /// Height of the picture, in pixels.
    pub height: u32,
    /// `width × height` pixels, RGBA, row by row.
    pub rgba: Vec<u8>,
}

/// Loads `path` and frames it as `shape`.
pub fn load(path: &Path, shape: Shape) -> Result<Photo, Diagnostic> {
    load_limited(path, shape, MAX_PIXELS)
}

/// Loads `path`, refusing it before decoding when its header claims more
/// than `max_pixels` pixels, and frames it as `shape`.
pub fn load_limited(path: &Path, shape: Shape, max_pixels: u64) -> Result<Photo, Diagnostic> {
    let img = decode(path, max_pixels, ("the photo", "basics.image is relative to the résumé"))?;
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
    Ok(Photo { width: SIDE, height: SIDE, rgba: rgba.into_raw() })
}

/// The widest a signature is kept, in pixels: sharp at 300 dpi across 2.5 in.
const SIGNATURE_WIDTH: u32 = 750;

/// Loads a signature (`path`, under `max_pixels`), keeping its shape and
/// its transparency, at most [`SIGNATURE_WIDTH`] pixels wide.
pub fn load_signature(path: &Path, max_pixels: u64) -> Result<Photo, Diagnostic> {
    let img = decode(
        path,
        max_pixels,
        ("the signature", "the letter's `signature` is relative to the letter"),
    )?;
    let img = if img.width() > SIGNATURE_WIDTH {
        img.resize(SIGNATURE_WIDTH, u32::MAX, FilterType::Lanczos3)
    } else {
        img
    };
    let rgba = img.to_rgba8();
    Ok(Photo { width: rgba.width(), height: rgba.height(), rgba: rgba.into_raw() })
}

/// Reads and decodes the picture at `path`, refusing it before decoding
/// when its header claims more than `max_pixels` pixels; messages call it
/// `what` and say that `key` names it.
fn decode(
    path: &Path,
    max_pixels: u64,
    (what, key): (&str, &str),
) -> Result<image::DynamicImage, Diagnostic> {
    use crate::input::{ReadError, read_regular};
    let fail = |message: String| Diagnostic::new(message.trim_end()).in_file(path);
    // A folder or a device (a pipe would block the read forever).
    let bytes = read_regular(path, MAX_BYTES).map_err(|e| match e {
        ReadError::NotAFile(_) => fail(format!("{what} is not a file"))
            .with_hint(format!("name a JPEG or PNG file; {key}")),
        ReadError::TooLarge(_) => fail(format!("cannot read {what}: {e}"))
            .with_hint("it needs a few hundred pixels a side; save a smaller copy"),
        ReadError::Io(_) => {
            fail(format!("cannot read {what}: {e}")).with_hint(format!("{key} is where vita looks"))
        }
    })?;
    let bytes = without_png_metadata(bytes);
    let reader = || {
        let mut r = ImageReader::new(std::io::Cursor::new(&bytes[..]))
            .with_guessed_format()
            .map_err(|e| fail(format!("cannot read {what}: {e}")))?;
        let mut limits = image::Limits::default();
        limits.max_alloc = Some(MAX_DECODE_BYTES);
        r.limits(limits);
        Ok::<_, Diagnostic>(r)
    };
    let (w, h) = reader()?
        .into_dimensions()
        .map_err(|e| fail(format!("{what} is not a JPEG or PNG image vita can read: {e}")))?;
    if (w as u64) * (h as u64) > max_pixels {
        return Err(fail(format!(
            "{what} is {w} × {h} pixels; vita reads at most {max_pixels} pixels"
        ))
        .with_hint(
            "scale it down (a few hundred pixels a side is enough), or raise --max-pixels",
        ));
    }
    if bytes.starts_with(&[0xff, 0xd8]) && !jpeg_is_complete(&bytes) {
        // The decoder would fill the missing part with grey and go on.
        return Err(fail(format!("{what} cannot be decoded: the JPEG file ends early"))
            .with_hint("the file is cut short (an interrupted copy or download); save it again"));
    }
    reader()?.decode().map_err(|e| fail(format!("{what} cannot be decoded: {e}")))
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

    #[test]
    fn a_truncated_jpeg_is_refused_and_a_whole_one_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.jpg");
        let noise = |x: u32, y: u32| (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) as u8;
        image::RgbImage::from_fn(300, 300, |x, y| image::Rgb([noise(x, y), (y / 2) as u8, 90]))
            .save(&path)
            .unwrap();
        let whole = std::fs::read(&path).unwrap();
        assert!(jpeg_is_complete(&whole));
        assert!(load(&path, Shape::Square).is_ok());
        std::fs::write(&path, &whole[..whole.len() / 4]).unwrap();
        let e = load(&path, Shape::Square).unwrap_err();
        assert!(e.message.contains("ends early"), "{e}");
        assert!(!jpeg_is_complete(&whole[..whole.len() - 2]), "no end marker");
    }

    #[test]
    fn png_profiles_and_text_are_dropped_before_decoding() {
        let img = image::RgbImage::from_pixel(2, 2, image::Rgb([1, 2, 3]));
        let png = crate::export::png::encode(&img).unwrap();
        // An iCCP chunk after IHDR, as a profile bomb would come.
        let mut chunk = 9u32.to_be_bytes().to_vec();
        chunk.extend(b"iCCPicc\0\0\x78\x9c\x03\x00");
        chunk.extend(crc32fast::hash(&chunk[4..]).to_be_bytes());
        let with = [&png[..33], &chunk, &png[33..]].concat();
        let without = without_png_metadata(with.clone());
        assert_eq!(without, png);
        assert!(!without.windows(4).any(|w| w == b"iCCP"));
        let garbage = b"\x89PNG\r\n\x1a\n\0\0".to_vec();
        assert_eq!(without_png_metadata(garbage.clone()), garbage);
    }

    /// A PNG of `w × h` RGBA pixels that is all header: its data is empty.
    fn header_only_png(w: u32, h: u32) -> Vec<u8> {
        let mut chunk = b"IHDR".to_vec();
        chunk.extend(w.to_be_bytes());
        chunk.extend(h.to_be_bytes());
        chunk.extend([8, 6, 0, 0, 0]);
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\r".to_vec();
        png.extend(&chunk);
        png.extend(crc32fast::hash(&chunk).to_be_bytes());
        for tag in [&b"IDAT"[..], b"IEND"] {
            png.extend(0u32.to_be_bytes());
            png.extend(tag);
            png.extend(crc32fast::hash(tag).to_be_bytes());
        }
        png
    }

    #[test]
    fn decoding_stops_at_its_memory_limit_even_with_the_pixel_limit_raised() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.png");
        // 9000 × 9000 RGBA is 324 MB, over MAX_DECODE_BYTES.
        std::fs::write(&path, header_only_png(9000, 9000)).unwrap();
        let e = load_limited(&path, Shape::Square, u64::MAX).unwrap_err();
        assert!(e.message.contains("cannot be decoded"), "{e}");
        assert!(e.message.to_lowercase().contains("limit"), "{e}");
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
        let bomb = header_only_png(30000, 30000);
        let path = dir.path().join("bomb.png");
        std::fs::write(&path, bomb).unwrap();
        let e = load(&path, Shape::Square).unwrap_err();
        assert!(e.message.contains("30000 × 30000"), "{e}");
    }
}
