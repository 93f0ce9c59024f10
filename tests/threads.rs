//! A single render shares its work between two threads (shaping ahead of
//! layout once the calling thread has composed the résumé, the font
//! programs beside the content streams, the plain text); inside a rayon
//! pool, as in batch rendering, it runs on one. Both ways must give the
//! same bytes, in every theme: which thread shaped a word or built a font
//! must never show in the output; and a failure must not leave either
//! thread waiting.

mod common;

use common::root;
use vita::render::{Format, Options, Rendered, render};
use vita::theme::{BUILTIN, Theme};

fn outputs(r: Rendered) -> Vec<(Format, Vec<u8>)> {
    r.outputs
}

#[test]
fn threaded_and_single_threaded_renders_are_byte_identical() {
    let resume = vita::model::load(&root().join("data/resume.toml")).expect("seed loads");
    let opts =
        Options { formats: vec![Format::Pdf, Format::Txt], timestamp: 0, photo: None, dpi: 72.0 };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    for (name, _) in BUILTIN {
        let theme = Theme::resolve(name).unwrap();
        // Fresh caches each way, so that each shapes from scratch.
        vita::layout::shape::clear_caches();
        let threaded = outputs(render(&resume, &theme, &opts).unwrap());
        let single = pool.install(|| {
            vita::layout::shape::clear_caches();
            outputs(render(&resume, &theme, &opts).unwrap())
        });
        assert_eq!(threaded.len(), 2, "{name}: a PDF and a text");
        for ((fa, a), (fb, b)) in threaded.iter().zip(&single) {
            assert_eq!(fa, fb);
            assert!(
                a == b,
                "{name}: the {fa:?} differs between the threaded and the single-threaded render"
            );
        }
    }
}

#[test]
fn a_render_that_cannot_compose_fails_on_both_paths_instead_of_waiting() {
    // The helper waits for the composed résumé; if composing fails, it
    // must be let go. A hang shows as a timeout here, not a stuck run.
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let resume = vita::model::load(&root().join("data/resume.toml")).expect("seed loads");
        let opts = Options {
            formats: vec![Format::Pdf, Format::Txt],
            timestamp: 0,
            photo: None,
            dpi: 72.0,
        };
        let mut theme = Theme::resolve("classic").unwrap();
        // A family no font provides: composing fails after the helper
        // has started.
        theme.fonts.body.family = "No Such Family".into();
        let threaded = render(&resume, &theme, &opts).map(|_| ());
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let single = pool.install(|| render(&resume, &theme, &opts)).map(|_| ());
        done.send((threaded, single)).unwrap();
    });
    let (threaded, single) =
        finished.recv_timeout(std::time::Duration::from_secs(60)).expect("the render returns");
    let err = threaded.expect_err("unknown family");
    assert!(err.message.contains("No Such Family"), "{}", err.message);
    assert!(single.is_err());
}
