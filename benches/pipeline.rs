//! Per-page cost of the pipeline on the repository's samples (`cargo bench`).
//! Throughput against other extractors is measured by `benches/compare.sh`.

use std::path::Path;

fn main() {
    divan::main();
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(name),
    )
    .expect("sample exists")
}

#[divan::bench(args = ["jsonld-article.html", "legacy-charset-windows-1251.html", "undeclared-shift_jis.html"])]
fn html_page(bencher: divan::Bencher, name: &str) {
    let bytes = sample(name);
    bencher.bench(|| {
        unchrome::clean(
            &unchrome::Input::new(divan::black_box(&bytes)),
            &unchrome::Options::default(),
        )
    });
}

#[divan::bench]
fn text_page(bencher: divan::Bencher) {
    let bytes = sample("seed-news-footer.txt");
    bencher.bench(|| {
        unchrome::clean(
            &unchrome::Input::new(divan::black_box(&bytes)),
            &unchrome::Options::default(),
        )
    });
}

#[divan::bench]
fn decode_only(bencher: divan::Bencher) {
    let bytes = sample("legacy-charset-windows-1251.html");
    bencher.bench(|| unchrome::decode::decode(divan::black_box(&bytes), &Default::default()));
}
