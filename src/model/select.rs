//! Tailoring by tags: which entries of a résumé one application shows.
//!
//! An entry without tags always shows. A tagged entry shows when one of
//! its tags is chosen (or when no tag is chosen at all), and never when
//! one of its tags is excluded. The
//! selection is applied to the model before anything is composed, so
//! every output (PDF, text, previews) says the same.

use super::{Highlight, Resume};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A tailored version of the résumé, for one kind of application
/// (`[variants.backend]`): `vita render --variant backend` renders it,
/// `--variant all` every one.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Entries with one of these tags show; entries without tags always show.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Entries with one of these tags never show.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_tags: Vec<String>,
    /// The sections to show, in this order ("work", "skills", …), over
    /// the theme's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<String>,
    /// The headline under the name, over `basics.label`.
    pub label: Option<String>,
    /// The summary, over `basics.summary`.
    pub summary: Option<String>,
    /// The theme, over `meta.theme` (`--theme` still wins).
    pub theme: Option<String>,
    /// Theme keys, as `--set` takes them (`"fonts.body.size=10"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set: Vec<String>,
    /// Fit on this many pages, as `--fit-pages` does.
    pub pages: Option<u16>,
    /// Leave out what the résumé marks `private`, as `--public` does.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub public: bool,
}

impl Variant {
    /// Which entries it shows.
    pub fn selection(&self) -> Selection {
        Selection::new(&self.tags, &self.exclude_tags)
    }

    /// Applies its selection, label and summary to `resume`.
    pub fn apply(&self, resume: &mut Resume) {
        self.selection().apply(resume);
        if let Some(label) = &self.label {
            resume.basics.label = Some(label.clone());
        }
        if let Some(summary) = &self.summary {
            resume.basics.summary = Some(summary.clone());
        }
    }
}

/// Which tags to show and which to hide (`--tags backend,infra`,
/// `--tags=-legacy`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Tagged entries show when they carry one of these.
    pub tags: BTreeSet<String>,
    /// Entries that carry one of these never show.
    pub exclude: BTreeSet<String>,
}

impl Selection {
    /// A selection from `--tags`: each tag chosen, or excluded when it
    /// starts with `-`. Tags compare without regard to case.
    pub fn parse(tags: &[String]) -> Selection {
        let (hidden, chosen): (Vec<&String>, Vec<&String>) =
            tags.iter().partition(|t| t.trim().starts_with('-'));
        let hidden: Vec<&str> = hidden.iter().map(|t| &t.trim()[1..]).collect();
        Selection::new(&chosen, &hidden)
    }

    /// A selection of the `chosen` tags, without the `hidden` ones; tags
    /// compare trimmed and without regard to case, and empty ones count
    /// for nothing.
    pub fn new(chosen: &[impl AsRef<str>], hidden: &[impl AsRef<str>]) -> Selection {
        Selection { tags: tag_set(chosen), exclude: tag_set(hidden) }
    }

    /// Whether an entry with `tags` shows.
    pub fn shows(&self, tags: &[String]) -> bool {
        let has = |set: &BTreeSet<String>| tags.iter().any(|t| set.contains(&t.to_lowercase()));
        !has(&self.exclude) && (self.tags.is_empty() || tags.is_empty() || has(&self.tags))
    }

    /// Keeps what shows of `resume`: its sections, entries, bullets,
    /// keywords and profiles.
    pub fn apply(&self, r: &mut Resume) {
        let hidden: Vec<String> = r
            .meta
            .section_tags
            .iter()
            .filter(|(_, t)| !self.shows(t))
            .map(|(k, _)| k.clone())
            .collect();
        for section in hidden {
            clear_section(r, &section);
        }
        r.basics.profiles.retain(|p| self.shows(&p.tags));
        macro_rules! keep {
            ($($list:ident),*) => {$(
                r.$list.retain(|e| self.shows(&e.tags));
            )*};
        }
        keep!(work, volunteer, education, awards, certificates, publications, skills, projects);
        r.work.iter_mut().for_each(|e| self.bullets(&mut e.highlights));
        r.volunteer.iter_mut().for_each(|e| self.bullets(&mut e.highlights));
        for p in &mut r.projects {
            self.bullets(&mut p.highlights);
            p.keywords.retain(|k| self.shows(&k.tags));
        }
        // A skill whose every keyword is hidden goes with them.
        r.skills.retain_mut(|s| {
            let had = !s.keywords.is_empty();
            s.keywords.retain(|k| self.shows(&k.tags));
            !(had && s.keywords.is_empty())
        });
        // A custom section whose every entry is hidden goes with them.
        r.custom.retain_mut(|section| {
            let had = !section.entries.is_empty();
            section.entries.retain(|e| self.shows(&e.tags));
            section.entries.iter_mut().for_each(|e| self.bullets(&mut e.highlights));
            self.shows(&section.tags) && !(had && section.entries.is_empty())
        });
    }

    /// Keeps the bullets that show, and in each group the items that show;
    /// a group whose every item is hidden goes with them.
    fn bullets(&self, highlights: &mut Vec<Highlight>) {
        highlights.retain_mut(|h| {
            if let Highlight::Group(g) = h {
                let had = !g.items.is_empty();
                g.items.retain(|i| self.shows(&i.tags));
                if had && g.items.is_empty() {
                    return false;
                }
            }
            self.shows(h.tags())
        });
    }
}

/// Empties the section `key` ("work", "summary"; see
/// `theme::SectionKind::key`), so that it is not shown.
pub fn clear_section(r: &mut Resume, key: &str) {
    match key {
        "summary" => r.basics.summary = None,
        "work" => r.work.clear(),
        "volunteer" => r.volunteer.clear(),
        "education" => r.education.clear(),
        "awards" => r.awards.clear(),
        "certificates" => r.certificates.clear(),
        "publications" => r.publications.clear(),
        "skills" => r.skills.clear(),
        "languages" => r.languages.clear(),
        "interests" => r.interests.clear(),
        "references" => r.references.clear(),
        "projects" => r.projects.clear(),
        "custom" => r.custom.clear(),
        // `contact` is refused when the résumé is read.
        _ => {}
    }
}

/// Likely mistakes in the résumé's variants: a variant whose tags no entry
/// carries (it shows the untagged entries alone), and, where there are
/// variants, a tag that none of them names (its entries show in none).
pub fn findings(resume: &Resume) -> Vec<super::lint::Finding> {
    use super::lint::{Finding, Seg};
    let mut out = Vec::new();
    if resume.variants.is_empty() {
        return out;
    }
    // A variant that chooses no tags shows every tagged entry it does not
    // exclude: then no tag is unused.
    let chooses_all = resume.variants.values().any(|v| v.tags.is_empty());
    let carried: BTreeSet<String> = tags_of(resume).iter().map(|t| t.to_lowercase()).collect();
    let mut named = BTreeSet::new();
    for (name, variant) in &resume.variants {
        let selection = variant.selection();
        named.extend(selection.tags.iter().chain(&selection.exclude).cloned());
        if !selection.tags.is_empty() && selection.tags.is_disjoint(&carried) {
            out.push(Finding {
                path: vec![Seg::Key("variants"), Seg::Name(name.clone())],
                message: format!(
                    "variant `{name}` selects no entry: none is tagged {}",
                    variant.tags.join(", ")
                ),
                hint:
                    "check the spelling against the entries' `tags`, or tag the entries it is for"
                        .into(),
            });
        }
    }
    let unnamed = |t: &String| !chooses_all && !named.contains(&t.to_lowercase());
    for tag in tags_of(resume).into_iter().filter(unnamed) {
        out.push(Finding {
            path: vec![Seg::Key("variants")],
            message: format!("no variant names the tag `{tag}`: its entries show in none"),
            hint: format!("add \"{tag}\" to a variant's tags, or remove it from the entries"),
        });
    }
    out
}

/// Tags as a selection compares them: trimmed, in lower case, none empty.
fn tag_set(tags: &[impl AsRef<str>]) -> BTreeSet<String> {
    let tags = tags.iter().map(|t| t.as_ref().trim().to_lowercase());
    tags.filter(|t| !t.is_empty()).collect()
}

/// Every tag the résumé carries (on sections, entries, bullets, keywords
/// and profiles), as written.
pub fn tags_of(r: &Resume) -> BTreeSet<String> {
    let mut lists: Vec<&[String]> = r.meta.section_tags.values().map(Vec::as_slice).collect();
    lists.extend(r.basics.profiles.iter().map(|p| p.tags.as_slice()));
    macro_rules! entries {
        ($($list:ident),*) => {$(
            lists.extend(r.$list.iter().map(|e| e.tags.as_slice()));
        )*};
    }
    entries!(work, volunteer, education, awards, certificates, publications, skills, projects);
    lists.extend(highlight_lists(r).flat_map(bullet_tags));
    lists.extend(keywords(r).map(|k| k.tags.as_slice()));
    for c in &r.custom {
        lists.push(&c.tags);
        lists.extend(c.entries.iter().map(|e| e.tags.as_slice()));
    }
    lists.into_iter().flatten().cloned().collect()
}

/// Every list of highlights in the résumé: of jobs, volunteer work,
/// projects and custom entries.
fn highlight_lists(r: &Resume) -> impl Iterator<Item = &[Highlight]> {
    let work = r.work.iter().map(|e| e.highlights.as_slice());
    let volunteer = r.volunteer.iter().map(|e| e.highlights.as_slice());
    let projects = r.projects.iter().map(|e| e.highlights.as_slice());
    let custom = r.custom.iter().flat_map(|c| &c.entries).map(|e| e.highlights.as_slice());
    work.chain(volunteer).chain(projects).chain(custom)
}

/// Every keyword of the résumé's skills and projects.
fn keywords(r: &Resume) -> impl Iterator<Item = &super::Tagged> {
    r.skills.iter().flat_map(|s| &s.keywords).chain(r.projects.iter().flat_map(|p| &p.keywords))
}

/// The tags of each bullet of `highlights`, and of each group's items.
fn bullet_tags(highlights: &[Highlight]) -> Vec<&[String]> {
    let items = highlights.iter().flat_map(|h| match h {
        Highlight::Group(g) => g.items.iter().map(|i| i.tags.as_slice()).collect(),
        Highlight::Text(_) => Vec::new(),
    });
    highlights.iter().map(Highlight::tags).chain(items).collect()
}

/// How much of each kind the résumé has: entries per section with any,
/// then bullets, keywords and profiles; what `vita variants` compares.
pub fn census(r: &Resume) -> Vec<(&'static str, usize)> {
    macro_rules! counts {
        ($($list:ident),*) => { vec![$((stringify!($list), r.$list.len())),*] };
    }
    let mut out = counts!(
        work,
        volunteer,
        education,
        awards,
        certificates,
        publications,
        skills,
        languages,
        interests,
        references,
        projects
    );
    out.push(("custom", r.custom.iter().map(|c| c.entries.len()).sum()));
    let bullets = |h: &[Highlight]| -> usize {
        h.iter().map(|h| if let Highlight::Group(g) = h { 1 + g.items.len() } else { 1 }).sum()
    };
    out.push(("bullets", highlight_lists(r).map(bullets).sum()));
    out.push(("keywords", keywords(r).count()));
    out.push(("profiles", r.basics.profiles.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn untagged_entries_always_show_and_tagged_ones_when_chosen() {
        let s = Selection::parse(&tags(&["backend", "-legacy"]));
        assert!(s.shows(&[]));
        assert!(s.shows(&tags(&["Backend"])), "tags compare without case");
        assert!(s.shows(&tags(&["frontend", "backend"])));
        assert!(!s.shows(&tags(&["frontend"])));
        assert!(!s.shows(&tags(&["backend", "legacy"])), "an excluded tag hides");
        // Choosing no tag keeps every entry that is not excluded.
        let only_hiding = Selection::parse(&tags(&["-legacy"]));
        assert!(only_hiding.shows(&tags(&["frontend"])));
        assert!(!only_hiding.shows(&tags(&["legacy"])));
    }

    #[test]
    fn applying_keeps_what_shows_in_every_list() {
        let toml = r#"
            [basics]
            name = "A"
            [[work]]
            name = "Always"
            [[work]]
            name = "Backend"
            tags = ["backend"]
            [[work]]
            name = "Frontend"
            tags = ["frontend"]
            [[skills]]
            name = "Rust"
            tags = ["backend"]
            [[custom]]
            title = "Talks"
            [[custom.entries]]
            title = "A talk"
            tags = ["frontend"]
        "#;
        let mut resume: Resume = toml::from_str(toml).unwrap();
        assert_eq!(tags_of(&resume).len(), 2);
        Selection::parse(&tags(&["backend"])).apply(&mut resume);
        let names: Vec<&str> = resume.work.iter().map(|w| w.name.as_deref().unwrap()).collect();
        assert_eq!(names, ["Always", "Backend"]);
        assert_eq!(resume.skills.len(), 1);
        assert!(resume.custom.is_empty(), "a section left empty goes");
    }
}
