//! What a figure counts (`what`) and the clause's action (`action`), read from the grammar
//! of the clause around the figure and, when the clause alone does not name the thing, from
//! the clauses before it in the same sentence:
//!
//! - the noun after a classifier (`部署36项重点任务` → 重点任务; `26个市、县(区)` keeps the
//!   coordination), cut after the person it names for a classifier of people
//!   (`473名党政主要负责人述法` → 党政主要负责人);
//! - the object before a count (`召开专题推进会6次` → 专题推进会), or the object of the verb
//!   after a count of times (`2次组织召开专题会议` → 专题会议);
//! - completed from the sentence when the clause holds only a verb, a bare rate, a
//!   comparison or a copula: `精简审批事项，市级取消21项、下放9项` → 市级取消审批事项 /
//!   市级下放审批事项; `评查案卷260卷，合格率98%` → 案卷合格率; `…率达到100%，较上年提高5个百分点`
//!   → the rate again; `A、B分别为12%和35%` → A, then B; `A和B均达100%` → A和B;
//! - bounded: a label is made of pieces of the figure's own sentence, never starts with a
//!   conjunction or particle, never starts or ends inside brackets or titles it does not
//!   close, and is never empty.
//!
//! Every scan is bounded by the clause or by the text since the previous figure of the
//! line, so finding labels stays linear in the length of the line.

use super::lexicon::{adverbial_len, determiner_len, opens_predicate, trailing_len, verb_len};
use super::unit::{match_unit, UnitClass};
use super::{is_clause_break, is_clause_end, MAX_WHAT};
use crate::chars::{is_han, starts_with_at};
use crate::document::Document;

/// `[start, end)` in chars of the text.
pub(super) type Piece = (usize, usize);

/// What the labels of earlier figures of the same sentence leave for later ones.
pub(super) struct Sentence {
    /// Where the current clause may start: the end of the line's last figure.
    pub clause_floor: usize,
    prev: Option<Prev>,
    /// What the sentence's first figure counts: the topic a bare rate later in the sentence
    /// is a rate of (`办理行政复议案件46件，其中…，纠错率17.4%`).
    first: Vec<Piece>,
    /// Members of a coordination shared out by `分别` not yet given to a figure, the next
    /// last.
    respectively: Vec<Piece>,
}

/// The previous figure of the sentence.
struct Prev {
    what: Vec<Piece>,
    /// For a bare verb (`市级取消21项`): the subject before it (市级).
    subject: Option<Piece>,
    /// For a bare verb: the thing it acted on, read from an earlier clause (审批事项).
    topic: Vec<Piece>,
}

impl Sentence {
    /// The state at the start of a line.
    pub(super) fn new(line_start: usize) -> Sentence {
        Sentence { clause_floor: line_start, prev: None, first: Vec::new(), respectively: Vec::new() }
    }

    /// Called before each figure with the text since the previous one: a sentence end in
    /// between forgets what the previous sentence left.
    pub(super) fn enter(&mut self, f: &[char], since: usize, at: usize) {
        if f[since.min(at)..at].iter().any(|&c| is_sentence_end(c)) {
            self.prev = None;
            self.first.clear();
            self.respectively.clear();
        }
    }
}

/// What [`label`] needs to know about the figure.
pub(super) struct Figure<'a> {
    /// Where the text since the previous figure of the line starts.
    pub floor: usize,
    /// Where the figure's clause starts.
    pub clause_start: usize,
    /// Where the figure starts (its number, or an approximation before it).
    pub number_start: usize,
    /// Where the figure ends (after unit and suffix).
    pub figure_end: usize,
    /// The end of the line.
    pub line_end: usize,
    /// The class of the unit.
    pub class: UnitClass,
    /// Whether the unit counts people (`名`, `位`, `人`).
    pub people: bool,
    /// Quotation and title marks of the line.
    pub quoted: &'a [(usize, usize)],
}

/// A figure's label, action and the extent of its text.
pub(super) struct Found {
    pub what: Option<String>,
    pub action: Option<String>,
    pub text_start: usize,
    pub text_end: usize,
}

/// What the figure's own clause says.
#[derive(Default)]
struct Local {
    what: Vec<Piece>,
    action: Option<Piece>,
    /// A verb without an object (`调处21件`, `市级取消21项`): its subject.
    bare_verb: bool,
    subject: Option<Piece>,
    /// `均` / `分别` before the number: the subject is a coordination (see [`Shared`]).
    shared: Option<Shared>,
    /// `较上年提高5个百分点`: a change of the previous figure.
    comparison: bool,
    /// Read from the words after the figure (`36项重点任务`, `2次组织召开专题会议`).
    after: bool,
    /// The counted noun after a classifier, when it is one char (`2个区`).
    short_noun: Option<Piece>,
    text_start: usize,
    text_end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shared {
    /// `均`, `都`: one figure for every member.
    Each,
    /// `分别`: one figure per member, in order.
    Respectively,
}

/// The label of one figure; updates the sentence for the figures after it.
pub(super) fn label(doc: &Document, sentence: &mut Sentence, fig: &Figure) -> Found {
    let f = &doc.folded;
    let mut local = local(doc, fig, fig.clause_start);
    let mut clause_start = fig.clause_start;
    if !local.after && (local.shared.is_some() || fig.clause_start > fig.floor + 1) {
        // The subject of `均`/`分别` is the whole coordination `A、B`, and a phrase after `、`
        // with no figure before it belongs to one (`宣传、宣讲146场次`): read the clause
        // again from where the coordination starts.
        let start = coordination_start(f, fig.floor, fig.clause_start, fig.quoted);
        if start < fig.clause_start {
            let again = local_before(doc, fig, start);
            if !again.what.is_empty() {
                local = again;
                clause_start = start;
            }
        }
    }
    let mut what = local.what.clone();
    let mut subject = local.subject;
    let mut topic = Vec::new();

    if local.shared == Some(Shared::Respectively) {
        if let [one] = what[..] {
            let mut members = split_coordination(f, one);
            if members.len() > 1 {
                what = vec![members[0]];
                // Kept last first, so that the next member is popped.
                members.reverse();
                members.pop();
                sentence.respectively = members;
            }
        }
    }
    let prev_clause = previous_clause(f, fig, clause_start, sentence.prev.is_some());
    if local.bare_verb {
        // `市级取消21项、下放9项` after `精简审批事项`: the verb acts on what the sentence
        // named before; a later verb of the chain shares the subject.
        match &sentence.prev {
            Some(p) => {
                topic = if p.topic.is_empty() { p.what.clone() } else { p.topic.clone() };
                if subject.is_none() && !p.topic.is_empty() {
                    subject = p.subject;
                }
            }
            None => topic = join(&[prev_clause.map(|c| clause_object(doc, c))]),
        }
        if !topic.is_empty() {
            what = join(&[subject, local.action]);
            what.extend_from_slice(&topic);
        } else if let Some(purpose) = purpose_after(f, fig) {
            // `安排20万元，用于普法宣传`: what the money or effort went to.
            what = join(&[local.action, Some(purpose)]);
        } else if subject.is_some() {
            what = join(&[subject, local.action]);
        }
    }
    if what.is_empty() || local.comparison {
        // Only a copula, a conjunction or a comparison: the thing is the one named before.
        if let Some(m) = sentence.respectively.pop() {
            what = vec![m];
        } else if let Some(p) = sentence.prev.as_ref().filter(|p| !p.what.is_empty()) {
            what = p.what.clone();
        } else if let Some(c) = prev_clause {
            what = vec![clause_text(doc, c)];
        }
    }
    if let Some(noun) = local.short_noun {
        if what.is_empty() || what == [noun] {
            // `设立2个区`: one char names no thing; the verb joins it (设立区).
            what = join(&[local.action, Some(noun)]);
        }
    }
    if let [rate] = what[..] {
        if is_bare_rate(f, rate) {
            // `合格率98%` after `评查执法案卷260卷`: the rate of the thing named before.
            let mut of = match &sentence.prev {
                Some(_) => sentence.first.iter().map(|&piece| without_rate(f, piece)).collect(),
                None => join(&[prev_clause.map(|c| clause_object(doc, c))]),
            };
            of.retain(|p| p.1 > p.0);
            if !of.is_empty() {
                what = of;
                what.push(rate);
            }
        }
    }
    for p in what.iter_mut() {
        *p = tidy(f, *p);
    }
    what.retain(|p| p.1 > p.0);
    if what.is_empty() {
        // Never empty: the clause before the figure, else the unit.
        what = join(&[Some(tidy(f, (fig.clause_start, fig.number_start)))]);
    }
    if what.is_empty() {
        what = vec![unit_piece(f, (fig.number_start, fig.figure_end))];
    }
    let rendered = render(doc, &what);
    if sentence.prev.is_none() {
        sentence.first = what.clone();
    }
    sentence.prev = Some(Prev { what, subject, topic });
    Found {
        what: rendered,
        action: local.action.and_then(|(a, b)| clean(doc, a, b)),
        text_start: local.text_start,
        text_end: local.text_end,
    }
}

/// The clause's own reading, from `clause_start`.
fn local(doc: &Document, fig: &Figure, clause_start: usize) -> Local {
    let f = &doc.folded;
    if fig.class == UnitClass::Classifier {
        // A classifier before a noun counts that noun (`聘请62名社区网格员`).
        if let Some(np) = noun_phrase_after(f, fig.figure_end, fig.line_end, fig.people) {
            let verb = (clause_start..fig.number_start).find_map(|p| verb_at(f, p, fig.number_start).map(|l| (p, p + l)));
            let text_start = verb.map_or(fig.number_start, |v| v.0);
            if np.1 - np.0 > 1 {
                return Local { what: vec![np], action: verb, after: true, text_start, text_end: np.1, ..Local::default() };
            }
            let mut before = local_before(doc, fig, clause_start);
            before.short_noun = Some(np);
            before.text_end = np.1;
            return before;
        }
        // A count of times before its verb, with no object before it
        // (`2次组织召开专题会议`): the object of the verb.
        let before = local_before(doc, fig, clause_start);
        if !before.what.is_empty() || before.comparison {
            return before;
        }
        if verb_at(f, fig.figure_end, fig.line_end).is_some() {
            let mut k = fig.figure_end;
            let mut last = None;
            while let Some(l) = verb_at(f, k, fig.line_end) {
                last = Some((k, k + l));
                k += l;
            }
            let np = noun_phrase_after(f, k, fig.line_end, false);
            let what = match np {
                Some(np) if !fig.people => vec![np],
                // `其中15名进行现场述法`: people doing something are the people named before.
                Some(_) => Vec::new(),
                None => vec![(fig.figure_end, k)],
            };
            let text_end = np.map_or(k, |p| p.1);
            return Local { what, action: last, after: true, text_start: fig.number_start, text_end, ..Local::default() };
        }
    }
    local_before(doc, fig, clause_start)
}

/// The reading from the words before the number: the object of the clause's verb.
fn local_before(doc: &Document, fig: &Figure, clause_start: usize) -> Local {
    let f = &doc.folded;
    let number_start = fig.number_start;
    let predicate = percent_predicate(f, fig);
    let text_end = predicate.map_or(fig.figure_end, |p| p.1);
    // Drop the clause's opening adverbials (今年 全镇 共 …), years (2024年) and a
    // conjunction that joins this figure to the one before (`12份和送达律师回函30份`).
    let mut clause = clause_start;
    loop {
        let verb_here = verb_at(f, clause, number_start).unwrap_or(0);
        if let Some(n) = adverbial_len(f, clause, number_start).filter(|&n| n >= verb_here) {
            clause += n;
        } else if let Some(n) = year_prefix(&f[clause..number_start]) {
            clause += n;
        } else if let Some(n) = conjunction_len(f, clause, number_start) {
            clause += n;
        } else if clause < number_start && (matches!(f[clause], ' ' | ',' | '(') || is_clause_break(f[clause])) {
            clause += 1;
        } else {
            break;
        }
    }
    // `较上年提高5个百分点`: a comparison with an earlier time changes the figure before.
    if ["较", "比上", "比去", "同比", "环比"].iter().any(|w| starts_with_at(f, clause, number_start, w)) {
        let verb = (clause..number_start).rev().find_map(|p| change_verb_at(f, p, number_start).map(|l| (p, p + l)));
        return Local { comparison: true, action: verb, text_start: clause, text_end, ..Local::default() };
    }
    // The object of the clause's predicate: after the last verb that opens one. Rates and
    // percentages keep their verb (调处成功率), unless a verb follows the figure
    // (`“五员”100%下沉`).
    let mut object_start = clause;
    let mut verb = None;
    if fig.class != UnitClass::Percent || predicate.is_some() {
        let mut bare_verb = None;
        for p in (clause..number_start).rev() {
            if let Some(len) = verb_at(f, p, number_start) {
                if !opens_predicate(&f[clause..p]) {
                    continue;
                }
                if p + len < number_start && !only_trailing(f, p + len, number_start) {
                    object_start = p + len;
                    verb = Some((p, p + len));
                    break;
                }
                bare_verb.get_or_insert((p, p + len)); // `调处21件`, `划分46网格`: no object in between
            }
        }
        if let (None, Some(v)) = (verb, bare_verb) {
            let subject = (v.0 > clause).then_some((clause, v.0));
            let mut what = vec![v];
            if fig.class == UnitClass::Noun {
                what = noun_unit(f, number_start, fig.figure_end).map_or(what, |u| vec![u]);
            }
            let bare = fig.class != UnitClass::Noun;
            return Local { what, action: Some(v), bare_verb: bare, subject, text_start: v.0, text_end, ..Local::default() };
        }
    }
    // Copulas, totals and changes before the number (达, 合计, 提升至) are not part of what is
    // counted; `均` and `分别` say the subject is a coordination.
    let mut object_end = number_start;
    let mut shared = None;
    while object_end > object_start {
        let before = &f[object_start..object_end];
        let n = match trailing_len(before) {
            Some(n) => n,
            None => match every_len(before) {
                Some(n) => n,
                None => break,
            },
        };
        if object_end - n < object_start {
            break;
        }
        let word = &f[object_end - n..object_end];
        if word.starts_with(&['分', '别']) {
            shared = Some(Shared::Respectively);
        } else if word[0] == '均' || word[0] == '都' {
            shared = shared.or(Some(Shared::Each));
        }
        object_end -= n;
    }
    // A verb after its subject, right before the number (`六进活动开展230场次`): the action,
    // not part of what is counted.
    let mut post_verb = None;
    if verb.is_none() {
        if let Some(l) = (2..=4).find(|&l| object_end >= object_start + l + 2 && verb_len(f, object_end - l, object_end) == Some(l)) {
            post_verb = Some((object_end - l, object_end));
            object_end -= l;
        }
    }
    // Determiners (各类) are not part of what is counted, unless nothing else is left.
    let mut what_start = object_start;
    while let Some(n) = determiner_len(f, what_start, object_end) {
        if object_end - (what_start + n) < 2 {
            break;
        }
        what_start += n;
    }
    // Long clauses: keep the end, which names the thing, from a word boundary: never inside
    // a title or quotation, else after the first `的` or `、` of the cut.
    if object_end - what_start > MAX_WHAT {
        what_start = object_end - MAX_WHAT;
        if let Some(&(_, close)) = fig.quoted.iter().find(|&&(a, b)| a < what_start && what_start <= b) {
            what_start = (close + 1).min(object_end);
        } else if let Some(k) = (what_start..object_end.saturating_sub(4)).find(|&k| matches!(f[k], '的' | '、')) {
            what_start = k + 1;
        }
    }
    let mut what = without_time(f, (what_start, object_end));
    // A two-char object (资料, 工作, 专题) says little alone: keep its verb (部署各项工作).
    if let Some(v) = verb {
        if object_end.saturating_sub(what_start) <= 2 && object_end > what_start {
            what = vec![(v.0, object_end)];
        }
    }
    let mut action = verb.or(post_verb);
    if let Some(p) = predicate {
        what.push(p);
        action = Some(p);
    }
    if what.is_empty() && fig.class == UnitClass::Noun {
        what = join(&[noun_unit(f, number_start, fig.figure_end)]);
    }
    Local { what, action, shared, text_start: verb.map_or(what_start.min(object_start), |v| v.0), text_end, ..Local::default() }
}

/// A verb right after a percentage that ends its clause (`100%下沉`, `100%覆盖`): the
/// percentage measures that action.
fn percent_predicate(f: &[char], fig: &Figure) -> Option<Piece> {
    if fig.class != UnitClass::Percent {
        return None;
    }
    let from = fig.figure_end;
    let mut k = from;
    while k < fig.line_end && is_han(f[k]) && k - from < 4 {
        k += 1;
    }
    let ends = k == fig.line_end || is_clause_end(f[k]);
    // `由90%提升至98%`: a change to the next figure, not an action.
    if k == from
        || matches!(f[from], '的' | '以' | '之' | '左')
        || (k < fig.line_end && (f[k].is_ascii_digit() || crate::numerals::is_numeral_char(f[k])))
    {
        return None;
    }
    // The whole run when it ends the clause (`100%覆盖`), else its first word
    // (`100%下沉进驻综治中心` → 下沉).
    if ends {
        Some((from, k))
    } else {
        (k - from >= 2).then_some((from, from + 2))
    }
}

/// Time adverbials inside a phrase (`党委中心组全年集中学法`): when, not what; the label
/// joins the words on either side.
fn without_time(f: &[char], (a, b): Piece) -> Vec<Piece> {
    const TIME: [&str; 7] = ["全年", "今年", "年内", "本年度", "当年", "上半年", "下半年"];
    for p in a + 1..b {
        if let Some(w) = TIME.iter().find(|w| starts_with_at(f, p, b, w)) {
            let end = p + w.chars().count();
            if end < b {
                return vec![(a, p), (end, b)];
            }
        }
    }
    if b > a {
        vec![(a, b)]
    } else {
        Vec::new()
    }
}

/// A purpose clause right after the figure (`，用于普法宣传教育`), up to its end.
fn purpose_after(f: &[char], fig: &Figure) -> Option<Piece> {
    let mut k = fig.figure_end;
    if k < fig.line_end && matches!(f[k], ',' | ' ') {
        k += 1;
    }
    let word = ["用于", "用来", "专项用于"].iter().find(|w| starts_with_at(f, k, fig.line_end, w))?;
    let start = k;
    k += word.chars().count();
    while k < fig.line_end && !is_clause_break(f[k]) && k - start < MAX_WHAT {
        k += 1;
    }
    Some((start, k))
}

/// Whether only copulas and adverbs stand between `from` and the number.
fn only_trailing(f: &[char], from: usize, to: usize) -> bool {
    let mut end = to;
    while end > from {
        match trailing_len(&f[from..end]) {
            Some(n) => end -= n,
            None => return false,
        }
    }
    true
}

/// A frequency at the end of the phrase (`每月`, `每季度`): when, not what.
fn every_len(before: &[char]) -> Option<usize> {
    let n = before.len();
    (2..=3).find(|&k| n >= k && before[n - k] == '每')
}

/// A change verb at `p` (`提高`, `增长`, `下降`), for comparisons.
fn change_verb_at(f: &[char], p: usize, end: usize) -> Option<usize> {
    ["提高", "提升", "增长", "增加", "上升", "下降", "减少", "降低", "缩短", "压缩", "增", "降", "减"]
        .iter()
        .find(|w| starts_with_at(f, p, end, w))
        .map(|w| w.chars().count())
}

/// A conjunction at the start of a clause (`和`, `及`, `以及`, `与`, `并`), not the first
/// char of a word (`和解`, `及时`).
fn conjunction_len(f: &[char], at: usize, end: usize) -> Option<usize> {
    if starts_with_at(f, at, end, "以及") {
        return Some(2);
    }
    let c = *f.get(at).filter(|_| at < end)?;
    let next = if at + 1 < end { f[at + 1] } else { ' ' };
    match (c, next) {
        ('和', '解' | '谐' | '美' | '睦') | ('及', '时' | '早' | '格') | ('与', '会') | ('并', '购' | '联') => None,
        ('和' | '及' | '与' | '并', _) => Some(1),
        _ => None,
    }
}

/// The noun phrase a classifier modifies, if the classifier is followed by one: up to the
/// clause end, `的`, a function word, a verb, an adverb or the next number; a coordination
/// with `、` stays whole (`26个市、县(区)`); never ends inside brackets it opened. For a
/// classifier of people, cut after the last word naming people (`负责人述法` → 负责人).
fn noun_phrase_after(f: &[char], from: usize, end: usize, people: bool) -> Option<Piece> {
    const FUNCTION: &str = "的地得以等和及与并在对为给向到至于从把被将也都就还又而或即既次余多其";
    let first = *f.get(from).filter(|_| from < end)?;
    if !is_han(first) || FUNCTION.contains(first) || verb_at(f, from, end).is_some() {
        return None;
    }
    let mut k = from;
    let mut depth = 0i32;
    let mut open_at = from;
    while k < end && k - from < 12 {
        let c = f[k];
        match c {
            '(' => {
                if depth == 0 {
                    open_at = k;
                }
                depth += 1;
            }
            ')' if depth > 0 => depth -= 1,
            '“' | '”' | '"' => {}
            '、' if depth == 0 && k + 1 < end && is_han(f[k + 1]) && !FUNCTION.contains(f[k + 1]) && verb_at(f, k + 1, end).is_none() => {}
            c if c.is_ascii_digit() => break,
            c if depth == 0 && (is_clause_end(c) || c == '的' || c == '等') => break,
            c if depth == 0 && !is_han(c) && !c.is_ascii_alphanumeric() => break,
            _ if depth == 0 && k > from && (verb_at(f, k, end).is_some() || adverb_at(f, k, end)) => break,
            _ => {}
        }
        k += 1;
    }
    if depth > 0 {
        k = open_at;
    }
    while k > from && matches!(f[k - 1], '和' | '及' | '与' | '或' | '、') {
        k -= 1;
    }
    if people {
        let person = |c: char| matches!(c, '人' | '员' | '者' | '部' | '师' | '警' | '官' | '生' | '民' | '众' | '长' | '士');
        if let Some(p) = (from + 1..k).rev().find(|&p| person(f[p])) {
            k = p + 1;
        }
    }
    (k > from).then_some((from, k))
}

/// An adverb that ends a noun phrase (`68所学校全部配备…`, `12个村均建成…`).
fn adverb_at(f: &[char], k: usize, end: usize) -> bool {
    ["全部", "全都", "全覆盖", "全面", "均", "都", "已经", "已", "共", "累计", "分别", "各自", "正在", "将", "具体"]
        .iter()
        .any(|w| starts_with_at(f, k, end, w))
}

/// The length of an action verb at `p`, unless a nominal suffix makes it part of a noun
/// (`调解员`, `培训费`, `审查表`).
pub(super) fn verb_at(f: &[char], p: usize, end: usize) -> Option<usize> {
    const NOMINAL_SUFFIX: &str = "员者师会组队站室所处机书费案件点单表册卡证部台率款物";
    let len = verb_len(f, p, end)?;
    match f.get(p + len) {
        // `研究部署`: a verb after the verb makes a compound verb, not a noun.
        Some(&c) if p + len < end && NOMINAL_SUFFIX.contains(c) && verb_len(f, p + len, end).is_none() => None,
        _ => Some(len),
    }
}

/// `2024年`, `2024年度` at the start of a clause.
fn year_prefix(chars: &[char]) -> Option<usize> {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits != 4 || chars.get(4) != Some(&'年') {
        return None;
    }
    Some(if chars.get(5) == Some(&'度') { 6 } else { 5 })
}

/// A noun unit at the end of the figure (`46网格` → 网格).
fn noun_unit(f: &[char], number_start: usize, figure_end: usize) -> Option<Piece> {
    (number_start..figure_end)
        .find(|&p| match_unit(f, p, figure_end).is_some_and(|(len, c)| c == UnitClass::Noun && p + len == figure_end))
        .map(|p| (p, figure_end))
}

/// The unit of a figure's text (its Han chars at the end), the label of last resort.
fn unit_piece(f: &[char], (start, end): Piece) -> Piece {
    let mut p = end;
    while p > start && is_han(f[p - 1]) {
        p -= 1;
    }
    if p == end {
        (start, end)
    } else {
        (p, end)
    }
}

/// A rate named by its suffix alone (`合格率`, `办结率`, `满意度`): three chars at most.
fn is_bare_rate(f: &[char], (a, b): Piece) -> bool {
    b - a <= 3 && b > a && matches!(f[b - 1], '率' | '度')
}

/// A label without the rate word at its end (`学法考试参考率` → 学法考试).
fn without_rate(f: &[char], (a, b): Piece) -> Piece {
    match b - a {
        n if n > 3 && matches!(f[b - 1], '率' | '度') => (a, b - 3),
        _ if matches!(f[b - 1], '率' | '度') => (a, a),
        _ => (a, b),
    }
}

/// Where a coordination that ends at `clause_start` starts: back over `、` and `和` between
/// noun phrases, within the text since the previous figure.
fn coordination_start(f: &[char], floor: usize, clause_start: usize, quoted: &[(usize, usize)]) -> usize {
    let mut start = clause_start;
    while start > floor + 1 && f[start - 1] == '、' {
        start = super::clause_start(f, floor, start - 1, quoted);
    }
    start
}

/// The members of a coordination `A、B和C`: split at `、`, `和`, `及`, `与` outside brackets.
fn split_coordination(f: &[char], (a, b): Piece) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut start = a;
    let mut depth = 0i32;
    for k in a..b {
        match f[k] {
            '(' | '《' => depth += 1,
            ')' | '》' => depth -= 1,
            '、' | '和' | '及' | '与' if depth == 0 && k > start && conjunction_or_comma(f, k, b) => {
                out.push((start, k));
                start = k + 1;
            }
            _ => {}
        }
    }
    out.push((start, b));
    out.retain(|p| p.1 > p.0);
    out
}

fn conjunction_or_comma(f: &[char], k: usize, end: usize) -> bool {
    f[k] == '、' || conjunction_len(f, k, end).is_some()
}

/// The clause before the figure's clause in the same sentence, if the figure's clause
/// follows a `，`/`、`/`：` and that clause holds no figure.
fn previous_clause(f: &[char], fig: &Figure, clause_start: usize, has_prev_figure: bool) -> Option<Piece> {
    let end = clause_start.checked_sub(1)?;
    if end < fig.floor || end >= f.len() || !is_clause_break(f[end]) || is_sentence_end(f[end]) {
        return None;
    }
    let start = super::clause_start(f, fig.floor, end, fig.quoted);
    (start < end && (start > fig.floor || !has_prev_figure)).then_some((start, end))
}

/// A clause's object: its text after opening adverbials and its verbs (`精简审批事项` →
/// 审批事项).
fn clause_object(doc: &Document, clause: Piece) -> Piece {
    let f = &doc.folded;
    let (mut a, b) = skip_adverbials(f, clause);
    // At the start of a clause a verb is a verb, whatever follows (`开展案卷评查`).
    while let Some(l) = verb_len(f, a, b) {
        if a + l >= b {
            break;
        }
        a += l;
    }
    (a.max(b.saturating_sub(MAX_WHAT)), b)
}

/// A whole clause, after its opening adverbials (`党委会议专题研究法治建设工作，全年达6次`).
fn clause_text(doc: &Document, clause: Piece) -> Piece {
    let (a, b) = skip_adverbials(&doc.folded, clause);
    (a.max(b.saturating_sub(MAX_WHAT)), b)
}

/// The pieces given, in order, without the absent and the empty.
fn join(parts: &[Option<Piece>]) -> Vec<Piece> {
    parts.iter().flatten().copied().filter(|p| p.1 > p.0).collect()
}

fn skip_adverbials(f: &[char], (mut a, b): Piece) -> Piece {
    while a < b {
        if let Some(n) = adverbial_len(f, a, b).filter(|&n| n >= verb_at(f, a, b).unwrap_or(0)) {
            a += n;
        } else if let Some(n) = year_prefix(&f[a..b]) {
            a += n;
        } else if let Some(n) = conjunction_len(f, a, b) {
            a += n;
        } else if matches!(f[a], ' ' | '(') {
            a += 1;
        } else {
            break;
        }
    }
    (a, b)
}

/// A piece without what may not open or close a label: conjunctions and particles at its
/// start (`和送达…`, `等…`), closing marks whose opening is outside it (`会)`, `》《…`),
/// openings it does not close (`区直部门(单`) and joining punctuation at its ends.
pub(super) fn tidy(f: &[char], (mut a, mut b): Piece) -> Piece {
    loop {
        let before = (a, b);
        // A closing mark without its opening: the piece started inside brackets or a title;
        // an opening mark without its closing: cut before it.
        let mut open: Vec<(usize, char)> = Vec::new();
        // Never across a sentence end, even one inside quotation marks.
        if let Some(k) = (a..b).rev().find(|&k| is_sentence_end(f[k])) {
            a = k + 1;
        }
        let from = a;
        for (k, &c) in f[from..b].iter().enumerate().map(|(i, c)| (from + i, c)) {
            match c {
                '(' => open.push((k, ')')),
                '《' => open.push((k, '》')),
                '〈' => open.push((k, '〉')),
                '[' => open.push((k, ']')),
                '【' => open.push((k, '】')),
                c @ (')' | '》' | '〉' | ']' | '】') => {
                    if open.last().is_some_and(|&(_, close)| close == c) {
                        open.pop();
                    } else {
                        a = k + 1;
                        open.clear();
                    }
                }
                _ => {}
            }
        }
        if let Some(&(first, _)) = open.first() {
            b = first;
        }
        while a < b && (is_clause_break(f[a]) || matches!(f[a], ' ' | '“' | '”' | '"' | '的' | '等' | '之' | '或' | '而')) {
            a += 1;
        }
        if let Some(n) = conjunction_len(f, a, b).or_else(|| starts_with_at(f, a, b, "及时").then_some(2)) {
            a += n;
        }
        while a < b && (is_clause_break(f[b - 1]) || matches!(f[b - 1], ' ' | '“' | '"' | '和' | '及' | '与' | '或' | '的' | '等'))
        {
            b -= 1;
        }
        if (a, b) == before || a >= b {
            return (a, b.max(a));
        }
    }
}

/// Sentence-ending punctuation (a label never crosses it).
pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '\n' | '\r')
}

/// The pieces of a label joined, quotation marks removed.
fn render(doc: &Document, pieces: &[Piece]) -> Option<String> {
    let s: String = pieces.iter().filter_map(|&(a, b)| clean(doc, a, b)).collect();
    (!s.is_empty()).then_some(s)
}

/// The original text of `start..end` without quotation marks and surrounding spaces.
pub(super) fn clean(doc: &Document, start: usize, end: usize) -> Option<String> {
    let s: String = doc
        .original_chars(start, end)
        .zip(&doc.folded[start..end])
        .filter(|(_, &f)| !matches!(f, '“' | '”' | '"' | '‘' | '’' | '「' | '」' | '『' | '』' | crate::normalize::IGNORABLE))
        .map(|(o, _)| o)
        .collect();
    let s = s.trim().trim_matches(|c: char| c == ',' || c == '，' || c == '、').to_string();
    (!s.is_empty()).then_some(s)
}
