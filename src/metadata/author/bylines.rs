//! Bylines: the names a byline line, a label and the line after it, or an
//! element the markup marks as the author's give, without the labels,
//! dates and separators around them.

use super::super::date;
use crate::block::{Block, BlockKind};
use crate::chrome::patterns;
use crate::html::walk::AuthorMark;

/// Longest byline-element text read as a name.
pub(crate) const BYLINE_MAX_WORDS: usize = 12;

/// A byline element's text after the date it starts with ("28. Jan. 2022
/// Paula Balov", "September 17, 2019 Helmut Rubik"): numbers, separators,
/// and month or weekday names beside a number.
pub(crate) fn after_date(text: &str) -> &str {
    let words: Vec<&str> = text.split_whitespace().collect();
    let has_digit = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    let mut skip = 0;
    while let Some(w) = words.get(skip) {
        let dated = has_digit(w)
            || date::is_date_word(w)
                && (skip > 0 || words.get(skip + 1).is_some_and(|n| has_digit(n)));
        if !(dated || matches!(*w, "|" | "-" | "–" | "—" | "·" | "," | "/")) {
            break;
        }
        skip += 1;
    }
    if skip == 0 {
        return text;
    }
    // The rest of the text from the first word kept.
    words.get(skip).map_or("", |w| {
        let mut from = 0;
        for prev in &words[..skip] {
            from = text[from..]
                .find(prev)
                .map_or(from, |p| from + p + prev.len());
        }
        text[from..].find(w).map_or("", |p| &text[from + p..])
    })
}

/// A short line that labels its author ("Autor: Klausmartin Friedrich",
/// "Text: Jane Doe", "Autoren Jelko Djuren und Jutta Klaukien"): the label
/// first, with a colon or as the plural "Autoren".
pub(crate) fn labelled_author(text: &str, words: usize) -> Option<String> {
    const LABELS: &[&str] = &[
        "autor:",
        "autorin:",
        "autoren:",
        "autoren",
        "author:",
        "authors:",
        "text:",
        "von:",
        "auteur:",
        "autore:",
        "redaktion:",
    ];
    let first = text.split_whitespace().next()?;
    // Every label starts with one of these letters; an ASCII first letter
    // other than these rules the line out before lowercasing (every block
    // is asked).
    let may_be_label =
        |b: u8| !b.is_ascii() || matches!(b.to_ascii_lowercase(), b'a' | b't' | b'v' | b'r');
    if words > BYLINE_MAX_WORDS || !may_be_label(first.as_bytes()[0]) {
        return None;
    }
    let first = first.to_lowercase();
    if !LABELS.contains(&first.as_str()) {
        return None;
    }
    let rest = text.trim_start()[first.len()..].trim_start();
    rest.starts_with(char::is_uppercase)
        .then(|| super::join(&super::names(rest)))
        .flatten()
}

/// Every name of a "By …" line, comma-separated. A one-word name must end
/// the line or stand before a separator or a date: "Von Physio bis Fango",
/// "von Künstlern, Bands, DJs" are phrases that start with "von".
pub(crate) fn byline_authors(text: &str, words: usize) -> Option<String> {
    let name = patterns::byline_author(text, words)?;
    lone_word_ends_line(text, &name).then(|| super::join(&super::names(&name)))?
}

/// Does the first name of `names`, if it is one word, end the line or
/// stand before a separator or a date ("von Heiko", "Von Tobi | 3. Mai")?
/// "Von Physio bis Fango", "Von Einheimischen, Gästen und Kühen" are
/// phrases that start like a byline.
pub(crate) fn lone_word_ends_line(text: &str, names: &str) -> bool {
    let first = names.split(',').next().unwrap_or(names).trim();
    if first.contains(' ') {
        return true;
    }
    let rest = text.split_once(first).map_or("", |(_, r)| r).trim_start();
    // A number after the name is a date or a count ("by Kay 24 Comments").
    rest.is_empty()
        || rest.starts_with(['|', '-', '–', '—', '·', '/'])
        || rest.starts_with(|c: char| c.is_ascii_digit())
        || date::parse_free(rest).is_some()
}

/// Words that start a byline inside a line ("… 2020 by Adi Tzlil", "… von
/// Heiko"), in the languages of the pages.
const INLINE_BYLINE_WORDS: &[&str] = &["by", "von", "par", "por", "door", "av", "przez"];

/// The names after a byline word inside a short line: `Posted on September
/// 21, 2020 by Adi Tzlil` gives `Adi Tzlil`, `yas! | By Cara Stiles | April
/// 13, 2020` gives `Cara Stiles`. The name must start with a capital, and
/// the line must start with the byline word or carry a date (the line of
/// date and author under a headline): "Bild von Josh Willink", "Einsatz von
/// Windenergieanlagen" are captions and prose.
pub(crate) fn inline_byline(text: &str) -> Option<String> {
    let starts = text
        .split_whitespace()
        .next()
        .is_some_and(|w| INLINE_BYLINE_WORDS.contains(&w.to_lowercase().as_str()));
    if !starts && date::parse_free(text).is_none() {
        return None;
    }
    let mut start = 0;
    for w in text.split_whitespace() {
        let pos = start + text[start..].find(w)?;
        start = pos + w.len();
        if INLINE_BYLINE_WORDS.contains(&w.to_lowercase().as_str()) {
            let rest = text[start..].trim_start();
            if !rest.starts_with(char::is_uppercase) {
                continue;
            }
            return byline_name(&text[pos..])
                .filter(|n| lone_word_ends_line(text, n))
                .and_then(|n| super::join(&super::names(&n)));
        }
    }
    None
}

/// The names of the first author-marked elements around the article (from
/// its header zone to just after its last line, `in_article`) and outside
/// comments and teasers: the byline's. Marks in the same block (two linked
/// names of one byline) all count; of marks inside one another (`<span
/// class="byline">von <span class="author"><a class="fn">`) the innermost
/// speaks, the outer ones carry the label and the date around it.
pub(crate) fn marked_authors(
    marks: &[AuthorMark],
    in_article: impl Fn(usize) -> bool,
) -> Vec<String> {
    let usable = |m: &&AuthorMark| !m.in_chrome && !m.cut && in_article(m.block);
    let Some(first) = marks
        .iter()
        .filter(usable)
        .find(|m| marked_author(&m.text).is_some())
    else {
        return Vec::new();
    };
    let group: Vec<&str> = marks
        .iter()
        .filter(usable)
        .filter(|m| m.block == first.block && marked_author(&m.text).is_some())
        .map(|m| m.text.as_str())
        .collect();
    let mut found: Vec<String> = Vec::new();
    for (k, text) in group.iter().enumerate() {
        let wraps_another = group
            .iter()
            .enumerate()
            .any(|(j, other)| j != k && other.len() < text.len() && text.contains(other));
        if !wraps_another && let Some(names) = marked_author(text) {
            found.extend(super::names(&names));
        }
    }
    // A handle beside a written name is that name's account ("Edilson La
    // Rosa, edilsonlarosa").
    if found.iter().any(|n| !n.starts_with(char::is_lowercase)) {
        found.retain(|n| !n.starts_with(char::is_lowercase));
    }
    found
}

/// A line without the bullet of a list item ("* Von").
fn unbullet(t: &str) -> &str {
    t.trim().trim_start_matches(['*', '-', '•']).trim()
}

/// The names of a byline line: one that starts with a byline label ("von
/// Birgit Posselt", "* Von: Rasender Reporter", "Posted 11. April 2018 by
/// Walter von Aachen"), or one after a label alone on its line ("Von" /
/// "Götz Warnke"). A one-word name must end the line or stand before a
/// separator or a date: "Von Physio bis Fango" is a phrase.
pub(crate) fn byline_line(previous: Option<&Block>, text: &str) -> Option<String> {
    let text = unbullet(text);
    // A label alone on its line: "Von", "By", "Autor:", "Autor"; not a
    // menu's item ("* Autoren", "* Texte").
    let label_alone = previous
        .filter(|p| {
            let label = unbullet(&p.text);
            let item = p.kind == BlockKind::ListItem || label != p.text.trim();
            // "Di" alone is a weekday ("Mo Di Mi") as often as Italian "by".
            !label.contains(' ')
                && super::is_byline_label(label)
                && (label.chars().count() > 2 || is_byline_word(label))
                && (!item || label.ends_with(':') || is_byline_word(label))
        })
        .map(|p| unbullet(&p.text));
    // A line that starts with a label: "von", "By", "Posted", "Autor:";
    // not "Autor Schlink: Wahl zum Gratisbuch", a headline.
    let starts_labelled = text.split_whitespace().next().is_some_and(|w| {
        super::is_byline_label(w)
            && (w.ends_with(':') || is_byline_word(w) || super::is_byline_verb(w))
    });
    if label_alone.is_none() && !starts_labelled {
        return None;
    }
    let names = marked_author(text)?;
    let one_word = !names.split(',').next().unwrap_or(&names).contains(' ');
    // A search form's "Von:" field (a date range, a filter after it).
    if one_word && label_alone.is_some_and(|l| l.ends_with(':')) {
        return None;
    }
    lone_word_ends_line(text, &names).then_some(names)
}

/// "by", "von", "par" (any case, a colon after it or not): the words that
/// put a byline's name after them.
fn is_byline_word(w: &str) -> bool {
    INLINE_BYLINE_WORDS.contains(&w.trim_end_matches(':').to_lowercase().as_str())
}

/// The names in the text of an element the markup marks as the author's
/// (`<span class="author">`, a link to `/author/…`): after the date and the
/// label the element may start with ("Datum: 19.11.2021 Autor: Fritz
/// Imhof"), up to a date, a separator or the next label. One word is a name
/// here, even in lowercase ("tlow", "Lars"): the markup says it is one.
fn marked_author(text: &str) -> Option<String> {
    let words: Vec<&str> = after_date(text).split_whitespace().collect();
    let separators = words
        .iter()
        .filter(|w| matches!(**w, "|" | "/" | "·"))
        .count();
    if separators >= MARK_LIST_SEPARATORS {
        return None;
    }
    // Where a label starts: the text's first word, or a word with a colon,
    // or "by" ("Posted on May 3, 2020 by Adi Tzlil"), or "von" after a date;
    // not a word that is also a name's particle ("Walter von Aachen",
    // "Giovanni di Stefano").
    let after_number = |i: usize| i > 0 && words[i - 1].chars().any(|c| c.is_ascii_digit());
    let mut labels = words.iter().enumerate().filter(|&(i, w)| {
        super::is_byline_label(w)
            && (i == 0
                || w.ends_with(':')
                || w.eq_ignore_ascii_case("by")
                // "Veröffentlicht am 17. Dezember 2019 von Simon Dückert"
                || after_number(i) && INLINE_BYLINE_WORDS.contains(&w.to_lowercase().as_str()))
    });
    match labels.next() {
        Some((i, _)) => std::iter::once(i)
            .chain(labels.map(|(i, _)| i))
            .find_map(|i| name_after_label(&words[i..])),
        // "Datum:", "Stand:", "Quelle:": another field's label.
        None if words.first().is_some_and(|w| w.ends_with(':')) => None,
        None => name_after_label(&words),
    }
}

/// Separators in an author-marked element's text from which on it is a
/// list (of categories, of links: "CSP / International / Photovoltaik /
/// Speicher"), not a byline: a byline has a name, a date and a section at
/// most.
const MARK_LIST_SEPARATORS: usize = 3;

/// The names in `words` after the labels they start with, up to a date, a
/// separator, a handle or the next label.
fn name_after_label(words: &[&str]) -> Option<String> {
    let labels = words
        .iter()
        .take_while(|w| super::is_byline_label(w) || w.trim_matches(':').is_empty())
        .count();
    let rest = &words[labels..];
    // What ends a name: a date, a handle, a separator; after its first
    // word, a lowercase connector, the next label ("Quelle:") or the next
    // credit's verb ("Jane Doe Edited by John Roe").
    let ends_name = |i: usize, w: &str| {
        let later = i > 0
            && (is_lowercase_connector(w)
                || w.ends_with(':')
                || rest
                    .get(i + 1)
                    .is_some_and(|n| n.eq_ignore_ascii_case("by")));
        later
            || date::is_date_word(w)
            || w.starts_with('@')
            || w.chars().any(|c| c.is_ascii_digit())
            || matches!(w, "|" | "-" | "–" | "—" | "·" | "/")
    };
    let name: Vec<&str> = rest
        .iter()
        .enumerate()
        .take_while(|&(i, w)| !ends_name(i, w))
        .map(|(_, w)| *w)
        .collect();
    // "Schlink:": a word that labels what follows, not a name; "& Themen"
    // is the rest of a phrase; after a verb, a short word is its
    // preposition, in capitals too ("VERÖFFENTLICHT AM").
    let after_verb = labels > 0 && super::is_byline_verb(words[labels - 1]);
    if name.first().is_some_and(|w| {
        w.ends_with(':')
            || !w.starts_with(char::is_alphanumeric)
            || after_verb && w.chars().count() <= 3
    }) {
        return None;
    }
    // A lowercase word is a handle when it is all the element says, alone
    // or after a label ("tlow", "von mywakenews"); else it starts a phrase
    // ("vor 3 Tagen"), as after a verb ("Veröffentlicht am").
    let lowercase = name
        .first()
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    if name.is_empty() || lowercase && (rest.len() > 1 || after_verb) {
        return None;
    }
    super::join(&super::names(&name.join(" ")))
}

/// The name in a byline element's text: "By" dropped, stopped at a date, a
/// separator or a handle.
pub(crate) fn byline_name(text: &str) -> Option<String> {
    // Leading label words: "By", "Written by", "Автор:", "Par".
    let is_label = |w: &&str| super::is_byline_label(w);
    let labelled = text.split_whitespace().next().is_some_and(|w| is_label(&w));
    let words: Vec<&str> = text
        .split_whitespace()
        .skip_while(is_label)
        .take_while(|w| {
            !date::is_date_word(w)
                && !is_lowercase_connector(w)
                && !w.starts_with('@')
                && !w.chars().any(|c| c.is_ascii_digit())
                && !matches!(*w, "|" | "-" | "–" | "—" | "·")
        })
        .collect();
    let name = words.join(" ");
    let name = name.trim_end_matches([',', ';', ':']).trim();
    // One word is a name only behind a label ("von Tobi"): alone it is as
    // often a section or a button.
    let min_words = if labelled { 1 } else { 2 };
    (name.split_whitespace().count() >= min_words
        && name.chars().next().is_some_and(char::is_uppercase))
    .then(|| name.to_string())
}

/// A lowercase word that ends a name in a byline ("Jane Doe *on* May 3",
/// "Jane Doe *for* Reuters"); the particles of names ("van", "de", "bin")
/// do not.
fn is_lowercase_connector(word: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin",
        "ibn", "al", "y", "e", "dos", "das", "ten", "ter",
    ];
    word.chars().next().is_some_and(char::is_lowercase) && !PARTICLES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_lines() {
        let para = |t: &str| Block::new(t.into(), BlockKind::Paragraph);
        let item = |t: &str| Block::new(t.into(), BlockKind::ListItem);
        let line = |prev: Option<Block>, t: &str| byline_line(prev.as_ref(), t);
        // A line that starts with a byline word, a verb or a labelled noun.
        assert_eq!(
            line(None, "von Birgit Posselt").as_deref(),
            Some("Birgit Posselt")
        );
        assert_eq!(
            line(None, "* von: Rasender Reporter").as_deref(),
            Some("Rasender Reporter")
        );
        assert_eq!(
            line(None, "Von : Adrian Padeanu").as_deref(),
            Some("Adrian Padeanu")
        );
        assert_eq!(
            line(None, "Posted 11. April 2018 by Walter von Aachen").as_deref(),
            Some("Walter von Aachen")
        );
        assert_eq!(
            line(
                None,
                "Veröffentlicht am 17. Dezember 2019 von Simon Dückert"
            )
            .as_deref(),
            Some("Simon Dückert")
        );
        // The name on the line after a label alone.
        assert_eq!(
            line(Some(para("Autor")), "Nikolai Huke,").as_deref(),
            Some("Nikolai Huke")
        );
        assert_eq!(line(Some(para("Von")), "Robert").as_deref(), Some("Robert"));
        assert_eq!(
            line(Some(item("* Von")), "* Simon Braasch").as_deref(),
            Some("Simon Braasch")
        );
        // Phrases, headlines, menus and forms that start like bylines.
        assert_eq!(line(None, "Von Physio bis Fango"), None);
        assert_eq!(
            line(None, "Von Einheimischen, Gästen und ganz viel Kühen"),
            None
        );
        assert_eq!(line(None, "Autor Schlink: Wahl zum Gratisbuch"), None);
        assert_eq!(line(None, "VERÖFFENTLICHT AM 07.06.2019"), None);
        assert_eq!(line(None, "Autoren & Themen"), None);
        assert_eq!(line(Some(item("* Autoren")), "* Newsletter"), None);
        assert_eq!(line(Some(para("Von:")), "Filter"), None);
        assert_eq!(line(Some(para("Di")), "Mi"), None);
        assert_eq!(line(None, "Jane Doe"), None);
        assert_eq!(
            inline_byline("12/04/2020 by Kay 24 Comments").as_deref(),
            Some("Kay")
        );
    }

    #[test]
    fn names_in_author_markup() {
        let m = |t: &str| marked_author(t);
        assert_eq!(m("tlow").as_deref(), Some("tlow"));
        assert_eq!(m("von mywakenews").as_deref(), Some("mywakenews"));
        assert_eq!(m("Veröffentlicht am"), None);
        assert_eq!(m("vor 3 Tagen"), None);
        assert_eq!(m("Article by"), None);
        assert_eq!(m("Datum:"), None);
        assert_eq!(m("Stand: 20. April 2020, 14:57 Uhr"), None);
        assert_eq!(
            m("Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet").as_deref(),
            Some("Fritz Imhof")
        );
        assert_eq!(
            m("Posted on September 21, 2020 by Adi Tzlil").as_deref(),
            Some("Adi Tzlil")
        );
        assert_eq!(
            m("28. Jan. 2022 Paula Balov").as_deref(),
            Some("Paula Balov")
        );
        assert_eq!(m("Walter von Aachen").as_deref(), Some("Walter von Aachen"));
        assert_eq!(
            m("Written by Rob Ewaschuk Edited by Betsy Beyer").as_deref(),
            Some("Rob Ewaschuk")
        );
        assert_eq!(
            m("01.12.2022 / / CSP / International / Photovoltaik / Speicher"),
            None
        );
    }

    #[test]
    fn the_first_author_markup_around_the_article() {
        let mark = |text: &str, in_chrome: bool, block: usize| AuthorMark {
            text: text.into(),
            cut: false,
            in_chrome,
            block,
        };
        let marks = [
            mark("Gastautorin Meyer", false, 1),
            mark("Klaus Becker", true, 5),
            mark("von Lars Fischer und", false, 8),
            mark("Lars Fischer", false, 8),
            mark("Alina Schadwinkel", false, 8),
            mark("lfischer", false, 8),
            mark("Jane Doe", false, 40),
        ];
        // Blocks 5 to 30 hold the article and its header.
        let zone = |b: usize| (5..=30).contains(&b);
        assert_eq!(
            marked_authors(&marks, zone),
            ["Lars Fischer", "Alina Schadwinkel"]
        );
        assert!(marked_authors(&marks[..2], zone).is_empty());
    }

    #[test]
    fn byline_names_stop_at_connectors() {
        assert_eq!(
            byline_name("By Anna Weller on March 3, 2021").as_deref(),
            Some("Anna Weller")
        );
        assert_eq!(
            byline_name("By Piet van der Berg for Reuters").as_deref(),
            Some("Piet van der Berg")
        );
    }

    #[test]
    fn bylines_inside_header_lines() {
        assert_eq!(
            inline_byline("Posted on September 21, 2020 by Adi Tzlil").as_deref(),
            Some("Adi Tzlil")
        );
        assert_eq!(
            inline_byline("Veröffentlicht am 10. Februar 2019 von Heiko").as_deref(),
            Some("Heiko")
        );
        assert_eq!(
            inline_byline("yas! | By Cara Stiles | April 13, 2020").as_deref(),
            Some("Cara Stiles")
        );
        // "by" before a lowercase word is prose, not a byline.
        assert_eq!(inline_byline("Sorted by date"), None);
        assert_eq!(inline_byline("Fotos von unten"), None);
        assert_eq!(inline_byline("Der Einsatz von Windenergieanlagen"), None);
    }

    #[test]
    fn byline_elements_starting_with_a_date() {
        assert_eq!(after_date("28. Jan. 2022 Paula Balov"), "Paula Balov");
        assert_eq!(
            after_date("September 17, 2019 Helmut Rubik 0"),
            "Helmut Rubik 0"
        );
        assert_eq!(after_date("May Smith"), "May Smith");
        assert_eq!(after_date("By Jane Doe"), "By Jane Doe");
        assert_eq!(
            byline_name(after_date("September 17, 2019 Helmut Rubik 0")).as_deref(),
            Some("Helmut Rubik")
        );
    }

    #[test]
    fn phrases_starting_with_von_are_not_bylines() {
        assert_eq!(byline_authors("Von Physio bis Fango", 4), None);
        assert_eq!(byline_authors("von Künstlern, Bands, DJs,", 4), None);
        assert_eq!(byline_authors("Von Heiko", 2).as_deref(), Some("Heiko"));
        assert_eq!(
            byline_authors("By Jane Doe and John Roe", 6).as_deref(),
            Some("Jane Doe, John Roe")
        );
    }

    #[test]
    fn labelled_author_lines() {
        assert_eq!(
            labelled_author("Autor: Klausmartin Friedrich", 3).as_deref(),
            Some("Klausmartin Friedrich")
        );
        assert_eq!(
            labelled_author("Autoren Jelko Djuren und Jutta Klaukien", 6).as_deref(),
            Some("Jelko Djuren, Jutta Klaukien")
        );
        // Not a label, or prose after it.
        assert_eq!(labelled_author("Autoren gesucht", 2), None);
        assert_eq!(labelled_author("Jane Doe", 2), None);
    }
}
