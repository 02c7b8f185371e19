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
        }
    }

    fn contains(&self, word: &str) -> bool {
        let may = word.as_bytes().first().is_none_or(|&first| {
            self.lengths_by_first[usize::from(first)] & length_bit(word.len()) != 0
        });
        word.len() <= self.longest && may && self.words.contains(word)
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
        let separator = |c: char| {
            if c.is_ascii() {
                !(c.is_ascii_alphanumeric() || c == '\'')
            } else {
                !c.is_alphanumeric()
            }
        };
        for word in text.split(separator).filter(|w| !w.is_empty()) {
            total += 1;
            // Lowercasing never takes a char away, so a word of more chars
            // than the longest stop word cannot lowercase into one.
            let too_long = word.len() > set.longest_chars
                && (word.is_ascii() || word.chars().count() > set.longest_chars);
            let found = if too_long {
                false
            } else if word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
                set.contains(word)
            } else if word.is_ascii() {
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
        }
        (total > 0).then(|| hits as f32 / total as f32)
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
