//! The parts of a theme: page, fonts by role, colours, spacing, header,
//! headings, bullets and dates, each with its built-in default.

use super::range::Range;
use super::units::{Mm, Pt};
use super::{Color, Figures, Theme};
use serde::{Deserialize, Serialize};

/// A named paper size (`page.paper`, `--paper`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 inches (216 × 279 mm).
    Letter,
}

/// The page (`[page]`): its size and margins.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Page {
    /// `a4` or `letter`, unless `width` and `height` are both set.
    pub paper: Paper,
    /// A custom page size in millimetres; when both are set they replace
    /// `paper`.
    #[serde(deserialize_with = "Range::<50, 1200>::opt_mm")]
    pub width: Option<Mm>,
    /// The custom page height in millimetres; see `width`.
    #[serde(deserialize_with = "Range::<50, 1200>::opt_mm")]
    pub height: Option<Mm>,
    /// Margins in millimetres.
    #[serde(deserialize_with = "Range::<0, 500>::mm")]
    pub margin_top: Mm,
    /// Bottom margin, in millimetres.
    #[serde(deserialize_with = "Range::<0, 500>::mm")]
    pub margin_bottom: Mm,
    /// Left margin, in millimetres.
    #[serde(deserialize_with = "Range::<0, 500>::mm")]
    pub margin_left: Mm,
    /// Right margin, in millimetres.
    #[serde(deserialize_with = "Range::<0, 500>::mm")]
    pub margin_right: Mm,
}

impl Page {
    /// Page width and height in points.
    pub fn size_pt(&self) -> (f32, f32) {
        if let (Some(w), Some(h)) = (self.width, self.height) {
            return (w.pt(), h.pt());
        }
        match self.paper {
            Paper::A4 => (Mm(210.0).pt(), Mm(297.0).pt()),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// Millimetres to PostScript points, for a number that is not a theme's
/// [`Mm`] field.
pub fn mm(v: f32) -> f32 {
    Mm(v).pt()
}

/// A font by role: family (one of `vita fonts`), size in points, style.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct FontSpec {
    /// The family, one of those `vita fonts` lists (`Charis SIL`); case does
    /// not matter.
    pub family: String,
    /// Size in points, 4 to 96.
    #[serde(deserialize_with = "Range::<4, 96>::points")]
    pub size: f32,
    /// Use the family's bold face.
    pub bold: bool,
    /// Use the family's italic face, where it has one.
    pub italic: bool,
    /// Extra space after every glyph, in points.
    #[serde(deserialize_with = "Range::<-10, 20>::points")]
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

/// The font of each role on the page (`[fonts]`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Fonts {
    /// The résumé's name at the top of the header.
    pub name: FontSpec,
    /// The line under the name (`basics.label`), in the muted colour.
    pub label: FontSpec,
    /// The contact details.
    pub contact: FontSpec,
    /// Section headings.
    pub heading: FontSpec,
    /// An entry's title: the position, degree or award.
    pub entry_title: FontSpec,
    /// An entry's organisation: employer, school, issuer or publisher.
    pub entry_subtitle: FontSpec,
    /// Dates, places and links in entry headers, and the running footer; in
    /// the muted colour.
    pub meta: FontSpec,
    /// Summaries, highlights and other running text.
    pub body: FontSpec,
    /// For `code` in text fields.
    pub mono: FontSpec,
}

impl Fonts {
    /// Every role with its key (`body`), in the order a theme lists them.
    pub fn roles(&self) -> [(&'static str, &FontSpec); 9] {
        [
            ("name", &self.name),
            ("label", &self.label),
            ("contact", &self.contact),
            ("heading", &self.heading),
            ("entry_title", &self.entry_title),
            ("entry_subtitle", &self.entry_subtitle),
            ("meta", &self.meta),
            ("body", &self.body),
            ("mono", &self.mono),
        ]
    }

    /// The key of the role `spec` is (the same value, not an equal one).
    pub fn role_of(&self, spec: &FontSpec) -> Option<&'static str> {
        self.roles().into_iter().find(|(_, s)| std::ptr::eq(*s, spec)).map(|(role, _)| role)
    }
}

/// The page's colours (`[colors]`), each `"#RRGGBB"`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Colors {
    /// The name, titles and body text.
    pub text: Color,
    /// Headings and their rules (when `headings.accent` is on), the heading
    /// bar, and contact icons.
    pub accent: Color,
    /// The label under the name, dates and places in entry headers, and
    /// the footer.
    pub muted: Color,
    /// Links in text, and the addresses in entry headers.
    pub links: Color,
}

/// Space between the parts of the page (`[spacing]`), in points except
/// `leading`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Spacing {
    /// Line height as a multiple of the font size.
    #[serde(deserialize_with = "Range::<80, 400>::share")]
    pub leading: f32,
    /// Points between paragraphs of one entry.
    #[serde(deserialize_with = "Range::<0, 200>::points")]
    pub paragraph: Pt,
    /// Points between bullets.
    #[serde(deserialize_with = "Range::<0, 200>::points")]
    pub bullet: Pt,
    /// Points above a section heading, and below it.
    #[serde(deserialize_with = "Range::<0, 200>::points")]
    pub section_before: Pt,
    /// Points below a section heading.
    #[serde(deserialize_with = "Range::<0, 200>::points")]
    pub section_after: Pt,
    /// Points above each entry after the first of a section.
    #[serde(deserialize_with = "Range::<0, 200>::points")]
    pub entry_before: Pt,
    /// Points between an entry's header and its body.
    #[serde(deserialize_with = "Range::<0, 200>::points")]
    pub entry_header_after: Pt,
    /// Points below the name/contact header.
    #[serde(deserialize_with = "Range::<0, 200>::points")]
    pub header_after: Pt,
    /// Minimum gap between an entry's title and its right-aligned dates.
    #[serde(deserialize_with = "Range::<0, 200>::points")]
    pub column_gap: Pt,
}

/// How the name header lines up (`header.align`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
}

/// The name header (`[header]`): the name, the label under it, and the
/// contact line.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Header {
    /// `left` or `center`: how the name, label and contact line align.
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
    #[serde(deserialize_with = "Range::<5, 80>::mm")]
    pub photo_size: Mm,
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
    /// The profile's address without its scheme ("github.com/alexdoe").
    #[default]
    Address,
    /// The network and user name ("GitHub: alexdoe").
    Handle,
}

/// How section headings look (`[headings]`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Headings {
    /// Set headings in capitals.
    pub uppercase: bool,
    /// Small capitals (OpenType `smcp`, or capitals at a reduced size where
    /// the font has none); the text still extracts as written.
    pub small_caps: bool,
    /// A rule with each section heading: none, below it, or beside it
    /// (from the end of the title to the margin).
    pub rule: HeadingRule,
    /// A short bar in the accent colour before each heading.
    pub accent_bar: bool,
    /// The rule's thickness, in points (0 to 10).
    #[serde(deserialize_with = "Range::<0, 10>::points")]
    pub rule_thickness: Pt,
    /// Points between the heading's baseline and its rule.
    #[serde(deserialize_with = "Range::<0, 50>::points")]
    pub rule_gap: Pt,
    /// Colour the heading (and its rule) in the accent colour.
    pub accent: bool,
}

/// Where a section heading's rule goes (`headings.rule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadingRule {
    /// No rule.
    None,
    /// Under the heading, across the column.
    Below,
    /// On the heading's line, from the end of the title to the margin.
    Beside,
}

/// How highlights are bulleted (`[bullets]`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bullets {
    /// The mark before each bullet ("•").
    pub glyph: String,
    /// Nested bullets' glyph.
    pub nested_glyph: String,
    /// Points from the body's left edge to the bullet text.
    #[serde(deserialize_with = "Range::<0, 100>::points")]
    pub indent: Pt,
}

/// How a date is written (`dates.format`).
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

/// How dates print (`[dates]`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct DateStyle {
    /// `month_year`, `month_year_long`, `numeric` or `year`.
    pub format: DateFormat,
    /// Between the start and end of a range; by default the language's
    /// own (" – ", "～", " تا ").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub separator: Option<String>,
    /// How an open end reads; by default the language's word ("Present",
    /// "heute"), which `[labels] present` also sets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub present: Option<String>,
    /// Which digits dates use: `default`, `lining` or `tabular`.
    pub figures: Figures,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            paper: Paper::A4,
            width: None,
            height: None,
            margin_top: Mm(16.0),
            margin_bottom: Mm(16.0),
            margin_left: Mm(18.0),
            margin_right: Mm(18.0),
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
            paragraph: Pt(3.0),
            bullet: Pt(1.5),
            section_before: Pt(12.0),
            section_after: Pt(5.0),
            entry_before: Pt(8.0),
            entry_header_after: Pt(2.0),
            header_after: Pt(4.0),
            column_gap: Pt(12.0),
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
            photo_size: Mm(24.0),
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
            rule_thickness: Pt(0.5),
            rule_gap: Pt(3.0),
            accent: true,
        }
    }
}

impl Default for Bullets {
    fn default() -> Self {
        Bullets { glyph: "•".into(), nested_glyph: "–".into(), indent: Pt(11.0) }
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
