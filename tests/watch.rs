//! `vita render --watch` through the real binary: it renders at once, then
//! again after each save of the résumé (written in place or replaced by a
//! rename, as editors do), of its theme file or of its photo, with one status line per
//! render; an invalid save is reported, keeps the last good PDF, and the
//! next good save renders again. The child is always killed at the end.

mod common;

use common::{BIN, Sandbox, tool_stdout};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// Generous: the machine may be busy with other builds.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The watching child, killed when the test ends (pass or fail).
struct Watcher {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Watcher {
    fn start(sb: &Sandbox, args: &[&str]) -> Watcher {
        let mut child = Command::new(BIN)
            .args(args)
            .current_dir(sb.dir.path())
            .env_remove("SOURCE_DATE_EPOCH")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start vita --watch");
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watcher { child, lines, seen: Vec::new() }
    }

    /// Waits for a line starting with `prefix`; returns it.
    fn expect(&mut self, prefix: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.starts_with(prefix) {
                        return line;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no line starting {prefix:?} within {TIMEOUT:?}; saw:\n{}", self.log())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let status = self.child.try_wait();
                    panic!("vita ended ({status:?}) before {prefix:?}; saw:\n{}", self.log())
                }
            }
        }
    }

    fn log(&self) -> String {
        self.seen.join("\n")
    }
}

fn pdf_text(sb: &Sandbox) -> String {
    tool_stdout("pdftotext", &[sb.path("out/cv.pdf").to_str().unwrap(), "-"])
}

/// Writes a plain 64 × 64 picture of `rgb` as the résumé's photo.
fn photo(sb: &Sandbox, rgb: [u8; 3]) {
    image::RgbImage::from_pixel(64, 64, image::Rgb(rgb)).save(sb.path("me.png")).unwrap();
}

fn with_name(seed: &str, name: &str) -> String {
    let old = seed.lines().find(|l| l.starts_with("name = ")).expect("basics.name");
    seed.replacen(old, &format!("name = \"{name}\""), 1)
}

#[test]
fn watch_rerenders_on_save_and_survives_a_bad_one() {
    let sb = Sandbox::new();
    let seed = std::fs::read_to_string(sb.path("data/resume.toml")).unwrap();
    let seed = seed.replacen("[basics]\n", "[basics]\nimage = \"me.png\"\n", 1);
    sb.write("cv.toml", with_name(&seed, "First Version"));
    photo(&sb, [200, 40, 40]);
    // Modern shows the photo.
    sb.write("mine.toml", "extends = \"modern\"\n");
    let mut w =
        Watcher::start(&sb, &["render", "cv.toml", "--watch", "-f", "pdf", "-t", "mine.toml"]);

    let first = w.expect("rendered ");
    assert!(first.starts_with("rendered cv.toml → out/ in "), "{first}");
    assert!(first.ends_with("ms (2 pages)"), "{first}");
    assert!(pdf_text(&sb).contains("First Version"));

    // A valid save, written in place.
    sb.write("cv.toml", with_name(&seed, "Second Version"));
    w.expect("rendered cv.toml");
    assert!(pdf_text(&sb).contains("Second Version"), "{}", w.log());

    // An invalid save: the diagnostic, a status line, the last good PDF kept.
    sb.write("cv.toml", format!("{}\nemial = \"x\"\n", with_name(&seed, "Broken Version")));
    let error = w.expect("error: ");
    assert!(error.contains("unknown field `emial`"), "{}", w.log());
    w.expect("failed cv.toml");
    let text = pdf_text(&sb);
    assert!(text.contains("Second Version") && !text.contains("Broken"), "{}", w.log());

    // Valid again, saved the way many editors do: a new file renamed over.
    sb.write("cv.toml.swp", with_name(&seed, "Third Version"));
    std::fs::rename(sb.path("cv.toml.swp"), sb.path("cv.toml")).unwrap();
    w.expect("rendered cv.toml");
    assert!(pdf_text(&sb).contains("Third Version"), "{}", w.log());

    // The theme file is watched too: letter paper is 612 pt wide.
    sb.write("mine.toml", "extends = \"modern\"\n[page]\npaper = \"letter\"\n");
    w.expect("rendered cv.toml");
    let info = tool_stdout("pdfinfo", &[sb.path("out/cv.pdf").to_str().unwrap()]);
    assert!(info.contains("612 x 792 pts"), "{info}\n{}", w.log());

    // And so is the photo: a new picture gives a new PDF.
    let before = std::fs::read(sb.path("out/cv.pdf")).unwrap();
    photo(&sb, [40, 40, 200]);
    w.expect("rendered cv.toml");
    assert_ne!(std::fs::read(sb.path("out/cv.pdf")).unwrap(), before, "{}", w.log());

    let renders = w.seen.iter().filter(|l| l.starts_with("rendered ")).count();
    assert_eq!(renders, 5, "one status line per render:\n{}", w.log());
    assert!(w.child.try_wait().unwrap().is_none(), "still watching");
}

#[test]
fn watch_follows_a_folder_deleted_and_made_again() {
    let sb = Sandbox::new();
    sb.write("cv/cv.toml", "[basics]\nname = \"First Version\"\n");
    let mut w = Watcher::start(&sb, &["render", "cv/cv.toml", "--watch", "-f", "pdf"]);
    w.expect("rendered cv/cv.toml");
    std::fs::remove_dir_all(sb.path("cv")).unwrap();
    w.expect("the folder ");
    sb.write("cv/cv.toml", "[basics]\nname = \"Second Version\"\n");
    w.expect("rendered cv/cv.toml");
    assert!(pdf_text(&sb).contains("Second Version"), "{}", w.log());
    // Later saves in the new folder render too.
    std::thread::sleep(Duration::from_millis(300));
    sb.write("cv/cv.toml", "[basics]\nname = \"Third Version\"\n");
    w.expect("rendered cv/cv.toml");
    assert!(pdf_text(&sb).contains("Third Version"), "{}", w.log());
}

#[test]
fn watch_follows_an_overlay_a_letter_its_resume_and_its_signature() {
    let sb = Sandbox::new();
    sb.write("cv.toml", "[basics]\nname = \"Alex Doe\"\nlabel = \"First Label\"\n");
    sb.write("acme.toml", "[basics]\nlabel = \"Overlay One\"\n");
    let mut w = Watcher::start(
        &sb,
        &["render", "cv.toml", "--overlay", "acme.toml", "--watch", "-f", "pdf"],
    );
    w.expect("rendered cv.toml");
    assert!(pdf_text(&sb).contains("Overlay One"), "{}", w.log());
    sb.write("acme.toml", "[basics]\nlabel = \"Overlay Two\"\n");
    w.expect("rendered cv.toml");
    assert!(pdf_text(&sb).contains("Overlay Two"), "{}", w.log());
    drop(w);

    let signature = |rgb: [u8; 3]| {
        image::RgbImage::from_pixel(120, 40, image::Rgb(rgb)).save(sb.path("sig.png")).unwrap();
    };
    signature([20, 30, 110]);
    sb.write(
        "letter.toml",
        "resume = \"cv.toml\"\nsignature = \"sig.png\"\nbody = \"Letter one.\"\n",
    );
    let mut w = Watcher::start(&sb, &["render", "letter.toml", "--watch", "-f", "pdf"]);
    let letter_text =
        || tool_stdout("pdftotext", &[sb.path("out/letter.pdf").to_str().unwrap(), "-"]);
    w.expect("rendered letter.toml");
    assert!(letter_text().contains("Letter one."), "{}", w.log());
    sb.write(
        "letter.toml",
        "resume = \"cv.toml\"\nsignature = \"sig.png\"\nbody = \"Letter two.\"\n",
    );
    w.expect("rendered letter.toml");
    assert!(letter_text().contains("Letter two."), "{}", w.log());
    // The résumé gives the sender's name.
    sb.write("cv.toml", "[basics]\nname = \"Sam Roe\"\n");
    w.expect("rendered letter.toml");
    assert!(letter_text().contains("Sam Roe"), "{}", w.log());
    // And the signature is watched: a new picture, a new PDF.
    let before = std::fs::read(sb.path("out/letter.pdf")).unwrap();
    signature([110, 30, 20]);
    w.expect("rendered letter.toml");
    assert_ne!(std::fs::read(sb.path("out/letter.pdf")).unwrap(), before, "{}", w.log());
}
