//! The tokenizer's side of the parser: tags, their attributes, and the
//! content of raw-text elements, read straight from the input.

use super::*;

/// Attributes compared one by one for duplicates; past this many a hash
/// index takes over. Real tags carry a handful (a few dozen at most), where a
/// scan beats hashing; a hostile tag with 200,000 attributes would otherwise
/// cost 200,000²/2 comparisons.
const ATTR_SCAN: usize = 16;

/// The attributes of one start tag, names lowercased, first one wins.
#[derive(Default)]
pub struct Attrs<'a> {
    pub(super) list: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Name → position in `list`, kept once `list` passes [`ATTR_SCAN`].
    pub(super) index: HashMap<Cow<'a, str>, usize>,
    /// Name comparisons and index look-ups made so far (work, for tests).
    pub(super) compares: usize,
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

    pub(super) fn clear(&mut self) {
        self.list.clear();
        self.index.clear();
    }

    /// Is `name` new on this tag? (Counts the work of finding out.)
    pub(super) fn is_new(&mut self, name: &str) -> bool {
        if self.index.is_empty() {
            self.compares += self.list.len();
            !self.list.iter().any(|(n, _)| n == name)
        } else {
            self.compares += 1;
            !self.index.contains_key(name)
        }
    }

    /// Add an attribute whose name [`Self::is_new`] said is new.
    pub(super) fn push(&mut self, name: Cow<'a, str>, value: Cow<'a, str>) {
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

impl<'a> Parser<'a, '_> {
    /// At a `<`: a tag, a comment, a doctype, or just a `<` in the text.
    pub(super) fn markup(&mut self) {
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
    pub(super) fn tag_name(&self, i: usize) -> (Cow<'a, str>, usize) {
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
    pub(super) fn attributes(&mut self, mut i: usize, keep: bool) -> Option<(usize, bool)> {
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

    /// The content of a raw-text element, read up to its end tag and handed
    /// to the walk when it is the title or JSON-LD (`capture`).
    pub(super) fn raw_text(&mut self, name: &str, capture: bool) {
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
