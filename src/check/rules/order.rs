//! How the lines come out in position order: columns read across, dates
//! read into the middle of a sentence, running headers and footers between
//! the halves of an entry, and tables read row by row.

use super::{Ctx, count, examples};
use crate::check::extract::{Line, Segment};
use crate::check::report::{Category, Finding, Severity};
use regex::Regex;
use std::sync::OnceLock;

/// A date, a date range or a year range, alone.
pub(super) fn date_like() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Patterns kept to ASCII classes and one small negated class for
        // words in any script: Unicode classes cost milliseconds to compile.
        let word = r"[^\s0-9.,:;/()\-–—]+";
        let month = format!(r"(?:{word}\.?\s+)?");
        let date = format!(r"(?:{month}(?:[0-9]{{1,2}}[./-])?[0-9]{{4}}|[0-9]{{1,2}}/[0-9]{{2}})");
        let end = format!(r"(?:{word}(?:\s{word})?|[0-9]{{4}})");
        Regex::new(&format!(r"^(?:{word}:?\s+)?{date}(?:\s*[-–—]+\s*(?:{date}|{end}))?$"))
            .expect("a valid pattern")
    })
}

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (p, read) in ctx.reads.iter().enumerate() {
        let page = p + 1;
        interrupted(page, &read.position, out);
        tables(page, &read.position, out);
    }
    running(ctx, out);
}

/// Sentences that position order breaks: a wrapped line whose
/// continuation (the next line at the same left edge, starting in lower
/// case) is not the next thing read, because a column, a side box or a
/// date beside it is read in between. Dates make `date-mid-sentence`,
/// anything else `columns`.
fn interrupted(page: usize, lines: &[Line], out: &mut Vec<Finding>) {
    let (mut columns, mut dates) = (Vec::new(), Vec::new());
    let segments: Vec<Vec<Segment>> = lines.iter().map(Line::segments).collect();
    // How far lines that start at each left edge reach: a wrapped line
    // reaches (nearly) as far as its column's longest.
    // Counted among the lines around it, so a heading across the page
    // does not stand in for a column's width.
    let reach = |k: usize, x: f32| {
        segments[k.saturating_sub(8)..(k + 9).min(segments.len())]
            .iter()
            .flatten()
            .filter(|g| (g.x0 - x).abs() < 2.0)
            .map(|g| g.x1)
            .fold(x, f32::max)
    };
    for k in 0..lines.len() {
        for (s, seg) in segments[k].iter().enumerate() {
            let (x, text) = (seg.x0, &seg.text);
            // A wrapped line of prose: several words, no closing stop, full width.
            let full = seg.x1 - x >= 0.8 * (reach(k, x) - x);
            if text.ends_with(['.', ':', '!', '?', ';'])
                || text.split_whitespace().count() < 5
                || !full
            {
                continue;
            }
            let near = |j: usize| {
                (lines[k].y - lines[j].y).abs() < 2.2 * lines[k].size().max(lines[j].size())
            };
            let found = (k + 1..lines.len().min(k + 3)).filter(|&j| near(j)).find_map(|j| {
                segments[j]
                    .iter()
                    .position(|g| (g.x0 - x).abs() < 2.0 && continues(&g.text))
                    .map(|at| (j, at))
            });
            let Some((j, at)) = found else { continue };
            let mut between: Vec<&str> =
                segments[k][s + 1..].iter().map(|g| g.text.as_str()).collect();
            for line in &segments[k + 1..j] {
                between.extend(line.iter().map(|g| g.text.as_str()));
            }
            between.extend(segments[j][..at].iter().map(|g| g.text.as_str()));
            if between.is_empty() {
                continue;
            }
            let example =
                format!("{} | {} | {}", tail(text), between.join(" "), segments[j][at].text);
            if between.iter().all(|t| date_like().is_match(t)) {
                dates.push(example);
            } else {
                columns.push(example);
            }
        }
    }
    if !columns.is_empty() {
        Finding::new(
            "columns",
            Severity::Warning,
            Category::ReadingOrder,
            format!(
                "{} broken on page {page} by text beside {}: position-order readers read straight across the columns",
                count(columns.len(), "sentence"),
                if columns.len() == 1 { "it" } else { "them" }
            ),
        )
        .on(page)
        .around(examples(&columns, 2))
        .fix("use one column for the résumé's body; keep a side column to short items that do not wrap")
        .vita("vita's one-column themes (ats, classic, compact) read the same in every order")
        .push_to(out);
    }
    if !dates.is_empty() {
        Finding::new(
            "date-mid-sentence",
            Severity::Warning,
            Category::ReadingOrder,
            format!("{} set beside a wrapped sentence on page {page}, and position order reads it in the sentence's middle", count(dates.len(), "date")),
        )
        .on(page)
        .around(examples(&dates, 2))
        .fix("put dates on the line of the job's title, not beside its description")
        .vita("vita sets dates on the entry's title line")
        .push_to(out);
    }
}

/// Whether a line reads as the rest of a sentence: it opens with a word
/// in lower case (not an address such as "github.com/…").
fn continues(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let word = first.trim_end_matches([',', ';', ')']);
    word.chars().next().is_some_and(char::is_lowercase) && word.chars().all(char::is_alphabetic)
}

/// The last few words of a text.
fn tail(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words[words.len().saturating_sub(4)..].join(" ")
}

/// Three or more lines in a row with three or more cells each.
/// A grid of single words ("Python  Go  Rust") reads fine row by row; a
/// table hurts when its cells hold phrases that wrap, so one cell of four
/// or more words is needed.
fn tables(page: usize, lines: &[Line], out: &mut Vec<Finding>) {
    let (mut run, mut start, mut phrase) = (0, 0, false);
    for (k, line) in lines.iter().enumerate() {
        let cells = line.segments();
        if cells.len() >= 3 {
            if run == 0 {
                (start, phrase) = (k, false);
            }
            run += 1;
            phrase |= cells.iter().any(|c| c.text.split_whitespace().count() >= 4);
        } else {
            run = 0;
        }
        if run >= 3 && phrase {
            Finding::new(
                "table",
                Severity::Warning,
                Category::ReadingOrder,
                format!("page {page} holds a table; ATS read it row by row, so each cell's text is cut up and mixed with its neighbours'"),
            )
            .on(page)
            .around(lines[start].text())
            .fix("write the table's content as lines of text (\"Skill: level\") instead")
            .push_to(out);
            return;
        }
    }
}

/// Lines repeated at the top or bottom of several pages, read between the
/// end of one page and the start of the next, where an entry continues.
fn running(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let key = |l: &Line| l.text().chars().filter(|c| !c.is_ascii_digit()).collect::<String>();
    for (p, pair) in ctx.reads.windows(2).enumerate() {
        // Lines on both pages, page numbers aside: the running header and footer.
        let (a, b) = (&pair[0].position, &pair[1].position);
        // In the top or bottom eighth of its page, and on the other page too.
        let height = ctx.pages.pages[p].height.max(1.0);
        let margin = |l: &Line| l.y > 0.875 * height || l.y < 0.125 * height;
        let on = |lines: &[Line], l: &Line| {
            margin(l) && lines.iter().any(|m| margin(m) && key(m) == key(l))
        };
        // The body's last line on the first page, its first on the next.
        let (Some(end), Some(start)) =
            (a.iter().rposition(|l| !on(b, l)), b.iter().position(|l| !on(a, l)))
        else {
            continue;
        };
        // Furniture read in between: under the body's end, or over its start.
        let between: Vec<&Line> = a[end + 1..].iter().chain(&b[..start]).collect();
        if between.is_empty() {
            continue;
        }
        let (end, start) = (&a[end], &b[start]);
        let open = end.words.last().is_some_and(|w| !w.text.ends_with(['.', ':', '!', '?', ';']));
        let lowercase = start.words.first().is_some_and(|w| continues(&w.text));
        if open && lowercase {
            let furniture: Vec<String> = between.iter().map(|l| l.text()).collect();
            Finding::new(
                "running-header",
                Severity::Warning,
                Category::ReadingOrder,
                format!("a sentence runs from page {} to page {}, and the header or footer is read in the middle of it", p + 1, p + 2),
            )
            .on(p + 1)
            .around(format!("{} | {} | {}", tail(&end.text()), furniture.join(" "), start.text()))
            .fix("break pages between entries, so that no sentence runs across a page break; most ATS read headers and footers even when they are tagged as artifacts")
            .vita("vita breaks pages between paragraphs")
            .push_to(out);
        }
    }
}
