//! Where one render's outputs go, and what they may never touch: the file
//! names (`out/cv` → out/cv.pdf, out/cv.txt, out/cv-1.png…), the rule that
//! no output is one of the render's inputs (the résumé, a theme file, the
//! photo), and the removal of stale previews, which touches only PNG files
//! that carry vita's mark ([`mark_preview`]).

use crate::diag::Diagnostic;
use crate::render::Format;
use std::path::{Path, PathBuf};

/// The file for each output, in order: `base` plus `.pdf`/`.txt`, and
/// `-1.png`, `-2.png`… for the previews.
pub fn names(base: &Path, formats: impl IntoIterator<Item = Format>) -> Vec<PathBuf> {
    let name = |suffix: &str| {
        let mut s = base.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    let mut page = 0;
    formats
        .into_iter()
        .map(|format| match format {
            Format::Png => {
                page += 1;
                name(&format!("-{page}.png"))
            }
            _ => name(&format!(".{}", format.extension())),
        })
        .collect()
}

/// The preview of page `page` (from 1).
pub fn preview(base: &Path, page: usize) -> PathBuf {
    let mut s = base.as_os_str().to_owned();
    s.push(format!("-{page}.png"));
    PathBuf::from(s)
}

/// Whether two paths name the same file: the same device and inode (so a
/// hard link or a symbolic link counts), else the same canonical path.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// Refuses outputs that would replace one of `inputs` (what each is, and
/// its path): a render never writes over what it reads.
pub fn guard(outputs: &[PathBuf], inputs: &[(&str, PathBuf)]) -> Result<(), Diagnostic> {
    for out in outputs {
        if let Some((what, input)) = inputs.iter().find(|(_, input)| same_file(out, input)) {
            return Err(Diagnostic::new(format!(
                "an output would overwrite {what} ({})",
                input.display()
            ))
            .in_file(out)
            .with_hint(
                "choose another folder with -o DIR, or rename the file so it does not \
                 look like an output (cv.pdf, cv.txt, cv-1.png…)",
            ));
        }
    }
    Ok(())
}

/// The tEXt chunk vita puts in every preview, right after the header, so
/// that a PNG it did not write is never taken for a stale preview.
const MARK: &[u8] = b"Software\0vita preview";

/// `png` (as the encoder wrote it: the signature, then IHDR) with vita's
/// mark inserted after the IHDR chunk.
pub fn mark_preview(png: Vec<u8>) -> Vec<u8> {
    const IHDR_END: usize = 8 + 4 + 4 + 13 + 4;
    if png.len() < IHDR_END || &png[12..16] != b"IHDR" {
        return png;
    }
    let mut chunk = Vec::with_capacity(MARK.len() + 12);
    chunk.extend((MARK.len() as u32).to_be_bytes());
    chunk.extend(b"tEXt");
    chunk.extend(MARK);
    chunk.extend(crc32fast::hash(&chunk[4..]).to_be_bytes());
    let mut out = Vec::with_capacity(png.len() + chunk.len());
    out.extend(&png[..IHDR_END]);
    out.extend(chunk);
    out.extend(&png[IHDR_END..]);
    out
}

/// Whether the file at `path` is a preview vita wrote (it has the mark).
pub fn is_marked_preview(path: &Path) -> bool {
    use std::io::Read;
    let head_len = 8 + 25 + 12 + MARK.len();
    let mut head = Vec::with_capacity(head_len);
    let read = std::fs::File::open(path)
        .and_then(|f| f.take(head_len as u64).read_to_end(&mut head))
        .is_ok();
    read && std::fs::metadata(path).is_ok_and(|m| m.is_file())
        && head.len() == head_len
        && head.starts_with(b"\x89PNG\r\n\x1a\n")
        && &head[33 + 4..33 + 8] == b"tEXt"
        && &head[33 + 8..33 + 8 + MARK.len()] == MARK
}

/// Removes the previews of pages after `pages` that vita wrote, and stops
/// at the first page that has none or that is not vita's.
pub fn remove_stale_previews(base: &Path, pages: usize) {
    for path in (pages + 1..).map(|n| preview(base, n)) {
        if !is_marked_preview(&path) {
            break;
        }
        let _ = std::fs::remove_file(&path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_base() {
        let got = names(Path::new("out/cv"), [Format::Pdf, Format::Txt, Format::Png, Format::Png]);
        let want = ["out/cv.pdf", "out/cv.txt", "out/cv-1.png", "out/cv-2.png"];
        assert_eq!(got, want.map(PathBuf::from));
    }

    #[test]
    fn marked_previews_decode_and_only_they_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let img = image::RgbImage::from_pixel(3, 2, image::Rgb([10, 20, 30]));
        let png = mark_preview(crate::export::png::encode(&img).unwrap());
        let decoded = image::load_from_memory(&png).unwrap().to_rgb8();
        assert_eq!(decoded, img, "the mark is a valid chunk");
        let base = dir.path().join("cv");
        for page in 1..=3 {
            std::fs::write(preview(&base, page), &png).unwrap();
        }
        std::fs::write(preview(&base, 4), b"the user's own picture").unwrap();
        std::fs::write(preview(&base, 5), &png).unwrap();
        remove_stale_previews(&base, 1);
        let left: Vec<bool> = (1..=5).map(|p| preview(&base, p).exists()).collect();
        assert_eq!(left, [true, false, false, true, true], "stops at a file not vita's");
    }

    proptest::proptest! {
        /// Whatever the résumé, its photo and its theme are called, in the
        /// folder the outputs go to, the guard refuses exactly the renders
        /// where an output would be one of them: no output that passes
        /// equals an input.
        #[test]
        fn no_output_that_passes_the_guard_is_an_input(
            stem in "(cv|a|\\.\\.)",
            photo in "(cv|a)(-[1-3])?\\.(png|jpg|pdf|txt)",
            theme in "(cv|a|b)\\.(toml|txt|pdf)",
            pages in 0usize..3,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let inputs: Vec<(&str, PathBuf)> = [
                ("the résumé", format!("{stem}.toml")),
                ("the photo", photo),
                ("a theme file", theme),
            ]
            .into_iter()
            .map(|(what, name)| (what, dir.path().join(name)))
            .collect();
            for (_, path) in &inputs {
                std::fs::write(path, b"input").unwrap();
            }
            let formats = [Format::Pdf, Format::Txt].into_iter().chain(std::iter::repeat_n(Format::Png, pages));
            let outs = names(&dir.path().join(&stem), formats);
            let clash = outs.iter().any(|o| inputs.iter().any(|(_, i)| o == i));
            let guarded = guard(&outs, &inputs);
            proptest::prop_assert_eq!(guarded.is_err(), clash, "{:?} vs {:?}", outs, inputs);
        }
    }

    #[test]
    fn an_output_may_not_be_an_input_even_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let photo = dir.path().join("cv-1.png");
        std::fs::write(&photo, b"me").unwrap();
        let outs = names(&dir.path().join("cv"), [Format::Pdf, Format::Png]);
        let e = guard(&outs, &[("the photo", photo.clone())]).unwrap_err();
        assert!(e.message.contains("overwrite the photo"), "{e}");
        #[cfg(unix)]
        {
            let outs = names(&dir.path().join("elsewhere"), [Format::Pdf]);
            let pdf = outs[0].clone();
            std::fs::hard_link(&photo, &pdf).unwrap();
            assert!(guard(&outs, &[("the photo", photo.clone())]).is_err(), "hard link");
        }
        assert!(guard(&outs, &[("the photo", dir.path().join("none.png"))]).is_ok());
    }
}
