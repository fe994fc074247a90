//! The draft's types read from a JSON tree and written as JSON (`crate::json`), exactly as
//! their serde derives do: the same members in the same order, the same ones left out when
//! empty, the same defaults for what is absent. The tests of `draft` hold the two to each other.

use crate::sorted_map::{SortedMap, SortedSet};
use std::rc::Rc;

use crate::catalog::{BundleId, FieldId, FileType, ItemId, MaterialId};
use crate::journey::Page;
use crate::json::{Kind, Value, Writer};
use crate::session::DraftId;
use crate::text::{Lang, Text};

/// A value that does not have the shape its type needs: the byte offset where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Misfit {
    pub at: usize,
}

pub(crate) fn misfit(value: &Value<'_>) -> Misfit {
    Misfit { at: value.at }
}

pub(crate) trait ToJson {
    fn to_json(&self, out: &mut Writer);
}

pub(crate) trait FromJson: Sized {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit>;
}

/// Member `name` of object `value`, which must be there.
pub(crate) fn required<T: FromJson>(value: &Value<'_>, name: &str) -> Result<T, Misfit> {
    value.get(name).map_or(Err(misfit(value)), T::from_json)
}

/// Member `name` of object `value`, or the type's default when it is absent (serde's
/// `default`; an `Option` is `None` when absent with or without it).
pub(crate) fn optional<T: FromJson + Default>(value: &Value<'_>, name: &str) -> Result<T, Misfit> {
    value.get(name).map_or(Ok(T::default()), T::from_json)
}

/// An object: checks that `value` is one.
pub(crate) fn object<'v, 'a>(value: &'v Value<'a>) -> Result<&'v Value<'a>, Misfit> {
    value.members().map(|_| value).ok_or(misfit(value))
}

pub(crate) fn member<T: ToJson + ?Sized>(out: &mut Writer, name: &str, value: &T) {
    out.key(name);
    value.to_json(out);
}

impl ToJson for str {
    fn to_json(&self, out: &mut Writer) {
        out.string(self);
    }
}

impl ToJson for String {
    fn to_json(&self, out: &mut Writer) {
        out.string(self);
    }
}

impl FromJson for String {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        value.as_str().map(str::to_owned).ok_or(misfit(value))
    }
}

impl FromJson for Rc<str> {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        value.as_str().map(Rc::from).ok_or(misfit(value))
    }
}

impl ToJson for u64 {
    fn to_json(&self, out: &mut Writer) {
        out.number(*self);
    }
}

impl FromJson for u64 {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        value.as_u64().ok_or(misfit(value))
    }
}

impl ToJson for u32 {
    fn to_json(&self, out: &mut Writer) {
        out.number(u64::from(*self));
    }
}

impl FromJson for u32 {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        value.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or(misfit(value))
    }
}

impl FromJson for u8 {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        value.as_u64().and_then(|n| u8::try_from(n).ok()).ok_or(misfit(value))
    }
}

impl ToJson for bool {
    fn to_json(&self, out: &mut Writer) {
        out.bool(*self);
    }
}

impl FromJson for bool {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        value.as_bool().ok_or(misfit(value))
    }
}

impl<T: ToJson + ?Sized> ToJson for Rc<T> {
    fn to_json(&self, out: &mut Writer) {
        T::to_json(self, out);
    }
}

impl<T: FromJson> FromJson for Rc<T> {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        T::from_json(value).map(Rc::new)
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, out: &mut Writer) {
        match self {
            Some(inner) => inner.to_json(out),
            None => out.null(),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        match value.is_null() {
            true => Ok(None),
            false => T::from_json(value).map(Some),
        }
    }
}

fn array<'t, T: ToJson + 't>(out: &mut Writer, items: impl IntoIterator<Item = &'t T>) {
    out.begin_array();
    items.into_iter().for_each(|item| item.to_json(out));
    out.end_array();
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, out: &mut Writer) {
        array(out, self);
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        value.items().ok_or(misfit(value))?.iter().map(T::from_json).collect()
    }
}

impl<T: ToJson> ToJson for SortedSet<T> {
    fn to_json(&self, out: &mut Writer) {
        array(out, self);
    }
}

impl<T: FromJson + Ord> FromJson for SortedSet<T> {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        // Inserted one by one: collecting would sort, and a sort for each type costs the
        // first load more than the inserts the rest of the app makes anyway.
        let mut set = SortedSet::new();
        for item in value.items().ok_or(misfit(value))? {
            set.insert(T::from_json(item)?);
        }
        Ok(set)
    }
}

/// A pair, as serde writes a tuple: an array of exactly two.
impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn to_json(&self, out: &mut Writer) {
        out.begin_array();
        self.0.to_json(out);
        self.1.to_json(out);
        out.end_array();
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        match value.items() {
            Some([first, second]) => Ok((A::from_json(first)?, B::from_json(second)?)),
            _ => Err(misfit(value)),
        }
    }
}

/// What may name a member of an object: a map's key.
pub(crate) trait Key: Sized {
    fn name(&self) -> &str;
    fn from_name(name: &str) -> Self;
}

impl Key for String {
    fn name(&self) -> &str {
        self
    }

    fn from_name(name: &str) -> Self {
        name.to_owned()
    }
}

impl<K: Key, V: ToJson> ToJson for SortedMap<K, V> {
    fn to_json(&self, out: &mut Writer) {
        out.begin_object();
        self.iter().for_each(|(key, value)| member(out, key.name(), value));
        out.end_object();
    }
}

/// An object into a map; a name written twice keeps its last value, as serde does.
impl<K: Key + Ord, V: FromJson> FromJson for SortedMap<K, V> {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        let mut map = SortedMap::new();
        for (name, value) in value.members().ok_or(misfit(value))? {
            map.insert(K::from_name(name), V::from_json(value)?);
        }
        Ok(map)
    }
}

/// The ids: strings in JSON, and the names of the maps they key.
macro_rules! id_json {
    ($($id:ty),*) => {$(
        impl ToJson for $id {
            fn to_json(&self, out: &mut Writer) {
                out.string(self.as_str());
            }
        }

        impl FromJson for $id {
            fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
                value.as_str().map(<$id>::new).ok_or(misfit(value))
            }
        }

        impl Key for $id {
            fn name(&self) -> &str {
                self.as_str()
            }

            fn from_name(name: &str) -> Self {
                <$id>::new(name)
            }
        }
    )*};
}

id_json!(FieldId, MaterialId, ItemId, BundleId, DraftId);

/// Enums whose values are words (serde's unit variants), each with the words it also reads.
macro_rules! word_json {
    ($type:ty { $($variant:path => $word:literal $(| $alias:literal)*),* $(,)? }) => {
        impl ToJson for $type {
            fn to_json(&self, out: &mut Writer) {
                out.string(match self { $($variant => $word),* });
            }
        }

        impl FromJson for $type {
            fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
                match value.as_str() {
                    $(Some($word $(| $alias)*) => Ok($variant),)*
                    _ => Err(misfit(value)),
                }
            }
        }
    };
}

word_json!(Lang { Lang::Zh => "zh", Lang::En => "en" });
word_json!(FileType { FileType::Pdf => "pdf", FileType::Jpeg => "jpeg", FileType::Png => "png" });

impl ToJson for Text {
    fn to_json(&self, out: &mut Writer) {
        out.begin_object();
        member(out, "zh", &self.zh);
        member(out, "en", &self.en);
        out.end_object();
    }
}

impl FromJson for Text {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        Ok(Text { zh: required(object(value)?, "zh")?, en: required(value, "en")? })
    }
}

/// A page: a word, or for a page of one question or section an object naming it.
impl ToJson for Page {
    fn to_json(&self, out: &mut Writer) {
        let word = match self {
            Page::Home => "home",
            Page::Notice => "notice",
            Page::Tasks => "tasks",
            Page::Materials => "materials",
            Page::Review => "review",
            Page::Question(field) => return tagged(out, "question", field.as_str()),
            Page::Section(section) => return tagged(out, "section", section),
        };
        out.string(word);
    }
}

fn tagged(out: &mut Writer, tag: &str, value: &str) {
    out.begin_object();
    member(out, tag, value);
    out.end_object();
}

impl FromJson for Page {
    fn from_json(value: &Value<'_>) -> Result<Self, Misfit> {
        let page = match (&value.kind, value.members()) {
            (Kind::String(word), _) => match word.as_ref() {
                "home" | "catalog_file" => Page::Home,
                "notice" | "checklist" => Page::Notice,
                "tasks" | "form" => Page::Tasks,
                "materials" => Page::Materials,
                "review" => Page::Review,
                _ => return Err(misfit(value)),
            },
            (_, Some([(tag, inner)])) => match tag.as_ref() {
                "question" => Page::Question(FieldId::from_json(inner)?),
                "section" => Page::Section(String::from_json(inner)?),
                _ => return Err(misfit(value)),
            },
            _ => return Err(misfit(value)),
        };
        Ok(page)
    }
}

#[cfg(test)]
#[path = "codec_tests.rs"]
mod tests;
