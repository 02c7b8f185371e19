//! Drop what can never be article text before the tree is built.
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
    while let Some(off) = memchr(b'<', &b[i..]) {
        let lt = i + off;
        let rest = &b[lt + 1..];
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
    fn unterminated_elements_cut_to_the_end() {
        assert_eq!(strip("<p>a</p><script>never closed"), "<p>a</p><script>");
        assert_eq!(strip("<p>a</p><!-- open"), "<p>a</p>");
        assert_eq!(strip("<p>a<script"), "<p>a<script");
        assert_eq!(strip("<scripts>x</scripts>"), "<scripts>x</scripts>");
    }
}
