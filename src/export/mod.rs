//! Exporters: laid-out frames → PDF and PNG previews, the résumé model →
//! ATS plain text, and the atomic file writing they share. Exporters never
//! lay out.

pub mod pdf;
pub mod png;
pub mod text;

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes each `(path, bytes)` so that every target is either its old file
/// or the complete new one: all contents go to temporary files in the
/// targets' folders first, and only when every one is written are they
/// renamed over the targets. A failure or a killed process before that
/// leaves the disk as it was.
///
/// The files are not fsynced: outputs can always be rendered again, and a
/// sync costs more than the whole render on many disks (6 ms of a 10 ms run
/// here). Against power loss, the common Linux filesystems (ext4's
/// `auto_da_alloc`, btrfs) write a file's data before a rename that replaces
/// another file.
pub fn write_all_atomic(files: &[(PathBuf, &[u8])]) -> Result<(), (PathBuf, std::io::Error)> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let tmp = stage(path, bytes).map_err(|e| (path.clone(), e))?;
        staged.push((path, tmp));
    }
    for (path, tmp) in staged {
        tmp.persist(path).map_err(|e| (path.clone(), e.error))?;
    }
    Ok(())
}

fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(std::io::Error::other("a folder is in the way of the output file"));
    }
    let mut tmp = tempfile::Builder::new().prefix(".vita-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    keep_permissions(tmp.as_file(), path)?;
    Ok(tmp)
}

/// Gives the new file the old one's permissions, or the usual 0644 (less
/// the umask's doing) for a new file: temporary files start private.
#[cfg(unix)]
fn keep_permissions(file: &std::fs::File, path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn keep_permissions(_file: &std::fs::File, _path: &Path) -> std::io::Result<()> {
    Ok(())
}
