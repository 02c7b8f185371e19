//! Formulas, leaked markup and server messages left in the text.

use super::re;
use regex::Regex;
use std::sync::LazyLock;

/// Mathematical operators and relations that prose and tables of figures
/// do not use.
const MATH_OPERATORS: &[char] = &[
    '=', '−', '≠', '≤', '≥', '±', '×', '÷', '∑', '∏', '∫', '∂', '∇', '→', '⋅', '√', '∞', '≈', '∈',
    '⊂',
];

/// A displayed formula rendered as text ("x = − b ± b 2 − 4 a c 2 a",
/// "( ∑ k = 1 n a k b k ) 2 ≤ …"): mostly one-character tokens, with
/// at least two mathematical operators.
pub fn is_formula(text: &str) -> bool {
    // ('=' is the one ASCII operator: other ASCII characters skip the list.)
    let operators = text
        .chars()
        .filter(|c| {
            if c.is_ascii() {
                *c == '='
            } else {
                MATH_OPERATORS.contains(c)
            }
        })
        .count();
    if operators < 2 {
        return false;
    }
    let (mut tokens, mut single) = (0usize, 0usize);
    for t in text.split_whitespace() {
        tokens += 1;
        single += usize::from(t.chars().count() == 1);
    }
    single * 2 >= tokens
}

static LEAKED_MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"^<(/?[a-zA-Z][a-zA-Z0-9]*(\s+[a-zA-Z-]+(=("[^"]*"|'[^']*'|[^\s>]*))?)*\s*/?|!--.*)>"#)
});

/// "Leaked markup": a line that starts with an HTML tag and is mostly tags
/// (a text dump that kept the `<div style=…><img src=…>` of an ad or a
/// tracker as text). Prose that mentions a tag does not start with one, and
/// a paragraph still wrapped in its `<p>` is mostly text.
pub fn is_leaked_markup(text: &str) -> bool {
    text.starts_with('<')
        && LEAKED_MARKUP.is_match(text)
        && markup_share(text) > LEAKED_MARKUP_MIN_SHARE
}

/// A server's error message printed into the page by a broken script:
/// "Warning: Use of undefined constant … in /var/www/…/plugin.php on line
/// 928", "Notice: Undefined index: …", "Deprecated: …", "Fatal error: …".
/// The level and colon open it, the script's path and line close it; prose
/// that quotes one does not end on the path.
static SERVER_MESSAGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(warning|notice|deprecated|strict standards|(catchable |recoverable )?fatal error|parse error)\s*:.*\bin\s+\S+\.(php\d?|inc|phtml)\s+on\s+line\s+\d+\W*$",
    )
});

/// "Server message": a script's error message that leaked into the page.
/// Checked only on lines that name a line number (a literal scan first).
pub fn is_server_message(text: &str) -> bool {
    text.contains(" on line ") && SERVER_MESSAGE.is_match(text)
}

/// Leaked markup is mostly tags (an ad's `<div style=…><img src=…>` is
/// nearly all tag); a heading about tags names two and says something
/// ("<ul> List of <img>": exactly half of it).
const LEAKED_MARKUP_MIN_SHARE: f32 = 0.5;

/// Share of the characters that sit inside `<…>`.
fn markup_share(text: &str) -> f32 {
    let mut inside = false;
    let mut tagged = 0usize;
    let mut total = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '<' {
            inside = true;
        }
        if inside {
            tagged += 1;
        }
        if c == '>' {
            inside = false;
        }
    }
    tagged as f32 / total.max(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_math_operators_ascii_check_names_the_lists_ascii_member() {
        let ascii: Vec<char> = MATH_OPERATORS
            .iter()
            .copied()
            .filter(char::is_ascii)
            .collect();
        assert_eq!(ascii, ['=']);
    }

    #[test]
    fn server_messages_left_in_the_page() {
        for line in [
            "Warning: Use of undefined constant comments - assumed 'comments' (this will throw an Error in a future version of PHP) in /home/site/htdocs/wp-content/plugins/recent/recent.php on line 928",
            "Notice: Undefined index: page in /var/www/html/index.php on line 12",
            "Deprecated: Function create_function() is deprecated in /srv/www/wp-includes/theme.php on line 5",
            "Fatal error: Uncaught Error: Call to undefined function foo() in /var/www/a.php on line 3",
        ] {
            assert!(is_server_message(line), "{line}");
        }
        for line in [
            "A warning in the log said the script failed on line 12 of the report, and the team fixed it.",
            "Warning: the road is closed on line 5 of the tram network until Friday.",
            "The page showed \"Notice: Undefined index\" in /var/www/index.php on line 12, and then we knew what had gone wrong.",
        ] {
            assert!(!is_server_message(line), "{line}");
        }
    }
}
