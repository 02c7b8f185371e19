//! Emit: the output record (one per input, also for failures) and its text,
//! JSON and Markdown renderings.

mod markdown;

use markdown::markdown_body;

use crate::metadata::{DateConfidence, Metadata};
use crate::{Article, Error, InputKind, Removed};
use serde::Serialize;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The body alone, one block per line.
    Text,
    /// One pretty-printed JSON object per input.
    Json,
    /// One JSON object per line per input.
    Jsonl,
    /// Markdown with a YAML front matter of the metadata.
    Markdown,
}

impl Format {
    /// File extension for `--output-dir`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Markdown => "md",
        }
    }
}

/// One output record: the JSON schema of `--format json|jsonl`. Every key is
/// always present (null when unknown), in this order.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Record {
    /// The manifest's `id`, else the input path, else null (stdin).
    pub id: serde_json::Value,
    /// The file the input was read from, if any.
    pub path: Option<String>,
    pub url: Option<String>,
    /// The clean body, one block per line ("" on error).
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub date_confidence: Option<DateConfidence>,
    pub site_name: Option<String>,
    pub publisher: Option<String>,
    pub source: Option<String>,
    pub copyright: Option<String>,
    pub language: Option<String>,
    pub canonical_url: Option<String>,
    pub description: Option<String>,
    pub encoding: Option<String>,
    pub input_kind: Option<InputKind>,
    /// Reader comments, in order; present only with `--comments`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<Vec<String>>,
    /// Removed blocks with reasons; present only with `--explain`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed: Option<Vec<Removed>>,
    /// Why the input could not be cleaned; null on success.
    pub error: Option<String>,
    /// Markdown body (not serialised; used by the Markdown renderer).
    #[serde(skip)]
    pub markdown: String,
    /// Every block's decision (not serialised; `--explain` prints it).
    #[serde(skip)]
    pub trace: Option<Vec<crate::Trace>>,
}

/// Where a record came from.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub id: Option<serde_json::Value>,
    pub path: Option<String>,
    pub url: Option<String>,
}

impl Record {
    /// `comments`: the run asked for reader comments (`--comments`), so the
    /// record carries the list, empty or not.
    pub fn from_article(origin: Origin, article: Article, explain: bool, comments: bool) -> Record {
        let Metadata {
            title,
            author,
            date,
            date_confidence,
            site_name,
            publisher,
            source,
            copyright,
            language,
            canonical_url,
            description,
            // Evidence for choosing the date, not part of the record.
            markup_dates: _,
            markup_date_trust: _,
            date_labelled_published: _,
        } = article.metadata.clone();
        let markdown = markdown_body(&article);
        let trace = article.trace;
        Record {
            id: record_id(&origin),
            path: origin.path,
            url: origin.url,
            text: article.text,
            title,
            author,
            date,
            date_confidence,
            site_name,
            publisher,
            source,
            copyright,
            language,
            canonical_url,
            description,
            encoding: Some(article.encoding.to_string()),
            input_kind: Some(article.input_kind),
            comments: comments.then_some(article.comments),
            removed: explain.then_some(article.removed),
            error: None,
            markdown,
            trace,
        }
    }

    pub fn from_error(origin: Origin, error: &Error, explain: bool) -> Record {
        Record::failed(origin, error.to_string(), explain)
    }

    pub fn failed(origin: Origin, message: String, explain: bool) -> Record {
        Record {
            id: record_id(&origin),
            path: origin.path,
            url: origin.url,
            text: String::new(),
            title: None,
            author: None,
            date: None,
            date_confidence: None,
            site_name: None,
            publisher: None,
            source: None,
            copyright: None,
            language: None,
            canonical_url: None,
            description: None,
            encoding: None,
            input_kind: None,
            comments: None,
            removed: explain.then(Vec::new),
            error: Some(message),
            markdown: String::new(),
            trace: None,
        }
    }

    /// Render in `format`. Text and Markdown end with a newline; JSON Lines is
    /// one line with its newline.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => {
                let mut s = self.text.clone();
                if !s.is_empty() {
                    s.push('\n');
                }
                if let Some(comments) = self.comments.as_ref().filter(|c| !c.is_empty()) {
                    s.push_str("\n--- comments ---\n");
                    for c in comments {
                        s.push_str(c);
                        s.push('\n');
                    }
                }
                s
            }
            Format::Json => {
                let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|e| json_error(&e));
                s.push('\n');
                s
            }
            Format::Jsonl => {
                let mut s = serde_json::to_string(self).unwrap_or_else(|e| json_error(&e));
                s.push('\n');
                s
            }
            Format::Markdown => self.render_markdown(),
        }
    }

    fn render_markdown(&self) -> String {
        let mut out = String::from("---\n");
        let fields = [
            ("title", &self.title),
            ("author", &self.author),
            ("date", &self.date),
            ("site_name", &self.site_name),
            ("source", &self.source),
            ("url", &self.url),
            ("canonical_url", &self.canonical_url),
            ("language", &self.language),
            ("error", &self.error),
        ];
        for (key, value) in fields {
            if let Some(v) = value {
                // A JSON string is a valid YAML scalar: quotes and escapes done.
                out.push_str(&format!(
                    "{key}: {}\n",
                    serde_json::Value::String(v.clone())
                ));
            }
        }
        out.push_str("---\n\n");
        if let Some(title) = &self.title {
            out.push_str("# ");
            out.push_str(title);
            out.push_str("\n\n");
        }
        out.push_str(&self.markdown);
        if let Some(comments) = self.comments.as_ref().filter(|c| !c.is_empty()) {
            out.push_str("\n## Comments\n");
            for c in comments {
                out.push('\n');
                out.push_str(c);
                out.push('\n');
            }
        }
        out
    }
}

fn record_id(origin: &Origin) -> serde_json::Value {
    origin
        .id
        .clone()
        .or_else(|| origin.path.clone().map(serde_json::Value::String))
        .unwrap_or(serde_json::Value::Null)
}

/// Serialising a record cannot fail (no maps with non-string keys), but if it
/// ever did, the output must still be one valid JSON object.
fn json_error(e: &serde_json::Error) -> String {
    serde_json::json!({"error": format!("could not serialise record: {e}")}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::{Block, BlockKind};

    fn article() -> Article {
        Article {
            text: "Head\nBody text.".into(),
            blocks: vec![
                Block::new("Head".into(), BlockKind::Heading(1)),
                Block::new("Body text.".into(), BlockKind::Paragraph),
                Block::new("* one".into(), BlockKind::ListItem),
                Block::new("two".into(), BlockKind::ListItem),
            ],
            metadata: Metadata {
                title: Some("Head".into()),
                ..Default::default()
            },
            encoding: "UTF-8",
            input_kind: InputKind::Html,
            removed: vec![],
            comments: vec![],
            trace: None,
        }
    }

    #[test]
    fn json_has_every_key() {
        let r = Record::from_article(Origin::default(), article(), false, false);
        let v: serde_json::Value = serde_json::from_str(&r.render(Format::Jsonl)).unwrap();
        for key in [
            "id",
            "path",
            "url",
            "text",
            "title",
            "author",
            "date",
            "date_confidence",
            "site_name",
            "publisher",
            "source",
            "copyright",
            "language",
            "canonical_url",
            "description",
            "encoding",
            "input_kind",
            "error",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert!(v.get("removed").is_none());
    }

    #[test]
    fn error_records_are_complete() {
        let r = Record::from_error(
            Origin {
                id: Some(serde_json::json!(7)),
                ..Default::default()
            },
            &Error::Empty,
            true,
        );
        let v: serde_json::Value = serde_json::from_str(&r.render(Format::Jsonl)).unwrap();
        assert_eq!(v["id"], 7);
        assert_eq!(v["error"], "input is empty");
        assert_eq!(v["text"], "");
        assert_eq!(v["removed"], serde_json::json!([]));
    }

    #[test]
    fn markdown_keeps_structure() {
        let r = Record::from_article(Origin::default(), article(), false, false);
        assert_eq!(
            r.render(Format::Markdown),
            "---\ntitle: \"Head\"\n---\n\n# Head\n\nBody text.\n\n- one\n- two\n"
        );
    }

    #[test]
    fn text_is_body_lines() {
        let r = Record::from_article(Origin::default(), article(), false, false);
        assert_eq!(r.render(Format::Text), "Head\nBody text.\n");
    }
}
