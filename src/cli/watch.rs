//! `vita render --watch`: render, then render again whenever the résumé,
//! an overlay, its theme file or its photo changes (or, for a letter or an
//! application, the letter and its signature), printing one status line per
//! render. A save that does not parse is reported and the loop waits for
//! the next one; the last good outputs stay in place (writes are atomic).
//!
//! The folders holding those files are watched (notify's recommended
//! watcher), not the files: editors often save by writing a new file and
//! renaming it over the old, which a watch on the old file would miss.
//! Bursts of events (an editor's several writes) are merged by waiting
//! until the folder has been quiet for [`QUIET`]. A folder that is deleted
//! is reported, and when it is made again it is watched again and the
//! résumé rendered. Ctrl-C ends the loop.

use super::{RenderArgs, batch};
use crate::diag::Diagnostic;
use crate::job::{Settings, render_file};
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

/// How long the watched files must stay unchanged before a render starts.
const QUIET: Duration = Duration::from_millis(150);
/// How often the watched folders are checked for having been deleted or
/// made again.
const POLL: Duration = Duration::from_millis(500);

/// Renders `args.paths[0]` now and after every change, until interrupted.
pub(super) fn run(args: &RenderArgs) -> Result<(), Diagnostic> {
    let [path] = &args.paths[..] else {
        return Err(Diagnostic::new("--watch follows one résumé at a time")
            .with_hint("start one `vita render --watch` per résumé"));
    };
    let [job] = &batch::plan(&args.paths, &args.output, args.name_template.as_deref())?[..] else {
        unreachable!("one path gives one job");
    };
    let settings = super::settings(args)?;
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(tx)
        .map_err(|e| Diagnostic::new(format!("cannot watch files: {e}")))?;
    let mut files = vec![absolute(path)];
    // Each watched folder with its inode: a folder deleted and made again
    // is a new folder that the old watch does not see.
    let mut folders: BTreeMap<PathBuf, Option<u64>> = BTreeMap::new();
    let shown = path.display();
    let out = job.base.parent().unwrap_or(Path::new(".")).display().to_string();
    let out = out.trim_end_matches('/');
    loop {
        // Watched before rendering, so a save during the render is seen.
        if let Some(now) = watched_files(&settings, path) {
            files = now;
        }
        let wanted: BTreeMap<PathBuf, Option<u64>> = files
            .iter()
            .filter_map(|f| f.parent())
            .map(|d| (d.to_path_buf(), crate::export::journal::inode(d)))
            .collect();
        for (folder, ino) in &folders {
            if wanted.get(folder) != Some(ino) {
                let _ = watcher.unwatch(folder);
            }
        }
        for (folder, ino) in &wanted {
            if folders.get(folder) == Some(ino) {
                continue;
            }
            if ino.is_none() {
                crate::diag::eprintln(&format!(
                    "the folder {} is gone; watching for it to come back",
                    folder.display()
                ));
                continue;
            }
            watcher.watch(folder, RecursiveMode::NonRecursive).map_err(|e| {
                Diagnostic::new(format!("cannot watch the folder: {e}")).in_file(folder)
            })?;
        }
        folders = wanted;
        match render_file(&settings, path, &job.base, &|line| crate::diag::eprintln(line)) {
            Ok(_) if args.quiet => {}
            Ok(w) => {
                let ms = w.elapsed.as_secs_f64() * 1000.0;
                let pages = match w.pages {
                    0 => String::new(),
                    n => format!(" ({n} page{})", crate::job::plural(n)),
                };
                crate::diag::eprintln(&format!("rendered {shown} → {out}/ in {ms:.0} ms{pages}"))
            }
            Err(diag) => {
                crate::diag::eprint(&diag.to_string());
                crate::diag::eprintln(&format!(
                    "failed {shown}; the last good output is kept; waiting for the next save"
                ));
            }
        }
        wait_for_change(&rx, &files, &folders)?;
    }
}

/// The files the render reads ([`crate::job::letter::inputs`]: the
/// résumé, its overlays, theme file and photo, a letter and its
/// signature); `None` while one does not read (the files watched before
/// stay watched).
fn watched_files(settings: &Settings, path: &Path) -> Option<Vec<PathBuf>> {
    let files = crate::job::letter::inputs(settings, path)?;
    Some(files.iter().map(|f| absolute(f)).collect())
}

/// `path` with its folder made absolute and canonical, as notify reports
/// event paths under a canonical watched folder.
fn absolute(path: &Path) -> PathBuf {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    match path.file_name() {
        Some(name) => folder.join(name),
        None => folder,
    }
}

/// Blocks until one of `files` changes and then stays quiet for [`QUIET`],
/// or until one of `folders` is deleted, made again or replaced (checked
/// every [`POLL`]: a watch does not follow a folder's name).
fn wait_for_change(
    rx: &Receiver<notify::Result<Event>>,
    files: &[PathBuf],
    folders: &BTreeMap<PathBuf, Option<u64>>,
) -> Result<(), Diagnostic> {
    let closed = || Diagnostic::new("the file watcher stopped");
    let moved = || folders.iter().any(|(f, ino)| crate::export::journal::inode(f) != *ino);
    loop {
        match rx.recv_timeout(POLL) {
            Ok(event) if touches(&event, files) => break,
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) if moved() => break,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Err(closed()),
        }
    }
    loop {
        match rx.recv_timeout(QUIET) {
            Ok(_) => continue,
            Err(RecvTimeoutError::Timeout) => return Ok(()),
            Err(RecvTimeoutError::Disconnected) => return Err(closed()),
        }
    }
}

/// Whether an event may have changed one of `files`. Reads (our own, of
/// the résumé) are not changes; a watcher error might hide one, so it is.
fn touches(event: &notify::Result<Event>, files: &[PathBuf]) -> bool {
    let Ok(event) = event else { return true };
    let change = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    };
    change && event.paths.iter().any(|p| files.iter().any(|f| f == p))
}
