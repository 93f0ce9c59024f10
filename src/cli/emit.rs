//! Where generated text goes: standard output, or a file replaced atomically
//! (the old file stays whole until the new one is complete).

use crate::diag::Diagnostic;
use crate::export::write_all_atomic;
use std::io::Write;
use std::path::Path;

/// Writes `text` to `out`, or to standard output when `out` is `None` or `-`.
pub(super) fn emit(text: &str, out: Option<&Path>) -> Result<(), Diagnostic> {
    match out.filter(|p| p.as_os_str() != "-") {
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`vita schema | head`) is not an error worth a message.
            match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Diagnostic::new(format!("cannot write to standard output: {e}")))
                }
                _ => Ok(()),
            }
        }
        Some(path) => write_file(path, text.as_bytes()),
    }
}

/// Writes one file atomically, with a diagnostic naming it on failure.
pub(super) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.is_dir()) {
        return Err(Diagnostic::new("the folder to write into does not exist")
            .in_file(dir)
            .with_hint("create it first, or choose another path with -o FILE"));
    }
    write_all_atomic(&[(path.to_path_buf(), bytes)]).map_err(|(path, e)| {
        Diagnostic::new(format!("cannot write output: {e}"))
            .in_file(&path)
            .with_hint("check that the folder is writable, or choose another path with -o FILE")
    })
}
