//! What the per-rule tests of `vita check` share: a plain one-column
//! résumé as lines of text that each test bends to show one fault, and a
//! runner that checks a PDF with `--json` and compares the findings.

#![allow(dead_code)]

use crate::common::Sandbox;
use crate::pdf::{Page, Pdf, width};
use serde_json::Value;

/// The left margin and the right edge of the text, in points.
pub(crate) const LEFT: f32 = 72.0;
pub(crate) const RIGHT: f32 = 540.0;

/// A line of text: where its baseline starts, its size and its text.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

pub(crate) fn line(x: f32, y: f32, size: f32, text: &str) -> Line {
    Line { x, y, size, text: text.to_string() }
}

/// A line set flush right against [`RIGHT`].
pub(crate) fn right(y: f32, size: f32, text: &str) -> Line {
    line(RIGHT - width(text, size), y, size, text)
}

/// The LinkedIn address the résumé prints and links.
pub(crate) const PROFILE: &str = "https://www.linkedin.com/in/jane-example";

/// A plain, well-made one-column résumé: the name on top, contacts as
/// text, three standard headings, dates on each entry's title line.
pub(crate) fn resume() -> Vec<Line> {
    let body = |y: f32, text: &str| line(LEFT, y, 10.0, text);
    vec![
        line(LEFT, 730.0, 24.0, "Jane Example"),
        body(708.0, "jane.example@example.com | +1 555 010 0199 | linkedin.com/in/jane-example"),
        line(LEFT, 672.0, 13.0, "Experience"),
        body(652.0, "Senior Software Engineer, Acme Corp"),
        right(652.0, 10.0, "Jan 2020 – Present"),
        body(638.0, "Built the billing service that handles two million invoices a month"),
        body(626.0, "and cut its running cost by half in the first year."),
        body(612.0, "Led the move of twelve services to Kubernetes without downtime."),
        body(590.0, "Software Engineer, Beta Inc"),
        right(590.0, 10.0, "Jun 2016 – Dec 2019"),
        body(576.0, "Wrote the search service used by forty thousand customers a day."),
        line(LEFT, 546.0, 13.0, "Education"),
        body(526.0, "BSc Computer Science, State University"),
        right(526.0, 10.0, "2012 – 2016"),
        line(LEFT, 496.0, 13.0, "Skills"),
        body(476.0, "Rust, Python, SQL, PostgreSQL, Kubernetes, Terraform"),
    ]
}

/// Replaces the text of the line that reads `from` (which must exist).
pub(crate) fn set(lines: &mut [Line], from: &str, to: &str) {
    let line = lines.iter_mut().find(|l| l.text == from);
    line.unwrap_or_else(|| panic!("no line reads {from:?}")).text = to.to_string();
}

/// Removes the line that reads `text` (which must exist).
pub(crate) fn remove(lines: &mut Vec<Line>, text: &str) {
    let before = lines.len();
    lines.retain(|l| l.text != text);
    assert_eq!(lines.len(), before - 1, "no line reads {text:?}");
}

/// A page drawing `lines` in Helvetica, in order.
pub(crate) fn page_of(lines: &[Line]) -> Page {
    draw(Page::new(), lines)
}

/// `page` with `lines` drawn after what it holds.
pub(crate) fn draw(page: Page, lines: &[Line]) -> Page {
    lines.iter().fold(page, |page, l| page.text(l.x, l.y, l.size, &l.text))
}

/// A link annotation to `uri` over `rect` (x0 y0 x1 y1).
pub(crate) fn link(pdf: &mut Pdf, rect: [f32; 4], uri: &str) -> usize {
    pdf.object(format!(
        "<< /Type /Annot /Subtype /Link /Rect [{} {} {} {}] /Border [0 0 0] \
         /A << /S /URI /URI ({uri}) >> >>",
        rect[0], rect[1], rect[2], rect[3]
    ))
}

/// A one-page PDF of `lines`, titled, with the profile linked over its
/// printed address.
pub(crate) fn resume_pdf(lines: &[Line]) -> Vec<u8> {
    one_page(Pdf::new(), page_of(lines))
}

/// `pdf` (which may hold fonts or images `page` uses) with `page` added,
/// the résumé's title, and the profile linked over its printed address.
pub(crate) fn one_page(mut pdf: Pdf, page: Page) -> Vec<u8> {
    let annot = link(&mut pdf, [300.0, 705.0, 540.0, 718.0], PROFILE);
    pdf.title("Jane Example – Résumé").page(page.annot(annot)).bytes()
}

/// What `vita check --json` said about one file.
pub(crate) struct Checked {
    pub json: Value,
    pub status: i32,
    pub name: String,
}

/// Writes `bytes` to `name` in a fresh sandbox and checks it with
/// `--json` and `args`.
pub(crate) fn check(name: &str, bytes: &[u8], args: &[&str]) -> Checked {
    let sandbox = Sandbox::new();
    sandbox.write(name, bytes);
    if let Ok(keep) = std::env::var("VITA_KEEP_PDFS") {
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::write(std::path::Path::new(&keep).join(name), bytes).unwrap();
    }
    let mut all = vec!["check", "--json", name];
    all.extend(args);
    let run = sandbox.vita(&all);
    let status = run.code().unwrap_or_else(|| panic!("killed{}", run.report()));
    let json: Value = serde_json::from_slice(&run.output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}){}", run.report()));
    Checked { json, status, name: name.to_string() }
}

impl Checked {
    pub(crate) fn findings(&self) -> &[Value] {
        self.json["findings"].as_array().map_or(&[], Vec::as_slice)
    }

    /// The finding with `code`, if reported.
    pub(crate) fn finding(&self, code: &str) -> Option<&Value> {
        self.findings().iter().find(|f| f["code"] == code)
    }

    /// The codes of the warnings and errors, each with its page.
    pub(crate) fn problems(&self) -> Vec<(String, Option<u64>)> {
        let mut out: Vec<(String, Option<u64>)> = self
            .findings()
            .iter()
            .filter(|f| f["severity"] != "note")
            .map(|f| (f["code"].as_str().unwrap_or("").to_string(), f["page"].as_u64()))
            .collect();
        out.sort();
        out
    }

    /// The findings and text, for failure messages.
    pub(crate) fn describe(&self) -> String {
        let findings: Vec<String> = self
            .findings()
            .iter()
            .map(|f| {
                format!(
                    "  {} {} p{} {} | {}",
                    f["severity"], f["code"], f["page"], f["message"], f["context"]
                )
            })
            .collect();
        format!(
            "\n{} (exit {}):\n{}\nstream:\n{}\nposition:\n{}",
            self.name,
            self.status,
            findings.join("\n"),
            self.json["text"]["stream"],
            self.json["text"]["position"]
        )
    }

    /// Asserts that the warnings and errors are exactly `expected` (code
    /// and page; `None` for the whole file) and the exit status `status`.
    pub(crate) fn only(&self, expected: &[(&str, Option<u64>)], status: i32) -> &Checked {
        let mut want: Vec<(String, Option<u64>)> =
            expected.iter().map(|(c, p)| (c.to_string(), *p)).collect();
        want.sort();
        assert_eq!(self.problems(), want, "findings{}", self.describe());
        assert_eq!(self.status, status, "exit status{}", self.describe());
        self
    }

    /// Asserts the finding `code` has severity `severity`; returns it.
    pub(crate) fn has(&self, code: &str, severity: &str) -> &Value {
        let f = self.finding(code).unwrap_or_else(|| panic!("no {code}{}", self.describe()));
        assert_eq!(f["severity"], severity, "{code}{}", self.describe());
        f
    }

    /// Asserts there is no finding `code`.
    pub(crate) fn lacks(&self, code: &str) -> &Checked {
        assert!(self.finding(code).is_none(), "unexpected {code}{}", self.describe());
        self
    }
}
