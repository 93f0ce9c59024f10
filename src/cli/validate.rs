//! `vita validate`: checks résumés and themes without rendering. Errors are
//! what `vita render` would refuse; warnings are likely mistakes
//! ([`crate::model::lint`]), each with its file, line and column.

use crate::compose::Styles;
use crate::diag::{Diagnostic, Severity};
use crate::fonts::FontBook;
use crate::model;
use crate::model::json_resume;
use crate::model::lint::{self, Finding, Seg};
use crate::model::locate::{Locator, Step};
use crate::theme::{Confine, Theme};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_help = "Errors are what `vita render` would refuse: bad syntax, unknown keys, \
impossible dates, a date range that ends before it starts, a theme that does not load. \
Warnings are likely mistakes: no e-mail address; an entry without dates in a section whose \
other entries mostly have them; a bullet over 400 characters; a photo file that is not there. \
A JSON Resume file (.json) is checked too, and fields vita would leave out are warnings.\n\n\
Exit status: 0 when every file is valid (warnings allowed), 1 with --strict when there are \
warnings, 2 when any file has an error. Nothing is written.")]
pub struct ValidateArgs {
    /// The files to check: résumés (TOML, or JSON Resume if the name ends
    /// in .json), cover letters and applications.
    #[arg(value_name = "FILE", default_value = "data/resume.toml")]
    pub files: Vec<PathBuf>,
    /// Also check a theme: a built-in name or a theme file (repeatable). A
    /// résumé's own `meta.theme` is always checked.
    #[arg(short, long, value_name = "NAME|PATH")]
    pub theme: Vec<String>,
    /// Exit with 1 when there are warnings (for CI and pre-commit hooks).
    #[arg(long)]
    pub strict: bool,
    /// Print only errors and warnings, not the line per valid file.
    #[arg(short, long)]
    pub quiet: bool,
}

pub(super) fn run(args: &ValidateArgs) -> ExitCode {
    let (mut errors, mut warnings) = (0, 0);
    let mut report = |label: &str, found: Vec<Diagnostic>| {
        let (e, w) = count(&found);
        found.iter().for_each(|d| crate::diag::eprint(&d.to_string()));
        if !args.quiet || e + w > 0 {
            crate::diag::eprintln(&format!("{label}: {}", summary(e, w)));
        }
        errors += e;
        warnings += w;
    };
    for file in &args.files {
        report(&file.display().to_string(), check_file(file));
    }
    for name in &args.theme {
        let found = check_theme(name, &Confine::default()).err().into_iter().collect();
        report(&format!("theme {name}"), found);
    }
    match (errors, warnings) {
        (0, 0) => ExitCode::SUCCESS,
        (0, _) if !args.strict => ExitCode::SUCCESS,
        (0, _) => ExitCode::from(1),
        _ => ExitCode::from(2),
    }
}

fn count(found: &[Diagnostic]) -> (usize, usize) {
    let errors = found.iter().filter(|d| d.severity == Severity::Error).count();
    (errors, found.len() - errors)
}

fn summary(errors: usize, warnings: usize) -> String {
    let n = |k: usize, what: &str| format!("{k} {what}{}", if k == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => "ok".into(),
        (0, w) => n(w, "warning"),
        (e, 0) => n(e, "error"),
        (e, w) => format!("{}, {}", n(e, "error"), n(w, "warning")),
    }
}

/// Everything wrong with a résumé, a letter or an application.
fn check_file(path: &Path) -> Vec<Diagnostic> {
    use crate::model::letter::{self, Application, Kind};
    let limits = crate::limits::Limits::default();
    match crate::job::letter::kind(path, &limits) {
        Kind::Resume => check_resume(path),
        Kind::Letter => check_letter(path, None),
        Kind::Application => {
            let app: Application = match letter::read(path, &limits) {
                Ok(app) => app,
                Err(e) => return vec![e],
            };
            let named = |name: &str, key: &str| crate::job::letter::existing(path, name, key);
            let mut overlays = Vec::new();
            for name in &app.overlay {
                match named(name, "overlay").and_then(|o| model::overlay::Layer::read(&o, &limits))
                {
                    Ok(layer) => overlays.push(layer),
                    Err(e) => return vec![e],
                }
            }
            let resume = match named(&app.resume, "resume") {
                Ok(resume) => resume,
                Err(e) => return vec![e],
            };
            let mut found = check_resume(&resume);
            match model::load_layered(&resume, &overlays, &limits, None, false) {
                Err(e) => found.push(e),
                Ok((r, _)) => {
                    if let Some(v) = app.variant.as_deref().filter(|v| !r.variants.contains_key(*v))
                    {
                        let names: Vec<&str> = r.variants.keys().map(String::as_str).collect();
                        let hint = crate::diag::unknown_name_hint(v, &names, "variants");
                        let d = Diagnostic::new(format!("the résumé has no variant `{v}`"));
                        found.push(crate::job::letter::at_key(d.with_hint(hint), path, "variant"));
                    }
                }
            }
            if let Some(name) = &app.letter {
                match named(name, "letter") {
                    Ok(l) => found.extend(check_letter(&l, Some(&resume))),
                    Err(e) => found.push(e),
                }
            }
            found
        }
    }
}

/// Everything wrong with a letter: it reads, its body is not empty, and
/// the résumé (`resume`, or the one it names) and its signature are there.
fn check_letter(path: &Path, resume: Option<&Path>) -> Vec<Diagnostic> {
    use crate::model::letter::{self, Letter};
    let limits = crate::limits::Limits::default();
    let l: Letter = match letter::read(path, &limits) {
        Ok(l) => l,
        Err(e) => return vec![e],
    };
    let mut found = Vec::new();
    if l.body.trim().is_empty() {
        let d = Diagnostic::new("the letter's `body` is empty");
        found.push(crate::job::letter::at_key(d, path, "body"));
    }
    if let Some(name) = &l.signature
        && let Err(e) = crate::job::letter::existing(path, name, "signature")
    {
        found.push(e);
    }
    if resume.is_none() {
        match crate::job::letter::existing(path, &l.resume, "resume") {
            Ok(r) => {
                found.extend(check_resume(&r).into_iter().filter(|d| d.severity == Severity::Error))
            }
            Err(e) => found.push(e),
        }
    }
    found
}

/// Everything wrong with one résumé: its load error, or its import
/// warnings, lint findings and theme problems.
fn check_resume(path: &Path) -> Vec<Diagnostic> {
    let (resume, mut found) = match model::load_with_warnings(path) {
        Ok(loaded) => loaded,
        Err(e) => return vec![e],
    };
    // Read again for places only; the load above checked it.
    let bytes = crate::input::read_regular(path, crate::limits::DEFAULT_INPUT_BYTES);
    let text = String::from_utf8(bytes.unwrap_or_default()).unwrap_or_default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let locate = Locator::new(text, json_resume::is_json(path));
    // A multilingual file is read in each of its languages: what one of
    // them lacks is reported once.
    let limits = crate::limits::Limits::default();
    let default = resume.meta.language.clone().unwrap_or_else(|| "en".into());
    let others = model::load::languages(text, path).into_iter();
    for lang in others.filter(|l| !model::translations::same_language(l, &default)) {
        match model::load_with(path, &limits, Some(&lang)) {
            Ok((_, more)) => {
                found.extend(more.into_iter().filter(|d| !found.contains(d)).collect::<Vec<_>>())
            }
            Err(e) => found.push(e),
        }
    }
    for f in lint::lint(&resume) {
        found.push(warning(path, text, &locate, &f));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    if let Some(image) = &resume.basics.image
        && !dir.join(image).is_file()
    {
        let f = Finding {
            path: vec![Seg::Key("basics"), Seg::Key("image")],
            message: format!("the photo `{image}` is not there"),
            hint: "the path is relative to the résumé; themes that show a photo will refuse it"
                .into(),
        };
        found.push(warning(path, text, &locate, &f));
    }
    if let Some(name) = &resume.meta.theme
        && let Err(e) = check_resume_theme(name, dir)
    {
        found.push(e);
    }
    found
}

/// `meta.theme` names a built-in theme, or a file relative to the résumé
/// that must lie in its folder, as `vita render` requires.
fn check_resume_theme(name: &str, dir: &Path) -> Result<(), Diagnostic> {
    if crate::theme::BUILTIN.iter().any(|(n, _)| *n == name) {
        return check_theme(name, &Confine::default());
    }
    let file = crate::limits::confine(name, dir, &[], "meta.theme")?;
    let confine = Confine { root: Some(dir.to_path_buf()), allowed: Vec::new() };
    check_theme(&file.to_string_lossy(), &confine)
}

/// A theme loads, and every font it names is bundled.
fn check_theme(name: &str, confine: &Confine) -> Result<(), Diagnostic> {
    let theme = Theme::resolve_confined(name, &[], confine)?;
    Styles::resolve(&theme, &FontBook::new()).map(|_| ())
}

fn warning(file: &Path, text: &str, locate: &Locator, f: &Finding) -> Diagnostic {
    let d = Diagnostic::warning(format!("{}: {}", f.path_text(), f.message))
        .in_file(file)
        .with_hint(f.hint.clone());
    let steps: Vec<Step> = f.path.iter().map(Step::from).collect();
    match locate.span(&steps) {
        Some(span) => d.at_span(text, span),
        None => d,
    }
}
