//! Credits and legal lines: copyright and legal notices, footer and wire
//! credits, syndication, gallery counters, picture credits, ad disclosures
//! and external-link disclaimers.

use super::{ends_like_sentence, re};
use regex::Regex;
use std::sync::LazyLock;

/// Longest line (in words) judged by the copyright rule when the line does not
/// *start* with a copyright marker. Footer copyright lines run to ~25 words with
/// the company's address; anything longer is prose that quotes a notice.
const COPYRIGHT_MAX_WORDS: usize = 30;

/// The words of a copyright notice, in the languages we have seen them in.
/// (A form in ASCII letters added here needs its word in
/// [`may_hold_copyright_words`] too.)
const COPYRIGHT_WORDS: &str = r"©|\(c\)|&copy;|\bcopyright\b|\ball rights? reserved\b(?: to\b)?|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone|все права защищены|版权所有|著作権|كل الحقوق محفوظة|جميع الحقوق محفوظة";

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| re(&format!("(?i){COPYRIGHT_WORDS}")));

/// The notice with its copyright words taken out: what is left names the
/// holder and the year (`All rights reserved to X 2023 ©` → ` X 2023 `).
pub fn strip_copyright_words(text: &str) -> String {
    COPYRIGHT.replace_all(text, " ").into_owned()
}

static COPYRIGHT_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*(©|\(c\)|copyright\b|all rights reserved)"));

/// The marks only a notice carries: the sign, "all rights reserved" (in
/// the languages of `COPYRIGHT_WORDS`), or the word "copyright" or "(c)"
/// followed at once by a year, a sign, "by" or a colon (`Copyright 2019
/// The Associated Press`, `copyright: AFP`).
static NOTICE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)©|&copy;|\ball rights? reserved\b|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone|все права защищены|版权所有|著作権|كل الحقوق محفوظة|جميع الحقوق محفوظة|(\bcopyright|\(c\))\s*(©|\(c\)|(19|20)\d\d\b|by\b|:)",
    )
});

/// A line this short that names the copyright is a credit label
/// (`Copyright Reuters`, `Photo copyright AFP`), not a sentence.
const COPYRIGHT_LABEL_MAX_WORDS: usize = 5;

/// Does the line have a notice's shape, not just the word? A sentence of
/// prose about copyright law ("The copyright on the song had expired")
/// names the word and nothing else a notice carries.
fn has_notice_shape(text: &str, words: usize) -> bool {
    NOTICE_MARK.is_match(text)
        || words <= COPYRIGHT_LABEL_MAX_WORDS
        || COPYRIGHT_CREDIT_END.is_match(text)
}

/// A picture's credit closing a caption: the word or "(c)", then a
/// capitalised name of up to four words, then the line's end ("… hall de
/// l'université / (C) Kab Niang").
static COPYRIGHT_CREDIT_END: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i:\bcopyright|\(c\))\s+\p{Lu}[\p{L}.&'-]*(\s+[\p{L}.&'-]+){0,3}\s*$"));

/// "Copyright line": a footer notice (`© 2023 Example Media`, `All rights reserved to …`).
pub fn is_copyright(text: &str, words: usize) -> bool {
    if may_start_copyright(text) && COPYRIGHT_START.is_match(text) {
        return words <= COPYRIGHT_MAX_WORDS * 2 && has_notice_shape(text, words);
    }
    if words <= COPYRIGHT_MAX_WORDS {
        return may_hold_copyright_words(text)
            && COPYRIGHT.is_match(text)
            && has_notice_shape(text, words);
    }
    is_legal_notice(text, words)
}

/// Can `text` start as [`COPYRIGHT_START`] requires: after white space
/// (`\s` and `trim_start` are both Unicode's White_Space), `©`, `(`, or a
/// `c` or an `a` in either case (those letters have no other case forms)?
/// Most blocks start otherwise, and the pattern is not run on them.
fn may_start_copyright(text: &str) -> bool {
    text.trim_start()
        .starts_with(['©', '(', 'c', 'C', 'a', 'A'])
}

/// A test every text [`COPYRIGHT`] matches passes, cheaper than the
/// pattern (every short block is judged): ASCII text can match only its
/// ASCII words, and each holds "(c)", "&copy", "copyright", "reserv"
/// (reserved, reservados), "riserv", "vorbehalten" or "voorbehouden".
/// One pass over the bytes, letters compared by their lowercase bit.
/// (Text with other letters goes to the pattern, which knows every
/// language's form.)
fn may_hold_copyright_words(text: &str) -> bool {
    if !text.is_ascii() {
        return true;
    }
    let b = text.as_bytes();
    let at = |i: usize, word: &[u8]| {
        b.get(i..i + word.len())
            .is_some_and(|s| s.iter().zip(word).all(|(x, y)| x | 0x20 == *y))
    };
    (0..b.len()).any(|i| match b[i] | 0x20 {
        b'(' => at(i, b"(c)"),
        b'&' => at(i, b"&copy"),
        b'c' => at(i, b"copyright"),
        b'r' => at(i, b"reserv") || at(i, b"riserv"),
        b'v' => at(i, b"vorbehalten") || at(i, b"voorbehouden"),
        _ => false,
    })
}

/// The separate clauses of a site's legal footer. One of them is a phrase
/// any article may use; three in one paragraph are the footer itself
/// ("Use of this site is governed by our Terms of Service and Privacy
/// Policy… copyright © 1999-2008 … All Rights Reserved. Reproduction …
/// without express written permission … is prohibited").
const LEGAL_CLAUSES: [&str; 7] = [
    r"(?i)©|\bcopyright\b",
    r"(?i)\ball rights? reserved\b",
    r"(?i)\bterms (of|and conditions of) (use|service)\b|\bterms & conditions\b",
    r"(?i)\bprivacy (policy|statement|notice)\b",
    r"(?i)\b(registered )?trademarks? of\b|\bregistered trademarks?\b",
    r"(?i)\b(without|prior) (the )?(express |prior )?(written )?permission\b",
    r"(?i)\bmay not be (re)?(published|produced|broadcast|distributed|copied)|\b(reproduction|redistribution|republication)\b[^.]*\bprohibited\b",
];

static LEGAL: LazyLock<Vec<Regex>> =
    LazyLock::new(|| LEGAL_CLAUSES.iter().map(|p| re(p)).collect());

/// Clauses that make a paragraph a legal footer.
const LEGAL_MIN_CLAUSES: usize = 3;

/// A legal footer runs to a long paragraph, never to a page.
const LEGAL_MAX_WORDS: usize = 150;

/// "Legal notice": a footer paragraph of several legal clauses, however long.
fn is_legal_notice(text: &str, words: usize) -> bool {
    // The copyright words first: every legal footer has them, and the one
    // regex rules out nearly every paragraph.
    words <= LEGAL_MAX_WORDS
        && may_hold_copyright_words(text)
        && COPYRIGHT.is_match(text)
        && LEGAL.iter().filter(|r| r.is_match(text)).count() >= LEGAL_MIN_CLAUSES
}

static FOOTER_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(website |site |web site |this site (is )?)?(maintained|developed|designed|powered|hosted|built|created|managed|operated|produced)(\s+(and|&)\s+\w+)?\s+by\b\s*:?\s*(.+?)\s*\.?\s*$",
    )
});

/// "Footer credit": `Maintained and developed by X.`, `Powered by WordPress`,
/// `Site designed by Y`. Returns the credited party (the site operator).
pub fn footer_credit(text: &str, words: usize) -> Option<String> {
    // A credit line names a party: a few words. Longer lines are prose
    // ("... developed by researchers at MIT, who found ...").
    // is_match runs the fast DFA; captures only on the rare hit.
    if words > 14 || !FOOTER_CREDIT.is_match(text) {
        return None;
    }
    FOOTER_CREDIT
        .captures(text)
        .and_then(|c| c.get(6))
        .map(|m| m.as_str().trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Where a glued footer credit may start inside a line: the credit verbs a
/// footer opens with. Used by the text splitter, not as a classifier rule.
pub static GLUED_CHROME_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^((Maintained|Developed|Designed|Powered|Hosted)( and \w+)? by\b|All [Rr]ights [Rr]eserved|Copyright\b|©|Share (this|on)\b|Follow us\b|Sign (in|up)\b|Log ?in\b|Subscribe\b|Related (articles|stories|posts)\b|Read more\b|Advertisement\b)",
    )
});

/// A gallery's counter on a line of its own: "1 of 6", "Bild 2 von 8",
/// "Photo 4 of 10". The whole line is the counter. (Not "3 / 12": a
/// table's cells print figures that way, "72/53" degrees.)
static GALLERY_COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*((photo|image|picture|slide|bild|foto|imagen|immagine|zdjęcie)s?\s+)?\d{1,3}\s+(of|von|de|di|sur|z)\s+\d{1,3}\W*$",
    )
});

/// "Gallery counter": the position in a photo gallery, printed beside
/// each picture.
pub fn is_gallery_counter(text: &str, words: usize) -> bool {
    words <= 4 && GALLERY_COUNTER.is_match(text)
}

static SYNDICATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(source|sources|via|credit|credits|courtesy(?: of)?|quelle|fuente|fonte|źródło|bron|source de l'article)\s*[:：]\s*(.{1,60}?)\s*$",
    )
});

/// A syndication credit's words at most: the label and the outlet's name.
const SYNDICATION_MAX_WORDS: usize = 6;

/// At the end of a story the credit may also give the release's date and
/// place ("Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022,
/// Berlin"); there a line of this many words still is one. (Inside the
/// text, such longer "Source: Journal, v59 n3 p6-12 Mar 2002" lines are a
/// bibliography's, which is text.)
const CLOSING_SYNDICATION_MAX_WORDS: usize = 10;

/// "Syndication credit": `Source: Timesofoman`, `Via: AP`. Returns the source.
pub fn syndication_source(text: &str, words: usize) -> Option<String> {
    credit_source(text, words, SYNDICATION_MAX_WORDS)
}

/// A syndication credit that closes the story, where it may name the
/// release's date and place too (see [`CLOSING_SYNDICATION_MAX_WORDS`]).
pub fn is_closing_syndication_credit(text: &str, words: usize) -> bool {
    credit_source(text, words, CLOSING_SYNDICATION_MAX_WORDS).is_some()
}

fn credit_source(text: &str, words: usize, max_words: usize) -> Option<String> {
    // A credit names an outlet in a few words and has no sentence punctuation;
    // "Source: officials said the plan was dropped." is a sentence, not a credit.
    if words > max_words || !text.contains([':', '：']) || !SYNDICATION.is_match(text) {
        return None;
    }
    let caps = SYNDICATION.captures(text)?;
    let value = caps.get(2)?.as_str().trim();
    if value.is_empty() || value.ends_with(['.', '!', '?']) && value.split_whitespace().count() > 3
    {
        return None;
    }
    Some(value.trim_end_matches('.').to_string())
}

static WIRE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:[A-Z][A-Za-z .'-]{1,40},?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?)?\((Reuters|AP|AFP|Xinhua|dpa|DPA|UPI|Bloomberg|PTI|IANS|ANI|Associated Press|Agence France-Presse|AAP|CNN|BBC|WAM|SPA|KUNA|QNA|Anadolu|EFE|ANSA|Kyodo|Yonhap|TASS|RIA Novosti|Interfax)\)\s*[-–—:]",
    )
});

/// "Wire dateline": a lede opening with `WASHINGTON (Reuters) -`. The line is
/// body (it is the first paragraph), but it names the syndication source.
pub fn wire_source(text: &str) -> Option<String> {
    // The credit is in parentheses near the start: skip everything else
    // without running the pattern.
    let head = text.get(..text.len().min(120)).unwrap_or(text);
    if !head.contains('(') || !WIRE_CREDIT.is_match(text) {
        return None;
    }
    WIRE_CREDIT
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
}

/// A scan for any of a few lower-case phrases in a block, ignoring ASCII
/// case: the block is lower-cased once, then each phrase is a SIMD
/// substring search keyed on its rarest byte. (A first-letter scan per
/// phrase, [`contains_any_ascii_ci`], stops at every "a" and "e" of the
/// block: dear for two dozen phrases.) For the few blocks at a story's
/// edges, not for every block.
struct PhraseFinders(Vec<memchr::memmem::Finder<'static>>);

impl PhraseFinders {
    fn new(phrases: &'static [&'static str]) -> PhraseFinders {
        PhraseFinders(
            phrases
                .iter()
                .map(|p| memchr::memmem::Finder::new(p.as_bytes()))
                .collect(),
        )
    }

    fn any_in(&self, text: &str) -> bool {
        let lower = text.to_ascii_lowercase();
        self.0.iter().any(|f| f.find(lower.as_bytes()).is_some())
    }
}

/// The phrases of a publisher's disclosure of paid links or advertising
/// in a post ("We may receive compensation when you click on links",
/// "This post contains affiliate links", "Dieser Beitrag enthält Werbung",
/// "As an Amazon Associate I earn…"), matched as literals ignoring ASCII
/// case: a plain scan, no pattern to compile.
const AD_DISCLOSURE_PHRASES: &[&str] = &[
    "receive compensation",
    "receive a commission",
    "earn a commission",
    "earn a small commission",
    "earn commission",
    "affiliate link",
    "affiliate-link",
    "affiliate commission",
    "affiliate partner",
    "advertiser disclosure",
    "advertising policy",
    "references to products",
    "contains sponsored",
    "enthält werbung",
    "enthält affiliate",
    "enthält anzeigen",
    "werbelink",
    "werbe-link",
    "provisionslink",
    "provisions-link",
    "amazon-partner",
    "amazon associate",
    "liens affiliés",
    "liens d'affiliation",
    "enlaces de afiliado",
    "enlaces afiliados",
];

static AD_DISCLOSURE_FINDERS: LazyLock<PhraseFinders> =
    LazyLock::new(|| PhraseFinders::new(AD_DISCLOSURE_PHRASES));

/// The publisher speaking of its own post: a disclosure says "we", "I",
/// "this post" or marks the links with a star. A story about disclosure
/// rules speaks of "a post" and of "bloggers".
static SELF_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*\*|\b(we|i|our|my|us|this (post|article|page|site|story)|these links|wir|ich|uns|unser|unsere[mnrs]?|dieser|diese|diesem|nous|notre|nos|este|esta|nuestros?)\b",
    )
});

/// A disclosure is a sentence or three.
const AD_DISCLOSURE_MAX_WORDS: usize = 60;

/// "Advertising disclosure": the note on paid links over or under a post.
/// Judged only at the story's edges (see `chrome::tail`).
pub fn is_ad_disclosure(text: &str, words: usize) -> bool {
    words <= AD_DISCLOSURE_MAX_WORDS
        && AD_DISCLOSURE_FINDERS.any_in(text)
        && SELF_REFERENCE.is_match(text)
}

/// A picture's credit on a line of its own: the label, then a name of a
/// few words and nothing else ("Photo: Jane Roe, AP", "Photograph by Jane
/// Roe", "Photo by Ev on Unsplash", "Foto: dpa", "Crédits photos :
/// Bestimage", "(Image: GETTY)").
static PICTURE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*((photos?|photograph|pictures?|images?|fotos?|bild(er)?|bildquelle|crédits? photos?|photo credits?|image credits?|fotocredits?)\s*(by\b|:|©|credit\s*:)|(photographed|photography|fotografiert) by\b)\s*[\p{L}\p{N}.&'/,@() -]+\W*$",
    )
});

/// Longest picture credit: the label and a photographer's and an
/// agency's names.
const PICTURE_CREDIT_MAX_WORDS: usize = 9;

/// A picture's credit without a label: the photographer's name (two to
/// four capitalised words, not capitals: "PS/KW" heads a table), a slash
/// and the agency's web address or its name in capitals ("Jane
/// Roe/imagebank.example.se", "Jane Roe/WENN.com", "Jane Roe / AP").
/// Read by hand: a pattern of Unicode case classes cost more to compile
/// than all the lines it reads.
fn is_name_slash_agency(text: &str) -> bool {
    let Some((name, agency)) = text.split_once('/') else {
        return false;
    };
    let (name, agency) = (name.trim(), agency.trim());
    let name_words: Vec<&str> = name.split(' ').collect();
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_lowercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '.' | '-'))
    };
    if !(2..=4).contains(&name_words.len()) || !name_words.iter().all(|w| capitalised(w)) {
        return false;
    }
    let capitals =
        (2..=12).contains(&agency.chars().count()) && agency.chars().all(char::is_uppercase);
    let labels: Vec<&str> = agency.split('.').collect();
    let address = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels.last().is_some_and(|tld| {
            (2..=6).contains(&tld.len()) && tld.chars().all(char::is_alphabetic)
        });
    capitals || address
}

/// "Picture credit": the photographer and agency of a picture the text
/// does not carry.
pub fn is_picture_credit(text: &str, words: usize) -> bool {
    words <= PICTURE_CREDIT_MAX_WORDS
        && !ends_like_sentence(text)
        && (PICTURE_CREDIT.is_match(text) || is_name_slash_agency(text))
}

/// The labels of a caption's closing credit ("Bild: Jane Roe/Theater",
/// "(Foto: dpa)"), lowercase.
const CAPTION_CREDIT_LABELS: [&str; 11] = [
    "bild",
    "foto",
    "fotos",
    "photo",
    "photos",
    "image",
    "imagen",
    "picture",
    "credit",
    "grafik",
    "illustration",
];

/// A caption is a sentence or two; a paragraph in the story longer than
/// this that ends with a credit is the story's text with its picture's
/// credit glued on ([`is_credited_caption`]).
const CREDITED_CAPTION_MAX_WORDS: usize = 35;

/// At the head of the story, above its first paragraph, a picture's
/// caption may run longer ([`ends_with_picture_credit`]): nothing of the
/// story stands there yet to be glued to.
const CAPTIONED_CREDIT_MAX_WORDS: usize = 45;

/// The caption before the credit has at least this many words: a bare
/// credit is [`is_picture_credit`]'s, and a bare parenthesis is a remark.
const CREDITED_CAPTION_MIN_WORDS: usize = 3;

/// Most words of the credit's name: a photographer's and an agency's.
const CREDIT_NAME_MAX_WORDS: usize = 7;

/// "Credited caption": a picture's caption that ends with the picture's
/// credit, printed as a paragraph of the story (no `<figcaption>`).
pub fn is_credited_caption(text: &str, words: usize) -> bool {
    words <= CREDITED_CAPTION_MAX_WORDS && ends_with_picture_credit(text, words)
}

/// A picture's caption closing with its credit, after the caption's
/// sentence: the label and a name of a few words ("… in die Enge. Bild:
/// Jane Roe/Theater", "… (Foto: dpa)"), a name and an image site in
/// brackets ("… gut getarnt. (jroe / iStock.com)"), or "By" and a name in
/// capitals ("… in the harbour. By COAST GUARD"; in capitals, not a
/// writer's byline). Read by hand, not by a regex: a Unicode regex would
/// cost more to build in every process than all the checks it makes.
pub fn ends_with_picture_credit(text: &str, words: usize) -> bool {
    if words > CAPTIONED_CREDIT_MAX_WORDS {
        return false;
    }
    let text = text.trim_end();
    let (body, credit) = if let Some(inner) = text.strip_suffix(')') {
        // "(Foto: dpa)", "(jroe / iStock.com)": the credit in brackets.
        match inner.rfind('(') {
            Some(open) => (&text[..open], &inner[open + 1..]),
            None => return false,
        }
    } else if let Some(colon) = text.rfind(':') {
        // The label is the word before the last colon.
        // (The space may be a no-break space, two bytes long.)
        let label_start = text[..colon]
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        (&text[..label_start], &text[label_start..])
    } else if let Some(by) = text.rfind(" By ") {
        (&text[..=by], &text[by + 1..])
    } else {
        return false;
    };
    // The caption's sentence ends before the credit.
    let body = body.trim_end();
    if !body.ends_with([
        '.', '!', '?', '"', '\u{201c}', '\u{201d}', '\u{bb}', '\u{ab}', ')',
    ]) || body.split_whitespace().count() < CREDITED_CAPTION_MIN_WORDS
    {
        return false;
    }
    let name = if let Some(name) = credit.strip_prefix("By ") {
        // A name in capitals, not a writer's byline.
        if name.chars().any(char::is_lowercase) {
            return false;
        }
        name
    } else if let Some((label, name)) = credit.split_once(':') {
        if !CAPTION_CREDIT_LABELS.contains(&label.trim().to_lowercase().as_str()) {
            return false;
        }
        name
    } else if let Some((name, site)) = credit.rsplit_once(" / ") {
        // "jroe / iStock.com": a name and the image site's domain.
        let domain = site.rsplit_once('.').filter(|(host, tld)| {
            !host.is_empty()
                && !site.contains(char::is_whitespace)
                && tld.len() >= 2
                && tld.chars().all(|c| c.is_ascii_alphabetic())
        });
        if domain.is_none() {
            return false;
        }
        name
    } else {
        return false;
    };
    !name.contains(['!', '?', ':', '(', ')'])
        && (1..=CREDIT_NAME_MAX_WORDS).contains(&name.split_whitespace().count())
}

static EXTERNAL_LINKS_DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(not|n't) (be )?(held )?responsible for (the )?(content|contents) (of|on|in) (any )?(external|third[- ]party|linked|other) (internet |web )?(sites?|websites?|web sites?|links|pages)|\bdoes not endorse\b.{0,80}\b(external|third[- ]party) (internet )?(sites|websites|links)",
    )
});

/// The disclaimer is a sentence or two.
const DISCLAIMER_MAX_WORDS: usize = 40;

/// "External links disclaimer": the note printed under a story's links
/// ("The BBC is not responsible for the content of external internet
/// sites", "Note: CBC does not endorse and is not responsible for the
/// content of external sites").
pub fn is_external_links_disclaimer(text: &str, words: usize) -> bool {
    // The words' lowercase middles, found without a lowercase copy (every
    // short block passes here; an all-capitals disclaimer is not caught).
    words <= DISCLAIMER_MAX_WORDS
        && (memchr::memmem::find(text.as_bytes(), b"esponsib").is_some()
            || memchr::memmem::find(text.as_bytes(), b"ndorse").is_some())
        && EXTERNAL_LINKS_DISCLAIMER.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{all_match, none_match, w};
    use super::*;

    #[test]
    fn a_caption_that_ends_with_its_pictures_credit_is_one() {
        for caption in [
            "Die lachende Menge wird zum Mob, treibt ihr Opfer in die Enge. Bild: Jane Roe/Theater Nord",
            "Das Hermelin ist im Winter mit seinem weißen Fell gut getarnt. (jroe / iStock.com)",
            "The mayor at the opening of the ferry terminal. Photo: Jane Roe/AFP via Getty Images",
            "Officers found the boat in the harbour on Sunday. By U.S. COAST GUARD",
        ] {
            assert!(is_credited_caption(caption, w(caption)), "{caption}");
        }
        for text in [
            // A bare credit, a remark in parentheses, a word of prose.
            "Foto: dpa",
            "(out of 10 / not an average)",
            "The new logo uses a simple image: a bridge over the river",
            "Das zeigt das Foto: ein Haus am See",
            // A paragraph of the story with a glued credit is too long.
            &"The council met on Monday and agreed on the plan for the bridge. "
                .repeat(3)
                .chars()
                .chain("Foto: dpa".chars())
                .collect::<String>(),
        ] {
            assert!(!is_credited_caption(text, w(text)), "{text}");
        }
    }

    #[test]
    fn a_caption_closing_with_its_credit() {
        let yes = [
            "Ein Moment im Stück: die Menge wird zum Mob. Bild: Jane Roe/Theater Nord",
            "Agents found the cargo inside a boat in the harbour. By COAST GUARD NEWS",
            "Der Hafen im Morgenlicht. (Foto: Hans Muster)",
            "Der Hafen im Morgenlicht. Bild: dpa",
            // A no-break space before the label.
            "Der Hafen im Morgenlicht.\u{a0}Bild: dpa",
        ];
        for t in yes {
            assert!(ends_with_picture_credit(t, w(t)), "{t}");
        }
        let no = [
            // A writer's byline after a lead, not a picture's credit.
            "The council met on Tuesday. By Jane Roe",
            "Read more about it: the council and its plans for the harbour.",
            "Foto: Hans Muster",
            // The credit's label inside the sentence.
            "The photo: a harbour at dawn, taken by a reader from the pier on the hill over town",
        ];
        for t in no {
            assert!(!ends_with_picture_credit(t, w(t)), "{t}");
        }
    }

    #[test]
    fn the_copyright_words_test_lets_through_every_line_the_pattern_matches() {
        for line in [
            "© 2023 Example Media",
            "(C) 2020 Foo Ltd",
            "Copyright 2019 Jane Roe",
            "COPYRIGHT © BAR",
            "All Rights Reserved.",
            "all right reserved to Times",
            "&copy; 2001 Baz",
            "Tous droits réservés",
            "Alle Rechte vorbehalten",
            "Alle rechten voorbehouden",
            "Todos los derechos reservados",
            "Todos os direitos reservados",
            "Tutti i diritti riservati",
        ] {
            assert!(COPYRIGHT.is_match(line), "{line:?}");
            assert!(may_hold_copyright_words(line), "{line:?}");
        }
        for line in [
            "Home | News | Sport",
            "The council met on Monday.",
            "(see chart)",
        ] {
            assert!(!may_hold_copyright_words(line), "{line:?}");
        }
    }

    #[test]
    fn gallery_counters() {
        all_match(
            is_gallery_counter,
            &["1 of 6", "Bild 2 von 8", "Photo 4 of 10", "Foto 3 di 12"],
        );
        none_match(
            is_gallery_counter,
            &[
                "1 of 6 voters",
                "One of six",
                "2019 of 2020",
                "72/53",
                "3 / 12",
            ],
        );
    }

    #[test]
    fn copyright_lines() {
        let t = "All rights reserved to Arab Today Media Group 2023 ©";
        assert!(is_copyright(t, w(t)));
        let t = "© 2008 Reuters. Click for restrictions.";
        assert!(is_copyright(t, w(t)));
        let t = "Copyright 2007 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.";
        assert!(is_copyright(t, w(t)));
        let body = "The court ruled that the copyright on the song had expired in 1998, which meant the band could no longer collect royalties from the radio stations that played it every day across the country.";
        assert!(!is_copyright(body, w(body)));
        let t = "Copyright Reuters";
        assert!(is_copyright(t, w(t)));
        let t = "Copyright: dpa";
        assert!(is_copyright(t, w(t)));
        let t = "Le piquet de grève dans le hall de l’université / (C) Kab Niang";
        assert!(is_copyright(t, w(t)));
        // Short sentences of prose about copyright: no notice's marks.
        none_match(
            is_copyright,
            &[
                "Copyright law was rewritten by the European Parliament in 2019.",
                "The lawsuit claims the copyright belongs to the photographer, not the agency.",
                "A court in Paris heard the copyright case on Monday.",
            ],
        );
    }

    #[test]
    fn legal_footer_paragraphs() {
        let t = "Use of this site is governed by our Terms of Service and Privacy Policy. Except where \
                 otherwise specified, the contents of this site are copyright © 1999-2008 Example Media \
                 Holdings Inc. All Rights Reserved. Reproduction in whole or in part in any form or medium \
                 without express written permission of Example Media is prohibited. Linux is a registered \
                 trademark of Linus Torvalds.";
        assert!(is_copyright(t, w(t)));
        let body = "The court ruled that the copyright on the song had expired in 1998, and the label's \
                    lawyers said the band could not use the recordings without written permission from \
                    the estate, which meant the band could no longer collect royalties from the radio \
                    stations that played it every day across the country.";
        assert!(!is_copyright(body, w(body)));
    }

    #[test]
    fn footer_credits() {
        let t = "Maintained and developed by Arabs Today Group SAL.";
        assert_eq!(
            footer_credit(t, w(t)).as_deref(),
            Some("Arabs Today Group SAL")
        );
        let t = "Powered by WordPress";
        assert_eq!(footer_credit(t, w(t)).as_deref(), Some("WordPress"));
        let body = "Developed by researchers at MIT, the vaccine was tested on mice for two years before trials began.";
        assert_eq!(footer_credit(body, w(body)), None);
    }

    #[test]
    fn syndication_lines() {
        assert_eq!(
            syndication_source("Source: Timesofoman", 2).as_deref(),
            Some("Timesofoman")
        );
        assert_eq!(syndication_source("Via: AP", 2).as_deref(), Some("AP"));
        assert_eq!(
            syndication_source("Źródło: Statista.com", 2).as_deref(),
            Some("Statista.com")
        );
        // A credit with the release's date and place is one only where it
        // closes the story.
        let dated = "Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin";
        assert_eq!(syndication_source(dated, w(dated)), None);
        assert!(is_closing_syndication_credit(dated, w(dated)));
        let body =
            "Source: officials in the ministry said the plan had been dropped after the vote.";
        assert_eq!(syndication_source(body, w(body)), None);
        assert_eq!(syndication_source("Sources say it is over", 5), None);
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            wire_source("WASHINGTON (Reuters) - The Senate voted on Tuesday.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            wire_source("MANILA, Nov. 24 (Xinhua) -- Philippine President ordered").as_deref(),
            None.or(Some("Xinhua"))
        );
        assert_eq!(wire_source("He said (Reuters) was wrong."), None);
    }

    #[test]
    fn picture_credits() {
        all_match(
            is_picture_credit,
            &[
                "Photo: Jane Roe, AP",
                "Photograph by Jane Roe",
                "Photo by Ev on Unsplash",
                "Foto: dpa",
                "Crédits photos : Bestimage",
                "(Image: GETTY)",
                "Jane Roe/imagebank.example.se",
                "Jane Roe/WENN.com",
                "Jane Roe / AP",
            ],
        );
        // Sentences that tell of a photograph are prose.
        none_match(
            is_picture_credit,
            &[
                "Photographs by the agency showed the damage to the bridge.",
                "The photo was taken by a tourist on Monday.",
                "Foto: Die Polizei sucht nach Zeugen des Unfalls am Montag.",
                // Labels of a table or a heading with a slash.
                "Leistung PS/KW",
                "SUPRATHERAPEUTIC PT/PTT",
                "Anreise Auto/Bahn",
            ],
        );
    }
}
