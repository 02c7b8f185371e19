//! Hard-wrapped text with blank lines between paragraphs: browsers' "Save as
//! text", `lynx -dump`, `w3m -dump`, mail and RFC-style documents.
//!
//! Such a page breaks every paragraph into lines of at most one width (72–80
//! columns) and separates paragraphs with a blank line. Judged line by line,
//! a paragraph looks like a run of short, sentence-less fragments, and its
//! last line like a caption; judged as the paragraph it is, it is prose. So
//! the wrapped lines of a paragraph are joined first ([`unwrap_paragraphs`]),
//! and the rest of the pipeline sees one line per paragraph, as in a page
//! that was never wrapped.
//!
//! The layout is detected from the page itself. A line break is a *wrap* at
//! width `W` when the line fits in `W` columns but the next line's first word
//! would not have fitted after it (`len ≤ W < len + 1 + next_word`): that is
//! where a greedy wrapper breaks, and where a heading, a menu item or a
//! paragraph's last line almost never ends. The page is wrapped when one width
//! explains most of its line breaks between non-blank lines; then exactly the
//! breaks that are wraps at that width are joined, and every other line
//! (headings, menu items, short lines that are their own paragraph) stays as
//! it is. A page that is not wrapped is left untouched.

use std::collections::HashSet;

/// Widths (in characters) a wrapper is set to: narrow columns of 40, mail
/// and "Save as text" at 72, terminal dumps at 78–80, wide terminals at 132.
/// Breaks after shorter lines are menus and headings, not wrapping evidence.
const MIN_WIDTH: usize = 40;
const MAX_WIDTH: usize = 160;

/// At least this many line breaks must be wraps at the page's width: two or
/// three wrapped lines happen by chance in any list of medium-length lines.
const MIN_WRAPS: usize = 4;

/// Join the wrapped lines of each paragraph of a hard-wrapped page into one
/// line. Returns `None` when the page is not hard-wrapped with blank lines
/// between paragraphs (it is then left exactly as it is).
pub fn unwrap_paragraphs(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let width = wrap_width(&lines, has_blank_line_paragraphs(&lines))?;
    let mut words = None;
    let mut out = String::with_capacity(text.len());
    let mut joining = false;
    for (k, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if joining {
            let piece = line.trim();
            let prev_end = out.chars().next_back();
            match line_end_join(&out, piece, &mut words, &lines) {
                Join::Space if prev_end.is_some_and(unspaced) && piece.starts_with(unspaced) => {}
                Join::Space => out.push(' '),
                Join::Glue => {}
                Join::DropHyphen => {
                    out.pop();
                }
            }
            out.push_str(piece);
        } else {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
        joining = lines
            .get(k + 1)
            .is_some_and(|next| is_wrap(line, next, width));
    }
    Some(out)
}

/// Paragraphs separated by blank lines: at least one blank line between two
/// non-blank ones.
fn has_blank_line_paragraphs(lines: &[&str]) -> bool {
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    match (first, last) {
        (Some(a), Some(b)) => lines[a..b].iter().any(|l| l.trim().is_empty()),
        _ => false,
    }
}

/// Length of a line in characters, its indentation included (wrappers count
/// the indentation they add), trailing spaces not.
fn columns(line: &str) -> usize {
    line.chars().count()
}

fn first_word(line: &str) -> &str {
    line.split_whitespace().next().unwrap_or("")
}

/// Whether the break after `line` is one a greedy wrapper at `width` makes:
/// the line fits, the next line's first word would not have. A line wider
/// than the width that is one word (a long link) overflows and wraps too.
fn is_wrap(line: &str, next: &str, width: usize) -> bool {
    if line.trim().is_empty()
        || next.trim().is_empty()
        || crate::block::starts_with_list_marker(next.trim_start())
    {
        return false;
    }
    let len = columns(line);
    let next_word = first_word(next).chars().count();
    if len > width {
        return line.split_whitespace().nth(1).is_none();
    }
    len + 1 + next_word > width
}

/// The width the page is wrapped at, if one width explains most line breaks
/// between non-blank lines (see the module docs). `blank_line_paragraphs`:
/// the page separates paragraphs with blank lines.
fn wrap_width(lines: &[&str], blank_line_paragraphs: bool) -> Option<usize> {
    // Each break is a wrap at the widths `len..=len + next_word`: count, for
    // every width, the breaks it explains (a difference array, one pass).
    let mut delta = vec![0i64; MAX_WIDTH + 2];
    let mut breaks: Vec<usize> = Vec::new();
    for pair in lines.windows(2) {
        let (line, next) = (pair[0], pair[1]);
        if line.trim().is_empty() || next.trim().is_empty() {
            continue;
        }
        let len = columns(line);
        breaks.push(len);
        let next_word = first_word(next).chars().count();
        let (lo, hi) = (len.max(MIN_WIDTH), (len + next_word).min(MAX_WIDTH));
        if lo <= hi && !crate::block::starts_with_list_marker(next.trim_start()) {
            delta[lo] += 1;
            delta[hi + 1] -= 1;
        }
    }
    let mut best = (0i64, 0usize);
    let mut count = 0i64;
    for (width, d) in delta.iter().enumerate().take(MAX_WIDTH + 1) {
        count += d;
        if count > best.0 {
            best = (count, width);
        }
    }
    let (wraps, width) = (usize::try_from(best.0).ok()?, best.1);
    // Breaks after a line at least half the width could be wraps; most of
    // them must be. Shorter lines (menu items, headings, a paragraph's last
    // line before a heading) say nothing either way. Without blank lines the
    // page's breaks between paragraphs are among the candidates too, and a
    // page of one-line paragraphs has some breaks that look like wraps by
    // chance: there, nearly all of them must be (a page wrapped through and
    // through, paragraph ends and all, as a dump of one long block is).
    let candidates = breaks.iter().filter(|&&len| len * 2 >= width).count();
    let share_ok = if blank_line_paragraphs {
        wraps * 2 >= candidates
    } else {
        wraps * 10 >= candidates * 9
    };
    (wraps >= MIN_WRAPS && share_ok).then_some(width)
}

/// How a wrapped line is joined to the next one.
#[derive(Debug, PartialEq)]
enum Join {
    /// With a space: the wrapper broke at a space.
    Space,
    /// Directly: a compound broken after its hyphen (`best-` / `selling`).
    Glue,
    /// Directly and without the hyphen: a word hyphenated at the line end
    /// (`exam-` / `ple`), which the page spells whole elsewhere.
    DropHyphen,
}

/// Words that follow a suspended hyphen (`pre- and post-war`): a hyphen at
/// the line end before them is the end of a word, and the space stays.
const AFTER_SUSPENDED_HYPHEN: &[&str] = &["and", "or", "nor", "to", "und", "oder", "et", "ou"];

/// How to join `head` (the text so far, ending with a wrapped line) to the
/// next line `piece`. A hyphen between a letter and the line end is the only
/// case that is not a plain space: the page's own words decide whether it is
/// a hyphenated word (spelled whole elsewhere in the page: drop the hyphen)
/// or a compound (keep it, no space); a lone dash (` -`, `--`) and a hyphen
/// before `and`/`or` keep the space. `words` is the page's word set, built
/// the first time it is needed.
fn line_end_join(
    head: &str,
    piece: &str,
    words: &mut Option<HashSet<String>>,
    lines: &[&str],
) -> Join {
    let Some(stem) = head.strip_suffix('-') else {
        return Join::Space;
    };
    let before = stem
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next_back()
        .unwrap_or("");
    let next = piece
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    let letters = |w: &str| w.chars().next_back().is_some_and(char::is_alphabetic);
    let next_lower = next.chars().next().is_some_and(char::is_lowercase);
    if !letters(before) || !next_lower || AFTER_SUSPENDED_HYPHEN.contains(&next) {
        return Join::Space;
    }
    let words = words.get_or_insert_with(|| page_words(lines));
    let whole = format!("{before}{next}").to_lowercase();
    let compound = format!("{before}-{next}").to_lowercase();
    if words.contains(&whole) && !words.contains(&compound) && !before.contains('-') {
        Join::DropHyphen
    } else {
        Join::Glue
    }
}

/// Every word of the page (letters, digits and inner hyphens), lowercased.
fn page_words(lines: &[&str]) -> HashSet<String> {
    lines
        .iter()
        .flat_map(|l| l.split(|c: char| !c.is_alphanumeric() && c != '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Scripts written without spaces between words: a wrapper breaks them
/// anywhere, and the lines join without a space.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30ff}' // CJK punctuation, hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // CJK compatibility ideographs
        | '\u{ff00}'..='\u{ffef}' // full-width forms
        | '\u{0e00}'..='\u{0e7f}' // Thai
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Greedy wrapping at `width` columns (whole words), as the tests' pages
    /// are laid out.
    fn wrap(paragraph: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out + &line
    }

    const STORY: [&str; 3] = [
        "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers found cracks in two of its supporting piers during a routine inspection last month.",
        "Residents who live on the island side of the river said the decision would add half an hour to their journeys, and several shop owners warned that trade would suffer while the work goes on.",
        "The mayor said the bridge would reopen to buses and bicycles within a year, and that a ferry service would run every twenty minutes in the meantime.",
    ];

    fn wrapped_page() -> String {
        let mut page =
            String::from("Home\n\nNews\n\nSport\n\nBridge to close to cars next spring\n\n");
        for p in STORY {
            page.push_str(&wrap(p, 72));
            page.push_str("\n\n");
        }
        page.push_str("Copyright 2026 The Daily Example\n");
        page
    }

    #[test]
    fn wrapped_paragraphs_are_joined_and_short_lines_kept() {
        let page = wrapped_page();
        // The widest wrapped line sets the width: at most the wrapper's.
        let width = wrap_width(&page.lines().collect::<Vec<_>>(), true);
        assert!(width.is_some_and(|w| (60..=72).contains(&w)), "{width:?}");
        let out = unwrap_paragraphs(&page).expect("wrapped page");
        let expected: Vec<&str> = [
            "Home",
            "News",
            "Sport",
            "Bridge to close to cars next spring",
        ]
        .into_iter()
        .chain(STORY)
        .chain(["Copyright 2026 The Daily Example"])
        .collect();
        assert_eq!(out.lines().collect::<Vec<_>>(), expected);
    }

    #[test]
    fn lynx_indented_paragraphs_and_wrapped_list_items() {
        // lynx indents text by three columns and list items' continuations
        // under the item's text.
        let mut page = String::new();
        for p in STORY {
            for l in wrap(p, 76).lines() {
                page.push_str("   ");
                page.push_str(l);
                page.push('\n');
            }
            page.push('\n');
        }
        page.push_str(
            "     * Engineers found cracks in two of the supporting piers of the old\n       \
             harbour bridge\n     * Ferries every twenty minutes\n     * Buses\n",
        );
        let out = unwrap_paragraphs(&page).expect("wrapped page");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 6, "{lines:#?}");
        assert_eq!(lines[0], format!("   {}", STORY[0]));
        assert_eq!(
            lines[3],
            "     * Engineers found cracks in two of the supporting piers of the old harbour bridge"
        );
        assert_eq!(lines[4], "     * Ferries every twenty minutes");
    }

    #[test]
    fn wrapped_through_and_through_without_blank_lines() {
        // One long block dumped at 72 columns: every break is a wrap.
        let block = STORY.join(" ");
        let page = format!("{}\n", wrap(&block, 72));
        assert_eq!(unwrap_paragraphs(&page), Some(block));
        // Paragraphs without blank lines between them: their ends are
        // breaks that are not wraps, so the page is left to the line rules.
        let page: String = STORY.iter().map(|p| wrap(p, 72) + "\n").collect();
        assert_eq!(unwrap_paragraphs(&page), None);
    }

    #[test]
    fn unwrapped_page_is_left_alone() {
        // One block per line, no blank lines (a page's visible text).
        let page: String = STORY.iter().map(|p| format!("{p}\n")).collect();
        assert_eq!(unwrap_paragraphs(&page), None);
        // Blank lines between unwrapped paragraphs.
        assert_eq!(unwrap_paragraphs(&STORY.join("\n\n")), None);
    }

    #[test]
    fn list_of_short_lines_is_left_alone() {
        let page = "Home\nNews\nSport\nWeather\n\nTerms of use\nPrivacy\nContact us\n\n\
            Kosovo Parliamentarian Says the Province Is Ready Now\n\
            Russia Warns against Any Unilateral Declaration of It\n\
            New Security Council President Predicts Rich Agenda\n\
            Ban Ki-moon Urges Restraint in Talks Over the Status of Kosovo\n\
            Serbia Says It Will Never Accept an Independent Kosovo in Europe\n";
        assert_eq!(unwrap_paragraphs(page), None);
    }

    #[test]
    fn hyphens_at_the_line_end() {
        let lines: Vec<&str> = vec!["an example of it", "best-selling"];
        let mut words = None;
        let join = |head: &str, piece: &str, words: &mut Option<HashSet<String>>| {
            line_end_join(head, piece, words, &lines)
        };
        // Spelled whole elsewhere on the page: a hyphenated word.
        assert_eq!(
            join("a good exam-", "ple of it", &mut words),
            Join::DropHyphen
        );
        // Not spelled whole: a compound broken after its hyphen.
        assert_eq!(join("the best-", "selling remote", &mut words), Join::Glue);
        assert_eq!(join("a well-", "known fact", &mut words), Join::Glue);
        // A suspended hyphen, a dash, a number range: the space stays.
        assert_eq!(join("pre-", "and post-war", &mut words), Join::Space);
        assert_eq!(join("the plan -", "which failed", &mut words), Join::Space);
        assert_eq!(join("the plan --", "which failed", &mut words), Join::Space);
        assert_eq!(join("pages 10-", "12", &mut words), Join::Space);
        assert_eq!(join("no hyphen", "here", &mut words), Join::Space);
    }

    #[test]
    fn unspaced_scripts_join_without_a_space() {
        let para = "東京都は火曜日、老朽化した港の橋を来春から車両通行止めにすると発表した。技術者が先月の定期点検で橋脚二本にひびを見つけたためで、島側の住民は通勤時間が長くなると懸念している。";
        let chars: Vec<char> = para.chars().collect();
        let mut page = String::from("ニュース\n\n");
        for _ in 0..3 {
            for chunk in chars.chunks(40) {
                page.extend(chunk);
                page.push('\n');
            }
            page.push('\n');
        }
        let out = unwrap_paragraphs(&page).expect("wrapped page");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines, ["ニュース", para, para, para]);
    }
}
