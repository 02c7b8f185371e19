//! Scans that find where a construct ends: comments, raw text, script data.

use memchr::{memchr, memchr2};

pub(super) fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Does `b[at..]` hold `name` (any case) followed by a delimiter (white
/// space, `/`, `>`) or the end of input?
fn name_at(b: &[u8], at: usize, name: &str) -> bool {
    let end = at + name.len();
    end <= b.len()
        && b[at..end].eq_ignore_ascii_case(name.as_bytes())
        && b.get(end)
            .is_none_or(|&c| is_ws(c) || c == b'/' || c == b'>')
}

/// Find `</name` (any case) followed by a delimiter, from `from`: returns the
/// start of the end tag.
pub(super) fn find_end_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + off;
        if name_at(b, at + 2, name) {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

/// Find the `</script` that ends a script's content, from `from`, by the
/// script data states of the HTML standard: inside `<!--` … `-->`, a
/// `<script` starts a nested script whose own `</script` does not end the
/// outer one (`<!-- document.write('<script></script>'); -->`).
pub(super) fn find_script_end(b: &[u8], from: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Data,
        /// After `<!--`.
        Escaped,
        /// After `<!-- <script`.
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut i = from;
    while let Some(off) = memchr2(b'<', b'-', &b[i..]) {
        let at = i + off;
        i = at + 1;
        if b[at] == b'-' {
            if state != State::Data && b[at..].starts_with(b"-->") {
                state = State::Data;
                i = at + 3;
            }
            continue;
        }
        if state == State::Data && b[at..].starts_with(b"<!--") {
            // The dashes may also close it at once (`<!-->`).
            state = State::Escaped;
            i = at + 2;
        } else if b.get(at + 1) == Some(&b'/') && name_at(b, at + 2, "script") {
            if state != State::DoubleEscaped {
                return Some(at);
            }
            state = State::Escaped;
        } else if state == State::Escaped && name_at(b, at + 1, "script") {
            state = State::DoubleEscaped;
        }
    }
    None
}

/// The end of a comment whose body starts at `body` (after `<!--`): the
/// position after `-->` or `--!>`, after an abruptly closed `<!-->` or
/// `<!--->`, or the end of input.
pub(super) fn comment_end(b: &[u8], body: usize) -> usize {
    if b[body..].starts_with(b">") {
        return body + 1;
    }
    if b[body..].starts_with(b"->") {
        return body + 2;
    }
    let mut i = body;
    while let Some(off) = memchr::memmem::find(&b[i..], b"--") {
        let at = i + off + 2;
        match b.get(at) {
            Some(b'>') => return at + 1,
            Some(b'!') if b.get(at + 1) == Some(&b'>') => return at + 2,
            _ => i = at - 1,
        }
    }
    b.len()
}

/// The end of a bogus comment (`<!x>`, `<?php>`, `</ x>`) from `from`.
pub(super) fn past_gt(b: &[u8], from: usize) -> usize {
    memchr(b'>', &b[from..]).map_or(b.len(), |e| from + e + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_tag_search_is_case_blind() {
        let b = b"x</SCRIPTx></Script >y";
        assert_eq!(find_end_tag(b, 0, "script"), Some(11));
    }

    #[test]
    fn script_data_escapes_keep_a_nested_script_inside() {
        let end = |s: &str| find_script_end(s.as_bytes(), 0);
        assert_eq!(end("a</script>"), Some(1));
        assert_eq!(end("x</scriptx></SCRIPT "), Some(11));
        let w = "<!--document.write('<script></script>');//--></script>";
        assert_eq!(end(w), Some(w.len() - 9));
        // Inside `<!--` alone, `</script>` still ends the script.
        assert_eq!(end("<!-- x </script>"), Some(7));
        assert_eq!(end("<!--><script></script>"), Some(13));
        // A nested script's end tag, then the outer end at `-->`.
        let n = "<!--<script></script>--!></script>";
        assert_eq!(end(n), Some(25));
        assert_eq!(end("<!--<script>--!></script>X"), None);
        assert_eq!(end("<!--<script>--></script>"), Some(15));
    }

    #[test]
    fn comments_end_at_either_closer() {
        let end = |s: &str| comment_end(s.as_bytes(), 4);
        assert_eq!(end("<!-- a -->b"), 10);
        assert_eq!(end("<!-- a --!>b"), 11);
        assert_eq!(end("<!-->b"), 5);
        assert_eq!(end("<!--->b"), 6);
        assert_eq!(end("<!-- a --->b"), 11);
        assert_eq!(end("<!-- a -- b"), 11);
    }
}
