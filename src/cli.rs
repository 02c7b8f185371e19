//! The command line: parse arguments, run the batch, write records, report.
//!
//! Exit status: 0 when every input was cleaned, 1 when at least one input
//! failed (all inputs are still processed), 2 for usage errors, 130 when
//! interrupted.

use anyhow::{Context as _, Result, bail};
use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashSet;
use std::fs;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;
use unchrome::batch::{self, BatchOptions, InputFormat, Job};
use unchrome::chrome::{Favor, Reason};
use unchrome::output::{Format, Record};
use unchrome::{InputKind, Options};

#[derive(Parser, Debug)]
#[command(
    name = "unchrome",
    version,
    about = "Extract the clean article (body and metadata) from saved web pages or their text.",
    after_help = "Examples:\n  unchrome page.html                      # the body as text\n  curl -s URL | unchrome --format json    # one page from a pipe, as JSON\n  unchrome --format jsonl pages/ > out.jsonl\n  unchrome manifest.jsonl --output-dir clean/ --format markdown\n\nExit status: 0 all inputs cleaned, 1 some inputs failed (each has an error record), 2 usage error."
)]
struct Args {
    /// Files, directories (walked recursively) or JSONL manifests; `-` or nothing reads stdin.
    inputs: Vec<String>,

    /// Output format [default: text for one input, jsonl for several].
    #[arg(long, short = 'f', value_enum)]
    format: Option<FormatArg>,

    /// Also report every removed block and why (JSON: a `removed` array; text: on stderr).
    #[arg(long)]
    explain: bool,

    /// Write one file per input into DIR (relative paths mirrored) instead of stdout.
    #[arg(long, short = 'o', value_name = "DIR")]
    output_dir: Option<PathBuf>,

    /// Worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,

    /// Treat inputs as HTML or plain text instead of sniffing.
    #[arg(long, value_enum, default_value = "auto")]
    input_kind: KindArg,

    /// How to read named files: `jsonl` treats them (and stdin) as manifests;
    /// `auto` does so for files ending in .jsonl.
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormatArg,

    /// Decode every input with this encoding (e.g. windows-1252), ignoring declarations.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,

    /// Prefer precision (drop doubtful blocks) or recall (keep them).
    #[arg(long, value_enum, default_value = "balanced")]
    favor: FavorArg,

    /// Inputs larger than this many bytes get an error record instead of being cleaned.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    max_input_bytes: usize,

    /// Keep reader comments, apart from the body: a "comments" list in JSON,
    /// a section after the body in text and Markdown.
    #[arg(long)]
    comments: bool,

    /// Keep the story's headline as the body's first line (left out by
    /// default: it is the title).
    #[arg(long)]
    headline: bool,

    /// No progress bar and no summary line.
    #[arg(long, short = 'q')]
    quiet: bool,

    /// Do not learn site templates from the batch (one pass instead of two).
    #[arg(long)]
    no_templates: bool,

    /// With --output-dir: skip inputs whose output file already exists, so an
    /// interrupted run continues where it stopped.
    #[arg(long)]
    resume: bool,
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

fn run(args: Args) -> Result<i32> {
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
    if let Some(n) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("could not start worker threads")?;
    }
    let input_format = match args.input_format {
        InputFormatArg::Auto => InputFormat::Auto,
        InputFormatArg::Page => InputFormat::Page,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
    };
    // One input means one page: a single file or stdin, not a folder, a
    // manifest or an archive.
    let single = args.inputs.len() <= 1
        && args.inputs.first().is_none_or(|i| {
            let manifest = matches!(input_format, InputFormat::Jsonl)
                || matches!(input_format, InputFormat::Auto) && i.ends_with(".jsonl");
            !manifest
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
        },
        explain: args.explain,
        // Two passes need inputs that can be read twice; one page has no
        // template to learn.
        templates: !args.no_templates && !single && batch::rereadable(&args.inputs),
    };

    if let Some(dir) = &args.output_dir {
        fs::create_dir_all(dir)
            .with_context(|| format!("could not create output folder {}", dir.display()))?;
    }
    // Ctrl-C: finish the pages in flight, flush, report, exit 130.
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        // A second handler cannot be set (tests run the CLI in-process only
        // once); failing to set one only loses the graceful stop.
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::Relaxed));
    }
    let make_jobs = || batch::jobs(&args.inputs, input_format, Some(args.max_input_bytes));
    let bar = (!args.quiet && !single && io::stderr().is_terminal())
        .then(|| progress_bar(&args.inputs, input_format));

    let started = Instant::now();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut writer = args.output_dir.clone().map(DirWriter::new);
    let mut errors = 0usize;
    let mut refused = 0usize;
    let resume = args.resume;
    // Targets are assigned in `skip` (input order, before any work) and
    // consumed in `emit`, which sees the same jobs in the same order.
    let targets = std::cell::RefCell::new(std::collections::VecDeque::new());
    let result = batch::run_all(
        make_jobs,
        &opts,
        &stop,
        |job| {
            let (skipped, target) = skip_or_target(&mut writer, job, format, resume);
            if !skipped {
                targets.borrow_mut().push_back(target);
            }
            skipped
        },
        |job, record| {
            let target = targets.borrow_mut().pop_front().flatten();
            if record.error.is_some() {
                errors += 1;
                if let Some(bar) = &bar {
                    bar.set_message(format!("{errors} errors"));
                }
            }
            if format == Format::Text && args.explain {
                explain_to_stderr(job, &record);
            }
            if format == Format::Text
                && let Some(e) = &record.error
            {
                eprintln!("unchrome: {}: {e}", describe(job));
            }
            match target {
                Some(path) => match write_atomically(
                    args.output_dir.as_deref().unwrap_or(Path::new(".")),
                    &path,
                    &record.render(format),
                ) {
                    // An escape attempt costs this record, not the batch.
                    Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                        eprintln!("unchrome: {}: {e}", describe(job));
                        refused += 1;
                    }
                    other => other?,
                },
                None => {
                    out.write_all(record.render(format).as_bytes())?;
                    if !single || format != Format::Text {
                        // Flush per record in batches so a consumer sees
                        // progress and a kill leaves whole records only.
                        out.flush()?;
                    }
                }
            }
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            Ok(())
        },
    );
    let summary = match result {
        Ok(s) => s,
        // The reader went away (`| head`): not our failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(0),
        Err(e) => return Err(e).context("could not write output"),
    };
    let _ = out.flush();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if !args.quiet && (!single || summary.interrupted) {
        let skipped = if summary.skipped > 0 {
            format!(", {} already done", summary.skipped)
        } else {
            String::new()
        };
        eprintln!(
            "unchrome: {} inputs, {} errors{skipped}, {:.1}s{}",
            summary.records,
            summary.failed,
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
    } else if summary.failed > 0 || refused > 0 {
        1
    } else {
        0
    })
}

/// For `--output-dir`: the job's target file, and whether `--resume` skips it.
fn skip_or_target(
    writer: &mut Option<DirWriter>,
    job: &Job,
    format: Format,
    resume: bool,
) -> (bool, Option<PathBuf>) {
    match writer {
        Some(w) => {
            let target = w.assign(job, format);
            (resume && target.exists(), Some(target))
        }
        None => (false, None),
    }
}

/// A progress bar with a total when the inputs can be counted cheaply
/// (files, folders, manifests), a spinner otherwise (stdin, archives).
fn progress_bar(inputs: &[String], format: InputFormat) -> ProgressBar {
    let total = count_inputs(inputs, format);
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

/// How many jobs the inputs hold, when that is cheap to know.
fn count_inputs(inputs: &[String], format: InputFormat) -> Option<usize> {
    let mut n = 0;
    for i in inputs {
        let p = Path::new(i);
        let manifest = matches!(format, InputFormat::Jsonl)
            || matches!(format, InputFormat::Auto) && i.ends_with(".jsonl");
        if i == "-" || batch::warc::is_warc_path(p) {
            return None;
        } else if p.is_dir() {
            n += batch::walk_dir(p).len();
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

/// Names one output file per record below the output folder.
struct DirWriter {
    root: PathBuf,
    used: HashSet<PathBuf>,
}

impl DirWriter {
    fn new(root: PathBuf) -> DirWriter {
        DirWriter {
            root,
            used: HashSet::new(),
        }
    }

    /// The target file of a job. Assigned in input order, so the same inputs
    /// get the same names on every run (what `--resume` relies on); two
    /// inputs mapping to one name (a.html and a.htm) get distinct files.
    fn assign(&mut self, job: &Job, format: Format) -> PathBuf {
        let rel = safe_relative(&job.out_name).with_extension(format.extension());
        let mut target = self.root.join(&rel);
        // Never write over the input itself (`-o` pointing at the input
        // folder with `-f text` and a `.txt` input).
        let input = match &job.source {
            batch::Source::File(p) => fs::canonicalize(p).ok(),
            _ => None,
        };
        let is_input = |t: &Path| {
            input
                .as_ref()
                .is_some_and(|i| fs::canonicalize(t).is_ok_and(|c| &c == i))
        };
        let mut n = 2;
        while is_input(&target) || !self.used.insert(target.clone()) {
            let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or("input");
            target = self
                .root
                .join(rel.with_file_name(format!("{stem}-{n}.{}", format.extension())));
            n += 1;
        }
        target
    }
}

/// Write to a temporary file beside the target, then rename: a reader (or a
/// resumed run) never sees a half-written file.
fn write_atomically(root: &Path, target: &Path, contents: &str) -> io::Result<()> {
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)?;
        // A symlink inside the output folder must not lead the write out of it.
        let (root, parent) = (fs::canonicalize(root)?, fs::canonicalize(parent)?);
        if !parent.starts_with(&root) {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "refusing to write {}: it resolves outside the output folder",
                    target.display()
                ),
            ));
        }
    }
    let mut tmp_name = target.file_name().unwrap_or_default().to_os_string();
    tmp_name.push(".tmp");
    let tmp = target.with_file_name(tmp_name);
    fs::write(&tmp, contents)?;
    fs::rename(&tmp, target)
}

/// Longest file-name component we write: most filesystems allow 255 bytes.
const MAX_NAME_BYTES: usize = 200;

/// Keep only the normal components of `p` (no root, no `..`), with unsafe
/// characters replaced, so the result always stays below the output folder.
fn safe_relative(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        if let Component::Normal(s) = c {
            let s = s.to_string_lossy();
            let mut name: String = s
                .chars()
                .map(|c| {
                    if c.is_control() || "<>:\"|?*\\".contains(c) {
                        '_'
                    } else {
                        c
                    }
                })
                .collect();
            // Names Windows reserves for devices, and hidden-file dots.
            let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
            let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
                || (stem.len() == 4
                    && (stem.starts_with("COM") || stem.starts_with("LPT"))
                    && stem.as_bytes()[3].is_ascii_digit());
            if reserved || name.starts_with('.') {
                name.insert(0, '_');
            }
            if name.len() > MAX_NAME_BYTES {
                let mut end = MAX_NAME_BYTES;
                while !name.is_char_boundary(end) {
                    end -= 1;
                }
                name.truncate(end);
            }
            out.push(name);
        }
    }
    if out.as_os_str().is_empty() {
        out.push("input");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_stay_inside() {
        assert_eq!(
            safe_relative(Path::new("../../etc/passwd")),
            PathBuf::from("etc/passwd")
        );
        assert_eq!(
            safe_relative(Path::new("/abs/x.html")),
            PathBuf::from("abs/x.html")
        );
        assert_eq!(safe_relative(Path::new("..")), PathBuf::from("input"));
        assert_eq!(safe_relative(Path::new("a\u{0}b")), PathBuf::from("a_b"));
        assert_eq!(
            safe_relative(Path::new("CON.html")),
            PathBuf::from("_CON.html")
        );
        assert_eq!(
            safe_relative(Path::new("x/.hidden")),
            PathBuf::from("x/_.hidden")
        );
        let long = "é".repeat(300);
        assert!(safe_relative(Path::new(&long)).as_os_str().len() <= MAX_NAME_BYTES);
    }
}
