//! Composition: (Resume, Theme) → semantic, styled blocks — name header,
//! contact line, section headings, entry headers, paragraphs, bullets — with
//! their keep rules. Decides what is said and in which style; never
//! positions anything.

pub mod dates;
pub mod markup;
mod sections;

use crate::diag::Diagnostic;
use crate::fonts::{FaceId, FontBook};
use crate::model::Resume;
use crate::theme::{Color, FontSpec, Theme};

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub face: FaceId,
    pub size: f32,
    pub color: Color,
    /// Extra advance after each glyph, in points.
    pub letter_spacing: f32,
}

/// Text in one style, optionally a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
    pub link: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A paragraph of styled spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub spans: Vec<Span>,
    pub align: Align,
    /// Line height as a multiple of the largest font size on the line.
    pub leading: f32,
}

/// What a block is; layout gives each kind its geometry.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// A paragraph (name, contact line, summary, lead-in).
    Text(Para),
    /// A section heading, with an optional rule beneath it.
    Heading { para: Para, rule: Option<Rule> },
    /// One row of an entry header: `left` wraps, `right` sits flush right
    /// on the first line's baseline. `right` is absent when there is no
    /// date or place, and then no column is reserved.
    Row { left: Para, right: Option<Para> },
    /// A list item: the marker hangs left of the text.
    Bullet { marker: Span, para: Para },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub thickness: f32,
    pub gap: f32,
    pub color: Color,
}

/// One block with the flow rules that apply to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    /// Left indent in points (from the content box's edge).
    pub indent: f32,
    /// Marker-to-text distance for bullets.
    pub hang: f32,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    /// Must share its page with the start of the next block.
    pub keep_with_next: bool,
    /// Section title, on headings: becomes a PDF bookmark.
    pub bookmark: Option<String>,
}

impl Block {
    pub fn new(kind: BlockKind) -> Self {
        Block {
            kind,
            indent: 0.0,
            hang: 0.0,
            space_before: 0.0,
            keep_with_next: false,
            bookmark: None,
        }
    }
}

/// Styles resolved once from the theme's font roles.
pub struct Styles {
    pub name: Style,
    pub label: Style,
    pub contact: Style,
    pub heading: Style,
    pub entry_title: Style,
    pub entry_subtitle: Style,
    pub meta: Style,
    pub body: Style,
}

impl Styles {
    pub fn resolve(theme: &Theme, book: &FontBook) -> Result<Styles, Diagnostic> {
        let f = &theme.fonts;
        let c = &theme.colors;
        let heading_color = if theme.headings.accent { c.accent } else { c.text };
        let style = |spec: &FontSpec, color: Color| -> Result<Style, Diagnostic> {
            let face = book.select(&spec.family, spec.bold, spec.italic).map_err(|d| {
                Diagnostic { message: format!("theme `{}`: {}", theme.name, d.message), ..d }
            })?;
            Ok(Style {
                face,
                size: spec.size,
                color: spec.color.unwrap_or(color),
                letter_spacing: spec.letter_spacing,
            })
        };
        Ok(Styles {
            name: style(&f.name, c.text)?,
            label: style(&f.label, c.muted)?,
            contact: style(&f.contact, c.text)?,
            heading: style(&f.heading, heading_color)?,
            entry_title: style(&f.entry_title, c.text)?,
            entry_subtitle: style(&f.entry_subtitle, c.text)?,
            meta: style(&f.meta, c.muted)?,
            body: style(&f.body, c.text)?,
        })
    }

    /// The face of `base`'s family with bold/italic switched on as markup asks.
    pub fn variant(&self, base: Style, bold: bool, italic: bool, book: &FontBook) -> Style {
        let info = book.info(base.face);
        let face =
            book.select(info.family, info.bold || bold, info.italic || italic).unwrap_or(base.face);
        Style { face, ..base }
    }
}

/// Composes the résumé into blocks, in reading order.
pub fn compose(resume: &Resume, theme: &Theme, book: &FontBook) -> Result<Vec<Block>, Diagnostic> {
    let styles = Styles::resolve(theme, book)?;
    let mut c =
        sections::Composer { theme, book, styles: &styles, out: Vec::new(), pending_space: None };
    c.header(&resume.basics);
    for &kind in &theme.sections {
        c.section(kind, resume);
    }
    Ok(c.out)
}
