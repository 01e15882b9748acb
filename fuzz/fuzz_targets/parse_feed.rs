//! Any bytes as an RSS/Atom/JSON feed: parsing, link resolution and entry selection.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nashra::sources::feed::{parse_feed, select_entries, EntryFilter};

fuzz_target!(|data: &[u8]| {
    if let Ok(entries) = parse_feed(data, Some("https://news.example/feed.xml")) {
        for entry in &entries {
            // Only http(s) links ever leave the feed parser.
            if let Some(link) = &entry.link {
                assert!(link.starts_with("http://") || link.starts_with("https://"), "{link}");
            }
        }
        let _ = select_entries(entries, &EntryFilter::default());
    }
});
