//! Per-application overlays (`--overlay`): a small file merged over the
//! résumé. A table changes keys one by one, an entry is matched by its
//! `id`, a list is replaced or appended to as the overlay says, and every
//! problem in the overlay is reported at the overlay's own line.

mod common;

use common::{Sandbox, tool_stdout, words_placed};

const RESUME: &str = r#"
[basics]
name = "Alex Doe"
label = "Software Engineer"
summary = "Engineer who ships."

[[work]]
id = "acme"
name = "Acme Corp"
position = "Senior Engineer"
start_date = "2021-01"
end_date = "present"
highlights = ["Built the billing pipeline.", "Ran the on-call rota."]

[[work]]
id = "initech"
name = "Initech"
position = "Engineer"
start_date = "2017-05"
end_date = "2020-12"
highlights = ["Wrote the reporting service."]

[[skills]]
id = "lang"
name = "Languages"
keywords = ["Rust", "Go"]
"#;

const OVERLAY: &str = r#"# For the application at Globex.
[basics]
label = "Platform Engineer"

[[work]]
id = "acme"
highlights = ["Cut deploy time from 40 to 6 minutes.", "Moved billing to Kubernetes."]

[[work]]
id = "initech"
highlights = { append = ["Mentored two graduates."] }

[[work]]
name = "Globex Labs"
position = "Contractor"
start_date = "2016"
end_date = "2017"

[[skills]]
id = "lang"
keywords = { append = ["Python"] }
"#;

/// The text pdftotext reads from `pdf`, in reading order.
fn text_of(sb: &Sandbox, pdf: &str) -> String {
    tool_stdout("pdftotext", &[sb.path(pdf).to_str().unwrap(), "-"])
}

#[test]
fn an_overlay_changes_keys_entries_by_id_and_lists_as_it_says() {
    let sb = Sandbox::new();
    sb.write("cv.toml", RESUME);
    sb.write("globex.toml", OVERLAY);
    // Ids are for overlays alone: the résumé renders as it is.
    sb.vita(&["render", "cv.toml", "-o", "plain", "-f", "pdf,txt"]).assert_ok();
    let plain = text_of(&sb, "plain/cv.pdf");
    assert!(plain.contains("Software Engineer") && plain.contains("Ran the on-call rota"));
    let args = ["render", "cv.toml", "--overlay", "globex.toml", "-o", "out", "-f", "pdf,txt,png"];
    sb.vita(&args).assert_ok();
    let text = text_of(&sb, "out/cv.pdf");
    let txt = std::fs::read_to_string(sb.path("out/cv.txt")).unwrap();
    for t in [&text, &txt] {
        // A key, a list replaced, a list appended to, an entry added.
        assert!(t.contains("Platform Engineer") && !t.contains("Software Engineer"), "{t}");
        assert!(t.contains("Cut deploy time") && !t.contains("billing pipeline"), "{t}");
        assert!(t.contains("Wrote the reporting service") && t.contains("Mentored two"), "{t}");
        assert!(t.contains("Globex Labs") && t.contains("Python"), "{t}");
        // What the overlay does not touch stays.
        assert!(t.contains("Engineer who ships") && t.contains("Rust"), "{t}");
    }
    // In place: each changed bullet under its own job, in the résumé's
    // order, and the added job last.
    let words = words_placed(&sb.path("out/cv.pdf"));
    let top = |w: &str| words.iter().find(|p| p.word == w).unwrap_or_else(|| panic!("{w}")).y.0;
    let order = ["Acme", "Cut", "Kubernetes.", "Initech", "reporting", "Mentored", "Globex"];
    for pair in order.windows(2) {
        assert!(top(pair[0]) < top(pair[1]), "{} is not above {}", pair[0], pair[1]);
    }
    // The bullets are set as the résumé's are: the same left edge.
    let left = |w: &str| words.iter().find(|p| p.word == w).unwrap().x.0;
    assert!((left("Cut") - left("Wrote")).abs() < 0.002, "{} {}", left("Cut"), left("Wrote"));
    let png = image::open(sb.path("out/cv-1.png")).unwrap().to_luma8();
    let ink = png.pixels().filter(|p| p.0[0] < 128).count();
    assert!(ink > 2000, "the page has {ink} dark pixels");
}

#[test]
fn problems_in_an_overlay_are_reported_at_its_own_lines() {
    let sb = Sandbox::new();
    sb.write("cv.toml", RESUME);
    let cases = [
        // An id no entry has, with the ids it might have meant.
        ("[[work]]\nid = \"acmee\"\nposition = \"Lead\"\n", "acme.toml:2:6", "did you mean `acme`"),
        // A key the résumé has no place for.
        ("[basics]\nlabell = \"Lead\"\n", "acme.toml:2:1", "did you mean `label`"),
        // A value of the wrong kind.
        ("\n\n[basics]\nname = 42\n", "acme.toml:4:8", "invalid type"),
        // Not TOML.
        ("[basics\n", "acme.toml:1:8", "unclosed table"),
        // A list operation without a list.
        (
            "[[work]]\nid = \"acme\"\nhighlights = { append = \"x\" }\n",
            "acme.toml:3:",
            "takes a list",
        ),
        // A date range that ends before it starts, from the overlay.
        ("[[work]]\nid = \"acme\"\nend_date = \"2019-01\"\n", "acme.toml:3:", "before"),
    ];
    for (overlay, place, says) in cases {
        sb.write("acme.toml", overlay);
        let run = sb.vita(&["render", "cv.toml", "--overlay", "acme.toml", "-o", "out"]);
        assert_eq!(run.code(), Some(2), "{overlay}\n{}", run.report());
        let err = run.stderr();
        assert!(err.contains(place), "{overlay}: not at {place}:\n{err}");
        assert!(err.contains(says), "{overlay}: does not say {says:?}:\n{err}");
        assert!(!sb.path("out").exists(), "nothing is written on an error");
    }
    // A photo the overlay names is reported at the overlay's line, in a
    // theme that shows it.
    sb.write("acme.toml", "\n[basics]\nimage = \"nope.png\"\n");
    let run = sb.vita(&["render", "cv.toml", "--overlay", "acme.toml", "-t", "modern"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("acme.toml:3:1"), "{}", run.report());
    // An overlay that is not there is called an overlay.
    let run = sb.vita(&["render", "cv.toml", "--overlay", "gone.toml"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("cannot read the overlay"), "{}", run.report());
}

#[test]
fn an_overlay_is_never_replaced_and_applies_to_toml_only() {
    let sb = Sandbox::new();
    sb.write("cv.toml", RESUME);
    // An overlay whose name an output would take.
    sb.write("out/cv.txt", "[basics]\nlabel = \"Lead\"\n");
    let run = sb.vita(&["render", "cv.toml", "--overlay", "out/cv.txt", "-o", "out"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("overlay"), "{}", run.report());
    sb.write("cv.json", r#"{"basics": {"name": "A"}}"#);
    sb.write("acme.toml", "[basics]\nlabel = \"Lead\"\n");
    let run = sb.vita(&["render", "cv.json", "--overlay", "acme.toml", "-o", "json"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("vita import"), "{}", run.report());
}
