//! The window's intake record (受理核对) of a packet that passed every check: read-only; the
//! fingerprint in large type to compare with the cover sheet; the verdict by this device's
//! catalog; the checklist with a box to tick for each original seen; the commitments with
//! their dates; printable as the intake record. Nothing of it is stored on this device.

use yew::prelude::*;
use yibiao_core::verdict::Verdict;

use crate::components::{catalog_change_panel, verdict_panel};
use crate::i18n::{self, PacketUi, Ui};
use crate::platform::packets::Incoming;
use crate::store::Ambient;

/// The intake record's heading.
pub fn intake_heading(lang: yibiao_core::Lang) -> &'static str {
    PacketUi::IntakeHeading.text(lang)
}

/// The intake record of `incoming`, under the page's `heading`; `close` goes back home.
pub fn intake_body(incoming: &Incoming, ambient: &Ambient, heading: &NodeRef, close: Callback<MouseEvent>) -> Html {
    let (lang, catalog, today) = (ambient.lang, &ambient.env.in_use.catalog, ambient.today());
    let draft = &incoming.draft;
    let bundle = ambient.env.in_use.index.bundle_name(&draft.bundle, lang);
    // Judged by this device's catalog, derived once as every draft's pages are.
    let Ok(view) = draft.view(catalog, today) else {
        return html! {};
    };
    let (plan, result) = (view.plan(), &view.verdict);
    let reason = |blocker: &yibiao_core::verdict::Blocker| html! { { blocker.message(catalog, lang) } };
    let print = Callback::from(|_: MouseEvent| crate::platform::dom::print());
    html! {
        <>
            <h1 ref={heading.clone()} tabindex="-1">{ intake_heading(lang) }</h1>
            <p class="lead">{ i18n::intake_lead(lang, bundle, draft.display_name(catalog).unwrap_or_default(), &incoming.file_name) }</p>
            <section class="fingerprint-panel" aria-labelledby="fingerprint-heading">
                <h2 id="fingerprint-heading">{ PacketUi::FingerprintHeading.text(lang) }</h2>
                <p class="fingerprint" lang="en">{ yibiao_core::packet::cover::grouped(&incoming.fingerprint) }</p>
                <p class="hint">{ PacketUi::FingerprintHint.text(lang) }</p>
            </section>
            // Filled against another catalog: what it changes for this packet, field by field
            // (its heading names both versions), or where only the contents differ, that.
            if let Some(change) = draft.catalog_change(catalog, today) {
                { catalog_change_panel(ambient, &change, false) }
            } else if !incoming.same_catalog {
                <p class="hint">{ i18n::packet_other_catalog(lang, &incoming.catalog_version) }</p>
            }
            { verdict_panel(result, catalog, ambient, &reason) }
            <h2>{ PacketUi::IntakeChecklist.text(lang) }</h2>
            <ul class="intake-list">
                for entry in plan.checklist.iter() {
                    <li class="intake-row">
                        <input type="checkbox" class="intake-tick" id={format!("seen-{}", entry.material.id)} />
                        <label for={format!("seen-{}", entry.material.id)}>
                            <span class="intake-name">{ entry.material.name.get(lang) }</span>
                            <span class="intake-facts">
                                { i18n::counts(lang, entry.originals, entry.copies) }{ Ui::ListSeparator.text(lang) }
                                { i18n::provision_words(lang, draft, entry) }
                            </span>
                        </label>
                    </li>
                }
            </ul>
            if let Verdict::ReadyWithCommitments { .. } = result {
                <p class="hint">{ PacketUi::IntakeCommitmentsHint.text(lang) }</p>
            }
            <div class="button-group">
                <button type="button" class="button" onclick={print}>{ PacketUi::PrintIntake.text(lang) }</button>
                <button type="button" class="button button-secondary" onclick={close}>{ PacketUi::CloseIntake.text(lang) }</button>
            </div>
        </>
    }
}
