//! Fuzzes the number and money readers: `parse_digits`, `Extractor::parse_number`
//! and MONEY extraction alone must not panic, a digit number must read back the
//! same once printed, and every MONEY entity must have a currency and either a
//! value or both bounds.
#![no_main]

use frextract::recognize::number::parse_digits;
use frextract::{Extractor, Label};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| {
        Extractor::builder()
            .labels(&[Label::Money])
            .no_events(true)
            .build()
            .expect("the embedded lexicons are valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(v) = parse_digits(text) {
        // Printed with a decimal comma, the value reads back unchanged.
        let printed = v.to_string().replace('.', ",");
        assert_eq!(parse_digits(&printed), Some(v), "{text:?} → {printed:?}");
    }
    let _ = extractor().parse_number(text);
    for e in extractor().extract(text).entities {
        assert_eq!(e.label, Label::Money);
        let a = e.amount.as_ref().expect("MONEY has an amount");
        assert!(!a.currency.is_empty(), "{e:?}");
        assert!(
            a.value.is_some() != (a.min.is_some() && a.max.is_some()),
            "{e:?}"
        );
    }
});
