//! A thread page (a forum topic, a question with its replies) whose site
//! marks every post as a comment, the opening post too.

use super::*;

/// When the chosen container kept almost nothing because every post in it
/// carries a comment's markup (`class="comment"` on the opening post as
/// on the replies), the page is a thread: its article is the opening post,
/// the posts before the container's comments header ("Kommentare", "12
/// Antworten"). Those are kept (the blocks of prose no rule speaks
/// against); the replies after the header, and whatever else the
/// container holds from there on, go as the comment section. Needs
/// the header, a post of some weight before it ([`MIN_POST_SCORE`], a
/// sentence or two) and a reply after it; returns whether it kept the post.
pub(super) fn keep_opening_post(
    blocks: &[Block],
    rules: &[Option<Reason>],
    prose: &[f32],
    verdicts: &mut [Verdict],
) -> bool {
    let is_post_text = |i: usize| {
        blocks[i].in_container
            && blocks[i].dom_hint == Some(DomHint::Comments)
            && rules[i].is_none()
            && prose[i] > 0.0
    };
    let Some(header) = (0..blocks.len()).find(|&i| {
        blocks[i].in_container
            && rules[i] == Some(Reason::Comments)
            && patterns::is_comments_header(&blocks[i].text, blocks[i].words)
    }) else {
        return false;
    };
    let post: Vec<usize> = (0..header).filter(|&i| is_post_text(i)).collect();
    let weight: f32 = post.iter().map(|&i| prose[i]).sum();
    if weight < MIN_POST_SCORE || !(header + 1..blocks.len()).any(is_post_text) {
        return false;
    }
    for i in post {
        verdicts[i] = Verdict::KEEP;
    }
    // From the header on the container is the comment section: the
    // replies, their "Reply" buttons and the login prompt under them.
    for v in &mut verdicts[header..] {
        if v.keep {
            *v = Verdict::remove(Reason::ReaderComment);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "Seit dem Update auf iOS 13 habe ich auf keinem meiner Geräte mehr Zugriff auf den App Store über mobile Daten, im WLAN geht alles.";
    const REPLY: &str = "Bei mir funktioniert der App Store auch unterwegs, vielleicht hilft es, die Einstellungen einmal zurückzusetzen.";

    /// A thread inside the chosen container, every post marked a comment:
    /// title, signature, the opening post, the comments header, a reply, a
    /// "Kommentieren" button (the reply's prose score given). Returns
    /// whether the rule fired and what is kept.
    fn thread(header: &str, reply: &str, reply_prose: f32) -> (bool, Vec<bool>) {
        let rows: [(&str, BlockKind, Option<DomHint>); 6] = [
            (
                "Kein App Store mehr über mobile Daten?",
                BlockKind::Heading(2),
                None,
            ),
            (
                "macbacchi 28.09.19 12:44",
                BlockKind::Paragraph,
                Some(DomHint::Comments),
            ),
            (POST, BlockKind::Paragraph, Some(DomHint::Comments)),
            (header, BlockKind::Heading(2), Some(DomHint::Comments)),
            (reply, BlockKind::Paragraph, Some(DomHint::Comments)),
            ("Kommentieren", BlockKind::Paragraph, None),
        ];
        let blocks: Vec<Block> = rows
            .iter()
            .map(|&(text, kind, hint)| {
                let mut b = Block::new(text.into(), kind);
                b.dom_hint = hint;
                b.in_container = true;
                b
            })
            .collect();
        let rules: Vec<Option<Reason>> = blocks.iter().map(rule_for).collect();
        let prose = [-1.0, -2.0, 25.0, -1.0, reply_prose, -2.0];
        let mut verdicts = select_by_container(
            &blocks,
            &rules,
            &Context {
                stop: StopWords::for_language("de"),
                has_container: true,
                favor: Favor::Balanced,
            },
        );
        let fired = keep_opening_post(&blocks, &rules, &prose, &mut verdicts);
        (fired, verdicts.iter().map(|v| v.keep).collect())
    }

    #[test]
    fn the_opening_post_of_a_thread_marked_as_comments_is_the_article() {
        let (fired, kept) = thread("Kommentare", REPLY, 18.0);
        assert!(fired);
        assert_eq!(kept, [true, false, true, false, false, false]);
    }

    #[test]
    fn no_comments_header_or_no_reply_is_no_thread() {
        // Without a header the posts cannot be told apart: the caller's
        // fallback judges the page as lines.
        let (fired, _) = thread("Der Saisonabschluss", REPLY, 18.0);
        assert!(!fired);
        // A header and no reply under it: a comment form under one
        // comment-marked box, not a thread.
        let (fired, _) = thread("Kommentare", "Antworten", -2.0);
        assert!(!fired);
    }
}
