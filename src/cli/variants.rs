//! `vita variants`: the versions a résumé defines (`[variants.NAME]`), and
//! what each keeps of it, as a table of counts per section.

use super::emit::emit;
use crate::diag::Diagnostic;
use crate::limits::Limits;
use crate::model::{self, Resume};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Each row is a variant; each column a section with entries, then \
the bullets, keywords and profiles, as kept/all (\"work 3/5\": three of five jobs). Anything \
without tags is always kept; anything tagged when the variant lists one of its tags, and never \
when it excludes one; a section named in `meta.section_tags` likewise, and a section the \
variant's `sections` leaves out is dropped whole. Render one with \
`vita render --variant NAME`, or all with `--variant all`.\n\n\
Exit status: 0 on success, 2 on bad input.")]
pub struct VariantsArgs {
    /// The résumé (TOML, or JSON Resume).
    #[arg(default_value = "data/resume.toml")]
    pub path: PathBuf,
}

/// The table `vita variants` prints for `resume`.
fn table(resume: &Resume) -> String {
    let all = model::select::census(resume);
    // The kinds the résumé has, by their place in the census.
    let shown: Vec<usize> = (0..all.len()).filter(|&i| all[i].1 > 0).collect();
    let mut rows = vec![
        std::iter::once("variant".to_string())
            .chain(shown.iter().map(|&i| all[i].0.to_string()))
            .collect::<Vec<_>>(),
    ];
    for (name, variant) in &resume.variants {
        let mut tailored = resume.clone();
        variant.selection().apply(&mut tailored);
        // The sections a variant leaves out are dropped whole.
        if !variant.sections.is_empty() {
            for kind in crate::theme::SectionKind::ALL {
                if !variant.sections.iter().any(|s| s == kind.key()) {
                    model::select::clear_section(&mut tailored, kind.key());
                }
            }
        }
        let kept = model::select::census(&tailored);
        let mut row = vec![name.clone()];
        row.extend(shown.iter().map(|&i| format!("{}/{}", kept[i].1, all[i].1)));
        rows.push(row);
    }
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> =
            row.iter().zip(&widths).map(|(cell, w)| format!("{cell:<w$}")).collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// Runs `vita variants`.
pub(super) fn run(args: &VariantsArgs) -> Result<(), Diagnostic> {
    let (resume, _) = model::load_with(&args.path, &Limits::default(), None)?;
    if resume.variants.is_empty() {
        return Err(Diagnostic::new("the résumé defines no variants")
            .in_file(&args.path)
            .with_hint("add a [variants.NAME] table: tags = [\"backend\"] shows the entries tagged backend"));
    }
    emit(&table(&resume), None)
}
