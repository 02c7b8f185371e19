//! Drop what can never be article text before the tree is built, and cap
//! the nesting depth.
//!
//! Scripts, styles and inline SVG are often half of a modern page's bytes.
//! The tokenizer would read every byte of them only for the walk to skip
//! them, so their contents are cut here, in one linear scan, leaving the
//! empty elements in place (`<script …></script>`) so the tree keeps its
//! shape. JSON-LD scripts are kept: they carry metadata. Comments go too.
//!
//! The cut follows the HTML rule that raw text ends at the first matching end
//! tag (`</script`, `</style`), so it removes exactly what the tokenizer
//! would have treated as raw text. Comments are cut only outside those
//! elements. SVG content is cut up to its first `</svg`: a nested `<svg>`
//! (rare) ends the cut early, which only keeps a little more markup.

use std::borrow::Cow;

/// Deepest element nesting kept. The tree builder checks its stack of open
/// elements on every tag, so a page nested 300,000 deep costs quadratic time;
/// real pages stay far below a few hundred levels. Tags past this depth are
/// dropped (their text stays), which flattens only hostile or broken pages.
pub const MAX_DEPTH: usize = 2_000;

/// Elements that never have content, and elements whose end tag is usually
/// implied (`<p>`, `<li>`, table cells): neither counts toward the depth.
fn counts_for_depth(name: &[u8]) -> bool {
    const NO_DEPTH: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"option",
        b"tr",
        b"td",
        b"th",
        b"tbody",
        b"thead",
        b"tfoot",
        b"colgroup",
        b"html",
        b"head",
        b"body",
    ];
    !NO_DEPTH.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Elements whose content is removed, with the bytes of their end tag.
const CUT: &[(&[u8], &[u8])] = &[
    (b"script", b"</script"),
    (b"style", b"</style"),
    (b"svg", b"</svg"),
    (b"noscript", b"</noscript"),
    (b"template", b"</template"),
];

/// The document with raw-text contents and comments removed; borrowed
/// unchanged when there is nothing to remove.
pub fn strip(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already copied to `out`
    let mut i = 0;
    let mut depth = 0usize;
    // Start tags dropped past MAX_DEPTH whose end tags are still to come.
    let mut excess = 0usize;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let lt = i + off;
        let rest = &b[lt + 1..];
        if let Some((closing, name)) = tag_name(rest)
            && counts_for_depth(name)
        {
            let drop = if closing {
                if excess > 0 {
                    excess -= 1;
                    true
                } else {
                    depth = depth.saturating_sub(1);
                    false
                }
            } else if depth >= MAX_DEPTH {
                excess += 1;
                true
            } else {
                depth += 1;
                false
            };
            if drop {
                let end = memchr(b'>', &b[lt..]).map_or(b.len(), |g| lt + g + 1);
                let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
                o.push_str(&html[copied..lt]);
                copied = end;
                i = end;
                continue;
            }
        }
        if rest.starts_with(b"!--") {
            let end = find(b, b"-->", lt + 4).map_or(b.len(), |e| e + 3);
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = end;
            i = end;
            continue;
        }
        let Some(&(name, end_tag)) = CUT.iter().find(|(name, _)| {
            rest.len() > name.len()
                && rest[..name.len()].eq_ignore_ascii_case(name)
                && matches!(rest[name.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'/')
        }) else {
            i = lt + 1;
            continue;
        };
        let Some(gt) = memchr(b'>', &b[lt..]).map(|g| lt + g) else {
            break;
        };
        let start_tag = &b[lt..gt];
        // A self-closed <svg/> or <script/> has no content to cut.
        if start_tag.ends_with(b"/") {
            i = gt + 1;
            continue;
        }
        let keep = name == b"script" && contains_ci(start_tag, b"ld+json");
        let close = find_ci(b, end_tag, gt + 1).unwrap_or(b.len());
        if !keep && close > gt + 1 {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..gt + 1]);
            copied = close;
        }
        i = close.max(gt + 1);
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

/// The name of the tag starting right after a `<`: (is an end tag, name).
fn tag_name(rest: &[u8]) -> Option<(bool, &[u8])> {
    let (closing, rest) = match rest.first()? {
        b'/' => (true, &rest[1..]),
        _ => (false, rest),
    };
    if !rest.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = rest
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    Some((closing, &rest[..len]))
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Case-insensitive search for an ASCII needle that starts with `<`.
fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr(b'<', hay.get(i..)?) {
        let p = i + off;
        if hay.len() - p >= needle.len() && hay[p..p + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_scripts_styles_svg_and_comments() {
        let html = "<p>a</p><SCRIPT type=x>if (a<b) { x = '</p>'; }</script><style>p{}</style>\
                    <!-- c --><svg viewBox='0'><path d='M0'/></svg><p>b</p>";
        assert_eq!(
            strip(html),
            "<p>a</p><SCRIPT type=x></script><style></style><svg viewBox='0'></svg><p>b</p>"
        );
    }

    #[test]
    fn keeps_json_ld_and_plain_pages() {
        let html = r#"<script type="application/ld+json">{"a":1}</script><p>x</p>"#;
        assert_eq!(strip(html), html);
        assert!(matches!(strip("<p>plain</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn nesting_is_capped() {
        let deep = "<div>".repeat(MAX_DEPTH + 10) + "text" + &"</div>".repeat(MAX_DEPTH + 10);
        let out = strip(&deep);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("text"));
        // Implied end tags do not count: 5,000 unclosed paragraphs stay.
        let paras = "<p>x".repeat(5_000);
        assert_eq!(strip(&paras), paras);
    }

    #[test]
    fn unterminated_elements_cut_to_the_end() {
        assert_eq!(strip("<p>a</p><script>never closed"), "<p>a</p><script>");
        assert_eq!(strip("<p>a</p><!-- open"), "<p>a</p>");
        assert_eq!(strip("<p>a<script"), "<p>a<script");
        assert_eq!(strip("<scripts>x</scripts>"), "<scripts>x</scripts>");
    }
}
