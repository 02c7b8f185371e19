//! The command line: parse arguments, run the batch, write records, report.
//!
//! Exit status: 0 when every input was cleaned, 1 when at least one input
//! failed (all inputs are still processed), 2 for usage errors and for
//! output that could not be written, 130 when interrupted.

mod outdir;
mod signals;

use anyhow::{Context as _, Result, bail};
use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use outdir::{DirWriter, WriteFailure};
use std::fs;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;
use unchrome::batch::{
    self, BatchOptions, InputFormat, InputOptions, Job, Prepared, StreamSettings, WalkFilter,
};
use unchrome::chrome::{Favor, Reason};
use unchrome::output::{Format, Record};
use unchrome::{InputKind, MarkdownOptions, Options};

/// Most worker threads per core: past a few, threads only add memory (each
/// holds a page) and switching, not speed.
const MAX_JOBS_PER_CORE: usize = 4;

/// Between records of several inputs in text or Markdown on stdout: a form
/// feed alone on a line (the page break of plain text), which no page's
/// cleaned text holds (control characters are dropped).
const RECORD_SEPARATOR: &str = "\x0c\n";

#[derive(Parser, Debug)]
#[command(
    name = "unchrome",
    version,
    about = "Extract the clean article (body and metadata) from saved web pages or their text.",
    after_help = "Inputs:\n  page.html, page.txt, page.html.gz   one page (HTML or text, any charset; gzip read transparently)\n  page.mht, page.mhtml                a browser's single-file save (MHTML)\n  folder/                             every page below it (assets, hidden files and NAME_files folders skipped)\n  manifest.jsonl                      one page per line: {\"path\"|\"html\"|\"html_base64\"|\"text\", \"id\", \"url\", \"charset\"}\n  crawl.warc, crawl.warc.gz           the 2xx HTML responses of a web archive\n  -  (or nothing)                     stdin: a page (gzip and WARC sniffed), or a manifest with --input-format jsonl\n\nExamples:\n  unchrome page.html                      # the body as text\n  curl -s URL | unchrome --format json    # one page from a pipe, as JSON\n  unchrome --format jsonl pages/ > out.jsonl\n  unchrome manifest.jsonl --output-dir clean/ --format markdown\n\nExit status: 0 all inputs cleaned, 1 some inputs failed (each has an error record), 2 usage error or output not writable, 130 interrupted."
)]
struct Args {
    /// Files, directories (walked recursively), JSONL manifests, MHTML or WARC archives; `-` or nothing reads stdin.
    inputs: Vec<String>,

    /// Output format [default: text for one page, jsonl for several]. With
    /// several inputs on stdout, text and Markdown records are separated by a
    /// line holding a form feed (\f); json needs one input (use jsonl).
    #[arg(long, short = 'f', value_enum)]
    format: Option<FormatArg>,

    /// Also report every removed block and why (JSON: a `removed` array; text: on stderr).
    #[arg(long)]
    explain: bool,

    /// Write one file per input into DIR (relative paths mirrored) instead of
    /// stdout; failed inputs write no file, their error records go to
    /// DIR/unchrome-errors.jsonl.
    #[arg(long, short = 'o', value_name = "DIR")]
    output_dir: Option<PathBuf>,

    /// Worker threads [default: all cores; at most 4 per core].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,

    /// Treat inputs as HTML or plain text instead of sniffing.
    #[arg(long, value_enum, default_value = "auto")]
    input_kind: KindArg,

    /// How to read named files and stdin: `jsonl` as manifests, `warc` as
    /// WARC archives, `page` as pages; `auto` goes by the name (.jsonl,
    /// .warc, .warc.gz) and sniffs stdin for WARC.
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormatArg,

    /// In folder walks, take only files whose path below the folder matches
    /// GLOB (repeatable; pages or not).
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,

    /// In folder walks, skip files and folders whose path below the folder
    /// matches GLOB (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,

    /// Take every WARC response and resource record, not only 2xx HTML pages.
    #[arg(long)]
    warc_all: bool,

    /// Decode every input with this encoding (e.g. windows-1252), ignoring declarations.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,

    /// Prefer precision (drop doubtful blocks) or recall (keep them).
    #[arg(long, value_enum, default_value = "balanced")]
    favor: FavorArg,

    /// Inputs larger than this many bytes (also after gzip, and per WARC
    /// record) get an error record; no more is ever read.
    #[arg(long, value_name = "BYTES", default_value_t = unchrome::DEFAULT_MAX_INPUT_BYTES)]
    max_input_bytes: usize,

    /// Keep reader comments, apart from the body: a "comments" list in JSON,
    /// a section after the body in text and Markdown.
    #[arg(long)]
    comments: bool,

    /// Keep the story's headline as the body's first line (left out by
    /// default: it is the title).
    #[arg(long)]
    headline: bool,

    /// Markdown: keep links, as [text](absolute url).
    #[arg(long)]
    links: bool,

    /// Markdown: keep images, as ![alt](absolute url).
    #[arg(long)]
    images: bool,

    /// No progress bar and no summary line.
    #[arg(long, short = 'q')]
    quiet: bool,

    /// Do not learn site templates from the batch (one pass instead of two).
    #[arg(long)]
    no_templates: bool,

    /// With --output-dir: skip inputs whose output file already exists (failed
    /// inputs have none, so they are tried again).
    #[arg(long)]
    resume: bool,

    /// Exit 0 when the only failures are inputs that could not be cleaned
    /// (their error records are still written): for pipelines that fail a
    /// task on any non-zero status, such as Spark's `rdd.pipe`.
    #[arg(long)]
    allow_input_errors: bool,
}
#[derive(ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    Text,
    Json,
    Jsonl,
    Markdown,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum KindArg {
    Auto,
    Html,
    Text,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum InputFormatArg {
    Auto,
    Page,
    Jsonl,
    Warc,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum FavorArg {
    Precision,
    Balanced,
    Recall,
}

/// Run the CLI; returns the process exit code.
pub fn main() -> i32 {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("unchrome: error: {e:#}");
            2
        }
    }
}

/// What the arguments say about the shape of the run.
struct Plan {
    input_format: InputFormat,
    /// One page in, one record out (a file or stdin, not a folder, manifest
    /// or archive).
    single: bool,
    format: Format,
    threads: usize,
}

fn plan(args: &Args) -> Result<Plan> {
    if let Some(label) = &args.encoding
        && encoding_rs::Encoding::for_label(label.as_bytes()).is_none()
    {
        bail!(
            "unknown encoding {label:?} (use a WHATWG label such as utf-8, windows-1252, shift_jis, gbk)"
        );
    }
    if args.jobs == Some(0) {
        bail!("--jobs must be at least 1");
    }
    if args.resume && args.output_dir.is_none() {
        bail!("--resume needs --output-dir (it skips inputs whose output file exists)");
    }
    let input_format = match args.input_format {
        InputFormatArg::Auto => InputFormat::Auto,
        InputFormatArg::Page => InputFormat::Page,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
        InputFormatArg::Warc => InputFormat::Warc,
    };
    let single = args.inputs.len() <= 1
        && [args.inputs.first().map_or("-", String::as_str)]
            .iter()
            .all(|&i| {
                let manifest = matches!(input_format, InputFormat::Jsonl)
                    || matches!(input_format, InputFormat::Auto) && i.ends_with(".jsonl");
                !manifest
                    && input_format != InputFormat::Warc
                    && !batch::warc::is_warc_path(Path::new(i))
                    && (i == "-" || !Path::new(i).is_dir())
            });
    let format = match args.format {
        Some(FormatArg::Text) => Format::Text,
        Some(FormatArg::Json) => Format::Json,
        Some(FormatArg::Jsonl) => Format::Jsonl,
        Some(FormatArg::Markdown) => Format::Markdown,
        None if single => Format::Text,
        None => Format::Jsonl,
    };
    if format == Format::Json && !single && args.output_dir.is_none() {
        bail!(
            "--format json writes one JSON document, but these inputs make several records; \
             use --format jsonl (one object per line), or --output-dir for one file per input"
        );
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let max_jobs = MAX_JOBS_PER_CORE * cores;
    let threads = match args.jobs {
        // One page needs no pool: it is cleaned on the calling thread.
        _ if single => 1,
        Some(n) if n > max_jobs => {
            if !args.quiet {
                eprintln!(
                    "unchrome: --jobs {n} is more than {max_jobs} ({MAX_JOBS_PER_CORE} per core); using {max_jobs}"
                );
            }
            max_jobs
        }
        Some(n) => n,
        None => cores,
    };
    Ok(Plan {
        input_format,
        single,
        format,
        threads,
    })
}

fn run(args: Args) -> Result<i32> {
    if args.inputs.is_empty() && io::stdin().is_terminal() {
        eprintln!(
            "unchrome: reading a page from the terminal (end with Ctrl-D); \
             give files, folders, manifests or archives as arguments, or see --help"
        );
    }
    let Plan {
        input_format,
        single,
        format,
        threads,
    } = plan(&args)?;
    if threads > 1 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .context("could not start worker threads")?;
    }
    let to_stdout = args.output_dir.is_none();
    if to_stdout && signals::stdout_was_closed() {
        bail!(
            "standard output is closed, so no record could be written (redirect it to a file, or use --output-dir)"
        );
    }
    let mut walk = WalkFilter::new(&args.include, &args.exclude).map_err(|e| anyhow::anyhow!(e))?;
    let writer = match &args.output_dir {
        Some(dir) => {
            walk.skip_dir(dir);
            Some(DirWriter::new(dir.clone()).with_context(|| {
                format!("could not write to the output folder {}", dir.display())
            })?)
        }
        None => None,
    };
    // Assigned targets in `prepare`, writes in `emit`: one writer, two closures.
    let writer = std::cell::RefCell::new(writer);
    let inputs = InputOptions {
        format: input_format,
        max_bytes: Some(args.max_input_bytes),
        walk,
        warc_all: args.warc_all,
    };
    let opts = BatchOptions {
        clean: Options {
            input_kind: match args.input_kind {
                KindArg::Auto => None,
                KindArg::Html => Some(InputKind::Html),
                KindArg::Text => Some(InputKind::Text),
            },
            encoding: args.encoding.clone(),
            favor: match args.favor {
                FavorArg::Precision => Favor::Precision,
                FavorArg::Balanced => Favor::Balanced,
                FavorArg::Recall => Favor::Recall,
            },
            max_input_bytes: Some(args.max_input_bytes),
            trace: args.explain && format == Format::Text,
            comments: args.comments,
            headline: args.headline,
            markdown: (format == Format::Markdown).then_some(MarkdownOptions {
                links: args.links,
                images: args.images,
            }),
        },
        explain: args.explain,
        // Two passes need inputs that can be read twice (not a pipe, a fifo
        // or a device); one page has no template to learn.
        templates: !args.no_templates && !single && batch::rereadable(&args.inputs),
    };

    let stop = signals::install();
    let stdout_gone = Arc::new(AtomicBool::new(false));
    if to_stdout {
        signals::watch_stdout(&stop, &stdout_gone);
    }
    let bar = (!args.quiet && !single && io::stderr().is_terminal()).then(|| {
        progress_bar(
            batch::rereadable(&args.inputs)
                .then(|| count_inputs(&args.inputs, &inputs))
                .flatten(),
        )
    });

    let started = Instant::now();
    let templates = opts.templates.then(|| {
        Arc::new(batch::learn_templates(
            batch::jobs_with(&args.inputs, &inputs),
            &opts,
            &stop,
        ))
    });
    if stdout_gone.load(Ordering::Relaxed) {
        return Ok(0); // the reader went away during the first pass (`| head`)
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut refused = 0usize;
    let mut first = true;
    let resume = args.resume;
    // (Not only when several inputs were named: one stdin may be a WARC.)
    let separate = matches!(format, Format::Text | Format::Markdown);
    let result = batch::run_stream(
        batch::jobs_with(&args.inputs, &inputs),
        Arc::new(opts),
        templates,
        StreamSettings::for_threads(threads),
        &stop,
        |job| match &mut *writer.borrow_mut() {
            Some(w) => {
                let target = w.assign(job, format);
                if resume && DirWriter::done(&target) {
                    Prepared::Skip
                } else {
                    Prepared::Run(Some(target))
                }
            }
            None => Prepared::Run(None),
        },
        |job| {
            if args.explain {
                let why = match &job.source {
                    batch::Source::Skip(why) => why.as_str(),
                    _ => "",
                };
                let url = job
                    .origin
                    .url
                    .as_deref()
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default();
                eprintln!("unchrome: skipped {}{url}: {why}", describe(job));
            }
        },
        |job, record, target| {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            if format == Format::Text && args.explain {
                explain_to_stderr(job, &record);
            }
            // JSON records on stdout carry their error; text, Markdown and
            // the output folder's files do not, so it goes to stderr.
            if let Some(e) = &record.error
                && (!matches!(format, Format::Json | Format::Jsonl) || !to_stdout)
            {
                if let Some(bar) = &bar {
                    bar.set_message("errors: see stderr");
                }
                report_error(job, e, &bar);
            }
            match (target, &mut *writer.borrow_mut()) {
                (Some(path), Some(w)) => {
                    if record.error.is_some() {
                        return w.record_error(&record);
                    }
                    match w.write(&path, &record.render(format)) {
                        Ok(()) => Ok(()),
                        Err(WriteFailure::Fatal(e)) => {
                            Err(io::Error::new(e.kind(), format!("{}: {e}", path.display())))
                        }
                        Err(WriteFailure::Input(message)) => {
                            refused += 1;
                            report_error(job, &message, &bar);
                            let failed =
                                Record::failed(record_origin(&record), message, args.explain);
                            w.record_error(&failed)
                        }
                    }
                }
                _ => {
                    if separate && !first {
                        out.write_all(RECORD_SEPARATOR.as_bytes())?;
                    }
                    first = false;
                    out.write_all(record.render(format).as_bytes())?;
                    if !single {
                        // Flush per record in batches so a consumer sees each
                        // one as soon as it is done and a kill leaves whole
                        // records only.
                        out.flush()?;
                    }
                    Ok(())
                }
            }
        },
    );
    let flushed = result.and_then(|s| out.flush().map(|()| s));
    let summary = match flushed {
        Ok(s) => s,
        // The reader went away (`| head`): not our failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe || stdout_gone.load(Ordering::Relaxed) => {
            return Ok(0);
        }
        Err(e) => {
            let place = match &args.output_dir {
                Some(d) => format!("to the output folder {}", d.display()),
                None => "to standard output".to_string(),
            };
            bail!("could not write {place}: {e}");
        }
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if !args.quiet && (!single || summary.interrupted) {
        let mut extra = String::new();
        if summary.skipped > 0 {
            extra += &format!(", {} already done", summary.skipped);
        }
        if summary.filtered > 0 {
            extra += &format!(", {} skipped (not pages)", summary.filtered);
        }
        eprintln!(
            "unchrome: {} inputs, {} errors{extra}, {:.1}s{}",
            summary.records,
            summary.failed + refused,
            started.elapsed().as_secs_f64(),
            if summary.interrupted {
                " (interrupted)"
            } else {
                ""
            }
        );
    }
    Ok(if summary.interrupted {
        130
    } else if (summary.failed > 0 || refused > 0) && !args.allow_input_errors {
        1
    } else {
        0
    })
}

/// The origin of a record, to make another record for the same input.
fn record_origin(record: &Record) -> unchrome::output::Origin {
    unchrome::output::Origin {
        id: (!record.id.is_null()).then(|| record.id.clone()),
        path: record.path.clone(),
        url: record.url.clone(),
    }
}

/// One line on stderr for a failed input, naming it once.
fn report_error(job: &Job, message: &str, bar: &Option<ProgressBar>) {
    let name = describe(job);
    let line = if message.starts_with(&name) {
        format!("unchrome: {message}")
    } else {
        format!("unchrome: {name}: {message}")
    };
    match bar {
        Some(bar) => bar.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    }
}

/// A progress bar with a total when the inputs could be counted, a spinner
/// otherwise (stdin, pipes, archives).
fn progress_bar(total: Option<usize>) -> ProgressBar {
    let bar = match total {
        Some(n) => ProgressBar::new(n as u64).with_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} pages  {per_sec}  ETA {eta}  {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template(
                "{spinner} {pos} pages  {per_sec}  {elapsed_precise}  {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar
}

/// How many records the inputs make, when that is cheap to know (files,
/// folders, manifests; not archives). Only called for inputs that can be
/// read twice.
fn count_inputs(inputs: &[String], opts: &InputOptions) -> Option<usize> {
    let mut n = 0;
    for i in inputs {
        let p = Path::new(i);
        let manifest = matches!(opts.format, InputFormat::Jsonl)
            || matches!(opts.format, InputFormat::Auto) && i.ends_with(".jsonl");
        if opts.format == InputFormat::Warc || batch::warc::is_warc_path(p) {
            return None;
        } else if p.is_dir() {
            let jobs = batch::walk_dir_with(p, &opts.walk);
            if jobs.iter().any(
                |j| matches!(&j.source, batch::Source::File(f) if batch::warc::is_warc_path(f)),
            ) {
                return None;
            }
            n += jobs
                .iter()
                .filter(|j| !matches!(j.source, batch::Source::Skip(_)))
                .count();
        } else if manifest {
            let f = fs::File::open(p).ok()?;
            n += io::BufReader::new(f)
                .split(b'\n')
                .filter(|l| {
                    l.as_ref()
                        .is_ok_and(|l| !l.iter().all(u8::is_ascii_whitespace))
                })
                .count();
        } else {
            n += 1;
        }
    }
    Some(n)
}

fn describe(job: &Job) -> String {
    job.origin
        .path
        .clone()
        .or_else(|| job.origin.id.as_ref().map(|v| v.to_string()))
        .unwrap_or_else(|| "stdin".into())
}

/// `--explain` in text format: every block with its decision, reason and
/// content score, in document order.
fn explain_to_stderr(job: &Job, record: &Record) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "# blocks of {}:", describe(job));
    let reason_name = |r: Reason| {
        serde_json::to_value(r)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    };
    for t in record.trace.iter().flatten() {
        let verdict = match t.reason {
            Some(r) if !t.keep => format!("[{}]", reason_name(r)),
            _ => "KEEP".to_string(),
        };
        let _ = writeln!(
            err,
            "{verdict:<20} {:>7.1}  {}",
            t.score,
            t.text.replace('\n', " / ")
        );
    }
}
