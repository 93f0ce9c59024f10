//! Which link targets may become clickable links in the PDF: `http`,
//! `https`, `mailto` and `tel` addresses of at most [`MAX_LINK_BYTES`].
//! Anything else (`javascript:`, `file:`, `data:`, an address without a
//! scheme, a link longer than any real one) stays text, and the render
//! warns about it once. A pure function, so that whoever creates links
//! (compose, the PDF writer) can ask it.

/// The longest link target that becomes a link, in bytes: browsers and
/// servers commonly stop near 2,000 characters, and every piece of a link
/// broken over lines repeats its target in the PDF.
pub const MAX_LINK_BYTES: usize = 2048;

/// The schemes a link may use, lower case.
pub const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Why a link target does not become a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsafe {
    /// No scheme, or one other than [`SCHEMES`].
    Scheme,
    /// Longer than [`MAX_LINK_BYTES`].
    TooLong,
    /// Holds a space, a control character or an invisible one (bidi
    /// overrides, zero-width), which no real address does and which can
    /// hide what a reader sees.
    Control,
}

/// Whether `uri` may become a clickable link.
pub fn safe_uri(uri: &str) -> bool {
    check_uri(uri).is_ok()
}

/// [`safe_uri`], with the reason when it may not.
pub fn check_uri(uri: &str) -> Result<(), Unsafe> {
    if uri.len() > MAX_LINK_BYTES {
        return Err(Unsafe::TooLong);
    }
    if uri.chars().any(|c| c.is_control() || c.is_whitespace() || invisible(c)) {
        return Err(Unsafe::Control);
    }
    let scheme = uri.split_once(':').map(|(s, _)| s).ok_or(Unsafe::Scheme)?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if valid && SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        Ok(())
    } else {
        Err(Unsafe::Scheme)
    }
}

/// Zero-width and bidi formatting characters, which reorder or hide text.
fn invisible(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

impl Unsafe {
    /// What a warning says about a link target refused for this reason.
    pub fn explain(self) -> String {
        match self {
            Unsafe::Scheme => {
                "only http, https, mailto and tel addresses become links (write https://…)".into()
            }
            Unsafe::TooLong => format!("it is longer than {MAX_LINK_BYTES} bytes"),
            Unsafe::Control => "it holds a space, a control or an invisible character".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_mail_and_phone_addresses_are_links() {
        for ok in [
            "https://example.com/a?b=c",
            "http://x.org",
            "HTTPS://EXAMPLE.COM",
            "mailto:alex@example.com",
            "tel:+15550100",
        ] {
            assert!(safe_uri(ok), "{ok}");
        }
    }

    #[test]
    fn scripts_files_data_and_oddities_are_not() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:x",
            "example.com",
            "//example.com",
            "",
            ":",
            "ht tp://x",
            "https://x.org/\u{7}",
            "https://x.org/\u{202e}",
        ] {
            assert!(!safe_uri(bad), "{bad:?}");
        }
        assert_eq!(check_uri("javascript:x"), Err(Unsafe::Scheme));
        let long = format!("https://{}", "a".repeat(MAX_LINK_BYTES));
        assert_eq!(check_uri(&long), Err(Unsafe::TooLong));
        assert!(safe_uri(&long[..MAX_LINK_BYTES]));
    }
}
