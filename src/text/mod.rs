//! Plain text to blocks: one block per non-empty line, after splitting lines
//! where chrome was glued onto text without a separator.
//!
//! Text dumps of web pages keep one rendered block per line, but a renderer
//! that drops the boundary between two inline elements leaves
//! `…Prevents Attacks At HomeMaintained and developed by…`. Such a line is
//! neither body nor chrome as a whole, so it is split first ([`split_glued`])
//! and each part is judged on its own. Likewise a page laid out in columns
//! and rendered side by side (`Obituaries        Data from the…`) is split
//! at its column gaps: the cells beside the article's text are marked as a
//! side column ([`DomHint::SideColumn`]), the text side's own layout
//! evidence, which the classifier weighs like a markup hint.

use crate::block::{Block, BlockKind, DomHint};
use crate::chrome::patterns::{self, GLUED_CHROME_START};
use crate::html::walk::SOFT_HYPHEN;
use std::collections::HashSet;

mod wrap;

/// Turn plain text into blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    // Soft hyphens (U+00AD) only say where a word may break: copied out of a
    // page they sit inside words and split them.
    let unhyphenated;
    let text = if text.contains(SOFT_HYPHEN) {
        unhyphenated = text.replace(SOFT_HYPHEN, "");
        unhyphenated.as_str()
    } else {
        text
    };
    // Hard-wrapped with blank lines between paragraphs: one line per
    // paragraph first.
    let unwrapped = wrap::unwrap_paragraphs(text);
    let text = unwrapped.as_deref().unwrap_or(text);
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .filter(|l| !l.is_empty())
        .collect();
    // Whole lines, normalised, for "the glued suffix is a line seen elsewhere".
    let known: HashSet<String> = lines
        .iter()
        .filter(|l| l.len() <= MAX_KNOWN_LINE_BYTES)
        .map(|l| patterns::normalize(l))
        .collect();
    let mut parts: Vec<&str> = Vec::with_capacity(lines.len());
    // Parts that are a side column printed beside the article's line.
    let mut side: Vec<bool> = Vec::with_capacity(lines.len());
    for line in lines {
        for (column, is_side) in split_columns(line) {
            let before = parts.len();
            parts.extend(split_glued(column, &known));
            side.resize(before, false);
            side.resize(parts.len(), is_side);
        }
    }
    let joins = wrapped_joins(&parts);
    let mut out: Vec<Block> = Vec::with_capacity(parts.len());
    let mut i = 0;
    while i < parts.len() {
        // A hard-wrapped paragraph becomes one block (its lines joined with
        // newlines, so the output keeps them verbatim).
        let mut j = i;
        while j + 1 < parts.len() && joins[j] {
            j += 1;
        }
        let text = parts[i..=j].join("\n");
        let mut block = Block::new(text, kind_of(parts[i]));
        if side[i] {
            // The layout says what the cell is, as markup would.
            block.dom_hint = Some(DomHint::SideColumn);
        }
        out.push(block);
        i = j + 1;
    }
    out
}

/// Line lengths (in characters) typical of hard-wrapped text: mail, press
/// releases and `<pre>` pages wrap at 60–80 columns. Shorter lines are menu
/// items and labels; longer ones are unwrapped paragraphs.
const WRAP_MIN_CHARS: usize = 40;
const WRAP_MAX_CHARS: usize = 100;
/// A wrapped region has at least this many lines...
const WRAP_MIN_RUN: usize = 3;

/// For each line, whether it continues on the next one (hard-wrapped text).
///
/// A region is hard-wrapped when it is a run of lines of wrap-width length
/// in which most line breaks fall before a lowercase word (mid-sentence):
/// headline lists and menus never break mid-sentence. Inside such a region
/// a line continues unless it ends a sentence and the next starts a new one.
fn wrapped_joins(lines: &[&str]) -> Vec<bool> {
    let mut joins = vec![false; lines.len()];
    let wrap_width = |l: &str| (WRAP_MIN_CHARS..=WRAP_MAX_CHARS).contains(&l.chars().count());
    let starts_lower = |l: &str| l.chars().next().is_some_and(|c| c.is_lowercase());
    let mut i = 0;
    while i < lines.len() {
        if !wrap_width(lines[i]) || kind_of(lines[i]) == BlockKind::ListItem {
            i += 1;
            continue;
        }
        // The run: wrap-width lines, plus the paragraph's last (shorter) line.
        let mut end = i;
        while end + 1 < lines.len()
            && wrap_width(lines[end + 1])
            && kind_of(lines[end + 1]) != BlockKind::ListItem
        {
            end += 1;
        }
        let last = if end + 1 < lines.len() && starts_lower(lines[end + 1]) {
            end + 1
        } else {
            end
        };
        let breaks = last - i;
        let mid_sentence = (i..last).filter(|&k| starts_lower(lines[k + 1])).count();
        if breaks + 1 >= WRAP_MIN_RUN && mid_sentence * 2 >= breaks {
            for k in i..last {
                let next_upper = lines[k + 1]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase());
                joins[k] = !(patterns::ends_like_sentence(lines[k]) && next_upper);
            }
        }
        i = last + 1;
    }
    joins
}

/// A run of this many spaces inside a line is a gap between two columns of
/// a table layout rendered side by side (`Obituaries      Data from the…`),
/// not spacing within a sentence.
const COLUMN_GAP: usize = 4;

/// Split a line at column gaps into its cells, each with whether it is a
/// side column (true) rather than part of the main column.
pub fn split_columns(line: &str) -> Vec<(&str, bool)> {
    let mut cells = Vec::new();
    let mut start = 0;
    let mut run = 0;
    let mut run_start = 0;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\t' || c == '\u{a0}' {
            if run == 0 {
                run_start = i;
            }
            run += if c == '\t' { COLUMN_GAP } else { 1 };
        } else {
            if run >= COLUMN_GAP && run_start > start {
                cells.push(line[start..run_start].trim());
                start = i;
            }
            run = 0;
        }
    }
    cells.push(line[start..].trim());
    cells.retain(|c| !c.is_empty());
    // Code with its comments aligned in a column (`$ hg amend -m 'v2'
    // # rev 5:0eb7`) is one line of a listing, not two columns.
    if cells
        .iter()
        .skip(1)
        .any(|c| c.starts_with(['#', ';']) || c.starts_with("//") || c.starts_with("/*"))
    {
        return vec![(line, false)];
    }
    let words = |c: &str| crate::block::count_words(c);
    // The article's column is the cell with the most words. With no text
    // at all, the cells are labels and headlines side by side: a row of the
    // page's layout (navigation, a sidebar's entries beside an empty
    // column), unless it is a row of figures (a table of the article).
    let longest = (0..cells.len()).max_by_key(|&k| (words(cells[k]), std::cmp::Reverse(k)));
    let Some(t) = longest.filter(|&k| words(cells[k]) >= TEXT_MIN_WORDS) else {
        let numeric = cells
            .iter()
            .filter(|c| c.chars().any(|ch| ch.is_ascii_digit()))
            .count();
        let layout_row = cells.len() >= 2 && numeric * 2 < cells.len();
        return vec![(line, layout_row)];
    };
    // One text cell among short ones (a sentence of eight words or more is
    // text too): a page laid out in columns, which the renderer interleaves
    // line by line. The short cells are the other columns (the navigation
    // labels before it, a sidebar's headlines after it: "…chips from AMD.
    // • in the enterprise      • The well-tempered Debian desktop"); the
    // text cell is the article's line.
    let others_short = cells.iter().enumerate().all(|(k, c)| {
        let n = words(c);
        k == t || n < TEXT_MIN_WORDS || n <= SIDE_CELL_MAX_WORDS && !patterns::ends_like_sentence(c)
    });
    if cells.len() >= 2 && others_short {
        return cells
            .into_iter()
            .enumerate()
            .map(|(k, c)| (c, k != t))
            .collect();
    }
    // Two texts side by side stay one line: which is the article's cannot
    // be told from the line.
    vec![(line, false)]
}

/// A column cell this long is text (a line of a paragraph)...
const TEXT_MIN_WORDS: usize = 8;
/// ...and a cell beside it this short is a headline or a label: longer
/// cells are a second text column, and the line stays whole.
const SIDE_CELL_MAX_WORDS: usize = 15;

/// Lines longer than this are never a repeated footer, so they are not
/// candidates for "a suffix equal to a line elsewhere" (keeps the set small).
const MAX_KNOWN_LINE_BYTES: usize = 300;

/// At most this many glue points are examined per line: real glued lines have
/// one or two, and the check costs a normalisation per candidate.
const MAX_GLUE_CANDIDATES: usize = 64;

/// Split a line at every point where chrome starts without a separator: a
/// lowercase letter, digit or closing punctuation directly followed by an
/// uppercase letter, where the rest of the line either starts with a known
/// chrome phrase (`Maintained and developed by`, `Sign In`, `Copyright`) or is
/// itself a whole line found elsewhere in the document (a repeated footer).
pub fn split_glued<'a>(line: &'a str, known: &HashSet<String>) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut rest = line;
    'outer: loop {
        let mut prev: Option<char> = None;
        let mut candidates = 0;
        for (i, c) in rest.char_indices() {
            let glued = c.is_uppercase()
                && prev.is_some_and(|p| {
                    p.is_lowercase() || p.is_ascii_digit() || ".!?)\"”".contains(p)
                });
            prev = Some(c);
            // Nothing is glued before an opening quote or bracket: the line
            // itself starts there (`"We understand…` is one line, not `"`
            // plus a line it equals once normalised).
            if !glued || !rest[..i].chars().any(char::is_alphanumeric) {
                continue;
            }
            candidates += 1;
            if candidates > MAX_GLUE_CANDIDATES {
                break;
            }
            let (head, tail) = rest.split_at(i);
            let tail_known = || {
                tail.len() <= MAX_KNOWN_LINE_BYTES
                    && tail.split_whitespace().count() >= 2
                    && known.contains(&patterns::normalize(tail))
            };
            if GLUED_CHROME_START.is_match(tail) || tail_known() {
                parts.push(head.trim_end());
                rest = tail;
                continue 'outer;
            }
        }
        parts.push(rest);
        return parts;
    }
}

/// Bullets that text renderers put before list items (`*`, `+`, `o` for
/// nested levels, `-`, `•`).
fn kind_of(line: &str) -> BlockKind {
    if crate::block::starts_with_list_marker(line) {
        BlockKind::ListItem
    } else {
        BlockKind::Paragraph
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(lines: &[&str]) -> HashSet<String> {
        lines.iter().map(|l| patterns::normalize(l)).collect()
    }

    #[test]
    fn splits_footer_glued_to_headline() {
        let line = "In Iraq, Hollande Says Daesh Battle Prevents Attacks At HomeMaintained and developed by Arabs Today Group SAL.";
        assert_eq!(
            split_glued(line, &HashSet::new()),
            [
                "In Iraq, Hollande Says Daesh Battle Prevents Attacks At Home",
                "Maintained and developed by Arabs Today Group SAL."
            ]
        );
    }

    #[test]
    fn splits_prompts_glued_together() {
        assert_eq!(
            split_glued("SubscribeSign In", &HashSet::new()),
            ["Subscribe", "Sign In"]
        );
    }

    #[test]
    fn splits_at_a_line_seen_elsewhere() {
        let k = known(&["Weather Forecast Today"]);
        assert_eq!(
            split_glued("Storm hits the coastWeather Forecast Today", &k),
            ["Storm hits the coast", "Weather Forecast Today"]
        );
    }

    #[test]
    fn opening_quote_is_not_glued() {
        let line = "\"We will rebuild it,\" the mayor said.";
        assert_eq!(split_glued(line, &known(&[line])), [line]);
    }

    #[test]
    fn leaves_camel_case_words_alone() {
        for line in [
            "The iPhone maker said McDonald's and eBay rose.",
            "Visit YouTube or PowerPoint now.",
        ] {
            assert_eq!(split_glued(line, &HashSet::new()), [line]);
        }
    }

    #[test]
    fn columns_rendered_side_by_side_are_split() {
        let cells = |l| -> Vec<(&str, bool)> { split_columns(l) };
        // The navigation column beside the article's line.
        assert_eq!(
            cells(
                "Obituaries                          Data from the authority show it rose again."
            ),
            [
                ("Obituaries", true),
                ("Data from the authority show it rose again.", false)
            ]
        );
        assert_eq!(cells("One  two three"), [("One  two three", false)]);
        // A listing's comments aligned in a column.
        let code = "$ hg commit -u bob -m 'implement feature X (v1) today'          # rev 4:1636";
        assert_eq!(cells(code), [(code, false)]);
        assert_eq!(
            cells("Home\tThe council met on Monday to agree the plan for the bridges."),
            [
                ("Home", true),
                (
                    "The council met on Monday to agree the plan for the bridges.",
                    false
                )
            ]
        );
        // The article's line with sidebar cells after it.
        assert_eq!(
            cells(
                "Now that Intel has left, the group will go back to chips from AMD.        \
                 • in the enterprise          • The well-tempered Debian desktop"
            ),
            [
                (
                    "Now that Intel has left, the group will go back to chips from AMD.",
                    false
                ),
                ("• in the enterprise", true),
                ("• The well-tempered Debian desktop", true)
            ]
        );
        // A row of labels is a layout row; a row of figures is a table.
        assert_eq!(
            cells("Home    TV    Radio"),
            [("Home    TV    Radio", true)]
        );
        assert_eq!(
            cells("Birdies     17     T5"),
            [("Birdies     17     T5", false)]
        );
        // Two texts side by side stay one line.
        let two_texts = "The council met on Monday to agree the plan for the bridges.     \
             The mayor said the work would start in the spring and end by the autumn of next year.";
        assert_eq!(cells(two_texts), [(two_texts, false)]);
        assert_eq!(cells("trailing    "), [("trailing    ", false)]);
    }

    #[test]
    fn soft_hyphens_are_dropped_from_lines() {
        let b = blocks("Die Bundes\u{ad}regierung hat entschieden.");
        assert_eq!(b[0].text, "Die Bundesregierung hat entschieden.");
        assert_eq!(b[0].words, 4);
    }

    #[test]
    fn hard_wrapped_paragraphs_become_one_block() {
        let text = "Menu\n\
            LAS VEGAS--Today at the Consumer Electronics Show, Logitech\n\
            unveiled the Harmony One advanced universal remote\n\
            control, marking a significant leap in the evolution of the\n\
            best-selling line of remotes.\n\
            Kosovo Parliamentarian Says the Province Is Ready Now\n\
            Russia Warns against Any Unilateral Declaration of It\n\
            New Security Council President Predicts Rich Agenda";
        let b = blocks(text);
        assert_eq!(b.len(), 5, "{b:?}");
        assert_eq!(b[1].text.lines().count(), 4);
        assert!(b[1].text.ends_with("line of remotes."));
    }

    #[test]
    fn list_markers_make_list_items() {
        let b = blocks("* Home\n\nPlain line\n+ Nested\r\no Deeper");
        let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::ListItem,
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem
            ]
        );
    }
}
