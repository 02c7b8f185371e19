//! Choose the element that holds the article, and settle which chrome hints
//! count.
//!
//! The scoring follows Readability's idea: every prose block votes for the
//! element above it (full weight), the one above that (half), and a few more
//! levels with decaying weight; the element with most votes, discounted by its
//! link density, is the article's container. Sibling elements that also hold
//! a good share of prose join it (articles split over several `<div>`s).
//!
//! All passes are linear: the element table is in document order, so a parent
//! always comes before its children, and sums over subtrees are one reverse
//! pass.

use super::walk::ElementInfo;
use crate::block::{Block, DomHint};
use crate::chrome;
use crate::chrome::slideshow;

/// Levels above a block that receive its vote, and their weights
/// (Readability: parent 1, grandparent 1/2, then 1/(3·level)).
const VOTE_WEIGHTS: [f32; 5] = [1.0, 0.5, 1.0 / 6.0, 1.0 / 9.0, 1.0 / 12.0];

/// A hinted element holding more than this share of the page's prose is a
/// layout wrapper with an unlucky class (`has-sidebar`, `page-comments`), not
/// chrome: its hint is ignored.
const LAYOUT_WRAPPER_SHARE: f32 = 0.5;

/// An element hidden with `aria-hidden="true"` or `visibility:hidden` is not
/// shown to the reader, whatever its size, so its hint holds up to this share
/// of the prose (`display:none` and `hidden` keep the layout-wrapper share:
/// tabs and "read more" panels use them for the article itself). Above it the page
/// hides its own article until a script fades it in: the reader sees that
/// text, so the hint is ignored.
const INVISIBLE_WRAPPER_SHARE: f32 = 0.9;

/// A sibling of the chosen container joins it when its prose is at least this
/// share of the container's score (Readability uses 0.2)...
const SIBLING_SHARE: f32 = 0.2;
/// ...and at least this much in absolute terms (about one short paragraph).
const SIBLING_MIN: f32 = 10.0;
/// ...and its link density is below this (a sibling that is mostly links is a
/// teaser list).
const SIBLING_MAX_LINK_DENSITY: f32 = 0.33;

/// A wrapper around the top element "adds nothing" when its prose exceeds
/// the top's by less than this (a caption or a label's worth).
const UNIT_WRAPPER_SLACK: f32 = 2.0;

/// Units of one template: at least this many (two boxes with one class
/// are a layout's frames; three or more are a list of like parts).
const MIN_UNITS: usize = 3;

/// A unit with more link text than this is a teaser card (a headline
/// linking elsewhere over its summary), not a part of the article.
const UNIT_MAX_LINK_DENSITY: f32 = 0.15;

/// A lead has at least this much prose (a sentence or two)...
const LEAD_MIN_PROSE: f32 = 20.0;
/// ...and hardly a link (a teaser above the story is mostly its link).
const LEAD_MAX_LINK_DENSITY: f32 = 0.1;

/// Climb to the parent only when it adds at least this much net content
/// (about one short paragraph's words): a stray caption is no reason to
/// widen the container.
const CLIMB_MIN_GAIN: f32 = 10.0;

/// An article with less prose than this (a paragraph or two) is short
/// enough to be one section of a page spread over many...
const SHORT_ARTICLE_PROSE: f32 = 60.0;
/// ...when the page's main area holds at least this many times its prose.
const MAIN_AREA_FACTOR: f32 = 2.0;

/// Words of a block under a chrome hint count this much against a subtree.
const HINTED_PENALTY: f32 = 0.5;

/// More marked bodies than this are a listing's posts, not one article's
/// parts.
const MAX_BODY_PARTS: usize = 6;

/// Content markup (`<article>`, `itemprop=articleBody`) earns a bonus: the
/// site says this is the article.
const CONTENT_MARKUP_BONUS: f32 = 1.25;

/// Mark `in_container` and the effective `dom_hint` on every block. Returns
/// false when no element has any prose (the caller falls back to lines).
///
/// The steps, each a function below: sum each subtree's prose and links;
/// settle which hints count; vote for the top element; prefer the body the
/// site names; climb while the parent adds net content; widen a short
/// article to the page's main area; add the article's template units, its
/// lead and qualifying siblings; take out an embedded slideshow.
pub fn choose(blocks: &mut [Block], elements: &[ElementInfo], evidence: &chrome::Evidence) -> bool {
    let n = elements.len();
    if n == 0 || blocks.is_empty() {
        return false;
    }
    // Prose score of each block, ignoring DOM hints (those are judged below).
    let base: Vec<f32> = evidence
        .rules
        .iter()
        .zip(&evidence.prose)
        .map(|(rule, &prose)| if rule.is_some() { 0.0 } else { prose.max(0.0) })
        .collect();
    let sums = Sums::of(blocks, elements, &base);
    let total: f32 = base.iter().sum();
    let valid = valid_hints(elements, &sums.prose, total);
    if total <= 0.0 {
        resolve_hints(blocks, elements, &valid, &vec![false; n]);
        return false;
    }
    // Effective hint per element, inherited from ancestors.
    let mut inherited: Vec<Option<DomHint>> = vec![None; n];
    for e in 0..n {
        inherited[e] = valid[e].or(elements[e].parent.and_then(|p| inherited[p]));
    }
    let Some((mut top, top_score)) = top_by_votes(blocks, elements, &base, &inherited, &sums)
    else {
        resolve_hints(blocks, elements, &valid, &vec![false; n]);
        return false;
    };
    // The site names the article's body (`entry-content`, `post-body`,
    // `itemprop=articleBody`, MediaWiki's `mw-content-text`) on exactly one
    // visible element with text, and the prose vote went elsewhere (the
    // post is short, a photo and a line under it, and the sidebar's "about
    // me" outweighs it) or to a part of it (a wiki list's table, without
    // the introduction above it). The site's own label wins. On a listing
    // page the label repeats and says nothing.
    let bodies = article_bodies(elements, &inherited, &sums.chars);
    // A labelled element with no prose and less text than the vote's
    // element is a part of a teaser card set into the story (its
    // `article-content` box holding a kicker and a headline): it names
    // that card's content, not the page's. A results table named as the
    // body has no prose either, but more text than the vote found.
    let named_body = match bodies[..] {
        [body] => Some(body).filter(|&body| {
            !is_within(elements, body, top)
                && (sums.prose[body] > 0.0 || sums.chars[body] >= sums.chars[top])
        }),
        _ => None,
    };
    if let Some(body) = named_body {
        top = body;
    }
    // A few marked bodies with the vote inside one of them: one article cut
    // into parts by ad slots and related boxes (`story-body-1`,
    // `story-body-2`); all parts belong to it.
    let parts: &[usize] = if (2..=MAX_BODY_PARTS).contains(&bodies.len())
        && bodies.iter().any(|&b| is_within(elements, top, b))
    {
        &bodies
    } else {
        &[]
    };
    // (Not past the body the site named: that would undo the label.)
    if named_body.is_none() {
        top = climb_while_content_grows(blocks, elements, evidence, &inherited, top);
        top = widen_short_to_main_area(elements, &inherited, &sums.prose, top);
    }
    // The container: the top element plus qualifying siblings.
    let mut chosen = vec![false; n];
    chosen[top] = true;
    for &part in parts {
        chosen[part] = true;
    }
    add_template_units(elements, &inherited, &valid, &sums, top, &mut chosen);
    let parent = elements[top].parent;
    let threshold = (sums.prose[top].max(top_score) * SIBLING_SHARE).max(SIBLING_MIN);
    add_lead_and_siblings(elements, &valid, &sums, top, threshold, &mut chosen);
    let mut valid = valid;
    if let Some(show) = embedded_slideshow(blocks, elements, &chosen) {
        valid[show] = Some(DomHint::Slideshow);
    }
    resolve_hints(blocks, elements, &valid, &chosen);
    // Text directly inside the parent of the container, between the chosen
    // elements, is part of the article when it is prose.
    if let Some(p) = parent {
        for (b, &s) in blocks.iter_mut().zip(&base) {
            if b.parent == p && s >= threshold && b.dom_hint.is_none() {
                b.in_container = true;
            }
        }
    }
    true
}

/// Per element, the sums over its subtree: prose score, characters and
/// link characters.
struct Sums {
    prose: Vec<f32>,
    chars: Vec<usize>,
    links: Vec<usize>,
}

impl Sums {
    /// One pass over the blocks, one reverse pass over the elements
    /// (parents come before their children).
    fn of(blocks: &[Block], elements: &[ElementInfo], base: &[f32]) -> Sums {
        let n = elements.len();
        let mut prose = vec![0.0f32; n];
        let mut chars = vec![0usize; n];
        let mut links = vec![0usize; n];
        for (b, &s) in blocks.iter().zip(base) {
            let e = b.parent.min(n - 1);
            prose[e] += s;
            chars[e] += b.text.len();
            links[e] += b.link_chars;
        }
        for e in (0..n).rev() {
            if let Some(p) = elements[e].parent {
                prose[p] += prose[e];
                chars[p] += chars[e];
                links[p] += links[e];
            }
        }
        Sums {
            prose,
            chars,
            links,
        }
    }

    fn link_density(&self, e: usize) -> f32 {
        link_density(self.links[e], self.chars[e])
    }
}

/// Which hints count: not those on layout wrappers (with no prose at all,
/// every hint does).
fn valid_hints(elements: &[ElementInfo], prose: &[f32], total: f32) -> Vec<Option<DomHint>> {
    (0..elements.len())
        .map(|e| {
            elements[e].hint.filter(|_| {
                let share = if elements[e].invisible {
                    INVISIBLE_WRAPPER_SHARE
                } else {
                    LAYOUT_WRAPPER_SHARE
                };
                total <= 0.0 || prose[e] <= share * total
            })
        })
        .collect()
}

/// The element with most prose votes, discounted by its link density (a
/// bonus for content markup), with its score.
fn top_by_votes(
    blocks: &[Block],
    elements: &[ElementInfo],
    base: &[f32],
    inherited: &[Option<DomHint>],
    sums: &Sums,
) -> Option<(usize, f32)> {
    let n = elements.len();
    let mut votes = vec![0.0f32; n];
    for (b, &s) in blocks.iter().zip(base) {
        let e = b.parent.min(n - 1);
        if s <= 0.0 || inherited[e].is_some() {
            continue;
        }
        let mut cur = elements[e].parent;
        for w in VOTE_WEIGHTS {
            let Some(c) = cur else { break };
            votes[c] += s * w;
            cur = elements[c].parent;
        }
    }
    let mut top: Option<(usize, f32)> = None;
    for e in 0..n {
        if votes[e] <= 0.0 || inherited[e].is_some() {
            continue;
        }
        let density = sums.link_density(e);
        let mut score = votes[e] * (1.0 - density.min(1.0));
        if elements[e].content_markup {
            score *= CONTENT_MARKUP_BONUS;
        }
        if top.is_none_or(|(_, best)| score > best) {
            top = Some((e, score));
        }
    }
    top
}

/// Net content per subtree: prose counts for, chrome-like blocks against
/// (signed scores, hinted blocks penalised). Climbing from the top
/// candidate while the parent adds net content widens the container to an
/// article split over nested wrappers, and stops where the extra material
/// is mostly chrome. The ancestor with the most net content is taken,
/// looking past wrappers that add nothing (a chain of layout divs between
/// the sections and their common parent).
fn climb_while_content_grows(
    blocks: &[Block],
    elements: &[ElementInfo],
    evidence: &chrome::Evidence,
    inherited: &[Option<DomHint>],
    top: usize,
) -> usize {
    let n = elements.len();
    let mut net = vec![0.0f32; n];
    for (i, b) in blocks.iter().enumerate() {
        let e = b.parent.min(n - 1);
        let mut v = if evidence.rules[i].is_some() {
            -(b.words as f32) - 2.0
        } else {
            evidence.prose[i]
        };
        if inherited[e].is_some() {
            v = v.min(0.0) - b.words as f32 * HINTED_PENALTY;
        }
        net[e] += v;
    }
    for e in (0..n).rev() {
        if let Some(p) = elements[e].parent {
            net[p] += net[e];
        }
    }
    let mut best = top;
    let mut cur = top;
    while let Some(p) = elements[cur].parent {
        if inherited[p].is_some() {
            break;
        }
        if net[p] > net[best] {
            best = p;
        }
        cur = p;
    }
    if net[best] >= net[top] + CLIMB_MIN_GAIN {
        best
    } else {
        top
    }
}

/// The fallback for a short result: an article of a sentence or two
/// inside the page's main area (`<main>`, `role=main`) that holds much
/// more prose is one section of a page whose text is spread over many
/// (a product page's "Themes", "Add-ons", "Sync" panels, each with its
/// "Learn more"): the main area is the article. Readability retries such
/// pages with its filters relaxed.
fn widen_short_to_main_area(
    elements: &[ElementInfo],
    inherited: &[Option<DomHint>],
    prose: &[f32],
    top: usize,
) -> usize {
    if prose[top] >= SHORT_ARTICLE_PROSE {
        return top;
    }
    let mut cur = top;
    while let Some(p) = elements[cur].parent {
        if inherited[p].is_some() {
            break;
        }
        if elements[p].main {
            if prose[p] >= MAIN_AREA_FACTOR * prose[top] {
                return p;
            }
            break;
        }
        cur = p;
    }
    top
}

/// The article's repeated units: the top element is one of several
/// siblings built from one template (a how-to's `div.step`s, a story's
/// sections) once the wrappers that add nothing around it are looked
/// past. Every sibling of that template with prose of its own is
/// another unit of the same article, however short (step 2 is one line).
fn add_template_units(
    elements: &[ElementInfo],
    inherited: &[Option<DomHint>],
    valid: &[Option<DomHint>],
    sums: &Sums,
    top: usize,
    chosen: &mut [bool],
) {
    let prose = &sums.prose;
    let mut unit = top;
    while let Some(p) = elements[unit].parent {
        if inherited[p].is_some() || prose[p] > prose[top] + UNIT_WRAPPER_SLACK {
            break;
        }
        unit = p;
    }
    if elements[unit].signature == 0 {
        return;
    }
    let Some(unit_parent) = elements[unit].parent else {
        return;
    };
    let units: Vec<usize> = (0..elements.len())
        .filter(|&e| {
            e != unit
                && elements[e].parent == Some(unit_parent)
                && elements[e].signature == elements[unit].signature
                && prose[e] > 0.0
                && valid[e].is_none()
                && sums.link_density(e) < UNIT_MAX_LINK_DENSITY
        })
        .collect();
    if units.len() + 1 >= MIN_UNITS {
        chosen[unit] = true;
        for e in units {
            chosen[e] = true;
        }
    }
}

/// Siblings of the top element that join it: those with prose of at
/// least `threshold` and few links (an article split over several
/// `<div>`s), and the article's lead (standfirst, perex, dek): the sibling
/// just above the body with prose of its own, a paragraph or two with
/// hardly a link. It is well under a fifth of a long story, so the share
/// rule would leave it out.
fn add_lead_and_siblings(
    elements: &[ElementInfo],
    valid: &[Option<DomHint>],
    sums: &Sums,
    top: usize,
    threshold: f32,
    chosen: &mut [bool],
) {
    let prose = &sums.prose;
    let parent = elements[top].parent;
    let lead = (0..top)
        .rev()
        .find(|&e| elements[e].parent == parent && prose[e] > 0.0)
        .filter(|&e| prose[e] >= LEAD_MIN_PROSE && sums.link_density(e) < LEAD_MAX_LINK_DENSITY);
    for e in 0..elements.len() {
        if e == top || elements[e].parent != parent || parent.is_none() {
            continue;
        }
        let lead = Some(e) == lead;
        if (prose[e] >= threshold || lead)
            && sums.link_density(e) < SIBLING_MAX_LINK_DENSITY
            && valid[e].is_none()
        {
            chosen[e] = true;
        }
    }
}

fn link_density(links: usize, chars: usize) -> f32 {
    if chars > 0 {
        links as f32 / chars as f32
    } else {
        0.0
    }
}

/// The element holding a numbered slideshow set into the middle of the
/// article: a gallery of other stories ("Business news in pictures",
/// fifty captioned photos) that can outweigh the article it sits in. A
/// slideshow that opens or ends the article's container is the page's own
/// photo story and stays.
fn embedded_slideshow(
    blocks: &[Block],
    elements: &[ElementInfo],
    chosen: &[bool],
) -> Option<usize> {
    let best = slideshow::slide_run(blocks)?;
    // The smallest element holding every slide.
    let mut show = blocks[best[0]].parent;
    for &i in &best[1..] {
        while !is_within(elements, blocks[i].parent, show) {
            show = elements[show].parent?;
        }
    }
    // Which elements are in the container, and which in the slideshow
    // (one pass each: parents come first).
    let mut inside = vec![false; elements.len()];
    let mut in_show = vec![false; elements.len()];
    for e in 0..elements.len() {
        inside[e] = chosen[e] || elements[e].parent.is_some_and(|p| inside[p]);
        in_show[e] = e == show || elements[e].parent.is_some_and(|p| in_show[p]);
    }
    if chosen[show] || !inside[show] {
        return None;
    }
    // The article's words before and after it, inside the container.
    let (mut before, mut after) = (0, 0);
    let first = best[0];
    for (i, b) in blocks.iter().enumerate() {
        if !inside[b.parent] || in_show[b.parent] {
            continue;
        }
        if i < first {
            before += b.words;
        } else {
            after += b.words;
        }
    }
    (before >= slideshow::FRAME_WORDS && after >= slideshow::FRAME_WORDS).then_some(show)
}

/// The elements marked as the article's body (not under a chrome hint,
/// holding some text), outermost only, in document order.
fn article_bodies(
    elements: &[ElementInfo],
    inherited: &[Option<DomHint>],
    chars: &[usize],
) -> Vec<usize> {
    let mut found: Vec<usize> = Vec::new();
    for (e, el) in elements.iter().enumerate() {
        if !el.body_markup || inherited[e].is_some() || chars[e] == 0 {
            continue;
        }
        // Elements come in document order: one inside a marked element
        // comes before the next marked one outside it.
        if found.last().is_some_and(|&f| is_within(elements, e, f)) {
            continue;
        }
        found.push(e);
        // More than a few say nothing (a listing): no need to find them all.
        if found.len() > MAX_BODY_PARTS {
            break;
        }
    }
    found
}

/// Is element `e` inside element `ancestor` (or the same)?
fn is_within(elements: &[ElementInfo], e: usize, ancestor: usize) -> bool {
    let mut cur = Some(e);
    while let Some(c) = cur {
        if c == ancestor {
            return true;
        }
        cur = elements[c].parent;
    }
    false
}

/// Set `dom_hint` and `in_container` on every block: a block is in the
/// container when an ancestor is chosen; its hint is the nearest valid hint
/// between it and the container (hints above the container do not reach in).
fn resolve_hints(
    blocks: &mut [Block],
    elements: &[ElementInfo],
    valid: &[Option<DomHint>],
    chosen: &[bool],
) {
    let n = elements.len();
    let mut inside = vec![false; n];
    let mut hint: Vec<Option<DomHint>> = vec![None; n];
    for e in 0..n {
        let parent = elements[e].parent;
        inside[e] = chosen[e] || parent.is_some_and(|p| inside[p]);
        hint[e] = if chosen[e] {
            None
        } else {
            valid[e].or(parent.and_then(|p| hint[p]))
        };
    }
    for b in blocks.iter_mut() {
        let e = b.parent.min(n - 1);
        b.in_container = inside[e];
        b.dom_hint = match hint[e] {
            // A typeset formula is the article's: menus, share bars, ads and
            // widgets never hold one, so a class word around it that reads
            // as one of them names a script's machinery (MathJax's
            // `CtxtMenu_Attached`: the formula's context menu), not chrome.
            Some(
                DomHint::Navigation
                | DomHint::Share
                | DomHint::Advertisement
                | DomHint::Boilerplate,
            ) if b.math => None,
            h => h,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chrome::{Context, Favor, StopWords};
    use crate::html::walk;

    fn run(html: &str) -> Vec<Block> {
        let w = walk::walk(html);
        let mut blocks = w.blocks;
        let ctx = Context {
            stop: StopWords::english(),
            has_container: true,
            favor: Favor::Balanced,
        };
        let evidence = chrome::Evidence::gather(&blocks, &ctx);
        choose(&mut blocks, &w.elements, &evidence);
        blocks
    }

    const P: &str = "The council discussed the mission in the province, where the two groups have lived side by side for as long as anyone can remember, and it said that it would meet again.";

    #[test]
    fn picks_the_div_with_the_paragraphs() {
        let html = format!(
            "<body><div id=menu><a href=/>Home</a><a href=/n>News</a></div>\
             <div class=main><h1>Head</h1><div class=txt><p>{P}</p><p>{P}</p><p>{P}</p></div></div>\
             <div class=sidebar><p>{P}</p></div></body>"
        );
        let blocks = run(&html);
        let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
        // "Home News" (one block), the h1 (a sibling with no prose: the
        // classifier adds the headline later), three paragraphs, the sidebar.
        assert_eq!(inside, [false, false, true, true, true, false]);
        assert_eq!(blocks[5].dom_hint, Some(DomHint::Sidebar));
    }

    #[test]
    fn units_of_one_template_join_the_top_one_however_short() {
        let steps = |step: &str| {
            format!(
                "<body><div class=page><div class='mod step'><div class=copy><p>{P}</p></div></div>\
                 <div class=related><h3>Other people are reading</h3><ul><li><a href=/x>A story</a></li></ul></div>\
                 <div class='mod step'><div class=copy><p>{step}</p></div></div>\
                 <div class='mod step'><div class=copy><p>Insert the plant into the hole.</p></div></div>\
                 <div class=sidebar><p>{P}</p></div></div></body>"
            )
        };
        let blocks = run(&steps("Add moss around it."));
        let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
        assert_eq!(inside, [true, false, false, true, true, false]);
        // A card whose line is a link elsewhere is a teaser, not a step
        // (and one step left beside the top one is too few units).
        let blocks = run(&steps("<a href=/y>Add moss around it, our guide</a>"));
        let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
        assert_eq!(inside, [true, false, false, false, false, false]);
        // Two boxes of one class are a layout's frames: no units.
        let frames = format!(
            "<body><div class=box><p>{P}</p><p>{P}</p></div><div class=box><p>Short news item.</p></div></body>"
        );
        let blocks = run(&frames);
        let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
        assert_eq!(inside, [true, true, false]);
    }

    #[test]
    fn a_slideshow_set_into_the_article_goes_but_a_photo_story_stays() {
        let slides: String = (1..=6)
            .map(|k| format!("<li><h3>{k}/6 Slide title</h3><p>{P}</p></li>"))
            .collect();
        let gallery = format!("<div class=full-gallery><ul>{slides}</ul></div>");
        let html = format!(
            "<body><article><p>{P}</p><p>{P}</p>{gallery}<p>{P}</p></article>\
             <div class=sidebar><p>{P}</p></div></body>"
        );
        let blocks = run(&html);
        let hints: Vec<Option<DomHint>> = blocks.iter().map(|b| b.dom_hint).collect();
        assert_eq!(hints[..2], [None, None]);
        assert!(hints[2..14].iter().all(|&h| h == Some(DomHint::Slideshow)));
        assert_eq!(hints[14], None);
        // The same gallery closing the article is the page's photo story.
        let html = format!("<body><article><p>{P}</p><p>{P}</p>{gallery}</article></body>");
        let blocks = run(&html);
        assert!(blocks.iter().all(|b| b.dom_hint.is_none()));
    }

    #[test]
    fn the_lead_just_above_the_body_joins_it() {
        let lead = "Five wins in a row and one goal conceded: the club has answered every doubter this autumn, and the rest of the league has started to notice.";
        let body = format!("<div class=body>{}</div>", format!("<p>{P}</p>").repeat(6));
        let related = "<div class=related><a href=/1>Another story about the club and its coach</a> \
            <a href=/2>A second story about the league table this week</a></div>";
        let page = |between: &str| {
            format!(
                "<body><div class=article><div class=perex>{lead}</div>{between}{body}{related}</div></body>"
            )
        };
        // Under a fifth of the story, but just above it (a picture between).
        let blocks = run(&page("<div class=photo><img src=a.jpg></div>"));
        assert!(blocks[..7].iter().all(|b| b.in_container));
        // Not when another sibling with text stands between.
        let blocks = run(&page(
            "<div class=note>This story was first published in the print edition.</div>",
        ));
        assert!(!blocks[0].in_container && !blocks[1].in_container);
        assert!(blocks[2].in_container);
    }

    #[test]
    fn a_short_section_of_the_main_area_widens_to_it() {
        let panel = |title: &str, line: &str| {
            format!(
                "<section><div class=copy><h3>{title}</h3><p>{line}</p>\
                 <a href=/more>Learn more</a> <a href=/next>Next</a></div></section>"
            )
        };
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><main>{}{}{}{}</main>\
             <footer><p>Contact us</p></footer></body>",
            panel(
                "Themes",
                "Make the browser match your style with a single click."
            ),
            panel(
                "Tabs",
                "Keep the sites you visit most one click away, the way you like."
            ),
            panel(
                "Add-ons",
                "Add-ons are like apps that you install to add features to the browser."
            ),
            panel(
                "Sync",
                "Access your bookmarks and passwords from any device you use."
            ),
        );
        let blocks = run(&html);
        let kept: Vec<&str> = blocks
            .iter()
            .filter(|b| b.in_container)
            .map(|b| b.text.as_str())
            .collect();
        assert!(kept.contains(&"Make the browser match your style with a single click."));
        assert!(kept.contains(&"Access your bookmarks and passwords from any device you use."));
        assert!(!kept.contains(&"Home") && !kept.contains(&"Contact us"));
        // A full story in the main area stays the story alone.
        let html = format!(
            "<body><main><article><p>{P}</p><p>{P}</p><p>{P}</p></article>\
             <section><p>Sign up for our weekly letter about the province.</p></section></main></body>"
        );
        let blocks = run(&html);
        assert!(blocks[..3].iter().all(|b| b.in_container) && !blocks[3].in_container);
    }

    #[test]
    fn layout_wrapper_hint_is_ignored() {
        let html = format!(
            "<body><div class='page has-sidebar'><div><p>{P}</p><p>{P}</p></div></div></body>"
        );
        let blocks = run(&html);
        assert!(
            blocks
                .iter()
                .all(|b| b.dom_hint.is_none() && b.in_container)
        );
    }

    #[test]
    fn a_formula_in_an_element_named_like_a_menu_is_not_navigation() {
        let html = format!(
            "<body><div class=menu><a href=/>Home</a></div><article><p>{P}</p>\
             <mjx-container class='MathJax CtxtMenu_Attached_0'><mjx-assistive-mml>\
             <math><mi>a</mi><mo>=</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>\
             <p>{P}</p></article></body>"
        );
        let blocks = run(&html);
        assert_eq!(blocks[0].dom_hint, Some(DomHint::Navigation));
        assert_eq!(blocks[2].text, "a = 0");
        assert_eq!(blocks[2].dom_hint, None);
    }

    #[test]
    fn large_invisible_element_stays_hidden_but_a_large_toggled_one_does_not() {
        // Three paragraphs of five are hidden: over the layout-wrapper share.
        for (attr, hidden) in [
            ("aria-hidden=true", true),
            ("style='visibility: hidden'", true),
            ("style='display:none'", false),
        ] {
            let html = format!(
                "<body><article><div {attr}><p>{P}</p><p>{P}</p><p>{P}</p></div>\
                 <div><p>{P}</p><p>{P}</p></div></article></body>"
            );
            let blocks = run(&html);
            assert_eq!(
                blocks[0].dom_hint == Some(DomHint::Hidden),
                hidden,
                "{attr}"
            );
            assert_eq!(blocks[4].dom_hint, None, "{attr}");
        }
    }

    #[test]
    fn a_short_post_named_by_the_site_beats_a_longer_sidebar() {
        let html = format!(
            "<body><div class=main><h3>In the pink</h3>\
             <div class='post-body entry-content'><img src=a.jpg><p>Pink is back this season.</p></div></div>\
             <div class=about><p>{P}</p><p>{P}</p></div></body>"
        );
        let blocks = run(&html);
        let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
        assert_eq!(inside, [false, true, false, false]);
        // On a listing page the name repeats and says nothing.
        let listing = format!(
            "<body><div class='post-body'><p>One line.</p></div><div class='post-body'><p>Another.</p></div>\
             <div class=about><p>{P}</p><p>{P}</p></div></body>"
        );
        let blocks = run(&listing);
        let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
        assert_eq!(inside, [false, false, true, true]);
        // The vote picks the table of a wiki list; the named body holds the
        // introduction too.
        let wiki = format!(
            "<body><div id=mw-content-text><p>This list of films holds the ones in which a day repeats.</p>\
             <table><tr><td><p>{P}</p><p>{P}</p><p>{P}</p></td></tr></table></div>\
             <div class=footer><p>{P}</p></div></body>"
        );
        let blocks = run(&wiki);
        let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
        assert_eq!(inside, [true, true, true, true, false]);
    }

    #[test]
    fn a_teaser_card_named_like_a_body_does_not_beat_the_story() {
        let page = |card: &str| {
            format!(
                "<body><div class=story><div class=text><p>{P}</p><p>{P}</p><p>{P}</p></div>\
                 <article class=card><div class=article-content>{card}</div></article>\
                 </div></body>"
            )
        };
        let blocks = run(&page("<span>Psychology</span><h3>Shower thoughts</h3>"));
        let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
        assert_eq!(inside[..3], [true, true, true], "{blocks:?}");
        // The twin: a named body of results, no prose but more text than
        // the short form the vote found, stays the container.
        let results = "<body><div class=article-content><table>\
             <tr><td>1. Meier, Anna 1993</td><td>LG Staufen</td><td>12,41 s</td></tr>\
             <tr><td>2. Huber, Lea 1994</td><td>TSV Essingen</td><td>12,77 s</td></tr>\
             <tr><td>3. Wolf, Mia 1993</td><td>LG Staufen</td><td>12,90 s</td></tr></table></div>\
             <form class=reply><p>Your e-mail address will not be published, we said.</p></form></body>";
        let blocks = run(results);
        assert!(blocks[0].in_container, "{blocks:?}");
        assert!(!blocks[blocks.len() - 1].in_container, "{blocks:?}");
    }

    #[test]
    fn the_marked_parts_of_one_article_are_all_kept() {
        let html = format!(
            "<body><article><div class=part><div class='story-body story-body-1'><p>{P}</p></div>\
             <aside class=related><div class=story-body><p>Another story</p></div></aside></div>\
             <div class=ad>Advertisement</div>\
             <div class=part><div class='story-body story-body-2'><p>{P}</p><p>{P}</p><p>{P}</p></div>\
             <div class=sidebar><p>{P}</p></div></div></article></body>"
        );
        let blocks = run(&html);
        let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
        assert_eq!(
            inside,
            [true, false, false, true, true, true, false],
            "{blocks:?}"
        );
    }

    #[test]
    fn split_article_siblings_join() {
        let html = format!(
            "<body><div><div class=part><p>{P}</p><p>{P}</p></div><div class=ad>Buy now</div>\
             <div class=part><p>{P}</p></div></div></body>"
        );
        let blocks = run(&html);
        // The container widens to the common parent; the ad inside it keeps
        // its hint, so the classifier still drops it.
        let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
        assert_eq!(inside, [true, true, true, true]);
        assert_eq!(blocks[2].dom_hint, Some(DomHint::Advertisement));
        assert_eq!(blocks[3].dom_hint, None);
    }
}
