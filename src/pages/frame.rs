//! The one frame of every page of a draft (页面框架): it resolves the open draft and the view
//! the core derived for it, once, and owns what every such page has: the heading (window title
//! and focus on arrival), the back link, the bundle's caption, the error summary after a failed
//! "continue", the continue form, and the message when the catalog cannot plan the draft. Each
//! page's body receives the draft and its view and has no guards: a function the frame calls
//! (each component costs the first load its own copy of Yew's machinery), or, for the materials
//! page, which keeps its own hook, a component.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_kept;
use yibiao_core::journey;
use yibiao_core::session::{Action, Application, Page};
use yibiao_core::view::DraftView;
use yibiao_core::{Catalog, FieldId, Lang, Plan};

use crate::components::{
    back_link, error_summary, field_dom_id, help_panel, swallow_stray_drop, BackLink, SummaryError,
};
use crate::hooks::use_page_heading;
use crate::i18n::{self, HelpUi, Ui};
use crate::pages::{materials_body, notice_body, question_body, review_body, section_body, tasks_body};
use crate::platform::dom;
use crate::store::{send, use_ambient, Ambient};

/// What a page body drawn by the frame itself reads (a function, not a component of its own:
/// each component costs the first load its own copy of Yew's machinery).
pub struct Body<'a> {
    pub draft: &'a Rc<Application>,
    pub view: &'a Rc<DraftView>,
    pub ambient: &'a Ambient,
}

#[derive(Properties, PartialEq)]
pub struct DraftPageProps {
    pub page: Page,
}

/// The message beside a field now, if its error is to show (never while typing).
pub fn shown_error(
    catalog: &Catalog,
    draft: &Application,
    view: &DraftView,
    field: &FieldId,
    lang: Lang,
) -> Option<AttrValue> {
    let error = view.error(field)?;
    let definition = catalog.field(field)?;
    draft.visible_error(error, field).then(|| AttrValue::from(error.message(definition, lang)))
}

/// The page's heading, as the window title shows it.
fn heading_text(catalog: &Catalog, plan: Option<&Plan>, page: &Page, lang: Lang) -> String {
    match page {
        Page::Question(question) => {
            catalog.field(question).map(|field| field.label.get(lang).to_owned()).unwrap_or_default()
        }
        Page::Section(section) => plan
            .and_then(|plan| plan.sections.iter().find(|s| &s.id == section))
            .map(|s| s.title.get(lang).to_owned())
            .unwrap_or_default(),
        Page::Notice => Ui::ChecklistHeading.text(lang).to_owned(),
        Page::Tasks => Ui::FormHeading.text(lang).to_owned(),
        Page::Materials => Ui::ProvideHeading.text(lang).to_owned(),
        Page::Review => Ui::ReviewHeading.text(lang).to_owned(),
        Page::Home => String::new(),
    }
}

/// Where the back link leads, and its words.
fn back(plan: &Plan, page: &Page) -> (Page, Ui) {
    match page {
        Page::Question(_) => {
            let to = journey::back_from(plan, page);
            let label = if to == Page::Home { Ui::BackHome } else { Ui::Back };
            (to, label)
        }
        Page::Notice => (journey::back_from(plan, page), Ui::Back),
        Page::Tasks => (Page::Notice, Ui::ChecklistHeading),
        _ => (Page::Tasks, Ui::FormHeading),
    }
}

/// The fields a page asks, whose errors its summary lists.
fn fields_of<'a>(plan: &'a Plan, page: &Page) -> Vec<&'a FieldId> {
    match page {
        Page::Question(question) => plan.questions.iter().map(|q| &q.field.id).filter(|id| *id == question).collect(),
        Page::Section(section) => plan
            .sections
            .iter()
            .filter(|s| &s.id == section)
            .flat_map(|s| s.fields.iter().map(|planned| &planned.field.id))
            .collect(),
        _ => Vec::new(),
    }
}

/// The class of the continue form a page puts round its body, if it puts one.
fn form_class(page: &Page) -> Option<&'static str> {
    match page {
        Page::Question(_) => Some("question-form"),
        Page::Section(_) => Some("combined-form"),
        Page::Materials => Some("materials-form"),
        _ => None,
    }
}

#[component]
pub fn DraftPage(props: &DraftPageProps) -> Html {
    let resources = crate::store::use_resources();
    let store = resources.store.clone();
    let ambient = use_ambient();
    let lang = store.state.lang;
    let catalog = &store.env.in_use.catalog;
    let view = store.view.clone();
    let plan = view.as_ref().and_then(|view| view.as_ref().ok()).map(|view| view.plan());
    let heading_words = heading_text(catalog, plan, &props.page, lang);
    // The error summary takes the focus after each failed attempt to continue (before the
    // heading's hook: on arrival, the heading's focus comes after and wins).
    let summary_node = use_node_ref();
    {
        let node = summary_node.clone();
        crate::hooks::use_effect_on(store.state.failed_continues, move |_| {
            dom::focus_node(&node);
            None
        });
    }
    let heading = use_page_heading(&heading_words);
    let stray_drop = swallow_stray_drop();
    // The elder version's one field a page: which field of a section, and whether the applicant
    // tried to go on from it. A new field takes the focus.
    let step = use_kept(|| (0usize, false));
    // The materials page's attachment panels (each page of a draft is a frame of its own).
    let attachments = crate::components::use_attachments(&resources);
    crate::hooks::use_effect_on(step.0, |index| {
        if *index > 0 {
            dom::focus_first(".combined-form .form-group input, .combined-form .form-group textarea");
        }
        None
    });
    let (Some(draft), Some(view)) = (store.state.open_draft().cloned(), view) else {
        return html! {};
    };
    let view = match view {
        Ok(view) => view,
        Err(error) => return html! { <p class="notice">{ error.message(lang) }</p> },
    };
    let plan = view.plan();
    let page = &props.page;
    // A question or section no longer asked (another answer removed it): on to where it went.
    match page {
        Page::Question(_) if fields_of(plan, page).is_empty() => {
            return back_link(&ambient, BackLink::new(journey::first_page(plan), Ui::Continue.text(lang)));
        }
        Page::Section(section) if !plan.sections.iter().any(|s| &s.id == section) => {
            return back_link(&ambient, BackLink::new(Page::Tasks, Ui::FormHeading.text(lang)));
        }
        _ => {}
    }

    let (back_to, back_label) = back(plan, page);
    let summary: Vec<SummaryError> = if draft.show_all_errors {
        fields_of(plan, page)
            .into_iter()
            .filter_map(|field| {
                shown_error(catalog, &draft, &view, field, lang)
                    .map(|message| SummaryError { target: AttrValue::from(field_dom_id(field)), message })
            })
            .collect()
    } else {
        Vec::new()
    };
    let bundle_name = catalog.bundle(&draft.bundle).map(|bundle| bundle.name.get(lang).to_owned());
    // The elder version's help at the foot of the page, and its plain word for "continue".
    let help = {
        let mut departments: Vec<AttrValue> = Vec::new();
        for item in &plan.items {
            let department = AttrValue::from(item.department.get(lang).to_owned());
            if !departments.contains(&department) {
                departments.push(department);
            }
        }
        help_panel(&ambient, bundle_name.as_deref().unwrap_or_default(), &departments)
    };
    let next = if ambient.elder > 0 { HelpUi::Next.text(lang) } else { Ui::Continue.text(lang) };
    // One field a page in the elder version: a section's fields are asked one after another,
    // each checked before the next; "continue" leaves the section after its last.
    let section_fields = match page {
        Page::Section(_) if ambient.elder > 0 => fields_of(plan, page),
        _ => Vec::new(),
    };
    let step_now = step.0.min(section_fields.len().saturating_sub(1));
    let one = (!section_fields.is_empty()).then_some((step_now, step.1));
    let step_back = {
        let step = step.clone();
        Callback::from(move |_| step.set((step_now.saturating_sub(1), false)))
    };
    let caption = match page {
        Page::Question(question) => {
            let position = plan.questions.iter().position(|q| &q.field.id == question).unwrap_or_default();
            Some(format!(
                "{}{}{}",
                bundle_name.unwrap_or_default(),
                " · ",
                i18n::question_progress(lang, position + 1, plan.questions.len())
            ))
        }
        Page::Section(_) => bundle_name.map(|name| format!("{name} · {}", Ui::FormHeading.text(lang))),
        Page::Materials => None,
        _ => bundle_name,
    };
    let caption = match (caption, one) {
        (Some(caption), Some((index, _))) => {
            Some(format!("{caption} · {}", i18n::field_progress(lang, index + 1, section_fields.len())))
        }
        (caption, _) => caption,
    };
    let onsubmit = {
        let store = store.clone();
        let (step, view) = (step.clone(), Rc::clone(&view));
        let fields: Vec<FieldId> = section_fields.iter().map(|field| (*field).clone()).collect();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(field) = fields.get(step_now) {
                send(&store, Action::LeaveField(field.clone()));
                // On from a field in error: it stays, its error shown. Past the last, any field
                // still in error (another answer may have made it so) is asked again first.
                let wrong = |field: &FieldId| view.error(field).is_some();
                let again = if wrong(field) { Some(step_now) } else { fields.iter().position(wrong) };
                match again {
                    Some(index) if index == step_now || step_now + 1 == fields.len() => {
                        step.set((index, true));
                        return;
                    }
                    _ if step_now + 1 < fields.len() => {
                        step.set((step_now + 1, false));
                        return;
                    }
                    _ => {}
                }
            }
            send(&store, Action::Continue);
        })
    };
    let part = Body { draft: &draft, view: &view, ambient: &ambient };
    let body = match page {
        Page::Question(question) => question_body(&part, question, heading.clone()),
        Page::Section(section) => section_body(&part, section, one),
        Page::Notice => notice_body(&part),
        Page::Tasks => tasks_body(&part),
        Page::Materials => materials_body(&part, &attachments),
        Page::Review | Page::Home => review_body(&part),
    };
    // Files dropped beside the materials' own panels go nowhere (never opened by the browser).
    let drops = (*page == Page::Materials).then_some(stray_drop);
    // A question is its own heading: its legend holds the `h1`.
    let own_heading = !matches!(page, Page::Question(_));
    html! {
        <>
            if step_now > 0 && one.is_some() {
                <button type="button" class="back-link back-step" onclick={step_back}>{ HelpUi::Previous.text(lang) }</button>
            } else {
                { back_link(&ambient, BackLink::new(back_to, back_label.text(lang))) }
            }
            if !summary.is_empty() {
                { error_summary(lang, &summary, summary_node) }
            }
            if let Some(caption) = caption {
                <p class="caption">{ caption }</p>
            }
            if own_heading {
                <h1 ref={heading} tabindex="-1">{ heading_words }</h1>
            }
            if *page == Page::Materials {
                <p class="lead">{ Ui::ProvideIntro.text(lang) }</p>
            }
            if let Some(class) = form_class(page) {
                <form {class} novalidate=true {onsubmit} ondragover={drops.clone()} ondrop={drops}>
                    { body }
                    <button type="submit" class="button button-large">{ next }</button>
                </form>
            } else if *page == Page::Notice {
                { body }
                <form class="no-print" novalidate=true {onsubmit}>
                    <div class="button-group">
                        <button type="submit" class="button button-large">{ Ui::StartForm.text(lang) }</button>
                        <button type="button" class="button button-secondary" onclick={Callback::from(|_| dom::print())}>{ Ui::Print.text(lang) }</button>
                    </div>
                </form>
            } else {
                { body }
            }
            { help }
        </>
    }
}
