//! Fuzzes the whole pipeline: `Extractor::extract` on any UTF-8 text must not
//! panic and must return spans that lie on char boundaries and match the text.
#![no_main]

use frextract::Extractor;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::new)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = extractor().extract(text);
    for e in &doc.entities {
        assert!(e.start < e.end && e.end <= text.len(), "{e:?}");
        assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()), "{e:?}");
        assert_eq!(text[..e.start].chars().count(), e.char_start, "{e:?}");
        assert_eq!(e.char_start + e.text.chars().count(), e.char_end, "{e:?}");
    }
    for ev in &doc.events {
        for t in std::iter::once(&ev.trigger).chain(&ev.evidence) {
            assert_eq!(text.get(t.start..t.end), Some(t.text.as_str()), "{t:?}");
        }
        for arg in ev.args.values() {
            let ids = match arg {
                frextract::Arg::One(id) => std::slice::from_ref(id),
                frextract::Arg::Many(ids) => ids.as_slice(),
            };
            assert!(ids.iter().all(|id| doc.entity(id).is_some()), "{ev:?}");
        }
    }
});
