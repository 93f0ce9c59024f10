//! Likely mistakes in a résumé that loads fine: no e-mail address, an entry
//! without dates where its section otherwise has them, a bullet too long to
//! read. Each finding names the place by its path in the model (`work[2]`),
//! which the caller turns into a line and column.

use super::{DateField, Highlight, Resume};

/// Bullets longer than this many characters read as paragraphs.
pub const MAX_BULLET_CHARS: usize = 400;

/// One step of a path into the résumé: a key or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A key in a table (`work`).
    Key(&'static str),
    /// A key known only from the résumé (a variant's name).
    Name(String),
    /// A position in a list, from 0.
    Index(usize),
}

/// A likely mistake at a place in the résumé.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Where it is, from the top of the résumé.
    pub path: Vec<Seg>,
    /// What looks wrong ("no e-mail address").
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl Finding {
    /// The path as written in messages: `work[2].highlights[0]`.
    pub fn path_text(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(k) if out.is_empty() => out.push_str(k),
                Seg::Name(k) if out.is_empty() => out.push_str(k),
                Seg::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Seg::Name(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Seg::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
}

/// Every likely mistake, in file order of the sections.
pub fn lint(r: &Resume) -> Vec<Finding> {
    let mut out = Vec::new();
    if r.basics.email.as_deref().is_none_or(|e| e.trim().is_empty()) {
        out.push(Finding {
            path: vec![Seg::Key("basics")],
            message: "no e-mail address".into(),
            hint: "add `email = \"…\"` under [basics]: it is how most readers will reply".into(),
        });
    }
    let dates = |s: &DateField, e: &DateField| s.is_some() || e.is_some();
    let dated: [(&'static str, Vec<bool>); 4] = [
        ("work", r.work.iter().map(|x| dates(&x.start_date, &x.end_date)).collect()),
        ("volunteer", r.volunteer.iter().map(|x| dates(&x.start_date, &x.end_date)).collect()),
        ("education", r.education.iter().map(|x| dates(&x.start_date, &x.end_date)).collect()),
        ("projects", r.projects.iter().map(|x| dates(&x.start_date, &x.end_date)).collect()),
    ];
    for (section, has) in dated {
        undated(section, &has, &mut out);
    }
    let bullets: [(&'static str, Vec<&[Highlight]>); 3] = [
        ("work", r.work.iter().map(|x| &x.highlights[..]).collect()),
        ("volunteer", r.volunteer.iter().map(|x| &x.highlights[..]).collect()),
        ("projects", r.projects.iter().map(|x| &x.highlights[..]).collect()),
    ];
    for (section, entries) in bullets {
        for (i, highlights) in entries.into_iter().enumerate() {
            let base = vec![Seg::Key(section), Seg::Index(i), Seg::Key("highlights")];
            long_bullets(base, highlights, &mut out);
        }
    }
    for (i, c) in r.custom.iter().enumerate() {
        for (k, e) in c.entries.iter().enumerate() {
            let base = vec![
                Seg::Key("custom"),
                Seg::Index(i),
                Seg::Key("entries"),
                Seg::Index(k),
                Seg::Key("highlights"),
            ];
            long_bullets(base, &e.highlights, &mut out);
        }
    }
    out.extend(super::select::findings(r));
    out
}

/// An entry without dates is likely an omission when most of the others in
/// its section have dates; a section mostly without dates is a choice.
fn undated(section: &'static str, has: &[bool], out: &mut Vec<Finding>) {
    for (i, _) in has.iter().enumerate().filter(|(_, h)| !**h) {
        let others = has.len() - 1;
        let dated_others = has.iter().filter(|h| **h).count();
        if others > 0 && dated_others * 2 > others {
            out.push(Finding {
                path: vec![Seg::Key(section), Seg::Index(i)],
                message: format!(
                    "this {} entry has no dates, unlike {dated_others} of the other {others}",
                    section.trim_end_matches('s')
                ),
                hint: "add `start_date` and `end_date` (\"YYYY\", \"YYYY-MM\" or \"present\")"
                    .into(),
            });
        }
    }
}

fn long_bullets(base: Vec<Seg>, highlights: &[Highlight], out: &mut Vec<Finding>) {
    let mut check = |path: Vec<Seg>, text: &str| {
        let n = text.chars().count();
        if n > MAX_BULLET_CHARS {
            out.push(Finding {
                path,
                message: format!("a bullet of {n} characters (over {MAX_BULLET_CHARS})"),
                hint: "readers skim: split it into two bullets, or move the detail into `summary`"
                    .into(),
            });
        }
    };
    for (k, h) in highlights.iter().enumerate() {
        let mut path = base.clone();
        path.push(Seg::Index(k));
        match h {
            Highlight::Text(t) => check(path, t),
            Highlight::Group(g) => {
                let mut text_path = path.clone();
                text_path.push(Seg::Key("text"));
                check(text_path, &g.text);
                for (m, item) in g.items.iter().enumerate() {
                    let mut item_path = path.clone();
                    item_path.extend([Seg::Key("items"), Seg::Index(m)]);
                    check(item_path, item);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn findings(src: &str) -> Vec<String> {
        let r = crate::model::parse(src, Path::new("t.toml")).unwrap();
        lint(&r).iter().map(|f| format!("{}: {}", f.path_text(), f.message)).collect()
    }

    #[test]
    fn clean_resume_has_no_findings() {
        let src = "[basics]\nname = \"A\"\nemail = \"a@b.c\"\n[[work]]\nstart_date = \"2020\"\n";
        assert!(findings(src).is_empty(), "{:?}", findings(src));
    }

    #[test]
    fn reports_missing_email_undated_entry_and_long_bullet() {
        let long = "x".repeat(MAX_BULLET_CHARS + 1);
        let src = format!(
            "[basics]\nname = \"A\"\n\
             [[work]]\nstart_date = \"2020\"\n\
             [[work]]\nend_date = \"2019\"\n\
             [[work]]\nhighlights = [\"ok\", {{ text = \"t\", items = [\"{long}\"] }}]\n"
        );
        assert_eq!(
            findings(&src),
            [
                "basics: no e-mail address",
                "work[2]: this work entry has no dates, unlike 2 of the other 2",
                "work[2].highlights[1].items[0]: a bullet of 401 characters (over 400)",
            ]
        );
        let just = "x".repeat(MAX_BULLET_CHARS);
        let src = format!(
            "[basics]\nname = \"A\"\nemail = \"e\"\n[[projects]]\nname = \"p\"\nhighlights = [\"{just}\"]\n"
        );
        assert!(findings(&src).is_empty());
    }

    #[test]
    fn mostly_undated_section_is_a_choice() {
        let src = "[basics]\nname = \"A\"\nemail = \"e\"\n\
                   [[education]]\ninstitution = \"U\"\n[[education]]\ninstitution = \"V\"\n\
                   [[education]]\ninstitution = \"W\"\nend_date = \"2010\"\n";
        assert!(findings(src).is_empty(), "{:?}", findings(src));
    }
}
