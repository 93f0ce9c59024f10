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
    /// A bullet.
    Text(String),
    /// A lead-in line with bullets of its own.
    Group(Group),
}

/// A lead-in line with nested bullets; `numbered` lists them 1., 2., ….
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The lead-in line ("Notable work included:").
    pub text: String,
    /// The nested bullets.
    #[serde(default, deserialize_with = "one_level")]
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

/// A group's items: text only, since highlights nest one level deep. A
/// table among them gets a message that says so, rather than serde's
/// "invalid type: map".
fn one_level<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct Item(String);
    impl<'de> Deserialize<'de> for Item {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct ItemVisitor;
            impl<'de> Visitor<'de> for ItemVisitor {
                type Value = Item;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a string")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Item, E> {
                    Ok(Item(v.to_string()))
                }
                fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Item, A::Error> {
                    Err(de::Error::custom(
                        "highlights nest one level deep: a group's `items` are text, not groups",
                    ))
                }
            }
            d.deserialize_any(ItemVisitor)
        }
    }
    let items: Vec<Item> = Vec::deserialize(d)?;
    Ok(items.into_iter().map(|i| i.0).collect())
}
