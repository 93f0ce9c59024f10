//! The content-stream interpreter: runs a page's drawing operators far
//! enough to know, for every character shown, what text it stands for,
//! where it sits, how big it is, whether anyone can see it, and which
//! `/ActualText` span or artifact it belongs to.

use super::font::{Code, Font};
use super::load::{PageRef, Pdf, number};
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::HashMap;
use std::time::Instant;

/// Operators run per document before giving up.
const MAX_OPS: usize = 4_000_000;
/// Characters kept per document before giving up.
const MAX_CHARS: usize = 1_000_000;
/// Form XObjects nested deeper than this are not entered.
const MAX_DEPTH: usize = 12;
/// Seconds a document may take.
const MAX_SECONDS: f32 = 10.0;
/// Content-stream bytes decoded per document, counting a form once per
/// time it is drawn. lopdf decodes a stream whole, at up to 280 bytes of
/// memory per byte for the tersest operators (`n\n`: 560 bytes an
/// operation), so this bounds memory too: about 560 MiB at worst.
const MAX_CONTENT: usize = 2 << 20;
/// Painted areas kept per page; past this, the rest are merged into one.
const MAX_BACKDROPS: usize = 1024;

/// Why a character cannot be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hidden {
    /// Text render mode 3 or 7: not painted.
    Mode,
    /// White on white.
    White,
    /// Outside the page.
    OffPage,
}

/// A character as drawn.
#[derive(Debug, Clone)]
pub(super) struct Char {
    /// The text it stands for; empty when its font does not say.
    pub(super) text: String,
    /// Whether the font maps it to text.
    pub(super) mapped: bool,
    /// Baseline start, in page space (points, y up).
    pub(super) x: f32,
    pub(super) y: f32,
    /// Where its advance ends along x.
    pub(super) end: f32,
    /// Its size in points.
    pub(super) size: f32,
    /// Its font, an index into [`Pages::fonts`].
    pub(super) font: usize,
    pub(super) hidden: Option<Hidden>,
    /// The `/ActualText` span it belongs to, an index into [`Page::actual`].
    pub(super) actual: Option<usize>,
    /// Inside an `/Artifact` marked sequence.
    pub(super) artifact: bool,
}

/// One page's text and pictures.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub(super) width: f32,
    pub(super) height: f32,
    /// Characters in content-stream order.
    pub(super) chars: Vec<Char>,
    /// The `/ActualText` of each marked span.
    pub(super) actual: Vec<String>,
    /// The share of the page that images cover (0–1, roughly).
    pub(super) image_cover: f32,
    /// Painted areas other than white: images and filled shapes (x0, y0, x1, y1).
    pub(super) backdrops: Vec<[f32; 4]>,
    /// The areas of the page's images alone (a scan's OCR text lies over one).
    pub(super) pictures: Vec<[f32; 4]>,
    /// White shapes, each with how many characters were drawn before it
    /// (and may lie under it).
    pub(super) covers: Vec<([f32; 4], usize)>,
    /// The addresses of the page's link annotations.
    pub(super) links: Vec<String>,
}

/// Every page, and the fonts they use.
#[derive(Debug, Default)]
pub(super) struct Pages {
    pub(super) pages: Vec<Page>,
    pub(super) fonts: Vec<Font>,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<usize>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scaling: f32,
    leading: f32,
    rise: f32,
    mode: i64,
    white: bool,
}

/// Runs every page; an error when the document costs more than the limits.
pub(super) fn run(pdf: &Pdf, refs: &[PageRef<'_>]) -> Result<Pages, String> {
    let mut run = Runner {
        pdf,
        fonts: HashMap::new(),
        out: Pages::default(),
        ops: 0,
        chars: 0,
        content: 0,
        start: Instant::now(),
    };
    for page in refs {
        let mut out = Page {
            width: page.area[2] - page.area[0],
            height: page.area[3] - page.area[1],
            ..Page::default()
        };
        let base = [1.0, 0.0, 0.0, 1.0, -page.area[0], -page.area[1]];
        let mut data = Vec::new();
        match pdf.get(page.dict.get(b"Contents").unwrap_or(&Object::Null)) {
            Object::Array(parts) => {
                for part in parts.iter().take(10_000) {
                    data.extend(pdf.checked_stream(part)?.unwrap_or_default());
                    data.push(b'\n');
                    run.charge(0, &data)?;
                }
            }
            other => data = pdf.checked_stream(other)?.unwrap_or_default(),
        }
        run.content(&data, page.resources, base, &mut out, 0)?;
        out.links = links(pdf, page.dict);
        let area = (out.width * out.height).max(1.0);
        out.image_cover = (out.image_cover / area).min(1.0);
        run.out.pages.push(out);
    }
    Ok(run.out)
}

/// The addresses of a page's URI link annotations.
fn links(pdf: &Pdf, page: &Dictionary) -> Vec<String> {
    pdf.array(page, b"Annots")
        .iter()
        .take(1000)
        .filter_map(|a| pdf.dict(a))
        .filter_map(|a| pdf.dict(pdf.key(a, b"A")))
        .filter_map(|action| pdf.key(action, b"URI").as_str().ok())
        .map(|uri| String::from_utf8_lossy(uri).to_string())
        .collect()
}

struct Runner<'a> {
    pdf: &'a Pdf,
    /// Fonts read so far, by object (or by address for direct ones).
    fonts: HashMap<(ObjectId, usize), usize>,
    out: Pages,
    ops: usize,
    chars: usize,
    /// Content-stream bytes decoded so far, against [`MAX_CONTENT`].
    content: usize,
    start: Instant,
}

/// What a content stream's run keeps between operators.
struct Frame<'a> {
    resources: Option<&'a Dictionary>,
    depth: usize,
    state: State,
    stack: Vec<State>,
    text: Text,
    /// Open marked sequences: their `/ActualText` span, and whether an artifact.
    marks: Vec<(Option<usize>, bool)>,
    /// The bounding box of the path being built.
    path: Option<[f32; 4]>,
}

/// The marked sequence a shown string belongs to.
#[derive(Clone, Copy)]
struct Shown {
    span: Option<usize>,
    artifact: bool,
}

/// The state of a text object.
struct Text {
    matrix: Matrix,
    line: Matrix,
}

impl Runner<'_> {
    fn content(
        &mut self,
        data: &[u8],
        resources: Option<&Dictionary>,
        ctm: Matrix,
        page: &mut Page,
        depth: usize,
    ) -> Result<(), String> {
        self.charge(data.len(), &[])?;
        let Ok(content) = Content::decode(data) else { return Ok(()) };
        let mut frame = Frame {
            resources,
            depth,
            state: State {
                ctm,
                font: None,
                size: 0.0,
                char_spacing: 0.0,
                word_spacing: 0.0,
                scaling: 1.0,
                leading: 0.0,
                rise: 0.0,
                mode: 0,
                white: false,
            },
            stack: Vec::new(),
            text: Text { matrix: IDENTITY, line: IDENTITY },
            marks: Vec::new(),
            path: None,
        };
        for op in &content.operations {
            self.ops += 1;
            if self.ops.is_multiple_of(4096) && self.start.elapsed().as_secs_f32() > MAX_SECONDS {
                return Err(format!(
                    "reading the PDF took over {MAX_SECONDS} s; vita check stopped"
                ));
            }
            if !self.graphics(&mut frame, op, page) && !self.text(&mut frame, op, page) {
                self.other(&mut frame, op, page)?;
            }
            // After the operator: one `Tj` may show a million characters.
            if self.ops > MAX_OPS || self.chars > MAX_CHARS {
                return Err(
                    "the PDF draws more than a résumé could; vita check stopped reading".into()
                );
            }
        }
        Ok(())
    }

    /// Counts `bytes` more of content against the budget, and `pending`
    /// about to be; an error past it, or past the time limit.
    fn charge(&mut self, bytes: usize, pending: &[u8]) -> Result<(), String> {
        self.content += bytes;
        if self.content + pending.len() > MAX_CONTENT {
            return Err(format!(
                "the PDF's content streams hold more than {} MiB, more than a résumé could; \
                 vita check stopped reading",
                MAX_CONTENT >> 20
            ));
        }
        if self.start.elapsed().as_secs_f32() > MAX_SECONDS {
            return Err(format!("reading the PDF took over {MAX_SECONDS} s; vita check stopped"));
        }
        self.pdf.exhausted().map_or(Ok(()), Err)
    }

    /// Runs a graphics-state or path operator; false when `op` is none.
    fn graphics(&mut self, f: &mut Frame<'_>, op: &Operation, page: &mut Page) -> bool {
        let n = |k: usize| op.operands.get(k).and_then(number).unwrap_or(0.0);
        let state = &mut f.state;
        match op.operator.as_str() {
            "q" => {
                if f.stack.len() < 64 {
                    f.stack.push(state.clone());
                }
            }
            "Q" => {
                if let Some(saved) = f.stack.pop() {
                    *state = saved;
                }
            }
            "cm" => state.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &state.ctm),
            "g" => state.white = n(0) >= 0.97,
            "rg" => state.white = (0..3).all(|k| n(k) >= 0.97),
            "k" => state.white = (0..4).all(|k| n(k) <= 0.03),
            "sc" | "scn" => {
                let values: Vec<f32> = op.operands.iter().filter_map(number).collect();
                state.white = match values.len() {
                    1 | 3 => values.iter().all(|v| *v >= 0.97),
                    4 => values.iter().all(|v| *v <= 0.03),
                    _ => false,
                };
            }
            "cs" => state.white = false,
            "re" => {
                let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                let bbox = bbox_of(&state.ctm, [x, y, x + w, y + h]);
                f.path = Some(f.path.map_or(bbox, |p| union(p, bbox)));
            }
            "m" | "l" => {
                let (x, y) = apply(&state.ctm, n(0), n(1));
                let point = [x, y, x, y];
                f.path = Some(f.path.map_or(point, |p| union(p, point)));
            }
            "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                match f.path.take() {
                    Some(area) if !state.white => backdrop(page, area),
                    // White paint over text drawn before it hides that text.
                    Some(area) if page.covers.len() < MAX_BACKDROPS && !page.chars.is_empty() => {
                        page.covers.push((area, page.chars.len()));
                    }
                    _ => {}
                }
            }
            "n" | "S" | "s" => f.path = None,
            _ => return false,
        }
        true
    }

    /// Runs a text operator; false when `op` is none.
    fn text(&mut self, f: &mut Frame<'_>, op: &Operation, page: &mut Page) -> bool {
        let n = |k: usize| op.operands.get(k).and_then(number).unwrap_or(0.0);
        let (state, text) = (&mut f.state, &mut f.text);
        match op.operator.as_str() {
            "BT" => *text = Text { matrix: IDENTITY, line: IDENTITY },
            "Tf" => {
                state.size = n(1);
                let name = op.operands.first().and_then(|o| o.as_name().ok());
                state.font = name.and_then(|name| self.font(f.resources, name));
            }
            "Tc" => state.char_spacing = n(0),
            "Tw" => state.word_spacing = n(0),
            "Tz" => state.scaling = n(0) / 100.0,
            "TL" => state.leading = n(0),
            "Ts" => state.rise = n(0),
            "Tr" => state.mode = n(0) as i64,
            "Td" => next_line(text, n(0), n(1)),
            "TD" => {
                state.leading = -n(1);
                next_line(text, n(0), n(1));
            }
            "Tm" => {
                text.line = [n(0), n(1), n(2), n(3), n(4), n(5)];
                text.matrix = text.line;
            }
            "T*" => next_line(text, 0.0, -state.leading),
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator == "\"" {
                    state.word_spacing = n(0);
                    state.char_spacing = n(1);
                }
                if op.operator == "'" || op.operator == "\"" {
                    next_line(text, 0.0, -state.leading);
                }
                let span = f.marks.iter().rev().find_map(|m| m.0);
                let artifact = f.marks.iter().any(|m| m.1);
                let shown = Shown { span, artifact };
                for item in &op.operands {
                    match item {
                        Object::Array(items) => {
                            for inner in items {
                                if self.chars > MAX_CHARS {
                                    break;
                                }
                                self.show_item(inner, f, page, shown);
                            }
                        }
                        item => self.show_item(item, f, page, shown),
                    }
                }
            }
            _ => return false,
        }
        true
    }

    /// Shows a string, or moves by a `TJ` adjustment.
    fn show_item(&mut self, item: &Object, f: &mut Frame<'_>, page: &mut Page, shown: Shown) {
        if let Object::String(bytes, _) = item
            && let Some(font) = f.state.font
        {
            // Each code takes a byte at least: past the budget, no more.
            let room = (MAX_CHARS + 1).saturating_sub(self.chars);
            let mut codes = Vec::new();
            self.out.fonts[font].codes(&bytes[..bytes.len().min(room)], &mut codes);
            for code in codes {
                self.show(code, &f.state, &mut f.text, page, font, shown);
            }
        } else if let Some(adjust) = number(item) {
            let tx = -adjust / 1000.0 * f.state.size * f.state.scaling;
            f.text.matrix = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &f.text.matrix);
        }
    }

    /// Runs marked-content, XObject and inline-image operators.
    fn other(&mut self, f: &mut Frame<'_>, op: &Operation, page: &mut Page) -> Result<(), String> {
        match op.operator.as_str() {
            "BMC" | "BDC" => {
                let tag = op.operands.first().and_then(|o| o.as_name().ok());
                let span = (op.operator == "BDC")
                    .then(|| self.actual_text(op.operands.get(1), f.resources))
                    .flatten()
                    .map(|t| {
                        page.actual.push(t);
                        page.actual.len() - 1
                    });
                if f.marks.len() < 256 {
                    f.marks.push((span, tag == Some(b"Artifact")));
                }
            }
            "EMC" => {
                f.marks.pop();
            }
            "Do" => {
                let name = op.operands.first().and_then(|o| o.as_name().ok()).unwrap_or(b"");
                self.xobject(name, f.resources, &f.state, page, f.depth)?;
            }
            "BI" => {
                let area = bbox_of(&f.state.ctm, [0.0, 0.0, 1.0, 1.0]);
                picture(page, area);
            }
            _ => {}
        }
        Ok(())
    }

    /// Places one character and moves the text matrix past it.
    fn show(
        &mut self,
        code: Code,
        state: &State,
        text: &mut Text,
        page: &mut Page,
        font: usize,
        shown: Shown,
    ) {
        let advance = (code.width * state.size
            + state.char_spacing
            + if code.space { state.word_spacing } else { 0.0 })
            * state.scaling;
        let m = mul(&text.matrix, &state.ctm);
        let (x, y) = apply(&m, 0.0, state.rise);
        let (end, _) = apply(&m, code.width * state.size * state.scaling, state.rise);
        let size = state.size * (m[2] * m[2] + m[3] * m[3]).sqrt();
        let off = x < -1.0 || y < -1.0 || x > page.width + 1.0 || y > page.height + 1.0;
        let hidden = if state.mode == 3 || state.mode == 7 {
            Some(Hidden::Mode)
        } else if off {
            Some(Hidden::OffPage)
        } else if state.white
            && !page.backdrops.iter().any(|b| b[0] <= x && x <= b[2] && b[1] <= y && y <= b[3])
        {
            Some(Hidden::White)
        } else {
            None
        };
        self.chars += 1;
        page.chars.push(Char {
            mapped: code.text.is_some(),
            text: code.text.unwrap_or_default(),
            x,
            y,
            end,
            size,
            font,
            hidden,
            actual: shown.span,
            artifact: shown.artifact,
        });
        text.matrix = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], &text.matrix);
    }

    /// The font a resource name stands for, read once.
    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<usize> {
        let fonts = self.pdf.dict(self.pdf.key(resources?, b"Font"))?;
        let object = fonts.get(name).ok()?;
        let key = match object {
            Object::Reference(id) => (*id, 0),
            direct => ((0, 0), std::ptr::from_ref(direct) as usize),
        };
        if let Some(&index) = self.fonts.get(&key) {
            return Some(index);
        }
        let dict = self.pdf.dict(object)?;
        if self.pdf.exhausted().is_some() {
            return None;
        }
        self.out.fonts.push(Font::read(self.pdf, dict));
        self.fonts.insert(key, self.out.fonts.len() - 1);
        Some(self.out.fonts.len() - 1)
    }

    /// The `/ActualText` of a marked-content property list, inline or named.
    fn actual_text(
        &self,
        properties: Option<&Object>,
        resources: Option<&Dictionary>,
    ) -> Option<String> {
        let dict = match properties? {
            Object::Name(name) => {
                let list = self.pdf.dict(self.pdf.key(resources?, b"Properties"))?;
                self.pdf.dict(list.get(name).ok()?)?
            }
            other => self.pdf.dict(other)?,
        };
        lopdf::decode_text_string(self.pdf.key(dict, b"ActualText")).ok()
    }

    fn xobject(
        &mut self,
        name: &[u8],
        resources: Option<&Dictionary>,
        state: &State,
        page: &mut Page,
        depth: usize,
    ) -> Result<(), String> {
        let Some(objects) = resources.and_then(|r| self.pdf.dict(self.pdf.key(r, b"XObject")))
        else {
            return Ok(());
        };
        let Ok(object) = objects.get(name) else { return Ok(()) };
        let Some(dict) = self.pdf.dict(object) else { return Ok(()) };
        match self.pdf.key(dict, b"Subtype").as_name().unwrap_or(b"") {
            b"Image" => {
                let area = bbox_of(&state.ctm, [0.0, 0.0, 1.0, 1.0]);
                picture(page, area);
            }
            b"Form" if depth < MAX_DEPTH => {
                let m = self.pdf.array(dict, b"Matrix");
                let m: Vec<f32> = m.iter().filter_map(|o| number(self.pdf.get(o))).collect();
                let matrix =
                    if m.len() == 6 { [m[0], m[1], m[2], m[3], m[4], m[5]] } else { IDENTITY };
                let inner = self.pdf.dict(self.pdf.key(dict, b"Resources")).or(resources);
                let data = self.pdf.checked_stream(object)?.unwrap_or_default();
                self.content(&data, inner, mul(&matrix, &state.ctm), page, depth + 1)?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// Adds a painted area to the page; past [`MAX_BACKDROPS`] it widens the
/// last one instead, so white text over it is never called hidden, and
/// each character is tested against a bounded list.
/// Records an image: its share of the page, and its area as a backdrop
/// and a picture.
fn picture(page: &mut Page, area: [f32; 4]) {
    page.image_cover += (area[2] - area[0]) * (area[3] - area[1]);
    backdrop(page, area);
    let full = page.pictures.len() >= MAX_BACKDROPS;
    match page.pictures.last_mut() {
        Some(last) if full => *last = union(*last, area),
        _ => page.pictures.push(area),
    }
}

fn backdrop(page: &mut Page, area: [f32; 4]) {
    let full = page.backdrops.len() >= MAX_BACKDROPS;
    match page.backdrops.last_mut() {
        Some(last) if full => *last = union(*last, area),
        _ => page.backdrops.push(area),
    }
}

fn next_line(text: &mut Text, tx: f32, ty: f32) {
    text.line = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &text.line);
    text.matrix = text.line;
}

/// The page-space box around a user-space box.
fn bbox_of(m: &Matrix, b: [f32; 4]) -> [f32; 4] {
    let corners =
        [apply(m, b[0], b[1]), apply(m, b[2], b[1]), apply(m, b[0], b[3]), apply(m, b[2], b[3])];
    let xs = corners.map(|c| c.0);
    let ys = corners.map(|c| c.1);
    let min = |v: [f32; 4]| v.iter().copied().fold(f32::INFINITY, f32::min);
    let max = |v: [f32; 4]| v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    [min(xs), min(ys), max(xs), max(ys)]
}

fn union(a: [f32; 4], b: [f32; 4]) -> [f32; 4] {
    [a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])]
}
