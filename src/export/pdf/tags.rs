//! Tagged PDF: the document's logical structure, written as a structure
//! tree that assistive technology and extractors which honour tags read
//! in place of the page's drawing order.
//!
//! Layout tags every item with the node it was laid out from
//! ([`crate::layout::Tag`]); the content streams wrap each node's content
//! in a marked-content sequence with an MCID ([`Mark`]) and everything
//! else (rules, tints, footers, the continuation header) in /Artifact. The
//! tree follows the nodes in reading order:
//!
//! ```text
//! Document
//!   H1 (the name)  P (label)  P (contact details)  Figure (photo, with /Alt)
//!   Sect
//!     H2 (the section title)
//!     P (an entry's header row, with a Link and its OBJR inside)
//!     L
//!       LI
//!         Lbl ("•")  LBody (the bullet's text)
//! ```
//!
//! A section runs from its heading to the next heading or the end of its
//! stream (the band, a column). The ParentTree maps each page's MCIDs and
//! each link annotation back to their elements.

use super::content::{Ops, State};
use crate::compose::Role;
use crate::layout::{FrameItem, Node, Point};
use pdf_writer::{Finish, Name, Pdf, Ref, TextStr};

/// One marked-content sequence of a page: the node its content belongs
/// to, and where in it (a list item's label, or the text of the page's
/// `link`th link annotation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mark {
    /// The node, an index into the document's nodes.
    pub node: usize,
    /// A list item's marker.
    pub label: bool,
    /// The page's link annotation whose text this is.
    pub link: Option<usize>,
}

/// What the content stream of one page needs to know to mark it.
pub(super) struct Tagging<'a> {
    /// The document's nodes.
    pub nodes: &'a [Node],
    /// The page's link annotations, in order, each with the node whose
    /// text it covers and its area.
    pub links: &'a [super::Link<'a>],
}

impl Tagging<'_> {
    /// The sequence `item` at `p` belongs in: `Some(Some(mark))` for a
    /// node's content, `Some(None)` for an artifact, `None` for an item
    /// that draws nothing (a link's area).
    pub(super) fn want(&self, item: &FrameItem, p: Point) -> Option<Option<Mark>> {
        let mark = |node: usize, label| Mark { node, label, link: None };
        match item {
            FrameItem::Text(run) if run.artifact => Some(None),
            FrameItem::Text(run) => Some(run.tag.node().map(|node| {
                let (x0, x1) = (p.x, p.x + run.width());
                let link = self.links.iter().position(|l| {
                    let [left, top, right, bottom] = l.area;
                    l.node == node
                        && x0 >= left - 0.5
                        && x1 <= right + 0.5
                        && p.y >= top
                        && p.y <= bottom
                });
                Mark { link, ..mark(node, run.tag.label) }
            })),
            FrameItem::Image { tag, .. } => Some(tag.node().map(|n| mark(n, false))),
            FrameItem::Rule { .. } | FrameItem::Rect { .. } => Some(None),
            FrameItem::Link { .. } => None,
        }
    }

    /// The tag a marked-content sequence is opened with: its element's
    /// structure type.
    pub(super) fn tag_name(&self, mark: Mark) -> &'static str {
        if mark.link.is_some() {
            return "Link";
        }
        match (&self.nodes[mark.node].role, mark.label) {
            (Role::Title, _) => "H1",
            (Role::Heading, _) => "H2",
            (Role::Para, _) => "P",
            (Role::Item, true) => "Lbl",
            (Role::Item, false) => "LBody",
            (Role::Figure { .. }, _) => "Figure",
        }
    }
}

/// The marked-content sequences of a page: the one open now, and those
/// opened so far, the MCID of each its index. Without tagging, only
/// /ActualText spans.
pub(super) struct Marking<'a> {
    tagging: Option<&'a Tagging<'a>>,
    /// The sequence open now: `None` outside any.
    pub(super) current: Option<Mark>,
    /// The sequences opened, the MCID of each its index.
    pub(super) marks: Vec<Mark>,
    /// Where the last sequence's BDC starts and ends in the stream: a
    /// sequence left with nothing in it is taken out again.
    opened: Option<(usize, usize)>,
}

impl<'a> Marking<'a> {
    /// No sequence yet, tagging or not.
    pub(super) fn new(tagging: Option<&'a Tagging<'a>>) -> Marking<'a> {
        Marking { tagging, current: None, marks: Vec::new(), opened: None }
    }

    /// Leaves the open sequence (a split word's span, when open, is that
    /// sequence, and ends inside its text object) and opens `want`'s,
    /// outside any text object.
    pub(super) fn switch(
        &mut self,
        want: Option<Mark>,
        (c, state): (&mut Ops, &mut State),
        split: &mut bool,
    ) {
        if std::mem::take(split) {
            c.op("EMC");
            state.end_text(c);
        } else {
            state.end_text(c);
            if self.current.is_some() {
                c.op("EMC");
            }
        }
        if let (Some(mark), Some(t)) = (want, self.tagging) {
            let start = c.0.len();
            c.marked(t.tag_name(mark), &mut self.marks, mark, None);
            self.opened = Some((start, c.0.len()));
        }
        self.current = want;
    }

    /// Opens a span that extracts as `actual`, inside a text object.
    /// Tagged, it is a sequence of its own with both its MCID and its
    /// /ActualText: poppler ends a sequence at the first EMC, a nested
    /// span's too, and reads /ActualText only on a /Span.
    pub(super) fn open_actual(&mut self, actual: &str, (c, state): (&mut Ops, &mut State)) {
        match (self.tagging, self.current) {
            (Some(_), Some(mark)) => {
                state.end_text(c);
                match self.opened.take() {
                    // The sequence just opened holds nothing: unwritten.
                    Some((start, end)) if end == c.0.len() => {
                        c.0.truncate(start);
                        self.marks.pop();
                    }
                    _ => c.op("EMC"),
                }
                state.begin_text(c);
                c.marked("Span", &mut self.marks, mark, Some(actual));
            }
            _ => {
                state.begin_text(c);
                c.actual_text(actual);
            }
        }
    }

    /// Closes the span [`Marking::open_actual`] opened, in its text
    /// object; tagged, the next item of the node opens a new sequence.
    pub(super) fn close_actual(&mut self, (c, state): (&mut Ops, &mut State)) {
        c.op("EMC");
        if self.tagging.is_some() && self.current.is_some() {
            state.end_text(c);
            self.current = None;
        }
    }
}

/// The standard structure types vita's tree uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Document,
    Part,
    Sect,
    H1,
    H2,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Link,
    Figure,
}

impl Kind {
    /// The type's name, as /S gives it.
    fn name(self) -> &'static [u8] {
        match self {
            Kind::Document => b"Document",
            Kind::Part => b"Part",
            Kind::Sect => b"Sect",
            Kind::H1 => b"H1",
            Kind::H2 => b"H2",
            Kind::P => b"P",
            Kind::L => b"L",
            Kind::LI => b"LI",
            Kind::Lbl => b"Lbl",
            Kind::LBody => b"LBody",
            Kind::Link => b"Link",
            Kind::Figure => b"Figure",
        }
    }
}

/// What an element's kids are: marked content on a page, a link
/// annotation, or another element.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kid {
    Content { page: usize, mcid: usize },
    Annotation { page: usize, annot: Ref },
    Element(usize),
}

/// An element of the tree, before it is written.
struct Element {
    role: Kind,
    parent: Option<usize>,
    kids: Vec<Kid>,
    alt: Option<String>,
}

/// The tree under construction: elements by index, 0 the Document.
struct Tree {
    elements: Vec<Element>,
}

impl Tree {
    fn add(&mut self, parent: usize, role: Kind) -> usize {
        let element = Element { role, parent: Some(parent), kids: Vec::new(), alt: None };
        self.elements.push(element);
        let id = self.elements.len() - 1;
        self.elements[parent].kids.push(Kid::Element(id));
        id
    }

    /// The last kid of `parent`, when it is an element of `role`.
    fn last(&self, parent: usize, role: Kind) -> Option<usize> {
        match self.elements[parent].kids.last() {
            Some(Kid::Element(e)) if self.elements[*e].role == role => Some(*e),
            _ => None,
        }
    }
}

/// The page objects and their link annotations, as the tree refers to
/// them.
pub(super) struct Pages<'a> {
    /// Each page's object.
    pub refs: &'a [Ref],
    /// Each page's link annotations, in the order of [`Tagging::links`].
    pub annotations: &'a [Vec<Ref>],
}

/// The /StructParent key of the `index`th link annotation of a document
/// of `pages` pages (counted over all pages, in order): the keys after
/// the pages' own, which are their indices.
pub(super) fn annotation_key(pages: usize, index: usize) -> i32 {
    (pages + index) as i32
}

/// Writes the structure tree of a document whose nodes are `nodes`, in
/// `parts` (each a Part element of the Document, when there are any),
/// and whose pages were marked as `marks` (each page's marks, the MCID of
/// each its index), and returns its root, for the catalog.
pub(super) fn write(
    pdf: &mut Pdf,
    ids: &mut super::Ids,
    (nodes, parts): (&[Node], &[usize]),
    marks: &[Vec<Mark>],
    pages: &Pages,
) -> Ref {
    // Each node's content, in page order.
    let mut content: Vec<Vec<(usize, usize, Mark)>> = vec![Vec::new(); nodes.len()];
    for (page, marks) in marks.iter().enumerate() {
        for (mcid, mark) in marks.iter().enumerate() {
            if let Some(list) = content.get_mut(mark.node) {
                list.push((page, mcid, *mark));
            }
        }
    }
    let mut tree = Tree {
        elements: vec![Element { role: Kind::Document, parent: None, kids: Vec::new(), alt: None }],
    };
    // The element that receives each node's content, by page and MCID.
    let mut owner: Vec<Vec<Option<usize>>> = marks.iter().map(|m| vec![None; m.len()]).collect();
    let mut placed: Vec<Vec<Option<usize>>> =
        pages.annotations.iter().map(|a| vec![None; a.len()]).collect();
    let mut section: Option<(u16, usize)> = None;
    // The element that holds the current part's elements: the Document,
    // or a Part of it.
    let mut top = 0;
    for (n, node) in nodes.iter().enumerate() {
        if parts.contains(&n) {
            top = tree.add(0, Kind::Part);
            section = None;
        }
        if section.is_some_and(|(stream, _)| stream != node.stream) {
            section = None;
        }
        if content[n].is_empty() {
            continue;
        }
        if node.role == Role::Heading {
            section = Some((node.stream, tree.add(top, Kind::Sect)));
        }
        let parent = section.map_or(top, |(_, s)| s);
        let leaf = |tree: &mut Tree, role| tree.add(parent, role);
        let (body, label) = match &node.role {
            Role::Title => (leaf(&mut tree, Kind::H1), None),
            Role::Heading => (leaf(&mut tree, Kind::H2), None),
            Role::Para => (leaf(&mut tree, Kind::P), None),
            Role::Figure { alt } => {
                let figure = leaf(&mut tree, Kind::Figure);
                tree.elements[figure].alt = Some(alt.clone());
                (figure, None)
            }
            Role::Item => {
                let list = match tree.last(parent, Kind::L) {
                    Some(list) if n > 0 && nodes[n - 1].role == Role::Item => list,
                    _ => tree.add(parent, Kind::L),
                };
                let item = tree.add(list, Kind::LI);
                let labelled = content[n].iter().any(|(_, _, m)| m.label);
                let label = labelled.then(|| tree.add(item, Kind::Lbl));
                (tree.add(item, Kind::LBody), label)
            }
        };
        // Each link's text in a Link element, with its annotation after.
        let mut links: Vec<((usize, usize), usize)> = Vec::new();
        for &(page, mcid, mark) in &content[n] {
            let into = match (mark.label, mark.link) {
                (true, _) => label.unwrap_or(body),
                (false, Some(link)) => match links.iter().find(|(key, _)| *key == (page, link)) {
                    Some((_, element)) => *element,
                    None => {
                        let element = tree.add(body, Kind::Link);
                        links.push(((page, link), element));
                        element
                    }
                },
                (false, None) => body,
            };
            tree.elements[into].kids.push(Kid::Content { page, mcid });
            owner[page][mcid] = Some(into);
        }
        for ((page, link), element) in links {
            if let Some(&annot) = pages.annotations.get(page).and_then(|a| a.get(link)) {
                tree.elements[element].kids.push(Kid::Annotation { page, annot });
                placed[page][link] = Some(element);
            }
        }
    }
    // A link whose text could not be matched is still in the tree.
    for (page, annotations) in pages.annotations.iter().enumerate() {
        for (link, &annot) in annotations.iter().enumerate() {
            if placed[page][link].is_none() {
                let element = tree.add(0, Kind::Link);
                tree.elements[element].kids.push(Kid::Annotation { page, annot });
                placed[page][link] = Some(element);
            }
        }
    }
    emit(pdf, ids, &tree, (&owner, &placed), pages)
}

/// For each page, the element that owns each of its MCIDs, or each of its
/// link annotations.
type Owners = [Vec<Option<usize>>];

/// Writes the elements, the ParentTree and the root.
fn emit(
    pdf: &mut Pdf,
    ids: &mut super::Ids,
    tree: &Tree,
    (owner, placed): (&Owners, &Owners),
    pages: &Pages,
) -> Ref {
    let root = ids.next();
    let refs: Vec<Ref> = tree.elements.iter().map(|_| ids.next()).collect();
    for (e, element) in tree.elements.iter().enumerate() {
        // Written by hand, without the optional /Type: a résumé has a
        // hundred elements or more.
        let mut w = pdf.indirect(refs[e]).dict();
        w.pair(Name(b"S"), Name(element.role.name()));
        w.pair(Name(b"P"), element.parent.map_or(root, |p| refs[p]));
        if let Some(alt) = &element.alt {
            w.pair(Name(b"Alt"), TextStr(alt));
        }
        // Content on one page names it once, on the element.
        let on: Vec<usize> = element
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::Content { page, .. } | Kid::Annotation { page, .. } => Some(*page),
                Kid::Element(_) => None,
            })
            .collect();
        let single = on.windows(2).all(|w| w[0] == w[1]);
        if let (true, Some(&page)) = (single, on.first()) {
            w.pair(Name(b"Pg"), pages.refs[page]);
        }
        let mut kids = w.insert(Name(b"K")).array();
        for kid in &element.kids {
            match *kid {
                Kid::Element(k) => {
                    kids.item(refs[k]);
                }
                Kid::Content { mcid, .. } if single => {
                    kids.item(mcid as i32);
                }
                Kid::Content { page, mcid } => {
                    let mut mcr = kids.push().dict();
                    mcr.pair(Name(b"Type"), Name(b"MCR"));
                    mcr.pair(Name(b"Pg"), pages.refs[page]);
                    mcr.pair(Name(b"MCID"), mcid as i32);
                }
                Kid::Annotation { page, annot } => {
                    let mut objr = kids.push().dict();
                    objr.pair(Name(b"Type"), Name(b"OBJR"));
                    objr.pair(Name(b"Pg"), pages.refs[page]);
                    objr.pair(Name(b"Obj"), annot);
                }
            }
        }
    }
    // The ParentTree: each page's MCIDs (key: the page's index), then each
    // link annotation (keys after the pages').
    let arrays: Vec<Ref> = owner
        .iter()
        .map(|mcids| {
            let id = ids.next();
            let items = mcids.iter().map(|e| e.map_or(root, |e| refs[e]));
            pdf.indirect(id).array().items(items);
            id
        })
        .collect();
    let mut root_dict = pdf.indirect(root).start::<pdf_writer::writers::StructTreeRoot>();
    root_dict.child(refs[0]);
    let mut tree_entries = root_dict.parent_tree();
    let mut nums = tree_entries.nums();
    for (page, array) in arrays.iter().enumerate() {
        nums.insert(page as i32, *array);
    }
    let elements = placed.iter().flatten();
    for (index, element) in elements.clone().enumerate() {
        if let Some(e) = element {
            nums.insert(annotation_key(owner.len(), index), refs[*e]);
        }
    }
    nums.finish();
    tree_entries.finish();
    root_dict.parent_tree_next_key(annotation_key(owner.len(), elements.count()));
    root_dict.finish();
    root
}
