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
//! of text lands in — implied end tags (`<p>` closed by a block, `<li>` by the
//! next item, table cells and rows), end tags that match nothing ignored, end
//! tags that may not cross a table or a cell, inline end tags that may not
//! close a block, raw-text elements (`<script>`, `<style>`, `<title>`,
//! `<textarea>`, …) read to their end tag, and the implied `<html>`, `<head>`
//! and `<body>`. What it leaves out changes where inline markup sits, not
//! which text belongs to which block: the adoption agency's re-nesting of
//! misnested `<b>`/`<a>`, re-opening formatting elements after a block
//! closes them, and foster-parenting text out of tables.
//!
//! Work is bounded on hostile input: nesting is capped at [`MAX_DEPTH`], and
//! a search of the open elements for an end tag's match stops after
//! `SCAN_LIMIT` entries.

pub use super::entities::decode_entities;
use super::tags::*;
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
}

impl Open {
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
    };
    p.run();
    p.pop_to(0);
    Work {
        attr_compares: p.attrs.compares,
        scanned: p.scanned.get(),
    }
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
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
                    let body = i + 4;
                    self.pos = if b[body..].starts_with(b">") {
                        body + 1
                    } else if b[body..].starts_with(b"->") {
                        body + 2
                    } else {
                        memchr::memmem::find(&b[body..], b"-->").map_or(b.len(), |e| body + e + 3)
                    };
                } else {
                    self.skip_past_gt(i + 2);
                }
            }
            Some(b'?') => self.skip_past_gt(i + 2),
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
                Some(_) => self.skip_past_gt(i + 2),
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

    fn skip_past_gt(&mut self, from: usize) {
        self.pos = memchr(b'>', &self.b[from..]).map_or(self.b.len(), |e| from + e + 1);
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
        let raw = &self.s[start..end];
        if !self.body_open {
            if raw.bytes().all(is_ws) {
                return;
            }
            self.open_body(false);
        }
        if self.skip > 0 {
            return;
        }
        let mut text = if memchr2(b'&', b'\r', raw.as_bytes()).is_some() || raw.contains('\0') {
            let mut t = decode_entities(raw, false).into_owned();
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
        self.st.push_text(&text);
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
                "head" | "frameset" | "frame" => return,
                "body" => return self.open_body(true),
                "title" => return self.raw_text("title", true),
                "script" => {
                    let ld = self
                        .attrs
                        .get("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    return self.raw_text("script", ld);
                }
                "svg" => {
                    if !self_closing {
                        self.skip_foreign(name);
                    }
                    return;
                }
                "math" => {
                    if !self_closing {
                        self.math_text();
                    }
                    return;
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
        if flags & VOID == 0 && self.stack.len() >= MAX_DEPTH {
            self.dropped += 1;
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
            OPTION if self.stack.last().is_some_and(|o| o.id == OPTION) => {
                self.pop_to(self.stack.len() - 1);
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
        if flags & VOID != 0 {
            if self.skip == 0 && flags & SKIPPED == 0 {
                let frame = self.st.open_element(Tag { name, flags }, &self.attrs);
                self.st.close_element(frame);
            }
            return;
        }
        self.push(name, id, flags);
        if name == "plaintext" {
            let start = self.pos;
            self.pos = self.b.len();
            self.text(start, self.b.len());
        }
    }

    /// Push an element (its attributes are in `self.attrs`).
    fn push(&mut self, name: &str, id: u16, flags: u16) {
        let skip = self.skip > 0 || flags & SKIPPED != 0;
        let frame = if skip {
            None
        } else {
            Some(self.st.open_element(Tag { name, flags }, &self.attrs))
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

    /// A block start closes an open `<p>` ("in button scope").
    fn close_p(&mut self) {
        if let Some(i) = self.find(&[P], |o| o.flags & SCOPE != 0 || o.id == BUTTON) {
            self.pop_to(i);
        }
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
            return;
        }
        if let Some(i) = self.search(|o| o.is(id, name), |o| o.flags & SCOPE != 0) {
            if self.stack[i + 1..].iter().all(|o| o.flags & SPECIAL == 0) {
                self.pop_to(i);
            } else {
                self.remove_at(i);
            }
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
        match name {
            "html" | "body" | "head" => {}
            "br" => {
                if self.skip == 0 {
                    self.attrs.clear();
                    let frame = self.st.open_element(Tag { name, flags }, &self.attrs);
                    self.st.close_element(frame);
                }
            }
            "p" => self.close_p(),
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
            _ if flags & SPECIAL != 0 => {
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
        let end = find_end_tag(self.b, start, name);
        let content_end = match end {
            Some((e, _)) => e,
            // An unclosed title would swallow the page: end it at the first
            // tag instead. Other raw text runs to the end, as in browsers.
            None if name == "title" => {
                memchr(b'<', &self.b[start..]).map_or(self.b.len(), |e| start + e)
            }
            None => self.b.len(),
        };
        self.pos = match end {
            Some((_, after)) => after,
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

    /// A `<math>` element is read as inline text: its tokens (`a`, `≠`, `0`)
    /// in order, one space apart, without the `<annotation>` source (TeX)
    /// that MathML carries beside them. The formula is part of its sentence
    /// ("when a ≠ 0, there are two solutions"); dropping it breaks the
    /// sentence, keeping the TeX would double it. Ends at the first
    /// `</math>`, like [`Self::skip_foreign`].
    fn math_text(&mut self) {
        let start = self.pos;
        let (end, after) =
            find_end_tag(self.b, start, "math").unwrap_or((self.b.len(), self.b.len()));
        self.pos = after;
        if self.skip > 0 {
            return;
        }
        let region = &self.s[start..end];
        let mut out = String::new();
        let mut in_annotation = 0usize;
        let mut rest = region;
        while !rest.is_empty() {
            let (chunk, tail) = match memchr(b'<', rest.as_bytes()) {
                Some(lt) => (&rest[..lt], &rest[lt..]),
                None => (rest, ""),
            };
            if in_annotation == 0 {
                for word in decode_entities(chunk, false).split_whitespace() {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(word);
                }
            }
            if tail.is_empty() {
                break;
            }
            // The tag's inside, up to its `>` (or to the end when unclosed);
            // `<` and `>` are ASCII, so both cuts fall on char boundaries.
            let (inner, close) = match memchr(b'>', tail.as_bytes()) {
                Some(g) => (&tail[1..g], g + 1),
                None => (&tail[1..], tail.len()),
            };
            let tag = inner.trim_end_matches('/');
            let (closing, tag_name) = match tag.strip_prefix('/') {
                Some(t) => (true, t),
                None => (false, tag),
            };
            let tag_name = tag_name
                .split(|c: char| c.is_ascii_whitespace())
                .next()
                .unwrap_or("");
            if tag_name.eq_ignore_ascii_case("annotation")
                || tag_name.eq_ignore_ascii_case("annotation-xml")
            {
                if closing {
                    in_annotation = in_annotation.saturating_sub(1);
                } else if !tail[..close].ends_with("/>") {
                    in_annotation += 1;
                }
            }
            rest = &tail[close..];
        }
        if !out.is_empty() {
            self.open_body(false);
            self.st.push_math(&format!(" {out} "));
        }
    }

    /// Skip an `<svg>` element to its first end tag (a nested
    /// one of the same name, rare, ends the skip early).
    fn skip_foreign(&mut self, name: &str) {
        self.pos = find_end_tag(self.b, self.pos, name).map_or(self.b.len(), |(_, after)| after);
    }
}

/// Find `</name` (any case) followed by a delimiter, from `from`: returns the
/// start of the end tag and the position after its `>`.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> Option<(usize, usize)> {
    let n = name.len();
    let mut i = from;
    while let Some(off) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + off;
        let after_name = at + 2 + n;
        if after_name <= b.len()
            && b[at + 2..after_name].eq_ignore_ascii_case(name.as_bytes())
            && b.get(after_name)
                .is_none_or(|&c| is_ws(c) || c == b'/' || c == b'>')
        {
            let close = memchr(b'>', &b[after_name..]).map_or(b.len(), |e| after_name + e + 1);
            return Some((at, close));
        }
        i = at + 2;
    }
    None
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
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(String, usize)> {
        super::super::walk::walk(html)
            .blocks
            .into_iter()
            .map(|b| (b.text, b.link_chars))
            .collect()
    }

    fn texts(html: &str) -> Vec<String> {
        blocks(html).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn math_is_read_as_inline_text_without_its_tex_source() {
        assert_eq!(
            texts(
                "<p>When <math><semantics><mi>a</mi><mo>&ne;</mo><mn>0</mn>\
                 <annotation encoding='application/x-tex'>a \\neq 0</annotation></semantics></math>, \
                 there are two.</p><math/><p>after</p>"
            ),
            ["When a ≠ 0 , there are two.", "after"]
        );
        // Unclosed: the formula runs to the end of the page; no panic.
        assert_eq!(texts("<p>x <math><mi>y</mi><annotation>z"), ["x y"]);
        assert_eq!(texts("<p>x <math><mi>y<"), ["x y"]);
        assert_eq!(texts("<p>x <math></math>"), ["x"]);
        // An unclosed tag ending in a multi-byte character (found by fuzzing).
        assert_eq!(texts("<p>x <math><mi>y</mi><aü"), ["x y"]);
    }

    #[test]
    fn inline_elements_hidden_by_their_attributes_are_not_read() {
        assert_eq!(
            texts(
                "<p>The <span style='display: none'>hidden </span>council \
                 <b aria-hidden=true>icon</b><span hidden>x</span>met \
                 <span class=hidden-xs>today</span>.</p>"
            ),
            ["The council met today."]
        );
    }

    #[test]
    fn custom_elements_are_inline_inside_a_paragraph_only() {
        assert_eq!(
            texts("<p>a <x-formula>b</x-formula> c</p><x-card>d</x-card><x-card>e</x-card>"),
            ["a b c", "d", "e"]
        );
    }

    #[test]
    fn implied_end_tags_split_blocks() {
        assert_eq!(
            texts("<p>one<p>two<div>three</div>four"),
            ["one", "two", "three", "four"]
        );
        assert_eq!(
            texts("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>"),
            ["a", "b", "c", "d"]
        );
        assert_eq!(
            texts("<dl><dt>term<dd>def<dt>t2</dl>"),
            ["term", "def", "t2"]
        );
        assert_eq!(
            texts("<table><tr><td>a<td>b<tr><th>c</table>after"),
            ["a", "b", "c", "after"]
        );
        assert_eq!(texts("<h2>one<h3>two</h2>three"), ["one", "two", "three"]);
    }

    #[test]
    fn stray_and_misnested_end_tags() {
        // `</div>` inside a cell may not close the div around the table.
        let w = super::super::walk::walk(
            "<div class=x><table><tr><td>cell</div>still cell</td></tr></table>after</div>",
        );
        let t: Vec<&str> = w.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(t, ["cellstill cell", "after"]);
        // An inline end tag does not close a block; stray ones are ignored.
        assert_eq!(
            texts("<div><span><p>a</span>b</p>c</div></span></i>"),
            ["ab", "c"]
        );
    }

    #[test]
    fn misnested_links_close_where_they_end() {
        // `<a><p>text</a>`: the link ends at `</a>` though a block opened inside it.
        let b = blocks("<a href=x><p>link</a> plain text</p><p>more plain</p>");
        assert_eq!(b[0], ("link plain text".to_string(), 4));
        assert_eq!(b[1], ("more plain".to_string(), 0));
        // A link between table rows does not wrap the cells.
        let b = blocks("<table><tr><a href=x><td>cell text</td></tr></table>");
        assert_eq!(b[0], ("cell text".to_string(), 0));
        // A jump target is not a link.
        assert_eq!(blocks("<p><a name=top>Heading</a></p>")[0].1, 0);
    }

    #[test]
    fn raw_text_comments_and_doctype() {
        let html = "<!DOCTYPE html><!-- <p>no</p> --><html><head><title>T &amp; U</title>\
                    <style>p{}</style><script>if (a<b) document.write('<p>x</p>')</script>\
                    </head><body><p>yes</p><textarea><p>no</p></textarea><svg><text>no</text></svg>\
                    <!--> <p>after empty comment</p><?php echo ?><p>1 &lt; 2 &AMP;</p>";
        let w = super::super::walk::walk(html);
        let t: Vec<&str> = w.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(t, ["yes", "after empty comment", "1 < 2 &"]);
        assert_eq!(w.meta.title.as_deref(), Some("T & U"));
    }

    #[test]
    fn attributes_are_read_with_any_quoting() {
        let w = super::super::walk::walk(
            "<HTML LANG=de><meta property='og:title' content=\"A &quot;B&quot;\"><body>\
             <p>x</p><link rel=canonical href=/a?x=1&amp;y=2>",
        );
        assert_eq!(w.meta.lang.as_deref(), Some("de"));
        assert_eq!(
            w.meta.metas[0],
            ("og:title".to_string(), "A \"B\"".to_string())
        );
        assert_eq!(w.meta.canonical.as_deref(), Some("/a?x=1&y=2"));
    }

    #[test]
    fn unclosed_constructs_end_cleanly() {
        assert!(texts("<p>text<a href='x").len() == 1);
        assert_eq!(texts("<p>a<!-- never closed <p>b"), ["a"]);
        assert_eq!(texts("<p>a<script>var x;"), ["a"]);
        assert_eq!(texts("<p>a < b and c<"), ["a < b and c<"]);
    }

    #[test]
    fn depth_is_capped_and_stray_end_tags_are_cheap() {
        let deep = "<div>".repeat(50_000) + "deep" + &"</div>".repeat(50_000);
        assert_eq!(texts(&deep), ["deep"]);
        // 200,000 stray `</div>` under 3,000 open inline elements: each
        // looks at no more than `SCAN_LIMIT` open elements, and none at all
        // once the count of open divs says there is nothing to find.
        let stray =
            "<div><table><tr><td>".to_string() + &"<span>".repeat(3000) + &"</div>".repeat(200_000);
        let (_, work) = super::super::walk::walk_counted(&stray);
        assert!(work.scanned <= SCAN_LIMIT + 10, "{work:?}");
        // Without the count, every end tag would scan: still linear, but capped.
        let stray = "<div>".to_string() + &"<span>".repeat(3000) + &"</i>".repeat(200_000);
        let (_, work) = super::super::walk::walk_counted(&stray);
        assert!(work.scanned <= 10, "{work:?}");
    }

    #[test]
    fn duplicate_attributes_are_found_in_linear_work() {
        // 50,000 attributes on one tag (issue 14: 6.5 s when each was
        // compared with all earlier ones, 1.25 billion comparisons).
        let attrs: String = (0..50_000).map(|i| format!(" a{i}=x")).collect();
        let html = format!("<p{attrs} a7=dup class=c>text</p>");
        let (w, work) = super::super::walk::walk_counted(&html);
        assert_eq!(w.blocks[0].text, "text");
        assert!(work.attr_compares < 4 * 50_000, "{work:?}");
        // The first of a duplicated name wins, with or without the index.
        let mut p = Attrs::default();
        for i in 0..40 {
            let name = format!("n{}", i % 30);
            if p.is_new(&name) {
                p.push(Cow::Owned(name), Cow::Owned(i.to_string()));
            }
        }
        assert_eq!(p.list.len(), 30);
        assert_eq!(p.get("n3"), Some("3"));
        assert_eq!(p.get("n29"), Some("29"));
        assert_eq!(p.get("n30"), None);
        let w = super::super::walk::walk("<html lang=de LANG=fr><p>x");
        assert_eq!(w.meta.lang.as_deref(), Some("de"));
    }

    #[test]
    fn end_tag_search_is_case_blind() {
        let b = b"x</SCRIPTx></Script >y";
        assert_eq!(find_end_tag(b, 0, "script"), Some((11, 21)));
    }
}
