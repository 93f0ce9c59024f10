//! Line breaking: a paragraph of styled spans → lines of positioned text
//! runs, in three stages:
//!
//! 1. [`items::collect`] shapes the text once and turns it into boxes,
//!    glue and penalties (spaces, hyphenation points, other break
//!    opportunities);
//! 2. [`breakers::breakpoints`] chooses where lines end — first-fit for
//!    ragged text, Knuth–Plass for justified text;
//! 3. [`finalize::finalize`] builds each line's runs: justified spaces widened or
//!    narrowed within the theme's limits, a hyphen added where a word is
//!    split, and extraction text attached so that the split word still
//!    reads whole.
//!
//! Every space between two words on a line is a real space glyph, so text
//! extraction never glues words together.

mod bidi;
pub mod breakers;
mod finalize;
pub mod items;
mod opportunities;
pub mod protrude;

use super::frame::TextRun;
use super::hyphenate::Hyphenator;
use crate::compose::{Align, Para};
use crate::fonts::FontBook;
use breakers::Breaker;
use finalize::finalize;
use std::collections::BTreeSet;

/// What line breaking needs besides the paragraph.
pub struct Ctx<'a> {
    /// The fonts to shape with.
    pub book: &'a FontBook,
    /// Hyphenation in the résumé's language; none when the theme turns it off
    /// or the language has no patterns.
    pub hyphenator: Option<Hyphenator>,
    /// Justified spaces may stretch and shrink by these fractions.
    pub space_stretch: f32,
    /// How far justified spaces may shrink, as a fraction of their width.
    pub space_shrink: f32,
    /// Problems worked around so far.
    pub warnings: Vec<crate::layout::Warning>,
    /// Characters already reported as missing from every font.
    pub missing: BTreeSet<char>,
    /// Whether the document runs right to left: paragraphs start at the
    /// right, and lines are placed for pages mirrored afterwards
    /// ([`bidi`]).
    pub rtl: bool,
    /// How each justified line was set, as TeX's log reports it.
    pub justified: Vec<JustifiedLine>,
    /// Justified paragraphs that no breaks could justify, set ragged.
    pub set_ragged: usize,
    /// Whether justified lines hang punctuation into the margins
    /// (`text.protrusion`).
    pub protrusion: bool,
    /// Space between CJK and Latin text, in ems (`text.cjk_latin_space`).
    pub cjk_latin_space: f32,
}

/// How one justified line that is not its paragraph's last was set: the
/// figures TeX reports for a line (`docs/typography.md` tabulates them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JustifiedLine {
    /// The adjustment ratio: how much of its spaces' stretch (above 0) or
    /// shrink (below 0) the line uses.
    pub ratio: f32,
    /// TeX's badness, 100·|ratio|³ (an overfull line counts 10 000).
    pub badness: f32,
    /// Points between the end of its text and the margin: 0 for a line
    /// that keeps justification's promise.
    pub short: f32,
    /// Whether it has a space to stretch: a line of one long word has not,
    /// and stays as it is, short of the margin.
    pub spaced: bool,
}

impl JustifiedLine {
    /// The figures of a line of text `set` points wide, in a measure
    /// `width` points wide, set with adjustment `ratio`; `spaced` when it
    /// has a space.
    pub fn new(ratio: f32, set: f32, width: f32, spaced: bool) -> JustifiedLine {
        let badness = (100.0 * ratio.abs().powi(3)).min(10_000.0);
        JustifiedLine { ratio, badness, short: (width - set).max(0.0), spaced }
    }
}

impl<'a> Ctx<'a> {
    /// The context for a theme's text settings: its space limits, and the
    /// hyphenation patterns `hyphenation` names when the theme hyphenates.
    pub fn for_theme(
        book: &'a FontBook,
        text: &crate::theme::Text,
        hyphenation: Option<&'static str>,
    ) -> Ctx<'a> {
        let (word, before, after) =
            (text.hyphen_min_word, text.hyphen_min_before, text.hyphen_min_after);
        Ctx {
            space_stretch: text.space_stretch,
            space_shrink: text.space_shrink,
            protrusion: text.protrudes(),
            cjk_latin_space: text.cjk_latin_space,
            hyphenator: hyphenation
                .filter(|_| text.hyphenate)
                .and_then(|code| Hyphenator::new(code, word, before, after)),
            ..Ctx::new(book)
        }
    }

    /// A context with no hyphenation, spaces that may stretch by 0.6 and shrink
    /// by 0.25, and no warnings.
    pub fn new(book: &'a FontBook) -> Ctx<'a> {
        Ctx {
            book,
            hyphenator: None,
            space_stretch: 0.6,
            space_shrink: 0.25,
            warnings: Vec::new(),
            missing: BTreeSet::new(),
            rtl: false,
            justified: Vec::new(),
            set_ragged: 0,
            protrusion: false,
            cjk_latin_space: 0.0,
        }
    }
}

/// A laid-out line: runs at x offsets from the line's left edge, on one
/// baseline `ascent` below the line's top.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Text runs, each at its x offset in points from the line's left edge.
    pub runs: Vec<(f32, TextRun)>,
    /// Link areas as (x0, x1, uri).
    pub links: Vec<LinkArea>,
    /// Width of the text in points, from the line's edge: marks that hang
    /// into the margins (`protrude.rs`) do not count.
    pub width: f32,
    /// Line height in points: the largest font size times the leading.
    pub height: f32,
    /// Points from the line's top down to its baseline.
    pub ascent: f32,
    /// The adjustment ratio the line was set with (0 for ragged lines).
    pub ratio: f32,
}

/// Where a link sits on a line: from `x0` to `x1`, from the line's left edge.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkArea {
    /// Left end, in points.
    pub x0: f32,
    /// Right end, in points.
    pub x1: f32,
    /// The address it opens.
    pub uri: String,
}

/// Breaks `para` into lines no wider than `width`.
pub fn break_lines(para: &Para, width: f32, ctx: &mut Ctx) -> Vec<Line> {
    let mut align = para.align;
    // As TeX does: justified text is first set without hyphenation, and
    // hyphenated only when no set of breaks keeps every space within the
    // theme's limits. Fewer hyphens, and most paragraphs never need the
    // dictionary.
    let first_pass = (align == Align::Justify && para.hyphenate).then(|| {
        let items = items::collect(para, width, ctx, false);
        match breakers::feasible_breakpoints(&items, width) {
            Some(breaks) => Ok((items, breaks)),
            None => Err(items),
        }
    });
    let (items, breaks) = match first_pass {
        Some(Ok(done)) => done,
        earlier => {
            let items = match earlier {
                Some(Err(items)) => items::recollect(items, para, width, ctx, true),
                _ => items::collect(para, width, ctx, true),
            };
            let justified = match align {
                Align::Justify => breakers::justified_breakpoints(&items, width),
                _ => None,
            };
            let breaks = justified.unwrap_or_else(|| {
                // A paragraph no breaks can justify is set ragged, whole.
                if align == Align::Justify {
                    ctx.set_ragged += 1;
                    align = Align::Left;
                }
                breakers::breakpoints(&items, width, Breaker::FirstFit)
            });
            (items, breaks)
        }
    };
    let mut lines = Vec::with_capacity(breaks.len());
    let mut prev = None;
    for (n, &b) in breaks.iter().enumerate() {
        let last = n + 1 == breaks.len();
        let line = finalize(&items, para, align, prev, b, last, width, ctx);
        if align == Align::Justify && !last {
            let (_, stretch, _) = breakers::measure(&items, prev, b);
            ctx.justified.push(JustifiedLine::new(line.ratio, line.width, width, stretch > 0.0));
        }
        lines.push(line);
        prev = Some(b);
    }
    lines
}

/// The /ActualText of a split word's runs after its first, which carries the
/// whole word. The PDF writer opens the first run's span and closes it after
/// the rest, so readers that honour /ActualText (poppler, PDFium, PDFBox)
/// read the word once, exactly; only where the rest starts a new page, out
/// of the span's reach, does it extract as this zero-width space (an empty
/// /ActualText made PDFium read the rest a second time). Readers that ignore
/// /ActualText (pypdf, pdfminer, pdfplumber) read the glyphs: the source
/// text itself when the word breaks after its own hyphen or slash, two
/// pieces when it was hyphenated, which is why the built-in themes do not
/// hyphenate (see `text.hyphenate` in the README).
pub const SPLIT_REST: &str = "\u{200b}";

#[cfg(test)]
mod tests;
