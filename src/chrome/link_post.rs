//! A post that is a list of links: a blogger's reading list, a digest of
//! the day's links ("Headline — via Site https://…"), every line a link.

use super::*;

/// At least this many link lines make a list (two are a post's footer
/// links, a "previous / next" pair).
const MIN_LINK_LINES: usize = 3;

/// When the chosen container kept almost nothing because every line in it
/// is a link, and the container is the article's own markup (`<article>`,
/// `entry-content`), the post *is* the list: its lines are kept, those that
/// a rule or a hint removed only for being links (a link line, a menu-like
/// line), as long as together they weigh what a short post weighs
/// ([`MIN_CONTAINER_WORDS`]). Outside article markup a container of links
/// is a wrong pick (a menu) and the line fallback judges the page; returns
/// whether it kept the list.
pub(super) fn keep_link_post(
    blocks: &[Block],
    rules: &[Option<Reason>],
    verdicts: &mut [Verdict],
) -> bool {
    let is_link_line = |i: usize| {
        let b = &blocks[i];
        b.in_container
            && b.in_article_markup
            && b.dom_hint.is_none()
            && matches!(
                rules[i].or(verdicts[i].reason),
                Some(Reason::Navigation | Reason::Menu | Reason::LinkList)
            )
    };
    let lines: Vec<usize> = (0..blocks.len()).filter(|&i| is_link_line(i)).collect();
    let words: usize = lines.iter().map(|&i| blocks[i].words).sum();
    if lines.len() < MIN_LINK_LINES || words < MIN_CONTAINER_WORDS {
        return false;
    }
    for i in lines {
        verdicts[i] = Verdict::KEEP;
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::{Input, Options, clean};

    /// A page whose post is `n` linked headlines, each with its "via" line,
    /// inside `open`…`close`, the blogger's note and a cookie note after it.
    fn roundup(open: &str, close: &str, n: usize) -> String {
        let item = |k: usize| {
            format!(
                "<p><a href=https://news.example/{k}>Study doubts the state support for the local press, part {k}</a></p>\
                 <p>via News Site <a href=https://news.example>https://news.example</a></p>"
            )
        };
        let items: String = (0..n).map(item).collect();
        format!(
            "<html><body><nav><a href=/>Home</a> <a href=/blog>Blog</a></nav>{open}{items}{close}\
             <div class=about><p>I write about the media and the press, and I collect what I read every day in posts like this one.</p></div>\
             <div class=note><p>This site uses cookies, and by going on reading it you agree to the use of cookies.</p></div>\
             </body></html>"
        )
    }

    fn text(html: &str) -> String {
        clean(&Input::new(html.as_bytes()), &Options::default())
            .unwrap()
            .text
    }

    #[test]
    fn a_post_that_is_a_list_of_links_is_the_article() {
        let page = roundup("<article><div class=entry-content>", "</div></article>", 4);
        let t = text(&page);
        assert!(t.contains("Study doubts the state support for the local press, part 3"));
        assert!(t.contains("via News Site"));
        assert!(!t.contains("cookies"));
    }

    #[test]
    fn links_outside_article_markup_or_too_few_are_no_post() {
        let t = text(&roundup("<div class=box>", "</div>", 4));
        assert!(!t.contains("via News Site"));
        let t = text(&roundup(
            "<article><div class=entry-content>",
            "</div></article>",
            1,
        ));
        assert!(!t.contains("via News Site"));
    }
}
