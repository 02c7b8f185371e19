//! WARC and WARC.gz archives: one job per page record — a `response` whose
//! HTTP status is 2xx and whose content type is HTML (or missing and sniffed
//! as HTML), or a `resource` holding HTML — with the target URI as `url` and
//! the charset from the HTTP `Content-Type`. HTTP chunked transfer coding
//! and gzip/deflate content coding are undone, with a bound on the output.
//!
//! Other response and resource records (redirects, errors, style sheets,
//! scripts, images, `revisit`s) become [`Source::Skip`] jobs: counted, not
//! cleaned; [`RecordFilter::all`] takes every response and resource record.
//! Requests, `warcinfo` and `metadata` records are no candidates at all.
//!
//! The archive is read as a stream, record by record (gzip members one after
//! another), and no record holds more than the byte limit in memory: a
//! larger one is skipped unread into an error record and the next record
//! follows. Line ends may be CRLF (the standard) or LF. An archive that is
//! empty, is not WARC, or breaks inside a record ends with one error record
//! saying where.

use super::{Job, Source, display_path, inflate_bounded};
use crate::output::Origin;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Which records of an archive are taken.
#[derive(Debug, Clone, Copy, Default)]
pub struct RecordFilter {
    /// Every `response` and `resource` record, whatever its status and type.
    pub all: bool,
}

/// Does this path name a WARC archive?
pub fn is_warc_path(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Do these first bytes start a WARC archive (plain, or gzipped)?
pub fn looks_like_warc(head: &[u8]) -> bool {
    if head.starts_with(&[0x1f, 0x8b]) {
        let mut inner = [0u8; 5];
        let mut d = flate2::read::GzDecoder::new(head);
        return d.read_exact(&mut inner).is_ok() && &inner == b"WARC/";
    }
    head.starts_with(b"WARC/")
}

/// Jobs from one archive, with the default filter (2xx HTML pages).
pub fn jobs(path: &Path, max_bytes: usize) -> Box<dyn Iterator<Item = Job> + Send> {
    jobs_filtered(path, max_bytes, RecordFilter::default())
}

/// Jobs from one archive file.
pub fn jobs_filtered(
    path: &Path,
    max_bytes: usize,
    filter: RecordFilter,
) -> Box<dyn Iterator<Item = Job> + Send> {
    match File::open(path) {
        Ok(f) => jobs_from_reader(
            Box::new(BufReader::new(f)),
            &display_path(path),
            max_bytes,
            filter,
        ),
        Err(e) => Box::new(std::iter::once(super::invalid_file(
            path,
            &super::describe_io(&e, path),
        ))),
    }
}

/// Jobs from an archive read from any stream (a file, stdin); gzip is
/// recognised by its first bytes. `label` names the archive in records.
pub fn jobs_from_reader(
    mut reader: Box<dyn BufRead + Send>,
    label: &str,
    max_bytes: usize,
    filter: RecordFilter,
) -> Box<dyn Iterator<Item = Job> + Send> {
    let gz = reader
        .fill_buf()
        .is_ok_and(|h| h.starts_with(&[0x1f, 0x8b]));
    if gz {
        reader = Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(reader)));
    }
    let mut archive = Archive {
        reader,
        label: label.to_string(),
        stem: stem_of(label),
        max_bytes,
        filter,
        index: 0,
        done: false,
    };
    Box::new(std::iter::from_fn(move || archive.next_job()))
}

fn stem_of(label: &str) -> String {
    let name = Path::new(label)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "warc".into());
    let lower = name.to_ascii_lowercase();
    let cut = [".warc.gz", ".warc", ".gz"]
        .iter()
        .find(|s| lower.ends_with(*s))
        .map_or(0, |s| s.len());
    name[..name.len() - cut].to_string()
}

/// Longest header block of one record: real ones are well under 2 KiB.
const MAX_HEADER_BYTES: usize = 64 << 10;

struct Archive {
    reader: Box<dyn BufRead + Send>,
    label: String,
    stem: String,
    max_bytes: usize,
    filter: RecordFilter,
    /// Records read so far (1-based position of the last one).
    index: usize,
    done: bool,
}

/// One record's named headers (lower-cased names).
struct Header(Vec<(String, String)>);

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Archive {
    fn job(
        &self,
        origin_id: String,
        url: Option<String>,
        source: Source,
        charset: Option<String>,
    ) -> Job {
        Job {
            origin: Origin {
                id: Some(origin_id.into()),
                path: Some(self.label.clone()),
                url,
            },
            source,
            charset,
            kind: None,
            out_name: PathBuf::from(&self.stem).join(format!("record-{}", self.index)),
        }
    }

    /// An error that ends the archive.
    fn broken(&mut self, message: String) -> Option<Job> {
        self.done = true;
        let id = format!("{}#{}", self.label, self.index);
        Some(self.job(id, None, Source::Invalid(message), None))
    }

    fn next_job(&mut self) -> Option<Job> {
        while !self.done {
            let header = match self.read_header() {
                Ok(Some(h)) => h,
                Ok(None) => {
                    self.done = true;
                    if self.index == 0 {
                        return self
                            .broken(format!("{}: empty WARC archive (no records)", self.label));
                    }
                    return None;
                }
                Err(e) => {
                    let at = if self.index <= 1 && e.kind() == io::ErrorKind::InvalidData {
                        format!("{}: not a WARC archive ({e})", self.label)
                    } else {
                        format!(
                            "{}: record {} could not be read ({e}); the rest of the archive is skipped (truncated or corrupt file?)",
                            self.label, self.index
                        )
                    };
                    return self.broken(at);
                }
            };
            let length: u64 = match header.get("content-length").map(|v| v.trim().parse()) {
                Some(Ok(n)) => n,
                _ => {
                    let m = format!(
                        "{}: record {} has no valid Content-Length; the rest of the archive is skipped",
                        self.label, self.index
                    );
                    return self.broken(m);
                }
            };
            let kind = header.get("warc-type").unwrap_or("").to_ascii_lowercase();
            let url = header
                .get("warc-target-uri")
                .map(|u| u.trim_matches(['<', '>']).to_string());
            let id = header
                .get("warc-record-id")
                .map(str::to_string)
                .unwrap_or_else(|| format!("{}#{}", self.label, self.index));
            let candidate = matches!(kind.as_str(), "response" | "resource" | "revisit");
            if !candidate || length > self.max_bytes as u64 {
                // Not a page, or too large to hold: passed over unread.
                let skipped = io::copy(&mut (&mut self.reader).take(length), &mut io::sink());
                if !skipped.is_ok_and(|n| n == length) {
                    return self.broken(self.cut_short());
                }
                if candidate {
                    let m = format!(
                        "{}: record is {length} bytes, over the limit of {} bytes (raise it with --max-input-bytes)",
                        url.as_deref().unwrap_or(&id),
                        self.max_bytes
                    );
                    return Some(self.job(id, url, Source::Invalid(m), None));
                }
                continue;
            }
            let mut block = Vec::with_capacity(length as usize);
            let read = (&mut self.reader).take(length).read_to_end(&mut block);
            if !read.is_ok_and(|n| n as u64 == length) {
                return self.broken(self.cut_short());
            }
            let content_type = header
                .get("content-type")
                .unwrap_or("")
                .to_ascii_lowercase();
            let (source, charset) = self.page(&kind, &content_type, block);
            return Some(self.job(id, url, source, charset));
        }
        None
    }

    fn cut_short(&self) -> String {
        format!(
            "{}: record {} is cut short (truncated archive?); the rest of the archive is skipped",
            self.label, self.index
        )
    }

    /// What a candidate record holds: a page to clean, or why it is skipped.
    fn page(&self, kind: &str, content_type: &str, block: Vec<u8>) -> (Source, Option<String>) {
        if kind == "revisit" {
            return (Source::Skip("a revisit record (no payload)".into()), None);
        }
        if kind == "resource" {
            let html =
                content_type.contains("html") || content_type.is_empty() && sniffs_html(&block);
            if !html && !self.filter.all {
                return (Source::Skip(format!("not HTML ({content_type})")), None);
            }
            let cs = crate::decode::charset_from_content_type(content_type)
                .map(|e| e.name().to_string());
            return (Source::Inline(block), cs);
        }
        if !content_type.contains("application/http") {
            return (
                Source::Skip(format!("not an HTTP response ({content_type})")),
                None,
            );
        }
        let head = http_head(&block);
        if !self.filter.all {
            match head.status {
                Some(s) if (200..300).contains(&s) => {}
                Some(s) => return (Source::Skip(format!("HTTP status {s}")), None),
                None => return (Source::Skip("no HTTP status line".into()), None),
            }
            let ct = head.content_type.as_deref().unwrap_or("");
            let html = if ct.is_empty() {
                sniffs_html(http_body_head(&block))
            } else {
                ct.contains("text/html") || ct.contains("xhtml")
            };
            if !html {
                return (Source::Skip(format!("not HTML ({ct})")), None);
            }
        }
        match http_payload(&block, self.max_bytes) {
            Ok((bytes, charset)) => (Source::Inline(bytes), charset),
            Err(m) => (Source::Invalid(m), None),
        }
    }

    /// The next record's header block; `None` at a clean end of the archive.
    fn read_header(&mut self) -> io::Result<Option<Header>> {
        let mut line = Vec::new();
        // Blank lines between records (the CRLF CRLF after each block).
        loop {
            line.clear();
            let n = self.read_line(&mut line)?;
            if n == 0 {
                return Ok(None);
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        self.index += 1;
        if !line.starts_with(b"WARC/") {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "no WARC/ version line where a record should start",
            ));
        }
        let mut fields = Vec::new();
        let mut total = line.len();
        loop {
            line.clear();
            let n = self.read_line(&mut line)?;
            if n == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the archive ends inside a record header",
                ));
            }
            total += n;
            if total > MAX_HEADER_BYTES {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "record header over 64 KiB",
                ));
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                return Ok(Some(Header(fields)));
            }
            if text.starts_with([' ', '\t']) {
                if let Some((_, v)) = fields.last_mut() {
                    v.push(' ');
                    v.push_str(text.trim());
                }
            } else if let Some((name, value)) = text.split_once(':') {
                fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
    }

    /// One line, at most the header bound long.
    fn read_line(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
        (&mut self.reader)
            .take(MAX_HEADER_BYTES as u64 + 1)
            .read_until(b'\n', buf)
    }
}

fn sniffs_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(4096)];
    crate::decode::sniff_kind(&String::from_utf8_lossy(head), None) == crate::InputKind::Html
}

/// What an HTTP response's head says.
struct HttpHead {
    status: Option<u16>,
    content_type: Option<String>,
}

fn http_head(message: &[u8]) -> HttpHead {
    let end = head_end(message).map_or(message.len().min(MAX_HEADER_BYTES), |(e, _)| e);
    let head = String::from_utf8_lossy(&message[..end]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .filter(|l| l.starts_with("HTTP/"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok());
    let content_type = lines.find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-type")
            .then(|| value.trim().to_ascii_lowercase())
    });
    HttpHead {
        status,
        content_type,
    }
}

/// Where an HTTP message's head ends, and the separator's length.
fn head_end(message: &[u8]) -> Option<(usize, usize)> {
    match find(message, b"\r\n\r\n") {
        Some(p) => Some((p, 4)),
        None => find(message, b"\n\n").map(|p| (p, 2)),
    }
}

fn http_body_head(message: &[u8]) -> &[u8] {
    head_end(message).map_or(&[][..], |(p, sep)| &message[p + sep..])
}

/// The body of an HTTP response message, de-chunked and decompressed, and
/// the charset of its `Content-Type`.
pub fn http_payload(message: &[u8], max_bytes: usize) -> Result<(Vec<u8>, Option<String>), String> {
    let Some((head_end, sep)) = head_end(message) else {
        return Err("HTTP response without a header/body separator".into());
    };
    let head = String::from_utf8_lossy(&message[..head_end]);
    let mut body = message[head_end + sep..].to_vec();
    let mut charset = None;
    let mut chunked = false;
    let mut coding = String::new();
    for line in head.lines().skip(1) {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => {
                charset =
                    crate::decode::charset_from_content_type(&value).map(|e| e.name().to_string());
            }
            "transfer-encoding" => chunked = value.contains("chunked"),
            "content-encoding" => coding = value,
            _ => {}
        }
    }
    if chunked {
        body = dechunk(&body, max_bytes)?;
    }
    match coding.as_str() {
        "" | "identity" => {}
        "gzip" | "x-gzip" => {
            body = inflate_bounded(flate2::read::MultiGzDecoder::new(&body[..]), max_bytes)?
        }
        "deflate" => {
            // "deflate" is zlib-wrapped by the standard, raw by some servers.
            body = inflate_bounded(flate2::read::ZlibDecoder::new(&body[..]), max_bytes).or_else(
                |_| inflate_bounded(flate2::read::DeflateDecoder::new(&body[..]), max_bytes),
            )?;
        }
        other => return Err(format!("unsupported HTTP content encoding {other:?}")),
    }
    Ok((body, charset))
}

/// Undo HTTP/1.1 chunked transfer coding. A truncated last chunk keeps what
/// arrived (crawlers cut long responses).
fn dechunk(mut data: &[u8], max_bytes: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len());
    while let Some(line_end) = find(data, b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or("").trim().to_string();
        let Ok(size) = usize::from_str_radix(&size_text, 16) else {
            return Err(format!("bad chunk size {size_text:?} in chunked HTTP body"));
        };
        data = &data[line_end + 2..];
        if size == 0 {
            break;
        }
        let take = size.min(data.len());
        if out.len() + take > max_bytes {
            return Err(format!("HTTP body is over the limit of {max_bytes} bytes"));
        }
        out.extend_from_slice(&data[..take]);
        data = &data[take..];
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
        if take < size {
            break;
        }
    }
    Ok(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn http_bodies_are_decoded() {
        let msg = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n";
        let (body, cs) = http_payload(msg, 1 << 20).unwrap();
        assert_eq!(body, b"Hello world");
        assert_eq!(cs.as_deref(), Some("windows-1252"));

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>zipped</p>").unwrap();
        let mut msg = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        msg.extend(gz.finish().unwrap());
        assert_eq!(http_payload(&msg, 1 << 20).unwrap().0, b"<p>zipped</p>");
        assert!(http_payload(b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx", 100).is_err());
    }

    #[test]
    fn truncated_chunks_keep_what_arrived() {
        assert_eq!(dechunk(b"a\r\n0123456", 100).unwrap(), b"0123456");
        assert!(dechunk(b"zz\r\n", 100).is_err());
        assert!(dechunk(b"ff\r\n", 10).is_ok());
    }

    fn record(kind: &str, content_type: &str, block: &[u8], eol: &str) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0{eol}WARC-Type: {kind}{eol}WARC-Target-URI: http://e.com/{kind}{eol}Content-Type: {content_type}{eol}Content-Length: {}{eol}{eol}",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(format!("{eol}{eol}").as_bytes());
        r
    }

    fn sources(data: Vec<u8>, max: usize) -> Vec<Source> {
        jobs_from_reader(
            Box::new(io::Cursor::new(data)),
            "t.warc",
            max,
            RecordFilter::default(),
        )
        .map(|j| j.source)
        .collect()
    }

    #[test]
    fn lf_line_ends_are_read() {
        let page = b"HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>hello</p>";
        let data = record("response", "application/http; msgtype=response", page, "\n");
        let got = sources(data, 1 << 20);
        assert!(
            matches!(&got[..], [Source::Inline(b)] if b == b"<p>hello</p>"),
            "{got:?}"
        );
    }

    #[test]
    fn a_record_over_the_limit_is_an_error_and_the_next_one_follows() {
        let big = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{}",
            "x".repeat(5000)
        );
        let small = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>small</p>";
        let mut data = record("response", "application/http", big.as_bytes(), "\r\n");
        data.extend(record("response", "application/http", small, "\r\n"));
        let got = sources(data, 1000);
        assert!(
            matches!(&got[0], Source::Invalid(m) if m.contains("over the limit")),
            "{got:?}"
        );
        assert!(matches!(&got[1], Source::Inline(b) if b == b"<p>small</p>"));
    }

    #[test]
    fn empty_foreign_and_cut_archives_say_so() {
        assert!(
            matches!(&sources(Vec::new(), 100)[..], [Source::Invalid(m)] if m.contains("empty"))
        );
        assert!(
            matches!(&sources(b"<html><p>hi</p>".to_vec(), 100)[..], [Source::Invalid(m)] if m.contains("not a WARC"))
        );
        let mut cut = record(
            "response",
            "application/http",
            b"HTTP/1.1 200 OK\r\n\r\n<p>a</p>",
            "\r\n",
        );
        cut.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Le");
        let got = sources(cut, 1 << 20);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(matches!(&got[1], Source::Invalid(m) if m.contains("record 2")));
    }
}
