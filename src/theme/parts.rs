//! The parts of a theme: page, fonts by role, colours, spacing, header,
//! headings, bullets and dates, each with its built-in default.

use super::{Color, Figures, Theme};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    A4,
    Letter,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Page {
    pub paper: Paper,
    /// A custom page size in millimetres; when both are set they replace
    /// `paper`.
    pub width: Option<f32>,
    pub height: Option<f32>,
    /// Margins in millimetres.
    pub margin_top: f32,
    pub margin_bottom: f32,
    pub margin_left: f32,
    pub margin_right: f32,
}

impl Page {
    /// Page width and height in points.
    pub fn size_pt(&self) -> (f32, f32) {
        if let (Some(w), Some(h)) = (self.width, self.height) {
            return (mm(w), mm(h));
        }
        match self.paper {
            Paper::A4 => (mm(210.0), mm(297.0)),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// Millimetres to PostScript points.
pub fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

/// A font by role: family (one of `vita fonts`), size in points, style.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct FontSpec {
    pub family: String,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    /// Extra space after every glyph, in points.
    pub letter_spacing: f32,
    /// Overrides the role's default colour.
    pub color: Option<Color>,
}

impl Default for FontSpec {
    fn default() -> Self {
        FontSpec {
            family: "Charis SIL".into(),
            size: 10.0,
            bold: false,
            italic: false,
            letter_spacing: 0.0,
            color: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Fonts {
    pub name: FontSpec,
    pub label: FontSpec,
    pub contact: FontSpec,
    pub heading: FontSpec,
    pub entry_title: FontSpec,
    pub entry_subtitle: FontSpec,
    pub meta: FontSpec,
    pub body: FontSpec,
    /// For `code` in text fields.
    pub mono: FontSpec,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Colors {
    pub text: Color,
    pub accent: Color,
    pub muted: Color,
    pub links: Color,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Spacing {
    /// Line height as a multiple of the font size.
    pub leading: f32,
    /// Points between paragraphs of one entry.
    pub paragraph: f32,
    /// Points between bullets.
    pub bullet: f32,
    /// Points above a section heading, and below it.
    pub section_before: f32,
    pub section_after: f32,
    /// Points above each entry after the first of a section.
    pub entry_before: f32,
    /// Points between an entry's header and its body.
    pub entry_header_after: f32,
    /// Points below the name/contact header.
    pub header_after: f32,
    /// Minimum gap between an entry's title and its right-aligned dates.
    pub column_gap: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Center,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Header {
    pub align: Align,
    /// Between contact items.
    pub separator: String,
    /// The name header spans the page above the columns on page 1; when
    /// false it opens the first column instead.
    pub band: bool,
    /// An icon (Font Awesome) before each contact detail, in the accent
    /// colour; icons never reach extracted text.
    pub icons: bool,
    /// Where the résumé has a photo: none, square or circle, at the right
    /// of the header band.
    pub photo: crate::photo::Shape,
    /// The photo's side, in millimetres.
    pub photo_size: f32,
    /// How a profile with a URL prints: `address` ("github.com/alexdoe",
    /// the default: what an ATS can match) or `handle` ("GitHub:
    /// alexdoe", shorter, but the address is then only a link, which no
    /// text extractor reads). Either way the item links to the URL.
    pub profiles: ProfileStyle,
    /// Print `basics.location`'s street address and postal code before the
    /// city. Off by default: few résumés show where their author lives.
    pub street: bool,
}

/// How a profile prints; see [`Header::profiles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileStyle {
    #[default]
    Address,
    Handle,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Headings {
    pub uppercase: bool,
    /// Small capitals (OpenType `smcp`, or capitals at a reduced size where
    /// the font has none); the text still extracts as written.
    pub small_caps: bool,
    /// A rule with each section heading: none, below it, or beside it
    /// (from the end of the title to the margin).
    pub rule: HeadingRule,
    /// A short bar in the accent colour before each heading.
    pub accent_bar: bool,
    pub rule_thickness: f32,
    /// Points between the heading's baseline and its rule.
    pub rule_gap: f32,
    /// Colour the heading (and its rule) in the accent colour.
    pub accent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadingRule {
    None,
    Below,
    Beside,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bullets {
    pub glyph: String,
    /// Nested bullets' glyph.
    pub nested_glyph: String,
    /// Points from the body's left edge to the bullet text.
    pub indent: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// "Mar 2021": the language's abbreviated month and year.
    MonthYear,
    /// "March 2021": the month in full.
    MonthYearLong,
    /// "03/2021": month and year in figures, as the language writes them.
    Numeric,
    /// "2021"
    Year,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct DateStyle {
    pub format: DateFormat,
    /// Between the start and end of a range; by default the language's
    /// own (" – ", "～", " تا ").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub separator: Option<String>,
    /// How an open end reads; by default the language's word ("Present",
    /// "heute"), which `[labels] present` also sets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub present: Option<String>,
    pub figures: Figures,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            paper: Paper::A4,
            width: None,
            height: None,
            margin_top: 16.0,
            margin_bottom: 16.0,
            margin_left: 18.0,
            margin_right: 18.0,
        }
    }
}

impl Default for Fonts {
    fn default() -> Self {
        Theme::default().fonts
    }
}

impl Default for Colors {
    fn default() -> Self {
        Colors {
            text: Color::rgb(0x1a, 0x1a, 0x1a),
            accent: Color::rgb(0x1f, 0x3a, 0x5f),
            muted: Color::rgb(0x55, 0x55, 0x55),
            links: Color::rgb(0x1a, 0x1a, 0x1a),
        }
    }
}

impl Default for Spacing {
    fn default() -> Self {
        Spacing {
            leading: 1.25,
            paragraph: 3.0,
            bullet: 1.5,
            section_before: 12.0,
            section_after: 5.0,
            entry_before: 8.0,
            entry_header_after: 2.0,
            header_after: 4.0,
            column_gap: 12.0,
        }
    }
}

impl Default for Header {
    fn default() -> Self {
        Header {
            align: Align::Center,
            separator: "  ·  ".into(),
            band: true,
            icons: false,
            photo: crate::photo::Shape::None,
            photo_size: 24.0,
            profiles: ProfileStyle::Address,
            street: false,
        }
    }
}

impl Default for Headings {
    fn default() -> Self {
        Headings {
            uppercase: true,
            small_caps: false,
            rule: HeadingRule::Below,
            accent_bar: false,
            rule_thickness: 0.5,
            rule_gap: 3.0,
            accent: true,
        }
    }
}

impl Default for Bullets {
    fn default() -> Self {
        Bullets { glyph: "•".into(), nested_glyph: "–".into(), indent: 11.0 }
    }
}

impl Default for DateStyle {
    fn default() -> Self {
        DateStyle {
            format: DateFormat::MonthYear,
            separator: None,
            present: None,
            figures: Figures::Lining,
        }
    }
}
