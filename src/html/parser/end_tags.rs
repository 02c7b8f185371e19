//! End tags, by the rules of their kind, and the adoption agency's net
//! effect on formatting elements closed across blocks.

use super::*;

/// The adoption agency's outer loop runs at most this many times.
const AGENCY_ROUNDS: usize = 8;

impl Parser<'_, '_> {
    /// Close an open formatting element (for its end tag, or a second `<a>`):
    /// popped with what is above it when that is all inline, else taken out
    /// alone, leaving the blocks above it open.
    pub(super) fn close_formatting(&mut self, id: u16, name: &str) {
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

    pub(super) fn end_tag(&mut self, name: &str) {
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
    pub(super) fn end_tag_rules(&mut self, name: &str, id: u16, flags: u16) {
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
}
