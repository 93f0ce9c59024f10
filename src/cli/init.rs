//! `vita init`: writes a starter résumé — every section, a comment on each
//! field — that renders as it is. It never replaces an existing file.

use crate::diag::Diagnostic;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The starter résumé (a test checks that it names every field of the model).
pub const TEMPLATE: &str = include_str!("init.toml");

#[derive(Debug, clap::Args)]
#[command(after_help = "The starter holds every section with example entries and a comment on \
each field; it renders and validates as it is. Replace the examples and delete what you don't \
need: only basics.name is required.\n\n\
Exit status: 0 on success, 2 when the file exists (it is never overwritten) or cannot be written.")]
pub struct InitArgs {
    /// Where to write the résumé; missing folders are created. The default
    /// is what `vita render` reads when given no path.
    #[arg(default_value = "data/resume.toml")]
    pub path: PathBuf,
}

pub fn run(args: &InitArgs) -> Result<(), Diagnostic> {
    let path = &args.path;
    if path.exists() {
        return Err(Diagnostic::new("the file exists; `vita init` never overwrites")
            .in_file(path)
            .with_hint("give another path: vita init my-resume.toml"));
    }
    write_new(path).map_err(|e| {
        Diagnostic::new(format!("cannot write the résumé: {e}"))
            .in_file(path)
            .with_hint("check that the folder is writable, or give another path")
    })?;
    let shown = path.display();
    crate::diag::eprintln(&format!(
        "wrote {shown}; edit it, then `vita render {shown}` (or `vita validate {shown}`)"
    ));
    Ok(())
}

/// Writes the template to a temporary file beside `path` and moves it into
/// place only if nothing has appeared there meanwhile.
fn write_new(path: &Path) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".vita-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(TEMPLATE.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map(|_| ()).map_err(|e| e.error)
}
