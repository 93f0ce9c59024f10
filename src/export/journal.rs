//! Making a set of outputs (PDF, text, previews) replace the old set as a
//! whole, as far as a filesystem allows, and cleaning up after a render
//! that was killed.
//!
//! POSIX renames one name at a time, so no set of files can change in one
//! step. What vita does instead is roll forward: once every new file is
//! staged (complete, under a `.vita-PID-….tmp` name), a journal
//! (`.vita-PID-….journal`) lists each staged file, its target and the
//! staged file's inode, and only then are the files put in place. A render
//! killed while putting them in place leaves the journal behind, and the
//! next vita that writes into, or renders into, that folder finishes the
//! job from it ([`recover`]): every target whose inode is not yet the new
//! one gets its staged file. So the set is the old one (killed before the
//! journal), or the new one (after the journal, once recovered); between
//! the kill and the next run, the folder can show a mix.
//!
//! Staged files and journals carry the id of the process that made them,
//! so that [`recover`] only touches those of processes that are gone and
//! never those of a render running beside it.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The prefix of every name vita stages in an output folder.
pub const PREFIX: &str = ".vita-";

/// The prefix of this process's staged files: `.vita-PID-`.
pub fn own_prefix() -> String {
    format!("{PREFIX}{}-", std::process::id())
}

/// Whether the process `pid` is gone (so its files are leftovers).
fn is_gone(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else { return true };
        // SAFETY: signal 0 only checks that the process exists.
        let rc = unsafe { libc::kill(pid, 0) };
        rc != 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// The process id in a staged name (`.vita-PID-…`), if it has one.
fn owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(PREFIX)?;
    rest.split_once('-')?.0.parse().ok()
}

/// The inode of `path`, where the platform has them.
pub fn inode(path: &Path) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path).ok().map(|m| m.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Writes the journal for `pairs` (staged file, target, staged inode) in
/// `dir`, complete before it appears under its name; returns its path.
pub fn write(dir: &Path, pairs: &[(PathBuf, PathBuf, u64)]) -> std::io::Result<PathBuf> {
    let mut text = String::new();
    for (tmp, target, ino) in pairs {
        let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
        let (Some(tmp), Some(target)) = (name(tmp), name(target)) else {
            return Err(std::io::Error::other("an output has no file name"));
        };
        if tmp.contains(['\t', '\n']) || target.contains(['\t', '\n']) {
            return Err(std::io::Error::other("an output's name holds a tab or a newline"));
        }
        text.push_str(&format!("{ino}\t{tmp}\t{target}\n"));
    }
    let mut file =
        tempfile::Builder::new().prefix(&own_prefix()).suffix(".tmp").tempfile_in(dir)?;
    file.write_all(text.as_bytes())?;
    let journal = file.path().with_extension("journal");
    file.persist(&journal).map_err(|e| e.error)?;
    Ok(journal)
}

/// Finishes what killed renders left in `dir`: completes the swaps their
/// journals list, then removes their journals and staged files. Files of
/// live processes are left alone. Errors are ignored: this is tidying.
pub fn recover(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut leftovers: Vec<(String, PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(PREFIX).then(|| (name, e.path()))
        })
        .filter(|(name, _)| owner(name).is_some_and(is_gone))
        .collect();
    // Journals first: they name staged files that must not go yet.
    leftovers.sort_by_key(|(name, _)| !name.ends_with(".journal"));
    for (name, path) in leftovers {
        if name.ends_with(".journal") {
            roll_forward(dir, &path);
        }
        let _ = std::fs::remove_file(&path);
    }
}

/// Puts every staged file a journal lists in place of its target, unless
/// the target already is that file.
fn roll_forward(dir: &Path, journal: &Path) {
    let Ok(text) = std::fs::read_to_string(journal) else { return };
    for line in text.lines() {
        let mut parts = line.splitn(3, '\t');
        let (Some(ino), Some(tmp), Some(target)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let Ok(ino) = ino.parse::<u64>() else { continue };
        let (tmp, target) = (dir.join(tmp), dir.join(target));
        if inode(&target) != Some(ino) && inode(&tmp) == Some(ino) {
            let _ = std::fs::rename(&tmp, &target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// A process id that is surely gone: a child that has exited.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[cfg(unix)]
    #[test]
    fn a_journal_left_mid_swap_is_rolled_forward_and_leftovers_go() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let pid = dead_pid();
        // A killed render: a.pdf already swapped (its old file under the
        // staged name), b.txt not yet; and a stray staged file.
        std::fs::write(d.join("a.pdf"), "new a").unwrap();
        std::fs::write(d.join(format!(".vita-{pid}-1.tmp")), "old a").unwrap();
        std::fs::write(d.join("b.txt"), "old b").unwrap();
        std::fs::write(d.join(format!(".vita-{pid}-2.tmp")), "new b").unwrap();
        std::fs::write(d.join(format!(".vita-{pid}-3.tmp")), "stray").unwrap();
        let ino_a = inode(&d.join("a.pdf")).unwrap();
        let ino_b = inode(&d.join(format!(".vita-{pid}-2.tmp"))).unwrap();
        let journal =
            format!("{ino_a}\t.vita-{pid}-1.tmp\ta.pdf\n{ino_b}\t.vita-{pid}-2.tmp\tb.txt\n");
        std::fs::write(d.join(format!(".vita-{pid}-9.journal")), journal).unwrap();
        // A live render's staged file beside them.
        let live = format!("{}1.tmp", own_prefix());
        std::fs::write(d.join(&live), "busy").unwrap();
        recover(d);
        assert_eq!(std::fs::read_to_string(d.join("a.pdf")).unwrap(), "new a");
        assert_eq!(std::fs::read_to_string(d.join("b.txt")).unwrap(), "new b");
        assert_eq!(names(d), [live.as_str(), "a.pdf", "b.txt"]);
    }
}
