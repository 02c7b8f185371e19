//! The article's text as the page states it in its JSON-LD
//! (`"articleBody"`): the fallback for a page whose article a script draws,
//! so the markup holds little more than a photo caption around an empty
//! mount point.
//!
//! Only scripts that name an `articleBody` are kept from the walk, and they
//! are parsed only when they are long enough to hold a body much longer
//! than the one found in the markup.

use crate::block::Block;
use crate::metadata::html::{bounded_walk, parse_lenient};
use serde_json::Value;

/// The key looked for, as it appears in the script's source (a byte search
/// before any JSON parse: most pages have no such script).
const KEY: &str = "\"articleBody\"";

/// A stated body shorter than this many words is a summary or a teaser's
/// excerpt, not the article (a few paragraphs).
pub const MIN_WORDS: usize = 80;

/// The body found in the markup is "tiny" beside the stated one when the
/// stated one has more than this many times its words: the markup shows a
/// caption or a lead while the article itself is drawn by a script. (A
/// body the markup shows in full, or cut by a paywall to a few
/// paragraphs, keeps well over a quarter of the words.)
pub const TINY_FACTOR: usize = 4;

/// The JSON-LD scripts that may state an article body (moved out of the
/// walk's list; the metadata stage has read them already).
pub fn scripts_with_body(json_ld: &[String]) -> Vec<String> {
    json_ld
        .iter()
        .filter(|s| s.contains(KEY))
        .cloned()
        .collect()
}

/// The longest `articleBody` string in the scripts, trimmed.
pub fn stated_body(scripts: &[String]) -> Option<String> {
    let mut best: Option<&str> = None;
    let values: Vec<Value> = scripts.iter().filter_map(|s| parse_lenient(s)).collect();
    for value in &values {
        bounded_walk(vec![value], |v, stack| match v {
            Value::Array(items) => stack.extend(items.iter()),
            Value::Object(map) => {
                if let Some(Value::String(body)) = map.get("articleBody")
                    && best.is_none_or(|b| body.len() > b.len())
                {
                    best = Some(body);
                }
                stack.extend(map.values().filter(|v| v.is_object() || v.is_array()));
            }
            _ => {}
        });
    }
    best.map(str::trim)
        .filter(|b| !b.is_empty())
        .map(String::from)
}

/// The stated body as blocks. Sites state it as plain text with a line
/// break between paragraphs, or as HTML (`<p>…</p>`), with entities either
/// way: it is read as HTML with each line break a `<br>`, so every line is
/// a block of its own.
pub fn blocks_of(body: &str) -> Vec<Block> {
    super::parse(&body.replace('\n', "<br>")).blocks
}

/// Words of a text, counted as the blocks count them (whitespace-split).
pub fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_stated_body_is_found_in_a_graph() {
        let scripts = vec![
            r#"{"@type":"WebPage","name":"x"}"#.to_string(),
            r#"{"@graph":[{"@type":"NewsArticle","articleBody":"Short."},
                {"@type":"NewsArticle","articleBody":" The long one, stated in full. "}]}"#
                .to_string(),
        ];
        let kept = scripts_with_body(&scripts);
        assert_eq!(kept.len(), 1);
        assert_eq!(
            stated_body(&kept).as_deref(),
            Some("The long one, stated in full.")
        );
        assert_eq!(stated_body(&scripts[..1]), None);
        assert_eq!(stated_body(&["{not json".to_string()]), None);
    }

    #[test]
    fn a_stated_body_gives_a_block_per_line_or_paragraph() {
        let blocks = blocks_of("<p>One &amp; two.</p><p>Three.</p>");
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["One & two.", "Three."]);
        let blocks = blocks_of("Prices rose by <5% at AT&T this year.\nThey fell later.");
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Prices rose by <5% at AT&T this year.", "They fell later."]
        );
    }
}
