//! The text as the stages see it: the folded characters (for matching), the original
//! characters (for display and for every string the summary quotes), and the lines.
//! Folding maps each char to one char, so one index means the same place in both.

use crate::chars::is_space;
use crate::lines::{split_lines_at, Line, LineKind};
use crate::normalize::{fold_text, FoldedText, ScriptVote};

/// How many chars a block of [`Document::unfolded_by_block`] covers.
const BLOCK: usize = 1024;

pub struct Document {
    pub folded: Vec<char>,
    /// The original text, as the chars that folding changed: `(position, original char)`,
    /// by position; every other char is its folded form. Few chars of a report change
    /// (full-width punctuation, Traditional characters), and a second vector of every
    /// char cost a quarter of the analysis in writing and paging it in.
    /// Positions are `u32` (a text has fewer than 4 Gi chars: the vector of its chars
    /// alone would need 16 GB): entries of 8 bytes rather than 16, and there is one for
    /// every full-width comma.
    unfolded: Vec<(u32, char)>,
    /// For each block of [`BLOCK`] chars, where its entries in `unfolded` start (one more
    /// entry at the end): a look-up searches one block's entries, a few cache lines, rather
    /// than the whole list.
    unfolded_by_block: Vec<usize>,
    pub lines: Vec<Line>,
    /// The script vote of the whole text, counted while folding it (for the frame).
    pub script_vote: ScriptVote,
}

impl Document {
    pub fn new(text: &str) -> Document {
        Document::from_folded(fold_text(text))
    }

    /// The document of a text already folded (see `normalize::Folder`).
    pub fn from_folded(folded: FoldedText) -> Document {
        let FoldedText { folded, unfolded, vote, line_breaks } = folded;
        let lines = split_lines_at(&folded, &line_breaks);
        // One pass over the sorted entries (a binary search per block cost more).
        let mut unfolded_by_block = Vec::with_capacity(folded.len() / BLOCK + 2);
        let mut entry = 0;
        for block in 0..=folded.len() / BLOCK + 1 {
            while unfolded.get(entry).is_some_and(|&(p, _)| (p as usize) < block * BLOCK) {
                entry += 1;
            }
            unfolded_by_block.push(entry);
        }
        Document { folded, unfolded, unfolded_by_block, lines, script_vote: vote }
    }

    /// The lines, the rest of the document freed.
    pub fn into_lines(self) -> Vec<Line> {
        self.lines
    }

    /// How many chars the text has.
    pub fn char_count(&self) -> usize {
        self.folded.len()
    }

    /// The original char at `k`.
    pub fn original_at(&self, k: usize) -> char {
        match self.unfolded_in(k, k + 1) {
            [(_, c)] => *c,
            _ => self.folded[k],
        }
    }

    /// The chars of `start..end` that folding changed (see `unfolded`); `start` is within
    /// the text.
    fn unfolded_in(&self, start: usize, end: usize) -> &[(u32, char)] {
        let block = start / BLOCK;
        let in_block = self.unfolded_by_block[block]..self.unfolded_by_block[block + 1];
        let first = in_block.start + self.unfolded[in_block].partition_point(|&(p, _)| (p as usize) < start);
        // The strings asked for are short: their changed chars are a few entries on.
        let count = self.unfolded[first..].iter().take_while(|&&(p, _)| (p as usize) < end).count();
        &self.unfolded[first..first + count]
    }

    /// The original chars of `start..end` (within the text).
    pub fn original_chars(&self, start: usize, end: usize) -> impl Iterator<Item = char> + '_ {
        let (start, end) = (start.min(self.char_count()), end.min(self.char_count()));
        let mut changed = self.unfolded_in(start, end).iter().peekable();
        (start..end).map(move |k| match changed.next_if(|&&(p, _)| p as usize == k) {
            Some(&(_, c)) => c,
            None => self.folded[k],
        })
    }

    /// The original text of `start..end`: the folded chars, with the changed ones put back.
    pub fn original_str(&self, start: usize, end: usize) -> String {
        let (start, end) = (start.min(self.char_count()), end.min(self.char_count()));
        let changed = self.unfolded_in(start, end);
        // Sized first: these strings are made for every heading and figure, and growing
        // them char by char would allocate several times.
        let folded_bytes: usize = self.folded[start..end].iter().map(|c| c.len_utf8()).sum();
        let original_bytes = changed.iter().map(|&(_, c)| c.len_utf8()).sum::<usize>() + folded_bytes
            - changed.iter().map(|&(p, _)| self.folded[p as usize].len_utf8()).sum::<usize>();
        let mut out = String::with_capacity(original_bytes);
        let mut from = start;
        for &(p, c) in changed {
            let p = p as usize;
            out.extend(&self.folded[from..p]);
            out.push(c);
            from = p + 1;
        }
        out.extend(&self.folded[from..end]);
        out
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
