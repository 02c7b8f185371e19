//! Reader comments' signatures (name, date, reply/report links).

use super::{first_word_lower, re};
use regex::Regex;
use std::sync::LazyLock;

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

#[cfg(test)]
mod tests {
    use super::super::tests::{all_match, none_match};
    use super::*;

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
}
