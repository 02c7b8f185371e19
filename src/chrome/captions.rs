//! Figure captions: the label of a picture the text does not carry.

use super::*;

/// A figure's caption labels a picture the text does not carry ("Glass
/// cloche terrariums (Lucy Akins)", "Photo: … / AFP"), often with its
/// credit: without the picture it reads as a stray line in the story.
/// They go, except with `--favor recall`, and except where the captions
/// are most of the page's prose (a photo essay, a gallery: there they are
/// the story). Only HTML says what a caption is; text input never has one.
pub(super) fn drop_figure_captions(blocks: &[Block], rules: &mut [Option<Reason>], ctx: &Context) {
    if ctx.favor == Favor::Recall {
        return;
    }
    // A caption printed as a paragraph says what it is by the credit it
    // ends with. Only inside a chosen container: in a text dump (no
    // markup) such a line weighs against the region around it, and a
    // caption is left to the span's own evidence there.
    for (b, r) in blocks.iter().zip(rules.iter_mut()) {
        if ctx.has_container
            && b.in_container
            && r.is_none()
            && b.dom_hint.is_none()
            && patterns::is_credited_caption(&b.text, b.words)
        {
            *r = Some(Reason::Caption);
        }
    }
    let (mut caption_words, mut other_words) = (0, 0);
    // A caption printed again (gallery, lightbox, thumbnail strip) counts
    // once: its copies do not make the captions the story.
    let mut captions_seen = std::collections::HashSet::new();
    for (b, r) in blocks.iter().zip(rules.iter()) {
        if r.is_some() || b.dom_hint.is_some() || ctx.has_container && !b.in_container {
            continue;
        }
        if b.kind == BlockKind::Caption {
            if captions_seen.insert(super::repeats::normalized_hash(&b.text)) {
                caption_words += b.words;
            }
        } else if b.kind != BlockKind::Heading(1) {
            other_words += b.words;
        }
    }
    if caption_words == 0 || caption_words * CAPTION_STORY_RATIO > other_words {
        return;
    }
    for (b, r) in blocks.iter().zip(rules.iter_mut()) {
        if b.kind == BlockKind::Caption && r.is_none() {
            *r = Some(Reason::Caption);
        }
    }
}

/// Captions are the story when the rest of the article's text is less
/// than this many times theirs (a gallery of captioned photos with a
/// line of introduction).
pub(super) const CAPTION_STORY_RATIO: usize = 2;
