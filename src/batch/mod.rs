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

mod manifest;
pub mod mhtml;
pub mod stream;
pub mod walk;
pub mod warc;

use manifest::manifest_jobs;
pub use stream::{Prepared, StreamSettings, run_stream};
pub use walk::{WalkFilter, walk_dir, walk_dir_with};

use crate::output::{Origin, Record};
use crate::template::{self, SiteTemplates};
use crate::{Error, Input, InputKind, Options};
use rayon::prelude::*;
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
    /// Not a page (an asset in a folder walk, a redirect or an image in a
    /// WARC): no record, counted as skipped, and why.
    Skip(String),
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
    /// Every named file (and stdin) is a WARC archive (`.warc` or `.warc.gz`).
    Warc,
}

/// How command-line inputs become jobs.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    pub format: InputFormat,
    /// Largest input (and WARC record, and inflated gzip) in bytes.
    pub max_bytes: Option<usize>,
    /// Which files of a folder walk are taken.
    pub walk: WalkFilter,
    /// Take every WARC response and resource record, not only 2xx HTML.
    pub warc_all: bool,
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

/// Expand command-line inputs into a lazy stream of jobs. Errors found while
/// expanding (a missing file, a bad manifest line) become `Invalid` jobs.
/// `max_bytes` bounds what a WARC record may inflate to.
pub fn jobs(
    inputs: &[String],
    format: InputFormat,
    max_bytes: Option<usize>,
) -> impl Iterator<Item = Job> + Send + use<> {
    let opts = InputOptions {
        format,
        max_bytes,
        ..Default::default()
    };
    jobs_with(inputs, &opts)
}

/// [`jobs`] with every input option.
pub fn jobs_with(
    inputs: &[String],
    opts: &InputOptions,
) -> impl Iterator<Item = Job> + Send + use<> {
    let inputs: Vec<String> = if inputs.is_empty() {
        vec!["-".into()]
    } else {
        inputs.to_vec()
    };
    let opts = opts.clone();
    let max_bytes = opts.max_bytes.unwrap_or(DEFAULT_MAX_INFLATED);
    let filter = warc::RecordFilter { all: opts.warc_all };
    let format = opts.format;
    inputs
        .into_iter()
        .flat_map(move |input| expand(&input, &opts))
        .flat_map(move |job| -> Box<dyn Iterator<Item = Job> + Send> {
            // Archives named on the command line or found in folders become
            // their records.
            match &job.source {
                Source::File(p) if format == InputFormat::Warc || warc::is_warc_path(p) => {
                    warc::jobs_filtered(p, max_bytes, filter)
                }
                _ => Box::new(std::iter::once(job)),
            }
        })
}

/// True when every input can be read twice (regular files and folders, not
/// stdin, pipes or devices): needed for the two passes of template learning
/// and for counting the inputs before the run.
pub fn rereadable(inputs: &[String]) -> bool {
    !inputs.is_empty()
        && inputs
            .iter()
            .all(|i| i != "-" && fs::metadata(i).is_ok_and(|m| m.is_file() || m.is_dir()))
}

fn expand(input: &str, opts: &InputOptions) -> Box<dyn Iterator<Item = Job> + Send> {
    let manifest = match opts.format {
        InputFormat::Jsonl => true,
        InputFormat::Page | InputFormat::Warc => false,
        InputFormat::Auto => input.ends_with(".jsonl"),
    };
    if input == "-" {
        if manifest {
            return Box::new(manifest_jobs(
                Box::new(io::BufReader::new(io::stdin())),
                None,
                "stdin".into(),
            ));
        }
        return stdin_jobs(opts);
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
        return Box::new(walk_dir_with(&path, &opts.walk).into_iter());
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

/// Stdin as a page, or as the records of a WARC archive when it is one (by
/// `--input-format warc`, or sniffed: `WARC/` at the start, gzipped or not).
/// Read lazily, on first use, by whoever iterates the jobs.
fn stdin_jobs(opts: &InputOptions) -> Box<dyn Iterator<Item = Job> + Send> {
    let max_bytes = opts.max_bytes;
    let forced_warc = opts.format == InputFormat::Warc;
    let filter = warc::RecordFilter { all: opts.warc_all };
    let stdin_job = |source| Job {
        origin: Origin::default(),
        source,
        charset: None,
        kind: None,
        out_name: PathBuf::from("stdin"),
    };
    Box::new(
        std::iter::once_with(move || -> Box<dyn Iterator<Item = Job> + Send> {
            let mut reader = io::BufReader::new(io::stdin());
            let head = match reader.fill_buf() {
                Ok(h) => h.to_vec(),
                Err(e) => {
                    return Box::new(std::iter::once(stdin_job(Source::Invalid(format!(
                        "stdin: {e}"
                    )))));
                }
            };
            if forced_warc || warc::looks_like_warc(&head) {
                let limit = max_bytes.unwrap_or(DEFAULT_MAX_INFLATED);
                return warc::jobs_from_reader(Box::new(reader), "stdin", limit, filter);
            }
            let source = match read_bounded(reader, max_bytes)
                .and_then(|b| maybe_inflate(b, max_bytes, "stdin"))
            {
                Ok(bytes) => Source::Inline(bytes),
                Err(e) => Source::Invalid(e.to_string()),
            };
            Box::new(std::iter::once(stdin_job(source)))
        })
        .flatten(),
    )
}

pub(crate) fn file_job(path: PathBuf, out_name: PathBuf) -> Job {
    Job {
        origin: Origin {
            id: None,
            path: Some(display_path(&path)),
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
    let path = display_path(path);
    match e.kind() {
        io::ErrorKind::NotFound => format!("{path}: no such file or directory"),
        io::ErrorKind::PermissionDenied => {
            format!("{path}: permission denied (check the file's permissions)")
        }
        _ => format!("{path}: {e}"),
    }
}

/// A path as text for records and messages: bytes that are not UTF-8 are
/// written `\xNN` (two different names never print alike, as a lossy
/// conversion would make them), and control characters are escaped so a
/// file name cannot drive the terminal.
pub fn display_path(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// Inflate a compressed stream, failing past `max_bytes` of output (a gzip
/// bomb is an error record, not an exhausted machine). Data after the
/// compressed stream that is not another member (trailing garbage, a cut
/// last member) ends the stream: what inflated is kept, as `gzip -d` does.
pub(crate) fn inflate_bounded(reader: impl Read, max_bytes: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let read = reader.take(max_bytes as u64 + 1).read_to_end(&mut out);
    match read {
        Err(e) if out.is_empty() => {
            return Err(format!(
                "could not decompress: {e} (truncated or corrupt gzip?)"
            ));
        }
        _ => {}
    }
    if out.len() > max_bytes {
        return Err(format!(
            "decompresses to more than {max_bytes} bytes (raise --max-input-bytes if this is real)"
        ));
    }
    Ok(out)
}

/// Read at most `limit + 1` bytes: whatever the source (a file, a pipe,
/// `/dev/zero`), no more than the limit is ever held.
pub fn read_bounded(reader: impl Read, limit: Option<usize>) -> Result<Vec<u8>, Error> {
    read_bounded_sized(reader, limit, None)
}

/// [`read_bounded`], into a buffer made for `size` bytes (a file's length):
/// the buffer is not regrown, and the page copied, as it fills.
fn read_bounded_sized(
    reader: impl Read,
    limit: Option<usize>,
    size: Option<u64>,
) -> Result<Vec<u8>, Error> {
    // One more byte than expected, so that the end is found without growing
    // (and a file that grew since is still read, and still bounded).
    let expected = size.map_or(0, |s| {
        usize::try_from(s).map_or(usize::MAX, |s| s.saturating_add(1))
    });
    let mut buf =
        Vec::with_capacity(expected.min(limit.map_or(usize::MAX, |l| l.saturating_add(1))));
    let cap = limit.map_or(u64::MAX, |l| l as u64 + 1);
    reader
        .take(cap)
        .read_to_end(&mut buf)
        .map_err(|e| Error::Read(e.to_string()))?;
    if let Some(limit) = limit
        && buf.len() > limit
    {
        return Err(Error::TooLarge { size: None, limit });
    }
    Ok(buf)
}

/// Gzipped bytes inflated (bounded), others as they are.
fn maybe_inflate(bytes: Vec<u8>, limit: Option<usize>, what: &str) -> Result<Vec<u8>, Error> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let limit = limit.unwrap_or(DEFAULT_MAX_INFLATED);
    inflate_bounded(flate2::read::MultiGzDecoder::new(&bytes[..]), limit)
        .map_err(|m| Error::Read(format!("{what}: {m}")))
}

/// Stdin, read whole but bounded; gzip is inflated.
pub(crate) fn read_stdin_bounded(limit: Option<usize>) -> Result<Vec<u8>, Error> {
    let bytes = read_bounded(io::stdin().lock(), limit).map_err(|e| match e {
        Error::Read(m) => Error::Read(format!("stdin: {m}")),
        other => other,
    })?;
    maybe_inflate(bytes, limit, "stdin")
}

/// Read a job's bytes, never more than `max_bytes` (+1 to know it is over);
/// a gzipped file or stdin is decompressed (bounded by `max_bytes`).
pub fn read(job: &Job, max_bytes: Option<usize>) -> Result<Vec<u8>, Error> {
    match &job.source {
        Source::File(p) => {
            let file = fs::File::open(p).map_err(|e| Error::Read(describe_io(&e, p)))?;
            let size = file
                .metadata()
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len());
            if let (Some(size), Some(limit)) = (size, max_bytes)
                && size > limit as u64
            {
                // Refused before reading a byte (a 3 GB file costs nothing).
                return Err(Error::TooLarge {
                    size: Some(size),
                    limit,
                });
            }
            let bytes = read_bounded_sized(file, max_bytes, size).map_err(|e| match e {
                Error::Read(m) => Error::Read(format!("{}: {m}", display_path(p))),
                other => other,
            })?;
            maybe_inflate(bytes, max_bytes, &display_path(p))
        }
        Source::Stdin => read_stdin_bounded(max_bytes),
        Source::Inline(b) => Ok(b.clone()),
        Source::Invalid(m) | Source::Skip(m) => Err(Error::Read(m.clone())),
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
/// A job's input decoded: the text, its kind, the options it is cleaned
/// with, and the page's URL when the input itself states it (MHTML).
type DecodedJob = (crate::decode::Decoded, InputKind, Options, Option<String>);

fn decode_job(job: &Job, opts: &BatchOptions) -> Result<DecodedJob, Error> {
    decode_bytes(job, opts, read(job, opts.clean.max_input_bytes)?)
}

/// [`decode_job`] on bytes already read.
fn decode_bytes(job: &Job, opts: &BatchOptions, bytes: Vec<u8>) -> Result<DecodedJob, Error> {
    let mut clean = opts.clean.clone();
    if clean.input_kind.is_none() {
        clean.input_kind = job.kind;
    }
    let ext = extension_hint(job);
    // A browser's single-file save: the page is the archive's HTML part.
    if mhtml::looks_like_mhtml(&bytes) {
        let page = mhtml::root_page(&bytes).map_err(Error::Read)?;
        let mut input = job_input(job, &page.html, Some("html"));
        input.charset = page.charset.as_deref().or(input.charset);
        let url = job.origin.url.clone().or(page.url);
        input.url = url.as_deref();
        let (decoded, kind) = crate::decode_input(&input, &clean)?;
        return Ok((decoded, kind, clean, url));
    }
    let (decoded, kind) = crate::decode_input(&job_input(job, &bytes, ext.as_deref()), &clean)?;
    Ok((decoded, kind, clean, job.origin.url.clone()))
}

fn job_input<'a>(job: &'a Job, bytes: &'a [u8], ext: Option<&'a str>) -> Input<'a> {
    Input {
        bytes,
        url: job.origin.url.as_deref(),
        charset: job.charset.as_deref(),
        extension: ext,
    }
}

/// Decode and split a job's input (stages 1–2), ready to classify; with the
/// page's URL (the job's, or the one an MHTML archive states).
fn analyze_job(job: &Job, opts: &BatchOptions) -> Result<(crate::Analyzed, Option<String>), Error> {
    let (decoded, kind, clean, url) = decode_job(job, opts)?;
    let mut input = job_input(job, &[], None);
    input.url = url.as_deref();
    Ok((crate::analyze_decoded(decoded, kind, &input, &clean)?, url))
}

/// Run one job to its record, without site templates.
pub fn run(job: &Job, opts: &BatchOptions) -> Record {
    run_with(job, opts, None)
}

/// Run one job to its record. Never panics on bad input: a panic inside the
/// pipeline (a bug) is caught and reported as that input's error.
pub fn run_with(job: &Job, opts: &BatchOptions, templates: Option<&SiteTemplates>) -> Record {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let (analyzed, url) = analyze_job(job, opts)?;
        let marks = templates
            .filter(|_| analyzed.input_kind() == InputKind::Text)
            .and_then(|t| t.marks(&site_of(job, &analyzed)?, analyzed.blocks()));
        Ok::<_, Error>((analyzed.finish(marks.as_deref()), url))
    }));
    match result {
        Ok(Ok((article, url))) => Record::from_article(
            Origin {
                url,
                ..job.origin.clone()
            },
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
        // Only regular files can be read again in the second pass (a
        // manifest may name a fifo or a device).
        if let Source::File(p) = &job.source
            && !fs::metadata(p).is_ok_and(|m| m.is_file())
        {
            return None;
        }
        let forced = opts.clean.input_kind.or(job.kind);
        if forced == Some(InputKind::Html) {
            return None;
        }
        let bytes = read(job, opts.clean.max_input_bytes).ok()?;
        if forced.is_none() && surely_html(job, &bytes) {
            return None;
        }
        let (decoded, kind, clean, _) = decode_bytes(job, opts, bytes).ok()?;
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

/// Whether a page's raw bytes already show it is HTML, so that the template
/// pass need not decode it: the kind sniffer run on the first bytes read as
/// UTF-8 (tags are ASCII in every ASCII-compatible charset; in UTF-16 the
/// head reads as noise, says "text", and the page is decoded properly).
/// Decoding every HTML page of a batch twice cost 3% of a whole run.
fn surely_html(job: &Job, bytes: &[u8]) -> bool {
    /// Enough for the sniffer's 4,096 characters after a leading comment.
    const HEAD_BYTES: usize = 16 * 1024;
    if mhtml::looks_like_mhtml(bytes) {
        return false;
    }
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    // Valid UTF-8 (most pages) is borrowed after the fast check;
    // `from_utf8_lossy` checks byte by byte, and is kept for the rest.
    let head = std::str::from_utf8(head).map_or_else(
        |_| String::from_utf8_lossy(head),
        std::borrow::Cow::Borrowed,
    );
    crate::decode::sniff_kind(&head, extension_hint(job).as_deref()) == InputKind::Html
}

/// What a batch run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Records emitted.
    pub records: usize,
    /// Records with an error.
    pub failed: usize,
    /// Jobs skipped before any work because they were already done (`--resume`).
    pub skipped: usize,
    /// Inputs left out because they are not pages (assets in a folder walk,
    /// WARC records that are not 2xx HTML responses).
    pub filtered: usize,
    /// The run stopped early because `stop` was set.
    pub interrupted: bool,
}

/// Run a list of jobs already in memory to their records, in order, on the
/// current rayon pool (learning site templates from them first when
/// `opts.templates` is set). For callers that hold their inputs (a library,
/// a binding); the CLI streams with [`run_stream`] instead. Jobs the input
/// filter left out ([`Source::Skip`]) are the caller's to drop first.
pub fn run_many(jobs: &[Job], opts: &BatchOptions) -> Vec<Record> {
    let templates = opts
        .templates
        .then(|| learn_templates(jobs.iter().cloned(), opts, &AtomicBool::new(false)));
    jobs.par_iter()
        .map(|j| run_with(j, opts, templates.as_ref()))
        .collect()
}

/// How many jobs the template pass fingerprints at once.
const TEMPLATE_CHUNK: usize = 256;

/// The first pass of a two-pass batch: learn each site's template lines
/// from every page. Call only with inputs that can be read twice
/// ([`rereadable`]); `stop` ends it early.
pub fn learn_templates(
    jobs: impl Iterator<Item = Job>,
    opts: &BatchOptions,
    stop: &AtomicBool,
) -> SiteTemplates {
    let mut t = SiteTemplates::default();
    let mut jobs = jobs.peekable();
    while jobs.peek().is_some() && !stop.load(Ordering::Relaxed) {
        let chunk: Vec<Job> = jobs.by_ref().take(TEMPLATE_CHUNK).collect();
        let prints: Vec<Option<(String, Vec<u64>)>> =
            chunk.par_iter().map(|j| fingerprint_job(j, opts)).collect();
        for (site, fps) in prints.into_iter().flatten() {
            t.add_page(site, &fps);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_pass_tells_html_from_its_first_bytes() {
        let page = |name: &str| file_job(PathBuf::from(name), PathBuf::from(name));
        let html = b"<!-- saved from url=(0022)http://example.com/ -->\n<html><body><p>x";
        assert!(surely_html(&page("a.html"), html));
        assert!(surely_html(
            &page("a.txt"),
            b"  <div class=a><p>One</p></div>"
        ));
        // Text, whatever its name, is decoded and fingerprinted as before.
        assert!(!surely_html(
            &page("a.html"),
            b"Headline\n\nA paragraph of text."
        ));
        // UTF-16 reads as noise here: decoded properly, not skipped unseen.
        let utf16: Vec<u8> = "\u{feff}<html><body>x"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(!surely_html(&page("a.html"), &utf16));
        let mhtml = b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary=\"x\"\r\n\r\n--x\r\n";
        assert!(!surely_html(&page("a.mhtml"), mhtml));
    }
}
