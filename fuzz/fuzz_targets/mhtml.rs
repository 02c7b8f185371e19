//! MHTML reading: any bytes as an archive, alone and behind a valid MIME
//! header; the whole pipeline on top gives one record.
#![no_main]
use libfuzzer_sys::fuzz_target;
use unchrome::batch::{self, BatchOptions, Job, Source, mhtml};

fuzz_target!(|data: &[u8]| {
    let _ = mhtml::looks_like_mhtml(data);
    let _ = mhtml::root_page(data);
    let mut wrapped =
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            .to_vec();
    wrapped.extend_from_slice(data);
    let job = Job {
        origin: Default::default(),
        source: Source::Inline(wrapped),
        charset: None,
        kind: None,
        out_name: "x".into(),
    };
    let _ = batch::run(&job, &BatchOptions::default());
});
