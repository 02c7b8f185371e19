//! JSONL manifests: one job per line (`path`, `html`, `html_base64` or
//! `text`, with optional `id`, `url`, `charset`; other keys ignored).

use super::{Job, Source};
use crate::InputKind;
use crate::output::Origin;
use serde::Deserialize;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// One line of a JSONL manifest. Keys it does not know (a crawl's
/// `warc_date`, a pipeline's own bookkeeping) are ignored, so manifests
/// made for other tools can be fed as they are.
#[derive(Debug, Deserialize)]
struct ManifestLine {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    charset: Option<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    text: Option<String>,
    /// The page's exact bytes, base64 (any charset travels through JSON).
    #[serde(default)]
    html_base64: Option<String>,
}

/// Jobs from a JSONL manifest, one per non-blank line. `base` resolves
/// relative `path`s (the manifest's folder).
pub(super) fn manifest_jobs(
    reader: Box<dyn BufRead + Send>,
    base: Option<PathBuf>,
    stem: PathBuf,
) -> impl Iterator<Item = Job> {
    let mut line_no = 0usize;
    let mut lines = reader.split(b'\n');
    std::iter::from_fn(move || {
        loop {
            let raw = lines.next()?;
            line_no += 1;
            let name = stem.join(format!("line-{line_no}"));
            let raw = match raw {
                Ok(r) => r,
                Err(e) => {
                    return Some(invalid_line(name, line_no, &format!("could not read: {e}")));
                }
            };
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let text = String::from_utf8_lossy(&raw);
            return Some(manifest_job(
                &lone_surrogates_replaced(&text),
                line_no,
                base.as_deref(),
                name,
            ));
        }
    })
}

/// JSON allows `\ud800` without its pair, Rust strings do not: a lone
/// surrogate escape becomes U+FFFD so the line (and its id) still parses.
/// Pairs are left alone.
fn lone_surrogates_replaced(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains("\\u") {
        return line.into();
    }
    let b = line.as_bytes();
    let hex_at = |i: usize| -> Option<u32> {
        let h = line.get(i + 2..i + 6)?;
        (b[i] == b'\\' && b[i + 1] == b'u').then(|| u32::from_str_radix(h, 16).ok())?
    };
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            // An escaped backslash is not the start of an escape.
            if b.get(i + 1) == Some(&b'\\') {
                i += 2;
                continue;
            }
            if let Some(u) = hex_at(i) {
                let high = (0xD800..0xDC00).contains(&u);
                let low = (0xDC00..0xE000).contains(&u);
                let paired = high && hex_at(i + 6).is_some_and(|n| (0xDC00..0xE000).contains(&n));
                if paired {
                    i += 12;
                    continue;
                }
                if high || low {
                    out.push_str(&line[last..i]);
                    out.push_str("\\ufffd");
                    i += 6;
                    last = i;
                    continue;
                }
            }
        }
        i += 1;
    }
    out.push_str(&line[last..]);
    out.into()
}

fn invalid_line(name: PathBuf, line_no: usize, message: &str) -> Job {
    Job {
        origin: Origin::default(),
        source: Source::Invalid(format!("manifest line {line_no}: {message}")),
        charset: None,
        kind: None,
        out_name: name,
    }
}

fn manifest_job(line: &str, line_no: usize, base: Option<&Path>, name: PathBuf) -> Job {
    let parsed: ManifestLine = match serde_json::from_str(line) {
        Ok(p) => p,
        Err(e) => {
            // Keep the id if the line is an object with one, so the record
            // can be matched to its input.
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned());
            let mut job = invalid_line(name, line_no, &format!("invalid manifest line: {e}"));
            job.origin.id = id;
            return job;
        }
    };
    let out_name = parsed
        .id
        .as_ref()
        .map(|id| match id {
            serde_json::Value::String(s) => PathBuf::from(s),
            other => PathBuf::from(other.to_string()),
        })
        .unwrap_or(name);
    let origin = Origin {
        id: parsed.id.clone(),
        path: parsed.path.clone(),
        url: parsed.url.clone(),
    };
    let given = [
        parsed.path.is_some(),
        parsed.html.is_some(),
        parsed.text.is_some(),
        parsed.html_base64.is_some(),
    ]
    .iter()
    .filter(|&&b| b)
    .count();
    let (source, kind) = if given != 1 {
        (
            Source::Invalid(format!(
                "manifest line {line_no}: needs exactly one of \"path\", \"html\", \"html_base64\" or \"text\""
            )),
            None,
        )
    } else if let Some(p) = parsed.path {
        let p = PathBuf::from(p);
        let full = match base {
            Some(b) if p.is_relative() => b.join(p),
            _ => p,
        };
        (Source::File(full), None)
    } else if let Some(h) = parsed.html {
        (Source::Inline(h.into_bytes()), Some(InputKind::Html))
    } else if let Some(b) = parsed.html_base64 {
        use base64::Engine as _;
        // Whitespace is allowed (wrapped base64); the bytes are the page's
        // own, in any charset: sniffed and decoded like a file's.
        let compact: String = b.split_ascii_whitespace().collect();
        match base64::engine::general_purpose::STANDARD.decode(compact) {
            Ok(bytes) => (Source::Inline(bytes), None),
            Err(e) => (
                Source::Invalid(format!(
                    "manifest line {line_no}: html_base64 is not base64: {e}"
                )),
                None,
            ),
        }
    } else {
        (
            Source::Inline(parsed.text.unwrap_or_default().into_bytes()),
            Some(InputKind::Text),
        )
    };
    Job {
        origin,
        source,
        charset: parsed.charset,
        kind,
        out_name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_lines() {
        let j = manifest_job(
            r#"{"id": "a", "html": "<p>x</p>", "url": "http://e.com/"}"#,
            1,
            None,
            "m/line-1".into(),
        );
        assert!(matches!(j.source, Source::Inline(_)));
        assert_eq!(j.kind, Some(InputKind::Html));
        assert_eq!(j.out_name, PathBuf::from("a"));
        let j = manifest_job(
            r#"{"id": 3, "path": "p.html"}"#,
            2,
            Some(Path::new("/base")),
            "m/line-2".into(),
        );
        assert!(matches!(&j.source, Source::File(p) if p == Path::new("/base/p.html")));
        let j = manifest_job(
            r#"{"id": "x", "html": "a", "text": "b"}"#,
            3,
            None,
            "n".into(),
        );
        assert!(matches!(j.source, Source::Invalid(_)));
        let j = manifest_job(r#"{"id": "y", "bogus": 1}"#, 4, None, "n".into());
        assert!(matches!(j.source, Source::Invalid(_)));
        assert_eq!(j.origin.id, Some(serde_json::json!("y")));
        let j = manifest_job("not json", 5, None, "n".into());
        assert!(matches!(&j.source, Source::Invalid(m) if m.contains("line 5")));
    }

    #[test]
    fn blank_manifest_lines_are_skipped() {
        let data = "{\"text\": \"a\"}\n\n   \n{\"text\": \"b\"}\n";
        let jobs: Vec<Job> = manifest_jobs(
            Box::new(std::io::Cursor::new(data.as_bytes().to_vec())),
            None,
            "m".into(),
        )
        .collect();
        assert_eq!(jobs.len(), 2);
    }
}
