//! Metadata: title, author, date, site, publisher, source, copyright, language,
//! canonical URL, description.
//!
//! Two sources feed it: the markup ([`html`]: `<title>`, `<meta>`, JSON-LD,
//! `<time>`, microdata) and the blocks the classifier removed or kept
//! ([`lines`]: bylines, timestamp lines, `Source:` credits, footer credits,
//! copyright notices). Markup wins where both speak, because a site states
//! its metadata there on purpose; plain text has only the lines.

pub mod author;
pub mod date;
pub mod html;
pub mod lines;
pub mod title;

use serde::Serialize;

/// How sure we are of the `date` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateConfidence {
    /// Stated in metadata (JSON-LD, `article:published_time`, `<time>`).
    High,
    /// A dateline or timestamp near the headline.
    Medium,
    /// The only full date on the page, far from the headline (it may be a
    /// teaser's date).
    Low,
}

/// Everything known about a document besides its body.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601: `2017-01-02`, or `2017-01-02T22:18:00+00:00` when the time
    /// and offset are known.
    pub date: Option<String>,
    pub date_confidence: Option<DateConfidence>,
    pub site_name: Option<String>,
    /// The site's operator ("Maintained and developed by X", JSON-LD publisher).
    pub publisher: Option<String>,
    /// Syndication origin ("Source: X", "(Reuters) -").
    pub source: Option<String>,
    /// The copyright notice's holder and year, as written.
    pub copyright: Option<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    pub canonical_url: Option<String>,
    pub description: Option<String>,
}

impl Metadata {
    /// Fill every field that is still empty from `other`.
    pub fn fill_from(&mut self, other: Metadata) {
        fn fill<T>(a: &mut Option<T>, b: Option<T>) {
            if a.is_none() {
                *a = b;
            }
        }
        if self.date.is_none() {
            self.date_confidence = other.date_confidence;
        } else if other.date_confidence == Some(DateConfidence::Medium)
            && let (Some(stated), Some(visible)) = (
                self.date.as_deref().and_then(date::parse_iso_like),
                other.date.as_deref().and_then(date::parse_iso_like),
            )
            && date::local_day_of(&stated, &visible)
        {
            // Metadata in UTC, the page showing the day before or after:
            // the page's own calendar day is the one its readers saw.
            self.date = other.date.clone();
        }
        fill(&mut self.title, other.title);
        // The site or its operator named as the author gives way to a
        // person the page's byline names.
        if self
            .author
            .as_deref()
            .is_some_and(|a| self.is_organisation(a))
            && other
                .author
                .as_deref()
                .is_some_and(|a| !self.is_organisation(a))
        {
            self.author = None;
        }
        fill(&mut self.author, other.author);
        fill(&mut self.date, other.date);
        fill(&mut self.site_name, other.site_name);
        fill(&mut self.publisher, other.publisher);
        fill(&mut self.source, other.source);
        fill(&mut self.copyright, other.copyright);
        fill(&mut self.language, other.language);
        fill(&mut self.canonical_url, other.canonical_url);
        fill(&mut self.description, other.description);
    }
}

impl Metadata {
    /// Is this author string the site or its operator (see
    /// [`author::is_organisation`])?
    fn is_organisation(&self, author: &str) -> bool {
        let host = self
            .canonical_url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .and_then(|u| u.host_str().map(str::to_string));
        author::is_organisation(
            author,
            self.site_name.as_deref(),
            self.publisher.as_deref(),
            host.as_deref(),
        )
    }
}

/// Trim, collapse whitespace, and drop empty strings.
pub(crate) fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_keeps_existing_values() {
        let mut a = Metadata {
            title: Some("A".into()),
            ..Default::default()
        };
        a.fill_from(Metadata {
            title: Some("B".into()),
            author: Some("C".into()),
            ..Default::default()
        });
        assert_eq!(a.title.as_deref(), Some("A"));
        assert_eq!(a.author.as_deref(), Some("C"));
    }

    #[test]
    fn visible_day_corrects_a_utc_date_across_midnight() {
        let stated = |d: &str| Metadata {
            date: Some(d.into()),
            date_confidence: Some(DateConfidence::Medium),
            ..Default::default()
        };
        let mut a = stated("2020-02-25T02:25:54+00:00");
        a.fill_from(stated("2020-02-24"));
        assert_eq!(a.date.as_deref(), Some("2020-02-24"));
        // Same day, or a local offset stated: the metadata stays.
        let mut b = stated("2020-02-25T02:25:54+00:00");
        b.fill_from(stated("2020-02-25"));
        assert_eq!(b.date.as_deref(), Some("2020-02-25T02:25:54+00:00"));
        let mut c = stated("2020-02-25T02:25:54-05:00");
        c.fill_from(stated("2020-02-24"));
        assert_eq!(c.date.as_deref(), Some("2020-02-25T02:25:54-05:00"));
    }

    #[test]
    fn a_named_person_beats_the_site_as_author() {
        let site = || Metadata {
            author: Some("Badische Zeitung".into()),
            site_name: Some("Badische Zeitung".into()),
            ..Default::default()
        };
        let byline = |a: &str| Metadata {
            author: Some(a.into()),
            ..Default::default()
        };
        let mut a = site();
        a.fill_from(byline("Lisa Petrich"));
        assert_eq!(a.author.as_deref(), Some("Lisa Petrich"));
        // No person named: the organisation stays.
        let mut b = site();
        b.fill_from(Metadata::default());
        assert_eq!(b.author.as_deref(), Some("Badische Zeitung"));
        // A person in the markup is not replaced.
        let mut c = byline("Jane Doe");
        c.site_name = Some("Daily".into());
        c.fill_from(byline("John Roe"));
        assert_eq!(c.author.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn clean_collapses() {
        assert_eq!(clean("  a \n b "), Some("a b".into()));
        assert_eq!(clean(" \t"), None);
    }
}
