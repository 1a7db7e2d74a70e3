//! A record's stored fields, kept compactly: a benchmark company holds two and a half million
//! records, and the memory they take is paid for again on every large run (a page the
//! simulator touches for the first time costs the kernel a zeroing, a fifth of the
//! simulator's CPU in the benchmark's cost phase). As a `serde_json::Map` each record cost
//! about twice its own size; as a vector of (name, `Value`) pairs, 48 bytes a field plus a
//! heap string for every text. Here:
//!
//! - the names are interned, and so is the sorted list of a record's names ([`NameList`]):
//!   the records of a kind share one or a few lists, so a record holds one pointer for all
//!   its names;
//! - a value is 24 bytes ([`Stored`]): numbers and booleans in place, and texts of up to 22
//!   bytes (timestamps, dates, amounts, most codes and origin ids) inline, without a heap
//!   allocation of their own; longer texts are a boxed `str`, arrays and objects a boxed
//!   `Value`.
//!
//! A value is read as a [`Field`], a borrowed view with the accessors of `serde_json::Value`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher};
use std::str::FromStr;
use std::sync::{Mutex, PoisonError};

use rust_decimal::Decimal;
use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Number, Value};

use crate::contract::{self, Shape};

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

/// The sorted names of a record's fields, shared by every record that has exactly these
/// fields and allocated once for the life of the process. Records of a kind are written by
/// the same few requests, so there are about as many lists as the API has shapes of record.
#[derive(Debug)]
pub struct NameList {
    names: &'static [&'static str],
}

static NO_NAMES: NameList = NameList { names: &[] };

/// Interned lists by the hash of their names' addresses (names are interned, so a list is
/// known by the addresses of its names).
type Lists = HashMap<u64, Vec<&'static NameList>, foldhash::fast::FixedState>;

static LISTS: Mutex<Lists> = Mutex::new(HashMap::with_hasher(
    foldhash::fast::FixedState::with_seed(0),
));

thread_local! {
    /// This thread's copy of the lists it has seen, so that storing a record takes no lock.
    static LISTS_SEEN: RefCell<Lists> = RefCell::new(Lists::default());
}

/// The one `'static` list of `names` (interned names, sorted, each once).
fn intern_list(names: &[&'static str]) -> &'static NameList {
    if names.is_empty() {
        return &NO_NAMES;
    }
    let mut hasher = foldhash::fast::FixedState::with_seed(0).build_hasher();
    for name in names {
        name.as_ptr().hash(&mut hasher);
    }
    let hash = hasher.finish();
    let find = |lists: &Lists| {
        lists.get(&hash).and_then(|candidates| {
            candidates.iter().copied().find(|list| {
                list.names.len() == names.len()
                    && list
                        .names
                        .iter()
                        .zip(names)
                        .all(|(a, b)| std::ptr::eq(*a, *b))
            })
        })
    };
    if let Some(found) = LISTS_SEEN.with(|seen| find(&seen.borrow())) {
        return found;
    }
    let interned = {
        let mut lists = LISTS.lock().unwrap_or_else(PoisonError::into_inner);
        match find(&lists) {
            Some(found) => found,
            None => {
                let leaked: &'static NameList = Box::leak(Box::new(NameList {
                    names: Box::leak(names.to_vec().into_boxed_slice()),
                }));
                lists.entry(hash).or_default().push(leaked);
                leaked
            }
        }
    };
    LISTS_SEEN.with(|seen| seen.borrow_mut().entry(hash).or_default().push(interned));
    interned
}

/// The longest text kept inline: a Procore timestamp (`2026-12-05T15:12:12Z`) is 20 bytes.
const SHORT: usize = 22;

/// A text of up to [`SHORT`] bytes, the rest zero.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Short {
    len: u8,
    bytes: [u8; SHORT],
}

impl Short {
    fn new(text: &str) -> Option<Short> {
        let len = text.len();
        (len <= SHORT).then(|| {
            let mut bytes = [0; SHORT];
            bytes[..len].copy_from_slice(text.as_bytes());
            Short {
                len: len as u8,
                bytes,
            }
        })
    }

    fn as_str(&self) -> &str {
        // The bytes were copied from a `str` whole; validating at most 22 bytes again is
        // cheaper than an `unsafe` block is to review.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

/// A stored value: what `serde_json::Value` holds, in 24 bytes instead of 32 and without a
/// heap allocation for short texts.
#[derive(Clone, PartialEq)]
enum Stored {
    Null,
    Bool(bool),
    /// A non-negative integer (serde_json's `PosInt`).
    UInt(u64),
    /// A negative integer (serde_json's `NegInt`).
    Int(i64),
    Float(f64),
    Short(Short),
    Text(Box<str>),
    /// An array or an object.
    Json(Box<Value>),
}

const _: () = assert!(std::mem::size_of::<Stored>() == 24);

impl From<Value> for Stored {
    fn from(value: Value) -> Stored {
        match value {
            Value::Null => Stored::Null,
            Value::Bool(b) => Stored::Bool(b),
            Value::Number(n) => number(&n),
            Value::String(s) => match Short::new(&s) {
                Some(short) => Stored::Short(short),
                None => Stored::Text(s.into_boxed_str()),
            },
            json @ (Value::Array(_) | Value::Object(_)) => Stored::Json(Box::new(json)),
        }
    }
}

/// A number as serde_json holds it: the variant decides how it is written and compared.
fn number(n: &Number) -> Stored {
    if let Some(u) = n.as_u64() {
        Stored::UInt(u)
    } else if let Some(i) = n.as_i64() {
        Stored::Int(i)
    } else {
        // Without serde_json's `arbitrary_precision`, a number that is no integer is an f64.
        Stored::Float(n.as_f64().unwrap_or_default())
    }
}

impl Stored {
    fn field(&self) -> Field<'_> {
        match self {
            Stored::Null => Field::Null,
            Stored::Bool(b) => Field::Bool(*b),
            Stored::UInt(u) => Field::UInt(*u),
            Stored::Int(i) => Field::Int(*i),
            Stored::Float(f) => Field::Float(*f),
            Stored::Short(s) => Field::Str(s.as_str()),
            Stored::Text(s) => Field::Str(s),
            Stored::Json(v) => Field::Json(v),
        }
    }
}

/// A stored value as read: `serde_json::Value`'s accessors over a borrowed value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Field<'a> {
    Null,
    Bool(bool),
    UInt(u64),
    Int(i64),
    Float(f64),
    Str(&'a str),
    /// An array or an object.
    Json(&'a Value),
}

impl<'a> Field<'a> {
    /// `value` read as a field.
    pub fn of(value: &'a Value) -> Field<'a> {
        match value {
            Value::Null => Field::Null,
            Value::Bool(b) => Field::Bool(*b),
            Value::Number(n) => number(n).field_owned(),
            Value::String(s) => Field::Str(s),
            json @ (Value::Array(_) | Value::Object(_)) => Field::Json(json),
        }
    }

    pub fn is_null(self) -> bool {
        matches!(self, Field::Null)
    }

    pub fn as_str(self) -> Option<&'a str> {
        match self {
            Field::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(self) -> Option<bool> {
        match self {
            Field::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_u64(self) -> Option<u64> {
        match self {
            Field::UInt(u) => Some(u),
            _ => None,
        }
    }

    pub fn as_array(self) -> Option<&'a Vec<Value>> {
        match self {
            Field::Json(v) => v.as_array(),
            _ => None,
        }
    }

    /// The number as serde_json holds it, if the field is one.
    pub fn as_number(self) -> Option<Number> {
        match self {
            Field::UInt(u) => Some(u.into()),
            Field::Int(i) => Some(i.into()),
            Field::Float(f) => Number::from_f64(f),
            _ => None,
        }
    }

    pub fn to_value(self) -> Value {
        match self {
            Field::Null => Value::Null,
            Field::Bool(b) => Value::Bool(b),
            Field::Str(s) => Value::String(s.to_owned()),
            Field::Json(v) => v.clone(),
            number => number.as_number().map_or(Value::Null, Value::Number),
        }
    }

    /// The field as JSON text rendered with `shape` (see [`contract::write_value`]), written
    /// as it lies when the contract types it as it is: a sync action's answer writes ten
    /// fields for each of a thousand records.
    pub fn write(self, shape: Option<&Shape>, out: &mut Vec<u8>) {
        let kept = match (shape, self) {
            (_, Field::Json(v)) => return contract::write_value(v, shape, out),
            (None | Some(Shape::Any | Shape::AnyObject), _)
            | (Some(Shape::Str(_)), Field::Str(_))
            | (Some(Shape::Bool), Field::Bool(_))
            | (Some(Shape::Num), Field::UInt(_) | Field::Int(_) | Field::Float(_))
            | (Some(Shape::Int), Field::UInt(_) | Field::Int(_)) => true,
            _ => false,
        };
        if kept {
            // Writing to a Vec cannot fail, and a field always serializes.
            let _ = serde_json::to_writer(&mut *out, &self);
        } else {
            contract::write_value(&self.to_value(), shape, out);
        }
    }
}

impl Stored {
    /// Only for numbers, which borrow nothing.
    fn field_owned(&self) -> Field<'static> {
        match self {
            Stored::UInt(u) => Field::UInt(*u),
            Stored::Int(i) => Field::Int(*i),
            Stored::Float(f) => Field::Float(*f),
            _ => Field::Null,
        }
    }
}

impl<'a> From<&'a Value> for Field<'a> {
    fn from(value: &'a Value) -> Field<'a> {
        Field::of(value)
    }
}

/// An amount held as text (Procore's money fields) or as a number; zero when absent or not
/// an amount.
pub fn decimal<'a>(value: Option<impl Into<Field<'a>>>) -> Decimal {
    match value.map(Into::into) {
        Some(Field::Str(s)) => Decimal::from_str(s.trim()).unwrap_or_default(),
        Some(number) => number
            .as_number()
            .and_then(|n| contract::decimal_of_number(&n))
            .unwrap_or_default(),
        None => Decimal::ZERO,
    }
}

/// Written as the JSON value it stands for, exactly as serde_json writes that value.
impl Serialize for Field<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Field::Null => serializer.serialize_unit(),
            Field::Bool(b) => serializer.serialize_bool(b),
            Field::UInt(u) => serializer.serialize_u64(u),
            Field::Int(i) => serializer.serialize_i64(i),
            Field::Float(f) => serializer.serialize_f64(f),
            Field::Str(s) => serializer.serialize_str(s),
            Field::Json(v) => v.serialize(serializer),
        }
    }
}

/// A record's fields in name order (the order `serde_json::Map` iterates in, which the
/// simulator's answers follow), each name once.
#[derive(Clone)]
pub struct Fields {
    names: &'static NameList,
    /// In the order of `names`.
    values: Box<[Stored]>,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields::new()
    }
}

impl PartialEq for Fields {
    fn eq(&self, other: &Fields) -> bool {
        // Lists are interned: the same names are the same list.
        std::ptr::eq(self.names, other.names) && self.values == other.values
    }
}

impl Fields {
    pub fn new() -> Fields {
        Fields {
            names: &NO_NAMES,
            values: Box::default(),
        }
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.names.names.binary_search_by(|k| (*k).cmp(name))
    }

    pub fn get(&self, name: &str) -> Option<Field<'_>> {
        self.find(name).ok().map(|i| self.values[i].field())
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Sets `name` to `value`.
    pub fn insert(&mut self, name: &str, value: Value) {
        match self.find(name) {
            Ok(i) => self.values[i] = Stored::from(value),
            Err(i) => {
                let mut names = self.names.names.to_vec();
                names.insert(i, intern(name));
                self.names = intern_list(&names);
                let mut values = std::mem::take(&mut self.values).into_vec();
                values.insert(i, Stored::from(value));
                self.values = values.into_boxed_slice();
            }
        }
    }

    /// Removes `name`; the value it had, if any.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let i = self.find(name).ok()?;
        let mut names = self.names.names.to_vec();
        names.remove(i);
        self.names = intern_list(&names);
        let mut values = std::mem::take(&mut self.values).into_vec();
        let removed = values.remove(i);
        self.values = values.into_boxed_slice();
        Some(removed.field().to_value())
    }

    /// The fields in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Field<'_>)> + '_ {
        self.names
            .names
            .iter()
            .zip(self.values.iter())
            .map(|(k, v)| (*k, v.field()))
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The fields as a JSON object.
    pub fn to_map(&self) -> Map<String, Value> {
        self.iter()
            .map(|(k, v)| (k.to_owned(), v.to_value()))
            .collect()
    }
}

impl From<Map<String, Value>> for Fields {
    fn from(map: Map<String, Value>) -> Fields {
        let mut names: Vec<&'static str> = map.keys().map(|k| intern(k)).collect();
        // A `serde_json::Map` iterates in key order, each key once, unless serde_json's
        // `preserve_order` is on somewhere in the build; sorting keeps the invariant either
        // way.
        if names.is_sorted_by(|a, b| a < b) {
            return Fields {
                names: intern_list(&names),
                values: map.into_iter().map(|(_, v)| Stored::from(v)).collect(),
            };
        }
        let mut pairs: Vec<(&'static str, Value)> = names
            .iter()
            .copied()
            .zip(map.into_iter().map(|(_, v)| v))
            .collect();
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        pairs.dedup_by(|later, earlier| later.0 == earlier.0);
        names.clear();
        names.extend(pairs.iter().map(|(k, _)| *k));
        Fields {
            names: intern_list(&names),
            values: pairs.into_iter().map(|(_, v)| Stored::from(v)).collect(),
        }
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
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (k, v) in self.iter() {
            map.serialize_entry(k, &v)?;
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
        assert_eq!(f.get("b"), Some(Field::UInt(2)));
        assert_eq!(f.get("z"), None);
        f.insert("b", json!(20));
        assert_eq!(f.get("b"), Some(Field::UInt(20)));
        f.insert("aa", json!(null));
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
    fn every_json_value_is_stored_and_read_back_as_it_was() {
        let long = "a text longer than twenty-two bytes, with \"quotes\" and é";
        let original = json!({
            "null": null,
            "yes": true,
            "no": false,
            "zero": 0,
            "big": u64::MAX,
            "negative": -42,
            "least": i64::MIN,
            "float": 1.5,
            "whole_float": 2.0,
            "tiny": 1e-300,
            "empty": "",
            "stamp": "2026-12-05T15:12:12Z",
            "exactly_short": "1234567890123456789012",
            "one_over": "12345678901234567890123",
            "multibyte": "ééééééééééé",
            "long": long,
            "array": [1, "two", {"three": 3.0}],
            "object": {"nested": [null]},
        });
        let f = fields(original.clone());
        assert_eq!(Value::Object(f.to_map()), original);
        // Written exactly as serde_json writes the value, number forms included.
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            serde_json::to_string(&original).unwrap()
        );
        for (name, field) in f.iter() {
            assert_eq!(field.to_value(), original[name], "{name}");
            assert_eq!(Field::of(&original[name]), field, "{name}");
        }
        assert_eq!(
            f.get("stamp").and_then(Field::as_str),
            Some("2026-12-05T15:12:12Z")
        );
        assert_eq!(f.get("long").and_then(Field::as_str), Some(long));
        assert_eq!(f.get("big").and_then(Field::as_u64), Some(u64::MAX));
        assert_eq!(f.get("negative").and_then(Field::as_u64), None);
        assert_eq!(f.get("yes").and_then(Field::as_bool), Some(true));
        assert_eq!(
            f.get("array").and_then(Field::as_array).map(Vec::len),
            Some(3)
        );
        assert!(f.get("null").is_some_and(Field::is_null));
        // 1.0 and 1 are different numbers to serde_json, and stay so.
        assert_ne!(
            fields(json!({"n": 2.0})),
            fields(json!({"n": 2})),
            "a float and an integer"
        );
    }

    #[test]
    fn records_with_the_same_names_share_one_list() {
        let a = fields(json!({"amount": "1.00", "origin_id": "A"}));
        let mut b = fields(json!({"origin_id": "B", "amount": "2.00"}));
        assert!(std::ptr::eq(a.names, b.names));
        b.insert("description", json!("new"));
        assert!(!std::ptr::eq(a.names, b.names));
        b.remove("description");
        assert!(std::ptr::eq(a.names, b.names));
        let from_another_thread =
            std::thread::spawn(|| fields(json!({"amount": "3.00", "origin_id": "C"})).names)
                .join()
                .unwrap();
        assert!(std::ptr::eq(from_another_thread, a.names));
        assert!(std::ptr::eq(Fields::new().names, fields(json!({})).names));
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

    #[test]
    fn a_field_is_written_as_its_value_would_be() {
        let shapes = [
            None,
            Some(Shape::Any),
            Some(Shape::Int),
            Some(Shape::Num),
            Some(Shape::Bool),
            Some(Shape::Str(None)),
            Some(Shape::AnyArray),
        ];
        let values = [
            json!(null),
            json!(true),
            json!(7),
            json!(-7),
            json!(7.25),
            json!("12.50"),
            json!("true"),
            json!("a \"quoted\" text\n"),
            json!([1, 2]),
        ];
        for value in &values {
            let f = fields(json!({ "v": value }));
            let field = f.get("v").expect("stored");
            for shape in &shapes {
                let (mut ours, mut theirs) = (Vec::new(), Vec::new());
                field.write(shape.as_ref(), &mut ours);
                contract::write_value(value, shape.as_ref(), &mut theirs);
                assert_eq!(
                    String::from_utf8_lossy(&ours),
                    String::from_utf8_lossy(&theirs),
                    "{value} as {shape:?}"
                );
            }
        }
    }
}
