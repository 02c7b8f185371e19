//! Word edges for the built-in patterns that stay on the regex crate's fast
//! DFA and still work beside letters outside ASCII.
//!
//! A Unicode `\b` makes the lazy DFA give up on any non-ASCII haystack and
//! fall back to a much slower engine, so [`super::patterns`] compiles ASCII
//! edges. An ASCII `\b` beside a non-ASCII letter never matches, though:
//! "Podziel się" ends on `ę`, which ASCII calls a non-word byte, so
//! `się\b` fails before a space. Each `\b` is therefore rewritten by the
//! letters the pattern puts beside it:
//! - beside ASCII word characters only: `(?-u:\b)` (the other side is a
//!   space, a punctuation mark or a non-ASCII byte);
//! - beside non-ASCII letters only: `(?-u:\B)`: on the letter's side
//!   ASCII sees a non-word byte, so "no ASCII edge" means the other side is
//!   not an ASCII word character either (a space, punctuation, the end);
//! - beside both kinds (an alternation of `share|únete`): the Unicode
//!   `\b`, exact but slower, and only for that pattern.
//!
//! The one case the ASCII forms still get wrong is an edge against a
//! non-ASCII letter on the *haystack* side ("éshare" matches `\bshare`),
//! which no short line of chrome holds.

/// Which kinds of word characters a pattern puts beside a `\b`.
#[derive(Default, Debug, PartialEq)]
struct Sides {
    ascii: bool,
    other: bool,
}

impl Sides {
    fn add_char(&mut self, c: char) {
        if c == '_' || c.is_alphanumeric() {
            if c.is_ascii() {
                self.ascii = true;
            } else {
                self.other = true;
            }
        }
    }
    fn add_class(&mut self, class: &[char]) {
        // A class with a non-ASCII letter (`[äa]`) may put either kind
        // there; an ASCII one (`[A-Za-z]`) only ASCII.
        if class.iter().any(|c| !c.is_ascii() && c.is_alphanumeric()) {
            self.other = true;
        }
        if class.iter().any(|c| c.is_ascii_alphanumeric()) {
            self.ascii = true;
        }
    }
}

/// How deep groups are followed; built-in patterns nest a few levels.
const MAX_DEPTH: usize = 8;

/// Rewrite `\b` (see the module docs) and `\W` (as "not an ASCII letter or
/// digit": the patterns use it only to skip bullets and punctuation).
pub(super) fn ascii_fast_edges(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            match chars[i + 1] {
                'b' if chars.get(i + 2) != Some(&'{') => {
                    let mut sides = Sides::default();
                    before(&chars[..i], &mut sides, 0);
                    after(&chars[i + 2..], &mut sides, 0);
                    out.push_str(match (sides.ascii, sides.other) {
                        (true, true) => r"\b",
                        (false, true) => r"(?-u:\B)",
                        _ => r"(?-u:\b)",
                    });
                }
                'W' => out.push_str("[^A-Za-z0-9_]"),
                c => {
                    out.push('\\');
                    out.push(c);
                }
            }
            i += 2;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Is `chars[i]` escaped by a backslash (an odd run of them before it)?
fn escaped(chars: &[char], i: usize) -> bool {
    chars[..i].iter().rev().take_while(|&&c| c == '\\').count() % 2 == 1
}

/// The index of the `(` that opens the group closed at `close`.
fn group_open(chars: &[char], close: usize) -> Option<usize> {
    matching_paren(chars, (0..=close).rev(), ')', '(')
}

/// The index of the `)` that closes the group opened at `open`.
fn group_close(chars: &[char], open: usize) -> Option<usize> {
    matching_paren(chars, open..chars.len(), '(', ')')
}

/// Walk `order` from one parenthesis (`this`) to its partner (`other`),
/// skipping escaped ones.
fn matching_paren(
    chars: &[char],
    order: impl Iterator<Item = usize>,
    this: char,
    other: char,
) -> Option<usize> {
    let mut depth = 0usize;
    for i in order {
        if escaped(chars, i) {
            continue;
        }
        if chars[i] == this {
            depth += 1;
        } else if chars[i] == other {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// The branches of a group's body (its flags `?i:` taken off), split at
/// its own `|`s. A flag group (`(?i)`) has none.
fn branches(body: &[char]) -> Vec<&[char]> {
    let body = if body.first() == Some(&'?') {
        match body.iter().position(|&c| c == ':') {
            Some(colon) => &body[colon + 1..],
            None => return Vec::new(),
        }
    } else {
        body
    };
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    let mut in_class = false;
    for (i, &c) in body.iter().enumerate() {
        if escaped(body, i) {
            continue;
        }
        match c {
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth = depth.saturating_sub(1),
            '|' if !in_class && depth == 0 => {
                out.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&body[start..]);
    out
}

/// The class `[...]` that closes at `close`: the index of its `[`.
fn class_open(chars: &[char], close: usize) -> Option<usize> {
    (0..close)
        .rev()
        .find(|&i| chars[i] == '[' && !escaped(chars, i))
}

/// Collect the word characters that can end the text before an edge.
fn before(chars: &[char], sides: &mut Sides, depth: usize) {
    let Some(&last) = chars.last() else { return };
    if depth > MAX_DEPTH {
        return;
    }
    let end = chars.len() - 1;
    if escaped(chars, end) {
        // `\d`, `\w` are ASCII word classes here; `\.`, `\s` are not words.
        sides.add_char(if matches!(last, 'd' | 'w') { 'a' } else { ' ' });
        return;
    }
    match last {
        '|' | '(' | '^' => {}
        // An optional item: what it ends with, or what stands before it.
        '?' | '*' => {
            before(&chars[..end], sides, depth + 1);
            let item = item_start(chars, end);
            before(&chars[..item], sides, depth + 1);
        }
        '+' => before(&chars[..end], sides, depth + 1),
        '}' => match (0..end).rev().find(|&i| chars[i] == '{') {
            // `\p{L}`: a Unicode letter class, either kind.
            Some(open) if open > 0 && chars[open - 1] == 'p' => {
                sides.ascii = true;
                sides.other = true;
            }
            // `x{0,3}`: a counted item.
            Some(open) => before(&chars[..open], sides, depth + 1),
            None => {}
        },
        ')' => {
            if let Some(open) = group_open(chars, end) {
                for b in branches(&chars[open + 1..end]) {
                    before(b, sides, depth + 1);
                }
            }
        }
        ']' => {
            if let Some(open) = class_open(chars, end) {
                sides.add_class(&chars[open + 1..end]);
            }
        }
        c => sides.add_char(c),
    }
}

/// Where the item that a quantifier at `q` repeats starts.
fn item_start(chars: &[char], q: usize) -> usize {
    if q == 0 {
        return 0;
    }
    let last = q - 1;
    match chars[last] {
        ')' if !escaped(chars, last) => group_open(chars, last).unwrap_or(last),
        ']' if !escaped(chars, last) => class_open(chars, last).unwrap_or(last),
        _ if last > 0 && escaped(chars, last) => last - 1,
        _ => last,
    }
}

/// Collect the word characters that can start the text after an edge.
fn after(chars: &[char], sides: &mut Sides, depth: usize) {
    let Some(&first) = chars.first() else { return };
    if depth > MAX_DEPTH {
        return;
    }
    // The item that starts here ends at `end` (exclusive); if a `?` or `*`
    // follows it, what comes after it can stand beside the edge too.
    let end = match first {
        '\\' => {
            match chars.get(1) {
                Some('d' | 'w') => sides.add_char('a'),
                Some('p') => {
                    sides.ascii = true;
                    sides.other = true;
                }
                _ => {}
            }
            2
        }
        '|' | ')' | '$' => return,
        '(' => {
            let Some(close) = group_close(chars, 0) else {
                return;
            };
            let bs = branches(&chars[1..close]);
            if bs.is_empty() {
                // A flag group: the edge's neighbour comes after it.
                after(&chars[close + 1..], sides, depth + 1);
                return;
            }
            for b in bs {
                after(b, sides, depth + 1);
            }
            close + 1
        }
        '[' => {
            let close = (1..chars.len())
                .find(|&i| chars[i] == ']' && !escaped(chars, i))
                .unwrap_or(chars.len() - 1);
            sides.add_class(&chars[1..close]);
            close + 1
        }
        c => {
            sides.add_char(c);
            1
        }
    };
    if matches!(chars.get(end), Some('?' | '*')) {
        after(&chars[end + 1..], sides, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_beside_ascii_words_stay_on_the_fast_ascii_form() {
        assert_eq!(
            ascii_fast_edges(r"(?i)\bshare( this)?\b"),
            r"(?i)(?-u:\b)share( this)?(?-u:\b)"
        );
        assert_eq!(
            ascii_fast_edges(r"^\W*(share|tweet)\b"),
            r"^[^A-Za-z0-9_]*(share|tweet)(?-u:\b)"
        );
        assert_eq!(ascii_fast_edges(r"\d+\b"), r"\d+(?-u:\b)");
    }

    #[test]
    fn edges_beside_other_letters_are_the_ascii_non_edge() {
        assert_eq!(
            ascii_fast_edges(r"\bpodziel się\b"),
            r"(?-u:\b)podziel się(?-u:\B)"
        );
        assert_eq!(ascii_fast_edges(r"\b(únete|ça)"), r"(?-u:\B)(únete|ça)");
    }

    #[test]
    fn edges_beside_both_kinds_keep_the_unicode_form() {
        assert_eq!(
            ascii_fast_edges(r"(share|comparte|się)\b"),
            r"(share|comparte|się)\b"
        );
        assert_eq!(ascii_fast_edges(r"\p{L}+\b"), r"\p{L}+\b");
    }

    #[test]
    fn rewritten_edges_match_like_unicode_edges_beside_words() {
        let cases = [
            (r"(?i)^\W*(podziel się|únete)\b", "Podziel się", true),
            (r"(?i)^\W*(podziel się|únete)\b", "» únete a nosotros", true),
            (r"(?i)\búnete\b", "únete", true),
            (r"(?i)\búnete\b", "desúnete", false),
            (r"(?i)\bsię\b", "sięx", false),
            (r"(?i)\bshare\b", "shares", false),
            (r"(?i)\bshare\b", "Share:", true),
        ];
        for (pattern, text, expected) in cases {
            let fast = regex::Regex::new(&ascii_fast_edges(pattern)).unwrap();
            assert_eq!(fast.is_match(text), expected, "{pattern} on {text}");
        }
    }
}
