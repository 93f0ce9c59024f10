//! Margin kerning (character protrusion), as microtype does for pdfTeX and
//! Typst's overhang does: in justified text, punctuation at the end of a
//! line (hyphens, dashes, full stops, commas, closing quotes) and opening
//! quotes or brackets at its start hang partly into the margin, so that
//! the edge the eye sees is straight. Only positions change, never the
//! text, so extraction is unchanged. The theme key is
//! `text.protrusion`, on by default in justified themes.

use super::items::{Items, Kind};

/// The share of a glyph's advance that hangs into the right margin when it
/// ends a line. Light marks hang most; a full stop or comma is mostly
/// white, a hyphen a short bar. Shares in the spirit of microtype's
/// defaults for text faces; everything else stays inside.
pub fn right_share(c: char) -> f32 {
    match c {
        '.' | ',' | '\u{2019}' | '\u{201d}' | '\'' | '"' => 0.6,
        '-' | '\u{2010}' | '\u{2011}' | '\u{00ad}' => 0.5,
        ':' | ';' => 0.3,
        '\u{2013}' | '!' | '?' | ')' | ']' => 0.2,
        '\u{2014}' => 0.15,
        _ => 0.0,
    }
}

/// The share of a glyph's advance that hangs into the left margin when it
/// starts a line: opening quotes and brackets.
pub fn left_share(c: char) -> f32 {
    match c {
        '\u{201c}' | '\u{2018}' | '\u{201e}' | '"' | '\'' => 0.5,
        '(' | '[' => 0.1,
        _ => 0.0,
    }
}

/// Per item, the points its first glyph may hang left and its last glyph
/// right, when it starts or ends a line. A penalty that adds a hyphen gets
/// the hyphen's share of its width.
pub(super) fn hangs(items: &Items) -> Vec<[f32; 2]> {
    items
        .items
        .iter()
        .map(|item| match item.kind {
            Kind::Box => {
                let seg = &items.segments[item.seg];
                let at = |g: usize| {
                    let glyph = seg.glyphs[g];
                    let c = seg.text[glyph.cluster as usize..].chars().next().unwrap_or(' ');
                    (c, glyph.advance)
                };
                if item.glyphs.is_empty() {
                    return [0.0, 0.0];
                }
                let (first, first_advance) = at(item.glyphs.start);
                let (last, last_advance) = at(item.glyphs.end - 1);
                [left_share(first) * first_advance, right_share(last) * last_advance]
            }
            Kind::Penalty { hyphen: true, .. } => [0.0, right_share('-') * item.width],
            _ => [0.0, 0.0],
        })
        .collect()
}
