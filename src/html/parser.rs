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

mod foreign;
mod formatting;
use super::scan::{comment_end, find_end_tag, find_script_end, is_ws, past_gt};
pub use super::tags::{INLINE, SKIPPED, Tag};
use super::walk::{Frame, State};
use memchr::{memchr, memchr2};
use std::borrow::Cow;
use std::collections::HashMap;

/// Deepest element nesting kept. Real pages stay far below a few hundred
/// levels; tags past this depth are dropped (their text stays), which
/// flattens only hostile or broken pages and keeps every later stage (which
/// climbs ancestors) linear.
pub const MAX_DEPTH: usize = 2_000;

/// How far down the stack of open elements an end tag looks for its match.
/// Well-formed pages match within a few entries; the limit keeps a page of a
/// million stray end tags linear.
const SCAN_LIMIT: usize = 512;

/// Attributes compared one by one for duplicates; past this many a hash
/// index takes over. Real tags carry a handful (a few dozen at most), where a
/// scan beats hashing; a hostile tag with 200,000 attributes would otherwise
/// cost 200,000²/2 comparisons.
const ATTR_SCAN: usize = 16;

/// The attributes of one start tag, names lowercased, first one wins.
#[derive(Default)]
pub struct Attrs<'a> {
    list: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Name → position in `list`, kept once `list` passes [`ATTR_SCAN`].
    index: HashMap<Cow<'a, str>, usize>,
    /// Name comparisons and index look-ups made so far (work, for tests).
    compares: usize,
}

impl<'a> Attrs<'a> {
    /// The value of attribute `name` (lowercase).
    pub fn get(&self, name: &str) -> Option<&str> {
        let i = if self.index.is_empty() {
            self.list.iter().position(|(n, _)| n == name)?
        } else {
            *self.index.get(name)?
        };
        Some(self.list[i].1.as_ref())
    }

    /// Attributes from (name, value) pairs (a tree built elsewhere).
    pub fn from_pairs(pairs: &[(&'a str, &'a str)]) -> Self {
        let mut attrs = Attrs::default();
        for &(name, value) in pairs {
            if attrs.is_new(name) {
                attrs.push(Cow::Borrowed(name), Cow::Borrowed(value));
            }
        }
        attrs
    }

    fn clear(&mut self) {
        self.list.clear();
        self.index.clear();
    }

    /// Is `name` new on this tag? (Counts the work of finding out.)
    fn is_new(&mut self, name: &str) -> bool {
        if self.index.is_empty() {
            self.compares += self.list.len();
            !self.list.iter().any(|(n, _)| n == name)
        } else {
            self.compares += 1;
            !self.index.contains_key(name)
        }
    }

    /// Add an attribute whose name [`Self::is_new`] said is new.
    fn push(&mut self, name: Cow<'a, str>, value: Cow<'a, str>) {
        if self.list.len() == ATTR_SCAN {
            self.index = (self.list.iter().enumerate())
                .map(|(i, (n, _))| (n.clone(), i))
                .collect();
        }
        if !self.index.is_empty() {
            self.index.insert(name.clone(), self.list.len());
        }
        self.list.push((name, value));
    }
}

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

/// The adoption agency's outer loop runs at most this many times.
const AGENCY_ROUNDS: usize = 8;

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

    /// At a `<`: a tag, a comment, a doctype, or just a `<` in the text.
    fn markup(&mut self) {
        let b = self.b;
        let i = self.pos;
        match b.get(i + 1) {
            Some(b'!') => {
                if b[i..].starts_with(b"<!--") {
                    self.pos = comment_end(b, i + 4);
                } else if b[i..].starts_with(b"<![CDATA[") && self.in_foreign() {
                    self.cdata(i + 9);
                } else {
                    self.pos = past_gt(b, i + 2);
                }
            }
            Some(b'?') => self.pos = past_gt(b, i + 2),
            Some(b'/') => match b.get(i + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (name, after) = self.tag_name(i + 2);
                    match self.attributes(after, false) {
                        Some((end, _)) => {
                            self.pos = end;
                            self.end_tag(&name);
                        }
                        None => self.pos = b.len(),
                    }
                }
                Some(b'>') => self.pos = i + 3,
                Some(_) => self.pos = past_gt(b, i + 2),
                None => {
                    self.text(i, b.len());
                    self.pos = b.len();
                }
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, after) = self.tag_name(i + 1);
                match self.attributes(after, true) {
                    Some((end, self_closing)) => {
                        self.pos = end;
                        self.start_tag(&name, self_closing);
                    }
                    // A tag cut off by the end of the input is dropped.
                    None => self.pos = b.len(),
                }
            }
            _ => {
                self.text(i, i + 1);
                self.pos = i + 1;
            }
        }
    }

    /// The tag name starting at `i`, lowercased, and where it ends.
    fn tag_name(&self, i: usize) -> (Cow<'a, str>, usize) {
        let b = self.b;
        let mut j = i;
        while j < b.len() && !is_ws(b[j]) && b[j] != b'/' && b[j] != b'>' {
            j += 1;
        }
        (lower(&self.s[i..j]), j)
    }

    /// Read attributes from `i` to the tag's `>`; returns the position after
    /// it and whether the tag was self-closing. `None` at the end of input.
    /// Attributes are kept in `self.attrs` only when `keep`.
    fn attributes(&mut self, mut i: usize, keep: bool) -> Option<(usize, bool)> {
        let b = self.b;
        let s = self.s;
        self.attrs.clear();
        loop {
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            match b.get(i)? {
                b'>' => return Some((i + 1, false)),
                b'/' => {
                    if b.get(i + 1) == Some(&b'>') {
                        return Some((i + 2, true));
                    }
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let name_start = i;
            i += 1; // the first character may be '='
            while i < b.len() && !is_ws(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let name_end = i;
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            let mut value: &str = "";
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && is_ws(b[i]) {
                    i += 1;
                }
                match b.get(i)? {
                    &q @ (b'"' | b'\'') => {
                        let end = i + 1 + memchr(q, &b[i + 1..])?;
                        value = &s[i + 1..end];
                        i = end + 1;
                    }
                    _ => {
                        let start = i;
                        while i < b.len() && !is_ws(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                        value = &s[start..i];
                    }
                }
            }
            if keep {
                let name = lower(&s[name_start..name_end]);
                if self.attrs.is_new(&name) {
                    let value = if value.contains('&') {
                        Cow::Owned(decode_entities(value, true).into_owned())
                    } else {
                        Cow::Borrowed(value)
                    };
                    self.attrs.push(name, value);
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
        if flags & (RAW | SKIPPED | SPECIAL) != 0 || id == HTML {
            // The few tags handled before (or instead of) the tree rules.
            match name {
                "html" => return self.open_html(true),
                "head" | "frame" => return,
                // A frameset page has no body: its text lives in the frames
                // (other documents); what follows is never shown.
                "frameset" if !self.body_open => {
                    self.pos = self.b.len();
                    return;
                }
                "frameset" => return,
                "body" => return self.open_body(true),
                "title" => return self.raw_text("title", true),
                "script" => {
                    // A template's content is inert: its JSON-LD describes
                    // nothing on the page.
                    let ld = self.counts[TEMPLATE as usize] == 0
                        && self
                            .attrs
                            .get("type")
                            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    return self.raw_text("script", ld);
                }
                "svg" | "math" => {
                    self.open_body(false);
                    self.reopen_formatting();
                    let ns = if name == "svg" { Ns::Svg } else { Ns::MathMl };
                    return self.push_foreign(ns, name, self_closing);
                }
                "meta" | "link" | "base" if !self.body_open => {
                    self.open_html(false);
                    self.st.read_head_element(name, &self.attrs);
                    return;
                }
                _ if flags & RAW != 0 => return self.raw_text(name, false),
                _ => {}
            }
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

    /// Close an open formatting element (for its end tag, or a second `<a>`):
    /// popped with what is above it when that is all inline, else taken out
    /// alone, leaving the blocks above it open.
    fn close_formatting(&mut self, id: u16, name: &str) {
        if !self.is_open(id, name) {
            self.drop_closed_formatting(id);
            return;
        }
        let Some(i) = self.search(|o| o.is(id, name), |o| o.flags & SCOPE != 0) else {
            return;
        };
        if self.stack[i].fmt != 0 {
            self.drop_formatting(self.stack[i].fmt);
        }
        let specials = self.stack[i + 1..]
            .iter()
            .filter(|o| o.is_special())
            .count();
        if specials == 0 {
            self.pop_to(i);
            return;
        }
        self.remove_at(i);
        // The adoption agency's later rounds move a copy of the element
        // above each special element in turn; once none is left above the
        // copy, it is popped with what lies above it: the elements after
        // the last special one, which may hide their content (an `<svg>`
        // left open in `<s><dd><svg></s>` would hide the rest of the page).
        // The agency stops after 8 rounds, the first of which is the one
        // above, so this is reached only with at most 7 special elements.
        if specials < AGENCY_ROUNDS
            && let Some(last) = self.stack[i..].iter().rposition(Open::is_special)
        {
            self.pop_to(i + last + 1);
        }
    }

    fn end_tag(&mut self, name: &str) {
        if !self.body_open {
            // `</head>`, `</html>` and stray end tags before the body.
            return;
        }
        let (id, flags) = lookup(name);
        if flags & VOID == 0 && self.dropped > 0 {
            self.dropped -= 1;
            return;
        }
        if id != CUSTOM && self.missed == Some((id, self.changes)) {
            return;
        }
        let before = self.changes;
        self.end_tag_rules(name, id, flags);
        if self.changes == before && !matches!(name, "p" | "br") {
            self.missed = Some((id, before));
        }
    }

    /// An end tag, by the rules of its kind.
    fn end_tag_rules(&mut self, name: &str, id: u16, flags: u16) {
        if self.foreign_end_tag(name) {
            return;
        }
        match name {
            "html" | "body" | "head" => {}
            "br" => {
                self.attrs.clear();
                self.empty_element(name, flags);
            }
            // `</p>` with no open paragraph stands for an empty one: the
            // text before it and after it are two blocks.
            "p" => {
                if !self.close_p() {
                    self.attrs.clear();
                    self.empty_element(name, flags);
                }
            }
            "template" => {
                let at = self.stack.iter().rposition(|o| o.id == TEMPLATE);
                if let Some(i) = at.filter(|_| self.is_open(TEMPLATE, name)) {
                    self.pop_to(i);
                }
            }
            "li" => {
                if let Some(i) =
                    self.find(&[LI], |o| o.flags & SCOPE != 0 || matches!(o.id, OL | UL))
                {
                    self.pop_to(i);
                }
            }
            _ if flags & HEADING != 0 => {
                if let Some(i) = self.find(&HEADINGS, |o| o.flags & SCOPE != 0) {
                    self.pop_to(i);
                }
            }
            _ if flags & TABLE_PART != 0 => {
                if let Some(i) = self.find(&[id], |o| matches!(o.id, TABLE | HTML | TEMPLATE)) {
                    self.pop_to(i);
                }
            }
            _ if flags & FORMATTING != 0 => self.close_formatting(id, name),
            _ if flags & SPECIAL != 0 || id == DIALOG => {
                if let Some(i) = self.find(&[id], |o| o.flags & SCOPE != 0) {
                    self.pop_to(i);
                }
            }
            // Other inline and unknown elements: closed when nothing but
            // inline elements lies above them; otherwise the end tag is
            // ignored.
            _ => {
                if self.is_open(id, name)
                    && let Some(i) = self.search(|o| o.is(id, name), |o| o.flags & SPECIAL != 0)
                {
                    self.pop_to(i);
                }
            }
        }
    }

    /// The content of a raw-text element, read up to its end tag and handed
    /// to the walk when it is the title or JSON-LD (`capture`).
    fn raw_text(&mut self, name: &str, capture: bool) {
        let start = self.pos;
        let end = if name == "script" {
            find_script_end(self.b, start)
        } else {
            find_end_tag(self.b, start, name)
        };
        let content_end = match end {
            Some(e) => e,
            // An unclosed title would swallow the page: end it at the first
            // tag instead. Other raw text runs to the end, as in browsers.
            None if name == "title" => {
                memchr(b'<', &self.b[start..]).map_or(self.b.len(), |e| start + e)
            }
            None => self.b.len(),
        };
        self.pos = match end {
            // The end tag's own attributes may hold a quoted `>`.
            Some(e) => self
                .attributes(e + 2 + name.len(), false)
                .map_or(self.b.len(), |(after, _)| after),
            None => content_end,
        };
        if !capture {
            return;
        }
        let content = &self.s[start..content_end];
        if name == "title" {
            if self.skip == 0 {
                self.st.set_title(&decode_entities(content, false));
            }
        } else {
            self.st.push_json_ld(content);
        }
    }
}

/// ASCII-lowercase, borrowing when already lowercase.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests;
