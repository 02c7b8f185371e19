//! Labelled dates: a line that says which date it gives ("Published",
//! "Veröffentlicht am", "Updated", "Stand:", "Letzte Änderung").
//!
//! A page often shows the last change beside (or instead of) the
//! publication: "Published March 5, 2019 · Updated March 6, 2019". The
//! line is cut at its labels, and the date after a publication label is
//! taken over an unlabelled one, which is taken over one after a change
//! label.

use super::{MAX_CHARS, ParsedDate, parse_free};

/// What the label in front of a date says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLabel {
    /// "Published", "Veröffentlicht", "Erschienen am", "Publié le", …
    Published,
    /// No label, or one that does not say.
    Unlabelled,
    /// "Updated", "Aktualisiert", "Stand:", "Zuletzt geändert", "Mis à
    /// jour", …: the last change, not the publication.
    Updated,
}

/// Labels of the publication date, lowercase, in the languages of the
/// month names. Matched at the start of a word, as a prefix of it
/// ("veröffentlicht", "publié" and "publiziert" in their inflected forms).
const PUBLISHED: &[&str] = &[
    "published",
    "posted",
    "first published",
    "veröffentlicht",
    "erschienen",
    "erstellt",
    "publiziert",
    "publié",
    "publie le",
    "publicado",
    "publicada",
    "pubblicato",
    "pubblicata",
    "gepubliceerd",
    "geplaatst",
    "publicerad",
    "opublikowano",
    "опубликовано",
];

/// Labels of the last change, lowercase; matched like [`PUBLISHED`].
const UPDATED: &[&str] = &[
    "updated",
    "last updated",
    "update",
    "last modified",
    "modified",
    "last edited",
    "edited",
    "revised",
    "aktualisiert",
    "zuletzt aktualisiert",
    "zuletzt geändert",
    "geändert",
    "letzte änderung",
    "letzte aktualisierung",
    "stand:",
    "stand vom",
    "mis à jour",
    "mise à jour",
    "modifié",
    "actualizado",
    "actualizada",
    "actualización",
    "aggiornato",
    "aggiornata",
    "aggiornamento",
    "bijgewerkt",
    "gewijzigd",
    "atualizado",
    "atualizada",
    "atualização",
    "uppdaterad",
    "zaktualizowano",
    "обновлено",
];

/// The date a line gives and what its label says it is: the first date
/// after a publication label; else the first unlabelled one (before any
/// label); else the first after a change label.
pub fn parse_labelled(s: &str) -> Option<(ParsedDate, DateLabel)> {
    // No digit, no date: the common case costs one byte scan.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let end = s.char_indices().nth(MAX_CHARS).map_or(s.len(), |(i, _)| i);
    let lower = s[..end].to_lowercase();
    let labels = find_labels(&lower);
    if labels.is_empty() {
        return parse_free(s).map(|d| (d, DateLabel::Unlabelled));
    }
    // Segments: the text before the first label, then the text after each
    // label up to the next one.
    let mut segments = Vec::with_capacity(labels.len() + 1);
    segments.push((&lower[..labels[0].0], DateLabel::Unlabelled));
    for (k, &(_, label_end, label)) in labels.iter().enumerate() {
        let next = labels.get(k + 1).map_or(lower.len(), |l| l.0);
        segments.push((&lower[label_end..next], label));
    }
    let dated: Vec<(ParsedDate, DateLabel)> = segments
        .into_iter()
        .filter_map(|(text, label)| parse_free(text).map(|d| (d, label)))
        .collect();
    [
        DateLabel::Published,
        DateLabel::Unlabelled,
        DateLabel::Updated,
    ]
    .into_iter()
    .find_map(|want| dated.iter().find(|(_, l)| *l == want).copied())
}

/// Labels in `lower`, in order: (start, end, kind). A label starts a word;
/// of two labels starting at one place the longer is taken ("last updated"
/// over "updated" is the same kind; "update" inside "updated" is skipped
/// by taking the longest).
/// The first bytes of every label (each line's every word is looked up).
static LABEL_FIRST_BYTES: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
    let mut first = [false; 256];
    for label in PUBLISHED.iter().chain(UPDATED) {
        first[usize::from(label.as_bytes()[0])] = true;
    }
    first
});

fn find_labels(lower: &str) -> Vec<(usize, usize, DateLabel)> {
    let mut out: Vec<(usize, usize, DateLabel)> = Vec::new();
    let mut prev_alpha = false;
    for (i, c) in lower.char_indices() {
        let starts_word = c.is_alphabetic() && !prev_alpha;
        prev_alpha = c.is_alphanumeric();
        if !starts_word || out.last().is_some_and(|l| i < l.1) {
            continue;
        }
        let rest = &lower[i..];
        // Most words start no label: one table look-up skips them.
        if !LABEL_FIRST_BYTES[usize::from(rest.as_bytes()[0])] {
            continue;
        }
        let best = PUBLISHED
            .iter()
            .map(|l| (l, DateLabel::Published))
            .chain(UPDATED.iter().map(|l| (l, DateLabel::Updated)))
            // (The first byte compared first: a call of memcmp per label
            // cost more than the rest of the look-up.)
            .filter(|(l, _)| l.as_bytes()[0] == rest.as_bytes()[0] && rest.starts_with(**l))
            .max_by_key(|(l, _)| l.len());
        if let Some((l, kind)) = best {
            out.push((i, i + l.len(), kind));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(s: &str) -> Option<(String, DateLabel)> {
        parse_labelled(s).map(|(d, l)| (d.to_iso(), l))
    }

    #[test]
    fn publication_label_wins_over_change_label() {
        use DateLabel::*;
        assert_eq!(
            got("Published March 5, 2019 · Updated March 6, 2019"),
            Some(("2019-03-05".into(), Published))
        );
        assert_eq!(
            got("Updated March 6, 2019, first published March 5, 2019"),
            Some(("2019-03-05".into(), Published))
        );
        assert_eq!(
            got("Letzte Änderung: 31.10.2023 - 14:49:39 Erschienen am: 01.11.2023"),
            Some(("2023-11-01".into(), Published))
        );
        assert_eq!(
            got("Veröffentlicht am 27.01.2022 · Aktualisiert am 03.02.2022, 09:12 Uhr"),
            Some(("2022-01-27".into(), Published))
        );
        assert_eq!(
            got("Crime Published On May 10, 2022 01:52 PM"),
            Some(("2022-05-10T13:52:00".into(), Published))
        );
    }

    #[test]
    fn change_labels_mark_the_date() {
        use DateLabel::*;
        for (line, want) in [
            ("Updated Jul 24, 2018", "2018-07-24"),
            ("Stand: 11.01.2021, 05:00", "2021-01-11T05:00:00"),
            ("Zuletzt geändert am 3. Mai 2020", "2020-05-03"),
            ("Mis à jour le 19 février 2020", "2020-02-19"),
            ("Aktualisiert: 12.02.2008", "2008-02-12"),
        ] {
            assert_eq!(got(line), Some((want.into(), Updated)), "{line}");
        }
        // An unlabelled date before a change label is the publication.
        assert_eq!(
            got("5 March 2019, updated 6 March 2019"),
            Some(("2019-03-05".into(), Unlabelled))
        );
    }

    #[test]
    fn unlabelled_and_undated_lines() {
        assert_eq!(
            got("By Jane Doe, 01 June 2010"),
            Some(("2010-06-01".into(), DateLabel::Unlabelled))
        );
        assert_eq!(got("Updated daily"), None);
        assert_eq!(got(""), None);
        // A word that merely starts like a label is no label.
        assert_eq!(
            got("Standort Berlin, 12.02.2008"),
            Some(("2008-02-12".into(), DateLabel::Unlabelled))
        );
    }
}
