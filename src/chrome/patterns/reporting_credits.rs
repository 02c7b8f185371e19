//! Credit lines of a wire or news story that name its reporters with their
//! roles: the wire byline at its head ("Tom Krisher, Ap Auto Writer", "By
//! JANE DOE Associated Press") and the reporting credit at its tail ("Jane
//! Roe contributed reporting from Paris.", "(Reporting by Jane Roe;
//! Editing by John Doe)", "Additional reporting by …"). Metadata reads the
//! names from them. The kit's labelled sets keep these lines in the body
//! (a rule dropping them by default lowered l3s-gn1 and dragnet), while
//! readers and news corpora that want the story alone drop them: so the
//! body drops them when precision is favoured (`--favor precision`).

use super::{contains_any_ascii_ci, re, title_case_ratio};
use regex::Regex;
use std::sync::LazyLock;

/// A wire byline is a name and a role: "By" and four name words, a comma,
/// an agency and a three-word role ("Ap Auto Writer") stay under this.
const WIRE_BYLINE_MAX_WORDS: usize = 12;

/// A name of two to four capitalised (or upper-case) words, an optional
/// comma, then an agency's role ("Ap Auto Writer", "Associated Press
/// Writer") or the agency alone, ending the line; or a staff role after a
/// comma ("Jane Doe, Staff Writer").
static WIRE_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?i:by\s+)?\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){1,3}(,?\s+(?i:(the\s+)?(associated press|ap|reuters|afp|upi|dpa)((\s+[\p{L}-]+){0,2}\s+(writer|correspondent|reporter))?)|,\s+(?i:((senior|chief|staff|special|contributing|national|political|science|business)\s+){1,2}(writer|correspondent|reporter)))\s*$",
    )
});

/// "Wire byline": `Tom Krisher, Ap Auto Writer`, `By JANE DOE Associated
/// Press`, `Jane Doe, Staff Writer`: a name with its agency or role, alone
/// on its line.
pub fn is_wire_byline(text: &str, words: usize) -> bool {
    (2..=WIRE_BYLINE_MAX_WORDS).contains(&words)
        // Every form ends on one of these words.
        && contains_any_ascii_ci(
            text,
            &["writer", "press", "correspondent", "reporter", "ap", "reuters", "afp", "upi", "dpa"],
        )
        && WIRE_BYLINE.is_match(text)
}

/// A reporting credit runs to a few names with their cities and an editor.
const REPORTING_CREDIT_MAX_WORDS: usize = 40;

/// Share of capitalised words in what follows "reporting by": a credit
/// lists names and cities ("Jane Roe in London; Editing by John Doe" is
/// 6 of 9), a sentence that opens with the phrase does not ("Reporting by
/// local papers exposed the scheme", "Reuters journalists found that …").
const CREDIT_NAMES_MIN_CAPS: f32 = 0.5;

/// "(Reporting by …", "Additional reporting by …", "Writing by …": the
/// label, then a capitalised name.
static REPORTING_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\W*(?i:(additional|further)\s+)?(?i:reporting|writing|editing|compiled)\s+(?i:by)\s+\p{Lu}",
    )
});

/// "Jane Roe contributed reporting from Paris.", "Jane Roe in Paris
/// contributed to this report.": the credit ends the line.
static CONTRIBUTED_REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bcontributed\s+(additional\s+)?(reporting|research)(\s+(from|in)\s+[^.;]{1,60})?\W*$|\bcontributed\s+to\s+this\s+(report|story|article)\W*$",
    )
});

/// "Reporting credit": the line at a story's tail naming who reported and
/// edited it.
pub fn is_reporting_credit(text: &str, words: usize) -> bool {
    if words > REPORTING_CREDIT_MAX_WORDS
        || !contains_any_ascii_ci(
            text,
            &[
                "reporting",
                "writing by",
                "editing by",
                "compiled by",
                "contributed",
            ],
        )
    {
        return false;
    }
    if let Some(m) = REPORTING_BY.find(text) {
        // From the name's first letter on.
        let names = &text[m.end() - 1..];
        return title_case_ratio(names) >= CREDIT_NAMES_MIN_CAPS;
    }
    CONTRIBUTED_REPORTING.find(text).is_some_and(|m| {
        let before = &text[..m.start()];
        !before.trim().is_empty() && title_case_ratio(before) >= CREDIT_NAMES_MIN_CAPS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(t: &str) -> usize {
        t.split_whitespace().count()
    }

    #[test]
    fn wire_bylines_with_roles() {
        for line in [
            "Tom Krisher, Ap Auto Writer",
            "By JANE DOE Associated Press",
            "By Jane Doe, Associated Press Writer",
            "JOHN ROE, AP Science Writer",
            "Jane Doe, Staff Writer",
            "By Mary Major Reuters",
        ] {
            assert!(is_wire_byline(line, w(line)), "{line}");
        }
        for line in [
            "Tom Krisher, Ap Auto Writer, said the strike would end soon.",
            "He was an Associated Press writer for thirty years",
            "The Associated Press",
            "Associated Press Writer",
            "Meet the Press",
        ] {
            assert!(!is_wire_byline(line, w(line)), "{line}");
        }
    }

    #[test]
    fn reporting_credits_at_a_storys_tail() {
        for line in [
            "(Reporting by Jane Roe in London; Editing by John Doe)",
            "Additional reporting by Max Mustermann in Berlin.",
            "Reporting by Jane Roe; Writing by John Doe; Editing by Mark Major",
            "Jane Roe contributed reporting from Paris.",
            "Jane Roe in Paris and John Doe in Rome contributed to this report.",
            "Associated Press writer Mary Major contributed reporting.",
        ] {
            assert!(is_reporting_credit(line, w(line)), "{line}");
        }
        for line in [
            "Reporting by local papers exposed the scheme, and the mayor resigned a week later.",
            "Reporting by Reuters journalists found that the company had known about the fault for years.",
            "Several colleagues contributed reporting to the award-winning series, she said.",
            "Everyone in the newsroom contributed to this report, which took a year to write.",
            "the neighbours contributed to this story.",
        ] {
            assert!(!is_reporting_credit(line, w(line)), "{line}");
        }
    }
}
