//! HTML to blocks: parse once, walk once, choose the article's container.
//!
//! Stages (each its own module): [`parser`] tokenizes the page and tracks
//! its nesting, feeding [`walk`], which turns the events into blocks, the
//! element table and raw metadata in the same pass; [`container`] scores elements
//! and marks the blocks inside the article's container; the shared classifier
//! ([`crate::chrome`]) then judges the blocks.

mod author_marks;
pub mod container;
mod entities;
pub mod hints;
pub mod parser;
pub mod rich;
mod scan;
pub mod stated_body;
mod tags;
pub mod tree;
pub mod walk;

use crate::block::Block;
pub use walk::RawMeta;

/// The blocks of a page, its element table and raw metadata.
pub struct HtmlPage {
    pub blocks: Vec<Block>,
    pub elements: Vec<walk::ElementInfo>,
    pub meta: RawMeta,
}

/// Parse and walk an HTML document, in one pass (see [`parser`]).
pub fn parse(html: &str) -> HtmlPage {
    parse_with(html, None)
}

/// [`parse`], also recording the structure faithful Markdown needs.
pub fn parse_with(html: &str, rich: Option<rich::RichOptions>) -> HtmlPage {
    let walked = walk::walk_with(html, rich);
    HtmlPage {
        blocks: walked.blocks,
        elements: walked.elements,
        meta: walked.meta,
    }
}

impl HtmlPage {
    /// Choose the content container (marks `in_container` and settles the
    /// DOM hints of every block). False when the page has no prose at all.
    pub fn choose_container(&mut self, evidence: &crate::chrome::Evidence) -> bool {
        container::choose(&mut self.blocks, &self.elements, evidence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_title_does_not_swallow_the_page() {
        let body = "<p>The council met on Monday and agreed on the plan.</p>".repeat(40);
        let html = format!(
            "<html><head><title>Broken title\n<meta name=x content=y></head><body>{body}</body></html>"
        );
        let page = parse(&html);
        assert_eq!(page.blocks.len(), 40);
        assert!(
            page.meta
                .title
                .as_deref()
                .is_some_and(|t| t.starts_with("Broken title"))
        );
    }
}
