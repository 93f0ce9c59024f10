//! Composition: (Resume, Theme) → the résumé's [`describe::Description`]
//! (what every section and entry says, decided once) → semantic, styled
//! blocks — name header, contact line, section headings, entry headers,
//! paragraphs, bullets — with their keep rules. Decides what is said and in
//! which style; never positions anything.

mod arrange;
pub mod contacts;
pub mod dates;
pub mod describe;
mod header;
pub mod letter;
pub mod markup;
mod sections;

use crate::diag::Diagnostic;
use crate::fonts::{FaceId, FontBook};
use crate::locale::Locale;
use crate::model::Resume;
use crate::theme::{Color, Figures, FontSpec, Theme};
use describe::Description;

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// The font face, an index into the [`FontBook`].
    pub face: FaceId,
    /// Font size in points.
    pub size: f32,
    /// Text colour.
    pub color: Color,
    /// Extra advance after each glyph, in points.
    pub letter_spacing: f32,
    /// Small capitals for lower-case letters (OpenType `smcp`, or
    /// synthesised where the font has none).
    pub small_caps: bool,
    /// Which digits it draws (the font's default, lining or tabular).
    pub figures: Figures,
    /// Decoration only (an icon): drawn, but marked so that text
    /// extraction leaves it out.
    pub decorative: bool,
    /// No line break inside the text (a contact detail): a line may end
    /// only before or after it, unless it is wider than a whole line.
    pub nowrap: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            face: 0,
            size: 10.0,
            color: Color::rgb(0, 0, 0),
            letter_spacing: 0.0,
            small_caps: false,
            figures: Figures::Default,
            decorative: false,
            nowrap: false,
        }
    }
}

/// Text in one style, optionally a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The text as printed (markup already applied).
    pub text: String,
    /// How it looks.
    pub style: Style,
    /// The address it links to, if any.
    pub link: Option<String>,
}

/// How a paragraph's lines sit across its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left, ragged right.
    Left,
    /// Centred.
    Center,
    /// Flush right, ragged left.
    Right,
    /// Flush left and right (the last line ragged).
    Justify,
}

/// A paragraph of styled spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// The text, in reading order.
    pub spans: Vec<Span>,
    /// How its lines are aligned.
    pub align: Align,
    /// Line height as a multiple of the largest font size on the line.
    pub leading: f32,
    /// Whether words may be hyphenated.
    pub hyphenate: bool,
    /// Where the text comes from ("work[2].highlights[0]"), for warnings.
    pub origin: String,
}

impl Para {
    /// A paragraph of `spans`, not hyphenated, with no origin.
    pub fn new(spans: Vec<Span>, align: Align, leading: f32) -> Para {
        Para { spans, align, leading, hyphenate: false, origin: String::new() }
    }
}

/// What a block is; layout gives each kind its geometry.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// A paragraph (name, contact line, summary, lead-in).
    Text(Para),
    /// A section heading, with an optional rule below or beside it and an
    /// optional accent bar before it.
    Heading {
        /// The title.
        para: Para,
        /// The rule, when the theme draws one.
        rule: Option<Rule>,
        /// The accent bar's colour, when the theme draws one.
        bar: Option<Color>,
    },
    /// One row of an entry header: `left` wraps; `right` sits flush right
    /// on the first line's baseline when both are one line, and under
    /// `left`, flush left, otherwise. `right` is absent when there is no
    /// date or place, and then no column is reserved. `gap` is the least
    /// space between the two.
    Row {
        /// The parts read first (a title, an organisation).
        left: Para,
        /// The parts set flush right (dates, a place), if any.
        right: Option<Para>,
        /// Least space between the two, in points.
        gap: f32,
    },
    /// A list item: the marker hangs left of the text.
    Bullet {
        /// The marker ("•", "1.").
        marker: Span,
        /// The item's text.
        para: Para,
    },
    /// A picture (a letter's signature), `width × height` points, at the
    /// block's indent.
    Image {
        /// The picture.
        photo: std::sync::Arc<crate::photo::Photo>,
        /// Its width in points.
        width: f32,
        /// Its height in points.
        height: f32,
    },
    /// A line of a column with a rail: `rail`, set in the rail (`width`
    /// points wide, at the block's indent), beside the first line of
    /// `main`, which starts `gap` to its right and may wrap. Read rail
    /// first. A rail text wider than the rail goes above `main` instead.
    Rail {
        /// Text set in the rail (dates, place), if any.
        rail: Option<Para>,
        /// Text beside it (title, organisation, address), if any.
        main: Option<Para>,
        /// The rail's width in points.
        width: f32,
        /// Points between the rail and `main`.
        gap: f32,
    },
}

/// Where the columns start on the first page at the earliest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnTop {
    /// Points from the page's top.
    pub y: f32,
    /// An envelope's window shows what starts there, so a header reaching
    /// below it is worth a warning.
    pub window: bool,
}

/// The rule of a section heading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Stroke thickness in points.
    pub thickness: f32,
    /// Points from the title's last baseline down to the rule; beside the title,
    /// half the space between title and rule.
    pub gap: f32,
    /// The rule's colour (the heading's).
    pub color: Color,
    /// Beside the title (to the margin) instead of below it.
    pub beside: bool,
}

/// One block with the flow rules that apply to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What the block is, with its content.
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
    /// What the block is in the document's logical structure (a tagged
    /// PDF's structure tree).
    pub role: Role,
}

/// A block's place in the document's logical structure: the element a
/// tagged PDF gives it ([`crate::export::pdf`] names the PDF tags).
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// The document's title: the person's name.
    Title,
    /// A paragraph: a label, contact details, an entry's header row, prose.
    Para,
    /// A section heading, which opens a section until the next one.
    Heading,
    /// An item of a list (a bullet); consecutive items make one list.
    Item,
    /// A picture, with the text that stands for it.
    Figure {
        /// The alternative text (the person's name under a signature).
        alt: String,
    },
}

impl Role {
    /// The role a block of `kind` has unless compose says otherwise.
    fn of(kind: &BlockKind) -> Role {
        match kind {
            BlockKind::Heading { .. } => Role::Heading,
            BlockKind::Bullet { .. } => Role::Item,
            BlockKind::Image { .. } => Role::Figure { alt: String::new() },
            BlockKind::Text(_) | BlockKind::Row { .. } | BlockKind::Rail { .. } => Role::Para,
        }
    }
}

impl Block {
    /// A block of `kind` with no indent, space, keep rule or bookmark, in
    /// the role its kind has.
    pub fn new(kind: BlockKind) -> Self {
        Block {
            role: Role::of(&kind),
            kind,
            indent: 0.0,
            hang: 0.0,
            space_before: 0.0,
            keep_with_next: false,
            bookmark: None,
        }
    }

    /// The block's paragraphs in reading order (a bullet's marker is a
    /// span, not a paragraph).
    pub fn paras(&self) -> impl Iterator<Item = &Para> {
        let [first, second] = match &self.kind {
            BlockKind::Text(p)
            | BlockKind::Heading { para: p, .. }
            | BlockKind::Bullet { para: p, .. } => [Some(p), None],
            BlockKind::Row { left, right, .. } => [Some(left), right.as_ref()],
            BlockKind::Rail { rail, main, .. } => [rail.as_ref(), main.as_ref()],
            BlockKind::Image { .. } => [None, None],
        };
        first.into_iter().chain(second)
    }
}

/// Styles resolved once from the theme's font roles.
pub struct Styles {
    /// The name at the top.
    pub name: Style,
    /// The headline under the name.
    pub label: Style,
    /// Contact details.
    pub contact: Style,
    /// Section headings (small capitals when the theme asks).
    pub heading: Style,
    /// An entry's title.
    pub entry_title: Style,
    /// An entry's organisation.
    pub entry_subtitle: Style,
    /// Dates, places and addresses in entry headers, and the running elements.
    pub meta: Style,
    /// Paragraphs, bullets and "Label: text" lines.
    pub body: Style,
    /// `code` in text fields.
    pub mono: Style,
}

impl Styles {
    /// Each role's face, size and colour from the theme; an error names the
    /// theme when a family is not in the book.
    pub fn resolve(theme: &Theme, book: &FontBook) -> Result<Styles, Diagnostic> {
        let f = &theme.fonts;
        let c = &theme.colors;
        let heading_color = if theme.headings.accent { c.accent } else { c.text };
        let style = |spec: &FontSpec, color: Color| -> Result<Style, Diagnostic> {
            let face = book.select(&spec.family, spec.bold, spec.italic).map_err(|d| {
                let role = f.role_of(spec).unwrap_or("body");
                let message = format!("`fonts.{role}.family`: {}", d.message);
                Diagnostic { message, ..d }
            })?;
            Ok(Style {
                face,
                size: spec.size,
                color: spec.color.unwrap_or(color),
                letter_spacing: spec.letter_spacing,
                ..Style::default()
            })
        };
        Ok(Styles {
            name: style(&f.name, c.text)?,
            label: style(&f.label, c.muted)?,
            contact: style(&f.contact, c.text)?,
            heading: Style {
                small_caps: theme.headings.small_caps,
                ..style(&f.heading, heading_color)?
            },
            entry_title: style(&f.entry_title, c.text)?,
            entry_subtitle: style(&f.entry_subtitle, c.text)?,
            meta: Style { figures: theme.dates.figures, ..style(&f.meta, c.muted)? },
            body: style(&f.body, c.text)?,
            mono: style(&f.mono, c.text)?,
        })
    }

    /// The face of `base`'s family with bold/italic switched on as markup asks.
    pub fn variant(&self, base: Style, bold: bool, italic: bool, book: &FontBook) -> Style {
        let info = book.info(base.face);
        let face = book
            .select(&info.family, info.bold || bold, info.italic || italic)
            .unwrap_or(base.face);
        Style { face, ..base }
    }
}

/// A composed résumé: the header band across the top of page 1, then each
/// column's blocks, columns in reading order.
#[derive(Debug, Clone)]
pub struct Composed {
    /// The header band's blocks; empty when the header opens the first column.
    pub band: Vec<Block>,
    /// Each column's blocks, columns in reading order.
    pub columns: Vec<Vec<Block>>,
    /// Text for the footer and continuation header.
    pub running: Running,
    /// The hyphenation patterns of the résumé's language, if it has any.
    pub hyphenation: Option<&'static str>,
    /// Whether lines run right to left, and the page is mirrored.
    pub rtl: bool,
    /// On the first page, where the columns start at the earliest: a
    /// letter's address. `None` starts them under the header.
    pub column_top: Option<ColumnTop>,
}

impl Composed {
    /// Every block in reading order: the band's, then each column's.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.band.iter().chain(self.columns.iter().flatten())
    }
}

/// Text for the running elements (footer, continuation header).
#[derive(Debug, Clone)]
pub struct Running {
    /// The name, as plain text.
    pub name: String,
    /// The style the running elements are set in.
    pub style: Style,
    /// "Updated Mar 2026", when the theme and the résumé ask for it.
    pub updated: Option<String>,
    /// The page numbers' pattern: "{page} / {pages}" in the résumé's language.
    pub folio: String,
}

/// Describes the résumé in its locale and composes it into blocks, in
/// reading order.
pub fn compose(resume: &Resume, theme: &Theme, book: &FontBook) -> Result<Composed, Diagnostic> {
    let locale = Locale::for_resume(resume, theme)?;
    compose_description(&describe::describe(resume, theme, &locale), theme, book)
}

/// The description's blocks, in reading order.
pub fn compose_description(
    d: &Description,
    theme: &Theme,
    book: &FontBook,
) -> Result<Composed, Diagnostic> {
    let styles = Styles::resolve(theme, book)?;
    let mut c = sections::Composer::new(theme, book, &styles);
    c.header(d, !theme.contact_in_column());
    // Without a band, the header simply opens the first column.
    let band = if theme.header.band { std::mem::take(&mut c.out) } else { Vec::new() };
    let mut columns = Vec::new();
    for column in 0..theme.regions(1.0).len() {
        for section in d.sections.iter().filter(|s| s.column == column) {
            c.section(section);
        }
        let mut blocks = std::mem::take(&mut c.out);
        if let Some((width, gap)) = c.rail() {
            // Everything but the rail's own lines sits right of the rail.
            for b in blocks.iter_mut().filter(|b| !matches!(b.kind, BlockKind::Rail { .. })) {
                b.indent += width + gap;
            }
        }
        columns.push(blocks);
    }
    let running = Running {
        name: markup::plain(&d.name),
        style: styles.meta,
        updated: d.updated.clone(),
        folio: d.folio.clone(),
    };
    let (hyphenation, rtl) = (d.hyphenation, d.rtl);
    Ok(Composed { band, columns, running, hyphenation, rtl, column_top: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn blocks(toml: &str) -> Vec<Block> {
        let resume = crate::model::parse(toml, Path::new("t.toml")).unwrap();
        let composed = compose(&resume, &Theme::default(), &FontBook::new()).unwrap();
        composed.band.into_iter().chain(composed.columns.into_iter().flatten()).collect()
    }

    fn text(p: &Para) -> String {
        p.spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn undated_entry_has_no_right_column_and_dated_one_does() {
        let b = blocks(
            "[basics]\nname = \"A\"\n[[work]]\nname = \"Crusoe\"\nhighlights = [\"x\"]\n\
             [[work]]\nname = \"Stedi\"\nposition = \"Engineer\"\nlocation = \"SF\"\n\
             start_date = \"2020\"\nend_date = \"2023\"\nhighlights = [\"y\"]\n",
        );
        let rows: Vec<(String, Option<String>)> = b
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Row { left, right, .. } => Some((text(left), right.as_ref().map(text))),
                _ => None,
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Crusoe".to_string(), None),
                ("Engineer".to_string(), Some("2020 – 2023".to_string())),
                ("Stedi".to_string(), Some("SF".to_string())),
            ]
        );
    }

    #[test]
    fn stacked_entries_put_dates_and_place_under_the_titles() {
        let toml = "[basics]\nname = \"A\"\n[[work]]\nname = \"Stedi\"\nposition = \"Engineer\"\n\
                    location = \"SF\"\nstart_date = \"2020\"\nend_date = \"2023\"\nhighlights = [\"y\"]\n";
        let resume = crate::model::parse(toml, Path::new("t.toml")).unwrap();
        let mut theme = Theme::default();
        theme.entry.layout = crate::theme::EntryLayout::Stacked;
        let composed = compose(&resume, &theme, &FontBook::new()).unwrap();
        let rows: Vec<(String, bool)> = composed.columns[0]
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Row { left, right, .. } => Some((text(left), right.is_some())),
                _ => None,
            })
            .collect();
        let expected = [("Engineer", false), ("Stedi", false), ("2020 – 2023 · SF", false)];
        assert_eq!(rows, expected.map(|(t, r)| (t.to_string(), r)));
    }

    #[test]
    fn headings_keep_with_next_and_carry_bookmarks() {
        let b = blocks(
            "[basics]\nname = \"A\"\nsummary = \"Hi.\"\n[[education]]\ninstitution = \"U\"\n",
        );
        let headings: Vec<&Block> =
            b.iter().filter(|b| matches!(b.kind, BlockKind::Heading { .. })).collect();
        assert_eq!(headings.len(), 2);
        assert!(headings.iter().all(|h| h.keep_with_next));
        let marks: Vec<_> = headings.iter().map(|h| h.bookmark.clone().unwrap()).collect();
        assert_eq!(marks, ["Summary", "Education"]);
    }

    #[test]
    fn markup_becomes_styles_and_links_not_characters() {
        let b =
            blocks("[basics]\nname = \"A\"\nsummary = \"**Bold** and [site](https://e.org)\"\n");
        let para = b
            .iter()
            .find_map(|b| match &b.kind {
                BlockKind::Text(p) if text(p).contains("Bold") => Some(p),
                _ => None,
            })
            .unwrap();
        assert_eq!(text(para), "Bold and site");
        assert_ne!(para.spans[0].style.face, para.spans[1].style.face);
        assert_eq!(para.spans[2].link.as_deref(), Some("https://e.org"));
    }
}
