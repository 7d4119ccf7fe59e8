//! The text as the stages see it: the original characters (for display and for every
//! string the summary quotes), the folded characters (for matching), and the lines.
//! Both char vectors have the same length, so one index means the same place in both.

use crate::chars::is_space;
use crate::lines::{split_lines, Line, LineKind};
use crate::normalize::{fold_text, FoldedText, ScriptVote};

pub struct Document {
    pub original: Vec<char>,
    pub folded: Vec<char>,
    pub lines: Vec<Line>,
    /// The script vote of the whole text, counted while folding it (for the frame).
    pub script_vote: ScriptVote,
}

impl Document {
    pub fn new(text: &str) -> Document {
        let FoldedText { original, folded, vote } = fold_text(text);
        let lines = split_lines(&folded);
        Document { original, folded, lines, script_vote: vote }
    }

    /// The original text of `start..end`.
    pub fn original_str(&self, start: usize, end: usize) -> String {
        chars_to_string(&self.original[start.min(self.original.len())..end.min(self.original.len())], |_| true)
    }

    /// The folded text of `start..end`, zero-width characters removed.
    pub fn folded_str(&self, start: usize, end: usize) -> String {
        chars_to_string(&self.folded[start.min(self.folded.len())..end.min(self.folded.len())], |c| c != crate::normalize::IGNORABLE)
    }

    /// Lines that carry prose (not blank, metadata or page chrome).
    pub fn text_lines(&self) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(|l| l.kind == LineKind::Text)
    }

    /// `start..end` without leading and trailing spaces.
    pub fn trim(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        while start < end && is_space(self.folded[start]) {
            start += 1;
        }
        while end > start && is_space(self.folded[end - 1]) {
            end -= 1;
        }
        (start, end)
    }
}

/// The chars of `chars` that `keep`, as a string allocated once at its final size: these
/// strings are made for every heading and figure, and collecting chars one by one grows the
/// string several times.
fn chars_to_string(chars: &[char], keep: impl Fn(char) -> bool) -> String {
    let bytes = chars.iter().filter(|&&c| keep(c)).map(|c| c.len_utf8()).sum();
    let mut out = String::with_capacity(bytes);
    out.extend(chars.iter().filter(|&&c| keep(c)));
    out
}
