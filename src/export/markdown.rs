//! The Markdown export (`-f md`): the résumé's description as
//! GitHub-flavoured Markdown that reads well as a profile README — the
//! name as the title, the contact details on one line, a `##` heading per
//! section, each entry on one line (title in bold, organisation, dates in
//! italics, place, link), its prose, bullets and lists. Links are kept as
//! links; no HTML. What each entry says comes from
//! [`crate::compose::describe`], as for the PDF and the text.

use crate::compose::describe::{Contact, Description, Entry, Item, Labelled};
use crate::compose::markup::{self, Piece};
use crate::model::Highlight;

/// The Markdown rendering of a résumé's description, in reading order.
pub fn render(d: &Description) -> String {
    let mut blocks = header(d);
    for section in &d.sections {
        let mut body: Vec<String> = Vec::new();
        let mut list: Vec<String> = Vec::new();
        for item in &section.items {
            match item {
                Item::Contacts(_) => {}
                Item::Entry(e) => body.push(entry(e)),
                Item::Prose { text, .. } => body.extend(paragraphs(text)),
                Item::Labelled(l) => list.extend(labelled(l).map(|l| format!("- {l}"))),
            }
        }
        if !list.is_empty() {
            body.insert(0, list.join("\n"));
        }
        body.retain(|b| !b.trim().is_empty());
        if body.is_empty() {
            continue;
        }
        blocks.push(format!("## {}", inline(&section.title)));
        blocks.extend(body);
    }
    blocks.join("\n\n") + "\n"
}

/// The name as the title, the label in bold, the contact details on one
/// line.
fn header(d: &Description) -> Vec<String> {
    let mut blocks: Vec<String> = vec![format!("# {}", inline(&d.name))];
    if let Some(label) = d.label.as_deref().filter(|l| !l.trim().is_empty()) {
        blocks.push(format!("**{}**", inline(label).trim()));
    }
    if !d.contacts.is_empty() {
        blocks.push(d.contacts.iter().map(contact).collect::<Vec<_>>().join(" · "));
    }
    blocks
}

/// A contact detail: its text, linked when it has an address.
fn contact(c: &Contact) -> String {
    let text = escape(c.text.trim());
    match &c.link {
        Some(link) => format!("[{text}]({})", destination(link)),
        None => text,
    }
}

/// An entry: its line of facts, then its prose, bullets and lists.
fn entry(e: &Entry) -> String {
    let mut facts: Vec<String> = Vec::new();
    if let Some(title) = e.title.as_deref().map(inline).filter(|t| !t.is_empty()) {
        facts.push(format!("**{title}**"));
    }
    facts.extend(e.subtitle.as_deref().map(inline).filter(|t| !t.is_empty()));
    facts.extend(e.dates.as_deref().map(|d| format!("*{}*", escape(d))));
    facts.extend(e.location.as_deref().map(escape));
    if let Some(link) = &e.link {
        facts.push(format!("[{}]({})", escape(&link.text), destination(&link.url)));
    }
    let mut parts = vec![facts.join(" · ")];
    parts.extend(e.summary.as_deref().map(paragraphs).unwrap_or_default());
    let bullets = bullets(&e.highlights);
    if !bullets.is_empty() {
        parts.push(bullets.join("\n"));
    }
    let lists: Vec<String> = e.lists.iter().filter_map(labelled).collect();
    if !lists.is_empty() {
        // Lines of one paragraph, each ending in a hard break.
        parts.push(lists.join("  \n"));
    }
    parts.retain(|p| !p.trim().is_empty());
    parts.join("\n\n")
}

/// "**Label:** text", the label alone in bold, or the text alone. A colon
/// followed by a space goes in bold with its label; one without ("：")
/// stays outside, where Markdown still closes the bold before it.
fn labelled(l: &Labelled) -> Option<String> {
    let (label, text) = (inline(&l.label), inline(&l.text));
    let (label, text) = (label.trim(), text.trim());
    match (label.is_empty(), text.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("**{label}**")),
        (true, false) => Some(text.to_string()),
        (false, false) => {
            let colon = l.colon.trim_end();
            let space = &l.colon[colon.len()..];
            Some(match space.is_empty() {
                true => format!("**{label}**{colon}{text}"),
                false => format!("**{label}{colon}**{space}{text}"),
            })
        }
    }
}

/// Bullets as a list; a group's lead-in is a bullet with its items nested.
fn bullets(highlights: &[Highlight]) -> Vec<String> {
    let mut lines = Vec::new();
    for h in highlights {
        match h {
            Highlight::Text(t) => lines.push(format!("- {}", inline(t))),
            Highlight::Group(g) => {
                lines.push(format!("- {}", inline(&g.text)));
                for (i, item) in g.items.iter().enumerate() {
                    let marker = if g.numbered { format!("{}.", i + 1) } else { "-".into() };
                    lines.push(format!("  {marker} {}", inline(item)));
                }
            }
        }
    }
    lines
}

/// A field's paragraphs, each one Markdown paragraph.
fn paragraphs(text: &str) -> Vec<String> {
    markup::paragraphs(text).iter().map(|p| inline(p)).filter(|p| !p.is_empty()).collect()
}

/// A text field's inline markup as Markdown: its styles and links kept,
/// every other character that Markdown would read as syntax escaped, and
/// line breaks made spaces.
fn inline(text: &str) -> String {
    let pieces = markup::parse(text);
    let mut out = String::new();
    let mut i = 0;
    while i < pieces.len() {
        // The pieces of one link go inside one [text](url).
        let end = match &pieces[i].link {
            Some(link) => {
                i + pieces[i..].iter().take_while(|p| p.link.as_ref() == Some(link)).count()
            }
            None => i + 1,
        };
        let styled: String = pieces[i..end].iter().map(styled).collect();
        match &pieces[i].link {
            Some(link) => out.push_str(&format!("[{styled}]({})", destination(link))),
            None => out.push_str(&styled),
        }
        i = end;
    }
    let out = out.replace(['\n', '\r'], " ");
    // A line must not begin as a block: a heading, a list, a quote.
    match out.chars().next() {
        Some('#' | '>' | '-' | '+' | '=' | '|') => format!("\\{out}"),
        Some(c)
            if c.is_ascii_digit()
                && out.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(['.', ')']) =>
        {
            let digits = out.chars().take_while(char::is_ascii_digit).count();
            format!("{}\\{}", &out[..digits], &out[digits..])
        }
        _ => out,
    }
}

/// One piece in its styles.
fn styled(p: &Piece) -> String {
    if p.code {
        let ticks = if p.text.contains('`') { "``" } else { "`" };
        return format!("{ticks}{}{ticks}", p.text.replace(['\n', '\r'], " "));
    }
    let text = escape(&p.text);
    // Emphasis hugs the text: spaces at its ends stay outside.
    let (lead, rest) = text.split_at(text.len() - text.trim_start().len());
    let (core, trail) = rest.split_at(rest.trim_end().len());
    if core.is_empty() {
        return text;
    }
    let mark = match (p.bold, p.italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => "",
    };
    format!("{lead}{mark}{core}{mark}{trail}")
}

/// `text` with the characters Markdown reads as inline syntax escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A link's address as a Markdown destination: in angle brackets when it
/// holds spaces or parentheses.
fn destination(url: &str) -> String {
    if url.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", url.replace('<', "%3C").replace('>', "%3E"))
    } else {
        url.to_string()
    }
}

/// A cover letter as Markdown: the sender's header as the résumé's begins,
/// then the address (a line each), the date, the subject in bold, the
/// salutation, the paragraphs, the closing and the name.
pub fn letter(d: &Description, l: &crate::compose::letter::LetterText) -> String {
    let mut blocks = header(d);
    let hard_break = |lines: Vec<String>| lines.join("  \n");
    if !l.recipient.is_empty() {
        blocks.push(hard_break(l.recipient.iter().map(|r| escape(r)).collect()));
    }
    blocks.push(escape(&l.date));
    blocks.extend(l.subject.as_deref().map(|s| format!("**{}**", inline(s))));
    blocks.extend(l.salutation.as_deref().map(inline));
    blocks.extend(l.paragraphs.iter().map(|p| inline(p)));
    let closing = l.closing.as_deref().map(inline).into_iter().chain([escape(&l.name)]);
    blocks.push(hard_break(closing.collect()));
    blocks.join("\n\n") + "\n"
}
