//! How an entry's header lines are arranged, decided once for the theme's
//! entry layout: title and dates on one line with the organisation and
//! place under them (split), everything stacked flush left (stacked), or
//! the dates in a rail beside the title (rail). Both renderers follow the
//! rows it returns.

use super::describe::Entry;
use crate::theme::EntryLayout;

/// One part of an entry's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The title (position, degree, name).
    Title,
    /// The organisation (or institution, publisher, issuer).
    Subtitle,
    /// The dates.
    Dates,
    /// The place.
    Location,
    /// The web address.
    Link,
}

/// One line of an entry's header: parts on the left, and parts set flush
/// right beside them (which layout moves under the left when it wraps).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeaderRow {
    /// Parts read first, from the left edge, joined on one line.
    pub left: Vec<Part>,
    /// Parts set flush right beside the left ones.
    pub right: Vec<Part>,
}

impl Entry {
    /// A part's text, when the entry has it.
    pub fn part(&self, part: Part) -> Option<&str> {
        match part {
            Part::Title => self.title.as_deref(),
            Part::Subtitle => self.subtitle.as_deref(),
            Part::Dates => self.dates.as_deref(),
            Part::Location => self.location.as_deref(),
            Part::Link => self.link.as_ref().map(|l| l.text.as_str()),
        }
    }

    /// The header's lines in reading order, for the theme's entry layout;
    /// every output prints them in this order.
    ///
    /// Split: the title with its dates flush right, the organisation with
    /// its place flush right (with one name, the place under the dates, or
    /// in their slot when there are none), then the address. Stacked:
    /// title, organisation, then dates, place and address on one line.
    /// Rail: dates then title, place then organisation, each pair a line
    /// (the rail's part first; a missing fact leaves its slot empty), then
    /// the address.
    pub fn header(&self, layout: EntryLayout) -> Vec<HeaderRow> {
        use Part::*;
        let has = |p: Part| self.part(p).is_some_and(|t| !t.trim().is_empty());
        let keep = |parts: &[Part]| parts.iter().copied().filter(|p| has(*p)).collect::<Vec<_>>();
        let row = |left: Vec<Part>, right: Vec<Part>| HeaderRow { left, right };
        let mut rows = Vec::new();
        let mut loose = Vec::new();
        match layout {
            EntryLayout::Split => {
                // The title (or, without one, the organisation) carries the
                // dates; the place goes under them, beside the organisation
                // where there is one.
                let names = keep(&[Title, Subtitle]);
                if let Some((&first, rest)) = names.split_first() {
                    match rest.first() {
                        Some(&second) => {
                            rows.push(row(vec![first], keep(&[Dates])));
                            rows.push(row(vec![second], keep(&[Location])));
                        }
                        // One name: the place stands under its dates, or in
                        // their place when there are none.
                        None if has(Dates) && has(Location) => {
                            rows.push(row(vec![first], vec![Dates]));
                            rows.push(row(Vec::new(), vec![Location]));
                        }
                        None => rows.push(row(vec![first], keep(&[Dates, Location]))),
                    }
                } else {
                    loose = keep(&[Dates, Location]);
                }
            }
            EntryLayout::Stacked => {
                rows.extend(keep(&[Title, Subtitle]).into_iter().map(|p| row(vec![p], Vec::new())));
                loose = keep(&[Dates, Location]);
            }
            // The rail (left) is read first: the dates, then the title. The
            // address is no fact for the rail: it goes on a line of the text.
            // Each fact keeps its line: without dates, the place still
            // stands beside the second name, not above the first.
            EntryLayout::Rail => {
                let names = keep(&[Title, Subtitle]);
                let facts = [Dates, Location].map(|p| has(p).then_some(p));
                let lines = if facts[1].is_some() { 2 } else { usize::from(facts[0].is_some()) };
                for i in 0..names.len().max(lines) {
                    let rail = facts.get(i).copied().flatten().into_iter().collect();
                    rows.push(row(rail, names.get(i).copied().into_iter().collect()));
                }
                if has(Link) {
                    rows.push(row(Vec::new(), vec![Link]));
                }
                return rows;
            }
        }
        loose.extend(keep(&[Link]));
        if !loose.is_empty() {
            rows.push(row(loose, Vec::new()));
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Part::*;

    fn entry(parts: &[Part]) -> Entry {
        let text = |p: Part| parts.contains(&p).then(|| format!("{p:?}"));
        Entry {
            origin: "work[0]".into(),
            title: text(Title),
            subtitle: text(Subtitle),
            dates: text(Dates),
            moments: Vec::new(),
            location: text(Location),
            link: None,
            summary: None,
            highlights: Vec::new(),
            lists: Vec::new(),
        }
    }

    fn rows(e: &Entry, layout: EntryLayout) -> Vec<(Vec<Part>, Vec<Part>)> {
        e.header(layout).into_iter().map(|r| (r.left, r.right)).collect()
    }

    #[test]
    fn a_place_without_dates_takes_their_slot() {
        let e = entry(&[Subtitle, Location]);
        assert_eq!(rows(&e, EntryLayout::Split), [(vec![Subtitle], vec![Location])]);
        let e = entry(&[Subtitle, Dates, Location]);
        assert_eq!(
            rows(&e, EntryLayout::Split),
            [(vec![Subtitle], vec![Dates]), (vec![], vec![Location])]
        );
        let e = entry(&[Title, Subtitle, Dates, Location]);
        assert_eq!(
            rows(&e, EntryLayout::Split),
            [(vec![Title], vec![Dates]), (vec![Subtitle], vec![Location])]
        );
    }

    #[test]
    fn in_the_rail_each_fact_keeps_its_line() {
        let e = entry(&[Subtitle, Location]);
        assert_eq!(
            rows(&e, EntryLayout::Rail),
            [(vec![], vec![Subtitle]), (vec![Location], vec![])],
            "the place does not move up beside the first name"
        );
        let e = entry(&[Title, Subtitle, Dates]);
        assert_eq!(
            rows(&e, EntryLayout::Rail),
            [(vec![Dates], vec![Title]), (vec![], vec![Subtitle])]
        );
    }
}
