//! The plan of the application in progress, recomputed only when its bundle changes.

use std::rc::Rc;

use yew::prelude::*;
use yibiao_core::plan::{Plan, PlanError};

use crate::store::use_store;

/// The plan for the current application, or `None` when there is no application.
#[hook]
pub fn use_plan() -> Option<Rc<Result<Plan, PlanError>>> {
    let store = use_store();
    let bundle = store
        .state
        .application
        .as_ref()
        .map(|application| application.bundle.clone());
    let env = store.env.clone();
    let plan = use_memo(bundle, move |bundle| {
        bundle
            .as_ref()
            .map(|bundle| Rc::new(Plan::for_bundle(&env.catalog, bundle)))
    });
    (*plan).clone()
}
