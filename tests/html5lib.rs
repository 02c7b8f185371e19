//! html5lib-tests' tree-construction cases, read from
//! `../shared/html5lib-tests/tree-construction/*.dat` (skipped with a message
//! where that folder is absent; nothing is copied into the repository).
//!
//! For each whole-document case, the blocks unchrome's parser forms from the
//! input are compared with the blocks the same walk rules form from the
//! expected tree (see `common/grouping.rs` for the comparison). Fragment
//! cases (`#document-fragment`: unchrome parses documents only) and
//! scripting-on cases (`#script-on`: unchrome reads pages as with scripting
//! off) are left out and counted. The test fails when the pass rate falls
//! under 98%, when a case fails that [`KNOWN`] does not list, or when a
//! listed case passes (so the list stays true). `HTML5LIB_VERBOSE=1` prints
//! every failure with both groupings.

#[path = "common/grouping.rs"]
mod grouping;

use std::path::Path;
use unchrome::html::tree::{Ns, TreeWalk};

/// Deliberate differences, by file and case number (1-based), one line of
/// why each.
const KNOWN: &[(&str, &str)] = &[
    // `<noscript>` is read as raw text, as a browser with scripting on (and
    // html5ever by default) reads it; these cases expect scripting off.
    ("noscript01.dat#17", "noscript in head, scripting off"),
    ("tests16.dat#85", "noscript raw text: comment inside"),
    ("tests16.dat#87", "noscript raw text: comment inside"),
    ("tests16.dat#89", "noscript raw text: iframe inside"),
    ("tests16.dat#182", "noscript raw text: comment inside"),
    ("tests16.dat#184", "noscript raw text: comment inside"),
    ("tests16.dat#186", "noscript raw text: iframe inside"),
    ("tests18.dat#5", "noscript raw text: plaintext inside"),
    ("tests5.dat#17", "noscript raw text: comment inside"),
    // A `<title>` without its end tag ends at the first tag, so a garbled
    // `</title>` does not swallow the page (recovered on purpose).
    ("tests16.dat#83", "garbled </title> recovered"),
    ("tests16.dat#180", "garbled </title> recovered"),
    ("tests3.dat#16", "unclosed <title> recovered"),
    // Text between table rows stays where it is; the standard moves it
    // before the table ("foster parenting"), which a one-pass walk that
    // has already flushed the text before the table cannot do. No text is
    // lost, it forms a block of its own.
    ("adoption01.dat#11", "foster-parented text"),
    ("adoption01.dat#12", "foster-parented text"),
    ("tests1.dat#33", "foster-parented text"),
    ("tests1.dat#78", "foster-parented text"),
    ("tests1.dat#79", "foster-parented text"),
    ("tests1.dat#80", "foster-parented text"),
    ("tests19.dat#90", "foster-parented text"),
    ("tests26.dat#3", "foster-parented text"),
    ("tests7.dat#32", "foster-parented text"),
    ("tests7.dat#33", "foster-parented text"),
    ("tests8.dat#7", "foster-parented text"),
    // The adoption agency re-opening `<b>` after a `<select>` (and closing
    // an option with it) is not modelled.
    ("tests1.dat#30", "adoption agency across a select"),
];

struct Case {
    name: String,
    data: String,
    tree: Vec<String>,
    fragment: bool,
    script_on: bool,
}

/// The cases of one `.dat` file.
fn cases(file: &str, text: &str) -> Vec<Case> {
    let mut out = Vec::new();
    for (n, chunk) in text.split("\n\n#data\n").enumerate() {
        let chunk = chunk.strip_prefix("#data\n").unwrap_or(chunk);
        let split = match chunk.strip_prefix("#errors\n") {
            Some(rest) => Some(("", rest)), // empty input
            None => chunk.split_once("\n#errors\n"),
        };
        let Some((data, rest)) = split else {
            continue;
        };
        let mut tree = Vec::new();
        let mut in_doc = false;
        let (mut fragment, mut script_on) = (false, false);
        for line in rest.lines() {
            match line {
                "#document" => in_doc = true,
                "#document-fragment" => fragment = true,
                "#script-on" => script_on = true,
                _ if !in_doc => {}
                // A node's line; lines without the prefix continue it.
                _ if line.starts_with("| ") => tree.push(line[2..].to_string()),
                _ => {
                    if let Some(last) = tree.last_mut() {
                        last.push('\n');
                        last.push_str(line);
                    }
                }
            }
        }
        out.push(Case {
            name: format!("{file}#{}", n + 1),
            data: data.to_string(),
            tree,
            fragment,
            script_on,
        });
    }
    out
}

/// The blocks the walk forms from an expected tree.
fn expected_blocks(tree: &[String]) -> Vec<String> {
    enum Node<'a> {
        Element(Ns, &'a str, Vec<(&'a str, &'a str)>),
        Text(&'a str),
        Other,
    }
    let mut nodes: Vec<(usize, Node)> = Vec::new();
    for line in tree {
        let depth = line.len() - line.trim_start_matches(' ').len();
        let body = &line[depth..];
        let node = if let Some(text) = body.strip_prefix('"') {
            Node::Text(text.strip_suffix('"').unwrap_or(text))
        } else if body.starts_with("<!") || body.starts_with("<?") {
            Node::Other
        } else if let Some(tag) = body.strip_prefix('<').and_then(|b| b.strip_suffix('>')) {
            match tag.split_once(' ') {
                Some(("svg", local)) => Node::Element(Ns::Svg, local, Vec::new()),
                Some(("math", local)) => Node::Element(Ns::MathMl, local, Vec::new()),
                _ => Node::Element(Ns::Html, tag, Vec::new()),
            }
        } else if body == "content" {
            // A template's contents: hidden, like the template.
            Node::Element(Ns::Html, "template", Vec::new())
        } else if let Some((name, value)) = body.split_once('=') {
            // An attribute of the element on the line before.
            if let Some((_, Node::Element(_, _, attrs))) = nodes.last_mut() {
                let value = value.trim_start_matches('"').trim_end_matches('"');
                attrs.push((name, value));
            }
            continue;
        } else {
            Node::Other
        };
        nodes.push((depth, node));
    }
    let mut walk = TreeWalk::new();
    let mut open: Vec<usize> = Vec::new();
    for (depth, node) in &nodes {
        while open.last().is_some_and(|&d| d >= *depth) {
            open.pop();
            walk.close();
        }
        match node {
            Node::Element(ns, name, attrs) => {
                walk.open(*ns, name, attrs);
                open.push(*depth);
            }
            Node::Text(t) => walk.text(t),
            Node::Other => {}
        }
    }
    let walked = walk.finish();
    grouping::block_texts(walked.blocks.iter().map(|b| b.text.as_str()))
}

#[test]
fn tree_construction_block_grouping() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/html5lib-tests/tree-construction");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "dat"))
        .collect();
    files.sort();
    let verbose = std::env::var_os("HTML5LIB_VERBOSE").is_some();
    let (mut total, mut fragments, mut script_on, mut run) = (0, 0, 0, 0);
    let mut failed = Vec::new();
    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).expect("readable test file");
        for case in cases(&file, &text) {
            total += 1;
            if case.fragment {
                fragments += 1;
                continue;
            }
            if case.script_on {
                script_on += 1;
                continue;
            }
            run += 1;
            let ours = grouping::our_blocks(&case.data);
            let theirs = expected_blocks(&case.tree);
            let diff = grouping::compare(&ours, &theirs);
            if !diff.same() {
                if verbose {
                    eprintln!(
                        "FAIL {} (lost {}, leaked {})\n  input: {:?}\n  ours:   {:?}\n  theirs: {:?}",
                        case.name, diff.lost, diff.leaked, case.data, ours, theirs
                    );
                }
                failed.push(case.name);
            }
        }
    }
    let passed = run - failed.len();
    let rate = passed as f64 / run as f64;
    eprintln!(
        "html5lib tree-construction: {total} cases, {fragments} fragment and {script_on} \
         script-on left out; {passed}/{run} whole-document cases group text as expected ({:.1}%)",
        rate * 100.0
    );
    let unlisted: Vec<&String> = failed
        .iter()
        .filter(|f| !KNOWN.iter().any(|(k, _)| k == f))
        .collect();
    let stale: Vec<&str> = KNOWN
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| !failed.iter().any(|f| f == k))
        .collect();
    assert!(
        total >= 1_700,
        "only {total} cases found in {}",
        dir.display()
    );
    assert!(unlisted.is_empty(), "unlisted failures: {unlisted:?}");
    assert!(stale.is_empty(), "listed as known but passing: {stale:?}");
    assert!(rate >= 0.98, "pass rate {:.1}% under 98%", rate * 100.0);
}
