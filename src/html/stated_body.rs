//! The article's text as the page states it in its JSON-LD
//! (`"articleBody"`, or a how-to's or a recipe's steps): the fallback for a page whose article a script draws,
//! so the markup holds little more than a photo caption around an empty
//! mount point.
//!
//! Only scripts that name an `articleBody` are kept from the walk, and they
//! are parsed only when they are long enough to hold a body much longer
//! than the one found in the markup.

use crate::block::Block;
use crate::metadata::html::{bounded_walk, parse_lenient};
use serde_json::Value;

/// Keys of a stated body, as they appear in a script's source (a byte
/// search before any JSON parse: most pages have no such script): a news
/// article's `articleBody`, a how-to's `step`s, a recipe's
/// `recipeInstructions`.
const KEYS: &[&str] = &["\"articleBody\"", "\"step\"", "\"recipeInstructions\""];

/// A stated body shorter than this many words is a summary or a teaser's
/// excerpt, not the article (a few paragraphs).
pub const MIN_WORDS: usize = 80;

/// The body found in the markup is "tiny" beside the stated one when the
/// stated one has more than this many times its words: the markup shows a
/// caption or a lead while the article itself is drawn by a script. (A
/// body the markup shows in full, or cut by a paywall to a few
/// paragraphs, keeps well over a quarter of the words.)
pub const TINY_FACTOR: usize = 4;

/// The JSON-LD scripts that may state an article body, taken from the
/// walk's list once the metadata stage has read them (no copy).
pub fn scripts_with_body(mut json_ld: Vec<String>) -> Vec<String> {
    json_ld.retain(|s| KEYS.iter().any(|k| s.contains(k)));
    json_ld
}

/// The longest `articleBody` string in the scripts, trimmed; failing one,
/// the text of the first how-to or recipe (its description, ingredients
/// and steps).
pub fn stated_body(scripts: &[String]) -> Option<String> {
    let mut best: Option<&str> = None;
    let mut instructions: Option<String> = None;
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
                if instructions.is_none() && is_instructions_type(map.get("@type")) {
                    instructions = instructions_text(map);
                }
                stack.extend(map.values().filter(|v| v.is_object() || v.is_array()));
            }
            _ => {}
        });
    }
    best.map(str::trim)
        .filter(|b| !b.is_empty())
        .map(String::from)
        .or(instructions)
}

/// Is a `@type` (a string or a list of them) a how-to or a recipe?
fn is_instructions_type(t: Option<&Value>) -> bool {
    let is = |s: &str| matches!(s, "HowTo" | "Recipe");
    match t {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

/// A how-to's or a recipe's text, one part a line: its description, its
/// ingredients, the text of every step (steps may be strings, `HowToStep`s
/// or `HowToSection`s of them).
fn instructions_text(map: &serde_json::Map<String, Value>) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(Value::String(d)) = map.get("description") {
        parts.push(d);
    }
    if let Some(Value::Array(items)) = map.get("recipeIngredient") {
        parts.extend(items.iter().filter_map(Value::as_str));
    }
    let mut stack: Vec<&Value> = ["step", "recipeInstructions"]
        .iter()
        .filter_map(|k| map.get(*k))
        .collect();
    stack.reverse();
    // Steps in document order, within a bound (a broken script may nest
    // without end).
    let mut budget = 2_000;
    while let Some(v) = stack.pop() {
        budget -= 1;
        if budget == 0 {
            break;
        }
        match v {
            Value::String(s) => parts.push(s),
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(o) => {
                if let Some(Value::String(t)) = o.get("text") {
                    parts.push(t);
                }
                if let Some(list) = o.get("itemListElement") {
                    stack.push(list);
                }
            }
            _ => {}
        }
    }
    let parts: Vec<&str> = parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n"))
}

/// The stated body as blocks. Sites state it as plain text with a line
/// break between paragraphs, or as HTML (`<p>…</p>`), with entities either
/// way: it is read as HTML with each line break a `<br>`, so every line is
/// a block of its own.
pub fn blocks_of(body: &str) -> Vec<Block> {
    super::parse(&body.replace('\n', "<br>")).blocks
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
        let kept = scripts_with_body(scripts.clone());
        assert_eq!(kept.len(), 1);
        assert_eq!(
            stated_body(&kept).as_deref(),
            Some("The long one, stated in full.")
        );
        assert_eq!(stated_body(&scripts[..1]), None);
        assert_eq!(stated_body(&["{not json".to_string()]), None);
    }

    #[test]
    fn a_how_to_or_a_recipe_states_its_steps() {
        let how_to = r#"{"@type":"HowTo","description":"<p>Sew a round cloth.</p>",
            "step":[{"@type":"HowToStep","text":"Measure the table."},
                {"@type":"HowToSection","itemListElement":[{"@type":"HowToDirection","text":"Cut the fabric."}]}]}"#;
        let scripts = scripts_with_body(vec![how_to.to_string()]);
        assert_eq!(
            stated_body(&scripts).as_deref(),
            Some("<p>Sew a round cloth.</p>\nMeasure the table.\nCut the fabric.")
        );
        let recipe = r#"{"@type":["Recipe"],"recipeIngredient":["2 eggs","1 cup milk"],
            "recipeInstructions":"Whisk and fry."}"#;
        let scripts = scripts_with_body(vec![recipe.to_string()]);
        assert_eq!(
            stated_body(&scripts).as_deref(),
            Some("2 eggs\n1 cup milk\nWhisk and fry.")
        );
        // An article's body wins over a recipe beside it.
        let both = format!("[{recipe},{{\"@type\":\"Article\",\"articleBody\":\"Text.\"}}]");
        assert_eq!(stated_body(&[both]).as_deref(), Some("Text."));
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
