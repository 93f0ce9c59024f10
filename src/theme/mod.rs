//! Themes: everything about the look, as data. The full default theme lives
//! in code ([`Theme::default`]); a theme file in `layouts/` is a sparse
//! override of it (every table and key is optional). Built-in themes are
//! embedded in the binary. Themes never read résumé data.

mod check;
mod color;
mod grid;
mod letter;
mod parts;
mod range;
mod resolve;
mod text;
mod units;

pub use check::find_key_or_member;
pub use color::Color;
pub use grid::{Column, Entry, EntryLayout, Fit, Running};
pub use letter::{LetterStyle, Placement, Window};
pub use parts::*;
pub use resolve::{Confine, MAX_THEME_BYTES, Override};
pub use text::{Figures, Text, TextAlign};
pub use units::{Mm, Pt};

use range::Range;
use serde::{Deserialize, Serialize};

/// Built-in themes: name, file text (embedded at build time).
pub const BUILTIN: &[(&str, &str)] = &[
    ("classic", include_str!("../../layouts/classic.toml")),
    ("modern", include_str!("../../layouts/modern.toml")),
    ("sidebar", include_str!("../../layouts/sidebar.toml")),
    ("compact", include_str!("../../layouts/compact.toml")),
    ("elegant", include_str!("../../layouts/elegant.toml")),
    ("ats", include_str!("../../layouts/ats.toml")),
];

/// The theme `vita render` uses when none is named.
pub const DEFAULT_THEME: &str = "classic";

/// A theme: the whole look of a résumé, every key with a default.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    /// A theme this one overrides (a built-in name or a file), instead of
    /// vita's defaults.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// The theme's name, which messages about it give.
    pub name: String,
    /// One line about the theme, shown by `vita themes`.
    pub description: String,
    /// Paper size and margins.
    pub page: Page,
    /// The font of each role: name, headings, entry headers, body text.
    pub fonts: Fonts,
    /// The text, accent, muted and link colours.
    pub colors: Colors,
    /// Space between the parts of the page.
    pub spacing: Spacing,
    /// The name header: alignment, contact line, icons and photo.
    pub header: Header,
    /// How section headings look.
    pub headings: Headings,
    /// The glyphs and indent of highlights.
    pub bullets: Bullets,
    /// How an entry's header is arranged.
    pub entry: Entry,
    /// How dates print.
    pub dates: DateStyle,
    /// How body text is set: alignment, hyphenation, language.
    pub text: Text,
    /// Sections in the order they appear, for a one-column page; a section
    /// not listed is not shown.
    pub sections: Vec<SectionKind>,
    /// A multi-column page: each column's width and sections. Empty means
    /// one column holding `sections`.
    pub columns: Vec<Column>,
    /// Millimetres between columns.
    #[serde(deserialize_with = "Range::<0, 50>::mm")]
    pub column_gap: Mm,
    /// Column names in the order a reader (and text extraction) takes
    /// them; empty means left to right.
    pub reading_order: Vec<String>,
    /// The footer and continuation header repeated on each page.
    pub running: Running,
    /// How far `--fit-pages` may shrink the theme.
    pub fit: Fit,
    /// How a cover letter sits on the page.
    pub letter: LetterStyle,
    /// Words of the theme's own for titles and labels (`work = "Career"`),
    /// over the language's; `vita render --help` lists the keys.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub labels: std::collections::BTreeMap<String, String>,
}

/// The résumé's sections, as a theme names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The contact details, as a list (for a sidebar); the header band
    /// then leaves them out.
    Contact,
    /// The short introduction, `basics.summary`.
    Summary,
    /// Jobs (`[[work]]`), headed "Experience".
    Work,
    /// Volunteer work (`[[volunteer]]`).
    Volunteer,
    /// Degrees, diplomas and schools (`[[education]]`).
    Education,
    /// Prizes and honours (`[[awards]]`).
    Awards,
    /// Certifications (`[[certificates]]`).
    Certificates,
    /// Papers, articles and books (`[[publications]]`).
    Publications,
    /// Skill groups and their keywords (`[[skills]]`).
    Skills,
    /// Spoken languages (`[[languages]]`).
    Languages,
    /// Interests outside work (`[[interests]]`).
    Interests,
    /// References, or a note that they are available (`[[references]]`).
    References,
    /// Projects (`[[projects]]`).
    Projects,
    /// The résumé's own sections (`[[custom]]`), each under its title.
    Custom,
}

impl SectionKind {
    /// Every section but `Contact`, in the default order.
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

    /// The name a theme's `sections` and a résumé's
    /// `meta.section_languages` use for it (`work`), as serde writes it.
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Contact => "contact",
            SectionKind::Summary => "summary",
            SectionKind::Work => "work",
            SectionKind::Volunteer => "volunteer",
            SectionKind::Education => "education",
            SectionKind::Awards => "awards",
            SectionKind::Certificates => "certificates",
            SectionKind::Publications => "publications",
            SectionKind::Skills => "skills",
            SectionKind::Languages => "languages",
            SectionKind::Interests => "interests",
            SectionKind::References => "references",
            SectionKind::Projects => "projects",
            SectionKind::Custom => "custom",
        }
    }

    /// The standard heading, as ATS parsers expect it.
    pub fn title(self) -> &'static str {
        match self {
            SectionKind::Contact => "Contact",
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

impl Default for Theme {
    fn default() -> Self {
        let body = FontSpec::default();
        Theme {
            extends: None,
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
            entry: Entry::default(),
            dates: DateStyle::default(),
            text: Text::default(),
            sections: SectionKind::ALL.to_vec(),
            columns: Vec::new(),
            column_gap: Mm(6.0),
            reading_order: Vec::new(),
            running: Running::default(),
            fit: Fit::default(),
            letter: LetterStyle::default(),
            labels: Default::default(),
        }
    }
}

/// A column resolved against the page: where it is and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// The column's name (`columns.name`).
    pub name: String,
    /// Left edge and width, in points from the content box's left edge.
    pub x: f32,
    /// Width, in points.
    pub width: f32,
    /// The sections it holds, top to bottom.
    pub sections: Vec<SectionKind>,
    /// A tint behind the whole column.
    pub fill: Option<Color>,
}

impl Theme {
    /// The columns in reading order, placed within a content box
    /// `content_width` points wide.
    pub fn regions(&self, content_width: f32) -> Vec<Region> {
        let columns = if self.columns.is_empty() {
            vec![Column { sections: self.sections.clone(), ..Column::default() }]
        } else {
            self.columns.clone()
        };
        let gap = self.column_gap.pt();
        let gaps = gap * (columns.len() as f32 - 1.0);
        let total: f32 = columns.iter().map(|c| c.width).sum();
        let mut x = 0.0;
        let mut regions: Vec<Region> = columns
            .into_iter()
            .map(|c| {
                let width = (content_width - gaps) * c.width / total.max(1.0);
                let r = Region { name: c.name, x, width, sections: c.sections, fill: c.fill };
                x += width + gap;
                r
            })
            .collect();
        let rank =
            |r: &Region| self.reading_order.iter().position(|n| *n == r.name).unwrap_or(usize::MAX);
        regions.sort_by_key(rank);
        regions
    }

    /// Whether the contact details go in a column rather than the header.
    pub fn contact_in_column(&self) -> bool {
        self.columns.iter().any(|c| c.sections.contains(&SectionKind::Contact))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn section_keys_are_serdes_names() {
        for kind in SectionKind::ALL.into_iter().chain([SectionKind::Contact]) {
            assert_eq!(toml::Value::try_from(kind).unwrap().as_str(), Some(kind.key()));
        }
    }

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
        assert_eq!(d.message, "`fonts.body.size` is -5; give 4 to 96 points");
        assert_eq!(d.location.as_ref().map(|l| (l.line, l.column)), Some((2, 17)));
        // Each range sits on its field, and every kind of field is checked:
        // a list of tables, a length in millimetres, a factor, a count.
        for (text, key, line) in [
            (
                "[[columns]]\nname = \"a\"\nwidth = 60\n[[columns]]\nwidth = 0\n",
                "columns[1].width",
                5,
            ),
            ("[page]\nwidth = 210\nheight = 20000\n", "page.height", 3),
            ("[spacing]\nleading = nan\n", "spacing.leading", 2),
            ("[text]\nhyphen_min_word = 900\n", "text.hyphen_min_word", 2),
            ("column_gap = -1\n", "column_gap", 1),
        ] {
            let d = Theme::parse(text, Path::new("t.toml")).unwrap_err();
            assert!(d.message.starts_with(&format!("`{key}` is ")), "{text}: {d}");
            assert_eq!(d.location.as_ref().map(|l| l.line), Some(line), "{text}: {d}");
        }
        let d =
            Theme::parse("[page]\nmargin_left = 150\nmargin_right = 150\n", Path::new("t.toml"))
                .unwrap_err();
        assert!(d.message.contains("60 mm"), "{d}");
        // A check across fields points at the key it names, not at the
        // first key of the same name.
        let text = "[fonts]\nname = { family = \"Lato\" }\nbody = { family = \" \" }\n";
        let d = Theme::parse(text, Path::new("t.toml")).unwrap_err();
        assert_eq!(d.location.as_ref().map(|l| l.line), Some(3), "{d}");
        let d = Theme::parse("sections = [\"work\", \"work\"]\n", Path::new("t.toml")).unwrap_err();
        assert!(d.message.contains("twice"), "{d}");
        assert!(Theme::parse("[spacing]\nleading = 0\n", Path::new("t.toml")).is_err());
    }

    #[test]
    fn regions_sit_left_to_right_and_come_in_reading_order() {
        let text = "reading_order = [\"main\", \"side\"]\ncolumn_gap = 10\n\
                    [[columns]]\nname = \"side\"\nwidth = 30\nsections = [\"skills\"]\n\
                    [[columns]]\nname = \"main\"\nwidth = 70\nsections = [\"work\"]\n";
        let theme = Theme::parse(text, Path::new("t.toml")).unwrap();
        let r = theme.regions(500.0);
        assert_eq!(r.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["main", "side"]);
        assert!(r[1].x < r[0].x, "the sidebar is on the left");
        assert!((r[0].width + r[1].width + mm(10.0) - 500.0).abs() < 0.01);
        assert_eq!(r[0].sections, [SectionKind::Work]);
    }

    #[test]
    fn unknown_theme_name_suggests() {
        let d = Theme::resolve("clasic").unwrap_err();
        assert!(d.hint.unwrap().contains("classic"));
    }
}
