//! The frame as real pages carry it (issue 12): each test one family of page layout,
//! metadata block, title, issuer, level, date or report year, on texts of our own (invented
//! places: 青禾县, 云河区, 石桥乡 …).

use report_core::frame::Level;
use report_core::lines::LineKind;
use report_core::{analyze_full, analyze_text, Analysis};

const BODY: &str = "一、主要举措和成效\n（一）加强组织领导。全年召开专题会议6次。\n二、存在的不足和原因\n基层力量薄弱，原因是培训不足。\n";

fn full(text: &str) -> Analysis {
    analyze_full(text.as_bytes(), None)
}

fn date(d: Option<report_core::frame::Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn kinds_of(a: &Analysis) -> Vec<LineKind> {
    a.lines.iter().map(|l| l.kind).collect()
}

// ---- 1. metadata blocks ----

#[test]
fn bracketed_pairs_two_to_a_line() {
    let text = format!(
        "[ 索引号 ] 11000-2025-0042 [ 主题分类 ] 政务公开\n[ 发布机构 ] 青禾县石桥乡人民政府 [ 有效性 ] 有效\n[ 发文字号 ] 石政发〔2025〕4号 [ 成文日期 ] 2025-03-02\n[ 发布日期 ] 2025-03-05 [ 体裁分类 ] 报告\n石桥乡2024年法治政府建设情况报告\n2024年，石桥乡坚持依法行政。\n{BODY}"
    );
    let a = full(&text);
    let m = &a.summary.meta;
    assert_eq!(&kinds_of(&a)[..4], [LineKind::Meta; 4]);
    assert_eq!(m.title.as_deref(), Some("石桥乡2024年法治政府建设情况报告"));
    assert_eq!(m.issuer.as_deref(), Some("石桥乡"));
    assert_eq!(m.level, Level::Township);
    assert_eq!(m.doc_number.as_deref(), Some("石政发〔2025〕4号"));
    assert_eq!(date(m.publish_date).as_deref(), Some("2025-03-05"));
    assert_eq!(m.report_year, Some(2024));
}

#[test]
fn the_same_block_repeated() {
    let block = "- [ 索引号 ] 7730-2024-0011\n- [ 发布机构 ] 云河区人民政府\n- [ 发布日期 ] 2024-03-20\n- [ 有效性 ] 有效\n";
    let text = format!("{block}{block}云河区人民政府关于2023年度法治政府建设情况的报告\n2023年，云河区坚持依法行政。\n{BODY}");
    let a = full(&text);
    let m = &a.summary.meta;
    assert_eq!(&kinds_of(&a)[..8], [LineKind::Meta; 8]);
    assert_eq!(m.title.as_deref(), Some("云河区人民政府关于2023年度法治政府建设情况的报告"));
    assert_eq!(m.issuer.as_deref(), Some("云河区人民政府"));
    assert_eq!(m.level, Level::County);
    assert_eq!(date(m.publish_date).as_deref(), Some("2024-03-20"));
}

#[test]
fn bullet_labels_with_values_on_the_next_line() {
    let text = format!(
        "• [ 索引号 ]\n• QH-2025-0093\n• [ 发文字号 ]\n• 青教发〔2025〕3号\n• [ 发布机构 ]\n• 青禾县教育局\n• [ 发布日期 ]\n• 2025-02-26\n青禾县教育局2024年法治政府建设年度报告\n2024年，县教育局坚持依法治教。\n{BODY}"
    );
    let a = full(&text);
    let m = &a.summary.meta;
    assert_eq!(&kinds_of(&a)[..8], [LineKind::Meta; 8]);
    assert_eq!(m.doc_number.as_deref(), Some("青教发〔2025〕3号"));
    assert_eq!(m.issuer.as_deref(), Some("青禾县教育局"));
    assert_eq!(m.level, Level::Department);
    assert_eq!(date(m.publish_date).as_deref(), Some("2025-02-26"));
    assert_eq!(m.title.as_deref(), Some("青禾县教育局2024年法治政府建设年度报告"));
}

#[test]
fn labels_and_values_run_together() {
    let text = format!("-发布机构青禾县司法局\n-发布日期2025-03-11\n-时效性有效\n青禾县司法局2024年度法治政府建设工作报告\n{BODY}");
    let a = full(&text);
    let m = &a.summary.meta;
    assert_eq!(&kinds_of(&a)[..3], [LineKind::Meta; 3]);
    assert_eq!(date(m.publish_date).as_deref(), Some("2025-03-11"));
    assert_eq!(m.title.as_deref(), Some("青禾县司法局2024年度法治政府建设工作报告"));
}

#[test]
fn a_table_flattened_into_rows_of_label_and_value() {
    let text = format!(
        "| 索引号: | 5520-2025-00018 | 分类: | |\n| 发文机关: | 云河区水利局 | 发文日期: | 2025-03-18 |\n| 名称: | 云河区水利局2024年法治政府建设情况报告 |||\n| 文号 : | |||\n云河区水利局2024年法治政府建设情况报告\n{BODY}"
    );
    let a = full(&text);
    let m = &a.summary.meta;
    assert_eq!(&kinds_of(&a)[..4], [LineKind::Meta; 4]);
    assert_eq!(m.issuer.as_deref(), Some("云河区水利局"));
    assert_eq!(m.doc_number, None, "an empty cell stays empty");
    assert_eq!(date(m.publish_date).as_deref(), Some("2025-03-18"));
    assert_eq!(m.title.as_deref(), Some("云河区水利局2024年法治政府建设情况报告"));
}

#[test]
fn a_table_one_cell_per_line() {
    let text = format!(
        "索引号:\n88120-2025-7\n发布机构:\n青禾县石桥乡人民政府\n发文字号:\n成文日期:\n2025年2月20日\n青禾县石桥乡人民政府关于2024年度法治政府建设情况的报告\n{BODY}"
    );
    let a = full(&text);
    let m = &a.summary.meta;
    assert_eq!(&kinds_of(&a)[..7], [LineKind::Meta; 7]);
    assert_eq!(m.doc_number, None, "an empty value never swallows the next label");
    assert_eq!(date(m.signed_date).as_deref(), Some("2025-02-20"));
    assert_eq!(date(m.publish_date).as_deref(), Some("2025-02-20"), "成文日期 when nothing says when it was published");
    assert_eq!(m.issuer.as_deref(), Some("石桥乡人民政府"));
}

#[test]
fn one_line_bylines() {
    for (byline, published) in [
        ("来源:云河区人民政府办公室 发布时间:2024-03-20 10:05", "2024-03-20"),
        ("文章来源:司法局 更新时间:2022/03/15 16:40:12", "2022-03-15"),
        ("日期:2025-02-11", "2025-02-11"),
    ] {
        let text = format!("云河区2023年法治政府建设情况报告\n{byline}\n2023年，云河区坚持依法行政。\n{BODY}");
        let a = full(&text);
        assert_eq!(a.lines[1].kind, LineKind::Meta, "{byline}");
        assert_eq!(date(a.summary.meta.publish_date).as_deref(), Some(published), "{byline}");
        assert_eq!(a.summary.meta.title.as_deref(), Some("云河区2023年法治政府建设情况报告"));
    }
}

#[test]
fn garbled_labels_are_read_by_the_block_structure() {
    let text = format!(
        "- [ 索号 ] 3301-2025-00020\n- [ 发机构 ] 青禾县人民政府\n- [ 有性 ] 有效\n- [ 发布期 ] 2025-03-28\n青禾县人民政府关于2024年度法治政府建设情况的报告\n{BODY}"
    );
    let a = full(&text);
    let m = &a.summary.meta;
    assert_eq!(&kinds_of(&a)[..4], [LineKind::Meta; 4]);
    assert_eq!(date(m.publish_date).as_deref(), Some("2025-03-28"));
    assert_eq!(m.title.as_deref(), Some("青禾县人民政府关于2024年度法治政府建设情况的报告"));
}

#[test]
fn an_empty_value_stays_null() {
    let text =
        format!("- [ 发文字号 ]\n- [ 发布机构 ] 云河区司法局\n- [ 发布日期 ] 2025-01-30\n云河区司法局2024年法治政府建设年度报告\n{BODY}");
    let m = analyze_text(&text, None).meta;
    assert_eq!(m.doc_number, None);
    assert_eq!(m.issuer.as_deref(), Some("云河区司法局"));
}

// ---- 2. page chrome ----

#[test]
fn page_chrome_is_never_the_title() {
    let text = format!(
        "您当前所在位置:首页>政务公开>法治政府建设\n今天是:2024年5月6日 星期一\n站内搜索 请输入关键词\n云河区石滩镇2023年法治政府建设情况报告\n字体:【大 中 小】\n分享\n浏览次数:1024\n2023年，石滩镇坚持依法行政。\n{BODY}打印本页\n关闭窗口\n版权所有:云河区人民政府 主办:云河区人民政府办公室\n备案号:某ICP备00000000号\n"
    );
    let a = full(&text);
    let k = kinds_of(&a);
    assert_eq!(&k[..3], [LineKind::Chrome; 3]);
    assert_eq!(k[4], LineKind::Chrome);
    assert_eq!(k[5], LineKind::Chrome);
    assert_eq!(&k[k.len() - 4..], [LineKind::Chrome; 4]);
    let m = &a.summary.meta;
    assert_eq!(m.title.as_deref(), Some("云河区石滩镇2023年法治政府建设情况报告"));
    assert_eq!(m.report_year, Some(2023), "never the today's-date banner");
    assert!(a.summary.metrics.iter().all(|x| x.value != 1024.0), "a view count is no figure");
}

#[test]
fn breadcrumbs_of_other_forms() {
    for crumb in ["您所在的位置：首页 > 信息公开 > 年度报告", "网站首页 > 政务公开 > 法治政府", "首页»政务公开»通知公告"]
    {
        let text = format!("{crumb}\n青禾县2024年法治政府建设情况报告\n{BODY}");
        let a = full(&text);
        assert_eq!(a.lines[0].kind, LineKind::Chrome, "{crumb}");
        assert_eq!(a.summary.meta.title.as_deref(), Some("青禾县2024年法治政府建设情况报告"), "{crumb}");
    }
}

#[test]
fn a_file_name_line_is_not_the_title() {
    let a = full(&format!("石滩镇2023年法治政府建设情况.docx\n石滩镇2023年法治政府建设情况报告\n{BODY}"));
    assert_eq!(a.lines[0].kind, LineKind::Chrome);
    assert_eq!(a.summary.meta.title.as_deref(), Some("石滩镇2023年法治政府建设情况报告"));
}

// ---- 3. titles ----

#[test]
fn title_over_two_lines() {
    let m = analyze_text(&format!("青禾县市场监督管理局\n2022年度法治政府建设情况报告\n{BODY}"), None).meta;
    assert_eq!(m.title.as_deref(), Some("青禾县市场监督管理局2022年度法治政府建设情况报告"));
    assert_eq!(m.issuer.as_deref(), Some("青禾县市场监督管理局"));
    assert_eq!(m.level, Level::Department);
    assert_eq!(m.report_year, Some(2022));
}

#[test]
fn joint_party_and_government_title() {
    let m = analyze_text(&format!("中共青禾县委 青禾县人民政府关于2024年法治政府建设情况的报告\n{BODY}"), None).meta;
    assert_eq!(m.title.as_deref(), Some("中共青禾县委 青禾县人民政府关于2024年法治政府建设情况的报告"));
    assert_eq!(m.issuer.as_deref(), Some("青禾县人民政府"));
    assert_eq!(m.level, Level::County);
}

#[test]
fn traditional_title() {
    let m = analyze_text("雲河區石灘鎮2023年法治政府建設情況報告\n一、主要舉措和成效\n全年開展講座5場。\n", None).meta;
    assert_eq!(m.title.as_deref(), Some("雲河區石灘鎮2023年法治政府建設情況報告"));
    assert_eq!(m.issuer.as_deref(), Some("石滩镇"));
    assert_eq!(m.level, Level::Township);
}

#[test]
fn a_title_run_into_the_body_on_a_page_without_line_breaks() {
    let text = "东岭街道 2022 年法治政府建设情况报告 2022 年，在区委、区政府的正确领导下，东岭街道坚持依法行政，现将工作情况报告如下： 一、推进法治政府建设的主要举措和成效 （一）加强组织领导 全年召开会议4次。";
    let m = analyze_text(text, None).meta;
    assert_eq!(m.title.as_deref(), Some("东岭街道 2022 年法治政府建设情况报告"));
    assert_eq!(m.issuer.as_deref(), Some("东岭街道"));
    assert_eq!(m.level, Level::Township);
    assert_eq!(m.report_year, Some(2022));
}

#[test]
fn a_title_quoted_after_its_number() {
    let m = analyze_text(&format!("青卫〔2024〕6号《青禾县卫生健康局关于2023年度法治政府建设情况的报告》\n{BODY}"), None).meta;
    assert_eq!(m.title.as_deref(), Some("青禾县卫生健康局关于2023年度法治政府建设情况的报告"));
    assert_eq!(m.issuer.as_deref(), Some("青禾县卫生健康局"));
}

#[test]
fn no_title_is_null() {
    let m = analyze_text(&format!("首页 > 政务公开\n2023年，青禾县坚持依法行政，取得新成效。\n{BODY}"), None).meta;
    assert_eq!(m.title, None);
}

// ---- 4. issuer ----

#[test]
fn issuer_from_the_metadata_when_the_title_has_none() {
    let m =
        analyze_text(&format!("发布机构:青禾县石桥乡人民政府\n发布日期:2025-03-01\n关于2024年度法治政府建设情况的报告\n{BODY}"), None).meta;
    assert_eq!(m.issuer.as_deref(), Some("石桥乡人民政府"));
    assert_eq!(m.level, Level::Township);
}

#[test]
fn the_title_comes_before_the_metadata() {
    let m = analyze_text(&format!("发布机构:云河区司法局\n云河区2024年法治政府建设工作报告\n{BODY}"), None).meta;
    assert_eq!(m.issuer.as_deref(), Some("云河区"));
    assert_eq!(m.level, Level::County);
}

#[test]
fn issuer_from_the_signature() {
    let m = analyze_text(&format!("关于2024年度法治政府建设情况的报告\n{BODY}青禾县司法局\n2025年3月12日\n"), None).meta;
    assert_eq!(m.issuer.as_deref(), Some("青禾县司法局"));
    assert_eq!(date(m.signed_date).as_deref(), Some("2025-03-12"));
    assert_eq!(date(m.publish_date).as_deref(), Some("2025-03-12"), "the signature's date when nothing else dates it");
}

#[test]
fn issuer_from_the_body_opening() {
    for (opening, issuer, level) in [
        ("2023年，东岭街道坚持以法治思想为指导，扎实推进各项工作。", "东岭街道", Level::Township),
        ("2022年，在市委、市政府的正确领导下，云河区坚持依法行政，取得新成效。", "云河区", Level::County),
        ("2022年，农业农村部坚持依法行政，取得新成效。", "农业农村部", Level::Department),
        ("2023年以来，青禾县人民政府办公室坚持依法行政。", "青禾县人民政府办公室", Level::Department),
        ("根据上级部署，现将青禾县石桥乡2023年法治政府建设情况报告如下。", "石桥乡", Level::Township),
        ("2022年，青原自治区党委和政府深入贯彻法治思想。", "青原自治区", Level::Province),
    ] {
        let m = analyze_text(&format!("{opening}\n{BODY}"), None).meta;
        assert_eq!(m.issuer.as_deref(), Some(issuer), "{opening}");
        assert_eq!(m.level, level, "{opening}");
    }
}

#[test]
fn a_name_is_never_cut_inside() {
    let m = analyze_text(&format!("云河区人民政府北关街道办事处2024年法治政府建设情况报告\n{BODY}"), None).meta;
    assert_eq!(m.issuer.as_deref(), Some("北关街道办事处"));
    assert_eq!(m.level, Level::Township);
}

// ---- 5. level ----

#[test]
fn levels_by_grammar() {
    for (name, level) in [
        ("石桥乡人民政府", Level::Township),
        ("东岭街道办事处", Level::Township),
        ("青禾县人民政府", Level::County),
        ("青原自治区人民政府", Level::Province),
        ("重庆市人民政府", Level::Province),
        ("上海市人民政府", Level::Province),
        ("青禾县教委", Level::Department),
        ("云河区人民政府办公室", Level::Department),
        ("青禾县市场监督管理局", Level::Department),
        ("青禾县政务服务中心", Level::Department),
    ] {
        let m = analyze_text(&format!("{name}关于2024年度法治政府建设情况的报告\n{BODY}"), None).meta;
        assert_eq!(m.level, level, "{name}");
    }
}

#[test]
fn a_district_of_a_directly_administered_city_is_a_county() {
    let m = analyze_text(&format!("重庆市云河区人民政府关于2024年度法治政府建设情况的报告\n{BODY}"), None).meta;
    assert_eq!(m.issuer.as_deref(), Some("云河区人民政府"));
    assert_eq!(m.level, Level::County);
}

#[test]
fn a_city_alone_is_unknown_unless_the_text_tells() {
    let bare = analyze_text(&format!("云河市人民政府关于2024年度法治政府建设情况的报告\n{BODY}"), None).meta;
    assert_eq!(bare.level, Level::Unknown);
    let prefecture = analyze_text(
        &format!("云河市人民政府关于2024年度法治政府建设情况的报告\n2024年，全市各县（市、区）依法行政水平不断提升。\n{BODY}"),
        None,
    )
    .meta;
    assert_eq!(prefecture.level, Level::City);
    let county_level = analyze_text(
        &format!("云河市人民政府关于2024年度法治政府建设情况的报告\n云河市是青原省直辖的县级市。2024年，全市各乡镇依法行政。\n{BODY}"),
        None,
    )
    .meta;
    assert_eq!(county_level.level, Level::County);
    let parent = analyze_text(&format!("青州市云河市人民政府关于2024年度法治政府建设情况的报告\n{BODY}"), None).meta;
    assert_eq!(parent.level, Level::County);
}

// ---- 6. dates ----

#[test]
fn publish_date_prefers_the_publication_over_the_signing() {
    let m = analyze_text(
        &format!("成文日期:2025-02-10\n发布日期:2025-02-18\n青禾县2024年法治政府建设情况报告\n{BODY}青禾县人民政府\n2025年2月9日\n"),
        None,
    )
    .meta;
    assert_eq!(date(m.publish_date).as_deref(), Some("2025-02-18"));
    assert_eq!(date(m.signed_date).as_deref(), Some("2025-02-09"), "signed_date from the signature");
}

#[test]
fn a_byline_date_under_the_title() {
    let m = analyze_text(&format!("青禾县2024年法治政府建设情况报告\n2025-03-06 09:30\n{BODY}"), None).meta;
    assert_eq!(date(m.publish_date).as_deref(), Some("2025-03-06"));
}

#[test]
fn a_cover_letter_signature_dates_the_report() {
    let text = format!(
        "青禾县卫生健康局关于2023年度法治政府建设情况的报告\n县委、县政府：\n现呈送我局2023年度法治政府建设情况报告，请审阅。\n青禾县卫生健康局\n2024年3月8日\n{BODY}"
    );
    let m = analyze_text(&text, None).meta;
    assert_eq!(date(m.publish_date).as_deref(), Some("2024-03-08"));
}

// ---- 7. report year ----

#[test]
fn report_year_from_the_body_opening_not_a_cited_plan() {
    let m = analyze_text(
        &format!("关于法治政府建设情况的报告\n根据《青禾县法治建设规划（2023—2027年）》，2023年，青禾县坚持依法行政。\n{BODY}"),
        None,
    )
    .meta;
    assert_eq!(m.report_year, Some(2023));
}

#[test]
fn report_year_never_from_the_banner_or_a_plan() {
    let m = analyze_text(
        &format!("今天是:2025年1月6日 星期一\n关于法治政府建设情况的报告\n全县认真落实《法治政府建设实施纲要（2021-2025年）》。\n{BODY}"),
        None,
    )
    .meta;
    assert_ne!(m.report_year, Some(2025));
}

#[test]
fn report_year_from_the_metadata_last() {
    let m = analyze_text(&format!("发布日期:2025-03-02\n关于法治政府建设情况的报告\n{BODY}"), None).meta;
    assert_eq!(m.report_year, Some(2024));
}

#[test]
fn an_announcement_names_its_organ_and_a_bare_reference_its_level() {
    let m = analyze_text(&format!("根据条例规定，现公布青禾县统计局2023年度法治政府建设情况报告。\n{BODY}"), None).meta;
    assert_eq!(m.issuer.as_deref(), Some("青禾县统计局"));
    let m = analyze_text(&format!("根据条例规定，现公布区统计局2023年度法治政府建设情况报告。\n{BODY}"), None).meta;
    assert_eq!((m.issuer.as_deref(), m.level), (None, Level::Department), "a bare reference gives the level, not a name");
    let m = analyze_text(&format!("2024年，县政府坚持依法行政，取得新成效。\n{BODY}"), None).meta;
    assert_eq!((m.issuer.as_deref(), m.level), (None, Level::County));
}

#[test]
fn a_body_that_names_itself_only_by_its_level() {
    let m = analyze_text(&format!("2023年以来，我县坚持依法行政。我县召开会议3次。\n{BODY}"), None).meta;
    assert_eq!((m.issuer.as_deref(), m.level), (None, Level::County));
    let m = analyze_text(&format!("全市各旗区依法行政水平不断提升，全市法治建设取得新成效。\n{BODY}"), None).meta;
    assert_eq!(m.level, Level::City);
    let m = analyze_text(&format!("全市依法行政水平不断提升。\n{BODY}"), None).meta;
    assert_eq!(m.level, Level::Unknown, "a city the text does not place");
}

#[test]
fn a_line_above_a_whole_title_is_not_part_of_it() {
    let a = full(&format!("青禾县人民政府门户网站\n青禾县人民政府\n青禾县2024年法治政府建设情况报告\n{BODY}"));
    assert_eq!(a.lines[0].kind, LineKind::Chrome);
    assert_eq!(a.summary.meta.title.as_deref(), Some("青禾县2024年法治政府建设情况报告"));
    assert_eq!(a.summary.meta.issuer.as_deref(), Some("青禾县"));
}

#[test]
fn a_bare_reference_is_qualified_by_the_place_the_text_names() {
    // A department: named in full with the place.
    let opening = "2023年以来，县司法局在县委、县政府领导下坚持依法行政。“青禾县调解品牌”入选示范项目，《青禾县法治宣传方案》印发实施。";
    let m = analyze_text(&format!("{opening}\n{BODY}"), None).meta;
    assert_eq!((m.issuer.as_deref(), m.level), (Some("青禾县司法局"), Level::Department));
    // A government's title, in full; its level from the place.
    let text = format!(
        "省人民政府关于2023年度法治政府建设情况的报告\n2023年，省政府坚持依法行政，印发《北川省法治政府建设规划》，“北川省示范项目”评选完成。\n{BODY}"
    );
    let m = analyze_text(&text, None).meta;
    assert_eq!((m.issuer.as_deref(), m.level), (Some("北川省人民政府"), Level::Province));
    // Verbs before a level word are no place (`提请县委`, `召开县政府常务会议`).
    let opening = "2024年，县政府坚持依法行政。提请县委常委会研究2次，提请县人大审议1次，召开县政府常务会议4次。";
    let m = analyze_text(&format!("{opening}\n{BODY}"), None).meta;
    assert_eq!((m.issuer.as_deref(), m.level), (None, Level::County));
    // A place named once is not enough.
    let opening = "2023年以来，县司法局坚持依法行政，《青禾县法治宣传方案》印发实施。";
    let m = analyze_text(&format!("{opening}\n{BODY}"), None).meta;
    assert_eq!((m.issuer.as_deref(), m.level), (None, Level::Department));
}

#[test]
fn a_body_speaking_of_itself_by_its_level_is_the_place_it_names() {
    let opening = "全市各旗区依法行政水平不断提升，全市法治建设取得新成效。《丹霞市法治建设方案》印发，丹霞市获评示范市。";
    let m = analyze_text(&format!("{opening}\n{BODY}"), None).meta;
    assert_eq!((m.issuer.as_deref(), m.level), (Some("丹霞市"), Level::City));
    assert_eq!(m.evidence.issuer.map(|o| o.source), Some(report_core::frame::FieldSource::Body));
}
