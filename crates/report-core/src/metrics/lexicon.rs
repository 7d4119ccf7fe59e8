//! The small closed word classes the metric grammar needs to find *what* is counted:
//! action verbs that take the counted thing as object (`发放` 宣传资料 3000 份), adverbials
//! that open a clause (`今年` `全镇` `共` `累计`), and determiners (`各类`). These are
//! grammar words of Chinese administrative prose, not phrases of particular reports.

use crate::chars::WordMap;
use std::sync::OnceLock;

/// Action verbs whose object is what a figure counts. Verbs that are also nouns in
/// compounds (服务, 建设, 宣传, 学习, 监督) are left out: stripping them would cut
/// `法律服务宣传活动` in two.
pub const VERBS: &[&str] = &[
    "发放",
    "分发",
    "下发",
    "印发",
    "发送",
    "发布",
    "推送",
    "赠送",
    "张贴",
    "悬挂",
    "播放",
    "展播",
    "刊登",
    "编印",
    "印制",
    "制作",
    "录制",
    "开展",
    "组织",
    "举办",
    "举行",
    "召开",
    "承办",
    "参加",
    "参与",
    "受理",
    "办理",
    "办结",
    "处理",
    "查处",
    "化解",
    "调处",
    "调解",
    "解决",
    "解答",
    "答复",
    "回复",
    "接待",
    "接听",
    "接收",
    "收到",
    "走访",
    "排查",
    "摸排",
    "核查",
    "检查",
    "抽查",
    "督查",
    "巡查",
    "审查",
    "审核",
    "审签",
    "出具",
    "备案",
    "清理",
    "梳理",
    "制定",
    "出台",
    "修订",
    "废止",
    "纠正",
    "整改",
    "督办",
    "转办",
    "交办",
    "上报",
    "报送",
    "登记",
    "聘请",
    "选聘",
    "聘任",
    "聘用",
    "招募",
    "选派",
    "配备",
    "培养",
    "培训",
    "轮训",
    "评选",
    "表彰",
    "命名",
    "创建",
    "认定",
    "申报",
    "申请",
    "建立",
    "建成",
    "设立",
    "设置",
    "新建",
    "新增",
    "共建",
    "组建",
    "成立",
    "打造",
    "开设",
    "开通",
    "上线",
    "推出",
    "安装",
    "改造",
    "划分",
    "签订",
    "签约",
    "签署",
    "对接",
    "覆盖",
    "惠及",
    "帮助",
    "援助",
    "代理",
    "挽回",
    "追回",
    "收缴",
    "销毁",
    "破获",
    "抓获",
    "查获",
    "立案",
    "结案",
    "处罚",
    "罚没",
    "约谈",
    "公开",
    "完成",
    "实现",
    "投入",
    "拨付",
    "筹集",
    "兑现",
    "吸引",
    "引导",
    "提供",
    "录入",
    "征集",
    "收集",
    "宣讲",
    "授课",
    "讲授",
    "发现",
    "消除",
    "整治",
    "打击",
    "审结",
    "审理",
    "执结",
    "调研",
    "走访慰问",
    "慰问",
    "举报",
    "移送",
    "移交",
    "接受",
    "更新",
    "主持",
    "研究解决",
    "研究",
    "部署",
    "听取",
    "进行",
    "提出",
    "送达",
    "发出",
    "安排",
    "评查",
    "推行",
    "推动",
    "实行",
    "落实",
    // Acts on administrative items (审批事项, 权力事项): 取消 21 项, 下放 9 项.
    "保留",
    "取消",
    "下放",
    "承接",
    "精简",
    "压减",
];

/// Words that open a clause before its verb or object: time, scope, quantity adverbs.
pub const ADVERBIALS: &[&str] = &[
    "今年以来",
    "今年",
    "全年",
    "年内",
    "本年度",
    "当年",
    "上半年",
    "下半年",
    "以来",
    "截至目前",
    "目前",
    "其中",
    "同时",
    "此外",
    "另外",
    "共计",
    "合计",
    "总计",
    "累计",
    "共有",
    "现有",
    "共",
    "已经",
    "已",
    "先后",
    "分别",
    "另",
    "还",
    "并",
    "又",
    "均",
    "都",
    "也",
    "积极",
    "主动",
    "成功",
    "现场",
    "依法",
    "全面",
    "深入",
    "广泛",
    "持续",
    "着力",
    "有效",
    "切实",
    "及时",
    "定期",
    "常态化",
    "专门",
    "全镇",
    "全乡",
    "全县",
    "全区",
    "全市",
    "全省",
    "全街道",
    "全村",
    "全局",
    "全委",
    "全系统",
    "我镇",
    "我乡",
    "我县",
    "我区",
    "我市",
    "我局",
    "我委",
    "我办",
    "我街道",
    "本镇",
    "本乡",
    "本县",
    "本区",
    "辖区内",
    "辖区",
    "镇域",
    "乡域",
    "县域",
    "区域内",
    "计划",
    "预计",
    "力争",
    "拟",
];

/// Words that may close the phrase before a number without being part of what is
/// counted (`参训人员达86人次`, `罚没款合计386.5万元`).
pub const TRAILING: &[&str] = &[
    "分别为",
    "分别",
    "合计",
    "共计",
    "累计",
    "总计",
    "达到",
    "约为",
    "共有",
    "仅有",
    "只有",
    "共",
    "达",
    "计",
    "为",
    "有",
    "已",
    "仅",
    "均",
    "均为",
    "均达",
    "都",
    "由",
    // A change up to the figure: the figure is the new level of what came before.
    "发展到",
    "发展至",
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "上升到",
    "上升至",
    "下降到",
    "下降至",
    "减少到",
    "减少至",
    "压缩至",
    "压缩到",
    "缩短至",
    "缩短到",
    "增至",
    "升至",
    "降至",
];

/// Determiners dropped from the front of a `what`.
pub const DETERMINERS: &[&str] = &["各类", "各种", "各项", "各级", "各", "全部", "所有", "相关"];

/// Subjects and beneficiaries that may precede a predicate (`为群众挽回…`).
const SUBJECTS: &[&str] = &["群众", "企业", "居民", "村民", "当事人", "农民工", "人员"];

/// The word lists indexed for lookups at a position (built once).
struct Maps {
    verbs: WordMap<()>,
    verbs_by_last: WordMap<()>,
    adverbials: WordMap<()>,
    adverbials_by_last: WordMap<()>,
    determiners: WordMap<()>,
    trailing_by_last: WordMap<()>,
    subjects_by_last: WordMap<()>,
}

fn maps() -> &'static Maps {
    static MAPS: OnceLock<Maps> = OnceLock::new();
    let unit = |words: &'static [&'static str]| words.iter().map(|&w| (w, ()));
    MAPS.get_or_init(|| Maps {
        verbs: WordMap::new(unit(VERBS)),
        verbs_by_last: WordMap::new_by_last(unit(VERBS)),
        adverbials: WordMap::new(unit(ADVERBIALS)),
        adverbials_by_last: WordMap::new_by_last(unit(ADVERBIALS)),
        determiners: WordMap::new(unit(DETERMINERS)),
        trailing_by_last: WordMap::new_by_last(unit(TRAILING)),
        subjects_by_last: WordMap::new_by_last(unit(SUBJECTS)),
    })
}

/// The length of the longest action verb at `chars[at..end]`.
pub fn verb_len(chars: &[char], at: usize, end: usize) -> Option<usize> {
    maps().verbs.longest_at(chars, at, end).map(|(n, _)| n)
}

/// The length of the longest adverbial at `chars[at..end]`.
pub fn adverbial_len(chars: &[char], at: usize, end: usize) -> Option<usize> {
    maps().adverbials.longest_at(chars, at, end).map(|(n, _)| n)
}

/// The length of the longest determiner at `chars[at..end]`.
pub fn determiner_len(chars: &[char], at: usize, end: usize) -> Option<usize> {
    maps().determiners.longest_at(chars, at, end).map(|(n, _)| n)
}

/// The length of the trailing word (`达`, `合计`) `chars` ends with.
pub fn trailing_len(chars: &[char]) -> Option<usize> {
    maps().trailing_by_last.ends(chars).map(|(n, _)| n)
}

/// Whether a verb at the end of `before` (what precedes it in its clause) is the clause's
/// predicate — preceded by nothing, an adverbial, another verb, a time or a subject — and
/// not part of a compound noun (`人民调解委员会`).
pub fn opens_predicate(before: &[char]) -> bool {
    let Some(&last) = before.last() else { return true };
    let m = maps();
    if m.adverbials_by_last.ends(before).is_some() || m.verbs_by_last.ends(before).is_some() || m.subjects_by_last.ends(before).is_some() {
        return true;
    }
    // A subject or time: a place, an organ, people, a date.
    matches!(
        last,
        '镇' | '乡'
            | '县'
            | '区'
            | '市'
            | '省'
            | '村'
            | '局'
            | '委'
            | '办'
            | '所'
            | '院'
            | '庭'
            | '员'
            | '们'
            | '我'
            | '级'
            | '门'
            | '年'
            | '月'
            | '日'
            | '来'
            | '后'
            | '中'
            | '上'
            | '内'
            | '队'
            | '组'
            | '站'
            | '部'
            | '会'
            | '府'
            | ')'
            | '”'
            | ' '
    ) || last.is_ascii_digit()
}
