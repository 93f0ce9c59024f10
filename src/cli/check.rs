//! `vita check FILE.pdf…`: how applicant-tracking systems will read a PDF
//! from any program, as a summary, the extracted text, or JSON.

use crate::check::{self, Options, Report, expect::Expected};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "vita check reads the PDF as applicant-tracking systems do, in two orders: \
the order the content stream draws the text (pypdf, PDFBox/Tika, pdfminer) and the order of \
its position on the page (pdfplumber, pdftotext -layout). It reports text that does not extract \
(glyphs without Unicode, pictures of text, ligatures, letter-spaced, glued or split words), \
text that extracts in the wrong order (columns read across, dates inside sentences, headers \
inside entries, tables), what a résumé parser needs (name, e-mail, phone, profile addresses, \
standard headings, dates next to titles) and hazards (invisible text, text under 7 pt, more \
than 3 pages, encryption, size, no title, no tags).\n\n\
With --expect, the text is compared with the résumé it was made from, as the ATS harness \
does: every word read once, every bullet in one piece, every fact on one line. Reading-order \
and word findings are then measured, not guessed.\n\n\
The score is 100 less 30 for each kind of error and 8 for each kind of warning; notes do not \
count. With --expect it is 100 × the share of the résumé read right (the mean of the two \
orders), less the hazards' points.\n\n\
Exit status: 0 when no problem is found (notes allowed), 1 with warnings, 2 with errors or \
when a PDF cannot be read. --json writes the schema vita-check/1 (docs/check.md)."
)]
pub struct CheckArgs {
    /// The PDFs to check.
    #[arg(value_name = "FILE.pdf", required = true)]
    pub files: Vec<PathBuf>,
    /// The résumé the PDF was made from: a vita TOML, a JSON Resume, or an
    /// ATS-harness expected.json. Compares every word, bullet and fact.
    #[arg(long, value_name = "RESUME")]
    pub expect: Option<PathBuf>,
    /// Print the extracted text in each order instead of the summary.
    #[arg(long, conflicts_with = "json")]
    pub text: bool,
    /// Print the report as JSON: one object for one file, an array in the
    /// order given for several; a file that cannot be read is an object
    /// with `"verdict": "unreadable"` and its `error`.
    #[arg(long)]
    pub json: bool,
}

pub(super) fn run(args: &CheckArgs) -> ExitCode {
    let expect = match &args.expect {
        Some(path) => match Expected::from_file(path) {
            Ok(e) => Some(e),
            Err(d) => {
                crate::diag::eprint(&d.to_string());
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let options = Options { expect };
    let mut worst = 0u8;
    // Every file in the order given: a report, or why it could not be read.
    let mut all: Vec<serde_json::Value> = Vec::new();
    for file in &args.files {
        match check::check_file(file, &options) {
            Ok(report) => {
                worst = worst.max(report.exit_code());
                if args.text {
                    print!("{}", check::texts(&report));
                } else if args.json {
                    all.push(serde_json::to_value(&report).unwrap_or_default());
                } else {
                    print!("{}", check::human(&report));
                }
            }
            Err(why) => {
                worst = 2;
                crate::diag::eprintln(&format!("error: {}: {why}", file.display()));
                all.push(serde_json::json!({
                    "schema": check::report::SCHEMA,
                    "file": file.display().to_string(),
                    "verdict": "unreadable",
                    "error": why,
                }));
            }
        }
    }
    if args.json {
        let json = match all.as_slice() {
            [one] if args.files.len() == 1 => serde_json::to_string_pretty(one),
            all => serde_json::to_string_pretty(all),
        };
        println!("{}", json.unwrap_or_default());
    }
    ExitCode::from(worst)
}

/// `vita render --check`: one line for a clean PDF, else its problems.
/// Returns the exit status the findings call for.
pub(super) fn after_render(pdf: &Path) -> u8 {
    let options = Options::default();
    match check::check_file(pdf, &options) {
        Ok(report) => {
            eprint!("{}", one_line_or_all(&report));
            report.exit_code()
        }
        Err(why) => {
            crate::diag::eprintln(&format!("error: {}: {why}", pdf.display()));
            2
        }
    }
}

fn one_line_or_all(report: &Report) -> String {
    if report.worst() <= Some(check::Severity::Note) {
        format!(
            "check: {}: nothing an ATS would trip on (score {}/100)\n",
            report.file, report.score
        )
    } else {
        check::human(report)
    }
}
