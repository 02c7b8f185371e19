//! unchrome: the article in a saved web page, without the site's chrome.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`decode`] — bytes to text (BOM, declared or given charset, detection),
//!    and HTML or plain text?
//! 2. [`html`] / [`text`] — either kind becomes one stream of [`block::Block`]s
//!    (HTML: parse once, walk once, choose the content container; text: one
//!    block per line, glued chrome split off).
//! 3. [`chrome`] — one classifier judges every block, keeps the article and
//!    says why each other block was removed.
//! 4. [`metadata`] — title, author, date, … from the markup and from the
//!    removed lines.
//! 5. [`output`] — text, JSON, JSON Lines or Markdown.
//!
//! [`batch`] runs many inputs (files, directories, JSONL manifests) on all
//! cores with one output record per input, and [`template`] learns a site's
//! repeated blocks from the batch itself.
//!
//! ```
//! let page = b"<html><head><title>Storm hits coast | Daily</title></head><body>\
//!     <nav><a href='/'>Home</a></nav><article><h1>Storm hits coast</h1>\
//!     <p>A storm hit the coast on Monday, and the people who live there said that it was \
//!     the worst they had seen in many years of living by the sea.</p></article>\
//!     <footer>&copy; 2024 Daily News. All rights reserved.</footer></body></html>";
//! let article = unchrome::clean(&unchrome::Input::new(page), &unchrome::Options::default()).unwrap();
//! // The headline is the title; `Options::headline` keeps it in the body too.
//! assert!(article.text.starts_with("A storm hit the coast"));
//! assert_eq!(article.metadata.title.as_deref(), Some("Storm hits coast"));
//! ```

pub mod batch;
pub mod block;
pub mod chrome;
pub mod decode;
pub mod html;
pub mod metadata;
pub mod output;
pub mod template;
pub mod text;

use block::Block;
use chrome::{Context, Favor, Reason, StopWords, Verdict};
pub use decode::InputKind;
use metadata::Metadata;
use serde::Serialize;

/// One input document: its bytes and what is known about it from outside.
#[derive(Debug, Clone, Copy, Default)]
pub struct Input<'a> {
    pub bytes: &'a [u8],
    /// The page's URL (resolves relative links, hints the charset by TLD).
    pub url: Option<&'a str>,
    /// A charset given with the input (HTTP header, WARC, manifest).
    pub charset: Option<&'a str>,
    /// The file extension, a hint for HTML-or-text sniffing.
    pub extension: Option<&'a str>,
}

impl<'a> Input<'a> {
    pub fn new(bytes: &'a [u8]) -> Input<'a> {
        Input {
            bytes,
            ..Default::default()
        }
    }
}

/// The CLI's default for `--max-input-bytes` (and the Python package's
/// `max_input_bytes`): a larger input gets an error record.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// How to clean.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force HTML or text instead of sniffing.
    pub input_kind: Option<InputKind>,
    /// Force an encoding label (e.g. `windows-1252`).
    pub encoding: Option<String>,
    pub favor: Favor,
    /// Largest input accepted, in bytes (`None`: no limit).
    pub max_input_bytes: Option<usize>,
    /// Record every block's decision in [`Article::trace`].
    pub trace: bool,
    /// Keep reader comments, apart from the body, in [`Article::comments`].
    pub comments: bool,
    /// Keep the story's headline as the body's first line (by default it
    /// is left out of the body and given as the title only).
    pub headline: bool,
    /// Record what faithful Markdown needs (list numbers, table cells,
    /// emphasis, and optionally links and images) for HTML input. Off by
    /// default: the other formats do not pay for it.
    pub markdown: Option<MarkdownOptions>,
}

/// What Markdown output keeps besides structure and emphasis.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkdownOptions {
    /// Links as `[text](absolute url)`.
    pub links: bool,
    /// Images as `![alt](absolute url)`.
    pub images: bool,
}

/// Why an input could not be cleaned.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum Error {
    #[error("input is empty")]
    Empty,
    #[error("input looks like binary data, not HTML or text")]
    Binary,
    /// `size`: the input's size when known before reading (a file), else
    /// `None` (a pipe: reading stopped one byte past the limit).
    #[error(
        "input is {}over the limit of {limit} bytes (raise it with --max-input-bytes)",
        size.map_or(String::new(), |s| format!("{s} bytes, "))
    )]
    TooLarge { size: Option<u64>, limit: usize },
    #[error("{0}")]
    Read(String),
}

/// A removed block and why, for `--explain`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Removed {
    pub text: String,
    pub reason: Reason,
}

/// The cleaned document.
#[derive(Debug, Clone)]
pub struct Article {
    /// The body, one block per line.
    pub text: String,
    /// The kept blocks (for Markdown rendering).
    pub blocks: Vec<Block>,
    pub metadata: Metadata,
    /// The encoding the bytes were decoded from (`UTF-8`, `windows-1252`, …).
    pub encoding: &'static str,
    pub input_kind: InputKind,
    /// Every removed block with its reason, in document order.
    pub removed: Vec<Removed>,
    /// With [`Options::comments`]: the reader comments (their text and
    /// signature lines), in order; empty otherwise.
    pub comments: Vec<String>,
    /// With [`Options::trace`]: every block, kept or not, with its reason and
    /// content score — the evidence for tuning a rule on a page.
    pub trace: Option<Vec<Trace>>,
}

/// One block's decision, for error analysis (`--explain` in text format).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Trace {
    pub text: String,
    pub kind: block::BlockKind,
    pub keep: bool,
    pub reason: Option<Reason>,
    pub score: f32,
}

/// A document decoded and split into blocks, not yet classified: the point
/// where a batch can look at many pages of one site before judging any.
pub struct Analyzed {
    blocks: Vec<Block>,
    evidence: chrome::Evidence,
    has_container: bool,
    stop: StopWords,
    markup: Metadata,
    /// Elements the markup marks as an author's (HTML only): read with the
    /// blocks once the classifier has found the article.
    author_marks: Vec<html::walk::AuthorMark>,
    language: Option<String>,
    /// JSON-LD scripts that state an `articleBody` (HTML only), for the
    /// fallback when the markup's body is tiny (see [`use_stated_body`]).
    stated_body_scripts: Vec<String>,
    encoding: &'static str,
    input_kind: InputKind,
    favor: Favor,
    trace: bool,
    comments: bool,
    headline: bool,
}

impl Analyzed {
    /// The blocks, for template fingerprinting.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// HTML or plain text.
    pub fn input_kind(&self) -> InputKind {
        self.input_kind
    }

    /// Canonical URL or similar site evidence found in the page itself.
    pub fn canonical_url(&self) -> Option<&str> {
        self.markup.canonical_url.as_deref()
    }

    /// Classify the blocks and assemble the article. `template` marks blocks
    /// known to be site template (one flag per block), if a batch learned any.
    pub fn finish(self, template: Option<&[bool]>) -> Article {
        let ctx = Context {
            stop: self.stop,
            has_container: self.has_container,
            favor: self.favor,
        };
        let mut classified = chrome::classify_with_title(
            &self.blocks,
            &ctx,
            &self.evidence,
            template,
            self.markup.title.as_deref(),
        );
        chrome::include_described_lead(
            &self.blocks,
            &mut classified.verdicts,
            self.markup.description.as_deref(),
        );
        let mut metadata = self.markup;
        let from_lines =
            metadata::lines::from_blocks(&self.blocks, &classified.verdicts, &self.author_marks);
        metadata.fill_from(from_lines);
        if metadata.language.is_none() {
            metadata.language = self.language;
        }
        let mut blocks = self.blocks;
        use_stated_body(
            &self.stated_body_scripts,
            &mut blocks,
            &mut classified.verdicts,
            &mut classified.scores,
        );
        if !self.headline {
            chrome::leave_out_headline(
                &blocks,
                &mut classified.verdicts,
                metadata.title.as_deref(),
            );
            chrome::leave_out_bylines(
                &blocks,
                &mut classified.verdicts,
                metadata.author.as_deref(),
            );
        }
        let trace = self.trace.then(|| {
            blocks
                .iter()
                .zip(&classified.verdicts)
                .zip(&classified.scores)
                .map(|((b, v), &score)| Trace {
                    text: b.text.clone(),
                    kind: b.kind,
                    keep: v.keep,
                    reason: v.reason,
                    score,
                })
                .collect()
        });
        let mut article = assemble(
            blocks,
            &classified.verdicts,
            metadata,
            self.encoding,
            self.input_kind,
            self.comments,
        );
        article.trace = trace;
        article
    }
}

/// The fallback for a page whose article a script draws: when the page
/// states its article's body in JSON-LD (`articleBody`) and the body found
/// in the markup is tiny beside it (a photo caption, a lead), the stated
/// body is the text. The markup's kept blocks go (headings stay: the
/// headline with `--headline`), the stated body's blocks follow.
fn use_stated_body(
    scripts: &[String],
    blocks: &mut Vec<Block>,
    verdicts: &mut Vec<Verdict>,
    scores: &mut Vec<f32>,
) {
    use html::stated_body::{MIN_WORDS, TINY_FACTOR, blocks_of, stated_body};
    if scripts.is_empty() {
        return;
    }
    let kept_words: usize = blocks
        .iter()
        .zip(verdicts.iter())
        .filter(|(_, v)| v.keep)
        .map(|(b, _)| b.words)
        .sum();
    // Every word takes at least two bytes of the scripts (a letter and a
    // space): when even that many words would not be "tiny" beside the
    // kept ones, no script needs parsing.
    let most_words = scripts.iter().map(String::len).sum::<usize>() / 2;
    if most_words <= kept_words * TINY_FACTOR {
        return;
    }
    let Some(body) = stated_body(scripts) else {
        return;
    };
    // Counted as the blocks count theirs, to compare with `kept_words`.
    let stated = block::count_words(&body);
    if stated < MIN_WORDS || stated <= kept_words * TINY_FACTOR {
        return;
    }
    for (b, v) in blocks.iter().zip(verdicts.iter_mut()) {
        if v.keep && !matches!(b.kind, block::BlockKind::Heading(_)) {
            *v = Verdict {
                keep: false,
                reason: Some(Reason::LowContent),
            };
        }
    }
    let stated_blocks = blocks_of(&body);
    let keep = Verdict {
        keep: true,
        reason: None,
    };
    verdicts.extend(std::iter::repeat_n(keep, stated_blocks.len()));
    scores.extend(std::iter::repeat_n(0.0, stated_blocks.len()));
    blocks.extend(stated_blocks);
}

/// Which removed blocks make up the reader comments: the comment texts and
/// the signature lines ("Posted by: Jane at …") among and right after them.
fn comment_blocks(blocks: &[Block], verdicts: &[Verdict]) -> Vec<bool> {
    let is_text = |v: &Verdict| !v.keep && v.reason == Some(Reason::ReaderComment);
    let (Some(first), Some(last)) = (
        verdicts.iter().position(is_text),
        verdicts.iter().rposition(is_text),
    ) else {
        return vec![false; blocks.len()];
    };
    let is_signature = |b: &Block, v: &Verdict| {
        !v.keep
            && v.reason == Some(Reason::Comments)
            && chrome::patterns::is_comment_signature(&b.text, b.words)
    };
    blocks
        .iter()
        .zip(verdicts)
        .enumerate()
        .map(|(i, (b, v))| {
            is_text(v) || (first.saturating_sub(1)..=last + 1).contains(&i) && is_signature(b, v)
        })
        .collect()
}

fn assemble(
    blocks: Vec<Block>,
    verdicts: &[Verdict],
    metadata: Metadata,
    encoding: &'static str,
    input_kind: InputKind,
    keep_comments: bool,
) -> Article {
    let in_comments = if keep_comments {
        comment_blocks(&blocks, verdicts)
    } else {
        vec![false; blocks.len()]
    };
    let mut kept = Vec::new();
    let mut removed = Vec::new();
    let mut comments = Vec::new();
    for ((b, v), is_comment) in blocks.into_iter().zip(verdicts).zip(in_comments) {
        if v.keep {
            kept.push(b);
        } else if is_comment {
            comments.push(b.text);
        } else {
            removed.push(Removed {
                text: b.text,
                reason: v.reason.unwrap_or(Reason::LowContent),
            });
        }
    }
    let text = kept
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    Article {
        text,
        blocks: kept,
        metadata,
        encoding,
        input_kind,
        removed,
        comments,
        trace: None,
    }
}

/// Decode, parse and split a document into blocks (stages 1–2).
pub fn analyze(input: &Input, opts: &Options) -> Result<Analyzed, Error> {
    let (decoded, kind) = decode_input(input, opts)?;
    analyze_decoded(decoded, kind, input, opts)
}

/// Stage 1 alone: check, decode and sniff the input. Cheap next to parsing;
/// a batch uses it to decide what to parse.
pub fn decode_input(input: &Input, opts: &Options) -> Result<(decode::Decoded, InputKind), Error> {
    if let Some(limit) = opts.max_input_bytes
        && input.bytes.len() > limit
    {
        return Err(Error::TooLarge {
            size: Some(input.bytes.len() as u64),
            limit,
        });
    }
    // Zero bytes is no page at all (a failed download, a truncated file).
    // A page whose text is only whitespace is a page with no article: it
    // gets an empty body, not an error.
    if input.bytes.is_empty() {
        return Err(Error::Empty);
    }
    if opts.encoding.is_none() && decode::looks_binary(input.bytes) {
        return Err(Error::Binary);
    }
    let hints = decode::DecodeHints {
        override_label: opts.encoding.as_deref(),
        transport_charset: input.charset,
        url: input.url,
        kind: opts.input_kind,
    };
    let decoded = decode::decode(input.bytes, &hints);
    let kind = opts
        .input_kind
        .unwrap_or_else(|| decode::sniff_kind(&decoded.text, input.extension));
    Ok((decoded, kind))
}

/// Stage 2 on decoded text: blocks, markup metadata, language, container.
pub fn analyze_decoded(
    decoded: decode::Decoded,
    kind: InputKind,
    input: &Input,
    opts: &Options,
) -> Result<Analyzed, Error> {
    let stop_for = |language: &Option<String>, markup: &Metadata| {
        language
            .as_deref()
            .or(markup.language.as_deref())
            .map(StopWords::for_language)
            .unwrap_or_else(StopWords::english)
    };
    // Rules and prose scores are computed once here and reused by the
    // container choice and the classifier.
    let mut author_marks = Vec::new();
    let mut stated_body_scripts = Vec::new();
    let (blocks, evidence, markup, language, stop, has_container) = match kind {
        InputKind::Html => {
            let rich = opts.markdown.map(|m| html::rich::RichOptions {
                links: m.links,
                images: m.images,
                base: input.url.and_then(|u| url::Url::parse(u).ok()),
            });
            let mut page = html::parse_with(&decoded.text, rich);
            let markup = metadata::html::from_markup(&page.meta, input.url);
            author_marks = std::mem::take(&mut page.meta.author_marks);
            stated_body_scripts =
                html::stated_body::scripts_with_body(std::mem::take(&mut page.meta.json_ld));
            let language = detect_language(&page.blocks);
            let stop = stop_for(&language, &markup);
            let ctx = Context {
                stop,
                has_container: true,
                favor: opts.favor,
            };
            let evidence = chrome::Evidence::gather(&page.blocks, &ctx);
            let has_container = page.choose_container(&evidence);
            (page.blocks, evidence, markup, language, stop, has_container)
        }
        InputKind::Text => {
            let blocks = text::blocks(&decoded.text);
            let markup = Metadata::default();
            let language = detect_language(&blocks);
            let stop = stop_for(&language, &markup);
            let ctx = Context {
                stop,
                has_container: false,
                favor: opts.favor,
            };
            let evidence = chrome::Evidence::gather(&blocks, &ctx);
            (blocks, evidence, markup, language, stop, false)
        }
    };
    Ok(Analyzed {
        blocks,
        evidence,
        has_container,
        stop,
        markup,
        author_marks,
        language,
        stated_body_scripts,
        encoding: decoded.encoding,
        input_kind: kind,
        favor: opts.favor,
        trace: opts.trace,
        comments: opts.comments,
        headline: opts.headline,
    })
}

/// Clean one document: the whole pipeline.
pub fn clean(input: &Input, opts: &Options) -> Result<Article, Error> {
    Ok(analyze(input, opts)?.finish(None))
}

/// How much text whatlang gets: enough for a confident guess, little enough
/// to stay cheap on long pages.
const LANGUAGE_SAMPLE_BYTES: usize = 4096;

/// Share of English stop words above which a sample is English without
/// asking whatlang (see [`detect_language`]).
const ENGLISH_FAST_PATH_DENSITY: f32 = 0.3;

/// Detect the language from the longest blocks (prose, not menus).
fn detect_language(blocks: &[Block]) -> Option<String> {
    // Markup that leaked into a text dump (`<div style=…><img src=…>`) is
    // long and Latin-lettered: it would outvote the page's real language.
    // So would a broken script's English error messages on a German page.
    let leaked_markup = |t: &str| {
        t.contains("=\"")
            || t.as_bytes().contains(&b'<') && (t.contains("</") || t.contains("/>"))
            || chrome::patterns::is_server_message(t)
    };
    let mut by_len: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.words >= 8 && !leaked_markup(&b.text))
        .collect();
    // Sentences first (a directory of services or a list of cities runs to
    // thousands of characters without one), then by length; no block
    // supplies more than a quarter of the sample.
    by_len.sort_by_cached_key(|b| {
        (
            !chrome::patterns::ends_like_sentence(&b.text),
            std::cmp::Reverse(b.text.len()),
        )
    });
    let mut sample = String::new();
    for b in by_len {
        if sample.len() >= LANGUAGE_SAMPLE_BYTES {
            break;
        }
        let mut end = b.text.len().min(LANGUAGE_SAMPLE_BYTES / 4);
        while !b.text.is_char_boundary(end) {
            end -= 1;
        }
        sample.push_str(&b.text[..end]);
        sample.push('\n');
    }
    // Fast path: English prose is 40–50% English stop words, other languages
    // written in Latin letters stay far below this share (Dutch, the
    // closest, near 10%). Most pages are English, and whatlang's trigram
    // scoring is the costliest step after parsing.
    if chrome::StopWords::english()
        .density(&sample)
        .is_some_and(|d| d >= ENGLISH_FAST_PATH_DENSITY)
    {
        return Some("en".to_string());
    }
    let info = whatlang::detect(&sample)?;
    // whatlang's confidence drops on short or mixed samples; below this the
    // guess is a coin toss and the markup's lang (or English) is safer.
    if info.confidence() < 0.5 {
        return None;
    }
    let code = chrome::stopwords::iso639_1(info.lang());
    (!code.is_empty()).then(|| code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::BlockKind;

    #[test]
    fn language_comes_from_sentences_not_from_a_long_directory_line() {
        let directory =
            "Accounting Advertising Air Charter Annuities Answering Services Apartments \
            Architects Art Galleries Auto Insurance Banking Business Loans Call Centers Catering "
                .repeat(40);
        let blocks = vec![
            Block::new(directory, BlockKind::Paragraph),
            Block::new(
                "Narayan, 71, was chairman of microbiology at the university, and he was the \
                 principal investigator for a centre that received an $11 million grant."
                    .into(),
                BlockKind::Paragraph,
            ),
            Block::new(
                "Other researchers are working on similar therapies, but the company said its \
                 construct triggers a much broader immune response than those."
                    .into(),
                BlockKind::Paragraph,
            ),
        ];
        assert_eq!(detect_language(&blocks).as_deref(), Some("en"));
    }

    /// A page whose JSON-LD states `body` and whose markup shows `shown`.
    fn page_stating(body: &str, shown: &str) -> String {
        format!(
            "<html><head><title>Ferry link approved</title>\
             <script type=application/ld+json>{{\"@type\":\"NewsArticle\",\
             \"articleBody\":\"{body}\"}}</script></head>\
             <body><main><h1>Ferry link approved</h1>{shown}</main></body></html>"
        )
    }

    const SENTENCE: &str = "The council voted on Thursday to fund a new ferry link to the islands, \
         ending a debate that had lasted for almost four years.";

    #[test]
    fn a_stated_body_replaces_a_tiny_one_only() {
        let clean = |html: &str| clean(&Input::new(html.as_bytes()), &Options::default()).unwrap();
        let stated = [SENTENCE; 6].join("\\n");
        // The markup shows a caption: the stated body is the text.
        let a = clean(&page_stating(&stated, "<p>The old ferry in 2019.</p>"));
        assert_eq!(a.text, [SENTENCE; 6].join("\n"));
        assert!(a.removed.iter().any(|r| r.text == "The old ferry in 2019."));
        // The markup shows the article: it stays as the markup has it.
        let shown = format!("<p>{SENTENCE} Shown.</p>").repeat(6);
        let a = clean(&page_stating(&stated, &shown));
        assert!(a.text.starts_with(SENTENCE) && a.text.contains("Shown."));
        assert_eq!(a.blocks.len(), 6);
        // A stated summary of a sentence or two is no article.
        let a = clean(&page_stating(SENTENCE, "<p>The old ferry in 2019.</p>"));
        assert!(!a.text.contains("ferry link"));
    }
}
