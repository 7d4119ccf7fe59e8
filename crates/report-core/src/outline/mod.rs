//! Stage 4 — the outline: headings and how they nest.
//!
//! [`marker`] finds a numbering marker at the start of a line; this module turns the
//! marked lines into headings (the title is the first sentence: a heading's body often
//! follows on the same line) and nests them by level (`一、` › `（一）` › `1.` › `（1）` ›
//! `①`). A level may be missing (a report that starts at `（一）` has no `一、` above it):
//! a heading's parent is simply the nearest preceding heading of a higher level.
//! Enumerations inside a paragraph (`一是…二是…`) are items, not headings.
//!
//! Numbering is kept as printed; gaps, duplicates, restarts and a first number other than
//! one are reported as [`NumberingIssue`]s, per group of siblings of one style.

use crate::document::Document;
use crate::lines::LineKind;
use crate::markers::{heading_title, MarkerKind};

/// A heading, flat; `parent` and `extent` give the tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    pub kind: MarkerKind,
    pub level: u8,
    /// The marker as printed (`（一）`).
    pub marker: String,
    pub number: u32,
    /// The title as printed: the first sentence after the marker.
    pub title: String,
    /// The title, folded (for matching).
    pub title_folded: String,
    /// 1-based line.
    pub line: usize,
    /// Marker start to title end, in chars.
    pub span: (usize, usize),
    /// Index of the parent heading in [`Outline::headings`].
    pub parent: Option<usize>,
    /// From the heading to the next heading of the same or a higher level (or the end of
    /// the body): the part of the text this heading governs.
    pub extent: (usize, usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssueKind {
    /// The first heading of a group is not number 1.
    Start,
    /// A number was skipped.
    Gap,
    /// The same number twice.
    Duplicate,
    /// A number smaller than the one before.
    Order,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NumberingIssue {
    pub kind: IssueKind,
    /// The heading where the issue shows.
    pub heading: usize,
    pub expected: u32,
    pub found: u32,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outline {
    pub headings: Vec<Heading>,
    pub issues: Vec<NumberingIssue>,
    /// For each heading, the indices of its children.
    children: Vec<Vec<usize>>,
}

impl Outline {
    /// Builds the outline of the body: the prose lines that the lines stage found a
    /// marker on, up to `body_end` (a char offset: where the signature starts).
    ///
    /// `table_lines` (sorted) are table rows of a kind whose tables are read as tables: their
    /// row labels (`一、本年新收…`) are not headings.
    pub fn build(doc: &Document, body_end: usize, table_lines: &[usize]) -> Outline {
        let heading_lines = || {
            doc.lines.iter().filter(|l| {
                l.kind == LineKind::Text && l.marker.is_some() && l.start < body_end && table_lines.binary_search(&l.number).is_err()
            })
        };
        // Sized once: a large report has tens of thousands of headings, and growing the
        // vector by doubling copied it again and again into memory the system had to zero.
        let mut headings: Vec<Heading> = Vec::with_capacity(heading_lines().count());
        let mut stack: Vec<usize> = Vec::new();
        for line in heading_lines() {
            let Some(m) = &line.marker else {
                continue;
            };
            let (title_start, title_end) = heading_title(&doc.folded, m.end, line.end);
            let level = m.kind.level();
            while stack.last().is_some_and(|&top| headings[top].level >= level) {
                stack.pop();
            }
            let parent = stack.last().copied();
            stack.push(headings.len());
            headings.push(Heading {
                kind: m.kind,
                level,
                marker: doc.original_str(m.start, m.end),
                number: m.number,
                title: doc.original_str(title_start, title_end),
                title_folded: doc.folded_str(title_start, title_end),
                line: line.number,
                span: (m.start, title_end.max(m.end)),
                parent,
                extent: (m.start, 0),
            });
        }
        let end = body_end.min(doc.char_count());
        set_extents(&mut headings, end);
        let issues = numbering_issues(&headings);
        let mut children = vec![Vec::new(); headings.len()];
        for (i, h) in headings.iter().enumerate() {
            if let Some(p) = h.parent {
                children[p].push(i);
            }
        }
        Outline { headings, issues, children }
    }

    /// Indices of the headings without a parent.
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        self.headings.iter().enumerate().filter(|(_, h)| h.parent.is_none()).map(|(i, _)| i)
    }

    /// Indices of the children of heading `i`.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.children[i].iter().copied()
    }

    /// The innermost heading whose extent contains `pos`: the last heading starting at or
    /// before `pos`, or the nearest of its ancestors still open there.
    /// The headings as a tree, made by `node` from each heading and its children's nodes.
    /// Consumes the outline: its strings move into the tree rather than being copied.
    pub fn into_tree<T>(self, mut node: impl FnMut(Heading, Vec<T>) -> T) -> Vec<T> {
        // A heading's children come after it, so going from the last heading to the first
        // finds every child's node made before its parent's. The nodes left are the roots.
        let mut made: Vec<Option<T>> = std::iter::repeat_with(|| None).take(self.headings.len()).collect();
        for (i, h) in self.headings.into_iter().enumerate().rev() {
            let children = self.children[i].iter().filter_map(|&c| made[c].take()).collect();
            made[i] = Some(node(h, children));
        }
        made.into_iter().flatten().collect()
    }

    pub fn innermost_at(&self, pos: usize) -> Option<usize> {
        let mut i = self.headings.partition_point(|h| h.span.0 <= pos).checked_sub(1)?;
        loop {
            if self.headings[i].extent.1 > pos {
                return Some(i);
            }
            i = self.headings[i].parent?;
        }
    }
}

/// Each heading's extent ends where the next heading of the same or a higher level starts:
/// one pass with a stack of open headings (linear, whatever the nesting).
fn set_extents(headings: &mut [Heading], body_end: usize) {
    let mut open: Vec<usize> = Vec::new();
    for i in 0..headings.len() {
        let (level, start) = (headings[i].level, headings[i].span.0);
        while let Some(&top) = open.last() {
            if headings[top].level < level {
                break;
            }
            headings[top].extent.1 = start.max(headings[top].span.1);
            open.pop();
        }
        open.push(i);
    }
    for i in open {
        headings[i].extent.1 = body_end.max(headings[i].span.1);
    }
}

/// Checks numbering within each group of siblings of one style.
fn numbering_issues(headings: &[Heading]) -> Vec<NumberingIssue> {
    // The last number of each group, by parent (index 0 for the top, i + 1 under heading
    // i) and style: a table indexed directly rather than a hash map, whose hashing was a
    // sixth of the outline stage on a large report.
    const STYLES: usize = MarkerKind::Circled as usize + 1;
    let mut last: Vec<[Option<u32>; STYLES]> = vec![[None; STYLES]; headings.len() + 1];
    let mut issues = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        let group = &mut last[h.parent.map_or(0, |p| p + 1)][h.kind as usize];
        let issue = match *group {
            None if h.number != 1 => Some((IssueKind::Start, 1)),
            None => None,
            Some(prev) if h.number == prev => Some((IssueKind::Duplicate, prev + 1)),
            Some(prev) if h.number < prev => Some((IssueKind::Order, prev + 1)),
            Some(prev) if h.number > prev + 1 => Some((IssueKind::Gap, prev + 1)),
            Some(_) => None,
        };
        if let Some((kind, expected)) = issue {
            issues.push(NumberingIssue { kind, heading: i, expected, found: h.number });
        }
        *group = Some(h.number);
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_level_and_numbering_issues() {
        let o = outline("（一）加强领导。全年…\n二、存在问题\n（一）意识不强\n（三）队伍薄弱");
        let titles: Vec<_> = o.headings.iter().map(|h| (h.level, h.title.as_str())).collect();
        assert_eq!(titles, [(2, "加强领导"), (1, "存在问题"), (2, "意识不强"), (2, "队伍薄弱")]);
        assert_eq!(o.headings[2].parent, Some(1));
        assert_eq!(o.issues.len(), 2); // 二、 without 一、; （三） after （一）
    }

    fn outline(text: &str) -> Outline {
        {
            let doc = Document::new(text);
            Outline::build(&doc, usize::MAX, &[])
        }
    }

    #[test]
    fn nests_by_level_and_titles_stop_at_the_first_sentence() {
        let o = outline("一、主要举措和成效\n（一）加强领导：成立领导小组。\n1.健全制度。一是……二是……\n（1）学法\n二、存在的不足和原因");
        let got: Vec<_> = o.headings.iter().map(|h| (h.level, h.title.as_str(), h.parent)).collect();
        assert_eq!(
            got,
            [
                (1, "主要举措和成效", None),
                (2, "加强领导", Some(0)),
                (3, "健全制度", Some(1)),
                (4, "学法", Some(2)),
                (1, "存在的不足和原因", None)
            ]
        );
        assert!(o.issues.is_empty());
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "前言\r\n（一） 加強領導。全年";
        let doc = Document::new(text);
        let o = Outline::build(&doc, usize::MAX, &[]);
        let h = &o.headings[0];
        assert_eq!(h.marker, "（一）");
        assert_eq!(h.title, "加強領導");
        assert_eq!(h.title_folded, "加强领导");
        assert_eq!(doc.original_str(h.span.0, h.span.1), "（一） 加強領導");
        assert_eq!(h.line, 2);
    }

    #[test]
    fn extents_run_to_the_next_heading_of_the_same_or_higher_level() {
        let text = "一、甲\n（一）乙\n正文\n二、丙\n正文";
        let o = outline(text);
        let chars: Vec<char> = text.chars().collect();
        let s = |(a, b): (usize, usize)| chars[a..b].iter().collect::<String>();
        assert_eq!(s(o.headings[0].extent), "一、甲\n（一）乙\n正文\n");
        assert_eq!(s(o.headings[1].extent), "（一）乙\n正文\n");
        assert_eq!(s(o.headings[2].extent), "二、丙\n正文");
        assert_eq!(o.innermost_at(text.chars().position(|c| c == '正').unwrap()), Some(1));
    }

    #[test]
    fn numbering_problems_are_reported_not_repaired() {
        let o = outline("二、甲\n四、乙\n四、丙\n三、丁");
        let kinds: Vec<_> = o.issues.iter().map(|i| (i.kind, i.expected, i.found)).collect();
        assert_eq!(kinds, [(IssueKind::Start, 1, 2), (IssueKind::Gap, 3, 4), (IssueKind::Duplicate, 5, 4), (IssueKind::Order, 5, 3)]);
        assert_eq!(o.headings.iter().map(|h| h.number).collect::<Vec<_>>(), [2, 4, 4, 3]);
    }

    #[test]
    fn sibling_groups_restart_under_each_parent() {
        let o = outline("一、甲\n（一）a\n（二）b\n二、乙\n（一）c\n（二）d");
        assert!(o.issues.is_empty());
    }

    #[test]
    fn enumerations_and_metadata_are_not_headings() {
        let o = outline("发布时间：2025-01-01\n一是加强学习；二是完善制度。\n2024年，全镇共开展培训3次。");
        assert!(o.headings.is_empty());
    }
}
