//! JSON Resume through the real binary: `vita import` carries every field
//! vita models and names the ones it drops, `vita render x.json` works, and
//! TOML → JSON → TOML gives the same résumé.

mod common;

use common::{Sandbox, root, tool_stdout};
use serde_json::{Map, Value, json};

const SAMPLE: &str = "tests/data/jsonresume-full.json";

/// Fields of the sample that vita has no place for.
const UNMAPPED: [&str; 3] = ["work[0].description", "meta.canonical", "meta.version"];

fn sample() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(SAMPLE)).unwrap()).unwrap()
}

fn sandbox_with_sample() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("cv.json", std::fs::read(root().join(SAMPLE)).unwrap());
    sb
}

fn snake(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Every leaf of a JSON document as (path, value), paths like `work[0].name`.
fn leaves(v: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                leaves(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                leaves(x, format!("{path}[{i}]"), out);
            }
        }
        _ => out.push((path, v.clone())),
    }
}

/// Follows a JSON Resume path, with keys in snake_case, through the TOML.
fn lookup<'a>(toml: &'a Value, path: &str) -> Option<&'a Value> {
    let mut at = toml;
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((k, i)) => (k, Some(i.trim_end_matches(']').parse::<usize>().unwrap())),
            None => (part, None),
        };
        let key = if key == "type" { "type".to_string() } else { snake(key) };
        at = at.get(&key)?;
        if let Some(i) = index {
            at = at.get(i)?;
        }
    }
    Some(at)
}

#[test]
fn import_carries_every_modelled_field_and_names_the_rest() {
    let sb = sandbox_with_sample();
    let run = sb.vita(&["import", "cv.json"]);
    run.assert_ok();
    let err = run.stderr();
    for path in UNMAPPED {
        assert!(
            err.contains(&format!("`{path}` has no place")),
            "{path} not reported{}",
            run.report()
        );
    }
    assert_eq!(err.matches("warning:").count(), UNMAPPED.len(), "{}", run.report());
    assert!(err.contains("cv.json:27:7"), "the warning names line and column{}", run.report());

    let text = std::fs::read_to_string(sb.path("cv.toml")).unwrap();
    assert!(text.find("[basics]").unwrap() < text.find("[[work]]").unwrap(), "basics first");
    let imported: toml::Value = toml::from_str(&text).unwrap();
    let imported = serde_json::to_value(imported).unwrap();

    let mut all = Vec::new();
    leaves(&sample(), String::new(), &mut all);
    let mut checked = 0;
    for (path, value) in all {
        if path == "$schema" || UNMAPPED.contains(&path.as_str()) || value == json!("") {
            continue;
        }
        let expected = match path.as_str() {
            "meta.lastModified" => json!("2026-03-01"), // vita keeps the day
            _ => value,
        };
        assert_eq!(lookup(&imported, &path), Some(&expected), "{path} in\n{text}");
        checked += 1;
    }
    assert!(checked > 80, "only {checked} fields compared");
    // An ongoing role: JSON Resume leaves endDate out, vita says "present".
    assert_eq!(lookup(&imported, "work[0].endDate"), Some(&json!("present")));
    // The imported file is a valid résumé.
    sb.vita(&["validate", "cv.toml"]).assert_ok();
}

#[test]
fn import_refuses_to_overwrite() {
    let sb = sandbox_with_sample();
    sb.write("cv.toml", "keep me");
    let run = sb.vita(&["import", "cv.json"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("--force"), "{}", run.report());
    assert_eq!(std::fs::read_to_string(sb.path("cv.toml")).unwrap(), "keep me");
    sb.vita(&["import", "cv.json", "--force", "-q"]).assert_ok();
    assert!(std::fs::read_to_string(sb.path("cv.toml")).unwrap().contains("Rosalind Ng"));
}

#[test]
fn render_reads_json_resume_directly() {
    let sb = sandbox_with_sample();
    let run = sb.vita(&["render", "cv.json", "-o", "out"]);
    run.assert_ok();
    assert!(run.stderr().contains("`work[0].description` has no place"), "{}", run.report());
    let pdf = sb.path("out/cv.pdf");
    let text = tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    for needle in [
        "Rosalind Ng",
        "Staff SRE",
        "Apr 2021 – Present",
        "Boring Pagers",
        "Certified Kubernetes Administrator",
        "tidewatch",
        "Cantonese",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from the PDF:\n{text}");
    }
}

/// JSON → TOML → JSON gives the sample back, less what vita does not model.
#[test]
fn json_round_trip_keeps_every_modelled_field() {
    let sb = sandbox_with_sample();
    sb.vita(&["import", "cv.json", "-q"]).assert_ok();
    let run = sb.vita(&["export", "cv.toml", "--format", "json-resume"]);
    run.assert_ok();
    let back: Value = serde_json::from_slice(&run.output.stdout).unwrap();
    let mut expected = sample();
    expected["work"][0].as_object_mut().unwrap().remove("description");
    expected["basics"].as_object_mut().unwrap().remove("image");
    expected["meta"] = json!({ "lastModified": "2026-03-01" });
    assert_eq!(back, expected);
}

fn as_json(resume: &vita::model::Resume) -> Value {
    serde_json::to_value(resume).unwrap()
}

/// TOML → JSON Resume → TOML is lossless for the seed and for a résumé that
/// uses vita's extras (groups, tags, custom sections, one-date entries).
#[test]
fn toml_round_trip_is_lossless() {
    let extras = r#"
[basics]
name = "Alex Doe"
[[work]]
name = "A"
start_date = "2019"
highlights = ["plain", { text = "Lead:", items = ["x", "y"], numbered = true }]
tags = ["backend"]
[[volunteer]]
organization = "B"
location = "Oslo"
start_date = "2018-02"
end_date = "present"
[[education]]
institution = "C"
location = "Paris"
summary = "Thesis on *caches*."
end_date = "2010"
[[custom]]
title = "Talks"
entries = [{ title = "T", start_date = "2022-05", tags = ["x"] }]
[meta]
language = "de"
theme = "modern"
last_modified = "2026-03"
"#;
    let sb = Sandbox::new();
    sb.write("extras.toml", extras);
    for input in ["data/resume.toml", "extras.toml"] {
        let original = vita::model::load(&sb.path(input)).unwrap();
        sb.vita(&["export", input, "-o", "x.json"]).assert_ok();
        sb.vita(&["import", "x.json", "-o", "x.toml", "--force", "-q"]).assert_ok();
        let back = vita::model::load(&sb.path("x.toml")).unwrap();
        assert_eq!(as_json(&back), as_json(&original), "{input} changed in the round trip");
    }
    // The groups travel in vitaHighlights, flattened in highlights for other tools.
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(sb.path("x.json")).unwrap()).unwrap();
    let work = &json["work"][0];
    assert_eq!(work["highlights"], json!(["plain", "Lead:", "x", "y"]));
    assert_eq!(work["vitaHighlights"][1]["numbered"], json!(true));
    assert_eq!(work["endDate"], json!("2019"), "one date: endDate = startDate");
    assert!(json["volunteer"][0].get("endDate").is_none(), "ongoing: no endDate");
}

#[test]
fn edited_highlights_win_over_stale_groups() {
    let sb = Sandbox::new();
    let doc = json!({
        "basics": { "name": "A" },
        "work": [{ "name": "W", "highlights": ["edited"],
                   "vitaHighlights": [{ "text": "old", "items": ["x"] }] }]
    });
    sb.write("e.json", serde_json::to_string_pretty(&doc).unwrap());
    let run = sb.vita(&["import", "e.json", "-o", "-"]);
    run.assert_ok();
    assert!(run.stderr().contains("no longer matches"), "{}", run.report());
    let out = String::from_utf8(run.output.stdout.clone()).unwrap();
    assert!(out.contains("highlights = [\"edited\"]"), "{out}");
}

fn expect_error(json: &str, message: &str, place: &str) {
    let sb = Sandbox::new();
    sb.write("bad.json", json);
    for cmd in [&["render", "bad.json"][..], &["import", "bad.json"]] {
        let run = sb.vita(cmd);
        assert_eq!(run.code(), Some(2), "{}", run.report());
        let err = run.stderr();
        assert!(err.contains(message), "expected {message:?}{}", run.report());
        assert!(err.contains(place), "expected {place:?}{}", run.report());
        assert!(!sb.path("bad.toml").exists() && !sb.path("out").exists(), "{}", run.report());
    }
}

#[test]
fn json_errors_name_line_and_column() {
    expect_error(
        "{\n  \"basics\": {\"name\": \"A\"},\n  \"work\": [}\n",
        "expected value",
        "bad.json:3:12",
    );
    expect_error(
        "{\"basics\": {\"name\": \"A\"},\n \"work\": [{\"startDate\": \"2021-13\"}]}",
        "month 13",
        "bad.json:2:25",
    );
    expect_error(
        "{\"basics\": {\"name\": \"A\"},\n \"education\": [\n  {\"area\": \"CS\"}]}",
        "missing field `institution`",
        "bad.json:3:3",
    );
    expect_error(
        "{\"basics\": {\"name\": \"A\"},\n \"work\": [{\"startDate\": \"2021\", \"endDate\": \"2019\"}]}",
        "before the start date",
        "bad.json:2:",
    );
    expect_error("{\"basics\": {\"label\": \"x\"}}", "basics.name is missing", "bad.json:1:2");
    expect_error("{\"basics\": {\"name\": 7}}", "invalid type", "bad.json:1:21");
}

#[test]
fn export_writes_a_file_atomically_and_never_over_its_input() {
    let sb = Sandbox::new();
    sb.vita(&["export", "-o", "cv.json"]).assert_ok();
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(sb.path("cv.json")).unwrap()).unwrap();
    assert_eq!(doc["basics"]["name"], json!("Alex Doe"));
    assert!(doc["$schema"].as_str().unwrap().contains("jsonresume"));
    let run = sb.vita(&["export", "cv.json", "-o", "cv.json"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    let _: Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(sb.path("cv.json")).unwrap()).unwrap();
}
