//! The metadata blocks of government portals, in every layout sites print them:
//!
//! - `key: value` lines, several to a line (`发布时间:2025-04-11 信息来源:某乡`), keys written
//!   with spaces (`索 引 号`);
//! - bracketed labels, two to a line (`[ 发布机构 ] 某某乡人民政府 [ 有效性 ] 有效`), even
//!   when copying garbled them (`[ 索号 ]`: a key with one char lost, told by the brackets);
//! - labels run into their values after a bullet (`-时效性有效`);
//! - tables flattened to `| label: | value | label: | value |` rows;
//! - a label alone on its line and its value on the next (`• [ 发文字号 ]` / `• 某教发〔2025〕3号`,
//!   one cell per line): the next line is the value only when it reads as one for that field,
//!   so an empty value (`[ 发文字号 ]` then the next label) stays empty.

use super::{Line, LineKind};
use crate::chars::{is_space, BmpSet};
use std::sync::OnceLock;

/// One entry of a metadata line: the field and its value's range (chars; empty when the
/// label has no value).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MetaEntry {
    pub field: MetaField,
    pub start: usize,
    pub end: usize,
}

/// Which metadata an entry carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MetaField {
    Index,
    DocNumber,
    Issuer,
    Source,
    PublishDate,
    SignedDate,
    Title,
    Other,
}

/// The metadata keys of government portals' document headers (folded, spaces removed),
/// each with the field it names. A longer key comes before a key it ends with.
pub(crate) const META_KEYS: &[(&str, MetaField)] = &[
    ("索引号", MetaField::Index),
    ("发文字号", MetaField::DocNumber),
    ("备注/文号", MetaField::DocNumber),
    ("文号", MetaField::DocNumber),
    ("发文机关", MetaField::Issuer),
    ("发布机构", MetaField::Issuer),
    ("发文单位", MetaField::Issuer),
    ("发布单位", MetaField::Issuer),
    ("公开主体", MetaField::Issuer),
    ("所属机构", MetaField::Issuer),
    ("信息来源", MetaField::Source),
    ("文章来源", MetaField::Source),
    ("稿件来源", MetaField::Source),
    ("来源单位", MetaField::Source),
    ("来源", MetaField::Source),
    ("发布日期", MetaField::PublishDate),
    ("发布时间", MetaField::PublishDate),
    ("更新时间", MetaField::PublishDate),
    ("更新日期", MetaField::PublishDate),
    ("公开日期", MetaField::PublishDate),
    ("公开时间", MetaField::PublishDate),
    ("公布日期", MetaField::PublishDate),
    ("发文日期", MetaField::PublishDate),
    ("公文生成日期", MetaField::PublishDate),
    ("生成日期", MetaField::PublishDate),
    ("成文日期", MetaField::SignedDate),
    ("印发日期", MetaField::SignedDate),
    ("标题", MetaField::Title),
    ("名称", MetaField::Title),
    ("主题分类", MetaField::Other),
    ("文件分类", MetaField::Other),
    ("分类", MetaField::Other),
    ("主题词", MetaField::Other),
    ("关键词", MetaField::Other),
    ("体裁分类", MetaField::Other),
    ("组配分类", MetaField::Other),
    ("服务对象", MetaField::Other),
    ("有效性", MetaField::Other),
    ("时效性", MetaField::Other),
    ("时效", MetaField::Other),
    ("生效日期", MetaField::Other),
    ("废止日期", MetaField::Other),
    ("浏览次数", MetaField::Other),
    ("访问次数", MetaField::Other),
    ("阅读次数", MetaField::Other),
    ("点击次数", MetaField::Other),
    ("点击数", MetaField::Other),
    ("浏览量", MetaField::Other),
    ("阅读量", MetaField::Other),
    ("访问量", MetaField::Other),
    ("作者", MetaField::Other),
    ("责任编辑", MetaField::Other),
    ("编辑", MetaField::Other),
    // Only as the first label of a line (`日期:2025-02-11`): inside a line they end other
    // words (`截止日期`).
    ("日期", MetaField::PublishDate),
    ("时间", MetaField::PublishDate),
];

/// Keys read only at a line's start.
fn start_only(key: &str) -> bool {
    matches!(key, "日期" | "时间")
}

/// Bullets and cell bars a metadata line may start with.
const LEAD: [char; 6] = ['-', '*', '·', '•', '|', '>'];

/// How a label is written: with a colon, in brackets, or run into its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Colon,
    Bracket,
    /// A table cell: the key followed by a bar.
    Cell,
    Bare,
}

/// A label at the start of `rest` (compact chars): its field, form and length in chars
/// (the colon or closing bracket included). `line_start`: nothing but bullets before it.
fn label_at(rest: &[char], line_start: bool) -> Option<(MetaField, Form, usize)> {
    if let Some(&open) = rest.first().filter(|c| matches!(c, '[' | '【')) {
        let close = if open == '[' { ']' } else { '】' };
        let inner = rest[1..].iter().take(8).position(|&c| c == close)?;
        let label = &rest[1..1 + inner];
        let field = exact_key(label, line_start).or_else(|| garbled_key(label))?;
        let mut len = inner + 2;
        if rest.get(len) == Some(&':') {
            len += 1;
        }
        return Some((field, Form::Bracket, len));
    }
    let key_starts = key_starts();
    if !rest.first().is_some_and(|&c| key_starts.contains(c)) {
        return None;
    }
    // The longest key that matches.
    let (key, field) = META_KEYS
        .iter()
        .filter(|(k, _)| line_start || !start_only(k))
        .filter(|(k, _)| rest.len() >= k.chars().count() && k.chars().zip(rest).all(|(a, &b)| a == b))
        .max_by_key(|(k, _)| k.len())?;
    let n = key.chars().count();
    match rest.get(n) {
        Some(':') => Some((*field, Form::Colon, n + 1)),
        // A cell of a flattened table: `| 发布机构 | 某某局 |`.
        Some('|') => Some((*field, Form::Cell, n)),
        Some(_) if line_start => Some((*field, Form::Bare, n)),
        _ => None,
    }
}

fn exact_key(label: &[char], line_start: bool) -> Option<MetaField> {
    META_KEYS
        .iter()
        .find(|(k, _)| (line_start || !start_only(k)) && k.chars().count() == label.len() && k.chars().zip(label).all(|(a, &b)| a == b))
        .map(|&(_, f)| f)
}

/// A bracketed label that is a key with one char lost in copying (`索号`, `有性`).
fn garbled_key(label: &[char]) -> Option<MetaField> {
    if label.len() < 2 {
        return None;
    }
    META_KEYS
        .iter()
        .filter(|(k, _)| k.chars().count() == label.len() + 1 && !start_only(k))
        .find(|(k, _)| {
            let mut it = label.iter();
            let mut next = it.next();
            for c in k.chars() {
                if next == Some(&c) {
                    next = it.next();
                }
            }
            next.is_none()
        })
        .map(|&(_, f)| f)
}

/// The first chars of the metadata keys.
fn key_starts() -> &'static BmpSet {
    static STARTS: OnceLock<BmpSet> = OnceLock::new();
    STARTS.get_or_init(|| BmpSet::of_chars(META_KEYS.iter().filter_map(|(key, _)| key.chars().next())))
}

/// Where the lead (bullets, bars) of a compact line ends.
fn lead_len(compact: &[char]) -> usize {
    compact.iter().take_while(|c| LEAD.contains(c)).count()
}

/// Whether `compact` (a line's chars without spaces) is a metadata line: it starts with a
/// label. A label run into its value counts on a short line after a bullet only.
pub(crate) fn is_meta_line(compact: &str) -> bool {
    // Most lines are turned away by their first char, before anything is built.
    let Some(first) = compact.chars().find(|c| !LEAD.contains(c)) else { return false };
    if !matches!(first, '[' | '【') && !key_starts().contains(first) {
        return false;
    }
    let chars: Vec<char> = compact.chars().collect();
    let lead = lead_len(&chars);
    match label_at(&chars[lead..], true) {
        Some((_, Form::Bare, n)) => lead > 0 && chars.len() <= 40 && chars.len() > lead + n,
        Some(_) => true,
        None => false,
    }
}

/// The entries of a metadata line.
pub(crate) fn meta_entries(folded: &[char], start: usize, end: usize) -> Vec<MetaEntry> {
    // Positions of non-space chars, to match keys written with spaces.
    let positions: Vec<usize> = (start..end).filter(|&p| !is_space(folded[p])).collect();
    let compact: Vec<char> = positions.iter().map(|&p| folded[p]).collect();
    // (field, label start, value start) in compact chars.
    let mut labels: Vec<(MetaField, usize, usize)> = Vec::new();
    let mut i = lead_len(&compact);
    let first = i;
    while i < compact.len() {
        let at_start = i == first;
        // Inside a line, a cell's key follows a bar, and a key is never run into its value.
        let found = label_at(&compact[i..], at_start).filter(|&(_, form, _)| match form {
            Form::Colon | Form::Bracket => true,
            Form::Cell => at_start || compact[i - 1] == '|',
            Form::Bare => at_start,
        });
        match found {
            Some((field, _, n)) => {
                labels.push((field, i, i + n));
                i += n;
            }
            _ => i += 1,
        }
    }
    let trim = |c: char| LEAD.contains(&c) || matches!(c, ':' | ']' | '】' | '[' | '【');
    let mut out = Vec::new();
    for (k, &(field, _, value_at)) in labels.iter().enumerate() {
        let mut a = value_at;
        let mut b = labels.get(k + 1).map_or(compact.len(), |e| e.1);
        while a < b && trim(compact[a]) {
            a += 1;
        }
        while b > a && trim(compact[b - 1]) {
            b -= 1;
        }
        let (s, e) = if a < b {
            (positions[a], positions[b - 1] + 1)
        } else {
            let p = positions.get(a).copied().unwrap_or(end);
            (p, p)
        };
        out.push(MetaEntry { field, start: s, end: e });
    }
    out
}

/// A label left without a value at the end of its line takes the next line as its value
/// (`• [ 发文字号 ]` / `• 某教发〔2025〕3号`), when that line reads as a value of the field;
/// that line becomes metadata too.
pub(crate) fn join_values(folded: &[char], lines: &mut [Line]) {
    for k in 0..lines.len() {
        if lines[k].kind != LineKind::Meta {
            continue;
        }
        let Some(last) = lines[k].entries.last().copied() else { continue };
        if last.end > last.start {
            continue;
        }
        let Some(next) = (k + 1..lines.len()).find(|&j| lines[j].kind != LineKind::Blank) else { continue };
        if lines[next].kind != LineKind::Text {
            continue;
        }
        let (mut s, mut e) = (lines[next].start, lines[next].end);
        while s < e && (is_space(folded[s]) || LEAD.contains(&folded[s])) {
            s += 1;
        }
        while e > s && is_space(folded[e - 1]) {
            e -= 1;
        }
        if s < e && is_value_of(last.field, &folded[s..e]) {
            if let Some(entry) = lines[k].entries.last_mut() {
                entry.start = s;
                entry.end = e;
            }
            lines[next].kind = LineKind::Meta;
            lines[next].marker = None;
        }
    }
}

/// Whether `v` (folded, trimmed) reads as a value of `field`.
fn is_value_of(field: MetaField, v: &[char]) -> bool {
    let n = v.len();
    let has = |c: char| v.contains(&c);
    let han = v.iter().filter(|&&c| crate::chars::is_han(c)).count();
    if has('。') || n > 60 {
        return false;
    }
    let dated = n >= 8 && v[..4].iter().all(|c| c.is_ascii_digit()) && matches!(v[4], '-' | '/' | '.' | '年');
    match field {
        MetaField::PublishDate | MetaField::SignedDate => dated,
        MetaField::Index => n <= 40 && v.iter().any(|c| c.is_ascii_digit()) && han <= 4,
        MetaField::DocNumber => n <= 30 && (has('号') || has('〔')) || v == ['无'],
        MetaField::Issuer | MetaField::Source => {
            n <= 30 && han * 10 >= n * 8 && !v.windows(2).any(|w| w == ['报', '告']) && !has(',') && !has(':')
        }
        MetaField::Title => true,
        MetaField::Other => n <= 12 && !has(':'),
    }
}
