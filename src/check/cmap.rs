//! ToUnicode CMaps: the table a PDF font carries from its character codes
//! to the text they stand for (ISO 32000-1, 9.10.3), and the code space
//! that says how many bytes each code takes.

use std::collections::HashMap;

/// Ranges wider than this are kept as ranges rather than spelled out.
const SPELL_OUT: u32 = 512;
/// The most codes spelled out; past it, ranges stay ranges.
const MAX_CHARS: usize = 1 << 17;
/// The most ranges kept; each lookup goes through them in turn.
const MAX_RANGES: usize = 4096;
/// The most tokens read from one CMap (a CJK font's has some tens of thousands).
const MAX_TOKENS: usize = 1_000_000;

/// A parsed ToUnicode CMap.
#[derive(Debug, Default)]
pub(super) struct CMap {
    /// Code space ranges: byte length, low and high bytes.
    spaces: Vec<(usize, [u8; 4], [u8; 4])>,
    /// Single codes, keyed by (code, byte length).
    chars: HashMap<(u32, u8), String>,
    /// Wide ranges: byte length, first and last code, first target.
    ranges: Vec<(u8, u32, u32, Vec<u16>)>,
}

/// One token of CMap syntax.
#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Word(Vec<u8>),
    Open,
    Close,
}

fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() && out.len() < MAX_TOKENS {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let end = data[i..].iter().position(|&c| c == b'>').map_or(data.len(), |p| i + p);
                out.push(Token::Hex(hex(&data[i + 1..end])));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'(' => {
                // Literal strings only name things here; skip them.
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len() && !b"<>[]()% \t\r\n\x0c\0".contains(&data[i]) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                } else {
                    out.push(Token::Word(data[start..i].to_vec()));
                }
            }
        }
    }
    out
}

/// The bytes a hex string spells; an odd last digit counts as followed by 0.
fn hex(digits: &[u8]) -> Vec<u8> {
    let nibbles: Vec<u8> =
        digits.iter().filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8)).collect();
    nibbles.chunks(2).map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0)).collect()
}

fn number(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0, |n, &b| n << 8 | u32::from(b))
}

/// UTF-16BE bytes as code units.
fn units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| u16::from(p[0]) << 8 | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect()
}

fn text(units: &[u16]) -> String {
    String::from_utf16_lossy(units)
}

impl CMap {
    /// Reads a CMap; whatever it cannot make sense of is skipped.
    pub(super) fn parse(data: &[u8]) -> CMap {
        let mut map = CMap::default();
        let toks = tokens(data);
        let mut i = 0;
        while i < toks.len() {
            match &toks[i] {
                Token::Word(w) if w == b"begincodespacerange" => {
                    i += 1;
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        if (1..=4).contains(&lo.len()) && lo.len() == hi.len() {
                            let (mut l, mut h) = ([0; 4], [0; 4]);
                            l[..lo.len()].copy_from_slice(lo);
                            h[..hi.len()].copy_from_slice(hi);
                            map.spaces.push((lo.len(), l, h));
                        }
                        i += 2;
                    }
                }
                Token::Word(w) if w == b"beginbfchar" => {
                    i += 1;
                    while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        if (1..=4).contains(&src.len()) && map.chars.len() < MAX_CHARS {
                            map.chars.insert((number(src), src.len() as u8), text(&units(dst)));
                        }
                        i += 2;
                    }
                }
                Token::Word(w) if w == b"beginbfrange" => {
                    i += 1;
                    i = map.ranges_from(&toks, i);
                }
                _ => i += 1,
            }
        }
        map
    }

    /// Reads `bfrange` lines from token `i`; returns where they end.
    fn ranges_from(&mut self, toks: &[Token], mut i: usize) -> usize {
        while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (toks.get(i), toks.get(i + 1)) {
            let len = lo.len();
            let (lo, hi) = (number(lo), number(hi));
            let usable = (1..=4).contains(&len) && lo <= hi;
            match toks.get(i + 2) {
                Some(Token::Hex(dst)) => {
                    let start = units(dst);
                    if usable && hi - lo < SPELL_OUT && self.chars.len() < MAX_CHARS {
                        for (k, code) in (lo..=hi).enumerate() {
                            self.chars.insert((code, len as u8), text(&offset(&start, k as u32)));
                        }
                    } else if usable && !start.is_empty() && self.ranges.len() < MAX_RANGES {
                        self.ranges.push((len as u8, lo, hi, start));
                    }
                    i += 3;
                }
                Some(Token::Open) => {
                    i += 3;
                    let mut code = lo;
                    while let Some(Token::Hex(dst)) = toks.get(i) {
                        if usable && code <= hi && self.chars.len() < MAX_CHARS {
                            self.chars.insert((code, len as u8), text(&units(dst)));
                        }
                        code = code.saturating_add(1);
                        i += 1;
                    }
                    if toks.get(i) == Some(&Token::Close) {
                        i += 1;
                    }
                }
                _ => return i + 2,
            }
        }
        i
    }

    /// Whether the CMap declares code space ranges.
    pub(super) fn has_spaces(&self) -> bool {
        !self.spaces.is_empty()
    }

    /// How many bytes the code at the start of `bytes` takes, by the code
    /// space ranges; `None` when no range holds it.
    pub(super) fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        self.spaces
            .iter()
            .filter(|(len, lo, hi)| {
                bytes.len() >= *len && (0..*len).all(|k| (lo[k]..=hi[k]).contains(&bytes[k]))
            })
            .map(|(len, ..)| *len)
            .min()
    }

    /// The text a code of `len` bytes stands for.
    pub(super) fn get(&self, code: u32, len: usize) -> Option<String> {
        if let Some(text) = self.chars.get(&(code, len as u8)) {
            return Some(text.clone());
        }
        self.ranges
            .iter()
            .find(|(l, lo, hi, _)| usize::from(*l) == len && (*lo..=*hi).contains(&code))
            .map(|(_, lo, _, start)| text(&offset(start, code - lo)))
    }
}

/// A range's target moved on by `k`: the last code unit counts up.
fn offset(start: &[u16], k: u32) -> Vec<u16> {
    let mut out = start.to_vec();
    if let Some(last) = out.last_mut() {
        *last = last.wrapping_add(k as u16);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chars_ranges_and_arrays() {
        let cmap = CMap::parse(
            b"/CIDInit /ProcSet findresource begin 1 begincodespacerange <0000> <FFFF> \
              endcodespacerange 2 beginbfchar <0003> <0020> <0010> <00660069> endbfchar \
              2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<0061> <D835DC00>] endbfrange end",
        );
        assert_eq!(cmap.code_len(&[0, 3]), Some(2));
        assert_eq!(cmap.get(3, 2).as_deref(), Some(" "));
        assert_eq!(cmap.get(0x10, 2).as_deref(), Some("fi"));
        assert_eq!(cmap.get(0x22, 2).as_deref(), Some("C"));
        assert_eq!(cmap.get(0x31, 2).as_deref(), Some("\u{1d400}"));
        assert_eq!(cmap.get(0x23, 2), None);
        assert_eq!(cmap.get(3, 1), None);
    }

    #[test]
    fn wide_ranges_stay_ranges() {
        let cmap = CMap::parse(b"1 beginbfrange <0000> <FFFF> <0000> endbfrange");
        assert!(cmap.chars.is_empty());
        assert_eq!(cmap.get(0x41, 2).as_deref(), Some("A"));
    }

    #[test]
    fn garbage_is_skipped() {
        let cmap = CMap::parse(b"beginbfchar <zz> ] [ ( ((( endbfrange <01");
        assert_eq!(cmap.get(1, 1), None);
    }
}
