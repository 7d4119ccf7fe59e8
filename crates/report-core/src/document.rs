//! The text as the stages see it: the original characters (for display and for every
//! string the summary quotes), the folded characters (for matching), and the lines.
//! Both char vectors have the same length, so one index means the same place in both.

use crate::chars::is_space;
use crate::lines::{split_lines, Line, LineKind};
use crate::normalize::normalize;

pub struct Document {
    pub original: Vec<char>,
    pub folded: Vec<char>,
    pub lines: Vec<Line>,
}

impl Document {
    pub fn new(text: &str) -> Document {
        let original: Vec<char> = text.chars().collect();
        let folded = normalize(&original);
        let lines = split_lines(&folded);
        Document { original, folded, lines }
    }

    /// The original text of `start..end`.
    pub fn original_str(&self, start: usize, end: usize) -> String {
        self.original[start.min(self.original.len())..end.min(self.original.len())].iter().collect()
    }

    /// The folded text of `start..end`, zero-width characters removed.
    pub fn folded_str(&self, start: usize, end: usize) -> String {
        self.folded[start.min(self.folded.len())..end.min(self.folded.len())]
            .iter()
            .filter(|&&c| c != crate::normalize::IGNORABLE)
            .collect()
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
