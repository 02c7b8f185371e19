//! Every sample in `samples/` with its expected output (insta snapshots in
//! `tests/snapshots/`), and property tests of the whole pipeline.

use proptest::prelude::*;
use std::path::Path;
use unchrome::batch::{self, BatchOptions, Job, Source};
use unchrome::output::{Format, Origin};

/// A job reading `samples/NAME`, with the name as its id.
fn sample_job(name: &str, url: Option<&str>) -> Job {
    Job {
        origin: Origin {
            id: Some(name.into()),
            path: None,
            url: url.map(String::from),
        },
        source: Source::File(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("samples")
                .join(name),
        ),
        charset: None,
        kind: None,
        out_name: name.into(),
    }
}

fn record_for(name: &str) -> String {
    let opts = BatchOptions {
        explain: true,
        ..Default::default()
    };
    batch::run(&sample_job(name, None), &opts).render(Format::Json)
}

/// The Markdown of a sample, with links and images kept and a page URL to
/// make them absolute.
fn markdown_for(name: &str, url: &str) -> String {
    let opts = BatchOptions {
        clean: unchrome::Options {
            markdown: Some(unchrome::MarkdownOptions {
                links: true,
                images: true,
            }),
            ..Default::default()
        },
        ..Default::default()
    };
    batch::run(&sample_job(name, Some(url)), &opts).render(Format::Markdown)
}

#[test]
fn markdown_structure() {
    insta::assert_snapshot!(markdown_for(
        "markdown-structure.html",
        "https://tea.example/posts/brew"
    ));
}

#[test]
fn chrome_saved_mhtml() {
    insta::assert_snapshot!(record_for("chrome-saved.mhtml"));
}

#[test]
fn seed_news_footer() {
    insta::assert_snapshot!(record_for("seed-news-footer.txt"));
}

#[test]
fn hard_wrapped() {
    insta::assert_snapshot!(record_for("hard-wrapped.txt"));
}

#[test]
fn blog_with_comments() {
    insta::assert_snapshot!(record_for("blog-with-comments.html"));
}

/// Metadata from many sources: authors by JSON-LD reference, the visible
/// headline under the site's logo, the page's own calendar day beside a
/// UTC date, a future modification date ignored.
#[test]
fn metadata_blog_post() {
    insta::assert_snapshot!(record_for("metadata-blog-post.html"));
}

/// The date of a sample's record.
fn date_of(name: &str) -> Option<String> {
    let record: serde_json::Value = serde_json::from_str(&record_for(name)).expect("a JSON record");
    record["date"].as_str().map(String::from)
}

/// A generic `date` tag holding the last edit, a "today" line above the
/// headline, a gallery credit kept before it, teasers with `<time>`s, and a
/// dateline with both the publication and the change: the publication.
#[test]
fn date_published_vs_changed() {
    assert_eq!(
        date_of("date-published-vs-changed.html").as_deref(),
        Some("2022-01-27")
    );
}

/// A stated publication date stays against a visible "Updated" line and a
/// teaser's `<time>` of the same day.
#[test]
fn date_stated_stays() {
    assert_eq!(
        date_of("date-stated-stays.html").as_deref(),
        Some("2020-02-25T15:10:00-05:00")
    );
}

/// The author from byline markup (`<span class="author vcard"><a
/// class="fn">`), a blog handle, not the teaser's author or the commenter.
#[test]
fn byline_author_markup() {
    insta::assert_snapshot!(record_for("byline-author-markup.html"));
}

/// Authors marked only in teasers and comments: the article has none.
#[test]
fn teaser_comment_authors() {
    insta::assert_snapshot!(record_for("teaser-comment-authors.html"));
}

/// Plain text: the name on the line after a byline label alone ("Von" /
/// "Jana Keller"), not a menu's "* Autoren" or a headline's "Von …".
#[test]
fn byline_label_line() {
    insta::assert_snapshot!(record_for("byline-label-line.txt"));
}

/// Plain text with lines that start like bylines but are a headline, a
/// sentence and a search form's field: no author.
#[test]
fn byline_phrase_lines() {
    insta::assert_snapshot!(record_for("byline-phrase-lines.txt"));
}

#[test]
fn jsonld_article() {
    insta::assert_snapshot!(record_for("jsonld-article.html"));
}

/// A page whose article a script draws: the markup holds a caption and a
/// "loading" line, the JSON-LD states the whole body.
#[test]
fn script_drawn_article() {
    insta::assert_snapshot!(record_for("script-drawn-article.html"));
}

/// A recipe whose ingredient list sits in a box of its own beside the
/// steps (its lines too short to vote): the list is the recipe's.
#[test]
fn recipe_ingredients_beside_steps() {
    insta::assert_snapshot!(record_for("recipe-ingredients-beside-steps.html"));
}

/// A blog post that is a list of links, each headline with its "via"
/// line: the list is the post.
#[test]
fn link_roundup_post() {
    insta::assert_snapshot!(record_for("link-roundup-post.html"));
}

#[test]
fn legacy_charset_windows_1251() {
    insta::assert_snapshot!(record_for("legacy-charset-windows-1251.html"));
}

#[test]
fn undeclared_shift_jis() {
    insta::assert_snapshot!(record_for("undeclared-shift_jis.html"));
}

/// The head and tail of a news story: a dateline above the headline and
/// the headline itself go (the headline is the title), the lead in a
/// `div.teaser` of its own that the description repeats stays, the share
/// bar, a "Read also:" link to another story, a gallery's "1 of 6" and its
/// caption go.
#[test]
fn news_head_and_tail() {
    insta::assert_snapshot!(record_for("news-head-and-tail.html"));
}

/// The tail of a story inside its element: a pointer to the publisher's
/// app, a label whose list is gone, and an "About the author" box with
/// the author's bio go; the story's paragraphs stay.
#[test]
fn news_author_box() {
    insta::assert_snapshot!(record_for("news-author-box.html"));
}

/// The same words as prose: a story about a writer keeps her bio
/// sentence, the "author's" quote and the line naming the app.
#[test]
fn news_prose_about_authors() {
    insta::assert_snapshot!(record_for("news-prose-about-authors.html"));
}

/// A letters page: the editor's note on how to send a letter goes; a
/// reader's letter that mentions writing to the editor stays.
#[test]
fn letters_editors_note() {
    insta::assert_snapshot!(record_for("letters-editors-note.html"));
}

/// The same words as prose: a story about credit lines keeps every
/// paragraph ("Read also the agency's guide…", "…one of six or two of
/// ten…", "Reporting by the Guardian revealed…").
#[test]
fn news_prose_about_credits() {
    insta::assert_snapshot!(record_for("news-prose-about-credits.html"));
}

/// A story about cookie banners that quotes them keeps every paragraph;
/// the page's own banner after the story goes as `cookie_notice`.
#[test]
fn news_prose_about_cookies() {
    let record = record_for("news-prose-about-cookies.html");
    assert!(
        record.contains("is no longer enough, the judges wrote"),
        "{record}"
    );
    assert!(
        record.contains("although the page kept loading"),
        "{record}"
    );
    insta::assert_snapshot!(record);
}

/// A sample cleaned with one trade-off between precision and recall,
/// rendered as `format` (with `--explain` for JSON).
fn favoring(name: &str, favor: unchrome::chrome::Favor, format: Format) -> String {
    let opts = BatchOptions {
        explain: format == Format::Json,
        clean: unchrome::Options {
            favor,
            ..Default::default()
        },
        ..Default::default()
    };
    batch::run(&sample_job(name, None), &opts).render(format)
}

/// A wire story's credit lines: the wire byline with its role goes
/// always (the author is read from it, the role left out); the reporting
/// credits at its tail ("… contributed reporting from …", "(Reporting by
/// …; Editing by …)") stay by default, as the labelled sets keep them, and
/// go with `--favor precision`. The story about such lines keeps every
/// paragraph in that mode too.
#[test]
fn news_wire_credits() {
    insta::assert_snapshot!(record_for("news-wire-credits.html"));
    use unchrome::chrome::Favor::Precision;
    let precise = |name: &str| favoring(name, Precision, Format::Text);
    insta::assert_snapshot!(
        "news_wire_credits_precision",
        precise("news-wire-credits.html")
    );
    let prose = precise("news-prose-about-credits.html");
    assert_eq!(prose.lines().count(), 5, "{prose}");
    assert!(
        prose.contains("contributed reporting to the investigation"),
        "{prose}"
    );
}

/// A page that prints the whole story twice (a print copy below the
/// article): by default both copies stay, as the labelled sets keep them;
/// with `--favor precision` the copy goes as `repeated`, headline and
/// dateline included. The "Updated 1:39 am EST, Wednesday, November 20,
/// 2019" line is a timestamp that goes with the headline and gives the date.
#[test]
fn article_printed_twice() {
    insta::assert_snapshot!(record_for("article-printed-twice.html"));
    insta::assert_snapshot!(
        "article_printed_twice_precision",
        favoring(
            "article-printed-twice.html",
            unchrome::chrome::Favor::Precision,
            Format::Json
        )
    );
}

/// A page whose infinite scroll appended the next story (a second `<h1>`
/// with its byline and body) after its own: the next story goes as
/// `next_article`; the story's own `<h2>` section stays.
#[test]
fn infinite_scroll_next_story() {
    insta::assert_snapshot!(record_for("infinite-scroll-next-story.html"));
}

/// The labels of a story's head and its pictures: "Updated 1:39 am EST,
/// Wednesday, November 20, 2019" (a timestamp that gives the date), "4 Min
/// Read", a bare "Caption" figcaption and "(Image: GETTY)" go; the story's
/// sentences about captions, a four-minute read and Getty's images stay.
#[test]
fn news_labels_and_captions() {
    insta::assert_snapshot!(record_for("news-labels-and-captions.html"));
}

/// A long photo caption printed three times (gallery, lightbox,
/// thumbnail strip): by default the captions go; with `--favor recall`
/// one copy stays. The story's paragraph that opens with the caption's
/// words is prose and stays either way.
#[test]
fn gallery_repeated_caption() {
    insta::assert_snapshot!(record_for("gallery-repeated-caption.html"));
    insta::assert_snapshot!(
        "gallery_repeated_caption_recall",
        favoring(
            "gallery-repeated-caption.html",
            unchrome::chrome::Favor::Recall,
            Format::Text
        )
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Arbitrary bytes through the whole pipeline: no panic, one record,
    /// valid JSON, valid UTF-8.
    #[test]
    fn arbitrary_bytes_always_yield_one_valid_record(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let job = Job {
            origin: Origin::default(),
            source: Source::Inline(bytes),
            charset: None,
            kind: None,
            out_name: "x".into(),
        };
        let rendered = batch::run(&job, &BatchOptions { explain: true, ..Default::default() }).render(Format::Jsonl);
        prop_assert_eq!(rendered.lines().count(), 1);
        let v: serde_json::Value = serde_json::from_str(&rendered).unwrap();
        prop_assert!(v.get("text").is_some() && v.get("error").is_some());
    }

    /// Markup-shaped noise: tags, entities and text mixed at random.
    #[test]
    fn html_like_noise_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class='share'>".to_string()),
        Just("</div>".to_string()), Just("<li>".to_string()), Just("<br>".to_string()),
        Just("<script>x</script>".to_string()), Just("&amp;&#x1F600;&#0;".to_string()),
        Just("<h1>".to_string()), Just("<a href=x>".to_string()), Just("©".to_string()),
        "[a-zA-Z ,.]{0,40}",
    ], 0..200)) {
        let html = parts.concat();
        for kind in [unchrome::InputKind::Html, unchrome::InputKind::Text] {
            let opts = unchrome::Options { input_kind: Some(kind), ..Default::default() };
            let _ = unchrome::clean(&unchrome::Input::new(html.as_bytes()), &opts);
        }
    }
}

/// Pointers to other stories set between a story's paragraphs: a
/// see-also label on a line of its own ("Weiterlesen:") and the linked
/// headlines under it go; the author's own list of documents, under a
/// sentence that introduces it, and the word "weiterlesen" in a sentence
/// stay.
#[test]
fn news_see_also_pointers() {
    insta::assert_snapshot!(record_for("news-see-also-pointers.html"));
}

/// The lines that close a story: a source's credit with the release's
/// date and place ("Quelle: Stadtjugendring der Stadt (SJR), 14. Juni
/// 2024, Rathaus") and a line of its topics ("Themen: Ehrenamt
/// Jugendverbände") go; a paragraph that opens with "Themen:" and says
/// something stays.
#[test]
fn news_closing_lines() {
    insta::assert_snapshot!(record_for("news-closing-lines.html"));
}

/// The publisher's support box that ends the text ("we need your
/// support", "help us continue") goes from its first appeal to the end;
/// a quoted "helped to support us" inside the story stays.
#[test]
fn news_support_box() {
    insta::assert_snapshot!(record_for("news-support-box.html"));
}

/// Captions printed as paragraphs (no `<figcaption>`) that end with their
/// picture's credit ("… (jroe / bildarchiv.org)", "… Foto: Jane
/// Roe/Naturbild") go, and so does a bare credit without a label ("Jane
/// Roe/naturbild.org"); the story's sentence about the photo ("Das zeigt
/// auch das Foto: …") stays.
#[test]
fn news_credited_captions() {
    insta::assert_snapshot!(record_for("news-credited-captions.html"));
}
