//! The two orders applicant-tracking systems read a page in, built from
//! the interpreter's characters.
//!
//! - **Stream order**, as pypdf, PDFBox (Tika) and pdfminer read: the
//!   characters as the content stream draws them, a new line wherever the
//!   baseline moves, a space wherever a gap opens. `/ActualText` is not
//!   read, as those three do not read it.
//! - **Position order**, as pdfplumber and `pdftotext -layout` read: lines by
//!   baseline from the top, characters left to right, a word break at a
//!   space or a gap over 3 pt (pdfplumber's tolerance), and no attempt to
//!   find columns. `/ActualText` replaces the characters it covers, as
//!   poppler does.

use super::interp::{Char, Hidden, Page};

/// A gap wider than this (points) breaks a word in position order.
pub(super) const WORD_GAP: f32 = 3.0;
/// Baselines closer than this (points) make one line in position order.
const LINE_TOLERANCE: f32 = 3.0;

/// A word as read: its text and where it lies.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) text: String,
    pub(super) x0: f32,
    pub(super) x1: f32,
    /// The largest character size in it.
    pub(super) size: f32,
    /// It holds a gap as wide as a word space (a fifth of an em) with no
    /// space character: an extractor that breaks words only at wider gaps
    /// reads two words as one.
    pub(super) glued: bool,
    /// A space character comes before it.
    pub(super) spaced: bool,
    /// Gaps between its characters, and how many of them are a tenth of
    /// an em or wider: letter spacing that pdftotext and pdfminer read as
    /// spaces.
    pub(super) gaps: (u32, u32),
    /// The gap between it and the word before, in points; 0 for the first.
    pub(super) gap: f32,
}

/// A run of words on a line, apart from the line's other runs.
#[derive(Debug, Clone)]
pub(super) struct Segment {
    pub(super) x0: f32,
    pub(super) x1: f32,
    pub(super) text: String,
}

/// A line as read.
#[derive(Debug, Clone, Default)]
pub(super) struct Line {
    pub(super) words: Vec<Word>,
    /// The baseline of its first character.
    pub(super) y: f32,
}

impl Word {
    /// Whether its letters are spaced apart (tracking): four or more
    /// letters, every gap between them a tenth of an em or wider.
    pub(super) fn tracked(&self) -> bool {
        self.gaps.0 >= 3
            && self.gaps.1 == self.gaps.0
            && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 4
    }
}

impl Line {
    /// The line's text, words joined by spaces.
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        for (k, word) in self.words.iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&word.text);
        }
        out
    }

    /// The line cut where words lie far apart (side-by-side columns,
    /// dates set at the right edge).
    pub(super) fn segments(&self) -> Vec<Segment> {
        let mut out: Vec<Segment> = Vec::new();
        let mut last_end = f32::NEG_INFINITY;
        for word in &self.words {
            let wide = (word.x0 - last_end) > (2.5 * word.size).max(14.0);
            match out.last_mut() {
                Some(seg) if !wide => {
                    seg.text.push(' ');
                    seg.text.push_str(&word.text);
                    seg.x1 = word.x1;
                }
                _ => out.push(Segment { x0: word.x0, x1: word.x1, text: word.text.clone() }),
            }
            last_end = word.x1;
        }
        out
    }

    /// The size of the line's largest character.
    pub(super) fn size(&self) -> f32 {
        self.words.iter().map(|w| w.size).fold(0.0, f32::max)
    }
}

/// A page read in both orders.
#[derive(Debug, Default)]
pub(super) struct Read {
    pub(super) stream: Vec<Line>,
    pub(super) position: Vec<Line>,
}

/// A character an extractor reads: off-page ones are cropped away.
fn read(c: &Char) -> bool {
    c.hidden != Some(Hidden::OffPage)
}

/// Reads a page in both orders.
pub(super) fn both(page: &Page) -> Read {
    Read { stream: stream_order(page), position: position_order(page) }
}

fn is_space(c: &Char) -> bool {
    !c.text.is_empty() && c.text.chars().all(char::is_whitespace)
}

/// Adds a character to a word list: a break at a space or a gap.
fn push(words: &mut Vec<Word>, c: &Char, text: &str, gap: f32) {
    let fresh = |x0: f32, text: &str, spaced: bool, gap: f32| Word {
        text: text.to_string(),
        x0,
        x1: x0,
        size: c.size,
        glued: false,
        spaced,
        gap,
        gaps: (0, 0),
    };
    if is_space(c) {
        // A placeholder that remembers where the word before ended.
        let end = match words.last() {
            Some(w) if w.text.is_empty() => {
                let x = w.x0;
                words.pop();
                x
            }
            Some(w) => w.x1,
            None => c.x,
        };
        words.push(fresh(end, "", true, 0.0));
        return;
    }
    match words.last_mut() {
        Some(last) if last.text.is_empty() || c.x - last.x1 <= gap => {
            if last.text.is_empty() {
                last.gap = c.x - last.x0;
                last.x0 = c.x;
            } else {
                last.gaps.0 += 1;
                last.gaps.1 += u32::from(c.x - last.x1 >= 0.1 * c.size.max(last.size));
            }
            if !last.text.is_empty()
                && c.x - last.x1 >= 0.2 * c.size.max(last.size)
                && last.text.chars().last().is_some_and(char::is_alphanumeric)
                && text.chars().next().is_some_and(char::is_alphanumeric)
            {
                last.glued = true;
            }
            last.text.push_str(text);
            last.x1 = last.x1.max(c.end);
            last.size = last.size.max(c.size);
        }
        last => {
            let gap = last.map_or(0.0, |l| c.x - l.x1);
            let mut word = fresh(c.x, text, false, gap);
            word.x1 = c.end;
            words.push(word);
        }
    }
}

fn finish(mut words: Vec<Word>, y: f32) -> Option<Line> {
    words.retain(|w| !w.text.is_empty());
    (!words.is_empty()).then_some(Line { words, y })
}

/// Characters in drawing order; a new line where the baseline moves or
/// the pen jumps back.
fn stream_order(page: &Page) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut last: Option<&Char> = None;
    let mut y = 0.0;
    for c in page.chars.iter().filter(|c| read(c)) {
        if let Some(p) = last {
            let moved = (c.y - p.y).abs() > 0.5 * p.size.max(c.size).max(1.0);
            let back = c.x < p.x - 0.5 * c.size.max(1.0);
            if moved || back {
                lines.extend(finish(std::mem::take(&mut words), y));
            }
        }
        if words.is_empty() {
            y = c.y;
        }
        push(&mut words, c, &c.text, 0.15 * c.size.max(1.0));
        last = Some(c);
    }
    lines.extend(finish(words, y));
    lines
}

/// Lines by baseline from the top of the page, characters left to right.
fn position_order(page: &Page) -> Vec<Line> {
    // /ActualText: the span's text on its first character, nothing on the rest.
    let mut chars: Vec<Char> = Vec::with_capacity(page.chars.len());
    let mut done = vec![false; page.actual.len()];
    for c in page.chars.iter().filter(|c| read(c)) {
        let mut c = c.clone();
        if let Some(span) = c.actual {
            if done[span] {
                if let Some(first) = chars.iter_mut().rev().find(|p| p.actual == Some(span)) {
                    first.end = first.end.max(c.end);
                }
                continue;
            }
            done[span] = true;
            c.text = page.actual[span].clone();
            c.mapped = true;
        }
        chars.push(c);
    }
    chars.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<Char>> = Vec::new();
    for c in chars {
        match rows.last_mut() {
            Some(row) if (row[0].y - c.y).abs() <= LINE_TOLERANCE => row.push(c),
            _ => rows.push(vec![c]),
        }
    }
    rows.into_iter()
        .filter_map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let y = row[0].y;
            let mut words = Vec::new();
            for c in &row {
                push(&mut words, c, &c.text, WORD_GAP);
            }
            finish(words, y)
        })
        .collect()
}
