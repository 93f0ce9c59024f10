//! What happens to the words: pages with no text, characters with no
//! Unicode meaning, ligatures read as one odd character, letter-spaced
//! words, words glued together or split apart, words hyphenated across
//! lines.

use super::{Ctx, count, examples};
use crate::check::extract::Line;
use crate::check::interp::Char;
use crate::check::report::{Category, Finding, Severity};

pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (p, page) in ctx.pages.pages.iter().enumerate() {
        let number = p + 1;
        let read = &ctx.reads[p];
        let letters = page
            .chars
            .iter()
            .filter(|c| c.mapped && c.text.chars().any(char::is_alphanumeric))
            .count();
        if letters == 0 {
            out.push(no_text(number, page.image_cover, page.chars.len()));
            continue;
        }
        unmapped(ctx, number, &page.chars, out);
        ligatures(number, &read.stream, &read.position, out);
        spacing(number, &read.position, out);
        hyphens(number, &read.position, out);
    }
}

fn no_text(page: usize, image_cover: f32, chars: usize) -> Finding {
    let (message, fix) = if image_cover > 0.3 {
        (
            format!("page {page} is a picture of text: an ATS reads nothing on it"),
            "export the PDF from the program you wrote the résumé in, not from a scan or a screenshot; \
             if a scan is all you have, run OCR on it",
        )
    } else if chars > 0 {
        (
            format!("page {page} shows text whose characters mean nothing to an extractor"),
            "export again with fonts that carry their Unicode mapping",
        )
    } else {
        (
            format!("page {page} has no text: its letters are drawn as shapes"),
            "turn off \"convert text to outlines (curves)\" when exporting",
        )
    };
    Finding::new("no-text", Severity::Error, Category::Unreadable, message)
        .on(page)
        .fix(fix)
        .vita("vita writes every word as text, with its Unicode meaning")
}

/// Whether a character's text is no text: unmapped, private use, a
/// replacement character or a control code.
fn meaningless(c: &Char) -> bool {
    !c.mapped
        || c.text.chars().any(|ch| {
            let u = ch as u32;
            (0xE000..=0xF8FF).contains(&u)
                || u >= 0xF0000
                || ch == '\u{FFFD}'
                || (u < 0x20 && !ch.is_whitespace())
        })
}

/// Characters that extract as nothing, or as private-use codes. A lone
/// private-use character between spaces is an icon, which ATS skip
/// without harm.
fn unmapped(ctx: &Ctx<'_>, page: usize, chars: &[Char], out: &mut Vec<Finding>) {
    let bad: Vec<usize> = (0..chars.len())
        .filter(|&k| {
            let c = &chars[k];
            if c.actual.is_some() || !meaningless(c) {
                return false;
            }
            let icon = c.mapped && {
                let word = |j: Option<&Char>| {
                    j.is_some_and(|n| {
                        n.mapped
                            && !meaningless(n)
                            && !n.text.trim().is_empty()
                            && (n.y - c.y).abs() < 1.0
                            && (n.x - c.end).abs().min((c.x - n.end).abs()) < 0.1 * c.size
                    })
                };
                !word(chars.get(k + 1)) && !word(k.checked_sub(1).and_then(|j| chars.get(j)))
            };
            !icon
        })
        .collect();
    if bad.is_empty() {
        return;
    }
    let visible = chars.iter().filter(|c| !c.text.trim().is_empty() || !c.mapped).count().max(1);
    let share = bad.len() as f32 / visible as f32;
    let severity =
        if share > 0.02 || bad.len() >= 20 { Severity::Error } else { Severity::Warning };
    let mut fonts: Vec<&str> =
        bad.iter().map(|&k| ctx.pages.fonts[chars[k].font].name.as_str()).collect();
    fonts.sort_unstable();
    fonts.dedup();
    let first = bad[0];
    let around: String = chars[first.saturating_sub(20)..(first + 20).min(chars.len())]
        .iter()
        .map(|c| if meaningless(c) { "�".to_string() } else { c.text.clone() })
        .collect();
    let no_map = fonts
        .iter()
        .any(|f| ctx.pages.fonts.iter().any(|font| font.name == *f && !font.to_unicode));
    Finding::new(
        "unmapped-glyphs",
        severity,
        Category::Unreadable,
        format!(
            "{} character{} on page {page} ({:.0} %) extract as nothing or as private-use codes, in {}{}",
            bad.len(),
            if bad.len() == 1 { "" } else { "s" },
            100.0 * share,
            fonts.join(", "),
            if no_map { ", which has no ToUnicode map" } else { "" }
        ),
    )
    .on(page)
    .around(around)
    .fix(
        "embed the fonts with their Unicode mapping: in Word use Save as PDF rather than a PDF \
         printer; in LaTeX use \\usepackage[T1]{fontenc} and \\usepackage{cmap}, or LuaLaTeX; \
         avoid symbol and decorative fonts for words",
    )
    .vita("vita writes a ToUnicode map for every font, ligatures included")
    .push_to(out);
}

/// Ligatures that extract as one character (ﬁ, ﬂ), which a keyword
/// search for "finance" does not match.
/// Both orders count: a ligature hidden under `/ActualText` still reaches
/// the stream-order readers, which do not read it.
fn ligatures(page: usize, stream: &[Line], position: &[Line], out: &mut Vec<Finding>) {
    let mut words: Vec<String> = stream
        .iter()
        .chain(position)
        .flat_map(|l| &l.words)
        .filter(|w| w.text.chars().any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)))
        .map(|w| w.text.clone())
        .collect();
    words.sort();
    words.dedup();
    if words.is_empty() {
        return;
    }
    Finding::new(
        "ligature",
        Severity::Warning,
        Category::Unreadable,
        match words.len() {
            1 => format!("1 word on page {page} extracts with a ligature character, so a search for the plain word misses it"),
            n => format!("{n} words on page {page} extract with a ligature character, so a search for the plain words misses them"),
        },
    )
    .on(page)
    .around(examples(&words, 4))
    .fix("map each ligature glyph to its letters in the font's ToUnicode map, or turn ligatures off")
    .vita("vita maps every ligature to the letters it joins")
    .push_to(out);
}

/// Letter-spaced words ("E X P E R I E N C E"), words glued together
/// and words split by a stray gap.
fn spacing(page: usize, lines: &[Line], out: &mut Vec<Finding>) {
    let (mut spaced, mut glued, mut split) = (Vec::new(), Vec::new(), Vec::new());
    for line in lines {
        let words = &line.words;
        let mut k = 0;
        while k < words.len() {
            let single = |w: &crate::check::extract::Word| {
                w.text.chars().count() == 1 && w.text.chars().all(char::is_alphabetic)
            };
            let run = words[k..].iter().take_while(|w| single(w)).count();
            if run >= 4 {
                spaced.push(
                    words[k..k + run].iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "),
                );
                k += run;
                continue;
            }
            let w = &words[k];
            if w.tracked() {
                spaced.push(w.text.clone());
            }
            if w.glued {
                glued.push(w.text.clone());
            }
            if k > 0 && !w.spaced && w.gap < 0.2 * w.size {
                let before = words[k - 1].text.chars().last().is_some_and(char::is_lowercase);
                let after = w.text.chars().next().is_some_and(char::is_lowercase);
                if before && after {
                    split.push(format!("{} {}", words[k - 1].text, w.text));
                }
            }
            k += 1;
        }
    }
    if !spaced.is_empty() {
        Finding::new(
            "letter-spaced",
            Severity::Warning,
            Category::Unreadable,
            format!("letter-spaced text on page {page}: pdftotext and pdfminer read its letters as single letters, so its words are not found"),
        )
        .on(page)
        .around(examples(&spaced, 3))
        .fix("set headings without extra letter spacing (tracking); use weight, size or small capitals instead")
        .vita("vita never spaces letters apart; its headings use small capitals or weight")
        .push_to(out);
    }
    if !glued.is_empty() {
        Finding::new(
            "glued-words",
            Severity::Warning,
            Category::Unreadable,
            format!("{} place{} on page {page} where words are set apart without a space character; extractors that go by gaps read them as one word", glued.len(), if glued.len() == 1 { "" } else { "s" }),
        )
        .on(page)
        .around(examples(&glued, 4))
        .fix("make sure the PDF writer keeps real spaces between words (some justify text by moving words instead)")
        .vita("vita writes a space character between every two words")
        .push_to(out);
    }
    if !split.is_empty() {
        Finding::new(
            "split-words",
            Severity::Warning,
            Category::Unreadable,
            format!("{} split on page {page} by a gap inside wide enough that extractors read two pieces", count(split.len(), "word")),
        )
        .on(page)
        .around(examples(&split, 4))
        .fix("avoid letter spacing and forced justification that stretch the gaps between letters")
        .push_to(out);
    }
}

/// Words hyphenated at a line's end, which extractors read as two pieces
/// ("engi- neering"): a soft hyphen, or a hyphen whose halves make a word
/// the résumé uses elsewhere ("multi-" + "cluster" is a compound, and
/// reads the same either way).
fn hyphens(page: usize, lines: &[Line], out: &mut Vec<Finding>) {
    let words: std::collections::HashSet<String> =
        lines.iter().flat_map(|l| &l.words).map(|w| w.text.to_lowercase()).collect();
    let mut broken = Vec::new();
    for pair in lines.windows(2) {
        let (Some(last), Some(next)) = (pair[0].words.last(), pair[1].words.first()) else {
            continue;
        };
        let head = last.text.trim_end_matches(['-', '\u{AD}']);
        let soft = last.text.ends_with('\u{AD}');
        let hard = last.text.ends_with('-') && head.chars().last().is_some_and(char::is_alphabetic);
        let tail: String = next.text.chars().take_while(|c| c.is_alphabetic()).collect();
        let continues = tail.chars().next().is_some_and(char::is_lowercase);
        let aligned = (pair[1].words[0].x0 - pair[0].words[0].x0).abs() < 2.0 * last.size;
        let whole = format!("{}{tail}", head.rsplit('-').next().unwrap_or(head)).to_lowercase();
        if continues && aligned && (soft || hard && words.contains(&whole)) {
            broken.push(format!("{} {}", last.text.replace('\u{AD}', "-"), next.text));
        }
    }
    if broken.is_empty() {
        return;
    }
    Finding::new(
        "hyphenated",
        Severity::Warning,
        Category::Unreadable,
        format!(
            "{} hyphenated at the end of a line on page {page}; ATS read the halves as two words",
            count(broken.len(), "word")
        ),
    )
    .on(page)
    .around(examples(&broken, 4))
    .fix("turn off automatic hyphenation: every extractor reads the halves apart")
    .vita("vita's built-in themes do not hyphenate")
    .push_to(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(text: &str, mapped: bool) -> Char {
        Char {
            text: text.into(),
            mapped,
            x: 0.0,
            y: 0.0,
            end: 5.0,
            size: 10.0,
            font: 0,
            hidden: None,
            actual: None,
            artifact: false,
        }
    }

    #[test]
    fn private_use_and_unmapped_mean_nothing() {
        assert!(meaningless(&ch("", false)));
        assert!(meaningless(&ch("\u{E001}", true)));
        assert!(meaningless(&ch("\u{FFFD}", true)));
        assert!(!meaningless(&ch("a", true)));
        assert!(!meaningless(&ch(" ", true)));
    }
}
