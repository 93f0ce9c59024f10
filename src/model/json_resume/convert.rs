//! JSON Resume ↔ vita, field by field. Import reads the typed JSON document
//! into the model, giving each date the place it came from; export is the
//! inverse. Two conventions differ and are bridged both ways:
//! - JSON Resume leaves `endDate` out for an ongoing role, where vita writes
//!   `end_date = "present"`; and an entry with one date (vita: only a start)
//!   is exported with `endDate` equal to `startDate`, read back as one date.
//! - JSON Resume highlights are strings; vita's groups are exported both
//!   flattened (lead-in, then its items) and whole in `vitaHighlights`.

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
            return flat.iter().cloned().map(Highlight::Text).collect();
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
        flat.iter().cloned().map(Highlight::Text).collect()
    }

    pub(super) fn resume(&mut self, j: JResume) -> Result<Resume, Diagnostic> {
        let b = j.basics;
        let name = b.name.filter(|n| !n.trim().is_empty()).ok_or_else(|| {
            self.error("basics.name is missing".into(), self.spans.key_or_value("basics"))
                .with_hint("a résumé needs the name it belongs to: \"basics\": { \"name\": \"…\" }")
        })?;
        // JSON Resume starters leave unused basics as "" (an empty `image`
        // would name a photo file); vita leaves them out.
        let basics = Basics {
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
            profiles: b
                .profiles
                .into_iter()
                .map(|p| Profile { network: p.network, username: p.username, url: p.url })
                .collect(),
        };
        let mut r = Resume { basics, ..Resume::default() };
        for (i, w) in j.work.into_iter().enumerate() {
            let base = format!("work[{i}]");
            let (start_date, end_date) = self.range(&base, &w.start_date, &w.end_date)?;
            r.work.push(Work {
                highlights: self.highlights(&base, &w.highlights, &w.vita_highlights),
                name: w.name,
                position: w.position,
                url: w.url,
                location: w.location,
                start_date,
                end_date,
                summary: w.summary,
                tags: w.tags,
            });
        }
        for (i, v) in j.volunteer.into_iter().enumerate() {
            let base = format!("volunteer[{i}]");
            let (start_date, end_date) = self.range(&base, &v.start_date, &v.end_date)?;
            r.volunteer.push(Volunteer {
                highlights: self.highlights(&base, &v.highlights, &v.vita_highlights),
                organization: v.organization,
                position: v.position,
                url: v.url,
                location: v.location,
                start_date,
                end_date,
                summary: v.summary,
                tags: v.tags,
            });
        }
        for (i, e) in j.education.into_iter().enumerate() {
            let (start_date, end_date) =
                self.range(&format!("education[{i}]"), &e.start_date, &e.end_date)?;
            r.education.push(Education {
                institution: e.institution,
                url: e.url,
                area: e.area,
                study_type: e.study_type,
                location: e.location,
                start_date,
                end_date,
                score: e.score,
                summary: e.summary,
                courses: e.courses,
                tags: e.tags,
            });
        }
        for (i, a) in j.awards.into_iter().enumerate() {
            r.awards.push(Award {
                date: self.date(&format!("awards[{i}].date"), &a.date)?,
                title: a.title,
                awarder: a.awarder,
                summary: a.summary,
                tags: a.tags,
            });
        }
        for (i, c) in j.certificates.into_iter().enumerate() {
            r.certificates.push(Certificate {
                date: self.date(&format!("certificates[{i}].date"), &c.date)?,
                name: c.name,
                issuer: c.issuer,
                url: c.url,
                tags: c.tags,
            });
        }
        for (i, p) in j.publications.into_iter().enumerate() {
            r.publications.push(Publication {
                release_date: self
                    .date(&format!("publications[{i}].releaseDate"), &p.release_date)?,
                name: p.name,
                publisher: p.publisher,
                url: p.url,
                summary: p.summary,
                tags: p.tags,
            });
        }
        r.skills = j
            .skills
            .into_iter()
            .map(|s| Skill { name: s.name, level: s.level, keywords: s.keywords, tags: s.tags })
            .collect();
        r.languages = j
            .languages
            .into_iter()
            .map(|l| Language { language: l.language, fluency: l.fluency })
            .collect();
        r.interests = j
            .interests
            .into_iter()
            .map(|i| Interest { name: i.name, keywords: i.keywords })
            .collect();
        r.references = j
            .references
            .into_iter()
            .map(|x| Reference { name: x.name, reference: x.reference })
            .collect();
        for (i, p) in j.projects.into_iter().enumerate() {
            let base = format!("projects[{i}]");
            let (start_date, end_date) = self.range(&base, &p.start_date, &p.end_date)?;
            r.projects.push(Project {
                highlights: self.highlights(&base, &p.highlights, &p.vita_highlights),
                name: p.name,
                description: p.description,
                url: p.url,
                entity: p.entity,
                kind: p.kind,
                start_date,
                end_date,
                roles: p.roles,
                keywords: p.keywords,
                tags: p.tags,
            });
        }
        for (i, c) in j.custom.into_iter().enumerate() {
            let mut entries = Vec::new();
            for (k, e) in c.entries.into_iter().enumerate() {
                let base = format!("custom[{i}].entries[{k}]");
                let (start_date, end_date) = self.range(&base, &e.start_date, &e.end_date)?;
                entries.push(CustomEntry {
                    highlights: self.highlights(&base, &e.highlights, &e.vita_highlights),
                    title: e.title,
                    subtitle: e.subtitle,
                    location: e.location,
                    url: e.url,
                    start_date,
                    end_date,
                    summary: e.summary,
                    tags: e.tags,
                });
            }
            r.custom.push(CustomSection { title: c.title, entries });
        }
        let last_modified =
            j.meta.last_modified.as_deref().map(|s| s.split('T').next().unwrap_or(s));
        r.meta = Meta {
            language: j.meta.language,
            theme: j.meta.theme,
            labels: j.meta.labels,
            references_on_request: j.meta.references_on_request,
            last_modified: match last_modified.map(str::trim).filter(|s| !s.is_empty()) {
                Some(day) => Some(Date::parse(day).map_err(|why| {
                    self.error(
                        format!("`meta.lastModified`: {why}"),
                        self.spans.value("meta.lastModified"),
                    )
                })?),
                None => None,
            },
        };
        Ok(r)
    }
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
            Highlight::Text(t) => out.push(t.clone()),
            Highlight::Group(g) => {
                out.push(g.text.clone());
                out.extend(g.items.iter().cloned());
            }
        }
    }
    out
}

/// (flat, groups): groups only when there are any.
fn export_highlights(h: &[Highlight]) -> (Vec<String>, Vec<Highlight>) {
    let grouped = h.iter().any(|h| matches!(h, Highlight::Group(_)));
    (flatten(h), if grouped { h.to_vec() } else { Vec::new() })
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
pub(super) fn export(r: &Resume) -> JResume {
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
        profiles: b
            .profiles
            .iter()
            .map(|p| JProfile {
                network: p.network.clone(),
                username: p.username.clone(),
                url: p.url.clone(),
            })
            .collect(),
    };
    JResume {
        schema: Some(super::SCHEMA_URL.into()),
        basics,
        work: r
            .work
            .iter()
            .map(|w| {
                let (start_date, end_date) = export_range(&w.start_date, &w.end_date);
                let (highlights, vita_highlights) = export_highlights(&w.highlights);
                JWork {
                    name: w.name.clone(),
                    position: w.position.clone(),
                    url: w.url.clone(),
                    location: w.location.clone(),
                    start_date,
                    end_date,
                    summary: w.summary.clone(),
                    highlights,
                    vita_highlights,
                    tags: w.tags.clone(),
                }
            })
            .collect(),
        volunteer: r
            .volunteer
            .iter()
            .map(|v| {
                let (start_date, end_date) = export_range(&v.start_date, &v.end_date);
                let (highlights, vita_highlights) = export_highlights(&v.highlights);
                JVolunteer {
                    organization: v.organization.clone(),
                    position: v.position.clone(),
                    url: v.url.clone(),
                    location: v.location.clone(),
                    start_date,
                    end_date,
                    summary: v.summary.clone(),
                    highlights,
                    vita_highlights,
                    tags: v.tags.clone(),
                }
            })
            .collect(),
        education: r
            .education
            .iter()
            .map(|e| {
                let (start_date, end_date) = export_range(&e.start_date, &e.end_date);
                JEducation {
                    institution: e.institution.clone(),
                    url: e.url.clone(),
                    area: e.area.clone(),
                    study_type: e.study_type.clone(),
                    location: e.location.clone(),
                    start_date,
                    end_date,
                    score: e.score.clone(),
                    summary: e.summary.clone(),
                    courses: e.courses.clone(),
                    tags: e.tags.clone(),
                }
            })
            .collect(),
        awards: r
            .awards
            .iter()
            .map(|a| JAward {
                title: a.title.clone(),
                date: text(&a.date),
                awarder: a.awarder.clone(),
                summary: a.summary.clone(),
                tags: a.tags.clone(),
            })
            .collect(),
        certificates: r
            .certificates
            .iter()
            .map(|c| JCertificate {
                name: c.name.clone(),
                date: text(&c.date),
                url: c.url.clone(),
                issuer: c.issuer.clone(),
                tags: c.tags.clone(),
            })
            .collect(),
        publications: r
            .publications
            .iter()
            .map(|p| JPublication {
                name: p.name.clone(),
                publisher: p.publisher.clone(),
                release_date: text(&p.release_date),
                url: p.url.clone(),
                summary: p.summary.clone(),
                tags: p.tags.clone(),
            })
            .collect(),
        skills: r
            .skills
            .iter()
            .map(|s| JSkill {
                name: s.name.clone(),
                level: s.level.clone(),
                keywords: s.keywords.clone(),
                tags: s.tags.clone(),
            })
            .collect(),
        languages: r
            .languages
            .iter()
            .map(|l| JLanguage { language: l.language.clone(), fluency: l.fluency.clone() })
            .collect(),
        interests: r
            .interests
            .iter()
            .map(|i| JInterest { name: i.name.clone(), keywords: i.keywords.clone() })
            .collect(),
        references: r
            .references
            .iter()
            .map(|x| JReference { name: x.name.clone(), reference: x.reference.clone() })
            .collect(),
        projects: r
            .projects
            .iter()
            .map(|p| {
                let (start_date, end_date) = export_range(&p.start_date, &p.end_date);
                let (highlights, vita_highlights) = export_highlights(&p.highlights);
                JProject {
                    name: p.name.clone(),
                    description: p.description.clone(),
                    highlights,
                    vita_highlights,
                    keywords: p.keywords.clone(),
                    start_date,
                    end_date,
                    url: p.url.clone(),
                    roles: p.roles.clone(),
                    entity: p.entity.clone(),
                    kind: p.kind.clone(),
                    tags: p.tags.clone(),
                }
            })
            .collect(),
        custom: r
            .custom
            .iter()
            .map(|c| JCustomSection {
                title: c.title.clone(),
                entries: c
                    .entries
                    .iter()
                    .map(|e| {
                        let (start_date, end_date) = export_range(&e.start_date, &e.end_date);
                        let (highlights, vita_highlights) = export_highlights(&e.highlights);
                        JCustomEntry {
                            title: e.title.clone(),
                            subtitle: e.subtitle.clone(),
                            location: e.location.clone(),
                            url: e.url.clone(),
                            start_date,
                            end_date,
                            summary: e.summary.clone(),
                            highlights,
                            vita_highlights,
                            tags: e.tags.clone(),
                        }
                    })
                    .collect(),
            })
            .collect(),
        meta: JMeta {
            last_modified: r.meta.last_modified.map(|d| d.to_string()),
            language: r.meta.language.clone(),
            theme: r.meta.theme.clone(),
            labels: r.meta.labels.clone(),
            references_on_request: r.meta.references_on_request,
        },
    }
}
