//! What an element's tag, ARIA role and class/id words say about it.
//!
//! Sites name their chrome: `class="share-buttons"`, `id="comments"`,
//! `role="navigation"`. The words are matched as tokens (split on anything
//! that is not a letter or digit, and at camelCase humps) so `sharebar` and
//! `post-share` both hit `share`, while a plain substring test would also hit
//! `shareholders`. One vocabulary, here, for every rule that reads markup.

use crate::block::DomHint;

/// The hint an element's tag and role give, before its class and id.
pub fn tag_hint(tag: &str, role: Option<&str>) -> Option<DomHint> {
    if let Some(role) = role {
        match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "tablist" | "search" => {
                return Some(DomHint::Navigation);
            }
            "banner" => return Some(DomHint::Header),
            "contentinfo" => return Some(DomHint::Footer),
            "complementary" => return Some(DomHint::Sidebar),
            "dialog" | "alertdialog" => return Some(DomHint::Boilerplate),
            _ => {}
        }
    }
    Some(match tag {
        "nav" => DomHint::Navigation,
        "footer" => DomHint::Footer,
        "header" => DomHint::Header,
        "aside" => DomHint::Sidebar,
        "form" => DomHint::Form,
        "menu" => DomHint::Navigation,
        _ => return None,
    })
}

/// Class/id words that name chrome, with what they name. Matched against
/// whole tokens, or as a prefix/suffix of a token for the longer words
/// (`sharebar`, `topnav`), see [`class_hint`].
const CHROME_WORDS: &[(&str, DomHint)] = &[
    ("nav", DomHint::Navigation),
    ("navbar", DomHint::Navigation),
    ("navigation", DomHint::Navigation),
    ("menu", DomHint::Navigation),
    ("breadcrumb", DomHint::Navigation),
    ("breadcrumbs", DomHint::Navigation),
    ("pagination", DomHint::Navigation),
    ("pager", DomHint::Navigation),
    ("skip", DomHint::Navigation),
    ("footer", DomHint::Footer),
    ("copyright", DomHint::Footer),
    ("colophon", DomHint::Footer),
    ("masthead", DomHint::Header),
    ("header", DomHint::Header),
    ("topbar", DomHint::Header),
    ("sidebar", DomHint::Sidebar),
    ("rail", DomHint::Sidebar),
    ("widget", DomHint::Sidebar),
    ("aside", DomHint::Sidebar),
    ("comment", DomHint::Comments),
    ("comments", DomHint::Comments),
    ("disqus", DomHint::Comments),
    ("respond", DomHint::Comments),
    ("replies", DomHint::Comments),
    ("discussion", DomHint::Comments),
    ("share", DomHint::Share),
    ("sharing", DomHint::Share),
    ("social", DomHint::Share),
    ("sociable", DomHint::Share),
    ("addthis", DomHint::Share),
    ("sharethis", DomHint::Share),
    ("related", DomHint::Related),
    ("recommended", DomHint::Related),
    ("recommendations", DomHint::Related),
    ("outbrain", DomHint::Related),
    ("taboola", DomHint::Related),
    ("popular", DomHint::Related),
    ("trending", DomHint::Related),
    ("mostread", DomHint::Related),
    ("teaser", DomHint::Related),
    ("links", DomHint::Related),
    ("ad", DomHint::Advertisement),
    ("ads", DomHint::Advertisement),
    ("advert", DomHint::Advertisement),
    ("advertisement", DomHint::Advertisement),
    ("sponsor", DomHint::Advertisement),
    ("sponsored", DomHint::Advertisement),
    ("promo", DomHint::Advertisement),
    ("dfp", DomHint::Advertisement),
    ("cookie", DomHint::Boilerplate),
    ("cookies", DomHint::Boilerplate),
    ("consent", DomHint::Boilerplate),
    ("gdpr", DomHint::Boilerplate),
    ("newsletter", DomHint::Boilerplate),
    ("subscribe", DomHint::Boilerplate),
    ("signup", DomHint::Boilerplate),
    ("login", DomHint::Boilerplate),
    ("modal", DomHint::Boilerplate),
    ("popup", DomHint::Boilerplate),
    ("tags", DomHint::Boilerplate),
    ("tagcloud", DomHint::Boilerplate),
    ("byline", DomHint::Byline),
    ("author", DomHint::Byline),
    ("hidden", DomHint::Hidden),
    ("hide", DomHint::Hidden),
    ("invisible", DomHint::Hidden),
    ("sronly", DomHint::Hidden),
];

/// Words of at least this length also match as a prefix or suffix of a class
/// token (`sidebarleft`, `footerlinks`, `socialbar`). Shorter ones (`ad`,
/// `nav`, `share`) would hit ordinary words (`adventure`, `canvas`,
/// `shareholders`) that way, so they must be whole tokens.
const AFFIX_MIN_LEN: usize = 6;

/// Class/id words that mark the article itself. They cancel the weaker chrome
/// words (a `content-header` is part of the content) and mark positive markup.
const CONTENT_WORDS: &[&str] = &[
    "article",
    "articlebody",
    "content",
    "entry",
    "entrycontent",
    "main",
    "post",
    "postbody",
    "story",
    "storybody",
    "body",
    "text",
    "blogpost",
    // Microformat classes of a news item or blog entry.
    "hentry",
    "hnews",
];

/// Components that have a header and a footer of their own: a class
/// naming one of them right before `header`/`footer` names a part of it
/// (`table-header`, `card-footer`, `panel-heading`), not the page's.
const PART_OWNER_WORDS: &[&str] = &[
    "table",
    "card",
    "panel",
    "box",
    "tile",
    "modal",
    "dialog",
    "accordion",
    "tab",
    "figure",
    "recipe",
    "list",
    "column",
    "col",
    "row",
    "grid",
];

/// Class names and ids with more tokens than this are text slugs.
const MAX_NAME_TOKENS: usize = 4;

/// What an element's class and id say: a chrome hint, and whether a content
/// word is present.
pub fn class_hint(class: Option<&str>, id: Option<&str>) -> (Option<DomHint>, bool) {
    combine(
        class.map_or((None, false), name_words),
        id.map_or((None, false), name_words),
    )
}

/// The first chrome word and whether any content word occurs in a
/// space-separated list of class names (or an id), before [`combine`]
/// weighs them. Pure function of its input, so callers may cache it.
pub fn name_words(value: &str) -> (Option<DomHint>, bool) {
    let mut hint = None;
    let mut content = false;
    // Whether another class shows the element from a breakpoint on: looked
    // at only for a class with a hiding word, once.
    let mut shown_at_a_breakpoint = None;
    for name in value.split_ascii_whitespace() {
        if is_taxonomy_class(name) {
            continue;
        }
        // A long name is a slug of text (`sharing-with-a-single-repository`,
        // an id made from a heading), not a component name: its words say
        // nothing about chrome.
        let mut count = 0;
        for_each_token(name, |_| count += 1);
        if count > MAX_NAME_TOKENS {
            continue;
        }
        let before = hint;
        let (component, modifier) = bem_modifier(name);
        let mut after_part_owner = false;
        for_each_token(component, |token| {
            if CONTENT_WORDS.iter().any(|w| token.eq_ignore_ascii_case(w)) {
                content = true;
            }
            if hint.is_none() {
                hint = chrome_word(token);
                // A table's or a card's header (`table-header`,
                // `card-footer`) is that component's first or last row,
                // not the page's header or footer.
                if after_part_owner && matches!(hint, Some(DomHint::Header | DomHint::Footer)) {
                    hint = None;
                }
            }
            after_part_owner = PART_OWNER_WORDS
                .iter()
                .any(|w| token.eq_ignore_ascii_case(w));
        });
        // A BEM modifier (`TestReport__Section--Ads`, `layout--sidebar`)
        // names a variant of the component before it: a section laid out
        // to hold ad slots is still a section of the article. Only a hiding
        // modifier (`panel--hidden`) says what the element itself is.
        for_each_token(modifier, |token| {
            if CONTENT_WORDS.iter().any(|w| token.eq_ignore_ascii_case(w)) {
                content = true;
            }
            if hint.is_none() && chrome_word(token) == Some(DomHint::Hidden) {
                hint = Some(DomHint::Hidden);
            }
        });
        // A utility class that hides the element on one screen size only
        // (`hidden-sm`, `is-hidden-mobile`, `hide-for-small-only`,
        // `uk-hidden@m`), or a bare `hidden` beside a class that shows it
        // from a breakpoint on (Tailwind's `hidden md:block`), leaves the
        // element visible on some screen: it is not hidden content.
        if before.is_none()
            && hint == Some(DomHint::Hidden)
            && (is_responsive_visibility(name)
                || hides_a_named_part(name)
                || is_hiding_name(name)
                    && *shown_at_a_breakpoint.get_or_insert_with(|| {
                        value.split_ascii_whitespace().any(shows_at_a_breakpoint)
                    }))
        {
            hint = None;
        }
    }
    (hint, content)
}

/// Names of screen sizes and media in responsive utility classes
/// (Bootstrap `xs`…`xxl`, Bulma `mobile`/`touch`/`widescreen`, Foundation
/// `small`/`medium`/`large`, UIkit's one-letter `@s`/`@m`/`@l`, `print`).
const BREAKPOINT_WORDS: &[&str] = &[
    "xs",
    "sm",
    "md",
    "lg",
    "xl",
    "xxl",
    "s",
    "m",
    "l",
    "small",
    "medium",
    "large",
    "xlarge",
    "xxlarge",
    "mobile",
    "phone",
    "tablet",
    "touch",
    "desktop",
    "widescreen",
    "fullhd",
    "print",
    "portrait",
    "landscape",
];

/// The words of the hiding classes themselves.
const HIDING_WORDS: &[&str] = &["hidden", "hide", "invisible"];

/// A class name split into its component and its BEM modifier
/// (`block__element--modifier` → `block__element`, `modifier`); the
/// modifier is empty when the name has no `--` after a component. BEM puts
/// one modifier last; a name with several `--` uses them as plain
/// separators of a path (`ce-news--topics--header`,
/// `node--view-mode--teaser`), whose every part names the element.
fn bem_modifier(name: &str) -> (&str, &str) {
    // A byte scan, not `str::find`: every class name of every element
    // passes here, and a substring searcher's setup costs more than the
    // scan of a short name.
    let double_dash = |from: usize| {
        name.as_bytes()[from..]
            .windows(2)
            .position(|w| w == b"--")
            .map(|i| i + from)
    };
    match double_dash(0) {
        Some(i) if i > 0 && double_dash(i + 2).is_none() => (&name[..i], &name[i + 2..]),
        _ => (name, ""),
    }
}

fn is_hiding_name(name: &str) -> bool {
    HIDING_WORDS.iter().any(|w| name.eq_ignore_ascii_case(w))
}

/// Parts of a component that a class may hide on their own: Drupal's
/// `field-label-hidden` / `field--label-hidden` sits on every body field
/// whose *label* is not shown, around the whole text.
const HIDEABLE_PARTS: &[&str] = &[
    "label",
    "title",
    "heading",
    "caption",
    "icon",
    "image",
    "img",
    "thumbnail",
];

/// A class whose hiding word follows the name of a part (`label-hidden`,
/// `title-hide`): it hides that part, not the element.
fn hides_a_named_part(name: &str) -> bool {
    let (mut after_part, mut found) = (false, false);
    for_each_token(name, |token| {
        found |= after_part && HIDING_WORDS.iter().any(|w| token.eq_ignore_ascii_case(w));
        after_part = HIDEABLE_PARTS.iter().any(|w| token.eq_ignore_ascii_case(w));
    });
    found
}

/// A class that hides an element on some screen sizes only: a hiding word
/// and a screen size among its tokens (`hidden-xs`, `is-hidden-touch`,
/// `hide-for-medium-up`, `uk-hidden@m`).
fn is_responsive_visibility(name: &str) -> bool {
    let (mut hides, mut breakpoint) = (false, false);
    for_each_token(name, |token| {
        hides |= HIDING_WORDS.iter().any(|w| token.eq_ignore_ascii_case(w));
        breakpoint |= BREAKPOINT_WORDS
            .iter()
            .any(|w| token.eq_ignore_ascii_case(w));
    });
    hides && breakpoint
}

/// A class that shows the element from a breakpoint on (`md:block`,
/// `lg:flex`, Bootstrap's `d-md-block`).
fn shows_at_a_breakpoint(name: &str) -> bool {
    const DISPLAYS: &[&str] = &["block", "flex", "inline", "grid", "table", "contents"];
    let (screen, display) = match name.split_once(':') {
        Some((screen, display)) => (screen, display),
        None => match name.strip_prefix("d-").and_then(|r| r.split_once('-')) {
            Some((screen, display)) => (screen, display),
            None => return false,
        },
    };
    // The display's own words may go on (`md:inline-flex`, `d-md-table-cell`).
    let display = display.split('-').next().unwrap_or(display);
    BREAKPOINT_WORDS
        .iter()
        .any(|w| screen.eq_ignore_ascii_case(w))
        && DISPLAYS.iter().any(|d| display.eq_ignore_ascii_case(d))
}

/// Prefixes of the classes blog engines put on a post for each of its
/// categories, tags and its author (`category-social-media`,
/// `tag-comments`, `entry-category-sharing`, `author-jdoe`): they name what
/// the post is about, not what the element is, so a "social" or "comments"
/// in them says nothing about chrome.
const TAXONOMY_PREFIXES: &[&str] = &[
    "category-",
    "tag-",
    "tags-",
    "entry-category-",
    "entry-tag-",
    "entry-author-",
    "post-tag-",
    "author-",
    "format-",
    "topic-",
];

/// What follows a taxonomy-looking prefix when the class names a component
/// after all (`tag-cloud`, `category-list`, `author-box`).
const COMPONENT_WORDS: &[&str] = &[
    "cloud",
    "clouds",
    "list",
    "links",
    "box",
    "widget",
    "bar",
    "wrap",
    "wrapper",
    "container",
    "block",
    "area",
    "section",
    "info",
    "bio",
    "meta",
    "name",
    "title",
    "nav",
    "menu",
];

fn is_taxonomy_class(name: &str) -> bool {
    TAXONOMY_PREFIXES.iter().any(|p| {
        name.len() > p.len()
            && name.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            && !COMPONENT_WORDS
                .iter()
                .any(|w| name[p.len()..].eq_ignore_ascii_case(w))
    })
}

/// The hint of an element from the words of its class and its id.
pub fn combine(
    (class_hint, class_content): (Option<DomHint>, bool),
    (id_hint, id_content): (Option<DomHint>, bool),
) -> (Option<DomHint>, bool) {
    let mut hint = class_hint.or(id_hint);
    let content = class_content || id_content;
    // A content word beside a weaker chrome word ("content-header",
    // "article-tags", "entry-content handle-adX2") describes the article or
    // a part of it. Only the words that name a whole chrome component
    // (comments, share bar, related list, navigation, footer) and a hidden
    // element win over it.
    if content
        && !matches!(
            hint,
            Some(
                DomHint::Comments
                    | DomHint::Share
                    | DomHint::Related
                    | DomHint::Navigation
                    | DomHint::Footer
                    | DomHint::Hidden
            )
        )
    {
        hint = None;
    }
    (hint, content)
}

/// The chrome word a token is, or starts or ends with (any ASCII case).
fn chrome_word(token: &str) -> Option<DomHint> {
    let t = token.as_bytes();
    let (&first, &last) = (t.first()?, t.last()?);
    let index = &*CHROME_WORD_INDEX;
    // The whole token or its start matches only words with its first letter,
    // its end only words with its last: of those, the first in list order.
    let whole_or_prefix = index.by_first[usize::from(first.to_ascii_lowercase())]
        .iter()
        .map(|&i| usize::from(i))
        .find(|&i| {
            let w = CHROME_WORDS[i].0.as_bytes();
            t.eq_ignore_ascii_case(w)
                || w.len() >= AFFIX_MIN_LEN
                    && t.len() > w.len()
                    && t[..w.len()].eq_ignore_ascii_case(w)
        });
    let suffix = index.by_last[usize::from(last.to_ascii_lowercase())]
        .iter()
        .map(|&i| usize::from(i))
        .find(|&i| {
            let w = CHROME_WORDS[i].0.as_bytes();
            w.len() >= AFFIX_MIN_LEN
                && t.len() > w.len()
                && t[t.len() - w.len()..].eq_ignore_ascii_case(w)
        });
    let i = match (whole_or_prefix, suffix) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some(CHROME_WORDS[i].1)
}

/// [`CHROME_WORDS`]' positions by their first and by their last letter, so
/// that a token is compared with a few words, not all of them: every
/// element's id and every new class passes through [`chrome_word`].
struct ChromeWordIndex {
    by_first: [Vec<u8>; 256],
    by_last: [Vec<u8>; 256],
}

static CHROME_WORD_INDEX: std::sync::LazyLock<ChromeWordIndex> = std::sync::LazyLock::new(|| {
    let mut index = ChromeWordIndex {
        by_first: std::array::from_fn(|_| Vec::new()),
        by_last: std::array::from_fn(|_| Vec::new()),
    };
    for (i, (word, _)) in CHROME_WORDS.iter().enumerate() {
        let w = word.as_bytes();
        let i = u8::try_from(i).expect("fewer than 256 chrome words");
        index.by_first[usize::from(w[0].to_ascii_lowercase())].push(i);
        index.by_last[usize::from(w[w.len() - 1].to_ascii_lowercase())].push(i);
    }
    index
});

/// Call `f` with each token of a class or id name, as a slice of it: split
/// at every non-alphanumeric character and at lowercase→uppercase humps
/// (`shareBar` → `share`, `Bar`). Compared in any ASCII case, so no
/// lowercase copy is made: every element's class and id pass here.
fn for_each_token(value: &str, mut f: impl FnMut(&str)) {
    let mut start = None;
    let mut prev_lower = false;
    for (i, c) in value.char_indices() {
        if !c.is_alphanumeric() {
            if let Some(s) = start.take() {
                f(&value[s..i]);
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            if let Some(s) = start {
                f(&value[s..i]);
            }
            start = Some(i);
        }
        start.get_or_insert(i);
        prev_lower = c.is_lowercase();
    }
    if let Some(s) = start {
        f(&value[s..]);
    }
}

/// Class names (or ids) blog engines and CMSs give the element that holds a
/// post's or an article's body, and nothing else (WordPress `entry-content`,
/// Blogger `post-body`, MediaWiki `mw-content-text`, many CMSs
/// `article-body`, `story-body`).
const ARTICLE_BODY_CLASSES: &[&str] = &[
    "entry-content",
    "entry-body",
    "post-body",
    "post-content",
    "post-entry",
    "article-body",
    "article-content",
    "articlebody",
    "story-body",
    "story-content",
    // MediaWiki (Wikipedia and every wiki on its engine).
    "mw-content-text",
    "mw-parser-output",
];

/// Does a class attribute name the article's body (one of
/// `ARTICLE_BODY_CLASSES` as a whole class, any case)?
pub fn names_article_body(class: &str) -> bool {
    class.split_ascii_whitespace().any(|c| {
        ARTICLE_BODY_CLASSES
            .iter()
            .any(|name| c.eq_ignore_ascii_case(name))
    })
}

/// Class tokens that name a recipe's ingredient list or one of its lines
/// (`recipe-ingredients`, `ingredients-list`, `wprm-recipe-ingredient`):
/// recipe plugins and sites of every language use the English word.
const INGREDIENT_WORDS: &[&str] = &["ingredients", "ingredient"];

/// Does a class attribute (or an id) name a recipe's ingredient list or
/// one of its lines?
pub fn names_ingredients(class: &str) -> bool {
    // Every word holds "ngredient": most classes are rejected before they
    // are split into tokens.
    let b = class.as_bytes();
    if !b.windows(9).any(|w| w.eq_ignore_ascii_case(b"ngredient")) {
        return false;
    }
    let mut found = false;
    for_each_token(class, |token| {
        found |= INGREDIENT_WORDS
            .iter()
            .any(|w| token.eq_ignore_ascii_case(w))
    });
    found
}

/// Does a class attribute name a picture's caption (`caption truncate`,
/// `image-caption`)? Not "credit" or "attribution": sites put those on a
/// story's own dateline too ("WASHINGTON (CBS News) ―").
pub fn names_caption(class: &str) -> bool {
    let mut found = false;
    for_each_token(class, |token| {
        found |= token.eq_ignore_ascii_case("caption")
    });
    found
}

/// Class words of the element that holds a byline's name (`author vcard`,
/// `entry-meta-author`, `post-author-name`, `byline`, `autor`).
const AUTHOR_CLASS_WORDS: &[&str] = &["author", "authors", "byline", "autor", "autorin"];

/// Class words beside an author word that make the element something else
/// than the article's byline: the author of a comment, a picture of the
/// author, a biography box, a "more by this author" list.
const NOT_BYLINE_CLASS_WORDS: &[&str] = &[
    "comment",
    "comments",
    "reply",
    "avatar",
    "image",
    "img",
    "photo",
    "picture",
    "pic",
    "bio",
    "box",
    "description",
    "desc",
    "about",
    "more",
    "follow",
    "social",
];

/// Does a class attribute name the element that holds a byline's name? A
/// blog engine's per-post taxonomy class (`author-jdoe` on the whole post)
/// does not.
pub fn names_author(class: &str) -> bool {
    // Every author word starts "aut" or "byl": most classes are rejected
    // before they are split into tokens.
    let b = class.as_bytes();
    let starts = |p: &[u8]| b.windows(3).any(|w| w.eq_ignore_ascii_case(p));
    if !starts(b"aut") && !starts(b"byl") {
        return false;
    }
    class.split_ascii_whitespace().any(|name| {
        if is_taxonomy_class(name) {
            return false;
        }
        let (mut author, mut other) = (false, false);
        for_each_token(name, |token| {
            author |= AUTHOR_CLASS_WORDS
                .iter()
                .any(|w| token.eq_ignore_ascii_case(w));
            other |= NOT_BYLINE_CLASS_WORDS
                .iter()
                .any(|w| token.eq_ignore_ascii_case(w));
        });
        author && !other
    })
}

/// How an inline `style` hides the element, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleHiding {
    /// `display:none`: the switch that tabs, accordions and "read more"
    /// panels flip, so the text may be one click away.
    Toggled,
    /// `visibility:hidden`: the element keeps its place but is never shown
    /// as text; panels are not built this way.
    Invisible,
}

/// How an element hides itself by its own attributes (class words are not
/// enough: `hidden-xs` hides on phones only). The walk mutes or drops such
/// an element; the parser re-opens such a formatting element after a block
/// closes it, as the HTML rules do.
#[derive(Debug, Clone, Copy)]
pub struct SelfHiding {
    /// `aria-hidden="true"`.
    pub aria: bool,
    /// A `style` that hides it.
    pub style: Option<StyleHiding>,
    /// Hidden by any of its attributes (`hidden` included).
    pub any: bool,
}

impl SelfHiding {
    pub fn of(el: &super::parser::Attrs) -> Self {
        let style = el.get("style").and_then(style_hides);
        let aria = el
            .get("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"));
        let any = el.get("hidden").is_some() || aria || style.is_some();
        SelfHiding { aria, style, any }
    }
}

/// Inline `style` that hides the element.
pub fn style_hides(style: &str) -> Option<StyleHiding> {
    // The declarations lowercased, white space left out; an ASCII value
    // (nearly all) byte by byte (`char::is_whitespace` in ASCII: tab to
    // carriage return and the space).
    let compact: String = if style.is_ascii() {
        style
            .bytes()
            .filter(|b| !matches!(b, b'\t'..=b'\r' | b' '))
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect()
    } else {
        let s = style.to_ascii_lowercase();
        s.chars().filter(|c| !c.is_whitespace()).collect()
    };
    if compact.contains("visibility:hidden") {
        Some(StyleHiding::Invisible)
    } else if compact.contains("display:none") {
        Some(StyleHiding::Toggled)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
