//! `--expect`: what the résumé says, and how much of it each reading order
//! recovers, measured as `../shared/ats/score.py` measures: the share of
//! words read, the share of bullets and paragraphs read in one piece
//! (letters and digits in order, spacing ignored), words glued or split,
//! and facts (name, e-mail, titles, dates…) read on one line.
//!
//! The source is a vita résumé (TOML or JSON Resume), described as its
//! theme prints it, or an ATS-harness `expected.json`.

use super::measure::{measure, measured};
use super::report::{Category, Finding, Match, Texts};
use crate::compose::describe::{Description, Item, describe};
use crate::compose::markup::plain;
use crate::diag::Diagnostic;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// What an ATS must recover from the résumé.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Expected {
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    location: Option<String>,
    urls: Vec<String>,
    companies: Vec<String>,
    titles: Vec<String>,
    dates: Vec<String>,
    schools: Vec<String>,
    degrees: Vec<String>,
    skills: Vec<String>,
    headings: Vec<String>,
    other: Vec<String>,
    bullets: Vec<String>,
    paragraphs: Vec<String>,
}

/// Letters and digits, lower case, ligatures and compatibility forms
/// unfolded, dashes and quotes made plain: the harness's `normalise`.
pub(super) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
                out.push('-')
            }
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => {
                out.push('\'')
            }
            '\u{201C}'..='\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            'ß' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The words of a text, normalised.
pub(super) fn tokens(text: &str) -> Vec<String> {
    normalise(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

pub(super) fn strip_url(url: &str) -> String {
    let u = normalise(url);
    let u = u.trim();
    let u = u.split_once("://").map_or(u, |(scheme, rest)| {
        if scheme.chars().all(|c| c.is_ascii_alphabetic()) { rest } else { u }
    });
    u.strip_prefix("www.").unwrap_or(u).trim_end_matches('/').to_string()
}

/// Words any résumé may print besides its own (the harness's list).
const EXTRA_VOCAB: &str = "summary profile experience work employment professional education skills projects \
publications selected awards honors languages interests contact about technical certifications volunteering \
references research teaching talks patents page of present current today now jan feb mar apr may jun jul aug \
sep sept oct nov dec january february march april june july august september october november december email \
phone tel mobile web website linkedin github orcid mailto http https www com berufserfahrung ausbildung \
kenntnisse sprachen heute seit bis";

/// The expected words, facts and blocks, prepared for comparing.
pub(super) struct Prepared {
    pub(super) facts: Vec<(&'static str, String)>,
    pub(super) blocks: Vec<String>,
    pub(super) counts: HashMap<String, usize>,
    pub(super) vocab: HashSet<String>,
    pub(super) seqs: Vec<Vec<String>>,
    pub(super) positions: HashMap<String, Vec<(usize, usize)>>,
    pub(super) longest: usize,
}

impl Expected {
    /// Reads what `path` holds: a vita résumé (TOML, or JSON Resume), or
    /// an ATS-harness `expected.json`.
    pub fn from_file(path: &Path) -> Result<Expected, Diagnostic> {
        if !path.is_file() {
            return Err(Diagnostic::new(format!("cannot read {}: no such file", path.display())).with_hint(
                "--expect takes the résumé the PDF was made from (TOML or JSON Resume), or an ATS-harness expected.json",
            ));
        }
        let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_json {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Diagnostic::new(format!("cannot read {}: {e}", path.display())))?;
            let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
                Diagnostic::new(format!("{} is not JSON: {e}", path.display())).with_hint(
                    "--expect takes a résumé (TOML or JSON Resume) or an ATS-harness expected.json",
                )
            })?;
            if value.get("basics").is_none() {
                return Expected::from_json(&text).map_err(Diagnostic::new);
            }
        }
        let resume = crate::model::load(path)?;
        let name =
            resume.meta.theme.clone().unwrap_or_else(|| crate::theme::DEFAULT_THEME.to_string());
        let theme = crate::theme::Theme::resolve(&name)
            .or_else(|_| crate::theme::Theme::resolve(crate::theme::DEFAULT_THEME))?;
        let locale = crate::locale::Locale::for_resume(&resume, &theme)?;
        Ok(Expected::from_description(&describe(&resume, &theme, &locale)))
    }

    /// Reads an ATS-harness `expected.json`.
    pub fn from_json(text: &str) -> Result<Expected, String> {
        serde_json::from_str(text).map_err(|e| format!("not an expected.json: {e}"))
    }

    /// What a vita résumé prints, from its description.
    pub fn from_description(d: &Description) -> Expected {
        let mut e = Expected { name: Some(plain(&d.name)), ..Expected::default() };
        e.other.extend(d.label.as_deref().map(plain));
        for c in &d.contacts {
            contact(&mut e, c);
        }
        for section in &d.sections {
            e.headings.push(section.title.clone());
            for item in &section.items {
                item_of(&mut e, item, section.kind == crate::theme::SectionKind::Education);
            }
        }
        e
    }

    fn prepare(&self) -> Prepared {
        let mut facts: Vec<(&'static str, String)> = Vec::new();
        let scalars = [
            ("name", &self.name),
            ("email", &self.email),
            ("phone", &self.phone),
            ("location", &self.location),
        ];
        for (kind, value) in scalars {
            facts.extend(value.iter().map(|v| (kind, v.clone())));
        }
        let lists: [(&'static str, &Vec<String>); 9] = [
            ("url", &self.urls),
            ("company", &self.companies),
            ("title", &self.titles),
            ("date", &self.dates),
            ("school", &self.schools),
            ("degree", &self.degrees),
            ("skill", &self.skills),
            ("heading", &self.headings),
            ("other", &self.other),
        ];
        for (kind, values) in lists {
            facts.extend(values.iter().filter(|v| !v.trim().is_empty()).map(|v| (kind, v.clone())));
        }
        let mut seen = HashSet::new();
        facts.retain(|(_, v)| {
            let key = tokens(v).join(" ");
            !key.is_empty() && seen.insert(key)
        });
        let blocks: Vec<String> = self
            .bullets
            .iter()
            .chain(&self.paragraphs)
            .filter(|b| !b.trim().is_empty())
            .cloned()
            .collect();
        let block_seqs: Vec<Vec<String>> = blocks.iter().map(|b| tokens(b)).collect();
        let fact_seqs: Vec<Vec<String>> = facts
            .iter()
            .map(|(k, v)| if *k == "url" { tokens(&strip_url(v)) } else { tokens(v) })
            .collect();
        let block_str: String = block_seqs.iter().map(|t| format!(" {} \n", t.join(" "))).collect();
        let mut counts: HashMap<String, usize> = HashMap::new();
        let standalone =
            fact_seqs.iter().filter(|t| !block_str.contains(&format!(" {} ", t.join(" "))));
        for word in standalone.chain(&block_seqs).flatten() {
            *counts.entry(word.clone()).or_default() += 1;
        }
        let seqs: Vec<Vec<String>> = fact_seqs.into_iter().chain(block_seqs).collect();
        let mut vocab: HashSet<String> = seqs.iter().flatten().cloned().collect();
        vocab.extend(EXTRA_VOCAB.split_whitespace().map(str::to_string));
        let mut positions: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (si, seq) in seqs.iter().enumerate() {
            for (pi, w) in seq.iter().enumerate() {
                positions.entry(w.clone()).or_default().push((si, pi));
            }
        }
        let longest = vocab.iter().map(|w| w.chars().count()).max().unwrap_or(1);
        Prepared { facts, blocks, counts, vocab, seqs, positions, longest }
    }

    /// Measures both orders, and turns what went wrong into findings in
    /// place of the guesses the rules made about the words and the order.
    pub(super) fn compare(&self, texts: &Texts, findings: &mut Vec<Finding>) -> Vec<Match> {
        let prepared = self.prepare();
        let matches = vec![
            measure(&prepared, "stream", &texts.stream.join("\n")),
            measure(&prepared, "position", &texts.position.join("\n")),
        ];
        // What the rules guessed gives way to what was measured, save what
        // explains it: why blocks broke, why words split, letter spacing
        // (which pdftotext and pdfminer read apart at narrower gaps than
        // either order here), and text lost outright.
        let broken = matches.iter().any(|m| !m.broken.is_empty());
        let split = matches.iter().any(|m| !m.split.is_empty());
        findings.retain(|f| match f.category {
            Category::Hazard => true,
            Category::ReadingOrder => broken,
            _ => {
                matches!(f.code, "no-text" | "unmapped-glyphs" | "letter-spaced")
                    || (split && f.code == "hyphenated")
            }
        });
        findings.extend(measured(&matches));
        // Next to nothing found, in a PDF whose text reads: another résumé.
        let lost = findings.iter().any(|f| matches!(f.code, "no-text" | "unmapped-glyphs"));
        let text: usize = texts.position.iter().map(|p| tokens(p).len()).sum();
        if !lost && text > 100 && matches.iter().all(|m| m.words < 0.2) {
            for f in findings.iter_mut().filter(|f| f.code == "missing-words") {
                f.message.push_str("; the PDF reads, so --expect may name another résumé than the one it was made from");
            }
        }
        matches
    }
}

fn contact(e: &mut Expected, c: &crate::compose::describe::Contact) {
    match c.link.as_deref() {
        Some(l) if l.starts_with("mailto:") => e.email = Some(c.text.clone()),
        Some(l) if l.starts_with("tel:") => e.phone = Some(c.text.clone()),
        Some(_) => e.urls.push(c.text.clone()),
        None if e.location.is_none() => e.location = Some(c.text.clone()),
        None => e.other.push(c.text.clone()),
    }
}

fn item_of(e: &mut Expected, item: &Item, education: bool) {
    match item {
        Item::Contacts(list) => list.iter().for_each(|c| contact(e, c)),
        Item::Prose { text, .. } => e.paragraphs.extend(paragraphs(text)),
        Item::Labelled(l) => {
            let line = if l.label.is_empty() {
                plain(&l.text)
            } else {
                format!("{}{}{}", plain(&l.label), l.colon, plain(&l.text))
            };
            e.bullets.push(line);
        }
        Item::Entry(entry) => {
            let title = entry.title.as_deref().map(plain);
            let org = entry.subtitle.as_deref().map(plain);
            if education {
                e.degrees.extend(title);
                e.schools.extend(org);
            } else {
                e.titles.extend(title);
                e.companies.extend(org);
            }
            e.dates.extend(entry.dates.clone());
            e.other.extend(entry.location.clone());
            e.urls.extend(entry.link.as_ref().map(|l| l.text.clone()));
            e.paragraphs.extend(entry.summary.iter().flat_map(|s| paragraphs(s)));
            for h in &entry.highlights {
                e.bullets.push(plain(h.text()));
                if let crate::model::Highlight::Group(g) = h {
                    e.bullets.extend(g.items.iter().map(|t| plain(t)));
                }
            }
            for l in &entry.lists {
                e.other.push(format!("{}{}{}", plain(&l.label), l.colon, plain(&l.text)));
            }
        }
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(plain).map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}
