//! The JSON Resume 1.0 document as serde types: camelCase keys, dates as
//! plain strings (checked later, with their place), every field optional as
//! JSON Resume has it, except the ones vita needs to name an entry. Fields
//! marked *vita* are extensions that JSON Resume allows (its objects accept
//! extra properties) and that carry what vita models beyond the standard:
//! tags, locations, education summaries, custom sections, highlight groups.
//! Serialising these types gives the export; deserialising them the import.
//!
//! They mirror the model's types field for field, and the `duplicates` tool
//! sees that. They stay separate because serde cannot combine `flatten`
//! with `deny_unknown_fields`: the model refuses unknown keys in a TOML
//! résumé, while a JSON Resume document must accept (and report) the
//! fields other tools add, under other key names.

use crate::model::{Highlight, Tagged};
use serde::{Deserialize, Deserializer, Serialize};

/// `null` where a list is expected reads as an empty list.
fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Option::<Vec<T>>::deserialize(d).map(Option::unwrap_or_default)
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct JResume {
    /// The schema the file names; read and dropped, written back as the
    /// JSON Resume schema.
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub basics: JBasics,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub work: Vec<JWork>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub volunteer: Vec<JVolunteer>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<JEducation>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<JAward>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<JCertificate>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<JPublication>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<JSkill>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<JLanguage>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<JInterest>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<JReference>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<JProject>,
    /// *vita*: sections with a title of their own.
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<JCustomSection>,
    #[serde(skip_serializing_if = "JMeta::is_empty")]
    pub meta: JMeta,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct JBasics {
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `website` is JSON Resume 0.x's name for it.
    #[serde(alias = "website", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<JLocation>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<JProfile>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct JLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JProfile {
    pub network: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// *vita*
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct JWork {
    /// `company` is JSON Resume 0.x's name for it.
    #[serde(alias = "company", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    #[serde(alias = "website", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
    /// *vita*: the same bullets with their groups, written when there are
    /// groups; read while `highlights` still holds their flattened form.
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub vita_highlights: Vec<Highlight>,
    /// *vita*
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct JVolunteer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    #[serde(alias = "website", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// *vita*
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
    /// *vita*: the same bullets with their groups, written when there are
    /// groups; read while `highlights` still holds their flattened form.
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub vita_highlights: Vec<Highlight>,
    /// *vita*
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JEducation {
    pub institution: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_type: Option<String>,
    /// *vita*
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<String>,
    /// *vita*
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub courses: Vec<String>,
    /// *vita*
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JAward {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awarder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// *vita*
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JCertificate {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// *vita*
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JPublication {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_date: Option<String>,
    #[serde(default, alias = "website", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// *vita*
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JSkill {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// *vita*: the same keywords with their tags, written when any has
    /// tags; read while `keywords` still holds their text.
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub vita_keywords: Vec<Tagged>,
    /// *vita*
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JLanguage {
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fluency: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JInterest {
    pub name: String,
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JReference {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JProject {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
    /// *vita*: the same bullets with their groups, written when there are
    /// groups; read while `highlights` still holds their flattened form.
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub vita_highlights: Vec<Highlight>,
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// *vita*: the same keywords with their tags (see [`JSkill`]).
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub vita_keywords: Vec<Tagged>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(default, alias = "website", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// *vita*
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JCustomSection {
    pub title: String,
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<JCustomEntry>,
    #[serde(default, deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct JCustomEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
    /// *vita*: the same bullets with their groups, written when there are
    /// groups; read while `highlights` still holds their flattened form.
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub vita_highlights: Vec<Highlight>,
    #[serde(deserialize_with = "list", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct JMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// *vita*: the résumé's language (a BCP 47 tag).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// *vita*: which way lines run, "ltr" or "rtl".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<crate::locale::Direction>,
    /// *vita*: the theme to render with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// *vita*: the résumé's own words for titles and labels.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub labels: std::collections::BTreeMap<String, String>,
    /// *vita*: end the references with "References available on request."
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub references_on_request: bool,
    /// *vita*: sections shown only in some languages.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub section_languages: std::collections::BTreeMap<String, Vec<String>>,
    /// *vita*
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub section_tags: std::collections::BTreeMap<String, Vec<String>>,
}

impl JMeta {
    pub(super) fn is_empty(&self) -> bool {
        self.last_modified.is_none()
            && self.language.is_none()
            && self.direction.is_none()
            && self.theme.is_none()
            && self.labels.is_empty()
            && !self.references_on_request
            && self.section_languages.is_empty()
            && self.section_tags.is_empty()
    }
}
