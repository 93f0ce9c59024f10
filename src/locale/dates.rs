//! Dates in one language, from its Unicode CLDR facts: month names in both
//! contexts (a month inside a date, "mая 2021", and a month named alone,
//! "май"), the patterns for month and year, month number and year, and
//! year, the range pattern, and the digits. Patterns are CLDR's own
//! (`"LLL y 'г'."`), interpreted here for the fields a résumé date has.

use serde::Deserialize;

/// One locale's CLDR date facts, as `locales/cldr/<tag>.toml` holds them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cldr {
    /// Month names in full, January first, as inside a date (`MMMM`).
    pub months: [String; 12],
    /// Abbreviated month names, as inside a date (`MMM`).
    pub months_abbr: [String; 12],
    /// Month names in full, as named alone (`LLLL`).
    pub months_standalone: [String; 12],
    /// Abbreviated month names, as named alone (`LLL`).
    pub months_standalone_abbr: [String; 12],
    /// A month, abbreviated, and a year ("MMM y").
    pub month_year: String,
    /// A month in full and a year ("MMMM y").
    pub month_year_wide: String,
    /// A whole date, as in a letter ("MMMM d, y", "d. MMMM y").
    pub date_long: String,
    /// Month and year in figures ("MM/y").
    pub numeric: String,
    /// A year alone ("y", "y年").
    pub year: String,
    /// A range of two dates ("{0} – {1}").
    pub range: String,
    /// Opening and closing quotation marks ("„", "“").
    pub quotes: [String; 2],
    /// Quotation marks for a quote inside a quote ("‚", "‘").
    pub quotes_inner: [String; 2],
    /// The digits dates are written in ("latn", "arabext").
    pub digits: String,
}

impl Cldr {
    /// `pattern` filled in with `year` and `month` (1–12). Fields the date
    /// lacks are left out; a literal next to a missing field stays.
    pub fn format(&self, pattern: &str, year: u16, month: Option<u8>) -> String {
        self.format_day(pattern, year, month, None)
    }

    /// A whole day in the locale's long form ("March 14, 2026", "14. März
    /// 2026"), as a letter is dated.
    pub fn long_date(&self, year: u16, month: u8, day: u8) -> String {
        self.format_day(&self.date_long, year, Some(month), Some(day))
    }

    /// [`Cldr::format`], with the day of the month when there is one.
    fn format_day(&self, pattern: &str, year: u16, month: Option<u8>, day: Option<u8>) -> String {
        let mut out = String::new();
        let mut chars = pattern.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\'' {
                // 'literal', and '' for an apostrophe.
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    out.push('\'');
                    continue;
                }
                while let Some(q) = chars.next() {
                    match q {
                        '\'' if chars.peek() == Some(&'\'') => {
                            chars.next();
                            out.push('\'');
                        }
                        '\'' => break,
                        q => out.push(q),
                    }
                }
                continue;
            }
            if !c.is_ascii_alphabetic() {
                out.push(c);
                continue;
            }
            let mut width = 1;
            while chars.peek() == Some(&c) {
                chars.next();
                width += 1;
            }
            match (c, day) {
                ('d', Some(d)) if width == 2 => out.push_str(&format!("{d:02}")),
                ('d', Some(d)) => out.push_str(&d.to_string()),
                _ => self.field(&mut out, c, width, year, month),
            }
        }
        self.localise_digits(out)
    }

    fn field(&self, out: &mut String, letter: char, width: usize, year: u16, month: Option<u8>) {
        let m = month.map(|m| (m as usize).clamp(1, 12));
        match (letter, width, m) {
            ('y', 2, _) => out.push_str(&format!("{:02}", year % 100)),
            ('y', _, _) => out.push_str(&year.to_string()),
            ('M' | 'L', 1, Some(m)) => out.push_str(&m.to_string()),
            ('M' | 'L', 2, Some(m)) => out.push_str(&format!("{m:02}")),
            ('M', 3, Some(m)) => out.push_str(&self.months_abbr[m - 1]),
            ('M', _, Some(m)) => out.push_str(&self.months[m - 1]),
            ('L', 3, Some(m)) => out.push_str(&self.months_standalone_abbr[m - 1]),
            ('L', _, Some(m)) => out.push_str(&self.months_standalone[m - 1]),
            // An era, a day or anything else a résumé date does not have.
            _ => {}
        }
    }

    /// "{0} – {1}" with the two ends put in. A thin space around the dash
    /// is set as a word space: text extractors drop U+2009 as often as
    /// they keep it, and a dropped one glues the dates into one word.
    pub fn range(&self, start: &str, end: &str) -> String {
        self.separator_pattern().replace("{0}", start).replace("{1}", end)
    }

    /// The range pattern with thin spaces made word spaces.
    pub fn separator_pattern(&self) -> String {
        self.range.replace(['\u{2009}', '\u{202f}'], " ")
    }

    /// ASCII digits in the locale's own digits (Persian ۰–۹, Arabic ٠–٩).
    fn localise_digits(&self, text: String) -> String {
        let zero = match self.digits.as_str() {
            "arab" => '\u{660}',
            "arabext" => '\u{6f0}',
            "deva" => '\u{966}',
            "beng" => '\u{9e6}',
            _ => return text,
        };
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(zero as u32 + d).unwrap_or(c),
                _ => c,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::locale::Locale;

    fn may_2021(tag: &str) -> (String, String, String) {
        let c = Locale::new(tag).unwrap().cldr;
        let f = |p: &str| c.format(p, 2021, Some(5));
        (f(&c.month_year), f(&c.numeric), f(&c.year))
    }

    #[test]
    fn cldr_patterns_give_each_languages_dates() {
        assert_eq!(may_2021("en").0, "May 2021");
        assert_eq!(may_2021("de").0, "Mai 2021");
        assert_eq!(may_2021("de").1, "05/2021");
        assert_eq!(may_2021("fr").0, "mai 2021");
        assert_eq!(may_2021("ja").0, "2021年5月");
        assert_eq!(may_2021("ja").2, "2021年");
        // Stand-alone months and quoted literals: "май 2021 г.".
        assert_eq!(may_2021("ru").0, "май 2021\u{202f}г.");
        assert_eq!(may_2021("pt-BR").0, "mai. de 2021");
        // Persian digits.
        assert_eq!(may_2021("fa").0, "مه ۲۰۲۱");
    }

    #[test]
    fn letters_are_dated_in_each_languages_long_form() {
        let day = |t: &str| Locale::new(t).unwrap().cldr.long_date(2026, 3, 4);
        assert_eq!(day("en"), "March 4, 2026");
        assert_eq!(day("en-GB"), "4 March 2026");
        assert_eq!(day("de"), "4. März 2026");
        assert_eq!(day("ja"), "2026年3月4日");
        assert_eq!(day("es"), "4 de marzo de 2026");
        assert_eq!(day("fa"), "۴ مارس ۲۰۲۶");
    }

    #[test]
    fn a_year_alone_drops_the_month_fields() {
        let c = Locale::new("en").unwrap().cldr;
        assert_eq!(c.format("y", 2020, None), "2020");
        assert_eq!(c.format("'it''s' y", 2020, None), "it's 2020");
    }

    #[test]
    fn ranges_use_the_locales_pattern_with_word_spaces() {
        let r = |t: &str| Locale::new(t).unwrap().cldr.range("A", "B");
        assert_eq!(r("en"), "A – B");
        assert_eq!(r("ja"), "A～B");
        assert_eq!(r("fa"), "A تا B");
    }
}
