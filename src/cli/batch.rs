//! Batch rendering: `vita render a.toml b.toml dir/*.toml -o out/`. Owns
//! naming the outputs of many résumés (a folder each, or `--name-template`),
//! refusing names that would collide, rendering in parallel (rayon), the
//! progress bar (indicatif, on a terminal only), and the closing summary.
//! One résumé failing never stops the others; the run then exits 2.

use super::RenderArgs;
use crate::diag::Diagnostic;
use crate::job::render_file;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Component, Path, PathBuf};

/// More files than this get a progress bar (when stderr is a terminal).
const BAR_ABOVE: usize = 4;

/// The placeholders `--name-template` knows, for its help and errors.
pub(super) const PLACEHOLDERS: [&str; 3] = ["stem", "parent", "index"];

/// One résumé to render and where its outputs go: `base` plus the
/// extension (out/cv/cv → out/cv/cv.pdf).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Job {
    pub input: PathBuf,
    pub base: PathBuf,
}

/// Renders every résumé in `args.paths`, reports each failure as it comes
/// and sums up at the end; an error when any failed.
pub(super) fn run(args: &RenderArgs) -> Result<(), Diagnostic> {
    let started = std::time::Instant::now();
    let jobs = plan(&args.paths, &args.output, args.name_template.as_deref())?;
    let settings = super::settings(args)?;
    let bar =
        (jobs.len() > BAR_ABOVE && !args.quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(jobs.len() as u64);
            let style = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                .expect("a valid template");
            bar.set_style(style);
            bar
        });
    // Lines go above the bar when there is one.
    let say = |line: &str| match &bar {
        Some(bar) => bar.println(crate::diag::escape_lines(line)),
        None => crate::diag::eprintln(line),
    };
    let results: Vec<Result<(), Diagnostic>> = jobs
        .par_iter()
        .map(|job| {
            let shown = job.input.display();
            let note = |line: &str| match line.starts_with("warning:") {
                true => say(line),
                false => say(&format!("{shown}: {line}")),
            };
            let result = render_file(&settings, &job.input, &job.base, &note);
            match &result {
                Ok(written) if !args.quiet => say(&format!("wrote {written}")),
                Ok(_) => {}
                Err(diag) => say(diag.to_string().trim_end()),
            }
            if let Some(bar) = &bar {
                bar.inc(1);
                bar.set_message(shown.to_string());
            }
            result.map(|_| ())
        })
        .collect();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let failed: Vec<String> = jobs
        .iter()
        .zip(&results)
        .filter(|(_, r)| r.is_err())
        .map(|(job, _)| job.input.display().to_string())
        .collect();
    let n = jobs.len();
    if failed.is_empty() {
        if !args.quiet && n > 1 {
            let secs = started.elapsed().as_secs_f64();
            crate::diag::eprintln(&format!(
                "rendered {n} résumés into {} in {secs:.2} s",
                args.output.display()
            ));
        }
        return Ok(());
    }
    let written = match n - failed.len() {
        0 => "nothing was written".to_string(),
        1 => "the other one was written".to_string(),
        k => format!("the other {k} were written"),
    };
    Err(Diagnostic::new(format!(
        "{} of {n} résumé{} failed: {}; {written}",
        failed.len(),
        if n == 1 { "" } else { "s" },
        failed.join(", ")
    )))
}

/// Where each résumé's outputs go. Without a template: `out/<stem>` for a
/// single résumé (as ever), `out/<stem>/<stem>` for several. A path given
/// twice renders once; two résumés that would write the same files are an
/// error naming both, before anything is rendered.
pub(super) fn plan(
    paths: &[PathBuf],
    output: &Path,
    template: Option<&str>,
) -> Result<Vec<Job>, Diagnostic> {
    let mut inputs: Vec<&PathBuf> = Vec::new();
    let mut seen = Vec::new();
    for path in paths {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if !seen.contains(&key) {
            seen.push(key);
            inputs.push(path);
        }
    }
    let width = inputs.len().to_string().len();
    let mut jobs: Vec<Job> = Vec::with_capacity(inputs.len());
    let mut taken: HashMap<PathBuf, &Path> = HashMap::new();
    for (i, input) in inputs.into_iter().enumerate() {
        let stem = stem(input);
        let rel = match template {
            Some(t) => PathBuf::from(expand(t, input, i + 1, width)?),
            None if paths.len() == 1 => PathBuf::from(&stem),
            None => Path::new(&stem).join(&stem),
        };
        let base = output.join(rel);
        if !inside(&base, output) {
            return Err(Diagnostic::new(format!(
                "the outputs of {} would be written outside {}",
                input.display(),
                output.display()
            ))
            .with_hint("rename the résumé, or name its outputs with --name-template"));
        }
        if let Some(other) = taken.insert(base.clone(), input) {
            let hint = match template {
                Some(_) => {
                    "add a placeholder that tells them apart, e.g. {parent}/{stem} or {stem}-{index}"
                }
                None => "rename one, or name the outputs with --name-template \"{parent}-{stem}\"",
            };
            return Err(Diagnostic::new(format!(
                "{} and {} would both write {}.*",
                other.display(),
                input.display(),
                base.display()
            ))
            .with_hint(hint));
        }
        jobs.push(Job { input: input.clone(), base });
    }
    Ok(jobs)
}

/// The name the outputs of `path` get: its file name without the
/// extension, or `resume` when that would not name a file (`...toml` has
/// the stem `..`).
pub(super) fn stem(path: &Path) -> String {
    let stem = path.file_stem().map_or(String::new(), |s| s.to_string_lossy().into_owned());
    if stem.is_empty() || stem.chars().all(|c| c == '.') { "resume".into() } else { stem }
}

/// Whether every output under `base` (`base` plus a suffix) lies inside
/// `output`: `base` is `output` joined with plain names only.
pub(super) fn inside(base: &Path, output: &Path) -> bool {
    base.strip_prefix(output).is_ok_and(|rel| {
        rel.components().count() > 0 && rel.components().all(|c| matches!(c, Component::Normal(_)))
    })
}

/// The name of the folder that holds `path` (of the current folder for a
/// bare file name).
fn parent_name(path: &Path) -> String {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let parent = std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf());
    parent.file_name().map_or("root".into(), |s| s.to_string_lossy().into_owned())
}

/// Fills in a `--name-template` for one résumé. The result is a relative
/// path without `..`, so every output stays inside the -o folder.
pub(super) fn expand(
    template: &str,
    input: &Path,
    index: usize,
    width: usize,
) -> Result<String, Diagnostic> {
    let bad = |why: String| {
        Diagnostic::new(format!("--name-template \"{template}\" {why}")).with_hint(format!(
            "placeholders: {}; e.g. --name-template \"{{parent}}-{{stem}}\"",
            PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", ")
        ))
    };
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            return Err(bad("has a `{` without its `}`".into()));
        };
        let value = match &rest[open + 1..open + close] {
            "stem" => stem(input),
            "parent" => parent_name(input),
            "index" => format!("{index:0width$}"),
            other => return Err(bad(format!("has an unknown placeholder `{{{other}}}`"))),
        };
        out.push_str(&value);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let path = Path::new(&out);
    let inside = path.components().all(|c| matches!(c, Component::Normal(_)));
    if out.is_empty() || out.ends_with('/') || !inside {
        return Err(bad(format!(
            "gives `{out}`; it must name files inside the -o folder (no `..`, not absolute)"
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(list: &[&str]) -> Vec<PathBuf> {
        list.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn one_folder_each_unless_a_template_says_otherwise() {
        let out = Path::new("out");
        let one = plan(&paths(&["x/cv.toml"]), out, None).unwrap();
        assert_eq!(one[0].base, Path::new("out/cv"), "single file: as ever");
        let two = plan(&paths(&["x/a.toml", "b.toml", "x/a.toml"]), out, None).unwrap();
        let bases: Vec<&Path> = two.iter().map(|j| j.base.as_path()).collect();
        assert_eq!(bases, [Path::new("out/a/a"), Path::new("out/b/b")], "duplicates render once");
        let flat = plan(&paths(&["x/a.toml", "b.toml"]), out, Some("cv-{stem}-{index}")).unwrap();
        assert_eq!(flat[0].base, Path::new("out/cv-a-1"));
        assert_eq!(flat[1].base, Path::new("out/cv-b-2"));
    }

    #[test]
    fn dots_only_names_stay_inside_the_output_folder() {
        let out = Path::new("out");
        let jobs = plan(&paths(&["...toml", "a.toml"]), out, None).unwrap();
        for job in &jobs {
            assert!(inside(&job.base, out), "{}", job.base.display());
        }
        assert_eq!(jobs[0].base, Path::new("out/resume/resume"));
        let one = plan(&paths(&["x/..toml"]), out, None).unwrap();
        assert_eq!(one[0].base, Path::new("out/resume"));
    }

    proptest::proptest! {
        /// Whatever the résumés are called, every output stays inside -o.
        #[test]
        fn every_output_stays_inside_the_output_folder(
            names in proptest::collection::vec("[./a-c]{0,6}(\\.toml|\\.json|)", 1..4),
            template in proptest::option::of("[./a-c{}]{0,3}(\\{stem\\}|\\{parent\\}|\\{index\\})[./a-c]{0,3}"),
        ) {
            let out = Path::new("out/x");
            let inputs: Vec<PathBuf> = names.iter().map(|n| Path::new("in").join(n)).collect();
            if let Ok(jobs) = plan(&inputs, out, template.as_deref()) {
                for job in jobs {
                    let files = crate::job::outputs::names(&job.base, [crate::render::Format::Pdf, crate::render::Format::Png]);
                    for file in files {
                        let rel = file.strip_prefix(out);
                        proptest::prop_assert!(
                            rel.is_ok_and(|r| r.components().all(|c| matches!(c, Component::Normal(_)))),
                            "{} escapes {}", file.display(), out.display()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn colliding_names_and_bad_templates_are_errors() {
        let out = Path::new("out");
        let e = plan(&paths(&["a/cv.toml", "b/cv.toml"]), out, None).unwrap_err();
        assert!(e.message.contains("a/cv.toml and b/cv.toml would both write"), "{e}");
        let e = plan(&paths(&["a/cv.toml", "b/cv.toml"]), out, Some("{stem}")).unwrap_err();
        assert!(e.hint.unwrap().contains("{parent}"));
        assert!(plan(&paths(&["a/cv.toml", "b/cv.toml"]), out, Some("{parent}-{stem}")).is_ok());
        for t in ["{stme}", "../{stem}", "/tmp/{stem}", "{stem", "", "x/"] {
            assert!(expand(t, Path::new("cv.toml"), 1, 1).is_err(), "{t} accepted");
        }
        assert_eq!(expand("{index}", Path::new("cv.toml"), 7, 3).unwrap(), "007");
    }
}
