//! One description, every output: `vita init`'s starter and a complete JSON
//! Resume sample, rendered in every built-in theme, print every field of
//! their description in both the PDF (as `pdftotext -raw` reads it: the
//! content stream's order) and the ATS text, whole and in the same order.
//! Needs poppler-utils (`pdftotext`).

mod common;

use common::{Sandbox, root, tool_stdout};
use vita::compose::describe::{Description, Item, describe};
use vita::compose::markup::{self, plain, plain_with_urls};
use vita::model::Highlight;
use vita::theme::{BUILTIN, Theme};

/// A field as the PDF prints it and as the text prints it (a link keeps
/// its address in parentheses there).
struct Field {
    pdf: String,
    txt: String,
}

fn field(text: &str) -> Field {
    Field { pdf: plain(text), txt: plain_with_urls(text) }
}

/// "Label: text", the label alone or the text alone, as both print it.
fn labelled(label: &str, text: &str) -> Field {
    match (label.trim().is_empty(), text.trim().is_empty()) {
        (false, false) => field(&format!("{label}: {text}")),
        (false, true) => field(label),
        _ => field(text),
    }
}

/// Every field of the description, in reading order.
fn fields(d: &Description, theme: &Theme) -> Vec<Field> {
    let mut out = vec![field(&d.name)];
    out.extend(d.label.as_deref().map(field));
    let verbatim = |t: &str| Field { pdf: t.to_string(), txt: t.to_string() };
    let contacts_in_column = theme.contact_in_column();
    if !contacts_in_column {
        out.extend(d.contacts.iter().map(|c| verbatim(&c.text)));
    }
    for s in &d.sections {
        out.push(verbatim(&s.title));
        for item in &s.items {
            match item {
                Item::Contacts(c) if contacts_in_column => {
                    out.extend(c.iter().map(|c| verbatim(&c.text)));
                }
                Item::Contacts(_) => {}
                Item::Prose { text, .. } => {
                    out.extend(markup::paragraphs(text).iter().map(|p| field(p)))
                }
                Item::Labelled(l) => out.push(labelled(&l.label, &l.text)),
                Item::Entry(e) => {
                    for row in e.header(theme.entry.layout) {
                        out.extend(
                            row.left.iter().chain(&row.right).filter_map(|p| e.part(*p)).map(field),
                        );
                    }
                    for p in e.summary.iter().flat_map(|s| markup::paragraphs(s)) {
                        out.push(field(&p));
                    }
                    for h in &e.highlights {
                        match h {
                            Highlight::Text(t) => out.push(field(t)),
                            Highlight::Group(g) => {
                                out.push(field(&g.text));
                                out.extend(g.items.iter().map(|i| field(i)));
                            }
                        }
                    }
                    out.extend(e.lists.iter().map(|l| labelled(&l.label, &l.text)));
                }
            }
        }
    }
    out
}

/// Words, case-folded (headings may be set in capitals), with the
/// zero-width space a split word's rest extracts as counted as a space.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '\u{200b}')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Asserts that each field's words occur contiguously, each field after
/// the one before.
fn assert_in_order(text: &str, fields: &[Field], pick: fn(&Field) -> &str, what: &str) {
    let hay = words(text);
    let mut cursor = 0;
    for f in fields {
        let needle = words(pick(f));
        if needle.is_empty() {
            continue;
        }
        let at = (cursor..=hay.len().saturating_sub(needle.len()))
            .find(|&i| hay[i..i + needle.len()] == *needle)
            .unwrap_or_else(|| {
                let near = &hay[cursor.min(hay.len())..(cursor + 30).min(hay.len())];
                panic!("{what}: {:?} not found whole after word {cursor}: {near:?}", pick(f))
            });
        cursor = at + needle.len();
    }
}

fn check(sb: &Sandbox, input: &str, stem: &str) {
    let resume = vita::model::load(&sb.path(input)).expect("the sample loads");
    for (name, _) in BUILTIN {
        let theme = Theme::resolve(name).unwrap();
        let out = format!("out-{name}");
        sb.vita(&["render", input, "-t", name, "-o", &out, "-q"]).assert_ok();
        let locale = vita::locale::Locale::for_resume(&resume, &theme).unwrap();
        let expected = fields(&describe(&resume, &theme, &locale), &theme);
        let pdf = sb.path(&format!("{out}/{stem}.pdf"));
        let pdf_text = tool_stdout("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
        assert_in_order(&pdf_text, &expected, |f| &f.pdf, &format!("{input} in {name}, PDF"));
        let txt = std::fs::read_to_string(sb.path(&format!("{out}/{stem}.txt"))).unwrap();
        assert_in_order(&txt, &expected, |f| &f.txt, &format!("{input} in {name}, text"));
    }
}

#[test]
fn the_starter_prints_every_field_in_the_pdf_and_the_text_in_one_order() {
    let sb = Sandbox::new();
    sb.vita(&["init", "cv.toml"]).assert_ok();
    check(&sb, "cv.toml", "cv");
}

#[test]
fn a_complete_json_resume_prints_every_field_in_the_pdf_and_the_text_in_one_order() {
    let sb = Sandbox::new();
    let sample = std::fs::read(root().join("tests/data/jsonresume-full.json")).unwrap();
    sb.write("full.json", sample);
    check(&sb, "full.json", "full");
}

/// Letters and digits in runs, lower-cased: what an ATS matches on.
fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The text values of a JSON Resume, each with its path ("work.name").
fn leaves<'a>(path: &str, v: &'a serde_json::Value, out: &mut Vec<(String, &'a str)>) {
    match v {
        serde_json::Value::String(s) => out.push((path.to_string(), s)),
        serde_json::Value::Array(a) => a.iter().for_each(|x| leaves(path, x, out)),
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                let inner = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                leaves(&inner, x, out);
            }
        }
        _ => {}
    }
}

/// Not circular: every text value of the JSON Resume sample itself, read
/// without vita's model, is in the PDF and the ATS text of every theme,
/// save those the format prints otherwise (dates, as formatted dates; an
/// address, without its scheme) or leaves out by a documented theme key
/// (a profile's network and user name, which `header.profiles = "handle"`
/// prints instead of its address; the street address and postal code,
/// which `header.street = true` prints).
#[test]
fn every_text_value_of_a_json_resume_is_printed() {
    let sb = Sandbox::new();
    let sample = std::fs::read(root().join("tests/data/jsonresume-full.json")).unwrap();
    sb.write("full.json", &sample);
    let json: serde_json::Value = serde_json::from_slice(&sample).unwrap();
    let mut values = Vec::new();
    leaves("", &json, &mut values);
    // The last part of a path, or the whole path.
    let skipped = [
        "$schema",
        "image",
        "startDate",
        "endDate",
        "date",
        "releaseDate",
        "network",
        "username",
        "address",
        "postalCode",
        "meta.canonical",
        "meta.version",
        "meta.lastModified",
        // vita has no place for it, and says so when it reads the file.
        "work.description",
    ];
    let skip =
        |path: &str| skipped.iter().any(|s| path == *s || path.rsplit('.').next() == Some(*s));
    for (name, _) in BUILTIN {
        let out = format!("out-{name}");
        sb.vita(&["render", "full.json", "-t", name, "-o", &out, "-q"]).assert_ok();
        let pdf = sb.path(&format!("{out}/full.pdf"));
        let pdf_text = tokens(&tool_stdout("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]));
        let txt = tokens(&std::fs::read_to_string(sb.path(&format!("{out}/full.txt"))).unwrap());
        for (path, value) in values.iter().filter(|(p, _)| !skip(p)) {
            let key = path.rsplit('.').next().unwrap_or(path);
            let value = if key == "url" {
                vita::compose::contacts::display_url(value)
            } else {
                plain(value)
            };
            let needle = tokens(&value);
            for (what, hay) in [("PDF", &pdf_text), ("text", &txt)] {
                let found = hay.windows(needle.len().max(1)).any(|w| w == needle.as_slice());
                assert!(found, "{name}, {what}: `{path}` = {value:?} is not printed");
            }
        }
    }
}
