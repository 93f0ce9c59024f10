//! Bidirectional text (UAX #9, through `unicode-bidi`): the embedding level
//! of every byte of a paragraph, and the order in which a line's pieces
//! are drawn.
//!
//! Items stay in reading (logical) order through line breaking: each
//! segment has one level, and a right-to-left segment's glyphs are kept in
//! logical order too ([`crate::layout::shape`] reverses what the shaper
//! returns). Only when a line is built are its pieces put in visual order
//! (rule L2) and a right-to-left piece's glyphs turned back.
//!
//! A right-to-left document is laid out as if left to right and its pages
//! are mirrored as a whole afterwards (`Frame::mirror`): the header, the
//! date column, bullets, the sidebar and every alignment change sides in
//! one place. Mirroring moves each run without turning its glyphs, so a
//! line's runs are placed in the reverse of their visual order beforehand.

use unicode_bidi::{BidiClass, BidiInfo, Level};

/// The resolved level of each byte of `text`, a paragraph whose base
/// direction is right to left when `rtl`; `None` when every level is 0
/// (left-to-right text with nothing right to left in it, the common case,
/// which costs one scan of the text).
pub(super) fn levels(text: &str, rtl: bool) -> Option<Vec<u8>> {
    if !rtl && !text.chars().any(raises_level) {
        return None;
    }
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(text, Some(base));
    Some(info.levels.iter().map(|l| l.number()).collect())
}

/// Whether a character can make left-to-right text leave level 0: a
/// right-to-left letter, an Arabic digit, or an explicit embedding,
/// override or isolate.
fn raises_level(c: char) -> bool {
    use BidiClass::{AL, AN, FSI, LRE, LRI, LRO, R, RLE, RLI, RLO};
    // Everything below U+0590 (Hebrew) is left to right or neutral.
    c >= '\u{590}'
        && matches!(
            unicode_bidi::bidi_class(c),
            R | AL | AN | RLE | RLO | RLI | LRE | LRO | LRI | FSI
        )
}

/// Whether text at `level` runs right to left.
pub(super) fn is_rtl(level: u8) -> bool {
    level % 2 == 1
}

/// The order in which to place a line's pieces from left to right, given
/// their levels in reading order: rule L2's visual order, reversed in a
/// document whose pages are mirrored afterwards.
pub(super) fn placement(levels: &[u8], mirrored: bool) -> Vec<usize> {
    let mut order: Vec<usize> = if levels.iter().all(|&l| l == 0) {
        (0..levels.len()).collect()
    } else {
        let levels: Vec<Level> =
            levels.iter().map(|&l| Level::new(l).unwrap_or(Level::ltr())).collect();
        BidiInfo::reorder_visual(&levels)
    };
    if mirrored {
        order.reverse();
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The visual order of `text`'s characters in a paragraph of base
    /// direction `rtl`, as a string.
    fn visual(text: &str, rtl: bool) -> String {
        let levels = levels(text, rtl).unwrap_or_else(|| vec![0; text.len()]);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let per_char: Vec<u8> = chars.iter().map(|&(at, _)| levels[at]).collect();
        let order = placement(&per_char, false);
        order.iter().map(|&i| chars[i].1).collect()
    }

    #[test]
    fn left_to_right_text_needs_no_analysis() {
        assert_eq!(levels("Plain text, 2024 – café", false), None);
        assert!(
            levels("Plain text", true).is_some(),
            "a right-to-left paragraph always has levels"
        );
    }

    #[test]
    fn right_to_left_words_read_from_the_right() {
        // Hebrew letters alef, bet, gimel: drawn gimel, bet, alef.
        assert_eq!(visual("אבג", false), "גבא");
        assert_eq!(visual("abc אבג def", false), "abc גבא def");
    }

    #[test]
    fn left_to_right_runs_keep_their_order_inside_right_to_left_text() {
        // An e-mail address and a number in a Hebrew sentence stay as typed,
        // and the sentence reads from the right.
        let text = "כתבו a@b.io עד 2024";
        let shown = visual(text, true);
        assert_eq!(shown, "2024 דע a@b.io ובתכ");
    }

    #[test]
    fn levels_follow_the_text() {
        let text = "abc אב";
        let l = levels(text, false).unwrap();
        assert_eq!(l[0], 0);
        assert_eq!(l[text.find('א').unwrap()], 1);
        let l = levels("abc", true).unwrap();
        assert!(l.iter().all(|&l| l == 2), "{l:?}");
    }

    #[test]
    fn mirrored_pages_place_pieces_in_reverse() {
        assert_eq!(placement(&[0, 0, 0], true), vec![2, 1, 0]);
        // Right-to-left text in a mirrored page is placed in reading order.
        assert_eq!(placement(&[1, 1, 1], true), vec![0, 1, 2]);
        // A left-to-right run inside it keeps its order after mirroring.
        assert_eq!(placement(&[1, 2, 2, 1], true), vec![0, 2, 1, 3]);
    }
}
