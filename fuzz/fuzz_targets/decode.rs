//! Decoding and sniffing: any bytes, any hints.
#![no_main]
use libfuzzer_sys::fuzz_target;
use unchrome::decode::{self, DecodeHints, InputKind};

fuzz_target!(|data: &[u8]| {
    let (hint, bytes) = data.split_first().map_or((0, data), |(h, rest)| (*h, rest));
    let hints = DecodeHints {
        override_label: (hint & 1 == 1).then_some("shift_jis"),
        transport_charset: (hint & 2 == 2).then_some("text/html; charset=utf-16"),
        url: (hint & 4 == 4).then_some("http://example.ru/"),
        kind: (hint & 8 == 8).then_some(InputKind::Html),
    };
    let d = decode::decode(bytes, &hints);
    let _ = decode::sniff_kind(&d.text, Some("html"));
    let _ = decode::looks_binary(bytes);
    let _ = decode::prescan_meta_charset(bytes);
});
