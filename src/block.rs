//! The block: the unit every later stage works on.
//!
//! HTML and plain text are both turned into one ordered stream of [`Block`]s —
//! paragraph-sized pieces of text with the features the classifier needs. The
//! HTML side fills in DOM evidence (tag kind, link density, chrome hints from
//! ancestors, membership in the chosen content container); the text side has
//! only the line and its position. The same classifier ([`crate::chrome`])
//! then judges every block, whatever it came from.

use serde::Serialize;

/// What kind of text unit a block is; drives Markdown rendering and a few rules
/// (a heading is allowed to be short, a list item to lack a full stop).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    /// `<h1>`..`<h6>`, with its level.
    Heading(u8),
    ListItem,
    Quote,
    /// Preformatted text (`<pre>`), rendered verbatim.
    Code,
    /// A table cell or row.
    Table,
    /// A figure's caption (`<figcaption>`).
    Caption,
}

/// Chrome evidence found in the DOM around a block (its own element or an
/// ancestor): tag, ARIA role, or class/id vocabulary. For text input only
/// the layout of the line can give one ([`DomHint::SideColumn`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DomHint {
    Navigation,
    Header,
    Footer,
    Sidebar,
    Comments,
    Share,
    Related,
    Advertisement,
    Form,
    Byline,
    Hidden,
    /// A generic negative class/id word (`widget`, `promo`, `meta`, ...).
    Boilerplate,
    /// Text input only: a cell printed beside the article's line by a
    /// renderer that laid the page out in columns (a sidebar headline).
    SideColumn,
    /// HTML only: a numbered slideshow ("1/50", "2/50", …) set inside the
    /// article with the article's text on both sides of it.
    Slideshow,
}

/// One paragraph-sized unit of text with its features.
#[derive(Debug, Clone)]
pub struct Block {
    /// The text as it will be emitted (whitespace collapsed for HTML; the line
    /// verbatim for text input).
    pub text: String,
    pub kind: BlockKind,
    /// Number of word tokens in `text`.
    pub words: usize,
    /// Characters of `text` that sit inside links (always 0 for text input).
    pub link_chars: usize,
    /// Chrome evidence from the DOM (or, for text, the line's layout), if any.
    pub dom_hint: Option<DomHint>,
    /// For HTML: the index (into the parser's element table) of the element
    /// that holds this block; lets the scorer find a common container.
    pub parent: usize,
    /// For HTML: true when the block sits inside the element chosen as the
    /// main content container. Always false for text input.
    pub in_container: bool,
    /// True when a positive structural marker (`<article>`, `<main>`,
    /// `itemprop=articleBody`, content-ish class) encloses the block.
    pub in_article_markup: bool,
    /// For HTML: the block holds a typeset formula (MathML).
    pub math: bool,
    /// For HTML, when Markdown output asked for it: the block's inline
    /// Markdown and its place in a list or table (`None` otherwise).
    pub rich: Option<Box<RichBlock>>,
}

/// A block as faithful Markdown needs it (see `html::rich`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RichBlock {
    /// The text with its inline Markdown: emphasis, code spans, and (when
    /// asked for) links and images.
    pub md: String,
    /// The list item the block belongs to.
    pub list: Option<ListPos>,
    /// The table cell the block belongs to.
    pub cell: Option<CellPos>,
}

/// A list item's place: which list, ordered or not, its number, its depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListPos {
    pub list: u32,
    pub ordered: bool,
    pub number: u32,
    pub depth: u8,
}

/// A table cell's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellPos {
    pub table: u32,
    pub row: u32,
    pub col: u32,
    pub header: bool,
}

impl Block {
    pub fn new(text: String, kind: BlockKind) -> Block {
        let words = count_words(&text);
        Block {
            text,
            kind,
            words,
            link_chars: 0,
            dom_hint: None,
            parent: 0,
            in_container: false,
            in_article_markup: false,
            math: false,
            rich: None,
        }
    }

    /// Share of the block's characters that are link text (0.0 for text input).
    pub fn link_density(&self) -> f32 {
        let chars = self.text.chars().count();
        if chars == 0 {
            return 0.0;
        }
        (self.link_chars as f32 / chars as f32).min(1.0)
    }
}

/// A word is a maximal run of alphanumeric characters. CJK text has no spaces,
/// so each CJK character counts as a word of its own; otherwise a Chinese
/// paragraph would look like a one-word line.
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    // Every block's words are counted: an ASCII byte is judged without
    // decoding a char (most text of most pages), anything else as a char.
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphanumeric() {
                words += usize::from(!in_word);
                in_word = true;
            } else {
                in_word = false;
            }
            continue;
        }
        let c = text[i..].chars().next().expect("i is a char boundary");
        i += c.len_utf8();
        if is_cjk(c) {
            words += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
                in_word = true;
            }
        } else {
            in_word = false;
        }
    }
    words
}

/// Han, Hiragana, Katakana and Hangul: scripts written without spaces between words
/// (Hangul does use spaces, but its syllable blocks carry as much as a short word).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

/// The markers text renderers put before a list item (`* `, `+ `, `o `,
/// `- `, `• `, `◦ `, `▪ `), each followed by a space.
const LIST_MARKERS: [char; 7] = ['*', '+', 'o', '-', '•', '◦', '▪'];

/// Does a line open with a list item's marker and its space?
pub fn starts_with_list_marker(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(m), Some(' ')) if LIST_MARKERS.contains(&m))
}

/// The line without its list marker (and the spaces after it), if it has one.
pub fn strip_list_marker(text: &str) -> &str {
    if starts_with_list_marker(text) {
        let marker = text.chars().next().map_or(0, char::len_utf8);
        text[marker..].trim_start()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_across_scripts() {
        assert_eq!(count_words("Hello, world!"), 2);
        assert_eq!(count_words("  "), 0);
        assert_eq!(count_words("U.S.-backed offensive"), 4);
        assert_eq!(count_words("日本語"), 3);
        assert_eq!(count_words("Привет мир"), 2);
    }

    #[test]
    fn link_density_is_a_fraction() {
        let mut b = Block::new("abcd".into(), BlockKind::Paragraph);
        b.link_chars = 2;
        assert!((b.link_density() - 0.5).abs() < 1e-6);
        b.link_chars = 10;
        assert_eq!(b.link_density(), 1.0);
    }
}
