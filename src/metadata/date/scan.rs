//! The free-text date scanner: tokens, then the fields of one date.

use super::words::{is_glue, month_of, weekday_of, zone_of};
use super::{MAX_CHARS, MAX_SPREAD, MAX_YEAR, MIN_YEAR, ParsedDate};
use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A run of digits: value (saturated), digit count, and an ordinal
    /// suffix or trailing dot attached (`16th`, `1er`, `16.`).
    Num {
        value: u32,
        digits: usize,
        ordinal: bool,
    },
    /// A run of letters, lowercased.
    Word(String),
    /// One separator character.
    Sep(char),
}

fn tokenize(s: &str) -> Vec<Tok> {
    // Sized for a dateline's tokens and words at once: growing them a
    // push at a time cost more than the scan (every line with a digit).
    let mut toks = Vec::with_capacity(16);
    let mut chars = s.chars().take(MAX_CHARS).peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut value: u32 = 0;
            let mut digits = 0;
            while let Some(&d) = chars.peek() {
                let Some(v) = d.to_digit(10).filter(|_| d.is_ascii_digit()) else {
                    break;
                };
                value = value.saturating_mul(10).saturating_add(v);
                digits += 1;
                chars.next();
            }
            toks.push(Tok::Num {
                value,
                digits,
                ordinal: false,
            });
        } else if c.is_alphabetic() {
            let mut w = String::with_capacity(16);
            while let Some(&d) = chars.peek() {
                if !d.is_alphabetic() || is_cjk_date_char(d) && !w.is_empty() {
                    break;
                }
                w.extend(d.to_lowercase());
                chars.next();
                if is_cjk_date_char(d) {
                    break;
                }
            }
            // "16th", "1st", "1er", "2nd": an ordinal suffix on a number.
            if let Some(Tok::Num {
                ordinal, digits, ..
            }) = toks.last_mut()
                && *digits <= 2
                && matches!(
                    w.as_str(),
                    "st" | "nd" | "rd" | "th" | "er" | "e" | "º" | "o"
                )
            {
                *ordinal = true;
                continue;
            }
            toks.push(Tok::Word(w));
        } else {
            chars.next();
            if matches!(c, '+' | '-') && chars.peek().is_some_and(|n| n.is_whitespace()) {
                // A sign standing apart ("10:00 - 11:30") joins a range;
                // an offset's sign is written against its digits (+0200).
                toks.push(Tok::Sep('–'));
            } else if !c.is_whitespace() {
                toks.push(Tok::Sep(c));
            }
        }
    }
    toks
}

fn is_cjk_date_char(c: char) -> bool {
    matches!(
        c,
        '年' | '月' | '日' | '时' | '時' | '分' | '년' | '월' | '일'
    )
}

/// What a scan found.
#[derive(Default)]
pub(super) struct Scan {
    pub(super) date: Option<ParsedDate>,
    /// Month, day and time present (a timestamp without a year).
    pub(super) month_day_time: bool,
    /// Every word and number token was a date token or a glue word.
    pub(super) only_date_tokens: bool,
}

/// Fields collected for one date.
#[derive(Default, Clone, Copy)]
struct Fields {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    time: Option<NaiveTime>,
    offset: Option<i32>,
    weekday: Option<Weekday>,
    /// Token index of the first field.
    first: Option<usize>,
}

impl Fields {
    fn complete(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    fn touch(&mut self, i: usize) {
        self.first.get_or_insert(i);
    }

    fn build(&self) -> Option<ParsedDate> {
        let date = NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)?;
        Some(ParsedDate {
            date,
            time: self.time,
            offset_secs: self.time.and(self.offset),
        })
    }
}

fn year_of(value: u32, digits: usize) -> Option<i32> {
    let y = match digits {
        4 => value as i32,
        // Two-digit years in numeric dates: 00–69 → 2000s, 70–99 → 1900s.
        2 => {
            if value < 70 {
                2000 + value as i32
            } else {
                1900 + value as i32
            }
        }
        _ => return None,
    };
    (MIN_YEAR..=MAX_YEAR).contains(&y).then_some(y)
}

pub(super) fn scan(s: &str) -> Scan {
    let toks = tokenize(s);
    let mut f = Fields::default();
    let mut month_day_time = false;
    let mut only = true;
    let mut any = false;
    let num = |i: usize| match toks.get(i) {
        Some(Tok::Num { value, digits, .. }) => Some((*value, *digits)),
        _ => None,
    };
    let sep = |i: usize| match toks.get(i) {
        Some(Tok::Sep(c)) => Some(*c),
        _ => None,
    };
    let word = |i: usize| match toks.get(i) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    // The spread between fields counts words and numbers, not the commas
    // and colons between them: "Updated 1:39 am EST, Wednesday, November
    // 20, 2019" is one timestamp, its year eight words after its time.
    let mut words_before = Vec::with_capacity(toks.len());
    let mut count = 0;
    for t in &toks {
        words_before.push(count);
        if !matches!(t, Tok::Sep(_)) {
            count += 1;
        }
    }
    let too_far = |first: usize, i: usize| words_before[i] > words_before[first] + MAX_SPREAD;
    let mut i = 0;
    while i < toks.len() {
        // A date in progress whose fields are too far apart is abandoned; a
        // complete one takes no more fields from far away (the rest of the
        // line is still read, to judge whether it is only a timestamp).
        let mut scratch = Fields::default();
        if let Some(first) = f.first
            && too_far(first, i)
            && !f.complete()
        {
            f = Fields::default();
        }
        let far = f.complete() && f.first.is_some_and(|first| too_far(first, i));
        let f = if far { &mut scratch } else { &mut f };
        let mut consumed = 1;
        let mut is_date_token = true;
        match &toks[i] {
            Tok::Num {
                value,
                digits,
                ordinal,
            } => {
                let (v, d) = (*value, *digits);
                // yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd
                if d == 4
                    && matches!(sep(i + 1), Some('-' | '/' | '.'))
                    && sep(i + 1) == sep(i + 3)
                    && num(i + 2).is_some_and(|(_, d)| d <= 2)
                    && num(i + 4).is_some_and(|(_, d)| d <= 2)
                {
                    if f.year.is_none() {
                        f.year = year_of(v, 4);
                        f.month = num(i + 2).map(|x| x.0);
                        f.day = num(i + 4).map(|x| x.0);
                        f.touch(i);
                    }
                    consumed = 5;
                    // An ISO "T" between date and time.
                    if word(i + 5) == Some("t") {
                        consumed = 6;
                    }
                } else if d <= 2
                    && matches!(sep(i + 1), Some('/' | '.' | '-'))
                    && sep(i + 1) == sep(i + 3)
                    && num(i + 2).is_some_and(|(_, d)| d <= 2)
                    && num(i + 4).is_some_and(|(_, d)| d == 4 || d == 2)
                {
                    // dd/mm/yyyy; mm/dd/yyyy when the second number can only
                    // be a day. Both ≤ 12: day first, as most of the world writes.
                    let a = v;
                    let b = num(i + 2).map_or(0, |x| x.0);
                    let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
                    if f.year.is_none() {
                        f.year = num(i + 4).and_then(|(v, d)| year_of(v, d));
                        f.month = Some(month);
                        f.day = Some(day);
                        f.touch(i);
                    }
                    consumed = 5;
                } else if d <= 2
                    && matches!(sep(i + 1), Some(':'))
                    && num(i + 2).is_some_and(|(_, d)| d == 2)
                    || d <= 2 && word(i + 1) == Some("h") && num(i + 2).is_some_and(|(_, d)| d == 2)
                {
                    // hh:mm[:ss] [am|pm], or French 14h05.
                    let minute = num(i + 2).map_or(0, |x| x.0);
                    let mut second = 0;
                    consumed = 3;
                    if sep(i + 3) == Some(':') && num(i + 4).is_some_and(|(_, d)| d == 2) {
                        second = num(i + 4).map_or(0, |x| x.0);
                        consumed = 5;
                        // Fractions of a second.
                        if sep(i + 5) == Some('.') && num(i + 6).is_some() {
                            consumed = 7;
                        }
                    }
                    let mut hour = v;
                    match word(i + consumed) {
                        Some("pm" | "p") => {
                            if hour < 12 {
                                hour += 12;
                            }
                            consumed += 1;
                        }
                        Some("am" | "a") => {
                            if hour == 12 {
                                hour = 0;
                            }
                            consumed += 1;
                        }
                        _ => {}
                    }
                    if f.time.is_none() {
                        f.time = NaiveTime::from_hms_opt(hour, minute, second);
                        f.touch(i);
                    }
                } else if d == 4 && word(i + 1) == Some("年") {
                    // 2008年1月16日
                    if f.year.is_none() {
                        f.year = year_of(v, 4);
                        f.touch(i);
                    }
                } else if d <= 2 && word(i + 1) == Some("月") {
                    if f.month.is_none() {
                        f.month = Some(v);
                    }
                } else if d <= 2 && word(i + 1) == Some("日") {
                    if f.day.is_none() {
                        f.day = Some(v);
                    }
                } else if d == 4 && year_of(v, 4).is_some() {
                    if f.year.is_none() {
                        f.year = year_of(v, 4);
                        f.touch(i);
                    }
                } else if (1..=31).contains(&v) && d <= 2 {
                    if f.day.is_none() {
                        f.day = Some(v);
                        f.touch(i);
                    }
                    let _ = ordinal;
                } else if d == 4 && matches!(sep(i.wrapping_sub(1)), Some('+' | '-')) && i > 0 {
                    // An offset like +0200 (handled at its sign).
                } else {
                    is_date_token = false;
                }
            }
            Tok::Word(w) => {
                if let Some(m) = month_of(w) {
                    if f.month.is_none() {
                        f.month = Some(m);
                        f.touch(i);
                    }
                } else if let Some(wd) = weekday_of(w) {
                    f.weekday.get_or_insert(wd);
                } else if let Some(off) = zone_of(w) {
                    if f.offset.is_none() {
                        f.offset = Some(off);
                    }
                    // GMT+2, UTC-05:00
                    if let (Some(sign @ ('+' | '-')), Some((h, hd))) = (sep(i + 1), num(i + 2))
                        && let Some(o) = offset_from(sign, h, hd, sep(i + 3), num(i + 4))
                    {
                        f.offset = Some(off + o.0);
                        consumed = 2 + o.1;
                    }
                } else if !is_glue(w) {
                    is_date_token = false;
                }
            }
            Tok::Sep(c) => {
                // A numeric offset (+0200, -05:00) right after a time. The
                // colon form only after a time with seconds (ISO's
                // `10:32:00-05:00`): after `10:00` it ends a range
                // ("10:00-11:30 Uhr").
                let colon_form = sep(i + 2) == Some(':');
                let after_seconds = i >= 4 && sep(i - 4) == Some(':');
                if matches!(c, '+' | '-')
                    && f.time.is_some()
                    && (!colon_form || after_seconds)
                    && let Some((h, hd)) = num(i + 1)
                    && let Some(o) = offset_from(*c, h, hd, sep(i + 2), num(i + 3))
                {
                    f.offset = Some(o.0);
                    consumed = 1 + o.1;
                }
                // Separators never make a line prose.
                is_date_token = true;
            }
        }
        if matches!(toks[i], Tok::Num { .. } | Tok::Word(_)) {
            any = true;
            if !is_date_token {
                only = false;
            }
        }
        i += consumed;
    }
    // Time and zone seen beside the date (within the spread) belong to it.
    let date = if f.complete() {
        f.build()
            .filter(|&d| !f.weekday.is_some_and(|wd| wd != d.date.weekday()))
    } else {
        None
    };
    if f.month.is_some() && f.day.is_some() && f.time.is_some() {
        month_day_time = true;
    }
    Scan {
        date,
        month_day_time,
        only_date_tokens: only && any,
    }
}

/// `+02`, `+0200`, `+02:00` → (seconds, tokens consumed after the sign).
fn offset_from(
    sign: char,
    h: u32,
    digits: usize,
    colon: Option<char>,
    minutes: Option<(u32, usize)>,
) -> Option<(i32, usize)> {
    let (hours, mins, used) = match digits {
        4 => (h / 100, h % 100, 1),
        1 | 2 => match (colon, minutes) {
            (Some(':'), Some((m, 2))) => (h, m, 3),
            _ => (h, 0, 1),
        },
        _ => return None,
    };
    if hours > 14 || mins > 59 {
        return None;
    }
    let secs = (hours * 3600 + mins * 60) as i32;
    Some((if sign == '-' { -secs } else { secs }, used))
}
