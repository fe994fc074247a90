//! The saved draft (草稿): the session state as versioned JSON, so that a reload, a crash or a
//! closed tab loses nothing, and a draft written by an older version still opens.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::session::State;
use crate::text::Lang;

/// The `format` marker of a draft document.
pub const FORMAT: &str = "yibiao-draft";
/// The version this build writes.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    catalog_version: &'a str,
    state: &'a State,
}

#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

#[derive(Deserialize)]
struct EnvelopeV1 {
    catalog_version: String,
    state: State,
}

/// A draft read back from storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The catalog version the draft was made with.
    pub catalog_version: String,
    pub state: State,
}

/// Why a stored draft could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DraftError {
    /// Occurs when the stored text is not a draft document at all (damaged or foreign).
    Unreadable { detail: String },
    /// Occurs when a newer version of the app wrote the draft.
    NewerVersion { found: u32 },
}

impl DraftError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DraftError::Unreadable { .. }, Lang::Zh) => "保存的草稿已损坏，无法打开，已从空白开始。".to_owned(),
            (DraftError::Unreadable { .. }, Lang::En) => {
                "The saved draft is damaged and could not be opened; you are starting afresh.".to_owned()
            }
            (DraftError::NewerVersion { found }, Lang::Zh) => format!(
                "保存的草稿由更新版本（格式 {found}）生成，本版本无法打开。请更新本应用后再试；草稿仍保留在本机。"
            ),
            (DraftError::NewerVersion { found }, Lang::En) => format!(
                "The saved draft was written by a newer version (format {found}) and cannot be opened here. Update the app and try again; the draft is kept on this device."
            ),
        }
    }
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DraftError {}

/// Writes the draft document for `state`.
pub fn encode(state: &State, catalog_version: &str) -> String {
    let envelope = Envelope { format: FORMAT, version: VERSION, catalog_version, state };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads a draft document, migrating older versions.
pub fn decode(text: &str) -> Result<Draft, DraftError> {
    let unreadable = |error: serde_json::Error| DraftError::Unreadable { detail: error.to_string() };
    let header: Header = serde_json::from_str(text).map_err(unreadable)?;
    if header.format != FORMAT {
        return Err(DraftError::Unreadable { detail: format!("format is {:?}", header.format) });
    }
    match header.version {
        1 => {
            let envelope: EnvelopeV1 = serde_json::from_str(text).map_err(unreadable)?;
            Ok(Draft { catalog_version: envelope.catalog_version, state: envelope.state })
        }
        found if found > VERSION => Err(DraftError::NewerVersion { found }),
        found => Err(DraftError::Unreadable { detail: format!("unknown version {found}") }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{BundleId, FieldId};
    use crate::session::{Application, Page};

    fn sample_state() -> State {
        let mut application = Application::new(BundleId::new("enterprise_opening"));
        application.answers.insert(FieldId::new("applicant.name"), "张三".into());
        application.visited.insert(FieldId::new("applicant.name"));
        State { lang: Lang::En, page: Page::Form, application: Some(application), failed_continues: 2 }
    }

    #[test]
    fn a_draft_round_trips_exactly() {
        let state = sample_state();
        let draft = decode(&encode(&state, "demo-2026.1")).expect("decodes");
        assert_eq!(draft, Draft { catalog_version: "demo-2026.1".into(), state });
    }

    #[test]
    fn the_stored_document_is_stable() {
        let text = encode(&sample_state(), "demo-2026.1");
        assert_eq!(
            text,
            r#"{"format":"yibiao-draft","version":1,"catalog_version":"demo-2026.1","state":{"lang":"en","page":"form","application":{"bundle":"enterprise_opening","answers":{"applicant.name":"张三"},"visited":["applicant.name"],"show_all_errors":false},"failed_continues":2}}"#
        );
    }

    #[test]
    fn a_version_one_draft_without_optional_parts_opens() {
        let text = r#"{"format":"yibiao-draft","version":1,"catalog_version":"x","state":{"lang":"zh","page":"home","application":{"bundle":"b","answers":{}}}}"#;
        let draft = decode(text).expect("opens");
        assert_eq!(draft.state.application.expect("present").bundle, BundleId::new("b"));
    }

    #[test]
    fn damaged_foreign_and_newer_drafts_are_refused_with_a_reason() {
        assert!(matches!(decode("{not json"), Err(DraftError::Unreadable { .. })));
        assert!(matches!(decode(r#"{"format":"other","version":1}"#), Err(DraftError::Unreadable { .. })));
        assert!(matches!(
            decode(r#"{"format":"yibiao-draft","version":1,"state":3}"#),
            Err(DraftError::Unreadable { .. })
        ));
        let newer = decode(r#"{"format":"yibiao-draft","version":9}"#).expect_err("newer");
        assert_eq!(newer, DraftError::NewerVersion { found: 9 });
        assert!(newer.message(Lang::Zh).contains("更新版本"));
    }
}
