//! The command line: clap definitions and one function per subcommand.
//! Business logic lives in the pipeline modules, and a render's policy
//! (theme choice, languages, output names, the page limit, what may be
//! replaced) in [`crate::job`]; this file only parses flags into
//! [`Settings`], calls, and reports. Rendering many résumés is in `batch`,
//! the re-render loop of `--watch` in `watch`.

mod batch;
mod watch;

mod limits;

use crate::diag::Diagnostic;
use crate::fonts::FontBook;
use crate::render::Format;
use crate::theme::{self, Override, Theme};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod emit;
use emit::emit;
mod export;
mod generate;
mod import;
mod init;
use crate::job::{Settings, outputs, render_file};
mod check;
mod schema;
mod tailor;
mod validate;
mod variants;

/// vita — typeset a résumé from TOML into a print-ready PDF and ATS text.
#[derive(Debug, Parser)]
#[command(name = "vita", version, about, long_about = None, after_help = "Run `vita render` in a folder with data/resume.toml to get out/resume.pdf and out/resume.txt.")]
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
}

/// A `vita` subcommand, with its arguments.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render résumés to PDF, plain text and PNG previews.
    Render(Box<RenderArgs>),
    /// List the built-in themes, or print one in full.
    Themes {
        /// What to do; without one, list the themes.
        #[command(subcommand)]
        action: Option<ThemesAction>,
    },
    /// List every font family vita can use, with its faces and where it
    /// comes from: bundled, a folder given with --font-path or
    /// VITA_FONT_PATHS, or the system's fonts.
    Fonts(FontsArgs),
    /// Write a starter résumé with every section and a comment on each field.
    Init(init::InitArgs),
    /// Check résumés and themes without rendering: errors and likely mistakes.
    Validate(validate::ValidateArgs),
    /// Read a PDF from any program as applicant-tracking systems do, and
    /// say what they will get wrong.
    Check(check::CheckArgs),
    /// Print the JSON Schema of the résumé format (for editor completion).
    Schema(schema::SchemaArgs),
    /// List the résumé's variants and what each keeps, section by section.
    Variants(variants::VariantsArgs),
    /// Convert a JSON Resume file into a vita TOML résumé.
    Import(import::ImportArgs),
    /// Write a résumé in another format (JSON Resume).
    Export(export::ExportArgs),
    /// Print a shell completion script (bash, zsh, fish, …).
    Completions(generate::CompletionsArgs),
    /// Print vita's man page, or a subcommand's.
    Man(generate::ManArgs),
}

/// What `vita themes` does instead of listing the themes.
#[derive(Debug, Subcommand)]
pub enum ThemesAction {
    /// Print a theme with every key resolved, as TOML that can start a
    /// theme of your own.
    Show {
        /// A built-in theme name or a theme file.
        name: String,
    },
}

/// The arguments of `vita render`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 on success, 2 on bad input (the message names the file, line and column).\n\
With several résumés, each failure is reported and the others are still written; the exit status is then 2.\n\
Existing output files are replaced only by complete new ones; on any error nothing is written.\n\
SOURCE_DATE_EPOCH, when set, is used as the PDF's creation date; otherwise a fixed date keeps output byte-identical."
)]
pub struct RenderArgs {
    /// The résumés to render: TOML, or JSON Resume if the name ends in
    /// .json. With more than one, they render in parallel and each gets a
    /// folder of its own under -o (a/cv.toml → out/cv/cv.pdf) unless
    /// --name-template names them.
    #[arg(default_value = "data/resume.toml", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Folder to write into; created if missing. Files are named after the
    /// résumé: cv.toml → cv.pdf, cv.txt, and cv-1.png, cv-2.png… (one per page).
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    pub output: PathBuf,
    /// Name the outputs of each résumé, relative to -o and without the
    /// extension. Placeholders: {stem} (cv for a/cv.toml), {parent} (the name
    /// of the résumé's folder, a), {index} (its position among the PATHs,
    /// from 1, zero-padded). E.g. "{stem}" → out/cv.pdf; "{parent}/{stem}".
    /// Two résumés may not get the same name.
    #[arg(long, value_name = "TEMPLATE")]
    pub name_template: Option<String>,
    /// Keep running and render again whenever the résumé, an overlay, its
    /// theme file or its photo changes (for a letter, also the letter and
    /// its signature; for an application, every file it names); one status
    /// line per render. Ctrl-C stops.
    #[arg(short, long)]
    pub watch: bool,
    /// A built-in theme name (see `vita themes`) or the path of a theme file.
    /// Default: the résumé's `meta.theme`, else classic.
    #[arg(short, long, value_name = "NAME|PATH")]
    pub theme: Option<String>,
    /// Paper size, overriding the theme's.
    #[arg(long, value_enum)]
    pub paper: Option<theme::Paper>,
    /// Accent colour for headings and rules, as '#RRGGBB'.
    #[arg(long, value_name = "#RRGGBB")]
    pub accent: Option<String>,
    /// Font family for body text, entry titles, dates and contact details
    /// (see `vita fonts`).
    #[arg(long, value_name = "FAMILY")]
    pub font_body: Option<String>,
    /// A folder of fonts (.ttf, .otf, .ttc), searched with its subfolders
    /// before the system's fonts; repeatable. So are the folders in
    /// VITA_FONT_PATHS and a `fonts/` folder beside the résumé. A theme,
    /// --font-body and --set fonts.*.family can then name their families.
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// Set any theme key, e.g. `--set fonts.body.size=10.5`; repeatable,
    /// applied in order after the other flags. `vita themes show NAME`
    /// lists every key.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Which outputs to write, comma-separated.
    #[arg(short, long, value_enum, value_delimiter = ',', default_value = "pdf,txt")]
    pub format: Vec<Format>,
    /// Resolution of PNG previews (`--format png`), in pixels per inch.
    #[arg(long, value_name = "DPI", default_value_t = 110,
          value_parser = clap::value_parser!(u16).range(36..=600))]
    pub dpi: u16,
    /// Shrink type, spacing and margins (never below the theme's `[fit]`
    /// floors) until the résumé fits on N pages; says what changed.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=50))]
    pub fit_pages: Option<u16>,
    /// The language to print in, as a BCP 47 tag (de, fr-CA, pt-BR,
    /// zh-Hant), over the résumé's `meta.language`: vita's own words,
    /// dates, and the texts of a multilingual résumé. Several, comma-separated
    /// (`--lang en,de`), write one set of outputs each: cv.en.pdf,
    /// cv.de.pdf…
    #[arg(long, value_name = "TAG[,TAG…]", value_delimiter = ',', long_help = lang_help())]
    pub lang: Vec<String>,
    /// Tags, a variant, a public version and overlays.
    #[command(flatten)]
    pub tailor: tailor::TailorArgs,
    /// With a cover letter (or an application with one): write one PDF
    /// and one text holding the letter, then the résumé, with an outline
    /// entry for each.
    #[arg(long)]
    pub combine: bool,
    /// Write the PDF untagged: without the structure tree that screen
    /// readers and tag-aware extractors read (headings, sections, lists,
    /// links, the photo's alternative text) and without /Artifact marks on
    /// rules and footers. Tagged is the default; untagged is a little
    /// smaller and faster (BENCHMARKS.md).
    #[arg(long)]
    pub no_tags: bool,
    /// Write the PDF as an archival PDF/A-2 file: a-2b (it looks the same
    /// wherever and whenever it is opened: XMP metadata and an sRGB
    /// output intent added to vita's embedded fonts), a-2u (also, all
    /// text maps to Unicode, as vita's always does) or a-2a (also, tagged;
    /// not with --no-tags). Some portals and archives ask for PDF/A.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub pdf_standard: Option<crate::export::pdf::archive::Standard>,
    /// Print nothing but errors and warnings.
    #[arg(short, long)]
    pub quiet: bool,
    /// After writing, read each PDF back as applicant-tracking systems do
    /// (`vita check`) and print one line, or the problems found. The exit
    /// status is then 1 with warnings, 2 with errors. One résumé at a
    /// time, without --watch.
    #[arg(long)]
    pub check: bool,
    /// Resource limits, and the folders a résumé may read from.
    #[command(flatten)]
    pub limits: limits::LimitArgs,
}

/// `--lang`'s long help, with the languages vita has.
fn lang_help() -> String {
    let tags: Vec<&str> = crate::locale::LOCALES.iter().map(|l| l.tag).collect();
    format!(
        "The language to print in, as a BCP 47 tag, over the résumé's `meta.language`: vita's \
         own words (section titles, \"present\", labels), how dates are written, and the texts \
         of a multilingual résumé (`summary = {{ en = \"…\", de = \"…\" }}`). Several, \
         comma-separated (`--lang en,de`), write one set of outputs each: cv.en.pdf, cv.de.pdf…\n\n\
         Languages: {}. A regional tag uses its language's words (de-CH → de).",
        tags.join(", ")
    )
}

/// Runs the parsed command line; the exit code follows the rules in `--help`.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Render(args) => match render_cmd(&args) {
            // With --check, the findings set the exit status.
            Ok(status) => return ExitCode::from(status),
            Err(diag) => Err(diag),
        },
        Command::Themes { action: None } => themes_cmd(),
        Command::Themes { action: Some(ThemesAction::Show { name }) } => themes_show(&name),
        Command::Fonts(args) => fonts_cmd(&args),
        Command::Init(args) => init::run(&args),
        Command::Validate(args) => return validate::run(&args),
        Command::Check(args) => return check::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Variants(args) => variants::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Completions(args) => generate::completions(&args),
        Command::Man(args) => generate::man(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(diag) => {
            crate::diag::eprint(&diag.to_string());
            ExitCode::from(2)
        }
    }
}

fn render_cmd(args: &RenderArgs) -> Result<u8, Diagnostic> {
    if let Some(unknown) = args.lang.iter().find(|l| crate::locale::resolve(l).is_none()) {
        return Err(crate::locale::unknown(unknown));
    }
    if args.check && (args.watch || args.paths.len() > 1 || args.name_template.is_some()) {
        return Err(Diagnostic::new("--check reads back one résumé's PDFs, without --watch")
            .with_hint(
                "render one résumé with --check, or run `vita check out/*.pdf` after the batch",
            ));
    }
    if args.watch {
        return watch::run(args).map(|()| 0);
    }
    let [path] = &args.paths[..] else { return batch::run(args).map(|()| 0) };
    if args.name_template.is_some() {
        return batch::run(args).map(|()| 0);
    }
    let stem = batch::stem(path);
    let settings = settings(args)?;
    let note = |line: &str| crate::diag::eprintln(line);
    let written = render_file(&settings, path, &args.output.join(stem), &note)?;
    if !args.quiet {
        crate::diag::eprintln(&format!("wrote {written}"));
    }
    let pdfs =
        written.files.iter().filter(|f| args.check && f.extension().is_some_and(|e| e == "pdf"));
    Ok(pdfs.map(|pdf| check::after_render(pdf)).max().unwrap_or(0))
}

/// How the PDF is written: tagged unless `--no-tags`, to the PDF/A level
/// of `--pdf-standard`; level A needs the tags.
fn pdf_profile(args: &RenderArgs) -> Result<crate::export::pdf::Profile, Diagnostic> {
    use crate::export::pdf::archive::Standard;
    if args.no_tags && args.pdf_standard == Some(Standard::A2a) {
        return Err(Diagnostic::new(
            "--pdf-standard a-2a needs a tagged PDF, and --no-tags turns the tags off",
        )
        .with_hint("drop --no-tags, or ask for a-2b or a-2u"));
    }
    Ok(crate::export::pdf::Profile { tagged: !args.no_tags, standard: args.pdf_standard })
}

/// Reads `SOURCE_DATE_EPOCH` (reproducible builds) or falls back to a fixed date.
fn source_date_epoch() -> Result<i64, Diagnostic> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v.trim().parse::<i64>().map_err(|_| {
            Diagnostic::new(format!("SOURCE_DATE_EPOCH is `{v}`, not a number of seconds"))
                .with_hint("unset it, or set it to seconds since 1970-01-01")
        }),
        Err(_) => Ok(crate::export::pdf::FIXED_TIMESTAMP),
    }
}

/// The flags of `vita render` as the library's [`Settings`]: the theme
/// flags become overrides, in the order `--help` documents.
fn settings(args: &RenderArgs) -> Result<Settings, Diagnostic> {
    let mut overrides = Vec::new();
    let text = |s: &str| toml::Value::String(s.to_string());
    if let Some(paper) = args.paper {
        let value = if paper == theme::Paper::A4 { "a4" } else { "letter" };
        overrides.push(Override::new("page.paper", text(value), format!("--paper {value}")));
    }
    if let Some(accent) = &args.accent {
        overrides.push(Override::new("colors.accent", text(accent), format!("--accent {accent}")));
    }
    if let Some(family) = &args.font_body {
        for role in ["body", "entry_title", "entry_subtitle", "meta", "contact"] {
            let key = format!("fonts.{role}.family");
            overrides.push(Override::new(&key, text(family), format!("--font-body {family}")));
        }
    }
    for arg in &args.set {
        overrides.push(Override::parse(arg)?);
    }
    Ok(Settings {
        theme: args.theme.clone(),
        overrides,
        formats: args.format.clone(),
        dpi: args.dpi as f32,
        fit_pages: args.fit_pages.map(usize::from),
        languages: args.lang.clone(),
        limits: args.limits.limits(),
        timestamp: source_date_epoch()?,
        quiet: args.quiet,
        font_paths: args.font_path.clone(),
        selection: args.tailor.selection(),
        variant: args.tailor.variant.clone(),
        public: args.tailor.public,
        overlays: args.tailor.overlay.clone(),
        combine: args.combine,
        pdf: pdf_profile(args)?,
    })
}

fn themes_show(name: &str) -> Result<(), Diagnostic> {
    let theme = Theme::resolve(name)?;
    let text =
        toml::to_string(&theme).map_err(|e| Diagnostic::new(format!("internal error: {e}")))?;
    emit(
        &format!(
            "# The theme `{name}` with every key resolved. Save it, change what you like,\n\
             # and render with --theme your-file.toml (or start it with extends = \"{name}\").\n\
             {text}"
        ),
        None,
    )
}

fn themes_cmd() -> Result<(), Diagnostic> {
    let mut out = String::new();
    for (name, text) in theme::BUILTIN {
        let description =
            Theme::parse(text, Path::new(name)).map(|t| t.description).unwrap_or_default();
        out += &format!("{name:<10} {description}\n");
    }
    emit(&out, None)
}

/// The arguments of `vita fonts`.
#[derive(Debug, clap::Args)]
pub struct FontsArgs {
    /// Folders of fonts to list too, as `vita render --font-path` searches
    /// them; repeatable.
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// List the bundled families only, without reading the system's fonts.
    #[arg(long)]
    pub bundled: bool,
}

fn fonts_cmd(args: &FontsArgs) -> Result<(), Diagnostic> {
    use crate::fonts::Origin;
    let dirs = crate::fonts::found::user_dirs(&args.font_path, None);
    let book = match args.bundled {
        true => FontBook::bundled_only(),
        false => FontBook::with_dirs(dirs),
    };
    let mut out = String::new();
    for (family, origin) in book.families() {
        let styles = book.styles(&family);
        let source = match origin {
            Origin::Bundled => "bundled".to_string(),
            Origin::User(path) => format!("font path: {}", path.display()),
            Origin::System(path) => format!("system: {}", path.display()),
        };
        out += &format!("{family:<24} {:<34} {source}\n", styles.join(", "));
    }
    emit(&out, None)
}
