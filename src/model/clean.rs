//! Characters no text output should carry, removed from every text field
//! once the résumé is read: control characters (NUL, BEL, ESC, the C1
//! range) that only a string escape such as `\u0007` can put there, and
//! the line separators U+0085, U+2028 and U+2029, which become line
//! breaks. Tabs and line breaks stay. The render then never sees them, and
//! neither the PDF nor the plain text can pass them on.

use super::*;

/// Removes (or turns into line breaks) the characters above in every text
/// field; returns the ones it found, each once, in order.
pub(super) fn clean(resume: &mut Resume) -> Vec<char> {
    let mut found = Vec::new();
    resume.clean(&mut found);
    found
}

fn unwanted(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{2028}' | '\u{2029}')
}

trait Clean {
    fn clean(&mut self, found: &mut Vec<char>);
}

impl Clean for String {
    fn clean(&mut self, found: &mut Vec<char>) {
        if !self.chars().any(unwanted) {
            return;
        }
        let mut out = String::with_capacity(self.len());
        for c in self.chars() {
            if !unwanted(c) {
                out.push(c);
                continue;
            }
            if !found.contains(&c) {
                found.push(c);
            }
            if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
                out.push('\n');
            }
        }
        *self = out;
    }
}

impl<T: Clean> Clean for Option<T> {
    fn clean(&mut self, found: &mut Vec<char>) {
        if let Some(v) = self {
            v.clean(found);
        }
    }
}

impl<K, T: Clean> Clean for std::collections::BTreeMap<K, T> {
    fn clean(&mut self, found: &mut Vec<char>) {
        self.values_mut().for_each(|v| v.clean(found));
    }
}

impl<T: Clean> Clean for Vec<T> {
    fn clean(&mut self, found: &mut Vec<char>) {
        self.iter_mut().for_each(|v| v.clean(found));
    }
}

impl Clean for Highlight {
    fn clean(&mut self, found: &mut Vec<char>) {
        match self {
            Highlight::Text(t) => t.clean(found),
            Highlight::Group(g) => {
                g.text.clean(found);
                g.items.clean(found);
                g.tags.clean(found);
            }
        }
    }
}

impl Clean for Tagged {
    fn clean(&mut self, found: &mut Vec<char>) {
        self.text.clean(found);
        self.tags.clean(found);
    }
}

/// `Clean` for a struct: every listed field is cleaned.
macro_rules! clean_fields {
    ($($t:ty { $($f:ident),* })*) => {$(
        impl Clean for $t {
            fn clean(&mut self, found: &mut Vec<char>) {
                $(self.$f.clean(found);)*
            }
        }
    )*};
}

clean_fields! {
    Resume { meta, basics, work, volunteer, education, awards, certificates, publications,
             skills, languages, interests, references, projects, custom }
    Meta { language, theme, labels, section_languages, section_tags }
    Basics { name, label, email, phone, url, image, summary, location, profiles }
    Location { address, postal_code, city, region, country_code }
    Profile { network, username, url, tags }
    Work { name, position, url, location, summary, highlights, tags }
    Volunteer { organization, position, url, location, summary, highlights, tags }
    Education { institution, url, area, study_type, location, score, summary, courses, tags }
    Award { title, awarder, summary, tags }
    Certificate { name, issuer, url, tags }
    Publication { name, publisher, url, summary, tags }
    Skill { name, level, keywords, tags }
    Language { language, fluency }
    Interest { name, keywords }
    Reference { name, reference }
    Project { name, description, url, entity, kind, roles, highlights, keywords, tags }
    CustomSection { title, entries }
    CustomEntry { title, subtitle, location, url, summary, highlights, tags }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_go_and_separators_become_line_breaks() {
        let mut r = Resume::default();
        r.basics.name = "A\u{0}lex".into();
        r.basics.label = Some("one\u{2028}two\u{85}three\u{7}\tfour\u{1b}[2J".into());
        r.work.push(Work {
            highlights: vec![Highlight::Text("x\u{9b}y".into())],
            ..Default::default()
        });
        let found = clean(&mut r);
        assert_eq!(r.basics.name, "Alex");
        assert_eq!(r.basics.label.as_deref(), Some("one\ntwo\nthree\tfour[2J"));
        assert_eq!(r.work[0].highlights[0], Highlight::Text("xy".into()));
        assert_eq!(found, ['\u{0}', '\u{2028}', '\u{85}', '\u{7}', '\u{1b}', '\u{9b}']);
    }
}
