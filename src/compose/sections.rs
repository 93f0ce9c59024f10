//! The composer proper: the description's sections and entries as styled
//! blocks, in reading order. Decides how each part looks and which blocks
//! keep together; what the parts say was decided in [`super::describe`].

use super::describe::{Entry, Item, Labelled, Part, Section};
use super::markup;
use super::{Align, Block, BlockKind, Para, Rule, Span, Style, Styles};
use crate::fonts::FontBook;
use crate::model::Highlight;
use crate::theme::{self, EntryLayout, Theme};

pub(super) struct Composer<'a> {
    pub theme: &'a Theme,
    pub book: &'a FontBook,
    pub styles: &'a Styles,
    pub out: Vec<Block>,
    /// Space owed above the next block (set after a heading).
    pub pending_space: Option<f32>,
    /// The field being composed, for warnings ("work[2].summary").
    pub origin: String,
}

/// Inline `code` is set in the mono face at this share of the text's size:
/// a monospaced face looks larger than a proportional one at the same size.
const CODE_SCALE: f32 = 0.92;

impl<'a> Composer<'a> {
    /// A composer with nothing composed yet.
    pub(super) fn new(theme: &'a Theme, book: &'a FontBook, styles: &'a Styles) -> Composer<'a> {
        Composer {
            theme,
            book,
            styles,
            out: Vec::new(),
            pending_space: None,
            origin: String::new(),
        }
    }

    pub(super) fn para(&self, text: &str, base: Style, align: Align) -> Para {
        let spans = self.spans(text, base);
        let mut para = Para::new(spans, align, self.theme.spacing.leading);
        para.origin = self.origin.clone();
        para
    }

    /// Inline markup as styled spans over `base`.
    fn spans(&self, text: &str, base: Style) -> Vec<Span> {
        markup::parse(text)
            .into_iter()
            .map(|p| {
                let mut style = if p.code {
                    Style { size: base.size * CODE_SCALE, color: base.color, ..self.styles.mono }
                } else {
                    self.styles.variant(base, p.bold, p.italic, self.book)
                };
                if p.link.is_some() {
                    style.color = self.theme.colors.links;
                }
                Span { style, link: p.link, text: p.text }
            })
            .collect()
    }

    pub(super) fn plain_para(&self, text: &str, style: Style, align: Align) -> Para {
        let span = Span { text: text.to_string(), style, link: None };
        let mut para = Para::new(vec![span], align, self.theme.spacing.leading);
        para.origin = self.origin.clone();
        para
    }

    /// Body text: the theme's alignment and hyphenation.
    pub(super) fn body_para(&self, text: &str) -> Para {
        let align = match self.theme.text.align {
            crate::theme::TextAlign::Left => Align::Left,
            crate::theme::TextAlign::Justify => Align::Justify,
        };
        Para { hyphenate: self.theme.text.hyphenate, ..self.para(text, self.styles.body, align) }
    }

    pub(super) fn header_align(&self) -> Align {
        match self.theme.header.align {
            theme::Align::Left => Align::Left,
            theme::Align::Center => Align::Center,
        }
    }

    /// A section: its heading, then its items.
    pub(super) fn section(&mut self, section: &Section) {
        self.heading(&section.title);
        let mut entries = 0;
        for item in &section.items {
            match item {
                Item::Contacts(contacts) => self.contact_list(contacts),
                Item::Entry(entry) => {
                    self.origin = entry.origin.clone();
                    self.entry(entries, entry);
                    entries += 1;
                }
                Item::Prose { origin, text } => {
                    self.origin = origin.clone();
                    self.prose(text);
                }
                Item::Labelled(l) => self.labelled(l),
            }
        }
    }

    pub(super) fn heading(&mut self, title: &str) {
        let h = &self.theme.headings;
        let title = markup::plain(title);
        let text = if h.uppercase { title.to_uppercase() } else { title.clone() };
        let style = self.styles.heading;
        let rule = (h.rule != crate::theme::HeadingRule::None).then_some(Rule {
            thickness: h.rule_thickness.get(),
            gap: h.rule_gap.get(),
            color: style.color,
            beside: h.rule == crate::theme::HeadingRule::Beside,
        });
        let bar = h.accent_bar.then_some(self.theme.colors.accent);
        let mut block = Block::new(BlockKind::Heading {
            para: self.plain_para(&text, style, Align::Left),
            rule,
            bar,
        });
        block.space_before = self.theme.spacing.section_before.get();
        block.keep_with_next = true;
        block.bookmark = Some(title);
        self.out.push(block);
        // The first block of the section sits `section_after` below the heading.
        self.pending_space = Some(self.theme.spacing.section_after.get());
    }
}

impl Composer<'_> {
    /// Appends a block, giving it any space a heading left owing.
    pub(super) fn push(&mut self, mut block: Block) {
        if let Some(space) = self.pending_space.take() {
            block.space_before = space;
        }
        self.out.push(block);
    }

    /// Paragraphs separated by blank lines ("\n\n").
    fn prose(&mut self, text: &str) {
        for (i, paragraph) in markup::paragraphs(text).iter().enumerate() {
            let mut block = Block::new(BlockKind::Text(self.body_para(paragraph)));
            if i > 0 {
                block.space_before = self.theme.spacing.paragraph.get();
            }
            self.push(block);
        }
    }

    /// The rail's width and gap in points, when the theme has one.
    pub(super) fn rail(&self) -> Option<(f32, f32)> {
        let e = &self.theme.entry;
        (e.layout == EntryLayout::Rail).then(|| (e.rail_width.pt(), e.rail_gap.pt()))
    }

    /// A rail line: `rail` beside the start of `main`.
    fn rail_block(&self, rail: Option<Para>, main: Option<Para>) -> Option<Block> {
        let (width, gap) = self.rail()?;
        (rail.is_some() || main.is_some())
            .then(|| Block::new(BlockKind::Rail { rail, main, width, gap }))
    }

    /// "Label: text" with the label in bold, as one paragraph (in a theme
    /// with a rail too: poppler reads a column of labels in the rail as a
    /// block of its own, apart from their text).
    fn labelled(&mut self, l: &Labelled) {
        if !l.origin.is_empty() {
            self.origin = l.origin.clone();
        }
        let bold = self.styles.variant(self.styles.body, true, false, self.book);
        let mut para = self.body_para(&l.text);
        let label = markup::plain(&l.label);
        if !label.is_empty() {
            let lead = if l.text.is_empty() { label } else { format!("{label}{}", l.colon) };
            para.spans.insert(0, Span { text: lead, style: bold, link: None });
        }
        let mut block = Block::new(BlockKind::Text(para));
        block.space_before = self.theme.spacing.bullet.get();
        self.push(block);
    }

    /// Header parts joined by " · ", each in its style; an address is a link.
    fn parts_para(&self, e: &Entry, parts: &[Part], align: Align) -> Option<Para> {
        let s = self.styles;
        let mut spans = Vec::new();
        for &part in parts {
            let Some(text) = e.part(part) else { continue };
            let style = match part {
                Part::Title => s.entry_title,
                Part::Subtitle => s.entry_subtitle,
                Part::Dates | Part::Location => s.meta,
                Part::Link => Style { color: self.theme.colors.links, ..s.meta },
            };
            if !spans.is_empty() {
                spans.push(Span { text: " · ".into(), style: s.meta, link: None });
            }
            match (part, &e.link) {
                (Part::Link, Some(link)) => {
                    spans.push(Span { text: text.to_string(), style, link: Some(link.url.clone()) })
                }
                _ => spans.extend(self.spans(text, style)),
            }
        }
        (!spans.is_empty()).then(|| {
            let mut para = Para::new(spans, align, self.theme.spacing.leading);
            para.origin = self.origin.clone();
            para
        })
    }

    /// An entry: header rows (as [`Entry::header`] arranges them for the
    /// theme), prose, bullets, labelled lists.
    fn entry(&mut self, index: usize, e: &Entry) {
        let gap = self.theme.spacing.column_gap.get();
        let rows: Vec<BlockKind> = e
            .header(self.theme.entry.layout)
            .iter()
            .filter_map(|row| {
                if self.rail().is_some() {
                    let rail = self.parts_para(e, &row.left, Align::Left);
                    let main = self.parts_para(e, &row.right, Align::Left);
                    return self.rail_block(rail, main).map(|b| b.kind);
                }
                let right = self.parts_para(e, &row.right, Align::Right);
                match self.parts_para(e, &row.left, Align::Left) {
                    Some(left) => Some(BlockKind::Row { left, right, gap }),
                    // A fact alone on its line keeps to the right, under
                    // the fact above it.
                    None => right.map(|left| BlockKind::Row { left, right: None, gap }),
                }
            })
            .collect();
        self.entry_rows(index, rows, e);
    }

    /// Pushes an entry's header rows, then its body.
    fn entry_rows(&mut self, index: usize, rows: Vec<BlockKind>, e: &Entry) {
        let row_count = rows.len();
        for (i, kind) in rows.into_iter().enumerate() {
            let mut block = Block::new(kind);
            if i == 0 && index > 0 {
                block.space_before = self.theme.spacing.entry_before.get();
            }
            block.keep_with_next = true;
            self.push(block);
        }
        let first_body = self.out.len();
        let entry = e.origin.clone();
        if let Some(summary) = &e.summary {
            self.prose(summary);
        }
        self.bullets(&e.highlights);
        self.origin = entry;
        for list in &e.lists {
            self.labelled(list);
        }
        match self.out.get_mut(first_body) {
            Some(first) if row_count > 0 => {
                first.space_before = self.theme.spacing.entry_header_after.get()
            }
            _ => {
                // An entry with no body: the header rows must not keep with what follows.
                if let Some(last) = self.out.last_mut() {
                    last.keep_with_next = false;
                }
            }
        }
    }

    /// Highlights as bullets. When every highlight is a group, each
    /// lead-in reads as prose and its items are the bullets; when plain
    /// bullets and groups mix, a lead-in is a bullet and its items nest
    /// one level deeper with the nested glyph.
    fn bullets(&mut self, highlights: &[Highlight]) {
        let b = &self.theme.bullets;
        let (glyph, nested_glyph, indent) =
            (b.glyph.clone(), b.nested_glyph.clone(), b.indent.get());
        let mixed = highlights.iter().any(|h| matches!(h, Highlight::Text(_)));
        let entry = self.origin.clone();
        for (j, h) in highlights.iter().enumerate() {
            self.origin = format!("{entry}.highlights[{j}]");
            match h {
                Highlight::Text(text) => self.bullet(&glyph, text, 0.0, indent),
                Highlight::Group(group) => {
                    let (level, marker) = if mixed {
                        self.bullet(&glyph, &group.text, 0.0, indent);
                        (indent, nested_glyph.clone())
                    } else {
                        let mut lead = Block::new(BlockKind::Text(self.body_para(&group.text)));
                        lead.space_before = self.theme.spacing.paragraph.get();
                        self.push(lead);
                        (0.0, glyph.clone())
                    };
                    if let Some(lead) = self.out.last_mut() {
                        lead.keep_with_next = !group.items.is_empty();
                    }
                    // Numbers hang right-aligned; room for the widest one.
                    let digits = group.items.len().to_string().len() as f32;
                    let hang = indent + (digits - 1.0) * 0.55 * self.styles.body.size;
                    for (i, item) in group.items.iter().enumerate() {
                        self.origin = format!("{entry}.highlights[{j}].items[{i}]");
                        let marker =
                            if group.numbered { format!("{}.", i + 1) } else { marker.clone() };
                        self.bullet(
                            &marker,
                            item,
                            level,
                            if group.numbered { hang } else { indent },
                        );
                    }
                }
            }
        }
    }

    fn bullet(&mut self, marker: &str, text: &str, indent: f32, hang: f32) {
        let marker = Span { text: marker.to_string(), style: self.styles.body, link: None };
        let para = self.body_para(text);
        let mut block = Block::new(BlockKind::Bullet { marker, para });
        block.indent = indent;
        block.hang = hang;
        block.space_before = self.theme.spacing.bullet.get();
        self.push(block);
    }
}
