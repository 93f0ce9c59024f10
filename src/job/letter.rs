//! Cover letters and applications, carried out. A letter file is read with
//! the résumé it names, which gives it the sender, the theme and the
//! language; it is laid out on one page (or fitted with `--fit-pages`) and
//! written as a PDF, a .txt and previews, or with `--combine` as one PDF
//! and one text of the letter, then the résumé. An application file
//! renders what it names — the résumé as its variant and overlays make it,
//! and its letter — all named after the application, all written or none.

use super::{
    Outputs, Prepared, Settings, plural, prepare, resume_dir, resume_outputs, with_suffix,
};
use crate::compose::describe::describe;
use crate::compose::letter::{LetterText, Signature, describe_letter};
use crate::diag::Diagnostic;
use crate::export::text;
use crate::layout::Document;
use crate::limits::Limits;
use crate::locale::Locale;
use crate::model::letter::{self, Application, Kind, Letter, beside};
use crate::render::{self, Format, Options};
use crate::theme::{Theme, mm};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How wide a signature is set at most, in millimetres.
const SIGNATURE_MM: f32 = 40.0;

/// How tall a signature is set at most, in millimetres: a tall picture is
/// set narrower.
const SIGNATURE_HEIGHT_MM: f32 = 20.0;

/// Which kind of file `path` is; a file that cannot be read is taken for a
/// résumé, whose reader reports why.
pub(crate) fn kind(path: &Path, limits: &Limits) -> Kind {
    match crate::input::read_regular(path, limits.input_bytes) {
        Ok(bytes) => letter::kind(path, &String::from_utf8_lossy(&bytes)),
        Err(_) => Kind::Resume,
    }
}

/// The letter at `path`, rendered in memory and named from `base`.
pub(super) fn letter_outputs(
    settings: &Settings,
    path: &Path,
    base: &Path,
    note: &(dyn Fn(&str) + Sync),
) -> Result<Vec<Outputs>, Diagnostic> {
    letter_with(settings, path, None, base, note).map(|o| vec![o])
}

/// The application at `path`: its résumé (as `base`.pdf…) and its letter
/// (`base`.letter.pdf…), or with `combine` one set of both.
pub(super) fn application_outputs(
    settings: &Settings,
    path: &Path,
    base: &Path,
    note: &(dyn Fn(&str) + Sync),
) -> Result<Vec<Outputs>, Diagnostic> {
    let app: Application = letter::read(path, &settings.limits)?;
    let resume = existing(path, &app.resume, "resume")?;
    let mut s = settings.clone();
    // The application's overlays first, then any given on the command line.
    let mut overlays = Vec::new();
    for name in &app.overlay {
        overlays.push(existing(path, name, "overlay")?);
    }
    overlays.append(&mut s.overlays);
    s.overlays = overlays;
    if let (Some(name), None) = (&app.variant, &s.variant) {
        // An unknown variant is the application's mistake: said at its line.
        let layers = s.layers()?;
        let (r, _) = crate::model::load_layered(&resume, &layers, &s.limits, None, false)?;
        if !r.variants.contains_key(name) {
            let names: Vec<&str> = r.variants.keys().map(String::as_str).collect();
            let hint = crate::diag::unknown_name_hint(name, &names, "variants");
            let d = Diagnostic::new(format!("the résumé has no variant `{name}`")).with_hint(hint);
            return Err(at_key(d, path, "variant"));
        }
        s.variant = Some(name.clone());
    }
    s.combine |= app.combine;
    let mut all = match &app.letter {
        Some(name) => {
            let letter = existing(path, name, "letter")?;
            if s.combine {
                vec![letter_with(&s, &letter, Some(&resume), base, note)?]
            } else {
                let mut all = resume_outputs(&s, &resume, base, (note, false))?;
                let named = with_suffix(base, "letter");
                all.push(letter_with(&s, &letter, Some(&resume), &named, note)?);
                all
            }
        }
        None => resume_outputs(&s, &resume, base, (note, false))?,
    };
    for outputs in &mut all {
        outputs.inputs.push(("the application", path.to_path_buf()));
    }
    Ok(all)
}

/// `name`, relative to `file`, which must exist; else an error at the key
/// `key` of `file`.
pub(crate) fn existing(file: &Path, name: &str, key: &str) -> Result<PathBuf, Diagnostic> {
    let path = beside(file, name);
    if path.is_file() {
        return Ok(path);
    }
    let d = Diagnostic::new(format!("`{key}` names {}, which is not a file", path.display()))
        .with_hint(format!("`{key}` is relative to this file's folder"));
    Err(at_key(d, file, key))
}

/// `d`, placed at the key `key` of the TOML file `file` when it has it.
pub(crate) fn at_key(d: Diagnostic, file: &Path, key: &str) -> Diagnostic {
    let d = d.in_file(file);
    let text = std::fs::read_to_string(file).unwrap_or_default();
    match crate::model::locate::Locator::new(&text, false).span_of(key) {
        Some(span) => d.at_span(&text, span),
        None => d,
    }
}

/// The letter at `path` with the résumé it names (or `resume`, an
/// application's), rendered in memory and named from `base`.
fn letter_with(
    settings: &Settings,
    path: &Path,
    resume: Option<&Path>,
    base: &Path,
    note: &(dyn Fn(&str) + Sync),
) -> Result<Outputs, Diagnostic> {
    let letter: Letter = letter::read(path, &settings.limits)?;
    if letter.body.trim().is_empty() {
        let d = Diagnostic::new("the letter's `body` is empty")
            .with_hint("write the letter in `body`, a blank line between paragraphs");
        return Err(at_key(d, path, "body"));
    }
    let resume_path = match resume {
        Some(r) => {
            // An application's résumé wins over the one the letter names.
            let own = beside(path, &letter.resume);
            let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
                (Ok(a), Ok(b)) => a == b,
                _ => a == b,
            };
            if !same(&own, r) {
                let d = Diagnostic::warning(format!(
                    "the letter names {}, but the application's résumé {} is used",
                    own.display(),
                    r.display()
                ))
                .with_hint("name the same résumé in both, or leave the letter's as it is");
                note(at_key(d, path, "resume").to_string().trim_end());
            }
            r.to_path_buf()
        }
        None => existing(path, &letter.resume, "resume")?,
    };
    let version = match settings.variant.as_deref() {
        Some(super::variant::ALL) => {
            return Err(Diagnostic::new("a letter goes with one version of the résumé")
                .in_file(path)
                .with_hint("give --variant NAME, or render the variants on their own"));
        }
        v => v,
    };
    // The letter is fitted on its own; the résumé by its own page limit.
    let lang = settings.languages.first().map(String::as_str);
    let p = prepare(settings, &resume_path, (lang, version), (note, false))?;
    let locale = Locale::for_resume(&p.resume, &p.theme)?;
    let description = describe(&p.resume, &p.theme, &locale);
    let text = describe_letter(&letter, &p.resume, &locale, today(settings.timestamp));
    let language = p.resume.meta.language.as_deref().unwrap_or(&p.theme.text.language);
    let book = settings.font_book(&resume_path).with_language(Some(language));
    let signature = match &letter.signature {
        Some(name) => {
            let limits = &settings.limits;
            existing(path, name, "signature")?;
            let file =
                crate::limits::confine(name, resume_dir(path), &limits.allowed, "signature")?;
            let photo = crate::photo::load_signature(&file, limits.pixels)?;
            let aspect = photo.width as f32 / photo.height.max(1) as f32;
            let width = mm(SIGNATURE_MM).min(mm(SIGNATURE_HEIGHT_MM) * aspect);
            Some(Signature { photo: Arc::new(photo), width })
        }
        None => None,
    };
    let window = letter.window.unwrap_or(p.theme.letter.window);
    let lay = |t: &Theme| {
        render::lay_out_letter(&description, &text, (window, signature.as_ref()), t, &book)
    };
    let theme = fitted(settings, &p.theme.for_letter(), &lay, note)
        .map_err(|d| if d.file.is_none() { d.in_file(path) } else { d })?;
    let mut doc = lay(&theme)?;
    let mut txt = text::letter(&description, &text);
    let mut md = crate::export::markdown::letter(&description, &text);
    let page = crate::export::html::Page { theme: &p.theme, book: &book, photo: None };
    let html_of = |resume: Option<&crate::compose::describe::Description>| {
        let wanted = settings.formats.contains(&Format::Html);
        wanted.then(|| crate::export::html::letter(&description, &text, resume, &page))
    };
    let mut inputs = vec![("the letter", path.to_path_buf()), ("the résumé", resume_path.clone())];
    inputs.extend(settings.overlays.iter().map(|f| ("an overlay", f.clone())));
    inputs.extend(p.theme_files.iter().map(|f| ("a theme file", f.clone())));
    if let Some(name) = &letter.signature {
        inputs.push(("the signature", beside(path, name)));
    }
    let mut combined_with = None;
    if settings.combine {
        let r = prepare(settings, &resume_path, (lang, version), (note, true))?;
        let resume_doc = render::lay_out_with_photo(&r.resume, &r.theme, &book, r.photo.as_ref())?;
        doc = render::combine(doc, resume_doc, ["Cover letter", "Résumé"]);
        let resume_description =
            describe(&r.resume, &r.theme, &Locale::for_resume(&r.resume, &r.theme)?);
        txt.push('\n');
        txt.push_str(&text::render(&resume_description, r.theme.entry.layout));
        md.push_str("\n---\n\n");
        md.push_str(&crate::export::markdown::render(&resume_description));
        combined_with = Some(resume_description);
    }
    let meta = letter_metadata(&p, &text, settings.timestamp, settings.combine);
    let docx = match settings.formats.contains(&Format::Docx) {
        true => {
            let then = combined_with.as_ref();
            Some(crate::export::docx::letter(&description, &text, (&theme, then), &meta)?)
        }
        false => None,
    };
    let html = html_of(combined_with.as_ref());
    let texts = Texts { txt, md, docx, html };
    outputs(settings, (doc, texts), &book, &meta, (base, inputs), (path, note))
}

/// The theme the letter fits one page in (or `--fit-pages N`): `theme`
/// when it fits as it is, shrunk towards its floors when asked, or an error.
fn fitted(
    settings: &Settings,
    theme: &Theme,
    lay: &dyn Fn(&Theme) -> Result<Document, Diagnostic>,
    note: &(dyn Fn(&str) + Sync),
) -> Result<Theme, Diagnostic> {
    let pages = lay(theme)?.pages.len();
    let most = settings.fit_pages.unwrap_or(1);
    if pages <= most {
        return Ok(theme.clone());
    }
    if settings.fit_pages.is_none() {
        return Err(Diagnostic::new(format!(
            "the letter runs to {pages} pages; a cover letter has one"
        ))
        .with_hint("shorten it, or fit it with --fit-pages 1"));
    }
    let count = |t: &Theme| lay(t).map(|d| d.pages.len());
    let fit = render::fit_with(theme, most, "the letter", &count)?;
    if !settings.quiet {
        note(&format!("fit the letter to {most} page{}: {}", plural(most), fit.changes.join(", ")));
    }
    Ok(fit.theme)
}

/// The PDF's document information for a letter (and the résumé after it).
fn letter_metadata(
    p: &Prepared,
    text: &LetterText,
    timestamp: i64,
    combined: bool,
) -> crate::export::pdf::Metadata {
    let mut meta = render::metadata(&p.resume, &p.theme, timestamp);
    let what = if combined { "Cover letter and résumé" } else { "Cover letter" };
    meta.title = format!("{} — {what}", text.name);
    meta.subject = text.subject.as_deref().map_or(what.to_string(), crate::compose::markup::plain);
    if !combined {
        meta.keywords = vec!["cover letter".into()];
    }
    meta
}

/// A letter's outputs that are not drawn: the text, the Markdown, and the
/// Word document and HTML page when they are asked for.
struct Texts {
    txt: String,
    md: String,
    docx: Option<Vec<u8>>,
    html: Option<String>,
}

/// The outputs of a laid-out letter: the PDF and previews of `doc`, the
/// text, the Markdown, the Word document and the HTML page (when asked
/// for), named from `base`, with `inputs` guarded; warnings go to
/// `note`, placed in `path`.
fn outputs(
    settings: &Settings,
    (doc, Texts { txt, md, docx, html }): (Document, Texts),
    book: &crate::fonts::FontBook,
    meta: &crate::export::pdf::Metadata,
    (base, inputs): (&Path, Vec<(&'static str, PathBuf)>),
    (path, note): (&Path, &(dyn Fn(&str) + Sync)),
) -> Result<Outputs, Diagnostic> {
    let mut formats = settings.formats.clone();
    formats.dedup();
    let opts = Options {
        formats: formats.clone(),
        timestamp: settings.timestamp,
        photo: None,
        dpi: settings.dpi,
        font_dirs: Vec::new(),
        pdf: settings.pdf,
    };
    let mut rendered = render::page_outputs(&doc, book, meta, &opts)
        .map_err(|d| if d.file.is_none() { d.in_file(path) } else { d })?;
    for (_, w) in &rendered.warnings {
        note(w.clone().in_file(path).to_string().trim_end());
    }
    if formats.contains(&Format::Txt) {
        rendered.outputs.push((Format::Txt, txt.into_bytes()));
    }
    if formats.contains(&Format::Md) {
        rendered.outputs.push((Format::Md, md.into_bytes()));
    }
    rendered.outputs.extend(docx.map(|bytes| (Format::Docx, bytes)));
    if let Some(html) = html {
        rendered.outputs.push((Format::Html, html.into_bytes()));
    }
    let names = super::outputs::names(base, rendered.outputs.iter().map(|(f, _)| *f));
    let files = names
        .into_iter()
        .zip(rendered.outputs)
        .map(|(name, (f, b))| {
            (name, if f == Format::Png { super::outputs::mark_preview(b) } else { b })
        })
        .collect();
    Ok(Outputs { base: base.to_path_buf(), files, inputs, pages: doc.pages.len() })
}

/// Seconds since the Unix epoch for "today": SOURCE_DATE_EPOCH's when it
/// is set (a reproducible build), else the clock's.
fn today(timestamp: i64) -> i64 {
    if std::env::var_os("SOURCE_DATE_EPOCH").is_some() {
        return timestamp;
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    now.map_or(timestamp, |d| d.as_secs() as i64)
}

/// The files a render of `path` reads, as far as they can be told without
/// rendering: the file itself, and for a letter or an application the
/// résumé, overlays, letter and signature they name, then the résumé's
/// theme file and photo; `None` while one of them does not read. `vita
/// render --watch` follows them.
pub fn inputs(settings: &Settings, path: &Path) -> Option<Vec<PathBuf>> {
    let limits = &settings.limits;
    let mut files = vec![path.to_path_buf()];
    let mut overlays = settings.overlays.clone();
    let resume = match kind(path, limits) {
        Kind::Resume => path.to_path_buf(),
        Kind::Letter => {
            let l = letter::read::<Letter>(path, limits).ok()?;
            files.extend(l.signature.map(|s| beside(path, &s)));
            beside(path, &l.resume)
        }
        Kind::Application => {
            let app = letter::read::<Application>(path, limits).ok()?;
            overlays.extend(app.overlay.iter().map(|o| beside(path, o)));
            if let Some(name) = &app.letter {
                let letter_path = beside(path, name);
                if let Ok(l) = letter::read::<Letter>(&letter_path, limits) {
                    files.extend(l.signature.map(|s| beside(&letter_path, &s)));
                }
                files.push(letter_path);
            }
            beside(path, &app.resume)
        }
    };
    if resume != path {
        files.push(resume.clone());
    }
    files.extend(overlays.iter().cloned());
    let layers: Vec<_> = overlays
        .iter()
        .filter_map(|o| crate::model::overlay::Layer::read(o, limits).ok())
        .collect();
    let (r, _) = crate::model::load_layered(&resume, &layers, limits, None, false).ok()?;
    let theme = PathBuf::from(settings.theme_name(&resume, &r));
    if theme.is_file() {
        files.push(theme);
    }
    files.extend(r.basics.image.as_ref().map(|i| resume_dir(&resume).join(i)));
    Some(files)
}
