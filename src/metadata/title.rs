//! The article's title from markup: the stated headline, the headings, the
//! `<title>`, and what names the site rather than the article.

use super::{author, clean};
use crate::chrome::patterns::normalize;
use crate::html::RawMeta;

/// What names the site rather than an article: its `og:site_name` and its
/// host.
pub(super) struct SiteNames<'a> {
    pub(super) site_name: Option<&'a str>,
    pub(super) host: Option<&'a str>,
}

impl SiteNames<'_> {
    /// A site name or a host written as a title ("MDR.de", "Four Years
    /// Remaining" when that is the site's name) is not a title.
    fn names_the_site(&self, title: &str) -> bool {
        let t = normalize(title);
        let squashed = t.replace(' ', "");
        let same_site = self
            .site_name
            .is_some_and(|s| !normalize(s).is_empty() && normalize(s) == t);
        let host_core = self.host.map(|h| {
            let h = h.trim_start_matches("www.");
            normalize(h.rsplit_once('.').map_or(h, |(c, _)| c)).replace(' ', "")
        });
        // The host's name, alone or with its suffix ("mdr", "mdr de").
        let same_host = host_core.is_some_and(|c| {
            c.len() >= 3 && squashed.starts_with(&c) && squashed.len() <= c.len() + 4
        });
        same_site || same_host || author::looks_like_domain(title)
    }
}

/// Title, in this order:
/// 1. a visible heading that is the stated headline (`og:title`, JSON-LD);
/// 2. a heading that the `<title>` or a stated title contains, which is the
///    headline without the site name; not a heading that names the site,
///    nor the first of two headings that are both parts of the `<title>`
///    (the site's logo comes before the article: "Scherenschnitt (3) |
///    gnaddrig ad libitum" over an `<h1>` of each);
/// 3. the page's one visible headline (its only `<h1>`, not the site's
///    name), which is what readers see, when it and the social title differ;
/// 4. the stated headline, else the `<title>` with a site-name part cut off.
pub(super) fn choose_title(
    raw: &RawMeta,
    ld_headline: Option<String>,
    og: Option<String>,
    site: &SiteNames,
) -> Option<String> {
    let page_title = raw.title.as_deref().and_then(clean);
    let stated: Vec<String> = [og.as_deref(), ld_headline.as_deref()]
        .into_iter()
        .flatten()
        .map(normalize)
        .filter(|s| !s.is_empty())
        .collect();
    let headings: Vec<(u8, String, &String)> = raw
        .headings
        .iter()
        .filter(|(l, text)| *l <= 3 && !site.names_the_site(text))
        .map(|(l, text)| (*l, normalize(text), text))
        .filter(|(_, h, _)| !h.is_empty())
        .collect();
    if let Some((_, _, text)) = headings.iter().find(|(_, h, _)| stated.contains(h)) {
        return clean_heading(text);
    }
    if let Some(text) = contained_heading(&headings, page_title.as_deref(), &stated) {
        return clean_heading(text);
    }
    // Only against a stated (social or JSON-LD) title: a page that states
    // none has its `<title>` as its own choice of headline.
    if !stated.is_empty()
        && let Some(h1) = single_h1(&headings)
    {
        return clean_heading(h1);
    }
    ld_headline
        .or(og)
        .or_else(|| page_title.map(|t| strip_site_name(&t)))
        .filter(|t| !site.names_the_site(t))
}

/// A heading's text without the permalink glyph documentation sites put
/// after it ("Evolve: Shared Mutable History¶").
fn clean_heading(text: &str) -> Option<String> {
    clean(text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '¶' | '§' | '#' | '🔗')))
}

/// Step 2 of [`choose_title`]: of the headings the `<title>` or a stated
/// title contains, by level (h1 first, then h2/h3: some sites mark the
/// headline as h2), the longest.
fn contained_heading<'a>(
    headings: &[(u8, String, &'a String)],
    page_title: Option<&str>,
    stated: &[String],
) -> Option<&'a String> {
    let title_parts: Vec<String> = page_title
        .map(|t| title_parts(t).iter().map(|p| normalize(p)).collect())
        .unwrap_or_default();
    let references: Vec<String> = page_title
        .map(normalize)
        .into_iter()
        .chain(stated.iter().cloned())
        .collect();
    let contained: Vec<&(u8, String, &String)> = headings
        .iter()
        .filter(|(_, h, _)| {
            h.split(' ').count() >= 2 && references.iter().any(|r| r.contains(h.as_str()))
        })
        .collect();
    // Headings that are whole parts of the <title>: with two or more, the
    // first is the site's logo. With one, in a chain of three parts or more
    // ("Site » Blog Archive » Headline"), a part shorter than the longest
    // is the site or the section.
    let parts: Vec<usize> = (0..contained.len())
        .filter(|&k| title_parts.contains(&contained[k].1))
        .collect();
    let longest_part = title_parts.iter().map(String::len).max().unwrap_or(0);
    let skip = match parts.as_slice() {
        [first, _, ..] => Some(*first),
        [only] if title_parts.len() >= 3 && contained[*only].1.len() < longest_part => Some(*only),
        _ => None,
    };
    [1u8, 2, 3].into_iter().find_map(|level| {
        contained
            .iter()
            .enumerate()
            .filter(|(k, (l, _, _))| *l == level && Some(*k) != skip)
            .max_by_key(|(_, (_, h, _))| h.len())
            .map(|(_, (_, _, text))| *text)
    })
}

/// The page's only `<h1>` (not naming the site) of two words or more: its
/// visible headline.
fn single_h1<'a>(headings: &[(u8, String, &'a String)]) -> Option<&'a String> {
    let mut h1s = headings.iter().filter(|(l, _, _)| *l == 1);
    match (h1s.next(), h1s.next()) {
        (Some((_, h, text)), None) if h.split(' ').count() >= 2 => Some(*text),
        _ => None,
    }
}

/// The parts of a `<title>` between site-name separators.
fn title_parts(title: &str) -> Vec<&str> {
    let mut parts = vec![title];
    for sep in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Entities a site escaped twice (`Q&amp;#038;A` arrives as `Q&#038;A`),
/// decoded once more.
pub(super) fn decode_leftover_entities(s: &str) -> String {
    if s.contains('&') && s.contains(';') {
        crate::html::parser::decode_entities(s, false).into_owned()
    } else {
        s.to_string()
    }
}

/// Separators between an article title and a site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " / ",
];

/// `Headline | Site` → `Headline`: cut at the separator when the remaining
/// headline part keeps at least three words (else the "site name" was part of
/// the title).
pub fn strip_site_name(title: &str) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = title.find(sep) {
            let parts: Vec<&str> = title.split(sep).collect();
            // The longest part is the headline; site names are short.
            let longest = parts
                .iter()
                .max_by_key(|p| p.len())
                .copied()
                .unwrap_or(title);
            let _ = pos;
            if crate::block::count_words(longest) >= 3 {
                return longest.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_name_suffix() {
        assert_eq!(
            strip_site_name("Storm hits the coast - BBC News"),
            "Storm hits the coast"
        );
        assert_eq!(strip_site_name("Q&A - Live"), "Q&A - Live");
    }
}
