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

/// Where a date in the markup comes from, which says how much it is
/// trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateTrust {
    /// Stated as the publication date (JSON-LD `datePublished`, a
    /// published-time meta tag, microdata), or the URL's date.
    Stated,
    /// The page's first `<time>` element: the visible date's markup when
    /// the article's header shows the same day.
    FirstTime,
    /// A later `<time>` element: it may sit in a teaser or a comment.
    Time,
    /// A generic `date` meta tag, often the page's last change: a visible
    /// date in the article's header that disagrees wins over it.
    Generic,
}

/// One plausible date the markup states, with its trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkupDate {
    pub date: date::ParsedDate,
    pub trust: DateTrust,
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
    /// Every plausible date the markup states, best first (not output).
    #[serde(skip)]
    pub markup_dates: Vec<MarkupDate>,
    /// The trust of the markup date chosen for `date` (not output).
    #[serde(skip)]
    pub markup_date_trust: Option<DateTrust>,
    /// The date read off the page's lines is labelled as the publication
    /// ("Veröffentlicht am …", "Published …") (not output).
    #[serde(skip)]
    pub date_labelled_published: bool,
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
            && let Some(visible) = other.date.as_deref().and_then(date::parse_iso_like)
        {
            self.prefer_visible_date(visible, other.date_labelled_published);
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
    /// Reconcile the markup's date with the date visible in the article's
    /// header (a dateline or timestamp by the headline), when they differ.
    ///
    /// - The page's first `<time>` or a generic `date` tag stating the
    ///   visible day wins: two statements of the page agree on it (a site's
    ///   other tags may carry a republication or a first draft).
    /// - Else a generic `date` tag (often the last edit) gives way to the
    ///   visible date, and so does a `<time>` (it may be a teaser's) to a
    ///   visible date labelled as the publication.
    /// - Else, when the markup states the moment in UTC and the visible day
    ///   is the day before or after it, the conversion crossed midnight: the
    ///   page's own calendar day is the one its readers saw.
    fn prefer_visible_date(&mut self, visible: date::ParsedDate, labelled: bool) {
        let Some(stated) = self.date.as_deref().and_then(date::parse_iso_like) else {
            return;
        };
        // The same day, or the same numbers read the other way round (a
        // visible `07/06/2004` beside a stated 6 July: the page writes the
        // month first, the parser read the day first).
        if stated.date == visible.date || date::swapped(&visible) == Some(stated.date) {
            return;
        }
        if let Some(c) = self.markup_dates.iter().find(|c| {
            matches!(c.trust, DateTrust::FirstTime | DateTrust::Generic)
                && c.date.date == visible.date
        }) {
            self.date = Some(c.date.to_iso());
            self.markup_date_trust = Some(c.trust);
        } else if self.markup_date_trust == Some(DateTrust::Generic)
            || labelled && self.markup_date_trust != Some(DateTrust::Stated)
        {
            self.date = Some(visible.to_iso());
            self.date_confidence = Some(DateConfidence::Medium);
        } else if date::local_day_of(&stated, &visible) {
            self.date = Some(visible.to_iso());
        }
    }

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

    fn markup(dates: &[(&str, DateTrust)]) -> Metadata {
        let markup_dates: Vec<MarkupDate> = dates
            .iter()
            .map(|(d, trust)| MarkupDate {
                date: date::parse_iso_like(d).unwrap(),
                trust: *trust,
            })
            .collect();
        Metadata {
            date: Some(markup_dates[0].date.to_iso()),
            date_confidence: Some(DateConfidence::High),
            markup_date_trust: Some(markup_dates[0].trust),
            markup_dates,
            ..Default::default()
        }
    }

    fn visible(d: &str) -> Metadata {
        Metadata {
            date: Some(d.into()),
            date_confidence: Some(DateConfidence::Medium),
            ..Default::default()
        }
    }

    #[test]
    fn visible_day_picks_the_markup_statement_it_corroborates() {
        use DateTrust::*;
        // The page's first <time> shows the header's day: it beats a
        // published-time tag that names another day.
        let mut a = markup(&[
            ("2022-11-17T10:33:13Z", Stated),
            ("2022-03-09", FirstTime),
            ("2022-10-11", Time),
        ]);
        a.fill_from(visible("2022-03-09"));
        assert_eq!(a.date.as_deref(), Some("2022-03-09"));
        // A generic date tag agreeing with the header beats microdata.
        let mut b = markup(&[
            ("2021-10-27T20:35:36+01:00", Stated),
            ("2021-10-28T13:21:30+01:00", Generic),
        ]);
        b.fill_from(visible("2021-10-28"));
        assert_eq!(b.date.as_deref(), Some("2021-10-28T13:21:30+01:00"));
        // A visible date that is the stated one with day and month read
        // the other way round agrees with it.
        let mut d = markup(&[("2004-07-06", Generic)]);
        d.fill_from(visible("2004-06-07"));
        assert_eq!(d.date.as_deref(), Some("2004-07-06"));
        // Only a generic tag: the visible date wins even alone.
        let mut c = markup(&[("2021-12-20T11:02:44+01:00", Generic)]);
        c.fill_from(visible("2022-01-27"));
        assert_eq!(c.date.as_deref(), Some("2022-01-27"));
    }

    #[test]
    fn visible_day_does_not_move_a_stated_date_alone() {
        use DateTrust::*;
        // A teaser's <time> (not the first) agreeing with a visible date
        // in the header zone is no corroboration.
        let mut a = markup(&[
            ("2023-11-06T08:00:15-08:00", Stated),
            ("2023-11-08", FirstTime),
            ("2023-11-02", Time),
        ]);
        a.fill_from(visible("2023-11-02"));
        assert_eq!(a.date.as_deref(), Some("2023-11-06T08:00:15-08:00"));
        // A <time> chosen by default is not overruled by an unconfirmed
        // visible date.
        let mut b = markup(&[("2021-11-19T10:13:50+01:00", FirstTime)]);
        b.fill_from(visible("2021-11-17"));
        assert_eq!(b.date.as_deref(), Some("2021-11-19T10:13:50+01:00"));
        // A low-confidence line date (far from the headline) never moves it.
        let mut c = markup(&[("2021-12-20T11:02:44+01:00", Generic)]);
        c.fill_from(Metadata {
            date: Some("2022-01-27".into()),
            date_confidence: Some(DateConfidence::Low),
            ..Default::default()
        });
        assert_eq!(c.date.as_deref(), Some("2021-12-20T11:02:44+01:00"));
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
