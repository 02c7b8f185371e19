//! Stages 1 and 2 of the classifier: the pattern rules on a block's own
//! text, and how much the block reads as article prose.

use super::*;

/// Stage 1: the pattern rules, on the block's own text. Order matters only for
/// the reason reported: the more specific rule first.
pub fn rule_for(b: &Block) -> Option<Reason> {
    let text = b.text.trim();
    let words = b.words;
    if words == 0 {
        return Some(Reason::LowContent);
    }
    // A sidebar cell printed beside the article's line (text layout): what
    // it says (a date, a headline) belongs to the sidebar, and must not read
    // as the article's own timestamps or a comment list's signatures.
    if b.dom_hint == Some(DomHint::SideColumn) {
        return Some(Reason::Sidebar);
    }
    if b.kind != BlockKind::Code
        && (patterns::is_leaked_markup(text) || patterns::is_server_message(text))
    {
        return Some(Reason::Markup);
    }
    if patterns::is_copyright(text, words) {
        return Some(Reason::Copyright);
    }
    if patterns::footer_credit(text, words).is_some() {
        return Some(Reason::FooterCredit);
    }
    if patterns::syndication_source(text, words).is_some() {
        return Some(Reason::Syndication);
    }
    // Bare timestamps are short; the check tokenises, so skip long lines early.
    if words <= 12 && date::is_timestamp_line(text) {
        return Some(Reason::Timestamp);
    }
    if patterns::is_picture_credit(text, words) {
        return Some(Reason::PictureCredit);
    }
    if patterns::is_gallery_counter(text, words) {
        return Some(Reason::Slideshow);
    }
    if patterns::is_reading_time(text, words) {
        return Some(Reason::ReadingTime);
    }
    if patterns::is_cookie_notice(text, words) {
        return Some(Reason::CookieNotice);
    }
    if patterns::is_browser_notice(text, words) {
        return Some(Reason::BrowserNotice);
    }
    // A byline ("By Jane Doe, March 18 at 3:57 PM") is checked before the
    // comment signature pattern, which would also match it.
    if patterns::byline_author(text, words)
        .is_some_and(|name| crate::metadata::author::bylines::lone_word_ends_line(text, &name))
    {
        return Some(Reason::Byline);
    }
    if patterns::is_comments_header(text, words) || patterns::is_comment_signature(text, words) {
        return Some(Reason::Comments);
    }
    if patterns::is_share_prompt(text, words) {
        return Some(Reason::SharePrompt);
    }
    if patterns::is_account_prompt(text, words)
        || patterns::is_subscription_prompt(text, words)
        || patterns::is_submission_prompt(text, words)
    {
        return Some(Reason::AccountPrompt);
    }
    if patterns::is_related_header(text, words) {
        return Some(Reason::RelatedHeader);
    }
    if patterns::is_see_also_link(text, words, b.link_chars) {
        return Some(Reason::RelatedHeadline);
    }
    if patterns::is_external_links_disclaimer(text, words) {
        return Some(Reason::Disclaimer);
    }
    if patterns::is_more_link(text, words) {
        return Some(Reason::Navigation);
    }
    if patterns::is_teaser_summary(text, words) {
        return Some(Reason::Teaser);
    }
    if b.kind != BlockKind::Code && patterns::is_flattened_menu(text, words) {
        return Some(Reason::Menu);
    }
    None
}

/// Weight of a list item's positive score (see [`prose_score`]).
pub(super) const LIST_ITEM_WEIGHT: f32 = 0.3;

/// Text shorter than this many characters is "short" (jusText's `length_low`):
/// too little to judge by stop words alone.
pub(super) const SHORT_CHARS: usize = 70;
/// Text at least this long is prose by length alone unless links or a lack of
/// stop words say otherwise (jusText's `length_high`).
pub(super) const LONG_CHARS: usize = 200;
/// Stop-word density of ordinary prose is 0.35–0.55 in the languages we have
/// lists for; headlines and menus sit under 0.2. Above this, a block reads
/// like prose (jusText's `stopwords_high`).
pub(super) const PROSE_STOPWORDS: f32 = 0.30;
/// Below this a medium-length block reads like a list of names or links.
pub(super) const LOW_STOPWORDS: f32 = 0.15;

/// Stage 2: how much the block looks like article text. Positive for prose
/// (roughly its word count), negative for chrome-like blocks. Used as the
/// weight of the block in region selection.
pub fn content_score(b: &Block, ctx: &Context) -> f32 {
    with_dom_evidence(b, prose_score(b, ctx))
}

/// The prose score adjusted by what the markup says about the block.
pub(super) fn with_dom_evidence(b: &Block, prose: f32) -> f32 {
    let mut score = prose;
    match b.dom_hint {
        Some(DomHint::Byline) | None => {}
        // DOM chrome hints are strong evidence: markup says what the block is.
        Some(_) => score -= 5.0 + b.words as f32 * 0.5,
    }
    if b.in_article_markup {
        score += 2.0;
    }
    score
}

/// The part of [`content_score`] that reads only the block's text and links,
/// not the DOM hints (the HTML stage uses it before hints are settled).
pub fn prose_score(b: &Block, ctx: &Context) -> f32 {
    let words = b.words as f32;
    let chars = effective_chars(&b.text);
    let density = ctx.stop.density(&b.text);
    let sentence = patterns::ends_like_sentence(&b.text);
    let link = b.link_density();

    let mut score = if chars < SHORT_CHARS {
        // Short lines: a short sentence inside an article is fine (a weak
        // plus), a short fragment without a full stop is a menu item, a
        // label or a headline (a weak minus, so a few of them inside the body
        // do not break it, but a run of them ends it).
        match (sentence, density) {
            (true, Some(d)) if d >= LOW_STOPWORDS => words * 0.5,
            (true, None) => words * 0.5,
            _ if matches!(b.kind, BlockKind::Heading(_)) => -1.0,
            _ => -2.0 - (b.kind == BlockKind::ListItem) as u8 as f32,
        }
    } else {
        match density {
            Some(d) if d >= PROSE_STOPWORDS => words,
            Some(d) if d >= LOW_STOPWORDS => {
                if chars >= LONG_CHARS || sentence {
                    words * 0.6
                } else {
                    words * 0.2
                }
            }
            Some(_) => -words * 0.5,
            // No stop-word list for the language: fall back to shape.
            None if sentence || chars >= LONG_CHARS => words,
            None => words * 0.3,
        }
    };
    // Links: a block that is mostly link text is navigation or a teaser,
    // however long. Penalise in proportion (jusText drops at 0.2 density; a
    // softer slope keeps paragraphs with a few inline links).
    if link > 0.0 {
        score -= words * link * 2.5;
    }
    // List items are where sites put menus, "related" links and teasers; in
    // news pages almost none are article text. They count for less, so a
    // run of them cannot carry the article region on its own, while a list
    // inside an article (between paragraphs) is still kept with it.
    // In a text dump a list item that is a full sentence of some length is
    // a point of a post written as a list (release notes, a changelog):
    // headlines and menu entries do not end with a full stop. (With markup
    // the list's place in the DOM says whether it belongs to the article,
    // and the teasers of a "popular posts" box must not outvote it.)
    let sentence_point = !ctx.has_container && sentence && b.words >= LIST_SENTENCE_MIN_WORDS;
    if b.kind == BlockKind::ListItem && score > 0.0 && !sentence_point {
        score *= LIST_ITEM_WEIGHT;
    }
    score
}

/// A list item of this many words that ends like a sentence counts in full.
pub(super) const LIST_SENTENCE_MIN_WORDS: usize = 12;

/// Length in characters, counting each CJK character as three: a CJK
/// character carries about as much as a short word plus its space.
pub(super) fn effective_chars(text: &str) -> usize {
    // ASCII (most blocks of most pages) has no CJK: one per byte.
    if text.is_ascii() {
        return text.len();
    }
    text.chars()
        .map(|c| if crate::block::is_cjk(c) { 3 } else { 1 })
        .sum()
}

/// Pattern rules that fire only when precision is favoured: lines that are
/// chrome to a reader of the story alone but that the labelled sets keep
/// as part of the body (see [`patterns::is_reporting_credit`]).
pub fn precision_rule_for(b: &Block) -> Option<Reason> {
    let (text, words) = (b.text.as_str(), b.words);
    (patterns::is_wire_byline(text, words) || patterns::is_reporting_credit(text, words))
        .then_some(Reason::Byline)
}

/// Blocks at least this long are prose even when full of links (a
/// paragraph of a wiki article links half its words).
pub(super) const LINK_LIST_MAX_WORDS: usize = 40;

/// "Link list": a short block that is mostly link text — a "more on this"
/// list or an inline teaser inside the article's container. How much link
/// text is allowed depends on the trade-off chosen.
pub fn is_link_list(b: &Block, favor: Favor) -> bool {
    let max_link = match favor {
        Favor::Precision => 0.4,
        Favor::Balanced => 0.75,
        Favor::Recall => 0.9,
    };
    b.link_density() > max_link && b.words < LINK_LIST_MAX_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(text: &str) -> Option<Reason> {
        rule_for(&Block::new(text.to_string(), BlockKind::Paragraph))
    }

    #[test]
    fn an_editors_note_asking_for_letters_goes_but_a_story_about_one_stays() {
        for note in [
            "Submit your letter to the editor via this form. Read more Letters to the Editor.",
            "Send us your news tips at tips@courier.example.",
            "Schicken Sie uns Ihren Leserbrief an leserbriefe@courier.example.",
        ] {
            assert_eq!(rule(note), Some(Reason::AccountPrompt), "{note}");
        }
        for prose in [
            "She decided to submit a letter to the editor after the council meeting.",
            "Readers who send us their letters often ask why we print so few of them.",
            "Die Leserin schickte ihren Leserbrief an die Redaktion, die ihn am Montag druckte.",
        ] {
            assert_eq!(rule(prose), None, "{prose}");
        }
    }

    #[test]
    fn a_von_phrase_that_names_no_person_is_not_a_byline() {
        // A byline's word stands before a person's name; "Von X bis Y" is
        // a range ("from physio to fango packs") that opens a paragraph.
        assert_eq!(rule("Von Physio bis Fango"), None);
        assert_eq!(rule("Von Einheimischen, Gästen und Kühen"), None);
        assert_eq!(rule("Von Heiko Maas"), Some(Reason::Byline));
        assert_eq!(rule("Von Heiko | 3. Mai 2021"), Some(Reason::Byline));
        assert_eq!(rule("By Jane Doe"), Some(Reason::Byline));
    }
}
