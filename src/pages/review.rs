//! Check your answers (GOV.UK pattern) with the pre-check verdict (预审结果) at the top: ready,
//! ready with commitments (with their due dates), or not ready with each reason linking to the
//! page where it is fixed. Every answer and material has a change link; changing a situation
//! answer walks through whatever it brings in before coming back here.

use yew::prelude::*;
use yibiao_core::journey;
use yibiao_core::plan::shown_answer;
use yibiao_core::session::{Action, Page};
use yibiao_core::verdict::Target;
use yibiao_core::FieldId;

use crate::components::{back_link, field_dom_id, material_dom_id, packet_export, unbroken, verdict_panel, BackLink};
use crate::i18n::{self, PacketUi, Ui};
use crate::pages::frame::Body;
use crate::route;

/// The check page's body.
pub fn review_body(body: &Body<'_>) -> Html {
    let Body { draft: application, view, ambient } = body;
    let lang = ambient.lang;
    let plan = view.plan();
    let catalog = &ambient.env.in_use.catalog;
    let today = ambient.today();
    let result = &view.verdict;
    let draft = ambient.open.clone();
    let link = |to: Page, label: String, context: String, focus: String| {
        let context = (!context.is_empty()).then(|| AttrValue::from(context));
        let focus = Some(AttrValue::from(focus));
        back_link(ambient, BackLink { class: None, context, focus, ..BackLink::new(to, label) })
    };
    let change_situation = |question: FieldId, context: String| {
        let href = route::fragment(draft.as_ref(), &Page::Question(question.clone()));
        let dispatch = ambient.dispatch.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            dispatch.send(Action::ChangeSituation(question.clone()));
        });
        html! { <a {href} {onclick}>{ Ui::Change.text(lang) }<span class="visually-hidden">{ context }</span></a> }
    };
    let answer_words = |id: &FieldId| -> String {
        let shown = catalog.field(id).map(|field| shown_answer(catalog, &application.answers, field, today));
        let value = shown.as_deref().unwrap_or_default().trim();
        if value.is_empty() {
            return Ui::NotAnswered.text(lang).to_owned();
        }
        let Some(field) = catalog.field(id) else { return value.to_owned() };
        if let Some(words) = field.choice_label(value) {
            return words.get(lang).to_owned();
        }
        if field.kind == yibiao_core::catalog::FieldKind::ManyOf {
            let words: Vec<String> = value
                .split(',')
                .map(|part| field.choice_label(part.trim()).map_or(part.to_owned(), |t| t.get(lang).to_owned()))
                .collect();
            return words.join(Ui::ListSeparator.text(lang));
        }
        value.to_owned()
    };

    let reason = |blocker: &yibiao_core::verdict::Blocker| match blocker.target() {
        Target::Field(field) => link(
            journey::page_of_field(plan, &field).unwrap_or(Page::Tasks),
            blocker.message(catalog, lang),
            String::new(),
            field_dom_id(&field),
        ),
        Target::Material(material) => {
            link(Page::Materials, blocker.message(catalog, lang), String::new(), material_dom_id(&material))
        }
    };
    let verdict_panel = verdict_panel(result, catalog, ambient, &reason);
    // Answers to questions or fields no longer asked stay visible, never silently dropped.
    let asked: Vec<&FieldId> =
        plan.questions.iter().map(|q| &q.field.id).chain(plan.fields().map(|f| &f.field.id)).collect();
    let unused: Vec<(String, String)> = application
        .answers
        .iter()
        .filter(|(id, value)| !value.trim().is_empty() && !asked.contains(id))
        .map(|(id, value)| {
            let field = catalog.field(id);
            let label = field.map_or(id.as_str().to_owned(), |field| field.label.get(lang).to_owned());
            let words =
                field.and_then(|field| field.choice_label(value)).map_or(value.clone(), |t| t.get(lang).to_owned());
            (label, words)
        })
        .collect();
    html! {
        <>
            { verdict_panel }

            <h2>{ Ui::SituationHeading.text(lang) }</h2>
            <dl class="summary-list">
                for question in plan.questions.iter() {
                    { summary_row(question.field.label.get(lang), unbroken(&answer_words(&question.field.id)),
                        Some(change_situation(question.field.id.clone(), question.field.label.get(lang).to_owned()))) }
                }
            </dl>
            for section in plan.sections.iter() {
                <h2>{ section.title.get(lang) }</h2>
                <dl class="summary-list">
                    for planned in section.fields.iter() {
                        { summary_row(planned.field.label.get(lang), unbroken(&answer_words(&planned.field.id)),
                            Some(link(Page::Section(section.id.clone()), Ui::Change.text(lang).to_owned(), planned.field.label.get(lang).to_owned(), field_dom_id(&planned.field.id)))) }
                    }
                </dl>
            }
            <h2>{ Ui::ProvidedHeading.text(lang) }</h2>
            <dl class="summary-list">
                for entry in plan.checklist.iter() {
                    { summary_row(entry.material.name.get(lang), html! { { i18n::provision_words(lang, application, entry) } },
                        Some(link(Page::Materials, Ui::Change.text(lang).to_owned(), entry.material.name.get(lang).to_owned(), material_dom_id(&entry.material.id)))) }
                }
            </dl>
            if !unused.is_empty() {
                <h2>{ Ui::UnusedAnswers.text(lang) }</h2>
                <p class="hint">{ Ui::UnusedAnswersHint.text(lang) }</p>
                <dl class="summary-list">
                    for (label, value) in unused.iter() {
                        { summary_row(label, html! { { value.clone() } }, None) }
                    }
                </dl>
            }
            <p class="inset">{ i18n::savings(lang, &plan.savings, true) }</p>
            <section class="packet" aria-labelledby="packet-heading">
                <h2 id="packet-heading">{ PacketUi::PacketHeading.text(lang) }</h2>
                <p>{ PacketUi::PacketIntro.text(lang) }</p>
                <div class="button-group packet-actions">
                    { packet_export(application, PacketUi::ExportPacket.text(lang).into(), None, false) }
                    { packet_export(application, PacketUi::PrintPacket.text(lang).into(), Some(AttrValue::default()), true) }
                    { packet_export(application, PacketUi::PrintHandover.text(lang).into(),
                        Some(AttrValue::from(yibiao_core::packet::print::HANDOVER)), true) }
                </div>
                <h3>{ PacketUi::PrintOneForm.text(lang) }</h3>
                <ul class="form-prints">
                    for item in plan.items.iter() {
                        <li key={item.id.to_string()}>
                            <span class="form-print-name">{ item.name.get(lang) }{ Ui::ListSeparator.text(lang) }{ item.department.get(lang) }</span>
                            { packet_export(application, i18n::print_form(lang, item.name.get(lang)).into(),
                                Some(AttrValue::from(item.id.to_string())), true) }
                        </li>
                    }
                </ul>
            </section>
        </>
    }
}

/// One row of a summary list: what was asked, the answer, and the link that changes it (none
/// for an answer no longer asked).
fn summary_row(label: &str, value: Html, action: Option<Html>) -> Html {
    html! {
        <div class="summary-row">
            <dt>{ label.to_owned() }</dt>
            <dd>{ value }</dd>
            if let Some(action) = action {
                <dd class="summary-action">{ action }</dd>
            }
        </div>
    }
}
