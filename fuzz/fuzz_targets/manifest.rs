//! JSONL manifest parsing: every non-blank line gives one job, and running
//! the jobs gives one record each (files named in it are left unread: the
//! fuzzer must not touch the disk, so `path` jobs are replaced).
#![no_main]
use libfuzzer_sys::fuzz_target;
use unchrome::batch::{self, BatchOptions, Source};

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("unchrome-fuzz-manifest-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("m.jsonl");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let inputs = vec![path.display().to_string()];
    let lines = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    let jobs: Vec<_> = batch::jobs(&inputs, batch::InputFormat::Jsonl, Some(1 << 20)).collect();
    assert_eq!(jobs.len(), lines);
    for mut job in jobs {
        if matches!(job.source, Source::File(_)) {
            job.source = Source::Inline(b"<p>x</p>".to_vec());
        }
        let _ = batch::run(&job, &BatchOptions::default());
    }
});
