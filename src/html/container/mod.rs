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

mod join;

use super::walk::ElementInfo;
use crate::block::{Block, DomHint};
use crate::chrome;
use join::{
    add_ingredient_lists, add_lead_and_siblings, add_template_units, add_thread_posts,
    embedded_slideshow, widen_short_to_main_area,
};

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

/// Climb to the parent only when it adds at least this much net content
/// (about one short paragraph's words): a stray caption is no reason to
/// widen the container.
const CLIMB_MIN_GAIN: f32 = 10.0;

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
    let mut valid = valid_hints(elements, &sums.prose, total);
    if total <= 0.0 {
        resolve_hints(blocks, elements, &valid, &vec![false; n]);
        return false;
    }
    let mut inherited = inherit_hints(elements, &valid);
    let mut voted = top_by_votes(blocks, elements, &base, &inherited, &sums);
    // No prose outside the hints: the page names its content with a chrome
    // word, on a wrapper too big to be chrome and on each of its parts (a
    // live ticker's `live-comments` > `live-comment` entries, a page
    // builder's `widget-wrap` > `widget` boxes). The wrapper's name is the
    // parts' name: they are the page's text, not chrome in it.
    if voted.is_none() && drop_hints_named_like_their_wrapper(elements, &mut valid) {
        inherited = inherit_hints(elements, &valid);
        voted = top_by_votes(blocks, elements, &base, &inherited, &sums);
    }
    let Some((mut top, top_score)) = voted else {
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
    add_thread_posts(elements, &inherited, &sums, top, &mut chosen);
    let parent = elements[top].parent;
    let threshold = (sums.prose[top].max(top_score) * SIBLING_SHARE).max(SIBLING_MIN);
    add_lead_and_siblings(elements, &valid, &sums, top, threshold, &mut chosen);
    add_ingredient_lists(elements, &valid, &sums, top, &mut chosen);
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

/// Effective hint per element: its own valid hint or its nearest
/// ancestor's.
fn inherit_hints(elements: &[ElementInfo], valid: &[Option<DomHint>]) -> Vec<Option<DomHint>> {
    let mut inherited: Vec<Option<DomHint>> = vec![None; elements.len()];
    for e in 0..elements.len() {
        inherited[e] = valid[e].or(elements[e].parent.and_then(|p| inherited[p]));
    }
    inherited
}

/// Drop the hints of elements inside a layout wrapper (a hinted element
/// whose hint [`valid_hints`] set aside) that carry the wrapper's own
/// hint. Returns whether any was dropped. One pass: parents come first.
fn drop_hints_named_like_their_wrapper(
    elements: &[ElementInfo],
    valid: &mut [Option<DomHint>],
) -> bool {
    let mut wrapper: Vec<Option<DomHint>> = vec![None; elements.len()];
    let mut dropped = false;
    for e in 0..elements.len() {
        let above = elements[e].parent.and_then(|p| wrapper[p]);
        let own = elements[e].hint;
        if own.is_some() && valid[e].is_none() {
            wrapper[e] = own;
        } else {
            if own.is_some() && own == above && valid[e] == own {
                valid[e] = None;
                dropped = true;
            }
            wrapper[e] = above;
        }
    }
    dropped
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

fn link_density(links: usize, chars: usize) -> f32 {
    if chars > 0 {
        links as f32 / chars as f32
    } else {
        0.0
    }
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
mod tests;
