//! `vita check` against the seven-extractor ATS harness (`../shared/ats`).
//!
//! The corpus in tests/check/corpus holds résumé PDFs from other tools
//! (Chromium, LibreOffice, Typst) and PDFs broken on purpose (no
//! ToUnicode, a Type 3 font, a scan, white keyword text, letter-spaced
//! headings, 6 pt text); tests/check/make-corpus.sh rebuilds it. With
//! `--expect`, on every case and on the seed in every built-in theme:
//! every problem the harness sees in two or more extractors (words
//! missing, glued or split, blocks broken, facts apart) is reported, and a
//! PDF the harness scores 1.000 gets no warning or error outside the
//! hazards (invisible and tiny text, which every extractor reads like any
//! other). Without `--expect`, each broken case gets the finding that
//! names its fault, and the clean ones get none.
//!
//! Needs the ATS harness: `../shared/ats/setup.sh` (scripts/test.sh runs it).

mod common;

use common::{Sandbox, ats_harness, root};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const EXTRACTORS: &str = "pdftotext,pdftotext-lay,pdfminer,pypdf,pdfplumber,pdfium,tika";

fn corpus() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("tests/check/corpus"))
        .expect("tests/check/corpus")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.join("resume.pdf").is_file())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "the corpus has {} cases", cases.len());
    cases
}

/// The harness's verdict on a PDF.
fn harness(pdf: &Path, expected: &Path, out: &Path) -> Value {
    let (python, score) = ats_harness();
    let run = Command::new(python)
        .arg(score)
        .arg(pdf)
        .arg(expected)
        .args(["--only", EXTRACTORS, "--json"])
        .arg(out)
        .output()
        .expect("run score.py");
    assert!(
        run.status.success(),
        "score.py failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_str(&std::fs::read_to_string(out).expect("score.py's JSON")).expect("JSON")
}

/// `vita render RESUME --theme THEME -o OUT`, which must succeed.
fn render(sandbox: &Sandbox, resume: &Path, theme: &str, out: &Path) {
    let (resume, out) = (resume.to_str().expect("UTF-8"), out.to_str().expect("UTF-8"));
    sandbox.vita(&["render", resume, "--theme", theme, "-o", out, "-q"]).assert_ok();
}

/// `vita check --json`, with its exit status.
fn check(sandbox: &Sandbox, pdf: &Path, expect: Option<&Path>) -> (i32, Value) {
    let mut args = vec!["check", "--json", pdf.to_str().expect("a UTF-8 path")];
    if let Some(e) = expect {
        args.extend(["--expect", e.to_str().expect("a UTF-8 path")]);
    }
    let run = sandbox.vita(&args);
    let report = serde_json::from_slice(&run.output.stdout).unwrap_or_else(|e| {
        panic!("vita check --json on {}: {e}\n{}", pdf.display(), run.stderr())
    });
    (run.code().expect("an exit status"), report)
}

/// A problem kind the harness counts: its name, which extractors show it,
/// and the findings that report it.
struct Kind {
    name: &'static str,
    shows: fn(&Value) -> bool,
    codes: &'static [&'static str],
}

const KINDS: [Kind; 5] = [
    Kind {
        name: "words missing",
        shows: |r| r["words"].as_f64() < Some(1.0),
        codes: &["missing-words"],
    },
    Kind { name: "words glued", shows: |r| r["glued"].as_u64() > Some(0), codes: &["glued-words"] },
    Kind { name: "words split", shows: |r| r["split"].as_u64() > Some(0), codes: &["split-words"] },
    Kind {
        name: "blocks broken",
        shows: |r| r["blocks_intact"].as_u64() < r["blocks"].as_u64(),
        codes: &["broken-blocks"],
    },
    Kind {
        name: "facts apart",
        shows: |r| r["facts_found"].as_u64() < r["facts"].as_u64(),
        codes: &["facts-apart"],
    },
];

/// Where check and the harness disagree, and a table row of what each saw.
fn agree(case: &str, harness: &Value, report: &Value) -> (Vec<String>, String) {
    let findings = report["findings"].as_array().expect("findings");
    let has = |code: &str| findings.iter().any(|f| f["code"] == code);
    // Text lost outright (no text, unmapped glyphs) accounts for every kind.
    let lost = findings.iter().any(|f| f["severity"] == "error" && f["category"] == "unreadable");
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for kind in &KINDS {
        let extractors = harness["extractors"].as_object().expect("extractors");
        let n = extractors.values().filter(|r| r.get("error").is_none() && (kind.shows)(r)).count();
        if n > 0 {
            seen.push(format!("{} ({n})", kind.name));
        }
        if n >= 2 && !lost && !kind.codes.iter().any(|c| has(c)) {
            problems.push(format!(
                "{case}: {n} extractors see {}, vita check reports none of {:?}",
                kind.name, kind.codes
            ));
        }
    }
    let score = harness["ats_score"].as_f64().expect("ats_score");
    let reading: Vec<&str> = findings
        .iter()
        .filter(|f| f["category"] != "hazard" && f["severity"] != "note")
        .map(|f| f["code"].as_str().unwrap_or("?"))
        .collect();
    if score >= 0.9995 && !reading.is_empty() {
        problems.push(format!("{case}: the harness scores 1.000, vita check reports {reading:?}"));
    }
    let codes: Vec<String> = findings
        .iter()
        .filter(|f| f["severity"] != "note")
        .map(|f| f["code"].as_str().unwrap_or("?").to_string())
        .collect();
    let row = format!(
        "| {case} | {score:.3} | {} | {} | {} |",
        if seen.is_empty() { "—".to_string() } else { seen.join(", ") },
        report["score"],
        if codes.is_empty() { "—".to_string() } else { codes.join(", ") }
    );
    (problems, row)
}

fn table(rows: &[String]) {
    println!("| case | harness | harness sees (extractors) | check score | check reports |");
    println!("|---|---|---|---|---|");
    rows.iter().for_each(|r| println!("{r}"));
}

#[test]
fn the_corpus_agrees_with_the_harness() {
    let sandbox = Sandbox::new();
    let (mut problems, mut rows) = (Vec::new(), Vec::new());
    for case in corpus() {
        let name = case.file_name().and_then(|n| n.to_str()).expect("a name").to_string();
        let (pdf, expected) = (case.join("resume.pdf"), case.join("expected.json"));
        let verdict = harness(&pdf, &expected, &sandbox.path(&format!("{name}.json")));
        let (_, report) = check(&sandbox, &pdf, Some(&expected));
        let (p, row) = agree(&name, &verdict, &report);
        problems.extend(p);
        rows.push(row);
    }
    table(&rows);
    assert!(problems.is_empty(), "vita check and the harness disagree:\n{}", problems.join("\n"));
}

#[test]
fn every_theme_agrees_with_the_harness() {
    let sandbox = Sandbox::new();
    let expected = common::ats_shared().join("cases/seed/expected.json");
    let (mut problems, mut rows) = (Vec::new(), Vec::new());
    for theme in ["ats", "classic", "compact", "elegant", "modern", "sidebar"] {
        let out = sandbox.path(theme);
        let resume = root().join("data/resume.toml");
        render(&sandbox, &resume, theme, &out);
        let pdf = out.join("resume.pdf");
        let verdict = harness(&pdf, &expected, &sandbox.path(&format!("{theme}.json")));
        let (_, report) = check(&sandbox, &pdf, Some(&expected));
        let (p, row) = agree(&format!("vita {theme}"), &verdict, &report);
        problems.extend(p);
        rows.push(row);
        // The résumé itself as the source reads as whole as its expected.json.
        let (code, own) = check(&sandbox, &pdf, Some(&resume));
        let reading: Vec<&Value> = own["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["severity"] != "note")
            .collect();
        if code != 0 || !reading.is_empty() {
            problems
                .push(format!("vita {theme} against data/resume.toml: exit {code}, {reading:?}"));
        }
    }
    table(&rows);
    assert!(problems.is_empty(), "vita check and the harness disagree:\n{}", problems.join("\n"));
}

#[test]
fn without_a_source_each_broken_case_gets_its_finding() {
    let sandbox = Sandbox::new();
    let wanted: &[(&str, &str, i32)] = &[
        ("no-tounicode", "no-text", 2),
        ("type3-font", "no-text", 2),
        ("scanned", "no-text", 2),
        ("white-text", "invisible-text", 2),
        ("letter-spaced", "letter-spaced", 1),
        ("letter-spaced-typed", "letter-spaced", 1),
        ("tiny-text", "tiny-text", 1),
        ("chromium-two-columns", "columns", 1),
        ("typst", "hyphenated", 1),
        ("libreoffice-running-footer", "running-header", 1),
    ];
    let mut problems = Vec::new();
    for case in corpus() {
        let name = case.file_name().and_then(|n| n.to_str()).expect("a name");
        let (code, report) = check(&sandbox, &case.join("resume.pdf"), None);
        let codes: Vec<&str> = report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["severity"] != "note")
            .map(|f| f["code"].as_str().unwrap_or("?"))
            .collect();
        match wanted.iter().find(|w| w.0 == name) {
            Some((_, finding, status)) if !codes.contains(finding) || code != *status => {
                problems.push(format!(
                    "{name}: want {finding} and exit {status}, got exit {code} with {codes:?}"
                ));
            }
            None if code != 0 || !codes.is_empty() => {
                problems.push(format!("{name}: a clean PDF, got exit {code} with {codes:?}"))
            }
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_json_report_keeps_its_schema() {
    let sandbox = Sandbox::new();
    let pdf = root().join("tests/check/corpus/white-text/resume.pdf");
    let (code, report) = check(&sandbox, &pdf, None);
    assert_eq!(code, 2);
    assert_eq!(report["schema"], "vita-check/1");
    for key in ["file", "score", "verdict", "findings", "document", "expect", "text"] {
        assert!(report.get(key).is_some(), "no {key} in {report}");
    }
    assert_eq!(report["verdict"], "errors");
    let finding = &report["findings"][0];
    for key in ["code", "severity", "category", "page", "message", "context", "fix", "vita"] {
        assert!(finding.get(key).is_some(), "no {key} in {finding}");
    }
    assert_eq!(finding["code"], "invisible-text");
    assert_eq!(finding["page"], 1);
    let doc = &report["document"];
    assert_eq!(doc["pages"], 2);
    assert_eq!(doc["tagged"], true);
    assert!(
        doc["fonts"]
            .as_array()
            .expect("fonts")
            .iter()
            .any(|f| f["kind"] == "type1" && f["embedded"] == false)
    );
    assert_eq!(report["text"]["stream"].as_array().map(Vec::len), Some(2));
    assert!(report["text"]["position"][0].as_str().expect("text").contains("Alex Doe"));
}

#[test]
fn text_shows_both_orders_and_bad_files_exit_2() {
    let sandbox = Sandbox::new();
    let pdf = root().join("tests/check/corpus/chromium-two-columns/resume.pdf");
    let run = sandbox.vita(&["check", "--text", pdf.to_str().expect("UTF-8")]);
    let out = String::from_utf8_lossy(&run.output.stdout).to_string();
    let stream = out.find("content-stream order").expect("the stream order");
    let position = out.find("position order").expect("the position order");
    assert!(stream < position);
    // Position order reads the side column into the summary; stream order does not.
    let summary = "Hello! I am an experienced software engineer that has been in the industry for";
    let after = |from: usize| {
        out[from..].split(summary).nth(1).map(|s| s.lines().nth(1).unwrap_or("").to_string())
    };
    assert_eq!(after(stream).as_deref().map(|l| l.starts_with("15+ years")), Some(true), "{out}");
    assert_eq!(after(position).as_deref(), Some("San Francisco, CA"), "{out}");

    let junk = sandbox.write("junk.pdf", "this is not a PDF");
    let run = sandbox.vita(&["check", junk.to_str().expect("UTF-8")]);
    assert_eq!(run.code(), Some(2));
    assert!(
        run.stderr().contains("junk.pdf") && run.stderr().contains("not a PDF"),
        "{}",
        run.stderr()
    );
}

#[test]
fn render_check_prints_one_line_or_the_problems() {
    let sandbox = Sandbox::new();
    let out = sandbox.path("out");
    let resume = root().join("data/resume.toml");
    let render = |resume: &Path| {
        let args = ["render", resume.to_str().expect("UTF-8"), "-o", out.to_str().expect("UTF-8")];
        sandbox.vita(&[&args[..], &["--check", "-q"]].concat())
    };
    let run = render(&resume);
    assert_eq!(run.code(), Some(0), "{}", run.stderr());
    let stderr = run.stderr();
    let lines: Vec<&str> = stderr.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("nothing an ATS would trip on"), "{lines:?}");

    // A résumé without an e-mail address: a warning, exit 1.
    let text = std::fs::read_to_string(&resume).expect("the seed");
    let without: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("email"))
        .map(|l| format!("{l}\n"))
        .collect();
    let bare = sandbox.write("bare.toml", without);
    let run = render(&bare);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    assert!(run.stderr().contains("warning[no-email]"), "{}", run.stderr());
}

#[test]
fn vita_cases_read_clean_in_every_theme() {
    // vita's own résumés in other languages and scripts (Hebrew and Arabic
    // need fonts-noto-core): nothing to report but a research CV's length.
    let sandbox = Sandbox::new();
    let mut problems = Vec::new();
    for case in ["research", "newgrad", "german", "french", "hebrew", "arabic", "hindi"] {
        let resume = root().join("tests/ats").join(case).join("resume.toml");
        for theme in ["ats", "classic", "compact", "elegant", "modern", "sidebar"] {
            let out = sandbox.path(&format!("{case}-{theme}"));
            render(&sandbox, &resume, theme, &out);
            let (code, report) = check(&sandbox, &out.join("resume.pdf"), None);
            let codes: Vec<&str> = report["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .filter(|f| {
                    f["severity"] != "note"
                        && !(case == "research" && f["code"] == "too-many-pages")
                })
                .map(|f| f["code"].as_str().unwrap_or("?"))
                .collect();
            if !codes.is_empty() || (code != 0 && case != "research") {
                problems.push(format!("{case} in {theme}: exit {code}, {codes:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn json_names_every_file_even_unreadable_ones() {
    let sandbox = Sandbox::new();
    let good = root().join("tests/check/corpus/chromium-one-column/resume.pdf");
    let good = good.to_str().expect("UTF-8");
    let run = sandbox.vita(&["check", "--json", good, "missing.pdf", good]);
    assert_eq!(run.code(), Some(2), "{}", run.stderr());
    let all: Value = serde_json::from_slice(&run.output.stdout).expect("JSON");
    let files: Vec<&str> = all
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| r["file"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(files, [good, "missing.pdf", good]);
    assert_eq!(all[1]["verdict"], "unreadable");
    assert!(all[1]["error"].as_str().is_some_and(|e| e.contains("no such file")), "{all}");
    assert!(run.stderr().ends_with('\n'), "{:?}", run.stderr());
}
