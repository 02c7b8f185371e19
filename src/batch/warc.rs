//! WARC and WARC.gz archives: one job per `response` record (and per
//! `resource` record holding HTML), with the target URI as `url` and the
//! charset from the HTTP `Content-Type`. HTTP chunked transfer coding and
//! gzip/deflate content coding are undone, with a bound on the output.
//!
//! The archive is read as a stream (record by record, gzip members one after
//! another), so a crawl file of any size is never held in memory whole.

use super::{Job, Source, inflate_bounded};
use crate::output::Origin;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use warc::{WarcHeader, WarcReader};

/// Does this path name a WARC archive?
pub fn is_warc_path(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Jobs from one archive. A record that cannot be read ends the archive with
/// one error record naming the position (WARC has no way to resynchronise
/// safely after a broken record).
pub fn jobs(path: &Path, max_bytes: usize) -> Box<dyn Iterator<Item = Job>> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return Box::new(std::iter::once(super::invalid_file(
                path,
                &super::describe_io(&e, path),
            )));
        }
    };
    let gz = path.to_string_lossy().to_ascii_lowercase().ends_with(".gz");
    let reader: Box<dyn BufRead> = if gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            BufReader::new(file),
        )))
    } else {
        Box::new(BufReader::new(file))
    };
    let stem = path
        .file_name()
        .map(|n| {
            n.to_string_lossy()
                .trim_end_matches(".gz")
                .trim_end_matches(".warc")
                .to_string()
        })
        .unwrap_or_else(|| "warc".into());
    let archive = path.display().to_string();
    let mut records = WarcReader::new(reader).iter_raw_records();
    let mut index = 0usize;
    let mut done = false;
    Box::new(std::iter::from_fn(move || {
        while !done {
            let item = records.next()?;
            index += 1;
            let (header, body) = match item {
                Ok(r) => r,
                Err(e) => {
                    done = true;
                    return Some(Job {
                        origin: Origin {
                            id: Some(format!("{archive}#{index}").into()),
                            path: Some(archive.clone()),
                            url: None,
                        },
                        source: Source::Invalid(format!(
                            "{archive}: record {index} could not be read ({e}); the rest of the archive is skipped (truncated or corrupt file?)"
                        )),
                        charset: None,
                        kind: None,
                        out_name: PathBuf::from(&stem).join(format!("record-{index}")),
                    });
                }
            };
            let get = |h: WarcHeader| {
                header
                    .headers
                    .get(&h)
                    .map(|v| String::from_utf8_lossy(v).trim().to_string())
            };
            let kind = get(WarcHeader::WarcType)
                .unwrap_or_default()
                .to_ascii_lowercase();
            let content_type = get(WarcHeader::ContentType)
                .unwrap_or_default()
                .to_ascii_lowercase();
            let payload = match kind.as_str() {
                "response" if content_type.contains("application/http") => {
                    http_payload(&body, max_bytes)
                }
                "resource" if content_type.contains("html") => {
                    let cs = crate::decode::charset_from_content_type(&content_type)
                        .map(|e| e.name().to_string());
                    Ok((body, cs))
                }
                // Requests, metadata, warcinfo, revisits: not pages.
                _ => continue,
            };
            let url = get(WarcHeader::TargetURI).map(|u| u.trim_matches(['<', '>']).to_string());
            let id = get(WarcHeader::RecordID).unwrap_or_else(|| format!("{archive}#{index}"));
            let (source, charset) = match payload {
                Ok((bytes, charset)) => (Source::Inline(bytes), charset),
                Err(message) => (
                    Source::Invalid(format!("{}: {message}", url.as_deref().unwrap_or(&id))),
                    None,
                ),
            };
            return Some(Job {
                origin: Origin {
                    id: Some(id.into()),
                    path: Some(archive.clone()),
                    url,
                },
                source,
                charset,
                kind: None,
                out_name: PathBuf::from(&stem).join(format!("record-{index}")),
            });
        }
        None
    }))
}

/// The body of an HTTP response message, de-chunked and decompressed, and
/// the charset of its `Content-Type`.
pub fn http_payload(message: &[u8], max_bytes: usize) -> Result<(Vec<u8>, Option<String>), String> {
    let (head_end, sep) = match find(message, b"\r\n\r\n") {
        Some(p) => (p, 4),
        None => match find(message, b"\n\n") {
            Some(p) => (p, 2),
            None => return Err("HTTP response without a header/body separator".into()),
        },
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
    hay.windows(needle.len()).position(|w| w == needle)
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
}
