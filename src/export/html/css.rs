//! The HTML page's style sheet, from the theme: its fonts by role, colours,
//! spacing, heading style, entry layout (split, stacked, or with a rail)
//! and columns; a layout that reflows to one column on a phone; and a
//! print style with the PDF's page size and margins.
//!
//! Sizes are in `em` of the body text, so the theme's proportions hold on
//! any screen: the body is 1.6 px per point of its size on screen (16 px
//! for a 10 pt body), and its own size in points on paper.

use crate::photo::Shape;
use crate::theme::{Align, EntryLayout, FontSpec, HeadingRule, TextAlign, Theme};
use std::fmt::Write;

/// Below this width the page is one column and entry headers stack.
const NARROW_PX: u32 = 700;

/// Every family a role of the theme names.
pub(super) fn families(theme: &Theme) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for (_, spec) in theme.fonts.roles() {
        if !out.iter().any(|f| f.eq_ignore_ascii_case(&spec.family)) {
            out.push(&spec.family);
        }
    }
    out
}

/// Font stacks: a role's family, then the families embedded for the
/// characters it lacks, then a generic family.
pub(super) struct Stacks {
    fallbacks: Vec<String>,
}

impl Stacks {
    pub(super) fn new(fallbacks: &[String]) -> Self {
        Stacks { fallbacks: fallbacks.to_vec() }
    }

    fn stack(&self, family: &str) -> String {
        let serif = ["Serif", "Garamond", "Charis", "Gentium", "Libertine", "Times", "Georgia"]
            .iter()
            .any(|w| family.contains(w) && !family.contains("Sans"));
        let mut out = vec![string(family)];
        out.extend(self.fallbacks.iter().map(|f| string(f)));
        out.push(if family.contains("Mono") {
            "monospace".into()
        } else if serif {
            "serif".into()
        } else {
            "sans-serif".into()
        });
        out.join(",")
    }
}

/// A CSS string literal.
pub(super) fn string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A name made safe for a class or id: letters, digits and hyphens.
pub(super) fn ident(s: &str) -> String {
    let out: String =
        s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    if out.is_empty() { "x".into() } else { out }
}

/// Numbers as CSS writes them: at most three decimals, no trailing zeros.
fn n(v: f32) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// A role's font declarations, in a colour unless the role has its own.
type Font<'a> = dyn Fn(&FontSpec, String) -> String + 'a;

/// The style sheet.
pub(super) fn sheet(t: &Theme, stacks: &Stacks) -> String {
    let body = t.fonts.body.size;
    // Points to ems of the body text.
    let em = |pt: f32| format!("{}em", n(pt / body));
    let c = &t.colors;
    let mut s = String::new();
    let font = &|spec: &FontSpec, color: String| {
        format!(
            "font-family:{};font-size:{};font-weight:{};font-style:{};letter-spacing:{};color:{}",
            stacks.stack(&spec.family),
            em(spec.size),
            if spec.bold { 700 } else { 400 },
            if spec.italic { "italic" } else { "normal" },
            em(spec.letter_spacing),
            spec.color.map_or(color, |c| c.to_string()),
        )
    };
    let (w, _) = t.page.size_pt();
    let p = &t.page;
    let content = w - p.margin_left.pt() - p.margin_right.pt();
    let sp = &t.spacing;
    let _ = writeln!(
        s,
        "html{{-webkit-text-size-adjust:100%;background:#fff}}\n\
         body{{margin:0}}\n\
         .cv{{box-sizing:border-box;max-width:{max};margin:0 auto;padding:2.5em 1.5em;\
         font-size:{screen}px;line-height:{lead};{body_font}}}\n\
         .cv *{{box-sizing:border-box}}\n\
         .cv p,.cv ul,.cv ol,.cv h1,.cv h2,.cv h3{{margin:0}}\n\
         .cv a{{color:inherit;text-decoration:underline;text-decoration-thickness:0.06em;\
         text-underline-offset:0.15em}}\n\
         .cv strong{{font-weight:700}}\n.cv em{{font-style:italic}}\n\
         .cv code{{font-family:{mono};font-size:{mono_size}}}",
        max = em(content + 2.0 * 1.5 * body),
        screen = n(body * 1.6),
        lead = n(sp.leading),
        body_font = font(&t.fonts.body, c.text.to_string()),
        mono = stacks.stack(&t.fonts.mono.family),
        mono_size = em(t.fonts.mono.size),
    );
    masthead(&mut s, t, &em, &font);
    headings(&mut s, t, &em, &font);
    entries(&mut s, t, &em, &font);
    // Hyphenated words stay whole (see `words`).
    let _ = writeln!(s, ".cv .w{{white-space:nowrap}}");
    // A rail: dates and places in it, beside the entry's title. A later
    // header line with nothing beside it (a place) goes under the title
    // instead: wrapped in the narrow rail it would hold the body below it,
    // where the PDF sets such a line in the main column.
    if t.entry.layout == EntryLayout::Rail {
        let (rail, gap) = (t.entry.rail_width.pt(), t.entry.rail_gap.pt());
        let _ = writeln!(
            s,
            "@media (min-width:{wide}px){{\n\
             .head .row{{display:grid;grid-template-columns:{rail} 1fr;column-gap:{gap}}}\n\
             .head .row>.start{{padding-inline-start:0.5em}}\n\
             .head .row>.end{{margin:0;text-align:start}}\n\
             .head .row+.row>.start:only-child{{grid-column:2;padding-inline-start:0}}\n\
             .entry>.body,.section>:not(h2):not(.entry){{margin-inline-start:{indent}}}\n\
             .column{{background:linear-gradient(to right,{fill} {rail},transparent {rail})}}\n\
             [dir=rtl] .column{{background:linear-gradient(to left,{fill} {rail},transparent {rail})}}\n\
             .section h2{{margin-inline-start:{indent}}}\n}}",
            wide = NARROW_PX + 1,
            rail = em(rail),
            gap = em(gap),
            indent = em(rail + gap),
            fill = t.entry.rail_fill.map_or("transparent".into(), |c| c.to_string()),
        );
    }
    columns(&mut s, t, &em);
    // A cover letter: its blocks apart, the résumé after it on a new page.
    let _ = writeln!(
        s,
        ".letter{{text-align:start}}\n.letter>p+p,.letter>h2+p{{margin-top:0.9em}}\n\
         .letter .recipient,.letter .date{{margin-top:2em}}\n\
         .letter .subject{{font-size:1em;font-weight:700;margin-top:2em}}\n\
         .letter .closing{{margin-top:1.5em}}\n\
         .resume{{margin-top:4em;break-before:page}}"
    );
    let _ = writeln!(
        s,
        "@media (max-width:{NARROW_PX}px){{\n\
         .cv{{padding:1.25em 1em}}\n\
         .columns{{display:block}}\n\
         .head .row{{display:block}}\n\
         .head .row>.end{{text-align:start}}\n\
         .body{{text-align:start}}\n\
         .photo{{width:4.5em}}\n}}"
    );
    print(&mut s, t);
    s
}

/// A page of several columns: a grid with one track per column, each in
/// its place left to right, while the page reads them in reading order.
fn columns(s: &mut String, t: &Theme, em: &dyn Fn(f32) -> String) {
    let regions = t.regions(100.0);
    if regions.len() < 2 {
        return;
    }
    let mut by_x: Vec<&crate::theme::Region> = regions.iter().collect();
    by_x.sort_by(|a, b| a.x.total_cmp(&b.x));
    let tracks: Vec<String> = by_x.iter().map(|r| format!("{}fr", n(r.width))).collect();
    let _ = writeln!(
        s,
        ".columns{{display:grid;grid-template-columns:{};column-gap:{}}}",
        tracks.join(" "),
        em(t.column_gap.pt())
    );
    for (i, r) in by_x.iter().enumerate() {
        let fill = r.fill.map(|c| format!("background:{c};padding:0.75em;")).unwrap_or_default();
        let _ = writeln!(
            s,
            ".c{}{{grid-column:{};grid-row:1;{fill}min-width:0}}",
            ident(&r.name),
            i + 1
        );
    }
}

/// On paper: the PDF's page size and margins, the body at its size in
/// points, headings kept with what follows. Text is set ragged right even
/// where the theme justifies it: a browser justifies line by line, not by
/// paragraph as vita's PDF does, and its loosest lines (around a
/// hyphenated word kept whole) are split by extractors that read by
/// position (measured on compact: 0.992 justified, 1.000 ragged).
fn print(s: &mut String, t: &Theme) {
    let p = &t.page;
    let (w, h) = p.size_pt();
    let mm = |pt: f32| format!("{}mm", n(pt * 25.4 / 72.0));
    let _ = writeln!(
        s,
        "@page{{size:{} {};margin:{} {} {} {}}}\n\
         @media print{{\n\
         .cv{{max-width:none;padding:0;font-size:{}pt}}\n\
         .cv a{{text-decoration:none}}\n\
         .body{{text-align:start}}\n\
         .section h2,.head{{break-after:avoid}}\n\
         .head,.bullets li{{break-inside:avoid}}\n}}",
        mm(w),
        mm(h),
        mm(p.margin_top.pt()),
        mm(p.margin_right.pt()),
        mm(p.margin_bottom.pt()),
        mm(p.margin_left.pt()),
        n(t.fonts.body.size),
    );
}

/// The name, label, contact details and photo.
fn masthead(s: &mut String, t: &Theme, em: &dyn Fn(f32) -> String, font: &Font) {
    let (c, sp) = (&t.colors, &t.spacing);
    let align = match t.header.align {
        Align::Left => "start",
        Align::Center => "center",
    };
    let _ = writeln!(
        s,
        ".masthead{{text-align:{align};margin-bottom:{after};display:flow-root}}\n\
         .masthead h1{{{name};line-height:1.15}}\n\
         .masthead .label{{{label};margin-top:0.2em}}\n\
         .contacts{{list-style:none;padding:0;{contact}}}\n\
         .contacts.inline{{display:flex;flex-wrap:wrap;justify-content:{justify};margin-top:0.45em}}\n\
         .contacts.inline li+li::before{{content:{sep};white-space:pre}}\n\
         .contacts li{{overflow-wrap:anywhere}}\n\
         .photo{{float:inline-end;width:{photo};height:auto;margin-inline-start:1em;{round}}}",
        after = em(sp.header_after.get() + sp.section_before.get() * 0.5),
        name = font(&t.fonts.name, c.text.to_string()),
        label = font(&t.fonts.label, c.muted.to_string()),
        contact = font(&t.fonts.contact, c.text.to_string()),
        justify = if t.header.align == Align::Center { "center" } else { "flex-start" },
        sep = string(&t.header.separator),
        photo = em(t.header.photo_size.pt()),
        round = if t.header.photo == Shape::Circle { "border-radius:50%" } else { "" },
    );
}

/// Section headings: font, case, rule, accent bar.
fn headings(s: &mut String, t: &Theme, em: &dyn Fn(f32) -> String, font: &Font) {
    let (c, sp) = (&t.colors, &t.spacing);
    let h = &t.headings;
    let hcolor = if h.accent { c.accent } else { c.text };
    let _ = writeln!(
        s,
        ".section h2{{{font};line-height:1.2;margin:{before} 0 {after};{case}{caps}}}\n\
         .section:first-child h2{{margin-top:0}}",
        font = font(&t.fonts.heading, hcolor.to_string()),
        before = em(sp.section_before.get()),
        after = em(sp.section_after.get()),
        case = if h.uppercase || h.small_caps { "text-transform:uppercase;" } else { "" },
        // Small capitals as capitals at a reduced size, in one run: the
        // subsets have no `smcp`, and the browser's own small capitals set
        // the first letter apart, where extractors read "S UMMARY".
        caps = if h.small_caps {
            format!("font-size:{};", em(t.fonts.heading.size * 0.8))
        } else {
            String::new()
        },
    );
    let rule = format!("{} solid {}", em(h.rule_thickness.get().max(0.3)), hcolor);
    match h.rule {
        HeadingRule::Below => {
            let _ = writeln!(
                s,
                ".section h2{{padding-bottom:{};border-bottom:{rule}}}",
                em(h.rule_gap.get())
            );
        }
        HeadingRule::Beside => {
            let _ = writeln!(
                s,
                ".section h2{{display:flex;align-items:center;gap:0.6em}}\n\
                 .section h2::after{{content:\"\";flex:1;border-top:{rule}}}"
            );
        }
        HeadingRule::None => {}
    }
    if h.accent_bar {
        let _ = writeln!(
            s,
            ".section h2::before{{content:\"\";display:inline-block;width:1.1em;height:0.28em;\
             background:{};margin-inline-end:0.45em;vertical-align:middle}}",
            c.accent
        );
    }
}

/// Entries: header rows, body, bullets, lists.
fn entries(s: &mut String, t: &Theme, em: &dyn Fn(f32) -> String, font: &Font) {
    let (c, sp) = (&t.colors, &t.spacing);
    let _ = writeln!(
        s,
        ".entry+.entry{{margin-top:{before}}}\n\
         .head{{margin-bottom:{head_after}}}\n\
         .head .row{{display:flex;flex-wrap:wrap;align-items:baseline;column-gap:{gap}}}\n\
         .head .row>.end{{margin-inline-start:auto;text-align:end}}\n\
         .head h3{{font-size:1em;font-weight:inherit}}\n\
         .head .title{{{title}}}\n.head .org{{{org}}}\n\
         .head .dates,.head .place,.head .sep{{{meta}}}\n\
         .head .link{{{link}}}\n\
         .body p+p,.body p+ul,.body ul+p,.body ul+ul{{margin-top:{para}}}\n\
         .body{{text-align:{justify}}}\n\
         .bullets{{padding-inline-start:{indent};margin-top:{bullet}}}\n\
         .bullets>li{{list-style-type:{glyph}}}\n\
         .bullets ul{{padding-inline-start:{indent}}}\n\
         .bullets ul>li{{list-style-type:{nested}}}\n\
         .bullets ol{{padding-inline-start:{indent}}}\n\
         .bullets li+li,.bullets li>ul,.bullets li>ol{{margin-top:{bullet}}}\n\
         .list{{margin-top:{para}}}\n\
         .labelled{{list-style:none;padding:0}}\n\
         .labelled li+li{{margin-top:{bullet}}}\n\
         .updated{{{meta};margin-top:2em}}",
        before = em(sp.entry_before.get()),
        head_after = em(sp.entry_header_after.get()),
        gap = em(sp.column_gap.get()),
        title = font(&t.fonts.entry_title, c.text.to_string()),
        org = font(&t.fonts.entry_subtitle, c.text.to_string()),
        meta = font(&t.fonts.meta, c.muted.to_string()),
        link = font(&t.fonts.meta, c.links.to_string()),
        para = em(sp.paragraph.get()),
        justify = if t.text.align == TextAlign::Justify { "justify" } else { "start" },
        indent = em(t.bullets.indent.get()),
        bullet = em(sp.bullet.get().max(1.0)),
        glyph = string(&format!("{} ", t.bullets.glyph)),
        nested = string(&format!("{} ", t.bullets.nested_glyph)),
    );
}
