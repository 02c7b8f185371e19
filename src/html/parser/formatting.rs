//! The list of active formatting elements, kept only for the formatting
//! elements that hide themselves (`<b hidden>`, `<font style="display:none">`,
//! an `aria-hidden` `<em>`).
//!
//! The HTML rules re-open an unclosed formatting element after a block
//! closes it ("reconstruct the active formatting elements"): in
//! `<p><b hidden>x<p>y` the second paragraph gets a copy of the `<b hidden>`
//! and `y` is hidden too. For a visible `<b>` the copy changes nothing the
//! walk reads (which block the text lands in stays the same), so only
//! elements hidden by their own attributes are tracked: a page without
//! them pays one empty-list check per text.

use super::super::hints::SelfHiding;
use super::*;

/// Entries kept at most. Real pages leave a handful of hidden formatting
/// elements open across a block at most; every text re-opens the entries
/// closed since the last one, so the cap bounds that work on hostile input
/// (a page of thousands of open `<b hidden>` followed by `<p>x<p>x<p>x…`).
pub(super) const MAX_ENTRIES: usize = 32;

/// At most this many identical entries (same tag, same attributes) after
/// the last marker: the standard's "Noah's Ark" clause.
const NOAHS_ARK: usize = 3;

/// Elements that put a marker on the list: entries from before them are
/// not re-opened inside them, and entries made inside them are dropped when
/// they close.
const MARKERS: [u16; 7] = [TD, TH, CAPTION, TEMPLATE, OBJECT, APPLET, MARQUEE];

/// One hidden formatting element, open or closed by a block.
pub(super) struct Entry {
    id: u16,
    flags: u16,
    attrs: Vec<(Box<str>, Box<str>)>,
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

impl Parser<'_, '_> {
    /// Marker elements open (the standard's markers after the last one
    /// each close with their element).
    fn marker_depth(&self) -> u32 {
        MARKERS.iter().map(|&id| self.counts[id as usize]).sum()
    }

    /// A formatting element is being pushed with `self.attrs`: its serial
    /// (for `Open::fmt`) when it hides itself and is now tracked, else 0.
    pub(super) fn track_formatting(&mut self, id: u16, flags: u16) -> u32 {
        if !SelfHiding::of(&self.attrs).any {
            return 0;
        }
        let depth = self.marker_depth();
        let list = &self.attrs.list;
        let same = |e: &&Entry| {
            e.id == id
                && e.depth == depth
                && e.attrs.len() == list.len()
                && list
                    .iter()
                    .all(|(n, v)| e.attrs.iter().any(|(en, ev)| **en == **n && **ev == **v))
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
        self.fmt.serial += 1;
        let serial = self.fmt.serial;
        let attrs = (list.iter())
            .map(|(n, v)| (Box::from(n.as_ref()), Box::from(v.as_ref())))
            .collect();
        self.fmt.entries.push(Entry {
            id,
            flags,
            attrs,
            serial,
            open: true,
            depth,
        });
        serial
    }

    /// The element with `Open::fmt == serial` left the stack (its own end
    /// tag drops the entry first, see [`Self::drop_formatting`]).
    pub(super) fn formatting_left(&mut self, serial: u32) {
        if let Some(e) = self.fmt.entries.iter_mut().find(|e| e.serial == serial) {
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
        self.fmt.entries.retain(|e| e.serial != serial);
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

    /// Before text in body: push a copy of every closed entry after the
    /// last marker, in order. Not in foreign content and not where text is
    /// moved out of a table (the current node a table or row).
    pub(super) fn reopen_formatting(&mut self) {
        if self.math > 0 {
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
        for e in (entries.iter_mut()).filter(|e| !e.open && e.depth == depth) {
            if self.stack.len() >= MAX_DEPTH {
                self.limited.set(true);
                break;
            }
            let pairs: Vec<(&str, &str)> = (e.attrs.iter()).map(|(n, v)| (&**n, &**v)).collect();
            let attrs = Attrs::from_pairs(&pairs);
            self.push_with(
                KNOWN[e.id as usize].0,
                e.id,
                e.flags,
                Some((&attrs, e.serial)),
            );
            e.open = true;
            self.fmt.reopened += 1;
        }
        self.fmt.entries = entries;
    }
}
