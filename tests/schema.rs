//! The committed JSON Schema (schema/resume.schema.json) is what `vita schema`
//! prints: a model change without regenerating it fails here.

mod common;

use common::{Sandbox, root};

const REGENERATE: &str = "cargo run --release -- schema -o schema/resume.schema.json";

#[test]
fn committed_schemas_are_current() {
    let sb = Sandbox::new();
    for kind in ["resume", "letter", "application"] {
        let run = sb.vita(&["schema", "--for", kind]);
        run.assert_ok();
        let printed = String::from_utf8(run.output.stdout.clone()).expect("utf-8 schema");
        let file = format!("schema/{kind}.schema.json");
        let regenerate = REGENERATE
            .replace("schema -o", &format!("schema --for {kind} -o"))
            .replace("resume.schema", &format!("{kind}.schema"));
        let committed = std::fs::read_to_string(root().join(&file))
            .unwrap_or_else(|e| panic!("{file}: {e}; create it with `{regenerate}`"));
        assert!(
            printed == committed,
            "{file} is stale: the model changed since it was generated.\n\
             Regenerate it with `{regenerate}` and commit the result."
        );
    }
}

#[test]
fn the_letter_schema_names_its_parts_and_windows() {
    let sb = Sandbox::new();
    let run = sb.vita(&["schema", "--for", "letter"]);
    let schema: serde_json::Value = serde_json::from_slice(&run.output.stdout).expect("JSON");
    assert_eq!(schema["required"], serde_json::json!(["resume", "body"]), "{schema}");
    assert_eq!(schema["additionalProperties"], false);
    let text = schema.to_string();
    for part in ["recipient", "salutation", "closing", "signature", "din5008", "us10"] {
        assert!(text.contains(part), "no {part} in {schema}");
    }
}

#[test]
fn schema_describes_every_section_and_forbids_unknown_keys() {
    let sb = Sandbox::new();
    let run = sb.vita(&["schema"]);
    run.assert_ok();
    let schema: serde_json::Value = serde_json::from_slice(&run.output.stdout).expect("JSON");
    let props = schema["properties"].as_object().expect("top-level properties");
    for section in [
        "meta",
        "basics",
        "work",
        "volunteer",
        "education",
        "awards",
        "certificates",
        "publications",
        "skills",
        "languages",
        "interests",
        "references",
        "projects",
        "custom",
    ] {
        assert!(props.contains_key(section), "no `{section}` in the schema");
    }
    assert_eq!(schema["required"], serde_json::json!(["basics"]));
    assert_eq!(schema["additionalProperties"], false);
    let work = &schema["definitions"]["Work"];
    assert_eq!(work["additionalProperties"], false, "{work}");
    assert!(work["properties"]["start_date"].to_string().contains("#/definitions/Date"));
    assert!(work["properties"]["position"]["description"].is_string(), "{work}");
}

#[test]
fn schema_can_be_written_to_a_file() {
    let sb = Sandbox::new();
    sb.vita(&["schema", "-o", "s.json"]).assert_ok();
    let written = std::fs::read(sb.path("s.json")).unwrap();
    let printed = sb.vita(&["schema"]).output.stdout;
    assert_eq!(written, printed);
}
