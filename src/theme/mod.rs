//! Themes: everything about the look, as data. The full default theme lives
//! in code ([`Theme::default`]); a theme file in `layouts/` is a sparse
//! override of it (every table and key is optional). Built-in themes are
//! embedded in the binary. Themes never read résumé data.

mod color;
mod text;

pub use color::Color;
pub use text::{Figures, Text, TextAlign};

use crate::diag::{self, Diagnostic};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Built-in themes: name, file text (embedded at build time).
pub const BUILTIN: &[(&str, &str)] = &[
    ("classic", include_str!("../../layouts/classic.toml")),
    ("modern", include_str!("../../layouts/modern.toml")),
];

/// The theme `vita render` uses when none is named.
pub const DEFAULT_THEME: &str = "classic";

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    pub name: String,
    pub description: String,
    pub page: Page,
    pub fonts: Fonts,
    pub colors: Colors,
    pub spacing: Spacing,
    pub header: Header,
    pub headings: Headings,
    pub bullets: Bullets,
    pub dates: DateStyle,
    pub text: Text,
    /// Sections in the order they appear; a section not listed is not shown.
    pub sections: Vec<SectionKind>,
}

/// The résumé's sections, as a theme names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Summary,
    Work,
    Volunteer,
    Education,
    Awards,
    Certificates,
    Publications,
    Skills,
    Languages,
    Interests,
    References,
    Projects,
    Custom,
}

impl SectionKind {
    pub const ALL: [SectionKind; 13] = [
        SectionKind::Summary,
        SectionKind::Work,
        SectionKind::Projects,
        SectionKind::Education,
        SectionKind::Skills,
        SectionKind::Volunteer,
        SectionKind::Awards,
        SectionKind::Certificates,
        SectionKind::Publications,
        SectionKind::Languages,
        SectionKind::Interests,
        SectionKind::References,
        SectionKind::Custom,
    ];

    /// The standard heading, as ATS parsers expect it.
    pub fn title(self) -> &'static str {
        match self {
            SectionKind::Summary => "Summary",
            SectionKind::Work => "Experience",
            SectionKind::Volunteer => "Volunteering",
            SectionKind::Education => "Education",
            SectionKind::Awards => "Awards",
            SectionKind::Certificates => "Certificates",
            SectionKind::Publications => "Publications",
            SectionKind::Skills => "Skills",
            SectionKind::Languages => "Languages",
            SectionKind::Interests => "Interests",
            SectionKind::References => "References",
            SectionKind::Projects => "Projects",
            SectionKind::Custom => "Other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    A4,
    Letter,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Page {
    pub paper: Paper,
    /// Margins in millimetres.
    pub margin_top: f32,
    pub margin_bottom: f32,
    pub margin_left: f32,
    pub margin_right: f32,
}

impl Page {
    /// Page width and height in points.
    pub fn size_pt(&self) -> (f32, f32) {
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
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Headings {
    pub uppercase: bool,
    /// Small capitals (OpenType `smcp`, or capitals at a reduced size where
    /// the font has none); the text still extracts as written.
    pub small_caps: bool,
    /// A rule under each section heading.
    pub rule: bool,
    pub rule_thickness: f32,
    /// Points between the heading's baseline and its rule.
    pub rule_gap: f32,
    /// Colour the heading (and its rule) in the accent colour.
    pub accent: bool,
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
    /// "Mar 2021"
    MonthYear,
    /// "03/2021"
    Numeric,
    /// "2021"
    Year,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct DateStyle {
    pub format: DateFormat,
    /// Between the start and end of a range.
    pub separator: String,
    /// How an open end reads.
    pub present: String,
    pub figures: Figures,
}

impl Default for Theme {
    fn default() -> Self {
        let body = FontSpec::default();
        Theme {
            name: "default".into(),
            description: "vita's built-in defaults".into(),
            page: Page::default(),
            fonts: Fonts {
                name: FontSpec { size: 24.0, ..body.clone() },
                label: FontSpec { size: 11.0, italic: true, ..body.clone() },
                contact: FontSpec { size: 9.0, ..body.clone() },
                heading: FontSpec { size: 11.0, bold: true, letter_spacing: 0.8, ..body.clone() },
                entry_title: FontSpec { bold: true, ..body.clone() },
                entry_subtitle: FontSpec { italic: true, ..body.clone() },
                meta: FontSpec { size: 9.5, ..body.clone() },
                mono: FontSpec { family: "Noto Sans Mono".into(), size: 9.0, ..body.clone() },
                body,
            },
            colors: Colors::default(),
            spacing: Spacing::default(),
            header: Header::default(),
            headings: Headings::default(),
            bullets: Bullets::default(),
            dates: DateStyle::default(),
            text: Text::default(),
            sections: SectionKind::ALL.to_vec(),
        }
    }
}

impl Default for Page {
    fn default() -> Self {
        Page {
            paper: Paper::A4,
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
        Header { align: Align::Center, separator: "  ·  ".into() }
    }
}

impl Default for Headings {
    fn default() -> Self {
        Headings {
            uppercase: true,
            small_caps: false,
            rule: true,
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
            separator: " – ".into(),
            present: "Present".into(),
            figures: Figures::Lining,
        }
    }
}

impl Theme {
    /// Resolves `--theme`: a built-in name, or a path to a theme file.
    pub fn resolve(name_or_path: &str) -> Result<Theme, Diagnostic> {
        if let Some((_, text)) = BUILTIN.iter().find(|(n, _)| *n == name_or_path) {
            return Self::parse(text, Path::new(&format!("layouts/{name_or_path}.toml")));
        }
        let path = Path::new(name_or_path);
        if path.extension().is_some() || path.exists() {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Diagnostic::new(format!("cannot read theme: {e}")).in_file(path))?;
            return Self::parse(&text, path);
        }
        let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
        let hint = match diag::did_you_mean(name_or_path, names.iter().copied()) {
            Some(best) => format!("did you mean `{best}`? (`vita themes` lists them)"),
            None => format!(
                "built-in themes: {}; or give a path to a .toml theme file",
                names.join(", ")
            ),
        };
        Err(Diagnostic::new(format!("no theme named `{name_or_path}`")).with_hint(hint))
    }

    /// Parses a theme file over the code defaults, and checks its values.
    pub fn parse(text: &str, path: &Path) -> Result<Theme, Diagnostic> {
        let theme: Theme =
            toml::from_str(text).map_err(|e| diag::from_toml_error(&e, text, path))?;
        theme.check().map_err(|(key, problem)| {
            let leaf = key.rsplit('.').next().unwrap_or(&key);
            let mut d = Diagnostic::new(format!("`{key}` {problem}")).in_file(path);
            if let Some(at) = find_key(text, leaf) {
                d = d.at_span(text, at..at + leaf.len());
            }
            d
        })?;
        Ok(theme)
    }

    /// Values serde cannot check: sizes, spacing, margins, sections.
    fn check(&self) -> Result<(), (String, String)> {
        let f = &self.fonts;
        let roles = [
            ("name", &f.name),
            ("label", &f.label),
            ("contact", &f.contact),
            ("heading", &f.heading),
            ("entry_title", &f.entry_title),
            ("entry_subtitle", &f.entry_subtitle),
            ("meta", &f.meta),
            ("body", &f.body),
            ("mono", &f.mono),
        ];
        for (role, spec) in roles {
            if !(spec.size.is_finite() && spec.size >= 4.0 && spec.size <= 96.0) {
                return Err((
                    format!("fonts.{role}.size"),
                    format!("is {}; give a size from 4 to 96 points", spec.size),
                ));
            }
            if !spec.letter_spacing.is_finite() || spec.letter_spacing.abs() > spec.size {
                return Err((format!("fonts.{role}.letter_spacing"), "is out of range".into()));
            }
        }
        let sp = &self.spacing;
        if !(sp.leading.is_finite() && (0.8..=4.0).contains(&sp.leading)) {
            return Err((
                "spacing.leading".into(),
                format!("is {}; give a multiple from 0.8 to 4", sp.leading),
            ));
        }
        let gaps = [
            ("paragraph", sp.paragraph),
            ("bullet", sp.bullet),
            ("section_before", sp.section_before),
            ("section_after", sp.section_after),
            ("entry_before", sp.entry_before),
            ("entry_header_after", sp.entry_header_after),
            ("header_after", sp.header_after),
            ("column_gap", sp.column_gap),
        ];
        for (key, v) in gaps {
            if !(v.is_finite() && (0.0..=200.0).contains(&v)) {
                return Err((
                    format!("spacing.{key}"),
                    format!("is {v}; give points from 0 to 200"),
                ));
            }
        }
        let p = &self.page;
        let (w, h) = p.size_pt();
        for (key, v) in [
            ("margin_top", p.margin_top),
            ("margin_bottom", p.margin_bottom),
            ("margin_left", p.margin_left),
            ("margin_right", p.margin_right),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                return Err((
                    format!("page.{key}"),
                    format!("is {v}; margins are millimetres, 0 or more"),
                ));
            }
        }
        if w - mm(p.margin_left + p.margin_right) < mm(60.0)
            || h - mm(p.margin_top + p.margin_bottom) < mm(60.0)
        {
            return Err((
                "page.margin_left".into(),
                "and the other margins leave less than 60 mm of page to write on".into(),
            ));
        }
        let t = &self.text;
        if !(t.space_stretch.is_finite()
            && t.space_stretch >= 0.0
            && t.space_shrink.is_finite()
            && (0.0..1.0).contains(&t.space_shrink))
        {
            return Err((
                "text.space_stretch".into(),
                "and text.space_shrink must be fractions (shrink below 1)".into(),
            ));
        }
        let mut seen = Vec::new();
        for s in &self.sections {
            if seen.contains(s) {
                return Err((
                    "sections".into(),
                    format!("lists `{}` twice", s.title().to_lowercase()),
                ));
            }
            seen.push(*s);
        }
        Ok(())
    }
}

/// Byte offset of the first `key =` in a TOML text, for error locations.
fn find_key(text: &str, key: &str) -> Option<usize> {
    text.match_indices(key).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + key.len()..].trim_start();
        before.is_none_or(|c| !c.is_alphanumeric() && c != '_') && after.starts_with('=')
    })
}

impl Theme {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_parses_and_names_itself() {
        for (name, _) in BUILTIN {
            let t = Theme::resolve(name).unwrap();
            assert_eq!(&t.name, name);
        }
    }

    #[test]
    fn unknown_theme_key_is_located() {
        let d = Theme::parse("[page]\nmargin_lft = 3\n", Path::new("t.toml")).unwrap_err();
        assert_eq!(d.location.unwrap().line, 2);
        assert_eq!(d.hint.as_deref(), Some("did you mean `margin_left`?"));
    }

    #[test]
    fn impossible_values_are_refused_with_their_place() {
        let d = Theme::parse("[fonts]\nbody = { size = -5 }\n", Path::new("t.toml")).unwrap_err();
        assert!(d.message.contains("fonts.body.size"), "{d}");
        assert_eq!(d.location.unwrap().line, 2);
        let d =
            Theme::parse("[page]\nmargin_left = 150\nmargin_right = 150\n", Path::new("t.toml"))
                .unwrap_err();
        assert!(d.message.contains("60 mm"), "{d}");
        let d = Theme::parse("sections = [\"work\", \"work\"]\n", Path::new("t.toml")).unwrap_err();
        assert!(d.message.contains("twice"), "{d}");
        assert!(Theme::parse("[spacing]\nleading = 0\n", Path::new("t.toml")).is_err());
    }

    #[test]
    fn unknown_theme_name_suggests() {
        let d = Theme::resolve("clasic").unwrap_err();
        assert!(d.hint.unwrap().contains("classic"));
    }
}
