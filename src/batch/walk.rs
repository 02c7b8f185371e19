//! Folder walks: which files below a folder are pages.
//!
//! A folder of saved pages holds more than pages: "Save page as, complete"
//! puts `page.html` beside `page_files/` (style sheets, scripts, images, ad
//! frames), editors and version control leave hidden files, and an output
//! folder may sit inside the input folder. A walk takes the pages — by
//! extension, else by sniffing the first bytes — and skips the rest, each
//! skipped file reported as a [`Source::Skip`] job (counted, never cleaned).
//! `--include`/`--exclude` globs, matched against the path below the walked
//! folder, override the filter.

use super::{Job, Source, describe_io, file_job};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// What a walk takes besides the pages it recognises.
#[derive(Debug, Clone, Default)]
pub struct WalkFilter {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    /// Folders never walked (the output folder, canonicalised).
    skip_dirs: Vec<PathBuf>,
}

impl WalkFilter {
    /// `include`: when given, exactly the files matching one of these are
    /// taken, pages or not; `exclude`: files (and folders) matching one of
    /// these are skipped. A bad pattern is an error naming it.
    pub fn new(include: &[String], exclude: &[String]) -> Result<WalkFilter, String> {
        let set = |globs: &[String]| -> Result<Option<GlobSet>, String> {
            if globs.is_empty() {
                return Ok(None);
            }
            let mut b = GlobSetBuilder::new();
            for g in globs {
                b.add(Glob::new(g).map_err(|e| format!("bad glob {g:?}: {e}"))?);
            }
            b.build().map(Some).map_err(|e| e.to_string())
        };
        Ok(WalkFilter {
            include: set(include)?,
            exclude: set(exclude)?,
            skip_dirs: Vec::new(),
        })
    }

    /// Never walk into `dir` (e.g. the output folder inside the input folder).
    pub fn skip_dir(&mut self, dir: &Path) {
        if let Ok(c) = fs::canonicalize(dir) {
            self.skip_dirs.push(c);
        }
    }
}

/// Extensions of pages: taken without looking inside.
const PAGE_EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "xht", "shtml", "php", "asp", "aspx", "jsp", "txt", "text", "mht",
    "mhtml", "warc",
];

/// Extensions of a page's assets and other files that are never articles.
const ASSET_EXTENSIONS: &[&str] = &[
    "css", "js", "mjs", "cjs", "json", "jsonl", "map", "xml", "rss", "atom", "svg", "png", "jpg",
    "jpeg", "gif", "webp", "avif", "ico", "bmp", "tif", "tiff", "woff", "woff2", "ttf", "otf",
    "eot", "mp3", "mp4", "m4a", "webm", "ogg", "wav", "avi", "mov", "pdf", "zip", "tar", "7z",
    "rar", "exe", "dll", "so", "wasm", "swf", "db", "sqlite", "lock", "log", "csv", "tsv",
];

/// Why a file found in a walk is not a page, or `None` when it is one.
fn not_a_page(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = Path::new(name).extension().map(|e| e.to_string_lossy());
    match ext.as_deref() {
        Some(e) if PAGE_EXTENSIONS.contains(&e) || name.ends_with(".warc") => None,
        Some(e) if ASSET_EXTENSIONS.contains(&e) => Some("not a page (by its extension)"),
        _ => sniff_file(path),
    }
}

/// How much of a file of unknown kind is read to sniff it.
const SNIFF_BYTES: usize = 2048;

/// A file without a telling extension: a page if its first bytes are markup,
/// an MHTML or WARC header, or text; gzip is looked into.
fn sniff_file(path: &Path) -> Option<&'static str> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    let Ok(f) = fs::File::open(path) else {
        return None; // reading it will give the error record
    };
    let _ = f.take(SNIFF_BYTES as u64).read_to_end(&mut head);
    if head.starts_with(&[0x1f, 0x8b]) {
        let mut inner = Vec::with_capacity(SNIFF_BYTES);
        let _ = flate2::read::MultiGzDecoder::new(&head[..])
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut inner);
        head = inner;
    }
    if head.is_empty() {
        return None; // an empty page gets its error record
    }
    if crate::decode::looks_binary(&head) {
        return Some("not a page (binary content)");
    }
    None
}

/// All files below `root` with the default filter (every page, nothing else).
pub fn walk_dir(root: &Path) -> Vec<Job> {
    walk_dir_with(root, &WalkFilter::default())
}

/// All files below `root`, sorted by path: pages as jobs, the rest as
/// [`Source::Skip`] jobs. Symlinked folders are followed once (a loop back
/// to a folder already seen is skipped), hidden files and folders and the
/// `NAME_files` companions of saved pages are skipped, and special files
/// (fifos, sockets, devices) get an error record.
pub fn walk_dir_with(root: &Path, filter: &WalkFilter) -> Vec<Job> {
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    if let Ok(c) = fs::canonicalize(root) {
        seen.insert(c);
    }
    // (path, error, skip reason)
    let mut files: Vec<(PathBuf, Option<String>, Option<&'static str>)> = Vec::new();
    let rel = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();
    let excluded = |p: &Path| filter.exclude.as_ref().is_some_and(|g| g.is_match(rel(p)));
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                files.push((dir.clone(), Some(describe_io(&e, &dir)), None));
                continue;
            }
        };
        let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        entries.sort();
        // Stems of the pages here, to recognise their `_files` companions.
        let stems: HashSet<String> = entries
            .iter()
            .filter(|p| p.is_file())
            .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
            .collect();
        let mut subdirs = Vec::new();
        for path in entries {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let hidden = name.starts_with('.');
            let meta = match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    if !hidden {
                        files.push((path.clone(), Some(describe_io(&e, &path)), None));
                    }
                    continue;
                }
            };
            if meta.is_dir() {
                let companion = name
                    .strip_suffix("_files")
                    .is_some_and(|stem| stems.contains(stem));
                let canonical = match fs::canonicalize(&path) {
                    Ok(c) => c,
                    Err(e) => {
                        files.push((path.clone(), Some(describe_io(&e, &path)), None));
                        continue;
                    }
                };
                if filter.skip_dirs.contains(&canonical) {
                    continue; // the output folder: not an input, not counted
                }
                if hidden || companion || excluded(&path) {
                    // Counted as skipped, file by file, without reading them.
                    let why = if companion {
                        "a saved page's companion folder (its assets)"
                    } else if hidden {
                        "hidden"
                    } else {
                        "excluded by --exclude"
                    };
                    count_below(&path, why, &mut files, &mut seen);
                    continue;
                }
                if seen.insert(canonical) {
                    subdirs.push(path);
                }
                // else: a symlink loop or a second link to a walked folder
            } else if meta.is_file() {
                let skip = if excluded(&path) {
                    Some("excluded by --exclude")
                } else if let Some(include) = &filter.include {
                    (!include.is_match(rel(&path))).then_some("not matched by --include")
                } else if hidden {
                    Some("hidden")
                } else {
                    not_a_page(&path)
                };
                files.push((path, None, skip));
            } else if !hidden {
                files.push((
                    path.clone(),
                    Some(format!(
                        "{}: not a regular file (fifo, socket or device); skipped",
                        super::display_path(&path)
                    )),
                    None,
                ));
            }
        }
        stack.extend(subdirs.into_iter().rev());
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
        .into_iter()
        .map(|(path, error, skip)| {
            let rel = rel(&path);
            let mut job = file_job(path, rel);
            if let Some(message) = error {
                job.source = Source::Invalid(message);
            } else if let Some(why) = skip {
                job.source = Source::Skip(why.to_string());
            }
            job
        })
        .collect()
}

/// Every file below a skipped folder, as skipped (so the summary's count
/// says how much was left out); folders already seen are not counted twice.
fn count_below(
    dir: &Path,
    why: &'static str,
    files: &mut Vec<(PathBuf, Option<String>, Option<&'static str>)>,
    seen: &mut HashSet<PathBuf>,
) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if !fs::canonicalize(&d).is_ok_and(|c| seen.insert(c)) {
            continue;
        }
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            match fs::metadata(&p) {
                Ok(m) if m.is_dir() => stack.push(p),
                Ok(_) => files.push((p, None, Some(why))),
                Err(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(root: &Path, filter: &WalkFilter) -> Vec<(String, bool)> {
        walk_dir_with(root, filter)
            .into_iter()
            .map(|j| {
                let rel = j.out_name.to_string_lossy().replace('\\', "/");
                (rel, !matches!(j.source, Source::Skip(_)))
            })
            .collect()
    }

    #[test]
    fn a_saved_complete_page_is_one_page() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        fs::write(p.join("story.html"), "<p>story</p>").unwrap();
        fs::create_dir(p.join("story_files")).unwrap();
        fs::write(p.join("story_files/app.js"), "var x = 1;").unwrap();
        fs::write(p.join("story_files/saved_resource.html"), "<p>ad</p>").unwrap();
        fs::write(p.join("notes"), "A plain text note without an extension.").unwrap();
        fs::write(p.join("style.css"), "body { color: red }").unwrap();
        fs::write(p.join("logo.bin"), [0u8, 1, 2, 3, 0, 0, 7, 200]).unwrap();
        fs::write(p.join(".DS_Store"), [0u8; 8]).unwrap();
        fs::create_dir(p.join(".git")).unwrap();
        fs::write(p.join(".git/HEAD"), "ref: refs/heads/main").unwrap();
        // A folder that merely ends in _files, with no page beside it, is walked.
        fs::create_dir(p.join("old_files")).unwrap();
        fs::write(p.join("old_files/a.htm"), "<p>a</p>").unwrap();
        let got = kinds(p, &WalkFilter::default());
        let taken: Vec<&str> = got
            .iter()
            .filter(|(_, t)| *t)
            .map(|(n, _)| n.as_str())
            .collect();
        assert_eq!(taken, ["notes", "old_files/a.htm", "story.html"]);
        assert_eq!(got.len(), 9, "{got:?}");
    }

    #[test]
    fn include_and_exclude_override_the_filter() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        fs::write(p.join("a.html"), "<p>a</p>").unwrap();
        fs::write(p.join("b.html"), "<p>b</p>").unwrap();
        fs::write(p.join("c.json"), "{\"x\": 1}").unwrap();
        let f = WalkFilter::new(&["*.json".into()], &[]).unwrap();
        let taken: Vec<String> = kinds(p, &f)
            .into_iter()
            .filter(|(_, t)| *t)
            .map(|(n, _)| n)
            .collect();
        assert_eq!(taken, ["c.json"]);
        let f = WalkFilter::new(&[], &["b.*".into()]).unwrap();
        let taken: Vec<String> = kinds(p, &f)
            .into_iter()
            .filter(|(_, t)| *t)
            .map(|(n, _)| n)
            .collect();
        assert_eq!(taken, ["a.html"]);
        assert!(WalkFilter::new(&["a[".into()], &[]).is_err());
    }

    #[test]
    fn the_output_folder_is_not_walked() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        fs::write(p.join("a.html"), "<p>a</p>").unwrap();
        fs::create_dir(p.join("out")).unwrap();
        fs::write(p.join("out/a.txt"), "a").unwrap();
        let mut f = WalkFilter::default();
        f.skip_dir(&p.join("out"));
        assert_eq!(kinds(p, &f), [("a.html".to_string(), true)]);
    }
}
