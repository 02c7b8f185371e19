use super::*;
use crate::chrome::{Context, Favor, StopWords};
use crate::html::walk;

fn run(html: &str) -> Vec<Block> {
    let w = walk::walk(html);
    let mut blocks = w.blocks;
    let ctx = Context {
        stop: StopWords::english(),
        has_container: true,
        favor: Favor::Balanced,
    };
    let evidence = chrome::Evidence::gather(&blocks, &ctx);
    choose(&mut blocks, &w.elements, &evidence);
    blocks
}

const P: &str = "The council discussed the mission in the province, where the two groups have lived side by side for as long as anyone can remember, and it said that it would meet again.";

#[test]
fn picks_the_div_with_the_paragraphs() {
    let html = format!(
        "<body><div id=menu><a href=/>Home</a><a href=/n>News</a></div>\
         <div class=main><h1>Head</h1><div class=txt><p>{P}</p><p>{P}</p><p>{P}</p></div></div>\
         <div class=sidebar><p>{P}</p></div></body>"
    );
    let blocks = run(&html);
    let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
    // "Home News" (one block), the h1 (a sibling with no prose: the
    // classifier adds the headline later), three paragraphs, the sidebar.
    assert_eq!(inside, [false, false, true, true, true, false]);
    assert_eq!(blocks[5].dom_hint, Some(DomHint::Sidebar));
}

#[test]
fn units_of_one_template_join_the_top_one_however_short() {
    let steps = |step: &str| {
        format!(
            "<body><div class=page><div class='mod step'><div class=copy><p>{P}</p></div></div>\
             <div class=related><h3>Other people are reading</h3><ul><li><a href=/x>A story</a></li></ul></div>\
             <div class='mod step'><div class=copy><p>{step}</p></div></div>\
             <div class='mod step'><div class=copy><p>Insert the plant into the hole.</p></div></div>\
             <div class=sidebar><p>{P}</p></div></div></body>"
        )
    };
    let blocks = run(&steps("Add moss around it."));
    let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
    assert_eq!(inside, [true, false, false, true, true, false]);
    // A card whose line is a link elsewhere is a teaser, not a step
    // (and one step left beside the top one is too few units).
    let blocks = run(&steps("<a href=/y>Add moss around it, our guide</a>"));
    let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
    assert_eq!(inside, [true, false, false, false, false, false]);
    // Two boxes of one class are a layout's frames: no units.
    let frames = format!(
        "<body><div class=box><p>{P}</p><p>{P}</p></div><div class=box><p>Short news item.</p></div></body>"
    );
    let blocks = run(&frames);
    let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
    assert_eq!(inside, [true, true, false]);
}

#[test]
fn a_slideshow_set_into_the_article_goes_but_a_photo_story_stays() {
    let slides: String = (1..=6)
        .map(|k| format!("<li><h3>{k}/6 Slide title</h3><p>{P}</p></li>"))
        .collect();
    let gallery = format!("<div class=full-gallery><ul>{slides}</ul></div>");
    let html = format!(
        "<body><article><p>{P}</p><p>{P}</p>{gallery}<p>{P}</p></article>\
         <div class=sidebar><p>{P}</p></div></body>"
    );
    let blocks = run(&html);
    let hints: Vec<Option<DomHint>> = blocks.iter().map(|b| b.dom_hint).collect();
    assert_eq!(hints[..2], [None, None]);
    assert!(hints[2..14].iter().all(|&h| h == Some(DomHint::Slideshow)));
    assert_eq!(hints[14], None);
    // The same gallery closing the article is the page's photo story.
    let html = format!("<body><article><p>{P}</p><p>{P}</p>{gallery}</article></body>");
    let blocks = run(&html);
    assert!(blocks.iter().all(|b| b.dom_hint.is_none()));
}

#[test]
fn the_lead_just_above_the_body_joins_it() {
    let lead = "Five wins in a row and one goal conceded: the club has answered every doubter this autumn, and the rest of the league has started to notice.";
    let body = format!("<div class=body>{}</div>", format!("<p>{P}</p>").repeat(6));
    let related = "<div class=related><a href=/1>Another story about the club and its coach</a> \
        <a href=/2>A second story about the league table this week</a></div>";
    let page = |between: &str| {
        format!(
            "<body><div class=article><div class=perex>{lead}</div>{between}{body}{related}</div></body>"
        )
    };
    // Under a fifth of the story, but just above it (a picture between).
    let blocks = run(&page("<div class=photo><img src=a.jpg></div>"));
    assert!(blocks[..7].iter().all(|b| b.in_container));
    // Not when another sibling with text stands between.
    let blocks = run(&page(
        "<div class=note>This story was first published in the print edition.</div>",
    ));
    assert!(!blocks[0].in_container && !blocks[1].in_container);
    assert!(blocks[2].in_container);
}

#[test]
fn a_lead_in_its_own_section_above_the_story_joins_it() {
    let lead = "Five wins in a row and one goal conceded: the club has answered every doubter this autumn, and the rest of the league has started to notice.";
    let body = format!("<p>{P}</p>").repeat(6);
    // Chrome beside the story keeps the container from climbing to the page.
    let menu = "<li><a href=/a>Home of the club and its news</a></li>".repeat(12);
    let page = |intro: &str| {
        format!(
            "<body><div class=main><section class=top><div class=intro>{intro}</div></section>\
             <section class=story><div class=column><div class=text>{body}</div></div></section>\
             <ul class=menu>{menu}</ul></div></body>"
        )
    };
    // The lead sits in the section above the story's, two wrappers up.
    let blocks = run(&page(&format!("<p>{lead}</p>")));
    assert!(blocks[..7].iter().all(|b| b.in_container), "{blocks:?}");
    // The twin: a box of links there is a teaser, not a lead.
    let blocks = run(&page(
        "<a href=/1>Another story about the club and its coach this autumn</a> \
         <a href=/2>A second story about the league table and the doubters this week</a>",
    ));
    assert!(!blocks[0].in_container, "{blocks:?}");
    assert!(blocks[1..7].iter().all(|b| b.in_container), "{blocks:?}");
}

#[test]
fn a_short_section_of_the_main_area_widens_to_it() {
    let panel = |title: &str, line: &str| {
        format!(
            "<section><div class=copy><h3>{title}</h3><p>{line}</p>\
             <a href=/more>Learn more</a> <a href=/next>Next</a></div></section>"
        )
    };
    let html = format!(
        "<body><nav><a href=/>Home</a></nav><main>{}{}{}{}</main>\
         <footer><p>Contact us</p></footer></body>",
        panel(
            "Themes",
            "Make the browser match your style with a single click."
        ),
        panel(
            "Tabs",
            "Keep the sites you visit most one click away, the way you like."
        ),
        panel(
            "Add-ons",
            "Add-ons are like apps that you install to add features to the browser."
        ),
        panel(
            "Sync",
            "Access your bookmarks and passwords from any device you use."
        ),
    );
    let blocks = run(&html);
    let kept: Vec<&str> = blocks
        .iter()
        .filter(|b| b.in_container)
        .map(|b| b.text.as_str())
        .collect();
    assert!(kept.contains(&"Make the browser match your style with a single click."));
    assert!(kept.contains(&"Access your bookmarks and passwords from any device you use."));
    assert!(!kept.contains(&"Home") && !kept.contains(&"Contact us"));
    // A full story in the main area stays the story alone.
    let html = format!(
        "<body><main><article><p>{P}</p><p>{P}</p><p>{P}</p></article>\
         <section><p>Sign up for our weekly letter about the province.</p></section></main></body>"
    );
    let blocks = run(&html);
    assert!(blocks[..3].iter().all(|b| b.in_container) && !blocks[3].in_container);
}

#[test]
fn layout_wrapper_hint_is_ignored() {
    let html =
        format!("<body><div class='page has-sidebar'><div><p>{P}</p><p>{P}</p></div></div></body>");
    let blocks = run(&html);
    assert!(
        blocks
            .iter()
            .all(|b| b.dom_hint.is_none() && b.in_container)
    );
}

#[test]
fn a_formula_in_an_element_named_like_a_menu_is_not_navigation() {
    let html = format!(
        "<body><div class=menu><a href=/>Home</a></div><article><p>{P}</p>\
         <mjx-container class='MathJax CtxtMenu_Attached_0'><mjx-assistive-mml>\
         <math><mi>a</mi><mo>=</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>\
         <p>{P}</p></article></body>"
    );
    let blocks = run(&html);
    assert_eq!(blocks[0].dom_hint, Some(DomHint::Navigation));
    assert_eq!(blocks[2].text, "a = 0");
    assert_eq!(blocks[2].dom_hint, None);
}

#[test]
fn large_invisible_element_stays_hidden_but_a_large_toggled_one_does_not() {
    // Three paragraphs of five are hidden: over the layout-wrapper share.
    for (attr, hidden) in [
        ("aria-hidden=true", true),
        ("style='visibility: hidden'", true),
        ("style='display:none'", false),
    ] {
        let html = format!(
            "<body><article><div {attr}><p>{P}</p><p>{P}</p><p>{P}</p></div>\
             <div><p>{P}</p><p>{P}</p></div></article></body>"
        );
        let blocks = run(&html);
        assert_eq!(
            blocks[0].dom_hint == Some(DomHint::Hidden),
            hidden,
            "{attr}"
        );
        assert_eq!(blocks[4].dom_hint, None, "{attr}");
    }
}

#[test]
fn a_short_post_named_by_the_site_beats_a_longer_sidebar() {
    let html = format!(
        "<body><div class=main><h3>In the pink</h3>\
         <div class='post-body entry-content'><img src=a.jpg><p>Pink is back this season.</p></div></div>\
         <div class=about><p>{P}</p><p>{P}</p></div></body>"
    );
    let blocks = run(&html);
    let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
    assert_eq!(inside, [false, true, false, false]);
    // On a listing page the name repeats and says nothing.
    let listing = format!(
        "<body><div class='post-body'><p>One line.</p></div><div class='post-body'><p>Another.</p></div>\
         <div class=about><p>{P}</p><p>{P}</p></div></body>"
    );
    let blocks = run(&listing);
    let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
    assert_eq!(inside, [false, false, true, true]);
    // The vote picks the table of a wiki list; the named body holds the
    // introduction too.
    let wiki = format!(
        "<body><div id=mw-content-text><p>This list of films holds the ones in which a day repeats.</p>\
         <table><tr><td><p>{P}</p><p>{P}</p><p>{P}</p></td></tr></table></div>\
         <div class=footer><p>{P}</p></div></body>"
    );
    let blocks = run(&wiki);
    let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
    assert_eq!(inside, [true, true, true, true, false]);
}

#[test]
fn a_teaser_card_named_like_a_body_does_not_beat_the_story() {
    let page = |card: &str| {
        format!(
            "<body><div class=story><div class=text><p>{P}</p><p>{P}</p><p>{P}</p></div>\
             <article class=card><div class=article-content>{card}</div></article>\
             </div></body>"
        )
    };
    let blocks = run(&page("<span>Psychology</span><h3>Shower thoughts</h3>"));
    let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
    assert_eq!(inside[..3], [true, true, true], "{blocks:?}");
    // The twin: a named body of results, no prose but more text than
    // the short form the vote found, stays the container.
    let results = "<body><div class=article-content><table>\
         <tr><td>1. Meier, Anna 1993</td><td>LG Staufen</td><td>12,41 s</td></tr>\
         <tr><td>2. Huber, Lea 1994</td><td>TSV Essingen</td><td>12,77 s</td></tr>\
         <tr><td>3. Wolf, Mia 1993</td><td>LG Staufen</td><td>12,90 s</td></tr></table></div>\
         <form class=reply><p>Your e-mail address will not be published, we said.</p></form></body>";
    let blocks = run(results);
    assert!(blocks[0].in_container, "{blocks:?}");
    assert!(!blocks[blocks.len() - 1].in_container, "{blocks:?}");
}

#[test]
fn the_marked_parts_of_one_article_are_all_kept() {
    let html = format!(
        "<body><article><div class=part><div class='story-body story-body-1'><p>{P}</p></div>\
         <aside class=related><div class=story-body><p>Another story</p></div></aside></div>\
         <div class=ad>Advertisement</div>\
         <div class=part><div class='story-body story-body-2'><p>{P}</p><p>{P}</p><p>{P}</p></div>\
         <div class=sidebar><p>{P}</p></div></div></article></body>"
    );
    let blocks = run(&html);
    let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
    assert_eq!(
        inside,
        [true, false, false, true, true, true, false],
        "{blocks:?}"
    );
}

#[test]
fn split_article_siblings_join() {
    let html = format!(
        "<body><div><div class=part><p>{P}</p><p>{P}</p></div><div class=ad>Buy now</div>\
         <div class=part><p>{P}</p></div></div></body>"
    );
    let blocks = run(&html);
    // The container widens to the common parent; the ad inside it keeps
    // its hint, so the classifier still drops it.
    let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
    assert_eq!(inside, [true, true, true, true]);
    assert_eq!(blocks[2].dom_hint, Some(DomHint::Advertisement));
    assert_eq!(blocks[3].dom_hint, None);
}

#[test]
fn parts_named_like_their_oversized_wrapper_are_the_text() {
    // A live ticker: the list and each of its entries carry a comment
    // word, and the page has no other prose. The entries are the page.
    let entry = |t: &str| format!("<div class=live-comment><p>{t}</p></div>");
    let ticker = |outside: &str| {
        format!(
            "<body><nav><a href=/>Home</a></nav>{outside}<div class=live-comments>{}{}{}</div></body>",
            entry(P),
            entry(P),
            entry("The corner comes to nothing.")
        )
    };
    let blocks = run(&ticker(""));
    let inside: Vec<bool> = blocks.iter().map(|b| b.in_container).collect();
    assert_eq!(inside, [false, true, true, true]);
    assert!(blocks[1..].iter().all(|b| b.dom_hint.is_none()));
    // With a story of its own outside them, the comments stay comments.
    let story = format!("<div class=story><p>{P}</p><p>{P}</p><p>{P}</p><p>{P}</p></div>");
    let blocks = run(&ticker(&story));
    assert!(blocks[1..5].iter().all(|b| b.in_container));
    assert!(
        blocks[5..]
            .iter()
            .all(|b| !b.in_container && b.dom_hint == Some(DomHint::Comments))
    );
}

#[test]
fn a_recipes_ingredient_list_beside_its_steps_joins_them() {
    let page = |list_place: &str, list_class: &str| {
        let list = format!(
            "<div class='{list_class}'><h3>Ingredients</h3><ul><li>200 g flour</li>\
             <li>2 eggs</li><li>1 pinch of salt</li></ul></div>"
        );
        let (in_main, in_side) = if list_place == "main" {
            (list.as_str(), "")
        } else {
            ("", list.as_str())
        };
        format!(
            "<body><div class=page><div class=recipe><div class=box>{in_main}</div>\
             <div class=steps><p>{P}</p><p>{P}</p><p>{P}</p></div></div></div>\
             <div class=column>{in_side}</div></body>"
        )
    };
    let inside = |html: &str| -> Vec<bool> { run(html).iter().map(|b| b.in_container).collect() };
    // The list (its heading and lines) sits in a box beside the steps.
    assert_eq!(
        inside(&page("main", "recipe-ingredients print-links")),
        [true; 7]
    );
    assert_eq!(
        run(&page("main", "recipe-ingredients print-links"))[1].dom_hint,
        None
    );
    // A box not named an ingredient list stays out (too little prose).
    assert_eq!(
        inside(&page("main", "recipe-notes")),
        [false, false, false, false, true, true, true]
    );
    // A list in another column of the page shares only the page with them.
    assert_eq!(
        inside(&page("side", "recipe-ingredients")),
        [true, true, true, false, false, false, false]
    );
    // Nor through a sidebar around it.
    let aside = page("main", "ingredients").replace("<div class=box>", "<div class=sidebar>");
    assert_eq!(
        inside(&aside),
        [false, false, false, false, true, true, true]
    );
    // However deep the list sits in its box (each element's way up to
    // the chosen one is found in one pass over the elements).
    let deep = page("main", "recipe-ingredients").replace(
        "<div class=box>",
        &format!("<div class=box>{}", "<div>".repeat(60)),
    );
    let deep = deep.replacen(
        "</div><div class=steps>",
        &format!("{}</div><div class=steps>", "</div>".repeat(60)),
        1,
    );
    assert_eq!(inside(&deep), [true; 7]);
}

#[test]
fn the_posts_of_a_thread_join_the_top_one() {
    const Q: &str = "I was wondering whether the past tense or the passive is the right form \
        here, since both seem to be used by the people I talk to every day.";
    let post = |kind: &str, body: &str| {
        format!(
            "<div class={kind}><div class=votes>3</div><div class=cell>\
             <div class=post-text><p>{body}</p></div>\
             <div class=menu><a href=/s>Share</a> <a href=/e>Improve this answer</a></div>\
             <div class=user>answered by someone 3 days ago</div>\
             <div class=comments><ul><li>{P}</li><li>{P}</li></ul></div></div></div>"
        )
    };
    let page = format!(
        "<body><div id=main><div id=question>{}</div><div id=answers>{}{}</div></div>\
         <div class=footer>Site design</div></body>",
        post("question", Q),
        post("answer", P),
        post("answer", Q)
    );
    let blocks = run(&page);
    let texts: Vec<&str> = blocks
        .iter()
        .filter(|b| b.in_container && b.dom_hint.is_none())
        .map(|b| b.text.as_str())
        .filter(|t| t.len() > 40)
        .collect();
    assert_eq!(texts, [Q, P, Q]);
    // One answer that quotes the question is one post, not two: with the
    // question that is fewer than a thread's units, and it stays out.
    let quoting = post("answer", P).replace(
        "<div class=post-text>",
        &format!("<div class=post-text><div class=post-text><p>{Q}</p></div>"),
    );
    let page = format!(
        "<body><div id=main><div id=question>{}</div><div id=answers>{quoting}</div></div>\
         <div class=footer>Site design</div></body>",
        post("question", &format!("{Q} {Q}")),
    );
    let kept: Vec<bool> = run(&page)
        .iter()
        .filter(|b| b.text.len() > 40)
        .map(|b| b.in_container && b.dom_hint.is_none())
        .collect();
    assert!(kept[0], "{kept:?}");
    assert!(kept[1..].iter().all(|k| !k), "{kept:?}");
    // An article whose teasers below are built from the same component
    // holds more than all of them together: they stay out.
    let module =
        |body: &str| format!("<div class=item><div class=module-text><p>{body}</p></div></div>");
    let article = format!("<p>{P}</p><p>{P}</p><p>{P}</p>");
    let page = format!(
        "<body><div class=page>{}<div class=more>{}{}</div></div></body>",
        module(&article),
        module("A short teaser of another story."),
        module("One more teaser, just as short.")
    );
    let inside: Vec<bool> = run(&page).iter().map(|b| b.in_container).collect();
    assert_eq!(inside, [true, true, true, false, false]);
}
