//! Kinds of report, as data: what a kind is called, how it is recognised, the parts its
//! rule requires (with the words headings use for them), its publication deadline and the
//! checks that apply. The stages read a [`ReportKind`]; none of them names a kind's parts
//! in code, so a second kind is a second value of this type, not a second pipeline.
//!
//! The first kind is the **法治政府建设年度报告**: 《法治政府建设与责任落实督察工作规定》
//! (2019), art. 25, requires five parts and publication by 1 April of the next year.
//!
//! ```
//! use report_core::kinds::{KindId, ReportKind};
//! let kind = ReportKind::get(KindId::RuleOfLaw);
//! assert_eq!(kind.parts.len(), 5);
//! assert_eq!(kind.parts[0].short_zh, "主要举措和成效");
//! let rule = kind.deadline_for(2024).unwrap();
//! assert_eq!((rule.month, rule.day), (4, 1));
//! assert_eq!((kind.deadline_for(2017).unwrap().month, kind.deadline_for(2017).unwrap().day), (3, 31));
//! ```

use crate::chars::WordMap;
use crate::levels::Level;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The kinds of report Report Lens knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum KindId {
    /// 法治政府建设年度报告 (《法治政府建设与责任落实督察工作规定》, 2019).
    RuleOfLaw,
    /// 政府信息公开工作年度报告 (《中华人民共和国政府信息公开条例》, 第四十九、五十条; the
    /// national form of 国办公开办函〔2021〕30号, and of 〔2019〕60号 for 2019–2020).
    #[serde(rename = "gov_info_disclosure")]
    Disclosure,
}

crate::names::read_by_name!(KindId { RuleOfLaw => "rule_of_law", Disclosure => "gov_info_disclosure" });

impl KindId {
    /// Every kind, in the order the app offers them.
    #[cfg(feature = "disclosure")]
    pub const ALL: [KindId; 2] = [KindId::RuleOfLaw, KindId::Disclosure];
    /// Every kind, in the order the app offers them (built without the `disclosure` feature).
    #[cfg(not(feature = "disclosure"))]
    pub const ALL: [KindId; 1] = [KindId::RuleOfLaw];
    /// Every kind there is data for, whether or not it is offered (for looking up a part's
    /// or a rule's data).
    pub const EVERY: [KindId; 2] = [KindId::RuleOfLaw, KindId::Disclosure];
}

/// How the summary's kind was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum KindBasis {
    /// The title (or the opening) names the kind.
    Recognised,
    /// Nothing named a kind: the default kind was assumed.
    Assumed,
    /// The caller chose the kind (a reviewer switched it by hand).
    Chosen,
}

crate::names::read_by_name!(KindBasis { Recognised => "recognised", Assumed => "assumed", Chosen => "chosen" });

/// The parts any kind may require. Ids are stable across kinds and releases: they are the
/// `sections[].id` of the JSON summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartId {
    /// 上一年度推进法治政府建设的主要举措和成效.
    Measures,
    /// 上一年度推进法治政府建设存在的不足和原因.
    Shortcomings,
    /// 党政主要负责人履行推进法治建设第一责任人职责的有关情况.
    FirstResponsible,
    /// 下一年度推进法治政府建设的主要安排.
    NextYearPlan,
    /// 其他需要报告的情况.
    Other,
    /// 政府信息公开: 一、总体情况.
    Overview,
    /// 政府信息公开: 二、主动公开政府信息情况.
    Proactive,
    /// 政府信息公开: 三、收到和处理政府信息公开申请情况.
    Applications,
    /// 政府信息公开: 四、政府信息公开行政复议、行政诉讼情况.
    ReviewLitigation,
    /// 政府信息公开: 五、存在的主要问题及改进情况.
    ProblemsImprovements,
    /// 政府信息公开: 六、其他需要报告的事项.
    OtherMatters,
}

crate::names::read_by_name!(PartId { Measures => "measures", Shortcomings => "shortcomings", FirstResponsible => "first_responsible", NextYearPlan => "next_year_plan", Other => "other", Overview => "overview", Proactive => "proactive", Applications => "applications", ReviewLitigation => "review_litigation", ProblemsImprovements => "problems_improvements", OtherMatters => "other_matters" });

impl PartId {
    /// What the kind that requires this part says of it (every part belongs to a kind).
    pub fn spec(self) -> &'static PartSpec {
        KindId::EVERY
            .iter()
            .find_map(|&k| ReportKind::get(k).part(self))
            .expect("every PartId is required by some kind (tested in kinds::tests)")
    }

    /// Every part, of every kind.
    pub const ALL: [PartId; 11] = [
        PartId::Measures,
        PartId::Shortcomings,
        PartId::FirstResponsible,
        PartId::NextYearPlan,
        PartId::Other,
        PartId::Overview,
        PartId::Proactive,
        PartId::Applications,
        PartId::ReviewLitigation,
        PartId::ProblemsImprovements,
        PartId::OtherMatters,
    ];

    /// The part whose stable id ([`PartId::as_str`]) this is (front ends read ids back
    /// from addresses and stored views).
    pub fn from_id(id: &str) -> Option<PartId> {
        PartId::ALL.into_iter().find(|p| p.as_str() == id)
    }
}

/// Which year a part's heading should name, if it names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartYear {
    /// The year reported on (`2024年主要举措和成效` in the report for 2024).
    ReportYear,
    /// The year after it (`2025年工作安排`).
    NextYear,
    /// No year is expected.
    Any,
}

/// Why a part is `partial`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum PartialReason {
    /// The heading names problems or shortcomings but not their causes.
    ProblemsWithoutCauses,
    /// The heading names measures but not their results.
    MeasuresWithoutResults,
    /// The heading names a year other than the one the part is about.
    WrongYear {
        /// The year the heading names.
        found: i32,
        /// The year it should name (the report year, or the next year for a plan).
        expected: i32,
    },
}

/// An element the rule asks a part's heading to name; a heading without it makes the part
/// `partial`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Element {
    /// Only headings naming one of these words are asked for the element (empty: every
    /// heading of the part).
    pub when: &'static [&'static str],
    /// Words that name the element.
    pub words: &'static [&'static str],
    /// The reason given when none of `words` is there.
    pub missing: PartialReason,
}

/// One part a kind requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartSpec {
    /// The stable id.
    pub id: PartId,
    /// The part's name as the rule words it.
    pub name_zh: &'static str,
    /// The part's name in English.
    pub name_en: &'static str,
    /// A short name for messages and column headers.
    pub short_zh: &'static str,
    /// The short name in English.
    pub short_en: &'static str,
    /// Words a heading uses to name the part (folded, Simplified).
    pub heading_words: &'static [&'static str],
    /// Words in prose that touch on the part (to point at text when no heading names it).
    pub mention_words: &'static [&'static str],
    /// A heading naming this part names none of these (a plan heading `下一步工作举措` is not
    /// results; `其他需要报告的情况` is only the last part).
    pub excludes: &'static [PartId],
    /// A short heading that is only `其他`/`其它` names this part.
    pub bare_other: bool,
    /// A heading about work in the year after the report year names this part.
    pub next_year_work: bool,
    /// The year its heading should name.
    pub year: PartYear,
    /// Elements its heading should name.
    pub elements: &'static [Element],
}

/// The rules that set a publication deadline (their ids are in the JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// 《法治政府建设与责任落实督察工作规定》 (2019): published by 1 April.
    #[serde(rename = "supervision_regulations_2019")]
    SupervisionRegulations2019,
    /// 《法治政府建设实施纲要（2015－2020年）》: county-and-above governments and their
    /// departments report and publish in the first quarter.
    #[serde(rename = "implementation_outline_2015")]
    ImplementationOutline2015,
    /// 《政府信息公开条例》 (2019) 第四十九条, first sentence: departments of county-and-above
    /// governments publish by 31 January. Also applied to townships, as a note (the article
    /// does not name them; local rules mostly hold them to the departments' date).
    #[serde(rename = "disclosure_regulations_2019_departments")]
    DisclosureRegulations2019Departments,
    /// 《政府信息公开条例》 (2019) 第四十九条, second sentence: county-and-above governments'
    /// reports, published by 31 March. Also applied when the level is unknown: it is the
    /// latest date the article allows any issuer, so a report later than it is late for
    /// whoever issued it.
    #[serde(rename = "disclosure_regulations_2019_governments")]
    DisclosureRegulations2019Governments,
    /// 《政府信息公开条例》 (2007) 第三十一条: every administrative organ publishes by 31 March
    /// (report years 2008–2018).
    #[serde(rename = "disclosure_regulations_2007")]
    DisclosureRegulations2007,
}

crate::names::read_by_name!(RuleId { SupervisionRegulations2019 => "supervision_regulations_2019", ImplementationOutline2015 => "implementation_outline_2015", DisclosureRegulations2019Departments => "disclosure_regulations_2019_departments", DisclosureRegulations2019Governments => "disclosure_regulations_2019_governments", DisclosureRegulations2007 => "disclosure_regulations_2007" });

/// A publication deadline and the rule that sets it: `month`/`day` of the year after the
/// report year, for report years from `from_year` (until a later rule takes over).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The rule.
    pub rule: RuleId,
    /// The first report year the rule applies to.
    pub from_year: i32,
    /// Month (1–12).
    pub month: u32,
    /// Day of the month.
    pub day: u32,
    /// The rule as cited in messages.
    pub rule_zh: &'static str,
    /// The rule's English name.
    pub rule_en: &'static str,
    /// Whether the rule names townships (乡镇, 街道); where it does not, a township's late
    /// publication is a note, not a breach.
    pub binds_townships: bool,
    /// The issuer levels the rule applies to (empty: every level). Rules of one year with
    /// different levels sit side by side (31 January for departments, 31 March for
    /// governments).
    pub levels: &'static [Level],
}

impl Deadline {
    /// The deadline rule with this id.
    pub fn get(rule: RuleId) -> &'static Deadline {
        KindId::EVERY
            .iter()
            .flat_map(|&k| ReportKind::get(k).deadlines.iter())
            .find(|d| d.rule == rule)
            .expect("every RuleId is some kind's deadline (tested in kinds::tests)")
    }
}

/// The checks the findings stage runs for a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Every required part is named by a heading (and how completely).
    RequiredParts,
    /// The present parts follow the rule's order.
    PartOrder,
    /// Published by the deadline.
    Deadline,
    /// Heading numbers run 1, 2, 3… at every level.
    Numbering,
    /// The given part holds at least one figure.
    FiguresIn(PartId),
    /// The given part gives causes, not only problems (any of the words).
    CausesIn(PartId, &'static [&'static str]),
    /// The year reported on is known.
    ReportYear,
    /// The standard tables are there, complete, filled in, and add up as the form states.
    Tables,
    /// The title's year is the year before publication.
    TitleYear,
}

/// A kind of report, as data.
#[derive(Debug, PartialEq, Eq)]
pub struct ReportKind {
    /// The stable id.
    pub id: KindId,
    /// The kind's name.
    pub name_zh: &'static str,
    /// The kind's name in English.
    pub name_en: &'static str,
    /// A title (folded, Simplified, spaces removed) naming any of these is of this kind.
    pub title_words: &'static [&'static str],
    /// Words only this kind's text uses (its part headings, its form's labels): a text
    /// with no title is of this kind when two of them show in its opening (or one and a
    /// title word).
    pub text_signs: &'static [&'static str],
    /// The required parts, in the rule's order.
    pub parts: &'static [PartSpec],
    /// The publication deadlines, the latest rule first.
    pub deadlines: &'static [Deadline],
    /// The checks that apply.
    pub checks: &'static [Check],
    /// Whether the kind's form has standard tables (see `forms`): they are read onto its
    /// grid, and their rows are neither headings nor parts.
    pub standard_tables: bool,
}

impl ReportKind {
    /// The kind with this id.
    pub fn get(id: KindId) -> &'static ReportKind {
        match id {
            KindId::RuleOfLaw => &RULE_OF_LAW,
            KindId::Disclosure => &DISCLOSURE,
        }
    }

    /// The kind assumed when nothing names one.
    pub fn default_kind() -> &'static ReportKind {
        &RULE_OF_LAW
    }

    /// The deadline in force for reports on `report_year`: the latest rule that applies
    /// from that year (none before the first rule).
    pub fn deadline_for(&self, report_year: i32) -> Option<&'static Deadline> {
        self.deadlines.iter().find(|d| d.from_year <= report_year)
    }

    /// The deadline in force for reports on `report_year` by an issuer of `level`: the
    /// latest rule that applies from that year and names that level (or every level).
    pub fn deadline_for_level(&self, report_year: i32, level: Level) -> Option<&'static Deadline> {
        let latest = self.deadline_for(report_year)?.from_year;
        self.deadlines.iter().filter(|d| d.from_year == latest).find(|d| d.levels.is_empty() || d.levels.contains(&level))
    }

    /// The spec of part `id`, if this kind requires it.
    pub fn part(&self, id: PartId) -> Option<&'static PartSpec> {
        self.parts.iter().find(|p| p.id == id)
    }

    /// The parts a heading title (folded) names, in the rule's order: every part whose
    /// heading words occur in it, less the parts that a named part excludes.
    pub(crate) fn parts_named(&self, title: &str) -> Vec<PartId> {
        // Sized once (a title has at most as many chars as bytes): collecting would grow it
        // several times, for every heading.
        let mut t: Vec<char> = Vec::with_capacity(title.len());
        t.extend(title.chars().filter(|c| !c.is_whitespace()));
        let words = self.heading_words();
        let mut named: Vec<PartId> = Vec::new();
        for at in 0..t.len() {
            // Every word starting here, not only the longest: 下一年度工作安排 names the plan twice.
            if let Some((_, id)) = words.longest_at(&t, at, t.len()) {
                if !named.contains(&id) {
                    named.push(id);
                }
            }
        }
        // A bare `其他` / `其它` heading is the last part.
        if t.len() <= 6 && (t.starts_with(&['其', '他']) || t.starts_with(&['其', '它'])) {
            for p in self.parts.iter().filter(|p| p.bare_other) {
                if !named.contains(&p.id) {
                    named.push(p.id);
                }
            }
        }
        let excluded: Vec<PartId> = named.iter().filter_map(|&id| self.part(id)).flat_map(|p| p.excludes.iter().copied()).collect();
        named.retain(|id| !excluded.contains(id));
        self.in_rule_order(&mut named);
        named
    }

    /// Sorts part ids in the order this kind's rule lists them.
    pub(crate) fn in_rule_order(&self, ids: &mut [PartId]) {
        ids.sort_by_key(|id| self.parts.iter().position(|p| p.id == *id).unwrap_or(usize::MAX));
    }

    /// The heading words of every part, indexed for the longest match at a position.
    fn heading_words(&self) -> &'static WordMap<PartId> {
        static MAPS: OnceLock<Vec<WordMap<PartId>>> = OnceLock::new();
        let maps = MAPS.get_or_init(|| {
            KindId::EVERY
                .iter()
                .map(|&id| WordMap::new(ReportKind::get(id).parts.iter().flat_map(|p| p.heading_words.iter().map(move |&w| (w, p.id)))))
                .collect()
        });
        &maps[KindId::EVERY.iter().position(|&id| id == self.id).unwrap_or(0)]
    }

    /// Whether a heading title (folded) names only the next-year plan of some kind (`2025年
    /// 工作打算` in a report for 2024).
    pub(crate) fn names_only_a_plan(title: &str) -> bool {
        KindId::ALL.iter().map(|&id| ReportKind::get(id)).any(|k| {
            let named = k.parts_named(title);
            named.len() == 1 && k.part(named[0]).is_some_and(|p| p.next_year_work)
        })
    }

    /// The kind a title names (folded text), if any.
    pub(crate) fn named_by(title: &str) -> Option<&'static ReportKind> {
        let compact: String = title.chars().filter(|c| !c.is_whitespace()).collect();
        KindId::ALL.iter().map(|&id| ReportKind::get(id)).find(|k| k.title_words.iter().any(|w| compact.contains(w)))
    }

    /// The kind the opening of a text without a title names (folded, spaces removed): a
    /// kind of which [`MIN_TEXT_SIGNS`] distinct [`ReportKind::text_signs`] show there,
    /// while no other kind's title words do. Copies of report pages often start below the
    /// title; the kind's own name, its law and its part headings in the first paragraphs
    /// still tell it. Kinds without signs are never recognised this way.
    pub(crate) fn named_by_text(opening: &str) -> Option<&'static ReportKind> {
        KindId::ALL.iter().map(|&id| ReportKind::get(id)).find(|k| {
            let signs = k.text_signs.iter().filter(|w| opening.contains(*w)).count();
            let others =
                KindId::ALL.iter().filter(|&&o| o != k.id).any(|&o| ReportKind::get(o).title_words.iter().any(|w| opening.contains(w)));
            signs >= MIN_TEXT_SIGNS && !others
        })
    }
}

/// How many distinct signs of a kind an opening without a title shows before it is taken
/// to be of that kind (one may be a passing mention: a rule-of-law report tells of its
/// 政府信息公开 work).
pub const MIN_TEXT_SIGNS: usize = 3;

/// How many chars of a text's opening [`ReportKind::named_by_text`] reads.
pub const OPENING_CHARS: usize = 2000;

/// Words a part heading uses for the results of the year.
const MEASURES_WORDS: &[&str] = &[
    "主要举措",
    "举措和成效",
    "举措及成效",
    "措施和成效",
    "措施及成效",
    "做法和成效",
    "做法及成效",
    "主要做法",
    "主要成效",
    "工作成效",
    "取得的成效",
    "主要成绩",
    "取得的成绩",
    "工作成绩",
    "主要工作",
    "工作开展情况",
    "工作情况",
    "工作完成情况",
    "工作进展",
    "履职情况和成效",
    "基本情况",
    "总体情况",
    "推进情况",
    "建设情况",
    "进展情况",
    "主要措施",
    "工作举措",
    "工作回顾",
    "回顾",
    "工作亮点",
];

const SHORTCOMINGS_WORDS: &[&str] =
    &["不足", "存在问题", "存在的问题", "主要问题", "困难和问题", "问题和困难", "问题与不足", "短板", "薄弱环节", "差距", "困难", "薄弱"];

const FIRST_RESPONSIBLE_WORDS: &[&str] = &["第一责任人", "主要负责人", "党政负责人", "主要领导", "一把手", "履行推进法治建设"];

const NEXT_YEAR_PLAN_WORDS: &[&str] = &[
    "下一年度",
    "下一年",
    "下一步",
    "下年度",
    "明年",
    "工作打算",
    "工作安排",
    "工作计划",
    "主要安排",
    "工作思路",
    "工作设想",
    "工作重点",
    "努力方向",
    "下步打算",
    "下步工作",
    "下一阶段",
    "下阶段",
    "今后工作",
    "打算",
    "展望",
];

const OTHER_WORDS: &[&str] = &["其他需要报告", "其他情况", "其他事项", "需要报告的其他", "其它需要报告", "其它情况"];

/// Words that give a cause (the shortcomings part must analyse causes, not only list
/// problems).
const CAUSE_WORDS: &[&str] =
    &["原因", "由于", "因为", "导致", "造成", "在于", "源于", "缘于", "归因", "根源", "成因", "受限于", "以致", "致使", "影响了", "所致"];

static RULE_OF_LAW_PARTS: [PartSpec; 5] = [
    PartSpec {
        id: PartId::Measures,
        name_zh: "上一年度推进法治政府建设的主要举措和成效",
        name_en: "Main measures and results of the year",
        short_zh: "主要举措和成效",
        short_en: "Measures and results",
        heading_words: MEASURES_WORDS,
        mention_words: &["主要举措", "工作成效", "取得成效", "主要做法"],
        excludes: &[],
        bare_other: false,
        next_year_work: false,
        year: PartYear::ReportYear,
        elements: &[Element {
            when: &["举措", "措施", "做法"],
            words: &["成效", "成绩", "成果", "效果", "成就", "进展", "情况"],
            missing: PartialReason::MeasuresWithoutResults,
        }],
    },
    PartSpec {
        id: PartId::Shortcomings,
        name_zh: "上一年度推进法治政府建设存在的不足和原因",
        name_en: "Shortcomings of the year and their causes",
        short_zh: "存在的不足和原因",
        short_en: "Shortcomings and causes",
        heading_words: SHORTCOMINGS_WORDS,
        mention_words: &["不足", "存在问题", "存在的问题", "短板", "差距"],
        excludes: &[],
        bare_other: false,
        next_year_work: false,
        year: PartYear::ReportYear,
        elements: &[Element { when: &[], words: &["原因", "成因", "根源", "分析"], missing: PartialReason::ProblemsWithoutCauses }],
    },
    PartSpec {
        id: PartId::FirstResponsible,
        name_zh: "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        name_en: "How the leaders fulfilled their duty as first responsible persons",
        short_zh: "第一责任人履职情况",
        short_en: "First-responsible duties",
        heading_words: FIRST_RESPONSIBLE_WORDS,
        mention_words: &["第一责任人", "主要负责人"],
        // `履行第一责任人职责…的有关情况` holds no plan or results words; a heading about the
        // responsible persons that also says 工作情况 is still only that part.
        excludes: &[PartId::Measures],
        bare_other: false,
        next_year_work: false,
        year: PartYear::ReportYear,
        elements: &[],
    },
    PartSpec {
        id: PartId::NextYearPlan,
        name_zh: "下一年度推进法治政府建设的主要安排",
        name_en: "Main plans for the next year",
        short_zh: "下一年度主要安排",
        short_en: "Next year's plan",
        heading_words: NEXT_YEAR_PLAN_WORDS,
        mention_words: &["下一步", "下一年度", "明年", "工作打算"],
        // Plans describe measures to come (`下一步工作举措`): a plan heading is not results.
        excludes: &[PartId::Measures],
        bare_other: false,
        next_year_work: true,
        year: PartYear::NextYear,
        elements: &[],
    },
    PartSpec {
        id: PartId::Other,
        name_zh: "其他需要报告的情况",
        name_en: "Other matters to report",
        short_zh: "其他需要报告的情况",
        short_en: "Other matters",
        heading_words: OTHER_WORDS,
        mention_words: &["其他需要报告"],
        // `其他需要报告的情况` is only the last part, though it contains 报告/情况.
        excludes: &[PartId::Measures, PartId::Shortcomings, PartId::FirstResponsible, PartId::NextYearPlan],
        bare_other: true,
        next_year_work: false,
        year: PartYear::Any,
        elements: &[],
    },
];

static RULE_OF_LAW: ReportKind = ReportKind {
    id: KindId::RuleOfLaw,
    name_zh: "法治政府建设年度报告",
    name_en: "Annual report on building a rule-of-law government",
    title_words: &["法治政府", "法治建设", "依法行政"],
    text_signs: &[],
    parts: &RULE_OF_LAW_PARTS,
    // The regulations of May 2019 (art. 25: published by 1 April) govern the reports on 2019
    // and later; before them the 2015 outline asked county-and-above governments and their
    // departments to report and publish in the first quarter, and did not name townships.
    deadlines: &[
        Deadline {
            rule: RuleId::SupervisionRegulations2019,
            from_year: 2019,
            month: 4,
            day: 1,
            rule_zh: "《法治政府建设与责任落实督察工作规定》",
            rule_en: "Regulations on Building a Rule-of-Law Government and Supervising Responsibility (2019)",
            binds_townships: true,
            levels: &[],
        },
        Deadline {
            rule: RuleId::ImplementationOutline2015,
            from_year: 2015,
            month: 3,
            day: 31,
            rule_zh: "《法治政府建设实施纲要（2015－2020年）》",
            rule_en: "Implementation Outline for Building a Rule-of-Law Government (2015–2020)",
            binds_townships: false,
            levels: &[],
        },
    ],
    checks: &[
        Check::RequiredParts,
        Check::PartOrder,
        Check::Deadline,
        Check::Numbering,
        Check::FiguresIn(PartId::Measures),
        Check::CausesIn(PartId::Shortcomings, CAUSE_WORDS),
        Check::ReportYear,
    ],
    standard_tables: false,
};

static DISCLOSURE_PARTS: [PartSpec; 6] = [
    PartSpec {
        id: PartId::Overview,
        name_zh: "总体情况",
        name_en: "Overview",
        short_zh: "总体情况",
        short_en: "Overview",
        heading_words: &["总体情况", "基本情况", "总体概况", "概述"],
        mention_words: &["总体情况"],
        excludes: &[],
        bare_other: false,
        next_year_work: false,
        year: PartYear::Any,
        elements: &[],
    },
    PartSpec {
        id: PartId::Proactive,
        name_zh: "主动公开政府信息情况",
        name_en: "Information published proactively",
        short_zh: "主动公开政府信息情况",
        short_en: "Proactive disclosure",
        // Not the bare `主动公开情况`: the overview's own sub-headings use it
        // (`（一）主动公开情况`), and they would take the part from the form's heading.
        heading_words: &["主动公开政府信息"],
        mention_words: &["主动公开"],
        excludes: &[PartId::Overview],
        bare_other: false,
        next_year_work: false,
        year: PartYear::Any,
        elements: &[],
    },
    PartSpec {
        id: PartId::Applications,
        name_zh: "收到和处理政府信息公开申请情况",
        name_en: "Applications received and handled",
        short_zh: "收到和处理申请情况",
        short_en: "Applications",
        heading_words: &["收到和处理政府信息公开申请", "处理政府信息公开申请", "政府信息公开申请情况", "依申请公开政府信息情况"],
        mention_words: &["依申请公开", "公开申请"],
        excludes: &[PartId::Overview],
        bare_other: false,
        next_year_work: false,
        year: PartYear::Any,
        elements: &[],
    },
    PartSpec {
        id: PartId::ReviewLitigation,
        name_zh: "政府信息公开行政复议、行政诉讼情况",
        name_en: "Administrative reconsideration and litigation",
        short_zh: "行政复议、行政诉讼情况",
        short_en: "Reconsideration and litigation",
        heading_words: &["行政复议", "行政诉讼"],
        mention_words: &["行政复议", "行政诉讼"],
        excludes: &[PartId::Overview],
        bare_other: false,
        next_year_work: false,
        year: PartYear::Any,
        elements: &[],
    },
    PartSpec {
        id: PartId::ProblemsImprovements,
        name_zh: "存在的主要问题及改进情况",
        name_en: "Main problems and improvements",
        short_zh: "存在的主要问题及改进情况",
        short_en: "Problems and improvements",
        heading_words: &["存在的主要问题", "主要问题", "存在问题", "存在的问题", "改进情况", "问题及改进", "不足"],
        mention_words: &["存在问题", "存在的问题", "改进"],
        excludes: &[PartId::Overview],
        bare_other: false,
        next_year_work: false,
        year: PartYear::Any,
        elements: &[],
    },
    PartSpec {
        id: PartId::OtherMatters,
        name_zh: "其他需要报告的事项",
        name_en: "Other matters to report",
        short_zh: "其他需要报告的事项",
        short_en: "Other matters",
        heading_words: &["其他需要报告", "其它需要报告", "其他事项", "其它事项"],
        mention_words: &["其他需要报告"],
        excludes: &[PartId::Overview, PartId::ProblemsImprovements],
        bare_other: true,
        next_year_work: false,
        year: PartYear::Any,
        elements: &[],
    },
];

/// The levels 第四十九条's first sentence names (departments), with townships, which it
/// does not name but which local rules hold to the same date (see `binds_townships`).
const DEPARTMENT_LEVELS: &[Level] = &[Level::Department, Level::Township];
/// County-and-above governments, and an unknown level (31 March is the latest date the
/// article gives anyone).
const GOVERNMENT_LEVELS: &[Level] = &[Level::County, Level::City, Level::Province, Level::Unknown];

static DISCLOSURE: ReportKind = ReportKind {
    id: KindId::Disclosure,
    name_zh: "政府信息公开工作年度报告",
    name_en: "Annual report on government information disclosure",
    title_words: &["政府信息公开工作年度报告", "政府信息公开年度报告", "信息公开工作年度报告", "政务公开工作年度报告"],
    text_signs: &[
        "政府信息公开工作年度报告",
        "政府信息公开年度报告",
        "政府信息公开条例",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请",
        "政府信息公开行政复议",
        "本年新收政府信息公开申请数量",
        "第二十条第(一)项",
        "依申请公开",
        "主动公开",
    ],
    parts: &DISCLOSURE_PARTS,
    // 第四十九条 of the 2019 regulations (in force 15 May 2019, governing the reports on 2019
    // and later): departments by 31 January, county-and-above governments by 31 March.
    // Before it, 第三十一条 of the 2007 regulations: every organ by 31 March.
    deadlines: &[
        Deadline {
            rule: RuleId::DisclosureRegulations2019Departments,
            from_year: 2019,
            month: 1,
            day: 31,
            rule_zh: "《中华人民共和国政府信息公开条例》第四十九条（县级以上人民政府部门）",
            rule_en: "Regulations on the Disclosure of Government Information (2019), art. 49 (departments)",
            binds_townships: false,
            levels: DEPARTMENT_LEVELS,
        },
        Deadline {
            rule: RuleId::DisclosureRegulations2019Governments,
            from_year: 2019,
            month: 3,
            day: 31,
            rule_zh: "《中华人民共和国政府信息公开条例》第四十九条（县级以上地方人民政府）",
            rule_en: "Regulations on the Disclosure of Government Information (2019), art. 49 (county-and-above governments)",
            binds_townships: false,
            levels: GOVERNMENT_LEVELS,
        },
        Deadline {
            rule: RuleId::DisclosureRegulations2007,
            from_year: 2008,
            month: 3,
            day: 31,
            rule_zh: "《中华人民共和国政府信息公开条例》（2007年）第三十一条",
            rule_en: "Regulations on the Disclosure of Government Information (2007), art. 31",
            binds_townships: true,
            levels: &[],
        },
    ],
    checks: &[
        Check::RequiredParts,
        Check::PartOrder,
        Check::Deadline,
        Check::Numbering,
        Check::ReportYear,
        Check::TitleYear,
        Check::Tables,
    ],
    standard_tables: true,
};

#[cfg(test)]
mod tests {

    #[test]
    fn every_part_of_every_kind_is_read_back_from_its_id() {
        for kind in KindId::EVERY {
            for part in ReportKind::get(kind).parts {
                assert!(PartId::ALL.contains(&part.id));
                assert_eq!(PartId::from_id(part.id.as_str()), Some(part.id));
            }
        }
        assert_eq!(PartId::from_id("nothing"), None);
    }
    use super::*;

    #[test]
    fn every_kind_lists_its_parts_in_order_once() {
        for id in KindId::EVERY {
            let kind = ReportKind::get(id);
            assert_eq!(kind.id, id);
            let ids: Vec<PartId> = kind.parts.iter().map(|p| p.id).collect();
            let mut sorted = ids.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(ids, sorted, "{:?}: parts in order, each once", id);
            for p in kind.parts {
                assert!(!p.heading_words.is_empty(), "{:?} has heading words", p.id);
                assert!(p.excludes.iter().all(|e| *e != p.id), "{:?} does not exclude itself", p.id);
            }
        }
    }

    #[test]
    fn every_part_id_belongs_to_a_kind() {
        // Written out variant by variant (not `PartId::ALL`): it is what checks that `ALL`
        // misses none.
        let every = [
            PartId::Measures,
            PartId::Shortcomings,
            PartId::FirstResponsible,
            PartId::NextYearPlan,
            PartId::Other,
            PartId::Overview,
            PartId::Proactive,
            PartId::Applications,
            PartId::ReviewLitigation,
            PartId::ProblemsImprovements,
            PartId::OtherMatters,
        ];
        assert_eq!(every, PartId::ALL);
        for id in every {
            assert_eq!(id.spec().id, id);
        }
    }

    #[test]
    fn deadlines_run_latest_first_and_each_rule_is_found() {
        for id in KindId::EVERY {
            let kind = ReportKind::get(id);
            assert!(kind.deadlines.windows(2).all(|w| w[0].from_year >= w[1].from_year), "{id:?}: latest rule first");
            for d in kind.deadlines {
                assert_eq!(Deadline::get(d.rule), d);
            }
        }
        let kind = ReportKind::get(KindId::RuleOfLaw);
        assert_eq!(kind.deadline_for(2019).map(|d| d.rule), Some(RuleId::SupervisionRegulations2019));
        assert_eq!(kind.deadline_for(2018).map(|d| d.rule), Some(RuleId::ImplementationOutline2015));
        assert_eq!(kind.deadline_for(2014), None);
    }

    #[test]
    fn a_title_names_its_kind() {
        assert_eq!(ReportKind::named_by("某镇2024年法治政府建设情况报告").map(|k| k.id), Some(KindId::RuleOfLaw));
        assert_eq!(ReportKind::named_by("某镇2024年工作总结").map(|k| k.id), None);
    }

    #[cfg(feature = "disclosure")]
    #[test]
    fn a_title_names_the_disclosure_kind() {
        assert_eq!(ReportKind::named_by("某县司法局2023年政府信息公开工作年度报告").map(|k| k.id), Some(KindId::Disclosure));
        assert_eq!(ReportKind::named_by("某市政府信息公开年度报告(2020年)").map(|k| k.id), Some(KindId::Disclosure));
    }

    #[cfg(feature = "disclosure")]
    #[test]
    fn an_opening_without_a_title_names_its_kind_by_three_signs() {
        let disclosure = "根据《政府信息公开条例》要求编制本报告。一、总体情况本年主动公开信息20条,办理依申请公开3件。";
        assert_eq!(ReportKind::named_by_text(disclosure).map(|k| k.id), Some(KindId::Disclosure));
        // A rule-of-law report telling of its disclosure work is not a disclosure report.
        let rule_of_law = "本年推进法治政府建设,落实政府信息公开条例,主动公开文件30件,办理依申请公开5件。";
        assert_eq!(ReportKind::named_by_text(rule_of_law).map(|k| k.id), None);
        assert_eq!(ReportKind::named_by_text("政府信息公开条例规定主动公开。").map(|k| k.id), None);
    }

    #[test]
    fn disclosure_deadlines_go_by_level() {
        let kind = ReportKind::get(KindId::Disclosure);
        let at = |year, level| kind.deadline_for_level(year, level).map(|d| (d.rule, d.month, d.day));
        assert_eq!(at(2023, Level::Department), Some((RuleId::DisclosureRegulations2019Departments, 1, 31)));
        assert_eq!(at(2023, Level::Township), Some((RuleId::DisclosureRegulations2019Departments, 1, 31)));
        assert_eq!(at(2023, Level::County), Some((RuleId::DisclosureRegulations2019Governments, 3, 31)));
        assert_eq!(at(2019, Level::Unknown), Some((RuleId::DisclosureRegulations2019Governments, 3, 31)));
        assert_eq!(at(2018, Level::Department), Some((RuleId::DisclosureRegulations2007, 3, 31)));
        assert_eq!(at(2007, Level::County), None);
        // The rule-of-law kind names no level: every level gets its one rule.
        let rol = ReportKind::get(KindId::RuleOfLaw);
        assert_eq!(rol.deadline_for_level(2024, Level::Department).map(|d| d.rule), Some(RuleId::SupervisionRegulations2019));
    }
}
