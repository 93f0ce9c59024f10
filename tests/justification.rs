//! Justification keeps its promise: in every built-in theme that justifies,
//! on the seed and on 200 random résumés, every line but a paragraph's last
//! reaches the margin (within 0.05 pt), unless it is one word with no space
//! to stretch. The spaces of no line are looser than pdfTeX's default
//! `\tolerance` (badness 200) would accept, beyond the emergency pass's
//! limit; a paragraph that cannot be justified within it is set ragged,
//! whole, and counted.
//!
//! `cargo test --profile ci --test justification -- --nocapture` prints the
//! badness figures `docs/typography.md` tabulates.

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};
use std::path::Path;
use vita::fonts::FontBook;
use vita::layout::inline::JustifiedLine;
use vita::theme::{BUILTIN, TextAlign, Theme};

mod common;
mod random_resume;

/// Random résumés per theme.
const RANDOM: usize = 200;
/// How far short of the margin a justified line may end, in points.
const REACH: f32 = 0.05;
/// pdfTeX's default `\tolerance`: the loosest line it sets.
const TEX_TOLERANCE: f32 = 200.0;

/// The résumés: the seed, then random ones (the same each run).
fn resumes() -> Vec<(String, vita::model::Resume)> {
    let seed = common::root().join("data/resume.toml");
    let mut out = vec![("seed".to_string(), vita::model::load(&seed).unwrap())];
    let mut runner = TestRunner::new(Config { failure_persistence: None, ..Config::default() });
    let strategy = random_resume::resume_toml();
    for n in 0..RANDOM {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        let resume = vita::model::parse(&text, Path::new("random.toml")).unwrap();
        out.push((format!("random résumé {n}:\n{text}"), resume));
    }
    out
}

/// Figures over many lines, as `docs/typography.md` gives them.
#[derive(Default)]
struct Figures {
    lines: usize,
    over_100: usize,
    over_200: usize,
    worst: f32,
    /// Lines that end short of the margin.
    short: usize,
    /// Paragraphs set ragged because no breaks could justify them.
    ragged: usize,
}

impl Figures {
    fn add(&mut self, line: &JustifiedLine) {
        self.lines += 1;
        self.over_100 += (line.badness > 100.0) as usize;
        self.over_200 += (line.badness > 200.0) as usize;
        self.worst = self.worst.max(line.badness);
        self.short += (line.short > REACH && line.spaced) as usize;
    }

    fn row(&self, theme: &str, corpus: &str) -> String {
        let share = |n: usize| 100.0 * n as f32 / self.lines.max(1) as f32;
        format!(
            "| {theme} | {corpus} | {} | {:.1} % | {:.1} % | {:.0} | {} | {} |",
            self.lines,
            share(self.over_100),
            share(self.over_200),
            self.worst,
            self.short,
            self.ragged
        )
    }
}

#[test]
fn justified_lines_reach_the_margin_and_stay_within_tex_tolerance() {
    let book = FontBook::new();
    let resumes = resumes();
    let (mut justified, mut failures) = (0, Vec::new());
    println!(
        "| theme | résumés | lines | badness > 100 | badness > 200 | worst | short | ragged |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for (name, _) in BUILTIN {
        let theme = Theme::resolve(name).unwrap();
        if theme.text.align != TextAlign::Justify {
            continue;
        }
        justified += 1;
        let (mut seed, mut random) = (Figures::default(), Figures::default());
        for (n, (label, resume)) in resumes.iter().enumerate() {
            let doc = vita::render::lay_out(resume, &theme, &book).unwrap();
            let figures = if n == 0 { &mut seed } else { &mut random };
            figures.ragged += doc.set_ragged;
            for line in &doc.justified {
                let loose = line.badness > TEX_TOLERANCE + 0.01;
                if (line.short > REACH && line.spaced || loose) && failures.len() < 5 {
                    failures.push(format!(
                        "{name}: a justified line of badness {:.0} (ratio {:.2}) ends \
                         {:.2} pt short of the margin, in the {label}",
                        line.badness, line.ratio, line.short
                    ));
                }
                figures.add(line);
            }
        }
        assert!(seed.lines > 20, "{name}: only {} justified lines in the seed", seed.lines);
        println!("{}", seed.row(name, "seed"));
        println!("{}", random.row(name, &format!("{RANDOM} random")));
    }
    assert!(justified >= 2, "classic and elegant justify");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
