//! The body as Markdown. Users pick Markdown to keep structure (LLM corpora,
//! note apps), so what HTML input recorded is kept (see `html::rich`):
//! numbered lists keep their numbers and two lists stay two, data tables
//! become GitHub tables, emphasis and code spans stay, and with the options
//! links and images. Text input (and HTML without the record) falls back to
//! the block kinds alone.

use crate::Article;
use crate::block::{Block, BlockKind, CellPos};

/// The kept blocks as Markdown; a heading equal to the title (the document's
/// one `#`, written by the caller) is not repeated.
pub fn markdown_body(article: &Article) -> String {
    let title_key = article
        .metadata
        .title
        .as_deref()
        .map(crate::chrome::patterns::normalize);
    let mut blocks: &[Block] = &article.blocks;
    if let Some(first) = blocks.first()
        && title_key
            .as_deref()
            .is_some_and(|t| crate::chrome::patterns::normalize(first.text.trim()) == t)
    {
        blocks = &blocks[1..];
    }
    let mut out = String::new();
    let mut i = 0;
    // What the previous block was, to join list items and part lists.
    let mut prev_list: Option<u32> = None;
    while i < blocks.len() {
        let b = &blocks[i];
        if let Some(table) = cell(b).map(|c| c.table) {
            let end = i + blocks[i..]
                .iter()
                .take_while(|b| cell(b).is_some_and(|c| c.table == table))
                .count();
            separate(&mut out);
            out.push_str(&table_markdown(&blocks[i..end]));
            prev_list = None;
            i = end;
            continue;
        }
        let list = (b.kind == BlockKind::ListItem).then(|| list_id(b));
        match (prev_list, list) {
            (Some(p), Some(l)) if p == l => {}
            // Two lists side by side would merge into one in Markdown.
            (Some(_), Some(_)) => {
                separate(&mut out);
                out.push_str("<!-- -->\n");
                separate(&mut out);
            }
            _ => separate(&mut out),
        }
        prev_list = list;
        block_markdown(b, &mut out);
        out.push('\n');
        i += 1;
    }
    out
}

fn cell(b: &Block) -> Option<CellPos> {
    b.rich.as_ref().and_then(|r| r.cell)
}

/// Which list a list item belongs to (0: unknown, one list for all).
fn list_id(b: &Block) -> u32 {
    b.rich.as_ref().and_then(|r| r.list).map_or(0, |l| l.list)
}

/// A blank line before the next block (none at the start).
fn separate(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

fn block_markdown(b: &Block, out: &mut String) {
    let rich = b.rich.as_deref();
    let text = rich.map_or(b.text.trim(), |r| r.md.as_str());
    match b.kind {
        BlockKind::Heading(level) => {
            // The title is the only H1.
            let level = level.clamp(2, 6) as usize;
            out.push_str(&"#".repeat(level));
            out.push(' ');
            out.push_str(text);
        }
        BlockKind::ListItem => match rich.and_then(|r| r.list) {
            Some(pos) => {
                out.push_str(&"   ".repeat(pos.depth.saturating_sub(1) as usize));
                if pos.ordered {
                    out.push_str(&format!("{}. ", pos.number));
                } else {
                    out.push_str("- ");
                }
                out.push_str(text);
            }
            None => {
                out.push_str("- ");
                out.push_str(crate::block::strip_list_marker(text));
            }
        },
        BlockKind::Quote => {
            for (k, line) in text.lines().enumerate() {
                if k > 0 {
                    out.push('\n');
                }
                out.push_str("> ");
                out.push_str(line);
            }
        }
        BlockKind::Code => {
            let fence = if b.text.contains("```") { "~~~" } else { "```" };
            out.push_str(fence);
            out.push('\n');
            out.push_str(&b.text);
            out.push('\n');
            out.push_str(fence);
        }
        BlockKind::Caption => {
            out.push('*');
            out.push_str(text.trim_matches('*'));
            out.push('*');
        }
        BlockKind::Paragraph | BlockKind::Table => {
            out.push_str(&escape_markdown_start(text, rich.is_some()))
        }
    }
}

/// Most words in a cell of a data table: values and phrases are short, a
/// cell holding a sentence of prose or more marks a table used for layout,
/// which reads better as paragraphs.
const MAX_DATA_CELL_WORDS: usize = 25;

/// A run of blocks from one table: a GitHub table when it holds data (two
/// rows and two columns at least, short cells, most rows as wide as the
/// widest), else one paragraph per cell.
fn table_markdown(blocks: &[Block]) -> String {
    // Cells in order; blocks of one cell are joined.
    let mut rows: Vec<Vec<(u32, bool, String)>> = Vec::new();
    let mut last: Option<(u32, u32)> = None;
    for b in blocks {
        let Some(c) = cell(b) else { continue };
        let md = b.rich.as_ref().map_or(b.text.as_str(), |r| r.md.as_str());
        if last.map(|(r, _)| r) != Some(c.row) {
            rows.push(Vec::new());
        }
        let row = rows.last_mut().expect("pushed above");
        if last == Some((c.row, c.col)) {
            if let Some(cell) = row.last_mut() {
                cell.2.push(' ');
                cell.2.push_str(md);
            }
        } else {
            row.push((c.col, c.header, md.to_string()));
        }
        last = Some((c.row, c.col));
    }
    let width = rows
        .iter()
        .map(|r| r.iter().map(|c| c.0 + 1).max().unwrap_or(0))
        .max()
        .unwrap_or(0) as usize;
    let full_rows = rows
        .iter()
        .filter(|r| r.iter().map(|c| c.0 as usize + 1).max() == Some(width))
        .count();
    let data = rows.len() >= 2
        && width >= 2
        && 3 * full_rows >= 2 * rows.len()
        && rows
            .iter()
            .flatten()
            .all(|c| crate::block::count_words(&c.2) <= MAX_DATA_CELL_WORDS);
    let mut out = String::new();
    if !data {
        for (k, c) in rows.iter().flatten().enumerate() {
            if k > 0 {
                out.push('\n');
            }
            out.push_str(&escape_markdown_start(&c.2, true));
            out.push('\n');
        }
        return out;
    }
    let line = |cells: &[(u32, bool, String)]| {
        let mut texts = vec![String::new(); width];
        for (col, _, text) in cells {
            if let Some(t) = texts.get_mut(*col as usize) {
                *t = text.replace('|', "\\|").replace('\n', " ");
            }
        }
        format!("| {} |\n", texts.join(" | "))
    };
    // The first row heads the table (Markdown tables need a header row).
    out.push_str(&line(&rows[0]));
    out.push_str(&format!("|{}\n", " --- |".repeat(width)));
    for r in &rows[1..] {
        out.push_str(&line(r));
    }
    out
}

/// A paragraph that starts with `#`, `>` or a list marker would change
/// meaning in Markdown: escape its first character. In recorded Markdown
/// (`rich`) a leading `*` is emphasis (a literal one was escaped already).
fn escape_markdown_start(text: &str, rich: bool) -> String {
    if text.starts_with(['#', '>', '-', '+', '|'])
        || !rich && text.starts_with('*')
        || text.starts_with(|c: char| c.is_ascii_digit())
            && text.contains(". ")
            && text
                .split(". ")
                .next()
                .is_some_and(|p| p.chars().all(|c| c.is_ascii_digit()))
    {
        format!("\\{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::output::{Format, Origin, Record};
    use crate::{Input, MarkdownOptions, Options, clean};

    fn markdown(html: &str, opts: Options) -> String {
        let article = clean(&Input::new(html.as_bytes()), &opts).unwrap();
        Record::from_article(Origin::default(), article, false, false).render(Format::Markdown)
    }

    fn rich() -> Options {
        Options {
            markdown: Some(MarkdownOptions::default()),
            ..Default::default()
        }
    }

    const PROSE: &str = "The council met on Monday and agreed that the old bridges would be repaired next year, after many complaints from the people who live by the river and walk across them every day.";

    #[test]
    fn a_layout_table_reads_as_paragraphs() {
        let html = format!(
            "<article><table><tr><td><p>{PROSE}</p></td><td><p>{PROSE} Again.</p></td></tr>\
             <tr><td><p>{PROSE} Third.</p></td><td><p>{PROSE} Fourth.</p></td></tr></table></article>"
        );
        let md = markdown(&html, rich());
        assert!(!md.contains("| --- |"), "{md}");
        assert!(md.contains("Fourth."));
    }

    #[test]
    fn without_markdown_nothing_is_recorded_and_links_need_asking() {
        let html = format!(
            "<article><p>{PROSE} See <a href='/more'>more</a>.</p><ol><li>one</li><li>two</li></ol></article>"
        );
        let article = clean(&Input::new(html.as_bytes()), &Options::default()).unwrap();
        assert!(article.blocks.iter().all(|b| b.rich.is_none()));
        let md = markdown(&html, rich());
        assert!(md.contains("See more.") && !md.contains("]("), "{md}");
        assert!(md.contains("1. one\n2. two"), "{md}");
        let with_links = Options {
            markdown: Some(MarkdownOptions {
                links: true,
                images: false,
            }),
            ..Default::default()
        };
        assert!(markdown(&html, with_links).contains("[more](/more)"));
    }

    #[test]
    fn emphasis_hugs_its_words_and_literal_markers_are_escaped() {
        let html =
            format!("<article><p>{PROSE} It was <em> very </em> cold [sic] at 2*3.</p></article>");
        let md = markdown(&html, rich());
        assert!(
            md.contains("It was *very* cold \\[sic\\] at 2\\*3."),
            "{md}"
        );
    }
}
