//! Fonts found on disk: the folders the user names (`--font-path`,
//! `VITA_FONT_PATHS`, a `fonts/` folder beside the résumé) and the system's
//! fonts, listed through fontdb, a maintained font database that reads
//! TrueType, OpenType/CFF and collections and knows where each platform
//! keeps its fonts. Listing reads only each file's name tables; a face's
//! bytes are read when it is first used. The system's list is made once per
//! process, and only when a family or a character is not among the
//! bundled faces.

use super::registry::{self, FaceId, FaceInfo, Origin};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The system's fonts, once listed.
static SYSTEM: OnceLock<Catalog> = OnceLock::new();

/// Whether this process has listed the system's fonts (a render whose
/// families and characters are all bundled never does).
pub fn system_listed() -> bool {
    SYSTEM.get().is_some()
}

/// One face a folder holds, not yet read.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Its family name (English where the font has several).
    pub family: String,
    /// Whether it is bold (weight 600 or more).
    pub bold: bool,
    /// Whether it is italic or oblique.
    pub italic: bool,
    /// Its PostScript name.
    pub postscript_name: String,
    /// The font file.
    pub path: PathBuf,
    /// The face's index in the file (a collection holds several).
    pub index: u32,
    /// Found in the system's fonts, rather than a folder the user named.
    pub system: bool,
    /// For an instance of a variable face, its weight on the `wght` axis.
    pub weight: Option<f32>,
}

/// The faces of some folders, in the order the folders were given.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Every face found.
    pub faces: Vec<Candidate>,
}

impl Catalog {
    /// The faces of `dirs`, each searched recursively; a folder that does
    /// not exist adds nothing.
    pub fn of_dirs(dirs: &[PathBuf]) -> Catalog {
        let mut db = fontdb::Database::new();
        for dir in dirs {
            db.load_fonts_dir(dir);
        }
        Catalog::from_db(&db, false)
    }

    /// The system's fonts, listed on first use and kept for the process.
    pub fn system() -> &'static Catalog {
        SYSTEM.get_or_init(|| {
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            Catalog::from_db(&db, true)
        })
    }

    fn from_db(db: &fontdb::Database, system: bool) -> Catalog {
        let mut faces: Vec<Candidate> = db
            .faces()
            .filter_map(|f| {
                let fontdb::Source::File(path) = &f.source else { return None };
                let family = f.families.first()?.0.clone();
                Some(Candidate {
                    family,
                    bold: f.weight.0 >= 600,
                    italic: f.style != fontdb::Style::Normal,
                    postscript_name: f.post_script_name.clone(),
                    path: path.clone(),
                    index: f.index,
                    system,
                    weight: None,
                })
            })
            .collect();
        // The same order on every machine and run: by family, then by path.
        faces.sort_by(|a, b| (&a.family, &a.path, a.index).cmp(&(&b.family, &b.path, b.index)));
        Catalog { faces }
    }

    /// The face of `family` closest to the style asked for: exact; else,
    /// for bold, the bold instance of a variable face of the family (its
    /// `wght` axis at 700); else the same weight upright, else regular,
    /// else any face of the family.
    pub fn closest(&self, family: &str, bold: bool, italic: bool) -> Option<Candidate> {
        let in_family: Vec<&Candidate> =
            self.faces.iter().filter(|c| c.family.eq_ignore_ascii_case(family)).collect();
        let find = |b: bool, i: bool| in_family.iter().find(|c| c.bold == b && c.italic == i);
        if let Some(exact) = find(bold, italic) {
            return Some((*exact).clone());
        }
        let instance = || [italic, false].into_iter().find_map(|i| find(false, i)?.bold_instance());
        if let Some(bold) = instance().filter(|_| bold) {
            return Some(bold);
        }
        [(bold, false), (false, false)]
            .into_iter()
            .find_map(|(b, i)| find(b, i))
            .or(in_family.first())
            .map(|c| (*c).clone())
    }
}

/// The weight of bold on a variable font's `wght` axis.
const BOLD_WEIGHT: f32 = 700.0;

/// Why a found face cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum Unusable {
    /// The file could not be read, or is not a font.
    Unreadable,
    /// Its outlines are CFF2 (variable PostScript outlines), which vita
    /// cannot embed yet.
    Cff2,
}

impl Candidate {
    /// Whether the face maps `c` to a glyph, from its cmap (the file is
    /// mapped, and only the pages of its cmap are read).
    pub fn covers(&self, c: char) -> bool {
        let ranges = self.coverage();
        let c = c as u32;
        let at = ranges.partition_point(|&(_, last)| last < c);
        ranges.get(at).is_some_and(|&(first, _)| first <= c)
    }

    /// The characters the face maps, as sorted ranges, learnt once per
    /// process from its cmap: a search for a character that no font has
    /// then reads each file once, not once per character.
    fn coverage(&self) -> std::sync::Arc<Vec<(u32, u32)>> {
        type Known = Vec<((PathBuf, u32), std::sync::Arc<Vec<(u32, u32)>>)>;
        static KNOWN: std::sync::Mutex<Known> = std::sync::Mutex::new(Vec::new());
        let key = (self.path.clone(), self.index);
        if let Some((_, r)) =
            KNOWN.lock().unwrap_or_else(|e| e.into_inner()).iter().find(|(k, _)| *k == key)
        {
            return std::sync::Arc::clone(r);
        }
        let read = |data: &[u8]| -> Vec<(u32, u32)> {
            let Ok(face) = ttf_parser::Face::parse(data, self.index) else { return Vec::new() };
            let mut points: Vec<u32> = Vec::new();
            for table in face.tables().cmap.iter().flat_map(|c| c.subtables) {
                if table.is_unicode() {
                    table.codepoints(|c| points.push(c));
                }
            }
            points.sort_unstable();
            points.dedup();
            let mut ranges: Vec<(u32, u32)> = Vec::new();
            for p in points {
                match ranges.last_mut() {
                    Some((_, last)) if *last + 1 == p => *last = p,
                    _ => ranges.push((p, p)),
                }
            }
            ranges
        };
        let ranges =
            std::sync::Arc::new(registry::file_bytes(&self.path).map(read).unwrap_or_default());
        KNOWN.lock().unwrap_or_else(|e| e.into_inner()).push((key, std::sync::Arc::clone(&ranges)));
        ranges
    }

    /// The bold instance of this face, if it is variable with a `wght`
    /// axis that reaches 700.
    fn bold_instance(&self) -> Option<Candidate> {
        let data = registry::file_bytes(&self.path)?;
        let face = ttf_parser::Face::parse(data, self.index).ok()?;
        let wght = ttf_parser::Tag::from_bytes(b"wght");
        let axis = face.variation_axes().into_iter().find(|a| a.tag == wght)?;
        let weight = BOLD_WEIGHT.clamp(axis.min_value, axis.max_value);
        (weight >= 600.0 && face.tables().glyf.is_some()).then(|| Candidate {
            bold: true,
            weight: Some(weight),
            ..self.clone()
        })
    }

    /// The face in the registry, reading its file the first time.
    pub fn open(&self) -> Result<FaceId, Unusable> {
        if let Some(id) = registry::find(&self.path, self.index, self.weight) {
            return Ok(id);
        }
        let data = registry::file_bytes(&self.path).ok_or(Unusable::Unreadable)?;
        let face = ttf_parser::Face::parse(data, self.index).map_err(|_| Unusable::Unreadable)?;
        if face.tables().glyf.is_none() && face.tables().cff.is_none() {
            return Err(Unusable::Cff2);
        }
        let origin = match self.system {
            true => Origin::System(self.path.clone()),
            false => Origin::User(self.path.clone()),
        };
        let info = || {
            Some(FaceInfo::new(
                self.family.clone(),
                self.bold,
                self.italic,
                self.postscript_name.clone(),
                (data, self.index, self.weight),
                origin,
            ))
        };
        registry::register(&self.path, (self.index, self.weight), info).ok_or(Unusable::Unreadable)
    }
}

/// The folders a résumé's fonts are looked for in, in order: those given
/// with `--font-path`, then those in `VITA_FONT_PATHS` (separated as the
/// platform separates `PATH`), then `fonts/` beside the résumé.
pub fn user_dirs(flags: &[PathBuf], resume_dir: Option<&Path>) -> Vec<PathBuf> {
    let mut dirs = flags.to_vec();
    if let Some(env) = std::env::var_os("VITA_FONT_PATHS") {
        dirs.extend(std::env::split_paths(&env).filter(|p| !p.as_os_str().is_empty()));
    }
    if let Some(dir) = resume_dir {
        let beside = dir.join("fonts");
        if beside.is_dir() {
            dirs.push(beside);
        }
    }
    dirs
}
