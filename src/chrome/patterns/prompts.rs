//! Prompts aimed at the reader: share, account, subscription, channel,
//! submission, cookie and browser notices, intro labels.

use super::{
    contains_any_ascii_ci, ends_like_sentence, has_quotation_mark, re, without_quotations,
};
use regex::Regex;
use std::sync::LazyLock;

/// Longest line (in words) that a "prompt"-style rule (share, subscribe,
/// cookie, login) may judge. Real prompts are a handful of words; a paragraph
/// that mentions "subscribe" in passing is longer than this.
const PROMPT_MAX_WORDS: usize = 12;

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

/// The publisher's request for support, in the languages we have met: a
/// request addressed to the reader for the publication itself ("Unterstütze
/// uns", "Unterstützen Sie diese Form des Journalismus", "brauchen wir
/// deine Unterstützung", "Gefällt dir unser Magazin?", "Enjoying our
/// magazine?", "Help us continue",
/// "Support our journalism", "Soutenez-nous") or the appeal's bare label.
// German endings as `[a-z]*`, the magazine's capital as `[A-ZÄÖÜ]`, not
// `\w*` and `\p{Lu}`: the Unicode classes made this pattern cost more to
// build (≈20 M instructions in every process) than all its searches.
static SUPPORT_APPEAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(unterstütze(n sie)? (uns|unser[a-z]*|diese[a-z]* form|unabhängig[a-z]* journalismus|(?-i:[A-ZÄÖÜ])\S*mag\b)|(unsere?n?|diese[a-z]*) (arbeit|journalismus|magazin|projekt|redaktion|blog) (zu )?unterstützen|(brauchen|benötigen) wir (deine|ihre|eure) (unterstützung|hilfe)|gefällt (dir|ihnen|euch) unser|jede (noch so )?kleine spende|support (us|our (work|journalism|reporting|mission|newsroom)|independent journalism)|help us (continue|keep|to keep)|we need your (help|support)|become a (member|supporter|patron)|donate (now|today)|make a donation|apoya (nuestro|nuestra|el periodismo)|hazte (socio|miembro)|soutenez(-nous| notre)|faites un don)\b|\b(enjoy(ing)? (our|this) (magazine|site|website|journalism|reporting|blog|article)|like what you (read|see))\?|^\W*(unterstützung|jetzt spenden|support us|donate)\W*$",
    )
});

/// A support appeal is a few sentences.
const SUPPORT_APPEAL_MAX_WORDS: usize = 60;

/// "Support appeal": the publisher asks the reader to support or fund it.
/// Judged only at the end of the text (see `chrome::tail`), where such
/// boxes stand; a story about a fundraiser quotes such words elsewhere.
/// Words after a quotation mark are taken for someone's speech ("They
/// were working to support us"), not the publisher's request: a closed
/// quotation before the appeal spares it too, erring towards the text.
pub fn is_support_appeal(text: &str, words: usize) -> bool {
    words <= SUPPORT_APPEAL_MAX_WORDS
        && SUPPORT_APPEAL
            .find(text)
            .is_some_and(|m| !text[..m.start()].contains(['"', '“', '„', '«', '»', '”']))
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
    let says_cookies = |text: &str| {
        COOKIE.is_match(text)
            && (words <= COOKIE_LABEL_MAX_WORDS || COOKIE_BANNER_VOICE.is_match(text))
    };
    contains_any_ascii_ci(text, &["cookie", "gdpr"])
        && says_cookies(text)
        // A story about banners quotes them ("“We use cookies to improve
        // your experience” is no longer enough, the judges wrote"): the
        // banner's voice inside quotation marks is the story's quote, and
        // the sentence around it must speak as a banner by itself.
        && (!has_quotation_mark(text) || says_cookies(&without_quotations(text)))
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

#[cfg(test)]
mod tests {
    use super::super::tests::{all_match, none_match, w};
    use super::*;

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
                // The banner's voice quoted by the story.
                "“We use cookies to improve your experience” is no longer enough, the judges wrote, when accepting all cookies takes one click.",
                "Auf dem Banner stand „Wir verwenden Cookies“, doch die Ablehnung war zwei Seiten tiefer versteckt.",
            ],
        );
        // A banner that quotes its own button is still a banner.
        all_match(
            is_cookie_notice,
            &["We use cookies. Click \"Accept\" to agree to our cookie policy."],
        );
    }
}
