//! Every ATS reads every theme whole: each case (the seed, the seed as
//! JSON Resume, and the cases in `tests/ats/`) rendered in every built-in
//! theme, then scored by the seven-extractor harness in `../shared/ats/`
//! (pdftotext, pdftotext -layout, pdfminer, pypdf, pdfplumber, PDFium,
//! Apache Tika).
//!
//! Targets: the seed ≥ 0.995 (the `ats` theme 1.000), every other case
//! ≥ 0.99, and no word split or glued by any extractor; the .txt scores as
//! well and holds every fact on a line. The parsers' field recall
//! (`ats-fields`) on the seed must stay at 0.40 or better.
//!
//! Needs the harness installed: `../shared/ats/setup.sh` (scripts/test.sh
//! and .ci/run run it). Without it this test fails and says so.

mod common;

use common::{Sandbox, ats_harness as harness, ats_shared as shared, root};
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Clone)]
struct Case {
    name: &'static str,
    resume: PathBuf,
    expected: PathBuf,
    target: f64,
}

fn cases() -> Vec<Case> {
    let seed = shared().join("cases/seed");
    let mut cases = vec![
        Case {
            name: "seed",
            resume: root().join("data/resume.toml"),
            expected: seed.join("expected.json"),
            target: 0.995,
        },
        Case {
            name: "seed-json",
            resume: seed.join("seed.resume.json"),
            expected: seed.join("expected.json"),
            target: 0.995,
        },
    ];
    for name in ["research", "newgrad", "german", "french"] {
        let dir = root().join("tests/ats").join(name);
        cases.push(Case {
            name,
            resume: dir.join("resume.toml"),
            expected: dir.join("expected.json"),
            target: 0.99,
        });
    }
    cases
}

/// What went wrong with one PDF, if anything.
fn judge(case: &Case, theme: &str, report: &serde_json::Value) -> Vec<String> {
    let mut problems = Vec::new();
    let score = report["ats_score"].as_f64().unwrap_or(0.0);
    let target = if theme == "ats" { 1.0 } else { case.target };
    if score + 1e-9 < target {
        problems.push(format!("ats-score {score:.3} < {target}"));
    }
    let extractors = report["extractors"].as_object().cloned().unwrap_or_default();
    if extractors.len() != 7 || extractors.values().any(|e| e.get("error").is_some()) {
        problems.push(format!(
            "the harness ran {} of 7 extractors cleanly: is it fully installed?",
            extractors.values().filter(|e| e.get("error").is_none()).count()
        ));
    }
    for (name, e) in &extractors {
        let count = |k: &str| e[k].as_u64().unwrap_or_else(|| panic!("no `{k}` for {name}"));
        let (split, glued) = (count("split"), count("glued"));
        if split + glued > 0 {
            problems.push(format!("{name}: {split} split and {glued} glued words"));
        }
    }
    // The ATS text carries the same résumé: every block whole, every fact
    // on one line.
    let txt = &report["txt"];
    let (found, facts) = (txt["facts_found"].as_u64(), txt["facts"].as_u64());
    if txt["score"].as_f64().unwrap_or(0.0) + 1e-9 < target || found != facts {
        problems.push(format!(
            "the .txt scores {} with {found:?} of {facts:?} facts",
            txt["score"].as_f64().unwrap_or(0.0)
        ));
    }
    if case.name == "seed" {
        let fields = report["ats_fields"].as_f64().unwrap_or(0.0);
        if fields + 1e-9 < 0.40 {
            problems.push(format!("ats-fields {fields:.3} < 0.40"));
        }
    }
    problems
}

/// Renders and scores one case in one theme; the problems, with the
/// harness's detailed report when there are any.
fn run(python: &Path, score: &Path, case: &Case, theme: &str) -> Option<String> {
    let sb = Sandbox::new();
    let resume = case.resume.to_str().unwrap();
    sb.vita(&["render", resume, "-t", theme, "-o", "out", "-q"]).assert_ok();
    let stem = case.resume.file_stem().unwrap().to_str().unwrap();
    let pdf = sb.path(&format!("out/{stem}.pdf"));
    let txt = sb.path(&format!("out/{stem}.txt"));
    let json = sb.path("report.json");
    let harness = |extra: &[&str]| {
        let mut cmd = Command::new(python);
        cmd.arg(score).arg(&pdf).arg(&case.expected).arg("--txt").arg(&txt).args(extra);
        cmd.output().expect("the harness runs")
    };
    let out = harness(&["--json", json.to_str().unwrap()]);
    let report: serde_json::Value = match std::fs::read(&json) {
        Ok(bytes) => serde_json::from_slice(&bytes).expect("the harness writes JSON"),
        Err(e) => {
            return Some(format!(
                "{} in {theme}: the harness failed ({e}):\n{}",
                case.name,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    };
    let problems = judge(case, theme, &report);
    let row = format!(
        "| {} | {theme} | {:.3} | {:.3} |",
        case.name,
        report["ats_score"].as_f64().unwrap_or(0.0),
        report["ats_fields"].as_f64().unwrap_or(0.0)
    );
    REPORT.lock().unwrap().push(row);
    if problems.is_empty() {
        return None;
    }
    let verbose = harness(&["-v"]);
    Some(format!(
        "{} in {theme}: {}\n{}",
        case.name,
        problems.join("; "),
        String::from_utf8_lossy(&verbose.stdout)
    ))
}

/// One table row per PDF, written to `target/ats-report.md` (CI prints it):
/// the score and the parsers' field recall.
static REPORT: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

#[test]
fn every_theme_reads_whole_in_every_extractor() {
    let (python, score) = harness();
    let jobs: Vec<(Case, &str)> = cases()
        .into_iter()
        .flat_map(|c| {
            let themes: Vec<&str> = vita::theme::BUILTIN.iter().map(|(n, _)| *n).collect();
            themes.into_iter().map(move |t| (c.clone(), t))
        })
        .collect();
    // Two at a time: each run starts seven extractors and two parsers.
    let failures: Vec<String> = std::thread::scope(|s| {
        let chunks: Vec<Vec<&(Case, &str)>> =
            (0..2).map(|k| jobs.iter().skip(k).step_by(2).collect()).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let (python, score) = (&python, &score);
                s.spawn(move || {
                    chunk.iter().filter_map(|(c, t)| run(python, score, c, t)).collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("a scoring thread panicked")).collect()
    });
    let mut rows = REPORT.lock().unwrap().clone();
    rows.sort();
    let table = format!(
        "| case | theme | ats-score | ats-fields |\n|---|---|---|---|\n{}\n",
        rows.join("\n")
    );
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or(root().join("target"));
    let _ = std::fs::create_dir_all(&target);
    let _ = std::fs::write(target.join("ats-report.md"), table);
    assert!(
        failures.is_empty(),
        "{} of {} PDFs miss the ATS targets:\n\n{}",
        failures.len(),
        jobs.len(),
        failures.join("\n\n")
    );
}
