//! An effect run after a draw when its key changed (and on the first draw): what Yew's
//! `use_effect_with` does, with the key and the effect behind `dyn`, so that Yew's effect
//! machinery comes into the first load once rather than again for every pair of key and
//! closure types (some 20 call sites, about 900 bytes each before gzip: issue 16).
//!
//! The key is compared with its own `PartialEq`, as `use_effect_with` compares its
//! dependencies; the effect gets it and may return what undoes it, run before the next run and
//! when the component goes.

use std::any::Any;

use yew::prelude::*;

/// What undoes an effect.
pub type Undo = Box<dyn FnOnce()>;

/// A key of any type that can be compared with another of its own type.
trait AnyKey {
    fn as_any(&self) -> &dyn Any;
    fn same(&self, other: &dyn Any) -> bool;
}

impl<K: PartialEq + 'static> AnyKey for K {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<K>() == Some(self)
    }
}

/// An effect's key, whatever its type.
pub struct Key(Box<dyn AnyKey>);

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.0.same(other.0.as_any())
    }
}

type Effect = Box<dyn FnOnce(&dyn Any) -> Option<Undo>>;

#[hook]
fn use_keyed_effect(key: Key, effect: Effect) {
    use_effect_with(key, move |key| {
        let undo = effect(key.0.as_any());
        move || {
            if let Some(undo) = undo {
                undo();
            }
        }
    });
}

/// Runs `effect` with `key` after the first draw and after every draw whose key differs from
/// the last run's; what it returns is run before the next run and when the component goes.
pub fn use_effect_on<K: PartialEq + 'static>(
    key: K,
    effect: impl FnOnce(&K) -> Option<Undo> + 'static,
) -> impl yew::functional::Hook<Output = ()> {
    let effect: Effect = Box::new(move |key: &dyn Any| key.downcast_ref::<K>().and_then(effect));
    use_keyed_effect(Key(Box::new(key)), effect)
}
