//! The saved draft (草稿): the session state as versioned JSON, so that a reload, a crash or a
//! closed tab loses nothing, and a draft written by an older version still opens.

use self::codec::{object, optional, required, FromJson, Misfit};
use crate::catalog::BundleId;
use crate::json::{self, Value, Writer};
use crate::session::{Application, DraftId, Page, State};
use crate::text::{zh_en, Lang};

mod codec;
mod types;

/// The `format` marker of a draft document.
pub const FORMAT: &str = "yibiao-draft";
/// The version this build writes. Version 1 held one application and the catalog version
/// beside it; version 2 holds several drafts, each with its own catalog version.
pub const VERSION: u32 = 2;

/// Version 2, read loosely: each draft is read on its own, so that one damaged draft is set
/// aside alone and the others open. The place on screen (language, page, open draft) falls
/// back to its default when it cannot be read: it is not the applicant's work.
fn read_v2(state: &Value<'_>) -> Result<Read, Misfit> {
    fn part<T: FromJson + Default>(state: &Value<'_>, name: &str) -> T {
        state.get(name).and_then(|value| T::from_json(value).ok()).unwrap_or_default()
    }
    let drafts = match object(state)?.get("drafts") {
        Some(drafts) => drafts.items().ok_or(codec::misfit(drafts))?,
        None => &[],
    };
    let mut state = State {
        lang: part(state, "lang"),
        elder: part::<u8>(state, "elder").min(crate::session::ELDER_STEPS), // 长辈版
        page: part(state, "page"),
        drafts: Vec::with_capacity(drafts.len()),
        open: part(state, "open"),
        failed_continues: part(state, "failed_continues"),
        address_refused: 0,
        deleted: part(state, "deleted"),
        helper: part(state, "helper"),
    };
    let mut refused = Vec::new();
    for (n, raw) in drafts.iter().enumerate() {
        let detail = match Application::from_json(raw) {
            Ok(draft) if state.draft(&draft.id).is_none() => {
                state.drafts.push(draft.into());
                continue;
            }
            // Two drafts of one id cannot both be kept apart on screen: the second is set
            // aside as it is, never merged or dropped.
            Ok(draft) => format!("id {} twice", draft.id),
            Err(misfit) => place(raw.raw, misfit.at - raw.at),
        };
        let detail = format!("draft {}: {detail}", n + 1);
        refused.push(RefusedDraft { document: alone(raw.raw), error: DraftError::Unreadable { detail } });
    }
    // The place on screen must name a draft that opened.
    state.open = state.open.take().filter(|open| state.draft(open).is_some());
    if state.open.is_none() && state.page.needs_application() {
        state.page = Page::Home;
    }
    Ok(Read { state, refused })
}

/// Where in `text` byte `at` stands, for whoever gets a copy set aside.
fn place(text: &str, at: usize) -> String {
    let (line, column) = json::line_column(text, at);
    format!("line {line}, column {column}")
}

/// A version 2 document holding one draft, as it was found.
fn alone(raw: &str) -> String {
    format!(r#"{{"format":"{FORMAT}","version":{VERSION},"state":{{"lang":"zh","page":"home","drafts":[{raw}]}}}}"#)
}

/// Version 1: one application, the catalog version beside the state.
fn read_v1(document: &Value<'_>) -> Result<State, Misfit> {
    let catalog_version: String = required(document, "catalog_version")?;
    let state = object(required_value(document, "state")?)?;
    let lang: Lang = required(state, "lang")?;
    let page: Page = required(state, "page")?;
    let failed_continues = optional(state, "failed_continues")?;
    let old = match state.get("application") {
        Some(old) if !old.is_null() => object(old)?,
        _ => {
            let page = if page.needs_application() { Page::Home } else { page };
            return Ok(State { lang, page, failed_continues, ..State::default() });
        }
    };
    let id = DraftId::new(MIGRATED_DRAFT_ID);
    let draft_page = if page.needs_application() { page.clone() } else { Page::Tasks };
    let mut draft = Application::new(id.clone(), required::<BundleId>(old, "bundle")?, &catalog_version, 0);
    draft.page = draft_page;
    draft.answers = required(old, "answers")?;
    draft.visited = optional(old, "visited")?;
    draft.show_all_errors = optional(old, "show_all_errors")?;
    let open = page.needs_application().then_some(id);
    Ok(State { lang, page, drafts: vec![draft.into()], open, failed_continues, ..State::default() })
}

fn required_value<'v, 'a>(value: &'v Value<'a>, name: &str) -> Result<&'v Value<'a>, Misfit> {
    value.get(name).ok_or(codec::misfit(value))
}

/// The id given to the one draft of a version 1 document.
pub const MIGRATED_DRAFT_ID: &str = "d-v1";

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
    /// Why the draft could not be opened, alone: for a notice that goes on to say what became
    /// of it.
    pub fn cause(&self, lang: Lang) -> String {
        match self {
            DraftError::Unreadable { .. } => lang
                .pick("保存的草稿已损坏，无法打开。", "The saved draft is damaged and could not be opened. ")
                .to_owned(),
            DraftError::NewerVersion { found } => zh_en!(
                lang,
                format!("保存的草稿由更新版本（格式 {found}）生成，本版本无法打开。"),
                format!("The saved draft was written by a newer version (format {found}) and cannot be opened here. ")
            ),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            DraftError::Unreadable { .. } => lang
                .pick(
                    "保存的草稿已损坏，无法打开，已从空白开始。",
                    "The saved draft is damaged and could not be opened; you are starting afresh.",
                )
                .to_owned(),
            DraftError::NewerVersion { .. } => zh_en!(
                lang,
                self.cause(lang) + "请更新本应用后再试；草稿仍保留在本机。",
                self.cause(lang) + "Update the app and try again; the draft is kept on this device."
            ),
        }
    }
}

crate::text::bilingual_error!(DraftError);

/// Writes the draft document for `state`.
pub fn encode(state: &State) -> String {
    let mut out = Writer::default();
    out.begin_object();
    codec::member(&mut out, "format", FORMAT);
    codec::member(&mut out, "version", &VERSION);
    codec::member(&mut out, "state", state);
    out.end_object();
    out.finish()
}

/// A draft document as read: the drafts that opened, and those that could not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    pub state: State,
    /// The drafts that could not be read, each on its own (the others opened).
    pub refused: Vec<RefusedDraft>,
}

/// One draft that could not be read (损坏的草稿): a document of its own, to be set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedDraft {
    /// A draft document holding this draft alone, exactly as it was found.
    pub document: String,
    pub error: DraftError,
}

/// Reads a draft document strictly: any draft that cannot be read refuses the whole document.
pub fn decode(text: &str) -> Result<State, DraftError> {
    let Read { state, mut refused } = read(text)?;
    match refused.pop() {
        None => Ok(state),
        Some(draft) => Err(draft.error),
    }
}

/// Reads a draft document, migrating older versions. A document that is not one at all, or of
/// a newer version, is refused whole; in one that is, each draft is read on its own.
pub fn read(text: &str) -> Result<Read, DraftError> {
    // Where the text goes wrong, not what a parser would say of it: the detail is for whoever
    // gets the copy set aside.
    let unreadable = |at: usize| DraftError::Unreadable { detail: place(text, at) };
    let document = json::parse(text).map_err(|error| unreadable(error.at))?;
    let format: String = required(&document, "format").map_err(|misfit| unreadable(misfit.at))?;
    let version: u32 = required(&document, "version").map_err(|misfit| unreadable(misfit.at))?;
    if format != FORMAT {
        return Err(DraftError::Unreadable { detail: format!("format is “{format}”") });
    }
    match version {
        1 => {
            let state = read_v1(&document).map_err(|misfit| unreadable(misfit.at))?;
            Ok(Read { state, refused: Vec::new() })
        }
        2 => required_value(&document, "state").and_then(read_v2).map_err(|misfit| unreadable(misfit.at)),
        found if found > VERSION => Err(DraftError::NewerVersion { found }),
        found => Err(DraftError::Unreadable { detail: format!("unknown version {found}") }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::FieldId;

    fn sample_state() -> State {
        let mut application =
            Application::new(DraftId::new("d1"), BundleId::new("enterprise_opening"), "demo-2026.1", 1_700_000_000_000);
        application.answers.insert(FieldId::new("applicant.name"), "张三".into());
        application.visited.insert(FieldId::new("applicant.name"));
        let other = Application::new(DraftId::new("d2"), BundleId::new("newborn"), "demo-2026.2", 1_700_000_100_000);
        State {
            lang: Lang::En,
            page: Page::Tasks,
            drafts: vec![application.into(), other.into()],
            open: Some(DraftId::new("d1")),
            failed_continues: 2,
            address_refused: 0,
            elder: 0,
            deleted: Default::default(),
            helper: None,
        }
    }

    #[test]
    fn drafts_round_trip_exactly() {
        let state = sample_state();
        assert_eq!(decode(&encode(&state)), Ok(state));
    }

    #[test]
    fn the_stored_document_is_stable() {
        let text = encode(&sample_state());
        assert_eq!(
            text,
            r#"{"format":"yibiao-draft","version":2,"state":{"lang":"en","page":"tasks","drafts":[{"id":"d1","bundle":"enterprise_opening","catalog_version":"demo-2026.1","created_ms":1700000000000,"updated_ms":1700000000000,"page":"tasks","answers":{"applicant.name":"张三"},"visited":["applicant.name"],"show_all_errors":false,"provisions":{},"attachments":{},"set_aside":{},"walk":null,"seen":null},{"id":"d2","bundle":"newborn","catalog_version":"demo-2026.2","created_ms":1700000100000,"updated_ms":1700000100000,"page":"tasks","answers":{},"visited":[],"show_all_errors":false,"provisions":{},"attachments":{},"set_aside":{},"walk":null,"seen":null}],"open":"d1","failed_continues":2}}"#
        );
    }

    /// A version 2 document as written before files could be attached.
    const VERSION_2_WITHOUT_FILES: &str = r#"{"format":"yibiao-draft","version":2,"state":{"lang":"en","page":"tasks","drafts":[{"id":"d1","bundle":"enterprise_opening","catalog_version":"demo-2026.1","created_ms":1700000000000,"updated_ms":1700000000000,"page":"tasks","answers":{"applicant.name":"张三"},"visited":["applicant.name"],"show_all_errors":false,"provisions":{},"walk":null,"seen":null},{"id":"d2","bundle":"newborn","catalog_version":"demo-2026.2","created_ms":1700000100000,"updated_ms":1700000100000,"page":"tasks","answers":{},"visited":[],"show_all_errors":false,"provisions":{},"walk":null,"seen":null}],"open":"d1","failed_continues":2}}"#;

    #[test]
    fn a_version_two_draft_from_before_attachments_still_opens() {
        assert_eq!(decode(VERSION_2_WITHOUT_FILES), Ok(sample_state()));
    }

    /// A document exactly as version 1 of the app wrote it.
    const VERSION_1: &str = r#"{"format":"yibiao-draft","version":1,"catalog_version":"demo-2026.1","state":{"lang":"en","page":"checklist","application":{"bundle":"enterprise_opening","answers":{"applicant.name":"张三"},"visited":["applicant.name"],"show_all_errors":true},"failed_continues":2}}"#;

    #[test]
    fn a_version_one_draft_opens_as_one_draft_on_the_same_page() {
        let state = decode(VERSION_1).expect("migrates");
        assert_eq!((state.lang, state.page.clone(), state.failed_continues), (Lang::En, Page::Notice, 2));
        assert_eq!(state.drafts.len(), 1);
        let draft = state.application().expect("the draft is open, as it was");
        assert_eq!(draft.id.as_str(), MIGRATED_DRAFT_ID);
        assert_eq!(draft.bundle, BundleId::new("enterprise_opening"));
        assert_eq!(draft.catalog_version, "demo-2026.1", "the version moves into the draft");
        assert_eq!(draft.answer(&FieldId::new("applicant.name")), "张三");
        assert!(draft.visited.contains(&FieldId::new("applicant.name")) && draft.show_all_errors);
        assert_eq!((draft.page.clone(), draft.updated_ms), (Page::Notice, 0), "the checklist became the notice");
        // Saved again, it is a version 2 document that reads back the same.
        assert_eq!(decode(&encode(&state)), Ok(state));
    }

    #[test]
    fn a_version_one_draft_on_the_home_page_or_without_optional_parts_opens() {
        let text = r#"{"format":"yibiao-draft","version":1,"catalog_version":"x","state":{"lang":"zh","page":"home","application":{"bundle":"b","answers":{}}}}"#;
        let state = decode(text).expect("opens");
        assert_eq!((state.page.clone(), state.open.clone()), (Page::Home, None));
        assert_eq!(state.drafts[0].page, Page::Tasks, "the form became the task list");
        let empty = r#"{"format":"yibiao-draft","version":1,"catalog_version":"x","state":{"lang":"zh","page":"form","application":null}}"#;
        let state = decode(empty).expect("opens");
        assert_eq!((state.page.clone(), state.drafts.len()), (Page::Home, 0), "a page of no draft falls back home");
    }

    #[test]
    fn damaged_foreign_and_newer_drafts_are_refused_with_a_reason() {
        assert!(matches!(decode("{not json"), Err(DraftError::Unreadable { .. })));
        assert!(matches!(decode(r#"{"format":"other","version":1}"#), Err(DraftError::Unreadable { .. })));
        assert!(matches!(
            decode(r#"{"format":"yibiao-draft","version":2,"state":3}"#),
            Err(DraftError::Unreadable { .. })
        ));
        let newer = decode(r#"{"format":"yibiao-draft","version":9}"#).expect_err("newer");
        assert_eq!(newer, DraftError::NewerVersion { found: 9 });
        assert!(newer.message(Lang::Zh).contains("更新版本"));
    }

    #[test]
    fn a_damaged_draft_is_refused_alone_and_the_others_open() {
        let text = encode(&sample_state());
        // The first draft's answers become a number: only that draft is damaged.
        let damaged = text.replacen(r#""answers":{"applicant.name":"张三"}"#, r#""answers":7"#, 1);
        assert_ne!(damaged, text);
        let Read { state, refused } = read(&damaged).expect("the document itself is readable");
        assert_eq!(state.drafts.len(), 1);
        assert_eq!(state.drafts[0].id.as_str(), "d2", "the other draft opens");
        assert_eq!((state.open.clone(), state.page.clone()), (None, Page::Home), "the open draft went aside");
        assert_eq!((state.lang, state.failed_continues), (Lang::En, 2), "the rest is kept");
        assert_eq!(refused.len(), 1);
        let DraftError::Unreadable { detail } = &refused[0].error else { panic!("unreadable") };
        assert!(detail.starts_with("draft 1: line 1, column "), "{detail}");
        // The copy set aside is a document of its own holding the draft exactly as found.
        let copy = &refused[0].document;
        assert!(copy.starts_with(r#"{"format":"yibiao-draft","version":2,"#), "{copy}");
        assert!(copy.contains(r#""id":"d1","bundle":"enterprise_opening""#) && copy.contains(r#""answers":7"#));
        assert!(
            matches!(read(copy), Ok(Read { ref refused, .. }) if refused.len() == 1),
            "and is refused the same way"
        );
        assert!(decode(&damaged).is_err(), "the strict reader still refuses the whole");
    }

    #[test]
    fn every_draft_opens_or_goes_aside_whatever_is_wrong_with_it() {
        let text = encode(&sample_state());
        let second = r#"{"id":"d2","bundle":"newborn""#;
        for wrong in
            [r#"{"id":"d2","bundle":7"#, r#"{"id":["d2"],"bundle":"newborn""#, r#"{"id":"d1","bundle":"newborn""#]
        {
            let damaged = text.replacen(second, wrong, 1);
            let Read { state, refused } = read(&damaged).expect("readable");
            assert_eq!(state.drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["d1"], "{wrong}");
            assert_eq!(state.open, Some(DraftId::new("d1")), "the open draft stays open");
            assert_eq!(refused.len(), 1, "{wrong}");
            assert!(refused[0].document.contains(wrong), "{wrong}");
        }
        // A damaged place on screen is not work: it falls back, and every draft opens.
        let place = text.replacen(r#""lang":"en","page":"tasks""#, r#""lang":"fr","page":{"section":9}"#, 1);
        let Read { state, refused } = read(&place).expect("readable");
        assert_eq!((state.lang, state.page.clone(), state.drafts.len(), refused.len()), (Lang::Zh, Page::Home, 2, 0));
        assert_eq!(state.open, Some(DraftId::new("d1")), "the page falls home, the draft stays chosen");
    }
}
