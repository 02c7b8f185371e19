//! Tests of the module above.

use super::*;

/// [`chrome_word`] without its index: every word, in list order.
fn chrome_word_by_scan(token: &str) -> Option<DomHint> {
    let t = token.as_bytes();
    CHROME_WORDS.iter().find_map(|&(word, hint)| {
        let w = word.as_bytes();
        (t.eq_ignore_ascii_case(w)
            || w.len() >= AFFIX_MIN_LEN
                && t.len() > w.len()
                && (t[..w.len()].eq_ignore_ascii_case(w)
                    || t[t.len() - w.len()..].eq_ignore_ascii_case(w)))
        .then_some(hint)
    })
}

#[test]
fn the_chrome_word_index_finds_what_a_scan_finds() {
    let mut tokens = vec![String::new(), "x".into(), "Ü".into(), "navé".into()];
    for (w, _) in CHROME_WORDS {
        for other in ["", "top", "bar", "links", "s", "X9"] {
            tokens.push(format!("{w}{other}"));
            tokens.push(format!("{other}{w}"));
            tokens.push(format!("{other}{}", w.to_ascii_uppercase()));
        }
        tokens.push(w[1..].to_string());
        tokens.push(w[..w.len() - 1].to_string());
    }
    for t in &tokens {
        assert_eq!(chrome_word(t), chrome_word_by_scan(t), "{t:?}");
    }
    // (And the two are not trivially equal: some tokens hit a word.)
    assert!(tokens.iter().filter(|t| chrome_word(t).is_some()).count() > 100);
}

#[test]
fn author_classes() {
    assert!(names_author("author vcard"));
    assert!(names_author("entry-meta-author vcard"));
    assert!(names_author("post-author-name"));
    assert!(names_author("byline"));
    assert!(names_author("header-info__author-link"));
    // A commenter, a picture, a biography, a blog's per-post class.
    assert!(!names_author("comment-author vcard"));
    assert!(!names_author("author-avatar"));
    assert!(!names_author("author-bio"));
    assert!(!names_author("post author-jdoe"));
    assert!(!names_author("url fn n"));
}

#[test]
fn taxonomy_classes_say_nothing_about_chrome() {
    // A post filed under "social business" and tagged "comments".
    let (hint, _) = class_hint(
        Some("entry-category-social_business entry-type-post entry tag-comments"),
        None,
    );
    assert_eq!(hint, None);
    // The components themselves still count.
    assert_eq!(
        class_hint(Some("tags-list"), None).0,
        Some(DomHint::Boilerplate)
    );
    assert_eq!(
        class_hint(Some("social-share"), None).0,
        Some(DomHint::Share)
    );
}

#[test]
fn tags_and_roles() {
    assert_eq!(tag_hint("nav", None), Some(DomHint::Navigation));
    assert_eq!(tag_hint("div", Some("contentinfo")), Some(DomHint::Footer));
    assert_eq!(tag_hint("div", None), None);
}

#[test]
fn class_words() {
    assert_eq!(
        class_hint(Some("share-buttons"), None).0,
        Some(DomHint::Share)
    );
    assert_eq!(class_hint(Some("socialbar"), None).0, Some(DomHint::Share));
    assert_eq!(
        class_hint(Some("sidebarLeft"), None).0,
        Some(DomHint::Sidebar)
    );
    assert_eq!(
        class_hint(None, Some("comments")).0,
        Some(DomHint::Comments)
    );
    assert_eq!(
        class_hint(Some("top-nav"), None).0,
        Some(DomHint::Navigation)
    );
    // A box of links (BBC's story-feature `links-list`), but not a word
    // that merely starts with it.
    assert_eq!(
        class_hint(Some("links-list"), None).0,
        Some(DomHint::Related)
    );
    assert_eq!(class_hint(Some("linksys-router"), None).0, None);
    assert!(names_caption("caption truncate") && !names_caption("attribution"));
    assert_eq!(class_hint(Some("shareholders"), None).0, None);
    assert_eq!(class_hint(Some("adventure canvas"), None).0, None);
    assert_eq!(
        class_hint(Some("ad-slot"), None).0,
        Some(DomHint::Advertisement)
    );
    assert_eq!(
        class_hint(Some("section"), Some("sharing-with-a-single-repository")).0,
        None
    );
}

/// Each class list gives the hint beside it.
fn assert_class_hints(cases: &[(&str, Option<DomHint>)]) {
    for &(class, hint) in cases {
        assert_eq!(class_hint(Some(class), None).0, hint, "{class}");
    }
}

#[test]
fn a_components_own_header_is_not_the_pages() {
    let cases = [
        // A recipe's table of ingredients, a card's last row.
        ("table-header", None),
        ("ingredients table-header", None),
        ("card-footer", None),
        ("PanelHeader", None),
        // The twin: the page's header and footer.
        ("site-header", Some(DomHint::Header)),
        ("page-footer", Some(DomHint::Footer)),
        ("header table", Some(DomHint::Header)),
    ];
    assert_class_hints(&cases);
}

#[test]
fn a_bem_modifier_names_a_variant_not_chrome() {
    let cases = [
        // A report section styled to hold ad slots is a section of the text.
        ("TestReport__Section TestReport__Section--Ads", None),
        ("layout layout--sidebar", None),
        // The twin: the component itself is chrome, whatever its variant.
        ("ad-slot--leaderboard", Some(DomHint::Advertisement)),
        ("c-nav--main", Some(DomHint::Navigation)),
        // A hiding modifier still hides.
        ("panel panel--hidden", Some(DomHint::Hidden)),
        // Several `--` separate the parts of a path, each naming the element.
        ("ce-news--topics--header", Some(DomHint::Header)),
        // A leading `--` is no modifier.
        ("--ads", Some(DomHint::Advertisement)),
    ];
    assert_class_hints(&cases);
}

#[test]
fn a_hidden_label_leaves_its_field_shown() {
    let cases = [
        // Drupal's body field whose label is not shown.
        ("field field--name-body field--label-hidden", None),
        ("field field-name-body field-label-hidden", None),
        // The twin: the element itself is hidden.
        ("field field--hidden", Some(DomHint::Hidden)),
        ("is-hidden label", Some(DomHint::Hidden)),
        ("visually-hidden", Some(DomHint::Hidden)),
    ];
    assert_class_hints(&cases);
}

#[test]
fn content_words_cancel_weak_chrome() {
    assert_eq!(class_hint(Some("article-header"), None), (None, true));
    assert_eq!(class_hint(Some("entry-content"), None), (None, true));
    // A strong chrome word wins even beside a content word.
    assert_eq!(class_hint(Some("post-share"), None).0, Some(DomHint::Share));
    assert_eq!(class_hint(Some("hnews hentry adShift"), None), (None, true));
}

#[test]
fn article_body_class_names() {
    assert!(names_article_body("post-body entry-content"));
    assert!(names_article_body("Article-Body"));
    assert!(names_article_body("mw-content-text"));
    assert!(!names_article_body("entry-content-wrapper sidebar"));
    assert!(!names_article_body("post"));
}

#[test]
fn responsive_visibility_classes_are_not_hidden_content() {
    for class in [
        "hidden-sm",
        "col-md-4 hidden-xs",
        "is-hidden-mobile",
        "is-hidden-touch",
        "hide-for-small-only",
        "uk-hidden@m",
        "hidden md:block",
        "hidden lg:flex",
        "hidden-print",
    ] {
        assert_eq!(class_hint(Some(class), None).0, None, "{class}");
    }
    // Hidden on every screen.
    for class in [
        "hidden",
        "is-hidden",
        "visually-hidden",
        "hide",
        "hidden sm-logo",
    ] {
        assert_eq!(
            class_hint(Some(class), None).0,
            Some(DomHint::Hidden),
            "{class}"
        );
    }
}

#[test]
fn hidden_styles() {
    assert_eq!(style_hides("display: none"), Some(StyleHiding::Toggled));
    assert_eq!(
        style_hides("color:red; VISIBILITY: hidden"),
        Some(StyleHiding::Invisible)
    );
    assert_eq!(style_hides("display:block"), None);
    // Every white space is left out, ASCII (a vertical tab too) or not.
    assert_eq!(
        style_hides("DISPLAY\u{b}:\t\u{c}None"),
        Some(StyleHiding::Toggled)
    );
    assert_eq!(
        style_hides("display:\u{a0}none; font: Ünïcode"),
        Some(StyleHiding::Toggled)
    );
    assert_eq!(style_hides("display:\u{1c}none"), None);
}

#[test]
fn ingredient_lists_are_named_by_a_whole_token() {
    for class in [
        "recipe-ingredients",
        "ingredients table-header",
        "wprm-recipe-ingredient",
        "IngredientsList",
    ] {
        assert!(names_ingredients(class), "{class}");
    }
    for class in ["ingredientsmith", "recipe-steps", "grid"] {
        assert!(!names_ingredients(class), "{class}");
    }
}
