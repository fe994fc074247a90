//! The phrases about the catalog beside the app: why a piece of it could not be used, and how
//! much of it is kept for use offline; and why the whole app's module, beside it too, could not
//! be started.

use yibiao_core::Lang;

use super::Ui;

/// Why the catalog's index (`bundle` none) or a bundle's piece could not be used, and what
/// stays: the drafts are never touched.
pub fn piece_failure(lang: Lang, bundle: Option<&str>, failure: &crate::catalog::PieceFailure) -> String {
    use crate::catalog::PieceFailure;
    let what = match (lang, bundle) {
        (Lang::Zh, Some(name)) => format!("“{name}”的内容"),
        (Lang::En, Some(name)) => format!("the contents of “{name}”"),
        (Lang::Zh, None) => "事项目录".to_owned(),
        (Lang::En, None) => "the catalog".to_owned(),
    };
    let why = match (lang, failure) {
        (Lang::Zh, PieceFailure::Unreachable) => {
            format!("无法载入{what}：本设备没有联网，此前也没有在本机保存过。请联网后再试。")
        }
        (Lang::En, PieceFailure::Unreachable) => {
            format!("Could not load {what}: this device is offline and has not kept it before. Try again when online.")
        }
        (Lang::Zh, PieceFailure::Status(status)) => {
            format!("无法载入{what}：服务器上没有找到（{status}）。请告诉工作人员。")
        }
        (Lang::En, PieceFailure::Status(status)) => {
            format!("Could not load {what}: the server does not have it ({status}). Please tell the staff.")
        }
        // The refused copy is dropped from the device: another try fetches it afresh.
        (_, PieceFailure::Refused(error)) => format!("{}{}", error.message(lang), Ui::PieceTryAgain.text(lang)),
    };
    format!("{why}{}", Ui::DraftsUntouched.text(lang))
}

/// How much of the catalog is kept on this device for offline use: all of it, or how many
/// bundles and how many bytes are still coming in the background.
pub fn offline_catalog(lang: Lang, kept: usize, total: usize, missing_bytes: u64) -> String {
    let size = super::file_size(missing_bytes);
    match (lang, kept == total) {
        (Lang::Zh, true) => format!("全部 {total} 件事都已保存在本机，没有网络也能办理。"),
        (Lang::En, true) if total == 1 => "The bundle is kept on this device: it works without a network.".to_owned(),
        (Lang::En, true) => format!("All {total} bundles are kept on this device: they work without a network."),
        (Lang::Zh, false) => {
            format!("已有 {kept}/{total} 件事保存在本机、可离线办理，其余正在后台下载（还差 {size}）。")
        }
        (Lang::En, false) => format!(
            "Kept on this device for use offline: {kept} of {total} {}; the rest are coming in the background ({size} to go).",
            super::phrases::noun(total, "bundle", "bundles")
        ),
    }
}

/// What the page of a draft says while the whole app's module takes over (issue 16).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WholeAppUi {
    Opening,
    UnavailableHeading,
    TryAgain,
}

impl WholeAppUi {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            WholeAppUi::Opening => ("正在打开……", "Opening…"),
            WholeAppUi::UnavailableHeading => ("这一页暂时打不开", "This page cannot open yet"),
            WholeAppUi::TryAgain => ("再试一次", "Try again"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Why a draft's page could not open: the whole app's module (issue 16) could not be had or
/// started. The drafts are saved.
pub fn whole_app_failure(lang: Lang, failure: crate::platform::whole_app::HandoverFailure) -> String {
    use crate::platform::whole_app::HandoverFailure;
    let why = match (lang, failure) {
        (Lang::Zh, HandoverFailure::Unreachable) => {
            "无法载入填写草稿所需的程序：本设备没有联网，此前也没有在本机保存过。请联网后再试。"
        }
        (Lang::En, HandoverFailure::Unreachable) => {
            "Could not load the part of the app that fills in drafts: this device is offline and has not kept it before. Try again when online."
        }
        (Lang::Zh, HandoverFailure::Refused) => "填写草稿所需的程序未能启动。请再试一次，或重新载入本页。",
        (Lang::En, HandoverFailure::Refused) => {
            "The part of the app that fills in drafts did not start. Try again, or reload this page."
        }
    };
    format!("{why}{}", Ui::DraftsUntouched.text(lang))
}

/// The same, in both languages, when the whole app was to start at once (a draft's address, a
/// hall's terminal): the page has nothing else to say it with.
pub fn whole_app_failure_at_start(failure: crate::platform::whole_app::HandoverFailure) -> String {
    format!("{} {}", whole_app_failure(Lang::Zh, failure), whole_app_failure(Lang::En, failure))
}
