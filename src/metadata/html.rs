//! Metadata from markup: JSON-LD first (the most deliberate statement a site
//! makes), then OpenGraph / Twitter / Dublin Core / `article:*` meta tags,
//! then microdata and `<time>`, then `<title>` and headings.

use super::title::{SiteNames, choose_title, decode_leftover_entities};
use super::{DateConfidence, DateTrust, MarkupDate, Metadata, clean};
use super::{author, date};
use crate::chrome::patterns::normalize;
use crate::html::RawMeta;
use serde_json::Value;

/// Interpret the raw markup metadata. `url` resolves a relative canonical link.
pub fn from_markup(raw: &RawMeta, url: Option<&str>) -> Metadata {
    let ld = json_ld(&raw.json_ld);
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            raw.metas
                .iter()
                .find(|(name, _)| name == k)
                .and_then(|(_, v)| clean(v))
        })
    };

    let site_name = meta(&["og:site_name", "application-name", "twitter:site"])
        .map(|s| s.trim_start_matches('@').to_string());
    let host = url
        .or(raw.canonical.as_deref())
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_string));
    let site = SiteNames {
        site_name: site_name.as_deref(),
        host: host.as_deref(),
    };
    let mut m = Metadata {
        title: choose_title(
            raw,
            ld.headline.clone(),
            meta(&["og:title", "twitter:title", "dc.title"]),
            &site,
        )
        .map(|t| decode_leftover_entities(&t)),
        ..Default::default()
    };

    m.author = markup_author(raw, &ld);

    markup_date(&mut m, raw, &ld, url);

    m.site_name = site_name;
    m.publisher = ld
        .publisher
        .clone()
        .or_else(|| meta(&["publisher", "dc.publisher"]));
    m.description = meta(&[
        "description",
        "og:description",
        "twitter:description",
        "dc.description",
    ])
    .or(ld.description.clone());
    m.canonical_url = raw
        .canonical
        .clone()
        .or_else(|| meta(&["og:url"]))
        .and_then(|c| resolve(&c, url));
    m.language = raw.lang.as_deref().and_then(primary_language).or_else(|| {
        meta(&["content-language", "og:locale", "dc.language", "language"])
            .as_deref()
            .and_then(primary_language)
    });
    m
}

/// Meta tags that state the publication date itself.
const PUBLISHED_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
];

/// Meta tags that name "the" date of the page without saying which: content
/// management systems write the page's last change there as often as its
/// publication (TYPO3's `date` is the last edit), so they rank below every
/// statement of the publication date and below `<time>`.
const GENERIC_DATE_METAS: &[&str] = &["date", "dc.date"];

/// The publication date the markup states, in order of trust: JSON-LD,
/// the published-time meta tags, microdata, a non-article JSON-LD node
/// (a recipe, a how-to), `<time>`, the generic date tags; else the URL's
/// date. Every plausible statement is kept in `m.markup_dates`, so that a
/// date visible in the article's header can pick the one it corroborates.
fn markup_date(m: &mut Metadata, raw: &RawMeta, ld: &LdArticle, url: Option<&str>) {
    let metas = |keys: &[&str]| -> Vec<String> {
        keys.iter()
            .flat_map(|k| raw.metas.iter().filter(move |(name, _)| name == k))
            .map(|(_, v)| v.clone())
            .collect()
    };
    let stated = ld
        .date
        .iter()
        .cloned()
        .chain(metas(PUBLISHED_METAS))
        .chain(
            raw.itemprops
                .iter()
                .filter(|(p, _)| p == "datepublished" || p == "datecreated")
                .map(|(_, v)| v.clone()),
        )
        .chain(ld.other_date.iter().cloned());
    let times = raw.times.iter().enumerate().map(|(i, t)| {
        let trust = if i == 0 {
            DateTrust::FirstTime
        } else {
            DateTrust::Time
        };
        (t.clone(), trust)
    });
    let today = date::today();
    let mut found: Vec<MarkupDate> = stated
        .map(|s| (s, DateTrust::Stated))
        .chain(times)
        .chain(
            metas(GENERIC_DATE_METAS)
                .into_iter()
                .map(|s| (s, DateTrust::Generic)),
        )
        .filter_map(|(s, trust)| {
            date::parse_iso_like(&s)
                .filter(|d| date::is_plausible(d, today))
                .map(|date| MarkupDate { date, trust })
        })
        .collect();
    // A dated URL path is the site's own filing of the article, set when
    // it was published: weaker than a stated date, stronger than a date
    // read off the page's text.
    let from_url = url
        .and_then(date::from_url)
        .filter(|d| date::is_plausible(d, today));
    let dates: Vec<date::ParsedDate> = found.iter().map(|c| c.date).collect();
    let chosen = date::first_plausible(&dates, today).map(|d| {
        // The URL's day beside a UTC moment that crossed midnight is the
        // page's own day, as a visible date would be.
        match from_url {
            Some(u) if date::local_day_of(&d, &u) => u,
            _ => d,
        }
    });
    if let Some(d) = chosen {
        m.date = Some(d.to_iso());
        m.date_confidence = Some(DateConfidence::High);
        // `first_plausible` keeps the first statement's trust: it only
        // swaps in another statement of the same moment.
        m.markup_date_trust = found.first().map(|c| c.trust);
    } else if let Some(u) = from_url {
        m.date = Some(u.to_iso());
        m.date_confidence = Some(DateConfidence::Medium);
        found.push(MarkupDate {
            date: u,
            trust: DateTrust::Stated,
        });
        m.markup_date_trust = Some(DateTrust::Stated);
    }
    m.markup_dates = found;
}

/// Meta tags that name the article's author.
const AUTHOR_METAS: &[&str] = &[
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
    "parsely-author",
    "byl",
    "sailthru.author",
    "shareaholic:article_author_name",
];

/// The article's authors from markup, every one of them, in order of
/// trust: JSON-LD, a meta tag (all its values), the "Written by" field of
/// the social card, then author links and microdata (names of two words or
/// more first: a one-word link text is more often a widget's name).
fn markup_author(raw: &RawMeta, ld: &LdArticle) -> Option<String> {
    let from = |s: &str| author::names(s);
    let mut found = ld.author.as_deref().map(from).unwrap_or_default();
    let from_metas = AUTHOR_METAS
        .iter()
        .map(|k| {
            raw.metas
                .iter()
                .filter(|(name, v)| name == k && !looks_like_url(v))
                .flat_map(|(_, v)| from(v))
                .collect::<Vec<_>>()
        })
        .find(|names| !names.is_empty())
        .unwrap_or_default();
    // The meta tag names more authors than JSON-LD, every one of those
    // among them: JSON-LD kept the first only.
    let same = |a: &String, b: &String| normalize(a) == normalize(b);
    if found.is_empty()
        || from_metas.len() > found.len()
            && found.iter().all(|f| from_metas.iter().any(|m| same(f, m)))
    {
        found = from_metas;
    }
    if found.is_empty() {
        found = social_card_author(raw)
            .map(|a| from(&a))
            .unwrap_or_default();
    }
    if found.is_empty() {
        let linked: Vec<String> = raw
            .authors
            .iter()
            .filter_map(|a| clean(a))
            .filter(|a| !a.chars().any(|c| c.is_ascii_digit()))
            .flat_map(|a| from(&a))
            .collect();
        // Only the first: links to author pages also sit in teasers and
        // author boxes of other articles.
        let several_words = |n: &&String| n.split_whitespace().count() >= 2;
        found = linked
            .iter()
            .find(several_words)
            .or(linked.first())
            .cloned()
            .into_iter()
            .collect();
    }
    author::join(&found)
}

/// The social card's labelled fields (`twitter:label1` = "Written by",
/// `twitter:data1` = the name), as blog software writes them.
fn social_card_author(raw: &RawMeta) -> Option<String> {
    const AUTHOR_LABELS: &[&str] = &[
        "written by",
        "verfasst von",
        "geschrieben von",
        "autor",
        "author",
        "escrit",
        "écrit par",
        "scritto da",
        "door",
    ];
    raw.metas.iter().find_map(|(name, label)| {
        let n = name.strip_prefix("twitter:label")?;
        let l = label.to_lowercase();
        AUTHOR_LABELS.iter().any(|a| l.starts_with(a)).then(|| {
            let key = format!("twitter:data{n}");
            raw.metas
                .iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| clean(v))
        })?
    })
}

/// What JSON-LD says about the article.
#[derive(Default, Debug)]
struct LdArticle {
    headline: Option<String>,
    author: Option<String>,
    date: Option<String>,
    /// `datePublished` of a node that is no article (a recipe, a how-to, a
    /// product page): the page's own date when no article states one.
    other_date: Option<String>,
    publisher: Option<String>,
    description: Option<String>,
}

/// Schema.org types that describe the page's article.
/// Schema.org types of one user's post among many on a page (a forum
/// thread, reviews, answers): its date is that post's, not the page's.
fn is_post_type(t: &str) -> bool {
    let t = t.rsplit('/').next().unwrap_or(t);
    matches!(
        t,
        "DiscussionForumPosting" | "Comment" | "Review" | "Question" | "Answer"
    )
}

fn is_article_type(t: &str) -> bool {
    let t = t.rsplit('/').next().unwrap_or(t);
    t.ends_with("Article")
        || matches!(
            t,
            "BlogPosting"
                | "Report"
                | "ReportageNews"
                | "LiveBlogPosting"
                | "WebPage"
                | "Posting"
                | "SocialMediaPosting"
        )
}

fn json_ld(scripts: &[String]) -> LdArticle {
    let mut out = LdArticle::default();
    let mut page = LdArticle::default();
    let values: Vec<Value> = scripts.iter().filter_map(|s| parse_lenient(s)).collect();
    let ids = named_ids(&values);
    for value in &values {
        bounded_walk(vec![value], |v, stack| {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    let types: Vec<&str> = match map.get("@type") {
                        Some(Value::String(s)) => vec![s.as_str()],
                        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                        _ => vec![],
                    };
                    if !types.is_empty()
                        && !types.iter().any(|t| is_post_type(t))
                        && out.other_date.is_none()
                    {
                        out.other_date = map.get("datePublished").and_then(text_of);
                    }
                    if types.iter().any(|t| is_article_type(t)) {
                        // A WebPage wrapper only fills what no article states.
                        let is_page = types.iter().all(|t| t.ends_with("WebPage"));
                        let slot = if is_page { &mut page } else { &mut out };
                        let headline =
                            map.get("headline")
                                .or(if is_page { None } else { map.get("name") });
                        slot.headline = slot.headline.take().or_else(|| headline.and_then(text_of));
                        slot.author = slot.author.take().or_else(|| {
                            map.get("author")
                                .or(map.get("creator"))
                                .and_then(|v| names_of(v, &ids))
                        });
                        slot.date = slot.date.take().or_else(|| {
                            map.get("datePublished")
                                .or(map.get("dateCreated"))
                                .and_then(text_of)
                        });
                        slot.publisher = slot
                            .publisher
                            .take()
                            .or_else(|| map.get("publisher").and_then(|v| names_of(v, &ids)));
                        slot.description = slot
                            .description
                            .take()
                            .or_else(|| map.get("description").and_then(text_of));
                    }
                    if let Some(g) = map.get("@graph") {
                        stack.push(g);
                    }
                    if let Some(m) = map.get("mainEntity") {
                        stack.push(m);
                    }
                }
                _ => {}
            }
        });
    }
    LdArticle {
        headline: out.headline.or(page.headline),
        author: out.author.or(page.author),
        date: out.date.or(page.date),
        other_date: out.other_date,
        publisher: out.publisher.or(page.publisher),
        description: out.description.or(page.description),
    }
}

/// Parse JSON-LD, tolerating the two commonest breakages: raw control
/// characters inside strings, and trailing commas.
pub(crate) fn parse_lenient(s: &str) -> Option<Value> {
    // Comment and CDATA wrappers (`<!-- … -->`, `<![CDATA[ … ]]>`, either
    // behind `//`) are not JSON.
    let s = s.trim().trim_start_matches("//").trim_start();
    let s = s.trim_start_matches("<!--").trim_start();
    let s = s.strip_prefix("<![CDATA[").unwrap_or(s);
    let s = s.trim_end().trim_end_matches("-->").trim_end();
    let s = s.strip_suffix("]]>").unwrap_or(s).trim_end();
    let s = s.trim_end_matches("//").trim();
    if let Ok(v) = serde_json::from_str(s) {
        return Some(v);
    }
    let fixed: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let fixed = fixed
        .replace(",}", "}")
        .replace(",]", "]")
        .replace(", }", "}")
        .replace(", ]", "]");
    serde_json::from_str(&fixed).ok()
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Array(a) => a.iter().find_map(text_of),
        Value::Object(o) => o.get("@value").and_then(text_of),
        _ => None,
    }
}

/// The names of the graph's nodes by their `@id`: blog software states the
/// article's author as a reference (`"author": {"@id": "…#author"}`) to a
/// Person node elsewhere in the graph.
fn named_ids(values: &[Value]) -> std::collections::HashMap<String, String> {
    let mut ids = std::collections::HashMap::new();
    bounded_walk(values.iter().collect(), |v, stack| match v {
        Value::Array(items) => stack.extend(items.iter()),
        Value::Object(map) => {
            if let (Some(Value::String(id)), Some(name)) =
                (map.get("@id"), map.get("name").and_then(text_of))
            {
                ids.entry(id.clone()).or_insert(name);
            }
            stack.extend(map.values().filter(|v| v.is_array() || v.is_object()));
        }
        _ => {}
    });
    ids
}

/// Visit JSON values depth-first from `roots`; `visit` pushes the children
/// to go on with. Bounded: JSON-LD graphs are small, a hostile one is cut
/// off.
pub(crate) fn bounded_walk<'a>(
    mut stack: Vec<&'a Value>,
    mut visit: impl FnMut(&'a Value, &mut Vec<&'a Value>),
) {
    let mut budget = 2_000;
    while let Some(v) = stack.pop() {
        budget -= 1;
        if budget == 0 {
            break;
        }
        visit(v, &mut stack);
    }
}

/// Names from an author/publisher value: a string, a Person/Organization
/// object (or a reference to one by `@id`), or an array of them, joined
/// with ", ".
fn names_of(v: &Value, ids: &std::collections::HashMap<String, String>) -> Option<String> {
    let mut names = Vec::new();
    let mut push = |v: &Value| match v {
        Value::String(s) if !looks_like_url(s) => {
            if let Some(s) = clean(s) {
                names.push(s)
            }
        }
        Value::Object(o) => {
            let named = o.get("name").and_then(text_of).or_else(|| {
                o.get("@id")
                    .and_then(Value::as_str)
                    .and_then(|id| ids.get(id).cloned())
            });
            if let Some(s) = named {
                names.push(s)
            }
        }
        _ => {}
    };
    match v {
        Value::Array(a) => a.iter().take(20).for_each(&mut push),
        other => push(other),
    }
    (!names.is_empty()).then(|| names.join(", "))
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with('/')
}

/// Resolve a possibly relative URL against the page URL.
fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    if let Ok(u) = url::Url::parse(href) {
        return Some(u.to_string());
    }
    let base = url::Url::parse(base?).ok()?;
    base.join(href).ok().map(|u| u.to_string())
}

/// `en-US` → `en`; `pt_BR` → `pt`.
fn primary_language(tag: &str) -> Option<String> {
    let p = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (p.len() >= 2 && p.len() <= 3 && p.chars().all(|c| c.is_ascii_alphabetic())).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::DateTrust;

    fn raw() -> RawMeta {
        RawMeta::default()
    }

    #[test]
    fn json_ld_article() {
        let mut r = raw();
        r.json_ld.push(r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Page"},
            {"@type":"NewsArticle","headline":"Big News","author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}],
             "datePublished":"2019-03-05T10:32:00+01:00","publisher":{"@type":"Organization","name":"Daily"}}]}"#.into());
        let m = from_markup(&r, None);
        assert_eq!(m.title.as_deref(), Some("Big News"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(m.date.as_deref(), Some("2019-03-05T10:32:00+01:00"));
        assert_eq!(m.publisher.as_deref(), Some("Daily"));
    }

    #[test]
    fn broken_json_ld_is_tolerated() {
        let mut r = raw();
        r.json_ld
            .push("{\"@type\":\"Article\",\"headline\":\"Line\nbreak\",}".into());
        assert_eq!(from_markup(&r, None).title.as_deref(), Some("Line break"));
        r.json_ld = vec!["{not json".into()];
        assert_eq!(from_markup(&r, None).title, None);
    }

    #[test]
    fn cdata_wrapped_json_ld() {
        let mut r = raw();
        r.json_ld.push("\n //<![CDATA[\n {\"@type\":\"BlogPosting\",\"author\":{\"name\":\"Dave Steer\"}}\n //]]>\n".into());
        assert_eq!(from_markup(&r, None).author.as_deref(), Some("Dave Steer"));
    }

    #[test]
    fn json_ld_author_by_reference() {
        let mut r = raw();
        r.json_ld.push(r#"{"@context":"https://schema.org","@graph":[
            {"@type":"Article","headline":"Feuerholz","author":{"@id":"https://x.de/#/schema/person/1"}},
            {"@type":"Person","@id":"https://x.de/#/schema/person/1","name":"Aureliana"}]}"#.into());
        assert_eq!(from_markup(&r, None).author.as_deref(), Some("Aureliana"));
        // A reference to nothing names nobody.
        r.json_ld = vec![r##"{"@type":"Article","author":{"@id":"#nobody"}}"##.into()];
        assert_eq!(from_markup(&r, None).author, None);
    }

    #[test]
    fn social_card_written_by() {
        let mut r = raw();
        for (k, v) in [
            ("twitter:label1", "Verfasst von"),
            ("twitter:data1", "Karoline Herr"),
            ("twitter:label2", "Geschätzte Lesezeit"),
            ("twitter:data2", "3 Minuten"),
        ] {
            r.metas.push((k.into(), v.into()));
        }
        assert_eq!(
            from_markup(&r, None).author.as_deref(),
            Some("Karoline Herr")
        );
        r.metas.retain(|(k, _)| k != "twitter:label1");
        assert_eq!(from_markup(&r, None).author, None);
    }

    #[test]
    fn every_author_meta_tag() {
        let mut r = raw();
        r.metas.push((
            "author".into(),
            "Benjamin Fischer und Marcus Theurer".into(),
        ));
        assert_eq!(
            from_markup(&r, None).author.as_deref(),
            Some("Benjamin Fischer, Marcus Theurer")
        );
        r.metas = vec![
            ("author".into(), "Lars Fischer".into()),
            ("author".into(), "Alina Schadwinkel".into()),
            ("author".into(), "Lars Fischer".into()),
        ];
        assert_eq!(
            from_markup(&r, None).author.as_deref(),
            Some("Lars Fischer, Alina Schadwinkel")
        );
    }

    #[test]
    fn every_author_the_meta_tag_names_beyond_json_ld() {
        let mut r = raw();
        r.json_ld = vec![
            r#"{"@type":"Article","author":{"@type":"Person","name":"Sadhbh O'Sullivan"}}"#.into(),
        ];
        r.metas = vec![("author".into(), "Sadhbh O'Sullivan,Elisabeth Kochan".into())];
        assert_eq!(
            from_markup(&r, None).author.as_deref(),
            Some("Sadhbh O'Sullivan, Elisabeth Kochan")
        );
        // Another name, not more of the same: JSON-LD stays.
        r.metas = vec![("author".into(), "Redaktion Nord, Jane Doe".into())];
        assert_eq!(
            from_markup(&r, None).author.as_deref(),
            Some("Sadhbh O'Sullivan")
        );
    }

    #[test]
    fn one_word_author_link_when_nothing_else() {
        let mut r = raw();
        r.authors = vec!["Tobi".into()];
        assert_eq!(from_markup(&r, None).author.as_deref(), Some("Tobi"));
    }

    #[test]
    fn widget_names_are_not_authors() {
        let mut r = raw();
        r.authors = vec!["Taboola".into(), "CC7567".into(), "By Jane Doe".into()];
        assert_eq!(from_markup(&r, None).author.as_deref(), Some("Jane Doe"));
    }

    fn date_of(r: &RawMeta, url: Option<&str>) -> Option<String> {
        from_markup(r, url).date
    }

    #[test]
    fn generic_date_tag_ranks_below_stated_dates_and_time() {
        let mut r = raw();
        // TYPO3 writes the last edit into `date`.
        r.metas
            .push(("date".into(), "2022-01-21T15:38:44+01:00".into()));
        assert_eq!(
            date_of(&r, None).as_deref(),
            Some("2022-01-21T15:38:44+01:00")
        );
        r.times.push("2022-01-20".into());
        assert_eq!(date_of(&r, None).as_deref(), Some("2022-01-20"));
        r.itemprops
            .push(("datepublished".into(), "2022-01-27".into()));
        assert_eq!(date_of(&r, None).as_deref(), Some("2022-01-27"));
        let m = from_markup(&r, None);
        assert_eq!(m.markup_date_trust, Some(DateTrust::Stated));
        assert_eq!(m.markup_dates.len(), 3);
    }

    #[test]
    fn non_article_json_ld_states_the_date_but_not_a_users_post() {
        let mut r = raw();
        r.json_ld.push(
            r#"{"@type":"Recipe","name":"Kuchen","datePublished":"2006-10-10",
            "review":[{"@type":"Review","datePublished":"2020-04-12"}]}"#
                .into(),
        );
        r.times.push("2020-04-12T17:02:00".into());
        assert_eq!(date_of(&r, None).as_deref(), Some("2006-10-10"));
        // The recipe's name is not taken for an article headline.
        assert_eq!(from_markup(&r, None).title, None);
        // One post of a forum thread dates that post, not the page.
        r.json_ld = vec![
            r#"{"@type":"DiscussionForumPosting","datePublished":"2011-02-21T17:47:28+01:00"}"#
                .into(),
        ];
        assert_eq!(date_of(&r, None).as_deref(), Some("2020-04-12T17:02:00"));
    }

    #[test]
    fn url_day_beside_a_utc_moment_is_the_pages_day() {
        let mut r = raw();
        r.metas.push((
            "article:published_time".into(),
            "2020-02-25T02:25:54+00:00".into(),
        ));
        let url = "https://x.com/2020/02/24/some-story/";
        assert_eq!(date_of(&r, Some(url)).as_deref(), Some("2020-02-24"));
        // The same day, or a day the moment cannot have had: the statement stays.
        for other in [
            "https://x.com/2020/02/25/some-story/",
            "https://x.com/2020/02/20/some-story/",
        ] {
            assert_eq!(
                date_of(&r, Some(other)).as_deref(),
                Some("2020-02-25T02:25:54+00:00")
            );
        }
        // A local time keeps its own day.
        r.metas[0].1 = "2020-02-25T02:25:54+01:00".into();
        assert_eq!(
            date_of(&r, Some(url)).as_deref(),
            Some("2020-02-25T02:25:54+01:00")
        );
    }

    #[test]
    fn title_prefers_matching_heading() {
        let mut r = raw();
        r.title = Some("Storm hits coast | Daily News".into());
        r.headings.push((1, "Daily News".into()));
        r.headings.push((1, "Storm hits coast".into()));
        assert_eq!(
            from_markup(&r, None).title.as_deref(),
            Some("Storm hits coast")
        );
        r.headings.clear();
        assert_eq!(
            from_markup(&r, None).title.as_deref(),
            Some("Storm hits coast")
        );
    }

    #[test]
    fn meta_tags() {
        let mut r = raw();
        for (k, v) in [
            ("author", "By Jane Doe"),
            ("article:published_time", "2008-01-16"),
            ("og:site_name", "Daily"),
            ("description", "About it."),
            ("og:url", "/a/b"),
        ] {
            r.metas.push((k.into(), v.into()));
        }
        r.lang = Some("en-GB".into());
        let m = from_markup(&r, Some("http://example.com/x"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        assert_eq!(m.date.as_deref(), Some("2008-01-16"));
        assert_eq!(m.site_name.as_deref(), Some("Daily"));
        assert_eq!(m.canonical_url.as_deref(), Some("http://example.com/a/b"));
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn title_is_the_article_not_the_site() {
        let mut r = raw();
        r.title = Some("Scherenschnitt (3) | gnaddrig ad libitum".into());
        r.headings.push((1, "gnaddrig ad libitum".into()));
        r.headings.push((1, "Scherenschnitt (3)".into()));
        assert_eq!(
            from_markup(&r, None).title.as_deref(),
            Some("Scherenschnitt (3)")
        );
        // "Site » Blog Archive » Headline": the site's h1 is not the title.
        let mut r = raw();
        r.title = Some("Four Years Remaining » Blog Archive » Interning of Small Integers".into());
        r.headings.push((1, "Four Years Remaining".into()));
        r.headings.push((2, "Interning of Small Integers".into()));
        assert_eq!(
            from_markup(&r, None).title.as_deref(),
            Some("Interning of Small Integers")
        );
        // The site's name is never the title, even when it is all that is stated.
        let mut r = raw();
        r.metas.push(("og:site_name".into(), "regards.fr".into()));
        r.metas.push(("og:title".into(), "regards.fr".into()));
        r.headings.push((1, "regards.fr".into()));
        assert_eq!(from_markup(&r, None).title, None);
    }

    #[test]
    fn visible_headline_over_a_different_social_title() {
        let mut r = raw();
        r.metas.push((
            "og:title".into(),
            "DB Lounge: Kein Zutritt mehr mit Sparpreis-Tickets".into(),
        ));
        r.headings
            .push((1, "DB Lounge: Kein Zugang mehr mit Sparpreis-Ticket".into()));
        assert_eq!(
            from_markup(&r, None).title.as_deref(),
            Some("DB Lounge: Kein Zugang mehr mit Sparpreis-Ticket")
        );
        // Two h1s: no single visible headline, the social title stays.
        r.headings.push((1, "Newsletter abonnieren jetzt".into()));
        assert_eq!(
            from_markup(&r, None).title.as_deref(),
            Some("DB Lounge: Kein Zutritt mehr mit Sparpreis-Tickets")
        );
        // No social title: the <title> is the page's own choice.
        let mut r = raw();
        r.title = Some("This is a long title with a colon: Hello there".into());
        r.headings
            .push((1, "This is a long title with a colon: But different".into()));
        assert_eq!(
            from_markup(&r, None).title.as_deref(),
            Some("This is a long title with a colon: Hello there")
        );
    }

    #[test]
    fn headings_lose_permalink_glyphs_and_leftover_entities() {
        let mut r = raw();
        r.title = Some("Evolve: Shared Mutable History — evolve extension".into());
        r.headings
            .push((1, "Evolve: Shared Mutable History¶".into()));
        assert_eq!(
            from_markup(&r, None).title.as_deref(),
            Some("Evolve: Shared Mutable History")
        );
        let mut r = raw();
        r.metas
            .push(("og:title".into(), "Q&#038;A with the team".into()));
        assert_eq!(
            from_markup(&r, None).title.as_deref(),
            Some("Q&A with the team")
        );
    }
}
