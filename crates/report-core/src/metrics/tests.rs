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
    assert_eq!(one("惠及群众3万余人次。"), (3.0, Approx::AtLeast, s("万人次"), Some(s("惠及群众"))));
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
    // A two-char object says little alone: its verb stays (发放资料, 解答咨询).
    assert_eq!(short, [(10.0, "次", Some("法治讲座")), (1200.0, "份", Some("发放资料")), (270.0, "人次", Some("解答咨询"))]);
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

/// Each figure's `what` and `action`, in order.
fn labels(text: &str) -> Vec<(String, Option<String>)> {
    extract_all(&Document::new(text)).into_iter().map(|m| (m.what.unwrap_or_default(), m.action)).collect()
}

fn whats(text: &str) -> Vec<String> {
    labels(text).into_iter().map(|l| l.0).collect()
}

fn pair(what: &str, action: &str) -> (String, Option<String>) {
    (s(what), Some(s(action)))
}

#[test]
fn the_noun_after_a_classifier_and_the_object_before_a_count_of_times() {
    assert_eq!(labels("全年部署36项重点任务，逐项明确责任单位。"), [pair("重点任务", "部署")]);
    assert_eq!(labels("今年召开专题推进会6次，组织执法人员培训3次。"), [pair("专题推进会", "召开"), pair("执法人员培训", "组织")]);
    // A count of times before its verb counts the verb's object.
    assert_eq!(labels("全年2次组织召开专题会议。"), [pair("专题会议", "召开")]);
    // A count of times after an object counts that object, whatever verb follows.
    assert_eq!(whats("市政府常务会议11次研究部署法治工作。"), ["市政府常务会议"]);
}

#[test]
fn a_bare_verb_is_completed_from_the_sentence() {
    // The object named in an earlier clause, the subject shared along the chain.
    assert_eq!(labels("精简审批事项，市级取消21项、下放9项。"), [pair("市级取消审批事项", "取消"), pair("市级下放审批事项", "下放")]);
    // Not across a sentence end.
    assert_eq!(whats("精简审批事项。市级取消21项。"), ["市级取消"]);
    // A purpose clause names where the money went.
    assert_eq!(labels("全年安排20多万元，用于普法宣传。"), [pair("安排用于普法宣传", "安排")]);
}

#[test]
fn coordinations_stay_whole_and_are_shared_out() {
    // `均`: one figure for the whole coordination.
    assert_eq!(whats("参训干部到课率和结业率均达100%。"), ["参训干部到课率和结业率"]);
    assert_eq!(whats("案件办结率、群众满意率均达100%。"), ["案件办结率、群众满意率"]);
    // `分别`: one member per figure, in order.
    assert_eq!(whats("签订率、履约率分别达到98%和95%。"), ["签订率", "履约率"]);
    let two = whats("行政复议纠错率、调解率分别为12%和35%。");
    assert_eq!(two[0], "行政复议纠错率");
    assert!(two[1].ends_with("调解率"), "{two:?}");
    // Words joined by `、` before a count (宣传、宣讲) are one thing.
    assert_eq!(whats("全年开展法治宣传、宣讲46场次。"), ["法治宣传、宣讲"]);
    // A classifier's noun may be a coordination; the next figure is not part of it.
    assert_eq!(whats("对18个乡、镇(街道)和9个县直部门(单位)开展督查。"), ["乡、镇(街道)", "县直部门(单位)"]);
}

#[test]
fn rates_keep_their_subject() {
    assert_eq!(whats("全县执法案卷评查合格率98%。"), ["执法案卷评查合格率"]);
    // A bare rate after a figure is the rate of the thing that figure counts.
    assert_eq!(whats("评查执法案卷260卷，合格率98%。"), ["执法案卷", "执法案卷合格率"]);
    assert_eq!(whats("学法考试参考率100%，合格率100%。"), ["学法考试参考率", "学法考试合格率"]);
    assert_eq!(whats("开展案卷评查，合格率98%。"), ["案卷评查合格率"]);
    // Two bare rates side by side stay as they are.
    assert_eq!(whats("合格率为95%，优良率为60%。"), ["合格率", "优良率"]);
}

#[test]
fn changes_and_comparisons_refer_to_the_figure_before() {
    let got = labels("行政机关负责人出庭应诉率达到100%，较上年提高5个百分点。");
    assert_eq!(got[1], pair("行政机关负责人出庭应诉率", "提高"));
    assert_eq!(whats("执法案卷合格率由90%提升至98%。"), ["执法案卷合格率", "执法案卷合格率"]);
    assert_eq!(whats("普法志愿者队伍发展到52支。"), ["普法志愿者队伍"]);
    // A copula alone: the clause before names what happened so many times.
    assert_eq!(whats("党委会议专题研究法治建设工作，全年达6次。"), ["党委会议专题研究法治建设工作"]);
}

#[test]
fn labels_never_start_inside_brackets_or_titles() {
    assert_eq!(whats("召开常务会议(含党委会、党组会)12次。"), ["常务会议(含党委会、党组会)"]);
    assert_eq!(whats("设立公共法律服务站点136个（其中村级站点120个）。"), ["公共法律服务站点", "村级站点"]);
    assert_eq!(whats("督查12个区直部门(单"), ["区直部门"]);
    // A long object is cut at a title, not inside one.
    assert_eq!(
        whats("组织学习《宪法》《民法典》《行政处罚法》《行政许可法》等国家法律法规20余次。"),
        ["《行政处罚法》《行政许可法》等国家法律法规"]
    );
    // Names in quotation marks are kept whole.
    assert_eq!(whats("乡村“法律明白人”培养覆盖率达95%。"), ["乡村法律明白人培养覆盖率"]);
}

#[test]
fn labels_never_start_with_a_conjunction() {
    assert_eq!(labels("向企业发出法律风险提示函12份和送达律师回函30份。"), [pair("法律风险提示函", "发出"), pair("律师回函", "送达")]);
    assert_eq!(whats("发放宣传资料30000余份、宣传小礼品600余份。"), ["宣传资料", "宣传小礼品"]);
    assert_eq!(whats("促成当事人签订和解协议12份。"), ["和解协议"], "和解 is a word, not 和 + 解");
}

#[test]
fn a_percentage_before_a_verb_measures_that_action() {
    assert_eq!(labels("全面推行政法部门“五员”100%下沉。"), [pair("政法部门五员下沉", "下沉")]);
    assert_eq!(labels("推行村级事务“五员”100%下沉进驻村综治中心。"), [pair("村级事务五员下沉", "下沉")]);
}

#[test]
fn a_classifier_of_people_counts_the_people() {
    assert_eq!(whats("完成全县318名党政主要负责人述法(其中15名进行现场述法)。"), ["党政主要负责人", "党政主要负责人"]);
    assert_eq!(whats("配备3名干部具体负责法治工作。"), ["干部"]);
    assert_eq!(whats("推动85余名机关主要负责人述法与述责述廉同考评。"), ["机关主要负责人"]);
    assert_eq!(whats("全市共有法律顾问126名，其中公职律师38名。"), ["法律顾问", "公职律师"]);
}

#[test]
fn generic_words_keep_their_verb_and_time_words_drop_out() {
    assert_eq!(whats("部署各项工作20余次。"), ["部署各项工作"]);
    assert_eq!(whats("县委常委会研究专题4次。"), ["研究专题"]);
    assert_eq!(whats("领导干部学法频次达到每月1次。"), ["领导干部学法频次"]);
    assert_eq!(whats("党委中心组全年集中学法4次。"), ["党委中心组集中学法"]);
    let one_char = whats("全镇划分为东区、西区2个区。");
    assert!(one_char[0].chars().count() > 1, "{one_char:?}");
}

#[test]
fn a_bare_rate_after_a_list_is_the_rate_of_the_sentence_topic() {
    // The rate after `其中…` counts the first figure's thing, not the last member's.
    let got = whats("全年共办理行政复议案件46件，其中维持32件、撤销5件、确认违法3件，纠错率17.4%。");
    assert_eq!(got[4], "行政复议案件纠错率");
    let chain = labels("精简行政许可事项，县级保留186项，取消12项。");
    assert_eq!(chain, [pair("县级保留行政许可事项", "保留"), pair("县级取消行政许可事项", "取消")]);
}

#[test]
fn a_verb_after_its_subject_is_the_action() {
    assert_eq!(labels("法治文化进万家活动开展23场次。"), [pair("法治文化进万家活动", "开展")]);
}
