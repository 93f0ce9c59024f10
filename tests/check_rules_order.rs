//! One test per finding of `vita check` about reading order and about what
//! a résumé parser needs: each writes a small PDF by hand that shows one
//! fault (two columns, a date beside a wrapped sentence, a table, a footer
//! read inside a sentence that runs across a page break; no e-mail, no
//! phone, a profile only behind a link, no headings, no dates, a date far
//! from its entry, the name drawn last), runs `vita check --json`, and
//! asserts that the finding is reported (on its page, where it has one),
//! that nothing else is wrong, and the exit status. Then `--expect` with a
//! harness `expected.json`: a PDF that drops a bullet, and one that
//! prints everything. `tests/check_rules.rs` covers the words and the file.

mod common;
#[path = "common/rules_fixture.rs"]
mod fixture;
#[path = "common/pdf.rs"]
mod pdf;

use fixture::{
    LEFT, Line, check, line, link, one_page, page_of, remove, resume, resume_pdf, right, set,
};
use pdf::Pdf;

/// Body text: 10 pt at the left margin.
fn body(y: f32, text: &str) -> Line {
    line(LEFT, y, 10.0, text)
}

/// Two columns of wrapped prose side by side, under the résumé: position
/// order reads each row straight across.
#[test]
fn two_columns_of_prose_are_read_across() {
    let mut lines = resume();
    let (left, right) = (LEFT, 320.0);
    let rows = [
        ("Wrote a parser for bank statements that", "Mentored students who learn to program"),
        ("reads twelve formats and runs in every", "at the evening school of the city library"),
        ("branch office of the company today.", "every other week since last spring."),
    ];
    for (k, (a, b)) in rows.iter().enumerate() {
        let y = 440.0 - 12.0 * k as f32;
        lines.push(line(left, y, 10.0, a));
        lines.push(line(right, y, 10.0, b));
    }
    let run = check("columns.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("columns", Some(1))], 1);
    let context = run.finding("columns").unwrap()["context"].as_str().unwrap().to_string();
    assert!(context.contains("reads twelve formats"), "{context}");
}

/// A paragraph wrapping over three lines with its dates set at the right
/// of the middle line: position order reads the date inside the sentence.
#[test]
fn a_date_beside_a_wrapped_sentence_is_read_inside_it() {
    let mut lines = resume();
    lines.extend([
        body(450.0, "Data Lead, Shopwise"),
        body(436.0, "Ran the data team of a retail chain with six analysts and two engineers"),
        body(424.0, "and moved all of its reports from spreadsheets to a warehouse that"),
        right(424.0, 10.0, "2019 – 2021"),
        body(412.0, "the buyers now query themselves every morning."),
    ]);
    let run = check("date-mid.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("date-mid-sentence", Some(1))], 1);
    let context =
        run.finding("date-mid-sentence").unwrap()["context"].as_str().unwrap().to_string();
    assert!(context.contains("| 2019 – 2021 | the buyers"), "{context}");
}

/// Three rows of three cells far apart.
#[test]
fn three_rows_of_three_cells_are_a_table() {
    let mut lines = resume();
    // A grid of single words reads fine row by row: no table.
    let mut grid = resume();
    for (k, (a, b, c)) in
        [("Rust", "Go", "Python"), ("SQL", "Kafka", "Redis"), ("Linux", "AWS", "Git")]
            .iter()
            .enumerate()
    {
        let y = 450.0 - 14.0 * k as f32;
        grid.extend([line(LEFT, y, 10.0, a), line(250.0, y, 10.0, b), line(430.0, y, 10.0, c)]);
    }
    check("grid.pdf", &resume_pdf(&grid), &[]).only(&[], 0);
    // Cells that hold phrases are cut up and mixed.
    let rows = [
        ("Rust", "systems programming in production", "8 years"),
        ("Python", "data pipelines and tooling", "10 years"),
        ("SQL", "schema design and tuning", "12 years"),
    ];
    for (k, (a, b, c)) in rows.iter().enumerate() {
        let y = 450.0 - 14.0 * k as f32;
        lines.extend([line(LEFT, y, 10.0, a), line(200.0, y, 10.0, b), line(430.0, y, 10.0, c)]);
    }
    let run = check("table.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("table", Some(1))], 1);
    // Two rows are no table.
    lines.truncate(lines.len() - 3);
    let run = check("two-rows.pdf", &resume_pdf(&lines), &[]);
    run.only(&[], 0);
}

/// Two pages with the same footer; a sentence runs from the first page to
/// the second, so the footer is read in its middle. Ending the sentence
/// on the first page makes it harmless.
#[test]
fn a_footer_read_inside_a_sentence_across_pages() {
    let two_pages = |last: &str, next: &str| {
        let mut first = resume();
        first.truncate(first.len() - 5);
        first.extend([body(450.0, last), line(LEFT, 40.0, 9.0, "Jane Example – Résumé – page 1")]);
        let mut second = resume().split_off(resume().len() - 5);
        second.insert(0, body(740.0, next));
        second.push(line(LEFT, 40.0, 9.0, "Jane Example – Résumé – page 2"));
        let mut pdf = Pdf::new();
        let annot = link(&mut pdf, [300.0, 705.0, 540.0, 718.0], fixture::PROFILE);
        pdf.title("Jane Example").page(page_of(&first).annot(annot)).page(page_of(&second)).bytes()
    };
    let bytes = two_pages(
        "Moved the payment service to a new data centre and",
        "kept it running through the move without downtime.",
    );
    let run = check("running.pdf", &bytes, &[]);
    run.only(&[("running-header", Some(1))], 1);
    let bytes = two_pages(
        "Moved the payment service to a new data centre.",
        "Kept it running through the move without downtime.",
    );
    check("running-ended.pdf", &bytes, &[]).only(&[], 0);
}

/// No e-mail address as text; then one only behind a `mailto:` link.
#[test]
fn an_email_missing_or_only_linked_is_reported() {
    let mut lines = resume();
    let contacts = "jane.example@example.com | +1 555 010 0199 | linkedin.com/in/jane-example";
    set(&mut lines, contacts, "+1 555 010 0199 | linkedin.com/in/jane-example");
    let run = check("no-email.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("no-email", None)], 1);

    set(
        &mut lines,
        "+1 555 010 0199 | linkedin.com/in/jane-example",
        "E-mail | +1 555 010 0199 | linkedin.com/in/jane-example",
    );
    let mut pdf = Pdf::new();
    let mail = link(&mut pdf, [72.0, 705.0, 104.0, 718.0], "mailto:jane.example@example.com");
    let run = check("mailto-only.pdf", &one_page(pdf, page_of(&lines).annot(mail)), &[]);
    run.only(&[("no-email", None)], 1);
    let message = run.finding("no-email").unwrap()["message"].as_str().unwrap().to_string();
    assert!(message.contains("only behind a link"), "{message}");
}

/// No phone number: a note, so the exit status stays 0.
#[test]
fn a_missing_phone_is_a_note() {
    let mut lines = resume();
    let contacts = "jane.example@example.com | +1 555 010 0199 | linkedin.com/in/jane-example";
    set(&mut lines, contacts, "jane.example@example.com | linkedin.com/in/jane-example");
    let run = check("no-phone.pdf", &resume_pdf(&lines), &[]);
    run.only(&[], 0);
    run.has("no-phone", "note");
}

/// "LinkedIn" printed, the address only in the link annotation over it.
#[test]
fn a_profile_only_behind_a_link_is_reported() {
    let mut lines = resume();
    let contacts = "jane.example@example.com | +1 555 010 0199 | linkedin.com/in/jane-example";
    set(&mut lines, contacts, "jane.example@example.com | +1 555 010 0199 | LinkedIn");
    let mut pdf = Pdf::new().title("Jane Example");
    let annot = link(&mut pdf, [300.0, 705.0, 340.0, 718.0], "https://www.linkedin.com/in/someone");
    let run = check("profile-link.pdf", &pdf.page(page_of(&lines).annot(annot)).bytes(), &[]);
    run.only(&[("profile-link-only", None)], 1);
    let message =
        run.finding("profile-link-only").unwrap()["message"].as_str().unwrap().to_string();
    assert!(message.contains("linkedin.com/in/someone"), "{message}");
}

#[test]
fn sections_without_standard_headings_are_reported() {
    let mut lines = resume();
    set(&mut lines, "Experience", "Where I worked");
    set(&mut lines, "Education", "What I studied");
    set(&mut lines, "Skills", "What I know");
    let run = check("no-headings.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("no-headings", None)], 1);
    // One standard heading is still too few.
    set(&mut lines, "What I know", "Skills");
    check("one-heading.pdf", &resume_pdf(&lines), &[]).only(&[("no-headings", None)], 1);
}

#[test]
fn a_resume_without_dates_is_reported() {
    let mut lines = resume();
    for date in ["Jan 2020 – Present", "Jun 2016 – Dec 2019", "2012 – 2016"] {
        remove(&mut lines, date);
    }
    let run = check("no-dates.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("no-dates", None)], 1);
}

/// A degree's dates on a line of their own, far below any text.
#[test]
fn dates_far_from_their_entry_are_reported() {
    let mut lines = resume();
    remove(&mut lines, "2012 – 2016");
    lines.push(body(300.0, "2012 – 2016"));
    let run = check("dates-apart.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("dates-apart", None)], 1);
    let context = run.finding("dates-apart").unwrap()["context"].as_str().unwrap().to_string();
    assert!(context.contains("2012 – 2016"), "{context}");
}

/// The name, the largest text, drawn last and at the foot of the page.
#[test]
fn a_name_drawn_last_and_low_is_reported() {
    let mut lines = resume();
    remove(&mut lines, "Jane Example");
    lines.push(line(LEFT, 80.0, 24.0, "Jane Example"));
    let run = check("name-last.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("name-not-first", Some(1))], 1);
    // Drawn last but on top, it is still read first in position order,
    // yet not by the readers that follow the content stream.
    let mut lines = resume();
    let name = lines.remove(0);
    lines.push(name);
    let run = check("name-drawn-last.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("name-not-first", Some(1))], 1);
}

/// The harness's `expected.json` for [`resume`].
fn expected() -> serde_json::Value {
    serde_json::json!({
        "name": "Jane Example",
        "email": "jane.example@example.com",
        "phone": "+1 555 010 0199",
        "location": null,
        "urls": ["linkedin.com/in/jane-example"],
        "companies": ["Acme Corp", "Beta Inc"],
        "titles": ["Senior Software Engineer", "Software Engineer"],
        "dates": ["Jan 2020 – Present", "Jun 2016 – Dec 2019", "2012 – 2016"],
        "schools": ["State University"],
        "degrees": ["BSc Computer Science"],
        "skills": ["Rust", "Python", "SQL", "PostgreSQL", "Kubernetes", "Terraform"],
        "headings": ["Experience", "Education", "Skills"],
        "bullets": [
            "Built the billing service that handles two million invoices a month and cut its running cost by half in the first year.",
            "Led the move of twelve services to Kubernetes without downtime.",
            "Wrote the search service used by forty thousand customers a day."
        ],
        "paragraphs": [],
        "other": []
    })
}

/// `--expect` with a harness `expected.json`: everything printed reads
/// clean; a bullet whose words are not drawn is `missing-words`.
#[test]
fn expect_finds_a_dropped_bullet() {
    let sandbox = common::Sandbox::new();
    let source = sandbox.write("expected.json", expected().to_string());
    let source = source.to_str().unwrap();
    let run = check("expect-clean.pdf", &resume_pdf(&resume()), &["--expect", source]);
    run.only(&[], 0);
    for order in run.json["expect"].as_array().expect("expect") {
        assert_eq!(order["score"], 1.0, "{}", run.describe());
    }

    let mut lines = resume();
    remove(&mut lines, "Led the move of twelve services to Kubernetes without downtime.");
    let run = check("expect-dropped.pdf", &resume_pdf(&lines), &["--expect", source]);
    // The bullet is lost whole: its words, and the block itself.
    run.only(&[("broken-blocks", None), ("missing-words", None)], 2);
    let f = run.has("missing-words", "error");
    assert!(f["context"].as_str().unwrap().contains("downtime"), "{}", run.describe());
}
