//! Site templates: what recurs on many pages of one site is its chrome.
//!
//! In a batch, pages are grouped by site (the host of their URL; else the
//! host of the canonical URL the page states; else the folder they were read
//! from). A first pass records, per site, how many pages carry each short
//! block (by a hash of its normalised text — no text is kept). A block that
//! recurs on enough of a site's pages is marked `template` in the second
//! pass, where the classifier treats the mark like a rule hit — unless the
//! block reads as real prose inside the article, which a quoted sentence or
//! a standard legal paragraph can.
//!
//! The thresholds hold for 2 pages and for 20,000: a block must recur on at
//! least [`MIN_PAGES`] pages and on at least [`MIN_SHARE`] of the site's
//! pages. A single page never has a template.

use crate::block::Block;
use crate::chrome::patterns::normalize;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// A block must recur on at least this many pages of its site...
pub const MIN_PAGES: u32 = 2;
/// ...and on at least this share of them. Site chrome (menus, footers,
/// newsletter boxes) is on nearly every page; a rotating "most read"
/// headline is on a few, and is caught by other rules, not by this one.
pub const MIN_SHARE: f32 = 0.3;

/// Blocks longer than this are not fingerprinted: templates are made of
/// short pieces, and long paragraphs would only fill the tables.
pub const MAX_TEMPLATE_WORDS: usize = 40;

/// Entries per site table before the blocks seen on one page only are
/// pruned: keeps memory bounded on sites with many thousands of pages.
const PRUNE_AT: usize = 200_000;

/// Per-site block counts.
#[derive(Debug, Default)]
pub struct SiteTemplates {
    sites: HashMap<String, SiteTable>,
}

#[derive(Debug, Default)]
struct SiteTable {
    pages: u32,
    counts: HashMap<u64, u32>,
}

/// The fingerprints of a page's template-sized blocks, each once.
pub fn fingerprints(blocks: &[Block]) -> Vec<u64> {
    let mut out: Vec<u64> = blocks
        .iter()
        .filter(|b| b.words > 0 && b.words <= MAX_TEMPLATE_WORDS)
        .map(|b| fingerprint(&b.text))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A stable 64-bit hash of the normalised text (the same across runs and
/// machines: `DefaultHasher::new()` has fixed keys).
pub fn fingerprint(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    normalize(text).hash(&mut h);
    h.finish()
}

/// The site a page belongs to: the host of its URL, else of the canonical
/// URL it states, else its folder. `None` when nothing says (stdin).
pub fn site_key(url: Option<&str>, canonical: Option<&str>, path: Option<&str>) -> Option<String> {
    let host = |u: &str| {
        url::Url::parse(u).ok().and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_ascii_lowercase())
        })
    };
    url.and_then(host)
        .or_else(|| canonical.and_then(host))
        .or_else(|| {
            path.map(|p| {
                let parent = std::path::Path::new(p)
                    .parent()
                    .map(|d| d.display().to_string());
                format!("dir:{}", parent.unwrap_or_default())
            })
        })
}

impl SiteTemplates {
    /// Record one page of `site`.
    pub fn add_page(&mut self, site: String, fingerprints: &[u64]) {
        let table = self.sites.entry(site).or_default();
        table.pages += 1;
        for &f in fingerprints {
            *table.counts.entry(f).or_insert(0) += 1;
        }
        if table.counts.len() > PRUNE_AT {
            table.counts.retain(|_, c| *c > 1);
        }
    }

    /// Pages seen for `site`.
    pub fn pages(&self, site: &str) -> u32 {
        self.sites.get(site).map_or(0, |t| t.pages)
    }

    /// Template marks for a page's blocks, or `None` when the site has too
    /// few pages for a template (then the page is judged exactly as alone).
    pub fn marks(&self, site: &str, blocks: &[Block]) -> Option<Vec<bool>> {
        let table = self.sites.get(site)?;
        if table.pages < MIN_PAGES {
            return None;
        }
        let needed = (MIN_SHARE * table.pages as f32)
            .ceil()
            .max(MIN_PAGES as f32) as u32;
        let marks: Vec<bool> = blocks
            .iter()
            .map(|b| {
                b.words > 0
                    && b.words <= MAX_TEMPLATE_WORDS
                    && table
                        .counts
                        .get(&fingerprint(&b.text))
                        .is_some_and(|&c| c >= needed)
            })
            .collect();
        marks.iter().any(|&m| m).then_some(marks)
    }

    /// Number of sites seen.
    pub fn sites(&self) -> usize {
        self.sites.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::BlockKind;

    fn blocks(lines: &[&str]) -> Vec<Block> {
        lines
            .iter()
            .map(|l| Block::new(l.to_string(), BlockKind::Paragraph))
            .collect()
    }

    #[test]
    fn recurring_blocks_are_marked_once_the_site_has_pages() {
        let mut t = SiteTemplates::default();
        let a = blocks(&[
            "Home News Sport",
            "First story text here.",
            "© 2024 Example",
        ]);
        let b = blocks(&[
            "Home  news sport!",
            "Another story entirely.",
            "© 2024 Example",
        ]);
        t.add_page("example.com".into(), &fingerprints(&a));
        assert_eq!(t.marks("example.com", &a), None, "one page has no template");
        t.add_page("example.com".into(), &fingerprints(&b));
        assert_eq!(t.marks("example.com", &b), Some(vec![true, false, true]));
        assert_eq!(t.marks("other.org", &b), None);
    }

    #[test]
    fn share_threshold_scales_with_site_size() {
        let mut t = SiteTemplates::default();
        for i in 0..20 {
            let mut lines = vec!["Site menu".to_string(), format!("Story {i} text.")];
            if i < 3 {
                lines.push("Rotating teaser".into());
            }
            let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
            t.add_page("s".into(), &fingerprints(&blocks(&refs)));
        }
        let probe = blocks(&["Site menu", "Rotating teaser"]);
        // On 20 of 20 pages: template; on 3 of 20 (< 30%): not.
        assert_eq!(t.marks("s", &probe), Some(vec![true, false]));
    }

    #[test]
    fn site_keys() {
        assert_eq!(
            site_key(Some("https://www.Example.com/a"), None, None).as_deref(),
            Some("example.com")
        );
        assert_eq!(
            site_key(None, Some("http://news.site.org/x"), Some("d/a.html")).as_deref(),
            Some("news.site.org")
        );
        assert_eq!(
            site_key(None, None, Some("d/a.html")).as_deref(),
            Some("dir:d")
        );
        assert_eq!(site_key(None, None, None), None);
    }
}
