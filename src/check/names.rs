//! Glyph names and the simple fonts' base encodings: what a code means in
//! a font that has no ToUnicode map. The table (`glyphs.txt`) holds the
//! Adobe Glyph List's names for Latin, Greek, Cyrillic and punctuation,
//! with the codes that StandardEncoding, MacRomanEncoding and
//! WinAnsiEncoding give them (ISO 32000-1, Annex D).

use std::collections::HashMap;
use std::sync::OnceLock;

/// The base encodings a simple font can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Base {
    /// StandardEncoding, Type 1's own.
    Standard,
    /// MacRomanEncoding.
    MacRoman,
    /// WinAnsiEncoding (Windows code page 1252).
    WinAnsi,
}

impl Base {
    /// The encoding a font's `/Encoding` or `/BaseEncoding` names.
    pub(super) fn named(name: &[u8]) -> Option<Base> {
        match name {
            b"StandardEncoding" => Some(Base::Standard),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(Base::MacRoman),
            b"WinAnsiEncoding" => Some(Base::WinAnsi),
            _ => None,
        }
    }
}

struct Tables {
    by_name: HashMap<&'static str, char>,
    /// Code → glyph name, per base encoding.
    codes: [[Option<&'static str>; 256]; 3],
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut by_name = HashMap::new();
        let mut codes = [[None; 256]; 3];
        for line in include_str!("glyphs.txt").lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split(' ');
            let (Some(name), Some(hex)) = (fields.next(), fields.next()) else { continue };
            if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                by_name.entry(name).or_insert(c);
            }
            for table in &mut codes {
                if let Some(code) = fields.next().and_then(|f| f.parse::<u8>().ok()) {
                    table[usize::from(code)] = Some(name);
                }
            }
        }
        Tables { by_name, codes }
    })
}

/// The glyph name a base encoding gives a code.
pub(super) fn name_in(base: Base, code: u8) -> Option<&'static str> {
    let table = match base {
        Base::Standard => 0,
        Base::MacRoman => 1,
        Base::WinAnsi => 2,
    };
    tables().codes[table][usize::from(code)]
}

/// The text a glyph name stands for, by the Adobe Glyph List's rules:
/// a known name, `uniXXXX…`, `uXXXX[XX]`, ligatures joined with `_`, and
/// variants after a `.` (`a.sc`); `None` for names that mean nothing
/// (`g17`, `cid42`, `.notdef`).
pub(super) fn text_of(name: &str) -> Option<String> {
    let base = name.split('.').next().unwrap_or("");
    if base.is_empty() {
        return None;
    }
    let mut out = String::new();
    for part in base.split('_') {
        out.push_str(&component(part)?);
    }
    Some(out)
}

fn component(part: &str) -> Option<String> {
    if let Some(&c) = tables().by_name.get(part) {
        return Some(c.to_string());
    }
    let hex_chars = |digits: &str, width: usize| -> Option<String> {
        if digits.is_empty() || !digits.len().is_multiple_of(width) {
            return None;
        }
        (0..digits.len() / width)
            .map(|k| {
                u32::from_str_radix(&digits[k * width..(k + 1) * width], 16)
                    .ok()
                    .and_then(char::from_u32)
            })
            .collect()
    };
    if let Some(digits) = part.strip_prefix("uni") {
        return hex_chars(digits, 4);
    }
    if let Some(digits) = part.strip_prefix('u')
        && (4..=6).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase())
    {
        return hex_chars(digits, digits.len());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_glyph_list() {
        assert_eq!(text_of("A").as_deref(), Some("A"));
        assert_eq!(text_of("fi").as_deref(), Some("\u{fb01}"));
        assert_eq!(text_of("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(text_of("a.sc").as_deref(), Some("a"));
        assert_eq!(text_of("uni00E9").as_deref(), Some("é"));
        assert_eq!(text_of("u1F600").as_deref(), Some("😀"));
        assert_eq!(text_of("g17"), None);
        assert_eq!(text_of(".notdef"), None);
    }

    #[test]
    fn base_encodings_differ_where_they_should() {
        assert_eq!(name_in(Base::WinAnsi, 0x80), Some("Euro"));
        assert_eq!(name_in(Base::Standard, 0xAE), Some("fi"));
        assert_eq!(name_in(Base::MacRoman, 0x8E), Some("eacute"));
        assert_eq!(name_in(Base::Standard, b'A'), Some("A"));
    }
}
