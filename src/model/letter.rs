//! Cover letters and applications: the files beside a résumé that one
//! application needs. A letter holds the recipient, the date, the subject,
//! the salutation, the body (with the résumé's inline markup), the closing
//! and a signature, and names the résumé it goes with, whose sender,
//! theme and language it takes. An application names a résumé, a variant,
//! overlays and a letter, so that one command writes everything for it.

use crate::diag::{self, Diagnostic};
use crate::limits::Limits;
use crate::theme::Window;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// A cover letter (`vita init --letter` writes a starter).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Letter {
    /// The résumé the letter goes with, relative to the letter: the
    /// sender's name and contact details, the theme and the language come
    /// from it. Required.
    pub resume: String,
    /// When the letter is dated: "today" (the day it is rendered, or
    /// SOURCE_DATE_EPOCH's), or a day as "2026-03-14". Written out in the
    /// résumé's language.
    #[serde(default)]
    pub date: Day,
    /// A place written before the date ("Berlin, 14 March 2026").
    pub place: Option<String>,
    /// Who the letter is for.
    #[serde(default)]
    pub recipient: Recipient,
    /// The subject line, set in bold above the salutation.
    pub subject: Option<String>,
    /// The greeting ("Dear Ms Rivera,").
    pub salutation: Option<String>,
    /// The letter itself: paragraphs separated by a blank line, with the
    /// résumé's inline markup. Required.
    pub body: String,
    /// The closing ("Kind regards,"); the sender's name follows it.
    pub closing: Option<String>,
    /// An image of the signature (PNG or JPEG), relative to the letter,
    /// set between the closing and the name.
    pub signature: Option<String>,
    /// The envelope window the recipient's address is placed for: "din5008",
    /// "us10" or "none"; by default the theme's `letter.window`.
    pub window: Option<Window>,
}

/// The letter's recipient; every part optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Their name.
    pub name: Option<String>,
    /// Their title or role.
    pub title: Option<String>,
    /// The organisation.
    pub organization: Option<String>,
    /// The postal address, a line each.
    #[serde(default)]
    pub address: Vec<String>,
}

impl Recipient {
    /// The address block, a line each: name, title, organisation, address.
    pub fn lines(&self) -> Vec<String> {
        let head = [&self.name, &self.title, &self.organization].into_iter().flatten();
        let lines = head.chain(&self.address).map(|l| l.trim().to_string());
        lines.filter(|l| !l.is_empty()).collect()
    }
}

/// The day a letter is dated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Day {
    /// The day it is rendered.
    #[default]
    Today,
    /// A given day.
    On {
        /// The year.
        year: u16,
        /// The month, 1–12.
        month: u8,
        /// The day of the month.
        day: u8,
    },
}

impl Day {
    /// The year, month and day, with "today" taken from `now` (seconds
    /// since the Unix epoch).
    pub fn ymd(self, now: i64) -> (u16, u8, u8) {
        match self {
            Day::On { year, month, day } => (year, month, day),
            Day::Today => civil(now.div_euclid(86_400)),
        }
    }
}

/// The civil date of `days` since 1970-01-01, in a year a date has.
fn civil(days: i64) -> (u16, u8, u8) {
    let (year, month, day) = super::civil_from_days(days);
    (year.clamp(0, 9999) as u16, month, day)
}

impl<'de> Deserialize<'de> for Day {
    /// A string, or a TOML date written bare (`date = 2026-03-14`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        struct DayVisitor;
        impl<'de> serde::de::Visitor<'de> for DayVisitor {
            type Value = String;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("\"today\" or a date as \"2026-03-14\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
                Ok(v.to_string())
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<String, A::Error> {
                let map = serde::de::value::MapAccessDeserializer::new(map);
                toml::value::Datetime::deserialize(map).map(|d| d.to_string())
            }
        }
        let text = d.deserialize_any(DayVisitor)?;
        let text = text.trim();
        if text.eq_ignore_ascii_case("today") {
            return Ok(Day::Today);
        }
        let bad = || {
            serde::de::Error::custom(format!(
                "`{text}` is not a day: write \"today\" or a date as \"2026-03-14\""
            ))
        };
        let parts: Vec<&str> = text.split('-').collect();
        let [y, m, d] = parts[..] else { return Err(bad()) };
        let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u16>(), m.parse::<u8>(), d.parse::<u8>())
        else {
            return Err(bad());
        };
        let valid = y.len() == 4 && (1..=12).contains(&month) && day >= 1;
        if !valid || u32::from(day) > super::date::days_in_month(year, month) {
            return Err(bad());
        }
        Ok(Day::On { year, month, day })
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Day::Today => s.serialize_str("today"),
            Day::On { year, month, day } => {
                s.serialize_str(&format!("{year:04}-{month:02}-{day:02}"))
            }
        }
    }
}

impl JsonSchema for Day {
    fn schema_name() -> Cow<'static, str> {
        "Day".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^([Tt]oday|TODAY|[0-9]{4}-[0-9]{2}-[0-9]{2})$",
            "description": "\"today\", or a day as \"YYYY-MM-DD\".",
            "examples": ["today", "2026-03-14"]
        })
    }
}

/// One application (`vita render applications/acme.toml`): the résumé,
/// the variant and overlays it is tailored with, and the letter that goes
/// with it; the outputs are named after the file.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// The résumé, relative to this file. Required.
    pub resume: String,
    /// The résumé's variant to render (`[variants.NAME]`).
    pub variant: Option<String>,
    /// Overlays merged over the résumé, in order, relative to this file.
    #[serde(default, deserialize_with = "one_or_many")]
    pub overlay: Vec<String>,
    /// The cover letter, relative to this file.
    pub letter: Option<String>,
    /// Write one PDF (and one text) with the letter, then the résumé.
    #[serde(default)]
    pub combine: bool,
}

/// A string or a list of strings, as a list.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Many {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Many::deserialize(d)? {
        Many::One(one) => vec![one],
        Many::Many(many) => many,
    })
}

/// What a TOML file given to `vita render` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A résumé (or anything else: the résumé reader reports it).
    Resume,
    /// A cover letter: it names a résumé and has a body.
    Letter,
    /// An application: it names a résumé and a variant, overlay or letter.
    Application,
}

/// Which kind of file `text` (read from `path`) is, by its top-level keys.
pub fn kind(path: &Path, text: &str) -> Kind {
    // A résumé opens its [basics] table on a line of its own: no need to
    // parse it twice.
    let basics = text.lines().any(|l| l.trim_start().starts_with("[basics"));
    if super::json_resume::is_json(path) || basics {
        return Kind::Resume;
    }
    let Ok(table) = toml::de::DeTable::parse(text.trim_start_matches('\u{feff}')) else {
        return Kind::Resume;
    };
    let has = |keys: &[&str]| keys.iter().any(|k| table.get_ref().contains_key(*k));
    // By the keys only one kind has, so that a file missing a required
    // key is still read as what it is and told what it lacks.
    if has(&["basics", "meta", "work", "education", "skills", "variants"]) {
        Kind::Resume
    } else if has(&["body", "recipient", "salutation", "subject", "closing", "signature"]) {
        Kind::Letter
    } else if has(&["variant", "overlay", "letter", "combine"]) {
        Kind::Application
    } else if has(&["resume"]) {
        Kind::Letter
    } else {
        Kind::Resume
    }
}

/// Reads a TOML file of type `T` (a letter, an application) under
/// `limits`, with its problems placed at their line.
pub fn read<T: serde::de::DeserializeOwned>(path: &Path, limits: &Limits) -> Result<T, Diagnostic> {
    let bytes = super::load::read_file(path, limits)?;
    let text = super::load::utf8(&bytes, path)?;
    let text = text.trim_start_matches('\u{feff}');
    toml::from_str(text).map_err(|e| diag::from_toml_error(&e, text, path))
}

/// `name` relative to the folder of `file`.
pub fn beside(file: &Path, name: &str) -> PathBuf {
    crate::input::folder_of(file).join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_today_or_whole_dates() {
        let day = |s: &str| {
            toml::from_str::<Letter>(&format!("resume = \"r\"\nbody = \"b\"\ndate = \"{s}\""))
                .map(|l| l.date)
        };
        assert_eq!(day("today").unwrap(), Day::Today);
        let bare = toml::from_str::<Letter>("resume = \"r\"\nbody = \"b\"\ndate = 2026-03-14");
        assert_eq!(bare.unwrap().date, Day::On { year: 2026, month: 3, day: 14 });
        assert_eq!(day("2026-03-14").unwrap(), Day::On { year: 2026, month: 3, day: 14 });
        for bad in ["2026-02-30", "2026-3", "14.03.2026", "soon"] {
            let err = day(bad).unwrap_err().to_string();
            assert!(err.contains("is not a day"), "{bad}: {err}");
        }
        // 2026-12-07 is 20 794 days after 1970-01-01.
        assert_eq!(Day::Today.ymd(20_794 * 86_400 + 3600), (2026, 12, 7));
        assert_eq!(Day::Today.ymd(0), (1970, 1, 1));
        assert_eq!(civil(-1), (1969, 12, 31));
    }

    #[test]
    fn files_are_told_apart_by_their_keys() {
        let p = Path::new("a.toml");
        assert_eq!(kind(p, "[basics]\nname = \"A\"\n"), Kind::Resume);
        assert_eq!(kind(p, "resume = \"cv.toml\"\nbody = \"Hi\"\n"), Kind::Letter);
        assert_eq!(kind(p, "resume = \"cv.toml\"\nvariant = \"x\"\n"), Kind::Application);
        assert_eq!(kind(p, "not toml ["), Kind::Resume);
        assert_eq!(kind(Path::new("a.json"), "{}"), Kind::Resume);
    }
}
