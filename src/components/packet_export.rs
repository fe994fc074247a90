//! The button that makes a draft's packet (申请包) and saves it as a file: on the check page as
//! the journey's end, and on every saved draft as "save my work as a file", so that a cleared
//! browser loses nothing; or prints it (the whole packet, or one department's form). The work
//! is done in the packet worker; the page says while it runs, then names the file saved and
//! the start of its fingerprint, or says plainly what failed.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_kept;
use yibiao_core::packet::service::{self, ExportRequest};
use yibiao_core::session::Application;

use crate::i18n::{self, PacketUi};
use crate::platform::packets::{self, PacketFailure};
use crate::store::{use_ambient, Shared};

#[derive(Properties, PartialEq)]
pub struct PacketExportProps {
    pub draft: Shared<Application>,
    /// The button's words.
    pub label: AttrValue,
    /// Print rather than save: the whole packet (empty), or the form of the item named.
    #[prop_or_default]
    pub print: Option<AttrValue>,
    #[prop_or_default]
    pub secondary: bool,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Working,
    Saved { file_name: String, fingerprint: String },
    Failed(PacketFailure),
}

#[component]
pub fn PacketExport(props: &PacketExportProps) -> Html {
    let ambient = use_ambient();
    let files = crate::store::use_resources().files;
    let status = use_kept(|| Status::Idle);
    let lang = ambient.lang;
    let onclick = {
        let (status, draft, env) = (status.clone(), Rc::clone(&props.draft.0), Rc::clone(&ambient.env));
        let print = props.print.clone();
        Callback::from(move |_| {
            if *status == Status::Working {
                return;
            }
            status.set(Status::Working);
            let request = ExportRequest {
                document: service::document_of(&draft),
                draft: draft.id.clone(),
                files: Vec::new(),
                today: env.today,
                // Made as of the draft's last change: an unchanged draft gives the same packet
                // (byte for byte on the same day), and its printout the same fingerprint.
                created_ms: draft.updated_ms,
                lang,
                app_version: env!("CARGO_PKG_VERSION").to_owned(),
                // On a hall's terminal, what to do next and where, from its configuration.
                next_step: env.kiosk.as_ref().map(|kiosk| kiosk.next_step(lang)).unwrap_or_default(),
                only: print.as_deref().unwrap_or_default().to_owned(),
            };
            let (status, files, env, draft) = (status.clone(), files.clone(), Rc::clone(&env), Rc::clone(&draft));
            let print = print.is_some();
            crate::platform::tasks::spawn(async move {
                let done = packets::export(&files, &draft, request, print, Some(&env.in_use.worker_text())).await;
                status.set(match done {
                    Ok(Some(exported)) => {
                        Status::Saved { file_name: exported.file_name, fingerprint: exported.fingerprint }
                    }
                    Ok(None) => Status::Idle,
                    Err(failure) => Status::Failed(failure),
                });
            });
        })
    };
    let working = *status == Status::Working;
    let said = match &*status {
        Status::Idle => Html::default(),
        Status::Working => html! { { PacketUi::PacketWorking.text(lang) } },
        Status::Saved { file_name, fingerprint } => html! { { i18n::packet_saved(lang, file_name, fingerprint) } },
        Status::Failed(failure) => html! { <span class="error-message">{ failure_words(lang, failure) }</span> },
    };
    let class = classes!("button", props.secondary.then_some("button-secondary"));
    html! {
        <div class="packet-export">
            <button type="button" {class} {onclick} aria-disabled={working.to_string()}>
                { props.label.clone() }
            </button>
            <p class="packet-status" role="status">{ said }</p>
        </div>
    }
}

/// The button for `draft`, drawn from one place (each `html!` of a component with its props
/// builds them in code of its own): `print` as in [`PacketExportProps`].
pub fn packet_export(draft: &Rc<Application>, label: AttrValue, print: Option<AttrValue>, secondary: bool) -> Html {
    html! { <PacketExport draft={Shared(Rc::clone(draft))} {label} {print} {secondary} /> }
}

/// What went wrong with a packet, in words.
pub(crate) fn failure_words(lang: yibiao_core::Lang, failure: &PacketFailure) -> String {
    match failure {
        PacketFailure::Refused { zh, en } => lang.pick(zh, en).to_owned(),
        PacketFailure::NoWorker => PacketUi::PacketNoWorker.text(lang).to_owned(),
        PacketFailure::Unreadable => PacketUi::PacketUnreadable.text(lang).to_owned(),
    }
}
