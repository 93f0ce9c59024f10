//! Every face this process has opened, bundled or found, under one number
//! ([`FaceId`]) that never changes: the shaping caches, the PDF's font
//! resources and the PNG rasteriser all key on it. The bundled faces hold
//! the first numbers, so they are known without a look-up; a face found on
//! disk gets the next free number the first time it is used, and keeps it
//! for the process (a watched or batch render meets the same faces again).

use super::bundled::BUNDLED;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// Index of a face in the registry.
pub type FaceId = usize;

/// The most faces one process opens: a résumé uses a handful, a batch of
/// many in many families a few dozen.
const MAX_FACES: usize = 512;

/// Where a face came from, as `vita fonts` says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built into vita (`fonts/` of the repository).
    Bundled,
    /// A file found in a folder the user named (`--font-path`,
    /// `VITA_FONT_PATHS`, `fonts/` beside the résumé).
    User(PathBuf),
    /// A file among the system's fonts.
    System(PathBuf),
}

/// One face: its names, style, bytes and what has been learnt about it.
pub struct FaceInfo {
    /// The family name a theme asks for (`Charis SIL`).
    pub family: String,
    /// Whether this is the family's bold weight.
    pub bold: bool,
    /// Whether this is the family's italic style.
    pub italic: bool,
    /// The PostScript name, used for the PDF's /BaseFont.
    pub postscript_name: String,
    /// The font file's bytes: the whole file, a collection's too.
    pub data: &'static [u8],
    /// The face's index in a collection (`.ttc`, `.otc`); 0 otherwise.
    pub index: u32,
    /// For an instance of a variable font, its weight on the `wght` axis
    /// (700 for the bold a theme asks of a family that has only a variable
    /// face); `None` for a static face, read as it is.
    pub weight: Option<f32>,
    /// Where it came from.
    pub origin: Origin,
    pub(super) parsed: OnceLock<ttf_parser::Face<'static>>,
    pub(super) coverage: OnceLock<Box<[CoverageBlock]>>,
    pub(super) ascii: OnceLock<bool>,
}

impl FaceInfo {
    /// A face not yet parsed.
    pub(super) fn new(
        family: String,
        bold: bool,
        italic: bool,
        postscript_name: String,
        (data, index, weight): (&'static [u8], u32, Option<f32>),
        origin: Origin,
    ) -> FaceInfo {
        FaceInfo {
            family,
            bold,
            italic,
            postscript_name,
            data,
            index,
            weight,
            origin,
            parsed: OnceLock::new(),
            coverage: OnceLock::new(),
            ascii: OnceLock::new(),
        }
    }
}

/// For 64 consecutive characters, one bit each: whether the face has been
/// asked about the character, and whether it has it.
#[derive(Default)]
pub(super) struct CoverageBlock {
    pub(super) known: AtomicU64,
    pub(super) has: AtomicU64,
}

/// One pointer a face (a face itself is large, and a static array of them
/// would be written into the binary).
static SLOTS: [OnceLock<&'static FaceInfo>; MAX_FACES] = [const { OnceLock::new() }; MAX_FACES];
/// Faces registered beyond the bundled ones.
static NEXT: AtomicUsize = AtomicUsize::new(0);
/// Found faces by file, index in it and instance weight (its bits), so
/// that each is registered once.
static BY_FILE: Mutex<Vec<(Key, FaceId)>> = Mutex::new(Vec::new());

/// What identifies a found face: its file, its index in the file, and the
/// weight of its instance (as bits), if it is an instance.
type Key = (PathBuf, u32, Option<u32>);

/// The face numbered `id`. Panics for a number the registry never gave.
pub fn get(id: FaceId) -> &'static FaceInfo {
    if id < BUNDLED.len() {
        return SLOTS[id].get_or_init(|| Box::leak(Box::new(BUNDLED[id].info())));
    }
    SLOTS[id].get().expect("a face id comes from the registry")
}

impl FaceInfo {
    /// The face's tables and metrics, parsed on first use and kept.
    pub fn parsed(&'static self) -> &'static ttf_parser::Face<'static> {
        self.parsed.get_or_init(|| {
            let mut face = ttf_parser::Face::parse(self.data, self.index)
                .expect("faces are checked when registered");
            if let Some(weight) = self.weight {
                face.set_variation(ttf_parser::Tag::from_bytes(b"wght"), weight);
            }
            face
        })
    }

    /// Whether the family is a serif one, as far as vita knows: its
    /// bundled serif families, or one that says so in its name.
    pub fn is_serif(&self) -> bool {
        matches!(self.family.as_str(), "Charis SIL" | "EB Garamond")
            || self.family.contains("Serif")
    }
}

/// The number of the face `index` of the font file at `path`, if it is
/// registered.
pub(super) fn find(path: &Path, index: u32, weight: Option<f32>) -> Option<FaceId> {
    let known = BY_FILE.lock().unwrap_or_else(|e| e.into_inner());
    let weight = weight.map(f32::to_bits);
    known.iter().find(|((p, i, w), _)| p == path && *i == index && *w == weight).map(|(_, id)| *id)
}

/// The number of the face `index` of the font file at `path`, registering
/// it (with `make`, which reads the file) the first time. `None` when the
/// registry is full or `make` fails.
pub(super) fn register(
    path: &Path,
    (index, weight): (u32, Option<f32>),
    make: impl FnOnce() -> Option<FaceInfo>,
) -> Option<FaceId> {
    let mut known = BY_FILE.lock().unwrap_or_else(|e| e.into_inner());
    let key = (path.to_path_buf(), index, weight.map(f32::to_bits));
    if let Some((_, id)) = known.iter().find(|(k, _)| *k == key) {
        return Some(*id);
    }
    let id = BUNDLED.len() + NEXT.load(Ordering::Relaxed);
    if id >= MAX_FACES {
        return None;
    }
    let info = make()?;
    SLOTS[id].set(Box::leak(Box::new(info))).ok()?;
    NEXT.fetch_add(1, Ordering::Relaxed);
    known.push((key, id));
    Some(id)
}

/// Font files mapped so far, kept for the process.
static FILES: Mutex<Vec<(PathBuf, &'static [u8])>> = Mutex::new(Vec::new());

/// The bytes of a font file, mapped into memory once for the process and
/// kept: its faces are parsed with the 'static lifetime every reader of a
/// face needs. Mapping, not reading: a CJK collection is 20 MB or more, of
/// which a résumé touches the table directory, the cmap and a few hundred
/// glyphs; the pages it never touches are never read.
pub(super) fn file_bytes(path: &Path) -> Option<&'static [u8]> {
    let mut files = FILES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, data)) = files.iter().find(|(p, _)| p == path) {
        return Some(data);
    }
    let file = std::fs::File::open(path).ok()?;
    // SAFETY: the map is read-only and kept for the process. A font file
    // changed or cut short while vita runs could change or fault the bytes
    // under it, as for any program that maps its fonts (fontdb and typst
    // do too); fonts are installed, not edited in place.
    let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    let data: &'static [u8] = Box::leak(Box::new(map));
    files.push((path.to_path_buf(), data));
    Some(data)
}
