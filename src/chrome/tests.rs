//! Tests of the module above.

use super::*;

fn ctx() -> Context {
    Context {
        stop: StopWords::english(),
        has_container: false,
        favor: Favor::Balanced,
    }
}

fn lines(text: &str) -> Vec<Block> {
    text.lines()
        .map(|l| Block::new(l.to_string(), BlockKind::Paragraph))
        .collect()
}

#[test]
fn links_between_the_article_paragraphs_are_its_own_unless_they_point_away() {
    let block = |text: &str, kind: BlockKind, link: bool| {
        let mut b = Block::new(text.into(), kind);
        if link {
            b.link_chars = text.chars().count();
        }
        b.in_container = true;
        b
    };
    let paragraph = "Once you have mastered the art of mutable history in a single repository, you might want to move up to the next level: shared mutable history.";
    let blocks = [
        block(paragraph, BlockKind::Paragraph, false),
        block("Sharing with a single developer", BlockKind::ListItem, true),
        block(
            "Related: Bob publishes a new feature",
            BlockKind::ListItem,
            true,
        ),
        block(
            "Continue reading the main story",
            BlockKind::Paragraph,
            true,
        ),
        block(paragraph, BlockKind::Paragraph, false),
        block("Other stories from the week", BlockKind::ListItem, true),
    ];
    let rules = vec![None; blocks.len()];
    let ctx = Context {
        has_container: true,
        ..ctx()
    };
    let keep: Vec<bool> = select_by_container(&blocks, &rules, &ctx)
        .iter()
        .map(|v| v.keep)
        .collect();
    assert_eq!(keep, [true, true, false, false, true, false]);
}

#[test]
fn headlines_under_a_see_also_label_go_even_between_the_paragraphs() {
    let block = |text: &str, link: bool| {
        let mut b = Block::new(text.into(), BlockKind::Paragraph);
        if link {
            b.link_chars = text.chars().count();
        }
        b.in_container = true;
        b
    };
    let paragraph = "The council met on Monday and agreed on the plan for the new bridge, which will be built over the next three years with money from the regional fund.";
    let ctx = Context {
        has_container: true,
        ..ctx()
    };
    let keep = |blocks: &[Block]| -> Vec<bool> {
        let rules: Vec<Option<Reason>> = blocks.iter().map(rule_for).collect();
        select_by_container(blocks, &rules, &ctx)
            .iter()
            .map(|v| v.keep)
            .collect()
    };
    // A label on a line of its own, then the other stories' headlines.
    for label in [
        "Weiterlesen:",
        "Lee también...",
        "Related stories",
        "Saiba mais",
    ] {
        let page = [
            block(paragraph, false),
            block(label, false),
            block("Mayor opens the new ferry terminal after two years", true),
            block("Why the old bridge had to close", true),
            block(paragraph, false),
        ];
        assert_eq!(keep(&page), [true, false, false, false, true], "{label}");
    }
    // A label right above the header introduces the same list.
    let page = [
        block(paragraph, false),
        block("More columns on the site:", false),
        block("Related stories", false),
        block("Mayor opens the new ferry terminal after two years", true),
        block(paragraph, false),
    ];
    assert_eq!(keep(&page), [true, false, false, false, true]);
    // Without a label, links between the paragraphs are the author's.
    let page = [
        block(paragraph, false),
        block("Mayor opens the new ferry terminal after two years", true),
        block(paragraph, false),
    ];
    assert_eq!(keep(&page), [true, true, true]);
    // The label's words in a sentence of the story are not a label, and
    // the label over prose heads the prose.
    let page = [
        block(paragraph, false),
        block("Weiterlesen:", false),
        block(paragraph, false),
    ];
    assert_eq!(keep(&page), [true, true, true]);
}

#[test]
fn a_byline_after_a_comment_button_opens_the_story_not_a_thread() {
    let story = "LONDON -- The tragic period romance dominated the race for the British film awards on Wednesday, with fourteen nominations including best film and best actress.";
    let page = |after: &[&str]| {
        let mut lines = vec![
            "Atonement Up for British Film Awards",
            "This undated photo provided by the studio shows the lead actress in a scene from the film, which earned fourteen nominations on Wednesday for the British film awards, more than any other film this year, in London.",
            "COMMENT",
        ];
        lines.extend_from_slice(after);
        let mut blocks = lines
            .iter()
            .map(|l| Block::new(l.to_string(), BlockKind::Paragraph))
            .collect::<Vec<_>>();
        for b in &mut blocks {
            b.in_container = true;
        }
        let rules: Vec<Option<Reason>> = blocks.iter().map(rule_for).collect();
        comment_section_in_container(&blocks, &rules)
    };
    let byline = page(&[
        "By JILL LAWLESS",
        "Thursday, January 17, 2008; 8:43 AM",
        story,
        story,
    ]);
    assert_eq!(byline, None);
    let thread = page(&["Jane wrote:", "I loved it.", "Reply | Report abuse", story]);
    assert_eq!(thread, Some(2));
}

#[test]
fn a_linked_heading_over_a_long_paragraph_heads_a_section() {
    let heading = |text: &str| {
        let mut b = Block::new(text.into(), BlockKind::Heading(3));
        b.link_chars = text.chars().count();
        b.in_container = true;
        b
    };
    let paragraph = |words: usize| {
        let mut b = Block::new(
            "Beloved cult hit gets the treatment, ".repeat(words / 6 + 1),
            BlockKind::Paragraph,
        );
        b.in_container = true;
        b
    };
    let ctx = Context {
        has_container: true,
        ..ctx()
    };
    let keep = |blocks: &[Block]| {
        let rules = vec![None; blocks.len()];
        select_by_container(blocks, &rules, &ctx)[0].keep
    };
    assert!(keep(&[heading("“Rez Infinite” ($30)"), paragraph(60)]));
    // A teaser's headline over its short summary stays a link.
    assert!(!keep(&[heading("Review: a career year"), paragraph(20)]));
}

#[test]
fn figure_captions_go_unless_they_are_the_story_or_recall_is_favoured() {
    let prose = "The council discussed the mission in the province, where the two groups have lived side by side for as long as anyone can remember.";
    // Each photo its own caption: copies of one caption count once.
    let caption = |i: usize| format!("Glass cloche terrariums, photo {i} (Lucy Akins)");
    let page = |captions: usize, paragraphs: usize| {
        let mut blocks = Vec::new();
        for _ in 0..paragraphs {
            blocks.push(Block::new(prose.into(), BlockKind::Paragraph));
        }
        for i in 0..captions {
            blocks.push(Block::new(caption(i), BlockKind::Caption));
        }
        blocks
    };
    let reasons = |blocks: &[Block], favor: Favor| {
        let mut rules = vec![None; blocks.len()];
        drop_figure_captions(blocks, &mut rules, &Context { favor, ..ctx() });
        rules
    };
    let story = page(1, 3);
    assert_eq!(reasons(&story, Favor::Balanced)[3], Some(Reason::Caption));
    assert_eq!(reasons(&story, Favor::Recall)[3], None);
    // A gallery: twelve captioned photos under one line of introduction.
    let gallery = page(12, 1);
    assert!(
        reasons(&gallery, Favor::Balanced)
            .iter()
            .all(Option::is_none)
    );
    // One caption printed twelve times (gallery, lightbox, strip) is
    // not a gallery of twelve: the captions go.
    let mut copies = page(1, 1);
    for _ in 0..11 {
        copies.push(copies[1].clone());
    }
    assert_eq!(reasons(&copies, Favor::Balanced)[1], Some(Reason::Caption));
}

#[test]
fn the_block_repeating_the_page_title_is_the_headline() {
    let para = "<p>The council met on Monday and agreed on the plan for the new bridge, which \
                    will be built over the next three years with money from the regional fund.</p>";
    let html = format!(
        "<html><head><title>Council backs the new bridge - Harbour Times</title></head><body>\
             <div class=top><span>Council backs the new bridge</span><ul><li><a href=/a>Article</a>\
             <li><a href=/v>Video</a><li><a href=/c>Comments</a><li><a href=/p>Print</a></ul></div>\
             <div class=body>{}</div></body></html>",
        para.repeat(3)
    );
    let clean = |headline: bool| {
        let opts = crate::Options {
            headline,
            ..Default::default()
        };
        crate::clean(&crate::Input::new(html.as_bytes()), &opts).expect("clean")
    };
    assert!(
        clean(true)
            .text
            .starts_with("Council backs the new bridge\nThe council met")
    );
    // By default the headline is the title, not the body's first line.
    let article = clean(false);
    assert!(
        article.text.starts_with("The council met"),
        "{}",
        article.text
    );
    assert!(
        article
            .removed
            .iter()
            .any(|r| r.reason == Reason::Headline && r.text == "Council backs the new bridge")
    );
}

#[test]
fn a_dateline_between_headline_and_body_is_kept() {
    let para = "<p>The council met on Monday and agreed on the plan for the new bridge, which \
                    will be built over the next three years with money from the regional fund.</p>";
    let html = format!(
        "<html><body><nav><a href=/>Home</a></nav><article><h1>Council backs the bridge</h1>\
             <p>By Jane Roe, 01 June 2010</p>{}</article></body></html>",
        para.repeat(3)
    );
    let opts = crate::Options {
        headline: true,
        ..Default::default()
    };
    let article = crate::clean(&crate::Input::new(html.as_bytes()), &opts).expect("clean");
    let lines: Vec<&str> = article.text.lines().collect();
    assert_eq!(
        lines[..2],
        ["Council backs the bridge", "By Jane Roe, 01 June 2010"]
    );
    // Without the headline its dateline goes too; the lead stays.
    let article = crate::clean(
        &crate::Input::new(html.as_bytes()),
        &crate::Options::default(),
    )
    .expect("clean");
    assert!(
        article.text.starts_with("The council met"),
        "{}",
        article.text
    );
    // A byline without a date stays out.
    let html = html.replace("By Jane Roe, 01 June 2010", "By Jane Roe");
    let article = crate::clean(
        &crate::Input::new(html.as_bytes()),
        &crate::Options::default(),
    )
    .expect("clean");
    assert!(!article.text.contains("By Jane Roe"));
}

#[test]
fn reader_comments_inside_the_post_element_are_cut() {
    let para = "<p>The council met on Monday and agreed on the plan for the new bridge, which \
                    will be built over the next three years with money from the regional fund.</p>";
    let comment = "<p>I think this is a great idea and I hope it gets built soon.</p>\
                       <p>Posted by: Jane at Jan 17, 2005 3:24:17 PM</p>";
    let html = format!(
        "<html><body><div class=post>{}<h3>Comments</h3>{}</div></body></html>",
        para.repeat(4),
        comment.repeat(4)
    );
    let article = crate::clean(
        &crate::Input::new(html.as_bytes()),
        &crate::Options::default(),
    )
    .expect("clean");
    assert!(article.text.starts_with("The council met"));
    assert!(!article.text.contains("great idea"));
}

#[test]
fn a_related_list_inside_the_story_is_taken_out_and_both_parts_kept() {
    let para = "The orchestra has no conductor, so every musician takes part in deciding how a \
                    piece is played, and the members rotate the leading roles from one concert to \
                    the next, which they say keeps all of them attentive and involved in the work.";
    let text = format!(
        "Jane Roe is the director of the orchestra and has led arts groups for twenty years, \
             first at a small theatre in the city and then at a festival that she founded with \
             a group of friends who wanted to bring chamber music to the villages of the region.\n\
             More on Jane Roe\n\
             Table of Contents\n\
             From the Editors\n\
             Resources\n{}",
        [para; 8].join("\n")
    );
    let opts = crate::Options {
        input_kind: Some(crate::InputKind::Text),
        ..Default::default()
    };
    let article = crate::clean(&crate::Input::new(text.as_bytes()), &opts).expect("clean");
    assert!(article.text.starts_with("Jane Roe is the director"));
    assert!(article.text.contains("The orchestra has no conductor"));
    assert!(!article.text.contains("From the Editors"));
}

#[test]
fn a_page_with_nothing_selected_keeps_its_plain_text() {
    let page = "<html><body><div><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p></div>\
                    <nav><a href=/>Home</a></nav></body></html>";
    let article = crate::clean(
        &crate::Input::new(page.as_bytes()),
        &crate::Options::default(),
    )
    .expect("clean");
    assert_eq!(
        article.text,
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit."
    );
}

#[test]
fn span_is_maximum_sum_run() {
    assert_eq!(best_span(&[-1.0, 5.0, -2.0, 4.0, -9.0, 3.0]), Some((1, 3)));
    assert_eq!(best_span(&[-1.0, -2.0]), None);
    assert_eq!(best_span(&[]), None);
}

#[test]
fn prose_scores_above_menus() {
    let c = ctx();
    let prose = Block::new("The council discussed the mission in Kosovo, where ethnic Albanians outnumber Serbs by nine to one, with no agreement reached.".into(), BlockKind::Paragraph);
    let menu = Block::new("Home".into(), BlockKind::ListItem);
    assert!(content_score(&prose, &c) > 10.0);
    assert!(content_score(&menu, &c) < 0.0);
}

#[test]
fn sentence_list_items_count_in_full_in_text_only() {
    let point = "We have just landed a change which aims to prevent starting an update while another instance is running.";
    let para = Block::new(point.into(), BlockKind::Paragraph);
    let item = Block::new(point.into(), BlockKind::ListItem);
    let text = ctx();
    assert_eq!(prose_score(&item, &text), prose_score(&para, &text));
    let html = Context {
        has_container: true,
        ..ctx()
    };
    assert!(prose_score(&item, &html) < prose_score(&para, &html) * 0.5);
    // A headline in a list stays light in text too.
    let headline = Block::new(
        "Here is our look back at the year in performance and in testing for the browser".into(),
        BlockKind::ListItem,
    );
    let as_para = Block::new(headline.text.clone(), BlockKind::Paragraph);
    assert!(prose_score(&headline, &text) < prose_score(&as_para, &text) * 0.5);
}

#[test]
fn links_lower_the_score() {
    let c = ctx();
    let mut b = Block::new("The council discussed the mission in Kosovo, where ethnic Albanians outnumber Serbs by nine to one, with no agreement reached.".into(), BlockKind::Paragraph);
    let plain = content_score(&b, &c);
    b.link_chars = b.text.len();
    assert!(content_score(&b, &c) < 0.0 && plain > 0.0);
}

#[test]
fn body_between_menus_and_footer() {
    let blocks = lines(
        "Home\nNews\nSport\n\
             The Security Council today discussed the United Nations mission in Kosovo, with no agreement being reached over its future status.\n\
             He stressed during the meeting that recent elections were held in a good atmosphere and were deemed to be fair and free.\n\
             Related stories\n\
             Kosovo Parliamentarian Says the Province Is Ready\n\
             © 2008 United Nations",
    );
    let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
    let kept: Vec<bool> = v.iter().map(|v| v.keep).collect();
    assert_eq!(kept, [false, false, false, true, true, false, false, false]);
    assert_eq!(v[5].reason, Some(Reason::RelatedHeader));
    assert_eq!(v[6].reason, Some(Reason::RelatedHeadline));
    assert_eq!(v[7].reason, Some(Reason::Copyright));
}

#[test]
fn headline_above_body_is_kept() {
    let blocks = lines(
        "Home\n\
             No Agreement Reached on Kosovo Status\n\
             16 January 2008\n\
             The Security Council today discussed the United Nations mission in Kosovo, with no agreement being reached over its future status.\n\
             He stressed during the meeting that recent elections were held in a good atmosphere and were deemed to be fair and free.",
    );
    let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
    assert!(v[1].keep, "{v:?}");
    // The dateline between headline and body is part of the story.
    assert!(v[2].keep, "{v:?}");
    assert!(!v[0].keep);
}

#[test]
fn repeated_short_lines_are_dropped() {
    let blocks = lines(
        "The Security Council today discussed the United Nations mission in Kosovo, with no agreement being reached over its future status.\n\
             Kosovo will decide.\n\
             He stressed during the meeting that recent elections were held in a good atmosphere and were deemed to be fair and free.\n\
             Kosovo will decide.\n\
             He also said that the mission would go on for as long as it was needed by the people of the province.",
    );
    let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
    assert!(v[1].keep);
    assert_eq!(v[3].reason, Some(Reason::Repeated));
}

#[test]
fn sidebar_cells_beside_the_articles_lines_are_removed() {
    let text = "The Security Council today discussed the United Nations mission in Kosovo, with no agreement reached.\n\
             He stressed that recent elections were held in a good atmosphere and were deemed fair.        • Most read stories\n\
             He also said that the mission would go on for as long as it was needed by the people of the province.";
    let blocks = crate::text::blocks(text);
    let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
    assert_eq!(blocks[2].text, "• Most read stories");
    assert_eq!(v[2].reason, Some(Reason::Sidebar));
    assert!(v[0].keep && v[1].keep && v[3].keep);
}

#[test]
fn dates_and_bylines_next_to_a_sidebar_cell_are_the_sidebars() {
    let text = "The Security Council today discussed the United Nations mission in Kosovo, with no agreement reached.        Kubica gives BMW debut\n\
             2008-01-15 18:25\n\
             He stressed that recent elections were held in a good atmosphere and were deemed fair by all.";
    let blocks = crate::text::blocks(text);
    let ev = Evidence::gather(&blocks, &ctx());
    assert_eq!(ev.rules[2], Some(Reason::Timestamp));
    let c = classify(&blocks, &ctx(), &ev, None);
    assert_eq!(c.verdicts[2].reason, Some(Reason::Sidebar));
    // Neither breaks the article's span.
    assert_eq!(c.scores[1], 0.0);
    assert_eq!(c.scores[2], 0.0);
    assert!(c.verdicts[0].keep && c.verdicts[3].keep);
}

#[test]
fn a_section_header_next_to_a_sidebar_cell_is_the_sidebars_menu_entry() {
    // A page laid out in columns: the menu's "Have Your Say" entry sits
    // on a line of its own between two lines of the article's column.
    let page = |gap: &str| {
        format!(
            "Home\nWorld\n\
                 The minister said the new rules would take effect next spring, after a long consultation with doctors, nurses and the patients' groups that had asked for them.\n\
                 The rules set a limit of four hours on the time a patient may wait in an emergency room before a doctor sees them, and they give the hospitals money for more staff.\n\
                 Health        Officials expect the changes to cut waiting times in most of the country's hospitals.\n\
                 Have Your Say\n\
                 Magazine{gap}Critics said the plan was rushed and that the hospitals had not been asked about it at all.\n\
                 Ministers will publish the full plan in the coming weeks, once the last talks with unions end.\n\
                 Anna Smith\n\
                 12 March 2005\n\
                 They replied that the talks had been going on for a year and that the unions had agreed to most of it.\n\
                 John Brown\n\
                 13 March 2005\n"
        )
    };
    let kept = |text: &str| {
        let blocks = crate::text::blocks(text);
        let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
        blocks
            .iter()
            .zip(&v)
            .filter(|(_, v)| v.keep)
            .map(|(b, _)| b.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let columns = kept(&page("        "));
    assert!(columns.contains("Ministers will publish"), "{columns}");
    assert!(!columns.contains("Have Your Say"), "{columns}");
    // The twin: the same header with no side column beside it opens
    // the page's comment list, which is cut off.
    let plain = kept(&page("\n"));
    assert!(plain.contains("Officials expect"), "{plain}");
    assert!(!plain.contains("Ministers will publish"), "{plain}");
}

#[test]
fn a_short_post_before_a_long_comment_thread_is_the_article() {
    let comment = "This is amazing, you have totally captured the spirit of that collection and I really love the colour of the jeans with the print of the shirt, it all works so well together.\n";
    let mut text = String::from(
        "Home | About | Contact\n\
             I am totally inspired by the autumn collection, my all time favourite one of the year.\n\
             119 Comments\n",
    );
    for n in 1..=6 {
        text.push_str(&format!(
            "{n} Melinda October 22, 2012 at 1:5{n} pm\n{comment}"
        ));
    }
    let blocks = lines(text.trim_end());
    let c = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None);
    let kept: Vec<usize> = (0..blocks.len()).filter(|&i| c.verdicts[i].keep).collect();
    assert_eq!(kept, [1], "{:?}", c.verdicts);
    assert_eq!(c.verdicts[4].reason, Some(Reason::ReaderComment));
}

#[test]
fn a_related_list_of_cjk_headlines_ends_the_story() {
    let text = "The Security Council today discussed the United Nations mission in Kosovo, with no agreement being reached over its future status.\n\
             He stressed during the meeting that recent elections were held in a good atmosphere and were deemed to be fair and free by all observers.\n\
             He also said that the mission would go on for as long as it was needed by the people of the province and its neighbours.\n\
             【関連記事】\n\
             * トレンドマイクロ、セキュリティサービス「あんしんフリーWi-Fi」を提供開始へ\n\
             * ビッグローブ、公衆無線LANサービス「BIGLOBE Wi-Fi」を2月1日から提供\n\
             * 「Raspberry Pi Zero W」を写真で見る--Wi-Fi機能を搭載した新モデル登場\n\
             The mission's budget for the coming year was approved by the assembly without a vote, the spokesman said later, and the members of the council said that they would return to the question of the mission's future in the spring, when the report of the special envoy is due to be published and discussed.";
    let blocks = crate::text::blocks(text);
    let c = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None);
    assert!(c.verdicts[..3].iter().all(|v| v.keep));
    assert!(c.verdicts[3..].iter().all(|v| !v.keep), "{:?}", c.verdicts);
}

#[test]
fn short_lines_inside_a_column_layout_article_are_the_side_column() {
    let body = |side: &str| {
        format!(
            "The Security Council today discussed the United Nations mission in Kosovo, with no agreement reached.{side}\n\
                 Congress briefed on Blackwater case\n\
                 He stressed that recent elections were held in a good atmosphere and were deemed fair by all.{side}\n\
                 He also said that the mission would go on for as long as it was needed by the people there."
        )
    };
    // Two lines with a side column's cell beside the article's sentence.
    let blocks = crate::text::blocks(&body("          • Most read stories"));
    let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
    let headline = blocks
        .iter()
        .position(|b| b.text.starts_with("Congress"))
        .unwrap();
    assert_eq!(v[headline].reason, Some(Reason::Sidebar), "{v:?}");
    // Without a column layout the same line is the article's.
    let blocks = crate::text::blocks(&body(""));
    let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
    assert!(v.iter().all(|v| v.keep), "{v:?}");
}

#[test]
fn a_sentence_case_headline_one_control_above_the_story_is_kept() {
    let text = "Home | World | Business | Sport\n\
             Sarkozy defends himself against rights critics\n\
             Tue 8 Jan 2008, 13:59 GMT\n\
             [-] Text [+]\n\
             PARIS, Jan 8 (Reuters) - French President Nicolas Sarkozy defended on Tuesday his decisions to welcome the leaders of two countries.\n\
             He said that the visits had brought contracts worth billions of euros and that he had raised the question of human rights with both.";
    let blocks = lines(text);
    let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
    assert!(v[1].keep, "{v:?}");
    assert!(!v[0].keep);
}

#[test]
fn repeated_pieces_of_wrapped_sentences_are_kept() {
    let blocks = lines(
        "The Security Council today discussed the United Nations mission in Kosovo, with no agreement\n\
             being reached over its future status in the province.\n\
             He stressed during the meeting that recent elections were held in a good atmosphere, with no agreement\n\
             being reached over its future status in the province.",
    );
    let v = classify(&blocks, &ctx(), &Evidence::gather(&blocks, &ctx()), None).verdicts;
    assert!(v[1].keep && v[3].keep, "{v:?}");
}

#[test]
fn template_marks_remove_short_blocks_but_not_prose() {
    let blocks = lines(
        "The Security Council today discussed the United Nations mission in Kosovo, with no agreement being reached over its future status.\n\
             Get our daily briefing\n\
             He stressed during the meeting that recent elections were held in a good atmosphere and were deemed to be fair and free.\n\
             The views expressed in this article are those of the author and do not necessarily reflect the views of the editors or of the publisher.",
    );
    let v = classify(
        &blocks,
        &ctx(),
        &Evidence::gather(&blocks, &ctx()),
        Some(&[false, true, false, true]),
    )
    .verdicts;
    assert!(v[0].keep && v[2].keep);
    assert_eq!(v[1].reason, Some(Reason::Template));
    assert!(v[3].keep, "a recurring sentence of prose survives: {v:?}");
}
