//! The page grid and what surrounds it: columns and the sections each one
//! holds, running footers and headers, and the floors `--fit-pages` may
//! shrink the theme to.

use super::{Color, SectionKind};
use serde::{Deserialize, Serialize};

/// One column of the page. Columns sit left to right in the order listed;
/// each flows its own sections down the page and on to the next pages.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Column {
    /// A name for `reading_order` ("main", "side").
    pub name: String,
    /// Share of the content width, in percent; the rest is gaps.
    pub width: f32,
    pub sections: Vec<SectionKind>,
    /// A tint behind the whole column.
    pub fill: Option<Color>,
}

impl Default for Column {
    fn default() -> Self {
        Column {
            name: "main".into(),
            width: 100.0,
            sections: SectionKind::ALL.to_vec(),
            fill: None,
        }
    }
}

/// Elements repeated on every page.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Running {
    /// A footer on every page of a résumé longer than one page.
    pub footer: bool,
    /// `{name}`, `{page}` and `{pages}` are filled in.
    pub footer_text: String,
    /// The name again at the top of pages 2 and on.
    pub continuation_header: bool,
    /// "Updated Mar 2026" in the footer, from the résumé's `meta.last_modified`.
    pub updated: bool,
}

impl Default for Running {
    fn default() -> Self {
        Running {
            footer: true,
            footer_text: "{name} — {page} / {pages}".into(),
            continuation_header: false,
            updated: false,
        }
    }
}

/// How far `--fit-pages` may shrink the theme.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Fit {
    /// Smallest body size, in points (other sizes shrink in proportion).
    pub min_body_size: f32,
    /// Smallest line height, as a multiple of the font size.
    pub min_leading: f32,
    /// Smallest margin, in millimetres.
    pub min_margin: f32,
    /// Smallest share of the theme's vertical spacing that may remain.
    pub min_spacing: f32,
}

impl Default for Fit {
    fn default() -> Self {
        Fit { min_body_size: 8.5, min_leading: 1.12, min_margin: 10.0, min_spacing: 0.4 }
    }
}
