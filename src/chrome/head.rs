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

/// A picture's caption closing with its credit ("… in die Enge. Bild:
/// Jane Roe/Theater", "… in the harbour. By COAST GUARD") printed at the
/// head of the story, above its first paragraph of prose: the picture
/// stands at the head, and without it the caption reads as a stray lead.
/// Looked for among the first [`HEAD_CAPTION_SCAN`] kept blocks, up to the
/// first block longer than a caption (the body has begun).
pub(super) fn drop_head_captions(blocks: &[Block], verdicts: &mut [Verdict]) {
    let kept: Vec<usize> = (0..blocks.len())
        .filter(|&i| verdicts[i].keep)
        .take(HEAD_CAPTION_SCAN + 1)
        .collect();
    for (k, &i) in kept.iter().enumerate().take(HEAD_CAPTION_SCAN) {
        let b = &blocks[i];
        // A body must go on under it: a page that is one caption keeps it.
        if k + 1 < kept.len()
            && !matches!(b.kind, BlockKind::Heading(_))
            && patterns::ends_with_picture_credit(&b.text, b.words)
        {
            verdicts[i] = Verdict::remove(Reason::PictureCredit);
        } else if b.words > HEAD_CAPTION_MAX_WORDS {
            return;
        }
    }
}

/// The head of the story: headline, kicker or deck, byline, the picture's
/// caption, then the body.
const HEAD_CAPTION_SCAN: usize = 4;

/// A block longer than a caption (a paragraph of the body) ends the head.
const HEAD_CAPTION_MAX_WORDS: usize = 45;

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
/// title's, or the title's without the site name ("Storm closes the
/// harbour road" in "… - The Riverside Courier"). Returns whether one was kept
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
/// it), or under up to four short kicker or dateline lines above it (which
/// go with it), and only when a body longer than it goes on after it: a page whose
/// whole text is one heading keeps it, and so does a page of two short
/// lines ("Step one", "Step two"), whose first line heads nothing.
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
        .take(HEADLINE_KICKERS_SCAN + 1)
        .collect();
    for (k, &i) in kept.iter().enumerate().take(HEADLINE_KICKERS_SCAN) {
        if k + 1 < kept.len() && is_headline(&blocks[i]) && heads_a_body(blocks, verdicts, i) {
            verdicts[i] = Verdict::remove(Reason::Headline);
            // What is printed above the headline heads it: a dateline
            // ("12.12.2022, 08:30 Uhr"), a rubric or kicker ("Promis",
            // "Politiques publiques"), an issue's label, a shorter copy of
            // the headline. All of it goes with it.
            for &above in &kept[..k] {
                let reason = dateline_reason(&blocks[above]).unwrap_or(Reason::Headline);
                verdicts[above] = Verdict::remove(reason);
            }
            drop_datelines_under(blocks, verdicts, i + 1);
            return;
        }
        // Only a kicker or a dateline stands above a headline.
        if blocks[i].words > DATELINE_MAX_WORDS || patterns::ends_like_sentence(&blocks[i].text) {
            return;
        }
    }
}

/// Kept blocks searched for the headline to leave out: itself, or under
/// up to four short lines above it (a rubric, a kicker, a dateline, an
/// issue's label, a second copy of the headline). Four: a magazine prints
/// its section, issue and price lines above the headline; more short lines
/// than that are a list the headline is not part of.
const HEADLINE_KICKERS_SCAN: usize = 5;

/// Leave the story's byline out of the body, as its headline: the
/// author's name on a line of its own among the first
/// [`BYLINE_KEPT_SCAN`] kept blocks ("Iwona Kurz"), with the line of the
/// writer's role under it ("Redakteur in der Wirtschaft."). `author` is
/// the page's author as read from its metadata (names joined by commas);
/// a name of one word is too likely a word of the story to be looked for.
/// `--headline` keeps the head of the story as printed.
pub fn leave_out_bylines(blocks: &[Block], verdicts: &mut [Verdict], author: Option<&str>) {
    let Some(author) = author else {
        return;
    };
    let names: Vec<String> = author
        .split([',', ';', '&', '/'])
        .map(patterns::normalize)
        .filter(|n| n.contains(' '))
        .collect();
    if names.is_empty() {
        return;
    }
    let kept: Vec<usize> = (0..blocks.len())
        .filter(|&i| verdicts[i].keep)
        .take(BYLINE_KEPT_SCAN + 1)
        .collect();
    for (k, &i) in kept.iter().enumerate().take(BYLINE_KEPT_SCAN) {
        if blocks[i].words > BYLINE_NAME_MAX_WORDS
            || !names.contains(&patterns::normalize(&blocks[i].text))
        {
            continue;
        }
        verdicts[i] = Verdict::remove(Reason::Byline);
        if let Some(&role) = kept.get(k + 1)
            && blocks[role].words <= BYLINE_ROLE_MAX_WORDS
            && !matches!(blocks[role].kind, BlockKind::Heading(_))
            // A line in capitals is a heading, not a role.
            && blocks[role].text.chars().any(char::is_lowercase)
            && !names.contains(&patterns::normalize(&blocks[role].text))
            && heads_a_body(blocks, verdicts, role)
        {
            verdicts[role] = Verdict::remove(Reason::Byline);
        }
    }
}

/// The head of the story: a kicker, the deck, a dateline, then one or two
/// writers' names, each with the line of their role.
const BYLINE_KEPT_SCAN: usize = 6;

/// A writer's name: a few words.
const BYLINE_NAME_MAX_WORDS: usize = 5;

/// A writer's role under the name ("Redakteur in der Wirtschaft der
/// Frankfurter Allgemeinen Sonntagszeitung."): a line, not a paragraph.
const BYLINE_ROLE_MAX_WORDS: usize = 12;

/// Do the kept blocks after block `i` hold more words than it? (Stops
/// counting as soon as they do.)
fn heads_a_body(blocks: &[Block], verdicts: &[Verdict], i: usize) -> bool {
    let mut words = 0;
    for (b, v) in blocks[i + 1..].iter().zip(&verdicts[i + 1..]) {
        if v.keep {
            words += b.words;
            if words > blocks[i].words {
                return true;
            }
        }
    }
    false
}

/// The dateline and byline printed under a headline that was left out
/// ("By Jane Roe, 01 June 2010", "Updated 1:39 am EST"): kept only as part
/// of the printed head of the story, they go with it. They stand right
/// under it or under the lead, among the story's first
/// [`HEAD_DATELINE_SCAN`] kept blocks.
pub(super) fn drop_datelines_under(blocks: &[Block], verdicts: &mut [Verdict], from: usize) {
    let kept: Vec<usize> = (from..blocks.len())
        .filter(|&i| verdicts[i].keep)
        .take(HEAD_DATELINE_SCAN)
        .collect();
    for i in kept {
        if let Some(reason) = dateline_reason(&blocks[i]) {
            verdicts[i] = Verdict::remove(reason);
        }
    }
}

/// The head of the story under its headline: a dateline, a lead, a
/// byline, then the body.
const HEAD_DATELINE_SCAN: usize = 3;

/// Why a block is a dateline or byline of the story's head, if it is one:
/// a timestamp or byline line, short.
fn dateline_reason(b: &Block) -> Option<Reason> {
    match rule_for(b) {
        Some(reason @ (Reason::Timestamp | Reason::Byline)) if b.words <= DATELINE_MAX_WORDS => {
            Some(reason)
        }
        _ => None,
    }
}

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

/// The story's lead printed just above the body in an element of its own
/// that the container did not take in (a `div.intro` beside the body's
/// `div`): a paragraph of prose with hardly a link, no rule and no chrome
/// hint against it, at most [`LEAD_ABOVE_LOOKBACK`] blocks above the first
/// kept block (past its dateline, byline and share bar), below the
/// headline. A teaser of another story above the body is mostly its link.
pub(super) fn include_lead_above(
    blocks: &[Block],
    rules: &[Option<Reason>],
    prose: &[f32],
    verdicts: &mut [Verdict],
) {
    let Some(first) = verdicts.iter().position(|v| v.keep) else {
        return;
    };
    let mut distance = 0;
    for i in (0..first).rev() {
        let b = &blocks[i];
        if matches!(b.kind, BlockKind::Heading(_)) {
            return;
        }
        if matches!(
            rules[i],
            Some(Reason::Timestamp | Reason::Byline | Reason::ReadingTime | Reason::SharePrompt)
        ) {
            continue;
        }
        distance += 1;
        if distance > LEAD_ABOVE_LOOKBACK {
            return;
        }
        if rules[i].is_none()
            && b.dom_hint.is_none()
            && b.kind == BlockKind::Paragraph
            && prose[i] >= LEAD_ABOVE_MIN_PROSE
            && b.link_density() < LEAD_ABOVE_MAX_LINK_DENSITY
        {
            verdicts[i] = Verdict::KEEP;
            return;
        }
    }
}

/// Blocks other than datelines and share bars between the lead and the
/// body: a picture's caption or an ad slot.
const LEAD_ABOVE_LOOKBACK: usize = 2;
/// A lead is a sentence or two of prose (about twenty words)...
const LEAD_ABOVE_MIN_PROSE: f32 = 20.0;
/// ...with hardly a link.
const LEAD_ABOVE_MAX_LINK_DENSITY: f32 = 0.1;

/// The story's lead (standfirst, teaser, perex) printed in an element of
/// its own above the body, which the container did not take in: the page's
/// meta description says the same (sites fill `description` and
/// `og:description` from the lead). A block dropped for lying outside the
/// container, for being short, or for its element's name (a lead is often
/// marked `teaser`, `intro` or put in the `<header>` with the headline), at
/// the head of the story or among its blocks, that says what the
/// description says, is the lead: kept. No rule on its text spoke against
/// it. Without a description (plain text) nothing changes.
pub fn include_described_lead(
    blocks: &[Block],
    verdicts: &mut [Verdict],
    description: Option<&str>,
) {
    let Some(description) = description.map(described_words) else {
        return;
    };
    if description.split(' ').count() < LEAD_MIN_WORDS {
        return;
    }
    let (Some(first), Some(last)) = (
        verdicts.iter().position(|v| v.keep),
        verdicts.iter().rposition(|v| v.keep),
    ) else {
        return;
    };
    for i in first.saturating_sub(LEAD_SCAN)..last {
        let b = &blocks[i];
        let plain = matches!(
            verdicts[i].reason,
            Some(
                Reason::OutsideContent
                    | Reason::LowContent
                    | Reason::Header
                    | Reason::RelatedHeadline
                    | Reason::Navigation
                    | Reason::Sidebar
            )
        );
        if verdicts[i].keep || !plain || b.words < LEAD_MIN_WORDS {
            continue;
        }
        if says_the_description(&patterns::normalize(&b.text), &description) {
            // A copy of a lead the body already holds (a teaser of the
            // story itself above it) adds nothing.
            if !kept_says(blocks, verdicts, &description) {
                verdicts[i] = Verdict::KEEP;
                drop_links_kept_above_body(blocks, verdicts, i + 1);
            }
            return;
        }
    }
}

/// A story's headline stands above its lead: lines that are mostly a link,
/// kept (as the headline) between the lead and the body's first line, are
/// a box's links to the story (its entry in a "most read" list that
/// repeats the title).
fn drop_links_kept_above_body(blocks: &[Block], verdicts: &mut [Verdict], from: usize) {
    for i in from..blocks.len() {
        if !verdicts[i].keep {
            continue;
        }
        if blocks[i].link_density() < LINKED_LINE_DENSITY {
            return;
        }
        verdicts[i] = Verdict::remove(Reason::RelatedHeadline);
    }
}

/// A line with at least this share of its text in links is a link.
const LINKED_LINE_DENSITY: f32 = 0.5;

/// Does a kept block already say what the description says?
fn kept_says(blocks: &[Block], verdicts: &[Verdict], description: &str) -> bool {
    blocks.iter().zip(verdicts).any(|(b, v)| {
        v.keep
            && b.words >= LEAD_MIN_WORDS
            && says_the_description(&patterns::normalize(&b.text), description)
    })
}

/// The description's words, normalised, without a word cut short where the
/// site truncated it ("…enthalten Staub und Schimmel…").
fn described_words(description: &str) -> String {
    let mut words = patterns::normalize(description);
    let trimmed = description.trim_end();
    if (trimmed.ends_with('…') || trimmed.ends_with("..."))
        && let Some(cut) = words.rfind(' ')
    {
        words.truncate(cut);
    }
    words
}

/// Does a block (normalised) say what the description says: the one
/// starts with the other (a description is the lead, its first sentences,
/// or the lead cut short), both at least [`LEAD_MIN_WORDS`] long?
fn says_the_description(text: &str, description: &str) -> bool {
    let (short, long) = if text.len() <= description.len() {
        (text, description)
    } else {
        (description, text)
    };
    short.split(' ').count() >= LEAD_MIN_WORDS
        && long.starts_with(short)
        // ...ending at a word's end, not inside one.
        && matches!(long.as_bytes().get(short.len()), None | Some(b' '))
}

/// A lead (and a description) runs to a sentence at least: a shorter match
/// is a label or a headline, which the description may also start with.
const LEAD_MIN_WORDS: usize = 8;

/// The lead is looked for at most this many blocks above the story's first
/// kept block: past the headline, a dateline, a picture and its caption,
/// and a box the page's layout sets between the head and the body (a
/// "most read" list of ten linked headlines with their counters). What
/// the description says is evidence enough at that distance.
const LEAD_SCAN: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "Gutes Heu ist das Grundnahrungsmittel für unsere Pferde. Heulage genießt als Pferdefutter einen weniger guten Ruf.";
    const BODY: &str = "Für Pferde mit Allergien kann auch Heulage eine Alternative sein, wenn der Ballen richtig gelagert und kontrolliert wird.";

    /// Headline, lead (left outside the container), body; the verdicts the
    /// container stage gave them.
    fn page(lead: &str) -> (Vec<Block>, Vec<Verdict>) {
        let blocks = vec![
            Block::new("Heulage: Besser als ihr Ruf?".into(), BlockKind::Heading(1)),
            Block::new(lead.into(), BlockKind::Paragraph),
            Block::new(BODY.into(), BlockKind::Paragraph),
        ];
        let verdicts = vec![
            Verdict::remove(Reason::OutsideContent),
            Verdict::remove(Reason::RelatedHeadline),
            Verdict::KEEP,
        ];
        (blocks, verdicts)
    }

    #[test]
    fn the_lead_the_description_repeats_is_kept() {
        let (blocks, mut verdicts) = page(LEAD);
        include_described_lead(&blocks, &mut verdicts, Some(LEAD));
        assert!(verdicts[1].keep);
        // A description cut short with an ellipsis still names the lead.
        let (blocks, mut verdicts) = page(LEAD);
        let cut =
            "Gutes Heu ist das Grundnahrungsmittel für unsere Pferde. Heulage genießt als Pferdef…";
        include_described_lead(&blocks, &mut verdicts, Some(cut));
        assert!(verdicts[1].keep);
        assert!(!verdicts[0].keep, "the headline is not the lead");
    }

    #[test]
    fn a_teaser_the_description_does_not_repeat_stays_out() {
        let other = "Heu ist die Grundlage einer guten Pferdefütterung, doch viele Ballen enthalten Staub und Schimmelpilze.";
        let (blocks, mut verdicts) = page(other);
        include_described_lead(&blocks, &mut verdicts, Some(LEAD));
        assert!(!verdicts[1].keep);
        // No description (plain text), or one too short to say anything.
        let (blocks, mut verdicts) = page(LEAD);
        include_described_lead(&blocks, &mut verdicts, None);
        assert!(!verdicts[1].keep);
        include_described_lead(&blocks, &mut verdicts, Some("Gutes Heu"));
        assert!(!verdicts[1].keep);
    }

    #[test]
    fn a_described_lead_past_a_box_of_linked_headlines_is_kept_once() {
        // Headline, lead, then a "most read" box of twenty linked
        // headlines set between the head and the body.
        let (mut blocks, mut verdicts) = page(LEAD);
        for n in 0..20 {
            let mut teaser = Block::new(format!("Meistgelesen Nummer {n}"), BlockKind::Heading(3));
            teaser.link_chars = teaser.text.len();
            blocks.insert(2, teaser);
            verdicts.insert(2, Verdict::remove(Reason::OutsideContent));
        }
        // The box's entry for this story, kept as its headline.
        blocks[2].text = "Heulage: Besser als ihr Ruf?".into();
        blocks[2].link_chars = blocks[2].text.len();
        verdicts[2] = Verdict::KEEP;
        include_described_lead(&blocks, &mut verdicts, Some(LEAD));
        assert!(verdicts[1].keep);
        assert_eq!(verdicts[2].reason, Some(Reason::RelatedHeadline));
        // When the body already holds the lead, a copy above it stays out.
        let (mut blocks, mut verdicts) = page(LEAD);
        blocks.push(Block::new(LEAD.into(), BlockKind::Paragraph));
        verdicts.push(Verdict::KEEP);
        include_described_lead(&blocks, &mut verdicts, Some(LEAD));
        assert!(!verdicts[1].keep);
    }

    #[test]
    fn a_block_a_rule_removed_is_not_taken_back_as_the_lead() {
        let (blocks, mut verdicts) = page(LEAD);
        verdicts[1] = Verdict::remove(Reason::CookieNotice);
        include_described_lead(&blocks, &mut verdicts, Some(LEAD));
        assert!(!verdicts[1].keep);
    }

    /// The verdicts on paragraphs of `texts`, all kept, after the headline
    /// `title` names is left out.
    fn headline_left_out(texts: &[&str], title: Option<&str>) -> Vec<Verdict> {
        let blocks: Vec<Block> = texts
            .iter()
            .map(|t| Block::new((*t).into(), BlockKind::Paragraph))
            .collect();
        let mut verdicts = vec![Verdict::KEEP; blocks.len()];
        leave_out_headline(&blocks, &mut verdicts, title);
        verdicts
    }

    #[test]
    fn datelines_above_and_under_a_left_out_headline_go_with_it() {
        let texts = [
            "12.12.2022, 08:30 Uhr",
            "Kernfusion gegen die Energiekrise",
            LEAD,
            "23.06.2016 um 16:14 Uhr",
            BODY,
        ];
        let verdicts = headline_left_out(&texts, Some("Kernfusion gegen die Energiekrise"));
        let kept: Vec<bool> = verdicts.iter().map(|v| v.keep).collect();
        assert_eq!(kept, [false, false, true, false, true]);
        assert_eq!(verdicts[0].reason, Some(Reason::Timestamp));
        // With no headline found (no title), the head stays as printed.
        let verdicts = headline_left_out(&texts, None);
        assert!(verdicts.iter().all(|v| v.keep));
    }

    #[test]
    fn a_credited_caption_at_the_head_goes_and_not_in_the_body() {
        let caption = "Ein Moment im Stück: die Menge wird zum Mob. Bild: Jane Roe/Theater Nord";
        let blocks: Vec<Block> = ["Tanz im Depot", caption, LEAD, BODY, caption]
            .iter()
            .map(|t| Block::new((*t).into(), BlockKind::Paragraph))
            .collect();
        let mut verdicts = vec![Verdict::KEEP; blocks.len()];
        drop_head_captions(&blocks, &mut verdicts);
        let kept: Vec<bool> = verdicts.iter().map(|v| v.keep).collect();
        // Past the lead, the story has begun: a caption there is left alone.
        assert_eq!(kept, [true, false, true, true, true]);
        assert_eq!(verdicts[1].reason, Some(Reason::PictureCredit));
        // A page that is only the caption keeps it.
        let blocks = vec![Block::new(caption.into(), BlockKind::Paragraph)];
        let mut verdicts = vec![Verdict::KEEP];
        drop_head_captions(&blocks, &mut verdicts);
        assert!(verdicts[0].keep);
    }

    #[test]
    fn the_authors_name_and_role_at_the_head_go_not_a_name_in_the_story() {
        let texts = [
            LEAD,
            "Jane Roe",
            "Editor for science.",
            BODY,
            BODY,
            BODY,
            BODY,
            "Jane Roe",
        ];
        let blocks: Vec<Block> = texts
            .iter()
            .map(|t| Block::new((*t).into(), BlockKind::Paragraph))
            .collect();
        let kept = |author: Option<&str>| -> Vec<bool> {
            let mut verdicts = vec![Verdict::KEEP; blocks.len()];
            leave_out_bylines(&blocks, &mut verdicts, author);
            verdicts.iter().map(|v| v.keep).collect()
        };
        // The name in the story's body (past the head) stays.
        assert_eq!(
            kept(Some("John Doe, Jane Roe")),
            [true, false, false, true, true, true, true, true]
        );
        // No author known, or another one: all stays.
        assert_eq!(kept(None), [true; 8]);
        assert_eq!(kept(Some("John Doe")), [true; 8]);
        // A one-word name is not looked for.
        let blocks = [LEAD, "Roe", BODY].map(|t| Block::new(t.into(), BlockKind::Paragraph));
        let mut verdicts = vec![Verdict::KEEP; 3];
        leave_out_bylines(&blocks, &mut verdicts, Some("Roe"));
        assert!(verdicts.iter().all(|v| v.keep));
    }

    #[test]
    fn kickers_above_a_left_out_headline_go_with_it() {
        let title = "Kernfusion gegen die Energiekrise";
        let texts = [
            "Wissenschaft",
            "Ausgabe 12, Winter 2022",
            "Kernfusion gegen Energiekrise",
            title,
            LEAD,
            BODY,
        ];
        let verdicts = headline_left_out(&texts, Some(title));
        let kept: Vec<bool> = verdicts.iter().map(|v| v.keep).collect();
        assert_eq!(kept, [false, false, false, false, true, true]);
        // A paragraph above the title's words: they are not the headline,
        // and nothing goes.
        let texts = [
            "Wissenschaft",
            "Forscher in Kalifornien melden einen Durchbruch, der die Energiekrise nicht lösen wird.",
            title,
            LEAD,
            BODY,
        ];
        let verdicts = headline_left_out(&texts, Some(title));
        assert!(verdicts.iter().all(|v| v.keep));
        // Five short lines above it are a list, not the headline's kickers.
        let texts = ["Eins", "Zwei", "Drei", "Vier", "Fünf", title, LEAD, BODY];
        let verdicts = headline_left_out(&texts, Some(title));
        assert!(verdicts.iter().all(|v| v.keep));
    }

    #[test]
    fn a_first_line_that_heads_nothing_longer_is_not_a_headline() {
        let kept = |texts: &[&str], title: &str| -> Vec<bool> {
            let verdicts = headline_left_out(texts, Some(title));
            verdicts.iter().map(|v| v.keep).collect()
        };
        // Two lines as short as each other: items, not a headline and a story.
        assert_eq!(kept(&["Step one", "Step two"], "Step one"), [true, true]);
        // A story under it, however short, longer than the headline.
        assert_eq!(
            kept(&["Step one", "Step two of the plan"], "Step one"),
            [false, true]
        );
        assert_eq!(
            kept(&["Step one", "Step", "two"], "Step one"),
            [true, true, true]
        );
        assert_eq!(
            kept(&["Step one", "Step", "two", "x"], "Step one"),
            [false, true, true, true]
        );
    }

    #[test]
    fn a_sentence_with_a_date_under_the_headline_is_the_story() {
        let texts = [
            "Kernfusion gegen die Energiekrise",
            "Am 12.12.2022 um 08:30 Uhr gaben Forscher in Kalifornien bekannt, dass ihr Reaktor mehr Energie erzeugt hat als hineingesteckt wurde.",
            BODY,
        ];
        let verdicts = headline_left_out(&texts, Some("Kernfusion gegen die Energiekrise"));
        let kept: Vec<bool> = verdicts.iter().map(|v| v.keep).collect();
        assert_eq!(kept, [false, true, true]);
    }

    /// Headline, a block above the body (outside the container), body.
    fn above(text: &str) -> (Vec<Block>, Vec<Option<Reason>>, Vec<f32>, Vec<Verdict>) {
        let blocks = vec![
            Block::new("Heulage: Besser als ihr Ruf?".into(), BlockKind::Heading(1)),
            Block::new(text.into(), BlockKind::Paragraph),
            Block::new(BODY.into(), BlockKind::Paragraph),
        ];
        let rules = vec![None; 3];
        let ctx = Context {
            stop: StopWords::for_language("de"),
            has_container: true,
            favor: Favor::Balanced,
        };
        let prose = blocks.iter().map(|b| prose_score(b, &ctx)).collect();
        let verdicts = vec![
            Verdict::remove(Reason::OutsideContent),
            Verdict::remove(Reason::OutsideContent),
            Verdict::KEEP,
        ];
        (blocks, rules, prose, verdicts)
    }

    #[test]
    fn a_prose_lead_between_headline_and_body_is_kept() {
        let lead = "Heu ist die Grundlage einer guten Pferdefütterung, doch viele Ballen enthalten Staub und Schimmelpilze. Was Sie bei der Fütterung beachten müssen, lesen Sie hier.";
        let (blocks, rules, prose, mut verdicts) = above(lead);
        include_lead_above(&blocks, &rules, &prose, &mut verdicts);
        assert!(verdicts[1].keep);
        assert!(!verdicts[0].keep);
    }

    #[test]
    fn a_label_or_a_linked_teaser_above_the_body_stays_out() {
        let (blocks, rules, prose, mut verdicts) = above("Fütterung und Gesundheit");
        include_lead_above(&blocks, &rules, &prose, &mut verdicts);
        assert!(!verdicts[1].keep);
        let teaser = "Heu ist die Grundlage einer guten Pferdefütterung, doch viele Ballen enthalten Staub und Schimmelpilze. Was Sie bei der Fütterung beachten müssen, lesen Sie hier.";
        let (mut blocks, rules, prose, mut verdicts) = above(teaser);
        blocks[1].link_chars = teaser.chars().count();
        include_lead_above(&blocks, &rules, &prose, &mut verdicts);
        assert!(!verdicts[1].keep);
    }
}
