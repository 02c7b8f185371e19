//! The list of active formatting elements, and their reconstruction.
//!
//! The HTML rules re-open an unclosed formatting element after a block
//! closes it ("reconstruct the active formatting elements"): in
//! `<p><b hidden>x<p>y` the second paragraph gets a copy of the `<b hidden>`
//! and `y` is hidden too; in `<s><dd><dd><svg></s>y` the second item gets a
//! copy of the `<s>` before the drawing, so `</s>` closes the drawing with
//! it and `y` is read. Every formatting element is tracked, so end tags
//! find the copies the standard makes; a copy of a visible element is kept
//! on the parser's stack only (the walk never sees it: its text would land
//! in the same block either way), a copy of one hidden by its own
//! attributes is opened in the walk too.

use super::super::hints::SelfHiding;
use super::*;

/// Entries kept at most. Real pages leave a handful of formatting elements
/// unclosed; every text or inline start tag re-opens the entries closed
/// since the last one, so the cap bounds that work on hostile input (a page
/// of thousands of open `<b hidden>` followed by `<p>x<p>x<p>x…`).
pub(super) const MAX_ENTRIES: usize = 32;

/// At most this many identical entries (same tag, same attributes) after
/// the last marker: the standard's "Noah's Ark" clause.
const NOAHS_ARK: usize = 3;

/// Elements that put a marker on the list: entries from before them are
/// not re-opened inside them, and entries made inside them are dropped when
/// they close.
const MARKERS: [u16; 7] = [TD, TH, CAPTION, TEMPLATE, OBJECT, APPLET, MARQUEE];

/// One formatting element, open or closed by a block.
pub(super) struct Entry {
    id: u16,
    flags: u16,
    /// Its attributes, kept only when they hide it (its copies are then
    /// opened in the walk with them).
    attrs: Option<Vec<(Box<str>, Box<str>)>>,
    /// A hash of its attributes, in any order (for Noah's Ark).
    attrs_hash: u64,
    attrs_len: usize,
    /// The `Open::fmt` of its element (and of the copies re-opened).
    serial: u32,
    /// Its element (or its latest copy) is on the stack of open elements.
    open: bool,
    /// Markers open when it was added.
    depth: u32,
}

#[derive(Default)]
pub(super) struct Active {
    pub(super) entries: Vec<Entry>,
    /// The last serial given out.
    serial: u32,
    /// Copies pushed so far (see `Work::reopened`).
    pub(super) reopened: usize,
}

/// A hash of one attribute's name and value, eight bytes at a step
/// (attributes are few; this runs once per formatting tag, so it must stay
/// cheap on long `href`s).
fn attr_hash(name: &str, value: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (name.len() as u64).wrapping_mul(K);
    for part in [name.as_bytes(), value.as_bytes()] {
        let mut chunks = part.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        h = (h.rotate_left(5) ^ u64::from_le_bytes(last) ^ 0xff).wrapping_mul(K);
    }
    h
}

/// Does a start tag with these properties reconstruct the list first? The
/// standard does so for text and for every start tag in body except the
/// special ones that are blocks, table parts or read by the head's rules
/// (`<svg>` and `<math>` are handled before this is asked).
pub(super) fn start_tag_reconstructs(id: u16, flags: u16) -> bool {
    flags & SPECIAL == 0
        || matches!(
            id,
            APPLET | AREA | BR | BUTTON | EMBED | INPUT | KEYGEN | MARQUEE | OBJECT | SELECT | XMP
        )
}

impl Parser<'_, '_> {
    /// Marker elements open (the standard's markers after the last one
    /// each close with their element).
    fn marker_depth(&self) -> u32 {
        MARKERS.iter().map(|&id| self.counts[id as usize]).sum()
    }

    /// A formatting element is being pushed with `self.attrs`: its serial
    /// (for `Open::fmt`), or 0 when the list is full.
    pub(super) fn track_formatting(&mut self, id: u16, flags: u16) -> u32 {
        let depth = self.marker_depth();
        let list = &self.attrs.list;
        let attrs_hash = (list.iter())
            .map(|(n, v)| attr_hash(n, v))
            .fold(0u64, u64::wrapping_add);
        let same = |e: &&Entry| {
            e.id == id
                && e.depth == depth
                && e.attrs_len == list.len()
                && e.attrs_hash == attrs_hash
        };
        let twins = self.fmt.entries.iter().filter(same).count();
        if twins >= NOAHS_ARK
            && let Some(first) = self.fmt.entries.iter().position(|e| same(&e))
        {
            self.fmt.entries.remove(first);
        }
        if self.fmt.entries.len() >= MAX_ENTRIES {
            self.limited.set(true);
            return 0;
        }
        let attrs = SelfHiding::of(&self.attrs).any.then(|| {
            (list.iter())
                .map(|(n, v)| (Box::from(n.as_ref()), Box::from(v.as_ref())))
                .collect()
        });
        self.fmt.serial += 1;
        let serial = self.fmt.serial;
        self.fmt.entries.push(Entry {
            id,
            flags,
            attrs,
            attrs_hash,
            attrs_len: list.len(),
            serial,
            open: true,
            depth,
        });
        serial
    }

    /// The element with `Open::fmt == serial` left the stack (its own end
    /// tag drops the entry first, see [`Self::drop_formatting`]).
    pub(super) fn formatting_left(&mut self, serial: u32) {
        if let Some(e) = self
            .fmt
            .entries
            .iter_mut()
            .rev()
            .find(|e| e.serial == serial)
        {
            e.open = false;
        }
    }

    /// A marker element `id` left the stack: the entries made inside it go.
    pub(super) fn marker_left(&mut self, id: u16) {
        if MARKERS.contains(&id) {
            let depth = self.marker_depth();
            self.fmt.entries.retain(|e| e.depth <= depth);
        }
    }

    /// Closed by its own end tag (or a second `<a>`/`<nobr>`): the standard
    /// takes it off the list.
    pub(super) fn drop_formatting(&mut self, serial: u32) {
        if let Some(i) = self.fmt.entries.iter().rposition(|e| e.serial == serial) {
            self.fmt.entries.remove(i);
        }
    }

    /// An end tag `id` with no such element open: the standard takes the
    /// last closed entry of that tag after the last marker off the list.
    pub(super) fn drop_closed_formatting(&mut self, id: u16) {
        if self.fmt.entries.is_empty() {
            return;
        }
        let depth = self.marker_depth();
        if let Some(i) =
            (self.fmt.entries.iter()).rposition(|e| e.id == id && e.depth == depth && !e.open)
        {
            self.fmt.entries.remove(i);
        }
    }

    /// Before text or a start tag that reconstructs: push a copy of each
    /// entry in the run of closed ones at the end of the list (after the
    /// last open entry or marker), in order. Not in foreign content, not
    /// inside a skipped element, and not where text is moved out of a table
    /// (the current node a table or row).
    pub(super) fn reopen_formatting(&mut self) {
        let Some(last) = self.fmt.entries.last() else {
            return;
        };
        if last.open || self.math > 0 || self.skip > 0 {
            return;
        }
        if let Some(top) = self.stack.last() {
            let foreign = top.ns != Ns::Html && top.point == Point::None;
            if foreign || matches!(top.id, TABLE | TBODY | THEAD | TFOOT | TR) {
                return;
            }
        }
        let depth = self.marker_depth();
        let mut entries = std::mem::take(&mut self.fmt.entries);
        let start = entries
            .iter()
            .rposition(|e| e.open || e.depth != depth)
            .map_or(0, |i| i + 1);
        for e in &mut entries[start..] {
            if self.stack.len() >= MAX_DEPTH {
                self.limited.set(true);
                break;
            }
            let name = KNOWN[e.id as usize].0;
            match &e.attrs {
                Some(list) => {
                    let pairs: Vec<(&str, &str)> = list.iter().map(|(n, v)| (&**n, &**v)).collect();
                    let attrs = Attrs::from_pairs(&pairs);
                    self.push_with(name, e.id, e.flags, Some((Some(&attrs), e.serial)));
                }
                None => self.push_with(name, e.id, e.flags, Some((None, e.serial))),
            }
            e.open = true;
            self.fmt.reopened += 1;
        }
        self.fmt.entries = entries;
    }
}
