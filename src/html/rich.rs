//! Structure for faithful Markdown, recorded during the walk only when the
//! output asks for it (so the default path stays as fast): each block's
//! inline Markdown (emphasis, code spans, and with the options links and
//! images), its place in a list (which list, which number, how deep) and in
//! a table (which table, row and column).

use crate::block::{CellPos, ListPos, RichBlock};

/// What the Markdown output keeps besides structure and emphasis.
#[derive(Debug, Clone, Default)]
pub struct RichOptions {
    /// Links as `[text](absolute url)`.
    pub links: bool,
    /// Images as `![alt](absolute url)`.
    pub images: bool,
    /// The page's URL, to make links and images absolute.
    pub base: Option<url::Url>,
}

/// An inline element whose Markdown closes when it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline {
    Emphasis,
    Strong,
    Code,
    /// A link (its target waits in [`Rich::hrefs`]).
    Link,
}

impl Inline {
    fn marker(self) -> &'static str {
        match self {
            Inline::Emphasis => "*",
            Inline::Strong => "**",
            Inline::Code => "`",
            Inline::Link => "[",
        }
    }
}

struct List {
    ordered: bool,
    next: u32,
    id: u32,
}

struct Table {
    id: u32,
    row: u32,
    col: u32,
    rows_seen: bool,
}

/// The Markdown side of the walk's state.
pub struct Rich {
    opts: RichOptions,
    /// The current block's Markdown.
    md: String,
    /// Opening markers not written yet: they wait for the first visible
    /// character, so `<em> word</em>` becomes ` *word*`, not `* word*`.
    pending: Vec<Inline>,
    /// Markdown of images waiting for a block with text to carry them.
    images: String,
    /// Targets of the open links.
    hrefs: Vec<Option<String>>,
    lists: Vec<List>,
    items: Vec<ListPos>,
    tables: Vec<Table>,
    cell: Option<CellPos>,
    next_id: u32,
}

impl Rich {
    pub fn new(opts: RichOptions) -> Rich {
        Rich {
            opts,
            md: String::new(),
            pending: Vec::new(),
            images: String::new(),
            hrefs: Vec::new(),
            lists: Vec::new(),
            items: Vec::new(),
            tables: Vec::new(),
            cell: None,
            next_id: 0,
        }
    }

    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    fn absolute(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        let lower = href.to_ascii_lowercase();
        if lower.starts_with("javascript:") || lower.starts_with("data:") {
            return None;
        }
        Some(match &self.opts.base {
            Some(base) => base.join(href).map_or(href.to_string(), |u| u.to_string()),
            None => href.to_string(),
        })
    }

    /// An inline element opens: returns what its close must undo.
    pub fn open_inline(&mut self, tag: &str, href: Option<&str>, in_pre: bool) -> Option<Inline> {
        let inline = match tag {
            "em" | "i" | "cite" | "dfn" => Inline::Emphasis,
            "strong" | "b" => Inline::Strong,
            "code" | "kbd" | "samp" | "tt" if !in_pre => Inline::Code,
            "a" if self.opts.links => {
                let target = href.and_then(|h| self.absolute(h));
                self.hrefs.push(target);
                Inline::Link
            }
            _ => return None,
        };
        self.pending.push(inline);
        Some(inline)
    }

    pub fn close_inline(&mut self, inline: Inline) {
        let href = if inline == Inline::Link {
            self.hrefs.pop().flatten()
        } else {
            None
        };
        // Opened but nothing shown inside: nothing to write.
        if let Some(i) = self.pending.iter().rposition(|&p| p == inline) {
            self.pending.remove(i);
            return;
        }
        let trailing = self.md.len() - self.md.trim_end().len();
        self.md.truncate(self.md.len() - trailing);
        match (inline, href) {
            (Inline::Link, Some(url)) => {
                self.md.push_str("](");
                self.md
                    .push_str(&url.replace(' ', "%20").replace(')', "%29"));
                self.md.push(')');
            }
            (Inline::Link, None) => self.md.push(']'),
            (other, _) => self.md.push_str(other.marker()),
        }
        if trailing > 0 {
            self.md.push(' ');
        }
    }

    /// An `<img>`: kept (with `images`) until a block with text carries it.
    pub fn image(&mut self, src: Option<&str>, alt: Option<&str>) {
        if !self.opts.images {
            return;
        }
        let Some(src) = src.and_then(|s| self.absolute(s)) else {
            return;
        };
        let alt = alt.unwrap_or("").replace(['[', ']'], "");
        self.images
            .push_str(&format!("![{}]({})\n", alt.trim(), src.replace(' ', "%20")));
    }

    /// Text as the walk adds it to the block (already whitespace-collapsed).
    pub fn text(&mut self, added: &str, in_pre: bool) {
        if in_pre {
            self.md.push_str(added);
            return;
        }
        let visible = added.trim_start();
        if visible.is_empty() {
            if !added.is_empty() && !self.md.ends_with(' ') && !self.md.is_empty() {
                self.md.push(' ');
            }
            return;
        }
        if visible.len() < added.len() && !self.md.ends_with(' ') && !self.md.is_empty() {
            self.md.push(' ');
        }
        for p in self.pending.drain(..) {
            self.md.push_str(p.marker());
        }
        for c in visible.chars() {
            if matches!(c, '\\' | '*' | '`' | '[' | ']') {
                self.md.push('\\');
            }
            self.md.push(c);
        }
    }

    pub fn open_list(&mut self, ordered: bool, start: Option<&str>) {
        let next = start.and_then(|s| s.trim().parse().ok()).unwrap_or(1);
        let id = self.id();
        self.lists.push(List { ordered, next, id });
    }

    pub fn close_list(&mut self) {
        self.lists.pop();
    }

    pub fn open_item(&mut self, value: Option<&str>) {
        let depth = self.lists.len() as u8;
        let pos = match self.lists.last_mut() {
            Some(list) => {
                if let Some(v) = value.and_then(|v| v.trim().parse().ok()) {
                    list.next = v;
                }
                let pos = ListPos {
                    list: list.id,
                    ordered: list.ordered,
                    number: list.next,
                    depth,
                };
                list.next += 1;
                pos
            }
            // An `<li>` outside any list: a bullet of a list of its own.
            None => ListPos {
                list: 0,
                ordered: false,
                number: 1,
                depth: 1,
            },
        };
        self.items.push(pos);
    }

    pub fn close_item(&mut self) {
        self.items.pop();
    }

    pub fn open_table(&mut self) {
        let id = self.id();
        self.tables.push(Table {
            id,
            row: 0,
            col: 0,
            rows_seen: false,
        });
    }

    pub fn close_table(&mut self) {
        self.tables.pop();
        self.cell = None;
    }

    pub fn open_row(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            if t.rows_seen {
                t.row += 1;
            }
            t.rows_seen = true;
            t.col = 0;
        }
    }

    pub fn open_cell(&mut self, header: bool) {
        if let Some(t) = self.tables.last_mut() {
            t.rows_seen = true;
            self.cell = Some(CellPos {
                table: t.id,
                row: t.row,
                col: t.col,
                header,
            });
            t.col += 1;
        }
    }

    /// The block ends: its Markdown and place, or `None` when it has no text
    /// (its images wait for the next block).
    pub fn take_block(&mut self, has_text: bool, in_pre: bool) -> Option<Box<RichBlock>> {
        self.pending.clear();
        let md = std::mem::take(&mut self.md);
        if !has_text {
            return None;
        }
        // Images stand in a paragraph of their own before the text.
        let mut text = std::mem::take(&mut self.images);
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(if in_pre {
            md.trim_matches('\n')
        } else {
            md.trim()
        });
        Some(Box::new(RichBlock {
            md: text,
            list: self.items.last().copied(),
            cell: self.cell,
        }))
    }
}
