//! The Word export (`-f docx`): the résumé's description as a .docx of real
//! paragraph styles, one paragraph per line of the résumé, no tables. The
//! name is the Title, the headline the Subtitle, the contact details one
//! Normal paragraph; each section title a Heading 1; an entry's first
//! header line a Heading 2 (title, organisation, then the dates at a right
//! tab stop on the text's edge), its further lines (place, address) Entry
//! Details; prose Normal; bullets List Bullet, and a lead-in's items List
//! Bullet 2 or List Number 2. What each entry says comes from
//! [`crate::compose::describe`], and which facts share a line from the
//! theme's entry layout ([`Entry::header`]), as for the PDF and the text.
//!
//! The look (fonts by family with a named fallback, sizes, colours,
//! spacing, page and margins) comes from the theme: [`styles`].

mod styles;

use crate::compose::describe::{Contact, Description, Entry, Item, Labelled, Part};
use crate::compose::markup::{self, Piece};
use crate::diag::Diagnostic;
use crate::export::pdf::Metadata;
use crate::model::Highlight;
use crate::theme::Theme;
use docx_rs::{Docx, Hyperlink, HyperlinkType, IndentLevel, NumberingId, Paragraph, Run};
use styles::id;

/// Between facts that share a line, and between contact details.
const SEPARATOR: &str = " · ";

/// The .docx of a résumé's description, styled by `theme`, with `meta` as
/// its core properties.
pub fn render(d: &Description, theme: &Theme, meta: &Metadata) -> Result<Vec<u8>, Diagnostic> {
    let mut w = Writer::new(theme);
    w.resume(d);
    w.finish(meta)
}

/// A cover letter as a .docx: the sender's header as the résumé's begins,
/// then the address (a line each), the date, the subject in bold, the
/// salutation, the paragraphs, the closing and the name; then, when given,
/// the résumé `then` from a new page.
pub fn letter(
    d: &Description,
    l: &crate::compose::letter::LetterText,
    (theme, then): (&Theme, Option<&Description>),
    meta: &Metadata,
) -> Result<Vec<u8>, Diagnostic> {
    let mut w = Writer::new(theme);
    w.header(d);
    let line =
        |text: &str| Paragraph::new().style(id::NORMAL).add_run(Run::new().add_text(clean(text)));
    w.block(l.recipient.iter().map(|r| line(r)).collect());
    w.block(vec![line(&l.date)]);
    if let Some(subject) = &l.subject {
        let p = inline(subject)
            .into_iter()
            .map(Inline::bold)
            .fold(Paragraph::new().style(id::NORMAL), push_inline);
        w.block(vec![p]);
    }
    for text in l.salutation.iter().chain(&l.paragraphs) {
        w.block(vec![w.inline_paragraph(id::NORMAL, text)]);
    }
    let closing = l.closing.iter().map(|c| w.inline_paragraph(id::NORMAL, c));
    w.block(closing.chain([line(&l.name)]).collect());
    if let Some(resume) = then {
        w.page_break = true;
        w.resume(resume);
    }
    w.finish(meta)
}

/// The document being written, how many paragraphs and numbered lists it
/// has, and whether the next paragraph starts a page.
struct Writer<'a> {
    docx: Docx,
    theme: &'a Theme,
    paragraphs: u32,
    lists: usize,
    page_break: bool,
}

impl<'a> Writer<'a> {
    /// A document with the theme's page, styles and numbering.
    fn new(theme: &'a Theme) -> Self {
        Writer { docx: styles::document(theme), theme, paragraphs: 0, lists: 0, page_break: false }
    }

    /// Adds a paragraph (starting a page if one is due), numbered from 1
    /// in this document: docx-rs counts paragraphs per thread, so a batch
    /// would otherwise give the same résumé different bytes.
    fn push(&mut self, mut p: Paragraph) {
        self.paragraphs += 1;
        p = p.id(format!("{:08X}", self.paragraphs));
        if std::mem::take(&mut self.page_break) {
            p = p.page_break_before(true);
        }
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    /// A letter's block of lines, a blank line's space above it.
    fn block(&mut self, lines: Vec<Paragraph>) {
        let blank = styles::twips(self.theme.fonts.body.size * self.theme.spacing.leading);
        for (i, p) in lines.into_iter().enumerate() {
            let p = match i {
                0 => p.line_spacing(docx_rs::LineSpacing::new().before(blank.max(0) as u32)),
                _ => p,
            };
            self.push(p);
        }
    }

    /// The résumé: its header, then each section under its heading.
    fn resume(&mut self, d: &Description) {
        self.header(d);
        for section in &d.sections {
            let mut items =
                section.items.iter().filter(|i| !matches!(i, Item::Contacts(_))).peekable();
            if items.peek().is_none() {
                continue;
            }
            let title = Run::new().add_text(clean(&section.title));
            self.push(Paragraph::new().style(id::HEADING1).add_run(title));
            for item in items {
                match item {
                    Item::Contacts(_) => {}
                    Item::Entry(e) => self.entry(e),
                    Item::Prose { text, .. } => self.prose(text),
                    Item::Labelled(l) => self.labelled(l),
                }
            }
        }
    }

    /// The name, the headline and the contact details.
    fn header(&mut self, d: &Description) {
        self.push(self.inline_paragraph(id::TITLE, &d.name));
        if let Some(label) = d.label.as_deref().filter(|l| !l.trim().is_empty()) {
            self.push(self.inline_paragraph(id::SUBTITLE, label));
        }
        // A theme that lists them in a column leaves them out of the
        // header; they are printed here all the same, once.
        let contacts: Vec<&Contact> = if d.contacts.is_empty() {
            d.sections
                .iter()
                .flat_map(|s| &s.items)
                .filter_map(|i| match i {
                    Item::Contacts(c) => Some(c),
                    _ => None,
                })
                .flatten()
                .collect()
        } else {
            d.contacts.iter().collect()
        };
        if contacts.is_empty() {
            return;
        }
        let mut p = Paragraph::new().style(id::NORMAL);
        if self.theme.header.align == crate::theme::Align::Center {
            p = p.align(docx_rs::AlignmentType::Center);
        }
        for (i, c) in contacts.iter().enumerate() {
            if i > 0 {
                p = p.add_run(Run::new().add_text(SEPARATOR));
            }
            let text = Run::new().add_text(clean(c.text.trim()));
            p = match &c.link {
                Some(link) => p.add_hyperlink(link_to(link, text)),
                None => p.add_run(text),
            };
        }
        self.push(p);
    }

    /// An entry: its header lines, then its prose, bullets and lists.
    fn entry(&mut self, e: &Entry) {
        // A row whose facts are all missing (a rail's empty slot) is no line.
        let has = |p: &Part| e.part(*p).is_some_and(|t| !t.trim().is_empty());
        let rows = e.header(self.theme.entry.layout);
        let rows = rows.iter().filter(|r| r.left.iter().chain(&r.right).any(has));
        for (n, row) in rows.enumerate() {
            let style = if n == 0 { id::HEADING2 } else { id::DETAILS };
            let mut p = Paragraph::new().style(style);
            p = self.parts(p, e, &row.left);
            if !row.right.is_empty() {
                p = p.add_run(Run::new().add_tab());
                p = self.parts(p, e, &row.right);
            }
            self.push(p);
        }
        if let Some(summary) = &e.summary {
            self.prose(summary);
        }
        for h in &e.highlights {
            match h {
                Highlight::Text(t) => self.push(self.inline_paragraph(id::BULLET, t)),
                Highlight::Group(g) => {
                    self.push(self.inline_paragraph(id::BULLET, &g.text));
                    let numbering = g.numbered.then(|| self.numbered());
                    for item in &g.items {
                        let p = match numbering {
                            Some(n) => self
                                .inline_paragraph(id::NUMBER2, item)
                                .numbering(NumberingId::new(n), IndentLevel::new(1)),
                            None => self.inline_paragraph(id::BULLET2, item),
                        };
                        self.push(p);
                    }
                }
            }
        }
        for l in &e.lists {
            self.labelled(l);
        }
    }

    /// A new numbered list, counting from 1; its numbering id.
    fn numbered(&mut self) -> usize {
        self.lists += 1;
        let n = styles::BULLETS + self.lists;
        self.docx = styles::numbered(std::mem::take(&mut self.docx), n);
        n
    }

    /// Header parts in a row, joined by [`SEPARATOR`]: the title and
    /// organisation with their markup and in their fonts, the dates and
    /// place as written, the address linked.
    fn parts(&self, mut p: Paragraph, e: &Entry, parts: &[Part]) -> Paragraph {
        let f = &self.theme.fonts;
        for (i, part) in parts.iter().enumerate() {
            let Some(text) = e.part(*part).filter(|t| !t.trim().is_empty()) else { continue };
            if i > 0 {
                p = p.add_run(Run::new().add_text(SEPARATOR));
            }
            p = match part {
                Part::Title => inline(text).into_iter().fold(p, push_inline),
                Part::Subtitle => inline(text)
                    .into_iter()
                    .map(|r| r.in_role(&f.entry_subtitle, self.theme.colors.text))
                    .fold(p, push_inline),
                Part::Dates | Part::Location => p.add_run(
                    role(Run::new(), &f.meta, self.theme.colors.muted).add_text(clean(text)),
                ),
                Part::Link => match &e.link {
                    Some(link) => p.add_hyperlink(link_to(
                        &link.url,
                        role(Run::new(), &f.meta, self.theme.colors.links).add_text(clean(text)),
                    )),
                    None => p,
                },
            };
        }
        p
    }

    /// Paragraphs separated by blank lines, each a Normal paragraph.
    fn prose(&mut self, text: &str) {
        for para in markup::paragraphs(text) {
            if !para.trim().is_empty() {
                self.push(self.inline_paragraph(id::NORMAL, &para));
            }
        }
    }

    /// "Label: text" as one Normal paragraph, the label in bold.
    fn labelled(&mut self, l: &Labelled) {
        let (label, text) = (l.label.trim(), l.text.trim());
        if label.is_empty() && text.is_empty() {
            return;
        }
        let mut p = Paragraph::new().style(id::NORMAL);
        if !label.is_empty() {
            for run in inline(label) {
                p = push_inline(p, run.bold());
            }
            if !text.is_empty() {
                let colon = l.colon.trim_end();
                p = p.add_run(Run::new().bold().add_text(colon));
                let space = &l.colon[colon.len()..];
                if !space.is_empty() {
                    p = p.add_run(Run::new().add_text(space));
                }
            }
        }
        self.push(inline(text).into_iter().fold(p, push_inline));
    }

    /// A paragraph in `style` holding `text`'s inline markup.
    fn inline_paragraph(&self, style: &str, text: &str) -> Paragraph {
        inline(text).into_iter().fold(Paragraph::new().style(style), push_inline)
    }

    /// The package: the document's parts, with the core properties and
    /// the font table written here ([`styles`]).
    fn finish(self, meta: &Metadata) -> Result<Vec<u8>, Diagnostic> {
        let mut xml = self.docx.build();
        // docx-rs numbers hyperlinks' relationships with a counter of the
        // whole process: number them from 1 in each document instead, so
        // that a résumé gives the same bytes wherever it is in a batch.
        let mut links = Vec::new();
        xml.document_rels = renumber(&xml.document_rels, " Id=\"rIdHyperlink", &mut links);
        xml.document = renumber(&xml.document, " r:id=\"rIdHyperlink", &mut links);
        xml.doc_props.core = styles::core(meta);
        xml.font_table = styles::font_table(self.theme);
        let mut bytes = std::io::Cursor::new(Vec::new());
        xml.pack(&mut bytes)
            .map_err(|e| Diagnostic::new(format!("could not write the .docx: {e}")))?;
        Ok(bytes.into_inner())
    }
}

/// `xml` with the number after each `marker` replaced by its rank among
/// the numbers met so far (`seen`, from 1).
fn renumber(xml: &[u8], marker: &str, seen: &mut Vec<u64>) -> Vec<u8> {
    let (marker, mut rest) = (marker.as_bytes(), xml);
    let mut out = Vec::with_capacity(xml.len());
    while let Some(at) = rest.windows(marker.len()).position(|w| w == marker) {
        let (before, after) = rest.split_at(at + marker.len());
        out.extend_from_slice(before);
        let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
        let n: u64 =
            std::str::from_utf8(&after[..digits]).ok().and_then(|d| d.parse().ok()).unwrap_or(0);
        let rank = match seen.iter().position(|&m| m == n) {
            Some(i) => i + 1,
            None => {
                seen.push(n);
                seen.len()
            }
        };
        out.extend_from_slice(rank.to_string().as_bytes());
        rest = &after[digits..];
    }
    out.extend_from_slice(rest);
    out
}

/// A run of inline text: its piece's styles, and its link.
struct Inline {
    run: Run,
    link: Option<String>,
}

impl Inline {
    fn bold(self) -> Inline {
        Inline { run: self.run.bold(), ..self }
    }

    /// In a font role's family, size and style (`entry_subtitle`).
    fn in_role(self, spec: &crate::theme::FontSpec, color: crate::theme::Color) -> Inline {
        Inline { run: role(self.run, spec, color), ..self }
    }
}

/// A field's inline markup as runs: bold, italic and code kept, links
/// kept as links, line breaks made spaces.
fn inline(text: &str) -> Vec<Inline> {
    markup::parse(text).iter().map(piece).collect()
}

/// One piece of markup as a run.
fn piece(p: &Piece) -> Inline {
    let mut run = Run::new().add_text(clean(&p.text.replace(['\n', '\r'], " ")));
    if p.bold {
        run = run.bold();
    }
    if p.italic {
        run = run.italic();
    }
    if p.code {
        run = run.fonts(docx_rs::RunFonts::new().ascii("Noto Sans Mono").hi_ansi("Noto Sans Mono"));
    }
    Inline { run, link: p.link.clone() }
}

/// `p` with the run added, inside a hyperlink when it has one.
fn push_inline(p: Paragraph, i: Inline) -> Paragraph {
    match i.link {
        Some(url) => p.add_hyperlink(link_to(&url, i.run)),
        None => p.add_run(i.run),
    }
}

/// `run` as a link to `url`, in the Hyperlink character style.
fn link_to(url: &str, run: Run) -> Hyperlink {
    Hyperlink::new(url, HyperlinkType::External).add_run(run.style(id::LINK))
}

/// `run` in a font role's family, size and style, in `color` unless the
/// role has its own.
fn role(mut run: Run, spec: &crate::theme::FontSpec, color: crate::theme::Color) -> Run {
    let f = spec.family.as_str();
    run = run
        .fonts(docx_rs::RunFonts::new().ascii(f).hi_ansi(f).cs(f))
        .size((spec.size * 2.0).round() as usize)
        .color(styles::hex(spec.color.unwrap_or(color)));
    if spec.bold {
        run = run.bold();
    }
    if spec.italic {
        run = run.italic();
    }
    run
}

/// Text without the characters XML 1.0 cannot hold (control characters
/// but tab and line breaks).
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| (c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
        .filter(|&c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}
