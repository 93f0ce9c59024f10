//! The command line: clap definitions and one function per subcommand.
//! Business logic lives in the pipeline modules; this file only parses,
//! calls, writes and reports.

use crate::diag::Diagnostic;
use crate::export::write_all_atomic;
use crate::fonts::{FACES, FontBook};
use crate::render::{self, Format, Options};
use crate::theme::{self, Override, Theme};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod emit;
mod export;
mod generate;
mod import;
mod init;
mod schema;
mod validate;

/// vita — typeset a résumé from TOML into a print-ready PDF and ATS text.
#[derive(Debug, Parser)]
#[command(name = "vita", version, about, long_about = None, after_help = "Run `vita render` in a folder with data/resume.toml to get out/resume.pdf and out/resume.txt.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render a résumé to PDF and plain text.
    Render(RenderArgs),
    /// List the built-in themes, or print one in full.
    Themes {
        #[command(subcommand)]
        action: Option<ThemesAction>,
    },
    /// List the bundled font families and faces.
    Fonts,
    /// Write a starter résumé with every section and a comment on each field.
    Init(init::InitArgs),
    /// Check résumés and themes without rendering: errors and likely mistakes.
    Validate(validate::ValidateArgs),
    /// Print the JSON Schema of the résumé format (for editor completion).
    Schema(schema::SchemaArgs),
    /// Convert a JSON Resume file into a vita TOML résumé.
    Import(import::ImportArgs),
    /// Write a résumé in another format (JSON Resume).
    Export(export::ExportArgs),
    /// Print a shell completion script (bash, zsh, fish, …).
    Completions(generate::CompletionsArgs),
    /// Print vita's man page, or a subcommand's.
    Man(generate::ManArgs),
}

#[derive(Debug, Subcommand)]
pub enum ThemesAction {
    /// Print a theme with every key resolved, as TOML that can start a
    /// theme of your own.
    Show {
        /// A built-in theme name or a theme file.
        name: String,
    },
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 on success, 2 on bad input (the message names the file, line and column).\n\
Existing output files are replaced only by complete new ones; on any error nothing is written.\n\
SOURCE_DATE_EPOCH, when set, is used as the PDF's creation date; otherwise a fixed date keeps output byte-identical."
)]
pub struct RenderArgs {
    /// The résumé to render: TOML, or JSON Resume if the name ends in .json.
    #[arg(default_value = "data/resume.toml")]
    pub path: PathBuf,
    /// Folder to write into; created if missing. Files are named after the
    /// résumé: cv.toml → cv.pdf, cv.txt.
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    pub output: PathBuf,
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
    /// Set any theme key, e.g. `--set fonts.body.size=10.5`; repeatable,
    /// applied in order after the other flags. `vita themes show NAME`
    /// lists every key.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Which outputs to write, comma-separated.
    #[arg(short, long, value_enum, value_delimiter = ',', default_value = "pdf,txt")]
    pub format: Vec<Format>,
    /// Shrink type, spacing and margins (never below the theme's `[fit]`
    /// floors) until the résumé fits on N pages; says what changed.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=50))]
    pub fit_pages: Option<u16>,
    /// Print nothing but errors and warnings.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Runs the parsed command line; the exit code follows the rules in `--help`.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Render(args) => render_cmd(&args),
        Command::Themes { action: None } => {
            themes_cmd();
            Ok(())
        }
        Command::Themes { action: Some(ThemesAction::Show { name }) } => themes_show(&name),
        Command::Fonts => {
            fonts_cmd();
            Ok(())
        }
        Command::Init(args) => init::run(&args),
        Command::Validate(args) => return validate::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Completions(args) => generate::completions(&args),
        Command::Man(args) => generate::man(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(diag) => {
            eprint!("{diag}");
            ExitCode::from(2)
        }
    }
}

fn render_cmd(args: &RenderArgs) -> Result<(), Diagnostic> {
    let started = std::time::Instant::now();
    let (resume, notes) = crate::model::load_with_warnings(&args.path)?;
    notes.iter().for_each(|w| eprint!("{w}"));
    let mut theme = resolve_theme(args, &resume)?;
    // The photo's frame comes from the theme's header, which fitting leaves alone.
    let dir = args.path.parent().unwrap_or(Path::new("."));
    let photo = render::load_photo(&resume, &theme, dir)?;
    if let Some(n) = args.fit_pages {
        let fitted = render::fit_pages(&resume, &theme, n as usize, photo.as_ref())?;
        if !args.quiet {
            match fitted.changes.is_empty() {
                true => {
                    eprintln!("fits on {n} page{} as it is; nothing changed", plural(n as usize))
                }
                false => eprintln!(
                    "fit to {n} page{}: {}",
                    plural(n as usize),
                    fitted.changes.join(", ")
                ),
            }
        }
        theme = fitted.theme;
    }
    let mut formats = args.format.clone();
    formats.dedup();
    let opts = Options { formats, timestamp: source_date_epoch()?, photo };
    let rendered = render::render(&resume, &theme, &opts)?;
    for w in &rendered.warnings {
        eprintln!("warning: {}: {w}", args.path.display());
    }
    if args.output.exists() && !args.output.is_dir() {
        return Err(Diagnostic::new("the output path is a file, not a folder")
            .in_file(&args.output)
            .with_hint("-o names the folder the PDF and text go into"));
    }
    std::fs::create_dir_all(&args.output).map_err(|e| {
        Diagnostic::new(format!("cannot create the output folder: {e}"))
            .in_file(&args.output)
            .with_hint("choose another folder with -o DIR")
    })?;
    let stem = args.path.file_stem().map_or("resume".into(), |s| s.to_string_lossy().into_owned());
    let files: Vec<(PathBuf, &[u8])> = rendered
        .outputs
        .iter()
        .map(|(format, bytes)| {
            (args.output.join(format!("{stem}.{}", format.extension())), &bytes[..])
        })
        .collect();
    let input = std::fs::canonicalize(&args.path).ok();
    if let Some((path, _)) = files.iter().find(|(p, _)| std::fs::canonicalize(p).ok() == input) {
        return Err(Diagnostic::new("an output would overwrite the résumé itself")
            .in_file(path)
            .with_hint("choose another folder with -o DIR, or rename the résumé to .toml"));
    }
    write_all_atomic(&files).map_err(|(path, e)| {
        Diagnostic::new(format!("cannot write output: {e}"))
            .in_file(&path)
            .with_hint("check that the folder is writable, or choose another with -o DIR")
    })?;
    let written: Vec<&PathBuf> = files.iter().map(|(p, _)| p).collect();
    if !args.quiet {
        let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        eprintln!(
            "wrote {} ({} page{}, {ms:.0} ms)",
            names.join(", "),
            rendered.pages,
            plural(rendered.pages)
        );
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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

/// The theme a render uses: `--theme`, else the résumé's `meta.theme`
/// (relative to the résumé), else the default; then the flags.
fn resolve_theme(args: &RenderArgs, resume: &crate::model::Resume) -> Result<Theme, Diagnostic> {
    let name = match (&args.theme, &resume.meta.theme) {
        (Some(flag), _) => flag.clone(),
        (None, Some(named)) => {
            let beside = args.path.parent().map(|d| d.join(named)).filter(|p| p.is_file());
            beside.map_or(named.clone(), |p| p.to_string_lossy().into_owned())
        }
        (None, None) => theme::DEFAULT_THEME.to_string(),
    };
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
    let theme = Theme::resolve_with(&name, &overrides)?;
    // An unknown family is caught here rather than mid-render.
    crate::compose::Styles::resolve(&theme, &FontBook::new())?;
    Ok(theme)
}

fn themes_show(name: &str) -> Result<(), Diagnostic> {
    let theme = Theme::resolve(name)?;
    let text =
        toml::to_string(&theme).map_err(|e| Diagnostic::new(format!("internal error: {e}")))?;
    println!("# The theme `{name}` with every key resolved. Save it, change what you like,");
    println!("# and render with --theme your-file.toml (or start it with extends = \"{name}\").");
    print!("{text}");
    Ok(())
}

fn themes_cmd() {
    for (name, text) in theme::BUILTIN {
        let description =
            Theme::parse(text, Path::new(name)).map(|t| t.description).unwrap_or_default();
        println!("{name:<10} {description}");
    }
}

fn fonts_cmd() {
    for family in FontBook::families() {
        let styles: Vec<&str> = FACES
            .iter()
            .filter(|f| f.family == family)
            .map(|f| match (f.bold, f.italic) {
                (false, false) => "regular",
                (true, false) => "bold",
                (false, true) => "italic",
                (true, true) => "bold italic",
            })
            .collect();
        println!("{family:<12} {}", styles.join(", "));
    }
}
