//! Calendar dates as reports write them: `2025-02-07`, `2025/2/7`, `2025.02.07`,
//! `2025年2月7日`, `二〇二五年二月七日`.
//! In the JSON a date is a string `YYYY-MM-DD`.

use crate::numerals::parse_chinese;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date (proleptic Gregorian, years 1900–2200).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month.
    pub day: u32,
}

impl Date {
    /// The date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=2200).contains(&year) && (1..=days_in_month).contains(&day)).then_some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, String> {
        let mut it = s.splitn(3, '-').map(|p| p.parse::<u32>().ok());
        match (it.next().flatten(), it.next().flatten(), it.next().flatten()) {
            (Some(y), Some(m), Some(d)) if s.len() == 10 => Date::new(y as i32, m, d).ok_or_else(|| format!("no such date: {s}")),
            _ => Err(format!("not a YYYY-MM-DD date: {s}")),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

/// Parses a date at the start of `chars` (folded text). Returns it and the chars used.
pub fn parse_date(chars: &[char]) -> Option<(Date, usize)> {
    parse_numeric(chars).or_else(|| parse_written(chars))
}

/// Finds the first date anywhere in `chars`.
pub fn find_date(chars: &[char]) -> Option<(Date, usize, usize)> {
    (0..chars.len()).find_map(|i| {
        let prev_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if prev_digit {
            return None;
        }
        parse_date(&chars[i..]).map(|(d, len)| (d, i, i + len))
    })
}

fn digits(chars: &[char], at: usize, max: usize) -> Option<(u32, usize)> {
    let n = chars[at.min(chars.len())..].iter().take(max + 1).take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > max {
        return None;
    }
    let v = chars[at..at + n].iter().fold(0u32, |v, c| v * 10 + c.to_digit(10).unwrap_or(0));
    Some((v, n))
}

/// `2025-02-07`, `2025/2/7`, `2025.2.7`, `2025年2月7日`.
fn parse_numeric(chars: &[char]) -> Option<(Date, usize)> {
    let (year, n) = digits(chars, 0, 4).filter(|&(_, n)| n == 4)?;
    let sep = *chars.get(n)?;
    let (month_sep, day_sep_end) = match sep {
        '-' | '/' | '.' => (sep, None),
        '年' => ('年', Some('日')),
        _ => return None,
    };
    let (month, m) = digits(chars, n + 1, 2)?;
    let mut k = n + 1 + m;
    let expect = if month_sep == '年' { '月' } else { month_sep };
    if chars.get(k) != Some(&expect) {
        return None;
    }
    k += 1;
    let (day, d) = digits(chars, k, 2)?;
    k += d;
    if let Some(end) = day_sep_end {
        if matches!(chars.get(k), Some(&c) if c == end || c == '号') {
            k += 1;
        } else {
            return None;
        }
    }
    Some((Date::new(year as i32, month, day)?, k))
}

/// `二〇二五年二月七日`.
fn parse_written(chars: &[char]) -> Option<(Date, usize)> {
    let year_len = chars.iter().take_while(|&&c| crate::numerals::digit(c).is_some() && c != '两').count();
    if year_len != 4 || chars.get(4) != Some(&'年') {
        return None;
    }
    let year = chars[..4].iter().fold(0i32, |v, &c| v * 10 + crate::numerals::digit(c).unwrap_or(0) as i32);
    let mut k = 5;
    let (month, m) = parse_chinese(&chars[k..(k + 3).min(chars.len())])?;
    k += m;
    if chars.get(k) != Some(&'月') {
        return None;
    }
    k += 1;
    let (day, d) = parse_chinese(&chars[k..(k + 3).min(chars.len())])?;
    k += d;
    if !matches!(chars.get(k), Some('日' | '号')) {
        return None;
    }
    Some((Date::new(year, month as u32, day as u32)?, k + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        let chars: Vec<char> = s.chars().map(crate::normalize::fold).collect();
        parse_date(&chars).map(|(d, _)| d.to_string())
    }

    #[test]
    fn forms() {
        assert_eq!(p("2025-02-07"), Some("2025-02-07".into()));
        assert_eq!(p("2025/2/7 16:33"), Some("2025-02-07".into()));
        assert_eq!(p("2025.02.07"), Some("2025-02-07".into()));
        assert_eq!(p("2025年2月7日"), Some("2025-02-07".into()));
        assert_eq!(p("２０２５年３月３１日"), Some("2025-03-31".into()));
        assert_eq!(p("二〇二五年十二月三十一日"), Some("2025-12-31".into()));
        assert_eq!(p("二○二五年一月二日"), Some("2025-01-02".into()));
    }

    #[test]
    fn not_dates() {
        for s in ["2025年", "2025年2月", "2025-13-01", "2025-02-30", "20250207", "12345"] {
            assert_eq!(p(s), None, "{s}");
        }
    }

    #[test]
    fn find_anywhere() {
        let chars: Vec<char> = "发布时间:2025-04-11 16:33".chars().collect();
        let (d, start, end) = find_date(&chars).unwrap();
        assert_eq!((d.to_string(), start, end), ("2025-04-11".into(), 5, 15));
    }
}
