//! Every string of the interface, in Chinese and English. Each entry is a `(zh, en)` pair inside
//! one `match`, so a string without its translation does not compile.

use yibiao_core::Lang;

/// A fixed interface string (界面文字).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    AppName,
    AppTagline,
    SwitchLanguage,
    SwitchLanguageLabel,
    PrivacyNote,
    HomeHeading,
    HomeIntro,
    CategoryEnterprise,
    CategoryPersonal,
    Start,
    ContinueDraft,
    DraftHeading,
    DraftIntro,
    Discard,
    DiscardQuestion,
    DiscardConfirm,
    DiscardKeep,
    SetAsideHeading,
    OtherTabUnreadable,
    OtherTabNotKept,
    SetAsideIntro,
    SetAsideReadable,
    SetAsideSave,
    SetAsideNotSaved,
    SetAsideDiscard,
    FormHeading,
    UsedBy,
    Continue,
    BackHome,
    ErrorSummaryTitle,
    ErrorPrefix,
    ChecklistHeading,
    ItemsHeading,
    MaterialsHeading,
    Export,
    ExportHint,
    StorageFull,
    DraftKeptNotSaving,
    AddressRefused,
    StorageUnavailable,
    Dismiss,
    SkipToContent,
    LoadedCatalogUnusable,
    Yes,
    /// The hint of a question answered with checkboxes.
    ChooseAllThatApply,
    No,
    SituationHeading,
    PendingWarning,
    CatalogHeading,
    CatalogIntro,
    CatalogCurrentBuiltIn,
    CatalogCurrentLoaded,
    CatalogChooseFiles,
    CatalogChooseHint,
    CatalogChecking,
    CatalogRefused,
    CatalogReady,
    CatalogUse,
    CatalogRestore,
    CatalogUnreadableFile,
    QuestionsMayChange,
    DraftBundleMissing,
    CatalogChangeNone,
    CatalogChangeIntro,
    CatalogChangeItemsAdded,
    CatalogChangeItemsRemoved,
    CatalogChangeMaterialsAdded,
    CatalogChangeMaterialsRemoved,
    CatalogChangeFieldsAdded,
    CatalogChangeRenamed,
    CatalogChangeAccept,
    UnusedAnswers,
    UnusedAnswersHint,
    SearchLabel,
    SearchHint,
    Back,
    NoticeIntroDone,
    Print,
    StartForm,
    WhyNeeded,
    HowToProvide,
    StatusNotStarted,
    StatusInProgress,
    StatusCompleted,
    TasksFormHeading,
    TaskMaterials,
    TaskReview,
    TasksReviewButton,
    ProvideHeading,
    ProvideIntro,
    ProvideOriginal,
    ProvideECertificate,
    ProvideCommitmentLetter,
    ProvideWaived,
    ProvideAttach,
    PaperOrElectronic,
    Colon,
    ListSeparator,
    Semicolon,
    FullStop,
    OpenParen,
    CloseParen,
    PaperOnly,
    ElectronicOnly,
    WaiverAccept,
    WaiverProcess,
    ChooseFiles,
    TakePhoto,
    DropHere,
    ReplaceFile,
    RemoveFile,
    ReuseHeading,
    UseFile,
    FilesSetAside,
    FilesFull,
    FilesUnsaved,
    AttachedFiles,
    ProvideNotChosen,
    ReviewHeading,
    VerdictReady,
    VerdictReadyWithCommitments,
    VerdictNotReady,
    VerdictReadyText,
    VerdictCommitmentsText,
    VerdictNotReadyText,
    Change,
    NotAnswered,
    ProvidedHeading,
}

impl Ui {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Ui::AppName => ("一表通", "Yibiao"),
            Ui::AppTagline => ("行政审批一表申请助手", "One form for your government applications"),
            Ui::SwitchLanguage => ("English", "中文"),
            Ui::SwitchLanguageLabel => ("Switch to English", "切换到中文"),
            Ui::PrivacyNote => (
                "您填写的内容只保存在这台设备上，不会上传到任何地方。",
                "What you enter stays on this device. Nothing is uploaded.",
            ),
            Ui::HomeHeading => ("您要办什么事？", "What do you need to do?"),
            Ui::HomeIntro => (
                "选择一件事，填一张表，我们帮您整理好各部门需要的全部材料。",
                "Choose what you need to do, fill in one form, and get the full list of documents every department needs.",
            ),
            Ui::CategoryEnterprise => ("企业办事", "For businesses"),
            Ui::CategoryPersonal => ("个人办事", "For individuals"),
            Ui::Start => ("开始办理", "Start"),
            Ui::ContinueDraft => ("继续填写", "Continue"),
            Ui::DraftHeading => ("未完成的申请", "Applications in progress"),
            Ui::DraftIntro => (
                "您填写的内容都保存在本机，可以接着填写。开始新的办理不会影响这些草稿。",
                "What you entered is saved on this device; carry on where you left off. Starting something new leaves these drafts as they are.",
            ),
            Ui::Discard => ("删除这份草稿", "Delete this draft"),
            Ui::DiscardQuestion => (
                "删除后，已填写的内容无法恢复。确定要删除吗？",
                "Once deleted, what you entered cannot be recovered. Delete it?",
            ),
            Ui::DiscardConfirm => ("确定删除", "Yes, delete it"),
            Ui::DiscardKeep => ("不删除，保留草稿", "No, keep the draft"),
            Ui::OtherTabUnreadable => (
                "另一个窗口保存了本版本无法读取的草稿，可能是在别处打开了更新版本的一表通。为了不覆盖它，此窗口不再保存修改。请重新载入本页。",
                "Another window saved drafts this version cannot read; a newer version of Yibiao is probably open elsewhere. So as not to overwrite them, this window no longer saves your changes. Please reload this page.",
            ),
            Ui::OtherTabNotKept => (
                "本机存储空间不够，无法另存一份，它原样留在本机。",
                " There is no room on this device to copy them aside; they stay exactly as they were.",
            ),
            Ui::SetAsideHeading => ("另存的草稿", "Drafts kept aside"),
            Ui::SetAsideIntro => (
                "这些草稿本版本无法打开，已原样另存在本机，没有覆盖。可以保存为文件，用更新版本的一表通打开，或带到服务窗口请工作人员帮忙；确认不再需要后可以删除。",
                "This version cannot open these drafts, so they are kept aside on this device exactly as they were. Save one as a file to open it with a newer version of Yibiao or to show it at the service window; delete it once you are sure it is no longer needed.",
            ),
            Ui::SetAsideReadable => ("这份草稿现在已能读取，可保存为文件备查。", "This draft can be read now; save it as a file to keep it. "),
            Ui::SetAsideSave => ("保存为文件", "Save as a file"),
            Ui::SetAsideNotSaved => (
                "文件未能保存。请检查浏览器是否允许下载，然后再试一次。",
                "The file could not be saved. Check that the browser allows downloads, then try again.",
            ),
            Ui::SetAsideDiscard => ("删除这份另存的草稿", "Delete this kept draft"),
            Ui::FormHeading => ("填写申请表", "Fill in the application form"),
            Ui::UsedBy => ("用于：", "Used by: "),
            Ui::Continue => ("继续", "Continue"),
            Ui::BackHome => ("返回首页", "Back to the start"),
            Ui::ErrorSummaryTitle => ("请先改正以下问题", "There is a problem"),
            Ui::ErrorPrefix => ("错误：", "Error: "),
            Ui::ChecklistHeading => ("材料清单（一次性告知）", "What to bring (one-time notice)"),
            Ui::ItemsHeading => ("将为您办理的事项", "What will be done for you"),
            Ui::MaterialsHeading => ("需要准备的材料", "Documents to prepare"),
            Ui::Export => ("下载填报数据", "Download your answers"),
            Ui::ExportHint => (
                "保存为 JSON 文件，可带到窗口或在其他设备上使用。",
                "Saved as a JSON file you can take to the service hall or use on another device.",
            ),
            Ui::AddressRefused => (
                "这个地址指向的页面不存在，已转到最接近的页面。",
                "That address names a page that is not here, so you are on the nearest one instead.",
            ),
            Ui::DraftKeptNotSaving => (
                "本机存储空间不够，无法另存一份，所以它原样留在本机。为了不覆盖它，现在的修改都不会保存。请释放一些空间后重新载入本页。",
                "There is no room on this device to copy it aside, so it stays exactly as it was. So as not to overwrite it, nothing you change now is saved. Free some space, then reload this page.",
            ),
            Ui::StorageFull => (
                "本机存储空间已满，最近一次修改没有保存。之前保存的内容仍在。请释放一些空间后再继续。",
                "This device's storage is full, so your latest change was not saved. Everything saved before is still there. Free some space, then continue.",
            ),
            Ui::StorageUnavailable => (
                "这个浏览器不允许保存草稿（可能开启了无痕模式）。关闭页面后，填写的内容会丢失。",
                "This browser does not allow saving drafts (perhaps a private window). Your answers will be lost when you close the page.",
            ),
            Ui::Dismiss => ("知道了", "Dismiss"),
            Ui::SkipToContent => ("跳到正文", "Skip to main content"),
            Ui::LoadedCatalogUnusable => (
                "本机加载的事项目录已无法通过检查，现使用内置目录。请管理员重新加载。",
                "The catalog loaded on this device no longer passes the check, so the built-in one is used. An administrator should load it again.",
            ),
            Ui::Yes => ("是", "Yes"),
            Ui::ChooseAllThatApply => ("可多选", "Select all that apply"),
            Ui::No => ("否", "No"),
            Ui::SituationHeading => ("您的情况", "Your situation"),
            Ui::PendingWarning => (
                "还有问题没有回答，下面的清单可能不完整。请先回答：",
                "Some questions are not answered yet, so this list may be incomplete. Answer first:",
            ),
            Ui::CatalogHeading => ("加载事项目录", "Load a catalog"),
            Ui::CatalogIntro => (
                "大厅管理员可以在这里加载本局的目录文件（.toml），代替内置目录。文件只在本机检查和保存，目录中不含个人信息。",
                "Hall administrators can load the bureau's own catalog files (.toml) here in place of the built-in catalog. The files are checked and kept on this device only; a catalog holds no personal data.",
            ),
            Ui::CatalogCurrentBuiltIn => ("正在使用：内置目录", "In use: the built-in catalog"),
            Ui::CatalogCurrentLoaded => ("正在使用：本机加载的目录", "In use: a catalog loaded on this device"),
            Ui::CatalogChooseFiles => ("选择目录文件", "Choose catalog files"),
            Ui::CatalogChooseHint => (
                "可一次选择多个 .toml 文件，它们会被一起读取。",
                "You may choose several .toml files; they are read together.",
            ),
            Ui::CatalogChecking => ("正在检查……", "Checking…"),
            Ui::CatalogRefused => ("目录有错误，未使用。请改正以下问题后重新选择：", "The catalog has errors and was not used. Correct these, then choose the files again:"),
            Ui::CatalogReady => ("检查通过，可以使用。", "The check passed; the catalog can be used."),
            Ui::CatalogUse => ("使用这个目录", "Use this catalog"),
            Ui::CatalogRestore => ("恢复内置目录", "Go back to the built-in catalog"),
            Ui::CatalogUnreadableFile => ("文件无法读取", "A file could not be read"),
            Ui::Back => ("返回", "Back"),
            Ui::SearchLabel => ("查找要办的事", "Find what you need to do"),
            Ui::SearchHint => (
                "可以输入汉字或拼音，例如“退休”“tuixiu”或首字母“tx”",
                "Type Chinese, pinyin or pinyin initials, such as 退休, tuixiu or tx",
            ),
            Ui::CatalogChangeNone => (
                "这次更新不影响您的申请，填写的内容都还在。",
                "This update does not change your application; everything you entered is kept.",
            ),
            Ui::CatalogChangeIntro => (
                "事项目录更新后，您的申请有以下变化。您填写的内容都还在。",
                "Since the catalog was updated, your application changes as follows. Everything you entered is kept.",
            ),
            Ui::CatalogChangeItemsAdded => ("新增的事项", "Items added"),
            Ui::CatalogChangeItemsRemoved => ("不再办理的事项", "Items no longer needed"),
            Ui::CatalogChangeMaterialsAdded => ("新增的材料", "Materials added"),
            Ui::CatalogChangeMaterialsRemoved => ("不再需要的材料", "Materials no longer needed"),
            Ui::CatalogChangeFieldsAdded => ("新增的填写项", "New questions to answer"),
            Ui::CatalogChangeRenamed => ("改了名称的填写项", "Questions with a new name"),
            Ui::CatalogChangeAccept => ("知道了，继续", "Understood, carry on"),
            Ui::UnusedAnswers => ("不再用到的回答", "Answers no longer used"),
            Ui::UnusedAnswersHint => (
                "这些回答现在不再需要，仍为您保留在这里，不会提交。",
                "These answers are no longer needed; they are kept here for you and are not submitted.",
            ),
            Ui::DraftBundleMissing => (
                "当前使用的事项目录里没有这件事，草稿仍保存在本机。恢复原来的目录后可以继续填写。",
                "The catalog in use does not have this bundle; the draft stays saved on this device. Restore the previous catalog to carry on.",
            ),
            Ui::QuestionsMayChange => (
                "问题的数量会随您的回答增减。",
                "The number of questions may change with your answers.",
            ),
            Ui::NoticeIntroDone => (
                "根据您的情况，下面是要办的全部事项和要准备的全部材料，一次告知。可以先打印这一页，再开始填写。",
                "For your situation, here is everything that will be done and everything to bring, told once. You may print this page before you start.",
            ),
            Ui::Print => ("打印这一页", "Print this page"),
            Ui::StartForm => ("开始填写", "Start filling in"),
            Ui::WhyNeeded => ("为什么需要：", "Why: "),
            Ui::HowToProvide => ("可以这样提供：", "Ways to provide it: "),
            Ui::StatusNotStarted => ("未开始", "Not started"),
            Ui::StatusInProgress => ("未完成", "In progress"),
            Ui::StatusCompleted => ("已完成", "Completed"),
            Ui::TasksFormHeading => ("填写表格", "Fill in the form"),
            Ui::TaskMaterials => ("选择材料的提供方式", "Choose how to provide the materials"),
            Ui::TaskReview => ("检查并查看预审结果", "Check your answers and see the pre-check"),
            Ui::TasksReviewButton => ("检查填写内容", "Check your answers"),
            Ui::ProvideHeading => ("材料怎么提供", "How you provide each material"),
            Ui::ProvideIntro => (
                "每种材料只需提供一次。能由部门调取或用承诺代替的，这里会告诉您。",
                "Each material is provided once. Where a department can fetch it, or a commitment can replace it, this page says so.",
            ),
            Ui::ProvideOriginal => ("办理时带到窗口", "Bring it to the service window"),
            Ui::ProvideECertificate => ("免提交：同意部门调取电子证照", "Nothing to bring: let the department fetch the e-certificate"),
            Ui::ProvideCommitmentLetter => ("签署告知承诺书代替", "Sign a commitment letter instead"),
            Ui::ProvideWaived => ("容缺受理：先办理，以后补交", "Apply now and supply it later (容缺)"),
            Ui::ProvideAttach => ("上传电子文件", "Attach a file"),
            Ui::PaperOrElectronic => ("；纸质或电子件均可", "; on paper or electronic"),
            // Punctuation differs between the languages too: one column each, like the words.
            Ui::Colon => ("：", ": "),
            Ui::ListSeparator => ("、", ", "),
            Ui::Semicolon => ("；", "; "),
            Ui::FullStop => ("。", ". "),
            Ui::OpenParen => ("（", " ("),
            Ui::CloseParen => ("）", ")"),
            Ui::PaperOnly => ("；仅限纸质", "; on paper only"),
            Ui::ElectronicOnly => ("；仅限电子件", "; electronic only"),
            Ui::WaiverAccept => ("先受理", "accepted now"),
            Ui::WaiverProcess => ("先办理", "handled now"),
            Ui::ChooseFiles => ("选择文件", "Choose files"),
            Ui::TakePhoto => ("拍照", "Take a photo"),
            Ui::DropHere => ("也可以把文件拖到这里。文件只保存在本机，不会上传。", "Or drag files here. Files stay on this device; nothing is uploaded."),
            Ui::ReplaceFile => ("替换", "Replace"),
            Ui::RemoveFile => ("删除", "Remove"),
            Ui::ReuseHeading => ("也可以使用本申请中已上传的文件：", "Or use a file already attached to this application:"),
            Ui::UseFile => ("使用", "Use"),
            Ui::FilesSetAside => (
                "之前上传的文件仍然保存着，改选“上传电子文件”就能继续使用。",
                "The files attached before are still kept; choose “Attach a file” to use them again.",
            ),
            Ui::FilesFull => (
                "本机存储空间已满，这个文件没有保存。请删除不再需要的草稿后再试；已保存的内容都在。",
                "This device's storage is full, so the file was not saved. Delete drafts you no longer need and try again; everything saved before is still here.",
            ),
            Ui::FilesUnsaved => ("这个文件无法保存在本机", "This file could not be saved on this device"),
            Ui::AttachedFiles => ("已上传", "Attached"),
            Ui::ProvideNotChosen => ("还没有选择提供方式", "Not chosen yet"),
            Ui::ReviewHeading => ("检查填写内容", "Check your answers"),
            Ui::VerdictReady => ("预审结果：可以提交", "Pre-check: ready to submit"),
            Ui::VerdictReadyWithCommitments => ("预审结果：可以提交（附承诺）", "Pre-check: ready, with commitments"),
            Ui::VerdictNotReady => ("预审结果：暂不能提交", "Pre-check: not ready yet"),
            Ui::VerdictReadyText => ("填写内容和材料都已齐全。", "Every answer and material is in order."),
            Ui::VerdictCommitmentsText => (
                "可以提交。以下承诺请按时履行：",
                "You may submit. Keep these commitments on time:",
            ),
            Ui::VerdictNotReadyText => ("请先处理下面的问题，点击可直接去修改：", "Deal with these first; each link takes you there:"),
            Ui::Change => ("更改", "Change"),
            Ui::NotAnswered => ("（未填写）", "(not answered)"),
            Ui::ProvidedHeading => ("材料", "Materials"),
        };
        lang.pick(zh, en)
    }
}

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

/// The terms of a waiver (容缺) in the one-time notice: "容缺（先办理，5 个工作日内补交）".
pub fn waiver_terms(lang: Lang, mode: yibiao_core::catalog::WaiverMode, days: u16) -> String {
    let mode = match mode {
        yibiao_core::catalog::WaiverMode::Accept => Ui::WaiverAccept,
        yibiao_core::catalog::WaiverMode::Process => Ui::WaiverProcess,
    }
    .text(lang);
    match lang {
        Lang::Zh => format!("容缺（{mode}，{days} 个工作日内补交）"),
        Lang::En => format!("later under 容缺 ({mode}, within {days} working days)"),
    }
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
        Lang::En => format!("{departments} departments · done within {promised_days} working days"),
    }
}

/// The form's introduction: how many separate forms this one replaces, and the saving when
/// there is one (before the situation questions are answered there may be none yet).
pub fn form_intro(lang: Lang, forms: usize, separate: usize, combined: usize) -> String {
    match (lang, combined < separate) {
        (Lang::Zh, true) => format!(
            "这一张表代替 {forms} 个部门的表格：分开填要填 {separate} 项，这里只需填 {combined} 项，相同的内容只填一次。"
        ),
        (Lang::Zh, false) => format!("这一张表包含 {forms} 个部门的表格要填的内容，相同的内容只填一次。"),
        (Lang::En, true) => format!(
            "This one form replaces {forms} departmental forms: {separate} answers if filled separately, {combined} here, as shared questions are asked once."
        ),
        (Lang::En, false) => {
            format!("This one form holds what {forms} departmental forms ask, each shared question once.")
        }
    }
}

/// Promised and legal time limits of an item.
pub fn time_limits(lang: Lang, promised: u16, legal: u16) -> String {
    match lang {
        Lang::Zh => format!("承诺 {promised} 个工作日（法定 {legal} 个工作日）"),
        Lang::En => format!("{promised} working days promised ({legal} by law)"),
    }
}

/// How many originals and copies of a material to bring.
pub fn counts(lang: Lang, originals: u8, copies: u8) -> String {
    let mut parts = Vec::new();
    match lang {
        Lang::Zh => {
            if originals > 0 {
                parts.push(format!("原件 {originals} 份"));
            }
            if copies > 0 {
                parts.push(format!("复印件 {copies} 份"));
            }
            parts.join("，")
        }
        Lang::En => {
            if originals > 0 {
                parts.push(format!("{originals} original{}", plural(originals)));
            }
            if copies > 0 {
                parts.push(format!("{copies} cop{}", if copies == 1 { "y" } else { "ies" }));
            }
            parts.join(", ")
        }
    }
}

fn plural(count: u8) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
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

/// The name of a way to provide a material ("Attach a file", "Bring it to the window" …).
pub fn provision_label(provision: &yibiao_core::verdict::Provision) -> Ui {
    use yibiao_core::verdict::Provision;
    match provision {
        Provision::Attached { .. } => Ui::ProvideAttach,
        Provision::Original => Ui::ProvideOriginal,
        Provision::ECertificate => Ui::ProvideECertificate,
        Provision::CommitmentLetter => Ui::ProvideCommitmentLetter,
        Provision::Waived => Ui::ProvideWaived,
    }
}

/// The types and size a material takes: "PDF、JPEG 或 PNG，每个文件不超过 5 MB".
pub fn file_limits(lang: Lang, material: &yibiao_core::Material) -> String {
    let names: Vec<&str> = material.file_types.iter().map(|t| t.name()).collect();
    let types = match (names.split_last(), lang) {
        (Some((last, [])), _) => (*last).to_owned(),
        (Some((last, rest)), Lang::Zh) => format!("{} 或 {last}", rest.join("、")),
        (Some((last, rest)), Lang::En) => format!("{} or {last}", rest.join(", ")),
        (None, _) => String::new(),
    };
    let size = file_size(u64::from(material.max_size_kb) * 1024);
    match lang {
        Lang::Zh => format!("{types}，每个文件不超过 {size}"),
        Lang::En => format!("{types}, up to {size} each"),
    }
}

/// A size in bytes as people read it: "850 KB", "1.2 MB".
pub fn file_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        if tenths % 10 == 0 {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    }
}

/// What was measured of an attached file: "PDF · 3 页 · 1.2 MB".
pub fn file_facts(lang: Lang, file: &yibiao_core::attachment::Attachment) -> String {
    use yibiao_core::attachment::Shape;
    let shape = match (file.shape, lang) {
        (Shape::Pdf { pages: Some(pages) }, Lang::Zh) => format!("{pages} 页"),
        (Shape::Pdf { pages: Some(1) }, Lang::En) => "1 page".to_owned(),
        (Shape::Pdf { pages: Some(pages) }, Lang::En) => format!("{pages} pages"),
        (Shape::Pdf { pages: None }, Lang::Zh) => "页数未读出".to_owned(),
        (Shape::Pdf { pages: None }, Lang::En) => "pages not counted".to_owned(),
        (Shape::Image { width, height }, Lang::Zh) => format!("{width} × {height} 像素"),
        (Shape::Image { width, height }, Lang::En) => format!("{width} × {height} pixels"),
    };
    format!("{} · {shape} · {}", file.file_type.name(), file_size(file.size))
}

/// Said while a file is checked, and once it is attached.
pub fn file_progress(lang: Lang, name: &str, done: bool) -> String {
    match (lang, done) {
        (Lang::Zh, false) => format!("正在检查“{name}”…"),
        (Lang::En, false) => format!("Checking “{name}”…"),
        (Lang::Zh, true) => format!("已添加“{name}”"),
        (Lang::En, true) => format!("“{name}” is attached"),
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

/// "catalog 2026.11-1: 1 bundles, 2 items, 6 fields, 3 materials".
pub fn catalog_summary(lang: Lang, catalog: &yibiao_core::Catalog) -> String {
    let (bundles, items, fields, materials) =
        (catalog.bundles.len(), catalog.items.len(), catalog.fields.len(), catalog.materials.len());
    match lang {
        Lang::Zh => format!(
            "目录版本 {}：{bundles} 个一件事，{items} 个事项，{fields} 个字段，{materials} 种材料",
            catalog.version
        ),
        Lang::En => format!(
            "Catalog version {}: {bundles} bundles, {items} items, {fields} fields, {materials} materials",
            catalog.version
        ),
    }
}

/// "N errors, N warnings".
pub fn problem_counts(lang: Lang, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::Zh => format!("{errors} 个错误，{warnings} 个警告"),
        Lang::En => format!("{errors} errors, {warnings} warnings"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A saving is claimed only where there is one (the example catalog once said "您只需填写 6
    /// 项，而不是分别填写 4 项").
    #[test]
    fn savings_claim_only_what_is_saved() {
        use yibiao_core::plan::Savings;
        let saved = Savings { fields_separate: 24, fields_combined: 15, materials_separate: 7, materials_combined: 4 };
        assert_eq!(
            savings(Lang::Zh, &saved, false),
            "您只需填写 15 项，而不是分别填写 24 项；准备 4 种材料，而不是 7 种。"
        );
        assert_eq!(
            savings(Lang::Zh, &saved, true),
            "您填写了 15 项，而不是分别填写 24 项；准备 4 种材料，而不是 7 种。"
        );
        let more = Savings { fields_separate: 4, fields_combined: 6, materials_separate: 2, materials_combined: 2 };
        for done in [false, true] {
            for lang in [Lang::Zh, Lang::En] {
                let text = savings(lang, &more, done);
                assert!(!text.contains("而不是") && !text.contains("instead of"), "{text}");
                assert!(text.contains('6') && text.contains('4') && text.contains('2'), "{text}");
            }
        }
    }

    #[test]
    fn file_sizes_and_limits_read_plainly() {
        assert_eq!(file_size(1), "1 KB");
        assert_eq!(file_size(850 * 1024), "850 KB");
        assert_eq!(file_size(5 * 1024 * 1024), "5 MB");
        assert_eq!(file_size(1_258_291), "1.2 MB");
        let material = yibiao_core::Material {
            id: yibiao_core::MaterialId::new("id_card"),
            name: yibiao_core::Text::new("身份证", "ID card"),
            description: yibiao_core::Text::new("", ""),
            plain: None,
            paper: true,
            electronic: true,
            file_types: vec![
                yibiao_core::catalog::FileType::Pdf,
                yibiao_core::catalog::FileType::Jpeg,
                yibiao_core::catalog::FileType::Png,
            ],
            max_size_kb: 5120,
            photo: false,
        };
        assert_eq!(file_limits(Lang::Zh, &material), "PDF、JPEG 或 PNG，每个文件不超过 5 MB");
        assert_eq!(file_limits(Lang::En, &material), "PDF, JPEG or PNG, up to 5 MB each");
    }

    #[test]
    fn the_form_intro_claims_a_saving_only_when_there_is_one() {
        assert!(form_intro(Lang::Zh, 2, 10, 6).contains("分开填要填 10 项，这里只需填 6 项"));
        assert!(!form_intro(Lang::Zh, 1, 6, 9).contains("只需填"));
        assert!(!form_intro(Lang::En, 1, 6, 6).contains("answers if filled separately"));
    }
}
