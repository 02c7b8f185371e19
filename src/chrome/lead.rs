//! The story's lead under its headline: the standfirst (dek, perex,
//! teaser) printed between the headline and the body, in an element of
//! its own that the container left out, or marked `teaser` or put in the
//! story's `<header>` with the headline.

use super::*;

/// Stage 4, with a DOM: the head of the story runs from its headline down
/// to its body; what lies between is the headline's dateline and byline,
/// share buttons, a picture with its caption and credit, an ad slot, a
/// meta box (tags, source), and the lead. Going up from the body's first
/// paragraph past that chrome (any block a rule or a chrome hint
/// removed), every lead-shaped paragraph met is the story's when the walk
/// ends at the headline: an unlinked heading no rule or hint speaks
/// against. A walk that meets more than [`LEAD_MAX_STRAY`] other blocks
/// (a kicker, a label, a caption's text) or runs [`LEAD_MAX_SCAN`] blocks
/// is not in a story's head, and keeps nothing.
///
/// A lead-shaped paragraph: a sentence or more of prose with hardly a
/// link (a teaser of another story is mostly its link), and no hint but
/// the `teaser` name sites give the lead itself (a notice in the page's
/// `<header>` is the site's, not the story's). A long
/// sentence set as a subheading (`h2.subheadline`) under the headline is
/// a lead too.
///
/// When the page's title names the headline (a block above the body that
/// repeats it, see [`titled_headline_above`]), the walk ends there and not
/// at the first heading it meets: between the headline and the body sit
/// headings that are not the headline (the body's first subheading, a
/// key-points box's "In brief", a kicker), which are strays like any other
/// label; and when the headline is in a `header` element, that is the
/// story's head and holds the lead too: a `header` hint no longer speaks
/// against a lead below it.
pub(super) fn include_lead_under_headline(
    blocks: &[Block],
    rules: &[Option<Reason>],
    prose: &[f32],
    verdicts: &mut [Verdict],
    title: Option<&str>,
) {
    // The body's first paragraph: the first kept block of prose that is
    // not a heading (a kicker, a dateline or the headline may be kept
    // above it).
    let Some(body) = (0..blocks.len()).find(|&i| {
        verdicts[i].keep && prose[i] > 0.0 && !matches!(blocks[i].kind, BlockKind::Heading(_))
    }) else {
        return;
    };
    let from = body.saturating_sub(LEAD_MAX_SCAN);
    let titled = title.and_then(|t| titled_headline_above(blocks, rules, from..body, t));
    // The headline in a `header` element: that element is the story's
    // head, not the page's (whose notices, such as a print edition's
    // reprint terms, sit in a header of their own).
    let header_holds_headline = titled.is_some_and(|h| blocks[h].dom_hint == Some(DomHint::Header));
    let mut leads: Vec<usize> = Vec::new();
    // How many leads lie below the topmost lead-shaped heading: when no
    // headline turns up above it, that heading was the headline itself
    // (a long one), and only those below it are leads.
    let mut below_long_heading = 0;
    let mut headline = false;
    let mut stray = 0;
    for i in (from..body).rev() {
        let b = &blocks[i];
        if Some(i) == titled {
            headline = true;
            break;
        }
        let in_story_header = header_holds_headline && b.dom_hint == Some(DomHint::Header);
        if is_lead(b, rules[i], prose[i])
            || in_story_header && is_lead_shaped(b, rules[i], prose[i])
        {
            if matches!(b.kind, BlockKind::Heading(_)) {
                below_long_heading = leads.len();
            }
            if !verdicts[i].keep {
                leads.push(i);
            }
            continue;
        }
        if rules[i].is_some() || is_chrome_hint(b.dom_hint) {
            continue;
        }
        if titled.is_none() && matches!(b.kind, BlockKind::Heading(_)) {
            headline = b.link_density() < HEADLINE_MAX_LINK_DENSITY;
            break;
        }
        if verdicts[i].keep {
            continue;
        }
        stray += 1;
        let max_stray = if titled.is_some() {
            LEAD_MAX_STRAY_TITLED
        } else {
            LEAD_MAX_STRAY
        };
        if stray > max_stray {
            break;
        }
    }
    let found = if headline {
        leads.len()
    } else {
        below_long_heading
    };
    for &l in &leads[..found] {
        verdicts[l] = Verdict::KEEP;
    }
}

/// Is a block shaped like a lead (see [`include_lead_under_headline`])?
fn is_lead(b: &Block, rule: Option<Reason>, prose: f32) -> bool {
    is_lead_shaped(b, rule, prose) && matches!(b.dom_hint, None | Some(DomHint::Related))
}

/// A lead's shape, whatever its element's name says.
fn is_lead_shaped(b: &Block, rule: Option<Reason>, prose: f32) -> bool {
    // A heading that long is a sentence by its length: its prose score is
    // low for want of a full stop (a dek has none), so it need only be
    // positive.
    let shape = match b.kind {
        BlockKind::Paragraph => prose >= LEAD_MIN_PROSE,
        BlockKind::Heading(level) => level >= 2 && b.words >= LEAD_HEADING_MIN_WORDS && prose > 0.0,
        _ => false,
    };
    shape && rule.is_none() && b.link_density() < LEAD_MAX_LINK_DENSITY
}

/// The nearest block in `range` (above the body) that repeats the page's
/// title: the story's headline, as a heading or a plain line, in the
/// story's header or in no marked element. Not a link (the story's own
/// entry in a "most read" box repeats the title as a link), not a block a
/// rule removed, and not one in a menu or a table of contents (whose first
/// entry may repeat the title too).
fn titled_headline_above(
    blocks: &[Block],
    rules: &[Option<Reason>],
    range: std::ops::Range<usize>,
    title: &str,
) -> Option<usize> {
    let title = patterns::normalize(title);
    let title_words = title.split(' ').count();
    if title_words < TITLED_HEADLINE_MIN_WORDS {
        return None;
    }
    range.rev().find(|&i| {
        let b = &blocks[i];
        rules[i].is_none()
            && !is_chrome_hint(b.dom_hint)
            && b.link_density() < HEADLINE_MAX_LINK_DENSITY
            && repeats_title(b, &title, title_words)
    })
}

/// Hints that name chrome a story's head holds (share bars, a meta box, an
/// ad slot, the byline's box) or that the walk may pass (hidden copies).
fn is_chrome_hint(hint: Option<DomHint>) -> bool {
    !matches!(hint, None | Some(DomHint::Header))
}

/// A lead is a sentence or more of prose (about fifteen words)...
const LEAD_MIN_PROSE: f32 = 15.0;
/// ...with hardly a link.
const LEAD_MAX_LINK_DENSITY: f32 = 0.1;
/// A subheading this long is a sentence: a lead set as a heading.
const LEAD_HEADING_MIN_WORDS: usize = 15;
/// A headline may be a link to the story's own page; a heading that is
/// mostly link is a teaser's.
const HEADLINE_MAX_LINK_DENSITY: f32 = 0.5;
/// Blocks other than chrome and leads between the body and its headline:
/// a kicker, a caption's text, a "Published in" label.
const LEAD_MAX_STRAY: usize = 2;
/// Under a headline the page's title names, the head may hold more such
/// lines (a deck, the paper's name, a photographer's credit, a kicker):
/// the walk is known to end at the headline.
const LEAD_MAX_STRAY_TITLED: usize = 4;
/// The head of a story spans at most this many blocks (a share bar of ten
/// buttons, a meta box, a picture with its caption and credit).
const LEAD_MAX_SCAN: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "Der neue Tourenschuh verbindet die Passform eines Alpinschuhs mit dem leichten Gang eines Wanderschuhs, und das bei jedem Wetter.";
    const BODY: &str = "Die zweiteilige Manschette lässt beim Aufstieg viel Bewegung zu und gibt bei der Abfahrt festen Halt, ohne zu drücken.";

    /// One block of the story's head: its text, kind, hint, the rule that
    /// fired on it, its prose score and whether the container kept it.
    struct Row(
        &'static str,
        BlockKind,
        Option<DomHint>,
        Option<Reason>,
        f32,
        bool,
    );

    /// Run the rule over the rows; which blocks are kept afterwards.
    fn kept(rows: &[Row]) -> Vec<bool> {
        kept_titled(rows, None)
    }

    /// [`kept`], knowing the page's title.
    fn kept_titled(rows: &[Row], title: Option<&str>) -> Vec<bool> {
        let blocks: Vec<Block> = rows
            .iter()
            .map(|Row(text, kind, hint, ..)| {
                let mut b = Block::new(text.to_string(), *kind);
                b.dom_hint = *hint;
                b
            })
            .collect();
        let rules: Vec<Option<Reason>> = rows.iter().map(|r| r.3).collect();
        let prose: Vec<f32> = rows.iter().map(|r| r.4).collect();
        let mut verdicts: Vec<Verdict> = rows
            .iter()
            .map(|r| {
                if r.5 {
                    Verdict::KEEP
                } else {
                    Verdict::remove(Reason::OutsideContent)
                }
            })
            .collect();
        include_lead_under_headline(&blocks, &rules, &prose, &mut verdicts, title);
        verdicts.iter().map(|v| v.keep).collect()
    }

    /// Headline, lead (in an element of its own, or marked as a teaser),
    /// then the head's chrome: a date, share buttons, a meta box beside
    /// the story; then the body the container kept.
    fn head(lead_hint: Option<DomHint>, headline: BlockKind) -> Vec<Row> {
        use BlockKind::*;
        vec![
            Row(
                "Skitouren",
                ListItem,
                Some(DomHint::Navigation),
                None,
                -2.0,
                false,
            ),
            Row(
                "Das Beste aus zwei Welten",
                headline,
                None,
                None,
                -1.0,
                false,
            ),
            Row(LEAD, Paragraph, lead_hint, None, 22.0, false),
            Row(
                "21.01.2022 - 13:30",
                Paragraph,
                None,
                Some(Reason::Timestamp),
                0.0,
                false,
            ),
            Row(
                "Facebook",
                ListItem,
                Some(DomHint::Share),
                None,
                -2.0,
                false,
            ),
            Row("Twitter", ListItem, Some(DomHint::Share), None, -2.0, false),
            Row(
                "Skitouren | 300 Artikel",
                Paragraph,
                Some(DomHint::Sidebar),
                None,
                -2.0,
                false,
            ),
            Row(BODY, Paragraph, None, None, 21.0, true),
        ]
    }

    #[test]
    fn the_lead_between_the_headline_and_the_body_is_kept() {
        let k = kept(&head(None, BlockKind::Heading(1)));
        assert_eq!(k, [false, false, true, false, false, false, false, true]);
        // Sites often mark the lead itself a `teaser`.
        assert!(kept(&head(Some(DomHint::Related), BlockKind::Heading(1)))[2]);
    }

    #[test]
    fn a_paragraph_above_the_body_with_no_headline_over_it_stays_out() {
        // No heading ends the walk (the "headline" is a plain line): the
        // paragraph is not known to be in a story's head.
        assert!(!kept(&head(None, BlockKind::ListItem))[2]);
        // A notice in the page's header, a paragraph a rule removed, or a
        // teaser that is mostly its link are not leads.
        assert!(!kept(&head(Some(DomHint::Header), BlockKind::Heading(1)))[2]);
        let mut rows = head(None, BlockKind::Heading(1));
        rows[2].3 = Some(Reason::CookieNotice);
        assert!(!kept(&rows)[2]);
        let mut teaser = Block::new(LEAD.into(), BlockKind::Paragraph);
        teaser.link_chars = LEAD.len();
        assert!(!is_lead(&teaser, None, 22.0));
    }

    #[test]
    fn more_than_a_kicker_or_two_between_lead_and_body_is_not_a_head() {
        let mut rows = head(None, BlockKind::Heading(1));
        for _ in 0..3 {
            rows.insert(
                3,
                Row(
                    "Weitere Infos",
                    BlockKind::Paragraph,
                    None,
                    None,
                    -2.0,
                    false,
                ),
            );
        }
        assert!(!kept(&rows)[2]);
    }

    const TITLE: &str = "Das Beste aus zwei Welten | Bergmagazin";

    /// Headline, lead, a key-points box under a heading of its own, then
    /// the body, whose first subheading the container kept.
    fn head_with_subheadings(story_hint: Option<DomHint>) -> Vec<Row> {
        use BlockKind::*;
        let point = "Leichter als ein Alpinschuh";
        vec![
            Row(
                "Das Beste aus zwei Welten",
                Heading(1),
                story_hint,
                None,
                -1.0,
                false,
            ),
            Row(LEAD, Paragraph, story_hint, None, 22.0, false),
            Row("Kurz gesagt", Heading(2), story_hint, None, -1.0, false),
            Row(point, ListItem, Some(DomHint::Sidebar), None, -2.0, false),
            Row("Aufstieg und Abfahrt", Heading(2), None, None, -1.0, true),
            Row(BODY, Paragraph, None, None, 21.0, true),
        ]
    }

    #[test]
    fn the_titled_headline_ends_the_walk_past_subheadings() {
        // Without the title, the first heading met ends the walk as the
        // headline: the lead above it stays out.
        let rows = head_with_subheadings(None);
        assert!(!kept(&rows)[1]);
        // The title names the headline: the body's subheading and the
        // box's label are strays on the way up to it.
        assert_eq!(
            kept_titled(&rows, Some(TITLE)),
            [false, true, false, false, true, true]
        );
        // The story's head in a `header` element holds the lead too.
        let rows = head_with_subheadings(Some(DomHint::Header));
        assert!(kept_titled(&rows, Some(TITLE))[1]);
    }

    #[test]
    fn under_a_titled_headline_a_deck_source_and_credit_may_precede_the_lead() {
        use BlockKind::*;
        let line = |t: &'static str| Row(t, Paragraph, None, None, 0.0, false);
        let rows = [
            Row(
                "Das Beste aus zwei Welten",
                Heading(1),
                None,
                None,
                -1.0,
                false,
            ),
            line("Ein Schuh für Aufstieg und Abfahrt"),
            line("Bergmagazin Nord"),
            line("FOTO: JANE ROE"),
            Row(LEAD, Paragraph, None, None, 22.0, false),
            Row(BODY, Paragraph, None, None, 21.0, true),
        ];
        assert!(kept_titled(&rows, Some(TITLE))[4]);
        // Without the title, three such lines are more than a head holds.
        assert!(!kept(&rows)[4]);
    }

    #[test]
    fn a_header_notice_under_a_headline_outside_any_header_is_no_lead() {
        // A print edition's terms in a header of their own, under a
        // headline that is not in one.
        let mut rows = head_with_subheadings(None);
        rows[1].2 = Some(DomHint::Header);
        assert!(!kept_titled(&rows, Some(TITLE))[1]);
        // Nor does a title that names no block above the body help.
        let rows = head_with_subheadings(None);
        assert!(!kept_titled(&rows, Some("Ganz andere Geschichte heute"))[1]);
    }

    #[test]
    fn a_long_sentence_set_as_a_subheading_is_a_lead() {
        use BlockKind::*;
        let sub = "Zwei Mal ging sie heuer in Antholz leer aus, doch ausgerechnet beim letzten Weltcuprennen schlug sie zurück";
        let rows = [
            Row(
                "Wierer darf noch jubeln",
                Heading(1),
                None,
                None,
                -1.0,
                false,
            ),
            // No full stop: a low prose score, a sentence by its length.
            Row(sub, Heading(2), None, None, 3.6, false),
            Row(
                "Mit Freunden teilen",
                Paragraph,
                Some(DomHint::Share),
                None,
                -2.0,
                false,
            ),
            Row(BODY, Paragraph, None, None, 21.0, true),
        ];
        assert_eq!(kept(&rows), [false, true, false, true]);
        // A short subheading is no lead: it ends the walk as the
        // headline does.
        let rows = [
            Row(
                "Wierer darf noch jubeln",
                Heading(1),
                None,
                None,
                -1.0,
                false,
            ),
            Row("Der Saisonabschluss", Heading(2), None, None, -1.0, false),
            Row(LEAD, Paragraph, None, None, 22.0, false),
            Row(BODY, Paragraph, None, None, 21.0, true),
        ];
        assert_eq!(kept(&rows), [false, false, true, true]);
        // A long headline with nothing above it in the story's head: it is
        // the headline, not a lead; the paragraph under it is the lead.
        let rows = [
            Row(
                "Startseite",
                ListItem,
                Some(DomHint::Navigation),
                None,
                -2.0,
                false,
            ),
            Row("Impressum", Paragraph, None, None, -2.0, false),
            Row("Kontakt", Paragraph, None, None, -2.0, false),
            Row("Archiv", Paragraph, None, None, -2.0, false),
            Row(sub, Heading(2), None, None, 3.6, false),
            Row(LEAD, Paragraph, None, None, 22.0, false),
            Row(BODY, Paragraph, None, None, 21.0, true),
        ];
        assert_eq!(kept(&rows), [false, false, false, false, false, true, true]);
    }
}
