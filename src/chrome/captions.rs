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

/// The bare label a gallery prints above or beside its caption, in the
/// languages of the pages ("Caption", "Bildunterschrift").
const CAPTION_LABELS: &[&str] = &[
    "caption",
    "bildunterschrift",
    "légende",
    "pie de foto",
    "didascalia",
    "bijschrift",
    "legenda",
    "photo caption",
    "image caption",
];

/// "Caption label": one of [`CAPTION_LABELS`] alone on its line (with a
/// colon or a toggle sign at most). A sentence that uses the word has more
/// words than any label.
pub(super) fn is_caption_label(text: &str, words: usize) -> bool {
    // The longest label with its sign is under this many bytes: most
    // short lines are ruled out before they are normalised.
    const LABEL_MAX_BYTES: usize = 24;
    words <= 3
        && text.len() <= LABEL_MAX_BYTES
        && CAPTION_LABELS.contains(&patterns::normalize(text).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_caption_labels() {
        for line in [
            "Caption",
            "Bildunterschrift:",
            "IMAGE CAPTION",
            "+ Caption",
            "Légende",
        ] {
            let words = line.split_whitespace().count();
            assert!(is_caption_label(line, words), "{line}");
        }
        for line in [
            "Caption this photo and win a prize",
            "The caption was wrong, the paper said.",
            "Captions",
        ] {
            let words = line.split_whitespace().count();
            assert!(!is_caption_label(line, words), "{line}");
        }
    }
}
