//! Golden files: what vita prints for the seed résumé in every built-in
//! theme, committed under `tests/golden/` so that any change to the output
//! shows up in review as a diff.
//!
//! - `THEME.txt`: the ATS text, byte for byte.
//! - `THEME.md`: the Markdown, byte for byte.
//! - `THEME.lines`: the laid-out pages, one line of text per row: page,
//!   left edge and baseline in points (to a tenth), then the text as it
//!   extracts (a split word's /ActualText where it has one).
//!
//! After a change that is meant to alter the output, update them with
//!
//! ```sh
//! VITA_UPDATE_GOLDEN=1 cargo test --profile ci --test golden
//! ```
//!
//! and review the diff before committing it.

mod common;

use common::root;
use std::fmt::Write;
use vita::fonts::FontBook;
use vita::layout::{Document, FrameItem};
use vita::theme::{BUILTIN, Theme};

fn seed() -> vita::model::Resume {
    vita::model::load(&root().join("data/resume.toml")).expect("the seed loads")
}

/// One row per baseline: page, x of its first run, baseline, and the text.
fn lines(doc: &Document) -> String {
    let mut out = String::new();
    for (n, page) in doc.pages.iter().enumerate() {
        // (baseline key, left edge, where the last run ends, text)
        let mut rows: Vec<(i32, f32, f32, String)> = Vec::new();
        let mut runs: Vec<(f32, f32, f32, String)> = page
            .items
            .iter()
            .filter_map(|(p, item)| match item {
                FrameItem::Text(r) if !r.bridge => {
                    let text = r.actual.clone().unwrap_or_else(|| r.text.clone());
                    Some((p.x, p.y, p.x + r.width(), text.replace('\u{200b}', "")))
                }
                _ => None,
            })
            .collect();
        runs.sort_by(|a, b| (a.1, a.0).partial_cmp(&(b.1, b.0)).unwrap());
        for (x, y, end, text) in runs {
            let key = (y * 10.0).round() as i32;
            match rows.last_mut() {
                Some(row) if row.0 == key => {
                    // Runs apart on the line (a marker and its text, a
                    // title and its dates) are set apart by a space.
                    if x - row.2 > 1.0 {
                        row.3.push(' ');
                    }
                    row.3.push_str(&text);
                    row.2 = end;
                }
                _ => rows.push((key, x, end, text)),
            }
        }
        for (y, x, _, text) in rows {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            writeln!(out, "{} {:>6.1} {:>6.1} {text}", n + 1, x, y as f32 / 10.0).unwrap();
        }
    }
    out
}

/// Compares `actual` with the golden file `name`, or rewrites it when
/// VITA_UPDATE_GOLDEN is set; returns a message when they differ.
fn compare(name: &str, actual: &str) -> Option<String> {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("VITA_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected == actual {
        return None;
    }
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let first = (0..e.len().max(a.len())).find(|&i| e.get(i) != a.get(i)).unwrap_or(0);
    Some(format!(
        "{name} differs from line {}:\n  golden: {:?}\n  now:    {:?}",
        first + 1,
        e.get(first).copied().unwrap_or("<end>"),
        a.get(first).copied().unwrap_or("<end>")
    ))
}

#[test]
fn the_seed_prints_as_the_golden_files_say_in_every_theme() {
    let resume = seed();
    let book = FontBook::new();
    let mut failures = Vec::new();
    for (name, _) in BUILTIN {
        let theme = Theme::resolve(name).unwrap();
        let locale = vita::locale::Locale::for_resume(&resume, &theme).unwrap();
        let description = vita::compose::describe::describe(&resume, &theme, &locale);
        let txt = vita::export::text::render(&description, theme.entry.layout);
        failures.extend(compare(&format!("{name}.txt"), &txt));
        let md = vita::export::markdown::render(&description);
        failures.extend(compare(&format!("{name}.md"), &md));
        let doc = vita::render::lay_out(&resume, &theme, &book).unwrap();
        failures.extend(compare(&format!("{name}.lines"), &lines(&doc)));
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is meant, update the golden files with\n  \
         VITA_UPDATE_GOLDEN=1 cargo test --profile ci --test golden\nand review the diff.",
        failures.join("\n")
    );
}
