//! Highlights: a bullet is either a plain string or a group — a lead-in line
//! ("Notable work included:") with its own bullets, one level deep.

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// One bullet, or a lead-in with nested bullets.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Highlight {
    Text(String),
    Group(Group),
}

/// A lead-in line with nested bullets; `numbered` lists them 1., 2., ….
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The lead-in line ("Notable work included:").
    pub text: String,
    /// The nested bullets.
    #[serde(default)]
    pub items: Vec<String>,
    /// Number the nested bullets 1., 2., … instead of bulleting them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub numbered: bool,
}

impl<'de> Deserialize<'de> for Highlight {
    /// A string is a bullet; a table is a group. Written by hand rather than
    /// `#[serde(untagged)]` so that a mistake inside a group is reported with
    /// the group's own message ("unknown field `itmes`"), not "no variant matched".
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct HighlightVisitor;
        impl<'de> Visitor<'de> for HighlightVisitor {
            type Value = Highlight;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a table { text = \"…\", items = [\"…\"] }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Highlight, E> {
                Ok(Highlight::Text(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Highlight, A::Error> {
                Group::deserialize(de::value::MapAccessDeserializer::new(map)).map(Highlight::Group)
            }
        }
        d.deserialize_any(HighlightVisitor)
    }
}
