//! A cover letter's words and blocks. Its words are decided once
//! ([`LetterText`]): the date in the résumé's language, the sender's
//! return line, the recipient's lines; the PDF and the plain text both come
//! from them. The blocks sit under the résumé's own header, in the
//! résumé's styles, in one column across the page, with the address where
//! an envelope's window shows it when the theme or the letter asks.

use super::describe::Description;
use super::sections::Composer;
use super::{Align, Block, BlockKind, ColumnTop, Composed, Running, Style, Styles, markup};
use crate::diag::Diagnostic;
use crate::fonts::FontBook;
use crate::locale::Locale;
use crate::model::Resume;
use crate::model::letter::Letter;
use crate::photo::Photo;
use crate::theme::{Theme, Window, mm};
use std::sync::Arc;

/// What a letter says, the same in every output.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterText {
    /// The sender's name, as plain text.
    pub name: String,
    /// The sender in one line, for above the address in an envelope
    /// window ("Alex Doe · 1 Main St · 10115 Berlin").
    pub return_line: String,
    /// The recipient's block, a line each.
    pub recipient: Vec<String>,
    /// The place and the date ("Berlin, 14. März 2026").
    pub date: String,
    /// The subject line.
    pub subject: Option<String>,
    /// The greeting.
    pub salutation: Option<String>,
    /// The body's paragraphs, with their inline markup.
    pub paragraphs: Vec<String>,
    /// The closing.
    pub closing: Option<String>,
}

/// The words of `letter`, from `resume` (the sender) in `locale`, dated
/// "today" by `now` (seconds since the Unix epoch).
pub fn describe_letter(letter: &Letter, resume: &Resume, locale: &Locale, now: i64) -> LetterText {
    let (year, month, day) = letter.date.ymd(now);
    let day = locale.cldr.long_date(year, month, day);
    fn given(s: &Option<String>) -> Option<&str> {
        s.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    let date = match given(&letter.place) {
        Some(place) => format!("{place}, {day}"),
        None => day,
    };
    let b = &resume.basics;
    let name = markup::plain(&b.name);
    let location = b.location.as_ref();
    let street = location.and_then(|l| given(&l.address)).map(str::to_string);
    let town = location
        .map(|l| [given(&l.postal_code), given(&l.city)].into_iter().flatten().collect::<Vec<_>>())
        .map(|parts| parts.join(" "))
        .filter(|t| !t.is_empty());
    let return_line =
        [Some(name.clone()), street, town].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    LetterText {
        name,
        return_line,
        recipient: letter.recipient.lines(),
        date,
        subject: given(&letter.subject).map(str::to_string),
        salutation: given(&letter.salutation).map(str::to_string),
        paragraphs: markup::paragraphs(&letter.body),
        closing: given(&letter.closing).map(str::to_string),
    }
}

/// The letter's signature, and the width it is set at.
pub struct Signature {
    /// The picture.
    pub photo: Arc<Photo>,
    /// Its width on the page, in points.
    pub width: f32,
}

/// Points between the letter's parts (address, date, subject, body).
const PART_GAP: f32 = 14.0;

/// Without a window, the address starts this far from the page's top (or
/// under a taller header), where a reader expects it.
const ADDRESS_TOP_MM: f32 = 45.0;

/// The letter's blocks: the résumé's header (`d`) across the top, then
/// the address (in `window`, if any), the date, subject, salutation,
/// body, closing, signature and name.
pub fn compose_letter(
    d: &Description,
    text: &LetterText,
    window: Window,
    signature: Option<&Signature>,
    theme: &Theme,
    book: &FontBook,
) -> Result<Composed, Diagnostic> {
    let styles = Styles::resolve(theme, book)?;
    let mut c = Composer::new(theme, book, &styles);
    c.header(d, true);
    let band = std::mem::take(&mut c.out);
    let place = window.placement();
    let indent = place.map_or(0.0, |p| mm(p.left - theme.page.margin_left.0).max(0.0));
    let body = styles.body;
    let leading = theme.spacing.leading;
    let text_block = |c: &mut Composer, para, space: f32| {
        let mut block = Block::new(BlockKind::Text(para));
        block.space_before = space;
        c.push(block);
    };
    // The address: in the window, under a small return line.
    let mut address_height = 0.0;
    if place.is_some_and(|p| p.return_line) && !text.return_line.is_empty() {
        let style = Style { size: (body.size * 0.72).max(6.0), ..styles.meta };
        c.origin = "basics".into();
        let para = c.plain_para(&text.return_line, style, Align::Left);
        text_block(&mut c, para, 0.0);
        address_height += style.size * leading + 2.0;
    }
    c.origin = "recipient".into();
    for (i, line) in text.recipient.iter().enumerate() {
        let para = c.plain_para(line, body, Align::Left);
        let space = if i == 0 && address_height > 0.0 { 2.0 } else { 0.0 };
        text_block(&mut c, para, space);
        address_height += body.size * leading;
    }
    c.out.iter_mut().for_each(|b| b.indent = indent);
    // What follows starts under the window's field, or a gap under the
    // address.
    let after = match place {
        Some(p) => (mm(p.bottom - p.top) - address_height).max(PART_GAP),
        None => PART_GAP,
    };
    c.origin = "date".into();
    let para = c.plain_para(&text.date, body, Align::Right);
    let space = if c.out.is_empty() { 0.0 } else { after };
    text_block(&mut c, para, space);
    if let Some(subject) = &text.subject {
        c.origin = "subject".into();
        let bold = styles.variant(body, true, false, book);
        let para = c.para(subject, bold, Align::Left);
        text_block(&mut c, para, PART_GAP);
    }
    if let Some(salutation) = &text.salutation {
        c.origin = "salutation".into();
        let para = c.para(salutation, body, Align::Left);
        text_block(&mut c, para, PART_GAP);
    }
    let paragraph = theme.spacing.paragraph.get().max(body.size * 0.75);
    for (i, words) in text.paragraphs.iter().enumerate() {
        c.origin = format!("body[{i}]");
        let para = c.body_para(words);
        text_block(&mut c, para, paragraph);
    }
    if let Some(closing) = &text.closing {
        c.origin = "closing".into();
        let para = c.para(closing, body, Align::Left);
        text_block(&mut c, para, PART_GAP);
    }
    let mut name_space = body.size * leading * 2.0;
    if let Some(s) = signature {
        let height = s.width * s.photo.height as f32 / s.photo.width.max(1) as f32;
        let kind = BlockKind::Image { photo: Arc::clone(&s.photo), width: s.width, height };
        let mut block = Block::new(kind);
        block.space_before = 4.0;
        block.role = super::Role::Figure { alt: text.name.clone() };
        c.push(block);
        name_space = 2.0;
    }
    c.origin = "basics.name".into();
    let para = c.plain_para(&text.name, body, Align::Left);
    text_block(&mut c, para, name_space);
    // The closing, signature and name stay together.
    let n = c.out.len();
    let tail = if signature.is_some() { 3 } else { 2 };
    for block in c.out[n.saturating_sub(tail)..n - 1].iter_mut() {
        block.keep_with_next = true;
    }
    let running = Running {
        name: text.name.clone(),
        style: styles.meta,
        updated: None,
        folio: d.folio.clone(),
    };
    Ok(Composed {
        band,
        columns: vec![c.out],
        running,
        hyphenation: d.hyphenation,
        rtl: d.rtl,
        column_top: Some(match place {
            Some(p) => ColumnTop { y: mm(p.top), window: true },
            None => ColumnTop { y: mm(ADDRESS_TOP_MM), window: false },
        }),
    })
}
