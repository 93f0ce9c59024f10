//! The résumé model: typed sections in the JSON Resume vocabulary (snake_case
//! keys), partial dates, one level of nested highlights, free custom sections.
//! Owns parsing and validation of résumé files; knows nothing of geometry or
//! fonts.

mod clean;
mod date;
mod highlight;
pub mod json_resume;
pub mod letter;
pub mod lint;
pub(crate) mod load;
pub mod locate;
pub mod overlay;
mod private;
mod schema;
pub mod select;
mod strings;
pub mod translations;
pub mod versions;

pub use date::{Date, civil_from_days};
pub use highlight::{Group, Highlight, Tagged};
pub use load::{
    load, load_layered, load_public, load_with, load_with_warnings, parse, parse_bytes,
};
pub use schema::{json_schema, json_schema_of};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use toml::Spanned;

/// A date as written in the file, with its place for error messages.
pub type DateField = Option<Spanned<Date>>;

/// A whole résumé. Only `basics.name` is required; every list may be empty.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resume {
    /// Facts about the document: language, last update, theme.
    #[serde(default, skip_serializing_if = "Meta::is_empty")]
    pub meta: Meta,
    /// Who the résumé belongs to and how to reach them.
    pub basics: Basics,
    /// Jobs, most recent first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work: Vec<Work>,
    /// Volunteer work, most recent first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volunteer: Vec<Volunteer>,
    /// Degrees, diplomas and schools.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<Education>,
    /// Prizes and honours.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Award>,
    /// Certifications.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<Certificate>,
    /// Papers, articles, books.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<Publication>,
    /// Skills, grouped: a name and its keywords.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<Skill>,
    /// Spoken languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    /// Interests outside work.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<Interest>,
    /// References, or a note that they are available.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// Projects, most recent first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Sections the JSON Resume vocabulary has no name for ("Talks", "Patents").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CustomSection>,
    /// Tailored versions of the résumé, by name (`[variants.backend]`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub variants: BTreeMap<String, select::Variant>,
}

/// Facts about the document rather than the person.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The résumé's language, as a BCP 47 tag ("en", "de-CH", "pt-BR",
    /// "zh-Hant"): the words vita prints itself, how dates are written and
    /// the hyphenation patterns. In a file with several languages, the
    /// default one; `--lang` picks another.
    pub language: Option<String>,
    /// Which way lines run, "ltr" or "rtl"; by default the language's
    /// (Arabic, Hebrew, Persian and Urdu run right to left). Either way,
    /// right-to-left words in left-to-right text and the reverse (an
    /// e-mail address in an Arabic sentence) read in their own direction.
    pub direction: Option<crate::locale::Direction>,
    /// When the résumé was last brought up to date (a theme may show it).
    pub last_modified: Option<Date>,
    /// The theme to render with when `--theme` is not given: a built-in
    /// name, or a file relative to the résumé.
    pub theme: Option<String>,
    /// Your own words for titles and labels vita prints (`work =
    /// "Professional Experience"`), over the language's and the theme's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// Ends the references with the language's "References available on
    /// request."
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub references_on_request: bool,
    /// Sections shown only in some languages (`references = ["de"]`); a
    /// section not named here shows in every language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub section_languages: BTreeMap<String, Vec<String>>,
    /// Tags of whole sections (`publications = ["research"]`): a section
    /// named here shows only in variants that choose one of its tags.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub section_tags: BTreeMap<String, Vec<String>>,
}

impl Meta {
    /// Whether nothing is set, so that the table is left out when written.
    pub fn is_empty(&self) -> bool {
        self.language.is_none()
            && self.direction.is_none()
            && self.last_modified.is_none()
            && self.theme.is_none()
            && self.labels.is_empty()
            && !self.references_on_request
            && self.section_languages.is_empty()
            && self.section_tags.is_empty()
    }
}

/// Who the résumé belongs to and how to reach them.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basics {
    /// Your full name, as the résumé's title. Required.
    pub name: String,
    /// A headline under the name ("Platform Engineer").
    pub label: Option<String>,
    /// E-mail address; a clickable link in the PDF.
    pub email: Option<String>,
    /// Phone number; a clickable link in the PDF.
    pub phone: Option<String>,
    /// Your website.
    pub url: Option<String>,
    /// A photo (JPEG or PNG), relative to the résumé; shown by themes that
    /// place one.
    pub image: Option<String>,
    /// A short introduction; a blank line starts a new paragraph.
    pub summary: Option<String>,
    /// Where you live (city, region, country code).
    pub location: Option<Location>,
    /// Online profiles (GitHub, LinkedIn, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<Profile>,
}

/// A postal address; each part optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Street address.
    pub address: Option<String>,
    /// Postal or ZIP code.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State, province or region.
    pub region: Option<String>,
    /// Country code, e.g. "US" or "DE".
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

/// An online profile.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The network's name ("GitHub", "LinkedIn"). Required.
    pub network: String,
    /// Your user name there.
    pub username: Option<String>,
    /// The profile's address.
    pub url: Option<String>,
    /// Labels for tailored variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A job.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Work {
    /// The organisation.
    pub name: Option<String>,
    /// Your job title.
    pub position: Option<String>,
    /// The organisation's website.
    pub url: Option<String>,
    /// Where the job was ("Berlin, Germany", "Remote").
    pub location: Option<String>,
    /// When it started.
    #[schemars(with = "Option<Date>")]
    pub start_date: DateField,
    /// When it ended, or "present".
    #[schemars(with = "Option<Date>")]
    pub end_date: DateField,
    /// A paragraph about the role; a blank line starts a new one.
    pub summary: Option<String>,
    /// Achievements as bullets: a string, or a group { text, items, numbered }.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Highlight>,
    /// Labels for tailored variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// Volunteer work.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Volunteer {
    /// The organisation.
    pub organization: Option<String>,
    /// Your role.
    pub position: Option<String>,
    /// The organisation's website.
    pub url: Option<String>,
    /// Where it was.
    pub location: Option<String>,
    /// When it started.
    #[schemars(with = "Option<Date>")]
    pub start_date: DateField,
    /// When it ended, or "present".
    #[schemars(with = "Option<Date>")]
    pub end_date: DateField,
    /// A paragraph about the role.
    pub summary: Option<String>,
    /// Achievements as bullets: a string, or a group { text, items, numbered }.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Highlight>,
    /// Labels for tailored variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A degree, diploma or school.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    /// The school or university. Required.
    pub institution: String,
    /// The institution's website.
    pub url: Option<String>,
    /// The field of study ("Computer Science").
    pub area: Option<String>,
    /// The degree ("Master of Science", "B.Sc.").
    pub study_type: Option<String>,
    /// Where it was.
    pub location: Option<String>,
    /// When it started.
    #[schemars(with = "Option<Date>")]
    pub start_date: DateField,
    /// When it ended (or is expected to), or "present".
    #[schemars(with = "Option<Date>")]
    pub end_date: DateField,
    /// Grade or GPA.
    pub score: Option<String>,
    /// A paragraph: thesis, focus, honours.
    pub summary: Option<String>,
    /// Notable courses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub courses: Vec<String>,
    /// Labels for tailored variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A prize or honour.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Award {
    /// The award's name. Required.
    pub title: String,
    /// When it was given.
    #[schemars(with = "Option<Date>")]
    pub date: DateField,
    /// Who gave it.
    pub awarder: Option<String>,
    /// What it was for.
    pub summary: Option<String>,
    /// Labels for tailored variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A certification.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// The certificate's name. Required.
    pub name: String,
    /// When it was issued.
    #[schemars(with = "Option<Date>")]
    pub date: DateField,
    /// Who issued it.
    pub issuer: Option<String>,
    /// Where it can be verified.
    pub url: Option<String>,
    /// Labels for tailored variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A paper, article or book.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// The title. Required.
    pub name: String,
    /// Journal, conference or publisher.
    pub publisher: Option<String>,
    /// When it was published.
    #[schemars(with = "Option<Date>")]
    pub release_date: DateField,
    /// Where to read it.
    pub url: Option<String>,
    /// What it is about.
    pub summary: Option<String>,
    /// Labels for tailored variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A skill, or a group of skills under one name.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// The skill or group of skills ("Infrastructure"). Required.
    pub name: String,
    /// How good you are ("Expert").
    pub level: Option<String>,
    /// The skills themselves ("Kubernetes", "Terraform"), each a string or
    /// `{ text, tags }`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<Tagged>,
    /// Labels for tailored variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A language you speak.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// The language. Required.
    pub language: String,
    /// How well ("Native", "Fluent", "C1").
    pub fluency: Option<String>,
}

/// An interest outside work.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interest {
    /// The interest. Required.
    pub name: String,
    /// Details.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

/// A reference.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Who gives the reference. Required.
    pub name: String,
    /// What they say, or how to reach them.
    pub reference: Option<String>,
}

/// A project.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The project's name. Required.
    pub name: String,
    /// What it is.
    pub description: Option<String>,
    /// Where to see it.
    pub url: Option<String>,
    /// Who it was for or with (company, organisation).
    pub entity: Option<String>,
    /// What kind of project ("application", "talk"); the key is `type`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// When it started.
    #[schemars(with = "Option<Date>")]
    pub start_date: DateField,
    /// When it ended, or "present".
    #[schemars(with = "Option<Date>")]
    pub end_date: DateField,
    /// Your roles in it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Achievements as bullets: a string, or a group { text, items, numbered }.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Highlight>,
    /// Technologies or topics, each a string or `{ text, tags }`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<Tagged>,
    /// Labels for tailored variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A section the JSON Resume vocabulary has no name for ("Talks", "Patents").
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomSection {
    /// The section's heading ("Talks"). Required.
    pub title: String,
    /// The section's entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<CustomEntry>,
    /// Labels for tailored variants: the whole section shows only in
    /// variants that choose one of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// An entry of a custom section.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomEntry {
    /// The entry's title.
    pub title: Option<String>,
    /// A second line: venue, organisation, role.
    pub subtitle: Option<String>,
    /// Where it was.
    pub location: Option<String>,
    /// A link for the entry.
    pub url: Option<String>,
    /// When it started (or the one date of the entry).
    #[schemars(with = "Option<Date>")]
    pub start_date: DateField,
    /// When it ended, or "present".
    #[schemars(with = "Option<Date>")]
    pub end_date: DateField,
    /// A paragraph about it.
    pub summary: Option<String>,
    /// Bullets: a string, or a group { text, items, numbered }.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Highlight>,
    /// Labels for tailored variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// The value of an optional date field, without its span.
pub fn date_of(field: &DateField) -> Option<Date> {
    field.as_ref().map(|s| *s.get_ref())
}
