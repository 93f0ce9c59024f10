//! A render request, resolved once from the command line, and carried out:
//! which theme (`--theme`, else the résumé's `meta.theme`, else classic)
//! with which overrides, in which languages and formats, under which
//! limits; then each résumé rendered in memory, in each language, checked
//! against the page limit, named, guarded against replacing an input, and
//! written together or not at all, with stale previews removed. The
//! command line only parses flags into [`Settings`] and reports.

pub mod letter;
pub mod outputs;
pub mod variant;

use crate::diag::Diagnostic;
use crate::export::write_all_atomic;
use crate::fonts::FontBook;
use crate::limits::Limits;
use crate::model::Resume;
use crate::model::letter::Kind;
use crate::model::locate::Locator;
use crate::render::{self, Format, Options};
use crate::theme::{self, Override, Theme};
use std::path::{Path, PathBuf};

/// What every résumé of one `vita render` shares.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `--theme`: a built-in name or a file; `None` lets each résumé choose.
    pub theme: Option<String>,
    /// Theme keys set by flags, applied in order after the theme's own.
    pub overrides: Vec<Override>,
    /// The outputs to write.
    pub formats: Vec<Format>,
    /// Resolution of PNG previews, pixels per inch.
    pub dpi: f32,
    /// Shrink until the résumé fits on this many pages.
    pub fit_pages: Option<usize>,
    /// The languages to render in; empty means the résumé's own.
    pub languages: Vec<String>,
    /// Resource limits, and the folders a résumé may read from.
    pub limits: Limits,
    /// The PDF's creation date, seconds since the Unix epoch.
    pub timestamp: i64,
    /// Say nothing but warnings and errors.
    pub quiet: bool,
    /// `--font-path`: folders of fonts, searched in order before
    /// `VITA_FONT_PATHS`, a `fonts/` folder beside the résumé and the
    /// system's fonts.
    pub font_paths: Vec<PathBuf>,
    /// `--tags`: the entries to show, by their tags; `None` shows all.
    pub selection: Option<crate::model::select::Selection>,
    /// `--variant`: the version of the résumé to render, or `all`.
    pub variant: Option<String>,
    /// `--public`: leave out what the résumé marks `private`.
    pub public: bool,
    /// `--overlay`: files merged over the résumé, in order.
    pub overlays: Vec<PathBuf>,
    /// `--combine`: a letter's PDF and text hold the résumé after it.
    pub combine: bool,
    /// `--no-tags`: how the PDF is written.
    pub pdf: crate::export::pdf::Profile,
}

/// What one render wrote.
pub struct Written {
    /// Every file written, in order.
    pub files: Vec<PathBuf>,
    /// The pages of the longest language's PDF.
    pub pages: usize,
    /// From the start of the render to the last file in place.
    pub elapsed: std::time::Duration,
}

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<String> = self.files.iter().map(|p| p.display().to_string()).collect();
        let ms = self.elapsed.as_secs_f64() * 1000.0;
        match self.pages {
            // Text and Markdown alone lay out no pages.
            0 => write!(f, "{} ({ms:.0} ms)", names.join(", ")),
            n => write!(f, "{} ({n} page{}, {ms:.0} ms)", names.join(", "), plural(n)),
        }
    }
}

/// One language's outputs, not yet written.
struct Outputs {
    /// Where the outputs go, without the extension.
    base: PathBuf,
    files: Vec<(PathBuf, Vec<u8>)>,
    /// The files the render read, which no output may replace.
    inputs: Vec<(&'static str, PathBuf)>,
    pages: usize,
}

/// Renders the résumé at `path` in each language of `--lang` (or in its
/// own) and writes the outputs next to `base` (`out/cv` → out/cv.pdf,
/// out/cv.txt, out/cv-1.png…; out/cv.de.pdf… with several languages), all
/// or nothing. Messages on the way (fitting, warnings) go to `note`.
///
/// A cover letter (`model::letter`) renders as a letter, and an
/// application as everything it names ([`letter`]).
pub fn render_file(
    settings: &Settings,
    path: &Path,
    base: &Path,
    note: &(dyn Fn(&str) + Sync),
) -> Result<Written, Diagnostic> {
    let started = std::time::Instant::now();
    // A render killed while putting its outputs in place is finished first.
    crate::export::journal::recover(base.parent().unwrap_or(Path::new(".")));
    let all = match letter::kind(path, &settings.limits) {
        Kind::Resume => resume_outputs(settings, path, base, (note, true))?,
        Kind::Letter => letter::letter_outputs(settings, path, base, note)?,
        Kind::Application => letter::application_outputs(settings, path, base, note)?,
    };
    write_outputs(&all, base, started)
}

/// The résumé at `path` rendered in memory: in each language and variant
/// the settings ask for, each set of outputs named from `base`, with the
/// variant's name after it when `suffix` (an application's one variant
/// goes without).
fn resume_outputs(
    settings: &Settings,
    path: &Path,
    base: &Path,
    (note, suffix): (&(dyn Fn(&str) + Sync), bool),
) -> Result<Vec<Outputs>, Diagnostic> {
    let languages: Vec<Option<&str>> = match settings.languages.len() {
        0 => vec![None],
        _ => settings.languages.iter().map(|l| Some(l.as_str())).collect(),
    };
    let mut all = Vec::new();
    // Each version (variant) in each language: out/cv.backend.de.pdf.
    for version in variant::versions(settings, path)? {
        let base = match &version {
            Some(name) if suffix => with_suffix(base, name),
            _ => base.to_path_buf(),
        };
        for lang in &languages {
            let base = match lang {
                Some(lang) if languages.len() > 1 => with_suffix(&base, lang),
                _ => base.clone(),
            };
            let version = (*lang, version.as_deref());
            all.push(render_language(settings, path, base, version, note)?);
        }
    }
    Ok(all)
}

/// Writes every output of `all` into place together, or none; `base`
/// names the folder.
fn write_outputs(
    all: &[Outputs],
    base: &Path,
    started: std::time::Instant,
) -> Result<Written, Diagnostic> {
    let folder = base.parent().unwrap_or(Path::new("."));
    if folder.exists() && !folder.is_dir() {
        return Err(Diagnostic::new("the output path is a file, not a folder")
            .in_file(folder)
            .with_hint("-o names the folder the PDF and text go into"));
    }
    std::fs::create_dir_all(folder).map_err(|e| {
        Diagnostic::new(format!("cannot create the output folder: {e}"))
            .in_file(folder)
            .with_hint("choose another folder with -o DIR")
    })?;
    let names: Vec<PathBuf> =
        all.iter().flat_map(|o| o.files.iter().map(|(p, _)| p.clone())).collect();
    let inputs: Vec<(&str, PathBuf)> = all.iter().flat_map(|o| o.inputs.clone()).collect();
    outputs::guard(&names, &inputs)?;
    let files: Vec<(PathBuf, &[u8])> =
        all.iter().flat_map(|o| o.files.iter().map(|(p, b)| (p.clone(), &b[..]))).collect();
    write_all_atomic(&files).map_err(|(path, e)| {
        Diagnostic::new(format!("cannot write output: {e}"))
            .in_file(&path)
            .with_hint("check that the folder is writable, or choose another with -o DIR")
    })?;
    for o in all {
        let previews = o.files.iter().filter(|(p, _)| p.extension().is_some_and(|e| e == "png"));
        let previews = previews.count();
        if previews > 0 {
            // Previews of pages the résumé no longer has would mislead.
            outputs::remove_stale_previews(&o.base, previews);
        }
    }
    let pages = all.iter().map(|o| o.pages).max().unwrap_or(0);
    Ok(Written { files: names, pages, elapsed: started.elapsed() })
}

/// A theme error that starts with its key (`` `fonts.body.family`: … ``),
/// placed at that key in the first theme file that sets it.
fn at_theme_key(d: Diagnostic, files: &[PathBuf]) -> Diagnostic {
    let Some(key) = d.message.strip_prefix('`').and_then(|m| m.split_once('`')).map(|(k, _)| k)
    else {
        return d;
    };
    for file in files {
        let Ok(bytes) = crate::input::read_regular(file, theme::MAX_THEME_BYTES) else { continue };
        let text = String::from_utf8_lossy(&bytes);
        // toml's spanned document finds the key only where the file sets it.
        if let Some(span) = crate::model::locate::Locator::new(&text, false).span_of(key) {
            return d.in_file(file).at_span(&text, span);
        }
    }
    d
}

/// `out/cv` → `out/cv.de` (a language), `out/cv.backend` (a variant).
fn with_suffix(base: &Path, suffix: &str) -> PathBuf {
    let mut name = base.as_os_str().to_owned();
    name.push(format!(".{suffix}"));
    PathBuf::from(name)
}

/// A résumé read, tailored and themed for one render.
struct Prepared {
    resume: Resume,
    theme: Theme,
    /// The theme's files, which no output may replace.
    theme_files: Vec<PathBuf>,
    photo: Option<std::sync::Arc<crate::photo::Photo>>,
    /// The settings, with a variant's changes.
    settings: Settings,
}

/// Reads the résumé at `path` in `lang`, as `version` (a variant) and the
/// settings tailor it, with its theme (fitted when asked) and its photo.
///
/// Without `fit`, the theme is not fitted to a page count (a letter reads
/// the résumé for its header and styles only).
fn prepare(
    settings: &Settings,
    path: &Path,
    (lang, version): (Option<&str>, Option<&str>),
    (note, fit): (&(dyn Fn(&str) + Sync), bool),
) -> Result<Prepared, Diagnostic> {
    let limits = &settings.limits;
    let layers = settings.layers()?;
    let load = |public| crate::model::load_layered(path, &layers, limits, lang, public);
    let (mut resume, mut notes) = load(settings.public)?;
    // A variant may make the render public: the résumé is read again so.
    let public_variant = version.and_then(|v| resume.variants.get(v)).is_some_and(|v| v.public);
    if public_variant && !settings.public {
        (resume, notes) = load(true)?;
    }
    let tailored = match version {
        Some(name) => Some(variant::tailor(settings, path, &mut resume, name)?),
        None => None,
    };
    let settings = tailored.as_ref().map_or(settings, |t| &t.settings);
    if let Some(selection) = &settings.selection {
        selection.apply(&mut resume);
    }
    notes.iter().for_each(|w| note(w.to_string().trim_end()));
    let (mut theme, theme_files) = settings.resolve_theme(path, &resume)?;
    if let Some(t) = &tailored {
        variant::order_sections(&mut theme, &t.sections);
    }
    // The photo's frame comes from the theme's header, which fitting leaves alone.
    let photo = render::load_photo_with(&resume, &theme, resume_dir(path), limits)
        .map_err(|d| at_image_key(d, path, &settings.overlays, limits.input_bytes))?;
    if let Some(n) = settings.fit_pages.filter(|_| fit) {
        let book = settings.font_book(path);
        let fitted = render::fit_pages(&resume, &theme, n, photo.as_ref(), &book)?;
        if !settings.quiet {
            note(&match fitted.changes.is_empty() {
                true => format!("fits on {n} page{} as it is; nothing changed", plural(n)),
                false => format!("fit to {n} page{}: {}", plural(n), fitted.changes.join(", ")),
            });
        }
        theme = fitted.theme;
    }
    let settings = settings.clone();
    Ok(Prepared { resume, theme, theme_files, photo, settings })
}

/// The résumé in one language (and one variant, if any), rendered in
/// memory.
fn render_language(
    settings: &Settings,
    path: &Path,
    base: PathBuf,
    version: (Option<&str>, Option<&str>),
    note: &(dyn Fn(&str) + Sync),
) -> Result<Outputs, Diagnostic> {
    let Prepared { resume, theme, theme_files, photo, settings } =
        prepare(settings, path, version, (note, true))?;
    let settings = &settings;
    let limits = &settings.limits;
    let mut formats = settings.formats.clone();
    formats.dedup();
    let font_dirs = settings.font_dirs(path);
    let (timestamp, dpi, pdf) = (settings.timestamp, settings.dpi, settings.pdf);
    let opts = Options { formats, timestamp, photo, dpi, font_dirs, pdf };
    let rendered = render::render(&resume, &theme, &opts)
        .map_err(|d| if d.file.is_none() { d.in_file(path) } else { d })?;
    if !rendered.warnings.is_empty() {
        let text = crate::input::read_regular(path, limits.input_bytes).unwrap_or_default();
        let text = String::from_utf8_lossy(&text);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let locate = Locator::new(text, crate::model::json_resume::is_json(path));
        for (field, w) in &rendered.warnings {
            let mut d = w.clone().in_file(path);
            if let Some(span) = field.as_deref().and_then(|f| locate.span_of(f)) {
                d = d.at_span(text, span);
            }
            note(d.to_string().trim_end());
        }
    }
    if rendered.truncated || rendered.pages > limits.pages {
        let most = limits.pages.min(rendered.pages);
        return Err(Diagnostic::new(format!(
            "the résumé needs more than {most} page{}, the most vita lays out",
            plural(most)
        ))
        .in_file(path)
        .with_hint(format!(
            "shorten it, or raise the limit with --max-pages N (at most {})",
            crate::limits::MAX_PAGES
        )));
    }
    let names = outputs::names(&base, rendered.outputs.iter().map(|(f, _)| *f));
    let mut inputs = vec![("the résumé", path.to_path_buf())];
    inputs.extend(settings.overlays.iter().map(|f| ("an overlay", f.clone())));
    inputs.extend(theme_files.into_iter().map(|f| ("a theme file", f)));
    if let Some(image) = &resume.basics.image {
        inputs.push(("the photo", resume_dir(path).join(image)));
    }
    // Previews carry vita's mark, so only they are ever removed as stale.
    let files = names
        .into_iter()
        .zip(rendered.outputs)
        .map(|(name, (f, b))| (name, if f == Format::Png { outputs::mark_preview(b) } else { b }))
        .collect();
    Ok(Outputs { base, files, inputs, pages: rendered.pages })
}

/// A photo's problem, placed at the `image` key that names it (the line
/// to fix): in the last overlay that sets it, else in the résumé; the
/// photo's own path is kept in the message.
fn at_image_key(d: Diagnostic, resume: &Path, overlays: &[PathBuf], cap: u64) -> Diagnostic {
    let message = match &d.file {
        Some(photo) => format!("{} ({})", d.message, photo.display()),
        None => d.message.clone(),
    };
    for file in overlays.iter().rev().map(PathBuf::as_path).chain([resume]) {
        let text =
            crate::input::read_regular(file, cap).ok().and_then(|b| String::from_utf8(b).ok());
        let Some(text) = text else { continue };
        let json = crate::model::json_resume::is_json(file);
        let at = if json {
            crate::theme::find_key_or_member(&text, "\"image\"").map(|at| at..at + 7)
        } else {
            Locator::new(&text, false).span_of("basics.image")
        };
        // Only where the file sets the key itself, not its table alone.
        if let Some(at) = at.filter(|at| text[at.clone()].contains("image")) {
            let d = Diagnostic { message, location: None, file: None, ..d };
            return d.in_file(file).at_span(&text, at);
        }
    }
    Diagnostic { message, ..d }
}

impl Settings {
    /// The overlays of `--overlay`, read.
    pub fn layers(&self) -> Result<Vec<crate::model::overlay::Layer>, Diagnostic> {
        let read = |p: &PathBuf| crate::model::overlay::Layer::read(p, &self.limits);
        self.overlays.iter().map(read).collect()
    }

    /// The folders of fonts for the résumé at `path`: `--font-path`,
    /// `VITA_FONT_PATHS`, then `fonts/` beside the résumé.
    pub fn font_dirs(&self, path: &Path) -> Vec<PathBuf> {
        crate::fonts::found::user_dirs(&self.font_paths, Some(resume_dir(path)))
    }

    /// The font book for the résumé at `path`.
    pub fn font_book(&self, path: &Path) -> FontBook {
        FontBook::with_dirs(self.font_dirs(path))
    }

    /// The theme a render uses: `--theme`, else the résumé's `meta.theme`
    /// (relative to the résumé, and inside its folder), else the default;
    /// then the overrides. Returns the theme files it read, which no
    /// output may replace.
    pub fn resolve_theme(
        &self,
        path: &Path,
        resume: &Resume,
    ) -> Result<(Theme, Vec<PathBuf>), Diagnostic> {
        let name = self.theme_name(path, resume);
        let allowed = &self.limits.allowed;
        if let (None, Some(named)) = (&self.theme, &resume.meta.theme)
            && !theme::BUILTIN.iter().any(|(n, _)| n == named)
        {
            crate::limits::confine(named, resume_dir(path), allowed, "meta.theme")?;
        }
        // What an `extends` may name: files beside the résumé for its own
        // `meta.theme`, beside the theme file for --theme.
        let confine = theme::Confine {
            root: self.theme.is_none().then(|| resume_dir(path).to_path_buf()),
            allowed: allowed.clone(),
        };
        let (theme, files) = Theme::resolve_tracked(&name, &self.overrides, &confine)?;
        // A family without the faces a role needs is caught here rather
        // than mid-render.
        crate::compose::Styles::resolve(&theme, &self.font_book(path))
            .map_err(|d| at_theme_key(d, &files))?;
        Ok((theme, files))
    }

    /// The built-in name or file path of the theme for the résumé at `path`.
    pub fn theme_name(&self, path: &Path, resume: &Resume) -> String {
        match (&self.theme, &resume.meta.theme) {
            (Some(flag), _) => flag.clone(),
            (None, Some(named)) if theme::BUILTIN.iter().any(|(n, _)| n == named) => named.clone(),
            // A file, relative to the résumé.
            (None, Some(named)) => resume_dir(path).join(named).to_string_lossy().into_owned(),
            (None, None) => theme::DEFAULT_THEME.to_string(),
        }
    }
}

/// The folder a résumé's relative paths start from.
pub fn resume_dir(path: &Path) -> &Path {
    crate::input::folder_of(path)
}

/// "s" after a count other than one.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
