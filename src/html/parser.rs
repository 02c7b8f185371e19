//! Tokenizer and tree builder in one pass, feeding the walk directly.
//!
//! Why not html5ever: on the dragnet pages its tokenizer alone took a quarter
//! of unchrome's whole time and building the DOM (html5ever + scraper) 42%,
//! while the walk only needs a stream of *open element / text / close
//! element* events with the right nesting. This module produces exactly that
//! stream in one linear scan, without a DOM and without allocating per text
//! node: text is handed to the walk as slices of the input (decoded only when
//! it holds a character reference).
//!
//! The nesting follows the HTML parsing rules that decide which block a piece
//! of text lands in — implied end tags (`<p>` closed by a block, `<li>` by
//! the next item, table cells and rows), table parts outside a table and end
//! tags that match nothing ignored, end tags that may not cross a table or a
//! cell, inline end tags that may not close a block, raw-text elements
//! (`<script>`, `<style>`, `<title>`, `<textarea>`, …) read to their end tag
//! (scripts by the script data states, so
//! `<!-- document.write('<script></script>') -->` stays inside), foreign
//! content ([`foreign`]), and the implied `<html>`, `<head>` and `<body>`.
//! Formatting elements closed by a block are re-opened as the standard says
//! ([`formatting`]); the walk sees the copies only of those that hide
//! themselves. What it leaves out changes where inline markup sits, not
//! which text belongs to which block: the adoption agency's re-nesting of
//! misnested `<b>`/`<a>`, and foster-parenting text out of tables (that
//! text forms a block of its own).
//! `tests/html5lib.rs` and `tests/oracle.rs` hold it to the standard, with
//! html5lib-tests' expected trees and html5ever as references.
//!
//! Work is bounded on hostile input: nesting is capped at [`MAX_DEPTH`], and
//! a search of the open elements for an end tag's match stops after
//! `SCAN_LIMIT` entries.

pub use super::entities::decode_entities;
use super::tags::*;
use foreign::Point;

mod end_tags;
mod foreign;
mod formatting;
mod tokens;
use super::scan::{comment_end, find_end_tag, find_script_end, is_ws, past_gt};
pub use super::tags::{INLINE, SKIPPED, Tag};
use super::walk::{Frame, State};
use memchr::{memchr, memchr2};
use std::borrow::Cow;
use std::collections::HashMap;
pub use tokens::Attrs;

/// Deepest element nesting kept. Real pages stay far below a few hundred
/// levels; tags past this depth are dropped (their text stays), which
/// flattens only hostile or broken pages and keeps every later stage (which
/// climbs ancestors) linear.
pub const MAX_DEPTH: usize = 2_000;

/// How far down the stack of open elements an end tag looks for its match.
/// Well-formed pages match within a few entries; the limit keeps a page of a
/// million stray end tags linear.
const SCAN_LIMIT: usize = 512;

/// Work done by one parse, counted so tests can show it stays linear.
#[derive(Debug, Default, Clone, Copy)]
pub struct Work {
    /// Attribute names compared while dropping duplicates.
    pub attr_compares: usize,
    /// Open elements looked at while matching tags to open elements.
    pub scanned: usize,
    /// Copies of hidden formatting elements re-opened (see [`formatting`]).
    pub reopened: usize,
    /// A bound on hostile input was reached: tags dropped past
    /// [`MAX_DEPTH`], or a search given up after `SCAN_LIMIT` entries (the
    /// page is then parsed differently from the standard, on purpose).
    pub limited: bool,
}

/// An open element.
struct Open {
    id: u16,
    /// The name of a tag not in [`KNOWN`].
    custom: Option<Box<str>>,
    flags: u16,
    /// The walk's frame; `None` inside a skipped subtree.
    frame: Option<Frame>,
    /// This element is skipped, or sits inside one.
    skip: bool,
    ns: Ns,
    /// A foreign element where HTML rules apply again.
    point: Point,
    /// The outermost `<math>` being read (not inside a skipped element).
    math: bool,
    /// A MathML annotation (its text is not read).
    annotation: bool,
    /// Its entry in the list of active formatting elements (see
    /// [`formatting`]), or 0.
    fmt: u32,
}

impl Open {
    /// In the standard's "special" category (for foreign elements: the
    /// integration points and `<annotation-xml>`, which carry [`SCOPE`]).
    fn is_special(&self) -> bool {
        self.flags & SPECIAL != 0 || (self.ns != Ns::Html && self.flags & SCOPE != 0)
    }

    /// Is this the element named by `id` (and, for a custom tag, `name`)?
    fn is(&self, id: u16, name: &str) -> bool {
        self.id == id && (id != CUSTOM || self.custom.as_deref() == Some(name))
    }
}

struct Parser<'a, 's> {
    s: &'a str,
    b: &'a [u8],
    pos: usize,
    st: &'s mut State,
    stack: Vec<Open>,
    /// Open elements per known tag, so an end tag that matches nothing is
    /// dropped without a search.
    counts: Vec<u32>,
    custom_counts: HashMap<Box<str>, u32>,
    /// Open elements with `skip` set.
    skip: usize,
    /// Start tags dropped past [`MAX_DEPTH`] whose end tags are still due.
    dropped: usize,
    html_open: bool,
    body_open: bool,
    attrs: Attrs<'a>,
    /// Pushes and pops of the stack so far: tells when it last changed.
    changes: usize,
    /// The last end tag (known tags only) that matched nothing, and
    /// `changes` then: the same tag again, on the same stack, matches
    /// nothing either, so 200,000 stray `</div>` cost one search.
    missed: Option<(u16, usize)>,
    /// Open elements looked at by [`Self::search`] (see [`Work`]).
    scanned: std::cell::Cell<usize>,
    /// See [`Work::limited`].
    limited: std::cell::Cell<bool>,
    /// Open `<math>` elements being read, annotations inside them, and the
    /// formula's text so far (see [`foreign`]).
    math: usize,
    annotations: usize,
    formula: String,
    /// Hidden formatting elements to re-open (see [`formatting`]).
    fmt: formatting::Active,
}

/// Parse `html` and feed the walk.
pub fn run(html: &str, st: &mut State) -> Work {
    let mut p = Parser {
        s: html,
        b: html.as_bytes(),
        pos: 0,
        st,
        stack: Vec::new(),
        counts: vec![0; KNOWN.len()],
        custom_counts: HashMap::new(),
        skip: 0,
        dropped: 0,
        html_open: false,
        body_open: false,
        attrs: Attrs::default(),
        changes: 0,
        missed: None,
        scanned: Default::default(),
        limited: Default::default(),
        math: 0,
        annotations: 0,
        formula: String::new(),
        fmt: Default::default(),
    };
    p.run();
    p.pop_to(0);
    Work {
        attr_compares: p.attrs.compares,
        scanned: p.scanned.get(),
        reopened: p.fmt.reopened,
        limited: p.limited.get(),
    }
}

impl<'a> Parser<'a, '_> {
    fn run(&mut self) {
        let len = self.b.len();
        while self.pos < len {
            match memchr(b'<', &self.b[self.pos..]) {
                None => {
                    self.text(self.pos, len);
                    self.pos = len;
                }
                Some(off) => {
                    let lt = self.pos + off;
                    if lt > self.pos {
                        self.text(self.pos, lt);
                    }
                    self.pos = lt;
                    self.markup();
                }
            }
        }
    }

    /// Text between markup.
    fn text(&mut self, start: usize, end: usize) {
        self.text_decoded(start, end, true);
    }

    /// Text, with character references decoded or (`<plaintext>`, which
    /// the standard reads literally to the end) not.
    fn text_decoded(&mut self, start: usize, end: usize, references: bool) {
        let raw = &self.s[start..end];
        if !self.body_open {
            if raw.bytes().all(is_ws) {
                return;
            }
            self.open_body(false);
        }
        if self.skip > 0 || self.annotations > 0 {
            return;
        }
        self.reopen_formatting();
        let mut text = if memchr2(b'&', b'\r', raw.as_bytes()).is_some() || raw.contains('\0') {
            let mut t = if references {
                decode_entities(raw, false).into_owned()
            } else {
                raw.to_string()
            };
            if t.contains('\r') {
                t = t.replace("\r\n", "\n").replace('\r', "\n");
            }
            Cow::Owned(t)
        } else {
            Cow::Borrowed(raw)
        };
        if text.contains('\0') {
            text = Cow::Owned(text.replace('\0', ""));
        }
        if self.math > 0 {
            self.formula_text(&text);
        } else {
            self.st.push_text(&text);
        }
    }

    /// Open `<html>` (once), with the current tag's attributes or none.
    fn open_html(&mut self, with_attrs: bool) {
        if !self.html_open {
            self.html_open = true;
            self.push_implied("html", with_attrs);
        }
    }

    /// Open the body (once), and `<html>` before it if needed.
    fn open_body(&mut self, with_attrs: bool) {
        self.open_html(false);
        if !self.body_open {
            self.body_open = true;
            self.push_implied("body", with_attrs);
        }
    }

    /// Push an element that may have been implied by another tag (whose
    /// attributes it must not take).
    fn push_implied(&mut self, name: &str, with_attrs: bool) {
        let (id, flags) = lookup(name);
        if with_attrs {
            self.push(name, id, flags);
        } else {
            let saved = std::mem::take(&mut self.attrs);
            self.push(name, id, flags);
            self.attrs = saved;
        }
    }

    /// The few start tags handled before (or instead of) the tree rules:
    /// true when `name` was one of them.
    fn start_tag_outside_tree(&mut self, name: &str, flags: u16, self_closing: bool) -> bool {
        match name {
            "html" => {
                self.open_html(true);
            }
            "head" | "frame" => {}
            // A frameset page has no body: its text lives in the frames
            // (other documents); what follows is never shown.
            "frameset" if !self.body_open => {
                self.pos = self.b.len();
            }
            "frameset" => {}
            "body" => self.open_body(true),
            "title" => self.raw_text("title", true),
            "script" => {
                // A template's content is inert: its JSON-LD describes
                // nothing on the page.
                let ld = self.counts[TEMPLATE as usize] == 0
                    && self
                        .attrs
                        .get("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                self.raw_text("script", ld);
            }
            "svg" | "math" => {
                self.open_body(false);
                self.reopen_formatting();
                let ns = if name == "svg" { Ns::Svg } else { Ns::MathMl };
                self.push_foreign(ns, name, self_closing);
            }
            "meta" | "link" | "base" if !self.body_open => {
                self.open_html(false);
                self.st.read_head_element(name, &self.attrs);
            }
            _ if flags & RAW != 0 => self.raw_text(name, false),
            _ => return false,
        }
        true
    }

    fn start_tag(&mut self, name: &str, self_closing: bool) {
        if self.foreign_start_tag(name, self_closing) || self.in_select(name) {
            return;
        }
        let name = if name == "image" { "img" } else { name };
        let (id, mut flags) = lookup(name);
        // An unknown element inside a paragraph is phrasing content (a `<p>`
        // holds nothing else, and CSS shows unknown elements inline):
        // MathJax's `<mjx-container>` sits in the middle of a sentence.
        // Elsewhere custom elements are layout components and stay blocks.
        if id == CUSTOM && self.counts[P as usize] > 0 {
            flags |= INLINE;
        }
        if (flags & (RAW | SKIPPED | SPECIAL) != 0 || id == HTML)
            && self.start_tag_outside_tree(name, flags, self_closing)
        {
            return;
        }
        self.open_body(false);
        if self.stray_table_part(id) {
            return;
        }
        if flags & VOID == 0 && self.stack.len() >= MAX_DEPTH {
            self.dropped += 1;
            self.limited.set(true);
            return;
        }
        if flags & CLOSES_P != 0 {
            self.close_p();
        }
        match id {
            LI => self.close_list_item(&[LI]),
            DD | DT => self.close_list_item(&[DD, DT]),
            TD | TH => self.close_in_table(&[TD, TH], &[TR, TABLE]),
            TR => self.close_in_table(&[TR], &[TABLE]),
            TBODY | THEAD | TFOOT => self.close_in_table(&[TBODY, THEAD, TFOOT], &[TABLE]),
            A | NOBR => self.close_formatting(id, name),
            BUTTON => {
                if let Some(i) = self.find(&[BUTTON], |o| o.flags & SPECIAL != 0 && o.id != BUTTON)
                {
                    self.pop_to(i);
                }
            }
            OPTION | OPTGROUP if self.stack.last().is_some_and(|o| o.id == OPTION) => {
                self.pop_to(self.stack.len() - 1);
            }
            // A form is not nested in another; in a table (outside a cell)
            // it holds nothing: the rows after it are the table's.
            FORM if self.counts[FORM as usize] > 0 && self.counts[TEMPLATE as usize] == 0 => {
                return;
            }
            FORM if self
                .stack
                .last()
                .is_some_and(|o| matches!(o.id, TABLE | TBODY | THEAD | TFOOT | TR)) =>
            {
                return self.empty_element(name, flags);
            }
            _ => {}
        }
        if flags & HEADING != 0 && self.stack.last().is_some_and(|o| o.flags & HEADING != 0) {
            self.pop_to(self.stack.len() - 1);
        }
        // A formatting element between table rows is moved out of the table
        // by the HTML rules and never wraps the cells that follow.
        if flags & FORMATTING != 0
            && self
                .stack
                .last()
                .is_some_and(|o| matches!(o.id, TABLE | TBODY | THEAD | TFOOT | TR))
        {
            return;
        }
        if formatting::start_tag_reconstructs(id, flags) {
            self.reopen_formatting();
        }
        if flags & VOID != 0 {
            if flags & SKIPPED == 0 {
                self.empty_element(name, flags);
            }
            return;
        }
        self.push(name, id, flags);
        if name == "plaintext" {
            let start = self.pos;
            self.pos = self.b.len();
            self.text_decoded(start, self.b.len(), false);
        }
    }

    /// Push an element (its attributes are in `self.attrs`).
    fn push(&mut self, name: &str, id: u16, flags: u16) {
        self.push_with(name, id, flags, None);
    }

    /// Push an element: a new one, or (`reopen`) a copy of a formatting
    /// element with its attributes and serial.
    /// A copy without attributes is kept from the walk (see [`formatting`]).
    fn push_with(
        &mut self,
        name: &str,
        id: u16,
        flags: u16,
        reopen: Option<(Option<&Attrs>, u32)>,
    ) {
        let skip = self.skip > 0 || flags & SKIPPED != 0;
        let frame = match reopen {
            _ if skip || self.math > 0 => None,
            Some((None, _)) => None,
            Some((Some(attrs), _)) => Some(self.st.open_element(Tag { name, flags }, attrs)),
            None => Some(self.st.open_element(Tag { name, flags }, &self.attrs)),
        };
        let fmt = match reopen {
            Some((_, serial)) => serial,
            None if flags & FORMATTING != 0 && !skip && self.math == 0 => {
                self.track_formatting(id, flags)
            }
            None => 0,
        };
        if skip {
            self.skip += 1;
        }
        let custom = if id == CUSTOM {
            let n: Box<str> = name.into();
            *self.custom_counts.entry(n.clone()).or_default() += 1;
            Some(n)
        } else {
            self.counts[id as usize] += 1;
            None
        };
        self.changes += 1;
        self.stack.push(Open {
            id,
            custom,
            flags,
            frame,
            skip,
            ns: Ns::Html,
            point: Point::None,
            math: false,
            annotation: false,
            fmt,
        });
    }

    /// Close the open elements from index `i` up.
    fn pop_to(&mut self, i: usize) {
        while self.stack.len() > i {
            let last = self.stack.len() - 1;
            self.remove_at(last);
        }
    }

    /// Close the open element at index `i` alone. Used directly only for an
    /// inline element: the walk keeps no stack position for those, so
    /// closing one out of order is safe.
    fn remove_at(&mut self, i: usize) {
        self.changes += 1;
        let open = self.stack.remove(i);
        match &open.custom {
            Some(n) => {
                if let Some(c) = self.custom_counts.get_mut(n) {
                    *c -= 1;
                }
            }
            None => self.counts[open.id as usize] -= 1,
        }
        if open.skip {
            self.skip -= 1;
        }
        if !self.fmt.entries.is_empty() {
            if open.fmt != 0 {
                self.formatting_left(open.fmt);
            }
            self.marker_left(open.id);
        }
        if open.annotation {
            self.annotations -= 1;
        }
        if open.math {
            self.math -= 1;
            self.end_formula();
        }
        if let Some(frame) = open.frame {
            self.st.close_element(frame);
        }
    }

    fn is_open(&self, id: u16, name: &str) -> bool {
        if id == CUSTOM {
            self.custom_counts.get(name).is_some_and(|&c| c > 0)
        } else {
            self.counts[id as usize] > 0
        }
    }

    /// Index of the nearest open element with one of the known `ids`,
    /// searching down from the top and giving up at an element for which
    /// `stop` holds.
    fn find(&self, ids: &[u16], stop: impl Fn(&Open) -> bool) -> Option<usize> {
        if ids.iter().all(|&id| self.counts[id as usize] == 0) {
            return None;
        }
        self.search(|o| ids.contains(&o.id), stop)
    }

    fn search(
        &self,
        target: impl Fn(&Open) -> bool,
        stop: impl Fn(&Open) -> bool,
    ) -> Option<usize> {
        for (depth, (i, open)) in self.stack.iter().enumerate().rev().enumerate() {
            self.scanned.set(self.scanned.get() + 1);
            if depth >= SCAN_LIMIT {
                self.limited.set(true);
                return None;
            }
            if target(open) {
                return Some(i);
            }
            if stop(open) {
                return None;
            }
        }
        None
    }

    /// A block start closes an open `<p>` ("in button scope"); false when
    /// there was none.
    fn close_p(&mut self) -> bool {
        let found = self.find(&[P], |o| o.flags & SCOPE != 0 || o.id == BUTTON);
        if let Some(i) = found {
            self.pop_to(i);
        }
        found.is_some()
    }

    /// An element that holds nothing (a void one, `</br>`, `</p>` alone).
    fn empty_element(&mut self, name: &str, flags: u16) {
        if self.skip == 0 && self.math == 0 {
            let frame = self.st.open_element(Tag { name, flags }, &self.attrs);
            self.st.close_element(frame);
        }
    }

    /// Start tags that end an open `<select>` (whose options are never
    /// article text): a second `<select>` closes the first and is dropped
    /// (true); `<input>`, `<textarea>`, and, for a select in a table, a
    /// table part close it and are then read as usual.
    fn in_select(&mut self, name: &str) -> bool {
        if self.counts[SELECT as usize] == 0 {
            return false;
        }
        let closes = match name {
            "select" | "input" | "keygen" | "textarea" => true,
            "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th" => {
                self.counts[TABLE as usize] > 0
            }
            _ => false,
        };
        if closes && let Some(i) = self.find(&[SELECT], |o| o.id == TEMPLATE) {
            self.pop_to(i);
        }
        name == "select"
    }

    /// A table part (`<td>`, `<tr>`, `<caption>`, …) with no table open: the
    /// standard ignores it ("in body"), so `a<td>b` is one run of text. Kept
    /// as an element, a cell would also be a scope boundary that keeps
    /// later end tags (`</b>` of a `<b>` around an `<svg>` drawing) from
    /// reaching what lies below it, and the page after it would stay
    /// inside the drawing. Inside a `<template>` such tags open rows and
    /// cells of the template's table (its content is skipped anyway).
    fn stray_table_part(&self, id: u16) -> bool {
        matches!(
            id,
            CAPTION | COL | COLGROUP | TBODY | TD | TFOOT | TH | THEAD | TR
        ) && self.counts[TABLE as usize] == 0
            && self.counts[TEMPLATE as usize] == 0
    }

    /// A new `<li>` (`<dd>`, `<dt>`) closes the previous item of its list.
    fn close_list_item(&mut self, ids: &[u16]) {
        let stop = |o: &Open| {
            o.flags & SPECIAL != 0 && !matches!(o.id, ADDRESS | DIV | P) && !ids.contains(&o.id)
        };
        if let Some(i) = self.find(ids, stop) {
            self.pop_to(i);
        }
    }

    /// A new cell, row or row group closes the previous one of its table.
    fn close_in_table(&mut self, ids: &[u16], boundary: &[u16]) {
        let stop = |o: &Open| boundary.contains(&o.id) || o.id == TEMPLATE;
        if let Some(i) = self.find(ids, stop) {
            self.pop_to(i);
        }
    }
}

#[cfg(test)]
mod tests;
