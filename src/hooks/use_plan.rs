//! The plan of the application in progress, recomputed when its bundle or answers change
//! (conditions read the answers).

use std::rc::Rc;

use yew::prelude::*;
use yibiao_core::plan::{Plan, PlanError};

use crate::store::use_store;

/// The plan for the current application, or `None` when there is no application.
#[hook]
pub fn use_plan() -> Option<Rc<Result<Plan, PlanError>>> {
    let store = use_store();
    let key = store.state.application().map(|application| (application.bundle.clone(), application.answers.clone()));
    let env = store.env.clone();
    let plan = use_memo(key, move |key| {
        key.as_ref().map(|(bundle, answers)| Rc::new(Plan::new(&env.catalog, bundle, answers, env.today)))
    });
    (*plan).clone()
}
