//! Exporters: laid-out frames → PDF and PNG previews, the résumé's
//! description → ATS plain text, Markdown, Word (.docx) and a
//! self-contained HTML page, and the atomic file writing they share.
//! Exporters never lay out.

pub mod docx;
pub mod html;
pub mod journal;
pub mod markdown;
pub mod pdf;
pub mod png;
pub mod text;

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes each `(path, bytes)` so that, while the system stays up, every
/// target is either its old file or the complete new one: all contents go
/// to temporary files in the targets' folders first, and only when every
/// one is written are they put in place of the targets ([`replace`]). A
/// failure or a killed process before that leaves the disk as it was.
///
/// The files are not fsynced: outputs can always be rendered again, and a
/// sync costs more than the whole render on many disks (6 ms of a 10 ms run
/// here).
///
/// A set of several files in one folder is journalled ([`journal`]): once
/// all are staged, a render killed while they are put in place is finished
/// by the next one, so the set ends up whole. Leftovers of killed renders
/// in the folders written to are cleaned up first.
pub fn write_all_atomic(files: &[(PathBuf, &[u8])]) -> Result<(), (PathBuf, std::io::Error)> {
    let mut dirs: Vec<&Path> = files.iter().map(|(p, _)| folder(p)).collect();
    dirs.dedup();
    dirs.iter().for_each(|d| journal::recover(d));
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let tmp = stage(path, bytes).map_err(|e| (path.clone(), e))?;
        staged.push((path, tmp.into_temp_path()));
    }
    let journal = match (&dirs[..], staged.len()) {
        ([dir], 2..) => {
            let pairs: Option<Vec<(PathBuf, PathBuf, u64)>> = staged
                .iter()
                .map(|(path, tmp)| {
                    Some((tmp.to_path_buf(), path.to_path_buf(), journal::inode(tmp)?))
                })
                .collect();
            match pairs {
                Some(pairs) => {
                    Some(journal::write(dir, &pairs).map_err(|e| (files[0].0.clone(), e))?)
                }
                None => None,
            }
        }
        _ => None,
    };
    // For the kill test (tests/kill.rs): a pause between swaps, so that a
    // kill can land among them.
    let pause = std::env::var("VITA_TEST_SWAP_PAUSE_MS").ok().and_then(|v| v.parse().ok());
    for (path, tmp) in staged {
        if let Some(ms) = pause {
            std::thread::sleep(std::time::Duration::from_millis(ms));
        }
        replace(tmp, path).map_err(|e| (path.clone(), e))?;
    }
    if let Some(journal) = journal {
        let _ = std::fs::remove_file(journal);
    }
    Ok(())
}

/// The folder `path` is in (`.` for a bare name).
fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Puts the staged file `tmp` in place of `path` in one step: readers see
/// the old file or the new one, never neither.
///
/// Where the target exists, Linux swaps the two names
/// (`renameat2(RENAME_EXCHANGE)`) and the old file, now under the
/// temporary name, is deleted. A plain rename over an existing file would
/// do the same in one call, but ext4 treats such a rename as a request for
/// durability (`auto_da_alloc`) and writes the new file's data out at once.
/// That gives the file blocks on disk, which the next render must free when
/// it replaces the file, and on a disk mounted with `discard` it then waits
/// for them to be trimmed: a third of a millisecond of a four-millisecond
/// render. Swapped in, a file is written back as any other (on ext4 within
/// half a minute), so one replaced before then is freed without touching
/// the disk; but a power cut in that time can leave it empty, and a render
/// again brings it back. Elsewhere, or where the filesystem cannot
/// exchange, the file is renamed into place.
fn replace(tmp: tempfile::TempPath, path: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    if exchange(&tmp, path).is_ok() {
        // `tmp` now names what was at `path`. A folder that appeared there
        // since it was checked cannot be deleted: it is swapped back, and
        // the new file goes with `tmp`.
        if let Err(e) = std::fs::remove_file(&tmp) {
            let _ = exchange(&tmp, path);
            return Err(e);
        }
        let _ = tmp.keep(); // already deleted
        return Ok(());
    }
    tmp.persist(path).map_err(|e| e.error)
}

/// Swaps the names `a` and `b`, both of which must exist.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are NUL-terminated strings that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
}

fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = folder(path);
    if path.is_dir() {
        return Err(std::io::Error::other("a folder is in the way of the output file"));
    }
    let prefix = journal::own_prefix();
    let mut tmp = tempfile::Builder::new().prefix(&prefix).suffix(".tmp").tempfile_in(dir)?;
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

/// Text with XML's special characters escaped, and the characters XML 1.0
/// cannot hold left out.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::write_all_atomic;
    use std::path::PathBuf;

    fn names(dir: &std::path::Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_new_files_and_replaces_old_ones_leaving_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.txt"));
        std::fs::write(&a, b"old a, longer than the new one").unwrap();
        write_all_atomic(&[(a.clone(), b"new a"), (b.clone(), b"new b")]).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"new a");
        assert_eq!(std::fs::read(&b).unwrap(), b"new b");
        write_all_atomic(&[(a.clone(), b"newer a"), (b.clone(), b"newer b")]).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"newer a");
        assert_eq!(std::fs::read(&b).unwrap(), b"newer b");
        assert_eq!(names(dir.path()), ["a.pdf", "b.txt"], "old files or temporaries left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.pdf");
        std::fs::write(&a, b"old").unwrap();
        std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_all_atomic(&[(a.clone(), b"new")]).unwrap();
        assert_eq!(std::fs::metadata(&a).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_in_the_way_is_replaced_and_its_target_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (target, link) = (dir.path().join("elsewhere.pdf"), dir.path().join("a.pdf"));
        std::fs::write(&target, b"someone else's").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_all_atomic(&[(link.clone(), b"new")]).unwrap();
        assert!(!std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read(&link).unwrap(), b"new");
        assert_eq!(std::fs::read(&target).unwrap(), b"someone else's");
        assert_eq!(names(dir.path()), ["a.pdf", "elsewhere.pdf"]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_folder_that_appears_at_the_target_is_swapped_back_not_lost() {
        // As if the folder appeared after the check in `stage`.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("keep.txt"), b"mine").unwrap();
        let mut tmp = tempfile::Builder::new().prefix(".vita-").tempfile_in(dir.path()).unwrap();
        std::io::Write::write_all(&mut tmp, b"new").unwrap();
        assert!(super::replace(tmp.into_temp_path(), &target).is_err());
        assert_eq!(std::fs::read(target.join("keep.txt")).unwrap(), b"mine");
        assert_eq!(names(dir.path()), ["a.pdf"], "the new file is not left behind");
    }

    #[test]
    fn a_folder_in_the_way_fails_before_anything_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b): (PathBuf, PathBuf) = (dir.path().join("a.pdf"), dir.path().join("b.txt"));
        std::fs::write(&a, b"old").unwrap();
        std::fs::create_dir(&b).unwrap();
        let (failed, _) =
            write_all_atomic(&[(a.clone(), b"new"), (b.clone(), b"new")]).unwrap_err();
        assert_eq!(failed, b);
        assert_eq!(std::fs::read(&a).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["a.pdf", "b.txt"]);
    }
}
