//! Stage 3 with a DOM: the blocks of the chosen container that no rule and
//! no chrome hint speak against, and the comment section inside it.

use super::*;

/// Stage 3 with a DOM: keep the blocks of the chosen container that no rule
/// and no chrome hint speak against.
pub(super) fn select_by_container(
    blocks: &[Block],
    rules: &[Option<Reason>],
    ctx: &Context,
) -> Vec<Verdict> {
    let comments_from = comment_section_in_container(blocks, rules);
    // The article's own text runs from its first paragraph to its last;
    // a block that is all link in between is a link the author put in the
    // article (a list of resources, a table of contents, a data table's
    // linked names) unless it reads as a pointer away or a control, or
    // stands under a see-also label (`links_under_a_label`).
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
    let pointed = links_under_a_label(blocks, rules, ctx.favor);
    blocks
        .iter()
        .zip(rules)
        .enumerate()
        .map(|(i, (b, rule))| {
            if let Some(r) = pointed[i] {
                return Verdict::remove(r);
            }
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

/// The links listed under a related-articles header or a see-also label
/// ("Veja também:", "Weiterlesen:"), and the label itself when it is kept
/// (with a label ending in a colon right above it):
/// the run of link-list blocks right after the label (over blocks a rule
/// already took out) points to other pages, even between the story's
/// paragraphs. Unlabelled links there stay: an author's list of
/// resources or a table of contents has no such label.
fn links_under_a_label(
    blocks: &[Block],
    rules: &[Option<Reason>],
    favor: Favor,
) -> Vec<Option<Reason>> {
    let mut out = vec![None; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let label = b.in_container
            && (rules[i] == Some(Reason::RelatedHeader)
                || rules[i].is_none() && patterns::is_see_also_label(&b.text, b.words));
        if !label {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut links = 0;
        while j < blocks.len() && blocks[j].in_container {
            if rules[j].is_some() || blocks[j].dom_hint.is_some() {
                j += 1;
                continue;
            }
            if !is_link_list(&blocks[j], favor) || heads_a_section(blocks, rules, j) {
                break;
            }
            out[j] = Some(Reason::RelatedHeadline);
            links += 1;
            j += 1;
        }
        if links > 0 && rules[i].is_none() {
            out[i] = Some(Reason::RelatedHeader);
        }
        // A label right above the header ("Mehr Kolumnen auf der Seite:"
        // over "Mehr zum Thema") introduces the same list.
        if links > 0 && i > 0 {
            let above = &blocks[i - 1];
            if above.in_container
                && rules[i - 1].is_none()
                && patterns::is_intro_label(&above.text, above.words)
            {
                out[i - 1] = Some(Reason::RelatedHeader);
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// A paragraph of the article's own text: at least this many words (two
/// sentences)...
pub(super) const ARTICLE_PARAGRAPH_WORDS: usize = 20;
/// ...and hardly a link (Readability's bar for a paragraph sibling).
pub(super) const ARTICLE_PARAGRAPH_MAX_LINK_DENSITY: f32 = 0.25;

/// A section of the article opened by at least this many words of prose
/// (a teaser's summary under a linked headline is shorter).
pub(super) const SECTION_MIN_WORDS: usize = 40;

/// Is block `i` a heading that is a link (to the product or the place the
/// section is about: "“Rez Infinite” ($30)") over a section of the
/// article, a long paragraph in the container that no rule speaks against?
pub(super) fn heads_a_section(blocks: &[Block], rules: &[Option<Reason>], i: usize) -> bool {
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
pub(super) fn comment_section_in_container(
    blocks: &[Block],
    rules: &[Option<Reason>],
) -> Option<usize> {
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

pub(super) fn hint_reason(hint: Option<DomHint>) -> Option<Reason> {
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
