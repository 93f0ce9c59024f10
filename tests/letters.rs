//! Cover letters and applications: a letter renders on one page under the
//! résumé's header, its parts in reading order, its address in an envelope
//! window when asked; a longer one is refused or fitted; `--combine`
//! writes the letter then the résumé with an outline; an application
//! writes everything it names; `vita init --letter` renders in every
//! language.

mod common;

use common::{Sandbox, tool_stdout, words_placed};

const RESUME: &str = r#"
[meta]
language = "en"

[basics]
name = "Alex Doe"
label = "Platform Engineer"
email = "alex@example.com"
location = { address = "9 Elm Road", postal_code = "94105", city = "Springfield" }

[[work]]
id = "acme"
name = "Acme Corp"
position = "Senior Engineer"
start_date = "2021-01"
highlights = ["Ran the billing platform."]

[variants.short]
sections = ["work"]
label = "Site Reliability Engineer"
"#;

/// A letter with every part, dated 14 March 2026, with `extra` lines.
fn letter(extra: &str) -> String {
    format!(
        r#"resume = "cv.toml"
date = "2026-03-14"
subject = "Application for the SRE role"
salutation = "Dear Ms Rivera,"
closing = "Kind regards,"
signature = "sig.png"
{extra}
body = """
I am writing about the **Site Reliability** role. Parawordone opens the letter.

Parawordtwo follows with what I did at Acme.

Parawordthree thanks you for your time.
"""

[recipient]
name = "Maria Rivera"
title = "Head of Engineering"
organization = "Northwind Systems"
address = ["1 Market Street", "San Francisco, CA 94105"]
"#
    )
}

/// A sandbox with the résumé, a signature and `letter` in it.
fn sandbox(letter: &str) -> Sandbox {
    let sb = Sandbox::new();
    sb.write("cv.toml", RESUME);
    sb.write("cover.toml", letter);
    let ink = image::Rgba([20, 30, 110, 255]);
    let sig = image::RgbaImage::from_fn(300, 90, |x, y| {
        if (y as i32 - 45 - ((x as f32 / 20.0).sin() * 25.0) as i32).abs() < 3 {
            ink
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    sig.save(sb.path("sig.png")).unwrap();
    sb
}

/// The top of the first `word` on the page, as a fraction of its height.
fn top(words: &[common::Placed], word: &str) -> f32 {
    words.iter().find(|p| p.word == word).unwrap_or_else(|| panic!("{word} not found")).y.0
}

#[test]
fn a_letter_is_one_page_under_the_resumes_header_with_its_parts_in_order() {
    let sb = sandbox(&letter(""));
    let run = sb.vita(&["render", "cover.toml", "-o", "out", "-f", "pdf,txt,png,md"]);
    run.assert_ok();
    let md = std::fs::read_to_string(sb.path("out/cover.md")).unwrap();
    assert!(md.starts_with("# Alex Doe\n"), "{md}");
    assert!(md.contains("Maria Rivera  \nHead of Engineering"), "{md}");
    assert!(md.contains("**Application for the SRE role**"), "{md}");
    assert!(md.contains("the **Site Reliability** role"), "{md}");
    assert!(md.trim_end().ends_with("Kind regards,  \nAlex Doe"), "{md}");
    let pdf = sb.path("out/cover.pdf");
    let info = tool_stdout("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("Alex Doe — Cover letter"), "{info}");
    let text = tool_stdout("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let txt = std::fs::read_to_string(sb.path("out/cover.txt")).unwrap();
    let order = [
        "Alex Doe",
        "Platform Engineer",
        "alex@example.com",
        "Maria Rivera",
        "Northwind Systems",
        "San Francisco, CA 94105",
        "March 14, 2026",
        "Application for the SRE role",
        "Dear Ms Rivera,",
        "Parawordone",
        "Parawordtwo",
        "Parawordthree",
        "Kind regards,",
    ];
    for t in [&text, &txt] {
        let at: Vec<usize> = order
            .iter()
            .map(|p| t.find(p).unwrap_or_else(|| panic!("{p:?} missing:\n{t}")))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "out of order {at:?}:\n{t}");
        // The sender's name closes the letter.
        assert!(t.trim_end().ends_with("Alex Doe"), "{t}");
        assert!(!t.contains("**"), "markup is set, not printed:\n{t}");
    }
    // Without a window, the address follows the header, flush left; the
    // date is set flush right.
    let words = words_placed(&pdf);
    let date = words.iter().find(|p| p.word == "2026").unwrap();
    assert!(date.x.1 > 0.85, "the date ends at {:.2} of the width", date.x.1);
    let rivera = words.iter().find(|p| p.word == "Maria").unwrap();
    assert!(rivera.x.0 < 0.15, "the address starts at {:.2}", rivera.x.0);
    assert!(top(&words, "Doe") < top(&words, "Maria"));
    // The signature is drawn between the closing and the name, and there
    // is ink on the page.
    let images = tool_stdout("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(images.lines().count(), 3 + 1, "one picture and its mask:\n{images}");
    let png = image::open(sb.path("out/cover-1.png")).unwrap().to_rgb8();
    let blue = png.pixels().filter(|p| p.0[2] > 80 && p.0[0] < 60).count();
    assert!(blue > 100, "the signature's blue ink: {blue} pixels");
    let qpdf = common::tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    assert!(qpdf.status.success(), "{}", String::from_utf8_lossy(&qpdf.stdout));
}

#[test]
fn din_and_us_windows_put_the_address_where_the_envelope_shows_it() {
    // DIN 5008 form B on A4: the field is 20–105 mm across and 45–90 mm
    // down; the return address line sits above the recipient.
    let sb = sandbox(&letter("window = \"din5008\""));
    sb.vita(&["render", "cover.toml", "-o", "din", "-f", "pdf"]).assert_ok();
    let words = words_placed(&sb.path("din/cover.pdf"));
    let (w, h) = (210.0, 297.0);
    let maria = words.iter().find(|p| p.word == "Maria").unwrap();
    let last = words.iter().find(|p| p.word == "94105" && p.y.0 > maria.y.0).unwrap();
    assert!(maria.x.0 * w > 20.0 && last.x.1 * w < 105.0, "{maria:?} {last:?}");
    assert!(maria.y.0 * h > 62.5 && last.y.1 * h < 90.0, "{maria:?} {last:?}");
    let elm = words.iter().find(|p| p.word == "Elm").expect("the return line");
    assert!(elm.y.0 * h > 45.0 && elm.y.0 < maria.y.0 && elm.x.0 * w > 20.0, "{elm:?}");
    // US #10 on letter paper: the window shows 2 to 3⅛ in from the top,
    // ⅞ to 5⅜ in from the left; no return line.
    let sb = sandbox(&letter("window = \"us10\""));
    let args = ["render", "cover.toml", "-o", "us", "-f", "pdf", "--paper", "letter"];
    sb.vita(&args).assert_ok();
    let words = words_placed(&sb.path("us/cover.pdf"));
    let (w, h) = (8.5, 11.0);
    let maria = words.iter().find(|p| p.word == "Maria").unwrap();
    let last = words.iter().find(|p| p.word == "94105" && p.y.0 > maria.y.0).unwrap();
    assert!(maria.x.0 * w > 0.875 && last.x.1 * w < 5.375, "{maria:?} {last:?}");
    assert!(maria.y.0 * h >= 1.99 && last.y.1 * h < 3.125, "{maria:?} {last:?}");
    assert!(!words.iter().any(|p| p.word == "Elm"), "no return line in a US window");
}

#[test]
fn a_letter_is_told_what_it_lacks_and_takes_a_bare_date_and_a_tall_signature() {
    // Read as a letter though it lacks `body`: told so, at its line.
    let sb = sandbox("resume = \"cv.toml\"\nclosing = \"Best,\"\n");
    let run = sb.vita(&["render", "cover.toml", "-o", "out"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("missing field `body`"), "{}", run.report());
    // A date written as a TOML date; a signature 30 times taller than wide
    // is set small, and the letter keeps to one page.
    let sb = sandbox(&letter("").replace("date = \"2026-03-14\"", "date = 2026-03-14"));
    image::RgbaImage::from_pixel(100, 3000, image::Rgba([20, 30, 110, 255]))
        .save(sb.path("sig.png"))
        .unwrap();
    sb.vita(&["render", "cover.toml", "-o", "out", "-f", "pdf,txt"]).assert_ok();
    let txt = std::fs::read_to_string(sb.path("out/cover.txt")).unwrap();
    assert!(txt.contains("March 14, 2026"), "{txt}");
    let info = tool_stdout("pdfinfo", &[sb.path("out/cover.pdf").to_str().unwrap()]);
    assert!(info.contains("Pages:           1"), "{info}");
}

#[test]
fn a_letter_longer_than_a_page_is_refused_or_fitted() {
    let long = "Filler sentence about reliability work at scale. ".repeat(120);
    let sb = sandbox(&letter("").replace("Parawordthree", &long));
    let run = sb.vita(&["render", "cover.toml", "-o", "out"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("a cover letter has one"), "{}", run.report());
    assert!(run.stderr().contains("--fit-pages 1"), "{}", run.report());
    assert!(!sb.path("out").exists(), "nothing is written");
    let long = "Filler sentence about reliability work at scale. ".repeat(90);
    let sb = sandbox(&letter("").replace("Parawordthree", &long));
    let run = sb.vita(&["render", "cover.toml", "-o", "fit", "--fit-pages", "1"]);
    run.assert_ok();
    assert!(run.stderr().contains("fit the letter to 1 page"), "{}", run.report());
    let info = tool_stdout("pdfinfo", &[sb.path("fit/cover.pdf").to_str().unwrap()]);
    assert!(info.contains("Pages:           1"), "{info}");
}

#[test]
fn combine_writes_the_letter_then_the_resume_with_an_outline_for_both() {
    let sb = sandbox(&letter(""));
    sb.vita(&["render", "cover.toml", "-o", "out", "--combine"]).assert_ok();
    let pdf = sb.path("out/cover.pdf");
    let info = tool_stdout("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("Pages:           2"), "{info}");
    let first = tool_stdout("pdftotext", &["-l", "1", pdf.to_str().unwrap(), "-"]);
    let second = tool_stdout("pdftotext", &["-f", "2", pdf.to_str().unwrap(), "-"]);
    assert!(first.contains("Parawordone") && !first.contains("Ran the billing"), "{first}");
    assert!(second.contains("Ran the billing") && !second.contains("Parawordone"), "{second}");
    let json = tool_stdout("qpdf", &["--json", "--json-key=outlines", pdf.to_str().unwrap()]);
    let outline: serde_json::Value = serde_json::from_str(&json).unwrap();
    let top = outline["outlines"].as_array().unwrap();
    let titles: Vec<&str> = top.iter().map(|o| o["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Cover letter", "Résumé"], "{json}");
    let kids: Vec<&str> =
        top[1]["kids"].as_array().unwrap().iter().map(|o| o["title"].as_str().unwrap()).collect();
    assert_eq!(kids, ["Experience"], "the résumé's sections nest under it: {json}");
    let txt = std::fs::read_to_string(sb.path("out/cover.txt")).unwrap();
    let (letter_end, resume) = (txt.find("Kind regards").unwrap(), txt.find("EXPERIENCE").unwrap());
    assert!(letter_end < resume, "{txt}");
}

#[test]
fn an_application_writes_its_tailored_resume_and_letter_named_after_it() {
    let sb = sandbox(&letter(""));
    sb.write(
        "apps/northwind.overlay.toml",
        "[[work]]\nid = \"acme\"\nposition = \"Staff Engineer\"\n",
    );
    sb.write(
        "apps/northwind.toml",
        "resume = \"../cv.toml\"\nvariant = \"short\"\noverlay = \"northwind.overlay.toml\"\n\
         letter = \"../cover.toml\"\n",
    );
    sb.vita(&["validate", "apps/northwind.toml"]).assert_ok();
    sb.vita(&["render", "apps/northwind.toml", "-o", "out"]).assert_ok();
    for name in ["northwind.pdf", "northwind.txt", "northwind.letter.pdf", "northwind.letter.txt"] {
        assert!(sb.path(&format!("out/{name}")).is_file(), "{name} is missing");
    }
    let resume = std::fs::read_to_string(sb.path("out/northwind.txt")).unwrap();
    // The variant's label and the overlay's position, in both outputs.
    assert!(resume.contains("Site Reliability Engineer"), "{resume}");
    assert!(resume.contains("Staff Engineer"), "{resume}");
    let written = std::fs::read_to_string(sb.path("out/northwind.letter.txt")).unwrap();
    assert!(written.contains("Site Reliability Engineer") && written.contains("Parawordone"));
    // An unknown variant is reported at the application's line.
    sb.write("apps/typo.toml", "resume = \"../cv.toml\"\nvariant = \"shrot\"\n");
    let run = sb.vita(&["render", "apps/typo.toml", "-o", "typo"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("apps/typo.toml:2:"), "{}", run.report());
    assert!(run.stderr().contains("did you mean `short`"), "{}", run.report());
    // A letter naming another résumé than its application's is told so.
    sb.write("other.toml", "[basics]\nname = \"Someone Else\"\n");
    sb.write("cover2.toml", letter("").replace("resume = \"cv.toml\"", "resume = \"other.toml\""));
    sb.write("apps/two.toml", "resume = \"../cv.toml\"\nletter = \"../cover2.toml\"\n");
    let run = sb.vita(&["render", "apps/two.toml", "-o", "two"]);
    run.assert_ok();
    assert!(run.stderr().contains("the application's résumé"), "{}", run.report());
    // A file it names that is not there is an error at its line.
    sb.write("apps/bad.toml", "resume = \"../cv.toml\"\nletter = \"../nope.toml\"\n");
    let run = sb.vita(&["render", "apps/bad.toml", "-o", "bad"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("apps/bad.toml:2:"), "{}", run.report());
    assert!(!sb.path("bad").exists());
}

#[test]
fn the_starter_letter_renders_in_every_language() {
    let sb = Sandbox::new();
    let tags = ["en", "en-GB", "de", "fr", "es", "ja", "zh-Hans", "ar", "he", "hi", "ru", "fa"];
    let all: Vec<String> = std::fs::read_dir(common::root().join("locales"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".toml").map(String::from))
        .collect();
    assert_eq!(all.len(), 31, "{all:?}");
    for tag in &all {
        let dir = format!("l-{tag}");
        sb.vita(&["init", &format!("{dir}/resume.toml"), "--lang", tag]).assert_ok();
        sb.vita(&["init", "--letter", &format!("{dir}/letter.toml"), "--lang", tag]).assert_ok();
        let text = std::fs::read_to_string(sb.path(&format!("{dir}/letter.toml"))).unwrap();
        assert!(!text.contains("{{"), "{tag}: a word is missing:\n{text}");
        sb.vita(&["validate", &format!("{dir}/letter.toml")]).assert_ok();
        // The languages whose scripts and conventions differ most, rendered.
        if tags.contains(&tag.as_str()) {
            let out = format!("out-{tag}");
            let run = sb.vita(&["render", &format!("{dir}/letter.toml"), "-o", &out, "-f", "txt"]);
            run.assert_ok();
            let txt = std::fs::read_to_string(sb.path(&format!("{out}/letter.txt"))).unwrap();
            assert!(txt.lines().count() > 12, "{tag}:\n{txt}");
        }
    }
}
