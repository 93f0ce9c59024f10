//! Theme values serde cannot check: sizes, spacing, margins, sections.

use super::{Theme, mm};
use crate::error::Error;

impl Theme {
    /// Values serde cannot check: sizes, spacing, margins, sections.
    pub(super) fn check(&self) -> Result<(), Error> {
        self.check_fonts()?;
        self.check_page()?;
        self.check_text()?;
        self.check_ranges()?;
        let mut seen = Vec::new();
        for s in &self.sections {
            if seen.contains(s) {
                return Err(Error::theme(
                    "sections".into(),
                    format!("lists `{}` twice", s.title().to_lowercase()),
                ));
            }
            seen.push(*s);
        }
        Ok(())
    }

    /// Every role's size (4 to 96 pt), family (one vita bundles) and
    /// letter spacing.
    fn check_fonts(&self) -> Result<(), Error> {
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
                return Err(Error::theme(
                    format!("fonts.{role}.size"),
                    format!("is {}; give a size from 4 to 96 points", spec.size),
                ));
            }
            let families = crate::fonts::FontBook::families();
            if !families.iter().any(|f| f.eq_ignore_ascii_case(&spec.family)) {
                let advice = match crate::diag::did_you_mean(&spec.family, families) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => "`vita fonts` lists the families it has".into(),
                };
                return Err(Error::theme(
                    format!("fonts.{role}.family"),
                    format!("is `{}`, which vita does not bundle; {advice}", spec.family),
                ));
            }
            if !spec.letter_spacing.is_finite() || spec.letter_spacing.abs() > spec.size {
                return Err(Error::theme(
                    format!("fonts.{role}.letter_spacing"),
                    "is out of range".into(),
                ));
            }
        }
        Ok(())
    }

    /// Leading, the gaps between blocks, the page's size and margins, and
    /// the columns that fit in them.
    fn check_page(&self) -> Result<(), Error> {
        let sp = &self.spacing;
        if !(sp.leading.is_finite() && (0.8..=4.0).contains(&sp.leading)) {
            return Err(Error::theme(
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
                return Err(Error::theme(
                    format!("spacing.{key}"),
                    format!("is {v}; give points from 0 to 200"),
                ));
            }
        }
        let p = &self.page;
        for (key, v) in [("page.width", p.width), ("page.height", p.height)] {
            if v.is_some_and(|v| !(v.is_finite() && (50.0..=1200.0).contains(&v.0))) {
                return Err(Error::theme(
                    key.into(),
                    "is out of range; give millimetres from 50 to 1200".into(),
                ));
            }
        }
        let (w, h) = p.size_pt();
        for (key, v) in [
            ("margin_top", p.margin_top),
            ("margin_bottom", p.margin_bottom),
            ("margin_left", p.margin_left),
            ("margin_right", p.margin_right),
        ] {
            if !(v.is_finite() && v.0 >= 0.0) {
                return Err(Error::theme(
                    format!("page.{key}"),
                    format!("is {}; margins are millimetres, 0 or more", v.0),
                ));
            }
        }
        if w - (p.margin_left + p.margin_right).pt() < mm(60.0)
            || h - (p.margin_top + p.margin_bottom).pt() < mm(60.0)
        {
            return Err(Error::theme(
                "page.margin_left".into(),
                "and the other margins leave less than 60 mm of page to write on".into(),
            ));
        }
        self.check_columns(w - (p.margin_left + p.margin_right).pt())
    }

    /// How far justified spaces may stretch and shrink, and hyphenation's
    /// letter counts.
    fn check_text(&self) -> Result<(), Error> {
        let t = &self.text;
        if !(t.space_stretch.is_finite()
            && t.space_stretch >= 0.0
            && t.space_shrink.is_finite()
            && (0.0..1.0).contains(&t.space_shrink))
        {
            return Err(Error::theme(
                "text.space_stretch".into(),
                "and text.space_shrink must be fractions (shrink below 1)".into(),
            ));
        }
        if t.space_stretch > 4.0 {
            return Err(Error::theme(
                "text.space_stretch".into(),
                "is over 4; give a fraction".into(),
            ));
        }
        for (key, v) in [
            ("hyphen_min_word", t.hyphen_min_word),
            ("hyphen_min_before", t.hyphen_min_before),
            ("hyphen_min_after", t.hyphen_min_after),
        ] {
            if v > 64 {
                return Err(Error::theme(
                    format!("text.{key}"),
                    format!("is {v}; give letters from 0 to 64"),
                ));
            }
        }
        Ok(())
    }

    /// Every other number a theme holds: finite and within a range a page
    /// can show, so nothing downstream meets a NaN, an infinity or a rule
    /// a kilometre thick.
    fn check_ranges(&self) -> Result<(), Error> {
        let h = &self.headings;
        let fit = &self.fit;
        let ranges: [(&str, f32, f32, f32, &str); 10] = [
            ("headings.rule_thickness", h.rule_thickness, 0.0, 10.0, "points"),
            ("headings.rule_gap", h.rule_gap, 0.0, 50.0, "points"),
            ("bullets.indent", self.bullets.indent, 0.0, 100.0, "points"),
            ("header.photo_size", self.header.photo_size.0, 5.0, 80.0, "millimetres"),
            ("fit.min_body_size", fit.min_body_size, 4.0, 96.0, "points"),
            ("fit.min_leading", fit.min_leading, 0.8, 4.0, "times the font size"),
            ("fit.min_margin", fit.min_margin.0, 0.0, 100.0, "millimetres"),
            ("fit.min_spacing", fit.min_spacing, 0.0, 1.0, "as a share of the spacing"),
            ("entry.rail_width", self.entry.rail_width.0, 10.0, 80.0, "millimetres"),
            ("entry.rail_gap", self.entry.rail_gap.0, 0.0, 20.0, "millimetres"),
        ];
        for (key, v, lo, hi, unit) in ranges {
            if !(v.is_finite() && (lo..=hi).contains(&v)) {
                return Err(Error::theme(
                    key.into(),
                    format!("is {}; give {lo} to {hi} {unit}", shown(v)),
                ));
            }
        }
        // Text a theme puts on every page, or in every entry: short by nature.
        for (key, text) in [("name", &self.name), ("description", &self.description)] {
            if text.chars().count() > 10 * MAX_THEME_TEXT {
                return Err(Error::theme(
                    key.into(),
                    format!("is over {} characters long", 10 * MAX_THEME_TEXT),
                ));
            }
        }
        for key in self.labels.keys() {
            let labels = crate::locale::Labels::KEYS;
            if !labels.contains(&key.as_str()) {
                let hint = crate::diag::unknown_name_hint(key, labels, "labels");
                return Err(Error::theme("labels".into(), format!("has no label `{key}`; {hint}")));
            }
        }
        let texts = [
            ("bullets.glyph", &self.bullets.glyph),
            ("bullets.nested_glyph", &self.bullets.nested_glyph),
            ("header.separator", &self.header.separator),
            ("running.footer_text", &self.running.footer_text),
            ("text.language", &self.text.language),
        ];
        let dates =
            [("dates.separator", &self.dates.separator), ("dates.present", &self.dates.present)];
        let dates = dates.into_iter().filter_map(|(k, v)| v.as_ref().map(|v| (k, v)));
        let labels = self.labels.values().map(|v| ("labels", v));
        let names = self.columns.iter().map(|c| ("columns.name", &c.name));
        let order = self.reading_order.iter().map(|n| ("reading_order", n));
        for (key, text) in texts.into_iter().chain(dates).chain(labels).chain(names).chain(order) {
            let n = text.chars().count();
            if n > MAX_THEME_TEXT {
                return Err(Error::theme(
                    key.into(),
                    format!("is {n} characters long; a theme's text is at most {MAX_THEME_TEXT}"),
                ));
            }
        }
        Ok(())
    }
}

/// The longest text a theme may set in one key (a footer, a separator, a
/// bullet); `name` and `description` may be ten times as long.
pub(super) const MAX_THEME_TEXT: usize = 200;

/// A number as a message shows it: 1e30, not thirty-one digits.
fn shown(v: f32) -> String {
    if v.abs() >= 1e6 { format!("{v:e}") } else { v.to_string() }
}

/// Narrowest column the grid may make, in millimetres.
const MIN_COLUMN: f32 = 15.0;

impl Theme {
    /// Columns need a positive share and, with the gaps, must fit the
    /// content width (`content` points) at least [`MIN_COLUMN`] wide each.
    fn check_columns(&self, content: f32) -> Result<(), Error> {
        if !(self.column_gap.is_finite() && self.column_gap.0 >= 0.0) {
            return Err(Error::theme("column_gap".into(), "must be 0 or more millimetres".into()));
        }
        if let Some(c) = self.columns.iter().find(|c| !(c.width.is_finite() && c.width > 0.0)) {
            return Err(Error::theme(
                "columns.width".into(),
                format!("of column `{}` is {}; give a share above 0 percent", c.name, c.width),
            ));
        }
        let total: f32 = self.columns.iter().map(|c| c.width).sum();
        if total > 100.01 {
            return Err(Error::theme(
                "columns.width".into(),
                format!("of the columns add up to {total} percent; they share 100 percent"),
            ));
        }
        let mut placed: Vec<(super::SectionKind, &str)> = Vec::new();
        for c in &self.columns {
            for s in &c.sections {
                if let Some((_, other)) = placed.iter().find(|(p, _)| p == s) {
                    return Err(Error::theme(
                        "columns.sections".into(),
                        format!(
                            "put `{}` in column `{other}` and in column `{}`; a section \
                             flows in one column",
                            s.title().to_lowercase(),
                            c.name
                        ),
                    ));
                }
                placed.push((*s, &c.name));
            }
        }
        // One column, when none are listed, named as Column::default names it.
        let mut names: Vec<&str> = self.columns.iter().map(|c| c.name.as_str()).collect();
        if names.is_empty() {
            names.push("main");
        }
        if let Some(unknown) = self.reading_order.iter().find(|n| !names.contains(&n.as_str())) {
            return Err(Error::theme(
                "reading_order".into(),
                format!(
                    "names `{unknown}`, which is not a column; the columns are {}",
                    names.join(", ")
                ),
            ));
        }
        let gaps = self.column_gap.pt() * self.columns.len().saturating_sub(1) as f32;
        for c in &self.columns {
            let width = (content - gaps) * c.width / total.max(1.0);
            if width < mm(MIN_COLUMN) {
                return Err(Error::theme(
                    "column_gap".into(),
                    format!(
                        "and the column widths leave column `{}` {:.0} mm wide; \
                         each needs at least {MIN_COLUMN} mm",
                        c.name,
                        width * 25.4 / 72.0
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Byte offset of the first `key =` in a TOML text, for error locations.
pub(super) fn find_key(text: &str, key: &str) -> Option<usize> {
    text.match_indices(key).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + key.len()..].trim_start();
        before.is_none_or(|c| !c.is_alphanumeric() && c != '_') && after.starts_with('=')
    })
}

/// [`find_key`], or for a JSON text the first `"key":` member.
pub fn find_key_or_member(text: &str, key: &str) -> Option<usize> {
    if key.starts_with('"') {
        return text
            .match_indices(key)
            .map(|(i, _)| i)
            .find(|&i| text[i + key.len()..].trim_start().starts_with(':'));
    }
    find_key(text, key)
}
