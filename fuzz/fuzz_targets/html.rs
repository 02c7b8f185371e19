//! HTML extraction, whole pipeline, as HTML.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = unchrome::Options {
        input_kind: Some(unchrome::InputKind::Html),
        trace: true,
        ..Default::default()
    };
    let _ = unchrome::clean(&unchrome::Input::new(data), &opts);
});
