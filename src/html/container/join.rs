//! Grow the chosen element into the whole article: widen a short one to
//! the page's main area, add the article's template units, its lead and
//! qualifying siblings; find an embedded slideshow to take out.

use super::{Sums, is_within};
use crate::block::{Block, DomHint};
use crate::chrome::slideshow;
use crate::html::walk::ElementInfo;

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
/// The lead is looked for among the body's siblings and those of at most
/// this many wrappers above it (the body's own box, its column, the
/// story's section).
const LEAD_MAX_LEVELS: usize = 3;
/// An article with less prose than this (a paragraph or two) is short
/// enough to be one section of a page spread over many...
const SHORT_ARTICLE_PROSE: f32 = 60.0;
/// ...when the page's main area holds at least this many times its prose.
const MAIN_AREA_FACTOR: f32 = 2.0;
/// The fallback for a short result: an article of a sentence or two
/// inside the page's main area (`<main>`, `role=main`) that holds much
/// more prose is one section of a page whose text is spread over many
/// (a product page's "Themes", "Add-ons", "Sync" panels, each with its
/// "Learn more"): the main area is the article. Readability retries such
/// pages with its filters relaxed.
pub(super) fn widen_short_to_main_area(
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
pub(super) fn add_template_units(
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
pub(super) fn add_lead_and_siblings(
    elements: &[ElementInfo],
    valid: &[Option<DomHint>],
    sums: &Sums,
    top: usize,
    threshold: f32,
    chosen: &mut [bool],
) {
    let prose = &sums.prose;
    let parent = elements[top].parent;
    // The nearest element above the body with prose of its own, among the
    // body's siblings or, when none of those has prose (the body sits
    // alone in its wrappers), among the siblings of an unhinted wrapper
    // up to LEAD_MAX_LEVELS above: the lead in its own section before the
    // story's (`intro-text` above `article-body`, each in its own box).
    let mut lead = None;
    let mut level = top;
    for _ in 0..LEAD_MAX_LEVELS {
        let above = elements[level].parent;
        let found = (0..level)
            .rev()
            .take_while(|&e| above.is_some_and(|a| e > a))
            .find(|&e| elements[e].parent == above && prose[e] > 0.0);
        if let Some(e) = found {
            lead = Some(e).filter(|&e| {
                prose[e] >= LEAD_MIN_PROSE && sums.link_density(e) < LEAD_MAX_LINK_DENSITY
            });
            break;
        }
        match above {
            Some(a) if valid[a].is_none() && elements[a].parent.is_some() => level = a,
            _ => break,
        }
    }
    // (Not a box that holds a part of the body already: that is one of the
    // body's own parts, with whatever sits beside that part.)
    let holds_chosen =
        |e: usize| (0..elements.len()).any(|c| chosen[c] && c != e && is_within(elements, c, e));
    if let Some(e) =
        lead.filter(|&e| elements[e].parent != parent && valid[e].is_none() && !holds_chosen(e))
    {
        chosen[e] = true;
    }
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

/// The element holding a numbered slideshow set into the middle of the
/// article: a gallery of other stories ("Business news in pictures",
/// fifty captioned photos) that can outweigh the article it sits in. A
/// slideshow that opens or ends the article's container is the page's own
/// photo story and stays.
pub(super) fn embedded_slideshow(
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

/// A recipe's ingredient list (named so by its class or microdata) that
/// the chosen element leaves out: its lines are short (an amount, a
/// name), so they neither vote nor reach a sibling's share, and recipe
/// sites set the list in a box of its own beside the steps. The box that
/// holds it, up to the element it shares with the chosen one, joins the
/// article, and the list's own chrome word goes (`print-links` on the
/// list). Not when that shared element is the page itself (`<html>`,
/// `<body>`: a list in another column of the page), nor through a hinted
/// box (a sidebar's recipe teaser), nor a box that is mostly links.
pub(super) fn add_ingredient_lists(
    elements: &[ElementInfo],
    valid: &[Option<DomHint>],
    sums: &Sums,
    top: usize,
    chosen: &mut [bool],
) {
    let n = elements.len();
    let mut inside = vec![false; n];
    let above_top = top_and_ancestors(elements, top);
    let mut lists = Vec::new();
    for e in 0..n {
        let parent_inside = elements[e].parent.is_some_and(|p| inside[p]);
        inside[e] = chosen[e] || parent_inside;
        // Outermost lists only: a line inside a list that is taken (or
        // already inside the article) has nothing to add.
        // (Not a list around the chosen element: that one holds it.)
        if elements[e].ingredients && !inside[e] && !above_top[e] {
            lists.push(e);
            inside[e] = true;
        }
    }
    let paths = paths_to_top(elements, valid, &above_top);
    for list in lists {
        // The element the list shares with the chosen one; `wrapper` is
        // the box just below it.
        let Path {
            shared,
            wrapper,
            through_hint,
        } = paths[list];
        let Some(shared) = shared else { continue };
        if is_page(elements, shared)
            || through_hint
            || wrapper != list && valid[wrapper].is_some()
            || sums.link_density(wrapper) >= SIBLING_MAX_LINK_DENSITY
        {
            continue;
        }
        chosen[wrapper] = true;
        chosen[list] = true;
    }
}

/// The article's posts: the top element is the body of one post of a
/// thread (a question and its answers, a forum's posts), and the bodies of
/// the others are built from the same template, each in a post box of its
/// own with its author card, votes and comments around it, so they are not
/// siblings. Every element of the top's template with prose of its own,
/// not under a hint and hardly a link, whose nearest shared element with
/// the top is not the page itself, is another post of the same thread;
/// with [`MIN_UNITS`] of them in all, holding together at least the top's
/// prose, they all join.
pub(super) fn add_thread_posts(
    elements: &[ElementInfo],
    inherited: &[Option<DomHint>],
    sums: &Sums,
    top: usize,
    chosen: &mut [bool],
) {
    let signature = elements[top].signature;
    if signature == 0 {
        return;
    }
    let n = elements.len();
    let above_top = top_and_ancestors(elements, top);
    let mut posts: Vec<usize> = (0..n)
        .filter(|&e| {
            e != top
                && elements[e].signature == signature
                && sums.prose[e] > 0.0
                && inherited[e].is_none()
                && sums.link_density(e) < UNIT_MAX_LINK_DENSITY
                && !above_top[e]
        })
        .collect();
    let paths = paths_to_top(elements, inherited, &above_top);
    // Not inside the top, and sharing more than the page with it.
    posts.retain(|&e| {
        paths[e]
            .shared
            .is_some_and(|s| s != top && !is_page(elements, s))
    });
    // Outermost posts only: a post quoting another holds it, and its prose
    // already counts the quoted one's.
    let mut is_post = vec![false; n];
    for &e in &posts {
        is_post[e] = true;
    }
    let mut under_post = vec![false; n];
    for (e, info) in elements.iter().enumerate() {
        under_post[e] = info.parent.is_some_and(|p| is_post[p] || under_post[p]);
    }
    posts.retain(|&e| !under_post[e]);
    // A thread's posts weigh alike: when the top outweighs all the others
    // together, they are the teasers or the comments of an article built
    // from the same component (`module-content`), not posts beside it.
    let others: f32 = posts.iter().map(|&e| sums.prose[e]).sum();
    if posts.len() + 1 < MIN_UNITS || others < sums.prose[top] {
        return;
    }
    for e in posts {
        chosen[e] = true;
    }
}

/// How an element meets the chosen top: `shared` is its nearest ancestor
/// among the top and the top's ancestors (none when there is none),
/// `wrapper` the box just below `shared` on its way up (itself when its
/// parent is `shared`), `through_hint` whether a hinted element stands
/// between them.
#[derive(Clone, Copy)]
struct Path {
    shared: Option<usize>,
    wrapper: usize,
    through_hint: bool,
}

/// Every element's [`Path`], in one forward pass (a parent comes before
/// its children): climbing from each candidate instead would cost its
/// depth each time.
fn paths_to_top(
    elements: &[ElementInfo],
    hints: &[Option<DomHint>],
    above_top: &[bool],
) -> Vec<Path> {
    let mut paths: Vec<Path> = Vec::with_capacity(elements.len());
    for (e, info) in elements.iter().enumerate() {
        let path = match info.parent {
            None => Path {
                shared: None,
                wrapper: e,
                through_hint: false,
            },
            Some(p) if above_top[p] => Path {
                shared: Some(p),
                wrapper: e,
                through_hint: false,
            },
            Some(p) => Path {
                shared: paths[p].shared,
                wrapper: paths[p].wrapper,
                through_hint: paths[p].through_hint || hints[p].is_some(),
            },
        };
        paths.push(path);
    }
    paths
}

/// Flags of the top element and every element above it.
fn top_and_ancestors(elements: &[ElementInfo], top: usize) -> Vec<bool> {
    let mut above_top = vec![false; elements.len()];
    let mut cur = Some(top);
    while let Some(c) = cur {
        above_top[c] = true;
        cur = elements[c].parent;
    }
    above_top
}

/// Is the element the page itself: `<html>` or `<body>` (no grandparent)?
fn is_page(elements: &[ElementInfo], e: usize) -> bool {
    elements[e]
        .parent
        .and_then(|p| elements[p].parent)
        .is_none()
}
