//! A small PDF writer for tests of `vita check`: pages of text in the
//! standard-14 Helvetica (WinAnsiEncoding, with its `/Widths`), extra
//! objects (fonts, images, annotations) by hand, an `/Info /Title` and a
//! structure tree when asked, and a correct cross-reference table.
//!
//! Letter-size pages (612 × 792 pt). Text is written as lines placed at
//! `(x, y)`; [`width`] measures a string the way a reader of the widths
//! does, so tests can set words a known distance apart.

#![allow(dead_code)]

/// Helvetica's advance widths (1/1000 em) for codes 32–126.
const ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // ' '–'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
    556, // '0'–'?'
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
    778, // '@'–'O'
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
    556, // 'P'–'_'
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556,
    556, // '`'–'o'
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // 'p'–'~'
];

/// The WinAnsiEncoding code of a character (`?` for what it lacks).
pub(crate) fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{A0}'..='\u{FF}' => c as u32 as u8,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        _ => b'?',
    }
}

/// The Helvetica width of WinAnsi code `code`, in 1/1000 em.
fn code_width(code: u8) -> u16 {
    match code {
        32..=126 => ASCII[usize::from(code - 32)],
        0x95 => 350,
        0x96 | 0x97 => 556,
        0x91 | 0x92 => 222,
        0x93 | 0x94 => 333,
        0xAD => 333,
        _ => 556,
    }
}

/// How wide `text` is in Helvetica at `size` points.
pub(crate) fn width(text: &str, size: f32) -> f32 {
    text.chars().map(|c| f32::from(code_width(win_ansi(c)))).sum::<f32>() * size / 1000.0
}

/// `text` as a PDF string literal in WinAnsiEncoding: `(…)`, with
/// parentheses, backslashes and bytes past ASCII escaped.
pub(crate) fn literal(text: &str) -> String {
    let mut out = String::from("(");
    for c in text.chars() {
        match win_ansi(c) {
            b @ (b'(' | b')' | b'\\') => {
                out.push('\\');
                out.push(char::from(b));
            }
            b @ 32..=126 => out.push(char::from(b)),
            b => out.push_str(&format!("\\{b:03o}")),
        }
    }
    out.push(')');
    out
}

/// A Helvetica font dictionary (not embedded) with `encoding` and the
/// widths of WinAnsi codes 32–255.
pub(crate) fn helvetica(encoding: &str) -> String {
    let widths: Vec<String> = (32..=255u8).map(|c| code_width(c).to_string()).collect();
    format!(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding {encoding} \
         /FirstChar 32 /LastChar 255 /Widths [{}] >>",
        widths.join(" ")
    )
}

/// One page: its content stream and what it refers to.
#[derive(Default, Clone)]
pub(crate) struct Page {
    pub content: String,
    /// Extra `/Font` entries: `/F2 7 0 R`.
    pub fonts: String,
    /// `/XObject` entries: `/Im1 8 0 R`.
    pub xobjects: String,
    /// Annotation objects.
    pub annots: Vec<usize>,
}

impl Page {
    pub(crate) fn new() -> Page {
        Page::default()
    }

    /// Text in Helvetica (`/F1`) with its baseline starting at `(x, y)`.
    pub(crate) fn text(self, x: f32, y: f32, size: f32, text: &str) -> Page {
        self.text_in("F1", x, y, size, &literal(text))
    }

    /// A string (already a PDF literal or hex string) in font `font`.
    pub(crate) fn text_in(self, font: &str, x: f32, y: f32, size: f32, string: &str) -> Page {
        self.raw(&format!("BT /{font} {size} Tf {x} {y} Td {string} Tj ET"))
    }

    /// Operators added as they are.
    pub(crate) fn raw(mut self, ops: &str) -> Page {
        self.content.push_str(ops);
        self.content.push('\n');
        self
    }

    pub(crate) fn font(mut self, name: &str, object: usize) -> Page {
        self.fonts.push_str(&format!(" /{name} {object} 0 R"));
        self
    }

    pub(crate) fn xobject(mut self, name: &str, object: usize) -> Page {
        self.xobjects.push_str(&format!(" /{name} {object} 0 R"));
        self
    }

    pub(crate) fn annot(mut self, object: usize) -> Page {
        self.annots.push(object);
        self
    }
}

/// A document being written.
pub(crate) struct Pdf {
    /// Objects 5 onwards, added by the test: 1 is the catalog, 2 the page
    /// tree, 3 Helvetica, 4 the Info dictionary.
    extra: Vec<Vec<u8>>,
    pages: Vec<Page>,
    title: Option<String>,
    tagged: bool,
}

impl Pdf {
    pub(crate) fn new() -> Pdf {
        Pdf { extra: Vec::new(), pages: Vec::new(), title: None, tagged: false }
    }

    /// Sets `/Info /Title`.
    pub(crate) fn title(mut self, title: &str) -> Pdf {
        self.title = Some(title.to_string());
        self
    }

    /// Adds `/MarkInfo << /Marked true >>` and a (bare) structure tree.
    pub(crate) fn tagged(mut self) -> Pdf {
        self.tagged = true;
        self
    }

    pub(crate) fn page(mut self, page: Page) -> Pdf {
        self.pages.push(page);
        self
    }

    /// Adds an object with body `body`; returns its number.
    pub(crate) fn object(&mut self, body: impl AsRef<[u8]>) -> usize {
        self.extra.push(body.as_ref().to_vec());
        self.extra.len() + 4
    }

    /// Adds a stream with dictionary entries `dict` (no `/Length`).
    pub(crate) fn stream(&mut self, dict: &str, data: &[u8]) -> usize {
        let mut body = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        body.extend(data);
        body.extend(b"\nendstream");
        self.object(body)
    }

    /// A 1 × 1 grey image, to draw scaled by `cm`.
    pub(crate) fn image(&mut self) -> usize {
        self.stream(
            "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
            &[0x80],
        )
    }

    /// The file.
    pub(crate) fn bytes(&self) -> Vec<u8> {
        let helvetica = helvetica("/WinAnsiEncoding");
        let info = match &self.title {
            Some(t) => format!("<< /Title {} /Producer (vita tests) >>", literal(t)),
            None => "<< /Producer (vita tests) >>".to_string(),
        };
        let first_page = 5 + self.extra.len();
        // Each page is two objects: the page, then its content.
        let after_pages = first_page + 2 * self.pages.len();
        let kids: Vec<String> =
            (0..self.pages.len()).map(|k| format!("{} 0 R", first_page + 2 * k)).collect();
        let catalog = if self.tagged {
            format!(
                "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot {after_pages} 0 R >>"
            )
        } else {
            "<< /Type /Catalog /Pages 2 0 R >>".to_string()
        };
        let mut objects: Vec<Vec<u8>> = vec![
            catalog.into_bytes(),
            format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), kids.len())
                .into_bytes(),
            helvetica.into_bytes(),
            info.into_bytes(),
        ];
        objects.extend(self.extra.iter().cloned());
        for (k, page) in self.pages.iter().enumerate() {
            let annots = page.annots.iter().map(|a| format!("{a} 0 R")).collect::<Vec<_>>();
            objects.push(
                format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {} 0 R \
                     /Resources << /Font << /F1 3 0 R{} >> /XObject <<{} >> >> /Annots [{}] >>",
                    first_page + 2 * k + 1,
                    page.fonts,
                    page.xobjects,
                    annots.join(" ")
                )
                .into_bytes(),
            );
            let data = page.content.as_bytes();
            let mut body = format!("<< /Length {} >>\nstream\n", data.len()).into_bytes();
            body.extend(data);
            body.extend(b"\nendstream");
            objects.push(body);
        }
        if self.tagged {
            objects.push(b"<< /Type /StructTreeRoot >>".to_vec());
        }
        write(&objects)
    }
}

/// A PDF whose object `k + 1` is `objects[k]`; object 1 is the catalog and
/// object 4 the Info dictionary.
fn write(objects: &[Vec<u8>]) -> Vec<u8> {
    write_with(objects, " /Info 4 0 R")
}

/// A PDF whose object `k + 1` is `objects[k]`, with a correct cross-reference
/// table; object 1 is the catalog, and `trailer` adds to the trailer.
pub(crate) fn write_with(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (k, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", k + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let trailer = format!(
        "trailer\n<< /Size {} /Root 1 0 R{trailer} >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.extend(trailer.as_bytes());
    out
}
