//! Line breaking: a paragraph of styled spans → lines of positioned text runs.
//!
//! Each span is shaped once as a whole ([`super::shape`]); the glyphs are
//! then cut into *words* (maximal glyph sequences without a breaking space,
//! possibly crossing spans, e.g. `**bold**ing`) separated by *glue* (the
//! space glyphs). Lines break only at glue, so every space between two
//! words on a line is a real space glyph in the output and text extraction
//! never glues words together; a line never ends in a hyphen that a PDF
//! reader could mistake for a hyphenated word.
//!
//! The breaker is first-fit: a word goes on the current line if it fits,
//! else it starts the next one. A word wider than the whole line (a long
//! URL) is cut between glyph clusters as a last resort, with a warning, so
//! nothing is ever drawn outside the column.

use super::frame::{Glyph, TextRun};
use super::shape::shape;
use crate::compose::{Align, Para, Span};
use crate::fonts::FontBook;
use std::ops::Range;

/// A laid-out line: runs at x offsets from the line's left edge, on one
/// baseline `ascent` below the line's top.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub runs: Vec<(f32, TextRun)>,
    /// Link areas as (x0, x1, uri).
    pub links: Vec<(f32, f32, String)>,
    pub width: f32,
    pub height: f32,
    pub ascent: f32,
}

/// A contiguous slice of one span's glyphs.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    span: usize,
    glyphs: Range<usize>,
}

/// A word and the glue (spaces) after it.
#[derive(Debug, Clone, Default)]
struct Word {
    parts: Vec<Part>,
    width: f32,
    glue: Vec<Part>,
    glue_width: f32,
}

/// Whether a character is a space a line may break at (not NBSP).
fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Breaks `para` into lines no wider than `width`.
pub fn break_lines(
    para: &Para,
    width: f32,
    book: &FontBook,
    warnings: &mut Vec<String>,
) -> Vec<Line> {
    let shaped: Vec<Vec<Glyph>> =
        para.spans.iter().map(|s| shape(book, &s.style, &s.text)).collect();
    for (span, glyphs) in para.spans.iter().zip(&shaped) {
        if glyphs.iter().any(|g| g.id == 0) {
            let missing: String =
                span.text.chars().filter(|&c| !book.has_char(span.style.face, c)).collect();
            warnings.push(format!(
                "the font {} has no glyph for {:?} (in \"{}\")",
                book.info(span.style.face).postscript_name,
                missing,
                span.text
            ));
        }
    }
    let words = split_words(&para.spans, &shaped);
    let mut lines: Vec<Vec<Word>> = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    let mut x = 0.0;
    for word in words {
        if !current.is_empty() {
            let glue = current.last().map_or(0.0, |w| w.glue_width);
            if x + glue + word.width <= width + 0.01 {
                x += glue + word.width;
                current.push(word);
                continue;
            }
            lines.push(std::mem::take(&mut current));
        }
        if word.width > width + 0.01 {
            let pieces = cut_word(word, width, &shaped);
            warnings.push(format!(
                "a word is wider than its {width:.0} pt column and was broken: \"{}\"",
                para.spans.iter().map(|s| s.text.as_str()).collect::<String>()
            ));
            let last = pieces.len() - 1;
            for (i, piece) in pieces.into_iter().enumerate() {
                if i < last {
                    lines.push(vec![piece]);
                } else {
                    x = piece.width;
                    current.push(piece);
                }
            }
        } else {
            x = word.width;
            current.push(word);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines.iter().map(|words| assemble(words, para, &shaped, width)).collect()
}

/// Cuts the glyphs of all spans into words and glue.
fn split_words(spans: &[Span], shaped: &[Vec<Glyph>]) -> Vec<Word> {
    let mut words = Vec::new();
    let mut word = Word::default();
    for (si, (span, glyphs)) in spans.iter().zip(shaped).enumerate() {
        for (gi, g) in glyphs.iter().enumerate() {
            let c = span.text[g.cluster as usize..].chars().next().unwrap_or(' ');
            if is_breaking_space(c) {
                if word.parts.is_empty() && words.is_empty() {
                    continue; // leading space
                }
                extend(&mut word.glue, si, gi);
                word.glue_width += g.advance;
            } else {
                if !word.glue.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                extend(&mut word.parts, si, gi);
                word.width += g.advance;
            }
        }
    }
    if !word.parts.is_empty() {
        words.push(word);
    }
    words
}

/// Adds glyph `gi` of span `si` to the parts, growing the last part when
/// contiguous.
fn extend(parts: &mut Vec<Part>, si: usize, gi: usize) {
    match parts.last_mut() {
        Some(p) if p.span == si && p.glyphs.end == gi => p.glyphs.end += 1,
        _ => parts.push(Part { span: si, glyphs: gi..gi + 1 }),
    }
}

/// Splits an over-wide word into pieces that each fit `width`, between
/// glyphs (never inside a cluster).
fn cut_word(word: Word, width: f32, shaped: &[Vec<Glyph>]) -> Vec<Word> {
    let mut pieces = Vec::new();
    let mut piece = Word::default();
    let glyphs: Vec<(usize, usize)> =
        word.parts.iter().flat_map(|p| p.glyphs.clone().map(move |g| (p.span, g))).collect();
    for (i, &(si, gi)) in glyphs.iter().enumerate() {
        let g = &shaped[si][gi];
        let starts_cluster = i == 0 || {
            let (ps, pg) = glyphs[i - 1];
            ps != si || shaped[ps][pg].cluster != g.cluster
        };
        if starts_cluster && !piece.parts.is_empty() && piece.width + g.advance > width {
            pieces.push(std::mem::take(&mut piece));
        }
        extend(&mut piece.parts, si, gi);
        piece.width += g.advance;
    }
    piece.glue = word.glue;
    piece.glue_width = word.glue_width;
    pieces.push(piece);
    pieces
}

/// Turns a line's words into runs (one per span stretch) and link areas.
fn assemble(words: &[Word], para: &Para, shaped: &[Vec<Glyph>], width: f32) -> Line {
    let mut parts: Vec<Part> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        for p in &w.parts {
            merge(&mut parts, p);
        }
        if i + 1 < words.len() {
            for p in &w.glue {
                merge(&mut parts, p);
            }
        }
    }
    let mut runs = Vec::new();
    let mut links: Vec<(f32, f32, String)> = Vec::new();
    let mut x = 0.0;
    for part in &parts {
        let span = &para.spans[part.span];
        let run = make_run(span, &shaped[part.span], part.glyphs.clone());
        let w = run.width();
        if let Some(uri) = &span.link {
            match links.last_mut() {
                Some(last) if last.2 == *uri && (last.1 - x).abs() < 0.01 => last.1 = x + w,
                _ => links.push((x, x + w, uri.clone())),
            }
        }
        runs.push((x, run));
        x += w;
    }
    let natural = x;
    let shift = match para.align {
        Align::Left => 0.0,
        Align::Center => ((width - natural) / 2.0).max(0.0),
        Align::Right => (width - natural).max(0.0),
    };
    for (rx, _) in &mut runs {
        *rx += shift;
    }
    for link in &mut links {
        link.0 += shift;
        link.1 += shift;
    }
    let size = para.spans.iter().map(|s| s.style.size).fold(0.0, f32::max);
    let height = size * para.leading;
    Line { runs, links, width: natural, height, ascent: baseline(height, size) }
}

/// Baseline below the top of a line box: the text's em box centred in the
/// line, with the baseline at 80 % of the em (a typical ascent).
fn baseline(line_height: f32, size: f32) -> f32 {
    (line_height - size) / 2.0 + 0.8 * size
}

fn merge(parts: &mut Vec<Part>, p: &Part) {
    match parts.last_mut() {
        Some(last) if last.span == p.span && last.glyphs.end == p.glyphs.start => {
            last.glyphs.end = p.glyphs.end
        }
        _ => parts.push(p.clone()),
    }
}

/// A run for glyphs `range` of a shaped span, with its source text.
fn make_run(span: &Span, glyphs: &[Glyph], range: Range<usize>) -> TextRun {
    let start = glyphs[range.start].cluster as usize;
    let end = glyphs.get(range.end).map_or(span.text.len(), |g| g.cluster as usize);
    let (start, end) = (start.min(end), start.max(end));
    let glyphs =
        glyphs[range].iter().map(|g| Glyph { cluster: g.cluster - start as u32, ..*g }).collect();
    TextRun {
        face: span.style.face,
        size: span.style.size,
        color: span.style.color,
        text: span.text[start..end].to_string(),
        glyphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::Style;
    use crate::theme::Color;

    fn para(book: &FontBook, texts: &[(&str, bool)]) -> Para {
        let regular = book.select("Lato", false, false).unwrap();
        let bold = book.select("Lato", true, false).unwrap();
        let spans = texts
            .iter()
            .map(|(t, b)| Span {
                text: t.to_string(),
                style: Style {
                    face: if *b { bold } else { regular },
                    size: 10.0,
                    color: Color::rgb(0, 0, 0),
                    letter_spacing: 0.0,
                },
                link: None,
            })
            .collect();
        Para { spans, align: Align::Left, leading: 1.2 }
    }

    fn line_text(l: &Line) -> String {
        l.runs.iter().map(|(_, r)| r.text.as_str()).collect()
    }

    #[test]
    fn lines_fit_and_keep_every_word() {
        let book = FontBook::new();
        let text = "The quick brown fox jumps over the lazy dog and keeps running far away";
        let p = para(&book, &[(text, false)]);
        let lines = break_lines(&p, 100.0, &book, &mut Vec::new());
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width <= 100.01, "{} is {}", line_text(l), l.width);
            assert!(!line_text(l).ends_with(' ') && !line_text(l).starts_with(' '));
        }
        let joined: Vec<String> = lines.iter().map(line_text).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn words_across_spans_stay_together() {
        let book = FontBook::new();
        let p = para(&book, &[("aaaa bbbb ", false), ("cc", true), ("dd eeee", false)]);
        let w = |s: &str| shape(&book, &p.spans[0].style, s).iter().map(|g| g.advance).sum::<f32>();
        // Room for "aaaa bbbb cc" but not "ccdd": the mixed word must move whole.
        let lines = break_lines(&p, w("aaaa bbbb cc") + 1.0, &book, &mut Vec::new());
        assert_eq!(line_text(&lines[0]), "aaaa bbbb");
        assert!(line_text(&lines[1]).starts_with("ccdd"));
    }

    #[test]
    fn overlong_word_is_cut_with_a_warning() {
        let book = FontBook::new();
        let p = para(
            &book,
            &[("https://example.com/a/very/long/path/that/cannot/fit/anywhere", false)],
        );
        let mut warnings = Vec::new();
        let lines = break_lines(&p, 60.0, &book, &mut warnings);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= 60.01));
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn centre_alignment_shifts_runs() {
        let book = FontBook::new();
        let mut p = para(&book, &[("short", false)]);
        p.align = Align::Center;
        let lines = break_lines(&p, 200.0, &book, &mut Vec::new());
        let (x, _) = &lines[0].runs[0];
        assert!((x - (200.0 - lines[0].width) / 2.0).abs() < 0.01);
    }
}
