//! The contact details as they print: the place, e-mail, phone, website
//! and profiles, each with its link (`mailto:`, `tel:`, an absolute web
//! address) and its icon, in the order the header shows them.

use super::describe::Contact;
use super::markup;
use crate::model::Basics;
use crate::theme::{Header, ProfileStyle};

/// A web address a PDF viewer can open: one written without a scheme
/// ("example.com/x") gets `https://`, which a relative /URI would lack.
pub fn absolute(url: &str) -> String {
    let schemed = url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if schemed { url.to_string() } else { format!("https://{url}") }
}

/// Font Awesome 4.7 code points for the contact icons.
mod icons {
    pub(super) const PLACE: char = '\u{f041}';
    pub(super) const MAIL: char = '\u{f0e0}';
    pub(super) const PHONE: char = '\u{f095}';
    pub(super) const WEB: char = '\u{f0ac}';
    pub(super) const LINK: char = '\u{f0c1}';
    pub(super) const GITHUB: char = '\u{f09b}';
    pub(super) const LINKEDIN: char = '\u{f0e1}';
    pub(super) const TWITTER: char = '\u{f099}';
}

/// Each contact detail as shown, with its link and icon.
pub fn contacts(b: &Basics, header: &Header) -> Vec<Contact> {
    let mut items = Vec::new();
    let mut add =
        |text: String, link: Option<String>, icon: char| items.push(Contact { text, link, icon });
    if let Some(loc) = &b.location {
        let town = loc.one_line();
        let street =
            [&loc.address, &loc.postal_code].into_iter().flatten().filter(|_| header.street);
        let parts: Vec<&str> = street
            .map(String::as_str)
            .chain(Some(town.as_str()))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let line = markup::plain(&parts.join(", "));
        if !line.is_empty() {
            add(line, None, icons::PLACE);
        }
    }
    if let Some(email) = b.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        add(email.to_string(), Some(format!("mailto:{email}")), icons::MAIL);
    }
    if let Some(phone) = b.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        add(phone.to_string(), Some(tel_uri(phone)), icons::PHONE);
    }
    if let Some(url) = b.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        add(display_url(url), Some(absolute(url)), icons::WEB);
    }
    for p in &b.profiles {
        let url = p.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let shown = match (&p.username, url, header.profiles) {
            (_, Some(url), ProfileStyle::Address) | (None, Some(url), _) => display_url(url),
            (Some(u), _, _) => format!("{}: {u}", p.network),
            (None, None, _) => p.network.clone(),
        };
        let icon = match p.network.to_lowercase().as_str() {
            "github" => icons::GITHUB,
            "linkedin" => icons::LINKEDIN,
            "twitter" | "x" => icons::TWITTER,
            _ => icons::LINK,
        };
        add(shown, url.map(absolute), icon);
    }
    items
}

/// A `tel:` URI for a phone number as written: its digits in their groups,
/// joined by hyphens (RFC 3966's visual separators), with a leading `+`
/// kept: "+44 1223 496073" → "tel:+44-1223-496073". Keeping the groups
/// apart matters to extractors that print link targets (Apache Tika): one
/// run of digits would read as the groups glued together.
fn tel_uri(phone: &str) -> String {
    let groups: Vec<&str> =
        phone.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).collect();
    let plus = if phone.trim_start().starts_with('+') { "+" } else { "" };
    format!("tel:{plus}{}", groups.join("-"))
}

/// A URL as people read it: no scheme, no trailing slash.
pub fn display_url(url: &str) -> String {
    let bare = url.split_once("://").map_or(url, |(_, rest)| rest);
    let bare = bare.strip_prefix("mailto:").or_else(|| bare.strip_prefix("tel:")).unwrap_or(bare);
    bare.trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_get_a_scheme() {
        assert_eq!(absolute("example.com/x"), "https://example.com/x");
        assert_eq!(absolute("https://e.org"), "https://e.org");
        assert_eq!(absolute("mailto:a@b.c"), "mailto:a@b.c");
    }

    #[test]
    fn phone_links_keep_the_number_s_groups() {
        assert_eq!(tel_uri("+44 1223 496073"), "tel:+44-1223-496073");
        assert_eq!(tel_uri("(555) 010-0100 ext. 7"), "tel:555-010-0100-7");
        assert_eq!(tel_uri("+1.555.0100"), "tel:+1-555-0100");
    }
}
