//! Hyphenation: where a word may be broken, from Liang's TeX patterns (the
//! `hyphenation` crate, dictionaries embedded in the binary), with the rules
//! a résumé needs on top: never URLs, e-mail addresses, words with digits,
//! or all-capital acronyms; minimum word and fragment lengths.

use hyphenation::{Hyphenator as _, Language, Load, Standard};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The embedded patterns of each built-in locale that has them (by its tag,
/// see `crate::locale`), and of Swiss German, which writes ss for ß.
/// Vietnamese, Arabic, Persian, Hebrew, Chinese, Japanese and Korean have
/// none: their words are not hyphenated.
const LANGUAGES: &[(&str, Language)] = &[
    ("en", Language::EnglishUS),
    ("en-us", Language::EnglishUS),
    ("en-gb", Language::EnglishGB),
    ("de", Language::German1996),
    ("de-ch", Language::GermanSwiss),
    ("fr", Language::French),
    ("es", Language::Spanish),
    ("it", Language::Italian),
    ("pt-pt", Language::Portuguese),
    ("pt-br", Language::Portuguese),
    ("nl", Language::Dutch),
    ("da", Language::Danish),
    ("sv", Language::Swedish),
    ("nb", Language::NorwegianBokmal),
    ("nn", Language::NorwegianNynorsk),
    ("fi", Language::Finnish),
    ("pl", Language::Polish),
    ("cs", Language::Czech),
    ("hu", Language::Hungarian),
    ("tr", Language::Turkish),
    ("ru", Language::Russian),
    ("uk", Language::Ukrainian),
    ("el", Language::GreekMono),
    ("id", Language::Indonesian),
    ("hi", Language::Hindi),
];

/// The code [`Hyphenator::new`] takes for a locale's tag; `None` when there
/// are no patterns for its language.
pub fn code_for(tag: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|(c, _)| c.eq_ignore_ascii_case(tag)).map(|(c, _)| *c)
}

/// A configured hyphenator for one language. Its patterns are loaded on
/// first use: text that sets well unhyphenated never needs them.
pub struct Hyphenator {
    lang: Language,
    dict: std::cell::OnceCell<Option<&'static Standard>>,
    min_word: usize,
    min_before: usize,
    min_after: usize,
}

impl Hyphenator {
    /// A hyphenator for `code` (e.g. "en-us"); `None` if unsupported.
    pub fn new(
        code: &str,
        min_word: usize,
        min_before: usize,
        min_after: usize,
    ) -> Option<Hyphenator> {
        let lang = LANGUAGES.iter().find(|(c, _)| c.eq_ignore_ascii_case(code))?.1;
        let dict = std::cell::OnceCell::new();
        Some(Hyphenator { lang, dict, min_word, min_before, min_after })
    }

    /// Byte offsets in `word` where a hyphen may be inserted. `word` is one
    /// run of letters; anything that does not look like a plain word gets
    /// no breaks.
    pub fn points(&self, word: &str) -> Vec<usize> {
        let letters = word.chars().count();
        if letters < self.min_word || !hyphenatable(word) {
            return Vec::new();
        }
        let lower = word.to_lowercase();
        if lower.len() != word.len() {
            return Vec::new(); // case mapping changed byte offsets; stay safe
        }
        let Some(dict) = *self.dict.get_or_init(|| dictionary(self.lang)) else {
            return Vec::new();
        };
        opportunities(dict, &lower)
            .into_iter()
            .filter(|&i| {
                let before = word[..i].chars().count();
                before >= self.min_before && letters - before >= self.min_after
            })
            .collect()
    }
}

/// Whether a word may be hyphenated at all: letters only (apostrophes
/// allowed), not an acronym.
fn hyphenatable(word: &str) -> bool {
    let letters_only = word.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’');
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    letters_only && capitals < 2
}

/// The dictionary's break points for a lower-case word, remembered per
/// thread: résumé prose repeats its words, and re-layouts repeat them all.
fn opportunities(dict: &'static Standard, word: &str) -> Vec<usize> {
    type Seen = HashMap<(usize, Box<str>), Vec<usize>>;
    thread_local! {
        static SEEN: std::cell::RefCell<Seen> = Default::default();
    }
    /// Words remembered before the cache starts afresh.
    const MAX_WORDS: usize = 50_000;
    let key = (dict as *const Standard as usize, Box::<str>::from(word));
    SEEN.with_borrow_mut(|seen| {
        if let Some(points) = seen.get(&key) {
            return points.clone();
        }
        let points = dict.opportunities(word);
        if seen.len() >= MAX_WORDS {
            seen.clear();
        }
        seen.insert(key, points.clone());
        points
    })
}

fn dictionary(lang: Language) -> Option<&'static Standard> {
    static CACHE: OnceLock<Mutex<HashMap<Language, &'static Standard>>> = OnceLock::new();
    let mut cache = CACHE.get_or_init(Default::default).lock().ok()?;
    if let Some(d) = cache.get(&lang) {
        return Some(d);
    }
    let dict: &'static Standard = Box::leak(Box::new(Standard::from_embedded(lang).ok()?));
    cache.insert(lang, dict);
    Some(dict)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h() -> Hyphenator {
        Hyphenator::new("en-us", 6, 2, 3).unwrap()
    }

    fn split(word: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for p in h().points(word) {
            out.push_str(&word[last..p]);
            out.push('-');
            last = p;
        }
        out + &word[last..]
    }

    #[test]
    fn hyphenates_plain_words() {
        assert_eq!(split("advertisement"), "ad-ver-tise-ment");
        assert_eq!(split("infrastructure"), "in-fra-struc-ture");
    }

    #[test]
    fn leaves_acronyms_numbers_urls_and_short_words_alone() {
        for w in
            ["AWS", "DynamoDB", "X12", "example.com", "alex@example.com", "https://a.io/x", "team"]
        {
            assert!(h().points(w).is_empty(), "{w} was hyphenated");
        }
    }

    #[test]
    fn other_languages_load() {
        for code in ["de", "fr", "es", "en-gb", "pt-br", "ru", "el", "hi", "nn"] {
            assert!(Hyphenator::new(code, 6, 2, 3).is_some(), "{code}");
        }
        assert!(Hyphenator::new("xx", 6, 2, 3).is_none());
    }
}
