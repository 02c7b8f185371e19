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

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

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

/// All fields of one date must lie within this many tokens of its first
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
    let mut toks = Vec::new();
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
            let mut w = String::new();
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
            if !c.is_whitespace() {
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

/// Month names and abbreviations, by month number.
const MONTHS: &[(u32, &[&str])] = &[
    (
        1,
        &[
            "january",
            "jan",
            "janvier",
            "janv",
            "januar",
            "jän",
            "jänner",
            "enero",
            "ene",
            "gennaio",
            "gen",
            "janeiro",
            "januari",
            "января",
            "январь",
            "янв",
            "stycznia",
            "styczeń",
            "styczen",
            "ocak",
            "januari",
        ],
    ),
    (
        2,
        &[
            "february",
            "feb",
            "febr",
            "février",
            "fevrier",
            "févr",
            "fevr",
            "februar",
            "febrero",
            "febbraio",
            "fevereiro",
            "fev",
            "februari",
            "февраля",
            "февраль",
            "фев",
            "lutego",
            "luty",
            "şubat",
            "subat",
        ],
    ),
    (
        3,
        &[
            "march",
            "mar",
            "mars",
            "märz",
            "maerz",
            "mär",
            "mrz",
            "marzo",
            "março",
            "marco",
            "maart",
            "mrt",
            "марта",
            "март",
            "мар",
            "marca",
            "marzec",
            "mart",
        ],
    ),
    (
        4,
        &[
            "april",
            "apr",
            "avril",
            "avr",
            "abril",
            "abr",
            "aprile",
            "апреля",
            "апрель",
            "апр",
            "kwietnia",
            "kwiecień",
            "kwiecien",
            "nisan",
        ],
    ),
    (
        5,
        &[
            "may", "mai", "mayo", "maggio", "mag", "maio", "mei", "мая", "май", "maja", "maj",
            "mayıs", "mayis",
        ],
    ),
    (
        6,
        &[
            "june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "июня", "июнь",
            "июн", "czerwca", "czerwiec", "haziran",
        ],
    ),
    (
        7,
        &[
            "july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "июля",
            "июль", "июл", "lipca", "lipiec", "temmuz",
        ],
    ),
    (
        8,
        &[
            "august",
            "aug",
            "août",
            "aout",
            "agosto",
            "ago",
            "augustus",
            "августа",
            "август",
            "авг",
            "sierpnia",
            "sierpień",
            "sierpien",
            "ağustos",
            "agustos",
            "augusti",
        ],
    ),
    (
        9,
        &[
            "september",
            "sep",
            "sept",
            "septembre",
            "septiembre",
            "setiembre",
            "settembre",
            "set",
            "setembro",
            "сентября",
            "сентябрь",
            "сен",
            "сент",
            "września",
            "wrzesnia",
            "wrzesień",
            "eylül",
            "eylul",
        ],
    ),
    (
        10,
        &[
            "october",
            "oct",
            "octobre",
            "oktober",
            "okt",
            "octubre",
            "ottobre",
            "ott",
            "outubro",
            "out",
            "октября",
            "октябрь",
            "окт",
            "października",
            "pazdziernika",
            "październik",
            "ekim",
        ],
    ),
    (
        11,
        &[
            "november",
            "nov",
            "novembre",
            "noviembre",
            "novembro",
            "ноября",
            "ноябрь",
            "ноя",
            "listopada",
            "listopad",
            "kasım",
            "kasim",
        ],
    ),
    (
        12,
        &[
            "december",
            "dec",
            "décembre",
            "decembre",
            "déc",
            "dezember",
            "dez",
            "diciembre",
            "dic",
            "dicembre",
            "dezembro",
            "дек",
            "декабря",
            "декабрь",
            "grudnia",
            "grudzień",
            "grudzien",
            "aralık",
            "aralik",
        ],
    ),
];

/// Is this word (any case) a month or weekday name? Lets callers cut a date
/// off a byline ("Jane Doe March 18" → "Jane Doe").
pub fn is_date_word(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    !w.is_empty() && (month_of(&w).is_some() || weekday_of(&w).is_some())
}

fn month_of(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(_, names)| names.contains(&word))
        .map(|(m, _)| *m)
}

const WEEKDAYS: &[(Weekday, &[&str])] = &[
    (
        Weekday::Mon,
        &[
            "monday",
            "mon",
            "lundi",
            "montag",
            "lunes",
            "lunedì",
            "lunedi",
            "segunda",
            "maandag",
            "понедельник",
            "poniedziałek",
            "pazartesi",
            "måndag",
        ],
    ),
    (
        Weekday::Tue,
        &[
            "tuesday",
            "tue",
            "tues",
            "mardi",
            "dienstag",
            "martes",
            "martedì",
            "martedi",
            "terça",
            "terca",
            "dinsdag",
            "вторник",
            "wtorek",
            "salı",
            "tisdag",
        ],
    ),
    (
        Weekday::Wed,
        &[
            "wednesday",
            "wed",
            "mercredi",
            "mittwoch",
            "miércoles",
            "miercoles",
            "mercoledì",
            "mercoledi",
            "quarta",
            "woensdag",
            "среда",
            "środa",
            "çarşamba",
            "onsdag",
        ],
    ),
    (
        Weekday::Thu,
        &[
            "thursday",
            "thu",
            "thur",
            "thurs",
            "jeudi",
            "donnerstag",
            "jueves",
            "giovedì",
            "giovedi",
            "quinta",
            "donderdag",
            "четверг",
            "czwartek",
            "perşembe",
            "torsdag",
        ],
    ),
    (
        Weekday::Fri,
        &[
            "friday",
            "fri",
            "vendredi",
            "freitag",
            "viernes",
            "venerdì",
            "venerdi",
            "sexta",
            "vrijdag",
            "пятница",
            "piątek",
            "cuma",
            "fredag",
        ],
    ),
    (
        Weekday::Sat,
        &[
            "saturday",
            "sat",
            "samedi",
            "samstag",
            "sonnabend",
            "sábado",
            "sabado",
            "sabato",
            "zaterdag",
            "суббота",
            "sobota",
            "cumartesi",
            "lördag",
        ],
    ),
    (
        Weekday::Sun,
        &[
            "sunday",
            "sun",
            "dimanche",
            "sonntag",
            "domingo",
            "domenica",
            "zondag",
            "воскресенье",
            "niedziela",
            "pazar",
            "söndag",
        ],
    ),
];

fn weekday_of(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(_, names)| names.contains(&word))
        .map(|(d, _)| *d)
}

/// Time-zone names with fixed offsets (hours). Ambiguous ones (IST: India,
/// Israel or Ireland) are left out: no offset beats a wrong one.
const ZONES: &[(&str, i32)] = &[
    ("gmt", 0),
    ("utc", 0),
    ("z", 0),
    ("wet", 0),
    ("bst", 1),
    ("cet", 1),
    ("cest", 2),
    ("met", 1),
    ("mesz", 2),
    ("mez", 1),
    ("eet", 2),
    ("eest", 3),
    ("msk", 3),
    ("est", -5),
    ("edt", -4),
    ("cst", -6),
    ("cdt", -5),
    ("mst", -7),
    ("mdt", -6),
    ("pst", -8),
    ("pdt", -7),
    ("akst", -9),
    ("hst", -10),
    ("jst", 9),
    ("kst", 9),
    ("hkt", 8),
    ("sgt", 8),
    ("aest", 10),
    ("aedt", 11),
    ("acst", 9),
    ("awst", 8),
    ("nzst", 12),
    ("nzdt", 13),
];

fn zone_of(word: &str) -> Option<i32> {
    ZONES
        .iter()
        .find(|(n, _)| *n == word)
        .map(|(_, h)| h * 3600)
}

/// Little words that may stand in a timestamp line without making it prose.
const GLUE: &[&str] = &[
    "at",
    "on",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "um",
    "uhr",
    "à",
    "a",
    "le",
    "de",
    "del",
    "el",
    "the",
    "of",
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "date",
    "time",
    "created",
    "edited",
    "first",
    "publié",
    "publie",
    "mis",
    "jour",
    "veröffentlicht",
    "aktualisiert",
    "actualizado",
    "publicado",
    "pubblicato",
    "aggiornato",
    "stand",
    "den",
    "der",
    "im",
    "h",
    "hrs",
    "et",
    "y",
    "o",
    "г",
    "года",
    "в",
    "t",
    "年",
    "月",
    "日",
    "时",
    "時",
    "分",
    "년",
    "월",
    "일",
];

/// What a scan found.
#[derive(Default)]
struct Scan {
    date: Option<ParsedDate>,
    /// Month, day and time present (a timestamp without a year).
    month_day_time: bool,
    /// Every word and number token was a date token or a glue word.
    only_date_tokens: bool,
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

fn scan(s: &str) -> Scan {
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
    let mut i = 0;
    while i < toks.len() {
        // A date in progress whose fields are too far apart is abandoned; a
        // complete one takes no more fields from far away (the rest of the
        // line is still read, to judge whether it is only a timestamp).
        let mut scratch = Fields::default();
        if let Some(first) = f.first
            && i > first + MAX_SPREAD
            && !f.complete()
        {
            f = Fields::default();
        }
        let far = f.complete() && f.first.is_some_and(|first| i > first + MAX_SPREAD);
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
                } else if !GLUE.contains(&w.as_str()) {
                    is_date_token = false;
                }
            }
            Tok::Sep(c) => {
                // A numeric offset (+0200, -05:00) right after a time.
                if matches!(c, '+' | '-')
                    && f.time.is_some()
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
