//! The Python module `unchrome._unchrome`: a thin layer over the library's
//! batch runner, so every record is the CLI's record (same jobs, same
//! [`batch::run`], same JSON serialisation). The Python package
//! (`unchrome/__init__.py`) adds the trafilatura-compatible `extract` and
//! the engine helpers on top.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use unchrome::batch::{self, BatchOptions, Job, Source};
use unchrome::chrome::Favor;
use unchrome::output::{Format, Origin, Record};
use unchrome::{InputKind, Options};

/// The cleaning options every entry point takes as keyword arguments
/// (`input_kind`, `encoding`, `favor`, `comments`, `explain`,
/// `max_input_bytes`), parsed in this one place; an unknown one is a
/// `TypeError`, a bad value a `ValueError`.
fn batch_options(options: Option<&Bound<'_, PyDict>>) -> PyResult<BatchOptions> {
    let mut input_kind = None;
    let mut encoding: Option<String> = None;
    let mut favor = Favor::Balanced;
    let mut comments = false;
    let mut headline = false;
    let mut explain = false;
    let mut max_input_bytes = Some(unchrome::DEFAULT_MAX_INPUT_BYTES);
    for (key, value) in options.into_iter().flatten() {
        let key: String = key.extract()?;
        match key.as_str() {
            "input_kind" => {
                input_kind = match value.extract::<Option<String>>()?.as_deref() {
                    None | Some("auto") => None,
                    Some("html") => Some(InputKind::Html),
                    Some("text") => Some(InputKind::Text),
                    Some(other) => {
                        return Err(PyValueError::new_err(format!(
                            "input_kind must be 'html', 'text' or None, not {other:?}"
                        )));
                    }
                }
            }
            "encoding" => encoding = value.extract()?,
            "favor" => {
                favor = match value.extract::<String>()?.as_str() {
                    "precision" => Favor::Precision,
                    "balanced" => Favor::Balanced,
                    "recall" => Favor::Recall,
                    other => {
                        return Err(PyValueError::new_err(format!(
                            "favor must be 'precision', 'balanced' or 'recall', not {other:?}"
                        )));
                    }
                }
            }
            "comments" => comments = value.is_truthy()?,
            "headline" => headline = value.is_truthy()?,
            "explain" => explain = value.is_truthy()?,
            "max_input_bytes" => max_input_bytes = value.extract()?,
            other => {
                return Err(PyTypeError::new_err(format!(
                    "unexpected keyword argument {other:?} (options: input_kind, encoding, favor, comments, headline, explain, max_input_bytes)"
                )));
            }
        }
    }
    if let Some(label) = &encoding {
        check_label(label, "encoding")?;
    }
    Ok(BatchOptions {
        clean: Options {
            input_kind,
            encoding,
            favor,
            max_input_bytes,
            // The trace is only printed by the CLI's text format; records
            // carry `removed` (explain) instead.
            trace: false,
            comments,
            headline,
            // Set by `clean(markdown=True)`: the structure Markdown keeps.
            markdown: None,
        },
        explain,
        templates: false,
    })
}

/// A charset or encoding label must be one the WHATWG Encoding standard knows
/// (what the CLI's `--encoding` accepts).
fn check_label(label: &str, what: &str) -> PyResult<()> {
    if encoding_rs::Encoding::for_label(label.as_bytes()).is_none() {
        return Err(PyValueError::new_err(format!(
            "unknown {what} {label:?} (use a WHATWG label such as utf-8, windows-1252, shift_jis, gbk)"
        )));
    }
    Ok(())
}

/// Bytes are cleaned as they are (the charset is detected); a `str` is
/// already decoded, so its UTF-8 bytes are declared UTF-8 and a page's own
/// `<meta charset>` cannot misdecode them.
fn data_bytes(data: &Bound<'_, PyAny>, charset: &mut Option<String>) -> PyResult<Vec<u8>> {
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(s) = data.cast::<PyString>() {
        if charset.is_some() {
            return Err(PyValueError::new_err(
                "charset applies to bytes; a str is already decoded (pass bytes, or drop charset)",
            ));
        }
        *charset = Some("utf-8".into());
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    if let Ok(b) = data.extract::<Vec<u8>>() {
        // bytearray, memoryview
        return Ok(b);
    }
    Err(PyTypeError::new_err(format!(
        "data must be bytes or str, not {}",
        data.get_type().name()?
    )))
}

/// A record id from Python: any JSON-able scalar (str, int, float, bool).
fn id_value(id: Option<&Bound<'_, PyAny>>) -> PyResult<Option<serde_json::Value>> {
    let Some(id) = id.filter(|i| !i.is_none()) else {
        return Ok(None);
    };
    Ok(Some(pythonize::depythonize(id).map_err(|e| {
        PyValueError::new_err(format!("id must be a str or a number: {e}"))
    })?))
}

fn inline_job(
    bytes: Vec<u8>,
    url: Option<String>,
    id: Option<serde_json::Value>,
    charset: Option<String>,
    kind: Option<InputKind>,
) -> Job {
    Job {
        origin: Origin {
            id,
            path: None,
            url,
        },
        source: Source::Inline(bytes),
        charset,
        kind,
        out_name: PathBuf::from("input"),
    }
}

fn path_job(path: String, url: Option<String>, id: Option<serde_json::Value>) -> Job {
    let out_name = Path::new(&path)
        .file_name()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("input"));
    Job {
        origin: Origin {
            id,
            path: Some(path.clone()),
            url,
        },
        source: Source::File(PathBuf::from(path)),
        charset: None,
        kind: None,
        out_name,
    }
}

/// The record as a dict, keys in the CLI's order; with `markdown`, the
/// record's Markdown rendering (front matter, title, body, comments) under
/// the extra key `markdown`.
fn record_dict<'py>(
    py: Python<'py>,
    record: &Record,
    markdown: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let dict = pythonize::pythonize(py, record)?;
    if markdown {
        dict.set_item("markdown", record.render(Format::Markdown))?;
    }
    Ok(dict)
}

/// Clean one page and return its record: the dict the CLI prints with
/// `--format json`, with the same keys in the same order.
///
/// data: the page. bytes (preferred: the charset is detected from a BOM,
///     `charset`, the page's <meta> or the bytes themselves) or str (already
///     decoded; taken as UTF-8).
/// url: the page's URL (resolves relative links, hints the charset).
/// id: any JSON scalar to carry into the record's `id`.
/// charset: the charset that came with the bytes (HTTP Content-Type, WARC).
/// markdown: add a `markdown` key, the record rendered as the CLI's
///     `--format markdown` (front matter, title, body, comments).
///
/// Options (keyword arguments, the same for clean, clean_many, iter_warc):
///     input_kind: "html" or "text" instead of sniffing.
///     encoding: decode with this WHATWG label whatever the page declares.
///     favor: "precision", "balanced" (default) or "recall".
///     comments: keep reader comments apart from the body (a `comments` list).
///     explain: add `removed`, every removed block and why.
///     max_input_bytes: larger inputs get an error record (default 64 MiB,
///         None: no limit).
///
/// Returns the record: id, path, url, text, title, author, date,
/// date_confidence, site_name, publisher, source, copyright, language,
/// canonical_url, description, encoding, input_kind, [comments], [removed],
/// error (None on success). A page that cannot be cleaned (empty, binary,
/// too large) has `error` set; a wrong argument raises ValueError/TypeError.
#[pyfunction]
#[pyo3(signature = (data, url=None, *, id=None, charset=None, markdown=false, **options))]
fn clean<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    url: Option<String>,
    id: Option<&Bound<'py, PyAny>>,
    mut charset: Option<String>,
    markdown: bool,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut opts = batch_options(options)?;
    if markdown {
        // Record the structure faithful Markdown keeps (lists, tables,
        // emphasis); links and images stay out, as in the CLI's default.
        opts.clean.markdown = Some(unchrome::MarkdownOptions::default());
    }
    if let Some(label) = &charset {
        check_label(label, "charset")?;
    }
    let bytes = data_bytes(data, &mut charset)?;
    let job = inline_job(bytes, url, id_value(id)?, charset, None);
    let record = py.detach(|| batch::run(&job, &opts));
    record_dict(py, &record, markdown)
}

/// One `clean_many` item as a job: bytes, str, or a dict with exactly one of
/// `path`, `html` or `text` and optional `url`, `id`, `charset` (the CLI's
/// manifest line, where `html`/`text` fix the kind), or `data` (the page
/// with its kind sniffed, as for bare bytes). Other keys are the
/// caller's own (a crawl's `warc_date`, a label) and are ignored. An item
/// that is none of these becomes an error record, as a bad manifest line
/// does in the CLI: one bad row must not fail a whole partition.
fn item_job(item: &Bound<'_, PyAny>) -> Job {
    try_item_job(item).unwrap_or_else(|e| {
        let id = item
            .cast::<PyDict>()
            .ok()
            .and_then(|d| d.get_item("id").ok().flatten())
            .and_then(|i| id_value(Some(&i)).ok().flatten());
        let message = Python::attach(|py| e.value(py).to_string());
        let mut job = inline_job(Vec::new(), None, id, None, None);
        job.source = Source::Invalid(format!("bad clean_many item: {message}"));
        job
    })
}

fn try_item_job(item: &Bound<'_, PyAny>) -> PyResult<Job> {
    let Ok(dict) = item.cast::<PyDict>() else {
        let mut charset = None;
        let bytes = data_bytes(item, &mut charset)?;
        return Ok(inline_job(bytes, None, None, charset, None));
    };
    let get = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        Ok(dict.get_item(key)?.filter(|v| !v.is_none()))
    };
    let url: Option<String> = get("url")?.map(|u| u.extract()).transpose()?;
    let id = id_value(get("id")?.as_ref())?;
    let mut charset: Option<String> = get("charset")?.map(|c| c.extract()).transpose()?;
    if let Some(label) = &charset {
        check_label(label, "charset")?;
    }
    let given: Vec<(&str, Bound<'_, PyAny>)> = ["path", "html", "text", "data"]
        .into_iter()
        .filter_map(|k| get(k).transpose().map(|v| v.map(|v| (k, v))))
        .collect::<PyResult<_>>()?;
    let [(key, value)] = given.as_slice() else {
        return Err(PyValueError::new_err(format!(
            "a clean_many item dict needs exactly one of 'path', 'html', 'text' or 'data' (got {})",
            given.len()
        )));
    };
    Ok(match *key {
        "path" => {
            let path: PathBuf = value.extract()?;
            path_job(path.display().to_string(), url, id)
        }
        kind => {
            let bytes = data_bytes(value, &mut charset)?;
            let kind = match kind {
                "html" => Some(InputKind::Html),
                "text" => Some(InputKind::Text),
                _ => None,
            };
            inline_job(bytes, url, id, charset, kind)
        }
    })
}

/// Where jobs run: on the calling thread, on rayon's global pool (one thread
/// per core), or on a pool of its own, built once and reused for every chunk.
enum Workers {
    Caller,
    Global,
    Pool(rayon::ThreadPool),
}

impl Workers {
    /// `threads`: 1 runs on the calling thread (no pool: what an engine's
    /// task wants), None on the global pool, n on a pool of n threads.
    fn new(threads: Option<usize>) -> PyResult<Workers> {
        Ok(match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(1) => Workers::Caller,
            None => Workers::Global,
            Some(n) => Workers::Pool(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| {
                        PyValueError::new_err(format!("could not start {n} threads: {e}"))
                    })?,
            ),
        })
    }

    /// Run jobs to records, in order, with site templates learned from the
    /// jobs when asked (as the CLI's batch run does; `batch::run_many`).
    fn run(&self, jobs: &[Job], opts: &BatchOptions) -> PyResult<Vec<Record>> {
        let go = || batch::run_many(jobs, opts);
        Ok(match self {
            Workers::Caller if !opts.templates => {
                jobs.iter().map(|j| batch::run(j, opts)).collect()
            }
            // Templates need two passes over the jobs; one thread does them.
            Workers::Caller => rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .build()
                .map_err(|e| PyValueError::new_err(format!("could not start a thread: {e}")))?
                .install(go),
            Workers::Global => go(),
            Workers::Pool(pool) => pool.install(go),
        })
    }
}

/// Clean many pages on several threads, with the GIL released; one record
/// per item, in the items' order.
///
/// items: an iterable of bytes, str, or dicts shaped like the CLI's manifest
///     lines: exactly one of "path" (a file, gzipped or not), "html" or
///     "text" (the page itself, str or bytes; the key fixes the kind) or
///     "data" (the page, kind sniffed), and optional "url", "id", "charset".
///     Other keys are ignored; an item that is none of these gets an error
///     record.
/// threads: worker threads; None: one per core. Inside an engine that runs
///     a task per core (Spark, Dask, Ray) pass threads=1.
/// templates: learn site templates from the items, as the CLI does for a
///     batch (helps plain-text pages of one site; two passes).
/// options: as for clean (input_kind, encoding, favor, comments, explain,
///     max_input_bytes).
///
/// Returns a list of records (see clean); a path's record has `path` set
/// and, without an id, the path as its `id`.
#[pyfunction]
#[pyo3(signature = (items, *, threads=None, templates=false, **options))]
fn clean_many<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    threads: Option<usize>,
    templates: bool,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let mut opts = batch_options(options)?;
    opts.templates = templates;
    let jobs: Vec<Job> = items
        .try_iter()?
        .map(|item| item.map(|i| item_job(&i)))
        .collect::<PyResult<_>>()?;
    let workers = Workers::new(threads)?;
    let records = py.detach(|| workers.run(&jobs, &opts))?;
    records.iter().map(|r| record_dict(py, r, false)).collect()
}

/// Records of an archive cleaned at once by `iter_warc` (the CLI's old chunk).
const WARC_CHUNK: usize = 256;

/// The records of one WARC or WARC.gz archive, cleaned a chunk at a time
/// (see `unchrome.iter_warc`).
#[pyclass(unsendable, module = "unchrome._unchrome")]
struct WarcRecords {
    jobs: Box<dyn Iterator<Item = Job>>,
    ready: VecDeque<Record>,
    opts: BatchOptions,
    workers: Workers,
    chunk: usize,
}

#[pymethods]
impl WarcRecords {
    #[new]
    #[pyo3(signature = (path, *, threads=None, chunk=WARC_CHUNK, **options))]
    fn new(
        path: PathBuf,
        threads: Option<usize>,
        chunk: usize,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        if chunk == 0 {
            return Err(PyValueError::new_err("chunk must be at least 1"));
        }
        let opts = batch_options(options)?;
        // A record may inflate to the input limit, as a gzipped file may.
        let inflate = opts.clean.max_input_bytes.unwrap_or(usize::MAX);
        Ok(WarcRecords {
            jobs: batch::warc::jobs(&path, inflate),
            ready: VecDeque::new(),
            opts,
            workers: Workers::new(threads)?,
            chunk,
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        if self.ready.is_empty() {
            // Reading the archive stays on this thread (the reader is not
            // Send); cleaning the chunk runs without the GIL.
            // Records the archive filter left out (redirects, assets) are
            // counted by the CLI; here they are simply not yielded.
            let chunk: Vec<Job> = self
                .jobs
                .by_ref()
                .filter(|j| !matches!(j.source, batch::Source::Skip(_)))
                .take(self.chunk)
                .collect();
            let (opts, workers) = (&self.opts, &self.workers);
            let records = py.detach(|| workers.run(&chunk, opts))?;
            self.ready.extend(records);
        }
        self.ready
            .pop_front()
            .map(|r| record_dict(py, &r, false))
            .transpose()
    }
}

/// The native part of the `unchrome` package (see `unchrome/__init__.py`).
#[pymodule]
fn _unchrome(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(clean_many, m)?)?;
    m.add_class::<WarcRecords>()?;
    m.add("DEFAULT_MAX_INPUT_BYTES", unchrome::DEFAULT_MAX_INPUT_BYTES)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
