//! HTML to blocks: parse once, walk once, choose the article's container.
//!
//! Stages (each its own module): [`walk`] turns the DOM into blocks, the
//! element table and raw metadata in one pass; [`container`] scores elements
//! and marks the blocks inside the article's container; the shared classifier
//! ([`crate::chrome`]) then judges the blocks.

pub mod container;
pub mod hints;
pub mod prefilter;
pub mod walk;

use crate::block::Block;
pub use walk::RawMeta;

/// The blocks of a page, its element table and raw metadata.
pub struct HtmlPage {
    pub blocks: Vec<Block>,
    pub elements: Vec<walk::ElementInfo>,
    pub meta: RawMeta,
}

/// Parse and walk an HTML document. One parse, except for a page whose
/// `<title>` is never closed: by the HTML rules the rest of the page is then
/// title text, so it is parsed once more with the title closed where its
/// text ends.
pub fn parse(html: &str) -> HtmlPage {
    let html = &prefilter::strip(html);
    let mut walked = walk::walk(&scraper::Html::parse_document(html));
    if title_swallowed_page(&walked.meta)
        && let Some(repaired) = close_title(html)
    {
        walked = walk::walk(&scraper::Html::parse_document(&repaired));
    }
    HtmlPage {
        blocks: walked.blocks,
        elements: walked.elements,
        meta: walked.meta,
    }
}

/// A title this long holding markup is the rest of the page, swallowed.
const SWALLOWED_TITLE_CHARS: usize = 1000;

fn title_swallowed_page(meta: &RawMeta) -> bool {
    meta.title
        .as_deref()
        .is_some_and(|t| t.len() > SWALLOWED_TITLE_CHARS && t.contains("</"))
}

/// Insert `</title>` before the first `<` after the `<title>` start tag.
fn close_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let text_start = open + lower[open..].find('>')? + 1;
    let end = text_start + lower[text_start..].find('<')?;
    Some(format!("{}</title>{}", &html[..end], &html[end..]))
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
