//! The streaming runner: jobs are read on one thread, cleaned on the worker
//! pool (or inline, for one job at a time), and handed to `emit` in input
//! order as soon as a record and every record before it are done.
//!
//! Why a stream and not chunks: a pipeline that writes one manifest line and
//! waits for its answer (`rdd.pipe`, a request/response script) must get the
//! answer before it sends the next line, and one slow page must not hold a
//! whole chunk of finished records back. What is in flight (read, being
//! cleaned, or done and waiting for an earlier record) is bounded by count
//! *and* by bytes, so memory stays near `threads × largest page` however long
//! the input and however large its pages.

use super::{Job, Source, Summary, read_stdin_bounded, run_with};
use crate::output::Record;
use crate::template::SiteTemplates;
use std::collections::BTreeMap;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// How a stream runs.
#[derive(Debug, Clone, Copy)]
pub struct StreamSettings {
    /// Worker threads; 1 cleans on the calling thread (no pool is built,
    /// which is what a script calling the tool once per page wants).
    pub threads: usize,
    /// Jobs in flight at most.
    pub max_jobs: usize,
    /// Input bytes in flight at most (one job is always let through, however
    /// large: a page over the budget runs alone).
    pub max_bytes: u64,
}

/// Input bytes in flight when the caller does not say: a few large pages,
/// or thousands of ordinary ones.
pub const DEFAULT_MAX_BYTES_IN_FLIGHT: u64 = 64 << 20;

impl StreamSettings {
    /// Two jobs per thread keep every worker busy while the next input is
    /// read and earlier records wait for a slow one; more only costs memory.
    pub fn for_threads(threads: usize) -> StreamSettings {
        let threads = threads.max(1);
        StreamSettings {
            threads,
            max_jobs: 2 * threads,
            max_bytes: DEFAULT_MAX_BYTES_IN_FLIGHT,
        }
    }
}

/// What to do with a job before any work: run it (with the caller's data,
/// e.g. its output file) or skip it (`--resume`: already done).
pub enum Prepared<T> {
    Run(T),
    Skip,
}

/// Jobs and bytes in flight, shared by the reader (which waits for room) and
/// the emitter (which makes room).
struct Budget {
    state: Mutex<(usize, u64, bool)>,
    room: Condvar,
    max_jobs: usize,
    max_bytes: u64,
}

impl Budget {
    /// Wait for room for one job of `bytes`; false once the run is closing.
    fn acquire(&self, bytes: u64) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let (jobs, used, closed) = *s;
            if closed {
                return false;
            }
            if jobs == 0 || (jobs < self.max_jobs && used + bytes <= self.max_bytes) {
                *s = (jobs + 1, used + bytes, false);
                return true;
            }
            s = self.room.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn release(&self, bytes: u64) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.0 = s.0.saturating_sub(1);
        s.1 = s.1.saturating_sub(bytes);
        self.room.notify_all();
    }

    fn close(&self) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.2 = true;
        self.room.notify_all();
    }
}

enum Msg {
    /// A job to run, its position among the jobs to run, and its bytes.
    Job(usize, Job, u64),
    /// A job the input filter left out (not a page, a redirect, …).
    Filtered(Job),
    /// A finished job (boxed: a record is large next to the other messages).
    Done(usize, Job, Box<Record>),
    /// No more jobs.
    End,
}

/// What the reader thread needs to turn a job into what is sent on.
fn admit(job: Job, max_input: Option<usize>) -> (Job, u64) {
    // Stdin is read here, on the reader thread, so the emitting thread never
    // blocks on a pipe and Ctrl-C is noticed while the input is awaited.
    let job = match job.source {
        Source::Stdin => {
            let source = match read_stdin_bounded(max_input) {
                Ok(bytes) => Source::Inline(bytes),
                Err(e) => Source::Invalid(e.to_string()),
            };
            Job { source, ..job }
        }
        _ => job,
    };
    let bytes = match &job.source {
        Source::Inline(b) => b.len() as u64,
        Source::File(p) => std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
        _ => 0,
    };
    // A file larger than the limit is refused after reading limit+1 bytes.
    let bytes = max_input.map_or(bytes, |m| bytes.min(m as u64 + 1));
    (job, bytes)
}

/// Run `jobs` and hand each record to `emit` in input order. `prepare` is
/// called once per job, in order, before any work (it may skip the job);
/// `filtered` is told of each job the input filter left out. When `stop` is
/// set no new job starts; the ones in flight finish and are emitted.
#[allow(clippy::too_many_arguments)]
pub fn run_stream<T>(
    jobs: impl Iterator<Item = Job> + Send + 'static,
    opts: Arc<super::BatchOptions>,
    templates: Option<Arc<SiteTemplates>>,
    settings: StreamSettings,
    stop: &AtomicBool,
    mut prepare: impl FnMut(&Job) -> Prepared<T>,
    mut filtered: impl FnMut(&Job),
    mut emit: impl FnMut(&Job, Record, T) -> io::Result<()>,
) -> io::Result<Summary> {
    let budget = Arc::new(Budget {
        state: Mutex::new((0, 0, false)),
        room: Condvar::new(),
        max_jobs: settings.max_jobs.max(1),
        max_bytes: settings.max_bytes,
    });
    let (tx, rx) = mpsc::channel::<Msg>();
    {
        // The reader may block on a pipe forever; it is not joined. When the
        // run ends early its budget is closed so it stops at the next job.
        let tx = tx.clone();
        let budget = Arc::clone(&budget);
        let max_input = opts.clean.max_input_bytes;
        std::thread::spawn(move || {
            let mut seq = 0;
            for job in jobs {
                if matches!(job.source, Source::Skip(_)) {
                    if tx.send(Msg::Filtered(job)).is_err() {
                        return;
                    }
                    continue;
                }
                let (job, bytes) = admit(job, max_input);
                if !budget.acquire(bytes) || tx.send(Msg::Job(seq, job, bytes)).is_err() {
                    return;
                }
                seq += 1;
            }
            let _ = tx.send(Msg::End);
        });
    }
    let mut summary = Summary::default();
    // Position → the caller's data and the job's bytes, for jobs started and
    // not yet emitted; finished records wait in `ready` for their turn.
    let mut started: BTreeMap<usize, (Option<T>, u64)> = BTreeMap::new();
    // `None`: skipped by `prepare`, emits nothing.
    let mut ready: BTreeMap<usize, Option<(Job, Record)>> = BTreeMap::new();
    let mut next = 0usize;
    let mut ended = false;
    let result = loop {
        if stop.load(Ordering::Relaxed) && !summary.interrupted {
            summary.interrupted = true;
            budget.close();
        }
        if (ended || summary.interrupted) && started.is_empty() {
            break Ok(());
        }
        let msg = match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(m) => m,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            // Every sender gone: cannot happen while `tx` lives.
            Err(mpsc::RecvTimeoutError::Disconnected) => break Ok(()),
        };
        let done = match msg {
            Msg::End => {
                ended = true;
                continue;
            }
            Msg::Filtered(job) => {
                summary.filtered += 1;
                filtered(&job);
                continue;
            }
            // Interrupted: a job read but not started is left for --resume.
            Msg::Job(_, _, bytes) if summary.interrupted => {
                budget.release(bytes);
                continue;
            }
            Msg::Job(seq, job, bytes) => match prepare(&job) {
                Prepared::Skip => {
                    summary.skipped += 1;
                    started.insert(seq, (None, bytes));
                    ready.insert(seq, None);
                    None
                }
                Prepared::Run(data) => {
                    started.insert(seq, (Some(data), bytes));
                    if settings.threads <= 1 {
                        let record = run_with(&job, &opts, templates.as_deref());
                        Some(Msg::Done(seq, job, Box::new(record)))
                    } else {
                        let tx = tx.clone();
                        let opts = Arc::clone(&opts);
                        let templates = templates.clone();
                        rayon::spawn(move || {
                            let record = run_with(&job, &opts, templates.as_deref());
                            let _ = tx.send(Msg::Done(seq, job, Box::new(record)));
                        });
                        None
                    }
                }
            },
            done @ Msg::Done(..) => Some(done),
        };
        if let Some(Msg::Done(seq, job, record)) = done {
            ready.insert(seq, Some((job, *record)));
        }
        // Emit every record whose turn has come.
        let mut emitted = Ok(());
        while let Some(entry) = ready.remove(&next) {
            let (data, bytes) = started.remove(&next).unwrap_or((None, 0));
            next += 1;
            let (Some((job, record)), Some(data)) = (entry, data) else {
                budget.release(bytes);
                continue; // skipped by `prepare`
            };
            summary.records += 1;
            summary.failed += record.error.is_some() as usize;
            // Room is made once the record is written, not before: until
            // then it is memory in flight.
            let written = emit(&job, record, data);
            budget.release(bytes);
            if let Err(e) = written {
                emitted = Err(e);
                break;
            }
        }
        if let Err(e) = emitted {
            break Err(e);
        }
    };
    budget.close();
    result.map(|()| summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::BatchOptions;
    use crate::output::Origin;
    use std::sync::atomic::AtomicUsize;

    fn job(i: usize, bytes: usize) -> Job {
        let mut page = format!("<p>Page {i}: the council met on Monday and agreed. ").into_bytes();
        page.resize(bytes.max(page.len()), b' ');
        Job {
            origin: Origin {
                id: Some(i.into()),
                ..Default::default()
            },
            source: Source::Inline(page),
            charset: None,
            kind: None,
            out_name: i.to_string().into(),
        }
    }

    /// Runs `n` jobs of `bytes` each and returns the most jobs and bytes
    /// ever read but not yet emitted (counted, not timed).
    fn peak_in_flight(n: usize, bytes: usize, settings: StreamSettings) -> (usize, usize) {
        let pulled = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&pulled);
        let jobs = (0..n).map(move |i| {
            counter.fetch_add(1, Ordering::SeqCst);
            job(i, bytes)
        });
        let (mut emitted, mut peak) = (0usize, 0usize);
        let mut order = Vec::new();
        let summary = run_stream(
            jobs,
            Arc::new(BatchOptions::default()),
            None,
            settings,
            &AtomicBool::new(false),
            |_| Prepared::Run(()),
            |_| {},
            |job, _, ()| {
                order.push(job.origin.id.clone());
                // The reader may hold one more job while it waits for room.
                peak = peak.max(pulled.load(Ordering::SeqCst) - emitted - 1);
                emitted += 1;
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(summary.records, n);
        let want: Vec<_> = (0..n).map(|i| Some(i.into())).collect();
        assert_eq!(order, want, "input order kept");
        (peak, peak * bytes)
    }

    #[test]
    fn what_is_in_flight_is_bounded_by_count() {
        let (jobs, _) = peak_in_flight(200, 100, StreamSettings::for_threads(2));
        assert!(jobs <= 4, "{jobs} jobs in flight with 2 threads");
        let (jobs, _) = peak_in_flight(50, 100, StreamSettings::for_threads(1));
        assert!(jobs <= 2, "{jobs} jobs in flight inline");
    }

    #[test]
    fn what_is_in_flight_is_bounded_by_bytes() {
        let settings = StreamSettings {
            threads: 2,
            max_jobs: 64,
            max_bytes: 3 << 20,
        };
        let (_, bytes) = peak_in_flight(40, 1 << 20, settings);
        assert!(bytes <= 3 << 20, "{bytes} bytes in flight, budget 3 MiB");
    }

    #[test]
    fn a_stop_lets_started_jobs_finish_and_emits_them_in_order() {
        let stop = AtomicBool::new(false);
        let mut got = Vec::new();
        let summary = run_stream(
            (0..1000).map(|i| job(i, 10)),
            Arc::new(BatchOptions::default()),
            None,
            StreamSettings::for_threads(2),
            &stop,
            |_| Prepared::Run(()),
            |_| {},
            |job, _, ()| {
                got.push(job.origin.id.clone());
                if got.len() == 5 {
                    stop.store(true, Ordering::SeqCst);
                }
                Ok(())
            },
        )
        .unwrap();
        assert!(summary.interrupted);
        assert!(got.len() < 1000 && got.len() >= 5);
        let want: Vec<_> = (0..got.len()).map(|i| Some(i.into())).collect();
        assert_eq!(got, want);
    }
}
