//! A single render shares its work between two threads (shaping ahead of
//! layout, the font programs beside the content streams, the plain text);
//! inside a rayon pool, as in batch rendering, it runs on one. Both ways
//! must give the same bytes, in every theme: which thread shaped a word or
//! built a font must never show in the output.

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
