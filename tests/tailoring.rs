//! Tailoring by tags (`--tags`): one résumé, an application's selection of
//! it. Entries without tags always show; a tagged entry shows when one of
//! its tags is chosen (or when none is chosen), and never when one is
//! excluded (`-tag`).
//!
//! The rendered PDFs hold exactly what their tags select (read back with
//! pdftotext), and a property test checks the rule on random résumés and
//! random selections, through the plain-text output.

mod common;

use common::{Sandbox, tool_stdout};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const RESUME: &str = r#"
[basics]
name = "Alex Doe"
summary = "Engineer."

[[work]]
name = "Untagged Corp"
position = "Engineer"
highlights = [
  "Shipped things.",
  { text = "Tuned the query planner.", tags = ["data"] },
  { text = "Led the on-call rota:", items = ["Wrote runbooks.", { text = "Cut page volume.", tags = ["backend"] }] },
]

[[work]]
name = "Backend Systems"
position = "Platform engineer"
tags = ["backend"]

[[work]]
name = "Frontend Studio"
position = "UI engineer"
tags = ["frontend"]

[[work]]
name = "Data Warehouse"
position = "Data engineer"
tags = ["data", "backend"]

[[skills]]
name = "Databases"
keywords = ["PostgreSQL"]
tags = ["data"]

[[skills]]
name = "Languages"
keywords = ["Rust", "TypeScript", { text = "Kafka", tags = ["data"] }]

[[basics.profiles]]
network = "Dribbble"
username = "alexdraws"
tags = ["frontend"]

[[projects]]
name = "Design System"
tags = ["frontend"]

[meta.section_tags]
projects = ["frontend"]
"#;

/// The text pdftotext reads from the résumé rendered with `--tags tags`.
fn rendered(sb: &Sandbox, tags: &str) -> String {
    let out = format!("out-{}", tags.replace([',', '-'], "_"));
    let args = ["render", "cv.toml", "-o", &out, &format!("--tags={tags}")];
    sb.vita(&args).assert_ok();
    let pdf = sb.path(&format!("{out}/cv.pdf"));
    tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"])
}

#[test]
fn three_selections_give_three_pdfs_with_exactly_their_entries() {
    let sb = Sandbox::new();
    sb.write("cv.toml", RESUME);
    // Entries, a bullet, a group's item, a keyword, a profile and a
    // section, each tagged.
    let all = [
        "Untagged Corp",
        "Backend Systems",
        "Frontend Studio",
        "Data Warehouse",
        "Databases",
        "query planner",
        "Cut page volume",
        "Kafka",
        "alexdraws",
        "Design System",
    ];
    let cases: [(&str, &[&str]); 4] = [
        ("backend", &["Untagged Corp", "Backend Systems", "Data Warehouse", "Cut page volume"]),
        ("frontend", &["Untagged Corp", "Frontend Studio", "alexdraws", "Design System"]),
        ("data", &["Untagged Corp", "Data Warehouse", "Databases", "query planner", "Kafka"]),
        ("backend,-data", &["Untagged Corp", "Backend Systems", "Cut page volume"]),
    ];
    let mut texts = Vec::new();
    for (tags, shown) in cases {
        let text = rendered(&sb, tags);
        for name in all {
            assert_eq!(
                text.contains(name),
                shown.contains(&name),
                "--tags {tags}: {name:?} shown is wrong in:\n{text}"
            );
        }
        // Untagged skills, bullets and items stay.
        for untagged in ["TypeScript", "Shipped things", "Wrote runbooks"] {
            assert!(text.contains(untagged), "{text}");
        }
        texts.push(text);
    }
    texts.dedup();
    assert_eq!(texts.len(), 4, "four selections, four different PDFs");
    // Without --tags, everything shows.
    sb.vita(&["render", "cv.toml", "-o", "everything"]).assert_ok();
    let text = tool_stdout("pdftotext", &[sb.path("everything/cv.pdf").to_str().unwrap(), "-"]);
    assert!(all.iter().all(|name| text.contains(name)), "{text}");
}

/// Tags to draw from.
const TAGS: [&str; 4] = ["alpha", "beta", "gamma", "delta"];

/// Tag masks: for each job its own and its bullets', then the keywords'.
type Masks = (Vec<(u8, Vec<u8>)>, Vec<u8>);

/// The tags whose bits are set in `mask`, as a TOML list.
fn tag_list(mask: u8) -> String {
    let tags: Vec<String> =
        (0..4).filter(|b| mask & (1 << b) != 0).map(|b| format!("\"{}\"", TAGS[b])).collect();
    format!("[{}]", tags.join(", "))
}

/// A résumé of jobs named `JobN`, each with bullets `BqNkMq`, and one
/// skill with keywords `KqMq`, each tagged by its mask.
fn resume_of((jobs, keywords): &Masks) -> String {
    let mut out = String::from("[basics]\nname = \"Alex Doe\"\n");
    for (n, (mask, bullets)) in jobs.iter().enumerate() {
        let bullets: Vec<String> = bullets
            .iter()
            .enumerate()
            .map(|(m, b)| format!("{{ text = \"Bq{n}k{m}q\", tags = {} }}", tag_list(*b)))
            .collect();
        out.push_str(&format!(
            "[[work]]\nname = \"Job{n}\"\nposition = \"Role\"\ntags = {}\nhighlights = [{}]\n",
            tag_list(*mask),
            bullets.join(", ")
        ));
    }
    let keywords: Vec<String> = keywords
        .iter()
        .enumerate()
        .map(|(m, k)| format!("{{ text = \"Kq{m}q\", tags = {} }}", tag_list(*k)))
        .collect();
    out.push_str(&format!("[[skills]]\nname = \"Tools\"\nkeywords = [{}]\n", keywords.join(", ")));
    out
}

#[test]
fn random_selections_show_exactly_what_their_tags_select() {
    let theme = vita::theme::Theme::resolve("classic").unwrap();
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64);
    let mut runner =
        TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let job = (0u8..16, proptest::collection::vec(0u8..16, 0..4));
    let masks = (proptest::collection::vec(job, 1..6), proptest::collection::vec(0u8..16, 1..5));
    let strategy = (masks, 0u8..16, 0u8..16);
    runner
        .run(&strategy, |(masks, chosen, excluded)| {
            let mut args: Vec<String> =
                (0..4).filter(|b| chosen & (1 << b) != 0).map(|b| TAGS[b].to_string()).collect();
            args.extend(
                (0..4).filter(|b| excluded & (1 << b) != 0).map(|b| format!("-{}", TAGS[b])),
            );
            let mut resume: vita::model::Resume = toml::from_str(&resume_of(&masks)).unwrap();
            vita::model::select::Selection::parse(&args).apply(&mut resume);
            let opts = vita::render::Options {
                formats: vec![vita::render::Format::Txt],
                timestamp: 0,
                photo: None,
                dpi: 72.0,
                font_dirs: Vec::new(),
                pdf: Default::default(),
            };
            let out = vita::render::render(&resume, &theme, &opts).unwrap();
            let text = String::from_utf8(out.outputs[0].1.clone()).unwrap();
            // The rule, stated again: untagged shows; tagged shows when
            // chosen (or when nothing is chosen) and not excluded.
            let rule =
                |mask: u8| mask & excluded == 0 && (chosen == 0 || mask == 0 || mask & chosen != 0);
            let mut expected: Vec<(String, bool)> = Vec::new();
            for (n, (mask, bullets)) in masks.0.iter().enumerate() {
                expected.push((format!("Job{n}"), rule(*mask)));
                for (m, b) in bullets.iter().enumerate() {
                    expected.push((format!("Bq{n}k{m}q"), rule(*mask) && rule(*b)));
                }
            }
            for (m, k) in masks.1.iter().enumerate() {
                expected.push((format!("Kq{m}q"), rule(*k)));
            }
            for (token, shown) in expected {
                let found = text.split(|c: char| !c.is_alphanumeric()).any(|word| word == token);
                prop_assert_eq!(found, shown, "{} with {:?}:\n{}", token, args, text);
            }
            Ok(())
        })
        .unwrap();
}

/// The same résumé with three variants of its own.
fn with_variants() -> String {
    format!(
        "{RESUME}\n\
         [variants.backend]\ntags = [\"backend\"]\nlabel = \"Backend engineer\"\n\n\
         [variants.frontend]\ntags = [\"frontend\"]\nlabel = \"Frontend engineer\"\n\
         theme = \"modern\"\n\n\
         [variants.data]\ntags = [\"data\"]\nexclude_tags = [\"backend\"]\n\
         sections = [\"summary\", \"skills\", \"work\"]\nsummary = \"Data engineer.\"\npages = 1\n"
    )
}

#[test]
fn variant_all_writes_each_variant_with_its_selection_label_sections_and_theme() {
    let sb = Sandbox::new();
    sb.write("cv.toml", with_variants());
    let run = sb.vita(&["render", "cv.toml", "--variant", "all"]);
    run.assert_ok();
    let read = |name: &str| {
        let pdf = sb.path(&format!("out/cv.{name}.pdf"));
        assert!(pdf.is_file(), "{name}: {}", run.report());
        tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"])
    };
    let (backend, frontend, data) = (read("backend"), read("frontend"), read("data"));
    assert!(backend.contains("Backend engineer") && backend.contains("Backend Systems"));
    assert!(!backend.contains("Frontend Studio"), "{backend}");
    assert!(frontend.contains("Frontend engineer") && frontend.contains("Frontend Studio"));
    assert!(!frontend.contains("Backend Systems"), "{frontend}");
    // Excluded by its backend tag, though tagged data too.
    assert!(!data.contains("Data Warehouse") && data.contains("Databases"), "{data}");
    assert!(data.contains("Data engineer.") && !data.contains("Engineer.\n"), "{data}");
    // Its sections, in its order: skills before work.
    let (skills, work) = (data.find("Databases").unwrap(), data.find("Untagged Corp").unwrap());
    assert!(skills < work, "skills come first:\n{data}");
    // Each variant is its own PDF; the frontend one in its own theme.
    let fonts = |name: &str| {
        tool_stdout("pdffonts", &[sb.path(&format!("out/cv.{name}.pdf")).to_str().unwrap()])
    };
    assert!(fonts("frontend").contains("Lato"), "{}", fonts("frontend"));
    assert!(fonts("backend").contains("CharisSIL"), "{}", fonts("backend"));
    assert!(run.stderr().contains("fits on 1 page") || run.stderr().contains("fit to 1 page"));

    let table = sb.vita(&["variants", "cv.toml"]);
    table.assert_ok();
    let out = String::from_utf8_lossy(&table.output.stdout).into_owned();
    let row = |name: &str| out.lines().find(|l| l.starts_with(name)).unwrap_or("").to_string();
    assert!(out.starts_with("variant") && out.contains("work") && out.contains("skills"), "{out}");
    assert!(row("backend").contains("3/4"), "backend keeps 3 of 4 jobs:\n{out}");
    assert!(row("data").contains("1/4"), "data keeps 1 of 4 jobs:\n{out}");
    // A section a variant leaves out counts as dropped.
    sb.write("edu.toml", format!("{}\n[[education]]\ninstitution = \"Uni\"\n", with_variants()));
    let out =
        String::from_utf8_lossy(&sb.vita(&["variants", "edu.toml"]).output.stdout).into_owned();
    let header: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
    let column = header.iter().position(|c| *c == "education").expect("an education column");
    let cell = |name: &str| {
        let line = out.lines().find(|l| l.starts_with(name)).unwrap().to_string();
        line.split_whitespace().nth(column).unwrap().to_string()
    };
    assert_eq!((cell("data"), cell("backend")), ("0/1".into(), "1/1".into()), "{out}");

    let unknown = sb.vita(&["render", "cv.toml", "--variant", "sales"]);
    assert_eq!(unknown.code(), Some(2), "{}", unknown.report());
    assert!(unknown.stderr().contains("no variant named `sales`"), "{}", unknown.report());
    assert!(unknown.stderr().contains("backend, data, frontend"), "{}", unknown.report());
}

#[test]
fn validate_warns_of_a_variant_that_selects_nothing_and_a_tag_no_variant_names() {
    let sb = Sandbox::new();
    sb.write(
        "cv.toml",
        format!(
            "{RESUME}\n[variants.aaa]\nexclude_tags = [\"data\"]\n\
             [variants.backend]\ntags = [\"bakend\"]\nexclude_tags = [\"data\"]\n"
        ),
    );
    let run = sb.vita(&["validate", "cv.toml"]);
    let err = run.stderr();
    assert!(err.contains("variant `backend` selects no entry: none is tagged bakend"), "{err}");
    // Warnings point into the file: at the variant that selects nothing.
    assert!(err.contains("[variants.backend]") && err.contains("cv.toml:"), "{err}");
    // A variant that chooses no tags shows every tag it does not exclude…
    assert!(!err.contains("no variant names the tag"), "{err}");
    // …and without it, a tag no variant names is a warning.
    let only = format!("{RESUME}\n[variants.backend]\ntags = [\"backend\"]\n");
    sb.write("only.toml", only);
    let err = sb.vita(&["validate", "only.toml"]).stderr();
    assert!(err.contains("no variant names the tag `frontend`"), "{err}");
    assert!(!err.contains("the tag `backend`"), "{err}");
}

/// Private fields and entries reach no output of a public render: not the
/// PDF's text, not its raw bytes (metadata, links), not the .txt.
#[test]
fn a_public_render_leaves_every_private_string_out_of_every_output() {
    let private = ["+1 555 0100", "742 Evergreen Terrace", "call Dana on 555 0199", "Dana Reyes"];
    let resume = format!(
        "[basics]\nname = \"Alex Doe\"\nemail = \"alex@example.com\"\nphone = \"{}\"\n\
         private = [\"phone\"]\n\
         [basics.location]\naddress = \"{}\"\ncity = \"Springfield\"\nprivate = [\"address\"]\n\
         [[work]]\nname = \"Acme\"\nposition = \"Engineer\"\n\
         [[references]]\nname = \"{}\"\nreference = \"{}\"\nprivate = true\n\
         [[references]]\nname = \"Sam Lee\"\nreference = \"A fine engineer.\"\n\
         [variants.recruiter]\npublic = true\n",
        private[0], private[1], private[3], private[2]
    );
    let sb = Sandbox::new();
    sb.write("cv.toml", resume);
    // Everything; --public; a variant with `public = true`.
    let runs: [(&[&str], &str, &str); 3] = [
        (&[], "all", "cv"),
        (&["--public"], "public", "cv"),
        (&["--variant", "recruiter"], "variant", "cv.recruiter"),
    ];
    for (flags, out, stem) in runs {
        let mut args = vec!["render", "cv.toml", "-o", out, "-f", "pdf,txt,png"];
        args.extend(flags);
        sb.vita(&args).assert_ok();
        let flag = flags.first();
        let pdf = sb.path(&format!("{out}/{stem}.pdf"));
        let raw = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
        let text = tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        let txt = std::fs::read_to_string(sb.path(&format!("{out}/{stem}.txt"))).unwrap();
        let shown =
            |secret: &str| text.contains(secret) || txt.contains(secret) || raw.contains(secret);
        if flag.is_some() {
            for secret in private {
                assert!(!shown(secret), "{out}: {secret:?} is in an output\n{text}\n{txt}");
            }
        } else {
            // Without --public, they show (the address only where a theme
            // prints it).
            for secret in [private[0], private[2], private[3]] {
                assert!(shown(secret), "{out}: {secret:?} is missing\n{text}\n{txt}");
            }
        }
        // The rest stays.
        assert!(text.contains("Sam Lee") && txt.contains("Springfield"), "{text}\n{txt}");
        assert!(sb.path(&format!("{out}/{stem}-1.png")).is_file());
    }
}

#[test]
fn a_json_resume_marks_private_fields_the_same_way() {
    let resume = serde_json::json!({
        "basics": {
            "name": "Alex Doe",
            "phone": "+1 555 0100",
            "private": ["phone"],
            "location": { "city": "Springfield", "address": "742 Evergreen Terrace",
                          "private": ["address"] }
        },
        "work": [{ "name": "Acme", "position": "Engineer" }],
        "references": [
            { "name": "Dana Reyes", "reference": "call Dana on 555 0199", "private": true },
            { "name": "Sam Lee", "reference": "A fine engineer." }
        ]
    });
    let sb = Sandbox::new();
    sb.write("cv.json", resume.to_string());
    let run = sb.vita(&["render", "cv.json", "-o", "all", "-f", "txt"]);
    run.assert_ok();
    assert!(
        !run.stderr().contains("private"),
        "`private` is not reported as unknown: {}",
        run.report()
    );
    let all = std::fs::read_to_string(sb.path("all/cv.txt")).unwrap();
    assert!(all.contains("+1 555 0100") && all.contains("Dana Reyes"), "{all}");
    sb.vita(&["render", "cv.json", "-o", "public", "-f", "txt", "--public"]).assert_ok();
    let public = std::fs::read_to_string(sb.path("public/cv.txt")).unwrap();
    for secret in ["+1 555 0100", "742 Evergreen Terrace", "555 0199", "Dana Reyes"] {
        assert!(!public.contains(secret), "{secret:?} is in the public text:\n{public}");
    }
    assert!(public.contains("Sam Lee") && public.contains("Springfield"), "{public}");
}

#[test]
fn export_writes_the_tailored_resume_as_json_resume() {
    let sb = Sandbox::new();
    sb.write(
        "cv.toml",
        format!("{RESUME}\n[variants.data]\ntags = [\"data\"]\nlabel = \"Data Engineer\"\n"),
    );
    sb.write("acme.toml", "[basics]\nsummary = \"Overlaid summary.\"\n");
    let run = sb.vita(&["export", "cv.toml", "--variant", "data", "--overlay", "acme.toml"]);
    run.assert_ok();
    let json: serde_json::Value = serde_json::from_slice(&run.output.stdout).unwrap();
    let names: Vec<&str> =
        json["work"].as_array().unwrap().iter().map(|w| w["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Untagged Corp", "Data Warehouse"], "{json}");
    assert_eq!(json["basics"]["label"], "Data Engineer");
    assert_eq!(json["basics"]["summary"], "Overlaid summary.");
    // The selection reaches bullets and keywords too.
    let text = json.to_string();
    assert!(text.contains("query planner") && !text.contains("Cut page volume"), "{text}");
    assert!(text.contains("Kafka") && !text.contains("Dribbble"), "{text}");
    // Without flags, everything is exported, tags and all.
    let run = sb.vita(&["export", "cv.toml"]);
    let all = String::from_utf8(run.output.stdout.clone()).unwrap();
    assert!(all.contains("Frontend Studio") && all.contains("vitaKeywords"), "{all}");
    let run = sb.vita(&["export", "cv.toml", "--variant", "nope"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
}
