//! The résumé model: typed sections in the JSON Resume vocabulary (snake_case
//! keys), partial dates, one level of nested highlights, free custom sections.
//! Owns parsing and validation of résumé files; knows nothing of geometry or
//! fonts.

mod date;
mod highlight;
mod load;

pub use date::Date;
pub use highlight::Highlight;
pub use load::{load, load_with, parse, parse_bytes};

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// A date as written in the file, with its place for error messages.
pub type DateField = Option<Spanned<Date>>;

/// A whole résumé. Only `basics.name` is required; every list may be empty.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Resume {
    #[serde(default, skip_serializing_if = "Meta::is_empty")]
    pub meta: Meta,
    pub basics: Basics,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work: Vec<Work>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volunteer: Vec<Volunteer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<Education>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Award>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<Certificate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<Publication>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<Skill>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<Interest>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CustomSection>,
}

/// Facts about the document rather than the person.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The résumé's language ("en-us", "de", "fr", "es"): picks the
    /// hyphenation patterns.
    pub language: Option<String>,
    /// When the résumé was last brought up to date (a theme may show it).
    pub last_modified: Option<Date>,
    /// The theme to render with when `--theme` is not given: a built-in
    /// name, or a file relative to the résumé.
    pub theme: Option<String>,
}

impl Meta {
    pub fn is_empty(&self) -> bool {
        self.language.is_none() && self.last_modified.is_none() && self.theme.is_none()
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Basics {
    pub name: String,
    pub label: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
    /// A photo (JPEG or PNG), relative to the résumé; shown by themes that
    /// place one.
    pub image: Option<String>,
    pub summary: Option<String>,
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<Profile>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country_code: Option<String>,
}

impl Location {
    /// "City, Region, CC" from whichever parts are present.
    pub fn one_line(&self) -> String {
        [&self.city, &self.region, &self.country_code]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub network: String,
    pub username: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Work {
    /// The organisation.
    pub name: Option<String>,
    pub position: Option<String>,
    pub url: Option<String>,
    pub location: Option<String>,
    pub start_date: DateField,
    pub end_date: DateField,
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Highlight>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Volunteer {
    pub organization: Option<String>,
    pub position: Option<String>,
    pub url: Option<String>,
    pub location: Option<String>,
    pub start_date: DateField,
    pub end_date: DateField,
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Highlight>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub institution: String,
    pub url: Option<String>,
    pub area: Option<String>,
    pub study_type: Option<String>,
    pub location: Option<String>,
    pub start_date: DateField,
    pub end_date: DateField,
    pub score: Option<String>,
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub courses: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub title: String,
    pub date: DateField,
    pub awarder: Option<String>,
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    pub name: String,
    pub date: DateField,
    pub issuer: Option<String>,
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub name: String,
    pub publisher: Option<String>,
    pub release_date: DateField,
    pub url: Option<String>,
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub name: String,
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub language: String,
    pub fluency: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Interest {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub name: String,
    pub reference: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub name: String,
    pub description: Option<String>,
    pub url: Option<String>,
    pub entity: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub start_date: DateField,
    pub end_date: DateField,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Highlight>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A section the JSON Resume vocabulary has no name for ("Talks", "Patents").
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CustomSection {
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<CustomEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CustomEntry {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub start_date: DateField,
    pub end_date: DateField,
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Highlight>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// The value of an optional date field, without its span.
pub fn date_of(field: &DateField) -> Option<Date> {
    field.as_ref().map(|s| *s.get_ref())
}
