//! A render runs on the calling thread, but a batch renders many at once
//! on rayon's threads, each with its own shaping caches, warmed by
//! whatever that thread rendered before. Which thread rendered a résumé,
//! and what its caches held, must never show in the output: every theme
//! gives the same bytes on a fresh thread as on one that has rendered all
//! the others. A failure must come back as an error from any thread.

mod common;

use common::root;
use vita::render::{Format, Options, Rendered, render};
use vita::theme::{BUILTIN, Theme};

fn outputs(r: Rendered) -> Vec<(Format, Vec<u8>)> {
    r.outputs
}

fn options() -> Options {
    Options {
        formats: vec![Format::Pdf, Format::Txt],
        timestamp: 0,
        photo: None,
        dpi: 72.0,
        font_dirs: Vec::new(),
        pdf: Default::default(),
    }
}

#[test]
fn renders_on_pool_threads_with_warm_caches_match_fresh_ones() {
    let resume = vita::model::load(&root().join("data/resume.toml")).expect("seed loads");
    let opts = options();
    // Each theme on a thread of its own, with nothing in its own caches
    // (the shape plans and fonts kept for the process are shared).
    let fresh: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = BUILTIN
            .iter()
            .map(|(name, _)| {
                let (resume, opts) = (&resume, &opts);
                s.spawn(move || {
                    let theme = Theme::resolve(name).unwrap();
                    outputs(render(resume, &theme, opts).unwrap())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    // All of them in turn on one pool thread, whose caches keep what the
    // earlier themes shaped.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let warm: Vec<_> = pool.install(|| {
        BUILTIN
            .iter()
            .map(|(name, _)| {
                outputs(render(&resume, &Theme::resolve(name).unwrap(), &opts).unwrap())
            })
            .collect()
    });
    for (((name, _), a), b) in BUILTIN.iter().zip(&fresh).zip(&warm) {
        assert_eq!(a.len(), 2, "{name}: a PDF and a text");
        for ((fa, a), (fb, b)) in a.iter().zip(b) {
            assert_eq!(fa, fb);
            assert!(a == b, "{name}: the {fa:?} differs between a fresh and a warm thread");
        }
    }
}

#[test]
fn a_render_that_cannot_compose_fails_on_any_thread() {
    let resume = vita::model::load(&root().join("data/resume.toml")).expect("seed loads");
    let opts = options();
    let mut theme = Theme::resolve("classic").unwrap();
    // A family no font provides.
    theme.fonts.body.family = "No Such Family".into();
    let here = render(&resume, &theme, &opts).map(|_| ());
    let err = here.expect_err("unknown family");
    assert!(err.message.contains("No Such Family"), "{}", err.message);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    assert!(pool.install(|| render(&resume, &theme, &opts)).is_err());
}
