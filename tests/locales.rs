//! Locales end to end: every built-in language's starter renders in its own
//! words; a multilingual résumé writes one set of outputs per language, each
//! with only its own text; labels can be overridden; unknown languages and
//! labels are errors with the list or the nearest name.
//!
//! The PDF of scripts vita cannot draw yet (Arabic, Persian, Hebrew, Hindi,
//! Chinese, Japanese, Korean) is left to the world-scripts work: for those,
//! these tests read the .txt output, which carries every word.

mod common;

use common::{Sandbox, tool_stdout};
use vita::locale::{LOCALES, Locale};

/// Languages whose script the bundled fonts draw.
const DRAWN: &[&str] = &[
    "en", "en-GB", "de", "fr", "es", "it", "pt-PT", "pt-BR", "nl", "da", "sv", "nb", "nn", "fi",
    "pl", "cs", "hu", "tr", "ru", "uk", "el", "id", "vi",
];

#[test]
fn every_locale_renders_its_starter_in_its_own_words() {
    let sb = Sandbox::new();
    for entry in LOCALES {
        let tag = entry.tag;
        let file = format!("{tag}.toml");
        sb.vita(&["init", "--lang", tag, &file]).assert_ok();
        let drawn = DRAWN.contains(&tag);
        let formats = if drawn { "pdf,txt" } else { "txt" };
        let run = sb.vita(&["render", &file, "-o", tag, "-f", formats, "-q"]);
        run.assert_ok();
        assert!(run.stderr().is_empty(), "{tag}: the render warned{}", run.report());
        let locale = Locale::new(tag).unwrap();
        let l = &locale.labels;
        let txt = std::fs::read_to_string(sb.path(&format!("{tag}/{tag}.txt"))).unwrap();
        for title in [&l.work, &l.education, &l.skills, &l.projects] {
            let heading = title.to_uppercase();
            assert!(
                txt.lines().any(|line| line == heading),
                "{tag}: no heading {heading:?}\n{txt}"
            );
        }
        assert!(txt.contains(&l.present), "{tag}: no {:?}\n{txt}", l.present);
        for english in ["EXPERIENCE", "EDUCATION", "Present", "Keywords"] {
            let own = [&l.work, &l.education, &l.present, &l.keywords];
            if own.iter().all(|w| !w.to_uppercase().contains(&english.to_uppercase())) {
                assert!(!txt.contains(english), "{tag}: English {english:?} left\n{txt}");
            }
        }
        if drawn {
            let pdf = sb.path(&format!("{tag}/{tag}.pdf"));
            let text = tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"]);
            assert!(text.contains(&l.present), "{tag}: the PDF has no {:?}\n{text}", l.present);
            assert!(!text.contains('\u{fffd}'), "{tag}: a character is missing in the PDF");
        }
    }
}

const BILINGUAL: &str = r#"
[meta]
language = "en"

[basics]
name = "Ana Lima"
label = { en = "Data Engineer", de = "Dateningenieurin" }
summary = { en = "Builds pipelines that never page anyone.", de = "Baut Datenstrecken, die niemanden nachts wecken." }

[[work]]
name = "Acme"
position = { en = "Lead Engineer", de = "Leitende Ingenieurin" }
start_date = "2021-05"
end_date = "present"
highlights = [
  { en = "Cut costs by half.", de = "Halbierte die Kosten." },
  { text = "Only in English.", lang = "en" },
  { text = "Nur auf Deutsch.", lang = ["de"] },
  "Kubernetes",
]

[[work]]
name = "Beta GmbH"
position = "Werkstudentin"
lang = "de"
start_date = "2019-03"
end_date = "2021-04"

[[education]]
institution = "TU Berlin"
area = { en = "Computer Science", de = "Informatik" }
summary = { en = "Thesis on streaming joins." }
"#;

#[test]
fn one_file_renders_each_language_with_only_its_own_text() {
    let sb = Sandbox::new();
    sb.write("cv.toml", BILINGUAL);
    let run = sb.vita(&["render", "cv.toml", "--lang", "en,de", "-o", "out"]);
    run.assert_ok();
    let read = |name: &str| std::fs::read_to_string(sb.path(name)).unwrap();
    let en = read("out/cv.en.txt");
    let de = read("out/cv.de.txt");
    for own in [
        "Data Engineer",
        "Lead Engineer",
        "Cut costs by half.",
        "Only in English.",
        "May 2021 – Present",
        "EXPERIENCE",
    ] {
        assert!(en.contains(own), "{own:?} missing from English:\n{en}");
        assert!(!de.contains(own), "{own:?} in German:\n{de}");
    }
    for own in [
        "Dateningenieurin",
        "Leitende Ingenieurin",
        "Halbierte die Kosten.",
        "Nur auf Deutsch.",
        "Beta GmbH",
        "Mai 2021 – heute",
        "BERUFSERFAHRUNG",
    ] {
        assert!(de.contains(own), "{own:?} missing from German:\n{de}");
        assert!(!en.contains(own), "{own:?} in English:\n{en}");
    }
    assert!(en.contains("Kubernetes") && de.contains("Kubernetes"));
    // The PDFs say the same as the texts.
    let pdf = tool_stdout("pdftotext", &[sb.path("out/cv.de.pdf").to_str().unwrap(), "-"]);
    assert!(pdf.contains("Halbierte die Kosten.") && !pdf.contains("Cut costs"), "{pdf}");
    // The summary of education has no German text: the English one is used,
    // and the warning names the field and its line.
    let err = run.stderr();
    assert!(err.contains("`education[0].summary` has no `de` text"), "{}", run.report());
    let line = BILINGUAL.lines().position(|l| l.contains("Thesis on")).unwrap() + 1;
    assert!(err.contains(&format!("cv.toml:{line}:")), "line {line}?{}", run.report());
    assert!(de.contains("Thesis on streaming joins."));
}

#[test]
fn a_multilingual_json_resume_reads_the_same_way() {
    let sb = Sandbox::new();
    sb.write(
        "cv.json",
        r#"{"meta": {"language": "en"},
            "basics": {"name": "Ana", "summary": {"en": "Hello.", "fr": "Bonjour."}},
            "work": [{"name": "Acme", "highlights": ["Both", {"text": "Seulement en français.", "lang": "fr"}]}]}"#,
    );
    sb.vita(&["render", "cv.json", "--lang", "fr", "-f", "txt", "-o", "out"]).assert_ok();
    let fr = std::fs::read_to_string(sb.path("out/cv.txt")).unwrap();
    assert!(fr.contains("Bonjour.") && !fr.contains("Hello."), "{fr}");
    assert!(fr.contains("Seulement en français.") && fr.contains("EXPÉRIENCE"), "{fr}");
    sb.vita(&["render", "cv.json", "-f", "txt", "-o", "en"]).assert_ok();
    let en = std::fs::read_to_string(sb.path("en/cv.txt")).unwrap();
    assert!(en.contains("Hello.") && !en.contains("Seulement"), "{en}");
}

#[test]
fn labels_can_be_overridden_and_unknown_ones_suggest_the_nearest() {
    let sb = Sandbox::new();
    let cv = "[meta]\nlanguage = \"de\"\nreferences_on_request = true\n[meta.labels]\nwork = \"Berufliche Stationen\"\n\
              [basics]\nname = \"A\"\n[[work]]\nname = \"X\"\n";
    sb.write("cv.toml", cv);
    sb.vita(&["render", "cv.toml", "-f", "txt", "-o", "out"]).assert_ok();
    let txt = std::fs::read_to_string(sb.path("out/cv.txt")).unwrap();
    assert!(txt.contains("BERUFLICHE STATIONEN"), "{txt}");
    assert!(txt.contains("REFERENZEN\nReferenzen sind auf Anfrage erhältlich."), "{txt}");
    // A theme's labels, under the résumé's.
    let run =
        sb.vita(&["render", "cv.toml", "-f", "txt", "-o", "t", "--set", "labels.skills=Können"]);
    run.assert_ok();
    sb.write("bad.toml", cv.replace("work = ", "wrok = "));
    let run = sb.vita(&["render", "bad.toml", "-o", "out"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("meta.labels has no label `wrok`"), "{}", run.report());
    assert!(run.stderr().contains("did you mean `work`?"), "{}", run.report());
    assert!(run.stderr().contains("bad.toml:5:"), "{}", run.report());
    let run = sb.vita(&["render", "cv.toml", "-o", "out", "--set", "labels.skils=x"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("did you mean `skills`?"), "{}", run.report());
}

#[test]
fn unknown_languages_are_errors_that_list_the_languages() {
    let sb = Sandbox::new();
    let run = sb.vita(&["render", "--lang", "tlh"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    for needle in ["no locale for the language `tlh`", "de", "pt-BR", "zh-Hant", "ar"] {
        assert!(run.stderr().contains(needle), "{needle:?}{}", run.report());
    }
    sb.write("cv.toml", "[meta]\nlanguage = \"xx-YY\"\n[basics]\nname = \"A\"\n");
    let run = sb.vita(&["render", "cv.toml"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("cv.toml:2:13"), "{}", run.report());
    assert!(!sb.path("out/cv.pdf").exists());
    let run = sb.vita(&["init", "--lang", "xx", "x.toml"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(!sb.path("x.toml").exists());
}

#[test]
fn validate_reads_every_language_of_a_multilingual_file() {
    let sb = Sandbox::new();
    sb.write("cv.toml", BILINGUAL);
    let run = sb.vita(&["validate", "--strict", "cv.toml"]);
    assert_eq!(run.code(), Some(1), "{}", run.report());
    assert!(run.stderr().contains("`education[0].summary` has no `de` text"), "{}", run.report());
}

#[test]
fn json_resume_export_and_import_keep_every_language() {
    let sb = Sandbox::new();
    sb.write("cv.toml", BILINGUAL);
    sb.vita(&["export", "cv.toml", "-o", "cv.json"]).assert_ok();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sb.path("cv.json")).unwrap()).unwrap();
    // Standard fields in the default language, for every JSON Resume tool.
    assert_eq!(json["basics"]["label"], "Data Engineer");
    assert_eq!(json["basics"]["vitaTranslations"]["de"]["label"], "Dateningenieurin");
    assert_eq!(json["work"][1]["lang"], serde_json::json!(["de"]));
    sb.vita(&["import", "cv.json", "-o", "back.toml"]).assert_ok();
    for lang in ["en", "de"] {
        let txt = |file: &str, out: &str| {
            sb.vita(&["render", file, "--lang", lang, "-f", "txt", "-o", out, "-q"]).assert_ok();
            let stem = file.split('.').next().unwrap();
            std::fs::read_to_string(sb.path(&format!("{out}/{stem}.txt"))).unwrap()
        };
        let original = txt("cv.toml", &format!("a-{lang}"));
        assert_eq!(txt("cv.json", &format!("j-{lang}")), original, "{lang}: JSON");
        assert_eq!(txt("back.toml", &format!("b-{lang}")), original, "{lang}: TOML again");
    }
    // One language alone, in the standard fields.
    sb.vita(&["export", "cv.toml", "--lang", "de", "-o", "de.json"]).assert_ok();
    let de = std::fs::read_to_string(sb.path("de.json")).unwrap();
    assert!(de.contains("\"Dateningenieurin\"") && !de.contains("vitaTranslations"), "{de}");
}

#[test]
fn a_section_can_be_limited_to_some_languages() {
    let sb = Sandbox::new();
    let cv = "[meta]\nlanguage = \"en\"\n[meta.section_languages]\nreferences = [\"de\"]\n\
              summary = [\"en\"]\n[basics]\nname = \"A\"\nsummary = \"Hello.\"\n\
              [[references]]\nname = \"Dr. Weber\"\n";
    sb.write("cv.toml", cv);
    sb.vita(&["render", "cv.toml", "--lang", "en,de", "-f", "txt", "-o", "out"]).assert_ok();
    let en = std::fs::read_to_string(sb.path("out/cv.en.txt")).unwrap();
    let de = std::fs::read_to_string(sb.path("out/cv.de.txt")).unwrap();
    assert!(en.contains("Hello.") && !en.contains("Dr. Weber"), "{en}");
    assert!(de.contains("Dr. Weber") && !de.contains("Hello."), "{de}");
    // Export keeps the limit; a wrong section name is refused with the nearest.
    sb.vita(&["export", "cv.toml", "-o", "cv.json"]).assert_ok();
    let json = std::fs::read_to_string(sb.path("cv.json")).unwrap();
    assert!(json.contains("\"sectionLanguages\"") && json.contains("Dr. Weber"), "{json}");
    sb.write("bad.toml", cv.replace("references = [", "refrences = ["));
    let run = sb.vita(&["render", "bad.toml"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("did you mean `references`?"), "{}", run.report());
}
