//! Exporters: laid-out frames → PDF, the résumé model → ATS plain text, and
//! the atomic file writing they share. Exporters never lay out.

pub mod pdf;
pub mod text;

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` so that the file is either the old one or the
/// complete new one: a temporary file in the same folder, synced, then
/// renamed over the target.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new().prefix(".vita-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
