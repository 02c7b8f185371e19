//! Metadata read off blocks: the lines the classifier removed (bylines,
//! timestamps, credits, copyright) and the headline it kept.
//!
//! This is the only metadata plain text has, and a useful fallback for HTML
//! pages whose markup says nothing.

use super::{DateConfidence, Metadata, clean};
use super::{author, date};
use crate::block::{Block, BlockKind, DomHint};
use crate::chrome::{Reason, Verdict, patterns};
use crate::html::walk::AuthorMark;

/// Blocks this close to the first kept block count as the article's header
/// zone, where a timestamp is the article's own date (further away it may
/// belong to a teaser).
const HEADER_ZONE: usize = 6;

/// Read metadata off classified blocks; `marks`: the elements the markup
/// marks as an author's (none for plain text).
pub fn from_blocks(blocks: &[Block], verdicts: &[Verdict], marks: &[AuthorMark]) -> Metadata {
    let mut meta = Metadata::default();
    let first_kept = verdicts.iter().position(|v| v.keep);
    let near = |i: usize| first_kept.is_some_and(|f| i + HEADER_ZONE >= f && i <= f + 2);
    if let Some(first) = first_kept {
        let last = verdicts.iter().rposition(|v| v.keep).unwrap_or(first);
        let found = marked_authors(marks, |b| b + HEADER_ZONE >= first && b <= last + 2);
        meta.author = author::join(&found);
    }
    // A byline inside a short line of the header zone ("Posted on September
    // 21, 2020 by Adi Tzlil"), used when no byline line names the author.
    let mut inline_author: Option<String> = None;
    // An "Autor: …" line anywhere on the page, the last resort.
    let mut labelled: Option<String> = None;
    // (block index, date, stated by a timestamp or byline line).
    let mut dates: Vec<(usize, date::ParsedDate, bool)> = Vec::new();
    for (i, (b, v)) in blocks.iter().zip(verdicts).enumerate() {
        let text = b.text.trim();
        // Markup that names a byline (class "byline" or "author"): its
        // first short line names the author, "By" or not.
        if b.dom_hint == Some(DomHint::Byline)
            && meta.author.is_none()
            && (2..=BYLINE_MAX_WORDS).contains(&b.words)
        {
            meta.author =
                byline_name(after_date(text)).and_then(|n| author::join(&author::names(&n)));
        }
        match v.reason {
            Some(Reason::Syndication) if meta.source.is_none() => {
                meta.source = patterns::syndication_source(text, b.words);
            }
            Some(Reason::FooterCredit) if meta.publisher.is_none() => {
                meta.publisher = patterns::footer_credit(text, b.words)
                    .map(|p| p.trim_end_matches('.').to_string());
            }
            Some(Reason::Copyright) if meta.copyright.is_none() => {
                meta.copyright = copyright_holder(text);
            }
            Some(Reason::Byline) => {
                if meta.author.is_none() {
                    meta.author = byline_authors(text, b.words);
                }
                // A byline often carries the date ("By Jane Doe on March
                // 3, 2021"), whoever named the author first.
                if let Some(d) = date::parse_free(text) {
                    dates.push((i, d, true));
                }
            }
            Some(Reason::Timestamp) => {
                if let Some(d) = date::parse_free(text) {
                    dates.push((i, d, true));
                }
            }
            // A short line with a date, whatever the classifier called it
            // ("erstellt von Dominique — veröffentlicht 28.01.2022 06:00"
            // judged outside the content): counted only in the header zone.
            _ if b.words <= DATELINE_MAX_WORDS && !is_copyright_like(text) => {
                if let Some(d) = date::parse_free(text) {
                    dates.push((i, d, false));
                }
            }
            _ => {}
        }
        if v.keep && meta.source.is_none() {
            meta.source = patterns::wire_source(text);
        }
        // A dated byline kept in the story ("By Jane Doe, 01 June 2010")
        // still names the author.
        if inline_author.is_none() && b.words <= DATELINE_MAX_WORDS && near(i) {
            inline_author = inline_byline(text);
        }
        if labelled.is_none() {
            labelled = labelled_author(text, b.words);
        }
        if v.keep && meta.author.is_none() && b.words <= BYLINE_MAX_WORDS {
            meta.author = byline_authors(text, b.words);
        }
    }
    if meta.author.is_none() {
        meta.author = inline_author.or(labelled);
    }
    // A dateline inside the first kept lines ("16 January 2008 – The Security
    // Council...") is the article's date too.
    if let Some(first) = first_kept {
        for (i, b) in blocks.iter().enumerate().skip(first).take(3) {
            if verdicts[i].keep
                && !is_copyright_like(&b.text)
                && let Some(d) = date::parse_free(prefix(&b.text, 80))
            {
                dates.push((i, d, true));
                break;
            }
        }
    }
    if let Some((d, confidence)) = choose_date(dates, near) {
        meta.date = Some(d.to_iso());
        meta.date_confidence = Some(confidence);
    }
    meta.title = first_kept.and_then(|f| headline(blocks, verdicts, f));
    meta
}

/// The title: the first kept block when it is a heading or headline-shaped,
/// else the headline above it.
fn headline(blocks: &[Block], verdicts: &[Verdict], first_kept: usize) -> Option<String> {
    let b = &blocks[first_kept];
    let headline = matches!(b.kind, BlockKind::Heading(_))
        || (2..=25).contains(&b.words) && reads_like_headline(b);
    if headline {
        clean(&b.text)
    } else {
        headline_above(blocks, verdicts, first_kept).and_then(|i| clean(blocks[i].text.trim()))
    }
}

/// Of the dates read off lines (block index, date, stated by a timestamp
/// or byline line), the first plausible one in the header zone; else a
/// timestamp line anywhere; else the page's first short dated line (a
/// dateline under the article, "veröffentlicht 28.01.2022"). The last two
/// may be a teaser's date: flagged low.
fn choose_date(
    mut dates: Vec<(usize, date::ParsedDate, bool)>,
    near: impl Fn(usize) -> bool,
) -> Option<(date::ParsedDate, DateConfidence)> {
    let today = date::today();
    dates.retain(|(_, d, _)| date::is_plausible(d, today));
    if let Some((_, d, _)) = dates.iter().find(|(i, _, _)| near(*i)) {
        return Some((*d, DateConfidence::Medium));
    }
    dates
        .iter()
        .find(|(_, _, stated)| *stated)
        .or_else(|| dates.first())
        .map(|(_, d, _)| (*d, DateConfidence::Low))
}

/// How far above the article's first line its headline is looked for: a
/// dateline, a byline, share buttons and a photo credit may stand between.
const HEADLINE_LOOKBACK: usize = 8;

/// The headline of an article whose first kept line is prose: the line
/// above it that reads like a headline (a few words, no sentence end, not a
/// list item, not chrome a rule named), preferring longer lines and those
/// followed by what follows headlines (a date, a byline, share buttons).
fn headline_above(blocks: &[Block], verdicts: &[Verdict], first: usize) -> Option<usize> {
    let follows_headline = |i: usize| {
        blocks
            .iter()
            .zip(verdicts)
            .skip(i + 1)
            .take(2)
            .any(|(b, v)| {
                matches!(
                    v.reason,
                    Some(
                        Reason::Timestamp
                            | Reason::Byline
                            | Reason::SharePrompt
                            | Reason::AccountPrompt
                            | Reason::Syndication
                    )
                ) || date::parse_free(prefix(&b.text, 80)).is_some()
            })
    };
    (first.saturating_sub(HEADLINE_LOOKBACK)..first)
        .filter(|&i| {
            let (b, v) = (&blocks[i], &verdicts[i]);
            let generic = matches!(
                v.reason,
                Some(
                    Reason::Navigation
                        | Reason::OutsideContent
                        | Reason::LowContent
                        | Reason::RelatedHeadline
                        | Reason::Header
                )
            );
            generic
                && (HEADLINE_MIN_WORDS..=HEADLINE_MAX_WORDS).contains(&b.words)
                && reads_like_headline(b)
        })
        .max_by_key(|&i| (blocks[i].words + if follows_headline(i) { 5 } else { 0 }, i))
}

/// Headline-shaped: no sentence end, not a list item, and none of the
/// shapes of the lines around a headline (column gaps, menus, tag lists,
/// "Tags: …" labels, datelines).
fn reads_like_headline(b: &Block) -> bool {
    let text = b.text.trim();
    let labelled = text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with(':'));
    b.kind != BlockKind::ListItem
        && !text.starts_with(['*', '+', '•', '-'])
        && !patterns::ends_like_sentence(text)
        && !text.contains("    ")
        && !text.contains(" | ")
        && !text.contains(" / ")
        && text.matches(',').count() < 2
        && !labelled
        && date::parse_free(prefix(text, 80)).is_none()
}

/// A headline has at least this many words ("Amy cries…") and at most this
/// many (a sentence-length teaser is not a headline).
const HEADLINE_MIN_WORDS: usize = 4;
const HEADLINE_MAX_WORDS: usize = 20;

/// Longest line read as a dateline in the header zone: a date with a place,
/// an author or a label beside it; a longer line is prose that mentions a
/// date.
const DATELINE_MAX_WORDS: usize = 12;

/// Longest byline-element text read as a name.
const BYLINE_MAX_WORDS: usize = 12;

/// A byline element's text after the date it starts with ("28. Jan. 2022
/// Paula Balov", "September 17, 2019 Helmut Rubik"): numbers, separators,
/// and month or weekday names beside a number.
fn after_date(text: &str) -> &str {
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
fn labelled_author(text: &str, words: usize) -> Option<String> {
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
    let first = text.split_whitespace().next()?.to_lowercase();
    if words > BYLINE_MAX_WORDS || !LABELS.contains(&first.as_str()) {
        return None;
    }
    let rest = text.trim_start()[first.len()..].trim_start();
    rest.starts_with(char::is_uppercase)
        .then(|| author::join(&author::names(rest)))
        .flatten()
}

/// Every name of a "By …" line, comma-separated. A one-word name must end
/// the line or stand before a separator or a date: "Von Physio bis Fango",
/// "von Künstlern, Bands, DJs" are phrases that start with "von".
fn byline_authors(text: &str, words: usize) -> Option<String> {
    let name = patterns::byline_author(text, words)?;
    if name.split_whitespace().count() == 1 {
        let rest = text
            .split_once(name.as_str())
            .map_or("", |(_, r)| r)
            .trim_start();
        let ends = rest.is_empty()
            || rest.starts_with(['|', '-', '–', '—', '·', '/'])
            || date::parse_free(rest).is_some();
        if !ends {
            return None;
        }
    }
    author::join(&author::names(&name))
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
fn inline_byline(text: &str) -> Option<String> {
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
            return byline_name(&text[pos..]).and_then(|n| author::join(&author::names(&n)));
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
fn marked_authors(marks: &[AuthorMark], in_article: impl Fn(usize) -> bool) -> Vec<String> {
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
            found.extend(author::names(&names));
        }
    }
    // A handle beside a written name is that name's account ("Edilson La
    // Rosa, edilsonlarosa").
    if found.iter().any(|n| !n.starts_with(char::is_lowercase)) {
        found.retain(|n| !n.starts_with(char::is_lowercase));
    }
    found
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
    // or "by" ("Posted on May 3, 2020 by Adi Tzlil"); not a word that is
    // also a name's particle ("Walter von Aachen", "Giovanni di Stefano").
    let mut labels = words.iter().enumerate().filter(|&(i, w)| {
        author::is_byline_label(w) && (i == 0 || w.ends_with(':') || w.eq_ignore_ascii_case("by"))
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
        .take_while(|w| author::is_byline_label(w))
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
    // A lowercase word is a handle when it is all the element says, alone
    // or after a label ("tlow", "von mywakenews"); else it starts a phrase
    // ("vor 3 Tagen"), as after a verb ("Veröffentlicht am").
    let lowercase = name
        .first()
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    let after_verb = labels > 0 && author::is_byline_verb(words[labels - 1]);
    if name.is_empty() || lowercase && (rest.len() > 1 || after_verb) {
        return None;
    }
    author::join(&author::names(&name.join(" ")))
}

/// The name in a byline element's text: "By" dropped, stopped at a date, a
/// separator or a handle.
fn byline_name(text: &str) -> Option<String> {
    // Leading label words: "By", "Written by", "Автор:", "Par".
    let is_label = |w: &&str| author::is_byline_label(w);
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

fn prefix(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn is_copyright_like(text: &str) -> bool {
    patterns::is_copyright(text, crate::block::count_words(text))
}

/// The holder and year of a copyright notice, as written, without the
/// boilerplate words: `All rights reserved to Arab Today Media Group 2023 ©`
/// gives `Arab Today Media Group 2023`.
pub fn copyright_holder(text: &str) -> Option<String> {
    let stripped = patterns::strip_copyright_words(text);
    let notice = notice_only(&stripped);
    let s = clean(notice.trim_matches(|c: char| c.is_whitespace() || ".,;:-–|".contains(c)))?;
    // "All rights reserved." alone names nobody.
    (s.chars().any(char::is_alphanumeric)).then_some(s)
}

/// What follows a copyright notice on its footer line: the links of the
/// footer ("| Impressum | Datenschutz"), the theme and software credits
/// ("Theme: Ari", "Powered by WordPress"), a sentence after it.
const FOOTER_TAIL_STARTS: &[&str] = &[
    "powered by",
    "proudly powered",
    "theme:",
    "theme by",
    "wordpress theme",
    "content management by",
    "impressum",
    "datenschutz",
    "privacy",
    "imprint",
    "terms",
    "cookie",
    "sitemap",
    "kontakt",
    "contact",
];

/// The notice without the rest of its footer line: cut at the first link
/// separator (` | `, ` · `, ` • `), at a sentence end, or where a footer
/// link or a software credit starts.
fn notice_only(text: &str) -> &str {
    let mut end = text.len();
    for sep in [" | ", " · ", " • "] {
        if let Some(p) = text.find(sep)
            && text[..p].chars().any(char::is_alphabetic)
        {
            end = end.min(p);
        }
    }
    // A sentence end: a word of three letters or more before ". ", not an
    // abbreviation ("Co.", "S.A.", "e.V.", "GMBH.").
    if let Some(p) = text.match_indices(". ").map(|(p, _)| p).find(|&p| {
        let word = text[..p].rsplit(' ').next().unwrap_or("");
        word.chars().count() >= 3
            && word.chars().all(char::is_alphabetic)
            && !word.chars().all(char::is_uppercase)
    }) {
        end = end.min(p);
    }
    let lower = text.to_lowercase();
    for tail in FOOTER_TAIL_STARTS {
        // Byte offsets agree between the text and its lowercase form only
        // for ASCII; the tails are ASCII, so a match found in the lowercase
        // text is checked on the original text before it is used.
        if let Some(p) = lower.find(tail)
            && p > 0
            && text.is_char_boundary(p)
            && text[p..].to_lowercase().starts_with(tail)
        {
            end = end.min(p);
        }
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_title_is_the_headline_above_the_first_paragraph() {
        let page = "Home | News | Sport | Weather\n\
                    Tags: vista, os, us, microsoft\n\
                    Aussies need doubles win at Hopman Cup\n\
                    Posted January 1, 2008 16:10:00\n\
                    Print\n\
                    Australia's team in the Hopman Cup tennis tournament in Perth will need to win \
                    the mixed doubles tonight to reach the final, after the singles were shared.\n\
                    The doubles pair lost their first match of the week but won the next two, and \
                    the coach said on Tuesday that both players were fit and ready to play.\n";
        let opts = crate::Options {
            input_kind: Some(crate::InputKind::Text),
            ..Default::default()
        };
        let article = crate::clean(&crate::Input::new(page.as_bytes()), &opts).expect("clean");
        assert_eq!(
            article.metadata.title.as_deref(),
            Some("Aussies need doubles win at Hopman Cup")
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

    #[test]
    fn copyright_holders() {
        assert_eq!(
            copyright_holder("All rights reserved to Arab Today Media Group 2023 ©").as_deref(),
            Some("Arab Today Media Group 2023")
        );
        assert_eq!(
            copyright_holder("© 2008 Reuters.").as_deref(),
            Some("2008 Reuters")
        );
        assert_eq!(copyright_holder("All rights reserved."), None);
        assert_eq!(
            copyright_holder(
                "© 2020 BDZV - Bundesverband Digitalpublisher e.V. | Impressum | Datenschutz"
            )
            .as_deref(),
            Some("2020 BDZV - Bundesverband Digitalpublisher e.V")
        );
        assert_eq!(
            copyright_holder(
                "© 2015 Steinzeit & Co. Theme: Ari von Elmastudio. Proudly powered by WordPress"
            )
            .as_deref(),
            Some("2015 Steinzeit & Co")
        );
        assert_eq!(
            copyright_holder("© Editorial Argentino S.A. 1996-2022 Clarín.com").as_deref(),
            Some("Editorial Argentino S.A. 1996-2022 Clarín.com")
        );
        assert_eq!(
            copyright_holder("© 2019 Appen Limited. Privacy Statement").as_deref(),
            Some("2019 Appen Limited")
        );
        assert_eq!(
            copyright_holder("© 2022 Biathlon Weltcup KomiteeImpressumPrivacy & AGBs").as_deref(),
            Some("2022 Biathlon Weltcup Komitee")
        );
        assert_eq!(
            copyright_holder("© 2023 Вечерние новости. Все права защищены.").as_deref(),
            Some("2023 Вечерние новости")
        );
    }
}
