//! The comparison itself: one order's text against the expected words,
//! blocks and facts, counted as the ATS harness counts them, and the
//! findings that follow from the counts.

use super::expect::{Prepared, normalise, strip_url, tokens};
use super::report::{Category, Finding, Match, Severity};
use super::rules::{clip, count, examples};
use std::collections::HashMap;

/// How many expected words run together in `token` (0 when it is not glued).
fn glue_parts(token: &str, p: &Prepared) -> usize {
    // A run of words that follow each other in the résumé.
    let chars: Vec<(usize, char)> = token.char_indices().collect();
    for &(i, _) in chars.iter().skip(1) {
        let head = &token[..i];
        for &(si, pi) in p.positions.get(head).map_or(&[][..], |v| &v[..v.len().min(200)]) {
            let seq = &p.seqs[si];
            let (mut rest, mut q, mut n) = (&token[i..], pi + 1, 1);
            while !rest.is_empty() && q < seq.len() && rest.starts_with(seq[q].as_str()) {
                rest = &rest[seq[q].len()..];
                q += 1;
                n += 1;
            }
            if rest.is_empty() && n >= 2 {
                return n;
            }
        }
    }
    // Any words of the vocabulary (glued across a column's edge).
    let bounds: Vec<usize> = chars.iter().map(|c| c.0).chain([token.len()]).collect();
    let n = bounds.len() - 1;
    let mut best: Vec<Option<usize>> = vec![None; n + 1];
    best[0] = Some(0);
    for j in 1..=n {
        for i in j.saturating_sub(p.longest)..j {
            let piece = &token[bounds[i]..bounds[j]];
            if let Some(b) = best[i]
                && p.vocab.contains(piece)
                && (j - i >= 2 || piece.chars().all(|c| c.is_ascii_digit()))
                && best[j].is_none_or(|cur| b + 1 < cur)
            {
                best[j] = Some(b + 1);
            }
        }
    }
    best[n].filter(|&b| b >= 2).unwrap_or(0)
}

/// Runs of tokens that join into one expected word.
fn split_runs(toks: &[String], p: &Prepared) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut hit = 0;
        let mut joined = toks[i].clone();
        for k in 2..30 {
            if i + k > toks.len() {
                break;
            }
            joined.push_str(&toks[i + k - 1]);
            if joined.chars().count() > p.longest {
                break;
            }
            let parts = &toks[i..i + k];
            let letters = k >= 3 && parts.iter().all(|t| t.chars().count() == 1);
            if p.vocab.contains(&joined) && (letters || parts.iter().any(|t| !p.vocab.contains(t)))
            {
                hit = k;
                break;
            }
        }
        if hit > 0 {
            out.push(toks[i..i + hit].join(" "));
            i += hit;
        } else {
            i += 1;
        }
    }
    out
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Whether a fact is read on one line (facts over eight words may wrap).
fn fact_found(kind: &str, value: &str, text: &str, tok_str: &str, lines: &[String]) -> bool {
    match kind {
        "email" => text.contains(normalise(value).trim()),
        "url" => text.contains(&strip_url(value)),
        "phone" => {
            let d: Vec<char> = digits(value).chars().collect();
            if d.is_empty() {
                return false;
            }
            let flat: Vec<char> = text.chars().collect();
            (0..flat.len()).any(|start| phone_at(&flat, start, &d))
        }
        _ => {
            let t = tokens(value);
            if t.is_empty() {
                return false;
            }
            let needle = format!(" {} ", t.join(" "));
            if t.len() > 8 {
                tok_str.contains(&needle)
            } else {
                lines.iter().any(|l| l.contains(&needle))
            }
        }
    }
}

/// The phone's digits from `start`, up to three separators between each.
fn phone_at(text: &[char], start: usize, d: &[char]) -> bool {
    if text[start] != d[0] || (start > 0 && text[start - 1].is_ascii_digit()) {
        return false;
    }
    let mut at = start + 1;
    for want in &d[1..] {
        let mut skipped = 0;
        while at < text.len() && " \t().+/-".contains(text[at]) && skipped < 3 {
            at += 1;
            skipped += 1;
        }
        if text.get(at) != Some(want) {
            return false;
        }
        at += 1;
    }
    text.get(at).is_none_or(|c| !c.is_ascii_digit())
}

/// One order's text against the expected.
pub(super) fn measure(p: &Prepared, order: &'static str, text: &str) -> Match {
    let toks = tokens(text);
    let mut got: HashMap<&str, usize> = HashMap::new();
    for t in &toks {
        *got.entry(t.as_str()).or_default() += 1;
    }
    let total: usize = p.counts.values().sum();
    let mut missing: Vec<(String, usize)> = Vec::new();
    let mut recovered = 0;
    for (word, &count) in &p.counts {
        let have = got.get(word.as_str()).copied().unwrap_or(0);
        recovered += count.min(have);
        if have < count {
            missing.push((word.clone(), count - have));
        }
    }
    missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut glued: Vec<String> = got
        .keys()
        .filter(|t| !p.vocab.contains(**t) && t.chars().count() >= 3 && glue_parts(t, p) > 0)
        .map(|t| t.to_string())
        .collect();
    glued.sort();
    let split = split_runs(&toks, p);
    let stream: String = toks.concat();
    let broken: Vec<String> = p
        .blocks
        .iter()
        .filter(|b| {
            let s: String = tokens(b).concat();
            s.is_empty() || !stream.contains(&s)
        })
        .map(|b| clip(b, 90))
        .collect();
    let text_norm = normalise(text);
    let tok_str = format!(" {} ", toks.join(" "));
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!(" {} ", tokens(l).join(" ")))
        .collect();
    let facts_missing: Vec<String> = p
        .facts
        .iter()
        .filter(|(k, v)| !fact_found(k, v, &text_norm, &tok_str, &lines))
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    let words = if total == 0 { 0.0 } else { recovered as f64 / total as f64 };
    let blocks =
        if p.blocks.is_empty() { 1.0 } else { 1.0 - broken.len() as f64 / p.blocks.len() as f64 };
    let facts = if p.facts.is_empty() {
        1.0
    } else {
        1.0 - facts_missing.len() as f64 / p.facts.len() as f64
    };
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    Match {
        order,
        words: round(words),
        blocks: round(blocks),
        facts: round(facts),
        score: round(words * blocks),
        missing: missing
            .into_iter()
            .take(60)
            .map(|(w, n)| if n > 1 { format!("{w}×{n}") } else { w })
            .collect(),
        glued,
        split,
        broken,
        facts_missing,
    }
}

/// Who reads in the orders that show a problem, for the messages.
fn readers(orders: &[&Match]) -> &'static str {
    match orders {
        [one] if one.order == "stream" => "in content-stream order (pypdf, PDFBox/Tika, pdfminer)",
        [_] => "in position order (pdfplumber, pdftotext -layout)",
        _ => "in both orders",
    }
}

/// The findings the measurements call for, one per problem, naming the
/// orders that show it. When most words are lost, the lost words are the
/// finding; the broken blocks and facts follow from them.
pub(super) fn measured(matches: &[Match]) -> Vec<Finding> {
    let mut out = Vec::new();
    let with = |has: &dyn Fn(&Match) -> bool| -> Vec<&Match> {
        matches.iter().filter(|m| has(m)).collect()
    };
    let missing = with(&|m| m.words < 1.0);
    if let Some(worst) = missing.iter().min_by(|a, b| a.words.total_cmp(&b.words)) {
        let severity = if worst.words < 0.95 { Severity::Error } else { Severity::Warning };
        out.push(
            Finding::new(
                "missing-words",
                severity,
                Category::Unreadable,
                match missing.as_slice() {
                    [a, b] => format!(
                        "{:.1} % of the résumé's words are not read in content-stream order, {:.1} % in position order",
                        100.0 * (1.0 - a.words),
                        100.0 * (1.0 - b.words)
                    ),
                    _ => format!("{:.1} % of the résumé's words are not read {}", 100.0 * (1.0 - worst.words), readers(&missing)),
                },
            )
            .around(examples(&worst.missing, 8))
            .fix("words go missing when glyphs have no Unicode meaning, or when they are glued or split; see the other findings"),
        );
        if worst.words < 0.5 {
            return out;
        }
    }
    let broken = with(&|m| !m.broken.is_empty());
    if let Some(first) = broken.first() {
        out.push(
            Finding::new("broken-blocks", Severity::Warning, Category::ReadingOrder, format!("{} not read in one piece {}", match first.broken.len() { 1 => "1 bullet or paragraph is".to_string(), n => format!("{n} bullets or paragraphs are") }, readers(&broken)))
                .around(examples(&first.broken, 2))
                .fix("keep each bullet in one column and on one page, with no text beside it and no header or footer read into it")
                .vita("vita's one-column themes (ats, classic, compact) read the same in every order"),
        );
    }
    let glued = with(&|m| !m.glued.is_empty());
    if let Some(first) = glued.first() {
        out.push(
            Finding::new(
                "glued-words",
                Severity::Warning,
                Category::Unreadable,
                format!(
                    "{} read glued to the next {}",
                    count(first.glued.len(), "word"),
                    readers(&glued)
                ),
            )
            .around(examples(&first.glued, 4))
            .fix("keep real space characters between words")
            .vita("vita writes a space character between every two words"),
        );
    }
    let split = with(&|m| !m.split.is_empty());
    if let Some(first) = split.first() {
        out.push(
            Finding::new(
                "split-words",
                Severity::Warning,
                Category::Unreadable,
                format!("{} read in pieces {}", count(first.split.len(), "word"), readers(&split)),
            )
            .around(examples(&first.split, 4))
            .fix("avoid letter spacing, and hyphenation at line ends"),
        );
    }
    let facts = with(&|m| !m.facts_missing.is_empty());
    if let Some(first) = facts.first() {
        out.push(
            Finding::new(
                "facts-apart",
                Severity::Warning,
                Category::Parser,
                format!(
                    "{} not read on one line {}: names, contact details, titles, organisations or dates",
                    count(first.facts_missing.len(), "fact"),
                    readers(&facts)
                ),
            )
            .around(examples(&first.facts_missing, 3))
            .fix(
                "keep each title, organisation, date and contact detail on one line, in one piece",
            ),
        );
    }
    out
}
