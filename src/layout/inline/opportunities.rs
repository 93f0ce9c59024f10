//! Where a line may end inside a word: the break opportunities of
//! Unicode's line-breaking algorithm (UAX #14, which also keeps the
//! line-start and line-end prohibitions of CJK punctuation, kinsoku),
//! between the signs of scripts written without spaces, after the
//! separators of URLs and e-mail addresses, and at hyphenation points.
//! `items.rs` turns them into penalties and glue.

use super::items::{HYPHEN_PENALTY, PUNCT_PENALTY, URL_PENALTY, is_breaking_space};

/// Whether `text` starts with a number that a line beginning with it would
/// seem to enumerate: one to three digits, then `.` or `)`, then a space or
/// the end ("1. Owned", "2) then").
pub(super) fn reads_as_enumerator(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text.as_bytes()[digits..];
    (1..=3).contains(&digits)
        && matches!(rest.first(), Some(b'.' | b')'))
        && rest.get(1).is_none_or(|b| *b == b' ')
}

/// Break opportunities inside words, by byte offset in the paragraph text:
/// (adds a hyphen, cost, flagged).
pub(super) fn extra_breaks(
    text: &str,
    hyphenator: Option<&crate::layout::hyphenate::Hyphenator>,
) -> Breaks {
    let mut out = Breaks::default();
    // UAX #14, minus the breaks after spaces (those are glue).
    for (at, _) in unicode_linebreak::linebreaks(text) {
        let before = text[..at].chars().next_back();
        if at < text.len() && before.is_some_and(|c| !c.is_whitespace()) {
            let flagged = matches!(before, Some('-' | '‐' | '–' | '—'));
            // Between ideographs (and kana, hangul, their punctuation) a
            // line breaks as freely as at a space: those scripts write
            // none. UAX #14 has already kept the breaks kinsoku forbids,
            // before a closing mark and after an opening one.
            let after = text[at..].chars().next();
            let ideographic = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
            let cost = if ideographic { 0.0 } else { PUNCT_PENALTY };
            out.insert(at, Break { ideographic, hyphen: false, cost, flagged });
        }
    }
    let mut token_start = 0;
    for token in text.split(is_breaking_space) {
        let start = token_start;
        token_start +=
            token.len() + text[start + token.len()..].chars().next().map_or(0, char::len_utf8);
        if looks_like_address(token) {
            for (i, c) in token.char_indices() {
                let at = start + i + c.len_utf8();
                if matches!(c, '/' | '.' | '-' | '_' | '?' | '&' | '=' | '#' | '@')
                    && at < start + token.len()
                {
                    out.insert(
                        at,
                        Break {
                            ideographic: false,
                            hyphen: false,
                            cost: URL_PENALTY,
                            flagged: false,
                        },
                    );
                }
            }
            continue;
        }
        let Some(h) = hyphenator else { continue };
        // Only plain words are hyphenated: compounds already break at their
        // own hyphens or slashes, and codes with digits must stay whole.
        let core = token.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() || !core.chars().all(|c| c.is_alphabetic() || c == '’' || c == '\'') {
            continue;
        }
        let core_start = start + token.find(core).unwrap_or(0);
        for p in h.points(core) {
            out.insert(
                core_start + p,
                Break { ideographic: false, hyphen: true, cost: HYPHEN_PENALTY, flagged: true },
            );
        }
    }
    out.settle();
    out
}

/// Break opportunities by byte offset, sorted: a few per paragraph, looked
/// up for every glyph of a word.
#[derive(Default)]
pub(super) struct Breaks(Vec<(usize, Break)>);

/// A place a line may end inside a word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Break {
    /// Between ideographs, kana or hangul: a space of no width.
    pub(super) ideographic: bool,
    /// The line then ends with an added hyphen (a hyphenation point).
    pub(super) hyphen: bool,
    /// What breaking here costs (TeX's scale).
    pub(super) cost: f32,
    /// A flagged break: two in a row cost extra (after a hyphen or dash).
    pub(super) flagged: bool,
}

impl Breaks {
    /// Records a break at `at`; a later one at the same offset replaces it.
    fn insert(&mut self, at: usize, value: Break) {
        self.0.push((at, value));
    }

    /// Sorts by offset, keeping the last recorded break at each.
    fn settle(&mut self) {
        // Stable: breaks at one offset stay in the order they came.
        self.0.sort_by_key(|&(at, _)| at);
        self.0.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                *kept = *later;
            }
            same
        });
    }

    pub(super) fn get(&self, at: usize) -> Option<&Break> {
        self.0.binary_search_by_key(&at, |&(a, _)| a).ok().map(|i| &self.0[i].1)
    }
}

/// URLs and e-mail addresses: broken only after separators, never hyphenated.
fn looks_like_address(token: &str) -> bool {
    // Single characters first: a byte search, where a substring search
    // costs a searcher's set-up for every word of the résumé.
    (token.contains(':') && token.contains("://"))
        || token.starts_with("www.")
        || (token.contains('@') && token.contains('.'))
}

/// Whether `c` is written without spaces between words: Han ideographs,
/// kana, hangul, and CJK punctuation and full-width forms.
/// Whether a Chinese, Japanese or Korean letter meets a Latin letter or a
/// digit between `before` and `after`, in either order (`text.cjk_latin_space`).
pub(super) fn cjk_meets_latin(before: char, after: char) -> bool {
    let cjk = |c: char| is_cjk(c) && c.is_alphabetic();
    let latin = |c: char| c.is_alphanumeric() && !is_cjk(c);
    (cjk(before) && latin(after)) || (latin(before) && cjk(after))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::{Break, Breaks, looks_like_address};

    #[test]
    fn breaks_come_sorted_and_a_later_one_at_an_offset_wins() {
        let at = |hyphen, cost, flagged| Break { ideographic: false, hyphen, cost, flagged };
        let mut b = Breaks::default();
        b.insert(9, at(false, 1.0, false));
        b.insert(3, at(false, 2.0, false));
        b.insert(9, at(true, 3.0, true));
        b.insert(5, at(false, 4.0, false));
        b.settle();
        let offsets: Vec<usize> = b.0.iter().map(|&(at, _)| at).collect();
        assert_eq!(offsets, [3, 5, 9]);
        assert_eq!(b.get(9), Some(&at(true, 3.0, true)));
        assert_eq!(b.get(3), Some(&at(false, 2.0, false)));
        assert_eq!(b.get(4), None);
    }

    #[test]
    fn addresses_are_told_from_words() {
        for a in ["https://example.com/x", "www.example.com", "alex@example.com"] {
            assert!(looks_like_address(a), "{a}");
        }
        for w in ["Kubernetes", "ratio:", "a:b", "@handle", "e.g."] {
            assert!(!looks_like_address(w), "{w}");
        }
    }
}
