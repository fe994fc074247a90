//! Merging the drafts of two tabs (合并): what this tab holds and what another tab of the app
//! saved. Each tab saves after every change, so two tabs open at once each hold a copy of the
//! drafts, and either copy may lack the other's latest changes (the browser tells a tab of the
//! other's saves only some time later). The merge takes every change from both: a draft
//! started in either is kept, one deleted in either stays deleted, and within a draft each part
//! (an answer, how a material is provided) is the one changed last. It gives the same drafts
//! whichever tab merges and whatever was merged before, so the tabs agree once each has seen
//! the other's save.

use crate::sorted_map::SortedMap;
use std::rc::Rc;

use super::{Application, Env, Page, State};
use crate::catalog::MaterialId;
use crate::provision::Provision;

/// Merges what another tab saved (`theirs`) into this tab's state (`mine`). This tab keeps its
/// place: its language, its page, the draft it has open and where it is in each draft (the
/// home page, if the draft on screen was deleted there).
pub fn merge(mine: &State, theirs: &State, env: Env<'_>) -> State {
    let mut next = mine.clone();
    next.deleted.extend(theirs.deleted.iter().cloned());
    let mut drafts: Vec<Rc<Application>> = Vec::with_capacity(mine.drafts.len().max(theirs.drafts.len()));
    for draft in &mine.drafts {
        let merged = match theirs.draft(&draft.id) {
            Some(other) if other != draft.as_ref() => Rc::new(merge_draft(draft, other, env)),
            _ => Rc::clone(draft),
        };
        drafts.push(merged);
    }
    for draft in &theirs.drafts {
        if mine.draft(&draft.id).is_none() {
            drafts.push(Rc::clone(draft));
        }
    }
    drafts.retain(|draft| !next.deleted.contains(&draft.id));
    next.drafts = drafts;
    if next.open.is_some() && next.application().is_none() {
        next.open = None;
        next.page = Page::Home;
    }
    next
}

/// Which of two versions of a part wins: the one changed later; at the same time (or both from
/// before times were kept), the greater value, so that both tabs choose alike.
fn mine_wins<T: Ord>(mine: (Option<&u64>, T), theirs: (Option<&u64>, T)) -> bool {
    (mine.0.copied().unwrap_or(0), mine.1) >= (theirs.0.copied().unwrap_or(0), theirs.1)
}

/// Merges two copies of one draft, part by part; the place in it is this tab's.
fn merge_draft(mine: &Application, theirs: &Application, env: Env<'_>) -> Application {
    let mut next = mine.clone();
    // Whether what the plan depends on (the answers, the catalog version) came from theirs.
    let mut replanned = false;

    // Answers: each field on its own, an absent answer being one cleared. (A field may come
    // twice; deciding it again decides it alike.)
    for field in theirs.answers.keys().chain(theirs.changed.answers.keys()) {
        let (at_mine, at_theirs) = (mine.changed.answers.get(field), theirs.changed.answers.get(field));
        if mine_wins((at_mine, mine.answers.get(field)), (at_theirs, theirs.answers.get(field))) {
            continue;
        }
        match theirs.answers.get(field) {
            Some(value) => next.answers.insert(field.clone(), value.clone()),
            None => next.answers.remove(field),
        };
        take_time(&mut next.changed.answers, field, at_theirs);
        replanned = true;
    }

    // Materials: how each is provided together with the files set aside for it.
    let materials = theirs.provisions.keys().chain(theirs.set_aside.keys()).chain(theirs.changed.materials.keys());
    for material in materials {
        let (at_mine, at_theirs) = (mine.changed.materials.get(material), theirs.changed.materials.get(material));
        if mine_wins((at_mine, material_part(mine, material)), (at_theirs, material_part(theirs, material))) {
            continue;
        }
        match theirs.provisions.get(material) {
            Some(provision) => next.provisions.insert(material.clone(), provision.clone()),
            None => next.provisions.remove(material),
        };
        match theirs.set_aside.get(material) {
            Some(files) => next.set_aside.insert(material.clone(), files.clone()),
            None => next.set_aside.remove(material),
        };
        take_time(&mut next.changed.materials, material, at_theirs);
    }
    // Every file either copy knows of, then only those a material still uses.
    for (id, attachment) in &theirs.attachments {
        next.attachments.entry(id.clone()).or_insert_with(|| attachment.clone());
    }
    next.forget_unused_files();

    // The catalog version, with what was seen under it.
    let at = |draft: &Application| Some(draft.changed.catalog).filter(|at| *at > 0);
    if !mine_wins((at(mine).as_ref(), &mine.catalog_version), (at(theirs).as_ref(), &theirs.catalog_version)) {
        next.catalog_version = theirs.catalog_version.clone();
        next.definition = theirs.definition.clone();
        next.seen = theirs.seen.clone();
        next.changed.catalog = theirs.changed.catalog;
        replanned = true;
    }

    next.visited.extend(theirs.visited.iter().cloned());
    next.created_ms = mine.created_ms.min(theirs.created_ms);
    next.updated_ms = mine.updated_ms.max(theirs.updated_ms);
    if replanned {
        next.refresh_snapshot(env.catalog, env.today);
    }
    next
}

/// How a material is provided and the files set aside for it: one part, changed together.
fn material_part<'a>(
    draft: &'a Application,
    material: &MaterialId,
) -> (Option<&'a Provision>, Option<&'a Vec<String>>) {
    (draft.provisions.get(material), draft.set_aside.get(material))
}

/// Takes the time of the other tab's version of a part. (A version without one wins only over
/// another without one, so there is never a time to remove.)
fn take_time<K: Ord + Clone>(times: &mut SortedMap<K, u64>, key: &K, at: Option<&u64>) {
    if let Some(at) = at {
        times.insert(key.clone(), *at);
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
