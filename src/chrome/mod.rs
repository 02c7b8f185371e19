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

mod captions;
mod edges;
mod evidence;
mod head;
mod lead;
mod link_post;
mod next_story;
pub mod patterns;
mod region;
mod repeats;
mod select;
pub mod slideshow;
pub mod stopwords;
mod tail;
mod thread;
mod twin;

use crate::block::{Block, BlockKind, DomHint};
use crate::metadata::date;
use serde::Serialize;
use std::collections::HashMap;
pub use stopwords::StopWords;

use captions::*;
use evidence::*;
pub use evidence::{content_score, is_link_list, precision_rule_for, prose_score, rule_for};
use head::*;
pub use head::{include_described_lead, leave_out_bylines, leave_out_headline};
use lead::*;
use link_post::*;
pub use region::best_span;
use region::*;
use repeats::*;
use select::*;
use tail::*;
use thread::*;

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
    /// HTML source that leaked into the text (`<div style=…><img …>`), or
    /// a script's error message printed into the page ("Warning: … in
    /// /var/www/…/plugin.php on line 928").
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
    /// "About the author": the author's bio after the story.
    AuthorBio,
    /// The next story a site appended after the page's own (infinite
    /// scroll): a second headline with its byline and body.
    NextArticle,
    /// A label ending the text ("More on this:") whose list was removed.
    DanglingLabel,
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
            Reason::Markup => "HTML markup or a server error message left in the text",
            Reason::Disclaimer => "disclaimer about external links",
            Reason::Caption => "figure caption (kept with --favor recall)",
            Reason::Slideshow => "slideshow embedded in the article",
            Reason::Comments => "comment section",
            Reason::Advertisement => "advertisement",
            Reason::Repeated => "repeated line",
            Reason::AuthorBio => "about-the-author box after the story",
            Reason::NextArticle => "the next story, appended after this one",
            Reason::DanglingLabel => "label at the end that introduces nothing",
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
            rules: blocks
                .iter()
                .map(|b| {
                    rule_for(b).or_else(|| {
                        (ctx.favor == Favor::Precision)
                            .then(|| precision_rule_for(b))
                            .flatten()
                    })
                })
                .collect(),
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
    // whose text is spread over sibling divs), judge the blocks as lines instead
    // (unless the container is a thread whose every post is marked a comment,
    // or a post that is a list of links).
    if !ctx.has_container
        || kept_words < MIN_CONTAINER_WORDS
            && !keep_opening_post(blocks, &rules, &evidence.prose, &mut verdicts)
            && !keep_link_post(blocks, &rules, &mut verdicts)
    {
        verdicts = select_by_span(blocks, &rules, &scores);
    }
    if ctx.has_container {
        include_lead_above(blocks, &rules, &evidence.prose, &mut verdicts);
        include_lead_under_headline(blocks, &rules, &evidence.prose, &mut verdicts, title);
    }
    let first_kept = verdicts.iter().position(|v| v.keep);
    if !include_titled_headline(blocks, first_kept, title, &mut verdicts) {
        include_headline(blocks, &rules, &mut verdicts);
    }
    include_dateline(blocks, &mut verdicts);
    drop_head_captions(blocks, &mut verdicts);
    drop_repeats(blocks, &mut verdicts, ctx.has_container);
    drop_repeated_long_captions(blocks, &mut verdicts);
    // The kit's truths keep a second printing that is visible (three
    // l3s-gn1 pages and one cleaneval page print their story twice and
    // keep both; one keeps one): by default both stay.
    if ctx.favor == Favor::Precision {
        twin::drop_article_twin(blocks, &mut verdicts);
    }
    next_story::drop_next_story(blocks, &mut verdicts, title);
    drop_tail_chrome(blocks, &mut verdicts);
    keep_plain_blocks_of_empty_page(blocks, ctx, &mut verdicts);
    Classification { verdicts, scores }
}

/// Which blocks belong to a side column printed beside the article (text
/// layout): the cells split off the article's lines, and a date or byline
/// on a line of its own right next to one (the side column's entries run
/// over several lines: headline, byline, excerpt, date). Those dates and
/// bylines are the sidebar's, not the article's, and must not read as a
/// comment list's signatures. So is a section header there ("Have Your
/// Say", "Related stories"): it names an entry of the side column's menu,
/// and must not cut the article's span as the start of its comments or
/// related list.
fn side_column_lines(blocks: &[Block], rules: &mut [Option<Reason>]) -> Vec<bool> {
    let cell: Vec<bool> = blocks
        .iter()
        .map(|b| b.dom_hint == Some(DomHint::SideColumn))
        .collect();
    let mut side = cell.clone();
    for i in 0..blocks.len() {
        let next_to_cell = i > 0 && cell[i - 1] || cell.get(i + 1).copied().unwrap_or(false);
        if next_to_cell
            && matches!(
                rules[i],
                Some(Reason::Timestamp | Reason::Byline | Reason::Comments | Reason::RelatedHeader)
            )
        {
            side[i] = true;
            rules[i] = Some(Reason::Sidebar);
        }
    }
    side
}

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

#[cfg(test)]
mod tests;
