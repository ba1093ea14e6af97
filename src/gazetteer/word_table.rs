//! A read-only map from folded words to small values, for the one look-up
//! per token of [`super::Gazetteer::find`].
//!
//! A general hash map of strings costs three cache lines per look-up (the
//! control bytes, the bucket, the key on the heap) and a `memcmp`. Most
//! words are short: a word of 1 to 15 bytes is its own key here, packed with
//! its length into 16 bytes, and its slot holds the value too, so a look-up
//! is one multiply, one or two slot reads and two integer comparisons.
//! Longer (and empty) words go to an ordinary map.

use rustc_hash::FxHashMap;

/// Folded word → `V`.
#[derive(Debug, Clone)]
pub(super) struct WordTable<V> {
    /// Open addressing, linear probing; a zero key is an empty slot (a
    /// short key is never zero: its last byte is the length, at least 1).
    slots: Vec<([u64; 2], V)>,
    /// Right shift of the hash giving a slot index.
    shift: u32,
    /// The words that have no short key.
    long: FxHashMap<Box<str>, V>,
}

impl<V: Copy + Default> WordTable<V> {
    /// The table of `items` (each word once).
    pub(super) fn new(items: &[(&str, V)]) -> WordTable<V> {
        let bits = (items.len().max(1) * 2)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut table = WordTable {
            slots: vec![([0, 0], V::default()); 1 << bits],
            shift: 64 - bits,
            long: FxHashMap::default(),
        };
        let mask = table.slots.len() - 1;
        for &(word, value) in items {
            match short_key(word) {
                Some(key) => {
                    let mut i = table.slot_of(key);
                    while table.slots[i].0 != [0, 0] {
                        i = (i + 1) & mask;
                    }
                    table.slots[i] = (key, value);
                }
                None => {
                    table.long.insert(word.into(), value);
                }
            }
        }
        table
    }

    /// The value of `word`.
    #[inline]
    pub(super) fn get(&self, word: &str) -> Option<V> {
        let Some(key) = short_key(word) else {
            return self.long.get(word).copied();
        };
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key);
        loop {
            let (k, v) = &self.slots[i];
            if *k == key {
                return Some(*v);
            }
            if *k == [0, 0] {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn slot_of(&self, key: [u64; 2]) -> usize {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let h = (key[0].wrapping_mul(K) ^ key[1]).wrapping_mul(K);
        (h >> self.shift) as usize
    }
}

/// The bytes of a word of 1 to 15 bytes, zero-padded, with its length in
/// the last byte.
#[inline]
fn short_key(word: &str) -> Option<[u64; 2]> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    let mut k = [0u8; 16];
    k[..b.len()].copy_from_slice(b);
    k[15] = b.len() as u8;
    let (lo, hi) = k.split_at(8);
    Some([
        u64::from_le_bytes(lo.try_into().expect("8 bytes")),
        u64::from_le_bytes(hi.try_into().expect("8 bytes")),
    ])
}

#[cfg(test)]
mod tests {
    use super::WordTable;

    #[test]
    fn finds_every_word_and_only_them() {
        let words: Vec<String> = (0..3000)
            .map(|i| format!("w{i}"))
            .chain(
                [
                    "",
                    "a",
                    "é",
                    "\0",
                    "\0\0",
                    "quinze-octets-x",
                    "seize-octets-xyz",
                ]
                .map(String::from),
            )
            .chain(["long".repeat(10)])
            .collect();
        let items: Vec<(&str, u32)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_str(), i as u32))
            .collect();
        let table = WordTable::new(&items);
        for &(w, v) in &items {
            assert_eq!(table.get(w), Some(v), "{w:?}");
        }
        for absent in [
            "w3000",
            "b",
            "\0\0\0",
            "quinze-octets-y",
            "seize-octets-xyy",
            "W1",
            "w1 ",
        ] {
            assert_eq!(table.get(absent), None, "{absent:?}");
        }
        assert_eq!(WordTable::<u32>::new(&[]).get("x"), None);
    }
}
