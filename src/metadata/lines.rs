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
    // Lines that start with a byline label or follow one alone on its line,
    // anywhere on the page: (block index, names).
    let mut byline_lines: Vec<(usize, String)> = Vec::new();
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
