//! Helpers shared by the end-to-end tests.
#![allow(dead_code)] // each test crate uses its own subset

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

/// The `unchrome` binary under test.
pub fn unchrome() -> Command {
    Command::cargo_bin("unchrome").expect("binary builds")
}

/// The repository's `samples/` folder.
pub fn samples() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").leak()
}

/// Parse JSON Lines output.
pub fn jsonl(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// Run, check the exit status, and return stdout.
pub trait OutputWith {
    fn output_with(&mut self, code: i32) -> Vec<u8>;
}

impl OutputWith for Command {
    fn output_with(&mut self, code: i32) -> Vec<u8> {
        self.assert().code(code).get_output().stdout.clone()
    }
}

/// Gzip bytes (one member).
pub fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}
