//! Every text pattern the chrome rules use, in one place.
//!
//! Each `is_*` function names what it detects. They look at one block's text
//! alone; context (position, neighbours, repetition) is the classifier's job.
//! Patterns are anchored and short-line-only where a long prose paragraph could
//! otherwise trip them: an article *about* copyright law must survive.

use regex::Regex;
use std::sync::LazyLock;

/// Compile a built-in pattern. Word edges are made ones the regex crate's
/// fast DFA runs that still hold beside non-ASCII letters ("Podziel się",
/// "únete"): see [`super::edges`]. `\W` becomes "not an ASCII letter or
/// digit" for the same reason: the patterns use it only to skip bullets and
/// punctuation before a key word.
pub(super) fn re(pattern: &str) -> Regex {
    let pattern = super::edges::ascii_fast_edges(pattern);
    regex::RegexBuilder::new(&pattern)
        // A larger lazy-DFA cache: case-insensitive multilingual patterns
        // have many states, and a cache that keeps being cleared costs more
        // than the memory.
        .dfa_size_limit(8 << 20)
        .build()
        .expect("built-in pattern compiles")
}

/// Longest line (in words) that a "prompt"-style rule (share, subscribe,
/// cookie, login) may judge. Real prompts are a handful of words; a paragraph
/// that mentions "subscribe" in passing is longer than this.
const PROMPT_MAX_WORDS: usize = 12;

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
        r"(?i)^\s*(source|sources|via|credit|credits|courtesy(?: of)?|quelle|fuente|fonte|source de l'article)\s*[:：]\s*(.{1,60}?)\s*$",
    )
});

/// "Syndication credit": `Source: Timesofoman`, `Via: AP`. Returns the source.
pub fn syndication_source(text: &str, words: usize) -> Option<String> {
    // A credit names an outlet in a few words and has no sentence punctuation;
    // "Source: officials said the plan was dropped." is a sentence, not a credit.
    if words > 6 || !text.contains([':', '：']) || !SYNDICATION.is_match(text) {
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

static SHARE_PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(share( this( article| story| page| post)?)?( on| via)?|tweet( this)?|pin it|e-?mail( this)?( article| story| page)?|print( this)?( article| story| page)?|follow (us|me)( on)?|like us( on)?|join us on|find us on|connect with us|facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|instagram|youtube|google\+|\d+\s*(shares?|comments?|likes?|views?)|comments?\s*\(?\d*\)?|leave a (comment|reply)|add (a )?comment|post a comment|(print|email|share)\W+(print|email|share)|partager|teilen|compartir|condividi|(diesen |den |jetzt )?(artikel|beitrag|seite|rezept) (teilen|drucken|merken|bewerten)|mit freunden teilen|rezept drucken|artikel bewerten|beitrag bewerten|pinnen|udostępnij|valora esta noticia|comparte (esta|esta nota|este artículo))\b|^\W*podziel się\b",
    )
});

/// "Share/follow prompt": `Share this article`, `Follow us on Twitter`, `12 comments`.
pub fn is_share_prompt(text: &str, words: usize) -> bool {
    words <= PROMPT_MAX_WORDS
        && !ends_like_sentence(text)
        // What follows the prompt word is short: "Share on Facebook", not a
        // headline that happens to start with "Print".
        && SHARE_PROMPT
            .find(text)
            .is_some_and(|m| text[m.end()..].chars().count() <= SHARE_TAIL_CHARS)
}

/// Characters a share prompt may have after its key word (the network
/// names, a count).
const SHARE_TAIL_CHARS: usize = 60;

static ACCOUNT_PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(sign (in|up|out)|log ?(in|out)|register|create (an |your )?account|my account|subscribe( now| today| here)?|subscribe to|get (our|the) newsletter|newsletter|sign up for|already a (subscriber|member)|forgot (your )?password|skip to (main )?(content|navigation)|jump to|back to top|go to top|top of page|toggle navigation|menu|search|close|open menu|advertisement|advertising|sponsored( content)?|ad choices|anzeige|publicidad|werbung)\b|^\W*(publicité|pubblicità)\b",
    )
});

/// "Account/navigation prompt": login, subscribe, newsletter, skip links, ad labels.
pub fn is_account_prompt(text: &str, words: usize) -> bool {
    words <= PROMPT_MAX_WORDS && ACCOUNT_PROMPT.is_match(text) && !ends_like_sentence(text)
}

/// A prompt to subscribe or follow, as a whole sentence: it opens with the
/// request and names the channel ("Sign up for our free daily newsletter",
/// "Abonniere unseren Newsletter", "Follow The Courier on Twitter and
/// Instagram"), promises the reader's inbox ("…right to your inbox"), or
/// stands before a paywall ("To view the full story, please subscribe",
/// "If you're already a subscriber, log in").
static SUBSCRIPTION_PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(subscribe|sign up|join|get|receive|abonniere|abonnieren sie|abonniert|melde dich|melden sie sich|bestellen sie|hol dir|erhalten sie|suscríbete|únete|inscrivez-vous|abonnez-vous)\b.*\b(newsletters?|inbox|e-?mail updates|posteingang)\b|^\W*(follow|folgen sie|folge|suivez|síguenos|únete)\b.*\b(twitter|facebook|instagram|linkedin|youtube|tiktok|mastodon)\b|\b(right |directly )?(to|in|into) (your|ihren?|deinen?) (inbox|posteingang)\b|\balready an? (subscriber|member)\b|\bto (view|read|continue reading) (the|this) (full )?(story|article)\b.*\bsubscri|\bsubscri\w* .*\bfor the full story\b",
    )
});

/// A prompt runs to a sentence or two.
const SUBSCRIPTION_PROMPT_MAX_WORDS: usize = 30;

/// "Subscription prompt": a newsletter, social-media or paywall request
/// spelled out as a sentence (the short ones are account prompts).
pub fn is_subscription_prompt(text: &str, words: usize) -> bool {
    words <= SUBSCRIPTION_PROMPT_MAX_WORDS
        // Every prompt names one of these; the scan rules out most lines.
        && SUBSCRIPTION_PROMPT_WORDS.is_match(text)
        && SUBSCRIPTION_PROMPT.is_match(text)
}

/// The channel words of [`SUBSCRIPTION_PROMPT`], one of which each of its
/// branches needs: a literal search that rules out most lines at once.
static SUBSCRIPTION_PROMPT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        "(?i)newsletter|inbox|updates|posteingang|twitter|facebook|instagram|linkedin|youtube|tiktok|mastodon|already|subscri",
    )
});

/// The channels a publisher points its readers to at the end of a story:
/// its app, newsletter, feed, podcast or social-media accounts.
const CHANNELS: &[&str] = &[
    "app",
    "apps",
    "newsletter",
    "newsletters",
    "channel",
    "canal",
    "kanal",
    "youtube",
    "telegram",
    "whatsapp",
    "twitter",
    "facebook",
    "instagram",
    "tiktok",
    "podcast",
    "podcasts",
    "feed",
    "ios",
    "android",
];

/// The imperatives a channel prompt opens with ("Follow The Courier on
/// Twitter", "Get the latest news straight to your phone with the
/// Courier app", "Folgt uns auf Instagram", "Mira …", "Suivez-nous").
/// "Sign" counts only as "Sign up".
const CHANNEL_VERBS: &[&str] = &[
    "follow",
    "find",
    "get",
    "download",
    "join",
    "visit",
    "like",
    "subscribe",
    "receive",
    "siga",
    "sigue",
    "mira",
    "descarga",
    "folgt",
    "folge",
    "folgen",
    "abonniere",
    "abonnieren",
    "hol",
    "holen",
    "lade",
    "laden",
    "suivez",
    "abonnez",
    "rejoignez",
    "segui",
    "seguici",
    "scarica",
    "obserwuj",
    "pobierz",
];

/// The publisher's possessive before its channel ("nuestro canal de
/// YouTube", "our RSS feed", "unserem Instagram-Account").
const PUBLISHER_POSSESSIVES: &[&str] = &[
    "our", "nuestro", "nuestros", "nuestra", "nuestras", "unser", "unsere", "unserem", "unseren",
    "unserer", "unseres", "notre", "nostro", "nostra", "nasz", "nasza", "nasze", "naszy",
];

/// Words a possessive may stand before its channel ("our free daily
/// newsletter" has two between).
const POSSESSIVE_CHANNEL_GAP: usize = 2;

/// A channel prompt is a sentence or two.
const CHANNEL_PROMPT_MAX_WORDS: usize = 40;

/// "Channel prompt": the publisher's pointer to its app, newsletter, feed or
/// social accounts. Judged only at the end of the story (see
/// `chrome::tail`), where such pointers stand.
pub fn is_channel_prompt(text: &str, words: usize) -> bool {
    if words > CHANNEL_PROMPT_MAX_WORDS {
        return false;
    }
    let is = |w: &str, list: &[&str]| list.iter().any(|l| l.eq_ignore_ascii_case(w));
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let Some(&first) = tokens.first() else {
        return false;
    };
    let imperative = if first.eq_ignore_ascii_case("sign") {
        tokens.get(1).is_some_and(|t| t.eq_ignore_ascii_case("up"))
    } else {
        is(first, CHANNEL_VERBS)
    };
    if imperative && tokens.iter().any(|t| is(t, CHANNELS)) {
        return true;
    }
    // The publisher's own channel: a possessive, then the channel within
    // a couple of words (not the platforms' names, which stories use).
    tokens.iter().enumerate().any(|(i, t)| {
        is(t, PUBLISHER_POSSESSIVES)
            && tokens[i + 1..]
                .iter()
                .take(POSSESSIVE_CHANNEL_GAP + 1)
                .any(|t| {
                    is(t, CHANNELS)
                        && !t.eq_ignore_ascii_case("ios")
                        && !t.eq_ignore_ascii_case("android")
                })
    })
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

/// The editor's note over or under a letters page or a story: how to send
/// the newsroom a letter, a tip or a story ("Submit your letter to the
/// editor via this form", "Send us your news tips", "Schicken Sie uns
/// Ihren Leserbrief"). It opens with the request: a story that reports a
/// letter to the editor does not.
static SUBMISSION_PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*((submit|send|share|e-?mail|write|mail)( us)? (your|a|an) (own )?(letters?|stor(y|ies)|news tips?|tips?|photos?|opinions?|op-eds?)\b|(have|got) a (news )?tip\b|(schicken|senden|schreiben|mailen) sie (uns )?(ihren?|einen) (leserbrief|meinung|hinweis|tipp)|(schick|sende|schreib) uns (deinen?|einen) (leserbrief|meinung|hinweis|tipp)|envoyez(-nous)? (votre|vos) (courrier|lettre|témoignage)|(envíe|envíenos|envía|envíanos) (su|tu) (carta|opinión|denuncia))",
    )
});

/// An editor's note of this kind is a sentence or two.
const SUBMISSION_PROMPT_MAX_WORDS: usize = 30;

/// The words every [`SUBMISSION_PROMPT`] opens with: the block's first
/// word is checked against them before the pattern runs.
const SUBMISSION_OPENINGS: &[&str] = &[
    "submit",
    "send",
    "share",
    "email",
    "e",
    "mail",
    "write",
    "have",
    "got",
    "schicken",
    "senden",
    "schreiben",
    "mailen",
    "schick",
    "sende",
    "schreib",
    "envoyez",
    "envíe",
    "envíenos",
    "envía",
    "envíanos",
];

/// "Submission prompt": the newsroom asking for letters, tips or stories.
pub fn is_submission_prompt(text: &str, words: usize) -> bool {
    words <= SUBMISSION_PROMPT_MAX_WORDS
        && first_word_is(text, SUBMISSION_OPENINGS)
        && SUBMISSION_PROMPT.is_match(text)
}

/// Is the text's first word (after bullets and punctuation) one of
/// `words` (lower-case), ignoring ASCII case? No allocation: it runs on
/// every block.
fn first_word_is(text: &str, words: &[&str]) -> bool {
    let word = text.trim_start_matches(|c: char| !c.is_alphabetic());
    // Most blocks open with a letter no listed word starts with.
    let Some(first) = word.bytes().next().map(|b| b.to_ascii_lowercase()) else {
        return false;
    };
    if !words.iter().any(|w| w.as_bytes()[0] == first) {
        return false;
    }
    let end = word
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(word.len(), |(i, _)| i);
    let word = &word[..end];
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
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

/// Longest label (in words) that introduces what follows it with a colon
/// ("Mehr Themen:", "Related on Courier:", "Weitere Informationen:").
const INTRO_LABEL_MAX_WORDS: usize = 8;

/// A short label that ends with a colon: it introduces what comes after it
/// and says nothing by itself.
pub fn is_intro_label(text: &str, words: usize) -> bool {
    words <= INTRO_LABEL_MAX_WORDS && text.trim_end().ends_with(':')
}

static COOKIE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bcookies?\b.*\b(use|uses|using|accept|consent|policy|settings|preferences|agree|continue|browsing|experience)\b|\b(use|uses|accept|consent)\b.*\bcookies?\b|\bgdpr\b",
    )
});

/// A cookie notice is a sentence or two...
const COOKIE_MAX_WORDS: usize = 60;
/// ...or, when it opens with the cookies, a paragraph of this many words.
const LONG_COOKIE_MAX_WORDS: usize = 150;
static COOKIE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*((we|this (web)?site|our (web)?site|[\w.-]+) (use|uses|is using) cookies|cookies (help|are used))\b",
    )
});

/// What only a banner says about its cookies: the site speaking of its own
/// ("we use cookies", "this website uses cookies", "our cookie policy"), the
/// reader's consent by an act ("by continuing", "you agree", "click
/// Accept"), or the banner's own controls ("cookie settings", "accept all").
/// A news story about cookie banners names cookies and consent in the third
/// person and has none of these.
static COOKIE_BANNER_VOICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(wir (verwenden|nutzen|setzen)|diese (web)?seite (verwendet|nutzt)|nous utilisons|utilizamos|please accept|by accepting)\b|\b(we|this (web)?site|our (web)?site|this page|[\w.-]+\.(com|org|net|de|co\.uk)) (use|uses|are using|is using|may use)\b|\bour (cookie|privacy|data)\b|\bby (continuing|clicking|using (this|our|the) (web)?site|browsing|staying|scrolling)\b|\byou (agree|consent|accept)\b|\b(click|press|select|tap)( on)? .?(accept|ok|agree|allow)|\b(accept|allow|reject|decline) all\b|\b(manage|change|update) (your )?(cookie|privacy)? ?(settings|preferences|choices)\b|\bcookie (settings|preferences|policy|richtlinie|einstellungen)\b",
    )
});

/// A cookie line this short is one of the banner's labels or buttons
/// ("Cookie settings", "Accept all cookies"), not a sentence about them.
const COOKIE_LABEL_MAX_WORDS: usize = 6;

/// "Cookie notice": `This site uses cookies. By continuing you agree…`.
pub fn is_cookie_notice(text: &str, words: usize) -> bool {
    // Cookie banners are one or two sentences; a long paragraph about cookies
    // (an article on tracking, say) is not a banner.
    if words > COOKIE_MAX_WORDS {
        // A consent banner spelled out in full (ad partners, data use, the
        // buttons to press) runs longer, but says what it is at once.
        return words <= LONG_COOKIE_MAX_WORDS && COOKIE_OPENING.is_match(text);
    }
    contains_any_ascii_ci(text, &["cookie", "gdpr"])
        && COOKIE.is_match(text)
        && (words <= COOKIE_LABEL_MAX_WORDS || COOKIE_BANNER_VOICE.is_match(text))
}

static BROWSER_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(best viewed (in|with)|upgrad(e|ing) your( web)? browser|(enable|turn on|activate) javascript|javascript (is|must be) (disabled|enabled|turned off|required)|your browser (does not|doesn't) support|(outdated|unsupported|old) (web )?browser|enabling style sheets|browser with style sheets|please (update|switch) your browser)\b",
    )
});

/// "Browser notice": `This page is best viewed in an up-to-date browser…`,
/// `Please enable JavaScript`. Sites print these to old or script-less
/// clients, which is exactly what a saved page looks like.
pub fn is_browser_notice(text: &str, words: usize) -> bool {
    // Notices run to two or three sentences; an article about browsers is longer.
    words <= 70
        && contains_any_ascii_ci(text, &["browser", "javascript", "style sheets"])
        && BROWSER_NOTICE.is_match(text)
}

static RELATED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(related( articles?| stories| posts| news| content| links| coverage| topics)?|((external|internal|useful|more|other|related|top|latest|recent|full list of|all) )?(links|headlines|articles|stories)( »| ›)?|([\p{L}.&]+ ){1,2}headlines|more (from|on|in|stories|news|articles|headlines)\b.*|more (?-i:\p{Lu})[\p{L}'.]*( (&|and|(?-i:\p{Lu})[\p{L}'.]*)){0,3}|(you|we think you) (may|might) (also )?(like|enjoy|be interested)|recommended( for you| stories| reading)?|further reading|see also|also (read|see|on)|read (more|next|also)|top stories|latest (news|stories|headlines)|trending( now)?|popular( now| stories)?|editor'?s? picks?|don'?t miss|around the web|from (around )?the web|((promoted|sponsored|paid|partner) (stories|links|content|posts)( by \w+)?)( (promoted|sponsored|paid|partner) (stories|links|content|posts))?|from our partners|news tracker|in (other|related) news|tags?|topics?|filed under|categories|category|lire aussi|à lire aussi|à lire également|vous aimerez aussi|voir aussi|mehr zum thema|lesen sie auch( die folgenden (beiträge|artikel))?|weitere (artikel|beiträge|nachrichten|themen)|auch interessant|(das|dies|das thema|diese themen|diese artikel) (könnte|könnten) (dich|sie|euch) (auch )?interessieren|lust auf mehr|inne artykuły( autora)?|polecamy|zobacz (też|także)|przeczytaj (też|także)|populäre artikel.*|viel gelesen.*|(aktuelle|neueste|letzte) kommentare|temas|etiquetas|schlagw(ö|o)rter|schlagworte|stichw(ö|o)rter|themen|neueste (artikel|beiträge)|ähnliche (artikel|beiträge)|verwandte (artikel|beiträge)|(le )?puede interesar|te puede interesar|leer más|vea también|leggi anche|leia também|veja também|lees ook|zie ook|czytaj (też|także)|читайте также|см\. также|похожие (статьи|новости)|関連記事|関連ニュース|相关(新闻|阅读|文章)|相關(新聞|閱讀|文章)|延伸閱讀|관련\s?(기사|뉴스))\W*$",
    )
});

/// "Most read" headers, alone or over a section ("Most read in Politics",
/// "Die meistgelesenen im Sport"). Apart from [`RELATED_HEADER`]: written
/// there as a bounded run of a letter class (`{1,30}`), the section alone
/// took half of the process's pattern-compile time (30 ms, paid again by
/// every run on one page); its length is checked on the capture instead.
/// ("in der" before "in": the shorter section is the one to measure.)
static MOST_READ_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(most (read|popular|viewed|shared|emailed|commented)|mais (lidas|lidos|vistas|vistos)|más (leídas|leídos|vistas|vistos)|les plus (lus|lues|partagés)|(die )?meistgelesenen?|(i )?più (letti|lette)|najczęściej czytane|самое читаемое)( (in der|in|on|em|en|dans|im|na|w) (?P<section>[\p{L}&.' ]+))?\W*$",
    )
});

/// Longest section name under a "most read" header, in characters.
const MOST_READ_SECTION_MAX_CHARS: usize = 30;

fn is_most_read_header(text: &str) -> bool {
    let Some(caps) = MOST_READ_HEADER.captures(text) else {
        return false;
    };
    // Trailing non-word characters could as well be the line's end.
    caps.name("section").is_none_or(|s| {
        s.as_str()
            .trim_end_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .chars()
            .count()
            <= MOST_READ_SECTION_MAX_CHARS
    })
}

/// The label of a "see also" link set into the story, in the languages
/// we have met: the label, then a colon or an arrow, then the other
/// story's linked headline ("Czytaj też: …", "Le puede interesar: …",
/// "Lesen Sie hier: …", "VEA TAMBIÉN: …").
static SEE_ALSO_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(read (also|more|next)|see also|also read|related( story| article)?|recommended|more on this( story)?|lesen sie (auch|hier|mehr|dazu|weiter)|lies auch|mehr zum thema|mehr dazu|auch interessant|siehe auch|zum thema|weiterlesen|lire aussi|à lire aussi|à lire également|lire également|voir aussi|sur le même sujet|(también )?(le|te) puede interesar|(lea|lee|vea|ver|mira) también|noticia relacionada|leggi anche|vedi anche|potrebbe interessarti|leia também|veja também|saiba mais|czytaj (też|także|więcej)|zobacz (też|także)|przeczytaj (też|także|również)|lees ook|zie ook|читайте также)\s*(:|»|›|>>|→)",
    )
});

/// A "see also" line is a label and one headline.
const SEE_ALSO_MAX_WORDS: usize = 30;

/// Share of the text after the label that is link text: the headline is
/// the link (an author's sentence that starts "See also:" and names a
/// source in passing links a word or two).
const SEE_ALSO_MIN_LINK_SHARE: f32 = 0.5;

/// "See-also link": a pointer to another story set into the article, a
/// label and the other story's linked headline on a line of its own.
/// `link_chars` is the block's link text in characters.
pub fn is_see_also_link(text: &str, words: usize, link_chars: usize) -> bool {
    if words > SEE_ALSO_MAX_WORDS || link_chars == 0 {
        return false;
    }
    let Some(label) = SEE_ALSO_LABEL.find(text) else {
        return false;
    };
    let rest = text[label.end()..].chars().count();
    rest > 0 && link_chars as f32 >= SEE_ALSO_MIN_LINK_SHARE * rest as f32
}

/// "Related-articles header": the heading above a list of teasers.
pub fn is_related_header(text: &str, words: usize) -> bool {
    words <= 8 && (RELATED_HEADER.is_match(text) || is_most_read_header(text))
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

/// "Picture credit": the photographer and agency of a picture the text
/// does not carry.
pub fn is_picture_credit(text: &str, words: usize) -> bool {
    words <= PICTURE_CREDIT_MAX_WORDS && !ends_like_sentence(text) && PICTURE_CREDIT.is_match(text)
}

/// A reading-time label: a number of minutes and the word for reading, in
/// either order ("4 Min Read", "Lesezeit: 3 Minuten", "11 minut czytania",
/// "Temps de lecture : 5 min").
static READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*((reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura|czas czytania)\W*(ca\.?\s*)?\d+\s*(min|mins|minutes?|minuten|minut|minutos|minuti)\.?|(ca\.?\s*)?\d+\s*(min|mins|minutes?|minuten|minut|minutos|minuti)\.?\s*(read|reading|to read|read time|reading time|lesezeit|lesedauer|czytania|de lecture|de lectura|de leitura|di lettura))\W*$",
    )
});

/// Longest reading-time label: the number, its unit and two or three words.
const READING_TIME_MAX_WORDS: usize = 6;

/// "Reading time": `4 min read`, `Lesezeit: 3 Minuten`. The article's
/// length as the page's template prints it above the story.
pub fn is_reading_time(text: &str, words: usize) -> bool {
    words <= READING_TIME_MAX_WORDS && READING_TIME.is_match(text)
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

/// "More link": a short label ending in `»` or `›` (`World »`, `more »`,
/// `Full coverage ›`) points to another page: navigation, not text.
pub fn is_more_link(text: &str, words: usize) -> bool {
    words <= 6
        && text.trim_end().ends_with(['»', '›', '→'])
        && !is_guillemet_quote(text)
        && !closes_a_quote(text)
}

/// Does the line end with the closing guillemet of a quotation opened in
/// it ("Einschränkung ist «verschmerzbar»")? The mark hugs the quoted
/// word; an arrow stands apart from its label ("World »").
fn closes_a_quote(text: &str) -> bool {
    let text = text.trim_end();
    let mut chars = text.chars().rev();
    let (Some(close), Some(before)) = (chars.next(), chars.next()) else {
        return false;
    };
    let open = match close {
        '»' => '«',
        '›' => '‹',
        _ => return false,
    };
    !before.is_whitespace() && chars.any(|c| c == open)
}

/// A line wholly inside guillemets (`«Storming the Sazerac»`, German
/// `»Zitat«`, single `‹…›`): a quotation or a quoted title, whose closing
/// mark is no "more" arrow and whose two marks are no menu separators.
/// The marks hug the words they quote; a pager's arrows stand apart
/// ("« Previous Story Next Story »"), and with a separator inside the
/// line is a pager too ("« Older post | Main | Newer post »").
pub fn is_guillemet_quote(text: &str) -> bool {
    let text = text.trim();
    let mut chars = text.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    let inner = chars.as_str();
    matches!(
        (open, close),
        ('«', '»') | ('»', '«') | ('‹', '›') | ('›', '‹')
    ) && !inner.starts_with(char::is_whitespace)
        && !inner.ends_with(char::is_whitespace)
        && !inner.contains(['|', '«', '»', '‹', '›', '·', '•', '¦'])
}

static TEASER_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    // The phrase, then at most an ellipsis or an arrow: "… continue
    // reading." with a full stop is the end of a sentence, not a link.
    re(
        r"(?i)(\s|^)((mehr|more|plus|más|altro|meer|więcej|далее|подробнее)\s*(…|\.\.\.|»|›|>>|→)|((read|see|view) (the )?(more|full (story|article|post))|continue reading|weiterlesen|lire la suite|leer más|leggi tutto|lees meer|czytaj więcej)\s*(…|\.\.\.|»|›|>>|→)?|\[(…|\.\.\.)\]|\((more|mehr)(…|\.\.\.)?\))\s*$",
    )
});

/// The link label printed after a teaser's last sentence without an
/// ellipsis or arrow: "…before it controls you. More", "…for the holiday.
/// More Details", "…its fingertips. Full Story".
static TEASER_LINK_AFTER_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"(?i)[.!?…]["'”’)]?\s+(more|more details|details|full story|full article|read more|read on)\s*$"#,
    )
});

/// Words a teaser summary is at least this long: a bare "More…" is a
/// [`is_more_link`]-style label, judged by the other rules.
const TEASER_MIN_WORDS: usize = 6;

/// "Teaser summary": the blurb of another article in a list, ending with its
/// "more" link (`… Mehr…`, `… Read more »`, `… Continue reading`, `[…]`).
/// An article's own paragraphs do not end by pointing elsewhere.
/// A line of a text dump whose columns were laid side by side (runs of
/// spaces between them): its end may belong to another column.
fn has_column_gap(text: &str) -> bool {
    text.contains("    ")
}

pub fn is_teaser_summary(text: &str, words: usize) -> bool {
    if words < TEASER_MIN_WORDS || has_column_gap(text) {
        return false;
    }
    let end = tail(text, 48);
    // Cheap first: the last word must be one a teaser's link label ends in.
    let last = end
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    TEASER_TAIL.is_match(end)
        || ["more", "details", "story", "article", "on"]
            .iter()
            .any(|w| last.eq_ignore_ascii_case(w))
            && TEASER_LINK_AFTER_SENTENCE.is_match(end)
}

/// The last `max` bytes of `text` (at a character boundary, after a space
/// when there is one), for patterns anchored at the end.
fn tail(text: &str, max: usize) -> &str {
    let t = text.trim_end();
    if t.len() <= max {
        return t;
    }
    let mut start = t.len() - max;
    while !t.is_char_boundary(start) {
        start += 1;
    }
    match t[start..].find(' ') {
        Some(sp) => &t[start + sp..],
        None => &t[start..],
    }
}

static COMMENTS_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(\d+\s+of\s+)?(\d+\s+)?(comments? (are|is) (now )?closed.{0,40}|(post (a|your) comment\s+\d+\s+)?comments?\s+(and|&)\s+\d+\s+(replies|reply)|post (a|your) comment\s+\d+\s+comments?|no comments yet.{0,20}|(comments?|responses?|replies)\s+(add|leave|post|write) (a|your) (comment|reply)|(comments?|responses?)\W{0,3}(read them below|add (one|yours)|join the (discussion|conversation)).{0,30}|be the first to comment.{0,20}|(add|post) (a )?new comment|comment viewing options|comments?|responses|\d+\s+response|replies|reader comments|discussion|leave a (comment|reply)|add (your|a) comment|post (a|your) comment|join the (discussion|conversation)|what do you think\??|have your say|kommentare?|commentaires?|comentarios?|commenti)(\s*\(\d+\))?(\s+(loaded|shown)\b.{0,40})?\W*$",
    )
});

static BARE_COMMENTS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\W*(comments?|discussion|kommentare?|commentaires?|comentarios?|commenti)\W*$")
});

/// A comments header that is just the word ("Comments"), without a count or
/// a call to write one: also a menu label for an opinion section.
pub fn is_bare_comments_label(text: &str) -> bool {
    BARE_COMMENTS_LABEL.is_match(text)
}

static LINK_POINTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(related\b|read (more|also|the full|comments)|see (also|more)|more\b|lire aussi|continue reading|skip to|article continues|chapter continues|next\b|prev|back\b|go back|return to|(back )?to top\b|top$|home$|view (larger|full|all|photos?|gallery|my complete)|enlarge|larger (picture|image)|click (here|to)|buy (this |a copy )?(photo|copy|picture)?|photos?$|videos?$|print|printer|e-?mail|send (this|us|to)|share|comments?\b|post (a )?comment|report (as|abuse)|discuss|talk ?back|digg|furl|bookmark|reprints?\b|single page|text size|choose text|advertise|just register|sign up|subscribe|follow @|remove this)",
    )
});

/// "Link pointer": a link line inside an article that points away from it
/// ("Related: …", "Read more: …", "See also", "Lire aussi : …") or works
/// the page ("Continue reading the main story", "Skip to next paragraph",
/// "Back to top", "View larger image", "Click to enlarge", "Print",
/// "E-mail", "Post a comment", "Bookmark", "Reprints", "Text size",
/// "Follow @…", "Remove this ad") rather than being a link the author
/// listed as part of the text.
pub fn is_link_pointer(text: &str) -> bool {
    LINK_POINTER.is_match(text)
}

/// Mathematical operators and relations that prose and tables of figures
/// do not use.
const MATH_OPERATORS: &[char] = &[
    '=', '−', '≠', '≤', '≥', '±', '×', '÷', '∑', '∏', '∫', '∂', '∇', '→', '⋅', '√', '∞', '≈', '∈',
    '⊂',
];

/// A displayed formula rendered as text ("x = − b ± b 2 − 4 a c 2 a",
/// "( ∑ k = 1 n a k b k ) 2 ≤ …"): mostly one-character tokens, with
/// at least two mathematical operators.
pub fn is_formula(text: &str) -> bool {
    // ('=' is the one ASCII operator: other ASCII characters skip the list.)
    let operators = text
        .chars()
        .filter(|c| {
            if c.is_ascii() {
                *c == '='
            } else {
                MATH_OPERATORS.contains(c)
            }
        })
        .count();
    if operators < 2 {
        return false;
    }
    let (mut tokens, mut single) = (0usize, 0usize);
    for t in text.split_whitespace() {
        tokens += 1;
        single += usize::from(t.chars().count() == 1);
    }
    single * 2 >= tokens
}

static LEAKED_MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"^<(/?[a-zA-Z][a-zA-Z0-9]*(\s+[a-zA-Z-]+(=("[^"]*"|'[^']*'|[^\s>]*))?)*\s*/?|!--.*)>"#)
});

/// "Leaked markup": a line that starts with an HTML tag and is mostly tags
/// (a text dump that kept the `<div style=…><img src=…>` of an ad or a
/// tracker as text). Prose that mentions a tag does not start with one, and
/// a paragraph still wrapped in its `<p>` is mostly text.
pub fn is_leaked_markup(text: &str) -> bool {
    text.starts_with('<')
        && LEAKED_MARKUP.is_match(text)
        && markup_share(text) > LEAKED_MARKUP_MIN_SHARE
}

/// A server's error message printed into the page by a broken script:
/// "Warning: Use of undefined constant … in /var/www/…/plugin.php on line
/// 928", "Notice: Undefined index: …", "Deprecated: …", "Fatal error: …".
/// The level and colon open it, the script's path and line close it; prose
/// that quotes one does not end on the path.
static SERVER_MESSAGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(warning|notice|deprecated|strict standards|(catchable |recoverable )?fatal error|parse error)\s*:.*\bin\s+\S+\.(php\d?|inc|phtml)\s+on\s+line\s+\d+\W*$",
    )
});

/// "Server message": a script's error message that leaked into the page.
/// Checked only on lines that name a line number (a literal scan first).
pub fn is_server_message(text: &str) -> bool {
    text.contains(" on line ") && SERVER_MESSAGE.is_match(text)
}

/// Leaked markup is mostly tags (an ad's `<div style=…><img src=…>` is
/// nearly all tag); a heading about tags names two and says something
/// ("<ul> List of <img>": exactly half of it).
const LEAKED_MARKUP_MIN_SHARE: f32 = 0.5;

/// Share of the characters that sit inside `<…>`.
fn markup_share(text: &str) -> f32 {
    let mut inside = false;
    let mut tagged = 0usize;
    let mut total = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '<' {
            inside = true;
        }
        if inside {
            tagged += 1;
        }
        if c == '>' {
            inside = false;
        }
    }
    tagged as f32 / total.max(1) as f32
}

/// WordPress's "45 Responses to “The Post's Title”": a count, then the title.
static RESPONSES_TO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\W*\d+\s+(responses?|comments?|thoughts?|replies)\s+(to|on)\s+\W*\w")
});

/// A "responses to" header with a title this long is still a header; longer
/// is a sentence that starts with a number.
const RESPONSES_TO_MAX_WORDS: usize = 25;

/// "Comments header": marks the start of a comment section.
pub fn is_comments_header(text: &str, words: usize) -> bool {
    words <= 8 && COMMENTS_HEADER.is_match(text)
        || words <= RESPONSES_TO_MAX_WORDS
            && RESPONSES_TO.is_match(text)
            && !ends_like_sentence(text)
}

/// The forms of a comment signature, each matched as the whole line (less
/// non-word characters at either end), each with a test that every line it
/// matches passes. In ASCII text only the forms whose test passes are tried:
/// as one pattern their free-text gaps (`.{0,80}`) made every new line build
/// lazy-DFA states, tens of thousands of instructions a line. (In other text
/// the pattern's case-insensitive letters may match non-ASCII ones, `ſ` as
/// `s`: every form is tried.)
const COMMENT_SIGNATURE_FORMS: [&str; 10] = [
    r"by\s+\S{1,40}\s+\(\d+\)",
    r"re:\s*\(\s*score:\s*-?\d.*",
    r".{0,80}\(\s*score:\s*-?\d+[^)]*\).{0,40}",
    r"(posted|written|submitted|commented)?\s*by:?\s+\S.{0,60}?\s*(\bon\b|\bat\b|@|\||,|-)\s*.{0,40}\d.*",
    r".{0,40}report (this )?(comment|post|abuse).{0,20}",
    r".{1,40}\s+(wrote|said|says|writes)\s*:",
    r"(\d+\s+(points?|likes?|votes?)\s*)?(reply|report( abuse| comment)?|flag|permalink|recommend|quote)(\s*(\||·|-)\s*(reply|report( abuse)?|flag|permalink|share|recommend|quote))+",
    r".{0,60}\b(up|down)?\s*reply actions",
    r"display:\s*expanded.*",
    r"\d+\s+(minutes?|hours?|days?|weeks?|months?)\s+ago(\s*(\||·)?\s*reply)?",
];

static COMMENT_SIGNATURE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    COMMENT_SIGNATURE_FORMS
        .iter()
        .map(|form| re(&format!(r"(?i)^\W*(?:{form})\W*$")))
        .collect()
});

/// Does `text` match one of [`COMMENT_SIGNATURE_FORMS`]?
fn matches_comment_signature(text: &str) -> bool {
    let forms = &*COMMENT_SIGNATURE;
    if !text.is_ascii() {
        return could_be_signature(text) && forms.iter().any(|r| r.is_match(text));
    }
    // (Every line a form matches passes [`could_be_signature`] too; in ASCII
    // text the tests below decide which forms to try instead.)
    let lower = text.to_ascii_lowercase();
    // Where the pattern's `^\W*` leaves the line.
    let opening = lower.trim_start_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
    let starts = |w: &str| opening.starts_with(w);
    let has = |w: &str| lower.contains(w);
    let starts_digit = opening.starts_with(|c: char| c.is_ascii_digit());
    let digit = lower.bytes().any(|b| b.is_ascii_digit());
    // Most lines have no colon and no "rep": they skip the substring
    // searches of the forms that need them (a search each for every short
    // line added up to a large share of this test).
    let colon = text.contains(':');
    let rep = has("rep");
    let may: [bool; 10] = [
        starts("by") && text.contains('('),
        colon && starts("re:") && has("score:"),
        colon && has("score:"),
        ["by", "posted", "written", "submitted", "commented"]
            .iter()
            .any(|w| starts(w))
            && digit,
        rep && has("report "),
        colon && ["wrote", "said", "says", "writes"].iter().any(|w| has(w)),
        text.contains(['|', '·', '-'])
            && (starts_digit
                || ["reply", "report", "flag", "permalink", "recommend", "quote"]
                    .iter()
                    .any(|w| starts(w))),
        rep && has("reply actions"),
        starts("display:"),
        starts_digit && has("ago"),
    ];
    forms
        .iter()
        .zip(may)
        .any(|(r, may)| may && r.is_match(text))
}

/// A commenter's name and how long ago they wrote: `TonyZ (6 days ago)`.
/// (Apart from [`COMMENT_SIGNATURE`]: its free-text gaps would multiply
/// that pattern's states.)
static NAME_AND_AGE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\W*\S.{0,40}\(\s*\d+\s+(minutes?|hours?|days?|weeks?|months?|years?)\s+ago\s*\)\s*$")
});

/// "Comment signature": the line under or above a reader comment
/// (`by jdoe on Aug 8, 2012 7:01 PM`, `Jane wrote:`, `Reply | Report abuse`,
/// `3 hours ago`).
pub fn is_comment_signature(text: &str, words: usize) -> bool {
    // Signatures are short; a paragraph quoting "he wrote:" is not one. The
    // pattern is costly (free-text gaps), so a keyword check comes first.
    words <= 20 && matches_comment_signature(text)
        || words <= NAME_DATE_MAX_WORDS && is_name_and_date(text)
        || words <= NAME_DATE_MAX_WORDS
            && text.trim_end().ends_with("ago)")
            && NAME_AND_AGE.is_match(text)
}

/// A name-and-date comment heading, told from a dateline ("Luxembourg, July
/// 1 2010"): it is numbered or bulleted, carries a time, or joins name and
/// date with a dash, a bar, "on" or "says".
fn is_name_and_date(text: &str) -> bool {
    let t = text.trim_start();
    let b = t.as_bytes();
    // Every form ends in a year (four digits): the cheapest test, first.
    if !b.windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
        return false;
    }
    let numbered = t.starts_with(|c: char| c.is_ascii_digit() || "*+•-".contains(c));
    let timed = t.contains(':');
    let joined = || {
        [
            " - ", " – ", " — ", " | ", " on ", " says", " said", " wrote",
        ]
        .iter()
        .any(|j| t.contains(j))
    };
    if !(numbered || timed || joined()) {
        return false;
    }
    let has_month = b.windows(3).any(|w| {
        let w = [
            w[0].to_ascii_lowercase(),
            w[1].to_ascii_lowercase(),
            w[2].to_ascii_lowercase(),
        ];
        MONTH_PREFIXES.iter().any(|m| m.as_bytes() == w)
    });
    has_month
        && NAME_AND_DATE
            .captures(t)
            .and_then(|c| c.name("name"))
            .is_some_and(|n| looks_like_commenter(n.as_str()))
}

/// The first three letters of every month, lowercase: a cheap test before
/// the name-and-date pattern.
const MONTH_PREFIXES: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A name-and-date line is at most this long ("12. Mary Jane Smith -
/// October 22, 2012 at 1:57 pm").
const NAME_DATE_MAX_WORDS: usize = 14;

/// A comment's heading line: an optional number or bullet, a name, then a
/// full date and maybe a time (`1 Melinda October 22, 2012 at 1:57 pm`,
/// `1. Joel Leigh - 29 August, 2011`). A dateline of an article starts with
/// the date or has no name before it.
static NAME_AND_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // Case-insensitive only where needed and no Unicode letter classes: the
    // name is any run of up to five tokens, checked in code
    // ([`looks_like_commenter`]); this keeps the pattern cheap to build.
    const MONTH: &str = r"(?i:jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)";
    let date = format!(
        r"({MONTH}\.?[ \t]+\d{{1,2}}(st|nd|rd|th)?,?[ \t]+\d{{4}}|\d{{1,2}}(st|nd|rd|th)?[ \t]+{MONTH},?[ \t]+\d{{4}})"
    );
    re(&format!(
        r"^(\d{{1,4}}\.?[ \t]+|[*+o•-][ \t]+)?(?P<name>[^ \t\d][^ \t]*([ \t]+[^ \t]+){{0,4}}?)[ \t]*(-|–|—|\||,|on|says:?|said:?|wrote:?)?[ \t]*{date}([ \t]*(at|@|-|,)?[ \t]*\d{{1,2}}:\d{{2}}([ \t]*[aApP]\.?[mM]\.?)?)?\W*$"
    ))
});

/// The name part of a name-and-date heading: one token (a nickname, any
/// case), or up to five capitalised words (a parenthesised place allowed).
fn looks_like_commenter(name: &str) -> bool {
    let tokens: Vec<&str> = name.split_whitespace().collect();
    match tokens.len() {
        0 => false,
        1 => tokens[0]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '@'),
        _ => tokens.iter().all(|t| {
            t.starts_with('(')
                || t.ends_with(')')
                || t.chars().next().is_some_and(char::is_uppercase)
        }),
    }
}

/// A cheap test that every line [`COMMENT_SIGNATURE`] matches passes, form
/// by form, so that the costly pattern runs on few lines: "by …"/"posted
/// by …" first, "… wrote:" last, a score, a figure then "ago", "report this
/// comment", or action words joined by separators ("Reply | Report abuse").
/// (The keywords alone let through every "reported", "again" and "flag".)
fn could_be_signature(text: &str) -> bool {
    let first = first_word_lower(text);
    if matches!(
        first.as_str(),
        "by" | "posted" | "written" | "submitted" | "commented"
    ) || text.trim_end().ends_with(':')
    {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    if ["score:", "expanded", "reply actions"]
        .iter()
        .any(|k| lower.contains(k))
    {
        return true;
    }
    let starts_with_figure = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(|c: char| c.is_ascii_digit());
    if starts_with_figure && lower.contains("ago") {
        return true;
    }
    if [
        "report this",
        "report comment",
        "report post",
        "report abuse",
    ]
    .iter()
    .any(|k| lower.contains(k))
    {
        return true;
    }
    text.contains(['|', '·', '-'])
        && ["reply", "report", "flag", "permalink", "recommend", "quote"]
            .iter()
            .any(|k| lower.contains(k))
}

/// The first run of letters, lowercased (bullets and punctuation skipped).
fn first_word_lower(text: &str) -> String {
    let word = text.trim_start_matches(|c: char| !c.is_alphabetic());
    let end = word
        .char_indices()
        .take_while(|(_, c)| c.is_alphabetic())
        .take(12)
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &word[..end];
    // An ASCII word (most) lowercases byte by byte, as the Unicode way would.
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.chars().flat_map(char::to_lowercase).collect()
    }
}

/// Does `text` contain any of the (lowercase ASCII) `needles`, ignoring
/// ASCII case? A cheap filter before a costly pattern: no lowercase copy,
/// only the places where a needle's first letter stands (either case) are
/// compared.
pub(super) fn contains_any_ascii_ci(text: &str, needles: &[&str]) -> bool {
    let hay = text.as_bytes();
    needles.iter().any(|n| {
        let n = n.as_bytes();
        let Some(&first) = n.first() else {
            return true;
        };
        memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).any(|i| {
            hay.get(i..i + n.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(n))
        })
    })
}

/// Separator characters menus are flattened with (`Home | News | Sport`,
/// `Home » World › Europe`). A `match`, not a list searched: every
/// character of a block that does not end like a sentence is checked.
fn is_menu_separator(c: char) -> bool {
    matches!(
        c,
        '|' | '»' | '›' | '·' | '•' | '/' | '>' | '«' | '‹' | '¦' | '◦' | '▪' | '–'
    )
}

/// A run of capitalised words this long with no punctuation is a menu:
/// headlines are shorter, and prose — even German, which capitalises nouns —
/// stays far below [`TITLE_RUN_MIN_CAPS`] capitalised words.
const TITLE_RUN_MIN_WORDS: usize = 15;
const TITLE_RUN_MIN_CAPS: f32 = 0.75;

/// A run of capitalised words this long...
const LONG_TITLE_RUN_MIN_WORDS: usize = 30;
/// ...with at least this share capitalised is a list of names, whatever
/// its punctuation.
const LONG_TITLE_RUN_MIN_CAPS: f32 = 0.85;

/// "Flattened menu": a line of short items joined by separators, such as a
/// breadcrumb or a navigation bar rendered on one line; or a navigation bar
/// flattened with no separator at all (`JUMP TO: Other Blogs The White House
/// Blog Middle Class Task Force Council of Economic Advisers …`).
pub fn is_flattened_menu(text: &str, words: usize) -> bool {
    // Counted by spaces: a CJK line counts a word per character but has
    // few spaces. A row of a text table (columns apart by runs of spaces)
    // is data, not a menu.
    // Cheapest tests first: prose has a full stop or a comma early on.
    if words >= TITLE_RUN_MIN_WORDS
        && !text.contains(['.', ',', ';', '"', '(', '“', '。', '，', '、'])
        && !has_column_gap(text)
        && text.split_whitespace().count() >= TITLE_RUN_MIN_WORDS
        && title_case_ratio(text) >= TITLE_RUN_MIN_CAPS
    {
        return true;
    }
    // A long run in which nearly every word is capitalised is a list of
    // names (a drop-down of film titles, a directory of services) even with
    // a stray full stop in it ("Aliens vs. Predator"); prose, German
    // included, stays far below this share.
    if words >= LONG_TITLE_RUN_MIN_WORDS && !has_column_gap(text) && mostly_capitalised(text) {
        return true;
    }
    // (Every block passes here, long prose too: the cheap tests first.)
    if ends_like_sentence(text) || words <= CODE_LINE_MAX_WORDS && looks_like_code(text) {
        return false;
    }
    let mut separators = text.chars().filter(|&c| is_menu_separator(c)).count();
    // (Few lines hold a guillemet: the second pass only for those.)
    if separators >= 2 && text.contains(['«', '»', '‹', '›']) {
        separators -= quoting_guillemets(text);
    }
    if separators < 2 {
        return false;
    }
    // Items average three words or fewer: a menu, not a sentence with a slash.
    let items = separators + 1;
    words <= items * 3
}

/// How many guillemets in a line quote a word rather than separate items:
/// one hugging a word quotes it ("ist «verschmerzbar»", "«Ja!»"); one
/// standing apart, or doubled, separates ("Home » News", "‹‹ Older").
fn quoting_guillemets(text: &str) -> usize {
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    let mut quoting = 0;
    while let Some(c) = chars.next() {
        if matches!(c, '«' | '»' | '‹' | '›') {
            let next = chars.peek().copied().unwrap_or(' ');
            quoting += usize::from(
                next.is_alphanumeric()
                    || prev.is_alphanumeric()
                    || matches!(prev, '.' | '!' | '?' | '…'),
            );
        }
        prev = c;
    }
    quoting
}

/// A line of program code (`console.log(req.method); // "GET"`,
/// `if (x) {`): its slashes are operators and comments, not a menu's
/// separators. Only short lines: a long one is a page's script leaked into
/// a text dump, chrome whatever it is judged as.
const CODE_LINE_MAX_WORDS: usize = 12;

fn looks_like_code(text: &str) -> bool {
    let t = text.trim_end();
    t.contains(");") || t.ends_with(['{', '}', ';'])
}

/// A long run of words nearly all capitalised ([`LONG_TITLE_RUN_MIN_CAPS`]),
/// with figures in at most a tenth of them (names with figures, "Criner,
/// Dellena 4-7 7-8 17; …", are a box score, the article's data). Stops at
/// the first few lowercase words, so prose costs little.
fn mostly_capitalised(text: &str) -> bool {
    let tokens = text.split_whitespace().count();
    if tokens < LONG_TITLE_RUN_MIN_WORDS {
        return false;
    }
    let max_lower = ((1.0 - LONG_TITLE_RUN_MIN_CAPS) * tokens as f32) as usize;
    let (mut words, mut lower, mut figures) = (0usize, 0usize, 0usize);
    for t in text.split_whitespace() {
        if t.bytes().any(|b| b.is_ascii_digit()) {
            figures += 1;
            if figures * 10 > tokens {
                return false;
            }
        }
        let Some(first) = t.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        words += 1;
        if !first.is_uppercase() {
            lower += 1;
            if lower > max_lower {
                return false;
            }
        }
    }
    words > 0 && (words - lower) as f32 >= LONG_TITLE_RUN_MIN_CAPS * words as f32
}

/// Does the text end like a sentence (terminal punctuation, maybe in quotes)?
pub fn ends_like_sentence(text: &str) -> bool {
    // (A `matches!`, not a search of a string of closers: every block
    // passes here, some more than once.)
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
    });
    t.ends_with(['.', '!', '?', '。', '！', '？', '…', ':', ';']) && !t.ends_with("...")
        || t.ends_with("...") && t.len() > 80
}

/// Share of words that start with a capital letter: headlines and menu items
/// are Title Case, prose is not.
pub fn title_case_ratio(text: &str) -> f32 {
    let mut total = 0;
    let mut caps = 0;
    for w in text.split_whitespace() {
        let Some(first) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        total += 1;
        if first.is_uppercase() {
            caps += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        caps as f32 / total as f32
    }
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*((?i:by|von|par|por|di|door|av|przez|автор:?))\s+([\p{Lu}][\p{L}'.-]+(?:\s+(?:[\p{Lu}][\p{L}'.-]+|van|von|de|da|del|der|la|le|and|&|,)){0,8})",
    )
});

/// A byline runs to a few names; longer, it is a sentence ("By the time
/// the vote came, …").
const BYLINE_MAX_WORDS: usize = 16;

/// "Byline": `By Jane Doe and John Roe` at the start of a short line.
/// Returns the author names as written.
pub fn byline_author(text: &str, words: usize) -> Option<String> {
    if words > BYLINE_MAX_WORDS
        || !matches!(
            first_word_lower(text).as_str(),
            "by" | "von" | "par" | "por" | "di" | "door" | "av" | "przez" | "автор"
        )
        || !BYLINE.is_match(text)
    {
        return None;
    }
    let caps = BYLINE.captures(text)?;
    let name = caps
        .get(2)?
        .as_str()
        .trim()
        .trim_end_matches([',', '&'])
        .trim();
    // A date that follows the name ("By Jane Doe March 18") is not part of it.
    let name: Vec<&str> = name
        .split_whitespace()
        .take_while(|w| !crate::metadata::date::is_date_word(w))
        .collect();
    let name = name.join(" ");
    let name = name
        .trim_end_matches([',', '&'])
        .trim_end_matches(" and")
        .trim_end_matches(" And")
        .trim()
        .to_string();
    if name.is_empty() || name.split_whitespace().count() > 8 {
        return None;
    }
    Some(name)
}

/// Normalise a line for equality tests (repeats, templates, glued suffixes):
/// lowercase, letters and digits only, single spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        // ASCII (most text) takes the cheap ASCII tests; they agree with the
        // Unicode ones on it.
        let alphanumeric = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if alphanumeric {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_math_operators_ascii_check_names_the_lists_ascii_member() {
        let ascii: Vec<char> = MATH_OPERATORS
            .iter()
            .copied()
            .filter(char::is_ascii)
            .collect();
        assert_eq!(ascii, ['=']);
    }

    /// The single pattern the comment signature forms were split from.
    static WHOLE_COMMENT_SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^\W*(by\s+\S{1,40}\s+\(\d+\)|re:\s*\(\s*score:\s*-?\d.*|.{0,80}\(\s*score:\s*-?\d+[^)]*\).{0,40}|(posted|written|submitted|commented)?\s*by:?\s+\S.{0,60}?\s*(\bon\b|\bat\b|@|\||,|-)\s*.{0,40}\d.*|.{0,40}report (this )?(comment|post|abuse).{0,20}|.{1,40}\s+(wrote|said|says|writes)\s*:|(\d+\s+(points?|likes?|votes?)\s*)?(reply|report( abuse| comment)?|flag|permalink|recommend|quote)(\s*(\||·|-)\s*(reply|report( abuse)?|flag|permalink|share|recommend|quote))+|.{0,60}\b(up|down)?\s*reply actions|display:\s*expanded.*|\d+\s+(minutes?|hours?|days?|weeks?|months?)\s+ago(\s*(\||·)?\s*reply)?)\W*$",
        )
    });

    proptest::proptest! {
        #[test]
        fn comment_signature_forms_match_what_the_one_pattern_matched_on_any_mix(
            tokens in proptest::collection::vec(
                proptest::sample::select(&[
                    "by", "By", "re:", "Re:", "score:", "(", ")", "2", "12", "said", "Says", ":",
                    "report", "REPORT", "this", "comment", "abuse", "reply", "actions", "|", "-",
                    "·", "ago", "hours", "days", "Jane", "on", "at", ",", "display:", "expanded",
                    "posted", "points", "flag", "permalink", "wrote", "»", "é",
                ][..]),
                0..9,
            ),
            glue in proptest::sample::select(&[" ", "", "  "][..]),
        ) {
            let line = tokens.join(glue);
            proptest::prop_assert_eq!(
                matches_comment_signature(&line),
                WHOLE_COMMENT_SIGNATURE.is_match(&line),
                "{:?}", line
            );
        }
    }

    #[test]
    fn comment_signature_forms_match_what_the_one_pattern_matched() {
        let whole = &*WHOLE_COMMENT_SIGNATURE;
        let lines = [
            "by jdoe (1234)",
            "By Jane_Doe (77)",
            "Re: (Score: 2)",
            "RE:(score:-1, Troll)",
            "Great point (Score: 5, Funny) indeed",
            "Posted by: Jane at 3:04 PM",
            "posted by Jane on Aug 8, 2012 7:01 PM",
            "By jdoe on Aug 8, 2012",
            "Written by Max - 12 May",
            "by Jane | 2 replies",
            "Report this comment",
            "Jane Roe report abuse now",
            "Jane wrote:",
            "John Smith said :",
            "He says: hi",
            "Reply | Report abuse",
            "12 points reply | flag",
            "Reply - Quote - Permalink",
            "Permalink | Reply",
            "up reply actions",
            "display: expanded stuff",
            "3 hours ago",
            "3 hours ago | reply",
            "5 days ago · reply",
            "»  2 weeks ago",
            "— Jane wrote:",
            "Share this:",
            "Topics:",
            "Posted October 29, 2012 at 1:11 pm | Permalink",
            "Reported by the agency",
            "Buy The Dip now from these online retailers:",
            "Re: the plan",
            "Score: 10",
            "by the way (see 3)",
            "Réponse · Signaler",
            "Kommentar von Jörg am 3. Mai 2020",
            "ſays Jane:",
            "Jane ſays:",
            "3 ſeconds ago",
            "12 votes Reply · Flag",
            "Jane writes:",
            "",
            "  ",
            "-",
            "by",
            "1 2",
        ];
        let mut hits = 0;
        for line in lines {
            assert_eq!(
                matches_comment_signature(line),
                whole.is_match(line),
                "{line:?}"
            );
            hits += usize::from(whole.is_match(line));
        }
        assert!(hits > 20, "{hits}");
    }

    #[test]
    fn most_read_sections_are_measured_as_the_bounded_pattern_did() {
        // The form [`MOST_READ_HEADER`] replaced, with its bound in the pattern.
        let bounded = re(
            r"(?i)^\W*(most (read|popular)|(die )?meistgelesenen?)( (in|on|im|in der) [\p{L}&.' ]{1,30})?\W*$",
        );
        let section = |n: usize| "x".repeat(n);
        let mut lines = vec![
            "Most read".to_string(),
            "Most read in Politics".into(),
            "Die meistgelesenen in der Region".into(),
            format!("Die meistgelesenen in der {}", section(30)),
            format!("Die meistgelesenen in {}", section(27)),
            "Most read on ...".into(),
            "Most read in Ünïcödé-Welt".into(),
            format!("Most read in {}", section(29)),
            format!("Most read in {}", section(30)),
            format!("Most read in {}", section(31)),
            format!("Most read in {}...   ", section(30)),
            format!("Most read in {} éé", section(28)),
            "Most read in 2024".into(),
        ];
        lines.push(format!("Most popular in {}", "ab ".repeat(12)));
        let mut hits = 0;
        for line in &lines {
            assert_eq!(
                is_most_read_header(line),
                bounded.is_match(line),
                "{line:?}"
            );
            hits += usize::from(is_most_read_header(line));
        }
        assert!(hits >= 5 && hits < lines.len(), "{hits}");
    }
    use crate::block::count_words;

    fn w(t: &str) -> usize {
        count_words(t)
    }

    /// Every line is chrome by `rule`.
    fn all_match(rule: fn(&str, usize) -> bool, lines: &[&str]) {
        for t in lines {
            assert!(rule(t, w(t)), "{t}");
        }
    }

    /// No line is chrome by `rule`: the same words, as prose.
    fn none_match(rule: fn(&str, usize) -> bool, lines: &[&str]) {
        for t in lines {
            assert!(!rule(t, w(t)), "{t}");
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
    fn a_see_also_label_over_a_linked_headline_is_a_pointer_away() {
        let see_also = |t: &str, link: &str| is_see_also_link(t, w(t), link.chars().count());
        for (text, link) in [
            (
                "Czytaj też: Wyścig zbrojeń ruszył z kopyta",
                "Wyścig zbrojeń ruszył z kopyta",
            ),
            (
                "Le puede interesar: JEP abrirá tres nuevos macrocasos: Farc y fuerza pública",
                "JEP abrirá tres nuevos macrocasos: Farc y fuerza pública",
            ),
            (
                "Lesen Sie hier: Spielabbruch in der Kreisliga",
                "Spielabbruch in der Kreisliga",
            ),
            (
                "VEA TAMBIÉN: Entre heces y guaricha",
                "Entre heces y guaricha",
            ),
            (
                "À lire aussi : La réforme des retraites",
                "La réforme des retraites",
            ),
        ] {
            assert!(see_also(text, link), "{text}");
        }
        // The same words as prose: no link, a link of a word or two, or a
        // sentence too long to be a label and a headline.
        assert!(!see_also(
            "Lesen Sie hier: Der Ausschuss tagt am Montag.",
            ""
        ));
        assert!(!see_also(
            "See also: the report by the council on the state of the roads in the province",
            "report",
        ));
        let long = "Lesen Sie hier: Der Ausschuss hat am Montag beschlossen, die Straße im nächsten Jahr zu sanieren, nachdem die Anwohner sich jahrelang über Schlaglöcher und Lärm beschwert hatten und die Stadt nun endlich Geld dafür hat.";
        assert!(!see_also(long, long));
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
    fn prompts() {
        all_match(
            is_share_prompt,
            &[
                "Share this article",
                "Follow us on Twitter",
                "12 Comments",
                "Email this article",
                "Print this article Email this article",
                // Words whose edge is a letter outside ASCII.
                "Podziel się",
                "Podziel się: Facebook Twitter",
            ],
        );
        all_match(is_account_prompt, &["Publicité", "PUBBLICITÀ"]);
        all_match(
            is_subscription_prompt,
            &[
                "Únete a nuestro newsletter",
                "Únete a nosotros en Instagram",
            ],
        );
        none_match(is_share_prompt, &["Podzielisz się?"]);
        none_match(is_account_prompt, &["Publicitéx", "Publicités ciblées"]);
        all_match(
            is_account_prompt,
            &[
                "Sign In",
                "Subscribe now",
                "Skip to main content",
                "Advertisement",
            ],
        );
        let body =
            "Share prices fell sharply on Monday as investors worried about the bank's exposure.";
        assert!(!is_share_prompt(body, w(body)));
        let body = "Subscribers will get the paper on Sundays from now on.";
        assert!(!is_account_prompt(body, w(body)));
    }

    #[test]
    fn browser_notices() {
        let t = "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled. Please consider upgrading your browser software.";
        assert!(is_browser_notice(t, w(t)));
        let t = "Please enable JavaScript to view the comments.";
        assert!(is_browser_notice(t, w(t)));
        let body = "The new browser from the company ships next week with a faster engine and better privacy controls for its users.";
        assert!(!is_browser_notice(body, w(body)));
    }

    #[test]
    fn subscription_prompts() {
        all_match(
            is_subscription_prompt,
            &[
                "Sign up to our free daily newsletter",
                "Abonniere unseren Newsletter",
                "Follow The Courier on Twitter and Instagram @RiversideCourier.",
                "Get the latest updates right in your inbox every morning.",
                "To view the full story, please subscribe to The Riverside Courier.",
                "If you're already a subscriber, you can log in for immediate access.",
            ],
        );
        // The same words told of, in prose.
        none_match(
            is_subscription_prompt,
            &[
                "The paper said its newsletter now reaches more readers than its print edition.",
                "Fans were urged to follow the band on Twitter for updates.",
                "Follow the river north for two miles and the trail turns east.",
            ],
        );
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
            ],
        );
        // Sentences that tell of a photograph are prose.
        none_match(
            is_picture_credit,
            &[
                "Photographs by the agency showed the damage to the bridge.",
                "The photo was taken by a tourist on Monday.",
                "Foto: Die Polizei sucht nach Zeugen des Unfalls am Montag.",
            ],
        );
    }

    #[test]
    fn reading_time_labels() {
        all_match(
            is_reading_time,
            &[
                "4 Min Read",
                "Lesezeit: 3 Minuten",
                "11 minut czytania",
                "Temps de lecture : 5 min",
                "ca. 2 Min. Lesezeit",
            ],
        );
        // A sentence that counts minutes of reading is prose.
        none_match(
            is_reading_time,
            &[
                "Most people read for 4 minutes before they stop.",
                "Reading time for children rose by 20 minutes a day.",
            ],
        );
    }

    #[test]
    fn more_languages_of_related_headers() {
        all_match(
            is_related_header,
            &[
                "Weitere Artikel",
                "Auch interessant",
                "Das könnte Sie auch interessieren",
                "Lesen Sie auch die folgenden Beiträge:",
                "Le puede interesar",
            ],
        );
        all_match(
            is_related_header,
            &[
                "Inne artykuły autora",
                "Polecamy",
                "Populäre Artikel der letzten 7 Tage",
                "Aktuelle Kommentare",
                "Schlagwörter",
                "Temas",
            ],
        );
        all_match(
            is_share_prompt,
            &[
                "Diesen Artikel teilen",
                "Mit Freunden teilen",
                "Rezept drucken",
                "Artikel bewerten",
            ],
        );
        none_match(
            is_share_prompt,
            &["Teilen ist in der Familie das wichtigste Prinzip, sagt sie."],
        );
        let body = "Weitere Artikel zu dem Thema erscheinen im Mai.";
        assert!(!is_related_header(body, w(body)));
    }

    #[test]
    fn cookie_notices() {
        let t = "This website uses cookies to improve your experience. By continuing you accept our cookie policy.";
        assert!(is_cookie_notice(t, w(t)));
        let body = "She baked cookies for the whole class.";
        assert!(!is_cookie_notice(body, w(body)));
        let t = "We use cookies and similar technologies to improve your browsing experience, \
                 personalize content and offers, show targeted ads, analyze traffic, and better \
                 understand you. We may share your information with third-party partners for \
                 marketing purposes. To learn more and make choices about data use, visit our \
                 Advertising Policy and Privacy Policy. By clicking Accept and Continue below, you \
                 consent to the use by us and third parties of cookies and other technologies.";
        assert!(is_cookie_notice(t, w(t)));
        let body = "Researchers who study tracking say that we use cookies far less carefully than \
                    we should, and the study found that most of the sites that set them never \
                    asked for consent, which the regulator called a clear breach of the rules that \
                    came into force in 2018, while the companies said that they had followed the \
                    advice of their lawyers and that the banners were being redesigned this year.";
        assert!(!is_cookie_notice(body, w(body)));
        all_match(
            is_cookie_notice,
            &[
                "Accept all cookies",
                "Cookie settings",
                "We use cookies to personalise content and ads.",
                "By using this site you consent to the use of cookies.",
                "Wir verwenden Technologien wie Cookies, um das Browsing-Erlebnis zu verbessern.",
            ],
        );
        // A news story about cookie banners: the same words, in the third
        // person, with nothing a banner says to its reader.
        none_match(
            is_cookie_notice,
            &[
                "The regulator found that most websites use cookies without asking for consent first.",
                "Under the new rules, users must be able to reject tracking cookies as easily as they accept them.",
                "Privacy groups said the cookie banners used dark patterns to push visitors into giving consent.",
            ],
        );
    }

    #[test]
    fn related_and_comments_headers() {
        assert!(is_related_header("Related stories", 2));
        // Other languages: Japanese, Chinese, Korean, Russian, Portuguese.
        all_match(
            is_related_header,
            &[
                "【関連記事】",
                "相关新闻",
                "관련기사",
                "Читайте также:",
                "Leia também",
                "Mais lidas em Esporte",
                "Most read in Business",
                "Les plus lus",
                "Promoted Links Promoted Links",
                "Sponsored content by Taboola",
            ],
        );
        assert!(is_related_header("Most Read", 2));
        assert!(is_related_header("Most read in Politics", 4));
        assert!(is_related_header("Die meistgelesenen in der Region", 5));
        assert!(is_related_header("You may also like", 4));
        assert!(is_related_header("External Links", 2));
        assert!(is_related_header("Canada Headlines", 2));
        assert!(is_related_header("More Local & State", 3));
        assert!(!is_related_header("More than a hundred people came.", 6));
        assert!(is_more_link("World »", 1));
        all_match(
            is_external_links_disclaimer,
            &[
                "The BBC is not responsible for the content of external internet sites",
                "Note: CBC does not endorse and is not responsible for the content of external sites - link will open in new window",
                "External links are provided for reference purposes. ABC News is not responsible for the content of external Internet sites.",
            ],
        );
        let body =
            "The court said the platform was not responsible for the content its users posted.";
        assert!(!is_external_links_disclaimer(body, w(body)));
        let t = "Im deutschen Apple Online Store sind Liefertermine aufgetaucht. Mehr…";
        assert!(is_teaser_summary(t, w(t)));
        let t = "The council met on Monday to discuss the budget. Continue reading";
        assert!(is_teaser_summary(t, w(t)));
        let t = "The council met on Monday to discuss the budget [...]";
        assert!(is_teaser_summary(t, w(t)));
        // The link label after the last sentence, no ellipsis or arrow.
        all_match(
            is_teaser_summary,
            &[
                "Stress really does kill but you can control it before it controls you. Learn how here. More",
                "AAA said more than 38 million residents were likely to travel for the holiday. More Details",
                "More Roman Catholics are attending church than Anglicans, a new study has shown. Full Story",
            ],
        );
        let body = "He asked what they wanted. They said: more details, please.";
        assert!(!is_teaser_summary(body, w(body)));
        let body = "We wanted to know more, so all we had to do was continue reading.";
        assert!(!is_teaser_summary(body, w(body)));
        let body = "Voters said they wanted more. The council promised to give them more.";
        assert!(!is_teaser_summary(body, w(body)));
        let body = "The shop sells books, games, toys and more";
        assert!(!is_teaser_summary(body, w(body)));
        assert!(!is_more_link("He said: »We will go«", 5));
        assert!(!is_related_header(
            "Related parties signed the deal on Friday.",
            7
        ));
        assert!(is_comments_header("12 Comments", 2));
        assert!(is_comments_header("add new comment", 3));
        assert!(is_comments_header("Comment viewing options", 3));
        let t = "125 Comments Add A Comment";
        assert!(is_comments_header(t, w(t)));
        all_match(
            is_comment_signature,
            &[
                "1 Melinda October 22, 2012 at 1:57 pm",
                "1. Joel Leigh - 29 August, 2011",
                "* Jewels October 23, 2012 at 3:41 pm",
            ],
        );
        none_match(
            is_comment_signature,
            &[
                "October 22, 2012",
                "The council met on October 22, 2012",
                "Prices rose sharply in the quarter that ended on 29 August, 2011",
                "Luxembourg, July 1 2010",
            ],
        );
        let t = "{ 137 comments… read them below or add one }";
        assert!(is_comments_header(t, w(t)));
        for t in ["Responses", "1 Response", "12 Responses"] {
            assert!(is_comments_header(t, w(t)), "{t}");
        }
        // A section about an API's Response object.
        assert!(!is_comments_header("Response", 1));
        assert!(is_leaked_markup(
            r#"<div style="position:absolute;"><img width=1 src="http://x/b?P=1"></div>"#
        ));
        assert!(is_leaked_markup("<!-- ad slot --> <img src=x>"));
        assert!(!is_leaked_markup("<3 this recipe, thanks for sharing"));
        assert!(!is_leaked_markup("Use the <b> tag for bold text."));
        assert!(!is_leaked_markup("<ul> List of <img>"));
        assert!(is_formula("x = − b ± b 2 − 4 a c 2 a ."));
        assert!(is_formula(
            "( ∑ k = 1 n a k b k ) 2 ≤ ( ∑ k = 1 n a k 2 ) ( ∑ k = 1 n b k 2 )"
        ));
        assert!(!is_formula(
            "Revenue rose to £3.2bn = a record, the firm said."
        ));
        assert!(!is_formula(
            "Score: Arsenal 2 − 1 Chelsea, Spurs 0 − 0 Everton at the weekend"
        ));
        for t in [
            "Related: Rich are paying more in taxes",
            "Continue reading the main story",
            "Skip to next paragraph",
            "View Larger Image",
            "Back to top",
            "Click to enlarge",
            "Post a comment",
        ] {
            assert!(is_link_pointer(t), "{t}");
        }
        for t in [
            "Sharing with a single developer",
            "1.1 Eich CEO promotion controversy",
            "Repeat Performance",
        ] {
            assert!(!is_link_pointer(t), "{t}");
        }
        assert!(!is_leaked_markup(
            "<p>The council met on Monday and agreed on the plan.</p>"
        ));
        assert!(is_bare_comments_label("Comment"));
        assert!(is_bare_comments_label("Comments:"));
        assert!(!is_bare_comments_label("12 Comments"));
        let t = "Post a Comment 241 Comments and 16 Replies";
        assert!(is_comments_header(t, w(t)));
        let t = "35 Responses to “More Landscape Stream of Consciousness”";
        assert!(is_comments_header(t, w(t)));
        // A sentence that starts with a count is body text.
        let body = "12 responses to the survey came from readers in Ohio, and most were positive.";
        assert!(!is_comments_header(body, w(body)));
        assert!(is_comments_header("Leave a Reply", 3));
        assert!(is_comments_header("100 of 524 comments loaded", 5));
        assert!(is_comments_header(
            "Comments are now closed for this story",
            7
        ));
        assert!(!is_comments_header(
            "Comments by the minister angered the opposition.",
            7
        ));
    }

    #[test]
    fn comment_signatures() {
        all_match(
            is_comment_signature,
            &[
                "by pachydermfan on Aug 8, 2012 7:01 PM PDT up reply actions",
                "Posted by Jane at 10:32 PM",
                "John Smith wrote:",
                "Reply | Report abuse",
                "3 hours ago",
                "Posted by: Sean | Jan 10, 2008 4:49:12 PM",
                "by vlm (69642)",
                "Re: ( Score: 2 )",
                "Spot the Fed just got too easy. (Score:5, Interesting)",
                "[Offensive? Unsuitable? Report this comment. ]",
                "TonyZ (6 days ago)",
            ],
        );
        none_match(
            is_comment_signature,
            &[
                "By the time the vote came, it was late.",
                "The minister said on Monday that the reply would come within 3 days ago or so, depending on the weather.",
                "The minister's reply (sent 3 days ago) was short and, by most accounts, angry.",
            ],
        );
    }

    #[test]
    fn a_line_in_guillemets_is_a_quotation_not_an_arrow_or_a_menu() {
        // A quoted subheading, a quoted headline: kept for other rules to judge.
        for t in [
            "«Storming the Sazerac»",
            "«Wir waren fast 40 Tage in Quarantäne»",
            "»Wir schaffen das«",
        ] {
            assert!(is_guillemet_quote(t), "{t}");
            assert!(!is_more_link(t, w(t)), "{t}");
            assert!(!is_flattened_menu(t, w(t)), "{t}");
        }
        // Pagers: arrows set apart from the words, or separators inside.
        for t in [
            "« Previous Story Next Story »",
            "« My Tag Sale | Main | Color Life »",
            "«Older|Newer»",
        ] {
            assert!(!is_guillemet_quote(t), "{t}");
        }
        assert!(is_more_link("Next Story »", 2));
        // A quotation closing the line: its mark hugs the quoted word.
        let t = "Einschränkung ist «verschmerzbar»";
        assert!(!is_more_link(t, w(t)));
        let t = "Mehr zum Thema «Energie» »";
        assert!(is_more_link(t, w(t)));
        // Quoted words are no menu items; free-standing marks separate them.
        let t = "Einschränkung ist «verschmerzbar»";
        assert!(!is_flattened_menu(t, w(t)));
        let t = "Home » News » Sport";
        assert!(is_flattened_menu(t, w(t)));
        let t = "‹‹ Women of Oz ››";
        assert!(is_flattened_menu(t, w(t)));
        assert!(is_flattened_menu("« Tag Sale | Main | Color Life »", 6));
    }

    #[test]
    fn flattened_menus() {
        let t = "Home | News | Sport | Business | Weather";
        assert!(is_flattened_menu(t, w(t)));
        let t = "Home » World » Europe";
        assert!(is_flattened_menu(t, w(t)));
        // Code in a text dump: slashes of comments and operators.
        let t = r#"console.log(req.method); // "GET""#;
        assert!(!is_flattened_menu(t, w(t)));
        let t = "Home / Sport / Football / Premier League";
        assert!(is_flattened_menu(t, w(t)));
        let body = "The 24/7 service costs $5 a month and/or $50 a year.";
        assert!(!is_flattened_menu(body, w(body)));
        // A navigation bar flattened without separators.
        let t = "JUMP TO: Other White House Blogs The White House Blog Middle Class Task Force \
                 Council of Economic Advisers Council on Environmental Quality Office of Management";
        assert!(is_flattened_menu(t, w(t)));
        // Teaser headlines run together, exclamations and all.
        let t = "Google Maps Takes a Vintage Turn Geek-Approved Heartthrobs From the '90s 44 Cool \
                 Manis For the Ultranerd Enter to Win an Hermès Birkin Bag! 101 Amazing Cool Captures";
        assert!(is_flattened_menu(t, w(t)));
        // A drop-down of film titles, a stray full stop and all.
        let t = "Select Movie 27 Dresses 30 Days Of Night Across The Universe Aliens vs. Predator: \
                 Requiem Alvin And The Chipmunks American Gangster Atonement Beowulf Bee Movie \
                 Charlie Wilson's War Cloverfield Enchanted Fred Claus Juno National Treasure";
        assert!(is_flattened_menu(t, w(t)));
        // A box score is the article's data.
        let t = "Criner, Dellena 4-7 7-8 17; Moore, Shavon 6-6 1-2 13; Ward, Johnna 4-10 1-2 11; \
                 Price, Mikail 3-8 4-6 10; Fitzgerald, Brandi 4-8 0-1 8; Henry, Bre Anna 3-4 0-0 6; \
                 Gross, Jennifer 1-6 1-2 3; Lombardi, Marianne 0-2 2-2 2; Keys, Sabrina 1-1 0-0 2.";
        assert!(!is_flattened_menu(t, w(t)));
        // German prose capitalises nouns but has punctuation and verbs.
        let body = "Die Bundesregierung hat am Montag in Berlin einen neuen Plan für die \
                    Energiewende vorgestellt, der Strom aus Wind und Sonne fördern soll.";
        assert!(!is_flattened_menu(body, w(body)));
        // A CJK sentence: many characters, few spaces.
        let body = "DeepMind表示，这款名为DNC的AI模型可以接受家谱和伦敦地铁网络地图这样的信息";
        assert!(!is_flattened_menu(body, w(body)));
    }

    #[test]
    fn bylines() {
        assert_eq!(byline_author("By Jane Doe", 3).as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline_author("By Jane Doe and John Roe, Reuters", 7).as_deref(),
            Some("Jane Doe and John Roe")
        );
        assert_eq!(
            byline_author("By the time the vote came, it was late.", 9),
            None
        );
        assert_eq!(
            byline_author(
                "By Erin Cunningham March 18 at 3:57 PM Follow @erinmcunningham",
                11
            )
            .as_deref(),
            Some("Erin Cunningham")
        );
    }

    #[test]
    fn normalizes() {
        assert_eq!(normalize("  Hello,  World! 2023 ©"), "hello world 2023");
    }

    #[test]
    fn server_messages_left_in_the_page() {
        for line in [
            "Warning: Use of undefined constant comments - assumed 'comments' (this will throw an Error in a future version of PHP) in /home/site/htdocs/wp-content/plugins/recent/recent.php on line 928",
            "Notice: Undefined index: page in /var/www/html/index.php on line 12",
            "Deprecated: Function create_function() is deprecated in /srv/www/wp-includes/theme.php on line 5",
            "Fatal error: Uncaught Error: Call to undefined function foo() in /var/www/a.php on line 3",
        ] {
            assert!(is_server_message(line), "{line}");
        }
        for line in [
            "A warning in the log said the script failed on line 12 of the report, and the team fixed it.",
            "Warning: the road is closed on line 5 of the tram network until Friday.",
            "The page showed \"Notice: Undefined index\" in /var/www/index.php on line 12, and then we knew what had gone wrong.",
        ] {
            assert!(!is_server_message(line), "{line}");
        }
    }
}
