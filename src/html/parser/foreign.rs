//! Foreign content: `<svg>` and `<math>`, by the HTML standard's rules for
//! it. Inside them no HTML rule applies (no implied end tags, no raw text,
//! `<![CDATA[…]]>` allowed) until an HTML tag "breaks out" (`<p>`, `<div>`,
//! `<b>`, … close the foreign elements first) or an end tag names an HTML
//! element still open (`<div><svg></div>` closes the drawing with the div).
//! Reading to the first `</svg>` instead lost the rest of the page when the
//! drawing was left open.
//!
//! An SVG drawing is skipped; a MathML formula is read as inline text, its
//! tokens one space apart, without its annotations (the TeX source beside
//! the tokens): "when a ≠ 0, there are two solutions".

use super::{CUSTOM, Ns, Open, Parser, SCAN_LIMIT, SCOPE};

/// Where HTML rules apply again inside foreign content.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Point {
    None,
    /// MathML `<mi>`, `<mo>`, `<mn>`, `<ms>`, `<mtext>`: HTML tags inside.
    MathText,
    /// SVG `<foreignObject>`, `<desc>`, `<title>`, or an `<annotation-xml>`
    /// that holds HTML.
    Html,
}

/// HTML start tags that end foreign content (the standard's list).
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

impl Parser<'_, '_> {
    /// Is the current node a foreign element?
    pub(super) fn in_foreign(&self) -> bool {
        self.stack.last().is_some_and(|o| o.ns != Ns::Html)
    }

    /// A start tag inside foreign content: true when handled here, false
    /// when the HTML rules apply (at an integration point, or after a
    /// breakout closed the foreign elements).
    pub(super) fn foreign_start_tag(&mut self, name: &str, self_closing: bool) -> bool {
        let Some(top) = self.stack.last() else {
            return false;
        };
        let html_rules = top.ns == Ns::Html
            || top.point == Point::Html
            || (top.point == Point::MathText && !matches!(name, "mglyph" | "malignmark"))
            || (top.ns == Ns::MathMl && top.is(CUSTOM, "annotation-xml") && name == "svg");
        if html_rules {
            return false;
        }
        let font_breakout = name == "font"
            && ["color", "face", "size"]
                .iter()
                .any(|a| self.attrs.get(a).is_some());
        if font_breakout || BREAKOUT.binary_search(&name).is_ok() {
            self.pop_foreign();
            return false;
        }
        let ns = top.ns;
        self.push_foreign(ns, name, self_closing);
        true
    }

    /// An end tag inside foreign content: true when handled here.
    pub(super) fn foreign_end_tag(&mut self, name: &str) -> bool {
        if !self.in_foreign() {
            return false;
        }
        if name == "br" || name == "p" {
            self.pop_foreign();
            return false;
        }
        for (depth, i) in (0..self.stack.len()).rev().enumerate() {
            self.scanned.set(self.scanned.get() + 1);
            let open = &self.stack[i];
            if depth >= SCAN_LIMIT {
                self.limited.set(true);
                return true;
            }
            if i == 0 {
                return true;
            }
            if open.ns == Ns::Html {
                return false;
            }
            if open.is(CUSTOM, name) {
                self.pop_to(i);
                return true;
            }
        }
        true
    }

    /// Close foreign elements down to an HTML element or integration point.
    fn pop_foreign(&mut self) {
        while self
            .stack
            .last()
            .is_some_and(|o| o.ns != Ns::Html && o.point == Point::None)
        {
            self.pop_to(self.stack.len() - 1);
        }
    }

    /// Open a foreign element (its attributes are in `self.attrs`).
    pub(super) fn push_foreign(&mut self, ns: Ns, name: &str, self_closing: bool) {
        self.open_body(false);
        if self.stack.len() >= super::MAX_DEPTH {
            if !self_closing {
                self.dropped += 1;
                self.limited.set(true);
            }
            return;
        }
        let point = match (ns, name) {
            (Ns::MathMl, "mi" | "mo" | "mn" | "ms" | "mtext") => Point::MathText,
            (Ns::Svg, "foreignobject" | "desc" | "title") => Point::Html,
            (Ns::MathMl, "annotation-xml")
                if self.attrs.get("encoding").is_some_and(|e| {
                    e.eq_ignore_ascii_case("text/html")
                        || e.eq_ignore_ascii_case("application/xhtml+xml")
                }) =>
            {
                Point::Html
            }
            _ => Point::None,
        };
        // The standard's scope boundaries among foreign elements.
        let scope = point != Point::None || (ns == Ns::MathMl && name == "annotation-xml");
        let skip = self.skip > 0 || ns == Ns::Svg;
        let math = !skip && self.math == 0 && ns == Ns::MathMl && name == "math";
        let annotation = ns == Ns::MathMl && matches!(name, "annotation" | "annotation-xml");
        self.math += usize::from(math);
        self.annotations += usize::from(annotation);
        self.skip += usize::from(skip);
        let n: Box<str> = name.into();
        *self.custom_counts.entry(n.clone()).or_default() += 1;
        self.changes += 1;
        self.stack.push(Open {
            id: CUSTOM,
            custom: Some(n),
            flags: if scope { SCOPE } else { 0 },
            frame: None,
            skip,
            ns,
            point,
            math,
            annotation,
            fmt: 0,
        });
        if self_closing {
            self.pop_to(self.stack.len() - 1);
        }
    }

    /// `<![CDATA[…]]>` in foreign content, from `from` (after `[CDATA[`):
    /// literal text, read only inside a formula.
    pub(super) fn cdata(&mut self, from: usize) {
        let (end, after) = memchr::memmem::find(&self.b[from..], b"]]>")
            .map_or((self.b.len(), self.b.len()), |e| (from + e, from + e + 3));
        self.pos = after;
        if self.skip == 0 && self.math > 0 && self.annotations == 0 {
            let s = self.s;
            self.formula_text(&s[from..end]);
        }
    }

    /// Text inside a formula: its words, one space apart.
    pub(super) fn formula_text(&mut self, text: &str) {
        for word in text.split_whitespace() {
            if !self.formula.is_empty() {
                self.formula.push(' ');
            }
            self.formula.push_str(word);
        }
    }

    /// A formula closed: hand its text to the walk.
    pub(super) fn end_formula(&mut self) {
        let formula = std::mem::take(&mut self.formula);
        if !formula.is_empty() {
            self.st.push_math(&format!(" {formula} "));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn breakout_list_is_sorted() {
        assert!(super::BREAKOUT.windows(2).all(|w| w[0] < w[1]));
    }
}
