//! The head of the story: its headline and the dateline or byline printed
//! under it (kept or left out with it).

use super::*;

/// A byline or dateline between the headline and the body ("By Jane Doe,
/// 01 June 2010", "Posted January 1, 2008") is part of the story as
/// printed: kept when a kept block stands right above it and right below
/// it, or, for a date, right before the story's first line.
pub(super) fn include_dateline(blocks: &[Block], verdicts: &mut [Verdict]) {
    let n = verdicts.len();
    let first_kept = verdicts.iter().position(|v| v.keep);
    for i in 1..n.saturating_sub(1) {
        // A byline counts when it carries the date ("By Jane Doe, 01 June
        // 2010"); a bare "By Jane Doe" is left out, as most extractors do.
        let is_dateline = match verdicts[i].reason {
            Some(Reason::Timestamp) => true,
            Some(Reason::Byline) => crate::metadata::date::parse_free(&blocks[i].text).is_some(),
            _ => false,
        } && blocks[i].words <= DATELINE_MAX_WORDS;
        if !is_dateline {
            continue;
        }
        let kept_above = (i.saturating_sub(2)..i).any(|j| verdicts[j].keep);
        let kept_below = (i + 1..(i + 3).min(n)).any(|j| verdicts[j].keep);
        // A date printed right above the story's first line ("15 January
        // 2008", then the headline) opens it.
        let opens_story =
            first_kept == Some(i + 1) && verdicts[i].reason == Some(Reason::Timestamp);
        if kept_above && kept_below || opens_story {
            verdicts[i] = Verdict::KEEP;
        }
    }
    // The first block too: a page can start with the date.
    if first_kept == Some(1)
        && verdicts[0].reason == Some(Reason::Timestamp)
        && blocks[0].words <= DATELINE_MAX_WORDS
    {
        verdicts[0] = Verdict::KEEP;
    }
}

/// A dateline longer than this is a paragraph that mentions a date.
pub(super) const DATELINE_MAX_WORDS: usize = 15;

/// A headline-shaped block: a few words, no sentence ending, mostly capitalised
/// (or a heading element).
pub(super) fn looks_like_headline(b: &Block) -> bool {
    (3..=25).contains(&b.words)
        && !patterns::ends_like_sentence(&b.text)
        && (matches!(b.kind, BlockKind::Heading(_)) || patterns::title_case_ratio(&b.text) >= 0.6)
}

/// A sentence-case headline ("Opposition leader confronts election chief"):
/// a single line of 4–20 words, no sentence ending, not a list item, with a
/// capital first letter. Only trusted right above the body, where nothing
/// else of that shape sits.
pub(super) fn looks_like_sentence_case_headline(b: &Block) -> bool {
    (4..=20).contains(&b.words)
        && b.kind != BlockKind::ListItem
        && !b.text.contains('\n')
        && !patterns::ends_like_sentence(&b.text)
        && b.text.chars().next().is_some_and(char::is_uppercase)
}

/// How many blocks other than datelines, bylines and share buttons may sit
/// between the headline and the first body block (an author photo caption,
/// a standfirst, a kicker).
pub(super) const HEADLINE_LOOKBACK: usize = 3;

/// However much chrome sits between them, the headline is looked for no
/// further up than this many blocks.
pub(super) const HEADLINE_MAX_SCAN: usize = 15;

/// Stage 4: the article's headline sits just above its first paragraph and is
/// part of the article. Keep the nearest headline-shaped block above the body
/// (skipping removed datelines and bylines), unless a rule removed it.
/// The headline found by the page's title: a block above the body (within
/// [`HEADLINE_MAX_SCAN`] blocks, whatever lies between) whose words are the
/// title's, or the title's without the site name ("Colorado Suspect Is
/// Silent at His Hearing" in "… - WSJ.com"). Returns whether one was kept
/// (or the body already starts with it).
pub(super) fn include_titled_headline(
    blocks: &[Block],
    first: Option<usize>,
    title: Option<&str>,
    verdicts: &mut [Verdict],
) -> bool {
    let (Some(first), Some(title)) = (first, title) else {
        return false;
    };
    let title = patterns::normalize(title);
    let title_words = title.split(' ').count();
    if title_words < TITLED_HEADLINE_MIN_WORDS {
        return false;
    }
    let matches = |b: &Block| repeats_title(b, &title, title_words);
    if matches(&blocks[first]) {
        return true;
    }
    for i in (first.saturating_sub(HEADLINE_MAX_SCAN)..first).rev() {
        if matches(&blocks[i]) {
            verdicts[i] = Verdict::KEEP;
            return true;
        }
    }
    false
}

/// Leave the story's headline out of the body: Readability, trafilatura,
/// newspaper and JSON-LD `articleBody` all give it as the title only, and
/// that is what a reader of `text` expects (`--headline` keeps it). The
/// headline is the first kept block when it repeats the page's title (a
/// heading that does not is a section of the text, as Readability keeps
/// it), or the second when the first is a short kicker or dateline above
/// it, and only when the body goes on after it: a page whose whole text is
/// one heading keeps it.
pub fn leave_out_headline(blocks: &[Block], verdicts: &mut [Verdict], title: Option<&str>) {
    let title = title.map(patterns::normalize).filter(|t| !t.is_empty());
    let is_headline = |b: &Block| {
        title
            .as_deref()
            .is_some_and(|title| repeats_title(b, title, title.split(' ').count()))
    };
    let kept: Vec<usize> = verdicts
        .iter()
        .enumerate()
        .filter(|(_, v)| v.keep)
        .map(|(i, _)| i)
        .take(HEADLINE_KEPT_SCAN + 1)
        .collect();
    for (k, &i) in kept.iter().enumerate().take(HEADLINE_KEPT_SCAN) {
        if k + 1 < kept.len() && is_headline(&blocks[i]) {
            verdicts[i] = Verdict::remove(Reason::Headline);
            drop_datelines_under(blocks, verdicts, i + 1);
            return;
        }
        // Only a kicker or a dateline stands above a headline.
        if blocks[i].words > DATELINE_MAX_WORDS || patterns::ends_like_sentence(&blocks[i].text) {
            return;
        }
    }
}

/// The dateline and byline printed under a headline that was left out
/// ("By Jane Roe, 01 June 2010", "Updated 1:39 am EST"): kept only as part
/// of the printed head of the story, they go with it.
pub(super) fn drop_datelines_under(blocks: &[Block], verdicts: &mut [Verdict], from: usize) {
    for i in from..blocks.len() {
        if !verdicts[i].keep {
            continue;
        }
        match rule_for(&blocks[i]) {
            Some(reason @ (Reason::Timestamp | Reason::Byline))
                if blocks[i].words <= DATELINE_MAX_WORDS =>
            {
                verdicts[i] = Verdict::remove(reason);
            }
            _ => return,
        }
    }
}

/// Kept blocks searched for the headline: itself, or a kicker above it.
pub(super) const HEADLINE_KEPT_SCAN: usize = 2;

/// Does a block repeat the page's title (`title` normalised, of
/// `title_words` words): the same words, or one holding the other with at
/// most two words more (a site name cut off or added)?
pub(super) fn repeats_title(b: &Block, title: &str, title_words: usize) -> bool {
    let text = patterns::normalize(&b.text);
    let words = text.split(' ').count();
    text == title
        || words >= TITLED_HEADLINE_MIN_WORDS
            && words <= title_words + 2
            && (title.contains(&text) || text.contains(title))
}

/// A title shorter than this is too likely to match a menu item.
pub(super) const TITLED_HEADLINE_MIN_WORDS: usize = 3;

pub(super) fn include_headline(
    blocks: &[Block],
    rules: &[Option<Reason>],
    verdicts: &mut [Verdict],
) {
    let Some(first) = verdicts.iter().position(|v| v.keep) else {
        return;
    };
    if matches!(blocks[first].kind, BlockKind::Heading(_)) {
        return;
    }
    // Skipped chrome (a share bar of five buttons) does not count toward the
    // distance; other blocks do.
    let mut distance = 0;
    for i in (first.saturating_sub(HEADLINE_MAX_SCAN)..first).rev() {
        let b = &blocks[i];
        // Between a headline and its story sit its dateline and byline,
        // share and print buttons, text-size controls and an ad slot; a
        // text dump also interleaves a side column's cells.
        let skippable = matches!(
            rules[i],
            Some(
                Reason::Timestamp
                    | Reason::Byline
                    | Reason::ReadingTime
                    | Reason::Comments
                    | Reason::SharePrompt
                    | Reason::Template
                    | Reason::Menu
                    | Reason::Sidebar
                    | Reason::Advertisement
                    | Reason::LowContent
            )
        );
        if rules[i].is_some() && !skippable {
            break;
        }
        if !skippable {
            distance += 1;
            if distance > HEADLINE_LOOKBACK {
                break;
            }
        }
        // A heading may be a link (a blog post's title links to its own
        // page); other headline-shaped blocks may not (teasers).
        let heading = matches!(b.kind, BlockKind::Heading(1..=3));
        if rules[i].is_none()
            && (b.link_density() < 0.5 || heading)
            && (matches!(b.kind, BlockKind::Heading(1 | 2))
                || looks_like_headline(b) && b.words >= 4
                // A sentence-case headline looks like any short line, so
                // it must stand close: right above the story, or above one
                // line (a standfirst, a "[-] Text [+]" control).
                || distance <= SENTENCE_CASE_HEADLINE_DISTANCE
                    && looks_like_sentence_case_headline(b))
        {
            verdicts[i] = Verdict::KEEP;
            return;
        }
    }
}

/// See [`include_headline`].
pub(super) const SENTENCE_CASE_HEADLINE_DISTANCE: usize = 2;
