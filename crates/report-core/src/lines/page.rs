//! Page chrome told by the grammar of pages rather than by fixed phrases: breadcrumbs
//! (`您当前所在位置:首页>政务公开>…`, `>` chains), the date of today (`今天是:2024年5月6日
//! 星期一`), the font switch split one size a line (`大` / `中` / `小`), share and search
//! boxes, site links (`设为首页`, `无障碍`), footers (`备案号`, `主办:`), an attachment's file
//! name (`…情况.docx`), addresses of re-hosting sites, lines of bullets alone.

/// Whether a short line (folded, spaces removed) is page chrome.
pub(super) fn is_chrome(compact: &str) -> bool {
    let n = compact.chars().count();
    // Breadcrumbs: where you are, or a chain of links.
    let is_arrow = |c: char| matches!(c, '>' | '»' | '›' | '→');
    let arrows = compact.chars().filter(|&c| is_arrow(c)).count();
    // Links between the arrows: short, none empty, no markup.
    let links = !compact.contains(['<', '。']) && compact.split(is_arrow).all(|s| (1..=16).contains(&s.chars().count()));
    if links && (arrows >= 2 || (arrows == 1 && compact.contains("首页"))) {
        return true;
    }
    if compact.contains("位置") && (compact.contains(':') || arrows > 0) && n <= 40 {
        return true;
    }
    // The date of today.
    if compact.starts_with("今天是") || (n <= 30 && compact.contains("星期") && compact.contains('年') && compact.contains('月')) {
        return true;
    }
    // The font switch split over lines, a lone bullet.
    if matches!(compact, "大" | "中" | "小" | "A" | "A+" | "A-") || compact.chars().all(|c| matches!(c, '-' | '•' | '·' | '*' | '>'))
    {
        return true;
    }
    // Share, search and site links.
    const LINKS: &[&str] = &[
        "分享",
        "搜索",
        "请输入",
        "关键字",
        "设为首页",
        "无障碍",
        "长者版",
        "关怀版",
        "适老化",
        "简体版",
        "繁体版",
        "English",
        "登录",
        "注册",
        "联系我们",
        "用户登录",
        "政务微博",
        "政务微信",
        "二维码",
    ];
    if n <= 15 && LINKS.iter().any(|w| compact.contains(w)) {
        return true;
    }
    // A site's name (`某县人民政府门户网站`).
    if n <= 24 && ["网站", "门户", "政府网", "人民政府网"].iter().any(|w| compact.ends_with(w)) {
        return true;
    }
    // Footers.
    if ["备案号", "备案编号", "Copyright", "copyright", "©", "网站声明", "隐私"].iter().any(|w| compact.contains(w))
        || (compact.starts_with("主办") && compact.contains(':'))
    {
        return true;
    }
    // An attachment's file name, a site's address.
    let lower = compact.to_ascii_lowercase();
    if [".docx", ".doc", ".pdf", ".wps", ".xlsx", ".xls", ".ofd", ".txt"].iter().any(|e| lower.ends_with(e)) {
        return true;
    }
    let address = lower.contains("http") || lower.contains("www.");
    lower.starts_with("http")
        || lower.starts_with("www.")
        || (address && ["转载", "转自", "来源", "本文"].iter().any(|w| compact.contains(w)))
}
