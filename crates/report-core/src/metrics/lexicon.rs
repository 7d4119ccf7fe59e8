//! The small closed word classes the metric grammar needs to find *what* is counted:
//! action verbs that take the counted thing as object (`发放` 宣传资料 3000 份), adverbials
//! that open a clause (`今年` `全镇` `共` `累计`), and determiners (`各类`). These are
//! grammar words of Chinese administrative prose, not phrases of particular reports.

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
];

/// Determiners dropped from the front of a `what`.
pub const DETERMINERS: &[&str] = &["各类", "各种", "各项", "各级", "各", "全部", "所有", "相关"];

/// Whether a verb at the end of `before` (what precedes it in its clause) is the clause's
/// predicate — preceded by nothing, an adverbial, another verb, a time or a subject — and
/// not part of a compound noun (`人民调解委员会`).
pub fn opens_predicate(before: &[char]) -> bool {
    if before.is_empty() {
        return true;
    }
    if ends_with_any(before, ADVERBIALS) || ends_with_any(before, VERBS) {
        return true;
    }
    // A subject or time: a place, an organ, people, a date.
    matches!(
        before[before.len() - 1],
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
    ) || before.last().is_some_and(|c| c.is_ascii_digit())
}

/// The length of the word from `words` that `chars` ends with, if any.
pub fn ends_with_any(chars: &[char], words: &[&str]) -> bool {
    words.iter().any(|w| ends_with(chars, w))
}

pub fn ends_with(chars: &[char], word: &str) -> bool {
    let n = word.chars().count();
    n <= chars.len() && chars[chars.len() - n..].iter().copied().eq(word.chars())
}

pub fn starts_with(chars: &[char], word: &str) -> bool {
    let n = word.chars().count();
    n <= chars.len() && chars[..n].iter().copied().eq(word.chars())
}

/// The length of the first word of `words` that `chars` starts with.
pub fn starts_with_any(chars: &[char], words: &[&str]) -> Option<usize> {
    words
        .iter()
        .filter(|w| starts_with(chars, w))
        .map(|w| w.chars().count())
        .max()
}
