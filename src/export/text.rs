//! The ATS plain-text export: the résumé in reading order as UTF-8 lines of
//! at most [`WIDTH`] characters — contact block, then the theme's sections
//! under standard UPPER-CASE headings, entries as "Title — Organisation |
//! Location | Dates", bullets as "- text". Owns line wrapping and the text
//! layout of entries; all prose goes through [`plain`], so no markup
//! characters reach the output. Contact identifiers (e-mail, phone, URLs)
//! are copied verbatim, since stripping markup from them could corrupt them.

use crate::compose::dates::format_range;
use crate::compose::markup::{self, plain, plain_with_urls};
use crate::model::{
    Award, Basics, Certificate, CustomSection, DateField, Education, Highlight, Language, Project,
    Publication, Reference, Resume, Volunteer, Work, date_of,
};
use crate::theme::{DateStyle, SectionKind, Theme};

/// Longest line, in characters; only a longer single word exceeds it.
pub const WIDTH: usize = 100;

type Lines = Vec<String>;

/// A heading and its entries; each entry is a run of lines.
type Section = (String, Vec<Lines>);

/// The ATS plain-text rendering of a résumé, in reading order.
pub fn render(resume: &Resume, theme: &Theme) -> String {
    let mut lines = contact(&resume.basics);
    // Columns in reading order; the contact block always comes first.
    let kinds: Vec<SectionKind> = theme.regions(1.0).into_iter().flat_map(|r| r.sections).collect();
    for kind in kinds {
        for (heading, entries) in sections(kind, resume, &theme.dates) {
            let entries: Vec<Lines> = entries.into_iter().filter(|e| !e.is_empty()).collect();
            if entries.is_empty() {
                continue;
            }
            if !lines.is_empty() {
                lines.push(String::new());
            }
            lines.push(heading);
            for (i, entry) in entries.into_iter().enumerate() {
                if i > 0 {
                    lines.push(String::new());
                }
                lines.extend(entry);
            }
        }
    }
    let mut out: String = lines.iter().map(|l| l.trim_end()).collect::<Vec<_>>().join("\n");
    out.push('\n');
    out
}

/// Greedy word wrap: the first line starts with `prefix`, later lines with
/// as many spaces, so text aligns after a bullet marker. Words are split on
/// ASCII whitespace only (a no-break space stays inside its word).
fn wrap(text: &str, prefix: &str) -> Lines {
    let indent = " ".repeat(prefix.chars().count());
    let mut lines = Vec::new();
    let mut line = prefix.to_string();
    let mut len = prefix.chars().count();
    let mut has_word = false;
    for word in text.split_ascii_whitespace() {
        let w = word.chars().count();
        if has_word && len + 1 + w > WIDTH {
            lines.push(std::mem::replace(&mut line, indent.clone()));
            len = indent.len();
            has_word = false;
        }
        if has_word {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += w;
        has_word = true;
    }
    if has_word {
        lines.push(line);
    }
    lines
}

/// Prose without markup, or `None` when nothing is left.
fn clean(text: Option<&str>) -> Option<String> {
    text.map(plain).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The present parts joined by `sep`, or `None` when none is present.
fn join(parts: impl IntoIterator<Item = Option<String>>, sep: &str) -> Option<String> {
    let parts: Vec<String> = parts.into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(sep))
}

/// Paragraphs split at blank lines, each without markup and wrapped.
fn paragraphs(text: Option<&str>) -> Lines {
    let paras = text.map(markup::paragraphs).unwrap_or_default();
    paras.iter().flat_map(|p| wrap(&plain_with_urls(p), "")).collect()
}

fn range(start: &DateField, end: &DateField, style: &DateStyle) -> Option<String> {
    format_range(date_of(start), date_of(end), style)
}

/// "Title — Organisation | Location | Dates" with absent parts left out.
fn entry_line(
    title: Option<&str>,
    org: Option<&str>,
    location: Option<&str>,
    dates: Option<String>,
) -> Lines {
    let head = join([clean(title), clean(org)], " — ");
    pack([head, clean(location), dates], " | ")
}

/// "Label: a, b, c", or nothing when the list is empty.
fn labelled(label: &str, items: &[String]) -> Lines {
    match join(items.iter().map(|i| clean(Some(i))), ", ") {
        Some(list) => wrap(&format!("{label}: {list}"), ""),
        None => Vec::new(),
    }
}

/// Bullets: "- text"; a group is its lead-in then indented items.
fn bullets(highlights: &[Highlight]) -> Lines {
    let mut lines = Vec::new();
    for h in highlights {
        match h {
            Highlight::Text(t) => lines.extend(wrap(&plain_with_urls(t), "- ")),
            Highlight::Group(g) => lines.extend(group(&g.text, &g.items, g.numbered)),
        }
    }
    lines
}

/// "- lead-in", then "  - item" or "  1. item".
fn group(lead_in: &str, items: &[String], numbered: bool) -> Lines {
    let mut lines = wrap(&plain_with_urls(lead_in), "- ");
    for (i, item) in items.iter().enumerate() {
        let marker = if numbered { format!("  {}. ", i + 1) } else { "  - ".to_string() };
        lines.extend(wrap(&plain_with_urls(item), &marker));
    }
    lines
}

/// Name, label, then the contact items joined by " | ".
fn contact(b: &Basics) -> Lines {
    let mut lines = wrap(&plain(&b.name), "");
    lines.extend(wrap(&clean(b.label.as_deref()).unwrap_or_default(), ""));
    let verbatim =
        |s: &Option<String>| s.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let mut items = vec![
        clean(b.location.as_ref().map(|l| l.one_line()).as_deref()),
        verbatim(&b.email),
        verbatim(&b.phone),
        verbatim(&b.url),
    ];
    for p in &b.profiles {
        let network = clean(Some(&p.network));
        let handle = verbatim(&p.url).or_else(|| verbatim(&p.username));
        items.push(join([network, handle], ": "));
    }
    lines.extend(pack(items, " | "));
    lines
}

/// The present items joined by `sep`, breaking lines only between items;
/// an item wider than a line is word-wrapped on its own.
fn pack(items: impl IntoIterator<Item = Option<String>>, sep: &str) -> Lines {
    let mut lines: Lines = Vec::new();
    for item in items.into_iter().flatten() {
        let item = wrap(&item, "");
        match (lines.last_mut(), item.as_slice()) {
            (Some(last), [one])
                if (last.chars().count() + sep.chars().count() + one.chars().count()) <= WIDTH =>
            {
                last.push_str(sep);
                last.push_str(one);
            }
            _ => lines.extend(item),
        }
    }
    lines
}

/// The section(s) of one kind: one, except for custom sections.
fn sections(kind: SectionKind, r: &Resume, d: &DateStyle) -> Vec<Section> {
    let entries: Vec<Lines> = match kind {
        SectionKind::Contact => return Vec::new(),
        SectionKind::Summary => vec![paragraphs(r.basics.summary.as_deref())],
        SectionKind::Work => r.work.iter().map(|w| work(w, d)).collect(),
        SectionKind::Volunteer => r.volunteer.iter().map(|v| volunteer(v, d)).collect(),
        SectionKind::Education => r.education.iter().map(|e| education(e, d)).collect(),
        SectionKind::Awards => r.awards.iter().map(|a| award(a, d)).collect(),
        SectionKind::Certificates => r.certificates.iter().map(|c| certificate(c, d)).collect(),
        SectionKind::Publications => r.publications.iter().map(|p| publication(p, d)).collect(),
        SectionKind::Projects => r.projects.iter().map(|p| project(p, d)).collect(),
        SectionKind::Skills => {
            vec![
                r.skills
                    .iter()
                    .flat_map(|s| named_list(&s.name, s.level.as_deref(), &s.keywords))
                    .collect(),
            ]
        }
        SectionKind::Languages => vec![languages(&r.languages)],
        SectionKind::Interests => {
            vec![r.interests.iter().flat_map(|i| named_list(&i.name, None, &i.keywords)).collect()]
        }
        SectionKind::References => r.references.iter().map(reference).collect(),
        SectionKind::Custom => return r.custom.iter().map(|c| custom(c, d)).collect(),
    };
    vec![(kind.title().to_uppercase(), entries)]
}

/// An entry: its header line(s), summary paragraphs, then bullets.
fn entry(mut head: Lines, summary: Option<&str>, highlights: &[Highlight]) -> Lines {
    head.extend(paragraphs(summary));
    head.extend(bullets(highlights));
    head
}

fn work(w: &Work, d: &DateStyle) -> Lines {
    let dates = range(&w.start_date, &w.end_date, d);
    let head = entry_line(w.position.as_deref(), w.name.as_deref(), w.location.as_deref(), dates);
    entry(head, w.summary.as_deref(), &w.highlights)
}

fn volunteer(v: &Volunteer, d: &DateStyle) -> Lines {
    let dates = range(&v.start_date, &v.end_date, d);
    let (title, org) = (v.position.as_deref(), v.organization.as_deref());
    entry(entry_line(title, org, v.location.as_deref(), dates), v.summary.as_deref(), &v.highlights)
}

/// "Study type, Area — Institution | Location | Dates", score, summary, courses.
fn education(ed: &Education, d: &DateStyle) -> Lines {
    let study = join([clean(ed.study_type.as_deref()), clean(ed.area.as_deref())], ", ");
    let dates = range(&ed.start_date, &ed.end_date, d);
    let mut e = entry_line(study.as_deref(), Some(&ed.institution), ed.location.as_deref(), dates);
    if let Some(score) = clean(ed.score.as_deref()) {
        e.extend(wrap(&format!("Score: {score}"), ""));
    }
    e.extend(paragraphs(ed.summary.as_deref()));
    e.extend(labelled("Courses", &ed.courses));
    e
}

fn award(a: &Award, d: &DateStyle) -> Lines {
    let head = entry_line(Some(&a.title), a.awarder.as_deref(), None, range(&a.date, &None, d));
    entry(head, a.summary.as_deref(), &[])
}

fn certificate(c: &Certificate, d: &DateStyle) -> Lines {
    entry_line(Some(&c.name), c.issuer.as_deref(), None, range(&c.date, &None, d))
}

fn publication(p: &Publication, d: &DateStyle) -> Lines {
    let dates = range(&p.release_date, &None, d);
    entry(entry_line(Some(&p.name), p.publisher.as_deref(), None, dates), p.summary.as_deref(), &[])
}

fn project(p: &Project, d: &DateStyle) -> Lines {
    let dates = range(&p.start_date, &p.end_date, d);
    let head = entry_line(Some(&p.name), p.entity.as_deref(), None, dates);
    let mut e = entry(head, p.description.as_deref(), &p.highlights);
    e.extend(labelled("Roles", &p.roles));
    e.extend(labelled("Keywords", &p.keywords));
    e
}

/// A skill or interest: "Name (level): a, b", or just the name.
fn named_list(name: &str, level: Option<&str>, keywords: &[String]) -> Lines {
    let level = clean(level).map(|l| format!("({l})"));
    let name = join([clean(Some(name)), level], " ").unwrap_or_default();
    match labelled(&name, keywords) {
        lines if lines.is_empty() => wrap(&name, ""),
        lines => lines,
    }
}

/// "English (Native), French (Fluent)" on one (wrapped) line.
fn languages(langs: &[Language]) -> Lines {
    let list = langs.iter().map(|l| {
        let fluency = clean(l.fluency.as_deref()).map(|f| format!("({f})"));
        join([clean(Some(&l.language)), fluency], " ")
    });
    wrap(join(list, ", ").as_deref().unwrap_or(""), "")
}

fn reference(rf: &Reference) -> Lines {
    entry(wrap(&plain(&rf.name), ""), rf.reference.as_deref(), &[])
}

/// A custom section under its own title: "Title — Subtitle | Location | Dates".
fn custom(c: &CustomSection, d: &DateStyle) -> Section {
    let title = clean(Some(&c.title)).unwrap_or_else(|| SectionKind::Custom.title().to_string());
    let entries = c.entries.iter().map(|ce| {
        let dates = range(&ce.start_date, &ce.end_date, d);
        let (t, sub, loc) = (ce.title.as_deref(), ce.subtitle.as_deref(), ce.location.as_deref());
        entry(entry_line(t, sub, loc, dates), ce.summary.as_deref(), &ce.highlights)
    });
    (title.to_uppercase(), entries.collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse;
    use std::path::Path;

    fn text(toml: &str) -> String {
        render(&parse(toml, Path::new("t.toml")).expect("test résumé parses"), &Theme::default())
    }

    fn section<'a>(out: &'a str, heading: &str) -> Vec<&'a str> {
        out.lines().skip_while(|l| *l != heading).skip(1).take_while(|l| !l.is_empty()).collect()
    }

    #[test]
    fn wrapping_fills_lines_to_the_width_without_splitting_words() {
        let words: Vec<String> = (0..150).map(|i| format!("é{}", "ab".repeat(1 + i % 9))).collect();
        let prose = words.join(" ");
        let long = "x".repeat(130);
        let out = text(&format!(
            "[basics]\nname = \"A\"\nsummary = \"{prose}\"\n[[work]]\nname = \"W\"\n\
             highlights = [\"{prose}\", \"{long} tail\"]\n"
        ));
        let width = |l: &str| l.chars().count();
        for line in out.lines().filter(|l| !l.contains(&long)) {
            assert!(width(line) <= WIDTH, "{} chars: {line:?}", width(line));
        }
        let summary = section(&out, "SUMMARY");
        let kept: Vec<&str> = summary.iter().flat_map(|l| l.split(' ')).collect();
        assert_eq!(kept, words);
        for pair in summary.windows(2) {
            let next = pair[1].split(' ').next().unwrap_or_default();
            assert!(width(pair[0]) + 1 + width(next) > WIDTH, "underfilled: {:?}", pair[0]);
        }
        let work = section(&out, "EXPERIENCE");
        assert!(work[1].starts_with("- é") && work.len() > 4);
        assert!(work[2..work.len() - 2].iter().all(|l| l.starts_with("  é")), "{work:#?}");
        assert!(out.contains(&format!("\n- {long}\n  tail\n")), "a long word sits alone");
    }

    #[test]
    fn contact_block_comes_first_and_headings_follow_the_theme() {
        let resume = parse(
            r#"
            work = [{ name = "Engines Ltd" }]
            education = [{ institution = "Home" }]
            skills = [{ name = "Maths" }]
            languages = [{ language = "English" }]
            [basics]
            name = "Ada Lovelace"
            label = "Analyst"
            email = "ada@example.org"
            phone = "+44 1"
            url = "https://ada.example.org"
            summary = "Poet of science."
            location = { city = "London", country_code = "GB" }
            profiles = [{ network = "GitHub", url = "https://github.com/ada" },
                        { network = "Mastodon", username = "@ada" }]
            "#,
            Path::new("t.toml"),
        )
        .expect("parses");
        use SectionKind::*;
        let theme = Theme {
            sections: vec![Skills, Education, Projects, Work, Summary],
            ..Theme::default()
        };
        let out = render(&resume, &theme);
        let lines: Vec<&str> = out.lines().collect();
        let contact = "London, GB | ada@example.org | +44 1 | https://ada.example.org | GitHub: https://github.com/ada";
        assert_eq!(
            lines[..6],
            ["Ada Lovelace", "Analyst", contact, "Mastodon: @ada", "", "SKILLS"]
        );
        let known: Vec<String> =
            SectionKind::ALL.iter().map(|k| k.title().to_uppercase()).collect();
        let headings: Vec<&str> =
            lines.iter().copied().filter(|l| known.iter().any(|k| k == l)).collect();
        assert_eq!(headings, ["SKILLS", "EDUCATION", "EXPERIENCE", "SUMMARY"]);
    }

    #[test]
    fn markup_never_leaks() {
        let out = text(
            r#"
            education = [{ institution = "*Uni*", study_type = "**BSc**", courses = ["[Algo](https://a.org)"] }]
            skills = [{ name = "`Rust`", level = "*expert*", keywords = ["**async**"] }]
            languages = [{ language = "**English**", fluency = "*native*" }]
            custom = [{ title = "*Talks*", entries = [{ title = "**T**", summary = "[On x](https://t.org)" }] }]
            [basics]
            name = "**Ada**"
            label = "*Engineer*"
            summary = "**Bold** start.\n\nSecond *para* with [link](https://e.org) and `code`."
            [[work]]
            position = "**Lead**"
            name = "[Acme](https://acme.org)"
            location = "*SF*"
            highlights = ["**x** and *y*", { text = "[z](https://e.org)", numbered = true, items = ["`c` item"] }]
            "#,
        );
        for bad in ["*", "[", "](", "`"] {
            assert!(!out.contains(bad), "{bad:?} leaked into:\n{out}");
        }
        let expected = [
            "Ada",
            "Engineer",
            "Bold start.",
            "Second para with link (https://e.org) and code.",
            "Lead — Acme | SF",
            "- x and y",
            "- z (https://e.org)",
            "  1. c item",
            "BSc — Uni",
            "Courses: Algo",
            "Rust (expert): async",
            "English (native)",
            "TALKS",
            "T",
            "On x (https://t.org)",
        ];
        for good in expected {
            assert!(out.lines().any(|l| l == good), "no line {good:?} in:\n{out}");
        }
    }

    #[test]
    fn group_items_are_indented_and_numbered() {
        let item = ["alpha beta gamma delta"; 8].join(" ");
        let out = text(&format!(
            "[basics]\nname = \"A\"\n[[work]]\nname = \"W\"\nhighlights = [\n\
             {{ text = \"Led:\", numbered = true, items = [\"{item}\", \"two\"] }},\n\
             {{ text = \"Also:\", items = [\"one\", \"{item}\"] }} ]\n"
        ));
        let shape: Vec<String> = section(&out, "EXPERIENCE")
            .iter()
            .map(|l| l.chars().take(10).collect::<String>().trim_end().to_string())
            .collect();
        let expected = [
            "W",
            "- Led:",
            "  1. alpha",
            "     alpha",
            "  2. two",
            "- Also:",
            "  - one",
            "  - alpha",
            "    alpha",
        ];
        assert_eq!(shape, expected);
    }

    #[test]
    fn absent_parts_leave_no_dangling_separators() {
        let out = text(
            r#"
            work = [{ location = "Bay Area" }, { position = "Engineer" },
                    { name = "Acme", start_date = "2020-03", end_date = "present" },
                    { position = "Engineer", name = "Acme", location = "Paris" }, { summary = "Just prose." }]
            education = [{ institution = "Uni" }, { institution = "Uni", area = "Physics" }]
            awards = [{ title = "Prize" }]
            basics = { name = "A" }
            "#,
        );
        let expected = "A\n\nEXPERIENCE\nBay Area\n\nEngineer\n\nAcme | Mar 2020 – Present\n\n\
            Engineer — Acme | Paris\n\nJust prose.\n\nEDUCATION\nUni\n\nPhysics — Uni\n\nAWARDS\nPrize\n";
        assert_eq!(out, expected);
    }
}
