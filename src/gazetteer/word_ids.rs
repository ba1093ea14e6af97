//! Folded word → word id: the look-up the gazetteer does for every token
//! of every document.
//!
//! A general hash map of strings hashes every byte of the word and then
//! compares the found key with a call to `memcmp`, about two hundred
//! instructions per token. Words are short (almost all under 17 bytes),
//! so this table keys a word by its length and two integers read from its
//! first and last bytes, which for such words say the whole word: the
//! hash is a multiplication, and a comparison of three integers (plus the
//! bytes, for longer words) tells a word from another. Open addressing
//! with linear probing; the table is at most half full.

/// The id of a word that is not in the table.
pub(super) const NO_WORD: u32 = u32::MAX;

/// A word's length and the two integers that, with it, say a word of up
/// to 16 bytes whole (see [`key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    len: u32,
    head: u64,
    tail: u64,
}

/// The word ids. See the module documentation.
#[derive(Debug, Clone)]
pub(super) struct WordIds {
    /// Per id, the word's key and where its bytes are in `bytes`.
    words: Vec<(Key, u32)>,
    /// The words' bytes, one after the other.
    bytes: String,
    /// Open-addressing slots: 0 for none, else the word id + 1.
    slots: Vec<u32>,
    /// `slots.len() - 1` (a power of two minus one).
    mask: usize,
}

impl Default for WordIds {
    fn default() -> WordIds {
        WordIds {
            words: Vec::new(),
            bytes: String::new(),
            slots: vec![0; 16],
            mask: 15,
        }
    }
}

impl WordIds {
    /// The number of words (their ids are `0..len()`).
    pub(super) fn len(&self) -> usize {
        self.words.len()
    }

    /// The id of `word`, [`NO_WORD`] if it has none.
    #[inline]
    pub(super) fn get(&self, word: &str) -> u32 {
        let key = key(word.as_bytes());
        let mut slot = hash(&key) & self.mask;
        loop {
            match self.slots[slot] {
                0 => return NO_WORD,
                id => {
                    let id = id - 1;
                    if self.is(id, &key, word) {
                        return id;
                    }
                }
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// The id of `word`, a new one (the next) if it has none.
    pub(super) fn intern(&mut self, word: &str) -> u32 {
        match self.get(word) {
            NO_WORD => {}
            id => return id,
        }
        if 2 * (self.words.len() + 1) > self.slots.len() {
            self.grow();
        }
        let id = self.words.len() as u32;
        let key = key(word.as_bytes());
        self.words.push((key, self.bytes.len() as u32));
        self.bytes.push_str(word);
        self.place(id);
        id
    }

    /// Whether word `id` is `word`, whose key is `key`.
    #[inline]
    fn is(&self, id: u32, key: &Key, word: &str) -> bool {
        let (k, start) = self.words[id as usize];
        k == *key
            && (word.len() <= 16
                || &self.bytes[start as usize..start as usize + word.len()] == word)
    }

    /// Puts word `id` in the first free slot from its hash.
    fn place(&mut self, id: u32) {
        let mut slot = hash(&self.words[id as usize].0) & self.mask;
        while self.slots[slot] != 0 {
            slot = (slot + 1) & self.mask;
        }
        self.slots[slot] = id + 1;
    }

    /// Doubles the slots and places every word again.
    fn grow(&mut self) {
        let size = 2 * self.slots.len();
        self.slots = vec![0; size];
        self.mask = size - 1;
        for id in 0..self.words.len() as u32 {
            self.place(id);
        }
    }
}

/// The key of a word: its length, and its first and last eight bytes (for
/// words under eight bytes, its first and last four, or three of its
/// bytes), which say a word of up to 16 bytes whole.
#[inline]
fn key(b: &[u8]) -> Key {
    let n = b.len();
    let (head, tail) = if n >= 8 {
        (read_u64(b, 0), read_u64(b, n - 8))
    } else if n >= 4 {
        (u64::from(read_u32(b, 0)), u64::from(read_u32(b, n - 4)))
    } else if n > 0 {
        let three = u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16;
        (three, 0)
    } else {
        (0, 0)
    };
    Key {
        len: n as u32,
        head,
        tail,
    }
}

/// A slot for `key` (to be masked).
#[inline]
fn hash(key: &Key) -> usize {
    let mixed = (key.head ^ key.tail.rotate_left(29) ^ u64::from(key.len))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 32) as usize
}

#[inline]
fn read_u64(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"))
}

#[inline]
fn read_u32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_every_length_get_their_own_ids() {
        // Words that share their first and last bytes, lengths 0 to 40.
        let mut words: Vec<String> = Vec::new();
        for n in 0..=40 {
            for middle in ['a', 'b', 'é'] {
                let mut w = "x".repeat(n);
                if n > 2 {
                    w.replace_range(n / 2..n / 2 + 1, "");
                    w.insert(n / 2, middle);
                }
                if !words.contains(&w) {
                    words.push(w);
                }
            }
        }
        let mut ids = WordIds::default();
        for (k, w) in words.iter().enumerate() {
            assert_eq!(ids.intern(w), k as u32, "{w:?}");
        }
        assert_eq!(ids.len(), words.len());
        for (k, w) in words.iter().enumerate() {
            assert_eq!(ids.get(w), k as u32, "{w:?}");
            assert_eq!(ids.intern(w), k as u32, "{w:?}");
        }
        for absent in [
            "y",
            "xy",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxc",
        ] {
            assert_eq!(ids.get(absent), NO_WORD, "{absent:?}");
        }
    }

    #[test]
    fn many_words_survive_growing() {
        let mut ids = WordIds::default();
        for i in 0..5000 {
            assert_eq!(ids.intern(&format!("mot{i}")), i);
        }
        for i in 0..5000 {
            assert_eq!(ids.get(&format!("mot{i}")), i);
        }
        assert_eq!(ids.get("mot5000"), NO_WORD);
    }
}
