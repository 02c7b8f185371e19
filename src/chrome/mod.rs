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
mod credit_lines;
mod edges;
mod evidence;
mod head;
mod lead;
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
pub use head::{include_described_lead, leave_out_headline};
use lead::*;
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
    // (unless the container is a thread whose every post is marked a comment).
    if !ctx.has_container
        || kept_words < MIN_CONTAINER_WORDS
            && !keep_opening_post(blocks, &rules, &evidence.prose, &mut verdicts)
    {
        verdicts = select_by_span(blocks, &rules, &scores);
    }
    if ctx.has_container {
        include_lead_above(blocks, &rules, &evidence.prose, &mut verdicts);
        include_lead_under_headline(blocks, &rules, &evidence.prose, &mut verdicts);
    }
    let first_kept = verdicts.iter().position(|v| v.keep);
    if !include_titled_headline(blocks, first_kept, title, &mut verdicts) {
        include_headline(blocks, &rules, &mut verdicts);
    }
    include_dateline(blocks, &mut verdicts);
    drop_repeats(blocks, &mut verdicts);
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
        // Each photo its own caption: copies of one caption count once.
        let caption = |i: usize| format!("Glass cloche terrariums, photo {i} (Lucy Akins)");
        let page = |captions: usize, paragraphs: usize| {
            let mut blocks = Vec::new();
            for _ in 0..paragraphs {
                blocks.push(Block::new(prose.into(), BlockKind::Paragraph));
            }
            for i in 0..captions {
                blocks.push(Block::new(caption(i), BlockKind::Caption));
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
        // One caption printed twelve times (gallery, lightbox, strip) is
        // not a gallery of twelve: the captions go.
        let mut copies = page(1, 1);
        for _ in 0..11 {
            copies.push(copies[1].clone());
        }
        assert_eq!(reasons(&copies, Favor::Balanced)[1], Some(Reason::Caption));
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
    fn a_section_header_next_to_a_sidebar_cell_is_the_sidebars_menu_entry() {
        // A page laid out in columns: the menu's "Have Your Say" entry sits
        // on a line of its own between two lines of the article's column.
        let page = |gap: &str| {
            format!(
                "Home\nWorld\n\
                 The minister said the new rules would take effect next spring, after a long consultation with doctors, nurses and the patients' groups that had asked for them.\n\
                 The rules set a limit of four hours on the time a patient may wait in an emergency room before a doctor sees them, and they give the hospitals money for more staff.\n\
                 Health        Officials expect the changes to cut waiting times in most of the country's hospitals.\n\
                 Have Your Say\n\
                 Magazine{gap}Critics said the plan was rushed and that the hospitals had not been asked about it at all.\n\
                 Ministers will publish the full plan in the coming weeks, once the last talks with unions end.\n\
                 Anna Smith\n\
                 12 March 2005\n\
                 They replied that the talks had been going on for a year and that the unions had agreed to most of it.\n\
                 John Brown\n\
                 13 March 2005\n"
            )
        };
        let kept = |text: &str| {
            let blocks = crate::text::blocks(text);
            let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
            blocks
                .iter()
                .zip(&v)
                .filter(|(_, v)| v.keep)
                .map(|(b, _)| b.text.clone())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let columns = kept(&page("        "));
        assert!(columns.contains("Ministers will publish"), "{columns}");
        assert!(!columns.contains("Have Your Say"), "{columns}");
        // The twin: the same header with no side column beside it opens
        // the page's comment list, which is cut off.
        let plain = kept(&page("\n"));
        assert!(plain.contains("Officials expect"), "{plain}");
        assert!(!plain.contains("Ministers will publish"), "{plain}");
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
