//! What `vita check` finds: the report's types, which `--json` writes as
//! they are (schema `vita-check/1`, documented in docs/check.md), and the
//! score and verdict they add up to.

use serde::Serialize;

/// The version of the JSON schema; bumped when a field changes meaning.
pub const SCHEMA: &str = "vita-check/1";

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; no ATS reads the text worse for it.
    Note,
    /// Some ATS will misread part of the résumé.
    Warning,
    /// ATS will lose text, or cannot read the file.
    Error,
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Text that does not extract as the words it shows.
    Unreadable,
    /// Text that extracts in the wrong order.
    ReadingOrder,
    /// What a résumé parser looks for and cannot find.
    Parser,
    /// Traits of the file that ATS or recruiters penalise.
    Hazard,
}

/// One problem, where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// A stable identifier (`unmapped-glyphs`, `letter-spaced`, …).
    pub code: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// What it is about.
    pub category: Category,
    /// The page, counted from 1; none for the whole document.
    pub page: Option<usize>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The text around it, as an ATS reads it; empty when there is none.
    pub context: String,
    /// How to fix it in whatever made the PDF.
    pub fix: String,
    /// What vita does about it, where vita can help.
    pub vita: Option<&'static str>,
}

/// A font as the PDF declares it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FontInfo {
    /// The font's name without its subset prefix.
    pub name: String,
    /// Type 0, Type 1, TrueType or Type 3.
    pub kind: super::font::Kind,
    /// Whether the font program is in the file.
    pub embedded: bool,
    /// Whether it carries a ToUnicode map.
    pub to_unicode: bool,
}

/// Facts about the file as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    /// The file's size in bytes.
    pub bytes: usize,
    /// How many pages it has.
    pub pages: usize,
    /// The Info dictionary's title.
    pub title: Option<String>,
    /// The Info dictionary's producer (else creator).
    pub producer: Option<String>,
    /// The catalog's `/Lang`.
    pub language: Option<String>,
    /// Has a structure tree and `/MarkInfo /Marked true`.
    pub tagged: bool,
    /// Encrypted, and opened with the empty user password.
    pub encrypted: bool,
    /// The fonts its pages use.
    pub fonts: Vec<FontInfo>,
}

/// How well the text matched a known source (`--expect`), per order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// `stream` or `position`.
    pub order: &'static str,
    /// Share of the source's words read (0–1).
    pub words: f64,
    /// Share of bullets and paragraphs read whole and in one piece (0–1).
    pub blocks: f64,
    /// Share of facts (name, e-mail, titles, dates…) read on one line (0–1).
    pub facts: f64,
    /// `blocks × words`, as the ATS harness scores.
    pub score: f64,
    /// Source words not read, most frequent first.
    pub missing: Vec<String>,
    /// Words read glued to the next ("ExperienceCrusoe").
    pub glued: Vec<String>,
    /// Words read in pieces ("E x p e r i e n c e").
    pub split: Vec<String>,
    /// The opening of each bullet or paragraph not read in one piece.
    pub broken: Vec<String>,
    /// Facts not read on one line, as `kind: value`.
    pub facts_missing: Vec<String>,
}

/// The text of every page, in each order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Texts {
    /// Content-stream order, one string per page.
    pub stream: Vec<String>,
    /// Position order, one string per page.
    pub position: Vec<String>,
}

/// Everything `vita check` says about one PDF.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The file as named on the command line.
    pub file: String,
    /// 0–100: without `--expect`, 100 less 30 for each kind of error and 8
    /// for each kind of warning; with it, 100 × the mean of the two orders'
    /// `blocks × words`, less the hazards' points.
    pub score: u32,
    /// `clean`, `warnings` or `errors`: what the exit status says.
    pub verdict: &'static str,
    /// Problems, worst first.
    pub findings: Vec<Finding>,
    /// Facts about the file.
    pub document: DocumentInfo,
    /// The comparison with `--expect`, when given.
    pub expect: Option<Vec<Match>>,
    /// The text in each order (`--text` prints it; `--json` carries it).
    pub text: Texts,
}

impl Report {
    /// Sorts the findings worst first and sets the verdict and score.
    pub(super) fn settle(&mut self) {
        self.findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.page.cmp(&b.page)));
        self.verdict = match self.worst() {
            Some(Severity::Error) => "errors",
            Some(Severity::Warning) => "warnings",
            _ => "clean",
        };
        // With the source known, the share read right measures the text,
        // so only the hazards cost points besides it.
        let measured = self.expect.is_some();
        let mut seen = Vec::new();
        let mut penalty = 0u32;
        for f in &self.findings {
            if seen.contains(&f.code) || (measured && f.category != Category::Hazard) {
                continue;
            }
            seen.push(f.code);
            penalty += match f.severity {
                Severity::Error => 30,
                Severity::Warning => 8,
                Severity::Note => 0,
            };
        }
        // The two orders stand for the extractors that read each way, as
        // the harness averages its seven.
        let read = self
            .expect
            .as_ref()
            .map_or(1.0, |m| m.iter().map(|m| m.score).sum::<f64>() / m.len().max(1) as f64);
        self.score = ((100.0 * read).round() as u32).saturating_sub(penalty);
        // 100 means nothing to fix.
        if self.worst() >= Some(Severity::Warning) {
            self.score = self.score.min(99);
        }
    }

    /// The worst severity among the findings.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// The exit status this report calls for: 0 clean, 1 warnings, 2 errors.
    pub fn exit_code(&self) -> u8 {
        match self.worst() {
            Some(Severity::Error) => 2,
            Some(Severity::Warning) => 1,
            _ => 0,
        }
    }
}
