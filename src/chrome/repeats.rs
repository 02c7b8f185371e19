//! Stage 4: short lines a real article would not repeat.

use super::*;

/// Short lines (a dozen words or fewer) that a real article would not repeat.
pub(super) const REPEAT_MAX_WORDS: usize = 12;

/// A piece of a sentence that a `<br>` or a hard wrap cut off: it starts in
/// lower case and is longer than a menu label. Verse and wrapped prose repeat
/// such lines (a refrain, a quoted phrase); chrome labels and captions start
/// with a capital.
pub(super) const WRAPPED_PIECE_MIN_WORDS: usize = 6;

pub(super) fn is_wrapped_sentence_piece(b: &Block) -> bool {
    b.words >= WRAPPED_PIECE_MIN_WORDS && b.text.chars().next().is_some_and(char::is_lowercase)
}

/// Stage 4: a kept short block whose text already appeared earlier among the
/// kept blocks is a repeated element (a pull quote's twin, a duplicated
/// caption, a "Advertisement" label printed twice); drop the later copies,
/// but for a record's field printed again within the article's text (see
/// [`is_record_field_shaped`]).
/// Removed blocks that repeat a line are re-labelled `repeated` only when no
/// more specific reason was found.
///
/// The exception needs the markup (`from_markup`): in plain text a site's
/// menu entries and picture credits ("Jane Roe/Agency") printed again
/// between paragraphs have no link or caption to tell them from a field.
pub(super) fn drop_repeats(blocks: &[Block], verdicts: &mut [Verdict], from_markup: bool) {
    let text = article_text_span(blocks, verdicts).filter(|_| from_markup);
    // (The fast hasher, sized once: every short block is looked up.)
    let mut seen: HashMap<String, bool, super::stopwords::FastBuild> =
        HashMap::with_capacity_and_hasher(blocks.len(), Default::default());
    for (i, (b, v)) in blocks.iter().zip(verdicts.iter_mut()).enumerate() {
        if b.words == 0 || b.words > REPEAT_MAX_WORDS || is_wrapped_sentence_piece(b) {
            continue;
        }
        let key = patterns::normalize(&b.text);
        match seen.get_mut(&key) {
            Some(kept_before) => {
                let generic = matches!(v.reason, Some(Reason::OutsideContent | Reason::LowContent));
                let record_field = v.keep
                    && text.as_ref().is_some_and(|t| t.contains(&i))
                    && is_record_field_shaped(b);
                if v.keep && *kept_before && !record_field || generic {
                    *v = Verdict::remove(Reason::Repeated);
                }
                *kept_before |= v.keep;
            }
            None => {
                seen.insert(key, v.keep);
            }
        }
    }
}

/// Between the article's first and last paragraphs of prose, a short line
/// printed again is part of what the text repeats: the fields of records
/// (a reference list's "Publication Date: 2002", a transcript's speaker
/// labels, a schedule's "9 a.m. - noon"), not a site's label...
const REPEATED_FIELD_MAX_LINK_DENSITY: f32 = 0.5;

/// ...when it reads as one: two words at least (a lone word printed again
/// is a label: "Image", a chart's "billion"), not mostly a link (a "Read
/// more"), not wrapped whole in brackets (a picture's credit
/// "(Jane Roe/AP)" under every photo), not a sentence of its own unless
/// it is a labelled field ("DR. SMITH: Yes."): a short sentence printed
/// again is a pull quote's twin; and neither a heading nor a line a rule
/// would remove (the headline and dateline of a second printing of the
/// story kept after the first, both kept as the head of a story).
fn is_record_field_shaped(b: &Block) -> bool {
    let t = b.text.trim();
    let bracketed = t.starts_with(['(', '[']) && t.ends_with([')', ']']);
    // A table's cell is data whatever its length ("Yes", "N/A", "1998").
    (b.words >= REPEATED_FIELD_MIN_WORDS || b.kind == BlockKind::Table)
        && !bracketed
        && b.link_density() < REPEATED_FIELD_MAX_LINK_DENSITY
        && (t.contains(':') || !patterns::ends_like_sentence(t))
        && !matches!(b.kind, BlockKind::Heading(_))
        && rule_for(b).is_none()
}

/// See [`is_record_field_shaped`].
const REPEATED_FIELD_MIN_WORDS: usize = 2;

/// The blocks strictly between the first and the last kept paragraph of
/// prose, if there are two.
fn article_text_span(blocks: &[Block], verdicts: &[Verdict]) -> Option<std::ops::Range<usize>> {
    let is_paragraph = |i: &usize| {
        let b = &blocks[*i];
        verdicts[*i].keep
            && b.words >= ARTICLE_PARAGRAPH_WORDS
            && b.link_density() < ARTICLE_PARAGRAPH_MAX_LINK_DENSITY
    };
    let first = (0..blocks.len()).find(is_paragraph)?;
    let last = (0..blocks.len()).rev().find(is_paragraph)?;
    (first < last).then_some(first + 1..last)
}

/// A gallery caption runs to a few sentences; a longer block printed
/// again and again is a twin of the article, not a caption.
pub(super) const LONG_REPEAT_MAX_WORDS: usize = 80;

/// A hash of [`patterns::normalize`]'s form of `text`, without building
/// it: letters and digits lowercased, every other run one space.
pub(super) fn normalized_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut space = false;
    let mut any = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && any {
                h.write_u8(b' ');
            }
            space = false;
            any = true;
            for l in c.to_lowercase() {
                h.write_u32(l as u32);
            }
        } else {
            space = true;
        }
    }
    h.finish()
}

/// Stage 4: a figure caption longer than a short repeat and printed again
/// (gallery, lightbox, thumbnail strip) keeps its first kept copy. Only
/// captions: test pages and verse print whole paragraphs several times.
/// Hashes, not pairs: linear in the blocks.
pub(super) fn drop_repeated_long_captions(blocks: &[Block], verdicts: &mut [Verdict]) {
    let mut kept = std::collections::HashSet::new();
    for (b, v) in blocks.iter().zip(verdicts.iter_mut()) {
        if b.kind != BlockKind::Caption
            || !v.keep
            || b.words <= REPEAT_MAX_WORDS
            || b.words > LONG_REPEAT_MAX_WORDS
        {
            continue;
        }
        if !kept.insert(normalized_hash(&b.text)) {
            *v = Verdict::remove(Reason::Repeated);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_that_of_the_normalised_form() {
        assert_eq!(
            normalized_hash("  Hello,  World! 2023 ©"),
            normalized_hash("hello world 2023")
        );
        assert_ne!(
            normalized_hash("hello world"),
            normalized_hash("helloworld")
        );
    }

    fn blocks(texts: &[(&str, BlockKind)]) -> Vec<Block> {
        texts
            .iter()
            .map(|(t, k)| Block::new(t.to_string(), *k))
            .collect()
    }

    fn kept(blocks: &[Block]) -> Vec<bool> {
        let mut v = vec![Verdict::KEEP; blocks.len()];
        drop_repeated_long_captions(blocks, &mut v);
        v.iter().map(|v| v.keep).collect()
    }

    const CAPTION: &str = "Fishermen haul their nets onto the quay at dawn as the first ferry of the day leaves the old harbour for the islands";
    const PROSE: &str = "The council said the harbour would stay open to fishing boats while the works went on, and that the ferry would keep its timetable.";

    #[test]
    fn a_long_caption_printed_again_keeps_its_first_copy() {
        let (p, c) = (BlockKind::Paragraph, BlockKind::Caption);
        let page = blocks(&[(CAPTION, c), (PROSE, p), (CAPTION, c), (CAPTION, c)]);
        assert_eq!(kept(&page), [true, true, false, false]);
        // The caption's words as a paragraph of the story stay.
        let page = blocks(&[(CAPTION, p), (CAPTION, c), (CAPTION, c)]);
        assert_eq!(kept(&page), [true, true, false]);
    }

    /// The blocks `drop_repeats` keeps, all kept before.
    fn kept_after_repeats(blocks: &[Block]) -> Vec<bool> {
        let mut v = vec![Verdict::KEEP; blocks.len()];
        drop_repeats(blocks, &mut v, true);
        v.iter().map(|v| v.keep).collect()
    }

    #[test]
    fn record_fields_repeated_within_the_text_stay() {
        // A reference list: every record has its "Publication Date: 2002"
        // field between paragraphs of prose.
        let p = BlockKind::Paragraph;
        let field = "Publication Date: 2002";
        let page = blocks(&[(PROSE, p), (field, p), (CAPTION, p), (field, p), (PROSE, p)]);
        assert_eq!(kept_after_repeats(&page), [true, true, true, true, true]);
        // A data table's one-word cells repeat as data does.
        let (t, p) = (BlockKind::Table, BlockKind::Paragraph);
        let page = blocks(&[(PROSE, p), ("Yes", t), ("No", t), ("Yes", t), (PROSE, p)]);
        assert_eq!(kept_after_repeats(&page), [true; 5]);
    }

    #[test]
    fn labels_repeated_within_the_text_or_after_it_go() {
        let p = BlockKind::Paragraph;
        // A lone word, a picture credit in brackets, a link: labels.
        let mut link = Block::new("Read the full report".into(), p);
        link.link_chars = link.text.len();
        for label in [
            Block::new("Image".into(), p),
            Block::new("(Jane Roe/Associated Press)".into(), p),
            link,
        ] {
            let page = vec![
                Block::new(PROSE.into(), p),
                label.clone(),
                Block::new(CAPTION.into(), p),
                label,
                Block::new(PROSE.into(), p),
            ];
            assert_eq!(kept_after_repeats(&page), [true, true, true, false, true]);
        }
        // After the text's last paragraph, a field's twin is the page's.
        let field = "Publication Date: 2002";
        let page = blocks(&[(PROSE, p), (field, p), (CAPTION, p), (field, p)]);
        assert_eq!(kept_after_repeats(&page), [true, true, true, false]);
    }

    #[test]
    fn paragraphs_printed_three_times_stay() {
        // Test pages and verse repeat whole paragraphs; only a caption's
        // copies are known chrome.
        let p = BlockKind::Paragraph;
        let page = blocks(&[(CAPTION, p), (PROSE, p), (CAPTION, p), (CAPTION, p)]);
        assert_eq!(kept(&page), [true, true, true, true]);
    }

    #[test]
    fn a_sentence_the_story_repeats_once_stays() {
        // A pull quote or a summary repeats a sentence of the story once.
        let p = BlockKind::Paragraph;
        let page = blocks(&[(PROSE, p), (CAPTION, p), (PROSE, p)]);
        assert_eq!(kept(&page), [true, true, true]);
    }
}
