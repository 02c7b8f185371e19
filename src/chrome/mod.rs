//! The chrome classifier: one judge for blocks from HTML and from plain text.
//!
//! It runs in four stages, each a named function below:
//!
//! 1. [`rule_for`] — pattern rules on a block's own text (copyright, footer
//!    credit, syndication, timestamp, prompts, menus, …). A hit is decisive.
//! 2. [`content_score`] — how much a block looks like article prose: length,
//!    stop-word density, sentence shape, link density.
//! 3. Region selection — where the article is. With a DOM, the HTML stage has
//!    already marked the blocks of the chosen container ([`Block::in_container`]);
//!    without one (plain text) the region is the run of lines with the largest
//!    total content score ([`best_span`], the Body Text Extraction idea of Finn
//!    et al. 2001 applied to lines).
//! 4. Clean-up inside the region: repeats, link lists, DOM chrome hints, and the
//!    headline just above the body.
//!
//! Every removed block carries a [`Reason`], so `--explain` can show why and the
//! metadata stage can read values (source, date, copyright) off removed lines.

pub mod patterns;
pub mod slideshow;
pub mod stopwords;

use crate::block::{Block, BlockKind, DomHint};
use crate::metadata::date;
use serde::Serialize;
use std::collections::HashMap;
pub use stopwords::StopWords;

/// Why a block was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Copyright,
    FooterCredit,
    Syndication,
    Timestamp,
    Byline,
    SharePrompt,
    AccountPrompt,
    CookieNotice,
    /// "Best viewed in…", "Please enable JavaScript".
    BrowserNotice,
    Menu,
    Navigation,
    RelatedHeader,
    RelatedHeadline,
    /// The summary of another article, ending with its "more" link.
    Teaser,
    /// The text of a reader comment (kept apart with `--comments`).
    ReaderComment,
    /// HTML source that leaked into the text (`<div style=…><img …>`).
    Markup,
    /// "…is not responsible for the content of external sites": the note
    /// under a story's links.
    Disclaimer,
    /// A figure's caption (`<figcaption>`): the label of a picture the
    /// text does not carry.
    Caption,
    /// A numbered slideshow embedded in the middle of the article.
    Slideshow,
    Comments,
    Advertisement,
    Repeated,
    /// "4 min read", "Lesezeit: 3 Minuten".
    ReadingTime,
    /// "Photo: Jane Roe, AP", "Foto: dpa" on a line of its own.
    PictureCredit,
    /// The story's headline: given as the title, left out of the body
    /// unless `--headline` asks for it.
    Headline,
    Template,
    LinkList,
    Header,
    Footer,
    Sidebar,
    Form,
    Hidden,
    /// Outside the region judged to be the article, with no more specific reason.
    OutsideContent,
    /// Inside the region but with too little content evidence to keep.
    LowContent,
}

impl Reason {
    /// A short human explanation, for `--explain` in text format.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::Copyright => "copyright notice",
            Reason::FooterCredit => "footer credit (maintained/developed/powered by)",
            Reason::Syndication => "syndication credit (Source:/Via:)",
            Reason::Timestamp => "bare timestamp line",
            Reason::Byline => "byline",
            Reason::SharePrompt => "share/follow prompt",
            Reason::AccountPrompt => "login/subscribe/navigation prompt",
            Reason::CookieNotice => "cookie notice",
            Reason::BrowserNotice => "browser or JavaScript notice",
            Reason::Menu => "menu flattened to one line",
            Reason::Navigation => "navigation",
            Reason::RelatedHeader => "related-articles header",
            Reason::RelatedHeadline => "related-article headline",
            Reason::Teaser => "teaser of another article (ends with its \"more\" link)",
            Reason::ReaderComment => "reader comment",
            Reason::Markup => "HTML markup left in the text",
            Reason::Disclaimer => "disclaimer about external links",
            Reason::Caption => "figure caption (kept with --favor recall)",
            Reason::Slideshow => "slideshow embedded in the article",
            Reason::Comments => "comment section",
            Reason::Advertisement => "advertisement",
            Reason::Repeated => "repeated line",
            Reason::ReadingTime => "reading-time label",
            Reason::PictureCredit => "picture credit",
            Reason::Headline => "headline (the title; kept with --headline)",
            Reason::Template => "site template (recurs on many pages of the site)",
            Reason::LinkList => "mostly links",
            Reason::Header => "page header",
            Reason::Footer => "page footer",
            Reason::Sidebar => "sidebar",
            Reason::Form => "form",
            Reason::Hidden => "hidden element",
            Reason::OutsideContent => "outside the article",
            Reason::LowContent => "too little content",
        }
    }
}

/// Trade-off between keeping too much and dropping too much.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Favor {
    Precision,
    #[default]
    Balanced,
    Recall,
}

/// What the classifier knows about the document as a whole.
pub struct Context {
    pub stop: StopWords,
    /// True when the blocks come from a DOM and the HTML stage chose a container.
    pub has_container: bool,
    pub favor: Favor,
}

/// The classifier's decision for one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub keep: bool,
    /// Why it was removed (`None` when kept).
    pub reason: Option<Reason>,
}

impl Verdict {
    const KEEP: Verdict = Verdict {
        keep: true,
        reason: None,
    };
    fn remove(reason: Reason) -> Verdict {
        Verdict {
            keep: false,
            reason: Some(reason),
        }
    }
}

/// Judge every block. `template` optionally marks blocks known (from other
/// pages of the same site) to be site template.
/// The classifier's output: a verdict and a content score per block.
pub struct Classification {
    pub verdicts: Vec<Verdict>,
    /// The weight each block had in region selection (negative for chrome).
    pub scores: Vec<f32>,
}

/// What the classifier computes once per block and every stage reuses:
/// the pattern rule that fires (if any) and the prose score. The HTML stage
/// needs both before classification, to choose the container.
pub struct Evidence {
    pub rules: Vec<Option<Reason>>,
    pub prose: Vec<f32>,
}

impl Evidence {
    pub fn gather(blocks: &[Block], ctx: &Context) -> Evidence {
        Evidence {
            rules: blocks.iter().map(rule_for).collect(),
            prose: blocks.iter().map(|b| prose_score(b, ctx)).collect(),
        }
    }
}

pub fn classify(
    blocks: &[Block],
    ctx: &Context,
    evidence: &Evidence,
    template: Option<&[bool]>,
) -> Classification {
    classify_with_title(blocks, ctx, evidence, template, None)
}

/// [`classify`], knowing the page's title from its markup (`<title>`,
/// `og:title`): the block that repeats it above the body is the headline.
pub fn classify_with_title(
    blocks: &[Block],
    ctx: &Context,
    evidence: &Evidence,
    template: Option<&[bool]>,
    title: Option<&str>,
) -> Classification {
    let mut rules: Vec<Option<Reason>> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            evidence.rules[i].or_else(|| {
                // A block that recurs across the site is template, unless it
                // reads as real prose (a quote, a standard legal paragraph
                // inside articles): then its own evidence decides.
                // Inside an HTML page's chosen container the markup already
                // says what is article; cross-page evidence there removed
                // recurring bits of real text (a series' name, a standard
                // headline) more often than chrome the container rules miss,
                // so it speaks only outside containers and for plain text.
                let in_trusted_container = ctx.has_container && b.in_container;
                template
                    .and_then(|t| t.get(i).copied())
                    .filter(|&is_template| {
                        is_template
                            && !in_trusted_container
                            && evidence.prose[i] < TEMPLATE_PROSE_PROTECT
                    })
                    .map(|_| Reason::Template)
            })
        })
        .collect();
    let side = side_column_lines(blocks, &mut rules);
    drop_figure_captions(blocks, &mut rules, ctx);
    // HTML finds a slideshow's element when it chooses the container.
    if !ctx.has_container
        && let Some((from, to)) = slideshow::lines_of_embedded_slideshow(blocks, &evidence.prose)
    {
        for rule in &mut rules[from..=to] {
            *rule = Some(Reason::Slideshow);
        }
    }
    let scores: Vec<f32> = blocks
        .iter()
        .zip(&rules)
        .zip(&evidence.prose)
        .zip(&side)
        .map(|(((b, rule), &prose), &side)| match rule {
            // A line of a parallel column printed beside the article is not
            // part of the article's flow: it neither breaks nor extends the
            // article's span.
            Some(_) if side => 0.0,
            // Chrome found by a rule weighs against any region that includes it,
            // more so the longer it is.
            Some(_) => -(8.0 + b.words as f32),
            // A displayed formula has no prose shape (single letters and
            // operators) but belongs to the text around it: it neither
            // breaks nor extends the article's run.
            None if prose < 0.0 && patterns::is_formula(&b.text) => 0.0,
            None => with_dom_evidence(b, prose),
        })
        .collect();

    let mut verdicts: Vec<Verdict> = if ctx.has_container {
        select_by_container(blocks, &rules, ctx)
    } else {
        Vec::new()
    };
    let kept_words: usize = blocks
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.keep)
        .map(|(b, _)| b.words)
        .sum();
    // Fallback: when the container holds almost nothing (a wrong pick, or a page
    // whose text is spread over sibling divs), judge the blocks as lines instead.
    if !ctx.has_container || kept_words < MIN_CONTAINER_WORDS {
        verdicts = select_by_span(blocks, &rules, &scores);
    }
    let first_kept = verdicts.iter().position(|v| v.keep);
    if !include_titled_headline(blocks, first_kept, title, &mut verdicts) {
        include_headline(blocks, &rules, &mut verdicts);
    }
    include_dateline(blocks, &mut verdicts);
    drop_repeats(blocks, &mut verdicts);
    keep_plain_blocks_of_empty_page(blocks, ctx, &mut verdicts);
    Classification { verdicts, scores }
}

/// Which blocks belong to a side column printed beside the article (text
/// layout): the cells split off the article's lines, and a date or byline
/// on a line of its own right next to one (the side column's entries run
/// over several lines: headline, byline, excerpt, date). Those dates and
/// bylines are the sidebar's, not the article's, and must not read as a
/// comment list's signatures.
fn side_column_lines(blocks: &[Block], rules: &mut [Option<Reason>]) -> Vec<bool> {
    let cell: Vec<bool> = blocks
        .iter()
        .map(|b| b.dom_hint == Some(DomHint::SideColumn))
        .collect();
    let mut side = cell.clone();
    for i in 0..blocks.len() {
        let next_to_cell = i > 0 && cell[i - 1] || cell.get(i + 1).copied().unwrap_or(false);
        if next_to_cell && matches!(rules[i], Some(Reason::Timestamp | Reason::Byline)) {
            side[i] = true;
            rules[i] = Some(Reason::Sidebar);
        }
    }
    side
}

/// A byline or dateline between the headline and the body ("By Jane Doe,
/// 01 June 2010", "Posted January 1, 2008") is part of the story as
/// printed: kept when a kept block stands right above it and right below
/// it, or, for a date, right before the story's first line.
fn include_dateline(blocks: &[Block], verdicts: &mut [Verdict]) {
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
const DATELINE_MAX_WORDS: usize = 15;

/// The last rung of the fallback ladder: when nothing at all survived, the
/// page is a short note or a bare page without article markup ("Lorem
/// ipsum…", three one-word paragraphs). An empty result helps no one, so
/// every block that was dropped only for being short or outside a region —
/// no rule, no chrome hint, not a link list — is kept, as Readability keeps
/// the body of a page it cannot score.
fn keep_plain_blocks_of_empty_page(blocks: &[Block], ctx: &Context, verdicts: &mut [Verdict]) {
    if verdicts.iter().any(|v| v.keep) {
        return;
    }
    for (b, v) in blocks.iter().zip(verdicts.iter_mut()) {
        let generic = matches!(v.reason, Some(Reason::OutsideContent | Reason::LowContent));
        if generic && b.dom_hint.is_none() && !is_link_list(b, ctx.favor) {
            *v = Verdict::KEEP;
        }
    }
    // A page of nothing but links in its container (a link wrapped around
    // the whole text, a table of contents) keeps them as the last resort.
    if verdicts.iter().any(|v| v.keep) {
        return;
    }
    for (b, v) in blocks.iter().zip(verdicts.iter_mut()) {
        let plain = matches!(
            v.reason,
            Some(Reason::OutsideContent | Reason::LowContent | Reason::LinkList)
        );
        if plain && b.dom_hint.is_none() && (b.in_container || !ctx.has_container) {
            *v = Verdict::KEEP;
        }
    }
}

/// A template-marked block scoring at least this as prose (about twenty
/// words of ordinary sentences) is judged on its own evidence instead.
const TEMPLATE_PROSE_PROTECT: f32 = 20.0;

/// A container with fewer words than this is taken as a wrong pick: even a
/// short news brief has a couple of sentences.
const MIN_CONTAINER_WORDS: usize = 25;

/// Stage 1: the pattern rules, on the block's own text. Order matters only for
/// the reason reported: the more specific rule first.
pub fn rule_for(b: &Block) -> Option<Reason> {
    let text = b.text.trim();
    let words = b.words;
    if words == 0 {
        return Some(Reason::LowContent);
    }
    // A sidebar cell printed beside the article's line (text layout): what
    // it says (a date, a headline) belongs to the sidebar, and must not read
    // as the article's own timestamps or a comment list's signatures.
    if b.dom_hint == Some(DomHint::SideColumn) {
        return Some(Reason::Sidebar);
    }
    if b.kind != BlockKind::Code && patterns::is_leaked_markup(text) {
        return Some(Reason::Markup);
    }
    if patterns::is_copyright(text, words) {
        return Some(Reason::Copyright);
    }
    if patterns::footer_credit(text, words).is_some() {
        return Some(Reason::FooterCredit);
    }
    if patterns::syndication_source(text, words).is_some() {
        return Some(Reason::Syndication);
    }
    // Bare timestamps are short; the check tokenises, so skip long lines early.
    if words <= 12 && date::is_timestamp_line(text) {
        return Some(Reason::Timestamp);
    }
    if patterns::is_picture_credit(text, words) {
        return Some(Reason::PictureCredit);
    }
    if patterns::is_reading_time(text, words) {
        return Some(Reason::ReadingTime);
    }
    if patterns::is_cookie_notice(text, words) {
        return Some(Reason::CookieNotice);
    }
    if patterns::is_browser_notice(text, words) {
        return Some(Reason::BrowserNotice);
    }
    // A byline ("By Jane Doe, March 18 at 3:57 PM") is checked before the
    // comment signature pattern, which would also match it.
    if patterns::byline_author(text, words).is_some() {
        return Some(Reason::Byline);
    }
    if patterns::is_comments_header(text, words) || patterns::is_comment_signature(text, words) {
        return Some(Reason::Comments);
    }
    if patterns::is_share_prompt(text, words) {
        return Some(Reason::SharePrompt);
    }
    if patterns::is_account_prompt(text, words) || patterns::is_subscription_prompt(text, words) {
        return Some(Reason::AccountPrompt);
    }
    if patterns::is_related_header(text, words) {
        return Some(Reason::RelatedHeader);
    }
    if patterns::is_external_links_disclaimer(text, words) {
        return Some(Reason::Disclaimer);
    }
    if patterns::is_more_link(text, words) {
        return Some(Reason::Navigation);
    }
    if patterns::is_teaser_summary(text, words) {
        return Some(Reason::Teaser);
    }
    if b.kind != BlockKind::Code && patterns::is_flattened_menu(text, words) {
        return Some(Reason::Menu);
    }
    None
}

/// Weight of a list item's positive score (see [`prose_score`]).
const LIST_ITEM_WEIGHT: f32 = 0.3;

/// Text shorter than this many characters is "short" (jusText's `length_low`):
/// too little to judge by stop words alone.
const SHORT_CHARS: usize = 70;
/// Text at least this long is prose by length alone unless links or a lack of
/// stop words say otherwise (jusText's `length_high`).
const LONG_CHARS: usize = 200;
/// Stop-word density of ordinary prose is 0.35–0.55 in the languages we have
/// lists for; headlines and menus sit under 0.2. Above this, a block reads
/// like prose (jusText's `stopwords_high`).
const PROSE_STOPWORDS: f32 = 0.30;
/// Below this a medium-length block reads like a list of names or links.
const LOW_STOPWORDS: f32 = 0.15;

/// Stage 2: how much the block looks like article text. Positive for prose
/// (roughly its word count), negative for chrome-like blocks. Used as the
/// weight of the block in region selection.
pub fn content_score(b: &Block, ctx: &Context) -> f32 {
    with_dom_evidence(b, prose_score(b, ctx))
}

/// The prose score adjusted by what the markup says about the block.
fn with_dom_evidence(b: &Block, prose: f32) -> f32 {
    let mut score = prose;
    match b.dom_hint {
        Some(DomHint::Byline) | None => {}
        // DOM chrome hints are strong evidence: markup says what the block is.
        Some(_) => score -= 5.0 + b.words as f32 * 0.5,
    }
    if b.in_article_markup {
        score += 2.0;
    }
    score
}

/// The part of [`content_score`] that reads only the block's text and links,
/// not the DOM hints (the HTML stage uses it before hints are settled).
pub fn prose_score(b: &Block, ctx: &Context) -> f32 {
    let words = b.words as f32;
    let chars = effective_chars(&b.text);
    let density = ctx.stop.density(&b.text);
    let sentence = patterns::ends_like_sentence(&b.text);
    let link = b.link_density();

    let mut score = if chars < SHORT_CHARS {
        // Short lines: a short sentence inside an article is fine (a weak
        // plus), a short fragment without a full stop is a menu item, a
        // label or a headline (a weak minus, so a few of them inside the body
        // do not break it, but a run of them ends it).
        match (sentence, density) {
            (true, Some(d)) if d >= LOW_STOPWORDS => words * 0.5,
            (true, None) => words * 0.5,
            _ if matches!(b.kind, BlockKind::Heading(_)) => -1.0,
            _ => -2.0 - (b.kind == BlockKind::ListItem) as u8 as f32,
        }
    } else {
        match density {
            Some(d) if d >= PROSE_STOPWORDS => words,
            Some(d) if d >= LOW_STOPWORDS => {
                if chars >= LONG_CHARS || sentence {
                    words * 0.6
                } else {
                    words * 0.2
                }
            }
            Some(_) => -words * 0.5,
            // No stop-word list for the language: fall back to shape.
            None if sentence || chars >= LONG_CHARS => words,
            None => words * 0.3,
        }
    };
    // Links: a block that is mostly link text is navigation or a teaser,
    // however long. Penalise in proportion (jusText drops at 0.2 density; a
    // softer slope keeps paragraphs with a few inline links).
    if link > 0.0 {
        score -= words * link * 2.5;
    }
    // List items are where sites put menus, "related" links and teasers; in
    // news pages almost none are article text. They count for less, so a
    // run of them cannot carry the article region on its own, while a list
    // inside an article (between paragraphs) is still kept with it.
    // In a text dump a list item that is a full sentence of some length is
    // a point of a post written as a list (release notes, a changelog):
    // headlines and menu entries do not end with a full stop. (With markup
    // the list's place in the DOM says whether it belongs to the article,
    // and the teasers of a "popular posts" box must not outvote it.)
    let sentence_point = !ctx.has_container && sentence && b.words >= LIST_SENTENCE_MIN_WORDS;
    if b.kind == BlockKind::ListItem && score > 0.0 && !sentence_point {
        score *= LIST_ITEM_WEIGHT;
    }
    score
}

/// A list item of this many words that ends like a sentence counts in full.
const LIST_SENTENCE_MIN_WORDS: usize = 12;

/// Length in characters, counting each CJK character as three: a CJK
/// character carries about as much as a short word plus its space.
fn effective_chars(text: &str) -> usize {
    text.chars()
        .map(|c| if crate::block::is_cjk(c) { 3 } else { 1 })
        .sum()
}

/// Stage 3 with a DOM: keep the blocks of the chosen container that no rule
/// and no chrome hint speak against.
fn select_by_container(blocks: &[Block], rules: &[Option<Reason>], ctx: &Context) -> Vec<Verdict> {
    let comments_from = comment_section_in_container(blocks, rules);
    // The article's own text runs from its first paragraph to its last;
    // a block that is all link in between is a link the author put in the
    // article (a list of resources, a table of contents, a data table's
    // linked names) unless it reads as a pointer away or a control.
    let is_paragraph = |i: usize| {
        let b: &Block = &blocks[i];
        b.in_container
            && rules[i].is_none()
            && b.dom_hint.is_none()
            && b.words >= ARTICLE_PARAGRAPH_WORDS
            && b.link_density() < ARTICLE_PARAGRAPH_MAX_LINK_DENSITY
    };
    let first = (0..blocks.len()).find(|&i| is_paragraph(i));
    let last = (0..blocks.len()).rev().find(|&i| is_paragraph(i));
    let within_text = |i: usize| {
        first.is_some_and(|f| f < i)
            && last.is_some_and(|l| i < l)
            && !patterns::is_link_pointer(&blocks[i].text)
    };
    blocks
        .iter()
        .zip(rules)
        .enumerate()
        .map(|(i, (b, rule))| {
            if comments_from.is_some_and(|c| i >= c) && b.in_container && rule.is_none() {
                return Verdict::remove(Reason::ReaderComment);
            }
            match rule {
                // Inside the chosen container teasers are what the page is
                // made of (a listing, a digest) more often than stray chrome:
                // the markup has already said what belongs together.
                Some(Reason::Teaser) if b.in_container => {}
                Some(r) => return Verdict::remove(*r),
                None => {}
            }
            if !b.in_container {
                return Verdict::remove(hint_reason(b.dom_hint).unwrap_or(Reason::OutsideContent));
            }
            if let Some(r) = hint_reason(b.dom_hint) {
                return Verdict::remove(r);
            }
            if is_link_list(b, ctx.favor) && !heads_a_section(blocks, rules, i) && !within_text(i) {
                return Verdict::remove(Reason::LinkList);
            }
            Verdict::KEEP
        })
        .collect()
}

/// A paragraph of the article's own text: at least this many words (two
/// sentences)...
const ARTICLE_PARAGRAPH_WORDS: usize = 20;
/// ...and hardly a link (Readability's bar for a paragraph sibling).
const ARTICLE_PARAGRAPH_MAX_LINK_DENSITY: f32 = 0.25;

/// A section of the article opened by at least this many words of prose
/// (a teaser's summary under a linked headline is shorter).
const SECTION_MIN_WORDS: usize = 40;

/// Is block `i` a heading that is a link (to the product or the place the
/// section is about: "“Rez Infinite” ($30)") over a section of the
/// article, a long paragraph in the container that no rule speaks against?
fn heads_a_section(blocks: &[Block], rules: &[Option<Reason>], i: usize) -> bool {
    matches!(blocks[i].kind, BlockKind::Heading(_))
        && blocks.get(i + 1).is_some_and(|next| {
            next.in_container
                && rules[i + 1].is_none()
                && next.dom_hint.is_none()
                && next.words >= SECTION_MIN_WORDS
                && next.link_density() < ARTICLE_PARAGRAPH_MAX_LINK_DENSITY
        })
}

/// Where a reader-comment section starts inside the chosen container, if it
/// does: a comments header ("Comments", "12 Responses", "Leave a Reply")
/// followed within [`COMMENT_SIGNATURE_WINDOW`] container blocks by at least
/// two comment signatures or timestamps, after at least
/// [`MIN_ARTICLE_SCORE`] of article. Blogs often put the comments inside
/// the post's element; the markup does not separate them, the text does.
/// A byline ("By JILL LAWLESS") is not a signature: after a toolbox's
/// "Comment" button it opens the story itself, with its dateline.
fn comment_section_in_container(blocks: &[Block], rules: &[Option<Reason>]) -> Option<usize> {
    let inside: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].in_container)
        .collect();
    let mut before = 0usize;
    for (k, &i) in inside.iter().enumerate() {
        let b = &blocks[i];
        if rules[i] == Some(Reason::Comments) && patterns::is_comments_header(&b.text, b.words) {
            let signatures = inside[k + 1..]
                .iter()
                .take(COMMENT_SIGNATURE_WINDOW)
                .filter(|&&j| matches!(rules[j], Some(Reason::Comments | Reason::Timestamp)))
                .count();
            if signatures >= 2 && before as f32 >= MIN_ARTICLE_SCORE {
                return Some(i);
            }
        }
        if rules[i].is_none() {
            before += b.words;
        }
    }
    None
}

/// A figure's caption labels a picture the text does not carry ("Glass
/// cloche terrariums (Lucy Akins)", "Photo: … / AFP"), often with its
/// credit: without the picture it reads as a stray line in the story.
/// They go, except with `--favor recall`, and except where the captions
/// are most of the page's prose (a photo essay, a gallery: there they are
/// the story). Only HTML says what a caption is; text input never has one.
fn drop_figure_captions(blocks: &[Block], rules: &mut [Option<Reason>], ctx: &Context) {
    if ctx.favor == Favor::Recall {
        return;
    }
    let (mut caption_words, mut other_words) = (0, 0);
    for (b, r) in blocks.iter().zip(rules.iter()) {
        if r.is_some() || b.dom_hint.is_some() || ctx.has_container && !b.in_container {
            continue;
        }
        if b.kind == BlockKind::Caption {
            caption_words += b.words;
        } else if b.kind != BlockKind::Heading(1) {
            other_words += b.words;
        }
    }
    if caption_words == 0 || caption_words * CAPTION_STORY_RATIO > other_words {
        return;
    }
    for (b, r) in blocks.iter().zip(rules.iter_mut()) {
        if b.kind == BlockKind::Caption && r.is_none() {
            *r = Some(Reason::Caption);
        }
    }
}

/// Captions are the story when the rest of the article's text is less
/// than this many times theirs (a gallery of captioned photos with a
/// line of introduction).
const CAPTION_STORY_RATIO: usize = 2;

/// Blocks at least this long are prose even when full of links (a
/// paragraph of a wiki article links half its words).
const LINK_LIST_MAX_WORDS: usize = 40;

/// "Link list": a short block that is mostly link text — a "more on this"
/// list or an inline teaser inside the article's container. How much link
/// text is allowed depends on the trade-off chosen.
pub fn is_link_list(b: &Block, favor: Favor) -> bool {
    let max_link = match favor {
        Favor::Precision => 0.4,
        Favor::Balanced => 0.75,
        Favor::Recall => 0.9,
    };
    b.link_density() > max_link && b.words < LINK_LIST_MAX_WORDS
}

fn hint_reason(hint: Option<DomHint>) -> Option<Reason> {
    Some(match hint? {
        DomHint::Navigation => Reason::Navigation,
        DomHint::Header => Reason::Header,
        DomHint::Footer => Reason::Footer,
        DomHint::Sidebar => Reason::Sidebar,
        DomHint::Comments => Reason::ReaderComment,
        DomHint::Share => Reason::SharePrompt,
        DomHint::Related => Reason::RelatedHeadline,
        DomHint::Advertisement => Reason::Advertisement,
        DomHint::Form => Reason::Form,
        DomHint::Hidden => Reason::Hidden,
        DomHint::Boilerplate => Reason::OutsideContent,
        DomHint::SideColumn => Reason::Sidebar,
        DomHint::Slideshow => Reason::Slideshow,
        DomHint::Byline => return None,
    })
}

/// Stage 3 without a DOM: the article is the contiguous run of blocks whose
/// summed content score is largest; everything outside it is chrome.
fn select_by_span(blocks: &[Block], rules: &[Option<Reason>], scores: &[f32]) -> Vec<Verdict> {
    let Some(Region {
        start,
        end,
        comments,
        hole,
    }) = best_span(scores).map(|span| {
        match post_before_comment_list(blocks, rules, scores, span.0) {
            Some((post, header)) => Region {
                start: post.0,
                end: post.1,
                comments: Some((header, blocks.len() - 1)),
                hole: None,
            },
            None => region(blocks, rules, scores, span),
        }
    })
    else {
        return blocks
            .iter()
            .zip(rules)
            .map(|(_, r)| Verdict::remove(r.unwrap_or(Reason::LowContent)))
            .collect();
    };
    // A text dump of a page laid out in columns (several lines had a side
    // column's cells beside the article's): a short line that is not a
    // sentence, inside the article's run, is most likely the side column's
    // entry printed where the article's column was blank.
    // Counted: cells split off right beside a sentence of the article. (A
    // row of labels is a side column too, but so look a table's rows and
    // aligned code, whose cells sit beside data, not sentences.)
    let side = |j: usize| blocks[j].dom_hint == Some(DomHint::SideColumn);
    let sentence = |j: usize| {
        !side(j)
            && blocks[j].words >= SIDE_TEXT_MIN_WORDS
            && patterns::ends_like_sentence(&blocks[j].text)
    };
    // The line's text cell is the nearest other block before the run of
    // cells, or after it (one pass each way).
    let n = blocks.len();
    let mut last = false;
    let sentence_before: Vec<bool> = (0..n)
        .map(|j| {
            if !side(j) {
                last = sentence(j);
            }
            last
        })
        .collect();
    let mut cells = 0;
    let mut next = false;
    for j in (0..n).rev() {
        if !side(j) {
            next = sentence(j);
        } else if !blocks[j].text.contains("    ") && (sentence_before[j] || next) {
            cells += 1;
        }
    }
    let column_layout = cells >= COLUMN_LAYOUT_MIN_CELLS;
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if let Some(r) = rules[i] {
                Verdict::remove(r)
            } else if comments.is_some_and(|(from, to)| (from..=to).contains(&i)) {
                Verdict::remove(Reason::ReaderComment)
            } else if hole.is_some_and(|(from, to)| (from..=to).contains(&i)) {
                Verdict::remove(Reason::RelatedHeadline)
            } else if i < start {
                Verdict::remove(Reason::Navigation)
            } else if i > end {
                Verdict::remove(if looks_like_headline(b) {
                    Reason::RelatedHeadline
                } else {
                    Reason::OutsideContent
                })
            } else if column_layout
                && b.words <= SIDE_ENTRY_MAX_WORDS
                && !patterns::ends_like_sentence(&b.text)
            {
                Verdict::remove(Reason::Sidebar)
            } else {
                Verdict::KEEP
            }
        })
        .collect()
}

/// Side cells beside the article's sentences on this many lines make the
/// page a column layout (one could be a stray note after a sentence).
const COLUMN_LAYOUT_MIN_CELLS: usize = 2;

/// The article's cell on a column-layout line is a sentence this long.
const SIDE_TEXT_MIN_WORDS: usize = 8;

/// A side column's entry printed on a line of its own: a headline or label.
const SIDE_ENTRY_MAX_WORDS: usize = 8;

/// A short post followed by a long comment thread: the heaviest span lies
/// in the comments, after their header. When a comments header that opens
/// a list (signatures follow it) stands before the span and some prose
/// stands before the header, that prose is the post: its best span, and
/// everything from the header on is the comment section. Returns the
/// post's span and the header's index.
fn post_before_comment_list(
    blocks: &[Block],
    rules: &[Option<Reason>],
    scores: &[f32],
    span_start: usize,
) -> Option<((usize, usize), usize)> {
    let header = (0..span_start).find(|&i| {
        // A bare "Comments" is also a tab beside "Article": a count or a
        // call to write one says the thread is here.
        rules[i] == Some(Reason::Comments)
            && patterns::is_comments_header(&blocks[i].text, blocks[i].words)
            && !patterns::is_bare_comments_label(&blocks[i].text)
            // The list starts at once ("119 Comments", "1. dipitblack",
            // "October 2, 2012 | Permalink"); a "10 Comments" link under a
            // headline is followed by the post instead.
            && rules[i + 1..]
                .iter()
                .take(COMMENT_LIST_OPENING)
                .any(is_signature)
            && rules[i + 1..]
                .iter()
                .take(COMMENT_SIGNATURE_WINDOW)
                .filter(|r| is_signature(r))
                .count()
                >= 2
    })?;
    let (s, e) = best_span(&scores[..header])?;
    let weight: f32 = scores[s..=e].iter().sum();
    (weight >= MIN_POST_SCORE).then_some(((s, e), header))
}

/// A comment list's first signature comes within this many blocks of its
/// header (after a "Reply" button or a bullet, say).
const COMMENT_LIST_OPENING: usize = 3;

/// A line that signs a comment or dates it.
fn is_signature(rule: &Option<Reason>) -> bool {
    matches!(
        rule,
        Some(Reason::Timestamp | Reason::Comments | Reason::Byline)
    )
}

/// A post before a comment thread carries at least this much prose: a
/// sentence or two (a photo post's caption).
const MIN_POST_SCORE: f32 = 15.0;

/// Content an article must have before a boundary for the span to be cut
/// there: about two real paragraphs. With less, the "article" before the
/// boundary is a teaser and the real text lies beyond.
const MIN_ARTICLE_SCORE: f32 = 40.0;

/// Window (in blocks) in which two more signatures must follow a signature
/// for it to start a comment list: comments run a few lines each, blog
/// posts many more.
const COMMENT_SIGNATURE_WINDOW: usize = 12;

/// Lines that end an article when they follow it: a comment section or a
/// related-articles list. The heaviest span can run through them when the
/// comments outweigh the article, so the span is cut at the first boundary
/// that has a real article before it.
/// The article region within the best span.
struct Region {
    start: usize,
    end: usize,
    /// A reader-comment section (header to end of span), if the span was
    /// cut at one.
    comments: Option<(usize, usize)>,
    /// A related list inside the article ("Related Coverage" and its
    /// links between two parts of the story), removed from the region.
    hole: Option<(usize, usize)>,
}

/// The article region within the best span: cut at a boundary. When the
/// cut was at a related-list header and the span goes on after the list
/// with content of its own, the list was a box inside the story (or a
/// sidebar laid out between the headline part and the body, as text dumps
/// do): both parts are the article and the list is taken out.
fn region(
    blocks: &[Block],
    rules: &[Option<Reason>],
    scores: &[f32],
    (start, end): (usize, usize),
) -> Region {
    let (cut_start, cut_end, boundary) = cut_at_boundary(blocks, rules, scores, (start, end));
    let plain = Region {
        start: cut_start,
        end: cut_end,
        comments: None,
        hole: None,
    };
    if let Some((Reason::Comments, at)) = boundary {
        return Region {
            comments: Some((at, end)),
            ..plain
        };
    }
    let Some((Reason::RelatedHeader, at)) = boundary else {
        return plain;
    };
    if cut_end >= end {
        return plain;
    }
    let before: f32 = scores[cut_start..=cut_end].iter().sum();
    let rest_from = cut_end + 1;
    let Some((s, e)) = best_span(&scores[rest_from..=end]) else {
        return plain;
    };
    // A comment section's header after the list: what comes before it is
    // the rest of the story only if it weighs enough; the rest is comments.
    if let Some(c) = (rest_from..=rest_from + e).find(|&j| {
        rules[j] == Some(Reason::Comments)
            && patterns::is_comments_header(&blocks[j].text, blocks[j].words)
    }) {
        let from = rest_from + s;
        let after: f32 = if c > from {
            scores[from..c].iter().sum()
        } else {
            0.0
        };
        let comments = Some((c, end));
        // A comment section closes the story: prose between the list and
        // its header is the story's end, unless it is a teaser or two.
        if after < MIN_ARTICLE_SCORE || c <= from {
            return Region { comments, ..plain };
        }
        let last = (from..c).rev().find(|&j| scores[j] > 0.0).unwrap_or(from);
        return Region {
            start: cut_start,
            end: last,
            comments,
            hole: (from > at).then(|| (at, from - 1)),
        };
    }
    let after: f32 = scores[rest_from + s..=rest_from + e].iter().sum();
    if after < before * REST_OF_ARTICLE_SHARE {
        return plain;
    }
    let (s2, e2, boundary) = cut_at_boundary(blocks, rules, scores, (rest_from + s, rest_from + e));
    Region {
        start: cut_start,
        end: e2,
        comments: match boundary {
            Some((Reason::Comments, c)) => Some((c, rest_from + e)),
            _ => None,
        },
        hole: (s2 > at).then(|| (at, s2 - 1)),
    }
}

/// The part after a related list is the rest of the article when it
/// carries at least this many times the content of the part before it: the
/// related box sat between the story's first lines (headline, lead) and
/// its body. A teaser or two after a list weigh far less than the story.
const REST_OF_ARTICLE_SHARE: f32 = 2.0;

fn cut_at_boundary(
    blocks: &[Block],
    rules: &[Option<Reason>],
    scores: &[f32],
    (start, end): (usize, usize),
) -> (usize, usize, Option<(Reason, usize)>) {
    let mut before = 0.0f32;
    for i in start..=end {
        let boundary = match rules[i] {
            // "3 Comments", "Leave a Reply": a comment section starts. A bare
            // "Comment(s)" is also the name of an opinion section in a
            // site's menu: it counts when a signature follows.
            Some(Reason::Comments)
                if patterns::is_comments_header(&blocks[i].text, blocks[i].words) =>
            {
                !patterns::is_bare_comments_label(&blocks[i].text)
                    || rules[i + 1..=end]
                        .iter()
                        .take(COMMENT_SIGNATURE_WINDOW)
                        .any(is_signature)
            }
            // Signatures and timestamps that repeat every few lines are a
            // comment list (or a dated teaser list). One signature per long
            // stretch is a blog post's footer: the next post is content too.
            Some(Reason::Comments | Reason::Timestamp | Reason::Byline) => {
                rules[i + 1..=end]
                    .iter()
                    .take(COMMENT_SIGNATURE_WINDOW)
                    .filter(|r| is_signature(r))
                    .count()
                    >= 2
                    && short_entries_follow(rules, scores, i, end)
            }
            // A related header counts when a list follows it: headlines,
            // or more chrome (another header, a "more »" link) soon after.
            Some(Reason::RelatedHeader) => {
                let next = &blocks[i + 1..=end];
                next.iter()
                    .take(2)
                    .filter(|b| looks_like_headline(b))
                    .count()
                    == 2
                    // A bulleted list of short items: links to other stories.
                    || next
                        .iter()
                        .take(3)
                        .filter(|b| {
                            b.kind == BlockKind::ListItem
                                && (b.words <= LIST_LINK_MAX_WORDS
                                    || b.text.chars().count() <= LIST_LINK_MAX_CHARS)
                        })
                        .count()
                        == 3
                    || rules[i + 1..=end]
                        .iter()
                        .take(RELATED_LIST_WINDOW)
                        .any(|r| matches!(r, Some(Reason::RelatedHeader | Reason::Navigation)))
            }
            _ => false,
        };
        if boundary && before >= MIN_ARTICLE_SCORE {
            // End at the last positive block before the boundary.
            let last = (start..i).rev().find(|&j| scores[j] > 0.0).unwrap_or(start);
            return (start, last, rules[i].map(|r| (r, i)));
        }
        before += scores[i].max(0.0);
    }
    (start, end, None)
}

/// A related header followed within this many blocks by another header or
/// a "more »" link opens a run of teaser lists.
const RELATED_LIST_WINDOW: usize = 4;

/// A list item this short, after a related header, is a link to another
/// story (headlines run to about 15 words; a list inside an article
/// carries sentences).
const LIST_LINK_MAX_WORDS: usize = 18;
/// ...or this short in characters: a Chinese or Japanese headline counts
/// each character as a word, and runs to 20–40 of them.
const LIST_LINK_MAX_CHARS: usize = 60;

/// Comments are short: the text between two signatures of a comment list
/// weighs less than this (about 80 words of prose: a reader's paragraph or
/// two). Blog posts on an index page, each with its "posted by" line, run
/// to several hundred.
const COMMENT_MAX_SCORE: f32 = 80.0;

/// Do the entries between the signatures after `from` look like comments
/// (short) rather than posts (long)? Judged by the median entry.
fn short_entries_follow(rules: &[Option<Reason>], scores: &[f32], from: usize, end: usize) -> bool {
    let mut entries = Vec::new();
    let mut current = 0.0f32;
    for i in from + 1..=end {
        if is_signature(&rules[i]) {
            if current > 0.0 {
                entries.push(current);
            }
            current = 0.0;
        } else {
            current += scores[i].max(0.0);
        }
    }
    if current > 0.0 {
        entries.push(current);
    }
    if entries.len() < 2 {
        return false;
    }
    entries.sort_by(f32::total_cmp);
    entries[entries.len() / 2] <= COMMENT_MAX_SCORE
}

/// The maximum-sum contiguous run (Kadane's algorithm, linear time).
/// `None` when no block has a positive score.
pub fn best_span(scores: &[f32]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut sum = 0.0f32;
    let mut start = 0;
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += s;
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// A headline-shaped block: a few words, no sentence ending, mostly capitalised
/// (or a heading element).
fn looks_like_headline(b: &Block) -> bool {
    (3..=25).contains(&b.words)
        && !patterns::ends_like_sentence(&b.text)
        && (matches!(b.kind, BlockKind::Heading(_)) || patterns::title_case_ratio(&b.text) >= 0.6)
}

/// A sentence-case headline ("Opposition leader confronts election chief"):
/// a single line of 4–20 words, no sentence ending, not a list item, with a
/// capital first letter. Only trusted right above the body, where nothing
/// else of that shape sits.
fn looks_like_sentence_case_headline(b: &Block) -> bool {
    (4..=20).contains(&b.words)
        && b.kind != BlockKind::ListItem
        && !b.text.contains('\n')
        && !patterns::ends_like_sentence(&b.text)
        && b.text.chars().next().is_some_and(char::is_uppercase)
}

/// How many blocks other than datelines, bylines and share buttons may sit
/// between the headline and the first body block (an author photo caption,
/// a standfirst, a kicker).
const HEADLINE_LOOKBACK: usize = 3;

/// However much chrome sits between them, the headline is looked for no
/// further up than this many blocks.
const HEADLINE_MAX_SCAN: usize = 15;

/// Stage 4: the article's headline sits just above its first paragraph and is
/// part of the article. Keep the nearest headline-shaped block above the body
/// (skipping removed datelines and bylines), unless a rule removed it.
/// The headline found by the page's title: a block above the body (within
/// [`HEADLINE_MAX_SCAN`] blocks, whatever lies between) whose words are the
/// title's, or the title's without the site name ("Colorado Suspect Is
/// Silent at His Hearing" in "… - WSJ.com"). Returns whether one was kept
/// (or the body already starts with it).
fn include_titled_headline(
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
fn drop_datelines_under(blocks: &[Block], verdicts: &mut [Verdict], from: usize) {
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
const HEADLINE_KEPT_SCAN: usize = 2;

/// Does a block repeat the page's title (`title` normalised, of
/// `title_words` words): the same words, or one holding the other with at
/// most two words more (a site name cut off or added)?
fn repeats_title(b: &Block, title: &str, title_words: usize) -> bool {
    let text = patterns::normalize(&b.text);
    let words = text.split(' ').count();
    text == title
        || words >= TITLED_HEADLINE_MIN_WORDS
            && words <= title_words + 2
            && (title.contains(&text) || text.contains(title))
}

/// A title shorter than this is too likely to match a menu item.
const TITLED_HEADLINE_MIN_WORDS: usize = 3;

fn include_headline(blocks: &[Block], rules: &[Option<Reason>], verdicts: &mut [Verdict]) {
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
const SENTENCE_CASE_HEADLINE_DISTANCE: usize = 2;

/// Short lines (a dozen words or fewer) that a real article would not repeat.
const REPEAT_MAX_WORDS: usize = 12;

/// A piece of a sentence that a `<br>` or a hard wrap cut off: it starts in
/// lower case and is longer than a menu label. Verse and wrapped prose repeat
/// such lines (a refrain, a quoted phrase); chrome labels and captions start
/// with a capital.
const WRAPPED_PIECE_MIN_WORDS: usize = 6;

fn is_wrapped_sentence_piece(b: &Block) -> bool {
    b.words >= WRAPPED_PIECE_MIN_WORDS && b.text.chars().next().is_some_and(char::is_lowercase)
}

/// Stage 4: a kept short block whose text already appeared earlier among the
/// kept blocks is a repeated element (a pull quote's twin, a duplicated
/// caption, a "Advertisement" label printed twice); drop the later copies.
/// Removed blocks that repeat a line are re-labelled `repeated` only when no
/// more specific reason was found.
fn drop_repeats(blocks: &[Block], verdicts: &mut [Verdict]) {
    let mut seen: HashMap<String, bool> = HashMap::new();
    for (b, v) in blocks.iter().zip(verdicts.iter_mut()) {
        if b.words == 0 || b.words > REPEAT_MAX_WORDS || is_wrapped_sentence_piece(b) {
            continue;
        }
        let key = patterns::normalize(&b.text);
        match seen.get_mut(&key) {
            Some(kept_before) => {
                let generic = matches!(v.reason, Some(Reason::OutsideContent | Reason::LowContent));
                if v.keep && *kept_before || generic {
                    *v = Verdict::remove(Reason::Repeated);
                }
                *kept_before |= v.keep;
            }
            None => {
                seen.insert(key, v.keep);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        Context {
            stop: StopWords::english(),
            has_container: false,
            favor: Favor::Balanced,
        }
    }

    fn lines(text: &str) -> Vec<Block> {
        text.lines()
            .map(|l| Block::new(l.to_string(), BlockKind::Paragraph))
            .collect()
    }

    #[test]
    fn links_between_the_article_paragraphs_are_its_own_unless_they_point_away() {
        let block = |text: &str, kind: BlockKind, link: bool| {
            let mut b = Block::new(text.into(), kind);
            if link {
                b.link_chars = text.chars().count();
            }
            b.in_container = true;
            b
        };
        let paragraph = "Once you have mastered the art of mutable history in a single repository, you might want to move up to the next level: shared mutable history.";
        let blocks = [
            block(paragraph, BlockKind::Paragraph, false),
            block("Sharing with a single developer", BlockKind::ListItem, true),
            block(
                "Related: Bob publishes a new feature",
                BlockKind::ListItem,
                true,
            ),
            block(
                "Continue reading the main story",
                BlockKind::Paragraph,
                true,
            ),
            block(paragraph, BlockKind::Paragraph, false),
            block("Other stories from the week", BlockKind::ListItem, true),
        ];
        let rules = vec![None; blocks.len()];
        let ctx = Context {
            has_container: true,
            ..ctx()
        };
        let keep: Vec<bool> = select_by_container(&blocks, &rules, &ctx)
            .iter()
            .map(|v| v.keep)
            .collect();
        assert_eq!(keep, [true, true, false, false, true, false]);
    }

    #[test]
    fn a_byline_after_a_comment_button_opens_the_story_not_a_thread() {
        let story = "LONDON -- The tragic period romance dominated the race for the British film awards on Wednesday, with fourteen nominations including best film and best actress.";
        let page = |after: &[&str]| {
            let mut lines = vec![
                "Atonement Up for British Film Awards",
                "This undated photo provided by the studio shows the lead actress in a scene from the film, which earned fourteen nominations on Wednesday for the British film awards, more than any other film this year, in London.",
                "COMMENT",
            ];
            lines.extend_from_slice(after);
            let mut blocks = lines
                .iter()
                .map(|l| Block::new(l.to_string(), BlockKind::Paragraph))
                .collect::<Vec<_>>();
            for b in &mut blocks {
                b.in_container = true;
            }
            let rules: Vec<Option<Reason>> = blocks.iter().map(rule_for).collect();
            comment_section_in_container(&blocks, &rules)
        };
        let byline = page(&[
            "By JILL LAWLESS",
            "Thursday, January 17, 2008; 8:43 AM",
            story,
            story,
        ]);
        assert_eq!(byline, None);
        let thread = page(&["Jane wrote:", "I loved it.", "Reply | Report abuse", story]);
        assert_eq!(thread, Some(2));
    }

    #[test]
    fn a_linked_heading_over_a_long_paragraph_heads_a_section() {
        let heading = |text: &str| {
            let mut b = Block::new(text.into(), BlockKind::Heading(3));
            b.link_chars = text.chars().count();
            b.in_container = true;
            b
        };
        let paragraph = |words: usize| {
            let mut b = Block::new(
                "Beloved cult hit gets the treatment, ".repeat(words / 6 + 1),
                BlockKind::Paragraph,
            );
            b.in_container = true;
            b
        };
        let ctx = Context {
            has_container: true,
            ..ctx()
        };
        let keep = |blocks: &[Block]| {
            let rules = vec![None; blocks.len()];
            select_by_container(blocks, &rules, &ctx)[0].keep
        };
        assert!(keep(&[heading("“Rez Infinite” ($30)"), paragraph(60)]));
        // A teaser's headline over its short summary stays a link.
        assert!(!keep(&[heading("Review: a career year"), paragraph(20)]));
    }

    #[test]
    fn figure_captions_go_unless_they_are_the_story_or_recall_is_favoured() {
        let prose = "The council discussed the mission in the province, where the two groups have lived side by side for as long as anyone can remember.";
        let caption = "Glass cloche terrariums (Lucy Akins)";
        let page = |captions: usize, paragraphs: usize| {
            let mut blocks = Vec::new();
            for _ in 0..paragraphs {
                blocks.push(Block::new(prose.into(), BlockKind::Paragraph));
            }
            for _ in 0..captions {
                blocks.push(Block::new(caption.into(), BlockKind::Caption));
            }
            blocks
        };
        let reasons = |blocks: &[Block], favor: Favor| {
            let mut rules = vec![None; blocks.len()];
            drop_figure_captions(blocks, &mut rules, &Context { favor, ..ctx() });
            rules
        };
        let story = page(1, 3);
        assert_eq!(reasons(&story, Favor::Balanced)[3], Some(Reason::Caption));
        assert_eq!(reasons(&story, Favor::Recall)[3], None);
        // A gallery: twelve captioned photos under one line of introduction.
        let gallery = page(12, 1);
        assert!(
            reasons(&gallery, Favor::Balanced)
                .iter()
                .all(Option::is_none)
        );
    }

    #[test]
    fn the_block_repeating_the_page_title_is_the_headline() {
        let para = "<p>The council met on Monday and agreed on the plan for the new bridge, which \
                    will be built over the next three years with money from the regional fund.</p>";
        let html = format!(
            "<html><head><title>Council backs the new bridge - Harbour Times</title></head><body>\
             <div class=top><span>Council backs the new bridge</span><ul><li><a href=/a>Article</a>\
             <li><a href=/v>Video</a><li><a href=/c>Comments</a><li><a href=/p>Print</a></ul></div>\
             <div class=body>{}</div></body></html>",
            para.repeat(3)
        );
        let clean = |headline: bool| {
            let opts = crate::Options {
                headline,
                ..Default::default()
            };
            crate::clean(&crate::Input::new(html.as_bytes()), &opts).expect("clean")
        };
        assert!(
            clean(true)
                .text
                .starts_with("Council backs the new bridge\nThe council met")
        );
        // By default the headline is the title, not the body's first line.
        let article = clean(false);
        assert!(
            article.text.starts_with("The council met"),
            "{}",
            article.text
        );
        assert!(
            article
                .removed
                .iter()
                .any(|r| r.reason == Reason::Headline && r.text == "Council backs the new bridge")
        );
    }

    #[test]
    fn a_dateline_between_headline_and_body_is_kept() {
        let para = "<p>The council met on Monday and agreed on the plan for the new bridge, which \
                    will be built over the next three years with money from the regional fund.</p>";
        let html = format!(
            "<html><body><nav><a href=/>Home</a></nav><article><h1>Council backs the bridge</h1>\
             <p>By Jane Roe, 01 June 2010</p>{}</article></body></html>",
            para.repeat(3)
        );
        let opts = crate::Options {
            headline: true,
            ..Default::default()
        };
        let article = crate::clean(&crate::Input::new(html.as_bytes()), &opts).expect("clean");
        let lines: Vec<&str> = article.text.lines().collect();
        assert_eq!(
            lines[..2],
            ["Council backs the bridge", "By Jane Roe, 01 June 2010"]
        );
        // Without the headline its dateline goes too; the lead stays.
        let article = crate::clean(
            &crate::Input::new(html.as_bytes()),
            &crate::Options::default(),
        )
        .expect("clean");
        assert!(
            article.text.starts_with("The council met"),
            "{}",
            article.text
        );
        // A byline without a date stays out.
        let html = html.replace("By Jane Roe, 01 June 2010", "By Jane Roe");
        let article = crate::clean(
            &crate::Input::new(html.as_bytes()),
            &crate::Options::default(),
        )
        .expect("clean");
        assert!(!article.text.contains("By Jane Roe"));
    }

    #[test]
    fn reader_comments_inside_the_post_element_are_cut() {
        let para = "<p>The council met on Monday and agreed on the plan for the new bridge, which \
                    will be built over the next three years with money from the regional fund.</p>";
        let comment = "<p>I think this is a great idea and I hope it gets built soon.</p>\
                       <p>Posted by: Jane at Jan 17, 2005 3:24:17 PM</p>";
        let html = format!(
            "<html><body><div class=post>{}<h3>Comments</h3>{}</div></body></html>",
            para.repeat(4),
            comment.repeat(4)
        );
        let article = crate::clean(
            &crate::Input::new(html.as_bytes()),
            &crate::Options::default(),
        )
        .expect("clean");
        assert!(article.text.starts_with("The council met"));
        assert!(!article.text.contains("great idea"));
    }

    #[test]
    fn a_related_list_inside_the_story_is_taken_out_and_both_parts_kept() {
        let para = "The orchestra has no conductor, so every musician takes part in deciding how a \
                    piece is played, and the members rotate the leading roles from one concert to \
                    the next, which they say keeps all of them attentive and involved in the work.";
        let text = format!(
            "Jane Roe is the director of the orchestra and has led arts groups for twenty years, \
             first at a small theatre in the city and then at a festival that she founded with \
             a group of friends who wanted to bring chamber music to the villages of the region.\n\
             More on Jane Roe\n\
             Table of Contents\n\
             From the Editors\n\
             Resources\n{}",
            [para; 8].join("\n")
        );
        let opts = crate::Options {
            input_kind: Some(crate::InputKind::Text),
            ..Default::default()
        };
        let article = crate::clean(&crate::Input::new(text.as_bytes()), &opts).expect("clean");
        assert!(article.text.starts_with("Jane Roe is the director"));
        assert!(article.text.contains("The orchestra has no conductor"));
        assert!(!article.text.contains("From the Editors"));
    }

    #[test]
    fn a_page_with_nothing_selected_keeps_its_plain_text() {
        let page = "<html><body><div><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p></div>\
                    <nav><a href=/>Home</a></nav></body></html>";
        let article = crate::clean(
            &crate::Input::new(page.as_bytes()),
            &crate::Options::default(),
        )
        .expect("clean");
        assert_eq!(
            article.text,
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit."
        );
    }

    #[test]
    fn span_is_maximum_sum_run() {
        assert_eq!(best_span(&[-1.0, 5.0, -2.0, 4.0, -9.0, 3.0]), Some((1, 3)));
        assert_eq!(best_span(&[-1.0, -2.0]), None);
        assert_eq!(best_span(&[]), None);
    }

    #[test]
    fn prose_scores_above_menus() {
        let c = ctx();
        let prose = Block::new("The council discussed the mission in Kosovo, where ethnic Albanians outnumber Serbs by nine to one, with no agreement reached.".into(), BlockKind::Paragraph);
        let menu = Block::new("Home".into(), BlockKind::ListItem);
        assert!(content_score(&prose, &c) > 10.0);
        assert!(content_score(&menu, &c) < 0.0);
    }

    #[test]
    fn sentence_list_items_count_in_full_in_text_only() {
        let point = "We have just landed a change which aims to prevent starting an update while another instance is running.";
        let para = Block::new(point.into(), BlockKind::Paragraph);
        let item = Block::new(point.into(), BlockKind::ListItem);
        let text = ctx();
        assert_eq!(prose_score(&item, &text), prose_score(&para, &text));
        let html = Context {
            has_container: true,
            ..ctx()
        };
        assert!(prose_score(&item, &html) < prose_score(&para, &html) * 0.5);
        // A headline in a list stays light in text too.
        let headline = Block::new(
            "Here is our look back at the year in performance and in testing for the browser"
                .into(),
            BlockKind::ListItem,
        );
        let as_para = Block::new(headline.text.clone(), BlockKind::Paragraph);
        assert!(prose_score(&headline, &text) < prose_score(&as_para, &text) * 0.5);
    }

    #[test]
    fn links_lower_the_score() {
        let c = ctx();
        let mut b = Block::new("The council discussed the mission in Kosovo, where ethnic Albanians outnumber Serbs by nine to one, with no agreement reached.".into(), BlockKind::Paragraph);
        let plain = content_score(&b, &c);
        b.link_chars = b.text.len();
        assert!(content_score(&b, &c) < 0.0 && plain > 0.0);
    }

    #[test]
    fn body_between_menus_and_footer() {
        let blocks = lines(
            "Home\nNews\nSport\n\
             The Security Council today discussed the United Nations mission in Kosovo, with no agreement being reached over its future status.\n\
             He stressed during the meeting that recent elections were held in a good atmosphere and were deemed to be fair and free.\n\
             Related stories\n\
             Kosovo Parliamentarian Says the Province Is Ready\n\
             © 2008 United Nations",
        );
        let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
        let kept: Vec<bool> = v.iter().map(|v| v.keep).collect();
        assert_eq!(kept, [false, false, false, true, true, false, false, false]);
        assert_eq!(v[5].reason, Some(Reason::RelatedHeader));
        assert_eq!(v[6].reason, Some(Reason::RelatedHeadline));
        assert_eq!(v[7].reason, Some(Reason::Copyright));
    }

    #[test]
    fn headline_above_body_is_kept() {
        let blocks = lines(
            "Home\n\
             No Agreement Reached on Kosovo Status\n\
             16 January 2008\n\
             The Security Council today discussed the United Nations mission in Kosovo, with no agreement being reached over its future status.\n\
             He stressed during the meeting that recent elections were held in a good atmosphere and were deemed to be fair and free.",
        );
        let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
        assert!(v[1].keep, "{v:?}");
        // The dateline between headline and body is part of the story.
        assert!(v[2].keep, "{v:?}");
        assert!(!v[0].keep);
    }

    #[test]
    fn repeated_short_lines_are_dropped() {
        let blocks = lines(
            "The Security Council today discussed the United Nations mission in Kosovo, with no agreement being reached over its future status.\n\
             Kosovo will decide.\n\
             He stressed during the meeting that recent elections were held in a good atmosphere and were deemed to be fair and free.\n\
             Kosovo will decide.\n\
             He also said that the mission would go on for as long as it was needed by the people of the province.",
        );
        let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
        assert!(v[1].keep);
        assert_eq!(v[3].reason, Some(Reason::Repeated));
    }

    #[test]
    fn sidebar_cells_beside_the_articles_lines_are_removed() {
        let text = "The Security Council today discussed the United Nations mission in Kosovo, with no agreement reached.\n\
             He stressed that recent elections were held in a good atmosphere and were deemed fair.        • Most read stories\n\
             He also said that the mission would go on for as long as it was needed by the people of the province.";
        let blocks = crate::text::blocks(text);
        let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
        assert_eq!(blocks[2].text, "• Most read stories");
        assert_eq!(v[2].reason, Some(Reason::Sidebar));
        assert!(v[0].keep && v[1].keep && v[3].keep);
    }

    #[test]
    fn dates_and_bylines_next_to_a_sidebar_cell_are_the_sidebars() {
        let text = "The Security Council today discussed the United Nations mission in Kosovo, with no agreement reached.        Kubica gives BMW debut\n\
             2008-01-15 18:25\n\
             He stressed that recent elections were held in a good atmosphere and were deemed fair by all.";
        let blocks = crate::text::blocks(text);
        let ev = Evidence::gather(&blocks, &ctx());
        assert_eq!(ev.rules[2], Some(Reason::Timestamp));
        let c = classify(&blocks, &ctx(), &ev, None);
        assert_eq!(c.verdicts[2].reason, Some(Reason::Sidebar));
        // Neither breaks the article's span.
        assert_eq!(c.scores[1], 0.0);
        assert_eq!(c.scores[2], 0.0);
        assert!(c.verdicts[0].keep && c.verdicts[3].keep);
    }

    #[test]
    fn a_short_post_before_a_long_comment_thread_is_the_article() {
        let comment = "This is amazing, you have totally captured the spirit of that collection and I really love the colour of the jeans with the print of the shirt, it all works so well together.\n";
        let mut text = String::from(
            "Home | About | Contact\n\
             I am totally inspired by the autumn collection, my all time favourite one of the year.\n\
             119 Comments\n",
        );
        for n in 1..=6 {
            text.push_str(&format!(
                "{n} Melinda October 22, 2012 at 1:5{n} pm\n{comment}"
            ));
        }
        let blocks = lines(text.trim_end());
        let c = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None);
        let kept: Vec<usize> = (0..blocks.len()).filter(|&i| c.verdicts[i].keep).collect();
        assert_eq!(kept, [1], "{:?}", c.verdicts);
        assert_eq!(c.verdicts[4].reason, Some(Reason::ReaderComment));
    }

    #[test]
    fn a_related_list_of_cjk_headlines_ends_the_story() {
        let text = "The Security Council today discussed the United Nations mission in Kosovo, with no agreement being reached over its future status.\n\
             He stressed during the meeting that recent elections were held in a good atmosphere and were deemed to be fair and free by all observers.\n\
             He also said that the mission would go on for as long as it was needed by the people of the province and its neighbours.\n\
             【関連記事】\n\
             * トレンドマイクロ、セキュリティサービス「あんしんフリーWi-Fi」を提供開始へ\n\
             * ビッグローブ、公衆無線LANサービス「BIGLOBE Wi-Fi」を2月1日から提供\n\
             * 「Raspberry Pi Zero W」を写真で見る--Wi-Fi機能を搭載した新モデル登場\n\
             The mission's budget for the coming year was approved by the assembly without a vote, the spokesman said later, and the members of the council said that they would return to the question of the mission's future in the spring, when the report of the special envoy is due to be published and discussed.";
        let blocks = crate::text::blocks(text);
        let c = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None);
        assert!(c.verdicts[..3].iter().all(|v| v.keep));
        assert!(c.verdicts[3..].iter().all(|v| !v.keep), "{:?}", c.verdicts);
    }

    #[test]
    fn short_lines_inside_a_column_layout_article_are_the_side_column() {
        let body = |side: &str| {
            format!(
                "The Security Council today discussed the United Nations mission in Kosovo, with no agreement reached.{side}\n\
                 Congress briefed on Blackwater case\n\
                 He stressed that recent elections were held in a good atmosphere and were deemed fair by all.{side}\n\
                 He also said that the mission would go on for as long as it was needed by the people there."
            )
        };
        // Two lines with a side column's cell beside the article's sentence.
        let blocks = crate::text::blocks(&body("          • Most read stories"));
        let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
        let headline = blocks
            .iter()
            .position(|b| b.text.starts_with("Congress"))
            .unwrap();
        assert_eq!(v[headline].reason, Some(Reason::Sidebar), "{v:?}");
        // Without a column layout the same line is the article's.
        let blocks = crate::text::blocks(&body(""));
        let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
        assert!(v.iter().all(|v| v.keep), "{v:?}");
    }

    #[test]
    fn a_sentence_case_headline_one_control_above_the_story_is_kept() {
        let text = "Home | World | Business | Sport\n\
             Sarkozy defends himself against rights critics\n\
             Tue 8 Jan 2008, 13:59 GMT\n\
             [-] Text [+]\n\
             PARIS, Jan 8 (Reuters) - French President Nicolas Sarkozy defended on Tuesday his decisions to welcome the leaders of two countries.\n\
             He said that the visits had brought contracts worth billions of euros and that he had raised the question of human rights with both.";
        let blocks = lines(text);
        let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
        assert!(v[1].keep, "{v:?}");
        assert!(!v[0].keep);
    }

    #[test]
    fn repeated_pieces_of_wrapped_sentences_are_kept() {
        let blocks = lines(
            "The Security Council today discussed the United Nations mission in Kosovo, with no agreement\n\
             being reached over its future status in the province.\n\
             He stressed during the meeting that recent elections were held in a good atmosphere, with no agreement\n\
             being reached over its future status in the province.",
        );
        let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
        assert!(v[1].keep && v[3].keep, "{v:?}");
    }

    #[test]
    fn template_marks_remove_short_blocks_but_not_prose() {
        let blocks = lines(
            "The Security Council today discussed the United Nations mission in Kosovo, with no agreement being reached over its future status.\n\
             Get our daily briefing\n\
             He stressed during the meeting that recent elections were held in a good atmosphere and were deemed to be fair and free.\n\
             The views expressed in this article are those of the author and do not necessarily reflect the views of the editors or of the publisher.",
        );
        let v = classify(
            &blocks,
            &ctx(),
            &Evidence::gather(&blocks, &ctx()),
            Some(&[false, true, false, true]),
        )
        .verdicts;
        assert!(v[0].keep && v[2].keep);
        assert_eq!(v[1].reason, Some(Reason::Template));
        assert!(v[3].keep, "a recurring sentence of prose survives: {v:?}");
    }
}
