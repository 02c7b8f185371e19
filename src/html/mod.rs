//! HTML to blocks: parse once, walk once, choose the article's container.
//!
//! Stages (each its own module): [`walk`] turns the DOM into blocks, the
//! element table and raw metadata in one pass; [`container`] scores elements
//! and marks the blocks inside the article's container; the shared classifier
//! ([`crate::chrome`]) then judges the blocks.

pub mod container;
pub mod hints;
pub mod walk;

use crate::block::Block;
use crate::chrome::Context;
pub use walk::RawMeta;

/// The blocks of a page, its element table and raw metadata.
pub struct HtmlPage {
    pub blocks: Vec<Block>,
    pub elements: Vec<walk::ElementInfo>,
    pub meta: RawMeta,
}

/// Parse and walk an HTML document (the only parse of the page).
pub fn parse(html: &str) -> HtmlPage {
    let doc = scraper::Html::parse_document(html);
    let walked = walk::walk(&doc);
    HtmlPage {
        blocks: walked.blocks,
        elements: walked.elements,
        meta: walked.meta,
    }
}

impl HtmlPage {
    /// Choose the content container (marks `in_container` and settles the
    /// DOM hints of every block). False when the page has no prose at all.
    pub fn choose_container(&mut self, ctx: &Context) -> bool {
        container::choose(&mut self.blocks, &self.elements, ctx)
    }
}
