//! Word (.docx) files: the main document's paragraphs in order, with their automatic
//! numbering written out (`一、` `（一）` `1.` — Word generates them, they are not in the
//! text), tables flattened to one line per row (cells separated by a tab, so a figure in a
//! cell keeps its label), and headers, footers, comments and deleted text left out.

use super::table::{place, RawCell, Table};
use super::xml::{attr, Token, Tokenizer};
use super::zip::Archive;
use crate::input::ZipError;
use std::collections::HashMap;

/// No part of a .docx is inflated beyond this (a zip bomb stops here).
pub const MAX_PART_BYTES: usize = 64 * 1024 * 1024;

/// The text of the document.
#[cfg(test)]
pub fn extract(bytes: &[u8]) -> Result<String, ZipError> {
    extract_with_tables(bytes).map(|(text, _)| text)
}

/// The text of the document and its tables (top-level `w:tbl`s) as tables.
pub(crate) fn extract_with_tables(bytes: &[u8]) -> Result<(String, Vec<Table>), ZipError> {
    let archive = Archive::open(bytes)?;
    if !archive.contains("word/document.xml") {
        return Err(ZipError::NotWordDocument);
    }
    let document = utf8(archive.read("word/document.xml", MAX_PART_BYTES)?);
    let numbering = archive.read("word/numbering.xml", MAX_PART_BYTES).map(utf8).ok().map(|x| Numbering::parse(&x)).unwrap_or_default();
    let styles = archive.read("word/styles.xml", MAX_PART_BYTES).map(utf8).ok().map(|x| style_numbering(&x)).unwrap_or_default();
    let (text, raw_tables) = paragraphs(&document, &numbering, &styles);
    let mut from = 0;
    let tables =
        if cfg!(feature = "disclosure") { raw_tables.into_iter().map(|rows| place(rows, &text, &mut from)).collect() } else { Vec::new() };
    Ok((text, tables))
}

fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A numbering level: format, text template (`%1、`), start value.
#[derive(Clone, Debug, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// A `<w:num>`: its id, the abstract numbering it uses and the start values it overrides.
#[derive(Default)]
struct NumDef {
    id: String,
    abstract_id: String,
    start_overrides: Vec<(usize, u32)>,
}

/// numbering.xml: numId → abstract levels (with overrides of start values).
#[derive(Default)]
struct Numbering {
    levels: HashMap<String, Vec<Level>>,
}

impl Numbering {
    fn parse(xml: &str) -> Numbering {
        let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
        let mut nums: Vec<NumDef> = Vec::new();
        let mut current_abstract: Option<String> = None;
        let mut current_num: Option<NumDef> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        for token in Tokenizer::xml(xml) {
            match token {
                Token::Start { name, attrs, .. } => match name {
                    "w:abstractNum" => current_abstract = attr(attrs, "w:abstractNumId").map(|v| v.into_owned()),
                    "w:lvl" if current_abstract.is_some() => {
                        let ilvl = attr(attrs, "w:ilvl").and_then(|v| v.parse().ok()).unwrap_or(0usize);
                        level = Some((ilvl.min(8), Level { start: 1, ..Level::default() }));
                    }
                    "w:start" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(attrs, "w:val").and_then(|v| v.parse().ok())) {
                            l.start = v;
                        }
                    }
                    "w:numFmt" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(attrs, "w:val")) {
                            l.format = v.into_owned();
                        }
                    }
                    "w:lvlText" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(attrs, "w:val")) {
                            l.text = v.into_owned();
                        }
                    }
                    "w:num" => current_num = attr(attrs, "w:numId").map(|id| NumDef { id: id.into_owned(), ..NumDef::default() }),
                    "w:abstractNumId" => {
                        if let (Some(n), Some(v)) = (current_num.as_mut(), attr(attrs, "w:val")) {
                            n.abstract_id = v.into_owned();
                        }
                    }
                    "w:lvlOverride" => override_level = attr(attrs, "w:ilvl").and_then(|v| v.parse().ok()),
                    "w:startOverride" => {
                        if let (Some(n), Some(l), Some(v)) =
                            (current_num.as_mut(), override_level, attr(attrs, "w:val").and_then(|v| v.parse().ok()))
                        {
                            n.start_overrides.push((l, v));
                        }
                    }
                    _ => {}
                },
                Token::End { name } => match name {
                    "w:lvl" => {
                        if let (Some(id), Some((ilvl, l))) = (current_abstract.as_ref(), level.take()) {
                            let levels = abstracts.entry(id.clone()).or_default();
                            if levels.len() <= ilvl {
                                levels.resize(ilvl + 1, Level::default());
                            }
                            levels[ilvl] = l;
                        }
                    }
                    "w:abstractNum" => current_abstract = None,
                    "w:num" => nums.extend(current_num.take()),
                    _ => {}
                },
                Token::Text(_) => {}
            }
        }
        let mut levels = HashMap::new();
        for NumDef { id: num_id, abstract_id, start_overrides } in nums {
            let mut l = abstracts.get(&abstract_id).cloned().unwrap_or_default();
            for (ilvl, start) in start_overrides {
                if let Some(level) = l.get_mut(ilvl) {
                    level.start = start;
                }
            }
            levels.insert(num_id, l);
        }
        Numbering { levels }
    }
}

/// styles.xml: paragraph style id → (numId, ilvl) for styles that carry numbering.
fn style_numbering(xml: &str) -> HashMap<String, (String, usize)> {
    let mut out = HashMap::new();
    let mut style: Option<String> = None;
    let mut num: (Option<String>, usize) = (None, 0);
    for token in Tokenizer::xml(xml) {
        match token {
            Token::Start { name: "w:style", attrs, .. } => {
                style = attr(attrs, "w:styleId").map(|v| v.into_owned());
                num = (None, 0);
            }
            Token::Start { name: "w:numId", attrs, .. } if style.is_some() => num.0 = attr(attrs, "w:val").map(|v| v.into_owned()),
            Token::Start { name: "w:ilvl", attrs, .. } if style.is_some() => {
                num.1 = attr(attrs, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0)
            }
            Token::End { name: "w:style" } => {
                if let (Some(s), Some(n)) = (style.take(), num.0.take()) {
                    out.insert(s, (n, num.1));
                }
            }
            _ => {}
        }
    }
    out
}

/// The document body as lines: one per paragraph, one per table row.
fn paragraphs(xml: &str, numbering: &Numbering, styles: &HashMap<String, (String, usize)>) -> (String, Vec<Vec<Vec<RawCell>>>) {
    let mut out = String::new();
    let mut para = String::new();
    let mut in_text = false;
    let mut in_tab_stops = false;
    let mut skip_depth = 0usize; // inside deleted text, field instructions, footnote references
    let mut num_id: Option<String> = None;
    let mut ilvl = 0usize;
    let mut style: Option<String> = None;
    let mut table_depth = 0usize;
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    // The same rows as cells with their spans, for the table model.
    let mut tables: Vec<Vec<Vec<RawCell>>> = Vec::new();
    let mut raw_row: Vec<RawCell> = Vec::new();
    let mut raw_cell = RawCell::default();
    let mut counters: HashMap<String, [u32; 9]> = HashMap::new();

    for token in Tokenizer::xml(xml) {
        match token {
            Token::Start { name, attrs, self_closing } => match name {
                "w:p" => {
                    para.clear();
                    num_id = None;
                    ilvl = 0;
                    style = None;
                }
                "w:t" if !self_closing => in_text = true,
                // A tab in the text, not a tab stop of the paragraph's properties.
                "w:tab" if !in_tab_stops => para.push('\t'),
                "w:tabs" if !self_closing => in_tab_stops = true,
                "w:br" | "w:cr" => para.push('\n'),
                "w:noBreakHyphen" => para.push('-'),
                "w:pStyle" => style = attr(attrs, "w:val").map(|v| v.into_owned()),
                "w:numId" => num_id = attr(attrs, "w:val").map(|v| v.into_owned()),
                "w:ilvl" => ilvl = attr(attrs, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0usize).min(8),
                "w:del" | "w:instrText" | "w:delText" if !self_closing => skip_depth += 1,
                "w:tbl" => {
                    table_depth += 1;
                    if table_depth == 1 {
                        tables.push(Vec::new());
                    }
                }
                "w:tr" if table_depth == 1 => {
                    row.clear();
                    raw_row.clear();
                }
                "w:tc" if table_depth == 1 => {
                    cell.clear();
                    raw_cell = RawCell::default();
                }
                "w:gridSpan" if table_depth == 1 => {
                    raw_cell.col_span = attr(attrs, "w:val").and_then(|v| v.parse().ok()).unwrap_or(1usize).clamp(1, 64)
                }
                // `<w:vMerge/>` or `w:val="continue"` continues the cell above; `restart` starts one.
                "w:vMerge" if table_depth == 1 => raw_cell.v_merge_continue = attr(attrs, "w:val").is_none_or(|v| v == "continue"),
                _ => {}
            },
            Token::End { name } => match name {
                "w:t" => in_text = false,
                "w:tabs" => in_tab_stops = false,
                "w:del" | "w:instrText" | "w:delText" => skip_depth = skip_depth.saturating_sub(1),
                "w:p" => {
                    let (id, level) = match (&num_id, &style) {
                        (Some(id), _) => (Some(id.clone()), ilvl),
                        (None, Some(s)) => styles.get(s).map_or((None, 0), |(id, l)| (Some(id.clone()), *l)),
                        _ => (None, 0),
                    };
                    let label =
                        id.filter(|id| id != "0").and_then(|id| number_label(numbering, &mut counters, &id, level)).unwrap_or_default();
                    let text = format!("{label}{}", para.trim_end());
                    if table_depth > 0 {
                        if !cell.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(text.trim());
                    } else {
                        out.push_str(&text);
                        out.push('\n');
                    }
                }
                "w:tc" if table_depth == 1 => {
                    raw_cell.text = cell.trim().to_string();
                    raw_row.push(std::mem::take(&mut raw_cell));
                    row.push(std::mem::take(&mut cell))
                }
                "w:tr" if table_depth == 1 => {
                    if let Some(t) = tables.last_mut() {
                        t.push(std::mem::take(&mut raw_row));
                    }
                    let line = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join("\t");
                    if !line.is_empty() {
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
                "w:tbl" => table_depth = table_depth.saturating_sub(1),
                _ => {}
            },
            Token::Text(t) if in_text && skip_depth == 0 => para.push_str(&t),
            Token::Text(_) => {}
        }
    }
    tables.retain(|t| !t.is_empty());
    (out, tables)
}

/// Advances the counters of list `id` at `level` and writes its label (`一、`, `（二）`).
fn number_label(numbering: &Numbering, counters: &mut HashMap<String, [u32; 9]>, id: &str, level: usize) -> Option<String> {
    let levels = numbering.levels.get(id)?;
    let def = levels.get(level)?;
    if def.format == "bullet" || def.format == "none" {
        return None;
    }
    let c = counters.entry(id.to_string()).or_insert([0; 9]);
    c[level] = if c[level] == 0 { def.start.max(1) } else { c[level] + 1 };
    for deeper in c.iter_mut().skip(level + 1) {
        *deeper = 0;
    }
    let mut label = def.text.clone();
    for (k, l) in levels.iter().enumerate().take(level + 1) {
        let value = if c[k] == 0 { l.start.max(1) } else { c[k] };
        label = label.replace(&format!("%{}", k + 1), &format_number(value, &l.format));
    }
    Some(label)
}

/// A list number in Word's formats.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "ideographDigital"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n),
        "chineseLegalSimplified" => chinese(n)
            .chars()
            .map(|c| match c {
                '一' => '壹',
                '二' => '贰',
                '三' => '叁',
                '四' => '肆',
                '五' => '伍',
                '六' => '陆',
                '七' => '柒',
                '八' => '捌',
                '九' => '玖',
                '十' => '拾',
                c => c,
            })
            .collect(),
        "ideographTraditional" => {
            ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"].get((n as usize).wrapping_sub(1) % 10).unwrap_or(&"").to_string()
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x245F + n).map(String::from).unwrap_or_default()
        }
        "lowerLetter" => letter(n, b'a'),
        "upperLetter" => letter(n, b'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

/// 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五.
fn chinese(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n % 10 == 0 { "" } else { D[(n % 10) as usize] }),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], if n % 10 == 0 { "" } else { D[(n % 10) as usize] }),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", D[rest as usize]),
                10..=19 => format!("一{}", chinese(rest)),
                _ => chinese(rest),
            };
            format!("{}百{tail}", D[(n / 100) as usize])
        }
        _ => n.to_string(),
    }
}

fn letter(n: u32, base: u8) -> String {
    let c = (base + ((n.max(1) - 1) % 26) as u8) as char;
    std::iter::repeat_n(c, ((n.max(1) - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const R: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in R {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::zip::tests::stored_zip;
    use super::*;

    const NUMBERING: &str = r#"<w:numbering>
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
    </w:numbering>"#;

    fn p(num: Option<(u32, u32)>, text: &str) -> String {
        let numpr = num
            .map(|(id, l)| format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#))
            .unwrap_or_default();
        format!(r#"<w:p>{numpr}<w:r><w:t>{text}</w:t></w:r></w:p>"#)
    }

    pub(crate) fn docx(body: &str) -> Vec<u8> {
        let document = format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="x"><w:body>{body}</w:body></w:document>"#);
        stored_zip(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", document.as_bytes()),
            ("word/numbering.xml", NUMBERING.as_bytes()),
            ("word/header1.xml", "<w:hdr><w:p><w:r><w:t>页眉不应出现</w:t></w:r></w:p></w:hdr>".as_bytes()),
        ])
    }

    #[test]
    fn automatic_numbering_is_written_out() {
        let body = [
            p(None, "某镇2024年法治政府建设情况报告"),
            p(Some((5, 0)), "主要举措和成效"),
            p(Some((5, 1)), "加强领导"),
            p(Some((5, 2)), "健全制度"),
            p(Some((5, 2)), "落实责任"),
            p(Some((5, 1)), "深化普法"),
            p(Some((5, 0)), "存在的不足和原因"),
            p(Some((5, 1)), "队伍薄弱"),
        ]
        .concat();
        let text = extract(&docx(&body)).unwrap();
        assert_eq!(text, "某镇2024年法治政府建设情况报告\n一、主要举措和成效\n（一）加强领导\n1.健全制度\n2.落实责任\n（二）深化普法\n二、存在的不足和原因\n（一）队伍薄弱\n");
    }

    #[test]
    fn tables_become_rows_and_deleted_text_is_dropped() {
        let body = r#"<w:p><w:r><w:t xml:space="preserve">全年</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:r><w:tab/><w:t>开展培训</w:t></w:r></w:p>
          <w:tbl><w:tr><w:tc><w:p><w:r><w:t>发放宣传资料</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3000余份</w:t></w:r></w:p></w:tc></w:tr>
          <w:tr><w:tc><w:p><w:r><w:t>受理矛盾纠纷</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>60起</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
        let text = extract(&docx(body)).unwrap();
        assert_eq!(text, "全年\t开展培训\n发放宣传资料\t3000余份\n受理矛盾纠纷\t60起\n");
        assert!(!text.contains("页眉"));
    }

    #[test]
    fn a_zip_that_is_not_a_docx_is_refused() {
        let zip = stored_zip(&[("readme.txt", b"hello")]);
        assert_eq!(extract(&zip).unwrap_err(), ZipError::NotWordDocument);
    }

    #[test]
    fn chinese_list_numbers() {
        assert_eq!([1, 10, 12, 20, 21, 100, 105, 110].map(chinese), ["一", "十", "十二", "二十", "二十一", "一百", "一百零五", "一百一十"]);
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
    }
}
