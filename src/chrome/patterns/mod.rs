//! Every text pattern the chrome rules use, in one place.
//!
//! Each `is_*` function names what it detects. They look at one block's text
//! alone; context (position, neighbours, repetition) is the classifier's job.
//! Patterns are anchored and short-line-only where a long prose paragraph could
//! otherwise trip them: an article *about* copyright law must survive.
//!
//! One file per rule family: `credits` (copyright, legal, credits,
//! disclosures), `prompts` (share, account, subscription, cookie, …),
//! `story_head` (bylines, reading time), `sections` (related / comments
//! headers, see-also and "more" links, teasers), `comments` (comment
//! signatures), `menus` (flattened menus), `markup` (formulas, leaked
//! markup, server messages). The helpers they share live here.

use regex::Regex;

mod comments;
mod credits;
mod markup;
mod menus;
mod prompts;
mod reporting_credits;
mod sections;
mod story_head;

pub use comments::is_comment_signature;
pub use credits::{
    GLUED_CHROME_START, ends_with_picture_credit, footer_credit, is_ad_disclosure,
    is_closing_syndication_credit, is_copyright, is_credited_caption, is_external_links_disclaimer,
    is_gallery_counter, is_picture_credit, strip_copyright_words, syndication_source, wire_source,
};
pub use markup::{is_formula, is_leaked_markup, is_server_message};
pub use menus::{is_flattened_menu, is_guillemet_quote};
pub use prompts::{
    is_account_prompt, is_browser_notice, is_channel_prompt, is_cookie_notice, is_intro_label,
    is_share_prompt, is_submission_prompt, is_subscription_prompt, is_support_appeal,
};
pub use sections::{
    is_bare_comments_label, is_comments_header, is_link_pointer, is_more_link, is_related_header,
    is_see_also_label, is_see_also_link, is_taxonomy_line, is_teaser_summary,
};
pub use story_head::{byline_author, is_reading_time};
// Judged only when precision is favoured (see the module's docs).
pub(super) use reporting_credits::{is_reporting_credit, is_wire_byline};

/// Compile a built-in pattern. Word edges are made ones the regex crate's
/// fast DFA runs that still hold beside non-ASCII letters ("Podziel się",
/// "únete"): see [`super::edges`]. `\W` becomes "not an ASCII letter or
/// digit" for the same reason: the patterns use it only to skip bullets and
/// punctuation before a key word.
pub(super) fn re(pattern: &str) -> Regex {
    let pattern = super::edges::ascii_fast_edges(pattern);
    regex::RegexBuilder::new(&pattern)
        // A larger lazy-DFA cache: case-insensitive multilingual patterns
        // have many states, and a cache that keeps being cleared costs more
        // than the memory.
        .dfa_size_limit(8 << 20)
        .build()
        .expect("built-in pattern compiles")
}

/// "Teaser summary": the blurb of another article in a list, ending with its
/// "more" link (`… Mehr…`, `… Read more »`, `… Continue reading`, `[…]`).
/// An article's own paragraphs do not end by pointing elsewhere.
/// A line of a text dump whose columns were laid side by side (runs of
/// spaces between them): its end may belong to another column.
fn has_column_gap(text: &str) -> bool {
    text.contains("    ")
}

/// The last `max` bytes of `text` (at a character boundary, after a space
/// when there is one), for patterns anchored at the end.
fn tail(text: &str, max: usize) -> &str {
    let t = text.trim_end();
    if t.len() <= max {
        return t;
    }
    let mut start = t.len() - max;
    while !t.is_char_boundary(start) {
        start += 1;
    }
    match t[start..].find(' ') {
        Some(sp) => &t[start + sp..],
        None => &t[start..],
    }
}

/// The first run of letters, lowercased (bullets and punctuation skipped).
fn first_word_lower(text: &str) -> String {
    let word = text.trim_start_matches(|c: char| !c.is_alphabetic());
    let end = word
        .char_indices()
        .take_while(|(_, c)| c.is_alphabetic())
        .take(12)
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &word[..end];
    // An ASCII word (most) lowercases byte by byte, as the Unicode way would.
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.chars().flat_map(char::to_lowercase).collect()
    }
}

/// Does `text` contain any of the (lowercase ASCII) `needles`, ignoring
/// ASCII case? A cheap filter before a costly pattern: no lowercase copy,
/// only the places where a needle's first letter stands (either case) are
/// compared.
pub(super) fn contains_any_ascii_ci(text: &str, needles: &[&str]) -> bool {
    let hay = text.as_bytes();
    needles.iter().any(|n| {
        let n = n.as_bytes();
        let Some(&first) = n.first() else {
            return true;
        };
        memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).any(|i| {
            hay.get(i..i + n.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(n))
        })
    })
}

/// Does the text end like a sentence (terminal punctuation, maybe in quotes)?
/// The quotation marks that open a quotation, each with the marks that
/// may close it (English, German, French and Swiss, Polish and Nordic
/// conventions; a straight `"` closes itself).
const QUOTATION_PAIRS: [(char, &[char]); 6] = [
    ('"', &['"']),
    ('“', &['”']),
    ('„', &['“', '”']),
    ('«', &['»']),
    ('»', &['«']),
    ('‚', &['‘', '’']),
];

/// Does the text hold a quotation mark that may open a quotation?
pub fn has_quotation_mark(text: &str) -> bool {
    text.contains(|c: char| QUOTATION_PAIRS.iter().any(|(open, _)| *open == c))
}

/// The text with every quotation (an opening mark, what follows, its
/// closing mark) taken out; an opening mark never closed is kept as text.
/// Linear: each closing mark is looked for once from its opening mark, and
/// a kind of mark whose closer was not found is not looked for again (no
/// closer stands further on either: a run of unclosed "«" would otherwise
/// cost a scan to the end for each).
pub fn without_quotations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut unclosed = [false; QUOTATION_PAIRS.len()];
    let mut rest = text;
    while let Some((at, open, kind)) = rest.char_indices().find_map(|(at, c)| {
        let kind = QUOTATION_PAIRS.iter().position(|(o, _)| *o == c)?;
        Some((at, c, kind))
    }) {
        let after = at + open.len_utf8();
        out.push_str(&rest[..at]);
        let closers = QUOTATION_PAIRS[kind].1;
        match (!unclosed[kind])
            .then(|| rest[after..].find(closers))
            .flatten()
        {
            Some(close) => {
                out.push(' ');
                let close_at = after + close;
                let close_len = rest[close_at..].chars().next().map_or(1, char::len_utf8);
                rest = &rest[close_at + close_len..];
            }
            None => {
                unclosed[kind] = true;
                out.push(open);
                rest = &rest[after..];
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn ends_like_sentence(text: &str) -> bool {
    // (A `matches!`, not a search of a string of closers: every block
    // passes here, some more than once.)
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
    });
    t.ends_with(['.', '!', '?', '。', '！', '？', '…', ':', ';']) && !t.ends_with("...")
        || t.ends_with("...") && t.len() > 80
}

/// Share of words that start with a capital letter: headlines and menu items
/// are Title Case, prose is not.
pub fn title_case_ratio(text: &str) -> f32 {
    let mut total = 0;
    let mut caps = 0;
    for w in text.split_whitespace() {
        let Some(first) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        total += 1;
        if first.is_uppercase() {
            caps += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        caps as f32 / total as f32
    }
}

/// Normalise a line for equality tests (repeats, templates, glued suffixes):
/// lowercase, letters and digits only, single spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        // ASCII (most text) takes the cheap ASCII tests; they agree with the
        // Unicode ones on it.
        let alphanumeric = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if alphanumeric {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::block::count_words;

    pub(super) fn w(t: &str) -> usize {
        count_words(t)
    }

    #[test]
    fn quotations_are_taken_out_in_every_convention() {
        assert_eq!(
            without_quotations("He said “no cookies” and left."),
            "He said   and left."
        );
        assert_eq!(
            without_quotations("Sie rief „Hallo“ laut."),
            "Sie rief   laut."
        );
        assert_eq!(without_quotations("« Bonjour » dit-il"), "  dit-il");
        assert_eq!(without_quotations("a \"b\" c \"d"), "a   c \"d");
        assert_eq!(without_quotations("no marks at all"), "no marks at all");
        // Marks never closed stay as text, however many (each kind's
        // closer is looked for once), and a later kind still closes.
        let run = format!("We use cookies. {}", "«".repeat(500));
        assert_eq!(without_quotations(&run), run);
        assert_eq!(without_quotations("« a « b “c” d"), "« a « b   d");
        assert!(has_quotation_mark("x »y« z") && !has_quotation_mark("plain"));
    }

    /// Every line is chrome by `rule`.
    pub(super) fn all_match(rule: fn(&str, usize) -> bool, lines: &[&str]) {
        for t in lines {
            assert!(rule(t, w(t)), "{t}");
        }
    }

    /// No line is chrome by `rule`: the same words, as prose.
    pub(super) fn none_match(rule: fn(&str, usize) -> bool, lines: &[&str]) {
        for t in lines {
            assert!(!rule(t, w(t)), "{t}");
        }
    }

    #[test]
    fn normalizes() {
        assert_eq!(normalize("  Hello,  World! 2023 ©"), "hello world 2023");
    }
}
