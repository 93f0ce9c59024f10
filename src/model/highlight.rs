//! Highlights and tagged text. A bullet is either a plain string or a
//! group — a lead-in line ("Notable work included:") with its own bullets,
//! one level deep. A bullet, a group's item and a skill's keyword may carry
//! tags for tailored variants: `{ text = "…", tags = ["backend"] }`.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// A piece of text that may carry tags: written as a string, or as
/// `{ text = "…", tags = ["backend"] }`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tagged {
    /// The text.
    pub text: String,
    /// Labels for tailored variants; none shows it in every variant.
    pub tags: Vec<String>,
}

impl std::ops::Deref for Tagged {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl From<&str> for Tagged {
    fn from(text: &str) -> Tagged {
        Tagged { text: text.to_string(), tags: Vec::new() }
    }
}

impl From<String> for Tagged {
    fn from(text: String) -> Tagged {
        Tagged { text, tags: Vec::new() }
    }
}

impl Serialize for Tagged {
    /// A string when untagged, so that files without tags read as before.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.tags.is_empty() {
            return s.serialize_str(&self.text);
        }
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("text", &self.text)?;
        map.serialize_entry("tags", &self.tags)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for Tagged {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TaggedVisitor;
        impl<'de> Visitor<'de> for TaggedVisitor {
            type Value = Tagged;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a table { text = \"…\", tags = [\"…\"] }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Tagged, E> {
                Ok(Tagged::from(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tagged, A::Error> {
                let (mut text, mut tags) = (None, Vec::new());
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match &*key {
                        "text" => text = Some(map.next_value()?),
                        "tags" => tags = map.next_value()?,
                        "items" => {
                            return Err(de::Error::custom(
                                "highlights nest one level deep: a group's `items` are text, \
                                 not groups",
                            ));
                        }
                        other => return Err(de::Error::unknown_field(other, &["text", "tags"])),
                    }
                }
                let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                Ok(Tagged { text, tags })
            }
        }
        d.deserialize_any(TaggedVisitor)
    }
}

impl JsonSchema for Tagged {
    fn schema_name() -> Cow<'static, str> {
        "Tagged".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text, or text with tags for tailored variants: { text = \"…\", tags = [\"backend\"] }.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": {
                        "text": { "type": "string", "description": "The text." },
                        "tags": {
                            "type": "array",
                            "items": { "type": "string" },
                            "description": "Shown only in variants that choose one of these tags."
                        }
                    },
                    "required": ["text"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// One bullet, or a lead-in with nested bullets.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Highlight {
    /// A bullet, tagged or not.
    Text(Tagged),
    /// A lead-in line with bullets of its own.
    Group(Group),
}

impl Highlight {
    /// The bullet's text, or the group's lead-in.
    pub fn text(&self) -> &str {
        match self {
            Highlight::Text(t) => t,
            Highlight::Group(g) => &g.text,
        }
    }

    /// The bullet's or the group's tags.
    pub fn tags(&self) -> &[String] {
        match self {
            Highlight::Text(t) => &t.tags,
            Highlight::Group(g) => &g.tags,
        }
    }
}

impl From<&str> for Highlight {
    fn from(text: &str) -> Highlight {
        Highlight::Text(text.into())
    }
}

/// A lead-in line with nested bullets; `numbered` lists them 1., 2., ….
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The lead-in line ("Notable work included:").
    pub text: String,
    /// The nested bullets, each a string or `{ text, tags }`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Tagged>,
    /// Number the nested bullets 1., 2., … instead of bulleting them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub numbered: bool,
    /// Labels for tailored variants: the group and its bullets show only
    /// in variants that choose one of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl<'de> Deserialize<'de> for Highlight {
    /// A string is a bullet; a table is a group, or a tagged bullet when it
    /// has no `items`. Written by hand rather than `#[serde(untagged)]` so
    /// that a mistake inside a group is reported with the group's own
    /// message ("unknown field `itmes`"), not "no variant matched".
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct HighlightVisitor;
        impl<'de> Visitor<'de> for HighlightVisitor {
            type Value = Highlight;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a table { text = \"…\", items = [\"…\"] }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Highlight, E> {
                Ok(Highlight::from(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Highlight, A::Error> {
                let group = Group::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(if group.items.is_empty() && !group.numbered {
                    Highlight::Text(Tagged { text: group.text, tags: group.tags })
                } else {
                    Highlight::Group(group)
                })
            }
        }
        d.deserialize_any(HighlightVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Serialize)]
    struct Doc {
        highlights: Vec<Highlight>,
    }

    #[test]
    fn a_table_without_items_is_a_tagged_bullet_and_writes_back_the_same() {
        let text = "highlights = [\"Plain\", { text = \"Tagged\", tags = [\"a\"] }, \
                    { text = \"Lead:\", items = [\"x\", { text = \"y\", tags = [\"b\"] }] }]\n";
        let doc: Doc = toml::from_str(text).unwrap();
        assert_eq!(doc.highlights[0], Highlight::from("Plain"));
        let tagged = Tagged { text: "Tagged".into(), tags: vec!["a".into()] };
        assert_eq!(doc.highlights[1], Highlight::Text(tagged));
        let Highlight::Group(g) = &doc.highlights[2] else { panic!("a group") };
        assert_eq!(g.items[1].tags, ["b"]);
        assert_eq!(&*g.items[0], "x");
        let again: Doc = toml::from_str(&toml::to_string(&doc).unwrap()).unwrap();
        assert_eq!(again.highlights, doc.highlights);
    }

    #[test]
    fn a_group_inside_a_group_is_refused_by_name() {
        let text =
            "highlights = [{ text = \"Lead:\", items = [{ text = \"x\", items = [\"y\"] }] }]";
        let err = toml::from_str::<Doc>(text).err().unwrap().to_string();
        assert!(err.contains("nest one level deep"), "{err}");
    }
}
