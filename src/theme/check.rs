//! Theme checks that relate fields to each other: a family named for
//! every role, margins that leave a page, columns that fit, a
//! section listed once, texts of a sensible length. A single number's
//! range is declared on its field (`range.rs`) and checked as it is read.

use super::{Theme, mm};
use crate::error::Error;

impl Theme {
    /// What no single field can check on its own.
    pub(super) fn check(&self) -> Result<(), Error> {
        self.check_fonts()?;
        self.check_page()?;
        self.check_texts()?;
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

    /// Every role names a family. Whether vita can find it depends on the
    /// folders a render searches, so the render checks that
    /// (`compose::Styles::resolve`), naming the family and the choices.
    fn check_fonts(&self) -> Result<(), Error> {
        for (role, spec) in self.fonts.roles() {
            if spec.family.trim().is_empty() {
                return Err(Error::theme(
                    format!("fonts.{role}.family"),
                    "is empty; name a family (`vita fonts` lists them)".into(),
                ));
            }
        }
        Ok(())
    }

    /// The page's margins, which must leave room to write, and the columns
    /// that fit between them.
    fn check_page(&self) -> Result<(), Error> {
        let p = &self.page;
        let (w, h) = p.size_pt();
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

    /// Texts a theme sets: short, and labels that exist.
    fn check_texts(&self) -> Result<(), Error> {
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

/// Narrowest column the grid may make, in millimetres.
const MIN_COLUMN: f32 = 15.0;

impl Theme {
    /// Columns need a positive share and, with the gaps, must fit the
    /// content width (`content` points) at least [`MIN_COLUMN`] wide each.
    fn check_columns(&self, content: f32) -> Result<(), Error> {
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
