//! Dates: machine-readable ones from metadata, and free-text ones from
//! bylines and timestamp lines, in many orders and languages.
//!
//! Free text is parsed by tokens, not by fixed formats: the line is cut into
//! numbers, words and separators; numeric patterns (`22:18`, `2008-01-16`,
//! `16/01/2008`, `2008年1月16日`) and words (month and weekday names in a
//! dozen languages, time-zone names) fill the fields of one date, whatever
//! their order. `GMT 22:18 2017 Monday ,02 January` gives
//! `2017-01-02T22:18:00+00:00`; the weekday is checked against the date.
//!
//! Callers must not feed copyright lines: `© 2023` is a year, not a date of
//! publication, and this module cannot tell the difference.

mod choice;
mod label;
mod scan;
mod words;

pub use choice::{first_plausible, from_url, is_plausible, local_day_of, swapped, today};
pub use label::{DateLabel, parse_labelled};
pub use words::is_date_word;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use scan::scan;

/// A parsed date: the calendar date, optional time of day, optional UTC
/// offset in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub offset_secs: Option<i32>,
}

impl ParsedDate {
    /// ISO 8601: `2017-01-02`, `2017-01-02T22:18:00`, or
    /// `2017-01-02T22:18:00+00:00` when the offset is known.
    pub fn to_iso(&self) -> String {
        let mut s = self.date.format("%Y-%m-%d").to_string();
        if let Some(t) = self.time {
            s.push_str(&t.format("T%H:%M:%S").to_string());
            if let Some(off) = self.offset_secs {
                let sign = if off < 0 { '-' } else { '+' };
                let off = off.unsigned_abs();
                s.push_str(&format!("{sign}{:02}:{:02}", off / 3600, (off % 3600) / 60));
            }
        }
        s
    }
}

/// Years accepted in free text. The web's articles start in the 1990s;
/// earlier four-digit numbers in a byline or dateline are far more often
/// historical years, counts or street numbers than publication dates.
const MIN_YEAR: i32 = 1990;
const MAX_YEAR: i32 = 2100;

/// Only the start of a line is read: timestamps and datelines are short,
/// and a bound keeps the cost linear whatever the input.
const MAX_CHARS: usize = 300;

/// All fields of one date must lie within this many words and numbers of its first
/// field; farther apart they are two different things ("3 men … in May").
const MAX_SPREAD: usize = 10;

/// Parse a machine-readable date (ISO 8601, RFC 3339, RFC 2822,
/// `2008-01-16 10:32:00`, `20080116`), falling back to [`parse_free`].
pub fn parse_iso_like(s: &str) -> Option<ParsedDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_CHARS {
        return parse_free(s);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(from_fixed(dt));
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(from_fixed(dt));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(dt) = chrono::DateTime::parse_from_str(s, fmt) {
            return Some(from_fixed(dt));
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(ParsedDate {
                date: dt.date(),
                time: Some(dt.time()),
                offset_secs: None,
            });
        }
    }
    for fmt in ["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(ParsedDate {
                date: d,
                time: None,
                offset_secs: None,
            });
        }
    }
    parse_free(s)
}

fn from_fixed(dt: chrono::DateTime<chrono::FixedOffset>) -> ParsedDate {
    ParsedDate {
        date: dt.date_naive(),
        time: Some(dt.time()),
        offset_secs: Some(dt.offset().local_minus_utc()),
    }
}

/// Parse the first complete date (year, month and day) in free text, with
/// its time and zone when they stand beside it. `None` when there is none,
/// or when a weekday beside it contradicts it (then the tokens belong to two
/// different things, and no date is better than a wrong one).
pub fn parse_free(s: &str) -> Option<ParsedDate> {
    // A date has a number (its day or year): a line without a digit (most
    // menu items, headlines and labels) is not tokenized at all.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    scan(s).date
}

/// True when the line is only a timestamp: every word is part of a date or
/// time, or a little glue word (`updated`, `on`, `um`, `à`, …), and the
/// tokens form a date (year, month and day; or month, day and time).
pub fn is_timestamp_line(s: &str) -> bool {
    // Every timestamp has a number (a day, a year or a time); checking for a
    // digit first spares the tokenizer on menus and headlines.
    if s.len() > MAX_CHARS * 4 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let r = scan(s);
    r.only_date_tokens && (r.date.is_some() || r.month_day_time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn iso(s: &str) -> Option<String> {
        parse_free(s).map(|d| d.to_iso())
    }

    #[test]
    fn seed_timestamp() {
        assert_eq!(
            iso("GMT 22:18 2017 Monday ,02 January").as_deref(),
            Some("2017-01-02T22:18:00+00:00")
        );
        assert!(is_timestamp_line("GMT 22:18 2017 Monday ,02 January"));
    }

    #[test]
    fn free_text_dates() {
        let cases = [
            (
                "Published: March 5, 2019 10:32 AM EST",
                "2019-03-05T10:32:00-05:00",
            ),
            ("5 mars 2019", "2019-03-05"),
            ("05.03.2019 um 10:32 Uhr", "2019-03-05T10:32:00"),
            (
                "Updated 14:05 GMT, 12 Feb 2008",
                "2008-02-12T14:05:00+00:00",
            ),
            ("2008-01-16", "2008-01-16"),
            ("16/01/2008", "2008-01-16"),
            ("01/16/2008", "2008-01-16"),
            ("January 16, 2008", "2008-01-16"),
            ("Wed Jan 16 2008", "2008-01-16"),
            ("Posted on 16th January 2008 by John", "2008-01-16"),
            ("le 12 février 2008 à 14h05", "2008-02-12T14:05:00"),
            ("12. Februar 2008", "2008-02-12"),
            ("12 de febrero de 2008", "2008-02-12"),
            ("2008年1月16日", "2008-01-16"),
            ("16 января 2008", "2008-01-16"),
            ("Sat Jan 5, 2008 7:05pm EST", "2008-01-05T19:05:00-05:00"),
            ("12:00 am, 3 May 2010", "2010-05-03T00:00:00"),
            ("2019-03-05 10:32 +0200", "2019-03-05T10:32:00+02:00"),
            ("Jan 10, 2008 4:49:12 PM", "2008-01-10T16:49:12"),
            // A time range, not a time and its offset.
            ("19.01.2023 10:00 - 11:30", "2023-01-19T10:00:00"),
            ("19.01.2023 10:00 -0330", "2023-01-19T10:00:00-03:30"),
            ("19.1.23, 10:00-11:30 Uhr", "2023-01-19T10:00:00"),
            ("2019-03-05 10:32:00-05:00", "2019-03-05T10:32:00-05:00"),
        ];
        for (input, want) in cases {
            assert_eq!(iso(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn contradictions_and_nonsense() {
        // 2 January 2017 was a Monday, not a Tuesday.
        assert_eq!(iso("Tuesday 2 January 2017"), None);
        assert_eq!(iso("31 February 2008"), None);
        assert_eq!(iso("2017"), None);
        assert_eq!(iso("99999999999:99"), None);
        assert_eq!(iso(""), None);
        // Fields too far apart are not one date.
        assert_eq!(
            iso(
                "The 3 men who met that day had all been born in a small village far away in 2019 May"
            ),
            None
        );
    }

    #[test]
    fn timestamp_lines() {
        for t in [
            "Monday 2 January 2017",
            "Published: 5 March 2019",
            "Updated 14:05 GMT, 12 Feb 2008",
            "January 7 17:00",
            "Sat Jan 5, 2008 7:05pm EST",
            "Updated 1:39 am EST, Wednesday, November 20, 2019",
            "| November 18, 2019 12:26 PM",
        ] {
            assert!(is_timestamp_line(t), "{t}");
        }
        for t in [
            "The meeting on 5 March 2019 was cancelled.",
            "2017",
            "Iraq, Hollande Says",
            "Copyright 2023",
            "In Iraq, Hollande Says Daesh Battle Prevents Attacks At Home",
        ] {
            assert!(!is_timestamp_line(t), "{t}");
        }
    }

    #[test]
    fn machine_dates() {
        let cases = [
            ("2019-03-05T10:32:00Z", "2019-03-05T10:32:00+00:00"),
            (
                "2019-03-05T10:32:00.123+01:00",
                "2019-03-05T10:32:00.123+01:00",
            ),
            ("2019-03-05", "2019-03-05"),
            ("Tue, 05 Mar 2019 10:32:00 GMT", "2019-03-05T10:32:00+00:00"),
            ("20190305", "2019-03-05"),
            ("2019-03-05T10:32:00", "2019-03-05T10:32:00"),
            ("2019-03-05T10:32:00+0100", "2019-03-05T10:32:00+01:00"),
        ];
        for (input, want) in cases {
            let got = parse_iso_like(input).map(|d| d.to_iso());
            // Fractional seconds are dropped by the formatter.
            let want = want.replace(".123", "");
            assert_eq!(got.as_deref(), Some(want.as_str()), "{input}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = parse_free(&s);
            let _ = parse_iso_like(&s);
            let _ = is_timestamp_line(&s);
        }

        #[test]
        fn never_panics_on_date_like_noise(s in "[0-9:/.+\\- a-zA-Z年月日]{0,80}") {
            let _ = parse_free(&s);
            let _ = is_timestamp_line(&s);
        }
    }
}
