//! The inputs real users have: browser-saved pages (MHTML, "complete"
//! folders), real crawls (WARC with assets, redirects and errors), pipes and
//! devices that can be read only once or never end, and manifests written
//! for other tools.

mod common;

use common::{OutputWith, gzip, jsonl, samples, unchrome};
use predicates::prelude::*;
use std::fs;

const STORY: &str = "<html><body><article><h1>Pier to reopen</h1><p>The old pier will reopen to walkers in May after two years of repairs, the harbour board said on Monday, and the cafe at its end will open a month later.</p></article></body></html>";

#[test]
fn mhtml_is_read_as_the_page_inside() {
    let out = unchrome()
        .arg("-f")
        .arg("jsonl")
        .arg(samples().join("chrome-saved.mhtml"))
        .output_with(0);
    let r = &jsonl(&out)[0];
    let text = r["text"].as_str().unwrap();
    assert!(
        text.contains("Die Hafenstraße bekommt im Frühjahr"),
        "{text}"
    );
    assert!(
        text.contains("gefährliche Situationen"),
        "soft line breaks joined: {text}"
    );
    assert!(!text.contains("=C3") && !text.contains("=\n"), "{text}");
    assert!(
        !text.contains("font-family"),
        "other parts are not the page"
    );
    assert_eq!(
        r["url"],
        "https://www.stadtanzeiger.example/lokales/radwege-hafenstrasse"
    );
    assert_eq!(r["encoding"], "UTF-8");
}

#[test]
fn a_saved_complete_page_folder_is_one_page() {
    let assert = unchrome()
        .arg(samples().join("saved-complete"))
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "1 inputs, 0 errors, 4 skipped (not pages)",
        ));
    let recs = jsonl(&assert.get_output().stdout);
    assert_eq!(recs.len(), 1);
    assert!(recs[0]["path"].as_str().unwrap().ends_with("story.html"));
    // A file named on the command line is always read: an image is an error.
    unchrome()
        .arg(samples().join("saved-complete/story_files/logo.png"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("binary"));
}

#[test]
fn include_and_exclude_globs() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("a.html"), STORY).unwrap();
    fs::write(d.path().join("b.html"), STORY).unwrap();
    fs::write(d.path().join("feed.json"), "{\"text\": \"not a page\"}").unwrap();
    let out = unchrome()
        .arg(d.path())
        .args(["--exclude", "b.*"])
        .output_with(0);
    assert_eq!(jsonl(&out).len(), 1);
    let out = unchrome()
        .arg(d.path())
        .args(["--include", "*.json", "--include", "a.html"])
        .output_with(0);
    let paths: Vec<String> = jsonl(&out)
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_string())
        .collect();
    assert!(
        paths[0].ends_with("a.html") && paths[1].ends_with("feed.json"),
        "{paths:?}"
    );
    unchrome()
        .arg(d.path())
        .args(["--include", "a["])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad glob"));
}

#[test]
fn warc_takes_2xx_html_and_counts_the_rest() {
    let warc = samples().join("crawl-mixed.warc");
    let assert = unchrome()
        .arg(&warc)
        .arg("--explain")
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "2 inputs, 0 errors, 7 skipped (not pages)",
        ))
        .stderr(predicate::str::contains("HTTP status 301"))
        .stderr(predicate::str::contains("not HTML (text/css)"));
    let recs = jsonl(&assert.get_output().stdout);
    let urls: Vec<&str> = recs.iter().map(|r| r["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            "https://www.stadtanzeiger.example/lokales/radwege-hafenstrasse",
            "https://harbour.example/pier"
        ]
    );
    // Every response record, for those who want them: the two pages, CSS,
    // JS, the image, the redirect, the 404 page and robots.txt (the image
    // and the empty redirect are error records); revisits have no payload.
    let out = unchrome().arg(&warc).arg("--warc-all").output_with(1);
    assert_eq!(jsonl(&out).len(), 8);
}

#[test]
fn a_warc_whose_records_are_all_skipped_is_not_an_error() {
    let d = tempfile::tempdir().unwrap();
    let block = b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n";
    let mut data = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    data.extend_from_slice(block);
    data.extend_from_slice(b"\r\n\r\n");
    fs::write(d.path().join("r.warc"), &data).unwrap();
    let out = unchrome().arg(d.path().join("r.warc")).output_with(0);
    assert!(out.is_empty());
}

#[test]
fn empty_foreign_and_lf_only_warcs() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("empty.warc"), "").unwrap();
    fs::write(d.path().join("page.warc"), STORY).unwrap();
    let lf = format!(
        "WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: http://e.com/\nContent-Type: text/html\nContent-Length: {}\n\n{STORY}\n\n",
        STORY.len()
    );
    fs::write(d.path().join("lf.warc"), lf).unwrap();
    let out = unchrome()
        .arg(d.path().join("empty.warc"))
        .arg(d.path().join("page.warc"))
        .arg(d.path().join("lf.warc"))
        .output_with(1);
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 3, "{recs:?}");
    assert!(recs[0]["error"].as_str().unwrap().contains("empty WARC"));
    assert!(recs[1]["error"].as_str().unwrap().contains("not a WARC"));
    assert!(
        recs[2]["text"]
            .as_str()
            .unwrap()
            .contains("pier will reopen")
    );
}

#[test]
fn a_warc_record_over_the_limit_is_skipped_unread() {
    let d = tempfile::tempdir().unwrap();
    let big = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{}",
        "<p>x</p>".repeat(10_000)
    );
    let small = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{STORY}");
    let mut data = Vec::new();
    for (i, block) in [big, small].iter().enumerate() {
        let rec = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://e.com/{i}\r\nContent-Type: application/http\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        );
        data.extend(gzip(rec.as_bytes()));
    }
    fs::write(d.path().join("c.warc.gz"), &data).unwrap();
    let out = unchrome()
        .arg(d.path().join("c.warc.gz"))
        .args(["--max-input-bytes", "20000"])
        .output_with(1);
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 2);
    assert!(
        recs[0]["error"]
            .as_str()
            .unwrap()
            .contains("over the limit")
    );
    assert!(recs[1]["error"].is_null());
}

#[test]
fn a_warc_on_stdin_is_sniffed_or_named() {
    let warc = fs::read(samples().join("crawl-mixed.warc")).unwrap();
    let out = unchrome()
        .args(["-f", "jsonl"])
        .write_stdin(gzip(&warc))
        .output_with(0);
    assert_eq!(jsonl(&out).len(), 2, "sniffed (gzipped) WARC on stdin");
    let out = unchrome()
        .args(["--input-format", "warc", "-"])
        .write_stdin(warc)
        .output_with(0);
    assert_eq!(jsonl(&out).len(), 2);
}

#[test]
fn gzip_on_stdin_and_trailing_garbage() {
    let out = unchrome()
        .args(["-f", "jsonl"])
        .write_stdin(gzip(STORY.as_bytes()))
        .output_with(0);
    assert!(jsonl(&out)[0]["text"].as_str().unwrap().contains("pier"));
    let d = tempfile::tempdir().unwrap();
    let mut data = gzip(STORY.as_bytes());
    data.extend_from_slice(b"\0\0garbage after the stream");
    fs::write(d.path().join("p.html.gz"), data).unwrap();
    let out = unchrome()
        .args(["-f", "jsonl"])
        .arg(d.path().join("p.html.gz"))
        .output_with(0);
    assert!(jsonl(&out)[0]["text"].as_str().unwrap().contains("pier"));
}

#[test]
fn the_size_limit_holds_for_endless_inputs() {
    // Each would run out of memory if the input were read before the check.
    let out = unchrome()
        .args(["--max-input-bytes", "1000", "-f", "jsonl", "/dev/zero"])
        .output_with(1);
    assert!(
        jsonl(&out)[0]["error"]
            .as_str()
            .unwrap()
            .contains("over the limit")
    );
    // (assert_cmd's pipe_stdin would read the device itself first.)
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("unchrome"))
        .args(["--max-input-bytes", "1000", "-f", "jsonl"])
        .stdin(fs::File::open("/dev/zero").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        jsonl(&out.stdout)[0]["error"]
            .as_str()
            .unwrap()
            .contains("over the limit")
    );
    let out = unchrome()
        .args(["--max-input-bytes", "1000", "--input-format", "jsonl"])
        .write_stdin("{\"id\": \"z\", \"path\": \"/dev/zero\"}\n")
        .output_with(1);
    let r = &jsonl(&out)[0];
    assert_eq!(r["id"], "z");
    assert!(r["error"].as_str().unwrap().contains("over the limit"));
}

#[test]
fn inputs_that_can_be_read_once_are_read_once() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("a.html"), STORY).unwrap();
    let manifest = format!(
        "{{\"id\": \"1\", \"path\": \"{0}/a.html\"}}\n{{\"id\": \"2\", \"path\": \"{0}/a.html\"}}\n",
        d.path().display()
    );
    // A manifest on /dev/stdin (a pipe): the template pass must not eat it.
    let out = unchrome()
        .args(["-f", "jsonl", "--input-format", "jsonl", "/dev/stdin"])
        .write_stdin(manifest.clone())
        .output_with(0);
    assert_eq!(jsonl(&out).len(), 2);
    // A page on /dev/stdin next to a file: both pages, neither empty.
    let out = unchrome()
        .arg("/dev/stdin")
        .arg(d.path().join("a.html"))
        .write_stdin(STORY)
        .output_with(0);
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 2);
    assert!(recs.iter().all(|r| r["error"].is_null()), "{recs:?}");
    // A named fifo, opened once.
    #[cfg(unix)]
    {
        let fifo = d.path().join("m.jsonl");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::write(fifo, manifest).unwrap())
        };
        let out = unchrome()
            .args(["-f", "jsonl"])
            .arg(&fifo)
            .arg(d.path().join("a.html"))
            .output_with(0);
        writer.join().unwrap();
        assert_eq!(jsonl(&out).len(), 3);
    }
}

#[test]
fn manifests_written_for_other_tools() {
    let manifest = concat!(
        "{\"id\": \"a\", \"html_base64\": \"PHA+Q2Fmw6kgcm91Z2U8L3A+\", \"warc_date\": \"2024-01-01\"}\n",
        "{\"id\": \"b\", \"text\": \"lone \\ud800 surrogate but a good line of text here\"}\n",
        "{\"id\": \"c\", \"html_base64\": \"***\"}\n",
    );
    let out = unchrome()
        .args(["--input-format", "jsonl"])
        .write_stdin(manifest)
        .output_with(1);
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["text"], "Café rouge");
    assert!(recs[0]["error"].is_null());
    assert_eq!(recs[1]["id"], "b");
    assert!(
        recs[1]["text"]
            .as_str()
            .unwrap()
            .contains("lone \u{fffd} surrogate")
    );
    assert!(recs[2]["error"].as_str().unwrap().contains("not base64"));
}

#[cfg(unix)]
#[test]
fn file_names_are_escaped_not_merged() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let d = tempfile::tempdir().unwrap();
    for name in [&b"caf\xe9.html"[..], b"caf\xe8.html", b"bell\x07.html"] {
        fs::write(d.path().join(OsStr::from_bytes(name)), STORY).unwrap();
    }
    let out = unchrome().arg(d.path()).output_with(0);
    let paths: Vec<String> = jsonl(&out)
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths.len(), 3);
    assert!(
        paths.iter().any(|p| p.ends_with("bell\\u{7}.html")),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.ends_with("caf\\xe9.html")),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.ends_with("caf\\xe8.html")),
        "{paths:?}"
    );
}

#[test]
fn the_output_folder_inside_the_input_folder_is_not_read_back() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("a.html"), STORY).unwrap();
    for _ in 0..2 {
        unchrome()
            .current_dir(d.path())
            .args(["-o", "out", "."])
            .assert()
            .code(0)
            .stderr(predicate::str::contains("1 inputs"));
    }
    assert!(!d.path().join("out/out").exists());
}
