//! The phrases with something in them (a count, a name, a date), one function each with an
//! arm per language, and the plurals in one place.

use yibiao_core::text::working_days;
use yibiao_core::Lang;

use super::Ui;

/// Whose draft it is and when it was last changed, for a draft on the home page.
pub fn draft_facts(lang: Lang, name: Option<&str>, changed: Option<&str>) -> String {
    let name = name.map(|name| match lang {
        Lang::Zh => format!("申请人：{name}"),
        Lang::En => format!("Applicant: {name}"),
    });
    let changed = match (lang, changed) {
        (Lang::Zh, Some(when)) => format!("最后修改：{when}"),
        (Lang::En, Some(when)) => format!("Last changed: {when}"),
        (Lang::Zh, None) => "最后修改：较早以前".to_owned(),
        (Lang::En, None) => "Last changed: some time ago".to_owned(),
    };
    match name {
        Some(name) => format!("{name}{}{changed}", lang.pick(" · ", " · ")),
        None => changed,
    }
}

/// How many bundles a search found.
pub fn search_count(lang: Lang, count: usize, query: &str) -> String {
    match (lang, count) {
        (Lang::Zh, 0) => format!("没有找到“{query}”。请换个说法，或清空搜索看全部事项。"),
        (Lang::Zh, n) => format!("找到 {n} 件事"),
        (Lang::En, 0) => {
            format!("Nothing found for “{query}”. Try other words, or clear the search to see everything.")
        }
        (Lang::En, 1) => "1 found".to_owned(),
        (Lang::En, n) => format!("{n} found"),
    }
}

/// "Draft kept aside 2".
pub fn set_aside_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("另存的草稿 {n}"),
        Lang::En => format!("Kept draft {n}"),
    }
}

/// When a draft was set aside, after its cause.
pub fn set_aside_when(lang: Lang, when: Option<&str>) -> String {
    match (lang, when) {
        (Lang::Zh, Some(when)) => format!("另存时间：{when}"),
        (Lang::En, Some(when)) => format!("Kept aside: {when}"),
        (_, None) => String::new(),
    }
}

/// Some drafts could not be opened: set aside (and the others open), or, with no room to copy
/// them, kept where they are with nothing saved over them.
pub fn drafts_unreadable(lang: Lang, count: usize, saving: bool) -> String {
    let cause = match (lang, count) {
        (Lang::Zh, n) => format!("有 {n} 份保存的草稿已损坏，无法打开；其余草稿照常打开。"),
        (Lang::En, 1) => "One saved draft is damaged and could not be opened; the others open as usual. ".to_owned(),
        (Lang::En, n) => format!("{n} saved drafts are damaged and could not be opened; the others open as usual. "),
    };
    let then = match (lang, saving) {
        (Lang::Zh, true) => "损坏的草稿已另存在本机，可在首页保存为文件或删除。",
        (Lang::En, true) => {
            "The damaged ones are kept aside on this device: save them as a file or delete them on the home page."
        }
        (_, false) => Ui::DraftKeptNotSaving.text(lang),
    };
    cause + then
}

/// "The catalog was updated (A → B)".
pub fn catalog_changed(lang: Lang, from: &str, to: &str) -> String {
    match lang {
        Lang::Zh => format!("事项目录已更新（{from} → {to}）"),
        Lang::En => format!("The catalog was updated ({from} → {to})"),
    }
}

/// "Question 2 of 4".
pub fn question_progress(lang: Lang, number: usize, of: usize) -> String {
    match lang {
        Lang::Zh => format!("第 {number} 个问题，共 {of} 个"),
        Lang::En => format!("Question {number} of {of}"),
    }
}

/// A name the applicant gave (a file's), quoted as both languages quote it here: “name”.
pub fn quoted(name: &str) -> String {
    format!("“{name}”")
}

/// What a catalog change renamed: "“旧名”现在叫“新名”".
pub fn renamed(lang: Lang, before: &yibiao_core::Text, now: &yibiao_core::Text) -> String {
    match lang {
        Lang::Zh => format!("“{}”现在叫“{}”", before.zh, now.zh),
        Lang::En => format!("“{}” is now “{}”", before.en, now.en),
    }
}

/// The terms of a waiver (容缺) in the one-time notice, by the catalog's mode:
/// "容缺受理（先受理，5 个工作日内补交）" or "容缺办理（先办理，…）".
pub fn waiver_terms(lang: Lang, mode: yibiao_core::catalog::WaiverMode, days: u16) -> String {
    let (name, mode) = match mode {
        yibiao_core::catalog::WaiverMode::Accept => ("容缺受理", Ui::WaiverAccept),
        yibiao_core::catalog::WaiverMode::Process => ("容缺办理", Ui::WaiverProcess),
    };
    let mode = mode.text(lang);
    match lang {
        Lang::Zh => format!("{name}（{mode}，{days} 个工作日内补交）"),
        Lang::En => format!("later ({mode}; supplied within {})", working_days(days)),
    }
}

/// What a waiver's mode means for the application, said where it is chosen.
pub fn waiver_meaning(lang: Lang, mode: yibiao_core::catalog::WaiverMode) -> &'static str {
    match mode {
        yibiao_core::catalog::WaiverMode::Accept => Ui::WaiverAcceptMeans,
        yibiao_core::catalog::WaiverMode::Process => Ui::WaiverProcessMeans,
    }
    .text(lang)
}

/// "Supply it by 2026-12-01".
pub fn due_by(lang: Lang, due: &str) -> String {
    match lang {
        Lang::Zh => format!("请在 {due} 前补交"),
        Lang::En => format!("Supply it by {due}"),
    }
}

/// What another answer to a situation question would change for one material.
pub fn if_answered(lang: Lang, question: &str, answer: &str, needed: bool) -> String {
    match (lang, needed) {
        (Lang::Zh, false) => format!("如果“{question}”回答“{answer}”，就不需要这份材料。"),
        (Lang::Zh, true) => format!("如果“{question}”回答“{answer}”，也需要这份材料。"),
        (Lang::En, false) => format!("Had you answered “{answer}” to “{question}”, you would not need it."),
        (Lang::En, true) => format!("Had you answered “{answer}” to “{question}”, you would need it too."),
    }
}

/// The situation answers a reason read, as (question, answer) words.
pub fn reason_words(
    catalog: &yibiao_core::Catalog,
    reason: &yibiao_core::plan::Reason,
    lang: Lang,
) -> Vec<(String, String)> {
    reason
        .read
        .iter()
        .filter_map(|(field, value)| {
            let field = catalog.field(field)?;
            let value = value.as_deref()?;
            let answer = field.choice_label(value).map_or(value.to_owned(), |text| text.get(lang).to_owned());
            Some((field.label.get(lang).to_owned(), answer))
        })
        .collect()
}

/// Adds to `words` the answers `reason` read that it does not hold yet, for a reason made of
/// several (every item asking a field, every item needing a material).
pub fn add_reason_words(
    words: &mut Vec<(String, String)>,
    catalog: &yibiao_core::Catalog,
    reason: &yibiao_core::plan::Reason,
    lang: Lang,
) {
    for word in reason_words(catalog, reason, lang) {
        if !words.contains(&word) {
            words.push(word);
        }
    }
}

/// Why something is needed: the situation answer that brought it in, or always.
pub fn because(lang: Lang, reasons: &[(String, String)]) -> String {
    if reasons.is_empty() {
        return lang.pick("办理这件事都需要。", "Always needed for this.").to_owned();
    }
    let parts: Vec<String> = reasons
        .iter()
        .map(|(question, answer)| match lang {
            Lang::Zh => format!("您对“{question}”的回答是“{answer}”"),
            Lang::En => format!("you answered “{answer}” to “{question}”"),
        })
        .collect();
    match lang {
        Lang::Zh => format!("因为{}。", parts.join("，")),
        Lang::En => format!("Because {}.", parts.join(", and ")),
    }
}

/// "N (to M) departments · done within D working days", for a bundle card.
pub fn bundle_facts(lang: Lang, departments_at_least: usize, departments_at_most: usize, promised_days: u16) -> String {
    let departments = if departments_at_least == departments_at_most {
        departments_at_least.to_string()
    } else {
        format!("{departments_at_least}–{departments_at_most}")
    };
    match lang {
        Lang::Zh => format!("涉及 {departments} 个部门 · 承诺 {promised_days} 个工作日内办结"),
        Lang::En => format!(
            "{departments} {} · done within {}",
            noun(departments_at_most, "department", "departments"),
            working_days(promised_days)
        ),
    }
}

/// The form's introduction: how many separate forms of how many departments this one
/// replaces (one department may have several), and the saving when there is one (before the
/// situation questions are answered there may be none yet).
pub fn form_intro(lang: Lang, departments: usize, forms: usize, separate: usize, combined: usize) -> String {
    let whose = match lang {
        Lang::Zh => format!("{departments} 个部门的 {forms} 张表格"),
        Lang::En => format!(
            "{forms} {} of {departments} {}",
            noun(forms, "form", "forms"),
            noun(departments, "department", "departments")
        ),
    };
    match (lang, combined < separate) {
        (Lang::Zh, true) => {
            format!("这一张表代替 {whose}：分开填要填 {separate} 项，这里只需填 {combined} 项，相同的内容只填一次。")
        }
        (Lang::Zh, false) => format!("这一张表包含 {whose}要填的内容，相同的内容只填一次。"),
        (Lang::En, true) => format!(
            "This one form replaces {whose}: {separate} answers if filled separately, {combined} here, as shared questions are asked once."
        ),
        (Lang::En, false) => format!("This one form holds what {whose} ask, each shared question once."),
    }
}

/// Promised and legal time limits of an item.
pub fn time_limits(lang: Lang, promised: u16, legal: u16) -> String {
    match lang {
        Lang::Zh => format!("承诺 {promised} 个工作日（法定 {legal} 个工作日）"),
        Lang::En => format!("{} promised ({legal} by law)", working_days(promised)),
    }
}

/// How many originals and copies of a material to bring (the packet's words too).
pub fn counts(lang: Lang, originals: u8, copies: u8) -> String {
    yibiao_core::text::counts(lang, originals, copies)
}

/// An English noun for `count` of it: `one` for one, else `many`.
pub(super) fn noun(count: usize, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 {
        one
    } else {
        many
    }
}

/// The savings in plain words, before filling in or after (`done`): a saving is claimed only
/// where there is one. With one or two departments the situation questions can outweigh what
/// merging saves, and then the sentence gives the counts without "instead of".
pub fn savings(lang: Lang, savings: &yibiao_core::plan::Savings, done: bool) -> String {
    let (fields, fields_separate) = (savings.fields_combined, savings.fields_separate);
    let (materials, materials_separate) = (savings.materials_combined, savings.materials_separate);
    match lang {
        Lang::Zh => {
            let verb = if done { "您填写了" } else { "您只需填写" };
            let fields = if fields < fields_separate {
                format!("{verb} {fields} 项，而不是分别填写 {fields_separate} 项")
            } else {
                let verb = if done { "您填写了" } else { "需要填写" };
                format!("{verb} {fields} 项（含情形问题；各部门的表分别填写共 {fields_separate} 项）")
            };
            let materials = if materials < materials_separate {
                format!("准备 {materials} 种材料，而不是 {materials_separate} 种")
            } else {
                format!("准备 {materials} 种材料")
            };
            format!("{fields}；{materials}。")
        }
        Lang::En => {
            let verb = if done { "You filled in" } else { "You fill in" };
            let fields = if fields < fields_separate {
                format!("{verb} {fields} answers instead of {fields_separate}")
            } else {
                format!("{verb} {fields} answers (with the situation questions; the departments' forms have {fields_separate} between them)")
            };
            let materials = if materials < materials_separate {
                format!("prepare {materials} documents instead of {materials_separate}")
            } else {
                format!("prepare {materials} documents")
            };
            format!("{fields}, and {materials}.")
        }
    }
}

/// The name of a way to provide a material under `rules` ("Attach a file", "Bring it to the
/// window" …): a waiver is named by the catalog's mode, 容缺受理 (accepted now) or 容缺办理
/// (handled now).
pub fn provision_label(provision: &yibiao_core::verdict::Provision, rules: &yibiao_core::catalog::MaterialRules) -> Ui {
    use yibiao_core::catalog::WaiverMode;
    use yibiao_core::verdict::Provision;
    match provision {
        Provision::Waived if rules.waiver.as_ref().is_some_and(|w| w.mode == WaiverMode::Process) => {
            Ui::ProvideWaivedProcess
        }
        Provision::Attached { .. } => Ui::ProvideAttach,
        Provision::Original => Ui::ProvideOriginal,
        Provision::ECertificate => Ui::ProvideECertificate,
        Provision::CommitmentLetter => Ui::ProvideCommitmentLetter,
        Provision::Waived => Ui::ProvideWaivedAccept,
    }
}

/// How a material of `application` is provided, in words: the way, and for attached files
/// their names.
pub fn provision_words(
    lang: Lang,
    application: &yibiao_core::session::Application,
    entry: &yibiao_core::plan::ChecklistEntry,
) -> String {
    use yibiao_core::verdict::Provision;
    let id = &entry.material.id;
    match application.provisions.get(id) {
        None => Ui::ProvideNotChosen.text(lang).to_owned(),
        Some(how @ Provision::Attached { .. }) => {
            let names: Vec<String> = application.files_of(id).iter().map(|file| quoted(&file.name)).collect();
            let label = provision_label(how, &entry.rules).text(lang);
            format!("{label}{}{}", Ui::Colon.text(lang), names.join(Ui::ListSeparator.text(lang)))
        }
        Some(how) => provision_label(how, &entry.rules).text(lang).to_owned(),
    }
}

/// "Needed by: A, B".
pub fn needed_by(lang: Lang, names: &[&str]) -> String {
    match lang {
        Lang::Zh => format!("用于：{}", names.join("、")),
        Lang::En => format!("Needed for: {}", names.join(", ")),
    }
}

/// The window title: "<page> - 一表通".
pub fn title(lang: Lang, page_heading: &str) -> String {
    format!("{page_heading} - {}", Ui::AppName.text(lang))
}
