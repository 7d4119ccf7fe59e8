//! The metric grammar, one construct per test. Sentences are our own, written in the
//! style of the reports.

use super::*;

fn figures(text: &str) -> Vec<(f64, Approx, String, Option<String>)> {
    extract_all(&Document::new(text)).into_iter().map(|m| (m.value, m.approx, m.unit, m.what)).collect()
}

fn one(text: &str) -> (f64, Approx, String, Option<String>) {
    let all = figures(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.into_iter().next().unwrap()
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn object_before_the_number() {
    assert_eq!(one("今年共印发普法读本1500余册。"), (1500.0, Approx::AtLeast, s("册"), Some(s("普法读本"))));
    assert_eq!(one("全乡累计受理行政复议申请12件。"), (12.0, Approx::Exact, s("件"), Some(s("行政复议申请"))));
    assert_eq!(one("2023年，我县依法办结信访事项87件。"), (87.0, Approx::Exact, s("件"), Some(s("信访事项"))));
}

#[test]
fn approximations_before_and_after() {
    assert_eq!(one("参与群众约4500人次。").1, Approx::About);
    assert_eq!(one("覆盖居民近800户。").1, Approx::About);
    assert_eq!(one("培训时长超过20小时。").1, Approx::AtLeast);
    assert_eq!(one("办理时限不到3个工作日。").1, Approx::AtMost);
    assert_eq!(one("选派律师30人以上。").1, Approx::AtLeast);
    assert_eq!(one("开展宣讲30场左右。").1, Approx::About);
    assert_eq!(one("处理投诉逾200件。").1, Approx::AtLeast);
    assert_eq!(one("整改问题300多个。").1, Approx::AtLeast);
}

#[test]
fn units_with_ten_thousands_keep_them() {
    assert_eq!(one("投入普法经费1.2万元。"), (1.2, Approx::Exact, s("万元"), Some(s("普法经费"))));
    assert_eq!(one("惠及群众3万余人次。"), (3.0, Approx::AtLeast, s("万人次"), Some(s("群众"))));
    assert_eq!(one("挽回经济损失2000余万元。"), (2000.0, Approx::AtLeast, s("万元"), Some(s("经济损失"))));
}

#[test]
fn percentages() {
    assert_eq!(one("案件办结率100%，"), (100.0, Approx::Exact, s("%"), Some(s("案件办结率"))));
    assert_eq!(one("群众满意度达到９８．５％。").0, 98.5);
    assert_eq!(one("复议纠错率百分之十二。"), (12.0, Approx::Exact, s("%"), Some(s("复议纠错率"))));
    assert_eq!(one("同比提高3个百分点。").2, "个百分点");
}

#[test]
fn chinese_numerals_count_at_the_end_of_their_clause() {
    assert_eq!(one("创建省级民主法治示范社区两个。"), (2.0, Approx::Exact, s("个"), Some(s("省级民主法治示范社区"))));
    assert_eq!(one("组织旁听庭审二十余场，"), (20.0, Approx::AtLeast, s("场"), Some(s("旁听庭审"))));
    assert!(figures("坚持两个毫不动摇，落实三项制度。").is_empty());
    assert!(figures("健全县乡两级法律顾问体系，打造一支过硬队伍，上一个新台阶。").is_empty());
}

#[test]
fn classifier_before_a_noun_counts_that_noun() {
    assert_eq!(one("全镇共聘请15名专职调解员，"), (15.0, Approx::Exact, s("名"), Some(s("专职调解员"))));
    assert_eq!(one("与3家律师事务所签订协议。").3, Some(s("律师事务所")));
    assert_eq!(one("覆盖全县12个村(社区)的服务网络").3, Some(s("村(社区)")));
    assert_eq!(one("全区68所学校全部配备法治副校长。").3, Some(s("学校")));
}

#[test]
fn a_bare_verb_or_a_noun_unit_names_what_is_counted() {
    assert_eq!(one("其中婚姻纠纷9件，调处9件。".split('，').nth(1).unwrap()).3, Some(s("调处")));
    assert_eq!(one("城区共划分28网格。").3, Some(s("网格")));
}

#[test]
fn verbs_inside_compound_nouns_are_kept() {
    assert_eq!(one("组建人民调解委员会8个。").3, Some(s("人民调解委员会")));
    assert_eq!(one("全县共建法治文化公园5个。").3, Some(s("法治文化公园")), "共建 is a verb, not 共 + 建");
    assert_eq!(one("举办法律服务进社区活动6场。").3, Some(s("法律服务进社区活动")));
}

#[test]
fn quoted_names_and_slogans_are_not_figures() {
    assert!(figures("增强“四个意识”、坚定“四个自信”、做到“两个维护”。").is_empty());
    assert!(figures("畅通“12345”热线，推行“最多跑一次”。").is_empty());
    assert!(figures("落实“一村一辅警”制度，坚持“三会一课”。").is_empty());
    let m = one("受理“12345”平台工单315件。");
    assert_eq!((m.0, m.3), (315.0, Some(s("12345平台工单"))));
}

#[test]
fn book_titles_periods_years_and_dates_are_not_figures() {
    assert!(figures("贯彻《法治政府建设实施纲要（2021—2025年）》，2024年3月15日起施行。").is_empty());
    assert!(figures("利用“3·15”、12·4等节点，2025-02-07印发，16:30召开。").is_empty());
    assert!(figures("某委〔2025〕5号，索引号 ab0012-2025-00003。").is_empty());
    assert!(figures("落实第一责任人职责，第3次会议，党的二十大和二十届三中全会精神。").is_empty());
}

#[test]
fn slogans_built_from_numerals_are_not_figures() {
    assert!(figures("严格落实三会一课，推行一村一警，开展两学一做。").is_empty());
    assert!(figures("唯一途径，统一部署，每周一定期接访，星期一开会。").is_empty());
    assert!(figures("推进十四五规划，乡村五老作用。").is_empty());
}

#[test]
fn full_width_digits_and_separators() {
    assert_eq!(one("发放资料１２３４份。").0, 1234.0);
    assert_eq!(one("服务群众1,234人次。").0, 1234.0);
    let two = figures("接待300，500人参与");
    assert_eq!(two.len(), 1, "a full-width comma is not a thousands separator: {two:?}");
}

#[test]
fn spans_cover_the_figure_in_the_original_text() {
    let text = "二○二四年，全鎮共發放宣傳資料３０００餘份。";
    let doc = Document::new(text);
    let m = &extract_all(&doc)[0];
    assert_eq!(m.value, 3000.0);
    assert_eq!(m.unit, "份");
    assert_eq!(m.what.as_deref(), Some("宣傳資料"));
    assert_eq!(m.text, "發放宣傳資料３０００餘份");
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[m.span.0..m.span.1].iter().collect::<String>(), m.text);
}

#[test]
fn several_figures_in_one_clause_chain() {
    let got = figures("开展法治讲座10余次、发放资料1200余份，解答咨询270余人次。");
    let short: Vec<_> = got.iter().map(|m| (m.0, m.2.as_str(), m.3.as_deref())).collect();
    assert_eq!(short, [(10.0, "次", Some("法治讲座")), (1200.0, "份", Some("资料")), (270.0, "人次", Some("咨询"))]);
}

#[test]
fn typical_county_report_sentences() {
    let got = figures("全年办理行政复议案件25件，行政应诉案件18件，行政机关负责人出庭应诉率100%。");
    let short: Vec<_> = got.iter().map(|m| (m.0, m.2.as_str(), m.3.as_deref())).collect();
    assert_eq!(
        short,
        [(25.0, "件", Some("行政复议案件")), (18.0, "件", Some("行政应诉案件")), (100.0, "%", Some("行政机关负责人出庭应诉率"))]
    );
    assert_eq!(one("规范性文件合法性审核率达100%。").3, Some(s("规范性文件合法性审核率")));
    assert_eq!(one("企业开办时间压缩至30分钟以内。").1, Approx::AtMost);
    assert_eq!(one("建成村(社区)公共法律服务工作室128个。").3, Some(s("村(社区)公共法律服务工作室")));
    assert!(figures("深入开展“八五”普法，八五普法规划，近三年来，一年来。").is_empty());
    assert_eq!(one("评查案卷320卷，").2, "卷");
    assert_eq!(one("乡镇综合执法人员仅有186人。").3, Some(s("乡镇综合执法人员")));
    assert_eq!(one("合格率均达100%。").3, Some(s("合格率")));
}
