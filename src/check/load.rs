//! Opening a PDF for `vita check`: lopdf parses the file (classic and
//! compressed cross-reference tables, object streams, encryption with an
//! empty user password); this module bounds what a hostile file can cost
//! and walks the page tree itself, once per page, whatever its shape.

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};
use std::cell::Cell;
use std::collections::HashSet;

/// The largest file `vita check` opens.
pub(super) const MAX_BYTES: usize = 64 << 20;
/// The most any one stream may inflate to.
pub(super) const MAX_STREAM: usize = 32 << 20;
/// The most pages `vita check` reads; a résumé has one to three.
pub(super) const MAX_PAGES: usize = 100;
/// How many references in a row are followed before giving up.
const MAX_HOPS: usize = 32;
/// The most all streams together may inflate to, however often they are
/// read (a form drawn a million times, a thousand fonts' CMaps).
const MAX_INFLATED: usize = 256 << 20;

/// An opened PDF.
pub(super) struct Pdf {
    pub(super) doc: Document,
    /// The file's size in bytes.
    pub(super) bytes: usize,
    /// Whether the file was encrypted (and opened with the empty password).
    pub(super) encrypted: bool,
    /// Bytes inflated so far, against [`MAX_INFLATED`].
    inflated: Cell<usize>,
}

/// A page and what it inherits from the page tree.
pub(super) struct PageRef<'a> {
    pub(super) dict: &'a Dictionary,
    pub(super) resources: Option<&'a Dictionary>,
    /// The visible area: the crop box, else the media box (x0, y0, x1, y1).
    pub(super) area: [f32; 4],
}

/// Why a PDF cannot be read at all.
pub(super) type Unreadable = String;

impl Pdf {
    /// Parses `data`.
    pub(super) fn open(data: &[u8]) -> Result<Pdf, Unreadable> {
        if data.len() > MAX_BYTES {
            return Err(format!(
                "the file is {} MiB; vita check reads files up to {} MiB, and a résumé is far smaller",
                data.len() >> 20,
                MAX_BYTES >> 20
            ));
        }
        if !data.windows(5).take(1024).any(|w| w == b"%PDF-") {
            return Err("this is not a PDF: it does not start with %PDF-".into());
        }
        // lopdf holds every parsed object in memory, at about a hundred
        // bytes a token: count them before it starts.
        if tokens_outside_streams(data) > MAX_TOKENS {
            return Err(format!(
                "the PDF holds over {MAX_TOKENS} objects and numbers outside its streams; a résumé has a few thousand"
            ));
        }
        let options = LoadOptions { max_decompressed_size: Some(MAX_STREAM), ..Default::default() };
        let doc = Document::load_mem_with_options(data, options).map_err(|e| match e {
            lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => {
                "the PDF is encrypted with a password; an ATS cannot open it either".to_string()
            }
            e if !data[data.len().saturating_sub(1024)..].windows(5).any(|w| w == b"%%EOF") => {
                format!(
                    "the PDF is cut short (it does not end with %%EOF) and cannot be parsed ({e})"
                )
            }
            e => format!("the PDF is damaged and cannot be parsed ({e})"),
        })?;
        let encrypted = doc.was_encrypted() || doc.trailer.get(b"Encrypt").is_ok();
        if doc.is_encrypted() {
            return Err("the PDF is encrypted with a password; an ATS cannot open it either".into());
        }
        Ok(Pdf { doc, bytes: data.len(), encrypted, inflated: Cell::new(0) })
    }

    /// The object a reference leads to; `Null` when it leads nowhere.
    pub(super) fn get<'a>(&'a self, mut object: &'a Object) -> &'a Object {
        for _ in 0..MAX_HOPS {
            match object {
                Object::Reference(id) => match self.doc.objects.get(id) {
                    Some(next) => object = next,
                    None => return &Object::Null,
                },
                _ => return object,
            }
        }
        &Object::Null
    }

    /// A dictionary, or a stream's dictionary, behind `object`.
    pub(super) fn dict<'a>(&'a self, object: &'a Object) -> Option<&'a Dictionary> {
        match self.get(object) {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    /// `dict[key]`, followed through references.
    pub(super) fn key<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> &'a Object {
        dict.get(key).map_or(&Object::Null, |o| self.get(o))
    }

    /// A number at `dict[key]`.
    pub(super) fn number(&self, dict: &Dictionary, key: &[u8]) -> Option<f32> {
        number(self.key(dict, key))
    }

    /// An array at `dict[key]`; empty when there is none.
    pub(super) fn array<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> &'a [Object] {
        match self.key(dict, key) {
            Object::Array(a) => a,
            _ => &[],
        }
    }

    /// A stream's bytes with its filters undone, within the size limit;
    /// `None` once all streams together have inflated past their budget.
    pub(super) fn stream(&self, object: &Object) -> Option<Vec<u8>> {
        self.checked_stream(object).ok().flatten()
    }

    /// [`Pdf::stream`], but a stream that inflates past the limit, or past
    /// what is left of the document's budget, is an error.
    pub(super) fn checked_stream(&self, object: &Object) -> Result<Option<Vec<u8>>, Unreadable> {
        let Object::Stream(s) = self.get(object) else { return Ok(None) };
        if self.inflated.get() > MAX_INFLATED {
            return Err(self.exhausted().unwrap_or_default());
        }
        let data = match s.get_plain_content_with_limit(MAX_STREAM) {
            Ok(data) => data,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                self.inflated.set(self.inflated.get() + MAX_STREAM);
                return Err(format!(
                    "a stream inflates to more than {} MiB (a decompression bomb); vita check stopped reading",
                    MAX_STREAM >> 20
                ));
            }
            // No filter lopdf knows: the bytes as they are, when unfiltered.
            Err(_) if s.dict.get(b"Filter").is_err() => s.content.clone(),
            Err(_) => return Ok(None),
        };
        self.inflated.set(self.inflated.get() + data.len().max(s.content.len()));
        Ok(Some(data))
    }

    /// Why reading stopped, once the streams have cost more than the budget.
    pub(super) fn exhausted(&self) -> Option<Unreadable> {
        (self.inflated.get() > MAX_INFLATED).then(|| {
            format!(
                "the PDF's streams inflate to more than {} MiB in all; vita check stopped reading",
                MAX_INFLATED >> 20
            )
        })
    }

    /// The pages in order, each once; an error when there are none or
    /// more than a résumé could have.
    pub(super) fn pages(&self) -> Result<Vec<PageRef<'_>>, Unreadable> {
        let root = self.dict(self.doc.trailer.get(b"Root").unwrap_or(&Object::Null));
        let tree = root.map(|r| self.key(r, b"Pages"));
        let mut pages = Vec::new();
        let mut seen = HashSet::new();
        if let Some(Object::Reference(id)) = root.and_then(|r| r.get(b"Pages").ok()) {
            seen.insert(*id);
        }
        if let Some(tree) = tree {
            self.walk(tree, None, None, &mut seen, &mut pages, 0)?;
        }
        if pages.is_empty() {
            return Err("the PDF has no pages".into());
        }
        Ok(pages)
    }

    fn walk<'a>(
        &'a self,
        node: &'a Object,
        resources: Option<&'a Dictionary>,
        area: Option<[f32; 4]>,
        seen: &mut HashSet<ObjectId>,
        pages: &mut Vec<PageRef<'a>>,
        depth: usize,
    ) -> Result<(), Unreadable> {
        if depth > 64 {
            return Ok(());
        }
        let Some(dict) = self.dict(node) else { return Ok(()) };
        // A kid that says it is something else (the catalog, a font) is no page.
        if dict.get(b"Type").and_then(Object::as_name).is_ok_and(|t| t != b"Page" && t != b"Pages")
        {
            return Ok(());
        }
        let resources = self.dict(self.key(dict, b"Resources")).or(resources);
        let area = self.box_of(dict, b"CropBox").or(self.box_of(dict, b"MediaBox")).or(area);
        let kids = self.array(dict, b"Kids");
        let is_tree = dict.get(b"Type").and_then(Object::as_name).is_ok_and(|t| t == b"Pages")
            || (!kids.is_empty() && dict.get(b"Contents").is_err());
        if !is_tree {
            let area = area.unwrap_or([0.0, 0.0, 612.0, 792.0]);
            pages.push(PageRef { dict, resources, area });
            if pages.len() > MAX_PAGES {
                let total = self.count().max(pages.len());
                return Err(format!(
                    "the PDF has {total} pages; vita check reads up to {MAX_PAGES}, and a résumé has one to three"
                ));
            }
            return Ok(());
        }
        for kid in kids {
            if let Object::Reference(id) = kid
                && !seen.insert(*id)
            {
                continue;
            }
            self.walk(kid, resources, area, seen, pages, depth + 1)?;
        }
        Ok(())
    }

    /// The page count the tree's root claims, for the message.
    fn count(&self) -> usize {
        let root = self.dict(self.doc.trailer.get(b"Root").unwrap_or(&Object::Null));
        root.and_then(|r| self.dict(self.key(r, b"Pages")))
            .and_then(|p| self.number(p, b"Count"))
            .map_or(0, |n| n.max(0.0) as usize)
    }

    fn box_of(&self, dict: &Dictionary, key: &[u8]) -> Option<[f32; 4]> {
        let a = self.array(dict, key);
        let n: Vec<f32> = a.iter().filter_map(|o| number(self.get(o))).collect();
        (n.len() == 4 && n.iter().all(|v| v.is_finite()))
            .then(|| [n[0].min(n[2]), n[1].min(n[3]), n[0].max(n[2]), n[1].max(n[3])])
    }

    /// The document's title from its Info dictionary, if any.
    pub(super) fn title(&self) -> Option<String> {
        let info = self.dict(self.doc.trailer.get(b"Info").unwrap_or(&Object::Null))?;
        let title = lopdf::decode_text_string(self.key(info, b"Title")).ok()?;
        let title = title.trim().to_string();
        (!title.is_empty()).then_some(title)
    }

    /// The program that made the PDF, from its Info dictionary.
    pub(super) fn producer(&self) -> Option<String> {
        let info = self.dict(self.doc.trailer.get(b"Info").unwrap_or(&Object::Null))?;
        [b"Producer".as_slice(), b"Creator"]
            .iter()
            .find_map(|k| lopdf::decode_text_string(self.key(info, k)).ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }

    /// Whether the PDF is tagged: a structure tree and `/MarkInfo /Marked true`.
    pub(super) fn tagged(&self) -> bool {
        let Some(root) = self.dict(self.doc.trailer.get(b"Root").unwrap_or(&Object::Null)) else {
            return false;
        };
        let marked = self
            .dict(self.key(root, b"MarkInfo"))
            .is_some_and(|m| matches!(self.key(m, b"Marked"), Object::Boolean(true)));
        marked && root.get(b"StructTreeRoot").is_ok()
    }

    /// The language the catalog declares (`/Lang`).
    pub(super) fn language(&self) -> Option<String> {
        let root = self.dict(self.doc.trailer.get(b"Root").unwrap_or(&Object::Null))?;
        lopdf::decode_text_string(self.key(root, b"Lang")).ok().filter(|l| !l.is_empty())
    }
}

/// The most tokens (numbers, names, brackets…) outside streams that
/// `vita check` hands to the parser.
const MAX_TOKENS: usize = 2_000_000;

/// How many tokens the file holds outside stream data, counted fast: a
/// token starts where a delimiter or a non-blank byte follows a blank.
/// Stream data, from `stream` to `endstream`, is skipped.
fn tokens_outside_streams(data: &[u8]) -> usize {
    let mut count = 0;
    let mut blank = true;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b == b's'
            && data[i..].starts_with(b"stream")
            && (i == 0 || !data[i - 1].is_ascii_alphabetic())
        {
            let skip = data[i + 6..].windows(9).position(|w| w == b"endstream");
            i += 6 + skip.map_or(data.len(), |p| p + 9);
            blank = true;
            continue;
        }
        let is_blank = b.is_ascii_whitespace() || b == 0;
        if b"[]<>(){}/".contains(&b) || (blank && !is_blank) {
            count += 1;
        }
        blank = is_blank;
        i += 1;
    }
    count
}

/// A number object's value.
pub(super) fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}
