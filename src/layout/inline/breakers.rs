//! Linebreak: two breakers over one item list, behind [`breakpoints`].
//!
//! **First-fit** (ragged text) takes each line as far as it goes: it ends a
//! line at the last break opportunity before the text overflows.
//!
//! **Knuth–Plass** (justified text) chooses all of a paragraph's breaks at
//! once. Every candidate line gets an *adjustment ratio* `r`: how much of
//! its spaces' stretch (r > 0) or shrink (r < 0) it needs to fill the
//! measure exactly. A line is *feasible* when −1 ≤ r ≤ 1, i.e. no space
//! stretches or shrinks beyond the theme's limits. Its *badness* is
//! 100·|r|³ and its *demerits*
//!
//! ```text
//! (LINE_PENALTY + badness)² ± penalty²
//!     + FLAGGED_DEMERITS  if it and the previous line both end in a hyphen
//!     + FITNESS_DEMERITS  if its tightness class differs by more than one
//!                         from the previous line's (tight/normal/loose/very loose)
//! ```
//!
//! Dynamic programming over the break opportunities (keeping, for each
//! opportunity still reachable, the best way to end a line there in each
//! tightness class) finds the breaks with the least total demerits. When
//! no feasible set of breaks exists, a second pass accepts lines up to
//! pdfTeX's default tolerance ([`TOLERANCE_RATIO`], badness 200), then an
//! emergency pass (in the spirit of TeX's `\emergencystretch`) in which
//! letters may also open up, by at most [`MAX_TRACKING`] each, so that the
//! spaces still stay within the tolerance. Every line of a justified
//! paragraph but its last then reaches the margin, and no space is looser
//! than badness 200. A paragraph that even the emergency pass cannot set
//! (long words, no hyphenation) is set ragged, whole: wider spaces read as
//! column breaks to pdfminer and poppler, and one short line in a justified
//! paragraph looks like a mistake. `docs/typography.md` gives the figures.

use super::items::{FORBIDDEN, FORCED, Items, Kind};

/// Added to every line's badness: favours fewer lines.
pub const LINE_PENALTY: f32 = 10.0;
/// Two hyphenated lines in a row.
pub const FLAGGED_DEMERITS: f32 = 3_000.0;
/// Adjacent lines of very different tightness.
pub const FITNESS_DEMERITS: f32 = 100.0;
/// pdfTeX's default `\tolerance`, badness 200, as a ratio (∛2): the second
/// pass, when no set of breaks keeps every line within the theme's
/// stretch (badness 100, TeX's `\pretolerance`), accepts lines this loose.
pub const TOLERANCE_RATIO: f32 = 1.2599;

/// The most space a justified line may add between two letters, in em:
/// 3 % of the type size, well under the gap (a tenth of the size) at which
/// poppler and pdfminer read a space, so that extraction is unchanged.
pub const MAX_TRACKING: f32 = 0.03;

/// Which breaker to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaker {
    /// Greedy: each line ends at the last opportunity that fits (ragged text).
    FirstFit,
    /// Knuth and Plass's optimum over the whole paragraph (justified text).
    KnuthPlass,
}

/// Breaks for justified text with every space within the theme's limits,
/// or `None` when there are none (TeX's first pass, before hyphenation).
pub fn feasible_breakpoints(items: &Items, width: f32) -> Option<Vec<usize>> {
    knuth_plass(items, width, 1.0)
}

/// Breaks for justified text: within the theme's stretch, else within
/// pdfTeX's tolerance, else within the emergency limit. `None` when even
/// that is impossible: such a paragraph is set ragged, whole, since wider
/// spaces read as column breaks to pdfminer and poppler.
pub fn justified_breakpoints(items: &Items, width: f32) -> Option<Vec<usize>> {
    knuth_plass(items, width, 1.0)
        .or_else(|| knuth_plass_tracked(items, width, TOLERANCE_RATIO, 0.0))
        .or_else(|| {
            // The emergency pass: letters may open up too, so much that
            // the spaces still stay within the tolerance.
            let size = items.segments.iter().map(|s| s.style.size).fold(f32::INFINITY, f32::min);
            knuth_plass_tracked(items, width, TOLERANCE_RATIO, MAX_TRACKING * size)
        })
}

/// Indices of the items at which lines end (the last is the paragraph end).
pub fn breakpoints(items: &Items, width: f32, breaker: Breaker) -> Vec<usize> {
    match breaker {
        Breaker::FirstFit => first_fit(items, width),
        Breaker::KnuthPlass => justified_breakpoints(items, width)
            .or_else(|| knuth_plass(items, width, f32::INFINITY))
            .unwrap_or_else(|| first_fit(items, width)),
    }
}

/// Natural width, stretch and shrink of the line from just after break
/// `from` (or the start) to break `to`, including a hyphen at `to`.
pub fn measure(items: &Items, from: Option<usize>, to: usize) -> (f32, f32, f32) {
    let start = line_start(items, from);
    let (mut w, mut st, mut sh) = (0.0, 0.0, 0.0);
    for item in &items.items[start.min(to)..to] {
        match item.kind {
            Kind::Box => w += item.width,
            Kind::Glue { stretch, shrink } => {
                w += item.width;
                st += stretch;
                sh += shrink;
            }
            Kind::Penalty { .. } => {}
        }
    }
    if let Kind::Penalty { .. } = items.items[to].kind {
        w += items.items[to].width;
    }
    // A line ending at glue does not include that glue (the slice stops before it).
    // What hangs into the margins does not count (protrude.rs).
    let (left, right) = items.hang(start.min(to), to);
    (w - left - right, st, sh)
}

/// The first item of a line that follows break `from`: discardable items
/// (glue, penalties) after a break are dropped.
pub fn line_start(items: &Items, from: Option<usize>) -> usize {
    let Some(b) = from else { return 0 };
    let mut i = b + 1;
    while i < items.items.len() && !matches!(items.items[i].kind, Kind::Box) {
        if matches!(items.items[i].kind, Kind::Penalty { cost, .. } if cost <= FORCED) {
            break;
        }
        i += 1;
    }
    i
}

/// The adjustment ratio of a line of natural width `w` with `stretch` and
/// `shrink`, set `width` wide.
pub fn ratio(w: f32, stretch: f32, shrink: f32, width: f32) -> f32 {
    if w < width {
        if stretch > 0.0 { (width - w) / stretch } else { f32::INFINITY }
    } else if w > width {
        if shrink > 0.0 { (width - w) / shrink } else { f32::NEG_INFINITY }
    } else {
        0.0
    }
}

fn fitness(r: f32) -> usize {
    match r {
        r if r < -0.5 => 0,
        r if r <= 0.5 => 1,
        r if r <= 1.0 => 2,
        _ => 3,
    }
}

/// Penalty cost and flag of break `b` (glue breaks cost nothing).
fn penalty(items: &Items, b: usize) -> (f32, bool) {
    match items.items[b].kind {
        Kind::Penalty { cost, flagged, .. } => (cost, flagged),
        _ => (0.0, false),
    }
}

/// Demerits of one line with ratio `r` ending at break `b`.
fn line_demerits(items: &Items, r: f32, b: usize) -> f32 {
    let badness = 100.0 * r.abs().powi(3);
    let (p, _) = penalty(items, b);
    let base = (LINE_PENALTY + badness).powi(2);
    if p >= 0.0 {
        base + p * p
    } else if p > FORCED {
        base - p * p
    } else {
        base
    }
}

/// Total demerits of a set of breaks, by the same rules Knuth–Plass
/// minimises (the last line, which ends at the paragraph's infinite glue,
/// counts no badness).
pub fn total_demerits(items: &Items, breaks: &[usize], width: f32) -> f32 {
    let mut total = 0.0;
    let mut prev: Option<usize> = None;
    let mut prev_fit = 1;
    let mut prev_flag = false;
    for &b in breaks {
        let (w, st, sh) = measure(items, prev, b);
        let r = ratio(w, st, sh, width);
        let (_, flagged) = penalty(items, b);
        let mut d = line_demerits(items, r, b);
        if flagged && prev_flag {
            d += FLAGGED_DEMERITS;
        }
        let fit = fitness(r);
        if fit.abs_diff(prev_fit) > 1 {
            d += FITNESS_DEMERITS;
        }
        total += d;
        (prev, prev_fit, prev_flag) = (Some(b), fit, flagged);
    }
    total
}

/// Greedy breaking: each line ends at the last opportunity that fits.
fn first_fit(items: &Items, width: f32) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut from: Option<usize> = None;
    let mut last_fit: Option<usize> = None;
    let n = items.items.len();
    let mut i = line_start(items, from);
    while i < n {
        if items.is_break(i) {
            let forced =
                matches!(items.items[i].kind, Kind::Penalty { cost, .. } if cost <= FORCED);
            let (w, _, _) = measure(items, from, i);
            if w <= width + 0.01 || last_fit.is_none() {
                if forced {
                    breaks.push(i);
                    return breaks;
                }
                last_fit = Some(i);
            } else if let Some(b) = last_fit.take() {
                breaks.push(b);
                from = Some(b);
                i = line_start(items, from);
                continue;
            }
        }
        i += 1;
    }
    breaks.push(n - 1);
    breaks
}

/// A way to end a line at `pos`: best total so far in one fitness class.
#[derive(Clone, Copy)]
struct Node {
    pos: Option<usize>,
    line: usize,
    fitness: usize,
    total: f32,
    flagged: bool,
    /// Index of the previous node in `nodes`.
    prev: Option<usize>,
    /// The first item of the line that starts after this break.
    start: usize,
}

/// Width, stretch and shrink of every prefix of the item list, so that a
/// line's totals are one subtraction (as TeX keeps running totals) rather
/// than a walk over its items for every pair of breaks. Kept in f64 so that
/// differences are as exact as the f32 sums they replace.
struct Totals(Vec<[f64; 4]>);

impl Totals {
    fn new(items: &Items) -> Totals {
        let mut sum = [0.0f64; 4];
        let mut out = Vec::with_capacity(items.items.len() + 1);
        out.push(sum);
        for item in &items.items {
            match item.kind {
                Kind::Box => sum[0] += item.width as f64,
                Kind::Glue { stretch, shrink } => {
                    sum[0] += item.width as f64;
                    sum[1] += stretch as f64;
                    sum[2] += shrink as f64;
                }
                Kind::Penalty { .. } => {}
            }
            sum[3] += item.glyphs.len() as f64;
            out.push(sum);
        }
        Totals(out)
    }

    /// As [`measure`], for a line from item `start` to break `to`, with
    /// the number of its glyphs.
    fn line(&self, items: &Items, start: usize, to: usize) -> (f32, f32, f32, f32) {
        let (a, b) = (self.0[start.min(to)], self.0[to]);
        let mut w = (b[0] - a[0]) as f32;
        if let Kind::Penalty { .. } = items.items[to].kind {
            w += items.items[to].width;
        }
        let (left, right) = items.hang(start.min(to), to);
        let glyphs = (b[3] - a[3]) as f32;
        (w - left - right, (b[1] - a[1]) as f32, (b[2] - a[2]) as f32, glyphs)
    }
}

/// Optimal breaking with adjustment ratios up to `max_ratio`; `None` when
/// no feasible set of breaks exists.
fn knuth_plass(items: &Items, width: f32, max_ratio: f32) -> Option<Vec<usize>> {
    knuth_plass_tracked(items, width, max_ratio, 0.0)
}

/// [`knuth_plass`], where each gap between a line's glyphs may also open by
/// up to `tracking` points: a line is feasible when its spaces at
/// `max_ratio` and its letters at `tracking` fill it.
fn knuth_plass_tracked(
    items: &Items,
    width: f32,
    max_ratio: f32,
    tracking: f32,
) -> Option<Vec<usize>> {
    let totals = Totals::new(items);
    let first =
        Node { pos: None, line: 0, fitness: 1, total: 0.0, flagged: false, prev: None, start: 0 };
    let mut nodes = vec![first];
    let mut active: Vec<usize> = vec![0];
    // The nodes that stay active past a break, built afresh at each break
    // in a buffer kept for the paragraph.
    let mut keep = Vec::new();
    for b in 0..items.items.len() {
        if !items.is_break(b) {
            continue;
        }
        let (p, flagged) = penalty(items, b);
        if p >= FORBIDDEN {
            continue;
        }
        let forced = p <= FORCED;
        // Best new node per fitness class.
        let mut best: [Option<Node>; 4] = [None; 4];
        keep.clear();
        for &a in &active {
            let node = nodes[a];
            let (w, st, sh, glyphs) = totals.line(items, node.start, b);
            // Letter spacing counts as stretch that fills at `max_ratio`.
            let st = st + tracking * (glyphs - 1.0).max(0.0) / max_ratio;
            let r = ratio(w, st, sh, width);
            if r < -1.0 || forced {
                // Too long already (or the paragraph ends): this node can reach no later break.
            } else {
                keep.push(a);
            }
            if r >= -1.0 && r <= max_ratio {
                let fit = fitness(r);
                let mut d = line_demerits(items, r, b);
                if flagged && node.flagged {
                    d += FLAGGED_DEMERITS;
                }
                if fit.abs_diff(node.fitness) > 1 {
                    d += FITNESS_DEMERITS;
                }
                let total = node.total + d;
                if best[fit].is_none_or(|n| total < n.total) {
                    best[fit] = Some(Node {
                        pos: Some(b),
                        line: node.line + 1,
                        fitness: fit,
                        total,
                        flagged,
                        prev: Some(a),
                        start: line_start(items, Some(b)),
                    });
                }
            }
        }
        std::mem::swap(&mut active, &mut keep);
        for node in best.into_iter().flatten() {
            nodes.push(node);
            active.push(nodes.len() - 1);
        }
        if active.is_empty() {
            return None;
        }
    }
    // The best node ending at the final forced break.
    let last = items.items.len() - 1;
    let end = (0..nodes.len())
        .filter(|&i| nodes[i].pos == Some(last))
        .min_by(|&a, &b| nodes[a].total.total_cmp(&nodes[b].total))?;
    let mut breaks = Vec::new();
    let mut cur = Some(end);
    while let Some(i) = cur {
        if let Some(pos) = nodes[i].pos {
            breaks.push(pos);
        }
        cur = nodes[i].prev;
    }
    breaks.reverse();
    Some(breaks)
}
