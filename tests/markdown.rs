//! The Markdown export (`-f md`): the seed in every theme parses as
//! CommonMark into the same headings, bullets and links that the résumé
//! holds, with no HTML and no markup characters leaking as text.

mod common;

use common::Sandbox;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// What the Markdown reads as: headings by level, list items, link
/// targets, and whether any HTML came through.
#[derive(Default, Debug)]
struct Read {
    headings: Vec<(HeadingLevel, String)>,
    items: Vec<String>,
    links: Vec<String>,
    html: bool,
    text: String,
}

fn read(md: &str) -> Read {
    let mut r = Read::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    // Items nest: the text goes to the innermost open one.
    let mut items: Vec<String> = Vec::new();
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => r.headings.extend(heading.take()),
            Event::Start(Tag::Item) => items.push(String::new()),
            Event::End(TagEnd::Item) => r.items.extend(items.pop()),
            Event::Start(Tag::Link { dest_url, .. }) => r.links.push(dest_url.to_string()),
            Event::Html(_) | Event::InlineHtml(_) => r.html = true,
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                if let Some(i) = items.last_mut() {
                    i.push_str(&t);
                }
                r.text.push_str(&t);
                r.text.push(' ');
            }
            _ => {}
        }
    }
    r
}

#[test]
fn the_seed_reads_back_as_its_sections_bullets_and_links_in_every_theme() {
    let sb = Sandbox::new();
    let seed = vita::model::load(&common::root().join("data/resume.toml")).unwrap();
    for (theme, _) in vita::theme::BUILTIN {
        let out = format!("out-{theme}");
        sb.vita(&["render", "-t", theme, "-f", "md,txt", "-o", &out]).assert_ok();
        let md = std::fs::read_to_string(sb.path(&format!("{out}/resume.md"))).unwrap();
        let txt = std::fs::read_to_string(sb.path(&format!("{out}/resume.txt"))).unwrap();
        let r = read(&md);
        assert!(!r.html, "{theme}: HTML in the Markdown:\n{md}");
        assert_eq!(r.headings[0], (HeadingLevel::H1, seed.basics.name.clone()), "{theme}");
        let sections: Vec<&str> = r
            .headings
            .iter()
            .filter(|(l, _)| *l == HeadingLevel::H2)
            .map(|(_, t)| t.as_str())
            .collect();
        // The sections the text has, in its order.
        let headings: Vec<String> = sections.iter().map(|t| t.to_uppercase()).collect();
        let in_text: Vec<&str> = txt.lines().filter(|l| headings.iter().any(|h| h == l)).collect();
        assert_eq!(in_text, headings, "{theme}: sections {sections:?}");
        assert!(sections.len() >= 3, "{theme}: sections {sections:?}");
        // Every bullet of every job is a list item, as written.
        for job in &seed.work {
            for h in &job.highlights {
                let bullet = vita::compose::markup::plain(h.text());
                assert!(r.items.iter().any(|i| i.starts_with(&bullet)), "{theme}: {bullet:?}");
            }
        }
        // The e-mail and the profiles are links.
        if let Some(email) = &seed.basics.email {
            assert!(r.links.contains(&format!("mailto:{email}")), "{theme}: {:?}", r.links);
        }
        assert!(!r.text.contains("**") && !r.text.contains("]("), "{theme}: markup as text");
    }
}

#[test]
fn text_that_looks_like_markdown_stays_text_and_markup_stays_markup() {
    let sb = Sandbox::new();
    sb.write(
        "cv.toml",
        r##"
[basics]
name = "A_B <script>"
summary = "# not a heading, **bold**, *italic*, `code`, [site](https://example.com/a_(b)) and 1. no list"

[[work]]
name = "Acme"
position = "Engineer"
highlights = ["- not nested", { text = "Lead-in:", items = ["one", "two"], numbered = true }]

[[skills]]
name = "Languages"
keywords = ["C++", "C#"]
"##,
    );
    sb.vita(&["render", "cv.toml", "-f", "md", "-o", "out"]).assert_ok();
    let md = std::fs::read_to_string(sb.path("out/cv.md")).unwrap();
    let r = read(&md);
    assert!(!r.html, "{md}");
    assert_eq!(r.headings[0].1, "A_B <script>", "{md}");
    assert!(r.text.contains("# not a heading"), "{md}");
    assert!(r.text.contains("1. no list"), "{md}");
    assert!(r.items.iter().any(|i| i == "- not nested"), "{md}");
    assert!(r.links.contains(&"https://example.com/a_(b)".to_string()), "{md}");
    assert!(md.contains("**bold**") && md.contains("*italic*") && md.contains("`code`"), "{md}");
    assert!(md.contains("  1. one\n  2. two"), "{md}");
    assert!(r.text.contains("C++, C#"), "{md}");
}
