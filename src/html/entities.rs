//! Character references (`&amp;`, `&#8217;`, `&nbsp`…).

use memchr::memchr;
use std::borrow::Cow;

/// Replace character references (`&amp;`, `&#8217;`, `&#x2019;`, `&nbsp`…)
/// with their characters, by the HTML rules: named references from the
/// standard table (longest match; the legacy ones without `;` too, except
/// inside an attribute when followed by a letter, digit or `=`), numeric ones
/// with the Windows-1252 fix-ups for 0x80–0x9F, NUL and invalid code points
/// becoming U+FFFD.
pub fn decode_entities(s: &str, in_attr: bool) -> Cow<'_, str> {
    let Some(first) = memchr(b'&', s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut i = first;
    while i < b.len() {
        // Invariant: b[i] == b'&'.
        let (consumed, ch) = char_ref(&s[i + 1..], in_attr);
        match ch {
            Some((c1, c2)) => {
                out.push(c1);
                if let Some(c2) = c2 {
                    out.push(c2);
                }
                i += 1 + consumed;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
        let next = memchr(b'&', &b[i..]).map_or(b.len(), |e| i + e);
        out.push_str(&s[i..next]);
        i = next;
    }
    Cow::Owned(out)
}

/// Longest entity name in the table ("CounterClockwiseContourIntegral;").
const MAX_ENTITY: usize = 32;

/// One character reference after its `&`: bytes consumed and the characters.
fn char_ref(rest: &str, in_attr: bool) -> (usize, Option<(char, Option<char>)>) {
    let b = rest.as_bytes();
    if b.first() == Some(&b'#') {
        let (hex, start) = match b.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let mut j = start;
        let mut value: u32 = 0;
        while j < b.len() {
            let d = match (hex, b[j]) {
                (_, c @ b'0'..=b'9') => (c - b'0') as u32,
                (true, c @ b'a'..=b'f') => (c - b'a' + 10) as u32,
                (true, c @ b'A'..=b'F') => (c - b'A' + 10) as u32,
                _ => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            j += 1;
        }
        if j == start {
            return (0, None);
        }
        if b.get(j) == Some(&b';') {
            j += 1;
        }
        return (j, Some((numeric_char(value), None)));
    }
    let mut n = 0;
    while n < b.len() && n < MAX_ENTITY && b[n].is_ascii_alphanumeric() {
        n += 1;
    }
    if n == 0 {
        return (0, None);
    }
    let table = &markup5ever::data::NAMED_ENTITIES;
    let to_chars = |(c1, c2): (u32, u32)| {
        (
            char::from_u32(c1).unwrap_or('\u{FFFD}'),
            (c2 != 0).then(|| char::from_u32(c2).unwrap_or('\u{FFFD}')),
        )
    };
    if b.get(n) == Some(&b';')
        && let Some(&m) = table.get(&rest[..=n])
        && m.0 != 0
    {
        return (n + 1, Some(to_chars(m)));
    }
    // Legacy references without `;` ("&nbsp", "&copy2023"): longest prefix.
    for len in (2..=n.min(6)).rev() {
        if let Some(&m) = table.get(&rest[..len])
            && m.0 != 0
        {
            let next = b.get(len).copied();
            if in_attr && next.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'=') {
                return (0, None);
            }
            return (len, Some(to_chars(m)));
        }
    }
    (0, None)
}

fn numeric_char(value: u32) -> char {
    match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => markup5ever::data::C1_REPLACEMENTS[(value - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{FFFD}')),
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        assert_eq!(decode_entities("a &amp; b", false), "a & b");
        assert_eq!(decode_entities("&#8217;&#x2019;&#X2019", false), "’’’");
        assert_eq!(decode_entities("&nbsp;x&nbspy", false), "\u{a0}x\u{a0}y");
        assert_eq!(decode_entities("&copy2023", false), "©2023");
        assert_eq!(decode_entities("&#150;", false), "–");
        assert_eq!(
            decode_entities("&#0;&#xD800;&#99999999999;", false),
            "\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(
            decode_entities("&notanentity; & &#; &", false),
            "¬anentity; & &#; &"
        );
        assert_eq!(decode_entities("?a=1&copy=2", true), "?a=1&copy=2");
        assert_eq!(decode_entities("&NotEqualTilde;", false), "\u{2242}\u{338}");
    }
}
