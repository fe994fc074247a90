//! Helping someone apply (帮办代办): who helps (hall staff, a community worker, a relative),
//! recorded with each draft started while helping and on its cover sheet and hand-over sheet.
//! A helper who is also the applicant's agent (代理人) brings the bundle's agent variant in:
//! the catalog's shared question of an application by an agent is answered yes and the agent's
//! name is theirs, so that the agent's fields and the power of attorney (授权委托书) are part of
//! the plan and the packet.

use serde::{Deserialize, Serialize};

use crate::text::{zh_en, Lang};

/// The catalog's question "is someone applying on your behalf?", shared by the bundles.
pub const BY_AGENT: &str = "application.by_agent";
/// The catalog's fields of the agent's name, ID number and mobile number.
pub const AGENT_NAME: &str = "agent.name";
pub const AGENT_ID_NUMBER: &str = "agent.id_number";
pub const AGENT_MOBILE: &str = "agent.mobile";

/// Who helps the applicant (协助人).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Helper {
    pub name: String,
    pub role: HelperRole,
    /// Whether they apply as the applicant's agent (代办).
    #[serde(default)]
    pub agent: bool,
    /// An agent's ID number and mobile number, as typed (checked where the form asks them).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id_number: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mobile: String,
}

/// What the helper is to the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HelperRole {
    /// 大厅工作人员
    Staff,
    /// 社区工作者
    Community,
    /// 亲属
    Relative,
}

impl HelperRole {
    pub const ALL: [HelperRole; 3] = [HelperRole::Staff, HelperRole::Community, HelperRole::Relative];

    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            HelperRole::Staff => lang.pick("大厅工作人员", "hall staff"),
            HelperRole::Community => lang.pick("社区工作者", "community worker"),
            HelperRole::Relative => lang.pick("亲属", "relative"),
        }
    }

    /// Its word in a draft and a packet.
    pub fn word(self) -> &'static str {
        match self {
            HelperRole::Staff => "staff",
            HelperRole::Community => "community",
            HelperRole::Relative => "relative",
        }
    }

    pub fn from_word(word: &str) -> Option<HelperRole> {
        HelperRole::ALL.into_iter().find(|role| role.word() == word)
    }
}

impl Helper {
    /// "协助人：李四（社区工作者，代办人）", for the cover and the hand-over sheet.
    pub fn line(&self, lang: Lang) -> String {
        let agent = if self.agent { lang.pick("，代办人", ", the agent") } else { "" };
        zh_en!(
            lang,
            format!("协助人：{}（{}{agent}）", self.name.trim(), self.role.words(lang)),
            format!("Helped by: {} ({}{agent})", self.name.trim(), self.role.words(lang))
        )
    }
}
