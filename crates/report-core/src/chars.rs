//! Small helpers on char slices that several stages share.

/// Whether `chars[at..end]` starts with `word`.
pub fn starts_with_at(chars: &[char], at: usize, end: usize, word: &str) -> bool {
    let end = end.min(chars.len());
    let mut k = at;
    word.chars().all(|w| {
        let ok = k < end && chars[k] == w;
        k += 1;
        ok
    })
}

/// Whether `c` is a space the stages skip: a space, an ideographic space or an ignorable
/// (zero-width) character.
pub fn is_space(c: char) -> bool {
    c == ' ' || c == crate::normalize::IGNORABLE || c == '\u{3000}'
}

/// Whether `c` is a Han character (CJK Unified Ideographs, Extension A, compatibility,
/// Extension B and later).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// A set of chars of the Basic Multilingual Plane as a bit set, for the tests scanners ask
/// of every char of prose: membership is one lookup, whatever the set's size.
pub struct BmpSet(Box<[u64; 0x10000 / 64]>);

impl BmpSet {
    /// The BMP chars for which `member` holds (chars beyond the BMP are never members).
    pub fn of(member: impl Fn(char) -> bool) -> BmpSet {
        let mut bits = Box::new([0u64; 0x10000 / 64]);
        for c in (0..0x10000).filter_map(char::from_u32).filter(|&c| member(c)) {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
        BmpSet(bits)
    }

    /// The set of `chars` (those beyond the BMP are left out).
    pub fn of_chars(chars: impl IntoIterator<Item = char>) -> BmpSet {
        let mut bits = Box::new([0u64; 0x10000 / 64]);
        for c in chars.into_iter().filter(|&c| (c as u32) < 0x10000) {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
        BmpSet(bits)
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let cp = c as usize;
        cp < 0x10000 && self.0[cp / 64] & (1 << (cp % 64)) != 0
    }
}

/// A set of words with a value each, for finding the longest word starting (or ending) at
/// a position in O(words sharing that first char). Built once per word list.
pub struct WordMap<V> {
    /// (key char, word, value), sorted by key char, longer words first.
    entries: Vec<(char, Vec<char>, V)>,
    /// A quick filter before the binary search: bit `c % 1024` is set for every key char
    /// `c`, so most chars of prose, which start no word, are turned away in one lookup.
    key_bits: [u64; 16],
    /// Keyed by the word's last char instead of its first.
    by_last: bool,
}

impl<V: Copy> WordMap<V> {
    /// Indexed by first char, for [`WordMap::longest_at`].
    pub fn new(words: impl IntoIterator<Item = (&'static str, V)>) -> WordMap<V> {
        WordMap::build(words, false)
    }

    /// Indexed by last char, for [`WordMap::ends`].
    pub fn new_by_last(words: impl IntoIterator<Item = (&'static str, V)>) -> WordMap<V> {
        WordMap::build(words, true)
    }

    fn build(words: impl IntoIterator<Item = (&'static str, V)>, by_last: bool) -> WordMap<V> {
        let mut entries: Vec<(char, Vec<char>, V)> = words
            .into_iter()
            .filter_map(|(w, v)| {
                let chars: Vec<char> = w.chars().collect();
                let key = if by_last { *chars.last()? } else { *chars.first()? };
                Some((key, chars, v))
            })
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
        let mut key_bits = [0u64; 16];
        for e in &entries {
            let bit = e.0 as usize % 1024;
            key_bits[bit / 64] |= 1 << (bit % 64);
        }
        WordMap { entries, key_bits, by_last }
    }

    fn with_key(&self, key: char) -> impl Iterator<Item = &(char, Vec<char>, V)> {
        let bit = key as usize % 1024;
        let maybe_key = self.key_bits[bit / 64] & (1 << (bit % 64)) != 0;
        let from = if maybe_key { self.entries.partition_point(|e| e.0 < key) } else { self.entries.len() };
        self.entries[from..].iter().take_while(move |e| e.0 == key)
    }

    /// The longest word starting at `at` (and ending by `end`): its length and value.
    pub fn longest_at(&self, chars: &[char], at: usize, end: usize) -> Option<(usize, V)> {
        debug_assert!(!self.by_last);
        let end = end.min(chars.len());
        let first = *chars.get(at).filter(|_| at < end)?;
        self.with_key(first).find(|e| chars[at..end].starts_with(&e.1)).map(|e| (e.1.len(), e.2))
    }

    /// The longest word that `chars` ends with: its length and value.
    pub fn ends(&self, chars: &[char]) -> Option<(usize, V)> {
        debug_assert!(self.by_last);
        let last = *chars.last()?;
        self.with_key(last).find(|e| chars.ends_with(&e.1)).map(|e| (e.1.len(), e.2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_maps_find_the_longest_word() {
        let m = WordMap::new([("人", 1), ("人次", 2), ("次", 3)]);
        let c: Vec<char> = "3人次".chars().collect();
        assert_eq!(m.longest_at(&c, 1, 3), Some((2, 2)));
        assert_eq!(m.longest_at(&c, 1, 2), Some((1, 1)));
        assert_eq!(m.longest_at(&c, 0, 3), None);
        let e = WordMap::new_by_last([("共", ()), ("共计", ())]);
        let c: Vec<char> = "全年共计".chars().collect();
        assert_eq!(e.ends(&c), Some((2, ())));
        assert_eq!(e.ends(&c[..3]), Some((1, ())));
    }

    #[test]
    fn starts_with_at_respects_the_end() {
        let c: Vec<char> = "第一部分".chars().collect();
        assert!(starts_with_at(&c, 2, 4, "部分"));
        assert!(!starts_with_at(&c, 2, 3, "部分"));
        assert!(!starts_with_at(&c, 3, 9, "部分"));
        assert!(starts_with_at(&c, 9, 9, ""));
    }
}
