//! The built-in locales, embedded, and how a BCP 47 tag finds one: the
//! exact locale, then the conventional one for its script or region
//! (zh-TW → zh-Hant, pt → pt-BR as CLDR has it, no → nb), then the
//! language alone (de-AT → de).

/// Which way a language's lines run: its locale's, unless the résumé's
/// `meta.direction` says otherwise.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, schemars::JsonSchema,
)]
pub enum Direction {
    /// Left to right, as in Latin, Cyrillic or Devanagari script.
    #[serde(rename = "ltr")]
    LeftToRight,
    /// Right to left, as in Arabic or Hebrew script: the page is mirrored
    /// (the header, the date column, bullets and the sidebar change
    /// sides) and paragraphs start at the right.
    #[serde(rename = "rtl")]
    RightToLeft,
}

/// One built-in locale: its tag, its words and its CLDR facts.
#[derive(Debug)]
pub struct Entry {
    /// Its BCP 47 tag ("de", "pt-BR").
    pub tag: &'static str,
    /// Which way its lines run.
    pub direction: Direction,
    /// Its words file (locales/TAG.toml).
    pub words: &'static str,
    /// Its CLDR facts (locales/cldr/TAG.toml).
    pub cldr: &'static str,
}

macro_rules! locales {
    ($($tag:literal $dir:ident),* $(,)?) => {
        /// Every built-in locale, in the order `vita` lists them.
        pub const LOCALES: &[Entry] = &[$(Entry {
            tag: $tag,
            direction: Direction::$dir,
            words: include_str!(concat!("../../locales/", $tag, ".toml")),
            cldr: include_str!(concat!("../../locales/cldr/", $tag, ".toml")),
        }),*];
    };
}

locales! {
    "en" LeftToRight, "en-GB" LeftToRight, "de" LeftToRight, "fr" LeftToRight,
    "es" LeftToRight, "it" LeftToRight, "pt-PT" LeftToRight, "pt-BR" LeftToRight,
    "nl" LeftToRight, "da" LeftToRight, "sv" LeftToRight, "nb" LeftToRight,
    "nn" LeftToRight, "fi" LeftToRight, "pl" LeftToRight, "cs" LeftToRight,
    "hu" LeftToRight, "tr" LeftToRight, "ru" LeftToRight, "uk" LeftToRight,
    "el" LeftToRight, "id" LeftToRight, "vi" LeftToRight, "hi" LeftToRight,
    "ar" RightToLeft, "fa" RightToLeft, "he" RightToLeft, "zh-Hans" LeftToRight,
    "zh-Hant" LeftToRight, "ja" LeftToRight, "ko" LeftToRight,
}

/// Language subtags that name a built-in locale by another name:
/// Norwegian as Bokmål, and deprecated ISO 639 codes still in use.
const ALIASES: &[(&str, &str)] = &[("no", "nb"), ("iw", "he"), ("in", "id")];

/// English outside North America writes dates and words as in Britain.
const BRITISH_ENGLISH: &[&str] =
    &["gb", "uk", "au", "nz", "ie", "za", "in", "sg", "hk", "mt", "001", "150"];

/// The built-in locale for a BCP 47 tag, case-insensitively; `None` when
/// vita has none for its language.
pub fn resolve(tag: &str) -> Option<&'static Entry> {
    let lower = tag.trim().replace('_', "-").to_ascii_lowercase();
    let find = |t: &str| LOCALES.iter().find(|e| e.tag.eq_ignore_ascii_case(t));
    if let Some(e) = find(&lower) {
        return Some(e);
    }
    let mut subtags = lower.split('-');
    let language = subtags.next().filter(|l| !l.is_empty())?;
    let rest: Vec<&str> = subtags.collect();
    let has = |any: &[&str]| rest.iter().any(|s| any.contains(s));
    match language {
        "zh" if has(&["hant", "tw", "hk", "mo"]) => find("zh-Hant"),
        "zh" => find("zh-Hans"),
        // CLDR's "pt" is Brazilian; every other region writes as Portugal.
        "pt" if rest.is_empty() || has(&["br"]) => find("pt-BR"),
        "pt" => find("pt-PT"),
        "en" if has(BRITISH_ENGLISH) => find("en-GB"),
        _ => {
            let alias = ALIASES.iter().find(|(a, _)| *a == language).map(|(_, t)| *t);
            find(alias.unwrap_or(language))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_find_the_nearest_locale() {
        let tag = |t: &str| resolve(t).map(|e| e.tag);
        assert_eq!(tag("de"), Some("de"));
        assert_eq!(tag("DE-ch"), Some("de"));
        assert_eq!(tag("en-us"), Some("en"));
        assert_eq!(tag("en_AU"), Some("en-GB"));
        assert_eq!(tag("en-CA"), Some("en"));
        assert_eq!(tag("fr-CA"), Some("fr"));
        assert_eq!(tag("pt"), Some("pt-BR"));
        assert_eq!(tag("pt-AO"), Some("pt-PT"));
        assert_eq!(tag("zh-TW"), Some("zh-Hant"));
        assert_eq!(tag("zh-Hant-HK"), Some("zh-Hant"));
        assert_eq!(tag("zh-Hans"), Some("zh-Hans"));
        assert_eq!(tag("zh"), Some("zh-Hans"));
        assert_eq!(tag("no"), Some("nb"));
        assert_eq!(tag("iw"), Some("he"));
        assert_eq!(tag("xx"), None);
        assert_eq!(tag(""), None);
    }
}
