//! A hostile-input corpus, generated here (no checked-in megabytes): every
//! input yields exactly one record and nothing panics. Time and memory are
//! measured by `benches/hostile.sh`, not asserted here.

use unchrome::batch::{self, BatchOptions, Job, Source};
use unchrome::output::{Format, Origin};

fn record(bytes: Vec<u8>, url: Option<&str>) -> serde_json::Value {
    let job = Job {
        origin: Origin {
            id: Some("x".into()),
            path: None,
            url: url.map(String::from),
        },
        source: Source::Inline(bytes),
        charset: None,
        kind: None,
        out_name: "x".into(),
    };
    let opts = BatchOptions {
        explain: true,
        ..Default::default()
    };
    let line = batch::run(&job, &opts).render(Format::Jsonl);
    assert_eq!(line.lines().count(), 1);
    serde_json::from_str(&line).expect("valid JSON")
}

/// Every hostile input, by name.
pub fn corpus() -> Vec<(&'static str, Vec<u8>)> {
    let para = "<p>The council met on Monday and agreed that the old bridges would be repaired next year, after many complaints from the people who live by the river.</p>";
    let mut v: Vec<(&'static str, Vec<u8>)> = vec![
        ("deep nesting", ("<div>".repeat(300_000) + para + &"</div>".repeat(300_000)).into_bytes()),
        ("deep unclosed nesting", ("<span><b>".repeat(100_000) + para).into_bytes()),
        ("huge attribute", format!("<div class=\"{}\">{para}</div>", "a".repeat(2 << 20)).into_bytes()),
        ("very long line", "word ".repeat(400_000).into_bytes()),
        ("very long html text", format!("<p>{}</p>", "word ".repeat(400_000)).into_bytes()),
        ("entity storm", format!("<p>{}</p>{para}", "&amp;&#x1F600;&#0;&#xD800;&bogus;&".repeat(50_000)).into_bytes()),
        ("many tiny blocks", "<li>a</li>".repeat(100_000).into_bytes()),
        ("unclosed title", format!("<title>x{}", para.repeat(500)).into_bytes()),
        ("unclosed script", format!("<p>intro</p><script>{}", para.repeat(500)).into_bytes()),
        ("unclosed comment", format!("<p>intro</p><!-- {}", para.repeat(500)).into_bytes()),
        ("broken json-ld", format!("<script type=application/ld+json>{{\"@type\": \"NewsArticle\", \"author\": [{}</script>{para}", "[".repeat(100_000)).into_bytes()),
        ("json-ld bomb", format!("<script type=application/ld+json>{}</script>{para}", "{\"@graph\":[".repeat(5_000)).into_bytes()),
        ("nul bytes", [b"<p>a\0b</p>".as_slice(), para.as_bytes(), &[0u8; 100]].concat()),
        ("invalid utf-8 under utf-8 declaration", [b"<meta charset=utf-8>".as_slice(), para.as_bytes(), &[0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]].concat()),
        ("lying utf-16 declaration", format!("<meta charset=utf-16>{para}").into_bytes()),
        ("utf-16 without bom", para.encode_utf16().flat_map(u16::to_le_bytes).collect()),
        ("odd-length utf-16", [&[0xff, 0xfe][..], b"a\0b"].concat()),
        ("binary with html extension", (0..100_000u32).map(|i| (i.wrapping_mul(2654435761) >> 7) as u8).collect()),
        ("png", [b"\x89PNG\r\n\x1a\n".as_slice(), &[0u8; 1000]].concat()),
        ("only markup", "<div><span></span></div>".repeat(10_000).into_bytes()),
        ("only whitespace", b"   \n\t\n ".to_vec()),
        ("empty", Vec::new()),
        ("text with control characters", "line\u{7}\u{1b}[31m red\r\nnext\u{0c}page".repeat(1000).into_bytes()),
        ("glued camel storm", "aB".repeat(200_000).into_bytes()),
        ("date-like storm", "12:00 12/12/2012 ".repeat(20_000).into_bytes()),
        ("separator storm", "| » › · ".repeat(100_000).into_bytes()),
    ];
    // A deep tree of tables (the adoption agency and foster parenting paths).
    v.push((
        "table soup",
        "<table><tr><td><b><i><table>".repeat(20_000).into_bytes(),
    ));
    v
}

#[test]
fn every_hostile_input_yields_one_record() {
    for (name, bytes) in corpus() {
        let rec = record(bytes, Some("http://example.ru/x"));
        assert!(rec.get("text").is_some(), "{name}");
        assert!(rec["error"].is_null() || rec["error"].is_string(), "{name}");
    }
}

#[test]
fn the_right_inputs_are_errors() {
    let by_name: std::collections::HashMap<_, _> = corpus().into_iter().collect();
    for (name, expect_error) in [
        ("empty", Some("empty")),
        ("png", Some("binary")),
        ("binary with html extension", Some("binary")),
        ("only whitespace", None),
        ("deep nesting", None),
        ("utf-16 without bom", None),
    ] {
        let rec = record(by_name[name].clone(), None);
        match expect_error {
            Some(word) => assert!(
                rec["error"].as_str().is_some_and(|e| e.contains(word)),
                "{name}: {rec}"
            ),
            None => assert!(rec["error"].is_null(), "{name}: {rec}"),
        }
    }
    let deep = record(by_name["deep nesting"].clone(), None);
    assert!(deep["text"].as_str().unwrap().contains("old bridges"));
    let utf16 = record(by_name["utf-16 without bom"].clone(), None);
    assert!(utf16["text"].as_str().unwrap().contains("old bridges"));
}
