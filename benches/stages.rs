//! Per-stage benchmarks (criterion) on the seed résumé and on a five-page
//! stress résumé (the seed's work history three times over): load (TOML →
//! model), compose, shape (every paragraph's text, caches emptied first),
//! layout with cold caches (shaping, line breaking and page flow), layout
//! with warm caches (line breaking and flow alone, as `--fit-pages` and
//! batch runs see it), PDF and ATS text.
//!
//! Run with `cargo bench --bench stages`; whole-process figures come from
//! `benches/whole-process.sh`, and BENCHMARKS.md records both.

// criterion_group! defines a public `benches` function that takes no doc.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use vita::compose::{Block, compose};
use vita::export::{pdf, text};
use vita::fonts::FontBook;
use vita::layout::{layout, shape};
use vita::model::{Resume, parse};
use vita::theme::Theme;

fn seed_text() -> String {
    std::fs::read_to_string("data/resume.toml").expect("run from the repository root")
}

/// The seed with its `[[work]]` entries repeated `times` times.
fn stress_text(times: usize) -> String {
    let seed = seed_text();
    let (head, rest) = seed.split_once("[[work]]").expect("the seed has work");
    let (jobs, tail) = rest.split_once("# ── Education").expect("the seed has education");
    format!("{head}{}# ── Education{tail}", format!("[[work]]{jobs}").repeat(times))
}

fn paragraphs(resume: &Resume, theme: &Theme, book: &FontBook) -> Vec<vita::compose::Para> {
    let composed = compose(resume, theme, book).unwrap();
    composed.blocks().flat_map(Block::paras).cloned().collect()
}

fn stages(c: &mut Criterion) {
    let theme = Theme::resolve("classic").unwrap();
    for (name, source) in [("seed", seed_text()), ("stress-5-pages", stress_text(3))] {
        let path = Path::new("data/resume.toml");
        let resume = parse(&source, path).unwrap();
        let book = FontBook::new();
        let composed = compose(&resume, &theme, &book).unwrap();
        let doc = layout(&composed, &theme, &book, None);
        eprintln!("{name}: {} pages", doc.pages.len());
        let mut g = c.benchmark_group(name);
        g.bench_function("load", |b| b.iter(|| parse(black_box(&source), path).unwrap()));
        g.bench_function("compose", |b| b.iter(|| compose(&resume, &theme, &book).unwrap()));
        let paras = paragraphs(&resume, &theme, &book);
        g.bench_function("shape (cold caches)", |b| {
            b.iter(|| {
                shape::clear_caches();
                for p in &paras {
                    for span in &p.spans {
                        black_box(shape::shape(&book, &span.style, &span.text));
                    }
                }
            })
        });
        g.bench_function("layout (cold caches)", |b| {
            b.iter(|| {
                shape::clear_caches();
                layout(&composed, &theme, &book, None)
            })
        });
        g.bench_function("layout (warm: break lines + flow)", |b| {
            b.iter(|| layout(&composed, &theme, &book, None))
        });
        let meta = pdf::Metadata::default();
        g.bench_function("pdf", |b| {
            b.iter(|| pdf::render(&doc, &book, &meta, &Default::default()).unwrap())
        });
        let bytes = pdf::render(&doc, &book, &meta, &Default::default()).unwrap();
        let options = vita::check::Options::default();
        g.bench_function("check (read the PDF back)", |b| {
            b.iter(|| vita::check::check_bytes(black_box(&bytes), &options).unwrap())
        });
        let locale = vita::locale::Locale::for_resume(&resume, &theme).unwrap();
        g.bench_function("locale", |b| {
            b.iter(|| vita::locale::Locale::for_resume(&resume, &theme).unwrap())
        });
        g.bench_function("text", |b| {
            b.iter(|| {
                text::render(
                    &vita::compose::describe::describe(&resume, &theme, &locale),
                    theme.entry.layout,
                )
            })
        });
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2));
    targets = stages
}
criterion_main!(benches);
