//! `vita import`: a JSON Resume file → a vita TOML résumé, reporting every
//! field that has no place in vita's model.

use super::emit::{emit, write_file};
use crate::diag::Diagnostic;
use crate::model::versions::Versions;
use crate::model::{self, Resume, json_resume};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Every field vita models is carried over; the keys become snake_case \
(startDate → start_date). A JSON Resume entry with a startDate and no endDate is ongoing and \
gets end_date = \"present\". Fields vita has no place for (e.g. work[].description, \
meta.canonical) are listed as warnings with their line and column, and left out.\n\n\
`vita render resume.json` renders a JSON Resume file directly, without importing it.\n\n\
Exit status: 0 on success (warnings included), 2 on bad input or when the output exists \
(the message names the file, line and column). Nothing is written on error.")]
pub struct ImportArgs {
    /// The JSON Resume file to read (schema 1.0; 0.x names such as `company`
    /// and `website` are understood too).
    pub path: PathBuf,
    /// Where to write the TOML: a file, or `-` for standard output.
    /// Default: the input's name with `.toml`, in the same folder.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists (it is replaced atomically).
    #[arg(long)]
    pub force: bool,
    /// Print nothing but errors and warnings.
    #[arg(short, long)]
    pub quiet: bool,
}

pub(super) fn run(args: &ImportArgs) -> Result<(), Diagnostic> {
    if !json_resume::is_json(&args.path) {
        return Err(Diagnostic::new("`vita import` reads JSON Resume files (*.json)")
            .in_file(&args.path)
            .with_hint("a .toml résumé is vita's own format already; `vita validate` checks it"));
    }
    let versions = Versions::read(&args.path, &crate::limits::Limits::default())?;
    let warnings = &versions.warnings;
    for w in warnings {
        crate::diag::eprint(&w.to_string());
    }
    let from = args.path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let text = match versions.multilingual() {
        true => multilingual_toml(&versions, &from)?,
        false => to_toml(versions.default(), &from)?,
    };
    let out = args.output.clone().unwrap_or_else(|| args.path.with_extension("toml"));
    if out.as_os_str() == "-" {
        return emit(&text, None);
    }
    if super::outputs::same_file(&out, &args.path) {
        return Err(Diagnostic::new("the output would overwrite the JSON résumé itself")
            .in_file(&out)
            .with_hint("name another file with -o FILE"));
    }
    if out.exists() && !args.force {
        return Err(Diagnostic::new("the output file exists; import does not overwrite it")
            .in_file(&out)
            .with_hint("name another file with -o FILE, or pass --force to replace it"));
    }
    write_file(&out, text.as_bytes())?;
    if !args.quiet {
        let left_out = match warnings.len() {
            0 => "every field carried over".to_string(),
            1 => "1 warning above".to_string(),
            n => format!("{n} warnings above"),
        };
        crate::diag::eprintln(&format!("wrote {} ({left_out})", out.display()));
    }
    Ok(())
}

/// A résumé in several languages as one TOML file, with tables from
/// language to text where the languages differ; `[meta]` last.
fn multilingual_toml(versions: &Versions, from: &str) -> Result<String, Diagnostic> {
    let internal = |e: toml::ser::Error| Diagnostic::new(format!("internal error: {e}"));
    let mut tree = versions.to_tree();
    let meta = tree.as_object_mut().and_then(|o| o.remove("meta"));
    let mut text = format!(
        "# Imported from {from} by `vita import`, with all its languages: a table such as\n\
         # {{ en = \"…\", de = \"…\" }} holds a text in each; `vita render --lang de` picks one.\n\n"
    );
    text.push_str(&toml::to_string_pretty(&tree).map_err(internal)?);
    if let Some(meta) = meta {
        text.push('\n');
        text.push_str(&toml::to_string(&serde_json::json!({ "meta": meta })).map_err(internal)?);
    }
    Ok(text)
}

/// The résumé as commented TOML: basics first, `[meta]` last.
pub(super) fn to_toml(resume: &Resume, from: &str) -> Result<String, Diagnostic> {
    let internal = |e: toml::ser::Error| Diagnostic::new(format!("internal error: {e}"));
    let body = Resume { meta: Default::default(), ..resume.clone() };
    let mut text = format!(
        "# Imported from {from} by `vita import`. JSON Resume's camelCase keys are\n\
         # snake_case here; `vita schema` describes every key.\n\n"
    );
    text.push_str(&toml::to_string_pretty(&body).map_err(internal)?);
    if !resume.meta.is_empty() {
        #[derive(serde::Serialize)]
        struct MetaOnly<'a> {
            meta: &'a model::Meta,
        }
        text.push('\n');
        text.push_str(&toml::to_string(&MetaOnly { meta: &resume.meta }).map_err(internal)?);
    }
    Ok(text)
}
