//! Author names: every name a byline or a metadata field gives, without the
//! labels, handles, roles and outlets written around them, comma-separated.

pub mod bylines;

use crate::chrome::patterns::normalize;

/// Words that introduce a byline, in the languages of the pages ("By",
/// "Von", "Par", "Por", "Di", "Door", "Av", "Przez", "Автор"), and the
/// nouns that label it ("Autor", "Text"); the verbs are [`BYLINE_VERBS`].
const BYLINE_LABELS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "av",
    "przez",
    "автор",
    "autor",
    "autorin",
    "author",
    "authors",
    "autoren",
    "auteur",
    "autore",
    "text",
    "texte",
    "redakteur",
    "redakteurin",
];

/// The verbs blogs put before a byline ("Posted by", "Eingestellt von"),
/// labels too; a preposition may follow them ("Posted on", "Veröffentlicht
/// am") where a name follows the other labels.
const BYLINE_VERBS: &[&str] = &[
    "written",
    "posted",
    "verfasst",
    "geschrieben",
    "eingestellt",
    "erstellt",
    "gespeichert",
    "veröffentlicht",
    "publié",
    "publicado",
    "escrito",
    "scritto",
];

/// Is this word (any case, a colon after it or not) a byline label?
pub fn is_byline_label(word: &str) -> bool {
    // Every line's first word is asked: an ASCII first letter no label or
    // verb starts with rules the word out before the lists are compared.
    if word
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii() && !BYLINE_FIRST_BYTES[usize::from(b.to_ascii_lowercase())])
    {
        return false;
    }
    is_in(word, BYLINE_LABELS) || is_in(word, BYLINE_VERBS)
}

/// The first bytes of [`BYLINE_LABELS`] and [`BYLINE_VERBS`].
static BYLINE_FIRST_BYTES: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
    let mut first = [false; 256];
    for w in BYLINE_LABELS.iter().chain(BYLINE_VERBS) {
        first[usize::from(w.as_bytes()[0])] = true;
    }
    first
});

/// Is this word (any case) a byline label that is a verb?
pub fn is_byline_verb(word: &str) -> bool {
    is_in(word, BYLINE_VERBS)
}

/// Is `word` (any case, a colon after it or not) one of the lowercase
/// `list`? An ASCII word (most: every line's first word is asked) is
/// compared in place, without a lowercase copy; the answer is the same.
fn is_in(word: &str, list: &[&str]) -> bool {
    let w = word.trim_end_matches(':');
    if w.is_ascii() {
        return list.iter().any(|l| l.eq_ignore_ascii_case(w));
    }
    let w = w.to_lowercase();
    list.contains(&w.as_str())
}

/// Words that join two names ("Jane Doe and John Roe", "X und Y").
const NAME_JOINERS: &[&str] = &[
    "and", "und", "et", "y", "e", "en", "og", "och", "i", "és", "a", "&", "+",
];

/// What a label, a link text or a widget says instead of a name: such a
/// string is never an author ("ABOUT THE AUTHOR", "Google profile", "View
/// all posts", "Alle Artikel", "No Author").
const NOT_A_NAME: &[&str] = &[
    "about the author",
    "about author",
    "no author",
    "unknown",
    "google",
    "profile",
    "profil",
    "e-mail",
    "email",
    "send an",
    "view all",
    "all posts",
    "all articles",
    "alle artikel",
    "alle beiträge",
    "anzeigen",
    "archiv",
    "more from",
    "mehr von",
    "read more",
    "weiterlesen",
    "follow",
    "folgen",
    "course",
    "rezept von",
    "share",
    "teilen",
];

/// Roles and desks written after a name, cut off with what follows
/// ("Jane Doe, AP Sports Writer", "John Roe | Environment correspondent").
const ROLE_WORDS: &[&str] = &[
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "staff",
    "contributor",
    "columnist",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "journalist",
    "journalistin",
    "photographer",
    "fotograf",
    "desk",
];

/// The names in an author string, in order, without labels, handles and
/// roles. `"Von Roland Brockmann und Sebastian Drescher"` gives both names;
/// `"Williams Perdomo @wperdomod"` gives `Williams Perdomo`.
pub fn names(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Separators that always part names; a comma parts names too, unless
    // what follows it is a role or an outlet (dropped below).
    // Entities a site escaped twice (`Redacci&amp;oacute;n`) are decoded
    // once more. A slash between spaces parts two names ("E. BARRENECHE /
    // J. I. DA SILVA"); without spaces it is one credit, an agency and its
    // editor's code ("dpa/lno", "AFP/The Local").
    let raw = crate::html::parser::decode_entities(raw, false).replace(" / ", "; ");
    for (k, part) in split_outside_parentheses(&raw).into_iter().enumerate() {
        // After a comma, a part with a role in it is the first name's role
        // and outlet ("Jane Doe, AP Sports Writer"), not another name.
        if k > 0 && has_role(&part) {
            continue;
        }
        for name in split_on_joiners(&part) {
            if let Some(n) = clean_name(&name)
                && !out.iter().any(|o| normalize(o) == normalize(&n))
            {
                out.push(n);
            }
        }
    }
    out
}

/// Cut at the separators between names (`;`, `,`, `/`, `|`, `·`), except
/// inside parentheses: `Bradley M. Kuhn (http://ebb.org/bkuhn/)` and
/// `Martin Untersinger (avec Damien Leloup et Morgane Tual)` are one name
/// with its note each.
fn split_outside_parentheses(raw: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0usize;
    for c in raw.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && matches!(c, ';' | ',' | '|' | '·' | '•') {
            parts.push(String::new());
        } else {
            parts.last_mut().expect("one part at least").push(c);
        }
    }
    parts
}

/// Cut one comma-free part at the words that join names, when every piece
/// starts like a name (capital letter): "Mac & i" is one name.
fn split_on_joiners(part: &str) -> Vec<String> {
    if part.contains('(') {
        return vec![part.to_string()];
    }
    let mut names = vec![String::new()];
    for w in part.split_whitespace() {
        // One-letter joiners only as written ("e", "y"), so that an
        // initial ("John A Smith") stays in its name.
        let joins = if w.chars().count() == 1 {
            NAME_JOINERS.contains(&w)
        } else {
            NAME_JOINERS.contains(&w.to_lowercase().as_str())
        };
        if joins {
            names.push(String::new());
        } else {
            let cur = names.last_mut().expect("one name at least");
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
    }
    let name_like = |n: &String| n.chars().next().is_some_and(|c| !c.is_lowercase());
    if names.len() > 1 && !names.iter().all(name_like) {
        return vec![part.to_string()];
    }
    names
}

/// One name, without a leading label, a trailing handle or a role; `None`
/// for a label or a role alone.
fn clean_name(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split_whitespace()
        .skip_while(|w| is_byline_label(w) || w.trim_end_matches(':').is_empty())
        .collect();
    // A date after the name ends it ("Jane Doe March 18, 2021"); a month
    // name without a number after it is part of the name ("Laura June").
    let dated = |i: usize| {
        let w = words[i];
        w.chars().any(|c| c.is_ascii_digit()) && !w.chars().any(char::is_alphabetic)
            || crate::metadata::date::is_date_word(w)
                && words
                    .get(i + 1)
                    .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    };
    let end = (0..words.len())
        .find(|&i| {
            let l = words[i].to_lowercase();
            words[i].starts_with('@')
                || words[i].contains("://") && !words[i].starts_with('(')
                // A role after a name, not a role that is the whole string
                // ("Contributors to Wikimedia projects").
                // after a name of two words at least ("Jane Doe Staff
                // Writer"; "Rasender Reporter" is a pen name).
                || i > 1 && ROLE_WORDS.iter().any(|r| l.starts_with(r))
                || i > 0 && dated(i)
        })
        .unwrap_or(words.len());
    let mut words = &words[..end];
    // A name written twice, as a link and as its text ("Olivier Minot
    // Olivier Minot"); not initials ("R. R.").
    let half = words.len() / 2;
    if half > 1 && words.len().is_multiple_of(2) && words[..half] == words[half..] {
        words = &words[..half];
    }
    let name = words
        .join(" ")
        .trim_matches(|c: char| c.is_whitespace() || "-–—:\"'".contains(c))
        .to_string();
    // A name of several words starts with a capital ("deinen
    // Hochzeitsbloggern" is a phrase); a one-word handle may not ("tlow").
    let capital = name.split_whitespace().count() == 1 || !name.starts_with(char::is_lowercase);
    (!name.is_empty() && capital && name.chars().any(char::is_alphabetic) && !is_label(&name))
        .then_some(name)
}

fn has_role(part: &str) -> bool {
    part.split_whitespace().any(|w| {
        let l = w.to_lowercase();
        ROLE_WORDS.iter().any(|r| l.starts_with(r))
    })
}

/// A label or widget text, not a name.
pub fn is_label(s: &str) -> bool {
    let l = s.to_lowercase();
    NOT_A_NAME.iter().any(|p| l.contains(p))
        // Account names of the software, not of a person.
        || matches!(l.as_str(), "admin" | "administrator" | "root" | "user" | "redaktion admin")
        // Sentences are not names: a name has at most eight words.
        || s.split_whitespace().count() > 8
}

/// The author string of a list of names: comma-separated, as the output
/// promises; `None` when no name is left.
pub fn join(names: &[String]) -> Option<String> {
    let mut unique: Vec<&str> = Vec::new();
    for n in names {
        let initials_of_another = names.iter().any(|o| o != n && is_initials_of(n, o));
        if !initials_of_another && !unique.iter().any(|u| normalize(u) == normalize(n)) {
            unique.push(n);
        }
    }
    (!unique.is_empty()).then(|| unique.join(", "))
}

/// `"TK"` of `"Tina Klostermeier"`: an editor's short sign beside the name
/// it stands for.
fn is_initials_of(short: &str, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && short.chars().count() == words.len()
        && short
            .chars()
            .zip(&words)
            .all(|(c, w)| c.is_uppercase() && w.starts_with(c))
}

/// Is this author string the site or its operator rather than a person:
/// the site's name, the publisher's name, or the host's name
/// (`"badische-zeitung.de"`, `"LAOLA1.at"`, `"Badische Zeitung"`)?
pub fn is_organisation(
    author: &str,
    site_name: Option<&str>,
    publisher: Option<&str>,
    host: Option<&str>,
) -> bool {
    let a = normalize(author);
    if a.is_empty() {
        return false;
    }
    let squashed = |s: &str| normalize(s).replace(' ', "");
    let a_sq = a.replace(' ', "");
    let same = |other: Option<&str>| {
        other.is_some_and(|o| {
            let o = normalize(o);
            !o.is_empty()
                && (o == a || o.starts_with(&format!("{a} ")) || a.starts_with(&format!("{o} ")))
        })
    };
    // The host without "www." and its suffix: "www.badische-zeitung.de" →
    // "badischezeitung".
    let host_matches = host.is_some_and(|h| {
        let h = h.trim_start_matches("www.");
        let core = h.rsplit_once('.').map_or(h, |(c, _)| c);
        let core = squashed(core);
        core.len() >= 3 && (a_sq == core || a_sq.starts_with(&core) || squashed(h) == a_sq)
    });
    same(site_name) || same(publisher) || host_matches || looks_like_domain(author)
}

/// `"finanztreff.de"`, `"www.x.com"`: a host name written as the author.
pub fn looks_like_domain(s: &str) -> bool {
    let s = s.trim();
    !s.contains(' ')
        && s.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty()
                && (2..=4).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byline_label_and_verb_passes_the_first_letter_test() {
        for w in BYLINE_LABELS.iter().chain(BYLINE_VERBS) {
            let upper = w.to_uppercase();
            for form in [w.to_string(), upper.clone(), format!("{upper}:")] {
                assert!(is_byline_label(&form), "{form:?}");
            }
        }
        assert!(!is_byline_label("Zeitung") && !is_byline_label("12") && !is_byline_label(":"));
    }

    fn n(s: &str) -> Vec<String> {
        names(s)
    }

    #[test]
    fn every_name_of_a_byline() {
        assert_eq!(
            n("Von Roland Brockmann und Sebastian Drescher"),
            ["Roland Brockmann", "Sebastian Drescher"]
        );
        assert_eq!(n("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(
            n("Lars Fischer; Alina Schadwinkel"),
            ["Lars Fischer", "Alina Schadwinkel"]
        );
        assert_eq!(
            n("Par Jean Dupont et Marie Curie"),
            ["Jean Dupont", "Marie Curie"]
        );
        assert_eq!(
            n("E. BARRENECHE / J. I. DA SILVA"),
            ["E. BARRENECHE", "J. I. DA SILVA"]
        );
        // One name stays one name.
        assert_eq!(n("Piet van der Berg"), ["Piet van der Berg"]);
        assert_eq!(n("John A Smith"), ["John A Smith"]);
        assert_eq!(n("Mac & i"), ["Mac & i"]);
        assert_eq!(n("Laura June Topolsky"), ["Laura June Topolsky"]);
        assert_eq!(n("Brenda Goodman, MA"), ["Brenda Goodman", "MA"]);
        assert_eq!(
            n("Bradley M. Kuhn (http://ebb.org/bkuhn/)"),
            ["Bradley M. Kuhn (http://ebb.org/bkuhn/)"]
        );
        assert_eq!(
            n("Martin Untersinger (avec Damien Leloup et Morgane Tual)"),
            ["Martin Untersinger (avec Damien Leloup et Morgane Tual)"]
        );
        assert_eq!(
            n("Contributors to Wikimedia projects"),
            ["Contributors to Wikimedia projects"]
        );
        assert_eq!(n("Jane Doe March 18, 2021"), ["Jane Doe"]);
        assert_eq!(n("by Lucas Nolan"), ["Lucas Nolan"]);
        assert_eq!(
            join(&n("Gina Roberts-Grey")).as_deref(),
            Some("Gina Roberts-Grey")
        );
        assert_eq!(
            join(&["Gina Roberts-Grey".into(), "Gina Roberts-Grey".into()]).as_deref(),
            Some("Gina Roberts-Grey")
        );
        assert_eq!(n("Jane Doe, Jane Doe"), ["Jane Doe"]);
        // A name written twice, as a link and as its text; initials stay.
        assert_eq!(n("Olivier Minot Olivier Minot"), ["Olivier Minot"]);
        assert_eq!(n("R. R."), ["R. R."]);
    }

    #[test]
    fn handles_roles_and_labels_go() {
        assert_eq!(n("Williams Perdomo @wperdomod"), ["Williams Perdomo"]);
        assert_eq!(n("By Jane Doe, AP Sports Writer"), ["Jane Doe"]);
        assert_eq!(n("Posted by Konstantin"), ["Konstantin"]);
        assert_eq!(n("Autor: Klausmartin Friedrich"), ["Klausmartin Friedrich"]);
        assert!(n("ABOUT THE AUTHOR").is_empty());
        assert!(n("SEND AN E-MAIL TO THE AUTHOR").is_empty());
        assert!(n("Google profile").is_empty());
        assert!(n("Archiv anzeigen").is_empty());
        assert_eq!(
            join(&n("Jane Doe and John Roe")).as_deref(),
            Some("Jane Doe, John Roe")
        );
        assert_eq!(join(&[]), None);
        assert_eq!(
            join(&["Tina Klostermeier".into(), "TK".into()]).as_deref(),
            Some("Tina Klostermeier")
        );
        assert_eq!(
            join(&["Jane Doe".into(), "JR".into()]).as_deref(),
            Some("Jane Doe, JR")
        );
    }

    #[test]
    fn organisations() {
        let host = Some("www.badische-zeitung.de");
        assert!(is_organisation("Badische Zeitung", None, None, host));
        assert!(is_organisation("finanztreff.de", None, None, None));
        assert!(is_organisation("LAOLA1.at", Some("LAOLA1"), None, None));
        assert!(is_organisation(
            "The Planetary Press",
            Some("The Planetary Press"),
            None,
            None
        ));
        assert!(!is_organisation(
            "Lisa Petrich",
            Some("Badische Zeitung"),
            None,
            host
        ));
        assert!(!is_organisation("Jane Doe", None, None, None));
    }
}
