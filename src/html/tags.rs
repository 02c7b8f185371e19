//! The HTML tags the parser knows, with the properties the parsing rules
//! and the walk give them.

// Tag properties. The first group comes from the HTML parsing rules, the
// second from how the walk treats an element.
/// The "special" category: an inline end tag may not close past one.
pub(super) const SPECIAL: u16 = 1;
/// Void: never has content or an end tag.
pub(super) const VOID: u16 = 2;
/// Its start tag closes an open `<p>`.
pub(super) const CLOSES_P: u16 = 4;
/// A boundary of the default element scope (end tags don't reach past it).
pub(super) const SCOPE: u16 = 8;
/// Content is raw text up to the matching end tag.
pub(super) const RAW: u16 = 16;
/// A table-structure element: its end tag uses table scope.
pub(super) const TABLE_PART: u16 = 32;
/// `<h1>`..`<h6>`.
pub(super) const HEADING: u16 = 64;
/// A formatting element (`<a>`, `<b>`, `<font>`, …): its end tag closes it
/// even across a block (the adoption agency's net effect).
pub(super) const FORMATTING: u16 = 128;
/// Inline for the walk: its text joins the current block and it gets no
/// entry in the element table.
pub const INLINE: u16 = 256;
/// Skipped by the walk: its content is never article text (scripts, forms,
/// media, `<head>`).
pub const SKIPPED: u16 = 512;

/// Known tags, sorted by name, with their properties.
pub(super) static KNOWN: &[(&str, u16)] = &[
    ("a", FORMATTING | INLINE),
    ("abbr", INLINE),
    ("acronym", INLINE),
    ("address", SPECIAL | CLOSES_P),
    ("applet", SPECIAL | SCOPE),
    ("area", SPECIAL | VOID),
    ("article", SPECIAL | CLOSES_P),
    ("aside", SPECIAL | CLOSES_P),
    ("audio", SKIPPED),
    ("b", FORMATTING | INLINE),
    ("base", SPECIAL | VOID),
    ("basefont", SPECIAL | VOID),
    ("bdi", INLINE),
    ("bdo", INLINE),
    ("bgsound", SPECIAL | VOID),
    ("big", FORMATTING | INLINE),
    ("blink", INLINE),
    ("blockquote", SPECIAL | CLOSES_P),
    ("body", SPECIAL),
    ("br", SPECIAL | VOID),
    ("button", SPECIAL | SKIPPED),
    ("canvas", SKIPPED),
    ("caption", SPECIAL | SCOPE | TABLE_PART),
    ("center", SPECIAL | CLOSES_P),
    ("cite", INLINE),
    ("code", FORMATTING | INLINE),
    ("col", SPECIAL | VOID),
    ("colgroup", SPECIAL),
    ("data", INLINE),
    ("datalist", SKIPPED),
    ("dd", SPECIAL | CLOSES_P),
    ("del", INLINE),
    ("details", SPECIAL | CLOSES_P),
    ("dfn", INLINE),
    ("dialog", CLOSES_P),
    ("dir", SPECIAL | CLOSES_P),
    ("div", SPECIAL | CLOSES_P),
    ("dl", SPECIAL | CLOSES_P),
    ("dt", SPECIAL | CLOSES_P),
    ("em", FORMATTING | INLINE),
    ("embed", SPECIAL | VOID | SKIPPED),
    ("fieldset", SPECIAL | CLOSES_P),
    ("figcaption", SPECIAL | CLOSES_P),
    ("figure", SPECIAL | CLOSES_P),
    ("font", FORMATTING | INLINE),
    ("footer", SPECIAL | CLOSES_P),
    ("form", SPECIAL | CLOSES_P),
    ("frame", SPECIAL | VOID),
    ("frameset", SPECIAL),
    ("h1", SPECIAL | CLOSES_P | HEADING),
    ("h2", SPECIAL | CLOSES_P | HEADING),
    ("h3", SPECIAL | CLOSES_P | HEADING),
    ("h4", SPECIAL | CLOSES_P | HEADING),
    ("h5", SPECIAL | CLOSES_P | HEADING),
    ("h6", SPECIAL | CLOSES_P | HEADING),
    ("head", SPECIAL | SKIPPED),
    ("header", SPECIAL | CLOSES_P),
    ("hgroup", SPECIAL | CLOSES_P),
    ("hr", SPECIAL | VOID | CLOSES_P),
    ("html", SPECIAL | SCOPE | TABLE_PART),
    ("i", FORMATTING | INLINE),
    ("iframe", SPECIAL | RAW | SKIPPED),
    ("img", SPECIAL | VOID | INLINE),
    ("input", SPECIAL | VOID | SKIPPED),
    ("ins", INLINE),
    ("kbd", INLINE),
    ("keygen", SPECIAL | VOID),
    ("label", INLINE),
    ("li", SPECIAL | CLOSES_P),
    ("link", SPECIAL | VOID),
    ("listing", SPECIAL | CLOSES_P),
    ("main", SPECIAL | CLOSES_P),
    ("map", SKIPPED),
    ("mark", INLINE),
    ("marquee", SPECIAL | SCOPE),
    ("math", SKIPPED),
    ("menu", SPECIAL | CLOSES_P),
    ("meta", SPECIAL | VOID),
    ("nav", SPECIAL | CLOSES_P),
    ("nobr", FORMATTING | INLINE),
    ("noembed", SPECIAL | RAW),
    ("noframes", SPECIAL | RAW),
    ("noscript", SPECIAL | RAW | SKIPPED),
    ("object", SPECIAL | SCOPE | SKIPPED),
    ("ol", SPECIAL | CLOSES_P),
    ("optgroup", 0),
    ("option", SKIPPED),
    ("p", SPECIAL | CLOSES_P),
    ("param", SPECIAL | VOID),
    ("picture", INLINE),
    ("plaintext", SPECIAL | CLOSES_P),
    ("pre", SPECIAL | CLOSES_P),
    ("q", INLINE),
    ("s", FORMATTING | INLINE),
    ("samp", INLINE),
    ("script", SPECIAL | RAW | SKIPPED),
    ("search", SPECIAL | CLOSES_P),
    ("section", SPECIAL | CLOSES_P),
    ("select", SPECIAL | SKIPPED),
    ("small", FORMATTING | INLINE),
    ("source", SPECIAL | VOID | INLINE),
    ("span", INLINE),
    ("strike", FORMATTING | INLINE),
    ("strong", FORMATTING | INLINE),
    ("style", SPECIAL | RAW | SKIPPED),
    ("sub", INLINE),
    ("summary", SPECIAL | CLOSES_P),
    ("sup", INLINE),
    ("svg", SKIPPED),
    ("table", SPECIAL | CLOSES_P | SCOPE | TABLE_PART),
    ("tbody", SPECIAL | TABLE_PART),
    ("td", SPECIAL | SCOPE | TABLE_PART),
    ("template", SPECIAL | SCOPE | TABLE_PART | SKIPPED),
    ("textarea", SPECIAL | RAW | SKIPPED),
    ("tfoot", SPECIAL | TABLE_PART),
    ("th", SPECIAL | SCOPE | TABLE_PART),
    ("thead", SPECIAL | TABLE_PART),
    ("time", INLINE),
    ("title", SPECIAL | RAW),
    ("tr", SPECIAL | TABLE_PART),
    ("track", SPECIAL | VOID),
    ("tt", FORMATTING | INLINE),
    ("u", FORMATTING | INLINE),
    ("ul", SPECIAL | CLOSES_P),
    ("var", INLINE),
    ("video", SKIPPED),
    ("wbr", SPECIAL | VOID | INLINE),
    ("xmp", SPECIAL | CLOSES_P | RAW),
];

/// Index in [`KNOWN`] of a tag that is not there.
pub(super) const CUSTOM: u16 = u16::MAX;

/// The index of `name` in [`KNOWN`], at compile time.
const fn id(name: &str) -> u16 {
    let mut i = 0;
    while i < KNOWN.len() {
        let k = KNOWN[i].0.as_bytes();
        let n = name.as_bytes();
        if k.len() == n.len() {
            let mut j = 0;
            while j < k.len() && k[j] == n[j] {
                j += 1;
            }
            if j == k.len() {
                return i as u16;
            }
        }
        i += 1;
    }
    panic!("tag not in KNOWN")
}

pub(super) const A: u16 = id("a");
pub(super) const ADDRESS: u16 = id("address");
pub(super) const APPLET: u16 = id("applet");
pub(super) const AREA: u16 = id("area");
pub(super) const BR: u16 = id("br");
pub(super) const BUTTON: u16 = id("button");
pub(super) const CAPTION: u16 = id("caption");
pub(super) const COL: u16 = id("col");
pub(super) const COLGROUP: u16 = id("colgroup");
pub(super) const DD: u16 = id("dd");
pub(super) const DIALOG: u16 = id("dialog");
pub(super) const DIV: u16 = id("div");
pub(super) const DT: u16 = id("dt");
pub(super) const EMBED: u16 = id("embed");
pub(super) const FORM: u16 = id("form");
pub(super) const HTML: u16 = id("html");
pub(super) const INPUT: u16 = id("input");
pub(super) const KEYGEN: u16 = id("keygen");
pub(super) const LI: u16 = id("li");
pub(super) const MARQUEE: u16 = id("marquee");
pub(super) const NOBR: u16 = id("nobr");
pub(super) const OBJECT: u16 = id("object");
pub(super) const OL: u16 = id("ol");
pub(super) const OPTGROUP: u16 = id("optgroup");
pub(super) const OPTION: u16 = id("option");
pub(super) const P: u16 = id("p");
pub(super) const SELECT: u16 = id("select");
pub(super) const TABLE: u16 = id("table");
pub(super) const TBODY: u16 = id("tbody");
pub(super) const TD: u16 = id("td");
pub(super) const TEMPLATE: u16 = id("template");
pub(super) const TFOOT: u16 = id("tfoot");
pub(super) const TH: u16 = id("th");
pub(super) const THEAD: u16 = id("thead");
pub(super) const TR: u16 = id("tr");
pub(super) const UL: u16 = id("ul");
pub(super) const XMP: u16 = id("xmp");
pub(super) const HEADINGS: [u16; 6] = [id("h1"), id("h2"), id("h3"), id("h4"), id("h5"), id("h6")];

/// A tag name packed into an integer (big-endian, zero-padded): integer
/// order is the names' order, so the lookup compares integers, not strings.
fn pack(name: &[u8]) -> Option<u128> {
    // A NUL would pack like the zero padding ("head\0" as "head"): such a
    // name is no known tag (the standard reads NUL in a name as U+FFFD).
    if name.len() > 16 || name.contains(&0) {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..name.len()].copy_from_slice(name);
    Some(u128::from_be_bytes(buf))
}

fn packed_known() -> &'static [u128] {
    static KEYS: std::sync::OnceLock<Vec<u128>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        KNOWN
            .iter()
            .map(|(n, _)| pack(n.as_bytes()).unwrap_or(u128::MAX))
            .collect()
    })
}

/// A tag's index in [`KNOWN`] (or [`CUSTOM`]) and its properties.
pub(super) fn lookup(name: &str) -> (u16, u16) {
    let Some(key) = pack(name.as_bytes()) else {
        return (CUSTOM, 0);
    };
    match packed_known().binary_search(&key) {
        Ok(i) => (i as u16, KNOWN[i].1),
        Err(_) => (CUSTOM, 0),
    }
}

/// A tag as the walk sees it: its name and properties.
#[derive(Clone, Copy)]
pub struct Tag<'n> {
    pub name: &'n str,
    pub(super) flags: u16,
}

impl Tag<'_> {
    pub fn is_inline(&self) -> bool {
        self.flags & INLINE != 0
    }

    pub fn is_skipped(&self) -> bool {
        self.flags & SKIPPED != 0
    }
}

/// The namespace of an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    Html,
    Svg,
    MathMl,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_tags_are_sorted() {
        assert!(KNOWN.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn a_name_with_a_nul_is_no_known_tag() {
        // Found by the html5ever oracle fuzz target: `<head\0>` was read as
        // `<head>`, and the text after it was lost.
        assert_ne!(lookup("head").0, CUSTOM);
        assert_eq!(lookup("head\0\0").0, CUSTOM);
        assert_eq!(lookup("p\0").0, CUSTOM);
    }
}
