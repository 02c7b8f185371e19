//! Choosing among dates: which are plausible, which of two statements of
//! one moment keeps the page's own calendar day, and the date a URL carries.

use super::ParsedDate;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

/// The first day a web page can carry: the first web site went online in
/// August 1991, so an earlier "publication date" is a historical date in
/// the text, a placeholder (`1970-01-01`, `0001-01-01`) or a broken field.
fn first_web_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(1991, 8, 6).expect("valid date")
}

/// A date a page can really have been published on: not before the web,
/// and not after today. A day of slack above today lets a page stamped in a
/// time zone east of ours through; later dates are event announcements or
/// broken fields.
pub fn is_plausible(d: &ParsedDate, today: NaiveDate) -> bool {
    d.date >= first_web_day() && d.date <= today + Duration::days(1)
}

/// Today, as the upper bound of [`is_plausible`] (the current date, not a
/// constant, so the bound moves with the clock).
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

impl ParsedDate {
    /// The moment in UTC, when time and offset are both known.
    fn instant(&self) -> Option<NaiveDateTime> {
        let t = self.time?;
        let off = self.offset_secs?;
        Some(self.date.and_time(t) - Duration::seconds(off.into()))
    }

    /// Stated in UTC (`Z`, `+00:00`, `GMT`) with a time of day: many sites
    /// convert their local publication time to UTC in their metadata, which
    /// can move it onto the next or the previous calendar day.
    pub fn is_utc(&self) -> bool {
        self.time.is_some() && self.offset_secs == Some(0)
    }
}

/// Of the page's statements of its publication date (best first), the
/// first plausible one; when it is given in UTC and another statement gives
/// the same moment in a local offset, that one, which keeps the page's own
/// calendar day (`2019-10-18T22:04Z` and `Sat, 19 Oct 2019 00:04 +0200`
/// give `2019-10-19T00:04:00+02:00`).
pub fn first_plausible(candidates: &[ParsedDate], today: NaiveDate) -> Option<ParsedDate> {
    let plausible: Vec<&ParsedDate> = candidates
        .iter()
        .filter(|d| is_plausible(d, today))
        .collect();
    let first = **plausible.first()?;
    if first.is_utc() {
        let moment = first.instant();
        if let Some(local) = plausible
            .iter()
            .find(|d| d.offset_secs.is_some_and(|o| o != 0) && d.instant() == moment)
        {
            return Some(**local);
        }
    }
    Some(first)
}

/// The calendar day the page itself shows, when metadata states the moment
/// in UTC and a visible date on the page is the day before or after it: the
/// UTC conversion crossed midnight, and the page's own day is the one its
/// readers saw.
///
/// A visible time must give the same moment at a real offset (a whole
/// quarter hour between UTC−12 and UTC+14). A visible day alone may only
/// have crossed with an offset of the Americas or Europe and Africa
/// (UTC−8 to UTC+3), where most of the web's pages are stamped: across a
/// larger gap the day beside a UTC time is more often another date on the
/// page (a "today" banner, a comment) than the page's own.
pub fn local_day_of(utc: &ParsedDate, visible: &ParsedDate) -> bool {
    let Some(t) = utc.time.filter(|_| utc.is_utc()) else {
        return false;
    };
    if visible.date == utc.date {
        return false;
    }
    let moment = utc.date.and_time(t);
    if let Some(vt) = visible.time {
        let offset = (visible.date.and_time(vt) - moment).num_minutes();
        return offset % 15 == 0 && (-12 * 60..=14 * 60).contains(&offset);
    }
    let earliest = (moment - Duration::hours(8)).date();
    let latest = (moment + Duration::hours(3)).date();
    visible.date >= earliest && visible.date <= latest
}

/// The date with day and month exchanged, when both can be either (a
/// numeric `03/04/2021` read in the other order).
pub fn swapped(d: &ParsedDate) -> Option<NaiveDate> {
    let (day, month) = (d.date.day(), d.date.month());
    (day <= 12 && day != month)
        .then(|| NaiveDate::from_ymd_opt(d.date.year(), day, month))
        .flatten()
}

/// The date in a URL's path: `/2010/05/19/`, `/2012-06/04/`, `/2019-10-21-`,
/// `/20100519/`. Year, month and day must all be there (a `/2010/05/` archive
/// path names a month, not a day).
pub fn from_url(url: &str) -> Option<ParsedDate> {
    let path = url.split(['?', '#']).next()?;
    // Skip the scheme and host: a host never carries the date.
    let path = path.split_once("://").map_or(path, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    let digits: Vec<(usize, &str)> = path
        .match_indices(|c: char| c.is_ascii_digit())
        .map(|(i, _)| i)
        .fold(Vec::<(usize, usize)>::new(), |mut runs, i| {
            match runs.last_mut() {
                Some((_, end)) if *end == i => *end = i + 1,
                _ => runs.push((i, i + 1)),
            }
            runs
        })
        .into_iter()
        .map(|(s, e)| (s, &path[s..e]))
        .collect();
    for (k, &(start, run)) in digits.iter().enumerate() {
        // `20100519`: eight digits that form a date on their own.
        if run.len() == 8
            && let Ok(d) = NaiveDate::parse_from_str(run, "%Y%m%d")
        {
            return Some(date_only(d));
        }
        let joined = |a_end: usize, b_start: usize| {
            b_start == a_end + 1 && matches!(&path[a_end..b_start], "/" | "-" | "_" | ".")
        };
        // `29-10-2021`: day, month and year; the month first only where the
        // second number can only be a day; both up to 12 is no date (a
        // `03-04-2021` can be read either way).
        if run.len() <= 2 && k + 2 < digits.len() {
            let (bs, b) = digits[k + 1];
            let (ys, y) = digits[k + 2];
            if b.len() <= 2
                && y.len() == 4
                && joined(start + run.len(), bs)
                && joined(bs + b.len(), ys)
                && let (Ok(a), Ok(b), Ok(y)) = (run.parse::<u32>(), b.parse::<u32>(), y.parse())
                && (a > 12) != (b > 12)
            {
                let (day, month) = if a > 12 { (a, b) } else { (b, a) };
                if let Some(date) = NaiveDate::from_ymd_opt(y, month, day) {
                    return Some(date_only(date));
                }
            }
        }
        // `2010/05/19`, `2012-06/04`: year, month and day, each run joined
        // to the next by one separator.
        if run.len() == 4 && k + 2 < digits.len() {
            let (ms, m) = digits[k + 1];
            let (ds, d) = digits[k + 2];
            if m.len() <= 2
                && d.len() <= 2
                && joined(start + run.len(), ms)
                && joined(ms + m.len(), ds)
                && let (Ok(y), Ok(m), Ok(d)) = (run.parse(), m.parse(), d.parse())
                && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
            {
                return Some(date_only(date));
            }
        }
    }
    None
}

fn date_only(date: NaiveDate) -> ParsedDate {
    ParsedDate {
        date,
        time: None,
        offset_secs: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> ParsedDate {
        super::super::parse_iso_like(s).expect("date")
    }

    fn day(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn implausible_dates_are_rejected() {
        let today = day(2024, 5, 1);
        assert!(is_plausible(&d("2024-05-02"), today));
        assert!(!is_plausible(&d("2024-06-01"), today));
        assert!(!is_plausible(&d("1970-01-01"), today));
        assert!(is_plausible(&d("1999-12-31"), today));
        // A future date is skipped for the next statement.
        let got = first_plausible(&[d("2031-01-01"), d("2020-01-02")], today);
        assert_eq!(got.map(|x| x.to_iso()).as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn local_offset_of_the_same_moment_wins() {
        let today = day(2024, 5, 1);
        let got = first_plausible(
            &[
                d("2019-10-18T22:04:00Z"),
                d("Sat, 19 Oct 2019 00:04:00 +0200"),
            ],
            today,
        );
        assert_eq!(
            got.map(|x| x.to_iso()).as_deref(),
            Some("2019-10-19T00:04:00+02:00")
        );
        // Another moment is another statement: the first one stays.
        let got = first_plausible(
            &[d("2019-10-18T22:04:00Z"), d("2019-10-20T09:00:00+02:00")],
            today,
        );
        assert_eq!(
            got.map(|x| x.to_iso()).as_deref(),
            Some("2019-10-18T22:04:00+00:00")
        );
    }

    #[test]
    fn visible_day_next_to_a_utc_moment() {
        let utc = d("2020-02-25T02:25:54+00:00");
        assert!(local_day_of(&utc, &d("2020-02-24")));
        assert!(!local_day_of(&utc, &d("2020-02-23")));
        assert!(!local_day_of(&utc, &d("2020-02-25")));
        // A local time is the page's own: nothing to correct.
        let local = d("2020-02-25T02:25:54+01:00");
        assert!(!local_day_of(&local, &d("2020-02-24")));
        // Midday UTC: no offset of the Americas reaches the previous day,
        // nor one of Europe the next.
        let noon = d("2020-02-25T13:00:00Z");
        assert!(!local_day_of(&noon, &d("2020-02-24")));
        assert!(!local_day_of(&noon, &d("2020-02-26")));
        assert!(local_day_of(&d("2021-11-04T23:00:00Z"), &d("2021-11-05")));
        // A visible time must name the same moment.
        let evening = d("2022-05-04T00:44:52Z");
        assert!(local_day_of(&evening, &d("2022-05-03T21:44:00")));
        assert!(!local_day_of(&evening, &d("2022-05-03T09:16:00")));
    }

    #[test]
    fn url_dates() {
        let iso = |u: &str| from_url(u).map(|d| d.to_iso());
        assert_eq!(
            iso("http://x.de/2010/05/19/titel/").as_deref(),
            Some("2010-05-19")
        );
        assert_eq!(
            iso("http://he.x.com/news/2012-06/04/content_25340717.htm").as_deref(),
            Some("2012-06-04")
        );
        assert_eq!(
            iso("https://x.com/a/20100519/b").as_deref(),
            Some("2010-05-19")
        );
        assert_eq!(
            iso("https://x.de/media-news/meldungen/29-10-2021").as_deref(),
            Some("2021-10-29")
        );
        assert_eq!(
            iso("https://x.com/news/10-29-2021-story").as_deref(),
            Some("2021-10-29")
        );
        // Day and month both up to 12: either order, no date.
        assert_eq!(iso("https://x.com/news/03-04-2021-story"), None);
        // A month archive, an id, a host with digits: no day.
        assert_eq!(iso("http://x.de/2010/05/literatur/"), None);
        assert_eq!(iso("https://x.com/?p=31228"), None);
        assert_eq!(iso("https://www.2020-10-01.com/a"), None);
        assert_eq!(iso("https://x.com/a/20101399/b"), None);
    }
}
