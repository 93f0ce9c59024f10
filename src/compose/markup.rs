//! Inline markup in text fields — `**bold**`, `*italic*`, `` `code` ``,
//! `[text](url)` — parsed with pulldown-cmark's inline events into plain
//! pieces with style flags. Markup characters never reach an output.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A piece of text with the inline styles in force.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Piece {
    /// The text, with no markup characters.
    pub text: String,
    /// In bold (`**…**`).
    pub bold: bool,
    /// In italics (`*…*`).
    pub italic: bool,
    /// Code (`` `…` ``), set in the mono font.
    pub code: bool,
    /// The address of the `[text](url)` it is part of.
    pub link: Option<String>,
}

/// Parses one text field. Block-level syntax (a leading `#`, `-`, `1.`) is
/// not markup in a résumé field, so it is escaped and kept as text; line
/// breaks become spaces.
pub fn parse(text: &str) -> Vec<Piece> {
    if is_plain(text) {
        // Most fields: what the parser would give, without running it.
        return vec![Piece { text: text.trim_end().to_string(), ..Piece::default() }];
    }
    parse_markup(text)
}

/// [`parse`] through the CommonMark parser.
fn parse_markup(text: &str) -> Vec<Piece> {
    let source = escape_block_syntax(text);
    let mut out: Vec<Piece> = Vec::new();
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut link: Option<String> = None;
    let push = |out: &mut Vec<Piece>,
                s: &str,
                code: bool,
                bold: u32,
                italic: u32,
                link: &Option<String>| {
        let style = (bold > 0, italic > 0, code, link.clone());
        match out.last_mut() {
            Some(last) if (last.bold, last.italic, last.code, last.link.clone()) == style => {
                last.text.push_str(s)
            }
            _ => out.push(Piece {
                text: s.to_string(),
                bold: style.0,
                italic: style.1,
                code,
                link: style.3,
            }),
        }
    };
    for event in Parser::new(&source) {
        match event {
            Event::Text(t) => push(&mut out, &t, false, bold, italic, &link),
            Event::Code(t) => push(&mut out, &t, true, bold, italic, &link),
            Event::SoftBreak | Event::HardBreak => push(&mut out, " ", false, bold, italic, &link),
            Event::Html(t) | Event::InlineHtml(t) => push(&mut out, &t, false, bold, italic, &link),
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => link = None,
            // A second paragraph inside one field reads as a space.
            Event::End(TagEnd::Paragraph) => push(&mut out, " ", false, 0, 0, &None),
            _ => {}
        }
    }
    if let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
    }
    out.retain(|p| !p.text.is_empty());
    out
}

/// The text without markup, as one string.
pub fn plain(text: &str) -> String {
    parse(text).into_iter().map(|p| p.text).collect()
}

/// The text without markup, each link followed by its address in
/// parentheses ("site (https://…)") unless the text already is the address:
/// plain text has no other way to keep it.
pub fn plain_with_urls(text: &str) -> String {
    let mut out = String::new();
    let pieces = parse(text);
    for (i, p) in pieces.iter().enumerate() {
        out.push_str(&p.text);
        let link_ends = p.link.is_some() && pieces.get(i + 1).is_none_or(|n| n.link != p.link);
        if let (true, Some(url)) = (link_ends, &p.link) {
            let shown = url.strip_prefix("mailto:").unwrap_or(url);
            if !p.text.contains(shown) {
                out.push_str(&format!(" ({shown})"));
            }
        }
    }
    out
}

/// A text field's paragraphs: split at blank lines (with `\n` or `\r\n`
/// line ends), each paragraph's lines rejoined with `\n`.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().chain([""]) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    out
}

/// Whether CommonMark sees no markup at all in `text`: one line that does
/// not start with whitespace, with none of the characters that open inline
/// syntax (emphasis, code, links, autolinks, HTML, entities, escapes) and
/// no control characters (the parser replaces NUL). Block syntax at the
/// start (`1.`, `#`, `-`) needs no check: it is escaped before parsing, so
/// the parser gives it back as the text it is.
fn is_plain(text: &str) -> bool {
    text.chars().next().is_some_and(|first| !first.is_whitespace())
        && !text.chars().any(|c| {
            c.is_control() || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&')
        })
}

fn escape_block_syntax(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        let after_digits = body[digits..].chars().next();
        let starts_block = body.starts_with(['#', '>', '-', '+', '=', '|'])
            || body.starts_with("* ")
            || (digits > 0 && matches!(after_digits, Some('.') | Some(')')));
        if starts_block && digits > 0 {
            out.push_str(&body[..digits]);
            out.push('\\');
            out.push_str(&body[digits..]);
        } else if starts_block {
            out.push('\\');
            out.push_str(body);
        } else {
            out.push_str(body);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_and_links() {
        let p = parse("Built **fast** *and* [safe](https://x.org) `code`");
        let texts: Vec<_> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Built ", "fast", " ", "and", " ", "safe", " ", "code"]);
        assert!(p[1].bold && p[3].italic && p[7].code);
        assert_eq!(p[5].link.as_deref(), Some("https://x.org"));
    }

    #[test]
    fn block_syntax_stays_text() {
        assert_eq!(plain("1. First"), "1. First");
        assert_eq!(plain("# not a heading"), "# not a heading");
        assert_eq!(plain("- dash"), "- dash");
        assert_eq!(plain("* star"), "* star");
        assert_eq!(plain("$1MM saved, 5 < 6 & \"quoted\""), "$1MM saved, 5 < 6 & \"quoted\"");
    }

    #[test]
    fn paragraphs_split_at_blank_lines_whatever_the_line_ends() {
        assert_eq!(paragraphs("a\nb\n\nc"), ["a\nb", "c"]);
        assert_eq!(paragraphs("a\r\n\r\nb"), ["a", "b"]);
        assert_eq!(paragraphs("a\n \n b \n\n\n"), ["a", " b "]);
    }

    #[test]
    fn link_addresses_survive_in_plain_text() {
        assert_eq!(
            plain_with_urls("see [my site](https://e.org) now"),
            "see my site (https://e.org) now"
        );
        assert_eq!(plain_with_urls("[https://e.org](https://e.org)"), "https://e.org");
        assert_eq!(plain_with_urls("[**bold** link](https://e.org)"), "bold link (https://e.org)");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The shortcut for plain text gives exactly what the parser gives.
        #[test]
        fn plain_text_shortcut_agrees_with_the_parser(
            text in "[a-zA-Z0-9 .,;:!?()'\"/%$@#>+=|~^{}\\-]{0,3}[a-z é€\u{a0}\t]{0,6}[a-zA-Z0-9 .,;:!?()#>+=|*_`<&\\-]{0,4}"
        ) {
            if is_plain(&text) {
                proptest::prop_assert_eq!(parse(&text), parse_markup(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn the_shortcut_takes_plain_fields_only() {
        assert!(is_plain("Led a team of 5 engineers (2019–2021), 40% faster"));
        assert!(is_plain("C# and F#: 3 apps"));
        assert!(is_plain("1. First"), "escaped block syntax comes back as itself");
        for marked in ["a *b*", "a_b", "`c`", "[l](u)", "<a>", "&amp;", "a\\b", " x", "a\nb"] {
            assert!(!is_plain(marked), "{marked}");
        }
    }

    #[test]
    fn newlines_become_spaces() {
        assert_eq!(plain("one\ntwo\n\nthree"), "one two three");
    }
}
