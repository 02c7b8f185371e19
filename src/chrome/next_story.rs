//! Stage 4: a page that appends the next story after its own (infinite
//! scroll) keeps its own story only.

use super::*;

/// A byline or dateline stands right under a story's headline: within this
/// many blocks of it.
const BYLINE_UNDER_HEADLINE: usize = 2;

/// Stage 4: after the page's own story — its headline is a heading that
/// repeats the page's title — a second heading of the same rank that does
/// not repeat the title, with a byline or dateline right under it and a
/// kept paragraph after that, starts the next story the site appended
/// (infinite scroll): it and everything after it go as `next_article`.
/// A story's own section headings are of a lower rank or carry no
/// byline; a live blog or a listicle has no heading that repeats the
/// title, or several headings of one rank without bylines; a related
/// story's card set into the story has its heading removed already. One
/// pass.
pub(super) fn drop_next_story(blocks: &[Block], verdicts: &mut [Verdict], title: Option<&str>) {
    let Some(title) = title.map(patterns::normalize) else {
        return;
    };
    let title_words = title.split(' ').count();
    if title_words < TITLED_HEADLINE_MIN_WORDS {
        return;
    }
    let level = |b: &Block| match b.kind {
        BlockKind::Heading(l) => Some(l),
        _ => None,
    };
    let Some((headline, rank)) = blocks.iter().enumerate().find_map(|(i, b)| {
        level(b)
            .filter(|_| repeats_title(b, &title, title_words))
            .map(|l| (i, l))
    }) else {
        return;
    };
    let is_dateline = |v: &Verdict| matches!(v.reason, Some(Reason::Byline | Reason::Timestamp));
    let mut body_seen = false;
    for i in headline + 1..blocks.len() {
        let b = &blocks[i];
        if level(b) != Some(rank) {
            body_seen |= verdicts[i].keep && b.kind == BlockKind::Paragraph;
            continue;
        }
        // A heading another rule removed is a card set into the story
        // (a related story's headline and byline), not a story after it.
        if !body_seen || !verdicts[i].keep || repeats_title(b, &title, title_words) {
            continue;
        }
        let under = i + 1..(i + 1 + BYLINE_UNDER_HEADLINE).min(blocks.len());
        let Some(byline) = under.into_iter().find(|&j| is_dateline(&verdicts[j])) else {
            continue;
        };
        let story_follows = (byline + 1..blocks.len())
            .take_while(|&j| level(&blocks[j]) != Some(rank))
            .any(|j| verdicts[j].keep && blocks[j].kind == BlockKind::Paragraph);
        if story_follows {
            for v in verdicts[i..].iter_mut().filter(|v| v.keep) {
                *v = Verdict::remove(Reason::NextArticle);
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLE: &str = "Storm closes the harbour road";

    fn page(parts: &[(&str, BlockKind, Option<Reason>)]) -> (Vec<Block>, Vec<Verdict>) {
        let blocks = parts
            .iter()
            .map(|(t, k, _)| Block::new(t.to_string(), *k))
            .collect();
        let verdicts = parts
            .iter()
            .map(|(_, _, r)| r.map_or(Verdict::KEEP, Verdict::remove))
            .collect();
        (blocks, verdicts)
    }

    const P: BlockKind = BlockKind::Paragraph;
    const H1: BlockKind = BlockKind::Heading(1);
    const H2: BlockKind = BlockKind::Heading(2);
    const BODY: &str =
        "The harbour road was closed on Tuesday night after waves broke over the sea wall.";
    const NEXT: &str =
        "The city council voted on Monday to add bus lanes on three of the busiest streets.";

    fn kept(parts: &[(&str, BlockKind, Option<Reason>)]) -> Vec<bool> {
        let (blocks, mut verdicts) = page(parts);
        drop_next_story(&blocks, &mut verdicts, Some(TITLE));
        verdicts.iter().map(|v| v.keep).collect()
    }

    #[test]
    fn the_next_story_appended_after_the_page_s_own_goes() {
        let by = Some(Reason::Byline);
        let parts = [
            (TITLE, H1, Some(Reason::Headline)),
            ("By Jo Lin", P, by),
            (BODY, P, None),
            ("Council approves new bus lanes", H1, None),
            ("By Sam Roe", P, by),
            (NEXT, P, None),
        ];
        assert_eq!(kept(&parts), [false, false, true, false, false, false]);
    }

    #[test]
    fn section_headings_and_headings_without_bylines_stay() {
        let by = Some(Reason::Byline);
        // A section of the story, one rank lower, with a dateline under it.
        let sections = [
            (TITLE, H1, None),
            (BODY, P, None),
            ("What the council said", H2, None),
            ("12 March 2024", P, Some(Reason::Timestamp)),
            (NEXT, P, None),
        ];
        assert_eq!(kept(&sections), [true, true, true, false, true]);
        // A listicle's items: same rank, no byline under them.
        let list = [
            (TITLE, H1, None),
            (BODY, P, None),
            ("Second: the bus lanes", H1, None),
            (NEXT, P, None),
        ];
        assert!(kept(&list).iter().all(|&k| k));
        // A related story's card set into the story: its headline was
        // removed (a sidebar), and the story goes on after it.
        let card = [
            (TITLE, H1, None),
            (BODY, P, None),
            ("Another story from the desk", H1, Some(Reason::Sidebar)),
            ("By Sam Roe", P, by),
            (NEXT, P, None),
        ];
        assert_eq!(kept(&card), [true, true, false, false, true]);
        // No heading repeats the title (a blog's index page): nothing goes.
        let index = [
            ("A post about the harbour", H1, None),
            ("By Jo Lin", P, by),
            (BODY, P, None),
            ("Council approves new bus lanes", H1, None),
            ("By Sam Roe", P, by),
            (NEXT, P, None),
        ];
        assert_eq!(kept(&index), [true, false, true, true, false, true]);
    }
}
