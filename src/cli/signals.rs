//! Signals and the state of stdout.
//!
//! - Ctrl-C (SIGINT) and SIGTERM: the first lets the pages in flight finish,
//!   writes their records, prints the summary and exits 130; a second exits
//!   at once (every record already written was flushed when written).
//! - A reader that goes away (`| head -1`) stops the run, also while the
//!   template pass reads inputs and nothing has been written yet.
//! - A closed stdout (`>&-`) is an error, not a silent success.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Install the SIGINT/SIGTERM handler; the flag it sets asks the run to stop.
pub fn install() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let seen = AtomicUsize::new(0);
    let flag = Arc::clone(&stop);
    // Only one handler per process (tests run the CLI in other processes);
    // failing to set one only loses the graceful stop.
    let _ = ctrlc::set_handler(move || {
        if seen.fetch_add(1, Ordering::SeqCst) >= 1 {
            eprintln!("unchrome: interrupted again; exiting now");
            std::process::exit(130);
        }
        flag.store(true, Ordering::SeqCst);
    });
    stop
}

/// Was stdout closed when the process started? The Rust runtime reopens a
/// closed standard descriptor on `/dev/null` (read-write), so writes would
/// vanish and the run would report success; a shell redirect to `/dev/null`
/// opens it write-only.
pub fn stdout_was_closed() -> bool {
    #[cfg(unix)]
    {
        // SAFETY: fstat and fcntl on a descriptor number only read kernel state.
        unsafe {
            let mut st: libc::stat = std::mem::zeroed();
            if libc::fstat(1, &mut st) != 0 {
                return true; // EBADF: closed for good
            }
            let null = (st.st_mode & libc::S_IFMT) == libc::S_IFCHR
                && libc::major(st.st_rdev) == 1
                && libc::minor(st.st_rdev) == 3;
            let flags = libc::fcntl(1, libc::F_GETFL);
            null && flags >= 0 && (flags & libc::O_ACCMODE) == libc::O_RDWR
        }
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// When stdout is a pipe, watch it from a thread: when its reader goes away,
/// set `gone` and `stop`, so even a run that has not written yet (the
/// template pass over a large folder) ends at once.
pub fn watch_stdout(stop: &Arc<AtomicBool>, gone: &Arc<AtomicBool>) {
    #[cfg(unix)]
    {
        // SAFETY: fstat on a descriptor number only reads kernel state.
        let is_pipe = unsafe {
            let mut st: libc::stat = std::mem::zeroed();
            libc::fstat(1, &mut st) == 0
                && matches!(st.st_mode & libc::S_IFMT, libc::S_IFIFO | libc::S_IFSOCK)
        };
        if !is_pipe {
            return;
        }
        let (stop, gone) = (Arc::clone(stop), Arc::clone(gone));
        std::thread::spawn(move || {
            // No events asked for: poll wakes only for POLLERR/POLLHUP, which
            // a pipe reports once its reading end is closed.
            let mut fd = libc::pollfd {
                fd: 1,
                events: 0,
                revents: 0,
            };
            loop {
                // SAFETY: one valid pollfd, length 1.
                let n = unsafe { libc::poll(&mut fd, 1, -1) };
                if n > 0 && fd.revents & (libc::POLLERR | libc::POLLHUP) != 0 {
                    gone.store(true, Ordering::SeqCst);
                    stop.store(true, Ordering::SeqCst);
                    return;
                }
                if n < 0
                    && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted
                {
                    return;
                }
            }
        });
    }
}
