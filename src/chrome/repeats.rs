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
/// caption, a "Advertisement" label printed twice); drop the later copies.
/// Removed blocks that repeat a line are re-labelled `repeated` only when no
/// more specific reason was found.
pub(super) fn drop_repeats(blocks: &[Block], verdicts: &mut [Verdict]) {
    let mut seen: HashMap<String, bool> = HashMap::new();
    for (b, v) in blocks.iter().zip(verdicts.iter_mut()) {
        if b.words == 0 || b.words > REPEAT_MAX_WORDS || is_wrapped_sentence_piece(b) {
            continue;
        }
        let key = patterns::normalize(&b.text);
        match seen.get_mut(&key) {
            Some(kept_before) => {
                let generic = matches!(v.reason, Some(Reason::OutsideContent | Reason::LowContent));
                if v.keep && *kept_before || generic {
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
