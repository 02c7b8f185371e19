//! End-to-end tests of the `unchrome` command: the contracts in the README.

mod common;

use common::{OutputWith, jsonl, samples, unchrome};
use predicates::prelude::*;
use serde_json::Value;
use std::fs;

#[test]
fn seed_text_prints_exactly_the_body() {
    let expected = fs::read_to_string(samples().join("seed-news-footer.expected.txt")).unwrap();
    unchrome()
        .arg(samples().join("seed-news-footer.txt"))
        .assert()
        .success()
        .stdout(expected);
}

#[test]
fn seed_json_explain_has_metadata_and_reasons() {
    let out = unchrome()
        .args(["--format", "json", "--explain"])
        .arg(samples().join("seed-news-footer.txt"))
        .output_with(0);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["date"], "2017-01-02T22:18:00+00:00");
    assert_eq!(v["source"], "Timesofoman");
    assert_eq!(v["publisher"], "Arabs Today Group SAL");
    assert_eq!(v["copyright"], "Arab Today Media Group 2023");
    assert_eq!(v["input_kind"], "text");
    assert_eq!(v["encoding"], "UTF-8");
    let reasons: Vec<(&str, &str)> = v["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["reason"].as_str().unwrap(), r["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("syndication", "Source: Timesofoman"),
            ("timestamp", "GMT 22:18 2017 Monday ,02 January"),
            (
                "related_headline",
                "In Iraq, Hollande Says Daesh Battle Prevents Attacks At Home"
            ),
            (
                "footer_credit",
                "Maintained and developed by Arabs Today Group SAL."
            ),
            (
                "copyright",
                "All rights reserved to Arab Today Media Group 2023 ©"
            ),
            (
                "footer_credit",
                "Maintained and developed by Arabs Today Group SAL."
            ),
            (
                "copyright",
                "All rights reserved to Arab Today Media Group 2023 ©"
            ),
        ]
    );
}

#[test]
fn comments_are_left_out_by_default_and_kept_apart_on_request() {
    let page = samples().join("blog-with-comments.html");
    let out = unchrome()
        .args(["--format", "json"])
        .arg(&page)
        .output_with(0);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert!(v.get("comments").is_none());
    assert!(!v["text"].as_str().unwrap().contains("lovely story"));
    assert_eq!(v["author"], "Anna Weller");
    assert_eq!(v["date"], "2021-03-03");

    let out = unchrome()
        .args(["--format", "json", "--comments"])
        .arg(&page)
        .output_with(0);
    let v: Value = serde_json::from_slice(&out).unwrap();
    let comments: Vec<&str> = v["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(comments.len(), 8);
    assert!(comments[0].starts_with("What a lovely story."));
    assert_eq!(comments[1], "Posted by: Tom at March 3, 2021 9:14 AM");
    assert!(!v["text"].as_str().unwrap().contains("lovely story"));

    unchrome()
        .arg("--comments")
        .arg(&page)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\n\n--- comments ---\nWhat a lovely story.",
        ));
}

#[test]
fn stdin_to_stdout() {
    let page = fs::read(samples().join("jsonld-article.html")).unwrap();
    unchrome()
        .write_stdin(page.clone())
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Hundreds of homes along the coast were evacuated",
        ))
        .stdout(predicate::str::contains("Share on Facebook").not());
    // --headline keeps the headline as the body's first line.
    unchrome()
        .arg("--headline")
        .write_stdin(page)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Storm Floods Coastal Towns as Rivers Burst Their Banks\n",
        ));
}

#[test]
fn explain_in_text_format_goes_to_stderr() {
    unchrome()
        .arg("--explain")
        .arg(samples().join("seed-news-footer.txt"))
        .assert()
        .success()
        .stderr(
            predicate::str::is_match(r"\[syndication\]\s+-?[0-9.]+\s+Source: Timesofoman").unwrap(),
        )
        .stderr(predicate::str::is_match(r"(?m)^KEEP\s+[0-9.]+\s+An IS militant").unwrap());
}

#[test]
fn markdown_keeps_headings() {
    unchrome()
        .args(["--format", "markdown"])
        .arg(samples().join("jsonld-article.html"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "# Storm Floods Coastal Towns as Rivers Burst Their Banks\n",
        ))
        .stdout(predicate::str::contains("\n## Warnings ignored\n"))
        .stdout(predicate::str::contains(
            "author: \"Maria Lopez, Tom Baker\"",
        ));
}

#[test]
fn manifest_yields_one_record_per_line_in_order_with_errors() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    fs::copy(samples().join("jsonld-article.html"), &page).unwrap();
    fs::write(dir.path().join("empty.html"), b"").unwrap();
    fs::write(
        dir.path().join("binary.html"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .unwrap();
    let manifest = dir.path().join("m.jsonl");
    fs::write(
        &manifest,
        [
            r#"{"id": "a", "path": "page.html", "url": "https://dailyharbour.example.com/x"}"#,
            r#"{"id": "b", "path": "missing.html"}"#,
            r#"not json at all"#,
            "",
            r#"{"id": 4, "text": "Home\nThe council met on Monday and agreed that the bridges would be repaired next year, after many years of complaints from the people who live there.\n© 2024 Example"}"#,
            r#"{"id": "e", "path": "empty.html"}"#,
            r#"{"id": "f", "path": "binary.html"}"#,
            r#"{"id": "g", "html": "<p>x</p>", "text": "y"}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let out = unchrome().arg(&manifest).output_with(1);
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 7);
    let ids: Vec<Value> = recs.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(
        ids,
        [
            Value::from("a"),
            Value::from("b"),
            Value::Null,
            Value::from(4),
            Value::from("e"),
            Value::from("f"),
            Value::from("g")
        ]
    );
    assert!(recs[0]["error"].is_null());
    assert_eq!(recs[0]["url"], "https://dailyharbour.example.com/x");
    assert!(recs[1]["error"].as_str().unwrap().contains("no such file"));
    assert!(recs[2]["error"].as_str().unwrap().contains("line 3"));
    assert!(recs[3]["error"].is_null());
    assert!(
        recs[3]["text"]
            .as_str()
            .unwrap()
            .starts_with("The council met")
    );
    assert_eq!(recs[4]["error"], "input is empty");
    assert!(recs[5]["error"].as_str().unwrap().contains("binary"));
    assert!(recs[6]["error"].as_str().unwrap().contains("exactly one"));
    for r in &recs {
        for key in [
            "id", "text", "title", "author", "date", "error", "encoding", "language",
        ] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
    }
}

#[test]
fn directory_is_walked_sorted_and_mirrored_into_output_dir() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(input.join("sub")).unwrap();
    fs::copy(
        samples().join("seed-news-footer.txt"),
        input.join("sub/b.txt"),
    )
    .unwrap();
    fs::copy(samples().join("jsonld-article.html"), input.join("a.html")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, input.join("sub/loop")).unwrap();
    let out = unchrome().arg(&input).output_with(0);
    let recs = jsonl(&out);
    let paths: Vec<&str> = recs.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("a.html") && paths[1].ends_with("b.txt"));

    let outdir = dir.path().join("out");
    unchrome()
        .arg(&input)
        .arg("--output-dir")
        .arg(&outdir)
        .args(["--format", "json", "-q"])
        .assert()
        .success()
        .stdout("");
    let a: Value =
        serde_json::from_str(&fs::read_to_string(outdir.join("a.json")).unwrap()).unwrap();
    assert_eq!(
        a["title"],
        "Storm Floods Coastal Towns as Rivers Burst Their Banks"
    );
    assert!(outdir.join("sub/b.json").exists());
}

#[test]
fn single_missing_file_is_a_clear_error_with_status_1() {
    unchrome()
        .arg("/no/such/page.html")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("no such file"));
}

#[test]
fn usage_errors_exit_2() {
    unchrome().arg("--format").arg("yaml").assert().code(2);
    unchrome()
        .args(["--encoding", "no-such-charset", "-"])
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn legacy_charset_page_decodes() {
    let out = unchrome()
        .args(["--format", "json"])
        .arg(samples().join("legacy-charset-windows-1251.html"))
        .output_with(0);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["encoding"], "windows-1251");
    assert_eq!(v["title"], "Городской совет утвердил план ремонта мостов");
    assert_eq!(v["language"], "ru");
    assert!(v["text"].as_str().unwrap().contains("Северный мост"));
    assert!(!v["text"].as_str().unwrap().contains("Поделиться"));
}

#[test]
fn undeclared_shift_jis_page_is_detected() {
    let out = unchrome()
        .args(["--format", "json"])
        .arg(samples().join("undeclared-shift_jis.html"))
        .output_with(0);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["encoding"], "Shift_JIS");
    assert!(v["text"].as_str().unwrap().contains("新しい図書館には"));
    assert!(!v["text"].as_str().unwrap().contains("Copyright"));
}

#[test]
fn encoding_override_wins() {
    // The page says windows-1251; forcing windows-1252 gives Latin mojibake,
    // which proves the override was used.
    let out = unchrome()
        .args(["--format", "json", "--encoding", "windows-1252"])
        .arg(samples().join("legacy-charset-windows-1251.html"))
        .output_with(0);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["encoding"], "windows-1252");
}

#[test]
fn input_kind_override() {
    // HTML forced to be read as text keeps the tags as text.
    unchrome()
        .args(["--input-kind", "text"])
        .write_stdin("<p>The council met on Monday and agreed that the bridges would be repaired next year, after many complaints.</p>")
        .assert()
        .success()
        .stdout(predicate::str::contains("<p>"));
}

#[test]
fn output_dir_never_escapes_or_overwrites_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(input.join("sub")).unwrap();
    fs::copy(
        samples().join("seed-news-footer.txt"),
        input.join("sub/a.txt"),
    )
    .unwrap();
    fs::copy(samples().join("seed-news-footer.txt"), input.join("b.txt")).unwrap();
    // The output folder holds a symlink named like the input's subfolder,
    // pointing outside: the record for sub/a.txt must not be written there.
    let out = dir.path().join("out");
    let outside = dir.path().join("outside");
    fs::create_dir_all(&out).unwrap();
    fs::create_dir_all(&outside).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&outside, out.join("sub")).unwrap();
        unchrome()
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .args(["-f", "text", "-q", "--no-templates"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("outside the output folder"));
        assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
        assert!(out.join("b.txt").exists());
    }
    // Writing text into the input folder itself never replaces an input.
    let before = fs::read(input.join("b.txt")).unwrap();
    unchrome()
        .arg(input.join("b.txt"))
        .arg("-o")
        .arg(&input)
        .args(["-f", "text", "-q"])
        .assert()
        .success();
    assert_eq!(fs::read(input.join("b.txt")).unwrap(), before);
    assert!(input.join("b-2.txt").exists());
}

#[cfg(unix)]
#[test]
fn special_files_in_a_folder_get_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        samples().join("seed-news-footer.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    let fifo = dir.path().join("b.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this system: nothing to test
    }
    let recs = jsonl(&unchrome().arg(dir.path()).arg("-q").output_with(1));
    assert_eq!(recs.len(), 2);
    assert!(recs[0]["error"].is_null());
    assert!(
        recs[1]["error"]
            .as_str()
            .unwrap()
            .contains("not a regular file")
    );
}
