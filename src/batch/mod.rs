//! Batches: turn command-line inputs into jobs, run them on all cores, and
//! keep the contract: every input yields exactly one record, in input order.
//!
//! Inputs are files (gzipped ones read transparently), directories (walked
//! recursively, sorted by path, symlink loops and special files reported),
//! JSONL manifests (one job per line: `path`, `html` or `text`, with
//! optional `id`, `url`, `charset`), WARC archives ([`warc`]) and stdin.
//! Jobs are produced lazily and processed in bounded chunks, so memory stays
//! flat however many inputs there are. With site templates on, the inputs
//! are read twice: once for fingerprints ([`crate::template`]), once to clean.

pub mod warc;

use crate::output::{Origin, Record};
use crate::template::{self, SiteTemplates};
use crate::{Error, Input, InputKind, Options};
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::HashSet;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Where a job's bytes come from.
#[derive(Debug, Clone)]
pub enum Source {
    File(PathBuf),
    Stdin,
    Inline(Vec<u8>),
    /// The input could not even be turned into a job; the record says why.
    Invalid(String),
}

/// One unit of work: one input, one record.
#[derive(Debug, Clone)]
pub struct Job {
    pub origin: Origin,
    pub source: Source,
    pub charset: Option<String>,
    /// Kind fixed by the manifest (`html` or `text` key).
    pub kind: Option<InputKind>,
    /// Relative name for `--output-dir` (mirrors the input's relative path,
    /// or the manifest id, or the line number).
    pub out_name: PathBuf,
}

/// How inputs named on the command line are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// `.jsonl` files are manifests, everything else a page.
    #[default]
    Auto,
    /// Every named file is a page.
    Page,
    /// Every named file (and stdin) is a JSONL manifest.
    Jsonl,
}

/// Settings for running jobs.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    pub clean: Options,
    pub explain: bool,
    /// Learn site templates from the batch (two passes over the inputs).
    pub templates: bool,
}

/// Largest decompressed size of a gzipped input when no `max_input_bytes`
/// is set: a gzip bomb must not exhaust memory.
const DEFAULT_MAX_INFLATED: usize = 256 * 1024 * 1024;

/// One line of a JSONL manifest.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
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
}

/// Expand command-line inputs into a lazy stream of jobs. Errors found while
/// expanding (a missing file, a bad manifest line) become `Invalid` jobs.
/// `max_bytes` bounds what a WARC record may inflate to.
pub fn jobs(
    inputs: &[String],
    format: InputFormat,
    max_bytes: Option<usize>,
) -> impl Iterator<Item = Job> + '_ {
    let inputs: Vec<&str> = if inputs.is_empty() {
        vec!["-"]
    } else {
        inputs.iter().map(String::as_str).collect()
    };
    let max_bytes = max_bytes.unwrap_or(DEFAULT_MAX_INFLATED);
    inputs
        .into_iter()
        .flat_map(move |input| expand(input, format))
        .flat_map(move |job| -> Box<dyn Iterator<Item = Job>> {
            // Archives named on the command line or found in folders become
            // their records.
            match &job.source {
                Source::File(p) if warc::is_warc_path(p) => warc::jobs(p, max_bytes),
                _ => Box::new(std::iter::once(job)),
            }
        })
}

/// True when every input can be read twice (not stdin): needed for the
/// two passes of template learning.
pub fn rereadable(inputs: &[String]) -> bool {
    !inputs.is_empty() && inputs.iter().all(|i| i != "-")
}

fn expand(input: &str, format: InputFormat) -> Box<dyn Iterator<Item = Job>> {
    let manifest = match format {
        InputFormat::Jsonl => true,
        InputFormat::Page => false,
        InputFormat::Auto => input.ends_with(".jsonl"),
    };
    if input == "-" {
        if manifest {
            let stdin = io::stdin();
            return Box::new(manifest_jobs(Box::new(stdin.lock()), None, "stdin".into()));
        }
        return Box::new(std::iter::once(Job {
            origin: Origin::default(),
            source: Source::Stdin,
            charset: None,
            kind: None,
            out_name: PathBuf::from("stdin"),
        }));
    }
    let path = PathBuf::from(input);
    let meta = match fs::metadata(&path) {
        Ok(m) => m,
        Err(e) => {
            return Box::new(std::iter::once(invalid_file(
                &path,
                &describe_io(&e, &path),
            )));
        }
    };
    if meta.is_dir() {
        return Box::new(walk_dir(&path).into_iter());
    }
    if manifest {
        return match fs::File::open(&path) {
            Ok(f) => {
                let base = path.parent().map(Path::to_path_buf);
                let stem = path.file_stem().map(PathBuf::from).unwrap_or_default();
                Box::new(manifest_jobs(Box::new(io::BufReader::new(f)), base, stem))
            }
            Err(e) => Box::new(std::iter::once(invalid_file(
                &path,
                &describe_io(&e, &path),
            ))),
        };
    }
    let name = path
        .file_name()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("input"));
    Box::new(std::iter::once(file_job(path, name)))
}

fn file_job(path: PathBuf, out_name: PathBuf) -> Job {
    Job {
        origin: Origin {
            id: None,
            path: Some(path.display().to_string()),
            url: None,
        },
        source: Source::File(path),
        charset: None,
        kind: None,
        out_name,
    }
}

pub(crate) fn invalid_file(path: &Path, message: &str) -> Job {
    let mut job = file_job(
        path.to_path_buf(),
        path.file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("input")),
    );
    job.source = Source::Invalid(message.to_string());
    job
}

/// An I/O error in words a user can act on.
pub(crate) fn describe_io(e: &io::Error, path: &Path) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => format!("{}: no such file or directory", path.display()),
        io::ErrorKind::PermissionDenied => {
            format!(
                "{}: permission denied (check the file's permissions)",
                path.display()
            )
        }
        _ => format!("{}: {e}", path.display()),
    }
}

/// All files below `root`, sorted by path; symlinked directories are
/// followed once (a loop back to a directory already seen is skipped), and
/// special files (fifos, sockets, devices) get an error record.
pub fn walk_dir(root: &Path) -> Vec<Job> {
    let mut out = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    if let Ok(c) = fs::canonicalize(root) {
        seen.insert(c);
    }
    let mut files: Vec<(PathBuf, Option<String>)> = Vec::new();
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                files.push((dir.clone(), Some(describe_io(&e, &dir))));
                continue;
            }
        };
        let mut subdirs = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let meta = match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    files.push((path.clone(), Some(describe_io(&e, &path))));
                    continue;
                }
            };
            if meta.is_dir() {
                match fs::canonicalize(&path) {
                    Ok(c) => {
                        if seen.insert(c) {
                            subdirs.push(path);
                        }
                        // else: a symlink loop or a second link to a walked folder
                    }
                    Err(e) => files.push((path.clone(), Some(describe_io(&e, &path)))),
                }
            } else if meta.is_file() {
                files.push((path, None));
            } else {
                files.push((
                    path.clone(),
                    Some(format!(
                        "{}: not a regular file (fifo, socket or device); skipped",
                        path.display()
                    )),
                ));
            }
        }
        subdirs.sort();
        stack.extend(subdirs.into_iter().rev());
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, error) in files {
        let rel = path
            .strip_prefix(root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| path.clone());
        let mut job = file_job(path, rel);
        if let Some(message) = error {
            job.source = Source::Invalid(message);
        }
        out.push(job);
    }
    out
}

/// Jobs from a JSONL manifest, one per non-blank line. `base` resolves
/// relative `path`s (the manifest's folder).
fn manifest_jobs(
    reader: Box<dyn BufRead>,
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
            return Some(manifest_job(&text, line_no, base.as_deref(), name));
        }
    })
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
    ]
    .iter()
    .filter(|&&b| b)
    .count();
    let (source, kind) = if given != 1 {
        (
            Source::Invalid(format!(
                "manifest line {line_no}: needs exactly one of \"path\", \"html\" or \"text\""
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

/// Inflate a compressed stream, failing past `max_bytes` of output (a gzip
/// bomb is an error record, not an exhausted machine).
pub(crate) fn inflate_bounded(reader: impl Read, max_bytes: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let read = reader
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("could not decompress: {e} (truncated or corrupt gzip?)"))?;
    if read > max_bytes {
        return Err(format!(
            "decompresses to more than {max_bytes} bytes (raise --max-input-bytes if this is real)"
        ));
    }
    Ok(out)
}

/// Read a job's bytes; a gzipped file is decompressed (bounded by `max_bytes`).
pub fn read(job: &Job, max_bytes: Option<usize>) -> Result<Vec<u8>, Error> {
    match &job.source {
        Source::File(p) => {
            let bytes = fs::read(p).map_err(|e| Error::Read(describe_io(&e, p)))?;
            if bytes.starts_with(&[0x1f, 0x8b]) {
                let limit = max_bytes.unwrap_or(DEFAULT_MAX_INFLATED);
                return inflate_bounded(flate2::read::MultiGzDecoder::new(&bytes[..]), limit)
                    .map_err(|m| Error::Read(format!("{}: {m}", p.display())));
            }
            Ok(bytes)
        }
        Source::Stdin => {
            let mut buf = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| Error::Read(format!("stdin: {e}")))?;
            Ok(buf)
        }
        Source::Inline(b) => Ok(b.clone()),
        Source::Invalid(m) => Err(Error::Read(m.clone())),
    }
}

/// The extension that hints the kind: `page.html.gz` → `html`.
fn extension_hint(job: &Job) -> Option<String> {
    let Source::File(p) = &job.source else {
        return None;
    };
    let name = p.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_string)
}

/// Read and decode a job's input and sniff its kind (stage 1).
fn decode_job(
    job: &Job,
    opts: &BatchOptions,
) -> Result<(crate::decode::Decoded, InputKind, Options), Error> {
    let bytes = read(job, opts.clean.max_input_bytes)?;
    let mut clean = opts.clean.clone();
    if clean.input_kind.is_none() {
        clean.input_kind = job.kind;
    }
    let ext = extension_hint(job);
    let (decoded, kind) = crate::decode_input(&job_input(job, &bytes, ext.as_deref()), &clean)?;
    Ok((decoded, kind, clean))
}

fn job_input<'a>(job: &'a Job, bytes: &'a [u8], ext: Option<&'a str>) -> Input<'a> {
    Input {
        bytes,
        url: job.origin.url.as_deref(),
        charset: job.charset.as_deref(),
        extension: ext,
    }
}

/// Decode and split a job's input (stages 1–2), ready to classify.
fn analyze_job(job: &Job, opts: &BatchOptions) -> Result<crate::Analyzed, Error> {
    let (decoded, kind, clean) = decode_job(job, opts)?;
    crate::analyze_decoded(decoded, kind, &job_input(job, &[], None), &clean)
}

/// Run one job to its record, without site templates.
pub fn run(job: &Job, opts: &BatchOptions) -> Record {
    run_with(job, opts, None)
}

/// Run one job to its record. Never panics on bad input: a panic inside the
/// pipeline (a bug) is caught and reported as that input's error.
pub fn run_with(job: &Job, opts: &BatchOptions, templates: Option<&SiteTemplates>) -> Record {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let analyzed = analyze_job(job, opts)?;
        let marks = templates
            .filter(|_| analyzed.input_kind() == InputKind::Text)
            .and_then(|t| t.marks(&site_of(job, &analyzed)?, analyzed.blocks()));
        Ok::<_, Error>(analyzed.finish(marks.as_deref()))
    }));
    match result {
        Ok(Ok(article)) => Record::from_article(
            job.origin.clone(),
            article,
            opts.explain,
            opts.clean.comments,
        ),
        Ok(Err(e)) => Record::from_error(job.origin.clone(), &e, opts.explain),
        Err(_) => Record::failed(
            job.origin.clone(),
            "internal error while cleaning this input (a bug: please report it with the input)"
                .into(),
            opts.explain,
        ),
    }
}

fn site_of(job: &Job, analyzed: &crate::Analyzed) -> Option<String> {
    let path = match &job.source {
        Source::File(p) => Some(p.display().to_string()),
        _ => job.origin.path.clone(),
    };
    template::site_key(
        job.origin.url.as_deref(),
        analyzed.canonical_url(),
        path.as_deref(),
    )
}

/// First pass of template learning: the site and block fingerprints of one
/// job (`None` when it cannot be read or has no site).
fn fingerprint_job(job: &Job, opts: &BatchOptions) -> Option<(String, Vec<u64>)> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // Templates are learned from plain text only: an HTML page's markup
        // already marks its chrome, and not parsing HTML here keeps the
        // first pass cheap.
        let (decoded, kind, clean) = decode_job(job, opts).ok()?;
        if kind != InputKind::Text {
            return None;
        }
        let analyzed =
            crate::analyze_decoded(decoded, kind, &job_input(job, &[], None), &clean).ok()?;
        Some((
            site_of(job, &analyzed)?,
            template::fingerprints(analyzed.blocks()),
        ))
    }))
    .ok()
    .flatten()
}

/// How many jobs are in flight at once: enough to keep every core busy
/// between ordered writes, few enough that memory stays flat.
pub const CHUNK: usize = 256;

/// What a batch run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Records emitted.
    pub records: usize,
    /// Records with an error.
    pub failed: usize,
    /// Jobs skipped before any work because `skip` said so (`--resume`).
    pub skipped: usize,
    /// The run stopped early because `stop` was set.
    pub interrupted: bool,
}

/// Run every job on the current rayon pool, in chunks, calling `emit` with
/// each record in input order. `make_jobs` is called once, or twice when
/// templates are on (the first pass learns them). `skip` drops jobs before
/// any work (resuming); `stop` is checked between chunks: when set, the
/// jobs in flight finish and the run returns.
pub fn run_all<I: Iterator<Item = Job>>(
    make_jobs: impl Fn() -> I,
    opts: &BatchOptions,
    stop: &AtomicBool,
    mut skip: impl FnMut(&Job) -> bool,
    mut emit: impl FnMut(&Job, Record) -> io::Result<()>,
) -> io::Result<Summary> {
    let templates = opts.templates.then(|| {
        let mut t = SiteTemplates::default();
        let mut jobs = make_jobs().peekable();
        while jobs.peek().is_some() && !stop.load(Ordering::Relaxed) {
            let chunk: Vec<Job> = jobs.by_ref().take(CHUNK).collect();
            let prints: Vec<Option<(String, Vec<u64>)>> =
                chunk.par_iter().map(|j| fingerprint_job(j, opts)).collect();
            for (site, fps) in prints.into_iter().flatten() {
                t.add_page(site, &fps);
            }
        }
        t
    });
    let mut summary = Summary::default();
    let mut jobs = make_jobs().peekable();
    while jobs.peek().is_some() {
        if stop.load(Ordering::Relaxed) {
            summary.interrupted = true;
            break;
        }
        let mut chunk = Vec::with_capacity(CHUNK);
        for job in jobs.by_ref().take(CHUNK) {
            if skip(&job) {
                summary.skipped += 1;
            } else {
                chunk.push(job);
            }
        }
        let records: Vec<Record> = chunk
            .par_iter()
            .map(|j| run_with(j, opts, templates.as_ref()))
            .collect();
        for (job, record) in chunk.iter().zip(records) {
            summary.records += 1;
            summary.failed += record.error.is_some() as usize;
            emit(job, record)?;
        }
    }
    Ok(summary)
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
            Box::new(io::Cursor::new(data.as_bytes().to_vec())),
            None,
            "m".into(),
        )
        .collect();
        assert_eq!(jobs.len(), 2);
    }
}
