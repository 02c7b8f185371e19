//! Elements that name an author: what the walk records of them
//! ([`AuthorMark`]) and how it tells them.

/// An element whose class or link names an author: the usual markup of a
/// byline's name (`<span class="author vcard"><a class="fn">`, `<a
/// href="/autor/jane-doe">`), also used for teasers' and comments' authors.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct AuthorMark {
    /// Its text, whitespace collapsed (at most [`AUTHOR_TEXT_MAX`] bytes).
    pub text: String,
    /// Its text went on past [`AUTHOR_TEXT_MAX`]: an element that wraps a
    /// page or a biography (`<body class="not-multi-author">`), not a name.
    pub cut: bool,
    /// Inside markup of comments, related teasers, an advertisement,
    /// navigation, a sidebar or the footer.
    pub in_chrome: bool,
    /// The number of blocks before it: where on the page it stands.
    pub block: usize,
}

/// Longest author text kept: an author element wrapping a whole page or a
/// biography is not a name.
const AUTHOR_TEXT_MAX: usize = 200;

/// Author-marked elements followed inside one another (`<span
/// class="byline"><span class="author vcard"><a class="fn">`): deeper ones
/// are not recorded, so that a text node costs at most this many appends.
pub(super) const AUTHOR_MARK_DEPTH: usize = 4;

/// Path segments of the links to an author's page (`/author/jdoe`,
/// `/autor/jane-doe`, `/autoren/…`, `/auteur/…`), the link a byline's name
/// usually is.
const AUTHOR_PATHS: &[&str] = &[
    "/author/",
    "/authors/",
    "/autor/",
    "/autoren/",
    "/auteur/",
    "/autore/",
];

/// Does a link lead to an author's page (`/author/jdoe`, `/autor/…`)?
pub(super) fn links_author_page(href: &str) -> bool {
    // Every path starts "/aut": most links are rejected without a copy.
    if !contains_ignore_case(href, "/aut") {
        return false;
    }
    let h = href.to_ascii_lowercase();
    AUTHOR_PATHS.iter().any(|p| h.contains(p))
}

/// Does `text` contain the ASCII `needle`, in any case? (Only where the
/// needle's first byte stands, in either case, is the rest compared: every
/// link's address is asked.)
pub(super) fn contains_ignore_case(text: &str, needle: &str) -> bool {
    let (hay, n) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(|i| {
        hay.get(i..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

/// Append a text node's words to an author text, up to [`AUTHOR_TEXT_MAX`];
/// false when the text was already that long (the words are left out).
pub(super) fn push_author_text(author: &mut String, added: &str) -> bool {
    if added.is_empty() {
        return true;
    }
    if author.len() >= AUTHOR_TEXT_MAX {
        return false;
    }
    if !author.is_empty() {
        author.push(' ');
    }
    author.push_str(added);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_are_found_in_any_case() {
        for (text, needle, found) in [
            ("https://x.example/AUTHOR/x", "/aut", true),
            ("/au", "/aut", false),
            ("", "/aut", false),
            ("xAuThOr", "author", true),
            ("xauthox", "author", false),
            ("Ünï/Aut", "/aut", true),
        ] {
            assert_eq!(contains_ignore_case(text, needle), found, "{text:?}");
        }
    }

    #[test]
    fn author_page_links() {
        assert!(links_author_page("https://x.example/author/tl/"));
        assert!(links_author_page("/Autor/jane-doe"));
        assert!(!links_author_page("/authority/report"));
    }

    #[test]
    fn author_text_is_bounded() {
        let mut t = String::new();
        assert!(push_author_text(&mut t, "Jane"));
        assert!(push_author_text(&mut t, "Doe"));
        assert_eq!(t, "Jane Doe");
        let mut long = "x".repeat(AUTHOR_TEXT_MAX);
        assert!(!push_author_text(&mut long, "more"));
        assert_eq!(long.len(), AUTHOR_TEXT_MAX);
    }
}
