//! Blocks from a tree built elsewhere, by the rules the one-pass parser
//! applies to its own events.
//!
//! unchrome never builds a DOM; this exists to hold the parser to the HTML
//! standard. A test feeds it the tree that html5ever builds, or the expected
//! tree of an html5lib-tests case, element by element, and compares the
//! blocks it forms with the blocks [`super::parse`] forms from the markup:
//! any difference is then the parser's nesting, not the walk's rules.
//!
//! The rules mirrored from the parser: skipped elements (scripts, forms,
//! media, `<head>`, templates, SVG) hide their content; raw-text elements
//! (`<xmp>`, `<noembed>`, …) give no text; the title and JSON-LD go to the
//! metadata; a formula (`<math>`) is read as its tokens without its
//! annotations; an unknown element inside a paragraph is inline.

use super::parser::Attrs;
use super::tags::{CUSTOM, INLINE, P, RAW, SKIPPED, Tag, lookup};
use super::walk::{Frame, State, Walked};
use std::borrow::Cow;

pub use super::tags::Ns;

/// What an open element does to the text inside it.
enum Role {
    /// An element the walk sees (or an inline one with no frame).
    Element(Option<Frame>),
    /// Its content is hidden (skipped or raw text).
    Hidden,
    /// The `<head>`: only its metadata elements count.
    Head,
    /// `<title>` or a JSON-LD script: its text is collected.
    Collect { title: bool },
    /// A `<math>` element: its text is read as a formula.
    Math,
    /// An element inside a formula; annotations hide their text.
    InMath { annotation: bool },
    /// A `<p>`, counted so unknown elements inside one are inline.
    Paragraph(Option<Frame>),
}

/// Replays a tree into the walk (see the module docs).
pub struct TreeWalk {
    st: State,
    stack: Vec<Role>,
    /// Open elements whose text is hidden.
    hidden: usize,
    in_head: usize,
    paragraphs: usize,
    /// Text of the formula or the title/JSON-LD being read.
    buf: String,
    annotations: usize,
}

impl Default for TreeWalk {
    fn default() -> Self {
        Self::new()
    }
}

impl TreeWalk {
    pub fn new() -> Self {
        TreeWalk {
            st: State::new(),
            stack: Vec::new(),
            hidden: 0,
            in_head: 0,
            paragraphs: 0,
            buf: String::new(),
            annotations: 0,
        }
    }

    /// Open an element (names lowercase for HTML, attributes in order).
    pub fn open(&mut self, ns: Ns, name: &str, attrs: &[(&str, &str)]) {
        let role = self.role(ns, name, attrs);
        match role {
            Role::Hidden => self.hidden += 1,
            Role::Head => self.in_head += 1,
            Role::InMath { annotation: true } => self.annotations += 1,
            Role::Paragraph(_) => self.paragraphs += 1,
            _ => {}
        }
        self.stack.push(role);
    }

    fn role(&mut self, ns: Ns, name: &str, attrs: &[(&str, &str)]) -> Role {
        if self.hidden > 0 {
            return Role::Hidden;
        }
        if self.stack.iter().rev().any(|r| matches!(r, Role::Math)) {
            let annotation = matches!(name, "annotation" | "annotation-xml");
            return Role::InMath { annotation };
        }
        let attrs = Attrs::from_pairs(attrs);
        match (ns, name) {
            (Ns::MathMl, "math") => return Role::Math,
            (Ns::Svg | Ns::MathMl, _) => return Role::Hidden,
            (_, "head") => return Role::Head,
            (_, "title") => return Role::Collect { title: true },
            (_, "script") => {
                let ld = attrs
                    .get("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                return if ld {
                    Role::Collect { title: false }
                } else {
                    Role::Hidden
                };
            }
            (_, "meta" | "link") if self.in_head > 0 => {
                self.st.read_head_element(name, &attrs);
                return Role::Hidden;
            }
            _ if self.in_head > 0 => return Role::Hidden,
            (_, "frameset" | "frame") => return Role::Hidden,
            _ => {}
        }
        let (id, mut flags) = lookup(name);
        if id == CUSTOM && self.paragraphs > 0 {
            flags |= INLINE;
        }
        if flags & (RAW | SKIPPED) != 0 {
            return Role::Hidden;
        }
        let frame = Some(self.st.open_element(Tag { name, flags }, &attrs));
        if id == P {
            Role::Paragraph(frame)
        } else {
            Role::Element(frame)
        }
    }

    /// A text node.
    pub fn text(&mut self, text: &str) {
        if self.hidden > 0 || self.annotations > 0 {
            return;
        }
        let text: Cow<str> = if text.contains('\0') {
            Cow::Owned(text.replace('\0', ""))
        } else {
            Cow::Borrowed(text)
        };
        match self.stack.last() {
            Some(Role::Collect { .. }) => self.buf.push_str(&text),
            _ if self.stack.iter().rev().any(|r| matches!(r, Role::Math)) => {
                for word in text.split_whitespace() {
                    if !self.buf.is_empty() {
                        self.buf.push(' ');
                    }
                    self.buf.push_str(word);
                }
            }
            _ if self.in_head > 0 => {}
            _ => self.st.push_text(&text),
        }
    }

    /// Close the innermost open element.
    pub fn close(&mut self) {
        let Some(role) = self.stack.pop() else {
            return;
        };
        match role {
            Role::Element(frame) => {
                if let Some(frame) = frame {
                    self.st.close_element(frame);
                }
            }
            Role::Paragraph(frame) => {
                self.paragraphs -= 1;
                if let Some(frame) = frame {
                    self.st.close_element(frame);
                }
            }
            Role::Hidden => self.hidden -= 1,
            Role::Head => self.in_head -= 1,
            Role::Collect { title } => {
                let text = std::mem::take(&mut self.buf);
                if title {
                    self.st.set_title(&text);
                } else {
                    self.st.push_json_ld(&text);
                }
            }
            Role::Math => {
                let formula = std::mem::take(&mut self.buf);
                if !formula.is_empty() {
                    self.st.push_math(&format!(" {formula} "));
                }
            }
            Role::InMath { annotation } => {
                if annotation {
                    self.annotations -= 1;
                }
            }
        }
    }

    /// Close what is still open and return the walk's result.
    pub fn finish(mut self) -> Walked {
        while !self.stack.is_empty() {
            self.close();
        }
        self.st.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_replays_into_the_same_blocks_as_the_markup() {
        let mut t = TreeWalk::new();
        t.open(Ns::Html, "html", &[]);
        t.open(Ns::Html, "head", &[]);
        t.open(Ns::Html, "title", &[]);
        t.text("T");
        t.close();
        t.close();
        t.open(Ns::Html, "body", &[]);
        t.open(Ns::Html, "p", &[("class", "x")]);
        t.text("one ");
        t.open(Ns::Html, "x-formula", &[]);
        t.text("two");
        t.close();
        t.open(Ns::MathMl, "math", &[]);
        t.open(Ns::MathMl, "mi", &[]);
        t.text("a");
        t.close();
        t.open(Ns::MathMl, "annotation", &[]);
        t.text("TeX");
        t.close();
        t.close();
        t.close();
        t.open(Ns::Html, "script", &[]);
        t.text("var x;");
        t.close();
        t.open(Ns::Svg, "svg", &[]);
        t.text("drawing");
        t.close();
        t.open(Ns::Html, "div", &[]);
        t.text("three");
        let w = t.finish();
        let texts: Vec<&str> = w.blocks.iter().map(|b| b.text.as_str()).collect();
        let parsed = super::super::parse(
            "<title>T</title><p class=x>one <x-formula>two</x-formula><math><mi>a</mi>\
             <annotation>TeX</annotation></math><script>var x;</script><svg>drawing</svg>\
             <div>three",
        );
        let want: Vec<&str> = parsed.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, want);
        assert_eq!(texts, ["one two a", "three"]);
        assert_eq!(w.meta.title.as_deref(), Some("T"));
    }
}
