//! Words of dates: month and weekday names in many languages, time-zone
//! names, and the glue words a timestamp line may hold.

use crate::chrome::stopwords::FastBuild;
use chrono::Weekday;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

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

pub(super) fn month_of(word: &str) -> Option<u32> {
    MONTH_BY_NAME.get(word).copied()
}

/// [`MONTHS`] by name (the first month in list order that has the name):
/// every word of every dated line is looked up, once per word, not once
/// per name.
static MONTH_BY_NAME: LazyLock<HashMap<&str, u32, FastBuild>> = LazyLock::new(|| by_name(MONTHS));

/// Each name of `table` mapped to its first entry's value.
fn by_name<T: Copy>(table: &[(T, &[&'static str])]) -> HashMap<&'static str, T, FastBuild> {
    let mut map = HashMap::default();
    for (value, names) in table {
        for &name in *names {
            map.entry(name).or_insert(*value);
        }
    }
    map
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

pub(super) fn weekday_of(word: &str) -> Option<Weekday> {
    WEEKDAY_BY_NAME.get(word).copied()
}

/// [`WEEKDAYS`] by name, as [`MONTH_BY_NAME`].
static WEEKDAY_BY_NAME: LazyLock<HashMap<&str, Weekday, FastBuild>> =
    LazyLock::new(|| by_name(WEEKDAYS));

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

pub(super) fn zone_of(word: &str) -> Option<i32> {
    ZONE_BY_NAME.get(word).map(|h| h * 3600)
}

/// [`ZONES`] by name (the first entry wins), as [`MONTH_BY_NAME`].
static ZONE_BY_NAME: LazyLock<HashMap<&str, i32, FastBuild>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for &(name, hours) in ZONES {
        map.entry(name).or_insert(hours);
    }
    map
});

/// Is `word` one of [`GLUE`]? (Looked up in a set: every word of every
/// dated line that is no month, weekday or zone is asked.)
pub(super) fn is_glue(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str, FastBuild>> =
        LazyLock::new(|| GLUE.iter().copied().collect());
    SET.contains(word)
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
