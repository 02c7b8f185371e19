//! Numbered slideshows set into an article ("1/50 United going down",
//! "2/50 …", fifty captioned photos of other stories under "Business news
//! in pictures"): they can outweigh the article they sit in. HTML input
//! finds the element that holds the slides (`html::container`); text input
//! has only the lines (see [`lines_of_embedded_slideshow`]). Both start
//! from the same run of counters.

use crate::block::Block;

/// Slides numbered in a row from 1: at least this many make a slideshow.
pub const MIN_SLIDES: usize = 5;

/// Words of the article's own text needed on each side of a slideshow for
/// it to count as set into the article (a couple of sentences). A
/// slideshow that opens or ends the article is the page's own photo story
/// and stays.
pub const FRAME_WORDS: usize = 30;

/// How far (in lines) from a text slideshow the article's text on each
/// side is looked for: the article goes on right after the last slide.
const FRAME_WINDOW: usize = 12;

/// "3/50 Star Wars boosts the economy" → (3, 50): a slide's number and the
/// slideshow's length, followed by the slide's title or nothing (a text
/// dump may print it as a list item: "* 3/50 …"). Not a fraction in a
/// recipe ("1/2 cup milk"): the count must be at least the number and at
/// least [`MIN_SLIDES`].
pub fn slide_counter(text: &str) -> Option<(usize, usize)> {
    let text = crate::block::strip_list_marker(text.trim_start());
    let (k, rest) = leading_number(text.trim_start())?;
    let rest = rest.trim_start().strip_prefix('/')?;
    let (n, rest) = leading_number(rest.trim_start())?;
    let ok = rest.is_empty() || rest.starts_with(char::is_whitespace);
    (ok && k >= 1 && k <= n && n >= MIN_SLIDES).then_some((k, n))
}

/// A number of one to three digits (no slideshow runs to a thousand; a
/// four-digit number is a year: "2010/2011 season").
fn leading_number(s: &str) -> Option<(usize, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 3 {
        return None;
    }
    Some((s[..end].parse().ok()?, &s[end..]))
}

/// The blocks of the longest run of counters 1/N, 2/N, 3/N, … in document
/// order (other counters in between, such as a thumbnail strip's, are
/// skipped), when it has at least [`MIN_SLIDES`].
pub fn slide_run(blocks: &[Block]) -> Option<Vec<usize>> {
    let (mut run, mut best): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut of = 0;
    for (i, b) in blocks.iter().enumerate() {
        // Counters are short lines; skip paragraphs without looking.
        if b.words > 20 {
            continue;
        }
        let Some((k, n)) = slide_counter(&b.text) else {
            continue;
        };
        if k == 1 {
            if run.len() > best.len() {
                best = std::mem::take(&mut run);
            }
            run = vec![i];
            of = n;
        } else if k == run.len() + 1 && n == of {
            run.push(i);
        }
    }
    if run.len() > best.len() {
        best = run;
    }
    (best.len() >= MIN_SLIDES).then_some(best)
}

/// Text input: the lines of a numbered slideshow set into the article, as
/// a range. A slide is its counter line and what follows up to the next
/// counter (caption, credit); the last slide is as long as the others on
/// average. The article's text (lines of positive prose score) must stand
/// within a few lines on both sides.
pub fn lines_of_embedded_slideshow(blocks: &[Block], prose: &[f32]) -> Option<(usize, usize)> {
    let run = slide_run(blocks)?;
    let (first, last) = (run[0], run[run.len() - 1]);
    let stride = ((last - first) as f32 / (run.len() - 1) as f32).round() as usize;
    let end = (last + stride.max(1) - 1).min(blocks.len() - 1);
    // The prose words among the nearest lines with words (a dump prints
    // empty bullets for the thumbnails).
    let words = |lines: &mut dyn Iterator<Item = usize>| -> usize {
        lines
            .filter(|&i| blocks[i].words > 0)
            .take(FRAME_WINDOW)
            .filter(|&i| prose[i] > 0.0)
            .map(|i| blocks[i].words)
            .sum()
    };
    let before = words(&mut (0..first).rev());
    let after = words(&mut (end + 1..blocks.len()));
    (before >= FRAME_WORDS && after >= FRAME_WORDS).then_some((first, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::BlockKind;

    #[test]
    fn slide_counters_are_not_fractions_or_dates() {
        assert_eq!(
            slide_counter("3/50 Star Wars boosts economy"),
            Some((3, 50))
        );
        assert_eq!(
            slide_counter("* 3/50 Star Wars boosts economy"),
            Some((3, 50))
        );
        assert_eq!(slide_counter("12 / 12"), Some((12, 12)));
        assert_eq!(slide_counter("1/2 cup milk"), None);
        assert_eq!(slide_counter("11/13/91"), None);
        assert_eq!(slide_counter("7/5 of the budget"), None);
        assert_eq!(slide_counter("2010/2011 season"), None);
    }

    #[test]
    fn a_text_slideshow_between_the_article_lines_is_found_with_its_last_caption() {
        let story = "The hotel owners said the rooms are cleaned every day, but the blankets are washed far less often than guests would think.";
        let mut lines = vec![story, story];
        let slides: Vec<String> = (1..=6)
            .flat_map(|k| {
                [
                    format!("* {k}/6 A slide title"),
                    "A caption of the photo.".to_string(),
                    "Getty".to_string(),
                ]
            })
            .collect();
        lines.extend(slides.iter().map(String::as_str));
        lines.extend([story, story]);
        let blocks: Vec<Block> = lines
            .iter()
            .map(|l| Block::new(l.to_string(), BlockKind::Paragraph))
            .collect();
        let prose: Vec<f32> = blocks
            .iter()
            .map(|b| if b.words > 15 { 30.0 } else { 0.0 })
            .collect();
        assert_eq!(lines_of_embedded_slideshow(&blocks, &prose), Some((2, 19)));
        // Closing the page, it is the page's own photo story.
        let n = blocks.len();
        assert_eq!(
            lines_of_embedded_slideshow(&blocks[..n - 2], &prose[..n - 2]),
            None
        );
    }
}
