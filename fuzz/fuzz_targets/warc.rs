//! WARC reading: any bytes as an archive; each job runs to one record.
#![no_main]
use libfuzzer_sys::fuzz_target;
use unchrome::batch::{self, BatchOptions};

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("unchrome-fuzz-warc-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("a.warc");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let inputs = vec![path.display().to_string()];
    for job in batch::jobs(&inputs, batch::InputFormat::Auto, Some(1 << 20)).take(1000) {
        let _ = batch::run(&job, &BatchOptions::default());
    }
    let _ = batch::warc::http_payload(data, 1 << 20);
});
