//! Block grouping compared between unchrome's parser and a reference tree.
//!
//! The comparison: each block's text is normalised (whitespace collapsed,
//! NUL and U+FFFD dropped, since the standard drops or replaces NUL by
//! context); the two sides' blocks are compared as multisets (order is left
//! out: foster-parenting moves text out of tables in the tree, which changes
//! the order of blocks, never what is grouped together). Grouping is the
//! same when the multisets are equal. Text *lost* or *leaked* is counted over
//! the multisets of characters (white space left out): a character the
//! reference has more often than unchrome is lost, one unchrome has more
//! often is leaked. Blocks split or merged differently, even inside a word
//! (`x<table>x` gives "x", "x" here and "xx" in the tree, whose standard
//! moves the second x before the table), lose and leak nothing.
#![allow(dead_code)] // each test crate uses its own subset

use std::collections::HashMap;
use unchrome::html::tree::{Ns, TreeWalk};

/// A block's text, normalised for comparison.
pub fn normalise(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|&c| c != '\0' && c != '\u{FFFD}')
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The normalised, non-empty block texts.
pub fn block_texts<'a>(blocks: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    blocks
        .into_iter()
        .map(normalise)
        .filter(|t| !t.is_empty())
        .collect()
}

/// How two groupings differ.
#[derive(Debug, Default)]
pub struct Diff {
    /// Blocks only unchrome forms, and only the reference forms.
    pub only_ours: Vec<String>,
    pub only_theirs: Vec<String>,
    /// Characters the reference has and unchrome lacks.
    pub lost: usize,
    /// Characters unchrome has and the reference lacks.
    pub leaked: usize,
}

impl Diff {
    pub fn same(&self) -> bool {
        self.only_ours.is_empty() && self.only_theirs.is_empty()
    }
}

fn counts<'a>(items: impl IntoIterator<Item = &'a str>) -> HashMap<&'a str, isize> {
    let mut m = HashMap::new();
    for i in items {
        *m.entry(i).or_insert(0) += 1;
    }
    m
}

/// Compare unchrome's blocks (`ours`) with the reference's (`theirs`).
pub fn compare(ours: &[String], theirs: &[String]) -> Diff {
    let mut d = Diff::default();
    let mut blocks = counts(ours.iter().map(String::as_str));
    for t in theirs {
        *blocks.entry(t.as_str()).or_insert(0) -= 1;
    }
    for (b, n) in blocks {
        for _ in 0..n.unsigned_abs() {
            if n > 0 {
                d.only_ours.push(b.to_string());
            } else {
                d.only_theirs.push(b.to_string());
            }
        }
    }
    d.only_ours.sort();
    d.only_theirs.sort();
    let mut chars: HashMap<char, isize> = HashMap::new();
    for c in ours.iter().flat_map(|b| b.chars()) {
        *chars.entry(c).or_insert(0) += 1;
    }
    for c in theirs.iter().flat_map(|b| b.chars()) {
        *chars.entry(c).or_insert(0) -= 1;
    }
    for (c, n) in chars {
        if c == ' ' {
            continue;
        }
        if n > 0 {
            d.leaked += n.unsigned_abs();
        } else {
            d.lost += n.unsigned_abs();
        }
    }
    d
}

/// unchrome's own blocks for `html`.
pub fn our_blocks(html: &str) -> Vec<String> {
    let page = unchrome::html::parse(html);
    block_texts(page.blocks.iter().map(|b| b.text.as_str()))
}

/// The blocks the walk's rules form from html5ever's tree of `html`.
pub fn html5ever_blocks(html: &str) -> Vec<String> {
    use html5ever::tendril::TendrilSink;
    use markup5ever_rcdom::{Handle, NodeData, RcDom};
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut walk = TreeWalk::new();
    // Iterative, so a deeply nested page costs no stack: `None` closes.
    let mut todo: Vec<Option<Handle>> = dom
        .document
        .children
        .borrow()
        .iter()
        .rev()
        .cloned()
        .map(Some)
        .collect();
    while let Some(item) = todo.pop() {
        let Some(node) = item else {
            walk.close();
            continue;
        };
        match &node.data {
            NodeData::Text { contents } => walk.text(&contents.borrow()),
            NodeData::Element {
                name,
                attrs,
                template_contents,
                ..
            } => {
                let ns = match &*name.ns {
                    "http://www.w3.org/2000/svg" => Ns::Svg,
                    "http://www.w3.org/1998/Math/MathML" => Ns::MathMl,
                    _ => Ns::Html,
                };
                let attrs = attrs.borrow();
                let pairs: Vec<(&str, &str)> =
                    attrs.iter().map(|a| (&*a.name.local, &*a.value)).collect();
                walk.open(ns, &name.local, &pairs);
                todo.push(None);
                let children = match &*template_contents.borrow() {
                    Some(contents) => contents.children.borrow().clone(),
                    None => node.children.borrow().clone(),
                };
                todo.extend(children.into_iter().rev().map(Some));
            }
            _ => {}
        }
    }
    let walked = walk.finish();
    block_texts(walked.blocks.iter().map(|b| b.text.as_str()))
}
