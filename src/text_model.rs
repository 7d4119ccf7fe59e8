//! What the text view draws, derived once per report from the analysis: for each line its
//! kind (prose, metadata, page chrome), the required part it belongs to, and the marks on
//! it (headings by level, figures). Pure data; the view renders a window of it.

use report_core::kinds::PartId;
use report_core::lines::{Line, LineKind};
use report_core::Summary;

/// The text view's model: the lines as the analysis gave them, every mark with its line,
/// and each part's run of lines. Kept compact (no value per line beyond its span): a huge
/// report has hundreds of thousands of lines and the page builds this in one task; the
/// view asks for the [`LineView`] of the few lines it draws.
#[derive(Clone, Debug, PartialEq)]
pub struct TextModel {
    lines: Vec<LineSpan>,
    /// Every mark with the index of its line, by line, then by start.
    marks: Vec<(usize, Mark)>,
    /// Each part's lines `[first, end)`, in the order of `summary.sections` (a later part
    /// wins where two overlap).
    parts: Vec<(usize, usize, PartId)>,
}

/// One line as the text view draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct LineView {
    /// 1-based.
    pub number: usize,
    /// Byte range of the line in the text (for slicing the `str`).
    pub bytes: (usize, usize),
    /// Char range of the line in the text.
    pub chars: (usize, usize),
    pub kind: LineKind,
    pub part: Option<PartId>,
    /// Marks on this line, in char offsets relative to the line start, sorted by start.
    pub marks: Vec<Mark>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: MarkKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// A heading of this level (0–5).
    Heading(u8),
    /// The figure with this index in `summary.metrics`.
    Metric(usize),
}

/// Where one line is, in chars and in bytes of the text, and what it is: all the text view
/// needs of the core's lines. The analysis worker sends these to the page (see
/// `analysis::protocol`), so the page never walks a large text to find its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineSpan {
    /// 1-based.
    pub number: usize,
    pub chars: (usize, usize),
    pub bytes: (usize, usize),
    pub kind: LineKind,
}

/// The spans of `lines` in `text` (one walk over the text for the byte offsets).
pub fn line_spans(text: &str, lines: &[Line]) -> Vec<LineSpan> {
    // Char offset → byte offset, for every line boundary.
    let mut boundaries: Vec<usize> = lines.iter().flat_map(|l| [l.start, l.end]).collect();
    boundaries.sort_unstable();
    boundaries.dedup();
    // bytes[k] is the byte offset of char boundaries[k].
    let mut bytes = Vec::with_capacity(boundaries.len());
    for (char_index, (byte_index, _)) in text.char_indices().chain(std::iter::once((text.len(), ' '))).enumerate() {
        if bytes.len() == boundaries.len() {
            break;
        }
        if boundaries[bytes.len()] == char_index {
            bytes.push(byte_index);
        }
    }
    let byte = |c: usize| boundaries.binary_search(&c).ok().and_then(|k| bytes.get(k).copied()).unwrap_or(text.len());
    lines
        .iter()
        .map(|l| LineSpan { number: l.number, chars: (l.start, l.end), bytes: (byte(l.start), byte(l.end)), kind: l.kind })
        .collect()
}

impl TextModel {
    pub fn build(lines: Vec<LineSpan>, summary: &Summary) -> TextModel {
        let line_of = |pos: usize| lines.partition_point(|l| l.chars.0 <= pos).saturating_sub(1);
        let mut marks: Vec<(usize, Mark)> = Vec::with_capacity(summary.metrics.len() + summary.stats.headings);
        let mut push = |start: usize, end: usize, kind: MarkKind| {
            let i = line_of(start);
            let (line_start, line_end) = lines.get(i).map_or((0, 0), |l| l.chars);
            if start < end && end <= line_end {
                marks.push((i, Mark { start: start - line_start, end: end - line_start, kind }));
            }
        };
        fn headings(nodes: &[report_core::summary::OutlineNode], push: &mut dyn FnMut(usize, usize, MarkKind)) {
            for n in nodes {
                push(n.span.0, n.span.1, MarkKind::Heading(n.level));
                headings(&n.children, push);
            }
        }
        headings(&summary.outline, &mut push);
        for (i, m) in summary.metrics.iter().enumerate() {
            push(m.span.0, m.span.1, MarkKind::Metric(i));
        }
        // Headings first, then figures: a stable sort keeps a heading before a figure that
        // starts with it.
        marks.sort_by_key(|(line, m)| (*line, m.start, m.end));
        // A part covers the lines that start within its span.
        let first_at = |pos: usize| lines.partition_point(|l| l.chars.0 < pos);
        let parts = summary.sections.iter().filter_map(|p| p.span.map(|(s, e)| (first_at(s), first_at(e), p.id))).collect();
        TextModel { lines, marks, parts }
    }

    /// How many lines the text has.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Line `i` (0-based) as the view draws it.
    pub fn line(&self, i: usize) -> LineView {
        let l = self.lines[i];
        let from = self.marks.partition_point(|(line, _)| *line < i);
        let to = from + self.marks[from..].partition_point(|(line, _)| *line == i);
        let part = self.parts.iter().rev().find(|(first, end, _)| (*first..*end).contains(&i)).map(|p| p.2);
        LineView {
            number: l.number,
            bytes: l.bytes,
            chars: l.chars,
            kind: l.kind,
            part,
            marks: self.marks[from..to].iter().map(|(_, m)| *m).collect(),
        }
    }
}

/// A piece of a line to draw: text with the heading level and figure it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub heading: Option<u8>,
    pub metric: Option<usize>,
    /// Whether this segment starts its figure (where the figure's id and tooltip go).
    pub metric_start: bool,
}

/// Cuts a line's text into segments at every mark boundary.
pub fn segments<'a>(line_text: &'a str, marks: &[Mark]) -> Vec<Segment<'a>> {
    let offsets: Vec<usize> = line_text.char_indices().map(|(b, _)| b).chain(std::iter::once(line_text.len())).collect();
    let n = offsets.len() - 1;
    let mut cuts: Vec<usize> = vec![0, n];
    for m in marks {
        cuts.push(m.start.min(n));
        cuts.push(m.end.min(n));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a == b {
            continue;
        }
        let heading = marks.iter().find_map(|m| match m.kind {
            MarkKind::Heading(level) if m.start <= a && b <= m.end => Some(level),
            _ => None,
        });
        let metric = marks.iter().find_map(|m| match m.kind {
            MarkKind::Metric(i) if m.start <= a && b <= m.end => Some((i, m.start == a)),
            _ => None,
        });
        out.push(Segment {
            text: &line_text[offsets[a]..offsets[b]],
            heading,
            metric: metric.map(|m| m.0),
            metric_start: metric.is_some_and(|m| m.1),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_land_on_their_lines() {
        let text = "某镇2024年法治政府建设情况报告\n一、主要举措和成效\n（一）加强宣传。发放资料3000余份。\n";
        let a = report_core::analyze_full(text.as_bytes(), None);
        let model = TextModel::build(line_spans(&a.text, &a.lines), &a.summary);
        assert_eq!(model.len(), 3);
        let line3 = &model.line(2);
        assert_eq!(&a.text[line3.bytes.0..line3.bytes.1], "（一）加强宣传。发放资料3000余份。");
        assert_eq!(line3.part, Some(PartId::Measures));
        let kinds: Vec<MarkKind> = line3.marks.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [MarkKind::Heading(2), MarkKind::Metric(0)]);
        let segs = segments(&a.text[line3.bytes.0..line3.bytes.1], &line3.marks);
        let shown: Vec<(&str, Option<u8>, Option<usize>)> = segs.iter().map(|s| (s.text, s.heading, s.metric)).collect();
        assert_eq!(shown, [("（一）加强宣传", Some(2), None), ("。", None, None), ("发放资料3000余份", None, Some(0)), ("。", None, None)]);
        assert!(segs[2].metric_start);
    }

    #[test]
    fn overlapping_marks_split_into_segments() {
        let marks = [Mark { start: 0, end: 6, kind: MarkKind::Heading(2) }, Mark { start: 3, end: 9, kind: MarkKind::Metric(4) }];
        let segs = segments("一二三四五六七八九十", &marks);
        let shown: Vec<(&str, Option<u8>, Option<usize>, bool)> =
            segs.iter().map(|s| (s.text, s.heading, s.metric, s.metric_start)).collect();
        assert_eq!(
            shown,
            [
                ("一二三", Some(2), None, false),
                ("四五六", Some(2), Some(4), true),
                ("七八九", None, Some(4), false),
                ("十", None, None, false)
            ]
        );
    }
}
