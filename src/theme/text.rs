//! How body text is set: alignment, hyphenation, word-space limits, and
//! the OpenType figure style.

use super::range::Range;
use serde::{Deserialize, Serialize};

/// How body text lines up (`text.align`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextAlign {
    /// Ragged right, broken first-fit.
    Left,
    /// Flush both sides, broken with Knuth–Plass; a paragraph's last line
    /// stays ragged.
    Justify,
}

/// How body text is set (`[text]`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Text {
    /// `left` (ragged right) or `justify`.
    pub align: TextAlign,
    /// Break words in body text at hyphenation points, with the patterns of
    /// the résumé's language.
    pub hyphenate: bool,
    /// The language of a résumé that names none in `meta.language` (a
    /// BCP 47 tag): its words, dates and hyphenation patterns.
    pub language: String,
    /// Words shorter than this are never hyphenated.
    #[serde(deserialize_with = "Range::<0, 64>::letters")]
    pub hyphen_min_word: usize,
    /// Letters that must stay before and after a hyphenation point.
    #[serde(deserialize_with = "Range::<0, 64>::letters")]
    pub hyphen_min_before: usize,
    /// Letters that must stay after a hyphenation point.
    #[serde(deserialize_with = "Range::<0, 64>::letters")]
    pub hyphen_min_after: usize,
    /// How far a justified space may stretch and shrink, as fractions of
    /// its natural width. A paragraph that cannot be set within them may
    /// stretch its spaces up to pdfTeX's tolerance (`breakers::TOLERANCE_RATIO`
    /// times), and then open its letters slightly, in an emergency pass.
    #[serde(deserialize_with = "Range::<0, 400>::share")]
    pub space_stretch: f32,
    /// How far a justified space may shrink, as a fraction of its natural
    /// width (below 1).
    #[serde(deserialize_with = "Range::<0, 90>::share")]
    pub space_shrink: f32,
    /// Margin kerning: hyphens, dashes, full stops, commas and quotes at
    /// the ends of justified lines hang partly into the margin, so the
    /// edge looks straight. On by default when `align = "justify"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protrusion: Option<bool>,
    /// Space between a Chinese, Japanese or Korean letter and a Latin
    /// letter or digit beside it ("使用Python"), in ems of the text's size,
    /// where a line does not break there. At most 0.08: poppler reads a
    /// gap of 0.1 em as a space the text does not have. 0, none, by
    /// default.
    #[serde(deserialize_with = "Range::<0, 8>::ems")]
    pub cjk_latin_space: f32,
}

impl Default for Text {
    fn default() -> Self {
        Text {
            align: TextAlign::Left,
            hyphenate: false,
            language: "en-us".into(),
            hyphen_min_word: 6,
            hyphen_min_before: 2,
            hyphen_min_after: 3,
            space_stretch: 0.6,
            space_shrink: 0.25,
            protrusion: None,
            cjk_latin_space: 0.0,
        }
    }
}

impl Text {
    /// Whether justified lines hang punctuation into the margins: as
    /// `protrusion` says, else when the text is justified.
    pub fn protrudes(&self) -> bool {
        self.protrusion.unwrap_or(self.align == TextAlign::Justify)
    }
}

/// Which digits dates use (OpenType `lnum` / `tnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Figures {
    /// Whatever the font draws by default.
    #[default]
    Default,
    /// Lining (cap-height) figures.
    Lining,
    /// Lining figures of equal width, so columns of dates align.
    Tabular,
}
