//! `vita export`: a résumé → another résumé format (JSON Resume).

use super::emit::emit;
use crate::diag::Diagnostic;
use crate::model::versions::Versions;
use crate::model::{self, json_resume};
use std::path::PathBuf;

/// A format `vita export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// JSON Resume 1.0 (jsonresume.org), readable by its themes and tools.
    JsonResume,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "The JSON Resume output holds every field of the résumé but its \
[variants] and entries' `id`s, which tailor the TOML source (a JSON Resume file is one version \
of a résumé: export a variant with --variant). Standard fields \
use JSON Resume's names (start_date → startDate; an ongoing role has no endDate). What JSON \
Resume has no field for is kept in extra fields that its tools ignore: `tags`, `location` of \
volunteer and education entries, education `summary`, `meta.language`, `meta.theme`, `custom` \
sections, and `vitaHighlights` (highlight groups; `highlights` holds them flattened). \
`vita import` reads the file back into the same résumé. A résumé in several languages keeps \
them all: the standard fields hold its default language, and each object's other languages are \
in `vitaTranslations` ({\"de\": {\"position\": \"…\"}}), with `lang` on entries limited to some \
languages; --lang writes one language alone.\n\n\
--variant, --tags, --public and --overlay export the résumé as `vita render` would tailor it: \
what they leave out is not in the file (in one language: --lang's, or the résumé's own).\n\n\
Exit status: 0 on success, 2 on bad input (the message names the file, line and column) or when \
the output cannot be written. An existing output file is replaced only by a complete new one.")]
pub struct ExportArgs {
    /// The résumé to export (TOML, or JSON Resume).
    #[arg(default_value = "data/resume.toml")]
    pub path: PathBuf,
    /// The format to write.
    #[arg(short, long, value_enum, default_value = "json-resume")]
    pub format: ExportFormat,
    /// Write to FILE (replaced atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write only this language of a multilingual résumé (a BCP 47 tag).
    #[arg(long, value_name = "TAG")]
    pub lang: Option<String>,
    /// Tags, a variant, a public version and overlays: the résumé is
    /// exported as `vita render` would tailor it.
    #[command(flatten)]
    pub tailor: super::tailor::TailorArgs,
}

pub(super) fn run(args: &ExportArgs) -> Result<(), Diagnostic> {
    let limits = crate::limits::Limits::default();
    let t = &args.tailor;
    let text = match (&args.lang, args.format) {
        _ if t.any() => {
            let layers: Vec<model::overlay::Layer> = args
                .tailor
                .overlay
                .iter()
                .map(|o| model::overlay::Layer::read(o, &limits))
                .collect::<Result<_, _>>()?;
            let lang = args.lang.as_deref();
            let (mut resume, warnings) =
                model::load_layered(&args.path, &layers, &limits, lang, t.public)?;
            warnings.iter().for_each(|w| crate::diag::eprint(&w.to_string()));
            if let Some(name) = &t.variant {
                let Some(variant) = resume.variants.get(name).cloned() else {
                    let names: Vec<&str> = resume.variants.keys().map(String::as_str).collect();
                    return Err(Diagnostic::new(format!("the résumé has no variant `{name}`"))
                        .in_file(&args.path)
                        .with_hint(crate::diag::unknown_name_hint(name, &names, "variants")));
                };
                if variant.public && !t.public {
                    let again = model::load_layered(&args.path, &layers, &limits, lang, true)?;
                    resume = again.0;
                }
                variant.apply(&mut resume);
            }
            if let Some(selection) = t.selection() {
                selection.apply(&mut resume);
            }
            json_resume::to_json(&resume)
        }
        (Some(lang), ExportFormat::JsonResume) => {
            let (resume, warnings) = model::load_with(&args.path, &limits, Some(lang))?;
            warnings.iter().for_each(|w| crate::diag::eprint(&w.to_string()));
            json_resume::to_json(&resume)
        }
        (None, ExportFormat::JsonResume) => {
            let versions = Versions::read(&args.path, &limits)?;
            versions.warnings.iter().for_each(|w| crate::diag::eprint(&w.to_string()));
            versions.to_json_resume()
        }
    };
    if let Some(out) = &args.output
        && super::outputs::same_file(out, &args.path)
    {
        return Err(Diagnostic::new("the output would overwrite the résumé itself")
            .in_file(out)
            .with_hint("name another file with -o FILE"));
    }
    emit(&text, args.output.as_deref())
}
