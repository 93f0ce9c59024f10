//! Rendering one résumé file: in each language `--lang` asks for (or its
//! own), with its theme, photo and `--fit-pages`, into outputs that are
//! written together or not at all. With several languages each output
//! carries its language (`cv.de.pdf`, `cv.en.pdf`).

use super::{RenderArgs, outputs, plural, resolve_theme, resume_dir, source_date_epoch};
use crate::diag::Diagnostic;
use crate::export::write_all_atomic;
use crate::limits::Limits;
use crate::render::{self, Format, Options};
use std::path::{Path, PathBuf};

/// What one render wrote.
pub(super) struct Written {
    pub files: Vec<PathBuf>,
    pub pages: usize,
    pub elapsed: std::time::Duration,
}

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<String> = self.files.iter().map(|p| p.display().to_string()).collect();
        let ms = self.elapsed.as_secs_f64() * 1000.0;
        write!(f, "{} ({} page{}, {ms:.0} ms)", names.join(", "), self.pages, plural(self.pages))
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
pub(super) fn render_file(
    args: &RenderArgs,
    path: &Path,
    base: &Path,
    note: &(dyn Fn(&str) + Sync),
) -> Result<Written, Diagnostic> {
    let started = std::time::Instant::now();
    // A render killed while putting its outputs in place is finished first.
    crate::export::journal::recover(base.parent().unwrap_or(Path::new(".")));
    let limits = args.limits.limits();
    let languages: Vec<Option<&str>> = match args.lang.len() {
        0 => vec![None],
        _ => args.lang.iter().map(|l| Some(l.as_str())).collect(),
    };
    let mut all = Vec::new();
    for lang in &languages {
        let base = match lang {
            Some(lang) if languages.len() > 1 => with_language(base, lang),
            _ => base.to_path_buf(),
        };
        all.push(render_language(args, path, base, *lang, &limits, note)?);
    }
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
    for o in &all {
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

/// `out/cv` → `out/cv.de`.
fn with_language(base: &Path, lang: &str) -> PathBuf {
    let mut name = base.as_os_str().to_owned();
    name.push(format!(".{lang}"));
    PathBuf::from(name)
}

/// The résumé in one language, rendered in memory.
fn render_language(
    args: &RenderArgs,
    path: &Path,
    base: PathBuf,
    lang: Option<&str>,
    limits: &Limits,
    note: &(dyn Fn(&str) + Sync),
) -> Result<Outputs, Diagnostic> {
    let (resume, notes) = crate::model::load_with(path, limits, lang)?;
    notes.iter().for_each(|w| note(w.to_string().trim_end()));
    let (mut theme, theme_files) = resolve_theme(args, path, &resume)?;
    // The photo's frame comes from the theme's header, which fitting leaves alone.
    let photo = render::load_photo_with(&resume, &theme, resume_dir(path), limits)
        .map_err(|d| at_image_key(d, path, limits.input_bytes))?;
    if let Some(n) = args.fit_pages {
        let fitted = render::fit_pages(&resume, &theme, n as usize, photo.as_ref())?;
        if !args.quiet {
            note(&match fitted.changes.is_empty() {
                true => format!("fits on {n} page{} as it is; nothing changed", plural(n as usize)),
                false => {
                    format!("fit to {n} page{}: {}", plural(n as usize), fitted.changes.join(", "))
                }
            });
        }
        theme = fitted.theme;
    }
    let mut formats = args.format.clone();
    formats.dedup();
    let opts = Options { formats, timestamp: source_date_epoch()?, photo, dpi: args.dpi as f32 };
    let rendered = render::render(&resume, &theme, &opts)
        .map_err(|d| if d.file.is_none() { d.in_file(path) } else { d })?;
    for w in &rendered.warnings {
        note(w.clone().in_file(path).to_string().trim_end());
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

/// A photo's problem, placed at the résumé's `image` key (the line to fix),
/// with the photo's own path kept in the message.
fn at_image_key(d: Diagnostic, resume: &Path, cap: u64) -> Diagnostic {
    let text = crate::input::read_regular(resume, cap).ok().and_then(|b| String::from_utf8(b).ok());
    let Some(text) = text else { return d };
    let key = if crate::model::json_resume::is_json(resume) { "\"image\"" } else { "image" };
    let Some(at) = crate::theme::find_key_or_member(&text, key) else { return d };
    let message = match &d.file {
        Some(photo) => format!("{} ({})", d.message, photo.display()),
        None => d.message.clone(),
    };
    Diagnostic { message, location: None, file: None, ..d }
        .in_file(resume)
        .at_span(&text, at..at + key.len())
}
