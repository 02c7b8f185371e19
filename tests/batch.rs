//! Batch contracts: WARC and gzip inputs, order independent of --jobs,
//! --resume, site templates, the summary line and exit codes.

mod common;

use common::{OutputWith, gzip, jsonl, unchrome};
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

/// A news page of a made-up site: shared chrome around a unique story.
fn page(i: usize) -> String {
    format!(
        "<html><head><title>Story {i} | Harbour News</title></head><body>\
         <div class=top>Harbour News Daily Edition Since 1901</div>\
         <div><h1>Story number {i} about the harbour</h1>\
         <p>Paragraph one of story {i}: the harbour board met on Monday and agreed that the old pier would be repaired before the summer season, after years of complaints.</p>\
         <p>Paragraph two of story {i}: residents said they were pleased, though some of them wondered why the work had taken so long to be approved by the council.</p>\
         <p>Support local journalism with a subscription today.</p></div>\
         <div>Harbour News is an independent newspaper owned by its readers</div></body></html>"
    )
}

fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(body: &[u8], extra_headers: &str) -> Vec<u8> {
    let mut m = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n{extra_headers}\r\n"
    )
    .into_bytes();
    m.extend_from_slice(body);
    m
}

#[test]
fn warc_gz_response_records_become_records() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = page(1).replace("harbour board", "harbour b\u{f6}ard");
    let (latin1_bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&latin1);
    let mut archive = Vec::new();
    // Per-record gzip members, as crawls ship them.
    archive.extend(gzip(&warc_record(
        "warcinfo",
        "x",
        "application/warc-fields",
        b"software: test\r\n",
    )));
    archive.extend(gzip(&warc_record(
        "request",
        "http://harbour.example/1",
        "application/http; msgtype=request",
        b"GET /1 HTTP/1.1\r\n\r\n",
    )));
    archive.extend(gzip(&warc_record(
        "response",
        "http://harbour.example/1",
        "application/http; msgtype=response",
        &http_response(&latin1_bytes, ""),
    )));
    let body2 = gzip(page(2).as_bytes());
    archive.extend(gzip(&warc_record(
        "response",
        "http://harbour.example/2",
        "application/http; msgtype=response",
        &http_response(&body2, "Content-Encoding: gzip\r\n"),
    )));
    let path = dir.path().join("crawl.warc.gz");
    fs::write(&path, &archive).unwrap();
    let out = unchrome().arg(&path).arg("--no-templates").output_with(0);
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 2, "warcinfo and request records are skipped");
    assert_eq!(recs[0]["url"], "http://harbour.example/1");
    assert_eq!(recs[0]["encoding"], "windows-1252");
    assert!(recs[0]["text"].as_str().unwrap().contains("harbour böard"));
    assert!(
        recs[1]["text"]
            .as_str()
            .unwrap()
            .contains("Paragraph one of story 2")
    );

    // A truncated archive: the records before the cut, then one error record.
    let cut = dir.path().join("cut.warc");
    let mut plain = warc_record(
        "response",
        "http://harbour.example/3",
        "application/http; msgtype=response",
        &http_response(page(3).as_bytes(), ""),
    );
    let second = warc_record(
        "response",
        "http://harbour.example/4",
        "application/http; msgtype=response",
        &http_response(page(4).as_bytes(), ""),
    );
    plain.extend_from_slice(&second[..second.len() / 2]);
    fs::write(&cut, &plain).unwrap();
    let out = unchrome().arg(&cut).output_with(1);
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 2);
    assert!(recs[0]["error"].is_null());
    let error = recs[1]["error"].as_str().unwrap();
    assert!(
        error.contains("record 2") && error.contains("truncated"),
        "{error}"
    );
}

#[test]
fn gzipped_files_are_read_and_bombs_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("page.html.gz"), gzip(page(7).as_bytes())).unwrap();
    unchrome()
        .arg(dir.path().join("page.html.gz"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Paragraph one of story 7"));
    // 50 MB of zeros compress to ~50 KB; with a 1 MB limit it is refused.
    fs::write(dir.path().join("bomb.html.gz"), gzip(&vec![b' '; 50 << 20])).unwrap();
    unchrome()
        .arg(dir.path().join("bomb.html.gz"))
        .args(["--max-input-bytes", "1000000"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("decompresses to more than"));
}

#[test]
fn output_is_identical_whatever_the_job_count() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        fs::write(dir.path().join(format!("p{i:02}.html")), page(i)).unwrap();
    }
    fs::write(dir.path().join("p99.html"), b"").unwrap();
    let one = unchrome()
        .arg(dir.path())
        .args(["-j", "1", "-q"])
        .output_with(1);
    let two = unchrome()
        .arg(dir.path())
        .args(["-j", "2", "-q"])
        .output_with(1);
    assert_eq!(one, two);
    assert_eq!(jsonl(&one).len(), 41);
}

#[test]
fn resume_skips_finished_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let out = dir.path().join("out");
    fs::create_dir_all(&input).unwrap();
    for i in 0..5 {
        fs::write(input.join(format!("p{i}.html")), page(i)).unwrap();
    }
    // A run "killed" after two pages: only two outputs exist, plus a
    // leftover temporary file that must not count.
    unchrome()
        .arg(input.join("p0.html"))
        .arg(input.join("p1.html"))
        .arg("-o")
        .arg(&out)
        .args(["-f", "json", "-q", "--no-templates"])
        .assert()
        .success();
    fs::write(out.join("p2.json.tmp"), "half").unwrap();
    let marker = fs::read_to_string(out.join("p0.json")).unwrap();
    fs::write(out.join("p0.json"), "kept from the first run").unwrap();
    unchrome()
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["-f", "json", "--resume", "--no-templates"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "3 inputs, 0 errors, 2 already done",
        ));
    assert_eq!(
        fs::read_to_string(out.join("p0.json")).unwrap(),
        "kept from the first run"
    );
    assert!(marker.contains("\"title\""));
    for i in 2..5 {
        let v: Value =
            serde_json::from_str(&fs::read_to_string(out.join(format!("p{i}.json"))).unwrap())
                .unwrap();
        assert!(v["text"].as_str().unwrap().contains(&format!("story {i}")));
    }
    unchrome()
        .arg(&input)
        .arg("--resume")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--resume needs --output-dir"));
}

#[test]
fn site_templates_are_learned_from_pages_read_as_text_that_open_like_html() {
    // Text dumps that open with markup: `--input-kind text` reads them as
    // text, so the template pass must fingerprint them too (it once skipped
    // them by their HTML-looking head).
    let dir = tempfile::tempdir().unwrap();
    let manifest: Vec<String> = (0..6)
        .map(|i| {
            let text = format!(
                "<div class=\"masthead\">Harbour News Daily Edition Since 1901</div>\n\
                 Paragraph one of story {i}: the harbour board met on Monday and agreed that the old pier would be repaired before the summer season, after years of complaints.\n\
                 Paragraph two of story {i}: residents said they were pleased, though some of them wondered why the work had taken so long to be approved by the council.\n\
                 Harbour News is an independent newspaper owned by its readers and staff"
            );
            let page = dir.path().join(format!("{i}.txt"));
            fs::write(&page, text).unwrap();
            serde_json::json!({"id": i, "url": format!("https://harbour.example/{i}"), "path": page})
                .to_string()
        })
        .collect();
    let path = dir.path().join("m.jsonl");
    fs::write(&path, manifest.join("\n")).unwrap();
    let out = jsonl(
        &unchrome()
            .arg(&path)
            .args(["--input-kind", "text", "--explain"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(out.len(), 6);
    for r in &out {
        let text = r["text"].as_str().unwrap();
        assert!(!text.contains("owned by its readers"), "{text}");
        assert!(
            r["removed"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["reason"] == "template")
        );
    }
}

#[test]
fn site_templates_remove_recurring_lines() {
    let dir = tempfile::tempdir().unwrap();
    // Plain-text dumps of one site: a recurring tagline and sign-off around
    // each story (lines no single-page rule knows).
    let manifest: Vec<String> = (0..6)
        .map(|i| {
            let text = format!(
                "Harbour News Daily Edition Since 1901\n\
                 Paragraph one of story {i}: the harbour board met on Monday and agreed that the old pier would be repaired before the summer season, after years of complaints.\n\
                 Paragraph two of story {i}: residents said they were pleased, though some of them wondered why the work had taken so long to be approved by the council.\n\
                 Harbour News is an independent newspaper owned by its readers and staff"
            );
            serde_json::json!({"id": i, "url": format!("https://harbour.example/{i}"), "text": text}).to_string()
        })
        .collect();
    let path = dir.path().join("m.jsonl");
    fs::write(&path, manifest.join("\n")).unwrap();
    let with = jsonl(
        &unchrome()
            .arg(&path)
            .args(["--explain"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let without = jsonl(
        &unchrome()
            .arg(&path)
            .args(["--no-templates"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    for (w, wo) in with.iter().zip(&without) {
        let text = w["text"].as_str().unwrap();
        assert!(text.starts_with("Paragraph one"), "{text}");
        assert!(!text.contains("owned by its readers"), "{text}");
        assert!(
            wo["text"]
                .as_str()
                .unwrap()
                .contains("owned by its readers")
        );
        assert!(
            w["removed"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["reason"] == "template")
        );
    }
    // One page of a site: nothing to learn, same result as without templates.
    let single = dir.path().join("one.jsonl");
    fs::write(&single, &manifest[0]).unwrap();
    let a = unchrome().arg(&single).output_with(0);
    let b = unchrome().arg(&single).arg("--no-templates").output_with(0);
    assert_eq!(a, b);
}

#[test]
fn summary_line_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.html"), page(1)).unwrap();
    fs::write(dir.path().join("b.html"), b"").unwrap();
    unchrome()
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::is_match(r"unchrome: 2 inputs, 1 errors, [0-9.]+s").unwrap());
    fs::remove_file(dir.path().join("b.html")).unwrap();
    unchrome()
        .arg(dir.path())
        .arg("-q")
        .assert()
        .success()
        .stderr("");
    assert!(Path::new(dir.path()).exists());
}
