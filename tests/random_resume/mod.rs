//! Random résumés for property tests: a random mix of sections and
//! entries, short and long texts in several scripts, markup, URLs and other
//! long tokens, compounds, dates and nested highlight groups — as TOML text,
//! so they go through the real loader.

use proptest::prelude::*;
use toml::{Table, Value};

fn word() -> impl Strategy<Value = String> {
    let plain = "[a-z]{1,10}";
    let capital = "[A-Z][a-z]{1,9}";
    let foreign = prop::sample::select(vec![
        "café",
        "naïve",
        "Zürich",
        "Straße",
        "Łódź",
        "Ærøskøbing",
        "Ελληνικά",
        "Москва",
        "señor",
        "façade",
        "résumé",
        "Ångström",
    ])
    .prop_map(String::from);
    let long = "[a-z]{25,60}";
    let url = "https://example\\.com/[a-z]{3,15}/[a-z0-9_]{3,25}";
    let number = "[0-9]{1,4}(\\.[0-9]{1,2})?%?";
    let compound = "[a-z]{3,8}-[a-z]{3,8}";
    prop_oneof![
        6 => plain,
        2 => capital,
        1 => foreign,
        1 => long,
        1 => url,
        1 => number,
        1 => compound,
    ]
}

/// A word, sometimes in bold or italic markup.
fn marked_word() -> impl Strategy<Value = String> {
    (word(), 0..12u8).prop_map(|(w, m)| match m {
        0 if !w.contains('/') => format!("**{w}**"),
        1 if !w.contains('/') => format!("*{w}*"),
        _ => w,
    })
}

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(marked_word(), 1..=max_words).prop_map(|w| w.join(" "))
}

fn plain_text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..=max_words).prop_map(|w| w.join(" "))
}

/// One to three paragraphs.
fn paragraphs(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(text(max_words), 1..=3).prop_map(|p| p.join("\n\n"))
}

fn date_pair() -> impl Strategy<Value = Option<(String, String)>> {
    prop::option::of((1990u16..2020, 1u8..=12, 0u16..6, prop::bool::ANY)).prop_map(|d| {
        d.map(|(y, m, span, present)| {
            let end = if present { "present".to_string() } else { format!("{}", y + span + 1) };
            (format!("{y}-{m:02}"), end)
        })
    })
}

fn highlight() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => text(40).prop_map(Value::String),
        1 => (text(8), prop::collection::vec(text(20), 1..4), prop::bool::ANY).prop_map(
            |(lead, items, numbered)| {
                let mut t = Table::new();
                t.insert("text".into(), Value::String(lead));
                t.insert("items".into(), Value::Array(items.into_iter().map(Value::String).collect()));
                t.insert("numbered".into(), Value::Boolean(numbered));
                Value::Table(t)
            }
        ),
    ]
}

/// Inserts `value` under `key` when present.
fn put(t: &mut Table, key: &str, value: Option<String>) {
    if let Some(v) = value {
        t.insert(key.into(), Value::String(v));
    }
}

fn dated(t: &mut Table, dates: Option<(String, String)>) {
    if let Some((start, end)) = dates {
        t.insert("start_date".into(), Value::String(start));
        t.insert("end_date".into(), Value::String(end));
    }
}

fn work() -> impl Strategy<Value = Value> {
    (
        prop::option::of(plain_text(4)),
        prop::option::of(plain_text(5)),
        prop::option::of(plain_text(3)),
        date_pair(),
        prop::option::of(paragraphs(50)),
        prop::collection::vec(highlight(), 0..6),
    )
        .prop_map(|(name, position, location, dates, summary, highlights)| {
            let mut t = Table::new();
            put(&mut t, "name", name);
            put(&mut t, "position", position);
            put(&mut t, "location", location);
            dated(&mut t, dates);
            put(&mut t, "summary", summary);
            t.insert("highlights".into(), Value::Array(highlights));
            Value::Table(t)
        })
}

fn education() -> impl Strategy<Value = Value> {
    (plain_text(6), prop::option::of(plain_text(4)), prop::option::of(plain_text(4)), date_pair())
        .prop_map(|(institution, area, study_type, dates)| {
            let mut t = Table::new();
            put(&mut t, "institution", Some(institution));
            put(&mut t, "area", area);
            put(&mut t, "study_type", study_type);
            dated(&mut t, dates);
            Value::Table(t)
        })
}

fn named_list(key: &'static str) -> impl Strategy<Value = Value> {
    (plain_text(3), prop::collection::vec(plain_text(2), 0..8)).prop_map(move |(name, words)| {
        let mut t = Table::new();
        put(&mut t, "name", Some(name));
        t.insert(key.into(), Value::Array(words.into_iter().map(Value::String).collect()));
        Value::Table(t)
    })
}

fn project() -> impl Strategy<Value = Value> {
    (plain_text(4), prop::option::of(text(30)), prop::collection::vec(highlight(), 0..4)).prop_map(
        |(name, description, highlights)| {
            let mut t = Table::new();
            put(&mut t, "name", Some(name));
            put(&mut t, "description", description);
            t.insert("highlights".into(), Value::Array(highlights));
            Value::Table(t)
        },
    )
}

fn award() -> impl Strategy<Value = Value> {
    (plain_text(5), prop::option::of(plain_text(3)), prop::option::of(text(25))).prop_map(
        |(title, awarder, summary)| {
            let mut t = Table::new();
            put(&mut t, "title", Some(title));
            put(&mut t, "awarder", awarder);
            put(&mut t, "summary", summary);
            Value::Table(t)
        },
    )
}

fn language() -> impl Strategy<Value = Value> {
    (plain_text(2), prop::option::of(plain_text(2))).prop_map(|(language, fluency)| {
        let mut t = Table::new();
        put(&mut t, "language", Some(language));
        put(&mut t, "fluency", fluency);
        Value::Table(t)
    })
}

fn custom() -> impl Strategy<Value = Value> {
    let entry = (prop::option::of(plain_text(4)), prop::option::of(text(30)), date_pair())
        .prop_map(|(title, summary, dates)| {
            let mut t = Table::new();
            put(&mut t, "title", title);
            put(&mut t, "summary", summary);
            dated(&mut t, dates);
            Value::Table(t)
        });
    (plain_text(3), prop::collection::vec(entry, 1..4)).prop_map(|(title, entries)| {
        let mut t = Table::new();
        put(&mut t, "title", Some(title));
        t.insert("entries".into(), Value::Array(entries));
        Value::Table(t)
    })
}

fn basics() -> impl Strategy<Value = Value> {
    (
        plain_text(4),
        prop::option::of(plain_text(6)),
        prop::option::of("[a-z]{1,12}@[a-z]{2,10}\\.com"),
        prop::option::of("\\+1 [0-9]{3} [0-9]{4}"),
        prop::option::of(paragraphs(60)),
    )
        .prop_map(|(name, label, email, phone, summary)| {
            let mut t = Table::new();
            put(&mut t, "name", Some(name));
            put(&mut t, "label", label);
            put(&mut t, "email", email);
            put(&mut t, "phone", phone);
            put(&mut t, "summary", summary);
            Value::Table(t)
        })
}

/// A random résumé as TOML text (so it goes through the real loader).
pub(crate) fn resume_toml() -> impl Strategy<Value = String> {
    let lists = (
        prop::collection::vec(work(), 0..5),
        prop::collection::vec(education(), 0..3),
        prop::collection::vec(named_list("keywords"), 0..4),
        prop::collection::vec(project(), 0..3),
        prop::collection::vec(award(), 0..2),
        prop::collection::vec(language(), 0..3),
        prop::collection::vec(named_list("keywords"), 0..2),
        prop::collection::vec(custom(), 0..2),
    );
    (basics(), lists).prop_map(
        |(basics, (work, education, skills, projects, awards, languages, interests, custom))| {
            let mut t = Table::new();
            t.insert("basics".into(), basics);
            for (key, list) in [
                ("work", work),
                ("education", education),
                ("skills", skills),
                ("projects", projects),
                ("awards", awards),
                ("languages", languages),
                ("interests", interests),
                ("custom", custom),
            ] {
                if !list.is_empty() {
                    t.insert(key.into(), Value::Array(list));
                }
            }
            toml::to_string(&t).expect("a table serialises")
        },
    )
}
