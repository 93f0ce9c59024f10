//! `vita check`: reads any résumé PDF back the way applicant-tracking
//! systems do and says what they will get wrong.
//!
//! ```text
//! bytes ─▶ load (lopdf, limits) ─▶ interp (characters as drawn) ─▶ extract (stream and position order)
//!                                        │                                   │
//!                                        └──────────▶ rules ◀────────────────┘ ─▶ report (+ expect)
//! ```
//!
//! The PDF may come from any program. A file that cannot be read is an
//! error, never a panic: lopdf parses under size limits, the interpreter
//! stops after a budget of operators, characters and time, and whatever
//! still goes wrong inside a parser is caught and reported as damage.

mod cmap;
pub mod expect;
mod extract;
mod font;
mod interp;
mod load;
mod measure;
mod names;
pub mod report;
mod rules;
mod show;

pub use font::Kind;
pub use report::{Finding, Report, Severity};
pub use show::{human, texts};

use std::path::Path;

/// What to check against.
#[derive(Debug, Default)]
pub struct Options {
    /// The résumé the PDF was made from, when known.
    pub expect: Option<expect::Expected>,
}

/// Checks the PDF at `path`. `Err` when it cannot be read at all.
pub fn check_file(path: &Path, options: &Options) -> Result<Report, String> {
    let limit = load::MAX_BYTES as u64 + 1;
    let data = crate::input::read_regular(path, limit).map_err(|e| e.to_string())?;
    let mut report = check_bytes(&data, options)?;
    report.file = path.display().to_string();
    Ok(report)
}

/// Checks a PDF held in memory. `Err` when it cannot be read at all.
pub fn check_bytes(data: &[u8], options: &Options) -> Result<Report, String> {
    // lopdf is a large parser of hostile input; a panic inside it is a
    // damaged file to the user, not a crash.
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| check_inner(data, options));
    std::panic::set_hook(quiet);
    result.unwrap_or_else(|_| Err("the PDF is damaged in a way vita check cannot read past".into()))
}

fn check_inner(data: &[u8], options: &Options) -> Result<Report, String> {
    let pdf = load::Pdf::open(data)?;
    let refs = pdf.pages()?;
    let pages = interp::run(&pdf, &refs)?;
    let reads: Vec<extract::Read> = pages.pages.iter().map(extract::both).collect();
    let text = report::Texts {
        stream: reads.iter().map(|r| join(&r.stream)).collect(),
        position: reads.iter().map(|r| join(&r.position)).collect(),
    };
    let fonts = pages
        .fonts
        .iter()
        .map(|f| report::FontInfo {
            name: f.name.clone(),
            kind: f.kind,
            embedded: f.embedded,
            to_unicode: f.to_unicode,
        })
        .collect();
    let document = report::DocumentInfo {
        bytes: pdf.bytes,
        pages: pages.pages.len(),
        title: pdf.title(),
        producer: pdf.producer(),
        language: pdf.language(),
        tagged: pdf.tagged(),
        encrypted: pdf.encrypted,
        fonts,
    };
    let ctx = rules::Ctx { document: &document, pages: &pages, reads: &reads, texts: &text };
    let mut findings = rules::run(&ctx);
    let matches = options.expect.as_ref().map(|e| e.compare(&text, &mut findings));
    let mut report = Report {
        schema: report::SCHEMA,
        file: String::new(),
        score: 0,
        verdict: "clean",
        findings,
        document,
        expect: matches,
        text,
    };
    report.settle();
    Ok(report)
}

fn join(lines: &[extract::Line]) -> String {
    let mut out = String::new();
    for line in lines {
        out.push_str(&line.text());
        out.push('\n');
    }
    out
}
