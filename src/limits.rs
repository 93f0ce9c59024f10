//! Resource limits: how large a résumé file may be, how many pages it may
//! lay out on, how many pixels its photo may have (a decompression-bomb
//! guard), how deeply its TOML may nest, and which folders the files it
//! names (a photo, a theme) may come from. Each has a default here and a
//! `vita render` flag.

use crate::diag::Diagnostic;
use std::path::{Path, PathBuf};

/// Largest résumé file accepted by default; a real one is a few kilobytes.
pub const DEFAULT_INPUT_BYTES: u64 = 4 * 1024 * 1024;
/// Most pages a résumé may lay out on by default.
pub const DEFAULT_PAGES: usize = 50;
/// Largest photo accepted by default, in pixels (a 40-megapixel camera).
pub const DEFAULT_PIXELS: u64 = 40_000_000;
/// Deepest nesting accepted by default (see [`nesting`]). A real résumé
/// nests three levels: `highlights = [{ items = ["…"] }]`.
pub const DEFAULT_DEPTH: usize = 16;
/// The deepest `--max-depth` may allow: the TOML parser stops at 80 with
/// a less helpful message.
pub const MAX_DEPTH: usize = 64;
/// The largest theme file vita reads (a real one is a few kilobytes).
pub const MAX_THEME_BYTES: u64 = 256 * 1024;
/// The most pages `--max-pages` may allow: layout stops there.
pub const MAX_PAGES: usize = crate::layout::pages::MAX_PAGES;

/// The limits one render runs under.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest résumé file read, in bytes (`--max-input-size`).
    pub input_bytes: u64,
    /// Most pages the résumé may lay out on (`--max-pages`).
    pub pages: usize,
    /// Most pixels a photo may have, checked before decoding (`--max-pixels`).
    pub pixels: u64,
    /// Deepest nesting the résumé's TOML or JSON may have (`--max-depth`).
    pub depth: usize,
    /// Folders besides the résumé's own that files it names may come from.
    pub allowed: Vec<PathBuf>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            input_bytes: DEFAULT_INPUT_BYTES,
            pages: DEFAULT_PAGES,
            pixels: DEFAULT_PIXELS,
            depth: DEFAULT_DEPTH,
            allowed: Vec::new(),
        }
    }
}

/// The deepest nesting in a TOML text and the byte offset where it is first
/// reached, if that is beyond `max`. Each array `[`, inline table `{`,
/// table header and dot of a dotted key is one level, as each makes the
/// parser descend once more. Strings and comments are skipped.
pub fn nesting(text: &str, max: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut open: Vec<u8> = Vec::new(); // the brackets and braces now open
    let mut dots = 0usize; // dots in the key being read
    let mut in_key = true; // reading a key (line start, after `{` or `,` in a table)
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'#' => {
                i += bytes[i..].iter().position(|&c| c == b'\n').unwrap_or(bytes.len() - i);
                continue;
            }
            b'"' | b'\'' => {
                i = skip_string(bytes, i);
                continue;
            }
            b'\n' if open.is_empty() => {
                in_key = true;
                dots = 0;
            }
            b'=' => {
                in_key = false;
                dots = 0;
            }
            b'.' if in_key => dots += 1,
            // A header's brackets hold a key; an inline table's brace starts one.
            b'[' => {
                in_key = in_key && open.iter().all(|&o| o == b'[');
                open.push(b);
            }
            b'{' => {
                in_key = true;
                dots = 0;
                open.push(b);
            }
            b']' | b'}' => {
                open.pop();
            }
            b',' => {
                in_key = open.last() == Some(&b'{');
                dots = 0;
            }
            _ => {}
        }
        if open.len() + dots > max {
            return Some((open.len() + dots, i));
        }
        i += 1;
    }
    None
}

/// The deepest nesting in a JSON text and the byte offset where it is first
/// reached, if that is beyond `max`: each `[` and `{` is one level. Strings
/// are skipped. Checked before anything recurses over the document, so a
/// file of 50,000 `[` is refused, not a stack overflow.
pub fn json_nesting(text: &str, max: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some((depth, i));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index just past the string starting at `start` (a quote), or the end
/// of its line for an unterminated one-line string.
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let basic = quote == b'"';
    let triple = bytes[start..].starts_with(&[quote; 3]);
    let mut i = start + if triple { 3 } else { 1 };
    while i < bytes.len() {
        let b = bytes[i];
        if basic && b == b'\\' {
            i += 2;
            continue;
        }
        if b == b'\n' && !triple {
            return i;
        }
        if b == quote && (!triple || bytes[i..].starts_with(&[quote; 3])) {
            return i + if triple { 3 } else { 1 };
        }
        i += 1;
    }
    bytes.len()
}

/// Resolves `name`, a file the résumé in `base` refers to, relative to
/// `base`, and refuses it when it lies outside `base` and every folder in
/// `allowed` (symbolic links are followed first). `what` names the field
/// for messages.
pub fn confine(
    name: &str,
    base: &Path,
    allowed: &[PathBuf],
    what: &str,
) -> Result<PathBuf, Diagnostic> {
    let path = base.join(name);
    let Some(real) = outside(&path, base, allowed) else {
        return Ok(path);
    };
    Err(Diagnostic::new(format!(
        "{what} `{name}` is outside the résumé's folder ({})",
        real.display()
    ))
    .in_file(&path)
    .with_hint(format!(
        "copy it next to the résumé, or allow its folder with --allow-path {}",
        real.parent().unwrap_or(&real).display()
    )))
}

/// Where `path` really is (symbolic links followed) when that lies outside
/// `base` and every folder in `allowed`; `None` when it lies inside one, or
/// does not exist (whoever opens it then reports it, with its path).
pub fn outside(path: &Path, base: &Path, allowed: &[PathBuf]) -> Option<PathBuf> {
    let real = std::fs::canonicalize(path).ok()?;
    let base = if base.as_os_str().is_empty() { Path::new(".") } else { base };
    let inside = |dir: &Path| std::fs::canonicalize(dir).is_ok_and(|d| real.starts_with(d));
    if inside(base) || allowed.iter().any(|d| inside(d)) { None } else { Some(real) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_brackets_braces_and_dotted_keys() {
        assert_eq!(nesting("a = [[[1]]]\n", 2), Some((3, 6)));
        assert_eq!(nesting("a = [[[1]]]\n", 3), None);
        assert_eq!(nesting("a.b.c.d = 1\n", 2), Some((3, 5)));
        assert_eq!(nesting("[a.b.c]\n", 2), Some((3, 4)));
        assert_eq!(nesting("x = { a.b.c = 1 }\n", 2), Some((3, 9)));
        // Values with dots are not keys.
        assert_eq!(nesting("v = 1.5\nd = 2021.03\n", 0), None);
    }

    #[test]
    fn skips_strings_and_comments() {
        let text = "a = \"[[[[\"\nb = '{{{{'\nc = \"\"\"\n[[[[\n\"\"\"\n# [[[[\nd = 'x.y'\n";
        assert_eq!(nesting(text, 0), None);
        assert_eq!(nesting("a = \"\\\"[[\"\n", 0), None, "escaped quote");
        // A highlight group is three levels deep.
        assert_eq!(nesting("h = [{ text = \"a.b\", items = [\"x\"] }]\n", 3), None);
        assert!(nesting("h = [{ text = \"a.b\", items = [\"x\"] }]\n", 2).is_some());
    }

    #[test]
    fn counts_json_brackets_outside_strings() {
        assert_eq!(json_nesting("{\"a\": [[1]]}", 2), Some((3, 7)));
        assert_eq!(json_nesting("{\"a\": [[1]]}", 3), None);
        assert_eq!(json_nesting("{\"[[[\\\"[[\": 1}", 1), None, "brackets in strings");
        let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
        assert_eq!(json_nesting(&deep, 16), Some((17, 16)));
    }

    #[test]
    fn confines_files_to_the_resume_folder() {
        let root = tempfile::tempdir().unwrap();
        let cv = root.path().join("cv");
        let other = root.path().join("other");
        std::fs::create_dir_all(&cv).unwrap();
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(cv.join("me.png"), "x").unwrap();
        std::fs::write(other.join("me.png"), "x").unwrap();
        assert!(confine("me.png", &cv, &[], "basics.image").is_ok());
        let e = confine("../other/me.png", &cv, &[], "basics.image").unwrap_err();
        assert!(e.message.contains("outside the résumé's folder"), "{e}");
        assert!(e.hint.unwrap().contains("--allow-path"));
        assert!(confine("../other/me.png", &cv, std::slice::from_ref(&other), "x").is_ok());
        // An absolute path is judged by where it points.
        let abs = other.join("me.png");
        assert!(confine(abs.to_str().unwrap(), &cv, &[], "x").is_err());
    }
}
