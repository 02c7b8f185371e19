//! The tail of the story: what publishers print after the article's last
//! paragraph and inside the same element — the author's box, a pointer to
//! the publisher's app or accounts, a label whose list was taken out —
//! and the note on paid links they print at either edge.
//! Each is judged only there: the same words inside the story are its own.

use super::*;

/// Remove the chrome at the tail of the kept text (see the module docs).
pub(super) fn drop_tail_chrome(blocks: &[Block], verdicts: &mut [Verdict]) {
    drop_ad_disclosures(blocks, verdicts);
    drop_author_box(blocks, verdicts);
    drop_channel_prompts(blocks, verdicts);
    drop_support_appeal(blocks, verdicts);
    drop_trailing_labels(blocks, verdicts);
}

/// How many of the last kept blocks a support box may span: its label,
/// the appeal in two or three paragraphs, a thank-you line.
const SUPPORT_BOX_MAX_BLOCKS: usize = 6;

/// How close to the end the box's last appeal stands: at most a credit or
/// a thank-you line after it.
const SUPPORT_BOX_END_SLACK: usize = 2;

/// The publisher's support box that ends the text ("Gefällt dir unser
/// Magazin? … brauchen wir deine Unterstützung. … unterstütze unser
/// Magazin"): from its first appeal among the last kept blocks to the
/// end, when an appeal stands among the very last ones.
fn drop_support_appeal(blocks: &[Block], verdicts: &mut [Verdict]) {
    let tail: Vec<usize> = (0..blocks.len())
        .rev()
        .filter(|&i| verdicts[i].keep)
        .take(SUPPORT_BOX_MAX_BLOCKS)
        .collect();
    let appeal = |i: usize| patterns::is_support_appeal(&blocks[i].text, blocks[i].words);
    let Some(last) = tail.iter().position(|&i| appeal(i)) else {
        return;
    };
    if last >= SUPPORT_BOX_END_SLACK {
        return;
    }
    let first = tail.iter().rposition(|&i| appeal(i)).unwrap_or(last);
    for &i in &tail[..=first] {
        verdicts[i] = Verdict::remove(Reason::AccountPrompt);
    }
}

/// The last kept block that is an ordinary paragraph of the article: no
/// chrome hint, two sentences long, hardly a link.
fn last_article_paragraph(blocks: &[Block], verdicts: &[Verdict]) -> Option<usize> {
    (0..blocks.len()).rev().find(|&i| {
        let b = &blocks[i];
        verdicts[i].keep
            && b.dom_hint.is_none()
            && b.words >= ARTICLE_PARAGRAPH_WORDS
            && b.link_density() < ARTICLE_PARAGRAPH_MAX_LINK_DENSITY
    })
}

/// A block the markup marks as the author's ([`DomHint::Byline`]) and that
/// runs to a few sentences is an author's bio, not a byline.
const AUTHOR_BIO_MIN_WORDS: usize = 15;

/// The "about the author" box after the story: a run of kept blocks the
/// markup marks as the author's (name, role, "About the author", the bio)
/// after the article's last paragraph, holding a bio of a few sentences.
/// A byline's short credit there ("Jane Roe contributed reporting.") has
/// no bio and stays.
fn drop_author_box(blocks: &[Block], verdicts: &mut [Verdict]) {
    let Some(last) = last_article_paragraph(blocks, verdicts) else {
        return;
    };
    let marked = |verdicts: &[Verdict], i: usize| {
        verdicts[i].keep && blocks[i].dom_hint == Some(DomHint::Byline)
    };
    let mut i = last + 1;
    while i < blocks.len() {
        if !marked(verdicts, i) {
            i += 1;
            continue;
        }
        // The run of marked blocks, over removed blocks between them.
        let start = i;
        let mut end = i;
        let mut j = i + 1;
        while j < blocks.len() && (marked(verdicts, j) || !verdicts[j].keep) {
            if marked(verdicts, j) {
                end = j;
            }
            j += 1;
        }
        let has_bio =
            (start..=end).any(|k| marked(verdicts, k) && blocks[k].words >= AUTHOR_BIO_MIN_WORDS);
        if has_bio {
            for k in start..=end {
                if marked(verdicts, k) {
                    verdicts[k] = Verdict::remove(Reason::AuthorBio);
                }
            }
        }
        i = j;
    }
}

/// How many kept blocks at each edge of the text are searched for an
/// advertising disclosure: it stands over the story or right under it.
const AD_DISCLOSURE_EDGE: usize = 3;

/// The note on paid links or advertising over or under the story ("This
/// post contains references to products from our advertisers…").
fn drop_ad_disclosures(blocks: &[Block], verdicts: &mut [Verdict]) {
    let kept: Vec<usize> = (0..blocks.len()).filter(|&i| verdicts[i].keep).collect();
    let head = kept.iter().take(AD_DISCLOSURE_EDGE);
    let tail = kept.iter().rev().take(AD_DISCLOSURE_EDGE);
    let edges: Vec<usize> = head.chain(tail).copied().collect();
    for i in edges {
        if patterns::is_ad_disclosure(&blocks[i].text, blocks[i].words) {
            verdicts[i] = Verdict::remove(Reason::Disclaimer);
        }
    }
}

/// How many of the last kept blocks are searched for channel prompts: the
/// prompt ends the story, at most a credit or a label after it.
const CHANNEL_PROMPT_TAIL: usize = 2;

/// The publisher's pointer to its app, newsletter or accounts among the
/// last kept blocks ("Follow The Courier on Twitter…").
fn drop_channel_prompts(blocks: &[Block], verdicts: &mut [Verdict]) {
    let tail: Vec<usize> = (0..blocks.len())
        .rev()
        .filter(|&i| verdicts[i].keep)
        .take(CHANNEL_PROMPT_TAIL)
        .collect();
    for i in tail {
        if patterns::is_channel_prompt(&blocks[i].text, blocks[i].words) {
            verdicts[i] = Verdict::remove(Reason::AccountPrompt);
        }
    }
}

/// Labels removed from the end at most: a header and its sub-header
/// ("More from the site" over "Latest:"). A longer run of headings is a
/// page made of them (a forum whose posts are headings), not a label.
const TRAILING_LABELS_MAX: usize = 2;

/// A label that ends the kept text ("Mehr Themen:", "Related on
/// Courier:", "Weitere Informationen:") introduces nothing, a heading
/// there ("Also in Travel", "Noch mehr Infos für dich") heads nothing, and
/// a line of the story's topics there ("Themen: Ehrenamt") files it, and
/// a source's credit there closes it ("Quelle: …, 02. Februar 2022"):
/// what they stood over was taken out as chrome, or never was text. Only
/// after the article's text: a page of a heading and a line keeps both.
fn drop_trailing_labels(blocks: &[Block], verdicts: &mut [Verdict]) {
    let Some(last_paragraph) = last_article_paragraph(blocks, verdicts) else {
        return;
    };
    for _ in 0..TRAILING_LABELS_MAX {
        let Some(i) = (last_paragraph + 1..blocks.len())
            .rev()
            .find(|&i| verdicts[i].keep)
        else {
            return;
        };
        let b = &blocks[i];
        let heading = matches!(b.kind, BlockKind::Heading(_));
        let reason = if patterns::is_closing_syndication_credit(&b.text, b.words) {
            Reason::Syndication
        } else if heading
            || patterns::is_intro_label(&b.text, b.words)
            || patterns::is_taxonomy_line(&b.text, b.words)
        {
            Reason::DanglingLabel
        } else {
            return;
        };
        verdicts[i] = Verdict::remove(reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The council met on Monday and agreed on the plan for the new bridge, which will be built over the next three years with money from the regional fund.";

    fn block(text: &str, hint: Option<DomHint>) -> Block {
        let mut b = Block::new(text.into(), BlockKind::Paragraph);
        b.dom_hint = hint;
        b.in_container = true;
        b
    }

    /// Which blocks stay after the tail pass, all kept before it.
    fn kept_after(blocks: &[Block]) -> Vec<bool> {
        let mut verdicts = vec![Verdict::KEEP; blocks.len()];
        drop_tail_chrome(blocks, &mut verdicts);
        verdicts.iter().map(|v| v.keep).collect()
    }

    const BIO: &str = "Jane Roe has covered the city council for the Courier since 2015. Before that she reported on schools and transport for a regional radio station.";

    #[test]
    fn an_author_box_after_the_story_goes_with_its_header() {
        let page = [
            block(STORY, None),
            block(STORY, None),
            block("About the author", Some(DomHint::Byline)),
            block(BIO, Some(DomHint::Byline)),
        ];
        assert_eq!(kept_after(&page), [true, true, false, false]);
        let mut verdicts = vec![Verdict::KEEP; page.len()];
        drop_tail_chrome(&page, &mut verdicts);
        assert_eq!(verdicts[3].reason, Some(Reason::AuthorBio));
    }

    #[test]
    fn the_same_bio_inside_the_story_or_unmarked_stays() {
        // Between the story's paragraphs it is the story's.
        let inside = [
            block(STORY, None),
            block(BIO, Some(DomHint::Byline)),
            block(STORY, None),
        ];
        assert_eq!(kept_after(&inside), [true, true, true]);
        // Without the markup's author mark, a closing paragraph about a
        // reporter is prose.
        let unmarked = [block(STORY, None), block(STORY, None), block(BIO, None)];
        assert_eq!(kept_after(&unmarked), [true, true, true]);
        // A short credit under the story is not a bio.
        let credit = [
            block(STORY, None),
            block("Jane Roe contributed reporting.", Some(DomHint::Byline)),
        ];
        assert_eq!(kept_after(&credit), [true, true]);
    }

    #[test]
    fn a_pointer_to_the_publishers_channels_at_the_end_goes() {
        for prompt in [
            "Follow The Courier on Twitter and Instagram and send us your tips.",
            "Get the latest news straight to your phone with the Courier app.",
            "¡Mira lo que tiene nuestro canal de YouTube!",
            "Folgt uns auf Instagram, dort gibt es jeden Tag neue Bilder.",
        ] {
            let page = [block(STORY, None), block(STORY, None), block(prompt, None)];
            assert_eq!(kept_after(&page), [true, true, false], "{prompt}");
        }
    }

    #[test]
    fn a_story_about_apps_and_networks_keeps_its_ending() {
        let page = |last: &str| [block(STORY, None), block(last, None)];
        // Third person, no request, no publisher's channel.
        assert_eq!(
            kept_after(&page(
                "The company said its app will be available on Android in May."
            )),
            [true, true]
        );
        assert_eq!(
            kept_after(&page(
                "Followers of the mayor on Twitter were quick to respond."
            )),
            [true, true]
        );
        // A prompt's words in the middle of the story stay.
        let middle = [
            block(STORY, None),
            block("Follow the Courier on Twitter for updates.", None),
            block(STORY, None),
            block(STORY, None),
            block(STORY, None),
        ];
        assert!(kept_after(&middle).iter().all(|&k| k));
    }

    #[test]
    fn a_label_that_ends_the_text_introduces_nothing() {
        let page = [
            block(STORY, None),
            block("Mehr Themen:", None),
            block("Weitere Informationen:", None),
        ];
        assert_eq!(kept_after(&page), [true, false, false]);
        // Followed by what it introduces, the same label stays.
        let page = [
            block(STORY, None),
            block("Weitere Informationen:", None),
            block(STORY, None),
        ];
        assert_eq!(kept_after(&page), [true, true, true]);
    }

    #[test]
    fn a_topics_line_or_a_source_credit_that_ends_the_text_goes() {
        for last in [
            "Themen: Ehrenamt Jugendverbände",
            "Kategorie: News, open3",
            "Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin",
        ] {
            let page = [block(STORY, None), block(STORY, None), block(last, None)];
            assert_eq!(kept_after(&page), [true, true, false], "{last}");
        }
        let mut verdicts = vec![Verdict::KEEP; 2];
        drop_tail_chrome(
            &[
                block(STORY, None),
                block("Quelle: dpa, 3. Mai 2021, Berlin", None),
            ],
            &mut verdicts,
        );
        assert_eq!(verdicts[1].reason, Some(Reason::Syndication));
        // Between the paragraphs, or written as a sentence, they stay.
        let page = [
            block(STORY, None),
            block(
                "Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin",
                None,
            ),
            block(STORY, None),
        ];
        assert_eq!(kept_after(&page), [true, true, true]);
        let page = [
            block(STORY, None),
            block(
                "Themen: Wir sprechen über Ehrenamt und Jugendverbände.",
                None,
            ),
        ];
        assert_eq!(kept_after(&page), [true, true]);
    }

    #[test]
    fn the_publishers_support_box_at_the_end_goes() {
        let page = [
            block(STORY, None),
            block(STORY, None),
            block(
                "Gefällt dir unser Magazin? Wir haben entschieden, keine Bezahlschranke einzuführen, und das bleibt so.",
                None,
            ),
            block(
                "Um unabhängiger von Werbung zu sein, brauchen wir deine Unterstützung.",
                None,
            ),
            block(
                "Darum: Hilf mit und unterstütze unser Magazin mit einem kleinen Beitrag.",
                None,
            ),
            block("Credits: Titelbild Jane Roe", None),
        ];
        assert_eq!(kept_after(&page), [true, true, false, false, false, false]);
        let page = [
            block(STORY, None),
            block("We need your help", None),
            block(
                "Help us continue to bring the news to readers everywhere",
                None,
            ),
        ];
        assert_eq!(kept_after(&page), [true, false, false]);
    }

    #[test]
    fn a_story_about_an_appeal_keeps_its_words() {
        // Quoted speech at the end is the story's.
        let quoted = [
            block(STORY, None),
            block(
                "The statement continued: \"They were working to support us and their families.\"",
                None,
            ),
        ];
        assert_eq!(kept_after(&quoted), [true, true]);
        // An appeal far from the end is the story's own paragraph.
        let mut page = vec![
            block(STORY, None),
            block(
                "The club said it needed donors: support our work, its chairman wrote to members.",
                None,
            ),
        ];
        page.extend((0..6).map(|_| block(STORY, None)));
        assert!(kept_after(&page).iter().all(|&k| k));
        // Third person about a fundraiser, at the end: no request.
        let page = [
            block(STORY, None),
            block(
                "The school raised money for the trip with a bake sale and a concert.",
                None,
            ),
        ];
        assert_eq!(kept_after(&page), [true, true]);
    }

    #[test]
    fn a_note_on_paid_links_at_either_edge_goes() {
        let note = "This post contains affiliate links. We may receive compensation when you buy through them.";
        let mut page = vec![block(note, None)];
        page.extend((0..6).map(|_| block(STORY, None)));
        let kept = kept_after(&page);
        assert!(!kept[0] && kept[1..].iter().all(|&k| k), "{kept:?}");
        page.rotate_left(1);
        let kept = kept_after(&page);
        assert!(!kept[6] && kept[..6].iter().all(|&k| k), "{kept:?}");
        let werbung = [
            block(
                "*Werbung. Dieser Beitrag enthält Werbung für eine Modemarke.",
                None,
            ),
            block(STORY, None),
        ];
        assert_eq!(kept_after(&werbung), [false, true]);
    }

    #[test]
    fn a_story_about_affiliate_links_keeps_them_in_its_middle() {
        let about = "Regulators say bloggers must tell readers when a post contains affiliate links and they receive a commission.";
        let mut page: Vec<Block> = (0..4).map(|_| block(STORY, None)).collect();
        page.insert(3, block(about, None));
        page.extend((0..3).map(|_| block(STORY, None)));
        assert!(kept_after(&page).iter().all(|&k| k));
        // Third person, no disclosure: kept at the edge too.
        let edge = [block(STORY, None), block(about, None)];
        assert_eq!(kept_after(&edge), [true, true]);
    }

    #[test]
    fn a_heading_that_ends_the_text_heads_nothing() {
        let heading = |text: &str| Block::new(text.into(), BlockKind::Heading(3));
        let page = [
            block(STORY, None),
            block(STORY, None),
            heading("Noch mehr Infos für dich"),
        ];
        assert_eq!(kept_after(&page), [true, true, false]);
        // Over a paragraph it heads a section.
        let page = [
            block(STORY, None),
            heading("Noch mehr Infos für dich"),
            block(STORY, None),
        ];
        assert_eq!(kept_after(&page), [true, true, true]);
        // A run of headings after the text is a page made of them: only a
        // header and its sub-header go.
        let page = [
            block(STORY, None),
            heading("Added by Jane on 2002-01-14"),
            heading("Thanks, that helped"),
            heading("Added by John on 2002-01-15"),
            heading("Same here"),
        ];
        assert_eq!(kept_after(&page), [true, true, true, false, false]);
    }
}
