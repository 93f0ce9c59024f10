//! One test per finding of `vita check` about the words and the file:
//! each writes a small PDF by hand that shows one fault (a page of
//! outlines, glyphs without Unicode, a ligature, letter-spaced or glued or
//! split words, a hyphen at a line's end; hidden or tiny text, four
//! pages, encryption, a large file, no title, no tags, fonts not
//! embedded), runs `vita check --json` on it, and asserts that the finding
//! is reported on its page, that nothing else is wrong, and the exit
//! status. Controls show the same rules staying silent: a plain résumé,
//! white text on a dark box, a scan's invisible OCR layer, a tagged PDF.
//! `tests/check_rules_order.rs` does the same for reading order, parser
//! fields and `--expect`. The encryption test needs `qpdf`.

mod common;
#[path = "common/rules_fixture.rs"]
mod fixture;
#[path = "common/pdf.rs"]
mod pdf;

use fixture::{LEFT, check, one_page, page_of, remove, resume, resume_pdf, set};
use pdf::{Page, Pdf, helvetica};

/// The control: a well-made résumé has nothing wrong, only the notes a
/// standard-14 font and an untagged file bring.
#[test]
fn a_plain_resume_is_clean() {
    let run = check("clean.pdf", &resume_pdf(&resume()), &[]);
    run.only(&[], 0);
    run.has("fonts-not-embedded", "note");
    run.has("untagged", "note");
    run.lacks("no-title").lacks("no-phone").lacks("profile-link-only");
    assert_eq!(run.json["verdict"], "clean", "{}", run.describe());
    assert_eq!(run.json["score"], 100, "{}", run.describe());
}

#[test]
fn a_page_of_shapes_or_a_picture_has_no_text() {
    let shapes = Pdf::new().title("Shapes").page(Page::new().raw("0 0 0 rg 72 600 200 20 re f"));
    let run = check("shapes.pdf", &shapes.bytes(), &[]);
    run.only(&[("no-text", Some(1))], 2);
    let message = run.has("no-text", "error")["message"].as_str().unwrap().to_string();
    assert!(message.contains("drawn as shapes"), "{message}");

    let mut scan = Pdf::new().title("Scan");
    let image = scan.image();
    let scan = scan.page(Page::new().xobject("Im1", image).raw("q 612 0 0 792 0 0 cm /Im1 Do Q"));
    let run = check("scan.pdf", &scan.bytes(), &[]);
    run.only(&[("no-text", Some(1))], 2);
    let message = run.has("no-text", "error")["message"].as_str().unwrap().to_string();
    assert!(message.contains("picture"), "{message}");
}

/// A CID font (Identity-H) with no ToUnicode map: its two-byte codes mean
/// nothing. A few make a warning, many an error.
#[test]
fn glyphs_without_unicode_are_unmapped() {
    let cid = |codes: usize| {
        let mut pdf = Pdf::new();
        let descendant = pdf.object(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Carlito \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 556 >>",
        );
        let font = pdf.object(format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Carlito /Encoding /Identity-H \
             /DescendantFonts [{descendant} 0 R] >>"
        ));
        let hex: String = (0..codes).map(|k| format!("{:04X}", 36 + k % 20)).collect();
        let page = page_of(&resume()).font("F2", font).text_in(
            "F2",
            LEFT,
            460.0,
            10.0,
            &format!("<{hex}>"),
        );
        one_page(pdf, page)
    };
    let run = check("cid-few.pdf", &cid(5), &[]);
    run.only(&[("unmapped-glyphs", Some(1))], 1);
    run.has("unmapped-glyphs", "warning");
    let run = check("cid-many.pdf", &cid(30), &[]);
    run.only(&[("unmapped-glyphs", Some(1))], 2);
    run.has("unmapped-glyphs", "error");
}

/// A Type 3 font whose glyphs are named /g1, /g2…: names with no meaning.
#[test]
fn type3_glyph_names_without_meaning_are_unmapped() {
    let mut pdf = Pdf::new();
    let glyph = pdf.stream("", b"600 0 0 0 500 700 d1 0 0 500 700 re f");
    let font = pdf.object(format!(
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] /FontMatrix [0.001 0 0 0.001 0 0] \
         /CharProcs << /g1 {glyph} 0 R /g2 {glyph} 0 R /g3 {glyph} 0 R >> \
         /Encoding << /Type /Encoding /Differences [1 /g1 /g2 /g3] >> \
         /FirstChar 1 /LastChar 3 /Widths [600 600 600] /Resources << >> >>"
    ));
    let hex: String = (0..24).map(|k| format!("{:02X}", 1 + k % 3)).collect();
    let page =
        page_of(&resume()).font("F2", font).text_in("F2", LEFT, 460.0, 10.0, &format!("<{hex}>"));
    let run = check("type3.pdf", &one_page(pdf, page), &[]);
    // The text is lost, so the parser's findings are left out.
    run.only(&[("unmapped-glyphs", Some(1))], 2);
    let f = run.has("unmapped-glyphs", "error");
    assert!(f["message"].as_str().unwrap().contains("no ToUnicode map"), "{}", run.describe());
}

/// The glyph /fi in a font's /Differences reads as U+FB01.
#[test]
fn a_ligature_glyph_is_reported() {
    let mut pdf = Pdf::new();
    let font = pdf.object(helvetica(
        "<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [31 /fi] >>",
    ));
    let page = page_of(&resume()).font("F2", font).text_in(
        "F2",
        LEFT,
        460.0,
        10.0,
        "(Moved the \\037nance team to a new ledger.)",
    );
    let run = check("ligature.pdf", &one_page(pdf, page), &[]);
    run.only(&[("ligature", Some(1))], 1);
    let context = run.has("ligature", "warning")["context"].as_str().unwrap().to_string();
    assert!(context.contains('\u{FB01}'), "{context}");
}

#[test]
fn a_letter_spaced_heading_is_reported() {
    let mut lines = resume();
    set(&mut lines, "Experience", "E X P E R I E N C E");
    let run = check("spaced.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("letter-spaced", Some(1))], 1);
    assert!(
        run.finding("letter-spaced").unwrap()["context"].as_str().unwrap().contains("E X P E R")
    );
}

/// Tracking of 2 pt on a 13 pt heading (`Tc`): a sixth of an em between
/// letters, under pdfplumber's 3 pt, but pdftotext and pdfminer read the
/// letters apart. A tracking of 0.5 pt is harmless.
#[test]
fn a_tracked_heading_is_letter_spaced() {
    let mut lines = resume();
    remove(&mut lines, "Experience");
    let heading = |tc: f32| {
        page_of(&lines).raw(&format!("BT /F1 13 Tf {tc} Tc {LEFT} 672 Td (Experience) Tj 0 Tc ET"))
    };
    let run = check("tracked.pdf", &one_page(Pdf::new().title("Jane Example"), heading(2.0)), &[]);
    run.only(&[("letter-spaced", Some(1))], 1);
    let run = check("loose.pdf", &one_page(Pdf::new().title("Jane Example"), heading(0.5)), &[]);
    run.only(&[], 0);
}

/// Words set 2.5 pt apart by a `TJ` offset, with no space character (10
/// pt text): over a fifth of an em, under pdfplumber's 3 pt.
#[test]
fn words_moved_apart_without_a_space_are_glued() {
    let mut lines = resume();
    remove(&mut lines, "Led the move of twelve services to Kubernetes without downtime.");
    let page = page_of(&lines)
        .raw("BT /F1 10 Tf 72 612 Td [(Led the move of twelve services to) -250 (Kubernetes without downtime.)] TJ ET");
    let run = check("glued.pdf", &one_page(Pdf::new(), page), &[]);
    run.only(&[("glued-words", Some(1))], 1);
    assert!(
        run.finding("glued-words").unwrap()["context"].as_str().unwrap().contains("toKubernetes")
    );
}

/// A 4 pt gap inside a 24 pt word (under a fifth of an em, over 3 pt).
#[test]
fn a_gap_inside_a_large_word_splits_it() {
    let mut lines = resume();
    remove(&mut lines, "Jane Example");
    let name = Page::new().raw("BT /F1 24 Tf 72 730 Td [(Jane Exa) -170 (mple)] TJ ET");
    let page = fixture::draw(name, &lines);
    let run = check("split.pdf", &one_page(Pdf::new(), page), &[]);
    run.only(&[("split-words", Some(1))], 1);
    assert!(run.finding("split-words").unwrap()["context"].as_str().unwrap().contains("Exa mple"));
}

/// The two lines of the first bullet, broken inside "invoices".
fn broken_bullet(lines: &mut [fixture::Line], head: &str) {
    let first = "Built the billing service that handles two million invoices a month";
    set(lines, first, &format!("Built the billing service that handles two million {head}"));
    let second = "and cut its running cost by half in the first year.";
    set(lines, second, "voices a month and cut its running cost by half in the first year.");
}

/// A word broken at a line's end by a soft hyphen (a code the font's
/// ToUnicode map gives U+00AD), its rest in lower case at the start of
/// the next line at the same left edge.
#[test]
fn a_soft_hyphen_at_a_line_end_is_reported() {
    let mut pdf = Pdf::new();
    let cmap = pdf.stream("", to_unicode(&[(0xAD, 0x00AD)]).as_bytes());
    let font = pdf.object(
        helvetica("/WinAnsiEncoding").replace(" >>", &format!(" /ToUnicode {cmap} 0 R >>")),
    );
    let mut lines = resume();
    broken_bullet(&mut lines, "in\u{AD}");
    let first = lines.iter().position(|l| l.text.ends_with('\u{AD}')).unwrap();
    let head = lines.remove(first);
    let page = page_of(&lines).font("F2", font).text_in(
        "F2",
        head.x,
        head.y,
        10.0,
        &pdf::literal(&head.text),
    );
    let run = check("soft-hyphen.pdf", &one_page(pdf, page), &[]);
    run.only(&[("hyphenated", Some(1))], 1);
    assert!(run.finding("hyphenated").unwrap()["context"].as_str().unwrap().contains("in- voices"));
}

/// The same with WinAnsi's own code 0xAD and no ToUnicode map. vita
/// reads the code as a space, as pdfminer and pdfplumber do, so the break
/// goes unreported although pdftotext reads "in-", pypdf "in\u{AD}", and
/// both lose the word.
#[test]
fn a_win_ansi_soft_hyphen_at_a_line_end_is_reported() {
    let mut lines = resume();
    broken_bullet(&mut lines, "in\u{AD}");
    let run = check("winansi-soft-hyphen.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("hyphenated", Some(1))], 1);
}

/// A hard hyphen counts when its halves make a word the résumé uses
/// elsewhere; a compound ("multi-" + "region") does not.
#[test]
fn a_hyphen_that_breaks_a_known_word_is_reported() {
    let mut lines = resume();
    set(
        &mut lines,
        "Built the billing service that handles two million invoices a month",
        "Built the billing service that handles two million in-",
    );
    set(
        &mut lines,
        "and cut its running cost by half in the first year.",
        "voices a month and cut its running cost by half in the first year.",
    );
    set(
        &mut lines,
        "Wrote the search service used by forty thousand customers a day.",
        "Wrote the search service for invoices used by forty thousand customers.",
    );
    let run = check("hard-hyphen.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("hyphenated", Some(1))], 1);
    set(
        &mut lines,
        "Built the billing service that handles two million in-",
        "Built the billing service that runs in two regions, a multi-",
    );
    set(
        &mut lines,
        "voices a month and cut its running cost by half in the first year.",
        "region design, and cut its running cost by half in the first year.",
    );
    let run = check("compound.pdf", &resume_pdf(&lines), &[]);
    run.only(&[], 0);
}

/// A ToUnicode CMap for one-byte codes: each code to one UTF-16 unit.
fn to_unicode(pairs: &[(u8, u16)]) -> String {
    let chars: String = pairs.iter().map(|(c, u)| format!("<{c:02X}> <{u:04X}>\n")).collect();
    format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Test def /CMapType 2 def\n\
         1 begincodespacerange <00> <FF> endcodespacerange\n\
         {} beginbfchar\n{chars}endbfchar\n\
         endcmap CMapName currentdict /CMap defineresource pop end end",
        pairs.len()
    )
}

/// Keywords in render mode 3 (not painted), and in white on the white
/// page: both are keyword stuffing.
#[test]
fn hidden_keywords_are_invisible_text() {
    let stuffing = "BT /F1 10 Tf 72 440 Td (python kubernetes terraform aws) Tj ET";
    for (name, ops) in [
        ("mode-3.pdf", format!("q 3 Tr {stuffing} Q")),
        ("white.pdf", format!("q 1 1 1 rg {stuffing} Q")),
    ] {
        let page = page_of(&resume()).raw(&ops);
        let run = check(name, &one_page(Pdf::new(), page), &[]);
        run.only(&[("invisible-text", Some(1))], 2);
        let f = run.has("invisible-text", "error");
        assert!(f["context"].as_str().unwrap().contains("kubernetes"), "{}", run.describe());
    }
}

/// White text on a dark box is seen; so is the picture under a scan's
/// invisible OCR layer.
#[test]
fn white_on_dark_and_an_ocr_layer_are_not_invisible_text() {
    let banner = "q 0.1 0.2 0.4 rg 72 430 300 20 re f 1 1 1 rg \
                  BT /F1 10 Tf 80 436 Td (Open to relocation within Europe) Tj ET Q";
    let run =
        check("white-on-dark.pdf", &one_page(Pdf::new(), page_of(&resume()).raw(banner)), &[]);
    run.only(&[], 0);

    let mut pdf = Pdf::new();
    let image = pdf.image();
    let scan = Page::new().xobject("Im1", image).raw("q 612 0 0 792 0 0 cm /Im1 Do Q 3 Tr");
    let run = check("ocr-layer.pdf", &one_page(pdf, fixture::draw(scan, &resume())), &[]);
    run.only(&[], 0);
}

/// A banner picture over a fifth of the page, above real text: a note
/// that its words, if any, are lost; the plain résumé has none.
#[test]
fn a_large_picture_beside_text_gets_a_note() {
    let mut pdf = Pdf::new().title("Jane Example");
    let image = pdf.image();
    let page = page_of(&resume()).xobject("Im1", image).raw("q 612 0 0 160 0 632 cm /Im1 Do Q");
    let run = check("banner.pdf", &one_page(pdf, page), &[]);
    run.only(&[], 0);
    let note = run.has("picture", "note")["message"].as_str().unwrap().to_string();
    assert!(note.contains("20 %"), "{note}");
    assert!(check("plain.pdf", &resume_pdf(&resume()), &[]).finding("picture").is_none());
}

/// Render mode 3 over a coloured box that is no picture is no OCR layer:
/// nothing is drawn where the letters are.
#[test]
fn hidden_keywords_over_a_coloured_box_are_invisible_text() {
    let ops = "q 0.9 0.9 0.95 rg 72 430 300 20 re f 3 Tr \
               BT /F1 10 Tf 80 436 Td (python kubernetes terraform aws) Tj ET Q";
    let run = check("mode-3-on-box.pdf", &one_page(Pdf::new(), page_of(&resume()).raw(ops)), &[]);
    run.only(&[("invisible-text", Some(1))], 2);
}

#[test]
fn text_under_seven_points_is_tiny() {
    let mut lines = resume();
    lines.push(fixture::line(LEFT, 60.0, 6.0, "References available on request"));
    let run = check("tiny.pdf", &resume_pdf(&lines), &[]);
    run.only(&[("tiny-text", Some(1))], 1);
    let message = run.has("tiny-text", "warning")["message"].as_str().unwrap().to_string();
    assert!(message.contains("6.0 pt"), "{message}");
}

/// Keywords at 1 pt, and keywords painted over with a white box drawn
/// after them: nobody sees either, every ATS reads both.
#[test]
fn specks_and_text_painted_over_are_invisible() {
    let words = "Kubernetes Terraform Leadership Python";
    let speck = page_of(&resume()).raw(&format!("BT /F1 1 Tf {LEFT} 40 Td ({words}) Tj ET"));
    let run = check("speck.pdf", &one_page(Pdf::new().title("Jane Example"), speck), &[]);
    run.only(&[("invisible-text", Some(1))], 2);
    let covered = page_of(&resume()).raw(&format!(
        "BT /F1 10 Tf {LEFT} 40 Td ({words}) Tj ET 1 1 1 rg {LEFT} 30 300 25 re f 0 0 0 rg"
    ));
    let run = check("covered.pdf", &one_page(Pdf::new().title("Jane Example"), covered), &[]);
    run.only(&[("invisible-text", Some(1))], 2);
    let message = run.has("invisible-text", "error")["message"].as_str().unwrap().to_string();
    assert!(message.contains("painted over"), "{message}");
}

#[test]
fn four_pages_are_too_many() {
    let mut pdf = Pdf::new();
    let annot = fixture::link(&mut pdf, [300.0, 705.0, 540.0, 718.0], fixture::PROFILE);
    let mut pdf = pdf.title("Jane Example").page(page_of(&resume()).annot(annot));
    for n in 2..=4 {
        let page = Page::new().text(LEFT, 720.0, 13.0, &format!("Project {n}")).text(
            LEFT,
            700.0,
            10.0,
            "A tool that keeps the invoices of small shops in order.",
        );
        pdf = pdf.page(page);
    }
    let run = check("four-pages.pdf", &pdf.bytes(), &[]);
    run.only(&[("too-many-pages", None)], 1);
    let run = check(
        "three-pages.pdf",
        &Pdf::new().title("x").page(page_of(&resume())).page(Page::new()).page(Page::new()).bytes(),
        &[],
    );
    run.lacks("too-many-pages");
}

/// Encrypted with an empty user password (by qpdf): it opens, but some
/// ATS refuse it.
#[test]
fn an_encrypted_file_is_reported() {
    let sandbox = common::Sandbox::new();
    let plain = sandbox.write("plain.pdf", resume_pdf(&resume()));
    let locked = sandbox.path("locked.pdf");
    let (plain, locked) = (plain.to_str().unwrap(), locked.to_str().unwrap());
    common::tool_stdout("qpdf", &["--encrypt", "", "owner", "256", "--", plain, locked]);
    let run = check("locked.pdf", &std::fs::read(locked).unwrap(), &[]);
    run.only(&[("encrypted", None)], 1);
    assert_eq!(run.json["document"]["encrypted"], true);
}

/// 2.3 MB of a stream no page draws.
#[test]
fn a_file_over_two_megabytes_is_reported() {
    let mut pdf = Pdf::new();
    pdf.stream("", &vec![b'0'; 2_300_000]);
    let run = check("large.pdf", &one_page(pdf, page_of(&resume())), &[]);
    run.only(&[("file-size", None)], 1);
}

/// No title, no tags, fonts not embedded: notes, which leave the exit
/// status at 0. A tagged file with a title gets neither of the first two.
#[test]
fn notes_leave_the_status_alone() {
    let run = check("untitled.pdf", &Pdf::new().page(page_of(&resume())).bytes(), &[]);
    run.only(&[], 0);
    for code in ["no-title", "untagged", "fonts-not-embedded"] {
        run.has(code, "note");
    }
    assert_eq!(run.json["verdict"], "clean");
    let tagged = Pdf::new().title("Jane Example").tagged().page(page_of(&resume()));
    let run = check("tagged.pdf", &tagged.bytes(), &[]);
    run.only(&[], 0).lacks("no-title").lacks("untagged");
    assert!(
        run.finding("fonts-not-embedded").unwrap()["context"]
            .as_str()
            .unwrap()
            .contains("Helvetica")
    );
}
