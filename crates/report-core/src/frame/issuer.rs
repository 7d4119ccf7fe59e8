//! Who reports, and at what level of government.
//!
//! Names come from a portal's `发布机构`, the title (`南宫市大村乡人民政府关于…`), the
//! signature or, failing those, the body (`我镇` + the place named most often). A name is
//! cut to its lowest administrative unit — the reporting body, not the places above it:
//! `南宫市大村乡人民政府` → `大村乡人民政府`, `将乐县古镛镇人民政府` → `古镛镇人民政府`,
//! `重庆市荣昌区教育委员会` → `荣昌区教育委员会`. Names are given folded (Simplified,
//! half-width) so that the same body is spelled the same way across reports.

pub use crate::levels::Level;

/// Words naming the organ of a place's government or Party committee.
const ORGAN_WORDS: &[&str] = &["人民政府", "办事处", "党工委", "党委", "委员会", "政府", "人大常委会"];

/// Suffixes of departments (a bureau, a commission, an office…).
const DEPARTMENT_SUFFIXES: &[&str] = &[
    "委会",
    "局",
    "委",
    "办",
    "厅",
    "部",
    "中心",
    "院",
    "署",
    "所",
    "庭",
    "队",
    "站",
    "馆",
    "室",
    "处",
    "公司",
    "集团",
    "学校",
    "医院",
    "银行",
    "法院",
    "检察院",
];

/// The four cities directly under the central government: provinces by level, their
/// districts and counties counties.
const DIRECT_CITIES: &[&str] = &["北京市", "上海市", "天津市", "重庆市"];

/// Township-level place suffixes.
const TOWNSHIP: &[&str] = &["街道", "街", "乡", "镇", "苏木"];
/// County-level place suffixes.
const COUNTY: &[&str] = &["自治县", "县", "区", "旗"];
/// City-level place suffixes (县级市 are told from 地级市 by what precedes them).
const CITY: &[&str] = &["自治州", "市", "州", "盟", "地区"];
const PROVINCE: &[&str] = &["自治区", "省"];

/// Cuts `name` (folded) to its lowest administrative unit and what follows it.
pub fn lowest_unit(name: &str) -> String {
    let name = name.trim();
    let name = name.strip_prefix("中共").unwrap_or(name);
    let chars: Vec<char> = name.chars().collect();
    // Ends of place names in the string: (char index after the suffix, rank).
    let ends = place_ends(&chars);
    let Some(&(last_end, last_rank)) = ends.iter().min_by_key(|&&(e, r)| (r, std::cmp::Reverse(e))) else {
        return name.to_string();
    };
    // The start of that place: just after the previous place of a higher rank.
    let mut start = ends.iter().filter(|&&(e, r)| e < last_end && r > last_rank && last_end - e >= 2).map(|&(e, _)| e).max().unwrap_or(0);
    // Never cut inside a name: the organ of the place above (`云河区人民政府北关街道办事处`)
    // goes with that place, so the unit starts after it.
    for organ in ["人民政府", "政府", "党工委", "党委"] {
        let n = organ.chars().count();
        if chars[start..].iter().take(n).copied().eq(organ.chars()) && last_end - start > n + 1 {
            start += n;
            break;
        }
    }
    chars[start..].iter().collect()
}

/// Place-name ends in `chars`: index after the suffix and a rank (0 township … 3 province).
fn place_ends(chars: &[char]) -> Vec<(usize, u8)> {
    let mut out = Vec::new();
    let mut i = 1; // a place name has at least one char before its suffix
    while i < chars.len() {
        let mut matched = None;
        for (rank, list) in [(3u8, PROVINCE), (2, CITY), (1, COUNTY), (0, TOWNSHIP)] {
            for s in list {
                let n = s.chars().count();
                if i + n <= chars.len() && chars[i..i + n].iter().copied().eq(s.chars()) {
                    matched = Some(matched.map_or((n, rank), |(m, r): (usize, u8)| if n > m { (n, rank) } else { (m, r) }));
                }
            }
        }
        if let Some((n, rank)) = matched {
            let after = chars.get(i + n).copied();
            // `市场`, `区域`, `县级`, `乡村`, `镇村` are words, not place suffixes.
            let word = matches!(
                (chars[i], after),
                ('市', Some('场' | '民' | '域' | '级' | '直'))
                    | ('区', Some('域' | '间' | '别'))
                    | ('县', Some('级' | '域'))
                    | ('乡', Some('村' | '镇'))
                    | ('镇', Some('村' | '域'))
                    | ('街', Some('巷' | '头' | '面' | '区'))
            );
            if !word {
                out.push((i + n, rank));
                i += n;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The level of government a (cut) name belongs to.
pub fn level_of(name: &str) -> Level {
    let mut core = name.trim().trim_start_matches("中共");
    for organ in ORGAN_WORDS {
        if let Some(rest) = core.strip_suffix(organ) {
            core = rest;
            break;
        }
    }
    let chars: Vec<char> = core.chars().collect();
    let ends = place_ends(&chars);
    let place_at_end = ends.last().filter(|&&(e, _)| e == chars.len());
    if let Some(&(_, rank)) = place_at_end {
        return match rank {
            0 => Level::Township,
            1 => Level::County,
            2 => {
                // A city inside another city or a province-named prefix is county-level
                // (南宫市 in 邢台市): two city ranks in a row.
                let cities = ends.iter().filter(|&&(_, r)| r == 2).count();
                if DIRECT_CITIES.contains(&core) {
                    Level::Province
                } else if cities >= 2 {
                    Level::County
                } else {
                    Level::City
                }
            }
            _ => Level::Province,
        };
    }
    if !core.is_empty() && DEPARTMENT_SUFFIXES.iter().any(|s| core.ends_with(s)) {
        return Level::Department;
    }
    Level::Unknown
}

/// Whether `name` (folded) reads as the name of an organisation: a place with or
/// without its organ, or a department.
pub fn looks_like_org(name: &str) -> bool {
    let n = name.chars().count();
    (2..=30).contains(&n) && level_of(name) != Level::Unknown
}

/// Words that start a predicate: where a subject (`东岭街道坚持…`) ends.
const PREDICATE_STARTS: &[&str] = &[
    "坚持",
    "深入",
    "认真",
    "全面",
    "始终",
    "紧紧",
    "持续",
    "严格",
    "积极",
    "高度",
    "不断",
    "聚焦",
    "围绕",
    "按照",
    "立足",
    "结合",
    "贯彻",
    "扎实",
    "大力",
    "着力",
    "切实",
    "统筹",
    "进一步",
    "主动",
    "牢固",
    "强化",
    "加强",
    "推进",
    "落实",
    "紧扣",
    "锚定",
    "树牢",
    "践行",
    "秉持",
    "着眼",
    "坚决",
    "全力",
    "关于",
    "以",
    "在",
    "把",
    "将",
    "对",
    "和",
    "与",
    "及",
    "共",
    "围",
    "紧",
    "按",
    "依",
    "通过",
    "注重",
    "致力",
    "奋力",
];

/// The organ a clause opens with, as its subject (`东岭街道坚持…` → 东岭街道,
/// `某县人民政府办公室坚持…` → 某县人民政府办公室, `某区党委和政府…` → 某区). Not a
/// bare reference to a level (`县委`, `市政府`, `区司法局`), nor `我县`, `全市`.
pub fn subject_of(clause: &str) -> Option<String> {
    // Without the readings some pages print after characters (`应(yīng)急`).
    let mut chars: Vec<char> = Vec::new();
    let mut reading = false;
    for c in clause.chars() {
        match c {
            '(' => reading = true,
            ')' if reading => reading = false,
            _ if reading && crate::chars::is_han(c) => return None,
            _ if reading => {}
            _ => chars.push(c),
        }
    }
    let first = *chars.first()?;
    // Not `我县`, `全市`, a bare level (`县委`, `市政府`), nor an announcement (`现将…`).
    if "我本全各该其省市县区乡镇州旗街现特".contains(first) {
        return None;
    }
    let text = |end: usize| chars[..end].iter().collect::<String>();
    let predicate_at = |at: usize| PREDICATE_STARTS.iter().any(|w| chars[at..].iter().copied().take(w.chars().count()).eq(w.chars()));
    let follows = |end: usize| end == chars.len() || !crate::chars::is_han(chars[end]) || predicate_at(end);
    let is_org = |q: &str| level_of(q) != Level::Unknown && !q.contains("法治") && !q.contains("依法");
    let p = (2..=chars.len().min(25)).find(|&end| is_org(&text(end)))?;
    if (1..p).any(predicate_at) {
        return None;
    }
    let mut best = follows(p).then_some(p);
    for end in p + 1..=chars.len().min(p + 14) {
        if (p..end).any(predicate_at) {
            break;
        }
        if is_org(&text(end)) && follows(end) {
            best = Some(end);
        }
    }
    let end = best?;
    if !chars[..end].iter().all(|&c| crate::chars::is_han(c)) {
        return None;
    }
    // A Party committee beside its government (`某区党委和政府`, `某区委`): the place.
    let tail: String = chars[p..end].iter().collect();
    let end = if matches!(tail.as_str(), "党委" | "党工委" | "委") { p } else { end };
    Some(text(end))
}

/// The level of a bare reference to an organ (`省人民政府`, `市政府`, `县司法局`): a
/// level word and an organ, no place name. The subject of a clause, up to its predicate.
/// A city's (`市政府`) is [`Level::City`] here: the caller asks the text which city.
pub fn bare_level(clause: &str) -> Option<Level> {
    bare_reference(clause).map(|r| r.level)
}

/// A bare reference to an organ: the level word it opens with and the organ after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BareReference {
    /// `省`, `市`, `县`, `区`, `乡` or `镇`.
    pub place: char,
    /// `人民政府`, `政府`, `司法局` …
    pub organ: String,
    pub level: Level,
}

impl BareReference {
    /// Whether it names the place's government rather than one of its departments.
    pub fn is_government(&self) -> bool {
        self.level != Level::Department
    }
}

/// [`bare_level`]'s reference itself.
pub fn bare_reference(clause: &str) -> Option<BareReference> {
    let chars: Vec<char> = clause.chars().collect();
    let predicate_at = |at: usize| PREDICATE_STARTS.iter().any(|w| chars[at..].iter().copied().take(w.chars().count()).eq(w.chars()));
    let end = (1..chars.len().min(12) + 1).find(|&k| k == chars.len() || predicate_at(k) || !crate::chars::is_han(chars[k]))?;
    let rest: String = chars[1..end].iter().collect();
    let by_place = match chars[0] {
        '省' => Level::Province,
        '市' => Level::City,
        '县' | '区' => Level::County,
        '乡' | '镇' => Level::Township,
        _ => return None,
    };
    let reference = |level| Some(BareReference { place: chars[0], organ: rest.clone(), level });
    if ["人民政府", "政府"].contains(&rest.as_str()) {
        return reference(by_place);
    }
    let dept = rest.chars().count() >= 2 && DEPARTMENT_SUFFIXES.iter().any(|s| rest.ends_with(s)) && !rest.contains("委员") && rest != "委";
    if dept {
        reference(Level::Department)
    } else {
        None
    }
}

/// What a report's text tells of a bare city's level (`云河市`): its counties or districts
/// (`各县(市、区)`, `旗县`, `市、县`) make it a prefecture; `县级市`/`地级市` say it.
pub fn city_level_cue(text: &str) -> Level {
    const SUBORDINATES: &[&str] = &[
        "县(市、区)",
        "县(市、特区)",
        "县(区)",
        "县(市)",
        "县区",
        "区县",
        "旗县",
        "旗区",
        "各县",
        "各区",
        "市、县",
        "市县两级",
        "市县乡",
        "地级市",
    ];
    if SUBORDINATES.iter().any(|w| text.contains(w)) {
        Level::City
    } else if text.contains("县级市") {
        Level::County
    } else {
        Level::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_to_the_lowest_unit() {
        assert_eq!(lowest_unit("南宫市大村乡人民政府"), "大村乡人民政府");
        assert_eq!(lowest_unit("将乐县古镛镇人民政府"), "古镛镇人民政府");
        assert_eq!(lowest_unit("中共将乐县古镛镇委员会"), "古镛镇委员会");
        assert_eq!(lowest_unit("辰溪县小龙门乡"), "小龙门乡");
        assert_eq!(lowest_unit("沙河乡"), "沙河乡");
        assert_eq!(lowest_unit("重庆市荣昌区教育委员会"), "荣昌区教育委员会");
        assert_eq!(lowest_unit("某某市市场监督管理局"), "某某市市场监督管理局");
        assert_eq!(lowest_unit("广西壮族自治区某某市某某县"), "某某县");
    }

    #[test]
    fn levels() {
        assert_eq!(level_of("大村乡人民政府"), Level::Township);
        assert_eq!(level_of("某某街道办事处"), Level::Township);
        assert_eq!(level_of("古镛镇委员会"), Level::Township);
        assert_eq!(level_of("将乐县人民政府"), Level::County);
        assert_eq!(level_of("荣昌区教委"), Level::Department);
        assert_eq!(level_of("某某市司法局"), Level::Department);
        assert_eq!(level_of("某某市人民政府"), Level::City);
        assert_eq!(level_of("某某省人民政府"), Level::Province);
        assert_eq!(level_of("某某经济开发区管委会"), Level::Department);
        assert_eq!(level_of("某某区城市管理局"), Level::Department);
        assert_eq!(level_of("法治建设"), Level::Unknown);
    }
}
