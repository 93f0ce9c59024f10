//! Partial dates as résumés use them: `2021`, `2021-03`, `2021-03-15`, or
//! `present` for an ongoing role. Ordering compares what both sides state,
//! so `2021` is not after `2021-03`.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

/// A date with optional month and day, or the open end `present`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Date {
    /// A year, with a month and a day when given.
    Partial {
        /// The year, 1000 or later.
        year: u16,
        /// The month, 1–12.
        month: Option<u8>,
        /// The day of the month, 1–31; only with a month.
        day: Option<u8>,
    },
    /// `present`: the end of something still going on.
    Present,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `present` (any case).
    pub fn parse(s: &str) -> Result<Date, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("present") {
            return Ok(Date::Present);
        }
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, what: &str, digits: usize| -> Result<u32, String> {
            if p.len() != digits || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("`{s}`: the {what} must have {digits} digits"));
            }
            Ok(p.parse().expect("digits parse"))
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(format!("`{s}` is not a date"));
        }
        let year = num(parts[0], "year", 4)? as u16;
        if year < 1000 {
            return Err(format!("`{s}`: the year {year:04} is not a year a résumé can mean"));
        }
        let month = match parts.get(1) {
            Some(p) => {
                let m = num(p, "month", 2)?;
                if !(1..=12).contains(&m) {
                    return Err(format!("`{s}`: month {m} is not between 01 and 12"));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match parts.get(2) {
            Some(p) => {
                let d = num(p, "day", 2)?;
                let max = days_in_month(year, month.expect("day implies month"));
                if d == 0 || d > max {
                    return Err(format!("`{s}`: day {d} does not exist in that month"));
                }
                Some(d as u8)
            }
            None => None,
        };
        Ok(Date::Partial { year, month, day })
    }

    /// Compares two dates on the precision both share; `present` is after
    /// every date.
    pub fn compare(&self, other: &Date) -> Ordering {
        match (self, other) {
            (Date::Present, Date::Present) => Ordering::Equal,
            (Date::Present, _) => Ordering::Greater,
            (_, Date::Present) => Ordering::Less,
            (
                Date::Partial { year: y1, month: m1, day: d1 },
                Date::Partial { year: y2, month: m2, day: d2 },
            ) => y1.cmp(y2).then_with(|| match (m1, m2) {
                (Some(a), Some(b)) => a.cmp(b).then_with(|| match (d1, d2) {
                    (Some(a), Some(b)) => a.cmp(b),
                    _ => Ordering::Equal,
                }),
                _ => Ordering::Equal,
            }),
        }
    }
}

pub(super) fn days_in_month(year: u16, month: u8) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Year, month and day of the day `days` after 1970-01-01. Counts in
/// 400-year eras starting in March, so that leap days fall at an era's end.
pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl fmt::Display for Date {
    /// The canonical ISO-like form, as written in the TOML.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Date::Present => f.write_str("present"),
            Date::Partial { year, month, day } => {
                write!(f, "{year:04}")?;
                if let Some(m) = month {
                    write!(f, "-{m:02}")?;
                }
                if let Some(d) = day {
                    write!(f, "-{d:02}")?;
                }
                Ok(())
            }
        }
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^([1-9][0-9]{3}(-[0-9]{2}(-[0-9]{2})?)?|[Pp]resent|PRESENT)$",
            "description": "A date as \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", or \"present\" for an ongoing role (end dates only).",
            "examples": ["2021", "2021-03", "present"]
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The one key of the table toml hands a bare date over in.
const TOML_DATETIME: &str = "$__toml_private_datetime";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date as \"YYYY\", \"YYYY-MM\", \"YYYY-MM-DD\" or \"present\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Date, E> {
                self.visit_str(&v.to_string())
            }
            /// A bare TOML date (`start_date = 2021-03-15`) arrives as a
            /// one-entry map holding its text.
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                let not_a_date = || {
                    de::Error::custom(
                        "expected a date as \"YYYY\", \"YYYY-MM\", \"YYYY-MM-DD\" or \"present\", not a table",
                    )
                };
                // Only the one key toml gives a bare date; any other table
                // (`{ junk = "2020-01" }`) is not a date.
                let Some(key) = map.next_key::<String>()? else { return Err(not_a_date()) };
                if key != TOML_DATETIME {
                    return Err(not_a_date());
                }
                let value: String = map.next_value()?;
                if map.next_key::<String>()?.is_some() {
                    return Err(not_a_date());
                }
                if value.contains('T') || value.contains(':') {
                    return Err(de::Error::custom(format!(
                        "`{value}` has a time; give only the date"
                    )));
                }
                self.visit_str(&value)
            }
        }
        d.deserialize_any(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_precision() {
        assert_eq!(Date::parse("2021").unwrap().to_string(), "2021");
        assert_eq!(Date::parse("2021-03").unwrap().to_string(), "2021-03");
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert_eq!(Date::parse("Present").unwrap(), Date::Present);
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2021-13").unwrap_err().contains("month 13"));
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("21").is_err());
        assert!(Date::parse("2021-3").is_err());
        assert!(Date::parse("soon").is_err());
        assert!(Date::parse("0000").unwrap_err().contains("the year 0000"));
        assert!(Date::parse("0999-01").is_err());
    }

    #[test]
    fn a_table_is_not_a_date_but_a_bare_toml_date_is() {
        #[derive(Deserialize)]
        struct T {
            d: Date,
        }
        let e = toml::from_str::<T>("d = { junk = \"2020-01\" }").err().unwrap();
        assert!(e.message().contains("not a table"), "{e}");
        assert_eq!(toml::from_str::<T>("d = 2021-03-15").unwrap().d.to_string(), "2021-03-15");
    }

    #[test]
    fn compares_on_shared_precision() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2021").compare(&d("2021-03")), Ordering::Equal);
        assert_eq!(d("2020-12").compare(&d("2021-01")), Ordering::Less);
        assert_eq!(d("2030").compare(&Date::Present), Ordering::Less);
    }
}
