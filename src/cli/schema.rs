//! `vita schema`: prints the JSON Schema of the résumé format, for editor
//! completion and checking.

use super::emit::emit;
use crate::diag::Diagnostic;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "The schema is generated from vita's own model, so it always matches what \
`vita render` accepts. To use it in VS Code (Even Better TOML) or any taplo-based editor, save it \
and put a directive on the first line of the résumé:\n\n    vita schema -o resume.schema.json\n    \
#:schema ./resume.schema.json      (first line of resume.toml)\n\n\
Exit status: 0 on success, 2 when the output cannot be written.")]
pub struct SchemaArgs {
    /// Write the schema to FILE (replaced atomically) instead of standard
    /// output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Which file's schema: a résumé's, a cover letter's (`vita init
    /// --letter`) or an application's.
    #[arg(long = "for", value_enum, value_name = "KIND", default_value = "resume")]
    pub kind: Document,
}

/// The files vita reads that a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Document {
    /// A résumé.
    Resume,
    /// A cover letter.
    Letter,
    /// An application: a résumé, a variant, overlays and a letter.
    Application,
}

pub(super) fn run(args: &SchemaArgs) -> Result<(), Diagnostic> {
    use crate::model::letter::Kind;
    let kind = match args.kind {
        Document::Resume => Kind::Resume,
        Document::Letter => Kind::Letter,
        Document::Application => Kind::Application,
    };
    emit(&crate::model::json_schema_of(kind), args.output.as_deref())
}
