//! The page grid and what surrounds it: columns and the sections each one
//! holds, running footers and headers, and the floors `--fit-pages` may
//! shrink the theme to.

use super::range::Range;
use super::units::Mm;
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
    #[serde(deserialize_with = "Range::<1, 100>::percent")]
    pub width: f32,
    /// The sections the column holds, top to bottom.
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
    /// `{name}`, `{page}` and `{pages}` are filled in, and `{folio}`: the
    /// page numbers as the résumé's language writes them ("2 / 3",
    /// "Seite 2 von 3").
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
            footer_text: "{name} — {folio}".into(),
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
    #[serde(deserialize_with = "Range::<4, 96>::points")]
    pub min_body_size: f32,
    /// Smallest line height, as a multiple of the font size.
    #[serde(deserialize_with = "Range::<80, 400>::share")]
    pub min_leading: f32,
    /// Smallest margin, in millimetres.
    #[serde(deserialize_with = "Range::<0, 100>::mm")]
    pub min_margin: Mm,
    /// Smallest share of the theme's vertical spacing that may remain.
    #[serde(deserialize_with = "Range::<0, 100>::share")]
    pub min_spacing: f32,
}

impl Default for Fit {
    fn default() -> Self {
        Fit { min_body_size: 7.5, min_leading: 1.1, min_margin: Mm(10.0), min_spacing: 0.3 }
    }
}

impl super::Theme {
    /// The theme shrunk a fraction `t` (0 = as is, 1 = every knob at its
    /// floor) of the way towards the floors in `[fit]`: font sizes (in
    /// proportion to the body's), leading, vertical spacing, margins. A knob
    /// already below its floor is left alone.
    pub fn squeezed(&self, t: f32) -> super::Theme {
        let t = t.clamp(0.0, 1.0);
        let fit = &self.fit;
        let mut out = self.clone();
        let floor = (fit.min_body_size / self.fonts.body.size).min(1.0);
        let scale = 1.0 - t * (1.0 - floor);
        let f = &mut out.fonts;
        for spec in [
            &mut f.name,
            &mut f.label,
            &mut f.contact,
            &mut f.heading,
            &mut f.entry_title,
            &mut f.entry_subtitle,
            &mut f.meta,
            &mut f.body,
            &mut f.mono,
        ] {
            spec.size *= scale;
        }
        let toward = |v: f32, min: f32| if v > min { v - t * (v - min) } else { v };
        out.spacing.leading = toward(self.spacing.leading, fit.min_leading);
        let k = 1.0 - t * (1.0 - fit.min_spacing.clamp(0.0, 1.0));
        let s = &mut out.spacing;
        for v in [
            &mut s.paragraph,
            &mut s.bullet,
            &mut s.section_before,
            &mut s.section_after,
            &mut s.entry_before,
            &mut s.entry_header_after,
            &mut s.header_after,
        ] {
            *v = *v * k;
        }
        let p = &mut out.page;
        for m in [&mut p.margin_top, &mut p.margin_bottom, &mut p.margin_left, &mut p.margin_right]
        {
            *m = Mm(toward(m.0, fit.min_margin.0));
        }
        out
    }

    /// What `squeezed` changed, as a person would say it.
    pub fn changes_from(&self, original: &super::Theme) -> Vec<String> {
        let mut out = Vec::new();
        let (a, b) = (original.fonts.body.size, self.fonts.body.size);
        if (a - b).abs() > 0.05 {
            out.push(format!("body {a:.1} pt → {b:.1} pt"));
        }
        let (a, b) = (original.spacing.leading, self.spacing.leading);
        if (a - b).abs() > 0.005 {
            out.push(format!("leading {a:.2} → {b:.2}"));
        }
        let (a, b) = (original.spacing.section_before.get(), self.spacing.section_before.get());
        if a > 0.0 && (a - b).abs() > 0.05 {
            out.push(format!("spacing −{:.0} %", (1.0 - b / a) * 100.0));
        }
        let (a, b) = (original.page.margin_left.0, self.page.margin_left.0);
        if (a - b).abs() > 0.05 {
            out.push(format!("margins {a:.0} mm → {b:.1} mm"));
        }
        out
    }
}

/// How an entry's header is arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryLayout {
    /// The title with its dates flush right, the organisation with its
    /// place flush right, then the address. Where a title or organisation
    /// wraps, its fact moves under it, so that nothing sits beside
    /// wrapping text.
    #[default]
    Split,
    /// Title, organisation, then dates, place and address on one line, all
    /// flush left.
    Stacked,
    /// A rail down the left of the column holds each entry's dates and
    /// place, on the line of what they belong to; everything else sits to
    /// the right of the rail. A rail item read
    /// before the first line of its text never lands inside it, so every
    /// extractor reads the page whole; one too wide for the rail goes
    /// above its text instead.
    Rail,
}

/// How entries are laid out (`[entry]`): their header, and the rail if any.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Entry {
    /// How each entry's header is arranged: `split`, `stacked` or `rail`.
    pub layout: EntryLayout,
    /// The rail's width in millimetres (`layout = "rail"`), and the gap
    /// between it and the text.
    #[serde(deserialize_with = "Range::<10, 80>::mm")]
    pub rail_width: Mm,
    /// Millimetres between the rail and the text.
    #[serde(deserialize_with = "Range::<0, 20>::mm")]
    pub rail_gap: Mm,
    /// A tint behind the rail, on every page.
    pub rail_fill: Option<Color>,
}

impl Default for Entry {
    fn default() -> Self {
        Entry {
            layout: EntryLayout::Split,
            rail_width: Mm(30.0),
            rail_gap: Mm(5.0),
            rail_fill: None,
        }
    }
}
