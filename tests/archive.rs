//! PDF/A-2 (`--pdf-standard a-2b|a-2u|a-2a`). No PDF/A validator can be
//! installed from the registries this project reaches (veraPDF comes from
//! Maven), so these tests check the rules of ISO 19005-2 that a vita PDF
//! could break, one by one: an XMP packet that names the part and level
//! and repeats the Info dictionary's values and dates; an sRGB output
//! intent whose ICC profile is well formed; every font embedded with a
//! ToUnicode map; no encryption; every annotation printable; level A
//! tagged; and a file qpdf finds no error in.

mod common;

use common::{Sandbox, tool_stdout};
use lopdf::{Document, Object};

/// The text of the XMP element `name`, the first one.
fn xmp_value<'a>(xmp: &'a str, name: &str) -> &'a str {
    let open = format!("<{name}>");
    let start = xmp.find(&open).unwrap_or_else(|| panic!("no {name} in the XMP:\n{xmp}"));
    let rest = &xmp[start + open.len()..];
    // A container (rdf:Alt, rdf:Seq): the text of its first rdf:li.
    let rest = match rest.find("<rdf:li") {
        Some(li) if li < rest.find(&format!("</{name}>")).unwrap() => {
            &rest[li + rest[li..].find('>').unwrap() + 1..]
        }
        _ => rest,
    };
    &rest[..rest.find('<').unwrap()]
}

/// A value of pdfinfo's listing.
fn info_value<'a>(info: &'a str, key: &str) -> &'a str {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .unwrap_or_else(|| panic!("no {key} in\n{info}"))
        .trim()
}

#[test]
fn each_level_writes_what_pdf_a_2_asks() {
    let sb = Sandbox::new();
    for (level, letter) in [("a-2b", "B"), ("a-2u", "U"), ("a-2a", "A")] {
        let out = format!("out/{level}");
        // A date of its own, which the XMP must repeat.
        sb.vita_env(
            &["render", "-o", &out, "-f", "pdf", "--pdf-standard", level],
            &[("SOURCE_DATE_EPOCH", "1767225600")],
        )
        .assert_ok();
        let pdf = sb.path(&format!("{out}/resume.pdf"));
        let path = pdf.to_str().unwrap();

        let check = tool_stdout("qpdf", &["--check", path]);
        assert!(check.contains("No syntax or stream encoding errors"), "{level}: {check}");
        let info = tool_stdout("pdfinfo", &[path]);
        assert_eq!(info_value(&info, "Encrypted"), "no", "{level}");
        assert_eq!(info_value(&info, "Metadata Stream"), "yes", "{level}");
        if level == "a-2a" {
            assert_eq!(info_value(&info, "Tagged"), "yes", "{level}");
        }

        // The XMP names the part and level and agrees with the Info.
        let xmp = tool_stdout("pdfinfo", &["-meta", path]);
        assert_eq!(xmp_value(&xmp, "pdfaid:part"), "2", "{level}");
        assert_eq!(xmp_value(&xmp, "pdfaid:conformance"), letter, "{level}");
        assert_eq!(xmp_value(&xmp, "dc:title"), info_value(&info, "Title"), "{level}");
        assert_eq!(xmp_value(&xmp, "dc:creator"), info_value(&info, "Author"), "{level}");
        assert_eq!(xmp_value(&xmp, "dc:description"), info_value(&info, "Subject"), "{level}");
        assert_eq!(xmp_value(&xmp, "pdf:Keywords"), info_value(&info, "Keywords"), "{level}");
        assert_eq!(xmp_value(&xmp, "pdf:Producer"), info_value(&info, "Producer"), "{level}");
        assert_eq!(xmp_value(&xmp, "xmp:CreatorTool"), info_value(&info, "Creator"), "{level}");
        // 1767225600 is 2026-01-01 00:00:00 UTC, in both places.
        assert_eq!(xmp_value(&xmp, "xmp:CreateDate"), "2026-01-01T00:00:00Z", "{level}");
        assert_eq!(xmp_value(&xmp, "xmp:ModifyDate"), "2026-01-01T00:00:00Z", "{level}");
        let raw = lopdf::Document::load(&pdf).unwrap();
        let info_dict = raw.trailer.get(b"Info").and_then(Object::as_reference).unwrap();
        let info_dict = raw.get_dictionary(info_dict).unwrap();
        for key in [&b"CreationDate"[..], b"ModDate"] {
            let date = info_dict.get(key).unwrap().as_str().unwrap();
            assert!(date.starts_with(b"D:20260101000000"), "{level}: {:?}", date);
        }

        // Every font embedded, with a ToUnicode map.
        let fonts = tool_stdout("pdffonts", &[path]);
        for line in fonts.lines().skip(2) {
            assert!(line.contains("yes yes yes"), "{level}: embedded, subset, ToUnicode: {line}");
        }

        check_output_intent(&raw, level);
        check_annotations(&raw, level);
    }
}

/// One output intent, GTS_PDFA1, whose profile is a well-formed RGB
/// display profile.
fn check_output_intent(doc: &Document, level: &str) {
    let catalog = doc.catalog().unwrap();
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    assert_eq!(intents.len(), 1, "{level}");
    let intent = match &intents[0] {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        other => other.as_dict().unwrap(),
    };
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1", "{level}");
    let profile = intent.get(b"DestOutputProfile").unwrap().as_reference().unwrap();
    let stream = doc.get_object(profile).unwrap().as_stream().unwrap();
    assert_eq!(stream.dict.get(b"N").unwrap().as_i64().unwrap(), 3, "{level}");
    let icc = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
    let size = u32::from_be_bytes(icc[0..4].try_into().unwrap()) as usize;
    assert_eq!(size, icc.len(), "{level}: the profile's size");
    assert_eq!(&icc[36..40], b"acsp", "{level}: the ICC signature");
    assert_eq!(&icc[12..24], b"mntrRGB XYZ ", "{level}: a display profile, RGB to XYZ");
    assert_eq!(icc[8], 2, "{level}: ICC version 2, as PDF/A-2 allows");
}

/// Every annotation printable, and none hidden.
fn check_annotations(doc: &Document, level: &str) {
    let mut seen = 0;
    for (_, page) in doc.get_pages() {
        let annots = doc.get_dictionary(page).unwrap().get(b"Annots").and_then(|a| a.as_array());
        for annot in annots.into_iter().flatten() {
            let a = doc.get_dictionary(annot.as_reference().unwrap()).unwrap();
            let flags = a.get(b"F").and_then(Object::as_i64).unwrap_or(0);
            assert_eq!(flags & 0b10_0111, 0b100, "{level}: /F {flags}: printable, not hidden");
            seen += 1;
        }
    }
    assert!(seen > 0, "{level}: the seed has links");
}

#[test]
fn level_a_without_tags_is_refused() {
    let sb = Sandbox::new();
    let run = sb.vita(&["render", "-o", "out", "--pdf-standard", "a-2a", "--no-tags"]);
    assert_eq!(run.code(), Some(2), "{}", run.report());
    assert!(run.stderr().contains("a-2a needs a tagged PDF"), "{}", run.report());
    assert!(!sb.path("out").exists(), "nothing is written");
}

#[test]
fn without_a_standard_there_is_no_xmp_or_output_intent() {
    let sb = Sandbox::new();
    sb.vita(&["render", "-o", "out", "-f", "pdf"]).assert_ok();
    let doc = lopdf::Document::load(sb.path("out/resume.pdf")).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"Metadata").is_err() && catalog.get(b"OutputIntents").is_err());
}

#[test]
fn every_theme_writes_pdf_a() {
    let sb = Sandbox::new();
    for theme in ["classic", "modern", "sidebar", "compact", "elegant", "ats"] {
        let out = format!("out/{theme}");
        sb.vita(&["render", "-t", theme, "-o", &out, "-f", "pdf", "--pdf-standard", "a-2a"])
            .assert_ok();
        let pdf = sb.path(&format!("{out}/resume.pdf"));
        let path = pdf.to_str().unwrap();
        let check = tool_stdout("qpdf", &["--check", path]);
        assert!(check.contains("No syntax or stream encoding errors"), "{theme}: {check}");
        let xmp = tool_stdout("pdfinfo", &["-meta", path]);
        assert_eq!(xmp_value(&xmp, "pdfaid:conformance"), "A", "{theme}");
        for line in tool_stdout("pdffonts", &[path]).lines().skip(2) {
            assert!(line.contains("yes yes yes"), "{theme}: embedded, subset, ToUnicode: {line}");
        }
        let doc = lopdf::Document::load(&pdf).unwrap();
        check_output_intent(&doc, theme);
        check_annotations(&doc, theme);
    }
}
