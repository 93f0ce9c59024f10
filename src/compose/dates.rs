//! Dates and date ranges as a theme spells them ("Mar 2021 – Present").

use crate::model::Date;
use crate::theme::{DateFormat, DateStyle};

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// One date in the theme's format.
pub fn format_date(date: Date, style: &DateStyle) -> String {
    match date {
        Date::Present => style.present.clone(),
        Date::Partial { year, month, .. } => match (style.format, month) {
            (DateFormat::MonthYear, Some(m)) => format!("{} {year}", MONTHS[m as usize - 1]),
            (DateFormat::Numeric, Some(m)) => format!("{m:02}/{year}"),
            _ => year.to_string(),
        },
    }
}

/// "start – end", "start – Present", "since start" or just "end"; `None`
/// when neither date is given. Equal ends collapse to one date.
pub fn format_range(start: Option<Date>, end: Option<Date>, style: &DateStyle) -> Option<String> {
    match (start, end) {
        (None, None) => None,
        (Some(s), None) => Some(format_date(s, style)),
        (None, Some(e)) => Some(format_date(e, style)),
        (Some(s), Some(e)) => {
            let (a, b) = (format_date(s, style), format_date(e, style));
            Some(if a == b { a } else { format!("{a}{}{b}", style.separator) })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_ranges_in_each_style() {
        let d = |s| Some(Date::parse(s).unwrap());
        let mut style = DateStyle::default();
        assert_eq!(format_range(d("2021-03"), d("present"), &style).unwrap(), "Mar 2021 – Present");
        assert_eq!(format_range(d("2020"), d("2023"), &style).unwrap(), "2020 – 2023");
        style.format = DateFormat::Numeric;
        assert_eq!(format_range(d("2021-03"), None, &style).unwrap(), "03/2021");
        style.format = DateFormat::Year;
        assert_eq!(format_range(d("2021-03"), d("2021-11"), &style).unwrap(), "2021");
        assert_eq!(format_range(None, None, &style), None);
    }
}
