//! Section headers and pointers: related / most-read / comments headers,
//! see-also and "more" links, teaser summaries, link pointers.

use super::{ends_like_sentence, has_column_gap, is_guillemet_quote, re, tail};
use regex::Regex;
use std::sync::LazyLock;

static RELATED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(related( articles?| stories| posts| news| content| links| coverage| topics)?|((external|internal|useful|more|other|related|top|latest|recent|full list of|all) )?(links|headlines|articles|stories)( »| ›)?|([\p{L}.&]+ ){1,2}headlines|more (from|on|in|stories|news|articles|headlines)\b.*|more (?-i:\p{Lu})[\p{L}'.]*( (&|and|(?-i:\p{Lu})[\p{L}'.]*)){0,3}|(you|we think you) (may|might) (also )?(like|enjoy|be interested)|recommended( for you| stories| reading)?|further reading|see also|also (read|see|on)|read (more|next|also)|top stories|latest (news|stories|headlines)|trending( now)?|popular( now| stories)?|editor'?s? picks?|don'?t miss|around the web|from (around )?the web|((promoted|sponsored|paid|partner) (stories|links|content|posts)( by \w+)?)( (promoted|sponsored|paid|partner) (stories|links|content|posts))?|from our partners|news tracker|in (other|related) news|tags?|topics?|filed under|categories|category|lire aussi|à lire aussi|à lire également|vous aimerez aussi|voir aussi|mehr zum thema|lesen sie auch( die folgenden (beiträge|artikel))?|weitere (artikel|beiträge|nachrichten|themen|videos)|(more|other|related|latest|mehr|ähnliche) videos|auch interessant|(das|dies|das thema|diese themen|diese artikel) (könnte|könnten) (dich|sie|euch) (auch )?interessieren|lust auf mehr|inne artykuły( autora)?|polecamy|zobacz (też|także)|przeczytaj (też|także)|populäre artikel.*|viel gelesen.*|(aktuelle|neueste|letzte) kommentare|temas|etiquetas|schlagw(ö|o)rter|schlagworte|stichw(ö|o)rter|themen|neueste (artikel|beiträge)|ähnliche (artikel|beiträge)|verwandte (artikel|beiträge)|(le )?puede interesar|te puede interesar|leer más|vea también|leggi anche|leia também|veja também|lees ook|zie ook|czytaj (też|także)|читайте также|см\. также|похожие (статьи|новости)|関連記事|関連ニュース|相关(新闻|阅读|文章)|相關(新聞|閱讀|文章)|延伸閱讀|관련\s?(기사|뉴스))\W*$",
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
static SEE_ALSO_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^\W*({SEE_ALSO_WORDS})\s*(:|»|›|>>|→)")));

/// The words of a "see also" label.
const SEE_ALSO_WORDS: &str = "read (also|more|next)|see also|also read|related( story| article)?|recommended|more on this( story)?|lesen sie (auch|hier|mehr|dazu|weiter)|lies auch|mehr zum thema|mehr dazu|auch interessant|siehe auch|zum thema|weiterlesen|lire aussi|à lire aussi|à lire également|lire également|voir aussi|sur le même sujet|(también )?(le|te) puede interesar|(lea|lee|vea|ver|mira) también|noticia relacionada|leggi anche|vedi anche|potrebbe interessarti|leia também|veja também|saiba mais|czytaj (też|także|więcej)|zobacz (też|także)|przeczytaj (też|także|również)|lees ook|zie ook|читайте также";

/// A see-also label alone has at most this many words ("Lesen Sie auch
/// die folgenden Artikel" is a header, not a label).
const SEE_ALSO_ALONE_MAX_WORDS: usize = 4;

/// "See-also label": the label of a pointer to other stories on a line of
/// its own ("Weiterlesen:", "Zum Weiterlesen:", "Lee también...", "Saiba
/// mais"); the linked headlines follow on their own lines. Read with
/// [`SEE_ALSO_LABEL`] (no second pattern to compile): the label's words,
/// then nothing but punctuation.
pub fn is_see_also_label(text: &str, words: usize) -> bool {
    if words > SEE_ALSO_ALONE_MAX_WORDS {
        return false;
    }
    let words_only = text.trim_end_matches(|c: char| !c.is_alphanumeric());
    let lower = words_only.to_lowercase();
    let is_label = |core: &str| {
        let label = format!("{core}:");
        SEE_ALSO_LABEL
            .find(&label)
            .is_some_and(|m| m.end() == label.len())
    };
    is_label(&lower)
        || ["zum ", "zur "]
            .iter()
            .find_map(|p| lower.strip_prefix(p))
            .is_some_and(is_label)
}

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

/// A line of the story's topics or categories: the label, a colon, the
/// terms ("Themen: Ehrenamt Jugendverbände", "Kategorie: News, open3",
/// "Tags: bridges, ferries").
static TAXONOMY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\W*(tags?|topics?|themen|kategorien?|categories|category|schlagw(ö|o)rter|schlagworte|stichw(ö|o)rter|filed under|posted in|abgelegt unter|etiquetas|temas|categorías?|mots-clés|étiquettes|catégories?|tagi|kategorie|tematy|argomenti|categorie)\s*:\s*\w",
    )
});

/// A taxonomy line names a few terms.
const TAXONOMY_LINE_MAX_WORDS: usize = 12;

/// "Taxonomy line": the story's topics or categories after a label, on a
/// line of their own (a list of terms, not a sentence).
pub fn is_taxonomy_line(text: &str, words: usize) -> bool {
    words <= TAXONOMY_LINE_MAX_WORDS && !ends_like_sentence(text) && TAXONOMY_LINE.is_match(text)
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

#[cfg(test)]
mod tests {
    use super::super::tests::{all_match, none_match, w};
    use super::super::{
        is_comment_signature, is_external_links_disclaimer, is_formula, is_leaked_markup,
        is_more_link, is_share_prompt,
    };
    use super::*;

    #[test]
    fn a_taxonomy_line_is_a_label_and_a_few_terms() {
        for line in [
            "Themen: Ehrenamt Jugendverbände",
            "Tags: bridges, ferries, river",
            "Filed under: Travel Europe",
            "Etiquetas: Guatemala, ciclismo",
        ] {
            assert!(is_taxonomy_line(line, w(line)), "{line}");
        }
        for text in [
            "Themen: Wir sprechen heute über das Ehrenamt.",
            "Tags are what the site uses to file its stories, one or two for each.",
            "Themen des Abends waren das Ehrenamt und die Jugendverbände",
        ] {
            assert!(!is_taxonomy_line(text, w(text)), "{text}");
        }
    }

    #[test]
    fn a_see_also_label_alone_is_a_few_words_of_the_list() {
        for label in [
            "Weiterlesen:",
            "Zum Weiterlesen:",
            "Lee también...",
            "Saiba mais",
            "Read more »",
            "Czytaj też:",
        ] {
            assert!(is_see_also_label(label, w(label)), "{label}");
        }
        for text in [
            "Weiterlesen: Queere Geschichte in Köln",
            "Read more about the council's plans in our earlier report.",
            "Saiba mais sobre o projeto",
        ] {
            assert!(!is_see_also_label(text, w(text)), "{text}");
        }
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
    fn related_and_comments_headers() {
        assert!(is_related_header("Related stories", 2));
        // A list of other videos under the story.
        all_match(
            is_related_header,
            &["Weitere Videos", "More videos", "Related videos"],
        );
        none_match(
            is_related_header,
            &[
                "Videos",
                "Weitere Videos zeigen den Unfall aus einem anderen Winkel.",
            ],
        );
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
}
