//! The ATS plain-text export: the résumé's description in reading order as
//! UTF-8 lines of at most [`WIDTH`] characters — name and contact block,
//! then the sections under UPPER-CASE headings, entries' header lines as
//! the PDF sets them ("Title | Dates", "Organisation | Place"), bullets as
//! "- text". Owns line
//! wrapping and the text layout of entries; what each entry says comes
//! from [`crate::compose::describe`], the same description the PDF is
//! composed from. All prose goes through [`plain_with_urls`], so no markup
//! characters reach the output and a link keeps its address in
//! parentheses. Contact details are copied verbatim, since stripping
//! markup from them could corrupt them.

use crate::compose::describe::{Contact, Description, Entry, Item, Labelled, Part};
use crate::compose::markup::{self, plain, plain_with_urls};
use crate::model::{Highlight, Tagged};
use crate::theme::EntryLayout;

/// Longest line, in characters; only a longer single word exceeds it.
pub const WIDTH: usize = 100;

type Lines = Vec<String>;

/// The ATS plain-text rendering of a résumé's description, in reading order.
pub fn render(d: &Description, layout: EntryLayout) -> String {
    let mut lines = wrap(&plain(&d.name), "");
    lines.extend(wrap(&clean(d.label.as_deref()).unwrap_or_default(), ""));
    // The contact block comes first, even when a theme sets it in a column.
    lines.extend(pack(d.contacts.iter().map(|c| Some(contact(c))), " | "));
    for section in &d.sections {
        let mut entries: Vec<Lines> = Vec::new();
        let mut loose: Lines = Vec::new();
        for item in &section.items {
            match item {
                Item::Contacts(_) => {}
                Item::Entry(e) => entries.push(entry(e, layout)),
                Item::Prose { text, .. } => loose.extend(paragraphs(text)),
                Item::Labelled(l) => loose.extend(labelled(l)),
            }
        }
        if !loose.is_empty() {
            entries.insert(0, loose);
        }
        entries.retain(|e| !e.is_empty());
        if entries.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(plain(&section.title).to_uppercase());
        for (i, entry) in entries.into_iter().enumerate() {
            if i > 0 {
                lines.push(String::new());
            }
            lines.extend(entry);
        }
    }
    let mut out: String = lines.iter().map(|l| l.trim_end()).collect::<Vec<_>>().join("\n");
    out.push('\n');
    out
}

/// A cover letter as plain text: the sender's header as the résumé's
/// text begins, then the address, the date, the subject, the salutation,
/// the paragraphs (a blank line between), the closing and the name.
pub fn letter(d: &Description, l: &crate::compose::letter::LetterText) -> String {
    let mut lines = wrap(&plain(&d.name), "");
    lines.extend(wrap(&clean(d.label.as_deref()).unwrap_or_default(), ""));
    lines.extend(pack(d.contacts.iter().map(|c| Some(contact(c))), " | "));
    let mut part = |part: Lines| {
        if !part.is_empty() {
            lines.push(String::new());
            lines.extend(part);
        }
    };
    part(l.recipient.clone());
    part(vec![l.date.clone()]);
    for line in [&l.subject, &l.salutation].into_iter().flatten() {
        part(wrap(&plain_with_urls(line), ""));
    }
    for paragraph in &l.paragraphs {
        part(wrap(&plain_with_urls(paragraph), ""));
    }
    let mut closing: Lines = l.closing.iter().flat_map(|c| wrap(&plain_with_urls(c), "")).collect();
    closing.push(l.name.clone());
    part(closing);
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

/// Paragraphs split at blank lines, each without markup and wrapped.
fn paragraphs(text: &str) -> Lines {
    markup::paragraphs(text).iter().flat_map(|p| wrap(&plain_with_urls(p), "")).collect()
}

/// A contact detail as printed, with the web address it links to in
/// parentheses when the text does not already show it ("GitHub: ada
/// (github.com/ada)"), so that the text carries every address.
fn contact(c: &Contact) -> String {
    let text = c.text.trim().to_string();
    let web = c.link.as_deref().filter(|l| l.starts_with("http://") || l.starts_with("https://"));
    match web.map(crate::compose::contacts::display_url) {
        Some(address) if !text.contains(&address) => format!("{text} ({address})"),
        _ => text,
    }
}

/// The header's lines as the PDF sets them, each "left | right" with the
/// parts of a side joined by " | ": the same facts in the same order.
fn head(e: &Entry, layout: EntryLayout) -> Lines {
    let mut lines = Vec::new();
    for row in e.header(layout) {
        // An address is copied as it is: markup characters are part of it.
        let text = |p: &Part| match p {
            Part::Link => e.part(*p).map(str::to_string),
            _ => clean(e.part(*p)),
        };
        let side = |parts: &[Part]| parts.iter().map(text).collect::<Vec<_>>();
        lines.extend(pack(side(&row.left).into_iter().chain(side(&row.right)), " | "));
    }
    lines
}

/// An entry: its header line(s), summary paragraphs, bullets, then lists.
fn entry(e: &Entry, layout: EntryLayout) -> Lines {
    let mut lines = head(e, layout);
    lines.extend(e.summary.as_deref().map(paragraphs).unwrap_or_default());
    lines.extend(bullets(&e.highlights));
    for l in &e.lists {
        lines.extend(labelled(l));
    }
    lines
}

/// "Label: text", the label alone, or the text alone.
fn labelled(l: &Labelled) -> Lines {
    let label = plain(&l.label);
    let text = plain_with_urls(&l.text);
    match (label.trim().is_empty(), text.trim().is_empty()) {
        (true, true) => Vec::new(),
        (false, true) => wrap(&label, ""),
        (true, false) => wrap(&text, ""),
        (false, false) => wrap(&format!("{label}{}{text}", l.colon), ""),
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
fn group(lead_in: &str, items: &[Tagged], numbered: bool) -> Lines {
    let mut lines = wrap(&plain_with_urls(lead_in), "- ");
    for (i, item) in items.iter().enumerate() {
        let marker = if numbered { format!("  {}. ", i + 1) } else { "  - ".to_string() };
        lines.extend(wrap(&plain_with_urls(item), &marker));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::describe::describe;
    use crate::model::{Resume, parse};
    use crate::theme::{SectionKind, Theme};
    use std::path::Path;

    fn render_with(resume: &Resume, theme: &Theme) -> String {
        let locale = crate::locale::Locale::for_resume(resume, theme).unwrap();
        render(&describe(resume, theme, &locale), theme.entry.layout)
    }

    fn text(toml: &str) -> String {
        let resume = parse(toml, Path::new("t.toml")).expect("test résumé parses");
        render_with(&resume, &Theme::default())
    }

    fn section<'a>(out: &'a str, heading: &str) -> Vec<&'a str> {
        out.lines().skip_while(|l| *l != heading).skip(1).take_while(|l| !l.is_empty()).collect()
    }

    #[test]
    fn labels_are_punctuated_as_the_language_does() {
        let cv = |lang: &str| {
            format!(
                "[meta]\nlanguage = \"{lang}\"\n[basics]\nname = \"A\"\n\
                 [[skills]]\nname = \"Langages\"\nkeywords = [\"Rust\"]\n"
            )
        };
        assert!(text(&cv("fr")).contains("Langages\u{a0}: Rust"));
        assert!(text(&cv("ja")).contains("Langages：Rust"));
        assert!(text(&cv("en")).contains("Langages: Rust"));
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
        let out = render_with(&resume, &theme);
        let lines: Vec<&str> = out.lines().collect();
        let contact = "London, GB | ada@example.org | +44 1 | ada.example.org | github.com/ada | Mastodon: @ada";
        assert_eq!(lines[..5], ["Ada Lovelace", "Analyst", contact, "", "SKILLS"]);
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
            "Lead",
            "Acme | SF",
            "- x and y",
            "- z (https://e.org)",
            "  1. c item",
            "BSc",
            "Uni",
            "Courses: Algo (https://a.org)",
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
            Engineer\nAcme | Paris\n\nJust prose.\n\nEDUCATION\nUni\n\nPhysics\nUni\n\nAWARDS\nPrize\n";
        assert_eq!(out, expected);
    }
}
