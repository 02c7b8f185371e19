//! Stage 4: a page that prints the whole article twice (an AMP or print
//! copy in the same document, a template that renders the story into two
//! places) keeps the first copy when precision is favoured. By default
//! both stay: the kit's labelled sets keep a visible second printing
//! (with the rule on by default l3s-gn1 fell 0.0007 and cleaneval 0.0003).

use super::*;

/// A block this long is a paragraph of the story, not a label: the copy is
/// looked for from the first kept one.
const TWIN_ANCHOR_MIN_WORDS: usize = 10;

/// The copy repeats at least this many blocks, in order: one or two
/// repeated paragraphs are a pull quote or a test page's example, not a
/// second printing.
const TWIN_MIN_BLOCKS: usize = 3;

/// ... and holds at least this share of the kept words. A story printed
/// twice has half of them in the copy; a quoted passage or a refrain is
/// a small part of its page. (Last session's dedupe of every repeated
/// paragraph removed such repeats from real pages.)
const TWIN_MIN_SHARE: usize = 40;

/// Blocks right above the copy's first paragraph that repeat the ones
/// above the first copy's (its headline, dateline, lead) go with it.
const TWIN_HEAD_SCAN: usize = 3;

/// Stage 4: when the article's first paragraph appears again later among
/// the kept blocks and the blocks from there repeat the article's, block
/// for block, for a large share of it, the later run is a second printing
/// of the story: removed as `repeated`. Texts are compared only where
/// their lengths agree: linear in the blocks.
pub(super) fn drop_article_twin(blocks: &[Block], verdicts: &mut [Verdict]) {
    let n = blocks.len();
    let Some(anchor) =
        (0..n).find(|&i| verdicts[i].keep && blocks[i].words >= TWIN_ANCHOR_MIN_WORDS)
    else {
        return;
    };
    let same = |a: usize, b: usize| {
        blocks[a].text.len() == blocks[b].text.len() && blocks[a].text == blocks[b].text
    };
    let Some(copy) = (anchor + 1..n).find(|&j| verdicts[j].keep && same(anchor, j)) else {
        return;
    };
    // The run of blocks from the copy on that repeats the first printing.
    let len = (0..copy - anchor)
        .take_while(|&k| copy + k < n && same(anchor + k, copy + k))
        .count();
    // Its head: the blocks just above both starts that agree.
    let head = (1..=TWIN_HEAD_SCAN.min(copy - anchor - 1).min(anchor))
        .take_while(|&k| same(anchor - k, copy - k))
        .count();
    let words = |range: std::ops::Range<usize>| -> usize {
        range
            .filter(|&i| verdicts[i].keep)
            .map(|i| blocks[i].words)
            .sum()
    };
    let repeated = copy..copy + len;
    let kept_blocks = repeated.clone().filter(|&i| verdicts[i].keep).count();
    if kept_blocks < TWIN_MIN_BLOCKS || words(repeated.clone()) * 100 < words(0..n) * TWIN_MIN_SHARE
    {
        return;
    }
    for v in &mut verdicts[copy - head..copy + len] {
        if v.keep {
            *v = Verdict::remove(Reason::Repeated);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: [&str; 4] = [
        "The harbour road was closed on Tuesday night after waves broke over the sea wall and left stones across both lanes.",
        "Crews worked through the night to clear the road, and the office hoped to open one lane by the afternoon.",
        "Residents along the harbour were asked to stay indoors until the tide turned, and the school moved its classes.",
        "The wall was built in the 1950s and had been due for repair for years, the roads office said on Wednesday.",
    ];

    fn kept_after(texts: &[&str]) -> Vec<bool> {
        let blocks: Vec<Block> = texts
            .iter()
            .map(|t| Block::new(t.to_string(), BlockKind::Paragraph))
            .collect();
        let mut v = vec![Verdict::KEEP; blocks.len()];
        drop_article_twin(&blocks, &mut v);
        v.iter().map(|v| v.keep).collect()
    }

    #[test]
    fn a_story_printed_twice_keeps_its_first_copy() {
        let mut page = vec!["Storm closes the harbour road"];
        page.extend(STORY);
        page.push("Storm closes the harbour road");
        page.extend(STORY);
        let kept = kept_after(&page);
        assert_eq!(kept[..5], [true; 5]);
        // The copy's headline goes with it.
        assert_eq!(kept[5..], [false; 5]);
    }

    #[test]
    fn a_repeated_passage_or_a_short_copy_stays() {
        // The story quotes its own first paragraph at the end: one block.
        let mut page = STORY.to_vec();
        page.push(STORY[0]);
        assert!(kept_after(&page).iter().all(|&k| k));
        // Three paragraphs repeated in a long story: a small share.
        let long = "A paragraph of the long story that goes on about the harbour, the town, the council and the storm for many more words than the others do here.";
        let mut page = STORY[..3].to_vec();
        page.extend([long; 12]);
        page.extend(&STORY[..3]);
        assert!(kept_after(&page).iter().all(|&k| k));
    }
}
