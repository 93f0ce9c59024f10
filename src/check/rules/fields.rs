//! What a résumé parser looks for: the name read first, an e-mail address
//! and a phone number as unbroken text, profile addresses in the text and
//! not only behind links, section headings it knows, dates it can read,
//! and each job's title near its dates.

use super::order::date_like;
use super::{Ctx, examples};
use crate::check::report::{Category, Finding, Severity};
use crate::locale::{LOCALES, labels_of};
use crate::theme::SectionKind;
use regex::Regex;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Headings résumé parsers know besides vita's own, in English.
const ENGLISH_HEADINGS: &[&str] = &[
    "experience",
    "work experience",
    "professional experience",
    "employment",
    "employment history",
    "work history",
    "career history",
    "relevant experience",
    "education",
    "education and training",
    "academic background",
    "skills",
    "technical skills",
    "core competencies",
    "key skills",
    "summary",
    "professional summary",
    "profile",
    "about me",
    "objective",
    "career objective",
    "projects",
    "selected projects",
    "publications",
    "selected publications",
    "certifications",
    "certificates",
    "licenses and certifications",
    "awards",
    "honors and awards",
    "languages",
    "interests",
    "volunteering",
    "volunteer experience",
    "references",
    "research experience",
    "teaching",
    "teaching experience",
    "contact",
    "achievements",
    "training",
    "courses",
];

fn headings() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set: HashSet<String> = ENGLISH_HEADINGS.iter().map(|s| s.to_string()).collect();
        // Only the words: a whole locale (with its CLDR facts) would cost
        // more to read than the check itself.
        for entry in LOCALES {
            let labels = labels_of(entry);
            set.extend(SectionKind::ALL.iter().map(|&kind| heading_key(labels.title(kind))));
        }
        set
    })
}

/// A heading as compared: lower case, letters and spaces only.
fn heading_key(text: &str) -> String {
    let letters: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect();
    letters.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn email() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+").expect("a valid pattern")
    })
}

fn phone() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\+?\(?[0-9][0-9 ().\-/]{6,}[0-9]").expect("a valid pattern"))
}

fn date_anywhere() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(?:(?:19|20)[0-9]{2}|[0-9]{1,2}[./][0-9]{4})(?-u:\b)")
            .expect("a valid pattern")
    })
}

/// Hosts whose addresses are the profiles recruiters look for.
const PROFILES: &[&str] = &[
    "linkedin.com",
    "github.com",
    "gitlab.com",
    "bitbucket.org",
    "orcid.org",
    "scholar.google",
    "stackoverflow.com",
    "behance.net",
    "dribbble.com",
    "twitter.com",
    "x.com",
    "xing.com",
];

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let (text, stream) = (ctx.texts.position.concat(), ctx.texts.stream.concat());
    if text.trim().is_empty() {
        return;
    }
    contacts(ctx, &text, &stream, out);
    section_headings(ctx, out);
    dates(ctx, &text, out);
    name_first(ctx, out);
}

fn contacts(ctx: &Ctx<'_>, text: &str, stream: &str, out: &mut Vec<Finding>) {
    let links: Vec<&String> = ctx.pages.pages.iter().flat_map(|p| &p.links).collect();
    if !email().is_match(text) || !email().is_match(stream) {
        let linked = links.iter().any(|l| l.starts_with("mailto:"));
        Finding::new(
            "no-email",
            Severity::Warning,
            Category::Parser,
            if linked {
                "the e-mail address is only behind a link: ATS read the text, not the link"
            } else {
                "no e-mail address is read as one unbroken piece of text"
            },
        )
        .fix("write the e-mail address out in full as text, on one line")
        .vita("vita prints every contact detail as text and links it too")
        .push_to(out);
    }
    if !phone()
        .find_iter(text)
        .any(|m| m.as_str().chars().filter(char::is_ascii_digit).count() >= 7)
    {
        Finding::new(
            "no-phone",
            Severity::Note,
            Category::Parser,
            "no phone number is read as text",
        )
        .fix("add a phone number, if the posting asks for one, as digits on one line")
        .push_to(out);
    }
    let squeeze =
        |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    let (flat, flat_stream) = (squeeze(text), squeeze(stream));
    let mut hidden = Vec::new();
    for link in &links {
        let bare = link.trim_start_matches("https://").trim_start_matches("http://");
        let bare = bare.trim_start_matches("www.").trim_end_matches('/');
        if !PROFILES.iter().any(|h| bare.starts_with(h) || bare.contains(&format!(".{h}"))) {
            continue;
        }
        let path = bare.split_once('/').map_or("", |(_, p)| p);
        let found = |t: &str| {
            t.contains(&squeeze(bare)) || (!path.is_empty() && t.contains(&squeeze(path)))
        };
        if !found(&flat) || !found(&flat_stream) {
            hidden.push(bare.to_string());
        }
    }
    hidden.dedup();
    if !hidden.is_empty() {
        Finding::new(
            "profile-link-only",
            Severity::Warning,
            Category::Parser,
            format!(
                "{} behind a link but not written out, so ATS, which read the text, lose it: {}",
                if hidden.len() == 1 { "a profile address is" } else { "profile addresses are" },
                hidden.join(", ")
            ),
        )
        .fix("print each profile's address as text (linkedin.com/in/name), not just a word that links to it")
        .vita("vita's ats theme prints each profile's address; every theme's .txt does")
        .push_to(out);
    }
}

fn section_headings(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let known = headings();
    let found: HashSet<String> = ctx
        .position_lines()
        .filter(|(_, l)| l.words.len() <= 5)
        .flat_map(|(_, l)| {
            // Right-to-left text is read in visual order by position.
            let text = l.text();
            [heading_key(&text), heading_key(&text.chars().rev().collect::<String>())]
        })
        .filter(|k| known.contains(k))
        .collect();
    if found.len() >= 2 {
        return;
    }
    Finding::new(
        "no-headings",
        Severity::Warning,
        Category::Parser,
        if found.is_empty() {
            "no section heading an ATS knows (Experience, Education, Skills…) is read as a line of its own".to_string()
        } else {
            "only one section heading an ATS knows is read as a line of its own".to_string()
        },
    )
    .fix("name sections with the standard words of the résumé's language (Experience, Education, Skills; Berufserfahrung, Ausbildung, Kenntnisse), each on its own line")
    .vita("vita names sections in the résumé's language with the words ATS look for")
    .push_to(out);
}

fn dates(ctx: &Ctx<'_>, text: &str, out: &mut Vec<Finding>) {
    if !date_anywhere().is_match(text) {
        Finding::new(
            "no-dates",
            Severity::Warning,
            Category::Parser,
            "no dates an ATS recognises (2021, 03/2021, Mar 2021) are read",
        )
        .fix("give each job and degree its dates with four-digit years")
        .push_to(out);
        return;
    }
    // A date range alone on its line, far from any other text.
    let mut lonely = Vec::new();
    for read in ctx.reads {
        let lines = &read.position;
        for (k, line) in lines.iter().enumerate() {
            let text = line.text();
            if !date_like().is_match(&text) || line.segments().len() > 1 {
                continue;
            }
            let near = |j: Option<usize>| {
                j.and_then(|j| lines.get(j)).is_some_and(|l| {
                    (l.y - line.y).abs() < 4.0 * l.size().max(line.size())
                        && !date_like().is_match(&l.text())
                })
            };
            if !near(k.checked_sub(1)) && !near(Some(k + 1)) {
                lonely.push(text);
            }
        }
    }
    if !lonely.is_empty() {
        Finding::new(
            "dates-apart",
            Severity::Warning,
            Category::Parser,
            "dates stand apart from the job or degree they belong to; a parser pairs them with the wrong entry",
        )
        .around(examples(&lonely, 3))
        .fix("put each entry's dates on the line of its title and organisation")
        .vita("vita sets dates on the entry's title line")
        .push_to(out);
    }
}

/// The name, the largest text on the first page, among the first lines read.
fn name_first(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(read) = ctx.reads.first() else { return };
    let sizes: Vec<f32> = read.position.iter().map(|l| l.size()).collect();
    let largest = sizes.iter().copied().fold(0.0, f32::max);
    let mut sorted = sizes.clone();
    sorted.sort_by(f32::total_cmp);
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0.0);
    // Without a size that stands out there is no name to look for.
    let Some(biggest) = sizes.iter().position(|&s| s == largest).filter(|_| largest > 1.2 * median)
    else {
        return;
    };
    let line = &read.position[biggest];
    let name = line.text();
    let in_stream =
        read.stream.iter().take(4).any(|l| l.text().contains(&name) || name.contains(&l.text()));
    if biggest < 4 && in_stream {
        return;
    }
    Finding::new(
        "name-not-first",
        Severity::Warning,
        Category::Parser,
        "the name (the largest text on page 1) is not among the first lines an ATS reads",
    )
    .on(1)
    .around(name)
    .fix("put the name at the top of the first page, as text, before anything else")
    .vita("vita draws the name first")
    .push_to(out);
}
