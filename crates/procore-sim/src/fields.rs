//! A record's stored fields, kept compactly: a benchmark company holds two million records, and
//! as a `serde_json::Map` (a B-tree with an allocated `String` per key) each cost the simulator
//! about twice its own size, most of it node slack and key copies. Here a record's fields are
//! one sorted vector of (name, value) pairs whose names are interned: the same few hundred
//! field names are shared by every record.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::sync::{Mutex, PoisonError};

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

/// Field names, hashed with a fixed seed: they are the API's own vocabulary, not input to
/// guard against.
type NameSet = HashSet<&'static str, foldhash::fast::FixedState>;

/// Every field name ever stored, each allocated once for the life of the process. The names
/// are the contract's attributes plus the `custom_field_<id>` keys clients send, so the set
/// stays as small as the API's vocabulary.
static NAMES: Mutex<NameSet> = Mutex::new(HashSet::with_hasher(
    foldhash::fast::FixedState::with_seed(0),
));

thread_local! {
    /// This thread's copy of the names it has seen, so that storing a field takes no lock.
    static SEEN: RefCell<NameSet> = RefCell::new(NameSet::default());
}

/// The one `'static` copy of `name`.
pub fn intern(name: &str) -> &'static str {
    if let Some(found) = SEEN.with(|seen| seen.borrow().get(name).copied()) {
        return found;
    }
    let interned = {
        let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
        match names.get(name) {
            Some(found) => *found,
            None => {
                let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
                names.insert(leaked);
                leaked
            }
        }
    };
    SEEN.with(|seen| seen.borrow_mut().insert(interned));
    interned
}

/// A record's fields in name order (the order `serde_json::Map` iterates in, which the
/// simulator's answers follow), each name once.
#[derive(Clone, Default, PartialEq)]
pub struct Fields(Vec<(&'static str, Value)>);

impl Fields {
    pub fn new() -> Fields {
        Fields(Vec::new())
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| (*k).cmp(name))
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.find(name).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Sets `name` to `value`; the value it replaces, if any.
    pub fn insert(&mut self, name: &str, value: Value) -> Option<Value> {
        match self.find(name) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (intern(name), value));
                None
            }
        }
    }

    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.find(name).ok().map(|i| self.0.remove(i).1)
    }

    /// The fields in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Value)> + '_ {
        self.0.iter().map(|(k, v)| (*k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The fields as a JSON object.
    pub fn to_map(&self) -> Map<String, Value> {
        self.iter()
            .map(|(k, v)| (k.to_owned(), v.clone()))
            .collect()
    }
}

impl From<Map<String, Value>> for Fields {
    fn from(map: Map<String, Value>) -> Fields {
        let mut fields: Vec<(&'static str, Value)> =
            map.into_iter().map(|(k, v)| (intern(&k), v)).collect();
        // A `serde_json::Map` iterates in key order unless serde_json's `preserve_order` is
        // on somewhere in the build; sorting keeps the invariant either way.
        if !fields.is_sorted_by(|a, b| a.0 < b.0) {
            fields.sort_by(|a, b| a.0.cmp(b.0));
            fields.dedup_by(|later, earlier| later.0 == earlier.0);
        }
        fields.shrink_to_fit();
        Fields(fields)
    }
}

impl fmt::Debug for Fields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Stored and read as the JSON object it stands for.
impl Serialize for Fields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fields, D::Error> {
        Map::<String, Value>::deserialize(deserializer).map(Fields::from)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fields(value: Value) -> Fields {
        Fields::from(value.as_object().cloned().unwrap_or_default())
    }

    #[test]
    fn fields_behave_as_the_json_object_they_stand_for() {
        let mut f = fields(json!({"b": 2, "a": 1, "c": "three"}));
        assert_eq!(
            f.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!(f.get("b"), Some(&json!(2)));
        assert_eq!(f.get("z"), None);
        assert_eq!(f.insert("b", json!(20)), Some(json!(2)));
        assert_eq!(f.insert("aa", json!(null)), None);
        assert!(f.contains_key("aa"));
        assert_eq!(f.remove("a"), Some(json!(1)));
        assert_eq!(f.remove("a"), None);
        assert_eq!(
            serde_json::to_value(&f).unwrap(),
            json!({"aa": null, "b": 20, "c": "three"})
        );
        assert_eq!(f.len(), 3);
        let back: Fields =
            serde_json::from_value(json!({"c": "three", "b": 20, "aa": null})).expect("an object");
        assert_eq!(back, f);
        assert_eq!(
            Value::Object(f.to_map()),
            serde_json::to_value(&back).unwrap()
        );
    }

    #[test]
    fn a_name_is_stored_once() {
        let a = intern(&String::from("direct_cost_date"));
        let b = intern("direct_cost_date");
        assert!(std::ptr::eq(a, b));
        let other_thread = std::thread::spawn(|| intern("direct_cost_date"))
            .join()
            .unwrap();
        assert!(std::ptr::eq(other_thread, a));
    }
}
