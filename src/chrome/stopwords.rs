//! Stop-word density: the share of a block's words that are function words
//! ("the", "of", "und", "что"). Prose is full of them; menus, headlines, tag
//! clouds and link lists are not. This is jusText's key observation and it
//! carries across languages, given a list per language (from the `stop-words`
//! crate's ISO lists, not typed by hand).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A multiply-rotate hasher (the FxHash idea) for short keys we build
/// ourselves: stop-word lookups run for every word of every block, and
/// SipHash's DoS resistance buys nothing for a fixed, built-in word list.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastBuild = BuildHasherDefault<FastHasher>;
/// One language's stop words, and the length of its longest (in bytes and
/// in chars): a longer word cannot be one, and is not lowercased or hashed
/// (most of a text's long words).
struct WordSet {
    words: HashSet<&'static str, FastBuild>,
    longest: usize,
    longest_chars: usize,
    /// By first byte, the byte lengths (bit `len`, 63 for 63 or more) of
    /// the stop words that start with it: a word whose first byte and
    /// length no stop word has is not hashed (most of prose's other words).
    lengths_by_first: [u64; 256],
    /// The stop words of at most [`PACKED_MAX`] bytes, [`packed`]: most
    /// look-ups are of short words, and a number hashes and compares in a
    /// few instructions.
    short: HashSet<u64, FastBuild>,
}

/// The longest word (in bytes) that [`packed`] makes a number of.
const PACKED_MAX: usize = 7;

/// A word of at most [`PACKED_MAX`] bytes as one number: its bytes, and its
/// length in the top byte (so that no two words share one).
fn packed(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.len() > PACKED_MAX {
        return None;
    }
    let mut key = (b.len() as u64) << 56;
    for (i, &x) in b.iter().enumerate() {
        key |= u64::from(x) << (8 * i);
    }
    Some(key)
}

impl WordSet {
    fn new(words: &[&'static str]) -> WordSet {
        let mut lengths_by_first = [0u64; 256];
        for w in words {
            if let Some(&first) = w.as_bytes().first() {
                lengths_by_first[usize::from(first)] |= length_bit(w.len());
            }
        }
        WordSet {
            words: words.iter().copied().collect(),
            longest: words.iter().map(|w| w.len()).max().unwrap_or(0),
            longest_chars: words.iter().map(|w| w.chars().count()).max().unwrap_or(0),
            lengths_by_first,
            short: words.iter().filter_map(|w| packed(w)).collect(),
        }
    }

    fn contains(&self, word: &str) -> bool {
        let may = word.as_bytes().first().is_none_or(|&first| {
            self.lengths_by_first[usize::from(first)] & length_bit(word.len()) != 0
        });
        word.len() <= self.longest
            && may
            && match packed(word) {
                Some(key) => self.short.contains(&key),
                None => self.words.contains(word),
            }
    }
}

/// The bit of a byte length in [`WordSet::lengths_by_first`].
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// All stop-word lists, built once on first use (a few milliseconds).
static LISTS: LazyLock<HashMap<&'static str, WordSet>> = LazyLock::new(|| {
    stop_words::available_languages()
        .iter()
        .filter_map(|code| {
            let words = stop_words::lookup(code)?;
            Some((*code, WordSet::new(words)))
        })
        .collect()
});

/// Languages written without spaces between words.
const UNSPACED: &[&str] = &["zh", "ja", "th", "lo", "km", "my"];

/// The stop words of one language, looked up by ISO 639-1 code.
#[derive(Clone, Copy)]
pub struct StopWords {
    set: Option<&'static WordSet>,
}

impl StopWords {
    /// Stop words for `code` (e.g. "en"); an empty set when there is no list,
    /// in which case [`StopWords::density`] answers `None`.
    pub fn for_language(code: &str) -> StopWords {
        // Scripts written without spaces between words cannot be split into
        // words by spaces and punctuation, so a density would be meaningless:
        // the classifier falls back to sentence shape for them.
        if UNSPACED.contains(&code) {
            return StopWords { set: None };
        }
        StopWords {
            set: LISTS.get(code),
        }
    }

    pub fn english() -> StopWords {
        StopWords::for_language("en")
    }

    /// Share of the words of `text` that are stop words, or `None` when the
    /// language has no list or the text has no words.
    pub fn density(&self, text: &str) -> Option<f32> {
        let set = self.set?;
        let mut total = 0usize;
        let mut hits = 0usize;
        let mut buf = String::new();
        for_each_word(text, |word, ascii| {
            total += 1;
            // Lowercasing never takes a char away, so a word of more chars
            // than the longest stop word cannot lowercase into one.
            let too_long = word.len() > set.longest_chars
                && (ascii || word.chars().count() > set.longest_chars);
            let found = if too_long {
                false
            } else if word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
                set.contains(word)
            } else if ascii {
                // The same as the Unicode lowercase below, for ASCII.
                buf.clear();
                buf.push_str(word);
                buf.make_ascii_lowercase();
                set.contains(buf.as_str())
            } else {
                buf.clear();
                buf.extend(word.chars().flat_map(char::to_lowercase));
                set.contains(buf.as_str())
            };
            if found {
                hits += 1;
            }
        });
        (total > 0).then(|| hits as f32 / total as f32)
    }
}

/// ASCII bytes that belong to a word (letters, digits, the apostrophe),
/// by byte value.
static ASCII_WORD_BYTE: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize;
        b += 1;
    }
    table
};

/// Calls `f` with each word of `text` and whether it is ASCII: the maximal
/// runs of letters, digits and apostrophes (ASCII or not). Every block's
/// text passes through here, so an ASCII byte is judged by a table look-up
/// without decoding a char.
fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(&'a str, bool)) {
    // The byte length of the (non-ASCII) char at `i`, and whether it is a
    // letter or a digit.
    let other = |i: usize| {
        let c = text[i..].chars().next().expect("i is a char boundary");
        (c.len_utf8(), c.is_alphanumeric())
    };
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Separators before the word.
        if b[i].is_ascii() {
            if !ASCII_WORD_BYTE[usize::from(b[i])] {
                i += 1;
                continue;
            }
        } else {
            let (len, in_word) = other(i);
            if !in_word {
                i += len;
                continue;
            }
        }
        let start = i;
        let mut ascii = true;
        while i < b.len() {
            if b[i].is_ascii() {
                if !ASCII_WORD_BYTE[usize::from(b[i])] {
                    break;
                }
                i += 1;
            } else {
                let (len, in_word) = other(i);
                if !in_word {
                    break;
                }
                ascii = false;
                i += len;
            }
        }
        f(&text[start..i], ascii);
    }
}

/// Map a whatlang language to the ISO 639-1 code the stop-word lists use.
pub fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Ces => "cs",
        Slk => "sk",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Bul => "bg",
        Ron => "ro",
        Hun => "hu",
        Fin => "fi",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Est => "et",
        Lav => "lv",
        Lit => "lt",
        Ell => "el",
        Tur => "tr",
        Ara => "ar",
        Heb => "he",
        Pes => "fa",
        Hin => "hi",
        Ben => "bn",
        Mar => "mr",
        Urd => "ur",
        Tha => "th",
        Vie => "vi",
        Ind => "id",
        Jpn => "ja",
        Kor => "ko",
        Cmn => "zh",
        Cat => "ca",
        Epo => "eo",
        Afr => "af",
        Aze => "az",
        Bel => "be",
        Tgl => "tl",
        Lat => "la",
        Kat => "ka",
        Hye => "hy",
        Guj => "gu",
        Tam => "ta",
        Tel => "te",
        Kan => "kn",
        Mal => "ml",
        Pan => "pa",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Amh => "am",
        Yid => "yi",
        Zul => "zu",
        Sna => "sn",
        Aka => "ak",
        Jav => "jv",
        Mkd => "mk",
        Uzb => "uz",
        Ori => "or",
        Mya => "my",
        Tuk => "tk",
        Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words split by char, as [`for_each_word`] must find them.
    fn words_by_char(text: &str) -> Vec<(&str, bool)> {
        let separator = |c: char| {
            if c.is_ascii() {
                !(c.is_ascii_alphanumeric() || c == '\'')
            } else {
                !c.is_alphanumeric()
            }
        };
        text.split(separator)
            .filter(|w| !w.is_empty())
            .map(|w| (w, w.is_ascii()))
            .collect()
    }

    fn words(text: &str) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        for_each_word(text, |w, ascii| out.push((w, ascii)));
        out
    }

    #[test]
    fn words_are_runs_of_letters_digits_and_apostrophes() {
        assert_eq!(
            words("It's 3 o'clock, Zoë — déjà-vu!"),
            [
                ("It's", true),
                ("3", true),
                ("o'clock", true),
                ("Zoë", false),
                ("déjà", false),
                ("vu", true)
            ]
        );
        for text in [
            "",
            "  ",
            "Größe: 12cm×4cm",
            "日本語 テキスト",
            "end.",
            "'q'",
        ] {
            assert_eq!(words(text), words_by_char(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_match_a_split_by_char(text in "\\PC{0,60}") {
            proptest::prop_assert_eq!(words(&text), words_by_char(&text));
        }

        #[test]
        fn mostly_ascii_words_match_a_split_by_char(
            text in "[a-zA-Z0-9' .,\\-éÜß日\u{a0}\u{2019}]{0,60}",
        ) {
            proptest::prop_assert_eq!(words(&text), words_by_char(&text));
        }
    }

    #[test]
    fn short_and_long_words_are_found_in_every_list() {
        for set in LISTS.values() {
            for w in set.words.iter() {
                assert!(set.contains(w), "{w:?}");
                let longer = format!("{w}x");
                assert_eq!(set.contains(&longer), set.words.contains(longer.as_str()));
            }
            assert_eq!(set.contains("a\0"), set.words.contains("a\0"));
        }
        let en = StopWords::english().set.unwrap();
        assert!(en.contains("the") && en.contains("because") && !en.contains("zebra"));
    }

    #[test]
    fn english_prose_is_dense_menus_are_not() {
        let en = StopWords::english();
        let prose = en
            .density("He said that the meeting was held in a good atmosphere and it was fair.")
            .unwrap();
        let menu = en.density("Home News Sport Business Weather").unwrap();
        assert!(prose > 0.4, "{prose}");
        assert!(menu < 0.1, "{menu}");
    }

    #[test]
    fn other_languages_have_lists() {
        let de = StopWords::for_language("de");
        assert!(
            de.density("Das ist nicht der Fall, und er hat es gesagt.")
                .unwrap()
                > 0.4
        );
        assert!(StopWords::for_language("xx").density("anything").is_none());
    }
}
