//! The report for a person: a score, the problems worst first with where
//! they are and how to fix them; and `--text`, the extraction in each order.

use super::report::{Report, Severity};
use std::fmt::Write;

/// The summary a person reads.
pub fn human(report: &Report) -> String {
    let mut out = String::new();
    let d = &report.document;
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let (errors, warnings, notes) =
        (count(Severity::Error), count(Severity::Warning), count(Severity::Note));
    let _ = writeln!(
        out,
        "{}: {} page{}, score {}/100 — {}",
        report.file,
        d.pages,
        if d.pages == 1 { "" } else { "s" },
        report.score,
        match (errors, warnings) {
            (0, 0) => "ATS will read it whole".to_string(),
            (0, w) => format!("{w} warning{}", if w == 1 { "" } else { "s" }),
            (e, 0) => format!("{e} error{}", if e == 1 { "" } else { "s" }),
            (e, w) => format!(
                "{e} error{}, {w} warning{}",
                if e == 1 { "" } else { "s" },
                if w == 1 { "" } else { "s" }
            ),
        }
    );
    if let Some(matches) = &report.expect {
        for m in matches {
            let _ = writeln!(
                out,
                "  against the source, {} order: words {:.1} %, bullets and paragraphs whole {:.1} %, facts on one line {:.1} %",
                m.order,
                100.0 * m.words,
                100.0 * m.blocks,
                100.0 * m.facts
            );
        }
    }
    for f in &report.findings {
        let label = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        let place = f.page.map_or(String::new(), |p| format!(" (page {p})"));
        let _ = writeln!(out, "\n{label}[{}]{place}: {}", f.code, f.message);
        if !f.context.is_empty() {
            let _ = writeln!(out, "  read as: {}", f.context);
        }
        if !f.fix.is_empty() {
            let _ = writeln!(out, "  fix: {}", f.fix);
        }
        if let Some(vita) = f.vita {
            let _ = writeln!(out, "  vita: {vita}");
        }
    }
    if notes > 0 && errors + warnings == 0 {
        let _ = writeln!(out, "\nNo problem for an ATS; the notes above are worth a look.");
    }
    out
}

/// The text in each order, page by page.
pub fn texts(report: &Report) -> String {
    let mut out = String::new();
    for (name, pages) in [
        ("content-stream order (as pypdf, PDFBox/Tika and pdfminer read)", &report.text.stream),
        ("position order (as pdfplumber and pdftotext -layout read)", &report.text.position),
    ] {
        let _ = writeln!(out, "==> {}: {name}", report.file);
        for (k, page) in pages.iter().enumerate() {
            let _ = writeln!(out, "--- page {} ---", k + 1);
            out.push_str(page);
        }
        out.push('\n');
    }
    out
}
