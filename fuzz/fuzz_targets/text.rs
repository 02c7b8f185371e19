//! Plain-text cleaning, whole pipeline, as text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = unchrome::Options {
        input_kind: Some(unchrome::InputKind::Text),
        trace: true,
        ..Default::default()
    };
    let _ = unchrome::clean(&unchrome::Input::new(data), &opts);
});
