//! html5ever as the test oracle of unchrome's HTML parser: the blocks the
//! walk's rules form from html5ever's tree of a page are compared with the
//! blocks unchrome's own one-pass parser forms (the comparison is described
//! in `common/grouping.rs`). Grouping may differ where unchrome departs from
//! the standard on purpose (text between table rows is not moved before the
//! table; an unclosed `<title>` ends at the first tag); what must not happen
//! is text that one side loses or leaks.
//!
//! `ORACLE_DIR=/path/to/pages cargo test --release --test oracle -- --ignored`
//! compares every `*.html` file under a folder (a benchmark set) and prints
//! how many pages differ (`ORACLE_VERBOSE=1`: and the blocks that do).

#[path = "common/grouping.rs"]
mod grouping;

use std::path::{Path, PathBuf};
use unchrome::decode::{DecodeHints, decode};

fn page_text(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("readable page");
    decode(&bytes, &DecodeHints::default()).text
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            html_files(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("html") || x.eq_ignore_ascii_case("htm"))
        {
            out.push(p);
        }
    }
}

#[test]
fn samples_lose_and_leak_no_text_against_html5ever() {
    let mut files = Vec::new();
    html_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"),
        &mut files,
    );
    assert!(!files.is_empty(), "samples/ holds HTML pages");
    for path in files {
        let html = page_text(&path);
        let ours = grouping::our_blocks(&html);
        let theirs = grouping::html5ever_blocks(&html);
        let diff = grouping::compare(&ours, &theirs);
        assert!(
            diff.lost == 0 && diff.leaked == 0,
            "{}: {diff:#?}",
            path.display()
        );
        assert!(!ours.is_empty(), "{}: no blocks", path.display());
    }
}

#[test]
fn the_oracle_catches_lost_and_leaked_text() {
    // What the comparison reports on the kinds of failure it is there for
    // (so a broken oracle cannot pass everything).
    let d = grouping::compare(
        &["a".into(), "b c".into()],
        &["a b".into(), "c".into(), "gone".into()],
    );
    assert!(!d.same());
    assert_eq!((d.lost, d.leaked), (4, 0));
    let d = grouping::compare(&["x".into(), "leak".into()], &["x".into()]);
    assert_eq!((d.lost, d.leaked), (0, 4));
    // And html5ever's side of a page with the usual structure.
    let theirs = grouping::html5ever_blocks(
        "<title>T</title><p>one <b>two</b><div>three</div><script>x</script>\
         <table><tr><td>cell</table><math><mi>a</mi></math>",
    );
    assert_eq!(theirs, ["one two", "three", "cell", "a"]);
}

#[test]
#[ignore = "needs ORACLE_DIR: a folder of pages"]
fn oracle_over_a_folder() {
    let Some(dir) = std::env::var_os("ORACLE_DIR") else {
        eprintln!("skipped: set ORACLE_DIR");
        return;
    };
    let mut files = Vec::new();
    html_files(Path::new(&dir), &mut files);
    files.sort();
    let (mut differ, mut losing, mut chars, mut lost, mut leaked) = (0, 0, 0, 0, 0);
    for path in &files {
        let html = page_text(path);
        let ours = grouping::our_blocks(&html);
        let theirs = grouping::html5ever_blocks(&html);
        chars += theirs.iter().map(|b| b.chars().count()).sum::<usize>();
        let diff = grouping::compare(&ours, &theirs);
        if !diff.same() {
            differ += 1;
        }
        if diff.lost + diff.leaked > 0 {
            losing += 1;
            eprintln!(
                "{}: lost {} leaked {} chars",
                path.display(),
                diff.lost,
                diff.leaked
            );
            if std::env::var_os("ORACLE_VERBOSE").is_some() {
                eprintln!(
                    "  only ours:   {:?}\n  only theirs: {:?}",
                    diff.only_ours, diff.only_theirs
                );
            }
        }
        lost += diff.lost;
        leaked += diff.leaked;
    }
    eprintln!(
        "{} pages: grouping differs on {differ}, text lost or leaked on {losing} \
         ({lost} chars lost, {leaked} leaked, of {chars})",
        files.len()
    );
}
