//! Flattened menus, and the quotation and code lines that look like them.

use super::{ends_like_sentence, has_column_gap, title_case_ratio};

/// A line wholly inside guillemets (`«Storming the Sazerac»`, German
/// `»Zitat«`, single `‹…›`): a quotation or a quoted title, whose closing
/// mark is no "more" arrow and whose two marks are no menu separators.
/// The marks hug the words they quote; a pager's arrows stand apart
/// ("« Previous Story Next Story »"), and with a separator inside the
/// line is a pager too ("« Older post | Main | Newer post »").
pub fn is_guillemet_quote(text: &str) -> bool {
    let text = text.trim();
    let mut chars = text.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    let inner = chars.as_str();
    matches!(
        (open, close),
        ('«', '»') | ('»', '«') | ('‹', '›') | ('›', '‹')
    ) && !inner.starts_with(char::is_whitespace)
        && !inner.ends_with(char::is_whitespace)
        && !inner.contains(['|', '«', '»', '‹', '›', '·', '•', '¦'])
}

/// Separator characters menus are flattened with (`Home | News | Sport`,
/// `Home » World › Europe`). A `match`, not a list searched: every
/// character of a block that does not end like a sentence is checked.
fn is_menu_separator(c: char) -> bool {
    matches!(
        c,
        '|' | '»' | '›' | '·' | '•' | '/' | '>' | '«' | '‹' | '¦' | '◦' | '▪' | '–'
    )
}

/// A run of capitalised words this long with no punctuation is a menu:
/// headlines are shorter, and prose — even German, which capitalises nouns —
/// stays far below [`TITLE_RUN_MIN_CAPS`] capitalised words.
const TITLE_RUN_MIN_WORDS: usize = 15;

const TITLE_RUN_MIN_CAPS: f32 = 0.75;

/// A run of capitalised words this long...
const LONG_TITLE_RUN_MIN_WORDS: usize = 30;

/// ...with at least this share capitalised is a list of names, whatever
/// its punctuation.
const LONG_TITLE_RUN_MIN_CAPS: f32 = 0.85;

/// "Flattened menu": a line of short items joined by separators, such as a
/// breadcrumb or a navigation bar rendered on one line; or a navigation bar
/// flattened with no separator at all (`JUMP TO: Other Blogs The White House
/// Blog Middle Class Task Force Council of Economic Advisers …`).
pub fn is_flattened_menu(text: &str, words: usize) -> bool {
    // Counted by spaces: a CJK line counts a word per character but has
    // few spaces. A row of a text table (columns apart by runs of spaces)
    // is data, not a menu.
    // Cheapest tests first: prose has a full stop or a comma early on.
    if words >= TITLE_RUN_MIN_WORDS
        && !text.contains(['.', ',', ';', '"', '(', '“', '。', '，', '、'])
        && !has_column_gap(text)
        && text.split_whitespace().count() >= TITLE_RUN_MIN_WORDS
        && title_case_ratio(text) >= TITLE_RUN_MIN_CAPS
    {
        return true;
    }
    // A long run in which nearly every word is capitalised is a list of
    // names (a drop-down of film titles, a directory of services) even with
    // a stray full stop in it ("Aliens vs. Predator"); prose, German
    // included, stays far below this share.
    if words >= LONG_TITLE_RUN_MIN_WORDS && !has_column_gap(text) && mostly_capitalised(text) {
        return true;
    }
    // (Every block passes here, long prose too: the cheap tests first.)
    if ends_like_sentence(text) || words <= CODE_LINE_MAX_WORDS && looks_like_code(text) {
        return false;
    }
    let mut separators = text.chars().filter(|&c| is_menu_separator(c)).count();
    // (Few lines hold a guillemet: the second pass only for those.)
    if separators >= 2 && text.contains(['«', '»', '‹', '›']) {
        separators -= quoting_guillemets(text);
    }
    if separators < 2 {
        return false;
    }
    // Items average three words or fewer: a menu, not a sentence with a slash.
    let items = separators + 1;
    words <= items * 3
}

/// How many guillemets in a line quote a word rather than separate items:
/// one hugging a word quotes it ("ist «verschmerzbar»", "«Ja!»"); one
/// standing apart, or doubled, separates ("Home » News", "‹‹ Older").
fn quoting_guillemets(text: &str) -> usize {
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    let mut quoting = 0;
    while let Some(c) = chars.next() {
        if matches!(c, '«' | '»' | '‹' | '›') {
            let next = chars.peek().copied().unwrap_or(' ');
            quoting += usize::from(
                next.is_alphanumeric()
                    || prev.is_alphanumeric()
                    || matches!(prev, '.' | '!' | '?' | '…'),
            );
        }
        prev = c;
    }
    quoting
}

/// A line of program code (`console.log(req.method); // "GET"`,
/// `if (x) {`): its slashes are operators and comments, not a menu's
/// separators. Only short lines: a long one is a page's script leaked into
/// a text dump, chrome whatever it is judged as.
const CODE_LINE_MAX_WORDS: usize = 12;

fn looks_like_code(text: &str) -> bool {
    let t = text.trim_end();
    t.contains(");") || t.ends_with(['{', '}', ';'])
}

/// A long run of words nearly all capitalised ([`LONG_TITLE_RUN_MIN_CAPS`]),
/// with figures in at most a tenth of them (names with figures, "Criner,
/// Dellena 4-7 7-8 17; …", are a box score, the article's data). Stops at
/// the first few lowercase words, so prose costs little.
fn mostly_capitalised(text: &str) -> bool {
    let tokens = text.split_whitespace().count();
    if tokens < LONG_TITLE_RUN_MIN_WORDS {
        return false;
    }
    let max_lower = ((1.0 - LONG_TITLE_RUN_MIN_CAPS) * tokens as f32) as usize;
    let (mut words, mut lower, mut figures) = (0usize, 0usize, 0usize);
    for t in text.split_whitespace() {
        if t.bytes().any(|b| b.is_ascii_digit()) {
            figures += 1;
            if figures * 10 > tokens {
                return false;
            }
        }
        let Some(first) = t.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        words += 1;
        if !first.is_uppercase() {
            lower += 1;
            if lower > max_lower {
                return false;
            }
        }
    }
    words > 0 && (words - lower) as f32 >= LONG_TITLE_RUN_MIN_CAPS * words as f32
}

#[cfg(test)]
mod tests {
    use super::super::is_more_link;
    use super::super::tests::w;
    use super::*;

    #[test]
    fn a_line_in_guillemets_is_a_quotation_not_an_arrow_or_a_menu() {
        // A quoted subheading, a quoted headline: kept for other rules to judge.
        for t in [
            "«Storming the Sazerac»",
            "«Wir waren fast 40 Tage in Quarantäne»",
            "»Wir schaffen das«",
        ] {
            assert!(is_guillemet_quote(t), "{t}");
            assert!(!is_more_link(t, w(t)), "{t}");
            assert!(!is_flattened_menu(t, w(t)), "{t}");
        }
        // Pagers: arrows set apart from the words, or separators inside.
        for t in [
            "« Previous Story Next Story »",
            "« My Tag Sale | Main | Color Life »",
            "«Older|Newer»",
        ] {
            assert!(!is_guillemet_quote(t), "{t}");
        }
        assert!(is_more_link("Next Story »", 2));
        // A quotation closing the line: its mark hugs the quoted word.
        let t = "Einschränkung ist «verschmerzbar»";
        assert!(!is_more_link(t, w(t)));
        let t = "Mehr zum Thema «Energie» »";
        assert!(is_more_link(t, w(t)));
        // Quoted words are no menu items; free-standing marks separate them.
        let t = "Einschränkung ist «verschmerzbar»";
        assert!(!is_flattened_menu(t, w(t)));
        let t = "Home » News » Sport";
        assert!(is_flattened_menu(t, w(t)));
        let t = "‹‹ Women of Oz ››";
        assert!(is_flattened_menu(t, w(t)));
        assert!(is_flattened_menu("« Tag Sale | Main | Color Life »", 6));
    }

    #[test]
    fn flattened_menus() {
        let t = "Home | News | Sport | Business | Weather";
        assert!(is_flattened_menu(t, w(t)));
        let t = "Home » World » Europe";
        assert!(is_flattened_menu(t, w(t)));
        // Code in a text dump: slashes of comments and operators.
        let t = r#"console.log(req.method); // "GET""#;
        assert!(!is_flattened_menu(t, w(t)));
        let t = "Home / Sport / Football / Premier League";
        assert!(is_flattened_menu(t, w(t)));
        let body = "The 24/7 service costs $5 a month and/or $50 a year.";
        assert!(!is_flattened_menu(body, w(body)));
        // A navigation bar flattened without separators.
        let t = "JUMP TO: Other White House Blogs The White House Blog Middle Class Task Force \
                 Council of Economic Advisers Council on Environmental Quality Office of Management";
        assert!(is_flattened_menu(t, w(t)));
        // Teaser headlines run together, exclamations and all.
        let t = "Google Maps Takes a Vintage Turn Geek-Approved Heartthrobs From the '90s 44 Cool \
                 Manis For the Ultranerd Enter to Win an Hermès Birkin Bag! 101 Amazing Cool Captures";
        assert!(is_flattened_menu(t, w(t)));
        // A drop-down of film titles, a stray full stop and all.
        let t = "Select Movie 27 Dresses 30 Days Of Night Across The Universe Aliens vs. Predator: \
                 Requiem Alvin And The Chipmunks American Gangster Atonement Beowulf Bee Movie \
                 Charlie Wilson's War Cloverfield Enchanted Fred Claus Juno National Treasure";
        assert!(is_flattened_menu(t, w(t)));
        // A box score is the article's data.
        let t = "Criner, Dellena 4-7 7-8 17; Moore, Shavon 6-6 1-2 13; Ward, Johnna 4-10 1-2 11; \
                 Price, Mikail 3-8 4-6 10; Fitzgerald, Brandi 4-8 0-1 8; Henry, Bre Anna 3-4 0-0 6; \
                 Gross, Jennifer 1-6 1-2 3; Lombardi, Marianne 0-2 2-2 2; Keys, Sabrina 1-1 0-0 2.";
        assert!(!is_flattened_menu(t, w(t)));
        // German prose capitalises nouns but has punctuation and verbs.
        let body = "Die Bundesregierung hat am Montag in Berlin einen neuen Plan für die \
                    Energiewende vorgestellt, der Strom aus Wind und Sonne fördern soll.";
        assert!(!is_flattened_menu(body, w(body)));
        // A CJK sentence: many characters, few spaces.
        let body = "DeepMind表示，这款名为DNC的AI模型可以接受家谱和伦敦地铁网络地图这样的信息";
        assert!(!is_flattened_menu(body, w(body)));
    }
}
