//! "我在帮别人办理" (helping someone apply, 帮办代办), on the home page: who helps (their name,
//! and whether they are hall staff, a community worker or a relative) and whether they apply as
//! the applicant's agent. Each draft started while helping records them; the cover sheet and the
//! hand-over sheet name them. While helping, the page says so and offers to stop.

use yew::prelude::*;

use crate::hooks::{use_kept, Kept};
use yibiao_core::helper::{Helper, HelperRole};
use yibiao_core::session::Action;

use crate::components::error_message;
use crate::i18n::HelperUi;
use crate::platform::dom;
use crate::store::Ambient;

/// What the helper's form holds while it is filled in, kept by the home page (a component of
/// its own would cost the first load a copy of Yew's machinery, issue 16).
#[derive(Clone)]
pub struct HelperForm {
    name: Kept<String>,
    role: Kept<HelperRole>,
    agent: Kept<bool>,
    id_number: Kept<String>,
    mobile: Kept<String>,
    /// Whether "continue" found no name.
    missing: Kept<bool>,
}

#[hook]
pub fn use_helper_form() -> HelperForm {
    HelperForm {
        name: use_kept(String::new),
        role: use_kept(|| HelperRole::Staff),
        agent: use_kept(|| false),
        id_number: use_kept(String::new),
        mobile: use_kept(String::new),
        missing: use_kept(|| false),
    }
}

/// The helper's form, or while someone helps, who does and the way to stop.
pub fn helper_panel(ambient: &Ambient, form: &HelperForm) -> Html {
    let lang = ambient.lang;
    let HelperForm { name, role, agent, id_number, mobile, missing } = form.clone();
    if let Some(helper) = &ambient.helper {
        let stop = {
            let dispatch = ambient.dispatch.clone();
            Callback::from(move |_| dispatch.send(Action::SetHelper(None)))
        };
        return html! {
            <div class="helper-status" role="status">
                <p>{ HelperUi::Helping.text(lang) }{ helper.line(lang) }</p>
                <button type="button" class="button button-secondary" onclick={stop}>{ HelperUi::Stop.text(lang) }</button>
            </div>
        };
    }
    let on_name = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| name.set(dom::input_value(&event)))
    };
    let on_agent = {
        let agent = agent.clone();
        Callback::from(move |_| agent.set(!*agent))
    };
    let typed = |state: &Kept<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| state.set(dom::input_value(&event)))
    };
    let (on_id_number, on_mobile) = (typed(&id_number), typed(&mobile));
    let onsubmit = {
        let (name, role, agent, missing, dispatch) =
            (name.clone(), role.clone(), agent.clone(), missing.clone(), ambient.dispatch.clone());
        let (id_number, mobile) = (id_number.clone(), mobile.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let trimmed = name.trim().to_owned();
            missing.set(trimmed.is_empty());
            if trimmed.is_empty() {
                dom::focus_by_id("helper-name");
                return;
            }
            let (id_number, mobile) =
                if *agent { ((*id_number).clone(), (*mobile).clone()) } else { Default::default() };
            dispatch.send(Action::SetHelper(Some(Helper {
                name: trimmed,
                role: *role,
                agent: *agent,
                id_number,
                mobile,
            })));
        })
    };
    html! {
        <details class="helper-invite">
            <summary class="button button-secondary help-summary">{ HelperUi::Invite.text(lang) }</summary>
            <form class="helper-form" novalidate=true {onsubmit}>
                <div class={classes!("form-group", missing.then_some("form-group-error"))}>
                    <label class="label" for="helper-name">{ HelperUi::NameLabel.text(lang) }</label>
                    { error_message(ambient, AttrValue::from("helper-name-error"),
                        missing.then(|| AttrValue::from(HelperUi::NameMissing.text(lang)))) }
                    <input class="input" id="helper-name" type="text" autocomplete="off" value={(*name).clone()}
                        aria-describedby={missing.then_some("helper-name-error")} oninput={on_name} />
                </div>
                <fieldset class="form-group choice">
                    <legend class="label">{ HelperUi::RoleLegend.text(lang) }</legend>
                    <div class="radios">
                        for each in HelperRole::ALL {
                            <div class="radio">
                                <input class="radio-input" type="radio" name="helper-role" id={format!("helper-role-{}", each.word())}
                                    checked={*role == each} onchange={{ let role = role.clone(); Callback::from(move |_| role.set(each)) }} />
                                <label class="radio-label" for={format!("helper-role-{}", each.word())}>{ each.words(lang) }</label>
                            </div>
                        }
                    </div>
                </fieldset>
                <div class="form-group radios">
                    <div class="radio">
                        <input class="radio-input" type="checkbox" id="helper-agent" checked={*agent} onchange={on_agent} />
                        <label class="radio-label" for="helper-agent">{ HelperUi::AgentLabel.text(lang) }</label>
                    </div>
                </div>
                if *agent {
                    <p class="hint" id="helper-agent-hint">{ HelperUi::AgentLater.text(lang) }</p>
                    <div class="form-group">
                        <label class="label" for="helper-id-number">{ HelperUi::AgentIdNumber.text(lang) }</label>
                        <input class="input" id="helper-id-number" type="text" inputmode="text" autocomplete="off"
                            aria-describedby="helper-agent-hint" value={(*id_number).clone()} oninput={on_id_number} />
                    </div>
                    <div class="form-group">
                        <label class="label" for="helper-mobile">{ HelperUi::AgentMobile.text(lang) }</label>
                        <input class="input" id="helper-mobile" type="tel" autocomplete="off"
                            aria-describedby="helper-agent-hint" value={(*mobile).clone()} oninput={on_mobile} />
                    </div>
                }
                <button type="submit" class="button">{ HelperUi::Start.text(lang) }</button>
            </form>
        </details>
    }
}
