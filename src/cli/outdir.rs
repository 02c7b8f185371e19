//! `--output-dir`: one file per cleaned input, written atomically, and the
//! run's error records in one file beside them.
//!
//! - A cleaned input is written to a temporary file created with `O_EXCL`
//!   under a random name in the target's folder, then renamed over the
//!   target: a reader (or a resumed run) never sees a half-written file, and
//!   a link planted at a predictable temporary name leads nowhere.
//! - An input that failed writes no file (so `--resume` retries it); its
//!   error record goes to `unchrome-errors.jsonl` in the output folder,
//!   made anew by each run that has errors.
//! - A file that cannot be written because of its own name (a folder or a
//!   file already in the way, a name too long) is that input's error; a
//!   folder that cannot be written at all (read-only, full) ends the run.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use unchrome::batch::{self, Job};
use unchrome::output::{Format, Record};

/// The run's error records, in the output folder.
pub const ERRORS_FILE: &str = "unchrome-errors.jsonl";

/// Names and writes one output file per record below the output folder.
pub struct DirWriter {
    root: PathBuf,
    used: HashSet<PathBuf>,
    errors: Option<fs::File>,
}

/// Why one output could not be written.
pub enum WriteFailure {
    /// This input's output only (its name): an error record, the run goes on.
    Input(String),
    /// The output folder as a whole: the run stops with status 2.
    Fatal(io::Error),
}

impl DirWriter {
    /// Create the folder if needed and clear the errors file of an earlier run.
    pub fn new(root: PathBuf) -> io::Result<DirWriter> {
        fs::create_dir_all(&root)?;
        match fs::remove_file(root.join(ERRORS_FILE)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        // Probe: a folder we cannot write to is the user's error, said once.
        tempfile::NamedTempFile::new_in(&root)?;
        let mut used = HashSet::new();
        used.insert(root.join(ERRORS_FILE));
        Ok(DirWriter {
            root,
            used,
            errors: None,
        })
    }

    /// The target file of a job. Assigned in input order, so the same inputs
    /// get the same names on every run (what `--resume` relies on); two
    /// inputs mapping to one name (a.html and a.htm) get distinct files.
    pub fn assign(&mut self, job: &Job, format: Format) -> PathBuf {
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

    /// Is this target already done (`--resume`)? Only a regular file counts:
    /// a folder or a link at its place is not an output.
    pub fn done(target: &Path) -> bool {
        fs::symlink_metadata(target).is_ok_and(|m| m.is_file())
    }

    /// Write one cleaned record to its target.
    pub fn write(&self, target: &Path, contents: &str) -> Result<(), WriteFailure> {
        write_atomically(&self.root, target, contents).map_err(|e| {
            if folder_failure(&e) {
                WriteFailure::Fatal(e)
            } else {
                WriteFailure::Input(format!("could not write {}: {e}", target.display()))
            }
        })
    }

    /// Add a failed input's record to the errors file.
    pub fn record_error(&mut self, record: &Record) -> io::Result<()> {
        if self.errors.is_none() {
            self.errors = Some(
                fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(self.root.join(ERRORS_FILE))?,
            );
        }
        let f = self.errors.as_mut().expect("opened above");
        f.write_all(record.render(Format::Jsonl).as_bytes())
    }
}

/// An error that no other name in the folder would escape.
fn folder_failure(e: &io::Error) -> bool {
    use io::ErrorKind::*;
    matches!(
        e.kind(),
        PermissionDenied | ReadOnlyFilesystem | StorageFull | QuotaExceeded | WriteZero
    )
}

/// Write to a fresh temporary file beside the target, then rename.
fn write_atomically(root: &Path, target: &Path, contents: &str) -> io::Result<()> {
    let parent = target.parent().unwrap_or(root);
    fs::create_dir_all(parent)?;
    // A symlink inside the output folder must not lead the write out of it.
    let (root, parent_c) = (fs::canonicalize(root)?, fs::canonicalize(parent)?);
    if !parent_c.starts_with(&root) {
        return Err(io::Error::other(
            "it resolves outside the output folder (a symlink?); refused",
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".unchrome-")
        .suffix(".tmp")
        .tempfile_in(parent)?;
    tmp.write_all(contents.as_bytes())?;
    tmp.flush()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
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

    #[test]
    fn a_planted_link_at_a_temporary_name_is_not_followed() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("out");
        fs::create_dir(&out).unwrap();
        let victim = d.path().join("victim");
        fs::write(&victim, "keep me").unwrap();
        // The old scheme's predictable temporary name.
        #[cfg(unix)]
        std::os::unix::fs::symlink(&victim, out.join("100.json.tmp")).unwrap();
        write_atomically(&out, &out.join("100.json"), "{}").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        assert!(
            fs::symlink_metadata(out.join("100.json"))
                .unwrap()
                .is_file()
        );
    }

    #[test]
    fn a_folder_at_the_target_is_not_done_and_fails_alone() {
        let d = tempfile::tempdir().unwrap();
        let w = DirWriter::new(d.path().to_path_buf()).unwrap();
        let target = d.path().join("x.json");
        fs::create_dir(&target).unwrap();
        assert!(!DirWriter::done(&target));
        assert!(matches!(
            w.write(&target, "{}"),
            Err(WriteFailure::Input(_))
        ));
        fs::write(d.path().join("y.json"), "{}").unwrap();
        assert!(DirWriter::done(&d.path().join("y.json")));
    }
}
