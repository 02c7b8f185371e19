//! The head of a story: reading-time labels and bylines.

use super::{first_word_lower, re};
use regex::Regex;
use std::sync::LazyLock;

/// A reading-time label: a number of minutes and the word for reading, in
/// either order ("4 Min Read", "Lesezeit: 3 Minuten", "11 minut czytania",
/// "Temps de lecture : 5 min").
static READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*((reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura|czas czytania)\W*(ca\.?\s*)?\d+\s*(min|mins|minutes?|minuten|minut|minutos|minuti)\.?|(ca\.?\s*)?\d+\s*(min|mins|minutes?|minuten|minut|minutos|minuti)\.?\s*(read|reading|to read|read time|reading time|lesezeit|lesedauer|czytania|de lecture|de lectura|de leitura|di lettura))\W*$",
    )
});

/// Longest reading-time label: the number, its unit and two or three words.
const READING_TIME_MAX_WORDS: usize = 6;

/// "Reading time": `4 min read`, `Lesezeit: 3 Minuten`. The article's
/// length as the page's template prints it above the story.
pub fn is_reading_time(text: &str, words: usize) -> bool {
    words <= READING_TIME_MAX_WORDS && READING_TIME.is_match(text)
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*((?i:by|von|par|por|di|door|av|przez|автор:?))\s+([\p{Lu}][\p{L}'.-]+(?:\s+(?:[\p{Lu}][\p{L}'.-]+|van|von|de|da|del|der|la|le|and|&|,)){0,8})",
    )
});

/// A byline runs to a few names; longer, it is a sentence ("By the time
/// the vote came, …").
const BYLINE_MAX_WORDS: usize = 16;

/// "Byline": `By Jane Doe and John Roe` at the start of a short line.
/// Returns the author names as written.
pub fn byline_author(text: &str, words: usize) -> Option<String> {
    if words > BYLINE_MAX_WORDS
        || !matches!(
            first_word_lower(text).as_str(),
            "by" | "von" | "par" | "por" | "di" | "door" | "av" | "przez" | "автор"
        )
        || !BYLINE.is_match(text)
    {
        return None;
    }
    let caps = BYLINE.captures(text)?;
    let name = caps
        .get(2)?
        .as_str()
        .trim()
        .trim_end_matches([',', '&'])
        .trim();
    // A date that follows the name ("By Jane Doe March 18") is not part of it.
    let name: Vec<&str> = name
        .split_whitespace()
        .take_while(|w| !crate::metadata::date::is_date_word(w))
        .collect();
    let name = name.join(" ");
    let name = name
        .trim_end_matches([',', '&'])
        .trim_end_matches(" and")
        .trim_end_matches(" And")
        .trim()
        .to_string();
    if name.is_empty() || name.split_whitespace().count() > 8 {
        return None;
    }
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{all_match, none_match};
    use super::*;

    #[test]
    fn reading_time_labels() {
        all_match(
            is_reading_time,
            &[
                "4 Min Read",
                "Lesezeit: 3 Minuten",
                "11 minut czytania",
                "Temps de lecture : 5 min",
                "ca. 2 Min. Lesezeit",
            ],
        );
        // A sentence that counts minutes of reading is prose.
        none_match(
            is_reading_time,
            &[
                "Most people read for 4 minutes before they stop.",
                "Reading time for children rose by 20 minutes a day.",
            ],
        );
    }

    #[test]
    fn bylines() {
        assert_eq!(byline_author("By Jane Doe", 3).as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline_author("By Jane Doe and John Roe, Reuters", 7).as_deref(),
            Some("Jane Doe and John Roe")
        );
        assert_eq!(
            byline_author("By the time the vote came, it was late.", 9),
            None
        );
        assert_eq!(
            byline_author(
                "By Erin Cunningham March 18 at 3:57 PM Follow @erinmcunningham",
                11
            )
            .as_deref(),
            Some("Erin Cunningham")
        );
    }
}
