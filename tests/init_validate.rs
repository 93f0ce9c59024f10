//! `vita init` writes a starter that renders and validates clean and names
//! every field of the model; `vita validate` reports errors and likely
//! mistakes with their places and the documented exit codes.

mod common;

use common::{Sandbox, tool_stdout};

#[test]
fn init_writes_a_starter_that_renders_and_validates_clean() {
    let sb = Sandbox::new();
    sb.vita(&["init", "new/cv.toml"]).assert_ok();
    let v = sb.vita(&["validate", "--strict", "new/cv.toml"]);
    v.assert_ok();
    assert!(v.stderr().contains("new/cv.toml: ok"), "{}", v.report());
    assert!(!v.stderr().contains("warning"), "{}", v.report());
    for theme in ["classic", "sidebar", "modern"] {
        let run = sb.vita(&["render", "new/cv.toml", "-o", theme, "--theme", theme, "-q"]);
        run.assert_ok();
        assert!(run.stderr().is_empty(), "render warned{}", run.report());
    }
    let pdf = sb.path("classic/cv.pdf");
    let text = tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    for needle in
        ["Jordan Example", "Example Corp", "Code Club", "Caching at the Edge", "tinyqueue", "Talks"]
    {
        assert!(text.contains(needle), "{needle:?} missing from the starter's PDF:\n{text}");
    }
}

#[test]
fn init_never_overwrites() {
    let sb = Sandbox::new();
    let before = std::fs::read(sb.path("data/resume.toml")).unwrap();
    let run = sb.vita(&["init"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("never overwrites"), "{}", run.report());
    assert_eq!(std::fs::read(sb.path("data/resume.toml")).unwrap(), before);
}

/// A field added to the model must be added to the starter (with its comment).
#[test]
fn starter_names_every_field_of_the_schema() {
    let sb = Sandbox::new();
    sb.vita(&["init", "cv.toml"]).assert_ok();
    let template = std::fs::read_to_string(sb.path("cv.toml")).unwrap();
    let run = sb.vita(&["schema"]);
    let schema: serde_json::Value = serde_json::from_slice(&run.output.stdout).unwrap();
    let mut tables = vec![&schema];
    tables.extend(schema["definitions"].as_object().unwrap().values());
    let mut names = 0;
    for table in tables {
        let Some(props) = table["properties"].as_object() else { continue };
        for key in props.keys() {
            let as_key = |line: &str| {
                let line = line.trim_start().trim_start_matches("# ");
                let line = line.split("  #").next().unwrap_or(line).trim_end();
                line.starts_with(&format!("{key} ="))
                    || line.contains(&format!("{{ {key} ="))
                    || line.contains(&format!(", {key} ="))
                    || line.trim_end_matches(']').ends_with(&format!(".{key}"))
                    || line.trim_matches(['[', ']']) == key
                    // A table of named tables: `[variants.backend]`.
                    || line.starts_with('[') && line.trim_matches(['[', ']']).starts_with(&format!("{key}."))
            };
            assert!(template.lines().any(as_key), "the starter has no `{key}`:\n{template}");
            let commented = template.lines().any(|l| as_key(l) && l.contains('#'))
                || ["highlights", "items", "numbered", "text"].contains(&key.as_str());
            assert!(commented, "`{key}` has no comment in the starter");
            names += 1;
        }
    }
    assert!(names > 90, "only {names} fields found in the schema");
}

#[test]
fn validate_seed_has_no_false_alarms() {
    let sb = Sandbox::new();
    let run = sb.vita(&["validate"]);
    run.assert_ok();
    let err = run.stderr();
    // The seed states no dates for most roles, and gives an e-mail placeholder.
    assert!(!err.contains("no dates") && !err.contains("no e-mail"), "{}", run.report());
    assert!(!err.contains("error"), "{}", run.report());
}

#[test]
fn validate_warns_with_places_and_strict_exits_1() {
    let long = "word ".repeat(90);
    let cv = format!(
        "[basics]\nname = \"A\"\nimage = \"missing.jpg\"\n\
         [[work]]\nname = \"X\"\nstart_date = \"2020\"\n\
         [[work]]\nname = \"Y\"\nend_date = \"2019\"\n\
         [[work]]\nname = \"Z\"\n\
         highlights = [\"short\", \"{long}\"]\n"
    );
    let sb = Sandbox::new();
    sb.write("cv.toml", cv);
    let run = sb.vita(&["validate", "cv.toml"]);
    run.assert_ok();
    let err = run.stderr();
    for (message, place) in [
        ("no e-mail address", "cv.toml:1:2"),
        ("the photo `missing.jpg` is not there", "cv.toml:3:1"),
        ("work[2]: this work entry has no dates", "cv.toml:10:"),
        ("work[2].highlights[1]: a bullet of 450 characters", "cv.toml:12:24"),
    ] {
        assert!(err.contains(message), "expected {message:?}{}", run.report());
        assert!(err.contains(place), "expected {place:?}{}", run.report());
    }
    assert!(err.contains("cv.toml: 4 warnings"), "{}", run.report());
    let strict = sb.vita(&["validate", "--strict", "cv.toml"]);
    assert_eq!(strict.code(), Some(1), "{}", strict.report());
}

#[test]
fn validate_errors_exit_2_and_every_file_is_checked() {
    let sb = Sandbox::new();
    sb.write(
        "bad.toml",
        "[basics]\nname = \"A\"\n[[work]]\nstart_date = \"2021\"\nend_date = \"2019\"\n",
    );
    sb.write("theme.toml", "extends = \"classic\"\n[page]\nmargn = 3\n");
    let run = sb.vita(&["validate", "bad.toml", "data/resume.toml", "--theme", "theme.toml"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    let err = run.stderr();
    assert!(
        err.contains("before the start date") && err.contains("bad.toml:5:12"),
        "{}",
        run.report()
    );
    assert!(err.contains("data/resume.toml: 1 warning"), "{}", run.report());
    assert!(
        err.contains("did you mean `margin_top`?") && err.contains("theme.toml:3:1"),
        "{}",
        run.report()
    );
    // A résumé's own meta.theme is checked too.
    sb.write("m.toml", "[meta]\ntheme = \"nosuch\"\n[basics]\nname = \"A\"\nemail = \"a@b.c\"\n");
    let run = sb.vita(&["validate", "m.toml"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("no theme named `nosuch`"), "{}", run.report());
}

#[test]
fn validate_json_resume_places_warnings_in_the_json() {
    let sb = Sandbox::new();
    sb.write(
        "cv.json",
        "{\n  \"basics\": {\"name\": \"A\"},\n  \"work\": [\n    {\"name\": \"X\", \"startDate\": \"2020\", \"description\": \"d\"},\n    {\"name\": \"Y\", \"startDate\": \"2019\"},\n    {\"name\": \"Z\"}\n  ]\n}\n",
    );
    let run = sb.vita(&["validate", "cv.json"]);
    run.assert_ok();
    let err = run.stderr();
    assert!(
        err.contains("`work[0].description` has no place") && err.contains("cv.json:4:"),
        "{}",
        run.report()
    );
    assert!(
        err.contains("work[2]: this work entry has no dates") && err.contains("cv.json:6:5"),
        "{}",
        run.report()
    );
    assert!(err.contains("no e-mail address") && err.contains("cv.json:2:3"), "{}", run.report());
}
