//! A trie of whole words: the gazetteer's patterns as sequences of folded
//! tokens, walked from each token of a document.
//!
//! A pattern only ever matches whole tokens, and folded forms hold no
//! whitespace, so matching the words of ` tok1 tok2 … ` one by one finds
//! exactly what a byte automaton over the document's folded buffer (laid
//! out the same way) finds. Words are numbered once: a document costs one
//! hash look-up per token, and a step down the trie per token of a pattern
//! that has begun to match, instead of an automaton step per byte. Building
//! it is a hash insertion per word of each pattern, a small part of what
//! compiling an automaton costs.

use rustc_hash::FxHashMap;

/// The id of a word no pattern holds.
pub(super) const NO_WORD: u32 = u32::MAX;

/// No node (a missing child), or no pattern ending at a node.
const NONE: u32 = u32::MAX;

/// The root's index in `WordTrie::nodes`.
const ROOT: u32 = 0;

/// One node of the trie: a sequence of words that begins some pattern.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// The pattern that is exactly this sequence (`NONE`: none).
    pattern: u32,
    /// Whether some pattern continues past it: most patterns are one word,
    /// and their nodes need no look-up of the next word.
    has_children: bool,
}

/// The trie. See the module documentation.
#[derive(Debug, Clone)]
pub(super) struct WordTrie {
    /// Folded word → its id.
    words: WordIds,
    /// Per word id, the root's child for that word (`NONE`: no pattern
    /// starts with it). Every token asks, so this is a vector, not a map.
    roots: Vec<u32>,
    /// `(node << 32) | word` → child, for nodes below the root.
    children: FxHashMap<u64, u32>,
    /// The nodes, the root first.
    nodes: Vec<Node>,
    /// The number of patterns.
    patterns: usize,
}

impl Default for WordTrie {
    fn default() -> WordTrie {
        WordTrie {
            words: WordIds::default(),
            roots: Vec::new(),
            children: FxHashMap::default(),
            nodes: vec![Node {
                pattern: NONE,
                has_children: false,
            }],
            patterns: 0,
        }
    }
}

impl WordTrie {
    /// An empty trie with room for `words` words and nodes.
    pub(super) fn with_capacity(words: usize) -> WordTrie {
        let mut trie = WordTrie::default();
        trie.words.short.reserve(words);
        trie.roots.reserve(words);
        trie.nodes.reserve(words);
        trie
    }

    /// The id of the pattern made of `words`, added as the next pattern
    /// (patterns are numbered in the order added) if it is not there yet,
    /// and whether it was added. A pattern of no words is never matched.
    pub(super) fn add<'w>(&mut self, words: impl IntoIterator<Item = &'w str>) -> (u32, bool) {
        let mut node = ROOT;
        for word in words {
            let word = self.intern(word);
            let child = if node == ROOT {
                self.roots[word as usize]
            } else {
                self.children
                    .get(&edge(node, word))
                    .copied()
                    .unwrap_or(NONE)
            };
            node = if child != NONE {
                child
            } else {
                let child = self.nodes.len() as u32;
                self.nodes.push(Node {
                    pattern: NONE,
                    has_children: false,
                });
                self.nodes[node as usize].has_children = true;
                if node == ROOT {
                    self.roots[word as usize] = child;
                } else {
                    self.children.insert(edge(node, word), child);
                }
                child
            };
        }
        let pattern = &mut self.nodes[node as usize].pattern;
        if *pattern != NONE {
            return (*pattern, false);
        }
        *pattern = self.patterns as u32;
        self.patterns += 1;
        (*pattern, true)
    }

    /// The id of `word`, given it a new one if it has none (a word no
    /// pattern holds may be given an id too, to be found by
    /// [`WordTrie::word`]: it starts no match).
    pub(super) fn intern(&mut self, word: &str) -> u32 {
        if let Some(id) = self.words.get(word) {
            return id;
        }
        let id = self.roots.len() as u32;
        self.words.insert(word, id);
        self.roots.push(NONE);
        id
    }

    /// The id of `word`, [`NO_WORD`] when no pattern holds it.
    #[inline]
    pub(super) fn word(&self, word: &str) -> u32 {
        self.words.get(word).unwrap_or(NO_WORD)
    }

    /// Calls `found(pattern)` for every pattern whose words are
    /// `words[start..start + k]` for some `k`, shortest first (`words` are
    /// the ids of a document's tokens, from [`WordTrie::word`]).
    #[inline]
    pub(super) fn matches_at(&self, words: &[u32], start: usize, mut found: impl FnMut(u32)) {
        let mut node = match words[start] {
            NO_WORD => return,
            word => self.roots[word as usize],
        };
        let mut next = start + 1;
        while node != NONE {
            let Node {
                pattern,
                has_children,
            } = self.nodes[node as usize];
            if pattern != NONE {
                found(pattern);
            }
            if !has_children || next == words.len() || words[next] == NO_WORD {
                return;
            }
            node = self
                .children
                .get(&edge(node, words[next]))
                .copied()
                .unwrap_or(NONE);
            next += 1;
        }
    }

    /// The number of words with an id (ids are `0..word_count()`).
    pub(super) fn word_count(&self) -> usize {
        self.roots.len()
    }

    /// The number of patterns added.
    pub(super) fn pattern_count(&self) -> usize {
        self.patterns
    }
}

/// Word → id, looked up once per token of every document. A word of at
/// most 16 bytes (nearly every French word) is keyed by its bytes packed
/// into integers ([`short_key`]): hashing and comparing them takes a few
/// instructions, where a `str` key is hashed byte run by byte run and
/// compared by a call to `memcmp`. Longer words are keyed by their text.
#[derive(Debug, Clone, Default)]
struct WordIds {
    short: FxHashMap<(u64, u64, u8), u32>,
    long: FxHashMap<Box<str>, u32>,
}

impl WordIds {
    #[inline]
    fn get(&self, word: &str) -> Option<u32> {
        match short_key(word.as_bytes()) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }

    fn insert(&mut self, word: &str, id: u32) {
        match short_key(word.as_bytes()) {
            Some(key) => self.short.insert(key, id),
            None => self.long.insert(word.into(), id),
        };
    }
}

/// The bytes of a word of at most 16 bytes as two integers and its
/// length: for a given length, the two integers hold every byte (loads
/// that overlap when the word is shorter than the integers), so two words
/// have the same key only if they are the same. `None` for a longer word.
#[inline]
fn short_key(w: &[u8]) -> Option<(u64, u64, u8)> {
    let n = w.len();
    let u64_at = |at: usize| u64::from_le_bytes(w[at..at + 8].try_into().expect("8 bytes"));
    let u32_at = |at: usize| u32::from_le_bytes(w[at..at + 4].try_into().expect("4 bytes"));
    let (a, b) = match n {
        17.. => return None,
        8.. => (u64_at(0), u64_at(n - 8)),
        4.. => (u64::from(u32_at(0)), u64::from(u32_at(n - 4))),
        1.. => (
            u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16,
            0,
        ),
        0 => (0, 0),
    };
    Some((a, b, n as u8))
}

/// The key of the edge from `node` down `word`.
#[inline]
fn edge(node: u32, word: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(trie: &WordTrie, text: &[&str], start: usize) -> Vec<u32> {
        let ids: Vec<u32> = text.iter().map(|w| trie.word(w)).collect();
        let mut out = Vec::new();
        trie.matches_at(&ids, start, |p| out.push(p));
        out
    }

    #[test]
    fn finds_every_pattern_starting_at_a_word_shortest_first() {
        let mut trie = WordTrie::default();
        assert_eq!(trie.add(["banque", "de", "france"]), (0, true));
        assert_eq!(trie.add(["banque"]), (1, true));
        assert_eq!(trie.add(["de"]), (2, true));
        assert_eq!(trie.add(["banque", "de"]), (3, true));
        assert_eq!(trie.add(["france", "televisions"]), (4, true));
        assert_eq!(trie.add(["banque", "de"]), (3, false));
        assert_eq!(trie.pattern_count(), 5);
        let text = ["la", "banque", "de", "france", "televisions"];
        assert_eq!(found(&trie, &text, 0), Vec::<u32>::new());
        assert_eq!(found(&trie, &text, 1), [1, 3, 0]);
        assert_eq!(found(&trie, &text, 2), [2]);
        assert_eq!(found(&trie, &text, 3), [4]);
        // A pattern cut by the end of the text, or by a word no pattern has.
        assert_eq!(found(&trie, &text[..4], 3), Vec::<u32>::new());
        assert_eq!(found(&trie, &["banque", "du", "france"], 0), [1]);
    }

    /// Words of every length up to and past the packed keys' 16 bytes,
    /// differing in one byte at every place: each keeps its own id.
    #[test]
    fn words_of_every_length_have_their_own_ids() {
        let mut trie = WordTrie::default();
        let mut words = Vec::new();
        for len in 0..20 {
            let base: Vec<u8> = (0..len).map(|k| b'a' + k as u8).collect();
            words.push(String::from_utf8(base.clone()).unwrap());
            for at in 0..len {
                let mut w = base.clone();
                w[at] = b'z';
                words.push(String::from_utf8(w).unwrap());
            }
        }
        words.extend(["é", "eé", "ée", "société", "sociétés", "ab\0", "ab"].map(String::from));
        let ids: Vec<u32> = words.iter().map(|w| trie.intern(w)).collect();
        let mut distinct = std::collections::HashMap::new();
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!(*distinct.entry(w.as_str()).or_insert(id), id, "{w:?}");
            assert_eq!(trie.word(w), id, "{w:?}");
        }
        let unique: std::collections::HashSet<u32> = ids.iter().copied().collect();
        let names: std::collections::HashSet<&str> = words.iter().map(String::as_str).collect();
        assert_eq!(unique.len(), names.len());
        assert_eq!(trie.word("zzzzzzzzzzzzzzzzzz"), NO_WORD);
        assert_eq!(trie.word("abcx"), NO_WORD);
    }

    #[test]
    fn a_word_inside_a_pattern_starts_nothing_by_itself() {
        let mut trie = WordTrie::default();
        trie.add(["jean", "dupont"]);
        assert_eq!(found(&trie, &["dupont"], 0), Vec::<u32>::new());
        assert_eq!(found(&trie, &["jean"], 0), Vec::<u32>::new());
        assert_eq!(found(&trie, &["jean", "dupont"], 0), [0]);
    }
}
