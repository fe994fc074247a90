//! A value a component keeps between its draws (`use_kept`): what Yew's `use_state` gives — the
//! value as it was when the component was drawn, and `set`, which keeps a new one and draws the
//! component again — without `use_state`'s reducer, whose dispatch code came into the first load
//! again for every type kept (issue 16). One cell and the component's own redraw.

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

/// The value kept, as drawn, and the way to change it.
pub struct Kept<T> {
    /// The value when the component was drawn.
    drawn: Rc<T>,
    /// The latest value set, which the next draw shows.
    cell: Rc<RefCell<Rc<T>>>,
    redraw: Callback<()>,
}

impl<T> Kept<T> {
    /// Keeps `value` and draws the component again.
    pub fn set(&self, value: T) {
        *self.cell.borrow_mut() = Rc::new(value);
        self.redraw.emit(());
    }
}

impl<T: Clone> Kept<T> {
    /// Changes the latest value set (not the one drawn) as `change` does, and draws the
    /// component again, unless `change` says it changed nothing: what a reducer does for
    /// changes that arrive in any order (file progress, drag events).
    pub fn update(&self, change: impl FnOnce(&mut T) -> bool) {
        let mut value = T::clone(&self.cell.borrow());
        if change(&mut value) {
            self.set(value);
        }
    }
}

impl<T> Deref for Kept<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.drawn
    }
}

impl<T> Clone for Kept<T> {
    fn clone(&self) -> Self {
        Kept { drawn: Rc::clone(&self.drawn), cell: Rc::clone(&self.cell), redraw: self.redraw.clone() }
    }
}

impl<T: PartialEq> PartialEq for Kept<T> {
    fn eq(&self, other: &Self) -> bool {
        self.drawn == other.drawn
    }
}

#[hook]
pub fn use_kept<T: 'static>(init: impl FnOnce() -> T) -> Kept<T> {
    let cell = use_mut_ref(|| Rc::new(init()));
    let redraw = use_force_update();
    let drawn = Rc::clone(&cell.borrow());
    Kept { drawn, cell, redraw: Callback::from(move |()| redraw.force_update()) }
}
