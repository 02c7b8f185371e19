//! Pipes and scripts: streaming answers, framing of several records, write
//! failures, output names, resuming after failures, signals.

mod common;

use common::{OutputWith, jsonl, unchrome};
use predicates::prelude::*;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

const STORY: &str = "<html><body><article><h1>Pier to reopen</h1><p>The old pier will reopen to walkers in May after two years of repairs, the harbour board said on Monday, and the cafe at its end will open a month later.</p></article></body></html>";

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("unchrome")
}

fn line(id: usize) -> String {
    serde_json::json!({"id": id.to_string(), "html": STORY}).to_string() + "\n"
}

#[test]
fn a_manifest_on_stdin_streams_one_answer_per_line() {
    let mut child = Command::new(bin())
        .args(["--input-format", "jsonl", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    // Request, then response, with stdin still open: a reply that waited
    // for the end of the input (or for a chunk to fill) would block here.
    for id in 1..=3 {
        stdin.write_all(line(id).as_bytes()).unwrap();
        stdin.flush().unwrap();
        let mut answer = String::new();
        stdout.read_line(&mut answer).unwrap();
        let v: serde_json::Value = serde_json::from_str(&answer).unwrap();
        assert_eq!(v["id"], id.to_string());
        assert!(v["error"].is_null());
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn several_records_are_framed() {
    let manifest = line(1) + &line(2);
    unchrome()
        .args(["--input-format", "jsonl", "-f", "json"])
        .write_stdin(manifest.clone())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use --format jsonl"));
    let out = unchrome()
        .args(["--input-format", "jsonl", "-f", "text"])
        .write_stdin(manifest.clone())
        .output_with(0);
    let text = String::from_utf8(out).unwrap();
    let pages: Vec<&str> = text.split("\x0c\n").collect();
    assert_eq!(pages.len(), 2, "{text:?}");
    assert!(pages.iter().all(|p| p.contains("pier will reopen")));
    // A manifest on stdin defaults to JSON Lines, like a manifest file.
    let out = unchrome()
        .args(["--input-format", "jsonl"])
        .write_stdin(manifest)
        .output_with(0);
    assert_eq!(jsonl(&out).len(), 2);
}

#[cfg(target_os = "linux")]
#[test]
fn failed_writes_to_stdout_are_errors() {
    let d = tempfile::tempdir().unwrap();
    let page = d.path().join("p.html");
    fs::write(&page, STORY).unwrap();
    for format in ["text", "json", "jsonl", "markdown"] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(bin())
            .args(["-f", format])
            .arg(&page)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("could not write to standard output"), "{err}");
        assert_eq!(err.lines().count(), 1, "one clear line: {err}");
    }
    // stdout closed altogether.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("'{}' '{}' >&-", bin().display(), page.display()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard output is closed"));
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    let d = tempfile::tempdir().unwrap();
    for i in 0..300 {
        fs::write(
            d.path().join(format!("{i:03}.txt")),
            format!("Line {i} of a text page that is long enough to keep.\n"),
        )
        .unwrap();
    }
    let mut child = Command::new(bin())
        .arg(d.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // stdout's reader dropped here.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn failed_inputs_write_no_file_and_are_retried_on_resume() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("in");
    let out = d.path().join("out");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("good.html"), STORY).unwrap();
    fs::write(input.join("bad.html"), "").unwrap(); // empty: an error
    unchrome()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["-f", "text"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("2 inputs, 1 errors"));
    assert!(out.join("good.txt").is_file());
    assert!(!out.join("bad.txt").exists(), "no file for a failed input");
    let errors = fs::read_to_string(out.join("unchrome-errors.jsonl")).unwrap();
    let recs = jsonl(errors.as_bytes());
    assert_eq!(recs.len(), 1);
    assert!(recs[0]["path"].as_str().unwrap().ends_with("bad.html"));
    // Mend the input; --resume skips what succeeded and retries the rest.
    fs::write(input.join("bad.html"), STORY).unwrap();
    unchrome()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["-f", "text", "--resume"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "1 inputs, 0 errors, 1 already done",
        ));
    assert!(out.join("bad.txt").is_file());
    assert!(
        !out.join("unchrome-errors.jsonl").exists(),
        "a clean run leaves no errors file"
    );
}

#[test]
fn a_bad_output_name_costs_its_input_not_the_batch() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("out");
    let deep = vec!["d"; 2100].join("/");
    let manifest = [
        serde_json::json!({"id": "x", "html": STORY}),
        serde_json::json!({"id": "x.json/y", "html": STORY}),
        serde_json::json!({"id": deep, "html": STORY}),
        serde_json::json!({"id": "z", "html": STORY}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    unchrome()
        .args(["--input-format", "jsonl", "-f", "json", "-o"])
        .arg(&out)
        .write_stdin(manifest)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("4 inputs, 2 errors"));
    assert!(out.join("x.json").is_file());
    assert!(out.join("z.json").is_file(), "the batch went on");
    let errors = jsonl(&fs::read(out.join("unchrome-errors.jsonl")).unwrap());
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["id"], "x.json/y");
    let left: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "no temporary file left: {left:?}");
}

#[test]
fn an_unwritable_output_folder_is_a_usage_error() {
    let d = tempfile::tempdir().unwrap();
    let page = d.path().join("p.html");
    fs::write(&page, STORY).unwrap();
    // /proc refuses new files even to root.
    unchrome()
        .arg(&page)
        .args(["-o", "/proc/unchrome-test-out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/proc/unchrome-test-out"));
}

#[test]
fn too_many_jobs_are_clamped() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("a.html"), STORY).unwrap();
    fs::write(d.path().join("b.html"), STORY).unwrap();
    unchrome()
        .arg(d.path())
        .args(["--jobs", "100000"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("per core); using"));
    // One page builds no pool at all, whatever --jobs says.
    unchrome()
        .arg(d.path().join("a.html"))
        .args(["--jobs", "100000"])
        .assert()
        .code(0);
}

#[test]
fn allow_input_errors_exits_zero_when_only_inputs_failed() {
    let manifest = line(1) + "{\"id\": \"e\", \"text\": \"\"}\n";
    unchrome()
        .args(["--input-format", "jsonl", "--allow-input-errors"])
        .write_stdin(manifest)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("2 inputs, 1 errors"));
}

#[cfg(unix)]
#[test]
fn sigterm_while_waiting_on_stdin_flushes_and_reports() {
    let mut child = Command::new(bin())
        .args(["--input-format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdin.write_all(line(1).as_bytes()).unwrap();
    stdin.flush().unwrap();
    let mut answer = String::new();
    stdout.read_line(&mut answer).unwrap();
    assert!(answer.contains("\"id\":\"1\""));
    // Now it waits on stdin; SIGTERM must end it like Ctrl-C.
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 inputs, 0 errors") && err.contains("(interrupted)"),
        "{err}"
    );
    drop(stdin);
}
