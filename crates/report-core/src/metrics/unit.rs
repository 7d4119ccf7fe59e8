//! Units: what follows a number and makes it a count.
//!
//! A figure is a number with a counting unit — a classifier (`个 件 次 场 份 人次`), a
//! measure (`元 亩 公里`), a noun used as a counter (`村 社区 网格`) — or a percentage.
//! Years, months, days, `号`, `届`, `级` are deliberately absent: `2024年`, `3月`, `5号`,
//! `二十届`, `三级联调` are not results.

use crate::chars::WordMap;
use std::sync::OnceLock;

/// What kind of unit matched; the kind decides how a metric's `what` is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitClass {
    /// A classifier: `18个村` counts the noun after it, `资料3000份` the noun before.
    Classifier,
    /// A noun that counts itself (`46网格`, `两村`).
    Noun,
    /// Money, length, area, weight, duration.
    Measure,
    /// `%`, `‰`, `个百分点`.
    Percent,
}

/// Units, longest first where one is a prefix of another (`人次` before `人`).
const UNITS: &[(&str, UnitClass)] = &[
    ("个百分点", UnitClass::Percent),
    ("个工作日", UnitClass::Measure),
    ("百分点", UnitClass::Percent),
    ("平方公里", UnitClass::Measure),
    ("平方米", UnitClass::Measure),
    ("工作日", UnitClass::Measure),
    ("人次", UnitClass::Classifier),
    ("场次", UnitClass::Classifier),
    ("户次", UnitClass::Classifier),
    ("件次", UnitClass::Classifier),
    ("批次", UnitClass::Classifier),
    ("车次", UnitClass::Classifier),
    ("架次", UnitClass::Classifier),
    ("班次", UnitClass::Classifier),
    ("期次", UnitClass::Classifier),
    ("课时", UnitClass::Measure),
    ("学时", UnitClass::Measure),
    ("个月", UnitClass::Measure),
    ("小时", UnitClass::Measure),
    ("分钟", UnitClass::Measure),
    ("公里", UnitClass::Measure),
    ("千米", UnitClass::Measure),
    ("公顷", UnitClass::Measure),
    ("千克", UnitClass::Measure),
    ("公斤", UnitClass::Measure),
    ("网格", UnitClass::Noun),
    ("社区", UnitClass::Noun),
    ("乡镇", UnitClass::Noun),
    ("街道", UnitClass::Noun),
    ("%", UnitClass::Percent),
    ("‰", UnitClass::Percent),
    ("个", UnitClass::Classifier),
    ("件", UnitClass::Classifier),
    ("次", UnitClass::Classifier),
    ("场", UnitClass::Classifier),
    ("份", UnitClass::Classifier),
    ("人", UnitClass::Classifier),
    ("名", UnitClass::Classifier),
    ("位", UnitClass::Classifier),
    ("家", UnitClass::Classifier),
    ("户", UnitClass::Classifier),
    ("条", UnitClass::Classifier),
    ("起", UnitClass::Classifier),
    ("项", UnitClass::Classifier),
    ("期", UnitClass::Classifier),
    ("批", UnitClass::Classifier),
    ("篇", UnitClass::Classifier),
    ("部", UnitClass::Classifier),
    ("本", UnitClass::Classifier),
    ("册", UnitClass::Classifier),
    ("套", UnitClass::Classifier),
    ("台", UnitClass::Classifier),
    ("辆", UnitClass::Classifier),
    ("艘", UnitClass::Classifier),
    ("处", UnitClass::Classifier),
    ("所", UnitClass::Classifier),
    ("座", UnitClass::Classifier),
    ("间", UnitClass::Classifier),
    ("栋", UnitClass::Classifier),
    ("幅", UnitClass::Classifier),
    ("块", UnitClass::Classifier),
    ("张", UnitClass::Classifier),
    ("面", UnitClass::Classifier),
    ("棵", UnitClass::Classifier),
    ("株", UnitClass::Classifier),
    ("支", UnitClass::Classifier),
    ("队", UnitClass::Classifier),
    ("组", UnitClass::Classifier),
    ("类", UnitClass::Classifier),
    ("种", UnitClass::Classifier),
    ("宗", UnitClass::Classifier),
    ("例", UnitClass::Classifier),
    ("单", UnitClass::Classifier),
    ("笔", UnitClass::Classifier),
    ("封", UnitClass::Classifier),
    ("盏", UnitClass::Classifier),
    ("节", UnitClass::Classifier),
    ("堂", UnitClass::Classifier),
    ("门", UnitClass::Classifier),
    ("课", UnitClass::Classifier),
    ("讲", UnitClass::Classifier),
    ("轮", UnitClass::Classifier),
    ("趟", UnitClass::Classifier),
    ("遍", UnitClass::Classifier),
    ("页", UnitClass::Classifier),
    ("卷", UnitClass::Classifier),
    ("村", UnitClass::Noun),
    ("校", UnitClass::Noun),
    ("镇", UnitClass::Noun),
    ("乡", UnitClass::Noun),
    ("元", UnitClass::Measure),
    ("亩", UnitClass::Measure),
    ("吨", UnitClass::Measure),
    ("米", UnitClass::Measure),
    ("天", UnitClass::Measure),
    ("周", UnitClass::Measure),
];

/// The unit at `folded[at..end]`, if any: its length in chars and class.
pub fn match_unit(folded: &[char], at: usize, end: usize) -> Option<(usize, UnitClass)> {
    static MAP: OnceLock<WordMap<UnitClass>> = OnceLock::new();
    MAP.get_or_init(|| WordMap::new(UNITS.iter().copied())).longest_at(folded, at, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(s: &str) -> Option<(String, UnitClass)> {
        let chars: Vec<char> = s.chars().collect();
        match_unit(&chars, 0, chars.len()).map(|(n, c)| (chars[..n].iter().collect(), c))
    }

    #[test]
    fn longest_unit_wins() {
        assert_eq!(unit("人次。"), Some(("人次".into(), UnitClass::Classifier)));
        assert_eq!(unit("人，"), Some(("人".into(), UnitClass::Classifier)));
        assert_eq!(unit("个百分点"), Some(("个百分点".into(), UnitClass::Percent)));
        assert_eq!(unit("个村"), Some(("个".into(), UnitClass::Classifier)));
    }

    #[test]
    fn calendar_words_are_not_units() {
        for s in ["年", "月", "日", "号", "届", "级", "时", "点"] {
            assert_eq!(unit(s), None, "{s}");
        }
    }
}
