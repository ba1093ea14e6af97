//! The library in a few lines: extract the entities of a text and print them.
//!
//! ```sh
//! cargo run --release --example quickstart -- "Le PDG Luc Marin a levé 12 M€ pour Biolume SAS."
//! ```

use frextract::Extractor;

fn main() {
    let text = std::env::args().nth(1).unwrap_or_else(|| {
        "Greg Brockman, président d'OpenAI, prend un congé. L'entreprise aurait dépensé quelque 1,4 milliard de dollars.".to_string()
    });
    let extractor = Extractor::new();
    let doc = extractor.extract(&text);
    for e in &doc.entities {
        let value = e
            .amount
            .as_ref()
            .map(|a| format!(" {a:?}"))
            .unwrap_or_default();
        println!(
            "{:<7} {:<40} canonical={:?} source={}{}",
            e.label,
            e.text,
            e.canonical.as_deref().unwrap_or(""),
            e.source,
            value
        );
    }
}
