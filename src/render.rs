//! The pipeline orchestrator: résumé + theme → composed blocks → laid-out
//! document → the requested outputs, all in memory. Writing files is the
//! caller's business, so a failure anywhere leaves the disk untouched.

use crate::compose::compose;
use crate::diag::Diagnostic;
use crate::export::{pdf, text};
use crate::fonts::FontBook;
use crate::layout::{Document, layout};
use crate::model::Resume;
use crate::theme::Theme;

/// An output format `vita render` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Print-ready PDF with embedded, subset fonts.
    Pdf,
    /// Plain UTF-8 text in reading order, for applicant tracking systems.
    Txt,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Txt => "txt",
        }
    }
}

/// What a render produced, ready to be written.
#[derive(Debug, Default)]
pub struct Rendered {
    pub outputs: Vec<(Format, Vec<u8>)>,
    pub pages: usize,
    pub warnings: Vec<String>,
}

/// Options that do not belong to the theme.
#[derive(Debug, Clone)]
pub struct Options {
    pub formats: Vec<Format>,
    /// Creation date for the PDF, seconds since the Unix epoch.
    pub timestamp: i64,
}

/// Lays the résumé out with the theme (exposed for tests and tools).
pub fn lay_out(resume: &Resume, theme: &Theme, book: &FontBook) -> Result<Document, Diagnostic> {
    let composed = compose(resume, theme, book)?;
    Ok(layout(&composed, theme, book, resume.meta.language.as_deref()))
}

/// Runs the whole pipeline.
pub fn render(resume: &Resume, theme: &Theme, opts: &Options) -> Result<Rendered, Diagnostic> {
    let book = FontBook::new();
    let mut out = Rendered::default();
    if opts.formats.contains(&Format::Pdf) {
        let doc = lay_out(resume, theme, &book)?;
        let bytes = pdf::render(&doc, &book, &metadata(resume, opts.timestamp))
            .map_err(|e| Diagnostic::new(format!("internal error while writing the PDF: {e}")))?;
        out.pages = doc.pages.len();
        out.warnings.extend(doc.warnings);
        out.outputs.push((Format::Pdf, bytes));
    }
    if opts.formats.contains(&Format::Txt) {
        out.outputs.push((Format::Txt, text::render(resume, theme).into_bytes()));
    }
    Ok(out)
}

fn metadata(resume: &Resume, timestamp: i64) -> pdf::Metadata {
    let b = &resume.basics;
    let mut keywords = vec!["résumé".to_string(), "CV".to_string()];
    for skill in &resume.skills {
        keywords.push(skill.name.clone());
        keywords.extend(skill.keywords.iter().cloned());
    }
    pdf::Metadata {
        title: format!("{} — Résumé", b.name),
        author: b.name.clone(),
        subject: b.label.clone().unwrap_or_else(|| format!("Résumé of {}", b.name)),
        keywords,
        timestamp,
    }
}
