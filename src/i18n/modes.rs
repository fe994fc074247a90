//! The strings of the modes for the people the app is for (issue 15): a hall's terminal
//! (自助终端) and reading aloud (语音播报). Tables of their own beside `table.rs`, in the same
//! manner.

use yibiao_core::Lang;

/// A fixed string of a mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KioskUi {
    Note,
    Finish,
    IdleHeading,
    StillHere,
    FinishHeading,
    FinishText,
    FinishConfirm,
    FinishBack,
}

impl KioskUi {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            KioskUi::Note => (
                "这是大厅的公共自助终端，您填写的内容和文件只在办理期间留在本机。办完请点“完成并清除”。",
                "This is the hall's shared terminal: what you enter and attach stays here only while you work. When you are done, choose “Finish and clear”.",
            ),
            KioskUi::Finish => ("完成并清除", "Finish and clear"),
            KioskUi::IdleHeading => ("您还在办理吗？", "Are you still there?"),
            KioskUi::StillHere => ("我还在", "I am still here"),
            KioskUi::FinishHeading => ("完成并清除本机上的信息？", "Finish and clear this terminal?"),
            KioskUi::FinishText => (
                "清除后，本机不会留下您填写的任何内容和文件，无法恢复。请先确认申请包已打印或保存到您的 U 盘。",
                "Afterwards nothing you entered or attached is left on this terminal, and it cannot be brought back. Make sure the packet is printed or saved to your USB stick first.",
            ),
            KioskUi::FinishConfirm => ("确认清除", "Clear everything"),
            KioskUi::FinishBack => ("返回继续办理", "Go back and carry on"),
        };
        lang.pick(zh, en)
    }
}

/// The catalog page on a hall's terminal opened without the hall's key: in both languages, as
/// it is said before any language is chosen.
pub const KIOSK_ADMIN_REFUSED: &str = "这是大厅的公共自助终端，目录管理页面在这里不能打开。This is the hall's shared terminal: the catalog page cannot be opened here.";

/// The kiosk's idle warning: how long until everything is cleared.
pub fn kiosk_countdown(lang: Lang, seconds: u32) -> String {
    match lang {
        Lang::Zh => format!("如果没有操作，{seconds} 秒后将清除您在本机填写的全部内容，并回到首页。"),
        Lang::En => format!(
            "If nothing happens, everything you entered here is cleared in {seconds} {} and the home page returns.",
            if seconds == 1 { "second" } else { "seconds" }
        ),
    }
}

/// A fixed string of reading aloud (语音播报).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechUi {
    ReadAloud,
    ReadSlowly,
    NoVoice,
    Unsupported,
}

impl SpeechUi {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            SpeechUi::ReadAloud => ("朗读", "Read aloud"),
            SpeechUi::ReadSlowly => ("慢速朗读", "Read slowly"),
            SpeechUi::NoVoice => (
                "这台设备没有中文语音，无法朗读。可以请工作人员或家人帮忙读一读。",
                "This device has no English voice, so nothing can be read aloud. Ask the staff or your family to read it to you.",
            ),
            SpeechUi::Unsupported => (
                "这个浏览器不能朗读。可以请工作人员或家人帮忙读一读。",
                "This browser cannot read aloud. Ask the staff or your family to read it to you.",
            ),
        };
        lang.pick(zh, en)
    }
}

/// The name of a read-aloud button: what it reads.
pub fn read_aloud_label(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Zh => format!("朗读：{what}"),
        Lang::En => format!("Read aloud: {what}"),
    }
}

/// A fixed string of the help panel (我需要帮助).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpUi {
    NeedHelp,
    Departments,
    Kept,
    Next,
    Previous,
}

impl HelpUi {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            HelpUi::NeedHelp => ("我需要帮助", "I need help"),
            HelpUi::Departments => ("这件事由这些部门办理：", "These departments handle it:"),
            HelpUi::Kept => (
                "您填写的内容都会留着，可以放心去问，回来接着填。",
                "What you have entered stays here: go and ask, then carry on where you left off.",
            ),
            // The elder version's plain words for "continue" and "back".
            HelpUi::Next => ("下一步", "Next"),
            HelpUi::Previous => ("上一步", "Previous"),
        };
        lang.pick(zh, en)
    }
}

/// Where to ask for help: the hall's help desk when a kiosk names it.
pub fn help_where(lang: Lang, desk: Option<&str>) -> String {
    match (lang, desk) {
        (Lang::Zh, Some(desk)) => format!("请到{desk}，请工作人员帮忙。"),
        (Lang::Zh, None) => "可以到办事大厅的咨询台，请工作人员帮忙；也可以请家人帮忙。".to_owned(),
        (Lang::En, Some(desk)) => format!("Go to {desk} and ask the staff to help you."),
        (Lang::En, None) => "Ask the staff at the service hall's enquiry desk, or someone in your family.".to_owned(),
    }
}

/// What to say when asking.
pub fn help_ask(lang: Lang, bundle: &str) -> String {
    match lang {
        Lang::Zh => format!("可以这样说：“我在办‘{bundle}’，这一页不会填，请帮我看一看。”"),
        Lang::En => format!(
            "You can say: “I am applying for ‘{bundle}’ and do not know how to fill in this page. Could you help me?”"
        ),
    }
}

/// Where the elder version's one field a page is in its section.
pub fn field_progress(lang: Lang, number: usize, of: usize) -> String {
    match lang {
        Lang::Zh => format!("第 {number} 项，共 {of} 项"),
        Lang::En => format!("answer {number} of {of}"),
    }
}

/// A fixed string of helping someone apply (帮办代办).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelperUi {
    Invite,
    NameLabel,
    NameMissing,
    RoleLegend,
    AgentLabel,
    Start,
    Stop,
    Helping,
    ReadOut,
    WhyMaterial,
    AgentIdNumber,
    AgentMobile,
    AgentLater,
}

impl HelperUi {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            HelperUi::Invite => ("我在帮别人办理", "I am helping someone apply"),
            HelperUi::NameLabel => ("您的姓名（协助人）", "Your name (the helper)"),
            HelperUi::NameMissing => ("请填写您的姓名", "Enter your name"),
            HelperUi::RoleLegend => ("您是申请人的", "You are the applicant's"),
            HelperUi::AgentLabel => (
                "我是申请人委托的代办人（会加入代办人信息和授权委托书）",
                "I apply as the applicant's agent (the agent's details and a power of attorney are added)",
            ),
            HelperUi::Start => ("开始帮办", "Start helping"),
            HelperUi::Stop => ("结束帮办", "Stop helping"),
            HelperUi::Helping => ("正在帮别人办理。", "Helping someone apply. "),
            HelperUi::ReadOut => ("请读给申请人听：", "Read this to the applicant: "),
            HelperUi::WhyMaterial => ("为什么需要这份材料：", "Why this material is needed: "),
            HelperUi::AgentIdNumber => ("您的身份证号码（代办人）", "Your ID number (the agent)"),
            HelperUi::AgentMobile => ("您的手机号码（代办人）", "Your mobile number (the agent)"),
            HelperUi::AgentLater => (
                "会填进申请表的代办人信息里，并在那里检查；也可以先空着，到时再填。",
                "They go into the agent's details of the form and are checked there; you may also leave them for now.",
            ),
        };
        lang.pick(zh, en)
    }
}
