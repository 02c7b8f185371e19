//! Metadata read off blocks: the lines the classifier removed (bylines,
//! timestamps, credits, copyright) and the headline it kept.
//!
//! This is the only metadata plain text has, and a useful fallback for HTML
//! pages whose markup says nothing.

use super::author::bylines::{
    BYLINE_MAX_WORDS, after_date, byline_authors, byline_line, byline_name, inline_byline,
    labelled_author, marked_authors,
};
use super::{DateConfidence, Metadata, clean};
use super::{author, date};
use crate::block::{Block, BlockKind, DomHint};
use crate::chrome::{Reason, Verdict, patterns};
use crate::html::walk::AuthorMark;
use date::DateLabel;

/// Blocks this close to the first kept block count as the article's header
/// zone, where a timestamp is the article's own date (further away it may
/// belong to a teaser).
const HEADER_ZONE: usize = 6;

/// Blocks below the headline still in the header zone: a byline, a place
/// and a kicker may stand between the headline and its date.
const BELOW_HEADLINE: usize = 4;

/// Read metadata off classified blocks; `marks`: the elements the markup
/// marks as an author's (none for plain text).
pub fn from_blocks(blocks: &[Block], verdicts: &[Verdict], marks: &[AuthorMark]) -> Metadata {
    let mut meta = Metadata::default();
    let first_kept = verdicts.iter().position(|v| v.keep);
    // The article's headline, when the classifier kept one: a gallery or
    // a credit kept above it moves the first kept block, not the header.
    let headline_kept = blocks
        .iter()
        .zip(verdicts)
        .position(|(b, v)| v.keep && matches!(b.kind, BlockKind::Heading(_)));
    let near_first = |i: usize| first_kept.is_some_and(|f| i + HEADER_ZONE >= f && i <= f + 2);
    // The header zone for dates; inline bylines keep the zone around the
    // first kept block.
    let near = |i: usize| {
        near_first(i)
            || headline_kept.is_some_and(|h| i + HEADER_ZONE >= h && i <= h + BELOW_HEADLINE)
    };
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
    // Lines that start with a byline label or follow one alone on its line,
    // anywhere on the page: (block index, names).
    let mut byline_lines: Vec<(usize, String)> = Vec::new();
    let mut dates: Vec<LineDate> = Vec::new();
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
                dates.extend(LineDate::read(i, text, true));
            }
            Some(Reason::Timestamp) => dates.extend(LineDate::read(i, text, true)),
            // A short line with a date, whatever the classifier called it
            // ("erstellt von Dominique — veröffentlicht 28.01.2022 06:00"
            // judged outside the content): counted only in the header zone.
            // The date is read first: most short lines hold none, and then
            // whether the line is a copyright notice does not matter.
            _ if b.words <= DATELINE_MAX_WORDS => {
                if let Some(d) = LineDate::read(i, text, false)
                    && !is_copyright_like(text)
                {
                    dates.push(d);
                }
            }
            _ => {}
        }
        if v.keep && meta.source.is_none() {
            meta.source = patterns::wire_source(text);
        }
        // A dated byline kept in the story ("By Jane Doe, 01 June 2010")
        // still names the author.
        if inline_author.is_none() && b.words <= DATELINE_MAX_WORDS && near_first(i) {
            inline_author = inline_byline(text);
        }
        if labelled.is_none() {
            labelled = labelled_author(text, b.words);
        }
        if b.words <= BYLINE_MAX_WORDS
            && let Some(names) = byline_line(blocks[..i].last(), text)
        {
            byline_lines.push((i, names));
        }
        if v.keep && meta.author.is_none() && b.words <= BYLINE_MAX_WORDS {
            meta.author = byline_authors(text, b.words);
        }
    }
    // Of the byline lines anywhere, the one nearest the article's first
    // line: the others are teasers'.
    let nearest_byline = first_kept.and_then(|f| {
        byline_lines
            .into_iter()
            .min_by_key(|(i, _)| i.abs_diff(f))
            .map(|(_, names)| names)
    });
    if meta.author.is_none() {
        meta.author = inline_author.or(nearest_byline).or(labelled);
    }
    // A dateline inside the first kept lines ("16 January 2008 – The
    // Security Council...") is the article's date too; further down the
    // article's first kept lines (a byline, a caption or a lead may come
    // first) only a line that starts with its date is a dateline.
    if let Some(first) = first_kept {
        let opening = (first..blocks.len())
            .filter(|&i| verdicts[i].keep && !matches!(blocks[i].kind, BlockKind::Heading(_)))
            .take(DATELINE_KEPT_BLOCKS);
        let dateline = (first..blocks.len().min(first + 3))
            .filter(|&i| verdicts[i].keep)
            .chain(opening.filter(|&i| i >= first + 3 && starts_with_date(&blocks[i].text)))
            .find_map(|i| {
                let text = &blocks[i].text;
                if is_copyright_like(text) {
                    return None;
                }
                LineDate::read(i, prefix(text, 80), true).map(|d| LineDate { opening: true, ..d })
            });
        dates.extend(dateline);
    }
    if let Some((d, confidence)) = choose_date(dates, first_kept, near) {
        meta.date = Some(d.date.to_iso());
        meta.date_confidence = Some(confidence);
        meta.date_labelled_published = d.label == DateLabel::Published;
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

/// A date read off a line.
#[derive(Clone, Copy)]
struct LineDate {
    block: usize,
    date: date::ParsedDate,
    /// Stated by a timestamp or byline line (not any short dated line).
    stated: bool,
    label: DateLabel,
    /// Read at the start of one of the article's first kept lines.
    opening: bool,
}

impl LineDate {
    fn read(block: usize, text: &str, stated: bool) -> Option<LineDate> {
        date::parse_labelled(text).map(|(date, label)| LineDate {
            block,
            date,
            stated,
            label,
            opening: false,
        })
    }
}

/// Of the dates read off lines, the header zone's (one labelled as the
/// publication first, then the line nearest the article's first line: a
/// "today" line or a seminar ad may stand higher up; a date opening the
/// article's first lines last); else a header date labelled as the last
/// change ("Stand: …", "Updated …": often the only date a news page shows,
/// but no statement of the publication: flagged low); else one labelled as
/// the publication anywhere, or a timestamp line anywhere, or the page's
/// first short dated line (a dateline under the article, "veröffentlicht
/// 28.01.2022"), which may be a teaser's date: flagged low; else a change
/// anywhere, flagged low.
fn choose_date(
    mut dates: Vec<LineDate>,
    first_kept: Option<usize>,
    near: impl Fn(usize) -> bool,
) -> Option<(LineDate, DateConfidence)> {
    let today = date::today();
    dates.retain(|d| date::is_plausible(&d.date, today));
    let in_header = |d: &&LineDate| d.opening || near(d.block);
    let labelled = |d: &&LineDate| d.label == DateLabel::Published;
    let (published, updated): (Vec<LineDate>, Vec<LineDate>) = dates
        .into_iter()
        .partition(|d| d.label != DateLabel::Updated);
    let distance = |d: &&LineDate| {
        let f = first_kept.unwrap_or(0);
        // Timestamp and byline lines before a date in the article's first
        // lines; below the article's start before above it, at equal
        // distance.
        (d.opening, d.block.abs_diff(f), d.block < f)
    };
    let header: Vec<&LineDate> = published.iter().filter(in_header).collect();
    if let Some(d) = header
        .iter()
        .copied()
        .find(labelled)
        .or_else(|| header.iter().copied().min_by_key(distance))
    {
        return Some((*d, DateConfidence::Medium));
    }
    updated
        .iter()
        .find(in_header)
        .or_else(|| published.iter().find(labelled))
        .or_else(|| published.iter().find(|d| d.stated))
        .or_else(|| published.first())
        .or_else(|| updated.first())
        .map(|d| (*d, DateConfidence::Low))
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

/// A dateline's shape: the line starts with its date ("16 January 2008 –
/// …", "Mon, 3 May …"), or with a place and a comma before it ("Berlin,
/// 28.10.2021", "Karlsruhe, (12.11.2021)"). Prose that mentions a date
/// further on ("Am Sonntag, 5. November …", "… ab 01.01.2024") is no
/// dateline.
fn starts_with_date(text: &str) -> bool {
    let dated_start = |s: &str| {
        let s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '(');
        s.starts_with(|c: char| c.is_ascii_digit())
            || s.split_whitespace().next().is_some_and(date::is_date_word)
    };
    let text = text.trim_start();
    dated_start(text)
        || text.split_once(',').is_some_and(|(place, rest)| {
            (1..=PLACE_MAX_WORDS).contains(&place.split_whitespace().count())
                && !place.chars().any(|c| c.is_ascii_digit())
                && !place.split_whitespace().any(date::is_date_word)
                && dated_start(rest)
        })
}

/// A dateline's place has at most this many words ("Frankfurt am Main").
const PLACE_MAX_WORDS: usize = 3;

/// How many of the article's first kept lines (headings aside) are read
/// for a dateline: a byline, a caption or a lead may come before it.
const DATELINE_KEPT_BLOCKS: usize = 3;

/// Longest line read as a dateline in the header zone: a date with a place,
/// an author or a label beside it; a longer line is prose that mentions a
/// date.
const DATELINE_MAX_WORDS: usize = 12;

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

    fn line_dates(lines: &[(usize, &str, bool)]) -> Vec<LineDate> {
        lines
            .iter()
            .filter_map(|&(i, t, stated)| LineDate::read(i, t, stated))
            .collect()
    }

    fn chosen(lines: &[(usize, &str, bool)], near: impl Fn(usize) -> bool) -> Option<String> {
        choose_date(line_dates(lines), Some(10), near)
            .map(|(d, c)| format!("{} {c:?}", d.date.to_iso()))
    }

    #[test]
    fn labelled_publication_dates_over_others() {
        // In the header zone: the date labelled as the publication over a
        // "today" line above it.
        let lines = [
            (3, "May 11, 2022", true),
            (5, "Crime Published On May 10, 2022", false),
        ];
        assert_eq!(
            chosen(&lines, |i| i >= 3).as_deref(),
            Some("2022-05-10 Medium")
        );
        // Outside it: "Erschienen am" over the change above it.
        let lines = [
            (40, "Letzte Änderung: 31.10.2023 - 14:49:39", false),
            (41, "Erschienen am: 01.11.2023", false),
        ];
        assert_eq!(
            chosen(&lines, |i| i < 10).as_deref(),
            Some("2023-11-01 Low")
        );
        // Only a change: taken, never as the header's date.
        let lines = [(4, "Updated Jul 24, 2018, 2:15pm EDT", true)];
        assert_eq!(
            chosen(&lines, |_| true).as_deref(),
            Some("2018-07-24T14:15:00-04:00 Low")
        );
        // A change in the header over a timestamp far below (a video's).
        let lines = [
            (9, "Stand: 20. April 2020, 14:57 Uhr", false),
            (40, "Mi 08.07. 2020 13:30 Uhr", true),
        ];
        assert_eq!(
            chosen(&lines, |i| i < 12).as_deref(),
            Some("2020-04-20T14:57:00 Low")
        );
        // The header zone first.
        let lines = [(2, "12.02.2008", true), (30, "13.02.2008", true)];
        assert_eq!(
            chosen(&lines, |i| i > 20).as_deref(),
            Some("2008-02-13 Medium")
        );
        // In it, the line nearest the article's first line (10): a seminar
        // ad above the headline is farther.
        let lines = [
            (6, "19.1.23, 10:00-11:30 Uhr", true),
            (9, "20.12.2022", true),
        ];
        assert_eq!(
            chosen(&lines, |i| i >= 4).as_deref(),
            Some("2022-12-20 Medium")
        );
    }

    #[test]
    fn datelines_start_with_their_date() {
        for t in [
            "16 January 2008 – The Security Council met",
            "27.1.2022 - Bei der Erinnerung an die Verfolgten",
            "Berlin, 28.10.2021, 058/21",
            "Karlsruhe, (12.11.2021). Traditionell gedenken",
            "Monday, 3 May 2010 — The",
        ] {
            assert!(starts_with_date(t), "{t}");
        }
        for t in [
            "Am Sonntag, 5. November 2023, kurz nach 21.25 Uhr",
            "Die wichtigsten Ticketpreise ab 01.01.2024",
            "Im Jahr 2019, 5. Mai",
        ] {
            assert!(!starts_with_date(t), "{t}");
        }
    }

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
