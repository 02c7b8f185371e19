//! Bytes to text: which encoding, and is it HTML or plain text?
//!
//! Precedence, first match wins:
//!
//! 1. `--encoding LABEL` (the user knows best);
//! 2. a byte-order mark (UTF-8, UTF-16LE/BE);
//! 3. a charset given with the input (HTTP `Content-Type`, WARC, manifest);
//! 4. the page's own declaration (`<meta charset>`, `http-equiv`, `<?xml
//!    encoding?>`), found by a prescan like the browsers' — but a declaration
//!    the bytes contradict loses (a page declaring Latin-1 that is valid
//!    non-ASCII UTF-8 is UTF-8; a page declaring UTF-8 that is not, is
//!    detected, unless it is UTF-8 with a few stray legacy bytes: see
//!    [`decode_mostly_utf8`]);
//! 5. UTF-16 without a BOM, recognised by its pattern of NUL bytes;
//! 6. valid UTF-8;
//! 7. detection with chardetng, with the URL's top-level domain as a hint.
//!
//! Invalid sequences become U+FFFD; nothing here fails or panics.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use serde::Serialize;

/// Where the chosen encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EncodingSource {
    Override,
    Bom,
    Transport,
    Declared,
    Utf16Pattern,
    Utf8,
    Detected,
}

/// HTML or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    Html,
    Text,
}

/// What is known about an input's encoding from outside its bytes.
#[derive(Debug, Default, Clone)]
pub struct DecodeHints<'a> {
    /// `--encoding`: wins over everything.
    pub override_label: Option<&'a str>,
    /// A charset given with the input (HTTP header, WARC, manifest).
    pub transport_charset: Option<&'a str>,
    /// The page's URL; its TLD steers detection.
    pub url: Option<&'a str>,
    /// The kind, when fixed by the user; else `<meta>` is only looked for
    /// when the bytes look like HTML.
    pub kind: Option<InputKind>,
}

/// Decoded text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name (`UTF-8`, `windows-1252`, `Shift_JIS`, …).
    pub encoding: &'static str,
    pub source: EncodingSource,
    /// True when some bytes were invalid in the chosen encoding and became
    /// U+FFFD (or, in a page that is mostly UTF-8, windows-1252 characters).
    pub had_errors: bool,
}

/// How far into the document the `<meta>` prescan looks. Browsers stop at
/// 1024 bytes; real pages put a long `<head>` (scripts, styles) first often
/// enough that a wider window finds declarations browsers would find later
/// by re-parsing.
const PRESCAN_BYTES: usize = 8192;

/// How much of a non-UTF-8 document chardetng sees. Detection settles within
/// a few kilobytes of non-ASCII text; feeding megabytes only costs time.
const DETECT_BYTES: usize = 64 * 1024;

/// Decode `bytes` to text. Never fails.
pub fn decode(bytes: &[u8], hints: &DecodeHints) -> Decoded {
    if let Some(enc) = hints.override_label.and_then(label) {
        let (body, enc) = match Encoding::for_bom(bytes) {
            // A BOM of the forced encoding itself is not text.
            Some((bom_enc, len)) if bom_enc == enc => (&bytes[len..], enc),
            _ => (bytes, enc),
        };
        return finish(body, enc, EncodingSource::Override);
    }
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return finish(&bytes[len..], enc, EncodingSource::Bom);
    }
    let utf8_valid = std::str::from_utf8(bytes).is_ok();
    if let Some(enc) = hints.transport_charset.and_then(charset_label) {
        let enc = ascii_compatible(enc, bytes);
        if enc == UTF_8
            && !utf8_valid
            && let Some(decoded) = decode_mostly_utf8(bytes, EncodingSource::Transport)
        {
            return decoded;
        }
        return finish(bytes, enc, EncodingSource::Transport);
    }
    let may_be_html = hints.kind != Some(InputKind::Text) && looks_like_markup(bytes);
    if may_be_html && let Some(enc) = prescan_meta_charset(bytes) {
        if enc == UTF_8 {
            if utf8_valid {
                return finish(bytes, UTF_8, EncodingSource::Declared);
            }
            if let Some(decoded) = decode_mostly_utf8(bytes, EncodingSource::Declared) {
                return decoded;
            }
            // Declared UTF-8 but it is not: fall through to detection.
        } else if utf8_valid && !bytes.is_ascii() {
            // Valid non-ASCII UTF-8 is almost never an accident in a
            // legacy encoding: the declaration is stale (a template
            // copied from an old site).
            return finish(bytes, UTF_8, EncodingSource::Utf8);
        } else {
            return finish(bytes, enc, EncodingSource::Declared);
        }
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return finish(bytes, enc, EncodingSource::Utf16Pattern);
    }
    if utf8_valid {
        return finish(bytes, UTF_8, EncodingSource::Utf8);
    }
    let enc = detect(bytes, hints.url);
    finish(bytes, enc, EncodingSource::Detected)
}

fn finish(bytes: &[u8], enc: &'static Encoding, source: EncodingSource) -> Decoded {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        source,
        had_errors,
    }
}

/// A page declared UTF-8 whose bytes are UTF-8 but for a few stray bytes
/// of a legacy encoding (a widget, a comment or a database field written
/// in Latin-1 into a UTF-8 template: "schön" as `sch\xf6n`): each valid
/// sequence is read as UTF-8 and each invalid byte as windows-1252, the
/// legacy encoding such fragments are in. Decoding the whole page as
/// windows-1252 (what detection picks) would garble every other non-ASCII
/// letter into mojibake ("schÃ¶n"). `None` when the page is not mostly
/// UTF-8: a page mislabelled UTF-8 but written in Latin-1 or a double-byte
/// encoding has invalid bytes at least as often as sequences that happen to
/// be valid UTF-8, so valid multi-byte sequences must outnumber the invalid
/// bytes. Linear: one pass to count, one to build the text.
fn decode_mostly_utf8(bytes: &[u8], source: EncodingSource) -> Option<Decoded> {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // Lead bytes of multi-byte sequences (continuation bytes are 10xxxxxx).
        valid += chunk.valid().bytes().filter(|b| *b >= 0xC0).count();
        invalid += chunk.invalid().len();
    }
    if valid <= invalid {
        return None;
    }
    let mut text = String::with_capacity(bytes.len() + invalid);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for &b in chunk.invalid() {
            let byte = [b];
            let (c, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            text.push_str(&c);
        }
    }
    Some(Decoded {
        text,
        encoding: UTF_8.name(),
        source,
        had_errors: true,
    })
}

/// A user-given label, resolved; `replacement` (the WHATWG sink for
/// dangerous encodings such as ISO-2022-KR) is not a usable choice.
fn label(l: &str) -> Option<&'static Encoding> {
    Encoding::for_label(l.trim().as_bytes()).filter(|e| *e != encoding_rs::REPLACEMENT)
}

/// A charset from outside: either a bare label or a whole Content-Type value.
fn charset_label(value: &str) -> Option<&'static Encoding> {
    charset_from_content_type(value).or_else(|| label(value))
}

/// A UTF-16 declaration inside bytes that are plainly ASCII-compatible (a
/// `<meta charset=utf-16>` that could be read at all) is wrong by
/// definition; the HTML standard says to use UTF-8 then.
fn ascii_compatible(enc: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
    if (enc == UTF_16LE || enc == UTF_16BE) && utf16_without_bom(bytes).is_none() {
        UTF_8
    } else {
        enc
    }
}

/// Parse a Content-Type value like `text/html; charset="ISO-8859-1"`.
pub fn charset_from_content_type(value: &str) -> Option<&'static Encoding> {
    let lower = value.to_ascii_lowercase();
    let pos = lower.find("charset")?;
    let rest = lower[pos + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace())
        .unwrap_or(rest.len());
    label(&rest[..end])
}

/// Find a charset declared in the first bytes of an HTML document, the way
/// the HTML standard's prescan does: `<meta charset>`, `<meta http-equiv
/// content>`, in any attribute order, quoted or not, outside comments; and
/// an XML declaration's `encoding`.
pub fn prescan_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut i = 0;
    if head.starts_with(b"<?xml") {
        let end = find(head, b"?>", 0).unwrap_or(head.len());
        let decl = String::from_utf8_lossy(&head[..end]).to_ascii_lowercase();
        if let Some(p) = decl.find("encoding") {
            let v = decl[p + 8..]
                .trim_start()
                .trim_start_matches('=')
                .trim_start();
            let v = v.trim_start_matches(['"', '\'']);
            let e = v.find(['"', '\'', ' ', '?']).unwrap_or(v.len());
            if let Some(enc) = label(&v[..e]) {
                return Some(html_declared(enc));
            }
        }
    }
    while i < head.len() {
        let Some(lt) = memchr(b'<', head, i) else {
            break;
        };
        i = lt + 1;
        if head[i..].starts_with(b"!--") {
            // Skip the comment entirely: a commented-out meta does not count.
            i = find(head, b"-->", i + 3).map_or(head.len(), |e| e + 3);
            continue;
        }
        if !starts_with_ignore_case(&head[i..], b"meta") {
            continue;
        }
        let after = head.get(i + 4).copied().unwrap_or(b'>');
        if !(after.is_ascii_whitespace() || after == b'/') {
            continue;
        }
        let end = memchr(b'>', head, i).unwrap_or(head.len());
        let tag = String::from_utf8_lossy(&head[i + 4..end]).to_ascii_lowercase();
        let attrs = attributes(&tag);
        let get = |name: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        if let Some(cs) = get("charset")
            && let Some(enc) = label(cs)
        {
            return Some(html_declared(enc));
        }
        if get("http-equiv").is_some_and(|v| v.trim() == "content-type")
            && let Some(enc) = get("content").and_then(charset_from_content_type)
        {
            return Some(html_declared(enc));
        }
        i = end;
    }
    None
}

/// The HTML standard: a declared UTF-16 means UTF-8 (the declaration could
/// only be read because the bytes are ASCII-compatible), and x-user-defined
/// means windows-1252.
fn html_declared(enc: &'static Encoding) -> &'static Encoding {
    if enc == UTF_16LE || enc == UTF_16BE {
        UTF_8
    } else if enc == encoding_rs::X_USER_DEFINED {
        encoding_rs::WINDOWS_1252
    } else {
        enc
    }
}

/// Attributes of a start tag's inside (`name="v" other=x`), lowercased.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = tag.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let name = &tag[start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                i += 1;
                let s = i;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                value = tag[s..i].to_string();
                i += 1;
            } else {
                let s = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = tag[s..i].to_string();
            }
        }
        if !name.is_empty() {
            out.push((name.to_string(), value));
        }
        if i == start {
            i += 1;
        }
    }
    out
}

/// UTF-16 without a BOM: mostly-ASCII text in UTF-16 has a NUL in every
/// other byte. Look at the first 4 KiB: if at least 40% of the even (or odd)
/// positions are NUL and almost none of the other ones are, it is UTF-16BE
/// (or LE). Binary data has NULs everywhere, not in one parity.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let mostly = |n: usize| n * 10 >= pairs * 4;
    let hardly = |n: usize| n * 20 <= pairs;
    if mostly(odd) && hardly(even) {
        Some(UTF_16LE)
    } else if mostly(even) && hardly(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// chardetng over the start of the document, with the URL's TLD as a hint.
fn detect(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    // ISO-2022-JP is allowed: no script runs on what we decode, and old
    // Japanese mail archives use it.
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    det.feed(sample, sample.len() == bytes.len());
    let host = url
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_string));
    let tld = host
        .as_deref()
        .and_then(|h| h.rsplit('.').next())
        .map(str::as_bytes);
    det.guess(tld, chardetng::Utf8Detection::Deny)
}

/// Do the first bytes look like markup (a `<` followed by a letter, `!` or
/// `?` near the start)? Gates the `<meta>` prescan for unsniffed inputs.
fn looks_like_markup(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    head.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'!' || w[1] == b'?'))
}

/// Tags whose presence marks a document as HTML, each counted once.
const HTML_TAGS: &[&str] = &[
    "<p>", "<p ", "<div", "<a href", "<br", "<table", "<span", "<script", "<meta", "<link", "<li>",
    "<ul", "<img", "<h1", "<h2", "<title", "<body", "<head", "<td", "<form", "<iframe", "<style",
    "<b>", "<i>", "<strong", "<em>",
];

/// How many distinct HTML tags make a fragment without `<html>` HTML: one
/// stray `<b>` in prose is text, three different tags are markup.
const MIN_DISTINCT_TAGS: usize = 3;

/// HTML or plain text? The start of the document decides when it is clear
/// (`<!doctype html>`, `<html>`, `<head>`, `<body>`, an XHTML declaration);
/// else the number of distinct HTML tags in the first 4 KiB; the file
/// extension breaks ties.
pub fn sniff_kind(text: &str, path_ext: Option<&str>) -> InputKind {
    let mut s = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    // Leading comments (`<!-- saved from url=… -->`).
    while let Some(rest) = s.strip_prefix("<!--") {
        s = rest.find("-->").map_or("", |e| &rest[e + 3..]).trim_start();
    }
    // The first 4096 chars, sliced (not collected char by char: every page
    // passes through here).
    let end = if s.len() <= 4096 {
        s.len()
    } else if s.as_bytes()[..4096].is_ascii() {
        // 4096 one-byte chars (most pages): no char to count.
        4096
    } else {
        s.char_indices().nth(4096).map_or(s.len(), |(i, _)| i)
    };
    let head = s[..end].to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || head.starts_with("<body")
        || head.starts_with("<?xml") && head.contains("<html")
    {
        return InputKind::Html;
    }
    // A document that opens with a common HTML element is a fragment of
    // HTML (a saved body, a CMS export), whatever follows.
    if starts_with_html_tag(&head) {
        return InputKind::Html;
    }
    let distinct = HTML_TAGS.iter().filter(|t| head.contains(*t)).count();
    if distinct >= MIN_DISTINCT_TAGS || head.contains("<html") {
        return InputKind::Html;
    }
    match path_ext.map(str::to_ascii_lowercase).as_deref() {
        Some("html" | "htm" | "xhtml" | "shtml" | "php" | "asp" | "aspx" | "jsp")
            if distinct >= 1 =>
        {
            InputKind::Html
        }
        _ => InputKind::Text,
    }
}

/// Elements a saved HTML fragment commonly opens with.
const OPENING_TAGS: &[&str] = &[
    "div",
    "p",
    "span",
    "table",
    "section",
    "article",
    "main",
    "header",
    "nav",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "meta",
    "link",
    "script",
    "style",
    "title",
    "form",
    "center",
    "font",
    "br",
    "a",
    "b",
    "i",
    "img",
    "blockquote",
    "pre",
    "figure",
    "frameset",
];

/// Does the (lowercased) text open with `<tag` followed by `>`, `/` or a space?
fn starts_with_html_tag(head: &str) -> bool {
    let Some(rest) = head.strip_prefix('<') else {
        return false;
    };
    OPENING_TAGS.iter().any(|t| {
        let Some(after) = rest.strip_prefix(t) else {
            return false;
        };
        match after.chars().next() {
            Some('>' | '/') => true,
            // `<i think`, `<a few>`: one-letter names need attributes
            // (`<p class=x>`) to count when a space follows.
            Some(c) if c.is_whitespace() => {
                t.len() > 1
                    || after
                        .split('>')
                        .next()
                        .is_some_and(|attrs| attrs.contains('='))
            }
            _ => false,
        }
    })
}

/// Magic numbers of common binary formats served where pages are expected.
const BINARY_MAGIC: &[&[u8]] = &[
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"RIFF",
    b"OggS",
    b"\x00\x00\x01\x00",
    b"BZh",
    b"7z\xbc\xaf\x27\x1c",
    b"\xfd7zXZ",
    b"MZ",
    b"\x00asm",
    b"wOFF",
    b"wOF2",
    b"ID3",
];

/// Share of control bytes (other than tab, newline, carriage return, form
/// feed and escape) above which a sample is binary. Real text in any legacy
/// encoding has next to none; compressed or executable data has about one
/// in eight.
const MAX_CONTROL_SHARE: f32 = 0.05;

/// Is this binary data rather than text in some encoding? Looks at the first
/// 8 KiB: a known magic number, or many control bytes (UTF-16's NULs
/// excepted, which are recognised first).
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() || Encoding::for_bom(sample).is_some() {
        return false;
    }
    // "MZ" and "RIFF" are short: require more evidence than the two letters
    // for them (a text could start with "MZ").
    if BINARY_MAGIC.iter().any(|m| {
        sample.starts_with(m) && (m.len() >= 3 || sample.len() > 64 && has_controls(sample))
    }) {
        return true;
    }
    if utf16_without_bom(sample).is_some() {
        return false;
    }
    has_controls(sample)
}

fn has_controls(sample: &[u8]) -> bool {
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls as f32 > sample.len() as f32 * MAX_CONTROL_SHARE
}

fn memchr(needle: u8, hay: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|p| p + from)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn starts_with_ignore_case(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(bytes: &[u8]) -> Decoded {
        decode(bytes, &DecodeHints::default())
    }

    const RU: &str = "Городской совет во вторник утвердил программу ремонта трёх мостов через реку, которые не ремонтировались более сорока лет. Работы начнутся весной и продлятся до конца следующего года, сказал председатель комиссии.";
    const JA: &str = "市は十日、駅前の再開発地区に新しい中央図書館を開館した。蔵書はおよそ三十万冊で、市内の図書館としては最大の規模となる。開館式には多くの市民が集まり、館内を見学した。新しい図書館には、子ども向けの読書室や学習スペースのほか、地域の歴史資料を集めた展示室も設けられている。";
    const ZH_S: &str = "市政府星期二宣布，将在明年春天开始修复城市北部的三座旧桥。这些桥已经有四十多年没有进行大规模维修，附近的居民多次向政府反映安全问题。负责交通的官员表示，工程预计需要两年时间完成，期间部分道路将实行交通管制。";
    const ZH_T: &str = "市政府星期二宣布，將在明年春天開始修復城市北部的三座舊橋。這些橋已經有四十多年沒有進行大規模維修，附近的居民多次向政府反映安全問題。負責交通的官員表示，工程預計需要兩年時間完成，期間部分道路將實行交通管制。";
    const FR: &str = "Le conseil municipal a approuvé mardi le programme de rénovation des trois ponts de la ville, qui n'avaient pas été réparés depuis plus de quarante ans. Les travaux débuteront au printemps prochain et dureront jusqu'à la fin de l'année suivante, a précisé l'élu chargé des transports.";

    fn roundtrip_undeclared(text: &str, enc: &'static Encoding, url: Option<&str>) {
        let (bytes, _, _) = enc.encode(text);
        let d = decode(
            &bytes,
            &DecodeHints {
                url,
                ..Default::default()
            },
        );
        assert_eq!(d.text, text, "expected {}, got {}", enc.name(), d.encoding);
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = dec("héllo".as_bytes());
        assert_eq!(
            (d.text.as_str(), d.encoding, d.source),
            ("héllo", "UTF-8", EncodingSource::Utf8)
        );
        let d = dec(b"\xef\xbb\xbfhi");
        assert_eq!((d.text.as_str(), d.source), ("hi", EncodingSource::Bom));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "<html><body><p>Hello, world. This is UTF-16 text.</p></body></html>";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(dec(&le).text, text);
        assert_eq!(dec(&le).encoding, "UTF-16LE");
        assert_eq!(dec(&be).text, text);
        assert_eq!(dec(&be).encoding, "UTF-16BE");
        let mut with_bom = vec![0xff, 0xfe];
        with_bom.extend(&le);
        assert_eq!(dec(&with_bom).text, text);
        assert!(!looks_binary(&le));
    }

    #[test]
    fn legacy_encodings_undeclared() {
        roundtrip_undeclared(FR, encoding_rs::WINDOWS_1252, None);
        roundtrip_undeclared(RU, encoding_rs::WINDOWS_1251, None);
        roundtrip_undeclared(RU, encoding_rs::KOI8_R, None);
        roundtrip_undeclared(JA, encoding_rs::SHIFT_JIS, None);
        roundtrip_undeclared(JA, encoding_rs::EUC_JP, None);
        roundtrip_undeclared(ZH_S, encoding_rs::GBK, None);
        roundtrip_undeclared(ZH_T, encoding_rs::BIG5, None);
    }

    #[test]
    fn legacy_encodings_declared() {
        for (text, enc) in [
            (RU, encoding_rs::WINDOWS_1251),
            (RU, encoding_rs::KOI8_R),
            (JA, encoding_rs::SHIFT_JIS),
            (JA, encoding_rs::EUC_JP),
            (ZH_S, encoding_rs::GB18030),
            (ZH_T, encoding_rs::BIG5),
            (FR, encoding_rs::WINDOWS_1252),
        ] {
            let html = format!(
                "<html><head><meta charset=\"{}\"></head><body><p>{text}</p></body></html>",
                enc.name()
            );
            let (bytes, _, _) = enc.encode(&html);
            let d = dec(&bytes);
            assert_eq!(d.encoding, enc.name());
            assert_eq!(d.source, EncodingSource::Declared);
            assert!(d.text.contains(text));
        }
    }

    #[test]
    fn meta_forms() {
        for head in [
            "<meta charset=windows-1251>",
            "<meta charset='windows-1251'/>",
            "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\">",
            "<meta content=\"text/html; charset=windows-1251\" http-equiv=\"content-type\">",
            "<meta http-equiv='content-type' content='text/html;charset=cp1251'>",
        ] {
            assert_eq!(
                prescan_meta_charset(head.as_bytes()),
                Some(encoding_rs::WINDOWS_1251),
                "{head}"
            );
        }
        assert_eq!(
            prescan_meta_charset(b"<!-- <meta charset=koi8-r> --><meta charset=utf-8>"),
            Some(UTF_8)
        );
        assert_eq!(
            prescan_meta_charset(b"<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>"),
            Some(encoding_rs::ISO_8859_2)
        );
        assert_eq!(prescan_meta_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(prescan_meta_charset(b"<metadata charset=koi8-r>"), None);
    }

    #[test]
    fn content_type_values() {
        assert_eq!(
            charset_from_content_type("text/html; charset=\"ISO-8859-1\""),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            charset_from_content_type("text/html;charset=Shift_JIS"),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(charset_from_content_type("text/html"), None);
    }

    #[test]
    fn precedence() {
        let page_1251 = format!("<meta charset=koi8-r><p>{RU}</p>");
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&page_1251);
        let transport = DecodeHints {
            transport_charset: Some("windows-1251"),
            ..Default::default()
        };
        assert_eq!(decode(&bytes, &transport).encoding, "windows-1251");
        assert_eq!(decode(&bytes, &transport).source, EncodingSource::Transport);
        let forced = DecodeHints {
            override_label: Some("windows-1251"),
            transport_charset: Some("utf-8"),
            ..Default::default()
        };
        assert_eq!(decode(&bytes, &forced).source, EncodingSource::Override);
        assert!(decode(&bytes, &forced).text.contains(RU));
    }

    #[test]
    fn lying_declarations() {
        // Declares Latin-1, is UTF-8.
        let html = "<meta charset=iso-8859-1><p>Café crème, s'il vous plaît.</p>";
        let d = dec(html.as_bytes());
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("Café crème"));
        // Declares UTF-8, is windows-1252.
        let page_1252 = format!("<meta charset=utf-8><p>{FR}</p>");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page_1252);
        let d = dec(&bytes);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains(FR));
    }

    #[test]
    fn a_utf8_page_with_a_stray_latin1_fragment_keeps_its_utf8() {
        // A UTF-8 template around one field written in Latin-1.
        let mut page = format!("<meta charset=utf-8><p>{FR}</p><p>").into_bytes();
        page.extend_from_slice(b"So sch\xf6n winterlich, gr\xfc\xdfe!</p>");
        let d = dec(&page);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains(FR), "{}", d.text);
        assert!(d.text.contains("So schön winterlich, grüße!"));
        assert!(d.had_errors);
        // The same with the charset given by the transport.
        let d = decode(
            &page,
            &DecodeHints {
                transport_charset: Some("text/html; charset=UTF-8"),
                ..Default::default()
            },
        );
        assert!(d.text.contains(FR) && d.text.contains("So schön"));
    }

    #[test]
    fn a_legacy_page_mislabelled_utf8_is_still_detected() {
        // Double-byte Chinese text forms valid UTF-8 pairs by chance, but
        // far fewer than invalid bytes: detection decides.
        let page = format!("<meta charset=utf-8><p>{ZH_S}</p>");
        let (bytes, _, _) = encoding_rs::GBK.encode(&page);
        let d = decode(
            &bytes,
            &DecodeHints {
                url: Some("http://example.cn/a"),
                ..Default::default()
            },
        );
        assert_eq!(d.encoding, "GBK");
        assert!(d.text.contains(ZH_S));
    }

    #[test]
    fn tld_hint_steers_detection() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(RU);
        let d = decode(
            &bytes,
            &DecodeHints {
                url: Some("http://news.example.ru/a"),
                ..Default::default()
            },
        );
        assert_eq!(d.text, RU);
    }

    #[test]
    fn invalid_bytes_become_replacement_characters() {
        let d = decode(
            b"<meta charset=utf-8>ok \xff\xfe\xfd end",
            &DecodeHints::default(),
        );
        assert!(d.text.contains("ok") && d.text.contains("end"));
        let d = decode(
            b"abc\xff",
            &DecodeHints {
                override_label: Some("utf-8"),
                ..Default::default()
            },
        );
        assert_eq!(d.text, "abc\u{fffd}");
        assert!(d.had_errors);
        assert_eq!(dec(b"").text, "");
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(looks_binary(b"%PDF-1.4\n%\xe2\xe3"));
        let noise: Vec<u8> = (0..2000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(looks_binary(&noise));
        assert!(!looks_binary(b"<html><body>Hello</body></html>"));
        assert!(!looks_binary("Привет, мир".as_bytes()));
        assert!(!looks_binary(b"Mzungu is a word."));
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff_kind("<!DOCTYPE html><p>x", None), InputKind::Html);
        assert_eq!(
            sniff_kind("\u{feff}  <!-- saved --> <HTML><body>x", None),
            InputKind::Html
        );
        assert_eq!(
            sniff_kind("<div class=a><p>One</p><a href=x>two</a></div>", None),
            InputKind::Html
        );
        assert_eq!(
            sniff_kind("Just a line of text.\nAnd another.", None),
            InputKind::Text
        );
        assert_eq!(
            sniff_kind("Use <b> for bold in old HTML.", None),
            InputKind::Text
        );
        assert_eq!(
            sniff_kind("# Title\n\n* item\n", Some("md")),
            InputKind::Text
        );
        assert_eq!(
            sniff_kind("<p>One paragraph</p>", Some("html")),
            InputKind::Html
        );
        assert_eq!(
            sniff_kind("<div><div>deep</div></div>", None),
            InputKind::Html
        );
        assert_eq!(sniff_kind("<3 you all", None), InputKind::Text);
        assert_eq!(sniff_kind("<i think so", None), InputKind::Text);
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..4096), tld in "[a-z]{0,3}") {
            let url = format!("http://x.{tld}/");
            for hints in [
                DecodeHints::default(),
                DecodeHints { override_label: Some("shift_jis"), ..Default::default() },
                DecodeHints { transport_charset: Some("text/html; charset=\"utf-16\""), ..Default::default() },
                DecodeHints { url: Some(&url), kind: Some(InputKind::Html), ..Default::default() },
            ] {
                let d = decode(&bytes, &hints);
                let _ = sniff_kind(&d.text, Some("html"));
            }
            let _ = looks_binary(&bytes);
            let _ = prescan_meta_charset(&bytes);
        }

        #[test]
        fn valid_utf8_round_trips(s in "\\PC{0,300}") {
            let d = decode(s.as_bytes(), &DecodeHints::default());
            // A leading BOM character is a BOM, not text.
            prop_assert_eq!(d.text.as_str(), s.strip_prefix('\u{feff}').unwrap_or(&s));
        }
    }
}
