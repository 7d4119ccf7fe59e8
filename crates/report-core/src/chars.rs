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

/// Whether `c` is a Han character (CJK Unified Ideographs, Extension A, compatibility,
/// Extension B and later).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_at_respects_the_end() {
        let c: Vec<char> = "第一部分".chars().collect();
        assert!(starts_with_at(&c, 2, 4, "部分"));
        assert!(!starts_with_at(&c, 2, 3, "部分"));
        assert!(!starts_with_at(&c, 3, 9, "部分"));
        assert!(starts_with_at(&c, 9, 9, ""));
    }
}
