//! The description of a résumé: what every section and entry says, decided
//! once from the model and the theme — title, organisation, dates, place,
//! address, prose, bullets and "Label: a, b" lines, in reading order.
//!
//! Every output renders this description and nothing else: the PDF's
//! blocks ([`super::compose`]) and the ATS text ([`crate::export::text`]).
//! Neither goes back to the model to decide what an entry says, so they
//! cannot drift apart. Text fields keep their inline markup (`**bold**`,
//! `[text](url)`); each renderer turns it into what its format can show.

pub use super::arrange::{HeaderRow, Part};
use super::contacts::{absolute, contacts, display_url};
use super::dates::{format_date, format_range};
use super::markup;
use crate::locale::{Labels, Locale};
use crate::model::{Date, DateField, Highlight, Resume, date_of};
use crate::theme::{DateStyle, SectionKind, Theme};

/// What the résumé says, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Description {
    /// The name, with markup.
    pub name: String,
    /// The headline under the name, with markup; none when blank.
    pub label: Option<String>,
    /// Contact details in the order they print.
    pub contacts: Vec<Contact>,
    /// Sections in reading order: the first column's, then the next's.
    pub sections: Vec<Section>,
    /// "Updated Mar 2026", when the theme and the résumé ask for it.
    pub updated: Option<String>,
    /// How the footer numbers pages in the résumé's language ("{page} /
    /// {pages}", "Seite {page} von {pages}").
    pub folio: String,
    /// The hyphenation patterns of the résumé's language, if it has any.
    pub hyphenation: Option<&'static str>,
    /// Whether lines run right to left: the résumé's `meta.direction`,
    /// else its language's.
    pub rtl: bool,
    /// The résumé's language, a BCP 47 tag (`en-US`, `de`): its
    /// `meta.language`, else the theme's.
    pub language: String,
}

/// One end of an entry's dates: as printed, and as machines read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    /// The date as printed in the entry's `dates` ("Mar 2021", "Present").
    pub text: String,
    /// The date in ISO 8601 as far as it is known (`2021`, `2021-03`,
    /// `2021-03-15`); none for an open end ("present").
    pub iso: Option<String>,
}

/// A contact detail as printed, with its link and icon.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// Plain text, printed verbatim (never parsed as markup).
    pub text: String,
    /// Where it links (a `mailto:`, `tel:` or web address), if anywhere.
    pub link: Option<String>,
    /// Its icon, a Font Awesome 4.7 code point.
    pub icon: char,
}

/// One section under its heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Which section it is.
    pub kind: SectionKind,
    /// The heading as written (a renderer may set it in capitals).
    pub title: String,
    /// The theme column it flows into, counted in reading order.
    pub column: usize,
    /// What it holds, in reading order.
    pub items: Vec<Item>,
}

/// What a section holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// The contact details, one per line (a theme that puts them in a column).
    Contacts(Vec<Contact>),
    /// An entry: a header (title, organisation, dates, place, address), then a body.
    Entry(Entry),
    /// Paragraphs separated by blank lines, with markup.
    Prose {
        /// Where it comes from ("basics.summary"), for warnings.
        origin: String,
        /// The text, with markup.
        text: String,
    },
    /// "Label: text" (a skill and its keywords); `text` may be empty.
    Labelled(Labelled),
}

/// "Label: text", or the text alone when the label is empty.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    /// The label (a skill's name and level, or the language's word: "Roles");
    /// may be empty.
    pub label: String,
    /// What follows the label (keywords, a list joined with ", "); may be empty.
    pub text: String,
    /// Between label and text, as the language writes it (": ", " : " in
    /// French, "：" in Chinese and Japanese).
    pub colon: &'static str,
    /// Where it comes from ("skills[1]"), for warnings; empty in an
    /// entry's lists, which are the entry's.
    pub origin: String,
}

impl Default for Labelled {
    fn default() -> Self {
        Labelled { label: String::new(), text: String::new(), colon: ": ", origin: String::new() }
    }
}

/// An address printed as text and linked.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The address without scheme or trailing slash.
    pub text: String,
    /// The absolute address it links to.
    pub url: String,
}

/// An entry: its header facts in reading order, then its body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    /// Where it comes from ("work[2]"), for warnings.
    pub origin: String,
    /// The title (position, degree, name), with markup.
    pub title: Option<String>,
    /// The organisation (or institution, publisher, issuer).
    pub subtitle: Option<String>,
    /// The date or date range as printed, in the résumé's language.
    pub dates: Option<String>,
    /// The start and end that `dates` prints, each as printed and in ISO
    /// 8601 (one moment for a single date); empty without dates.
    pub moments: Vec<Moment>,
    /// The place, as written.
    pub location: Option<String>,
    /// The entry's web address.
    pub link: Option<Link>,
    /// Prose under the header, with markup.
    pub summary: Option<String>,
    /// The bullets, and lead-ins with nested bullets.
    pub highlights: Vec<Highlight>,
    /// Lines after the highlights: score, courses, roles, keywords.
    pub lists: Vec<Labelled>,
}

/// Describes the résumé as the theme arranges it, in the locale's words.
pub fn describe(resume: &Resume, theme: &Theme, locale: &Locale) -> Description {
    let b = &resume.basics;
    let mut sections: Vec<Section> = Vec::new();
    for (column, region) in theme.regions(1.0).into_iter().enumerate() {
        for kind in region.sections {
            sections.extend(
                describe_section(kind, resume, theme, locale)
                    .into_iter()
                    .map(|(title, items)| Section { kind, title, column, items }),
            );
        }
    }
    // "Label: text" as the language punctuates it.
    for item in sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
        match item {
            Item::Labelled(l) => l.colon = locale.colon(),
            Item::Entry(e) => e.lists.iter_mut().for_each(|l| l.colon = locale.colon()),
            _ => {}
        }
    }
    let updated =
        resume.meta.last_modified.filter(|_| theme.running.updated).map(|d| {
            locale.labels.updated.replace("{date}", &format_date(d, &theme.dates, locale))
        });
    Description {
        name: b.name.clone(),
        label: b.label.clone().filter(|l| !l.trim().is_empty()),
        contacts: contacts(b, &theme.header),
        sections,
        updated,
        folio: locale.labels.folio.clone(),
        hyphenation: locale.hyphenation(),
        rtl: resume.meta.direction.unwrap_or(locale.direction)
            == crate::locale::Direction::RightToLeft,
        language: resume.meta.language.clone().unwrap_or_else(|| theme.text.language.clone()),
    }
}

/// The section(s) of one kind, as (title, items); none when empty.
fn describe_section(
    kind: SectionKind,
    r: &Resume,
    theme: &Theme,
    locale: &Locale,
) -> Vec<(String, Vec<Item>)> {
    let dates = Dates { style: &theme.dates, locale };
    let items: Vec<Item> = match kind {
        SectionKind::Contact => {
            let c = contacts(&r.basics, &theme.header);
            if c.is_empty() { Vec::new() } else { vec![Item::Contacts(c)] }
        }
        SectionKind::Summary => r
            .basics
            .summary
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| Item::Prose { origin: "basics.summary".into(), text: s.clone() })
            .collect(),
        SectionKind::Work
        | SectionKind::Volunteer
        | SectionKind::Education
        | SectionKind::Projects => spans_of_time(kind, r, &dates),
        SectionKind::Awards | SectionKind::Certificates | SectionKind::Publications => {
            dated_once(kind, r, &dates)
        }
        SectionKind::Skills
        | SectionKind::Languages
        | SectionKind::Interests
        | SectionKind::References => lists(kind, r, &locale.labels),
        SectionKind::Custom => return custom(r, &dates),
    };
    if items.is_empty() { Vec::new() } else { vec![(locale.labels.title(kind).to_string(), items)] }
}

/// How dates print: the theme's style in the locale's words.
struct Dates<'a> {
    style: &'a DateStyle,
    locale: &'a Locale,
}

impl Dates<'_> {
    fn range(&self, start: &DateField, end: &DateField) -> Option<String> {
        format_range(date_of(start), date_of(end), self.style, self.locale)
    }

    fn one(&self, date: &DateField) -> Option<String> {
        format_range(date_of(date), None, self.style, self.locale)
    }

    /// The ends that [`Dates::range`] prints, each as printed and in ISO
    /// 8601; one when both print the same.
    fn moments(&self, start: &DateField, end: &DateField) -> Vec<Moment> {
        self.moments_of(date_of(start), date_of(end))
    }

    fn moments_of(&self, start: Option<Date>, end: Option<Date>) -> Vec<Moment> {
        let moment = |d: Date| Moment {
            text: format_date(d, self.style, self.locale),
            iso: match d {
                Date::Partial { year, month, day } => Some(match (month, day) {
                    (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
                    (Some(m), None) => format!("{year:04}-{m:02}"),
                    _ => format!("{year:04}"),
                }),
                Date::Present => None,
            },
        };
        let mut out: Vec<Moment> = [start, end].into_iter().flatten().map(moment).collect();
        if out.len() == 2 && out[0].text == out[1].text {
            out.pop();
        }
        out
    }
}

/// Entries that span a time: jobs, volunteering, degrees, projects.
fn spans_of_time(kind: SectionKind, r: &Resume, dates: &Dates) -> Vec<Item> {
    let words = &dates.locale.labels;
    let range = |s: &DateField, e: &DateField| dates.range(s, e);
    match kind {
        SectionKind::Work => each(&r.work, "work", |w| Entry {
            title: w.position.clone().or_else(|| w.name.clone()),
            subtitle: w.position.as_ref().and(w.name.clone()),
            dates: range(&w.start_date, &w.end_date),
            moments: dates.moments(&w.start_date, &w.end_date),
            location: w.location.clone(),
            link: link(&w.url),
            summary: w.summary.clone(),
            highlights: w.highlights.clone(),
            ..Entry::default()
        }),
        SectionKind::Volunteer => each(&r.volunteer, "volunteer", |v| Entry {
            title: v.position.clone().or_else(|| v.organization.clone()),
            subtitle: v.position.as_ref().and(v.organization.clone()),
            dates: range(&v.start_date, &v.end_date),
            moments: dates.moments(&v.start_date, &v.end_date),
            location: v.location.clone(),
            link: link(&v.url),
            summary: v.summary.clone(),
            highlights: v.highlights.clone(),
            ..Entry::default()
        }),
        SectionKind::Education => each(&r.education, "education", |e| {
            let study: Vec<&str> =
                [&e.study_type, &e.area].into_iter().flatten().map(String::as_str).collect();
            let has_study = !study.is_empty();
            let mut lists: Vec<Labelled> = e.score.iter().map(|s| score(s, &words.score)).collect();
            lists.extend(list(&words.courses, &e.courses));
            Entry {
                title: Some(if has_study { study.join(", ") } else { e.institution.clone() }),
                subtitle: has_study.then(|| e.institution.clone()),
                dates: range(&e.start_date, &e.end_date),
                moments: dates.moments(&e.start_date, &e.end_date),
                location: e.location.clone(),
                link: link(&e.url),
                summary: e.summary.clone(),
                lists,
                ..Entry::default()
            }
        }),
        SectionKind::Projects => each(&r.projects, "projects", |p| {
            let mut lists = list(&words.roles, &p.roles);
            lists.extend(list(&words.keywords, &p.keywords));
            // The organisation, and what kind of project it is.
            let about: Vec<&str> =
                [&p.entity, &p.kind].into_iter().flatten().map(String::as_str).collect();
            Entry {
                title: Some(p.name.clone()),
                subtitle: (!about.is_empty()).then(|| about.join(", ")),
                dates: range(&p.start_date, &p.end_date),
                moments: dates.moments(&p.start_date, &p.end_date),
                link: link(&p.url),
                summary: p.description.clone(),
                highlights: p.highlights.clone(),
                lists,
                ..Entry::default()
            }
        }),
        _ => Vec::new(),
    }
}

/// Entries with one date: awards, certificates, publications.
fn dated_once(kind: SectionKind, r: &Resume, dates: &Dates) -> Vec<Item> {
    let one = |d: &DateField| dates.one(d);
    match kind {
        SectionKind::Awards => each(&r.awards, "awards", |a| Entry {
            title: Some(a.title.clone()),
            subtitle: a.awarder.clone(),
            dates: one(&a.date),
            moments: dates.moments_of(date_of(&a.date), None),
            summary: a.summary.clone(),
            ..Entry::default()
        }),
        SectionKind::Certificates => each(&r.certificates, "certificates", |c| Entry {
            title: Some(c.name.clone()),
            subtitle: c.issuer.clone(),
            dates: one(&c.date),
            moments: dates.moments_of(date_of(&c.date), None),
            link: link(&c.url),
            ..Entry::default()
        }),
        SectionKind::Publications => each(&r.publications, "publications", |p| Entry {
            title: Some(p.name.clone()),
            subtitle: p.publisher.clone(),
            dates: one(&p.release_date),
            moments: dates.moments_of(date_of(&p.release_date), None),
            link: link(&p.url),
            summary: p.summary.clone(),
            ..Entry::default()
        }),
        _ => Vec::new(),
    }
}

/// Sections of names and lists: skills, languages, interests, references.
fn lists(kind: SectionKind, r: &Resume, words: &Labels) -> Vec<Item> {
    match kind {
        SectionKind::Skills => r
            .skills
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let origin = format!("skills[{i}]");
                Item::Labelled(Labelled {
                    origin,
                    ..named(&s.name, s.level.as_deref(), &s.keywords)
                })
            })
            .collect(),
        SectionKind::Languages if !r.languages.is_empty() => {
            let list: Vec<String> = r
                .languages
                .iter()
                .map(|l| match &l.fluency {
                    Some(f) => format!("{} ({f})", l.language),
                    None => l.language.clone(),
                })
                .collect();
            vec![Item::Prose { origin: "languages".into(), text: list.join(", ") }]
        }
        SectionKind::Languages => Vec::new(),
        SectionKind::Interests => r
            .interests
            .iter()
            .enumerate()
            .map(|(i, it)| {
                let origin = format!("interests[{i}]");
                Item::Labelled(Labelled { origin, ..named(&it.name, None, &it.keywords) })
            })
            .collect(),
        SectionKind::References => {
            let mut items = each(&r.references, "references", |rf| Entry {
                title: Some(rf.name.clone()),
                summary: rf.reference.clone(),
                ..Entry::default()
            });
            if r.meta.references_on_request {
                let text = words.references_on_request.clone();
                items.push(Item::Prose { origin: "meta.references_on_request".into(), text });
            }
            items
        }
        _ => Vec::new(),
    }
}

/// The custom sections, each under its own title.
fn custom(r: &Resume, dates: &Dates) -> Vec<(String, Vec<Item>)> {
    let range = |s: &DateField, e: &DateField| dates.range(s, e);
    r.custom
        .iter()
        .filter(|s| !s.entries.is_empty())
        .map(|s| {
            let field = format!("custom[{}].entries", s.title);
            let items = each(&s.entries, &field, |e| Entry {
                title: e.title.clone(),
                subtitle: e.subtitle.clone(),
                dates: range(&e.start_date, &e.end_date),
                moments: dates.moments(&e.start_date, &e.end_date),
                location: e.location.clone(),
                link: link(&e.url),
                summary: e.summary.clone(),
                highlights: e.highlights.clone(),
                ..Entry::default()
            });
            (markup::plain(&s.title), items)
        })
        .collect()
}

/// One entry per item of a section, each knowing where it comes from
/// (`field[i]`, for warnings).
fn each<T>(items: &[T], field: &str, entry: impl Fn(&T) -> Entry) -> Vec<Item> {
    let origin = |i| format!("{field}[{i}]");
    items
        .iter()
        .enumerate()
        .map(|(i, t)| Item::Entry(Entry { origin: origin(i), ..entry(t) }))
        .collect()
}

/// "Label: a, b, c", or nothing when the list is empty.
fn list<S: std::ops::Deref<Target = str>>(label: &str, items: &[S]) -> Vec<Labelled> {
    let text = items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect::<Vec<_>>();
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Labelled { label: label.to_string(), text: text.join(", "), ..Labelled::default() }]
    }
}

/// A score carries its own label when it has one ("GPA: 3.9/4.0", "3.8
/// GPA": a colon, or a word in capitals, or the label's own word first,
/// "Note 1,3"); otherwise it is labelled with the language's word
/// (`label`: "Score", "Note").
fn score(score: &str, label: &str) -> Labelled {
    let acronym = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    let own = score.contains(':')
        || score.split_whitespace().any(acronym)
        || score
            .split_whitespace()
            .next()
            .is_some_and(|w| w.to_lowercase() == label.to_lowercase());
    let label = if own { String::new() } else { label.to_string() };
    Labelled { label, text: score.to_string(), ..Labelled::default() }
}

/// A skill or interest: "Name (level): a, b", or just the name.
fn named<S: std::ops::Deref<Target = str>>(
    name: &str,
    level: Option<&str>,
    keywords: &[S],
) -> Labelled {
    let label = match level.filter(|l| !l.trim().is_empty()) {
        Some(level) => format!("{name} ({level})"),
        None => name.to_string(),
    };
    let text = keywords.iter().map(|k| &**k).collect::<Vec<&str>>().join(", ");
    Labelled { label, text, ..Labelled::default() }
}

fn link(url: &Option<String>) -> Option<Link> {
    let url = url.as_deref().map(str::trim).filter(|u| !u.is_empty())?;
    Some(Link { text: display_url(url), url: absolute(url) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::{EntryLayout, ProfileStyle};
    use std::path::Path;

    fn describe_toml(toml: &str, theme: &Theme) -> Description {
        let resume = crate::model::parse(toml, Path::new("t.toml")).unwrap();
        describe(&resume, theme, &Locale::for_resume(&resume, theme).unwrap())
    }

    #[test]
    fn entries_carry_every_fact_once_in_reading_order() {
        let d = describe_toml(
            "[basics]\nname = \"A\"\n[[projects]]\nname = \"vita\"\nentity = \"Self\"\n\
             url = \"https://github.com/a/vita/\"\nstart_date = \"2024\"\nroles = [\"Author\"]\n\
             keywords = [\"Rust\", \"PDF\"]\n[[education]]\ninstitution = \"U\"\nscore = \"GPA: 3.9/4.0\"\n\
             summary = \"Thesis.\"\n",
            &Theme::default(),
        );
        let entry = |kind| {
            d.sections.iter().find(|s| s.kind == kind).and_then(|s| match &s.items[0] {
                Item::Entry(e) => Some(e.clone()),
                _ => None,
            })
        };
        let p = entry(SectionKind::Projects).unwrap();
        assert_eq!(p.part(Part::Link), Some("github.com/a/vita"));
        use Part::*;
        let row = |left: &[Part], right: &[Part]| HeaderRow {
            left: left.to_vec(),
            right: right.to_vec(),
        };
        assert_eq!(
            p.header(EntryLayout::Split),
            [row(&[Title], &[Dates]), row(&[Subtitle], &[]), row(&[Link], &[])]
        );
        assert_eq!(
            p.header(EntryLayout::Stacked),
            [row(&[Title], &[]), row(&[Subtitle], &[]), row(&[Dates, Link], &[])]
        );
        let lists: Vec<(&str, &str)> =
            p.lists.iter().map(|l| (l.label.as_str(), l.text.as_str())).collect();
        assert_eq!(lists, [("Roles", "Author"), ("Keywords", "Rust, PDF")]);
        let e = entry(SectionKind::Education).unwrap();
        let gpa = Labelled { text: "GPA: 3.9/4.0".into(), ..Labelled::default() };
        assert_eq!(e.lists, [gpa]);
        assert_eq!(score("3.8 GPA", "Score").label, "");
        assert_eq!(score("3.8/4.0", "Score").label, "Score");
        assert_eq!(score("Note 1,3", "Note").label, "");
        assert_eq!(
            p.header(EntryLayout::Rail),
            [row(&[Dates], &[Title]), row(&[], &[Subtitle]), row(&[], &[Link])]
        );
    }

    #[test]
    fn profiles_print_their_address_when_the_theme_asks() {
        let toml = "[basics]\nname = \"A\"\n[[basics.profiles]]\nnetwork = \"GitHub\"\n\
                    username = \"a\"\nurl = \"https://github.com/a\"\n";
        let mut theme = Theme::default();
        theme.header.profiles = ProfileStyle::Handle;
        assert_eq!(describe_toml(toml, &theme).contacts[0].text, "GitHub: a");
        theme.header.profiles = ProfileStyle::Address;
        assert_eq!(describe_toml(toml, &theme).contacts[0].text, "github.com/a");
        let home = "[basics]\nname = \"A\"\n[basics.location]\naddress = \"1 Main St\"\n\
                    postal_code = \"EC1\"\ncity = \"London\"\n";
        assert_eq!(describe_toml(home, &theme).contacts[0].text, "London");
        theme.header.street = true;
        assert_eq!(describe_toml(home, &theme).contacts[0].text, "1 Main St, EC1, London");
    }

    #[test]
    fn empty_sections_are_left_out() {
        let d = describe_toml("[basics]\nname = \"A\"\nsummary = \" \"\n", &Theme::default());
        assert!(d.sections.is_empty(), "{:?}", d.sections);
    }
}
