//! MHTML (`.mht`, `.mhtml`): the single file a browser writes for "Save page
//! as, single file". It is a MIME `multipart/related` message: the page's
//! HTML in one part (quoted-printable or base64, with its charset), its
//! images and style sheets in the others, and the page's address in the
//! `Snapshot-Content-Location` header (Chrome, Edge) or the HTML part's
//! `Content-Location`.
//!
//! A small reader rather than a mail crate: only the root HTML part is
//! wanted, as exact bytes plus its declared charset, so the page goes
//! through the same charset detection as any other input.

use base64::Engine as _;

/// The page inside an MHTML archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The HTML part's bytes, transfer encoding undone, charset untouched.
    pub html: Vec<u8>,
    /// The charset its `Content-Type` declares.
    pub charset: Option<String>,
    /// The page's address.
    pub url: Option<String>,
}

/// How much of the start is looked at to recognise an archive.
const SNIFF_BYTES: usize = 4096;

/// Does this look like an MHTML archive: a MIME header block at the very
/// start whose `Content-Type` is `multipart/related` (or a `MIME-Version`
/// header with an HTML content type)?
pub fn looks_like_mhtml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    // A header block: "Name: value" lines from the first byte on.
    let first = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let is_header_line = |l: &[u8]| {
        let name_end = l.iter().position(|&b| b == b':');
        name_end.is_some_and(|n| {
            n > 0
                && l[..n]
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
        })
    };
    if !is_header_line(first) {
        return false;
    }
    let (headers, _) = split_headers(head);
    let ct = header(&headers, "content-type").unwrap_or_default();
    let ct = ct.to_ascii_lowercase();
    ct.starts_with("multipart/related")
        || header(&headers, "mime-version").is_some() && ct.starts_with("text/html")
}

/// The root HTML part of an archive, or why there is none.
pub fn root_page(bytes: &[u8]) -> Result<Page, String> {
    let (headers, body) = split_headers(bytes);
    let content_type = header(&headers, "content-type").unwrap_or_default();
    let snapshot_url = header(&headers, "snapshot-content-location");
    if !content_type.to_ascii_lowercase().starts_with("multipart/") {
        // A single-part archive: the message body is the page.
        return Ok(Page {
            html: decode_transfer(body, header(&headers, "content-transfer-encoding")),
            charset: param(&content_type, "charset"),
            url: snapshot_url.or_else(|| header(&headers, "content-location")),
        });
    }
    let boundary = param(&content_type, "boundary")
        .ok_or("MHTML archive without a multipart boundary (damaged file?)")?;
    let start = param(&content_type, "start");
    let parts = split_parts(body, boundary.as_bytes());
    let is_html = |ct: &str| {
        let ct = ct.to_ascii_lowercase();
        ct.starts_with("text/html") || ct.starts_with("application/xhtml+xml")
    };
    let mut chosen = None;
    for part in &parts {
        let (h, b) = split_headers(part);
        let ct = header(&h, "content-type").unwrap_or_default();
        let by_start = start.as_deref().is_some_and(|s| {
            header(&h, "content-id")
                .is_some_and(|id| id.trim_matches(['<', '>']) == s.trim_matches(['<', '>']))
        });
        if by_start || (chosen.is_none() && is_html(&ct)) {
            chosen = Some((h, b));
            if by_start {
                break;
            }
        }
    }
    let (h, b) = chosen.ok_or("MHTML archive without an HTML part")?;
    let ct = header(&h, "content-type").unwrap_or_default();
    Ok(Page {
        html: decode_transfer(b, header(&h, "content-transfer-encoding")),
        charset: param(&ct, "charset"),
        url: snapshot_url.or_else(|| header(&h, "content-location")),
    })
}

/// Headers (unfolded, in order) and the body after the blank line.
fn split_headers(data: &[u8]) -> (Vec<(String, String)>, &[u8]) {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut rest = data;
    loop {
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return (headers, next);
        }
        let text = String::from_utf8_lossy(line);
        if line[0] == b' ' || line[0] == b'\t' {
            // A folded header continues the previous one.
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(text.trim());
            }
        } else if let Some((name, value)) = text.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
        if next.is_empty() {
            return (headers, next);
        }
        rest = next;
    }
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_empty())
}

/// A parameter of a header value (`boundary="----x"`, `charset=utf-8`).
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case(name)).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// The parts between `--boundary` lines (the preamble and epilogue dropped).
fn split_parts<'a>(body: &'a [u8], boundary: &[u8]) -> Vec<&'a [u8]> {
    let mut delimiter = b"--".to_vec();
    delimiter.extend_from_slice(boundary);
    let mut parts = Vec::new();
    let mut starts = Vec::new();
    let mut i = 0;
    let finder = memchr::memmem::Finder::new(&delimiter);
    while let Some(p) = finder.find(&body[i..]) {
        let at = i + p;
        // A delimiter starts a line.
        if at == 0 || body[at - 1] == b'\n' {
            starts.push(at);
        }
        i = at + delimiter.len();
    }
    for (k, &at) in starts.iter().enumerate() {
        let after = at + delimiter.len();
        if body[after..].starts_with(b"--") {
            break; // the closing delimiter
        }
        // The part starts after the delimiter's line ...
        let Some(nl) = body[after..].iter().position(|&b| b == b'\n') else {
            break;
        };
        let begin = after + nl + 1;
        // ... and ends before the line break that precedes the next one.
        let mut end = starts.get(k + 1).copied().unwrap_or(body.len());
        if end > begin && body[end - 1] == b'\n' {
            end -= 1;
            if end > begin && body[end - 1] == b'\r' {
                end -= 1;
            }
        }
        parts.push(&body[begin..end.max(begin)]);
    }
    parts
}

/// Undo a part's `Content-Transfer-Encoding`.
fn decode_transfer(body: &[u8], encoding: Option<String>) -> Vec<u8> {
    match encoding.map(|e| e.to_ascii_lowercase()).as_deref() {
        Some("quoted-printable") => quoted_printable(body),
        Some("base64") => {
            let compact: Vec<u8> = body
                .iter()
                .copied()
                .filter(|b| !b.is_ascii_whitespace())
                .collect();
            base64::engine::general_purpose::STANDARD
                .decode(&compact)
                // Unpadded or damaged base64: decode what the lenient
                // engine accepts, else keep the raw text.
                .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(&compact))
                .unwrap_or_else(|_| body.to_vec())
        }
        _ => body.to_vec(), // 7bit, 8bit, binary
    }
}

/// Quoted-printable (RFC 2045): `=XX` is a byte, `=` at a line's end a soft
/// line break; anything else after `=` is kept as it is.
fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        if let (Some(h), Some(l)) = (
            body.get(i + 1).and_then(|&c| hex(c)),
            body.get(i + 2).and_then(|&c| hex(c)),
        ) {
            out.push(h << 4 | l);
            i += 3;
            continue;
        }
        // Soft line break: "=" then optional trailing blanks, then CRLF or LF.
        let mut j = i + 1;
        while j < body.len() && (body[j] == b' ' || body[j] == b'\t') {
            j += 1;
        }
        if body.get(j) == Some(&b'\r') && body.get(j + 1) == Some(&b'\n') {
            i = j + 2;
        } else if body.get(j) == Some(&b'\n') || j == body.len() {
            i = j + 1;
        } else {
            out.push(b'=');
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chrome_save(html_qp: &str) -> Vec<u8> {
        format!(
            "From: <Saved by Blink>\r\n\
             Snapshot-Content-Location: https://news.example.com/2024/strasse\r\n\
             Subject: =?utf-8?Q?Stra=C3=9Fe?=\r\n\
             Date: Mon, 1 Jan 2024 10:00:00 -0000\r\n\
             MIME-Version: 1.0\r\n\
             Content-Type: multipart/related;\r\n\
             \ttype=\"text/html\";\r\n\
             \tboundary=\"----MultipartBoundary--abc----\"\r\n\
             \r\n\
             \r\n\
             ------MultipartBoundary--abc----\r\n\
             Content-Type: text/html\r\n\
             Content-ID: <frame-1@mhtml.blink>\r\n\
             Content-Transfer-Encoding: quoted-printable\r\n\
             Content-Location: https://news.example.com/2024/strasse\r\n\
             \r\n\
             {html_qp}\r\n\
             ------MultipartBoundary--abc----\r\n\
             Content-Type: text/css\r\n\
             Content-Transfer-Encoding: quoted-printable\r\n\
             Content-Location: cid:css-1@mhtml.blink\r\n\
             \r\n\
             body {{ color: red; }}\r\n\
             ------MultipartBoundary--abc------\r\n"
        )
        .into_bytes()
    }

    #[test]
    fn the_html_part_is_decoded_from_quoted_printable() {
        let archive = chrome_save(
            "<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\"></head>\r\n\
             <body><p>Die Stra=C3=9Fe wurde gesperrt, th=\r\ne council said.</p></body></html>",
        );
        assert!(looks_like_mhtml(&archive));
        let page = root_page(&archive).unwrap();
        let html = String::from_utf8(page.html).unwrap();
        assert!(
            html.contains("Die Straße wurde gesperrt, the council said."),
            "{html}"
        );
        assert!(html.contains("content=\"text/html; charset=UTF-8\""));
        assert!(!html.contains("color: red"));
        assert_eq!(
            page.url.as_deref(),
            Some("https://news.example.com/2024/strasse")
        );
    }

    #[test]
    fn base64_parts_and_the_start_parameter() {
        let html = base64::engine::general_purpose::STANDARD
            .encode("<p>caf\u{e9} ol\u{e9}</p>".as_bytes());
        let archive = format!(
            "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=XX; start=\"<root>\"\n\n\
             --XX\nContent-Type: text/html; charset=windows-1252\nContent-ID: <other>\n\n<p>not this</p>\n\
             --XX\nContent-Type: text/html; charset=utf-8\nContent-ID: <root>\nContent-Transfer-Encoding: base64\n\n{html}\n--XX--\n"
        );
        assert!(looks_like_mhtml(archive.as_bytes()));
        let page = root_page(archive.as_bytes()).unwrap();
        assert_eq!(page.html, "<p>caf\u{e9} ol\u{e9}</p>".as_bytes());
        assert_eq!(page.charset.as_deref(), Some("utf-8"));
        assert_eq!(page.url, None);
    }

    #[test]
    fn pages_and_text_are_not_archives() {
        assert!(!looks_like_mhtml(
            b"<html><p>Content-Type: multipart/related</p>"
        ));
        assert!(!looks_like_mhtml(
            b"Subject: a letter\n\nDear all, the meeting is on Monday."
        ));
        assert!(!looks_like_mhtml(b""));
        let no_html = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n";
        assert!(root_page(no_html).is_err());
    }

    #[test]
    fn quoted_printable_edges() {
        assert_eq!(quoted_printable(b"a=3Db=\r\nc=\nd= \r\ne"), b"a=bcde");
        assert_eq!(quoted_printable(b"100% = x=ZZ="), b"100% = x=ZZ");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
            let _ = looks_like_mhtml(&bytes);
            let _ = root_page(&bytes);
            let mut with_header = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n".to_vec();
            with_header.extend_from_slice(&bytes);
            let _ = root_page(&with_header);
        }
    }
}
