//! Chinese numerals: `十二` → 12, `两` → 2, `一百零五` → 105, `二〇二五` → 2025.
//! Shared by the outline (heading numbers) and the metrics (counts written in words).

use crate::chars::BmpSet;
use std::sync::OnceLock;

/// The value of a Chinese digit (`〇零一…九`, `两`, and the financial forms `壹贰…`).
pub fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a Chinese multiplier inside a section (`十百千`).
fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral. The metric scanner asks this of every
/// char of prose, so the answer is one lookup in a bit set built once from [`digit`],
/// [`small_unit`] and [`big_unit`].
pub fn is_numeral_char(c: char) -> bool {
    static NUMERAL_CHARS: OnceLock<BmpSet> = OnceLock::new();
    NUMERAL_CHARS.get_or_init(|| BmpSet::of(defines_numeral)).contains(c)
}

/// The definition [`is_numeral_char`] tabulates.
fn defines_numeral(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// Parses the longest Chinese numeral at the start of `chars`. Returns the value and how
/// many chars it used, or `None` when `chars` does not start with one.
///
/// Digit-by-digit forms (`二〇二五`) read as place-value digits. A trailing `万`/`亿` is
/// part of the number (`一万` = 10000). Stops before a char that would make the numeral
/// ill-formed (`十四五` parses `十四` and leaves `五`): the caller decides what to make of
/// what follows.
pub fn parse_chinese(chars: &[char]) -> Option<(f64, usize)> {
    let first = *chars.first()?;
    if digit(first).is_none() && small_unit(first).is_none() {
        return None;
    }
    // Digit-by-digit: two or more plain digits in a row (二〇二五, 一二).
    let run = chars.iter().take_while(|&&c| digit(c).is_some() && c != '两').count();
    if run >= 2 {
        let mut v = 0f64;
        for &c in &chars[..run] {
            v = v * 10.0 + digit(c).unwrap_or(0) as f64;
        }
        return Some((v, run));
    }

    let mut total = 0f64; // completed 万/亿 groups
    let mut section = 0u32; // value below 万 so far
    let mut pending: Option<u32> = None; // a digit waiting for its multiplier
    let mut last_small = u32::MAX; // the last small unit used in this section
    let mut used = 0;
    let mut last_big = f64::INFINITY;
    let mut zero_gap = false;
    for (i, &c) in chars.iter().enumerate() {
        if let Some(d) = digit(c) {
            if pending.is_some() {
                break; // two digits in a row inside a positional numeral
            }
            if d == 0 {
                // `零` only fills a gap (一百零五): the next digit is a unit digit.
                if used == 0 || zero_gap {
                    break;
                }
                zero_gap = true;
                used = i + 1;
                continue;
            }
            pending = Some(d);
            used = i + 1;
        } else if let Some(u) = small_unit(c) {
            if u >= last_small {
                break;
            }
            let d = match pending.take() {
                Some(d) => d,
                None if u == 10 && section == 0 => 1, // 十二 = 12
                None => break,
            };
            section += d * u;
            last_small = u;
            used = i + 1;
        } else if let Some(b) = big_unit(c) {
            if used == 0 || b >= last_big {
                break;
            }
            section += pending.take().unwrap_or(0);
            total += section as f64 * b;
            section = 0;
            last_small = u32::MAX;
            last_big = b;
            used = i + 1;
        } else {
            break;
        }
    }
    if used == 0 {
        return None;
    }
    if let Some(d) = pending {
        // A trailing digit after a unit is the next lower place: 一百五 = 150, 两万三 = 23000.
        let implied = if !zero_gap && last_small != u32::MAX && last_small >= 100 && used >= 2 && digit(chars[used - 2]).is_none() {
            last_small / 10
        } else {
            1
        };
        section += d * implied;
    }
    Some((total + section as f64, used))
}

// How a number is written in the JSON summary: here, below every stage, because the
// figures, the tables and the summary all write numbers.

/// Integral values as integers; others as JSON numbers; non-finite (impossible from the
/// grammar, but never panic) as null.
pub(crate) fn write_number<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if let Some(i) = as_integer(*v) {
        s.serialize_i64(i)
    } else if v.is_finite() {
        s.serialize_f64(*v)
    } else {
        s.serialize_none()
    }
}

/// `v` as an integer when it is one that a double holds exactly (the JSON and the CSV
/// write such values without a fraction).
pub fn as_integer(v: f64) -> Option<i64> {
    (v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15).then_some(v as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numeral_table_agrees_with_the_definition() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            assert_eq!(is_numeral_char(c), defines_numeral(c), "{c:?}");
        }
    }

    #[test]
    fn reads_the_numeral_and_stops_before_what_follows() {
        let chars: Vec<char> = "二十余场".chars().collect();
        assert_eq!(parse_chinese(&chars), Some((20.0, 2))); // 二十, then 余场 follows
    }

    fn p(s: &str) -> Option<(f64, usize)> {
        let chars: Vec<char> = s.chars().collect();
        parse_chinese(&chars)
    }

    #[test]
    fn small_numbers() {
        assert_eq!(p("一"), Some((1.0, 1)));
        assert_eq!(p("两村"), Some((2.0, 1)));
        assert_eq!(p("十"), Some((10.0, 1)));
        assert_eq!(p("十二"), Some((12.0, 2)));
        assert_eq!(p("二十"), Some((20.0, 2)));
        assert_eq!(p("二十三"), Some((23.0, 3)));
        assert_eq!(p("九十九、"), Some((99.0, 3)));
    }

    #[test]
    fn hundreds_and_thousands() {
        assert_eq!(p("一百零五"), Some((105.0, 4)));
        assert_eq!(p("三百多人"), Some((300.0, 2)));
        assert_eq!(p("一千二百"), Some((1200.0, 4)));
        assert_eq!(p("一百五"), Some((150.0, 3)));
    }

    #[test]
    fn big_units_are_part_of_the_number() {
        assert_eq!(p("一万"), Some((1e4, 2)));
        assert_eq!(p("三万五千"), Some((35000.0, 4)));
        assert_eq!(p("两亿"), Some((2e8, 2)));
    }

    #[test]
    fn digit_by_digit_years() {
        assert_eq!(p("二〇二五年"), Some((2025.0, 4)));
    }

    #[test]
    fn stops_before_ill_formed_continuations() {
        assert_eq!(p("十四五"), Some((14.0, 2)));
        assert_eq!(p("二十大"), Some((20.0, 2)));
        assert_eq!(p("万"), None);
        assert_eq!(p("是"), None);
    }
}
