//! One pass over the DOM: blocks, the element table, and the raw metadata.
//!
//! The walk is iterative (open/close events from the tree), so a page nested
//! 300,000 elements deep costs time, not stack. Everything later stages need
//! is collected here, so the document is traversed once:
//!
//! - **blocks**: text is gathered into the current block until a block-level
//!   element opens or closes (`<p>`, `<div>`, `<li>`, `<br>`, …), then flushed
//!   with its kind, its link text and the element that holds it;
//! - **elements**: every non-inline element, with its parent and the chrome or
//!   content hint its tag, role and class give (for container scoring);
//! - **raw metadata**: `<title>`, `<meta>`, `<link rel=canonical>`, JSON-LD,
//!   `<time datetime>`, microdata, `<html lang>`, headings.

pub use super::author_marks::AuthorMark;
use super::author_marks::{self, AUTHOR_MARK_DEPTH, push_author_text};
use super::hints;
use super::parser::{Attrs, Tag};
use super::rich::{Inline, Rich, RichOptions};
use crate::block::{Block, BlockKind, DomHint};
use crate::chrome::stopwords::FastBuild;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::rc::Rc;

/// An element that can hold blocks.
#[derive(Debug, Clone)]
pub struct ElementInfo {
    /// Index of the parent element, `None` for the root.
    pub parent: Option<usize>,
    /// Chrome hint from the element's own tag, role, class or id.
    pub hint: Option<DomHint>,
    /// A content marker on the element itself (`<article>`, `<main>`,
    /// `itemprop=articleBody`, a content-ish class).
    pub content_markup: bool,
    /// Hidden with `aria-hidden="true"` or `visibility:hidden`: not shown,
    /// whatever its size (unlike `display:none`, which tabs and panels toggle).
    pub invisible: bool,
    /// The site's own name for the article's body: `itemprop=articleBody`
    /// or a class such as `entry-content`, `post-body`, `article-body`.
    pub body_markup: bool,
    /// A hash of the element's tag and class list (0 when it has no
    /// class): siblings built from one template share it.
    pub signature: u64,
    /// `<main>` or `role="main"`: the page's main content area.
    pub main: bool,
    /// A recipe's ingredient list or one of its lines, by class, id or
    /// microdata (`recipe-ingredients`, `itemprop=recipeIngredient`).
    pub ingredients: bool,
}

/// Metadata as found in the markup, before interpretation.
#[derive(Debug, Default, Clone)]
pub struct RawMeta {
    pub title: Option<String>,
    /// `<meta>` tags: (name or property, lowercased; content).
    pub metas: Vec<(String, String)>,
    /// Bodies of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    pub canonical: Option<String>,
    pub lang: Option<String>,
    /// `<time datetime>` values, in document order.
    pub times: Vec<String>,
    /// Microdata: (itemprop, value) for author/date/headline-like properties.
    pub itemprops: Vec<(String, String)>,
    /// Text of `<a rel="author">` and `itemprop="author"` elements.
    pub authors: Vec<String>,
    /// Elements whose class or link names an author (`class="author
    /// vcard"`, `<a href="/author/jdoe">`), in document order.
    pub author_marks: Vec<AuthorMark>,
    /// Headings in document order: (level, text).
    pub headings: Vec<(u8, String)>,
}

/// What the walk produces.
#[derive(Debug, Default)]
pub struct Walked {
    pub blocks: Vec<Block>,
    pub elements: Vec<ElementInfo>,
    pub meta: RawMeta,
}

/// The block kind an element starts, if it is a block-level text element.
fn block_kind(tag: &str) -> Option<BlockKind> {
    Some(match tag {
        "p" | "dd" | "dt" | "address" | "summary" | "legend" => BlockKind::Paragraph,
        "h1" => BlockKind::Heading(1),
        "h2" => BlockKind::Heading(2),
        "h3" => BlockKind::Heading(3),
        "h4" => BlockKind::Heading(4),
        "h5" => BlockKind::Heading(5),
        "h6" => BlockKind::Heading(6),
        "li" => BlockKind::ListItem,
        "blockquote" => BlockKind::Quote,
        "pre" => BlockKind::Code,
        "td" | "th" => BlockKind::Table,
        "figcaption" => BlockKind::Caption,
        // A figure's own text outside its `<figcaption>` labels the picture
        // too: the credit or description in a `<span>` beside the image
        // (`<figure><img><span class=description>Jane Roe/Agency</span>`).
        // A table, quote, list or code inside a figure keeps its own kind.
        "figure" => BlockKind::Caption,
        // A table's caption is its title, read with the table (unlike a
        // figure's, see `chrome::drop_figure_captions`).
        "caption" => BlockKind::Paragraph,
        _ => return None,
    })
}

/// Mutable state of the walk, fed by the parser's events.
pub struct State {
    out: Walked,
    buf: String,
    buf_link_chars: usize,
    /// Does the buffer hold a formula (MathML)?
    buf_math: bool,
    /// Where a picture's inline caption that opened the buffer ends.
    caption_prefix: Option<usize>,
    /// Did the buffer end in whitespace (so the next text needs no space)?
    buf_space: bool,
    /// Stack of open non-inline elements (indices into the element table).
    open: Vec<usize>,
    /// Stack of block kinds of open block-level elements.
    kinds: Vec<BlockKind>,
    /// Number of open `<a>` elements.
    in_link: usize,
    /// Number of open `<pre>` elements.
    in_pre: usize,
    /// Open elements with a chrome hint (index into `open` depth).
    hint_stack: Vec<DomHint>,
    /// Number of open elements with content markup.
    in_content: usize,
    /// Number of open author elements (`rel=author`, `itemprop=author`);
    /// while above zero, text also goes to the last `meta.authors` entry.
    in_author: usize,
    /// Open author-marked elements (indices into `meta.author_marks`),
    /// outermost first: text also goes to each of them.
    open_author_marks: Vec<usize>,
    /// Number of open elements where an author named is not the article's
    /// (comments, teasers, sidebars: see `open_element`).
    in_author_chrome: usize,
    /// Level of the heading being read, if any.
    heading: Option<u8>,
    /// Number of open inline elements that hide themselves; while above
    /// zero, text is not read.
    muted: usize,
    /// [`ClassFacts`] per class attribute value.
    class_facts: HashMap<Box<str>, Rc<ClassFacts>, FastBuild>,
    /// Markdown structure, recorded only when the output asks for it.
    rich: Option<Rich>,
}

/// What the words of one class list say, each fact worked out the first
/// time an element with that class list asks for it (pure functions of the
/// value, see [`hints`]): pages repeat a few class lists on thousands of
/// elements, and every element's class is read for author marks.
#[derive(Default)]
struct ClassFacts {
    words: OnceCell<(Option<DomHint>, bool)>,
    author: OnceCell<bool>,
    caption: OnceCell<bool>,
    article_body: OnceCell<bool>,
    ingredients: OnceCell<bool>,
}

impl ClassFacts {
    /// [`hints::name_words`] of `class`.
    fn words(&self, class: &str) -> (Option<DomHint>, bool) {
        *self.words.get_or_init(|| hints::name_words(class))
    }

    /// [`hints::names_author`] of `class`.
    fn author(&self, class: &str) -> bool {
        *self.author.get_or_init(|| hints::names_author(class))
    }

    /// [`hints::names_caption`] of `class`.
    fn caption(&self, class: &str) -> bool {
        *self.caption.get_or_init(|| hints::names_caption(class))
    }

    /// [`hints::names_article_body`] of `class`.
    fn article_body(&self, class: &str) -> bool {
        *self
            .article_body
            .get_or_init(|| hints::names_article_body(class))
    }

    /// [`hints::names_ingredients`] of `class`.
    fn ingredients(&self, class: &str) -> bool {
        *self
            .ingredients
            .get_or_init(|| hints::names_ingredients(class))
    }
}

/// Per-element facts remembered between its open and close events.
#[derive(Clone, Copy, Default)]
pub struct Frame {
    element: bool,
    author: bool,
    author_mark: bool,
    author_chrome: bool,
    kind: bool,
    link: bool,
    pre: bool,
    hint: bool,
    content: bool,
    heading: bool,
    muted: bool,
    caption: bool,
    /// Markdown: the inline markup this element opened, and the list,
    /// list item or table it opened.
    inline: Option<Inline>,
    list: bool,
    item: bool,
    table: bool,
}

/// Parse and walk a document in one pass.
pub fn walk(html: &str) -> Walked {
    walk_with(html, None)
}

/// [`walk`], also recording what faithful Markdown needs (`rich`).
pub fn walk_with(html: &str, rich: Option<RichOptions>) -> Walked {
    let mut st = State::new();
    st.rich = rich.map(Rich::new);
    super::parser::run(html, &mut st);
    st.finish()
}

/// [`walk`], with the parser's work counted.
pub fn walk_counted(html: &str) -> (Walked, super::parser::Work) {
    let mut st = State::new();
    let work = super::parser::run(html, &mut st);
    (st.finish(), work)
}

impl State {
    pub(super) fn new() -> Self {
        State {
            out: Walked::default(),
            buf: String::new(),
            buf_link_chars: 0,
            buf_math: false,
            caption_prefix: None,
            buf_space: true,
            open: Vec::new(),
            kinds: Vec::new(),
            in_link: 0,
            in_pre: 0,
            hint_stack: Vec::new(),
            in_content: 0,
            heading: None,
            muted: 0,
            in_author: 0,
            open_author_marks: Vec::new(),
            in_author_chrome: 0,
            class_facts: HashMap::default(),
            rich: None,
        }
    }

    /// End the walk: the last block is flushed.
    pub(super) fn finish(mut self) -> Walked {
        self.flush();
        self.out
    }

    /// Metadata carried by elements in `<head>` (and a few anywhere).
    pub fn read_head_element(&mut self, tag: &str, el: &Attrs) {
        let meta = &mut self.out.meta;
        match tag {
            "meta" => {
                let key = el
                    .get("property")
                    .or_else(|| el.get("name"))
                    .or_else(|| el.get("itemprop"))
                    .or_else(|| el.get("http-equiv"));
                if let (Some(key), Some(content)) = (key, el.get("content")) {
                    meta.metas
                        .push((key.trim().to_ascii_lowercase(), content.trim().to_string()));
                }
            }
            "link" => {
                if let (Some(rel), Some(href)) = (el.get("rel"), el.get("href"))
                    && rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                    && meta.canonical.is_none()
                {
                    meta.canonical = Some(href.trim().to_string());
                }
            }
            _ => {}
        }
    }

    /// The document title (the first `<title>` wins).
    pub fn set_title(&mut self, text: &str) {
        if self.out.meta.title.is_none() {
            self.out.meta.title = Some(collapse(text));
        }
    }

    /// The text of a MathML formula (read as inline text).
    pub fn push_math(&mut self, text: &str) {
        if self.muted > 0 {
            return;
        }
        self.buf_math = true;
        self.push_text(text);
    }

    /// The body of a JSON-LD script.
    pub fn push_json_ld(&mut self, text: &str) {
        self.out.meta.json_ld.push(text.to_string());
    }

    fn current_element(&self) -> Option<usize> {
        self.open.last().copied()
    }

    /// The [`ClassFacts`] of a class attribute value, from the cache.
    fn class_facts(&mut self, class: &str) -> Rc<ClassFacts> {
        if let Some(facts) = self.class_facts.get(class) {
            return Rc::clone(facts);
        }
        let facts = Rc::new(ClassFacts::default());
        self.class_facts.insert(class.into(), Rc::clone(&facts));
        facts
    }

    pub fn open_element(&mut self, tag: Tag, el: &Attrs) -> Frame {
        let mut frame = Frame::default();
        let inline = tag.is_inline();
        let tag = tag.name;
        match tag {
            "html" => {
                if let Some(lang) = el.get("lang").or_else(|| el.get("xml:lang")) {
                    self.out
                        .meta
                        .lang
                        .get_or_insert_with(|| lang.trim().to_string());
                }
            }
            "meta" | "link" => self.read_head_element(tag, el),
            "title" => {}
            "time" => {
                // A time marked as the last change (`itemprop="dateModified"`,
                // class `modified`) is no statement of publication.
                let modified = el
                    .get("itemprop")
                    .is_some_and(|p| p.trim().eq_ignore_ascii_case("datemodified"))
                    || el
                        .get("class")
                        .is_some_and(|c| c.to_ascii_lowercase().contains("modified"));
                if !modified && let Some(dt) = el.get("datetime") {
                    self.out.meta.times.push(dt.trim().to_string());
                }
            }
            "br" | "hr" => {
                self.flush();
                return frame;
            }
            _ => {}
        }
        let itemprop = el.get("itemprop");
        let href = el.get("href");
        let class = el.get("class").map(|c| (c, self.class_facts(c)));
        if let Some(prop) = itemprop {
            let prop = prop.trim().to_ascii_lowercase();
            if matches!(
                prop.as_str(),
                "datepublished" | "datecreated" | "datemodified"
            ) && let Some(v) = el.get("content").or_else(|| el.get("datetime"))
            {
                self.out.meta.itemprops.push((prop, v.trim().to_string()));
            }
        }
        let names_author = el
            .get("rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"))
            || itemprop.is_some_and(|p| {
                p.eq_ignore_ascii_case("author") || p.eq_ignore_ascii_case("creator")
            });
        if names_author {
            if self.in_author == 0 {
                self.out.meta.authors.push(String::new());
            }
            self.in_author += 1;
            frame.author = true;
        }
        let marks_author = class.as_ref().is_some_and(|(c, f)| f.author(c))
            || tag == "a" && href.is_some_and(author_marks::links_author_page);
        if marks_author && self.open_author_marks.len() < AUTHOR_MARK_DEPTH {
            let in_chrome = self.in_author_chrome > 0;
            self.open_author_marks
                .push(self.out.meta.author_marks.len());
            self.out.meta.author_marks.push(AuthorMark {
                text: String::new(),
                cut: false,
                in_chrome,
                block: self.out.blocks.len(),
            });
            frame.author_mark = true;
        }
        // Hidden by its own attributes.
        let hints::SelfHiding {
            aria: aria_hidden,
            style: style_hiding,
            any: hides_itself,
        } = hints::SelfHiding::of(el);
        // An inline element that hides itself (a `display:none` span, an
        // `aria-hidden` duplicate, MediaWiki's MathML twin of a formula
        // image) is not part of the sentence the reader sees.
        if inline && hides_itself {
            self.muted += 1;
            frame.muted = true;
        }
        // A picture's caption or credit set inline at the start of a
        // paragraph, before its first sentence ("© Provided by Business
        // Insider Inc Nintendo/Apple Nintendo and Apple shocked the
        // world…"): see `flush`.
        if inline && self.buf.trim().is_empty() && class.as_ref().is_some_and(|(c, f)| f.caption(c))
        {
            frame.caption = true;
        }
        if let Some(rich) = &mut self.rich
            && self.muted == 0
        {
            if tag == "img" {
                rich.image(el.get("src"), el.get("alt"));
            }
            frame.inline = rich.open_inline(tag, href, self.in_pre > 0);
        }
        if tag == "a" {
            // `<a name=…>` is a jump target, not a link: its text is not
            // link text.
            if href.is_some() {
                self.in_link += 1;
                frame.link = true;
            }
            return frame;
        }
        if inline {
            return frame;
        }

        // A block-level element: the text so far ends here.
        self.flush();
        let role = el.get("role");
        let mut hint = hints::tag_hint(tag, role);
        let id = el.get("id");
        let class_words = class.as_ref().map_or((None, false), |(c, f)| f.words(c));
        let id_words = id.map_or((None, false), hints::name_words);
        let (class_hint, class_content) = hints::combine(class_words, id_words);
        // <header> inside an article holds the headline and byline, not site chrome.
        if hint == Some(DomHint::Header) && self.in_content > 0 {
            hint = None;
        }
        let tag_hint = hint;
        let main = tag == "main" || role.is_some_and(|r| r.trim().eq_ignore_ascii_case("main"));
        // The page's main area says what it is by its tag or role: a chrome
        // word in its class or id names the skip link that targets it
        // (`id="skip-main"`) or the layout around it (`main has-sidebar`),
        // not chrome. Only a hiding class still hides it.
        let class_hint = class_hint.filter(|&h| !main || h == DomHint::Hidden);
        hint = hint.or(class_hint);
        if hides_itself {
            hint = Some(DomHint::Hidden);
        }
        // `aria-hidden` takes the element away from every reader (sites set
        // it on the page behind an open dialog and on off-screen slides);
        // `visibility:hidden` is never a panel's switch. Both hold whatever
        // their size, unlike `display:none`/`hidden` (see container.rs).
        let invisible = aria_hidden || style_hiding == Some(hints::StyleHiding::Invisible);
        let item_article_body = itemprop.is_some_and(|p| p.eq_ignore_ascii_case("articleBody"));
        let content_markup = matches!(tag, "article" | "main")
            || item_article_body
            || class_content && hint.is_none();
        let body_markup = item_article_body
            || class.as_ref().is_some_and(|(c, f)| f.article_body(c))
            || id.is_some_and(hints::names_article_body);
        let ingredients = class.as_ref().is_some_and(|(c, f)| f.ingredients(c))
            || id.is_some_and(hints::names_ingredients)
            || itemprop.is_some_and(|p| {
                p.eq_ignore_ascii_case("recipeIngredient") || p.eq_ignore_ascii_case("ingredients")
            });
        let index = self.out.elements.len();
        self.out.elements.push(ElementInfo {
            parent: self.current_element(),
            hint,
            content_markup,
            invisible,
            body_markup,
            signature: class.as_ref().map_or(0, |(c, _)| signature(tag, c)),
            main,
            ingredients,
        });
        self.open.push(index);
        frame.element = true;
        if let Some(h) = hint {
            self.hint_stack.push(h);
            frame.hint = true;
        }
        // Where an author is a teaser's or a commenter's: comments, related
        // teasers and ads by any markup; a sidebar, navigation or footer by
        // tag or role only, for pages put those words in the class of
        // wrappers of the whole page (`mh-widget-layout2`, `two-sidebars`).
        let authors_chrome = matches!(
            hint,
            Some(DomHint::Comments | DomHint::Related | DomHint::Advertisement)
        ) || matches!(
            tag_hint,
            Some(DomHint::Sidebar | DomHint::Navigation | DomHint::Footer)
        );
        if authors_chrome && !matches!(tag, "html" | "body") {
            self.in_author_chrome += 1;
            frame.author_chrome = true;
        }
        if content_markup {
            self.in_content += 1;
            frame.content = true;
        }
        if let Some(mut kind) = block_kind(tag) {
            // A paragraph inside a figure or its caption is still the
            // caption (`<figcaption><p class=caption>…</p><p class=source>…</p>`).
            if kind == BlockKind::Paragraph && self.kinds.last() == Some(&BlockKind::Caption) {
                kind = BlockKind::Caption;
            }
            self.kinds.push(kind);
            frame.kind = true;
            if let BlockKind::Heading(level) = kind {
                self.heading = Some(level);
                frame.heading = true;
            }
        }
        if tag == "pre" {
            self.in_pre += 1;
            frame.pre = true;
        }
        if let Some(rich) = &mut self.rich {
            match tag {
                "ol" | "ul" | "menu" => {
                    rich.open_list(tag == "ol", el.get("start"));
                    frame.list = true;
                }
                "li" => {
                    rich.open_item(el.get("value"));
                    frame.item = true;
                }
                "table" => {
                    rich.open_table();
                    frame.table = true;
                }
                "tr" => rich.open_row(),
                "td" | "th" => rich.open_cell(tag == "th"),
                _ => {}
            }
        }
        frame
    }

    pub fn close_element(&mut self, frame: Frame) {
        if frame.link {
            self.in_link = self.in_link.saturating_sub(1);
        }
        if frame.author {
            self.in_author = self.in_author.saturating_sub(1);
        }
        if frame.author_mark {
            self.open_author_marks.pop();
        }
        if frame.author_chrome {
            self.in_author_chrome = self.in_author_chrome.saturating_sub(1);
        }
        if frame.muted {
            self.muted = self.muted.saturating_sub(1);
        }
        if frame.caption {
            self.caption_prefix = Some(self.buf.len());
        }
        if let (Some(inline), Some(rich)) = (frame.inline, &mut self.rich) {
            rich.close_inline(inline);
        }
        if !frame.element {
            return;
        }
        self.flush();
        if let Some(rich) = &mut self.rich {
            if frame.list {
                rich.close_list();
            }
            if frame.item {
                rich.close_item();
            }
            if frame.table {
                rich.close_table();
            }
        }
        if frame.heading {
            self.heading = None;
        }
        if frame.kind {
            self.kinds.pop();
        }
        if frame.pre {
            self.in_pre -= 1;
        }
        if frame.hint {
            self.hint_stack.pop();
        }
        if frame.content {
            self.in_content -= 1;
        }
        self.open.pop();
    }

    /// Append a text node to the current block, collapsing whitespace (except
    /// inside `<pre>`).
    pub fn push_text(&mut self, text: &str) {
        if self.muted > 0 {
            return;
        }
        let start = self.buf.len();
        if self.in_pre > 0 {
            self.buf.extend(text.chars().filter(|&c| c != SOFT_HYPHEN));
            self.buf_space = text.ends_with(char::is_whitespace);
        } else {
            for c in text.chars() {
                if c == SOFT_HYPHEN {
                    // Only a hint where a word may break: never shown
                    // inside a line, and it splits the word for search.
                    continue;
                }
                if c.is_whitespace() {
                    if !self.buf_space {
                        self.buf.push(' ');
                        self.buf_space = true;
                    }
                } else {
                    self.buf.push(c);
                    self.buf_space = false;
                }
            }
        }
        if let Some(rich) = &mut self.rich {
            rich.text(&self.buf[start..], self.in_pre > 0);
        }
        let added = self.buf[start..].trim();
        if self.in_link > 0 {
            self.buf_link_chars += added.chars().count();
        }
        if self.in_author > 0
            && let Some(author) = self.out.meta.authors.last_mut()
        {
            push_author_text(author, added);
        }
        for &i in &self.open_author_marks {
            let mark = &mut self.out.meta.author_marks[i];
            mark.cut |= !push_author_text(&mut mark.text, added);
        }
    }

    /// End the current block.
    pub fn flush(&mut self) {
        // The picture's inline caption goes with the picture (as a
        // `<figcaption>` does, see `chrome::drop_figure_captions`) when a
        // paragraph follows it; only a caption that closed is cut, so an
        // unclosed caption element cannot take the text after it.
        let start = match self.caption_prefix.take() {
            Some(end)
                if end <= self.buf.len()
                    && crate::block::count_words(&self.buf[end..]) >= CAPTIONED_PARAGRAPH_WORDS =>
            {
                end
            }
            _ => 0,
        };
        let text = if self.in_pre > 0 {
            self.buf.trim_matches('\n').trim_end().to_string()
        } else {
            self.buf[start..].trim().to_string()
        };
        self.buf.clear();
        self.buf_space = true;
        let link_chars = std::mem::take(&mut self.buf_link_chars);
        let math = std::mem::take(&mut self.buf_math);
        let rich = self
            .rich
            .as_mut()
            .and_then(|r| r.take_block(!text.is_empty(), self.in_pre > 0));
        if text.is_empty() {
            return;
        }
        let kind = self.kinds.last().copied().unwrap_or(BlockKind::Paragraph);
        if let (Some(level), BlockKind::Heading(_)) = (self.heading, kind) {
            self.out.meta.headings.push((level, text.clone()));
        }
        let mut block = Block::new(text, kind);
        block.link_chars = link_chars.min(block.text.chars().count());
        block.parent = self.current_element().unwrap_or(0);
        block.dom_hint = self.hint_stack.last().copied();
        block.math = math;
        block.in_article_markup = self.in_content > 0;
        block.rich = rich;
        self.out.blocks.push(block);
    }
}

/// U+00AD SOFT HYPHEN (`&shy;`): where a word may be hyphenated.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// Words of text after a picture's inline caption that make a paragraph
/// of its own (a sentence or two).
const CAPTIONED_PARAGRAPH_WORDS: usize = 12;

/// A hash of a tag name and its class list, never 0.
fn signature(tag: &str, class: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = FastBuild::default().build_hasher();
    h.write(tag.as_bytes());
    h.write_u8(0);
    for word in class.split_ascii_whitespace() {
        h.write(word.as_bytes());
        h.write_u8(b' ');
    }
    h.finish().max(1)
}

/// Collapse whitespace runs to one space and trim.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk_str(html: &str) -> Walked {
        walk(html)
    }

    #[test]
    fn blocks_follow_block_elements() {
        let w = walk_str(
            "<html><body><h1>Title</h1><p>One <b>two</b>\n three</p><div>Four<br>Five</div>\
             <ul><li>Six</li></ul><script>var x = 1;</script></body></html>",
        );
        let texts: Vec<&str> = w.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Title", "One two three", "Four", "Five", "Six"]);
        assert_eq!(w.blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(w.blocks[4].kind, BlockKind::ListItem);
    }

    #[test]
    fn the_main_area_is_no_chrome_whatever_its_class_says() {
        let w = walk_str(
            "<body><main id=skip-main class=has-sidebar><p>Text.</p></main>\
             <div role=main class=nav><p>More.</p></div>\
             <div id=skip-main><p>Link.</p></div>\
             <main class=hidden><p>Gone.</p></main></body>",
        );
        let hints: Vec<Option<DomHint>> = w.elements.iter().map(|e| e.hint).collect();
        let mains: Vec<usize> = (0..w.elements.len())
            .filter(|&e| w.elements[e].main)
            .collect();
        assert_eq!(mains.len(), 3);
        assert_eq!(hints[mains[0]], None);
        assert_eq!(hints[mains[1]], None);
        assert_eq!(hints[mains[2]], Some(DomHint::Hidden));
        // The same words on any other element still name chrome.
        assert!(hints.contains(&Some(DomHint::Navigation)));
    }

    #[test]
    fn soft_hyphens_are_dropped_from_words() {
        let w = walk_str("<p>Die Bundes&shy;regierung hat\u{ad}te</p><pre>Donau\u{ad}dampf</pre>");
        let texts: Vec<&str> = w.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Die Bundesregierung hatte", "Donaudampf"]);
    }

    #[test]
    fn paragraphs_inside_a_figure_caption_are_the_caption() {
        let w = walk_str(
            "<figure><img src=a.jpg><figcaption><p class=caption>Scanning a code.</p>\
             <p class=source>(Picture: maker)</p></figcaption></figure><p>Body.</p>",
        );
        let kinds: Vec<BlockKind> = w.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [BlockKind::Caption, BlockKind::Caption, BlockKind::Paragraph]
        );
    }

    #[test]
    fn a_figures_own_text_beside_the_picture_is_its_caption() {
        let w = walk_str(
            "<figure><img src=a.jpg><figcaption>A bridge at dusk</figcaption>\
             <span class=description>Jane Roe/Agency</span></figure><p>Body.</p>",
        );
        let kinds: Vec<BlockKind> = w.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [BlockKind::Caption, BlockKind::Caption, BlockKind::Paragraph]
        );
        // A quote or a table set in a figure stays what it is.
        let w = walk_str(
            "<figure><blockquote><p>We stay.</p></blockquote></figure>\
             <figure><table><tr><td>42</td></tr></table></figure>",
        );
        let kinds: Vec<BlockKind> = w.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Paragraph, BlockKind::Table]);
    }

    #[test]
    fn a_closed_inline_caption_opening_a_paragraph_goes_with_the_picture() {
        let w = walk_str(
            "<p><img src=a.jpg><span class='caption truncate'><span class=attribution>\
             © Provided by Business Insider Inc</span> Nintendo/Apple</span> Nintendo and Apple \
             shocked the world earlier this year by announcing a game you play with one hand.</p>",
        );
        assert!(w.blocks[0].text.starts_with("Nintendo and Apple shocked"));
        // Left open, the caption element cannot take the story with it.
        let w = walk_str(
            "<p><span class=caption>So are you better off? (With the election charging towards \
             us, there is a question we are hearing a lot, and our producer tries to answer it.)</p>",
        );
        assert!(w.blocks[0].text.starts_with("So are you better off?"));
    }

    #[test]
    fn link_text_is_counted() {
        let w = walk_str("<p>Read <a href=x>this story</a> now</p>");
        assert_eq!(w.blocks[0].link_chars, "this story".len());
    }

    #[test]
    fn hints_come_from_ancestors() {
        let w = walk_str(
            "<body><nav><ul><li>Home</li></ul></nav><div class='share-tools'><p>Tweet</p></div>\
             <article><header><h1>Head</h1></header><p>Body</p></article></body>",
        );
        assert_eq!(w.blocks[0].dom_hint, Some(DomHint::Navigation));
        assert_eq!(w.blocks[1].dom_hint, Some(DomHint::Share));
        assert_eq!(w.blocks[2].dom_hint, None);
        assert!(w.blocks[3].in_article_markup);
    }

    #[test]
    fn author_marks_are_collected() {
        let w = walk_str(
            r#"<body class="not-multi-author"><article><h1>Title</h1>
            <p class="meta"><span class="byline">von <span class="author vcard"><a class="url fn n" href="/author/tl/">tlow</a></span></span></p>
            <p>The text of the article goes on for a while, long enough to pass the
            length of any name or byline: two hundred bytes of it and more, so that an
            element wrapping all of it is seen as what it is, not as an author.</p></article>
            <div class="comments"><a href="/author/x/">Klaus Becker</a></div>
            <aside><a href="https://x.example/autor/jane-doe">Jane Doe</a></aside></body>"#,
        );
        let marks: Vec<(&str, bool, bool)> = w
            .meta
            .author_marks
            .iter()
            .map(|m| (m.text.as_str(), m.in_chrome, m.cut))
            .collect();
        // The body's class wraps the page: its text is cut, not a name.
        assert!(marks[0].2);
        assert_eq!(
            marks[1..],
            [
                ("von tlow", false, false),
                ("tlow", false, false),
                ("tlow", false, false),
                ("Klaus Becker", true, false),
                ("Jane Doe", true, false),
            ]
        );
        assert_eq!(w.meta.author_marks[1].block, 1);
    }

    #[test]
    fn metadata_is_collected() {
        let w = walk_str(
            r#"<html lang="en"><head><title> A  Title </title>
            <meta property="og:title" content="OG Title"><link rel="canonical" href="http://x/a">
            <script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
            <body><time datetime="2020-01-02">Jan 2</time><a rel="author" href="/u">Jane Doe</a></body></html>"#,
        );
        assert_eq!(w.meta.title.as_deref(), Some("A Title"));
        assert_eq!(w.meta.lang.as_deref(), Some("en"));
        assert_eq!(w.meta.canonical.as_deref(), Some("http://x/a"));
        assert_eq!(
            w.meta.metas,
            [("og:title".to_string(), "OG Title".to_string())]
        );
        assert_eq!(w.meta.json_ld.len(), 1);
        assert_eq!(w.meta.times, ["2020-01-02"]);
        assert_eq!(w.meta.authors, ["Jane Doe"]);
    }

    #[test]
    fn times_marked_as_the_last_change_are_not_collected() {
        let w = walk_str(
            r#"<body><time class="updated" itemprop="dateModified" datetime="2022-12-29">29.</time>
            <time class="entry-date published" datetime="2022-12-30">30.</time>
            <time class="post-modified" datetime="2023-01-02">2.</time>
            <time class="entry-date updated" datetime="2022-12-31">31.</time></body>"#,
        );
        // "updated" alone is the hentry microformat's class for the post's
        // date in many themes: kept.
        assert_eq!(w.meta.times, ["2022-12-30", "2022-12-31"]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(5_000) + "deep text" + &"</div>".repeat(5_000);
        let w = walk_str(&html);
        assert_eq!(w.blocks.len(), 1);
    }
}
