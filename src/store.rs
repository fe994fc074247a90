//! The application store: the core's reducer, wrapped so Yew can hold it (the orphan rule needs
//! a local type). Components read it with [`use_store`] and dispatch core `Action`s.

use std::rc::Rc;

use yew::prelude::*;
use yibiao_core::session::{self, Action, Env, State};
use yibiao_core::{Catalog, Date};

/// What the reducer needs besides the state: the catalog and today's date.
#[derive(Debug, PartialEq)]
pub struct AppEnv {
    pub catalog: Catalog,
    pub origin: crate::catalog::CatalogOrigin,
    pub today: Date,
}

/// The state and its environment.
#[derive(Debug, PartialEq)]
pub struct Store {
    pub state: State,
    pub env: Rc<AppEnv>,
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let env = Env { catalog: &self.env.catalog, today: self.env.today, now_ms: crate::platform::clock::now_ms() };
        match session::reduce(&self.state, action, env) {
            Some(state) => Rc::new(Store { state, env: Rc::clone(&self.env) }),
            // Returning the same Rc tells Yew nothing changed: no re-render.
            None => self,
        }
    }
}

pub type StoreHandle = UseReducerHandle<Store>;

/// The store shared by context from `App`.
#[hook]
pub fn use_store() -> StoreHandle {
    use_context::<StoreHandle>().expect("components are rendered inside App, which provides the store")
}
