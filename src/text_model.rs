//! What the text view draws, derived once per report from the analysis: for each line its
//! kind (prose, metadata, page chrome), the required part it belongs to, and the marks on
//! it (headings by level, figures). Pure data; the view renders a window of it.

use report_core::kinds::PartId;
use report_core::lines::{Line, LineKind};
use report_core::Summary;

/// The text view's model: the lines as the analysis gave them, every mark with its line,
/// and each part's run of lines. Kept packed, a few numbers per line and per mark: a huge
/// report has hundreds of thousands of lines and figures. The analysis worker builds it and
/// sends its numbers ([`TextModel::line_words`], [`TextModel::mark_words`]); the page
/// takes them as they come ([`TextModel::from_words`]) and asks for the [`LineView`] of the
/// few lines it draws.
#[derive(Clone, Debug, PartialEq)]
pub struct TextModel {
    /// [`LINE_WORDS`] numbers per line: number, first char, end char, first byte, end byte, kind.
    lines: Vec<u32>,
    /// [`MARK_WORDS`] numbers per mark: its line's index, start and end (chars from the
    /// line's start), and what it marks ([`HEADING_MARK`] + level, or a figure's index);
    /// by line, then by start.
    marks: Vec<u32>,
    /// Each part's lines `[first, end)`, in the order of `summary.sections` (a later part
    /// wins where two overlap).
    parts: Vec<(usize, usize, PartId)>,
}

/// Numbers per line in [`TextModel::line_words`]. Inputs are at most 24 MB, so every offset
/// fits in a `u32`.
pub const LINE_WORDS: usize = 6;
/// Numbers per mark in [`TextModel::mark_words`].
pub const MARK_WORDS: usize = 4;
/// A mark's last number from this on is a heading's (of level `n - HEADING_MARK`); below,
/// the index of a figure.
const HEADING_MARK: u32 = 1 << 31;
/// The deepest heading level a mark can carry (the outline's are 0–5; a level is a `u8`).
const MAX_HEADING_LEVEL: u32 = u8::MAX as u32;

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
    /// The model of a text's `lines` and the marks of `summary` on them.
    pub fn build(lines: &[LineSpan], summary: &Summary) -> TextModel {
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
        let line_words = lines
            .iter()
            .flat_map(|l| [l.number, l.chars.0, l.chars.1, l.bytes.0, l.bytes.1].map(|n| n as u32).into_iter().chain([kind_number(l.kind)]))
            .collect();
        let mark_words = marks
            .iter()
            .flat_map(|(line, m)| {
                let what = match m.kind {
                    MarkKind::Heading(level) => HEADING_MARK + u32::from(level),
                    MarkKind::Metric(i) => i as u32,
                };
                [*line as u32, m.start as u32, m.end as u32, what]
            })
            .collect();
        TextModel::from_words_unchecked(line_words, mark_words, summary)
    }

    /// The model of [`TextModel::line_words`] and [`TextModel::mark_words`] (as the worker
    /// sends them) for a text of `text_bytes` bytes, with the parts of `summary`; refused
    /// when the numbers do not make whole lines and marks, or name what is not there: a
    /// line kind, a byte beyond the text, a mark's line or figure, a heading level.
    pub fn from_words(lines: Vec<u32>, marks: Vec<u32>, text_bytes: usize, summary: &Summary) -> Result<TextModel, String> {
        if lines.len() % LINE_WORDS != 0 || marks.len() % MARK_WORDS != 0 {
            return Err(format!("{} and {} numbers are not whole lines and marks", lines.len(), marks.len()));
        }
        for (i, w) in lines.chunks_exact(LINE_WORDS).enumerate() {
            if line_kind(w[5]).is_none() || w[3] > w[4] || w[4] as usize > text_bytes {
                return Err(format!("line {i} is not one of the text: {w:?}"));
            }
        }
        let count = lines.len() / LINE_WORDS;
        for w in marks.chunks_exact(MARK_WORDS) {
            let known = match w[3] {
                what if what >= HEADING_MARK => what - HEADING_MARK <= MAX_HEADING_LEVEL,
                figure => (figure as usize) < summary.metrics.len(),
            };
            if w[0] as usize >= count || w[1] > w[2] || !known {
                return Err(format!("a mark that is not one of the text: {w:?}"));
            }
        }
        Ok(TextModel::from_words_unchecked(lines, marks, summary))
    }

    fn from_words_unchecked(lines: Vec<u32>, marks: Vec<u32>, summary: &Summary) -> TextModel {
        let mut model = TextModel { lines, marks, parts: Vec::new() };
        // A part covers the lines that start within its span.
        let n = model.len();
        let first_at = |pos: usize| partition_point(n, |i| (model.lines[i * LINE_WORDS + 1] as usize) < pos);
        model.parts = summary.sections.iter().filter_map(|p| p.span.map(|(s, e)| (first_at(s), first_at(e), p.id))).collect();
        model
    }

    /// The lines as numbers, [`LINE_WORDS`] per line.
    pub fn line_words(&self) -> &[u32] {
        &self.lines
    }

    /// The marks as numbers, [`MARK_WORDS`] per mark.
    pub fn mark_words(&self) -> &[u32] {
        &self.marks
    }

    /// How many lines the text has.
    pub fn len(&self) -> usize {
        self.lines.len() / LINE_WORDS
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Line `i` (0-based) as the view draws it.
    pub fn line(&self, i: usize) -> LineView {
        let w = &self.lines[i * LINE_WORDS..(i + 1) * LINE_WORDS];
        let n = |k: usize| w[k] as usize;
        let kind = line_kind(w[5]).unwrap_or(LineKind::Text);
        let count = self.marks.len() / MARK_WORDS;
        let line_of = |k: usize| self.marks[k * MARK_WORDS] as usize;
        let from = partition_point(count, |k| line_of(k) < i);
        let to = from + partition_point(count - from, |k| line_of(from + k) == i);
        let part = self.parts.iter().rev().find(|(first, end, _)| (*first..*end).contains(&i)).map(|p| p.2);
        let marks = self.marks[from * MARK_WORDS..to * MARK_WORDS]
            .chunks_exact(MARK_WORDS)
            .map(|m| Mark {
                start: m[1] as usize,
                end: m[2] as usize,
                kind: match m[3] {
                    what if what >= HEADING_MARK => MarkKind::Heading((what - HEADING_MARK) as u8),
                    index => MarkKind::Metric(index as usize),
                },
            })
            .collect();
        LineView { number: n(0), bytes: (n(3), n(4)), chars: (n(1), n(2)), kind, part, marks }
    }
}

/// A line kind as a number of [`TextModel::line_words`], and back.
fn kind_number(kind: LineKind) -> u32 {
    match kind {
        LineKind::Blank => 0,
        LineKind::Text => 1,
        LineKind::Meta => 2,
        LineKind::Chrome => 3,
    }
}

fn line_kind(number: u32) -> Option<LineKind> {
    [LineKind::Blank, LineKind::Text, LineKind::Meta, LineKind::Chrome].into_iter().find(|&k| kind_number(k) == number)
}

/// The first of `0..n` for which `before` is false (`before` true for a start of the range,
/// then false): `slice::partition_point` over indices, for the packed lists (a slice of
/// `[u32; N]` over them, `slice::as_chunks`, needs Rust 1.88; the crates say 1.85).
fn partition_point(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, n);
    while low < high {
        let mid = low + (high - low) / 2;
        if before(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
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
        let model = TextModel::build(&line_spans(&a.text, &a.lines), &a.summary);
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

    /// The worker sends the model as numbers; the page's model of them is the same.
    #[test]
    fn a_model_survives_its_numbers() {
        let text = "青禾县2024年法治政府建设情况报告\n\n一、主要举措和成效\n来源：青禾县人民政府 发布时间：2025-03-02\n（一）培训干部120人次，办结复议案件35件。\n";
        let a = report_core::analyze_full(text.as_bytes(), None);
        let spans = line_spans(&a.text, &a.lines);
        let model = TextModel::build(&spans, &a.summary);
        assert_eq!(model.line_words().len(), spans.len() * LINE_WORDS);
        let read = TextModel::from_words(model.line_words().to_vec(), model.mark_words().to_vec(), a.text.len(), &a.summary).unwrap();
        assert_eq!(read, model);
        // Every line reads back as its span says, with its marks.
        for (i, span) in spans.iter().enumerate() {
            let line = read.line(i);
            assert_eq!((line.number, line.chars, line.bytes, line.kind), (span.number, span.chars, span.bytes, span.kind));
        }
        let third = read.line(2);
        assert_eq!(&a.text[third.bytes.0..third.bytes.1], "一、主要举措和成效");
        assert_eq!(third.marks.iter().map(|m| m.kind).collect::<Vec<_>>(), [MarkKind::Heading(1)]);
        let fifth = read.line(4);
        assert_eq!(fifth.part, Some(PartId::Measures));
        let figures: Vec<MarkKind> = fifth.marks.iter().map(|m| m.kind).filter(|k| matches!(k, MarkKind::Metric(_))).collect();
        assert_eq!(figures, [MarkKind::Metric(0), MarkKind::Metric(1)]);
    }

    #[test]
    fn numbers_that_are_not_a_model_are_refused() {
        let a = report_core::analyze_full("一、主要举措和成效：培训120人次\n".as_bytes(), None);
        assert_eq!(a.summary.metrics.len(), 1);
        let model = |lines: &[u32], marks: &[u32]| TextModel::from_words(lines.to_vec(), marks.to_vec(), 40, &a.summary);
        let line = [1, 0, 3, 0, 9, 1];
        assert!(model(&line, &[0, 0, 2, 0]).is_ok());
        assert!(model(&line, &[0, 0, 2, HEADING_MARK + 1]).is_ok());
        // Not whole lines, or not whole marks.
        assert!(model(&[1, 0, 3], &[]).is_err());
        assert!(model(&line, &[0, 0, 2]).is_err());
        // A line kind there is not; bytes beyond the text, or backwards.
        assert!(model(&[1, 0, 3, 0, 9, 7], &[]).is_err());
        assert!(model(&[1, 0, 3, 0, 41, 1], &[]).is_err());
        assert!(model(&[1, 0, 3, 9, 0, 1], &[]).is_err());
        // A mark on a line there is not, backwards, of a figure there is not, of a level there is not.
        assert!(model(&line, &[1, 0, 2, 0]).is_err());
        assert!(model(&line, &[0, 2, 0, 0]).is_err());
        assert!(model(&line, &[0, 0, 2, 1]).is_err());
        assert!(model(&line, &[0, 0, 2, HEADING_MARK + 256]).is_err());
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
