//! Stage 3 without a DOM: the article is the heaviest run of lines, cut
//! where a comment section or a related list begins.

use super::*;

/// Stage 3 without a DOM: the article is the contiguous run of blocks whose
/// summed content score is largest; everything outside it is chrome.
pub(super) fn select_by_span(
    blocks: &[Block],
    rules: &[Option<Reason>],
    scores: &[f32],
) -> Vec<Verdict> {
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
pub(super) const COLUMN_LAYOUT_MIN_CELLS: usize = 2;

/// The article's cell on a column-layout line is a sentence this long.
pub(super) const SIDE_TEXT_MIN_WORDS: usize = 8;

/// A side column's entry printed on a line of its own: a headline or label.
pub(super) const SIDE_ENTRY_MAX_WORDS: usize = 8;

/// A short post followed by a long comment thread: the heaviest span lies
/// in the comments, after their header. When a comments header that opens
/// a list (signatures follow it) stands before the span and some prose
/// stands before the header, that prose is the post: its best span, and
/// everything from the header on is the comment section. Returns the
/// post's span and the header's index.
pub(super) fn post_before_comment_list(
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
pub(super) const COMMENT_LIST_OPENING: usize = 3;

/// A line that signs a comment or dates it.
pub(super) fn is_signature(rule: &Option<Reason>) -> bool {
    matches!(
        rule,
        Some(Reason::Timestamp | Reason::Comments | Reason::Byline)
    )
}

/// A post before a comment thread carries at least this much prose: a
/// sentence or two (a photo post's caption).
pub(super) const MIN_POST_SCORE: f32 = 15.0;

/// Content an article must have before a boundary for the span to be cut
/// there: about two real paragraphs. With less, the "article" before the
/// boundary is a teaser and the real text lies beyond.
pub(super) const MIN_ARTICLE_SCORE: f32 = 40.0;

/// Window (in blocks) in which two more signatures must follow a signature
/// for it to start a comment list: comments run a few lines each, blog
/// posts many more.
pub(super) const COMMENT_SIGNATURE_WINDOW: usize = 12;

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
pub(super) const REST_OF_ARTICLE_SHARE: f32 = 2.0;

pub(super) fn cut_at_boundary(
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
pub(super) const RELATED_LIST_WINDOW: usize = 4;

/// A list item this short, after a related header, is a link to another
/// story (headlines run to about 15 words; a list inside an article
/// carries sentences).
pub(super) const LIST_LINK_MAX_WORDS: usize = 18;
/// ...or this short in characters: a Chinese or Japanese headline counts
/// each character as a word, and runs to 20–40 of them.
pub(super) const LIST_LINK_MAX_CHARS: usize = 60;

/// Comments are short: the text between two signatures of a comment list
/// weighs less than this (about 80 words of prose: a reader's paragraph or
/// two). Blog posts on an index page, each with its "posted by" line, run
/// to several hundred.
pub(super) const COMMENT_MAX_SCORE: f32 = 80.0;

/// Do the entries between the signatures after `from` look like comments
/// (short) rather than posts (long)? Judged by the median entry.
pub(super) fn short_entries_follow(
    rules: &[Option<Reason>],
    scores: &[f32],
    from: usize,
    end: usize,
) -> bool {
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
