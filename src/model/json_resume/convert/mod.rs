//! JSON Resume ↔ vita, field by field. Import reads the typed JSON document
//! into the model, giving each date the place it came from; export is the
//! inverse. Two conventions differ and are bridged both ways:
//! - JSON Resume leaves `endDate` out for an ongoing role, where vita writes
//!   `end_date = "present"`; and an entry with one date (vita: only a start)
//!   is exported with `endDate` equal to `startDate`, read back as one date.
//! - JSON Resume highlights are strings; vita's groups are exported both
//!   flattened (lead-in, then its items) and whole in `vitaHighlights`.

mod entries;

use super::spans::{Spans, child};
use super::types::*;
use crate::diag::Diagnostic;
use crate::model::*;
use std::path::Path;
use toml::Spanned;

/// Reads one document; collects warnings for what it had to drop.
pub(super) struct Importer<'a> {
    pub text: &'a str,
    pub file: &'a Path,
    pub spans: &'a Spans,
    pub warnings: Vec<Diagnostic>,
}

type Dates = (DateField, DateField);

impl Importer<'_> {
    fn error(&self, message: String, span: std::ops::Range<usize>) -> Diagnostic {
        Diagnostic::new(message).in_file(self.file).at_span(self.text, span)
    }

    fn date(&mut self, path: &str, raw: &Option<String>) -> Result<DateField, Diagnostic> {
        let Some(raw) = raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
            return Ok(None);
        };
        let span = self.spans.value(path);
        let day = match raw.split_once('T') {
            Some((day, _)) => {
                self.warnings.push(
                    Diagnostic::warning(format!("`{path}`: the time of day is left out"))
                        .in_file(self.file)
                        .at_span(self.text, span.clone())
                        .with_hint("vita's dates are days, months or years"),
                );
                day
            }
            None => raw,
        };
        match Date::parse(day) {
            Ok(date) => Ok(Some(Spanned::new(span, date))),
            Err(why) => Err(self.error(format!("`{path}`: {why}"), span).with_hint(
                "JSON Resume dates are \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"; \
                 leave endDate out for an ongoing role",
            )),
        }
    }

    /// A start and end date; a start without an end is ongoing, and an end
    /// equal to the start is one date.
    fn range(
        &mut self,
        base: &str,
        start: &Option<String>,
        end: &Option<String>,
    ) -> Result<Dates, Diagnostic> {
        let s = self.date(&child(base, "startDate"), start)?;
        let mut e = self.date(&child(base, "endDate"), end)?;
        match (&s, &e) {
            (Some(s), None) => e = Some(Spanned::new(s.span(), Date::Present)),
            (Some(s), Some(end)) if end.get_ref() == s.get_ref() => e = None,
            _ => {}
        }
        Ok((s, e))
    }

    fn highlights(&mut self, base: &str, flat: &[String], groups: &[Highlight]) -> Vec<Highlight> {
        if groups.is_empty() {
            return flat.iter().map(|t| Highlight::from(t.as_str())).collect();
        }
        if flat.is_empty() || flatten(groups) == flat {
            return groups.to_vec();
        }
        let path = child(base, "vitaHighlights");
        self.warnings.push(
            Diagnostic::warning(format!(
                "`{path}` no longer matches `highlights`; the plain highlights are kept, without groups"
            ))
            .in_file(self.file)
            .at_span(self.text, self.spans.key_or_value(&path))
            .with_hint("`highlights` was edited after vita wrote the file; delete `vitaHighlights` to silence this"),
        );
        flat.iter().map(|t| Highlight::from(t.as_str())).collect()
    }

    /// The whole document: each section through its entry type's
    /// [`Convert`], then the facts about the document.
    pub(in crate::model::json_resume) fn resume(
        &mut self,
        j: JResume,
    ) -> Result<Resume, Diagnostic> {
        let basics = self.basics(j.basics)?;
        Ok(Resume {
            meta: self.meta(j.meta)?,
            basics,
            work: self.list("work", j.work)?,
            volunteer: self.list("volunteer", j.volunteer)?,
            education: self.list("education", j.education)?,
            awards: self.list("awards", j.awards)?,
            certificates: self.list("certificates", j.certificates)?,
            publications: self.list("publications", j.publications)?,
            skills: self.list("skills", j.skills)?,
            languages: self.list("languages", j.languages)?,
            interests: self.list("interests", j.interests)?,
            references: self.list("references", j.references)?,
            projects: self.list("projects", j.projects)?,
            custom: self.list("custom", j.custom)?,
            // Variants are vita's own, kept in its TOML; a JSON Resume file
            // is one version of a résumé.
            variants: Default::default(),
        })
    }

    /// Each item of a JSON list, converted with its path (`work[2]`).
    fn list<T: Convert>(&mut self, field: &str, items: Vec<T::Json>) -> Result<Vec<T>, Diagnostic> {
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            out.push(T::import(item, &format!("{field}[{i}]"), self)?);
        }
        Ok(out)
    }

    fn basics(&mut self, b: JBasics) -> Result<Basics, Diagnostic> {
        let name = b.name.filter(|n| !n.trim().is_empty()).ok_or_else(|| {
            self.error("basics.name is missing".into(), self.spans.key_or_value("basics"))
                .with_hint("a résumé needs the name it belongs to: \"basics\": { \"name\": \"…\" }")
        })?;
        // JSON Resume starters leave unused basics as "" (an empty `image`
        // would name a photo file); vita leaves them out.
        Ok(Basics {
            name,
            label: given(b.label),
            email: given(b.email),
            phone: given(b.phone),
            url: given(b.url),
            image: given(b.image),
            summary: given(b.summary),
            location: b.location.map(|l| Location {
                address: given(l.address),
                postal_code: given(l.postal_code),
                city: given(l.city),
                region: given(l.region),
                country_code: given(l.country_code),
            }),
            profiles: self.list("basics.profiles", b.profiles)?,
        })
    }

    fn meta(&mut self, m: JMeta) -> Result<Meta, Diagnostic> {
        let last_modified = m.last_modified.as_deref().map(|s| s.split('T').next().unwrap_or(s));
        let last_modified = match last_modified.map(str::trim).filter(|s| !s.is_empty()) {
            Some(day) => Some(Date::parse(day).map_err(|why| {
                self.error(
                    format!("`meta.lastModified`: {why}"),
                    self.spans.value("meta.lastModified"),
                )
            })?),
            None => None,
        };
        Ok(Meta {
            language: m.language,
            direction: m.direction,
            theme: m.theme,
            labels: m.labels,
            references_on_request: m.references_on_request,
            section_languages: m.section_languages,
            section_tags: m.section_tags,
            last_modified,
        })
    }
}

/// One entry type's conversion both ways, import beside export, in
/// [`entries`].
pub(super) trait Convert: Sized {
    /// Its JSON Resume counterpart.
    type Json;
    /// The JSON entry at `base` (`work[2]`) in the model; dates keep their place.
    fn import(j: Self::Json, base: &str, im: &mut Importer) -> Result<Self, Diagnostic>;
    /// The entry as JSON Resume.
    fn export(&self) -> Self::Json;
}

/// Every item of a list as JSON Resume.
fn export_all<T: Convert>(items: &[T]) -> Vec<T::Json> {
    items.iter().map(Convert::export).collect()
}

/// `None` for an empty or blank string.
fn given(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

/// Highlights as plain strings: a group's lead-in, then its items.
pub(super) fn flatten(highlights: &[Highlight]) -> Vec<String> {
    let mut out = Vec::new();
    for h in highlights {
        match h {
            Highlight::Text(t) => out.push(t.text.clone()),
            Highlight::Group(g) => {
                out.push(g.text.clone());
                out.extend(g.items.iter().map(|i| i.text.clone()));
            }
        }
    }
    out
}

/// (flat, groups): groups (and tags) only when there are any.
fn export_highlights(h: &[Highlight]) -> (Vec<String>, Vec<Highlight>) {
    let plain = |h: &Highlight| matches!(h, Highlight::Text(t) if t.tags.is_empty());
    (flatten(h), if h.iter().all(plain) { Vec::new() } else { h.to_vec() })
}

/// (text, tagged): keywords as JSON Resume has them, and with their tags
/// only when any has tags.
fn export_keywords(k: &[Tagged]) -> (Vec<String>, Vec<Tagged>) {
    let flat = k.iter().map(|k| k.text.clone()).collect();
    (flat, if k.iter().all(|k| k.tags.is_empty()) { Vec::new() } else { k.to_vec() })
}

/// The inverse of [`export_keywords`]: the tagged keywords while their
/// text still matches `keywords`, else the plain ones.
fn import_keywords(flat: Vec<String>, tagged: Vec<Tagged>) -> Vec<Tagged> {
    let same = tagged.len() == flat.len() && tagged.iter().zip(&flat).all(|(t, f)| t.text == *f);
    if same && !tagged.is_empty() { tagged } else { flat.into_iter().map(Tagged::from).collect() }
}

fn text(d: &DateField) -> Option<String> {
    date_of(d).map(|d| d.to_string())
}

/// The inverse of [`Importer::range`].
fn export_range(start: &DateField, end: &DateField) -> (Option<String>, Option<String>) {
    match (date_of(start), date_of(end)) {
        (Some(_), Some(Date::Present)) => (text(start), None),
        (Some(_), None) => (text(start), text(start)),
        _ => (text(start), text(end)),
    }
}

/// The résumé as a JSON Resume document.
pub(in crate::model::json_resume) fn export(r: &Resume) -> JResume {
    let b = &r.basics;
    let basics = JBasics {
        name: Some(b.name.clone()),
        label: b.label.clone(),
        image: b.image.clone(),
        email: b.email.clone(),
        phone: b.phone.clone(),
        url: b.url.clone(),
        summary: b.summary.clone(),
        location: b.location.as_ref().map(|l| JLocation {
            address: l.address.clone(),
            postal_code: l.postal_code.clone(),
            city: l.city.clone(),
            country_code: l.country_code.clone(),
            region: l.region.clone(),
        }),
        profiles: export_all(&b.profiles),
    };
    JResume {
        schema: Some(super::SCHEMA_URL.into()),
        basics,
        work: export_all(&r.work),
        volunteer: export_all(&r.volunteer),
        education: export_all(&r.education),
        awards: export_all(&r.awards),
        certificates: export_all(&r.certificates),
        publications: export_all(&r.publications),
        skills: export_all(&r.skills),
        languages: export_all(&r.languages),
        interests: export_all(&r.interests),
        references: export_all(&r.references),
        projects: export_all(&r.projects),
        custom: export_all(&r.custom),
        meta: JMeta {
            last_modified: r.meta.last_modified.map(|d| d.to_string()),
            language: r.meta.language.clone(),
            direction: r.meta.direction,
            theme: r.meta.theme.clone(),
            labels: r.meta.labels.clone(),
            references_on_request: r.meta.references_on_request,
            section_languages: r.meta.section_languages.clone(),
            section_tags: r.meta.section_tags.clone(),
        },
    }
}
