//! Dates and date ranges as a theme spells them in the résumé's language
//! ("Mar 2021 – Present", "05/2021 – heute", "2021年5月 – 現在").

use crate::locale::Locale;
use crate::model::Date;
use crate::theme::{DateFormat, DateStyle};

/// One date in the theme's format and the locale's words.
pub fn format_date(date: Date, style: &DateStyle, locale: &Locale) -> String {
    let cldr = &locale.cldr;
    match date {
        Date::Present => locale.labels.present.clone(),
        Date::Partial { year, month: None, .. } => cldr.format(&cldr.year, year, None),
        Date::Partial { year, month, .. } => {
            let pattern = match style.format {
                DateFormat::MonthYear => &cldr.month_year,
                DateFormat::MonthYearLong => &cldr.month_year_wide,
                DateFormat::Numeric => &cldr.numeric,
                DateFormat::Year => &cldr.year,
            };
            cldr.format(pattern, year, month)
        }
    }
}

/// "start – end", "start – Present", or just one date; `None` when
/// neither date is given. Equal ends collapse to one date. The separator
/// is the theme's, else the language's.
pub fn format_range(
    start: Option<Date>,
    end: Option<Date>,
    style: &DateStyle,
    locale: &Locale,
) -> Option<String> {
    let one = |d| format_date(d, style, locale);
    match (start, end) {
        (None, None) => None,
        (Some(d), None) | (None, Some(d)) => Some(one(d)),
        (Some(s), Some(e)) => {
            let (a, b) = (one(s), one(e));
            Some(match &style.separator {
                _ if a == b => a,
                Some(sep) => format!("{a}{sep}{b}"),
                None => locale.cldr.range(&a, &b),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_ranges_in_each_style() {
        let d = |s| Some(Date::parse(s).unwrap());
        let en = Locale::english();
        let mut style = DateStyle::default();
        assert_eq!(
            format_range(d("2021-03"), d("present"), &style, &en).unwrap(),
            "Mar 2021 – Present"
        );
        assert_eq!(format_range(d("2020"), d("2023"), &style, &en).unwrap(), "2020 – 2023");
        style.format = DateFormat::Numeric;
        assert_eq!(format_range(d("2021-03"), None, &style, &en).unwrap(), "3/2021");
        style.format = DateFormat::Year;
        assert_eq!(format_range(d("2021-03"), d("2021-11"), &style, &en).unwrap(), "2021");
        assert_eq!(format_range(None, None, &style, &en), None);
        style.separator = Some(" to ".into());
        assert_eq!(format_range(d("2020"), d("2021"), &style, &en).unwrap(), "2020 to 2021");
    }

    #[test]
    fn each_language_writes_its_own_dates_and_present() {
        let d = |s| Some(Date::parse(s).unwrap());
        let mut style = DateStyle::default();
        let range = |tag: &str, style: &DateStyle| {
            format_range(d("2021-05"), d("present"), style, &Locale::new(tag).unwrap()).unwrap()
        };
        assert_eq!(range("fr", &style), "mai 2021 – aujourd’hui");
        assert_eq!(range("ja", &style), "2021年5月～現在");
        style.format = DateFormat::Numeric;
        assert_eq!(range("de", &style), "05/2021 – heute");
        style.format = DateFormat::MonthYearLong;
        assert_eq!(range("de", &style), "Mai 2021 – heute");
    }
}
