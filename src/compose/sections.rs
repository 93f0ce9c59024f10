//! The composer proper: one method per part of a résumé, each appending
//! blocks in reading order.

use super::dates::format_range;
use super::markup;
use super::{Align, Block, BlockKind, Para, Rule, Span, Style, Styles};
use crate::fonts::FontBook;
use crate::model::{Highlight, Resume, date_of};
use crate::theme::{self, SectionKind, Theme};

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

/// The parts of an entry header, whichever the data has.
#[derive(Default)]
struct Head {
    title: Option<String>,
    subtitle: Option<String>,
    dates: Option<String>,
    location: Option<String>,
}

/// An entry's body: prose, then bullets.
#[derive(Default)]
struct Body<'r> {
    summary: Option<&'r str>,
    highlights: &'r [Highlight],
    /// Extra "Label: a, b" lines (courses, keywords).
    lists: Vec<(&'static str, String)>,
}

impl<'a> Composer<'a> {
    pub(super) fn para(&self, text: &str, base: Style, align: Align) -> Para {
        let spans = markup::parse(text)
            .into_iter()
            .map(|p| {
                let mut style = if p.code {
                    Style { size: base.size * 0.92, color: base.color, ..self.styles.mono }
                } else {
                    self.styles.variant(base, p.bold, p.italic, self.book)
                };
                if p.link.is_some() {
                    style.color = self.theme.colors.links;
                }
                Span { style, link: p.link, text: p.text }
            })
            .collect();
        let mut para = Para::new(spans, align, self.theme.spacing.leading);
        para.origin = self.origin.clone();
        para
    }

    fn plain_para(&self, text: &str, style: Style, align: Align) -> Para {
        let span = Span { text: text.to_string(), style, link: None };
        let mut para = Para::new(vec![span], align, self.theme.spacing.leading);
        para.origin = self.origin.clone();
        para
    }

    /// Body text: the theme's alignment and hyphenation.
    fn body_para(&self, text: &str) -> Para {
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

    pub fn section(&mut self, kind: SectionKind, r: &Resume) {
        let dates = &self.theme.dates;
        let range = |s, e| format_range(date_of(s), date_of(e), dates);
        let one = |d| format_range(date_of(d), None, dates);
        match kind {
            SectionKind::Contact => self.contact_list(&r.basics),
            SectionKind::Summary => {
                self.origin = "basics.summary".into();
                if let Some(summary) = &r.basics.summary {
                    self.heading(kind.title());
                    self.prose(summary);
                }
            }
            SectionKind::Work if !r.work.is_empty() => {
                self.heading(kind.title());
                for (i, w) in r.work.iter().enumerate() {
                    self.origin = format!("work[{i}]");
                    let head = Head {
                        title: w.position.clone().or_else(|| w.name.clone()),
                        subtitle: w.position.as_ref().and(w.name.clone()),
                        dates: range(&w.start_date, &w.end_date),
                        location: w.location.clone(),
                    };
                    let body = Body {
                        summary: w.summary.as_deref(),
                        highlights: &w.highlights,
                        ..Body::default()
                    };
                    self.entry(i, head, body);
                }
            }
            SectionKind::Volunteer if !r.volunteer.is_empty() => {
                self.heading(kind.title());
                for (i, v) in r.volunteer.iter().enumerate() {
                    self.origin = format!("volunteer[{i}]");
                    let head = Head {
                        title: v.position.clone().or_else(|| v.organization.clone()),
                        subtitle: v.position.as_ref().and(v.organization.clone()),
                        dates: range(&v.start_date, &v.end_date),
                        location: v.location.clone(),
                    };
                    let body = Body {
                        summary: v.summary.as_deref(),
                        highlights: &v.highlights,
                        ..Body::default()
                    };
                    self.entry(i, head, body);
                }
            }
            SectionKind::Education if !r.education.is_empty() => {
                self.heading(kind.title());
                for (i, e) in r.education.iter().enumerate() {
                    self.origin = format!("education[{i}]");
                    let study: Vec<&str> = [&e.study_type, &e.area]
                        .into_iter()
                        .flatten()
                        .map(String::as_str)
                        .collect();
                    let has_study = !study.is_empty();
                    let head = Head {
                        title: Some(if has_study {
                            study.join(", ")
                        } else {
                            e.institution.clone()
                        }),
                        subtitle: has_study.then(|| e.institution.clone()),
                        dates: range(&e.start_date, &e.end_date),
                        location: e.location.clone(),
                    };
                    let mut body = Body { summary: e.summary.as_deref(), ..Body::default() };
                    if let Some(score) = &e.score {
                        body.lists.push(("Score", score.clone()));
                    }
                    body.lists.push(("Courses", e.courses.join(", ")));
                    self.entry(i, head, body);
                }
            }
            SectionKind::Awards if !r.awards.is_empty() => {
                self.heading(kind.title());
                for (i, a) in r.awards.iter().enumerate() {
                    self.origin = format!("awards[{i}]");
                    let head = Head {
                        title: Some(a.title.clone()),
                        subtitle: a.awarder.clone(),
                        dates: one(&a.date),
                        location: None,
                    };
                    self.entry(i, head, Body { summary: a.summary.as_deref(), ..Body::default() });
                }
            }
            SectionKind::Certificates if !r.certificates.is_empty() => {
                self.heading(kind.title());
                for (i, c) in r.certificates.iter().enumerate() {
                    self.origin = format!("certificates[{i}]");
                    let head = Head {
                        title: Some(c.name.clone()),
                        subtitle: c.issuer.clone(),
                        dates: one(&c.date),
                        location: None,
                    };
                    self.entry(i, head, Body::default());
                }
            }
            SectionKind::Publications if !r.publications.is_empty() => {
                self.heading(kind.title());
                for (i, p) in r.publications.iter().enumerate() {
                    self.origin = format!("publications[{i}]");
                    let head = Head {
                        title: Some(p.name.clone()),
                        subtitle: p.publisher.clone(),
                        dates: one(&p.release_date),
                        location: None,
                    };
                    self.entry(i, head, Body { summary: p.summary.as_deref(), ..Body::default() });
                }
            }
            SectionKind::Projects if !r.projects.is_empty() => {
                self.heading(kind.title());
                for (i, p) in r.projects.iter().enumerate() {
                    self.origin = format!("projects[{i}]");
                    let head = Head {
                        title: Some(p.name.clone()),
                        subtitle: p.entity.clone(),
                        dates: range(&p.start_date, &p.end_date),
                        location: None,
                    };
                    let mut body = Body {
                        summary: p.description.as_deref(),
                        highlights: &p.highlights,
                        ..Body::default()
                    };
                    body.lists.push(("Keywords", p.keywords.join(", ")));
                    self.entry(i, head, body);
                }
            }
            SectionKind::Skills if !r.skills.is_empty() => {
                self.heading(kind.title());
                for s in &r.skills {
                    let name = match &s.level {
                        Some(level) => format!("{} ({level})", s.name),
                        None => s.name.clone(),
                    };
                    self.labelled(&name, &s.keywords.join(", "));
                }
            }
            SectionKind::Languages if !r.languages.is_empty() => {
                self.heading(kind.title());
                let list: Vec<String> = r
                    .languages
                    .iter()
                    .map(|l| match &l.fluency {
                        Some(f) => format!("{} ({f})", l.language),
                        None => l.language.clone(),
                    })
                    .collect();
                self.prose(&list.join(", "));
            }
            SectionKind::Interests if !r.interests.is_empty() => {
                self.heading(kind.title());
                for it in &r.interests {
                    self.labelled(&it.name, &it.keywords.join(", "));
                }
            }
            SectionKind::References if !r.references.is_empty() => {
                self.heading(kind.title());
                for (i, rf) in r.references.iter().enumerate() {
                    self.origin = format!("references[{i}]");
                    let head = Head { title: Some(rf.name.clone()), ..Head::default() };
                    self.entry(
                        i,
                        head,
                        Body { summary: rf.reference.as_deref(), ..Body::default() },
                    );
                }
            }
            SectionKind::Custom => {
                for section in r.custom.iter().filter(|s| !s.entries.is_empty()) {
                    self.heading(&section.title);
                    for (i, e) in section.entries.iter().enumerate() {
                        self.origin = format!("custom[{}].entries[{i}]", section.title);
                        let head = Head {
                            title: e.title.clone(),
                            subtitle: e.subtitle.clone(),
                            dates: range(&e.start_date, &e.end_date),
                            location: e.location.clone(),
                        };
                        self.entry(
                            i,
                            head,
                            Body {
                                summary: e.summary.as_deref(),
                                highlights: &e.highlights,
                                ..Body::default()
                            },
                        );
                    }
                }
            }
            _ => {}
        }
    }

    pub(super) fn heading(&mut self, title: &str) {
        let h = &self.theme.headings;
        let title = markup::plain(title);
        let text = if h.uppercase { title.to_uppercase() } else { title.clone() };
        let style = self.styles.heading;
        let rule = (h.rule != crate::theme::HeadingRule::None).then_some(Rule {
            thickness: h.rule_thickness,
            gap: h.rule_gap,
            color: style.color,
            beside: h.rule == crate::theme::HeadingRule::Beside,
        });
        let bar = h.accent_bar.then_some(self.theme.colors.accent);
        let mut block = Block::new(BlockKind::Heading {
            para: self.plain_para(&text, style, Align::Left),
            rule,
            bar,
        });
        block.space_before = self.theme.spacing.section_before;
        block.keep_with_next = true;
        block.bookmark = Some(title);
        self.out.push(block);
        // The first block of the section sits `section_after` below the heading.
        self.pending_space = Some(self.theme.spacing.section_after);
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
                block.space_before = self.theme.spacing.paragraph;
            }
            self.push(block);
        }
    }

    /// "Label: text" with the label in bold, as one paragraph.
    fn labelled(&mut self, label: &str, text: &str) {
        let bold = self.styles.variant(self.styles.body, true, false, self.book);
        let mut para = self.body_para(text);
        let label = markup::plain(label);
        let lead = if text.is_empty() { label } else { format!("{label}: ") };
        para.spans.insert(0, Span { text: lead, style: bold, link: None });
        let mut block = Block::new(BlockKind::Text(para));
        block.space_before = self.theme.spacing.bullet;
        self.push(block);
    }

    /// An entry: header rows, prose, bullets.
    fn entry(&mut self, index: usize, head: Head, body: Body) {
        let s = self.styles;
        let mut lefts: Vec<Para> = Vec::new();
        if let Some(t) = &head.title {
            lefts.push(self.para(t, s.entry_title, Align::Left));
        }
        if let Some(t) = &head.subtitle {
            lefts.push(self.para(t, s.entry_subtitle, Align::Left));
        }
        let facts: Vec<String> = [head.dates, head.location].into_iter().flatten().collect();
        if self.theme.entry.layout == crate::theme::EntryLayout::Stacked && !facts.is_empty() {
            // Stacked: dates and place on a line of their own under the titles.
            lefts.push(self.para(&facts.join(" · "), s.meta, Align::Left));
            return self.entry_rows(index, lefts.into_iter().map(|l| (l, None)).collect(), body);
        }
        let rights: Vec<Para> = facts.iter().map(|t| self.para(t, s.meta, Align::Right)).collect();
        let rows: Vec<(Para, Option<Para>)> = if lefts.is_empty() {
            // Nothing to name the entry by: its place and dates lead, on the left.
            rights.into_iter().map(|p| (Para { align: Align::Left, ..p }, None)).collect()
        } else {
            let mut rights = rights.into_iter();
            let mut rows: Vec<(Para, Option<Para>)> =
                lefts.into_iter().map(|l| (l, rights.next())).collect();
            // More facts than rows: the rest join the last row's right side.
            for extra in rights {
                if let Some((_, Some(right))) = rows.last_mut() {
                    let sep = Span { text: " · ".into(), style: s.meta, link: None };
                    right.spans.push(sep);
                    right.spans.extend(extra.spans);
                }
            }
            rows
        };
        self.entry_rows(index, rows, body);
    }

    /// Pushes an entry's header rows, then its body.
    fn entry_rows(&mut self, index: usize, rows: Vec<(Para, Option<Para>)>, body: Body) {
        let row_count = rows.len();
        for (i, (left, right)) in rows.into_iter().enumerate() {
            let mut block =
                Block::new(BlockKind::Row { left, right, gap: self.theme.spacing.column_gap });
            if i == 0 && index > 0 {
                block.space_before = self.theme.spacing.entry_before;
            }
            block.keep_with_next = true;
            self.push(block);
        }
        let first_body = self.out.len();
        if let Some(summary) = body.summary {
            self.prose(summary);
        }
        self.bullets(body.highlights);
        for (label, text) in body.lists {
            if !text.is_empty() {
                self.labelled(label, &text);
            }
        }
        match self.out.get_mut(first_body) {
            Some(first) if row_count > 0 => {
                first.space_before = self.theme.spacing.entry_header_after
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
        let (glyph, nested_glyph, indent) = (b.glyph.clone(), b.nested_glyph.clone(), b.indent);
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
                        lead.space_before = self.theme.spacing.paragraph;
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
        block.space_before = self.theme.spacing.bullet;
        self.push(block);
    }
}
