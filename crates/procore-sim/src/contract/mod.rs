//! The wire contract of every served operation: routing by method and path template, the JSON
//! types of success bodies (so amounts come out as strings where Procore sends strings and as
//! numbers where it sends numbers), and request-body validation.
//!
//! Shape notation (compact, one line per schema): `s` string, `i` integer, `n` number,
//! `b` boolean, `o` object of unknown fields, `a` array of unknown items, `?` anything,
//! `{name:T,...}` object, `[T]` array of T, `s<a|b>` string enum; a leading `!` on a field
//! name marks it required.

mod table;

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::OnceLock;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::Value;

/// The JSON type of one schema node.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Str(Option<Vec<String>>),
    Int,
    Num,
    Bool,
    AnyObject,
    AnyArray,
    Any,
    Object(Fields),
    Array(Box<Shape>),
}

/// An object's fields in the contract's order, with their order by name beside: a rendered
/// object's keys come out sorted (as a JSON map holds them), and [`write_rendered`] merges the
/// fields with a record's keys in one pass instead of looking each up.
#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    list: Vec<Field>,
    by_name: Vec<usize>,
}

impl Fields {
    pub fn new(list: Vec<Field>) -> Fields {
        let mut by_name: Vec<usize> = (0..list.len()).collect();
        by_name.sort_by(|a, b| list[*a].name.cmp(&list[*b].name));
        Fields { list, by_name }
    }

    /// The fields by name, in byte order (the order of a JSON map's keys).
    pub fn sorted(&self) -> impl Iterator<Item = &Field> {
        self.by_name.iter().map(|i| &self.list[*i])
    }
}

impl std::ops::Deref for Fields {
    type Target = [Field];

    fn deref(&self) -> &[Field] {
        &self.list
    }
}

impl<'a> IntoIterator for &'a Fields {
    type Item = &'a Field;
    type IntoIter = std::slice::Iter<'a, Field>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub required: bool,
    pub shape: Shape,
}

impl Shape {
    /// Parses the notation described in the module comment; malformed input yields `Any`
    /// so that a table typo can never make a response unrenderable.
    pub fn parse(text: &str) -> Shape {
        if text.is_empty() {
            return Shape::Any;
        }
        let mut parser = Parser {
            chars: text.as_bytes(),
            pos: 0,
        };
        parser.shape().unwrap_or(Shape::Any)
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        match self {
            Shape::Object(fields) => fields.iter().find(|f| f.name == name),
            _ => None,
        }
    }

    /// The element shape of an array, or of the array stored under `name` in an object.
    pub fn items(&self) -> Option<&Shape> {
        match self {
            Shape::Array(inner) => Some(inner),
            _ => None,
        }
    }
}

struct Parser<'a> {
    chars: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.chars.get(self.pos).copied()
    }

    fn shape(&mut self) -> Option<Shape> {
        let c = self.peek()?;
        self.pos += 1;
        Some(match c {
            b's' => {
                if self.peek() == Some(b'<') {
                    self.pos += 1;
                    let start = self.pos;
                    while self.peek()? != b'>' {
                        self.pos += 1;
                    }
                    let body = std::str::from_utf8(&self.chars[start..self.pos]).ok()?;
                    self.pos += 1;
                    Shape::Str(Some(body.split('|').map(str::to_owned).collect()))
                } else {
                    Shape::Str(None)
                }
            }
            b'i' => Shape::Int,
            b'n' => Shape::Num,
            b'b' => Shape::Bool,
            b'o' => Shape::AnyObject,
            b'a' => Shape::AnyArray,
            b'?' => Shape::Any,
            b'[' => {
                let inner = self.shape()?;
                self.expect(b']')?;
                Shape::Array(Box::new(inner))
            }
            b'{' => {
                let mut fields = Vec::new();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                    return Some(Shape::AnyObject);
                }
                loop {
                    let required = self.peek() == Some(b'!');
                    if required {
                        self.pos += 1;
                    }
                    let start = self.pos;
                    while self.peek()? != b':' {
                        self.pos += 1;
                    }
                    let name = std::str::from_utf8(&self.chars[start..self.pos]).ok()?;
                    self.pos += 1;
                    let shape = self.shape()?;
                    fields.push(Field {
                        name: name.to_owned(),
                        required,
                        shape,
                    });
                    match self.peek()? {
                        b',' => self.pos += 1,
                        b'}' => {
                            self.pos += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
                Shape::Object(Fields::new(fields))
            }
            _ => return None,
        })
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        if self.peek()? == c {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }
}

/// One served operation, with its parsed contract.
#[derive(Debug)]
pub struct Operation {
    pub id: &'static str,
    pub method: &'static str,
    pub path: &'static str,
    pub status: u16,
    pub paged: bool,
    pub response: Shape,
    pub required_params: Vec<(char, String)>,
    pub body: Option<Shape>,
    segments: Vec<&'static str>,
}

fn operations() -> &'static [Operation] {
    static OPS: OnceLock<Vec<Operation>> = OnceLock::new();
    OPS.get_or_init(|| {
        table::OPERATIONS
            .iter()
            .map(|row| Operation {
                id: row.id,
                method: row.method,
                path: row.path,
                status: row.status,
                paged: row.paged,
                response: Shape::parse(row.response),
                required_params: row
                    .params
                    .split_whitespace()
                    .filter_map(|p| {
                        let mut parts = p.splitn(3, ':');
                        let location = parts.next()?.chars().next()?;
                        Some((location, parts.next()?.to_owned()))
                    })
                    .collect(),
                body: (!row.body.is_empty()).then(|| Shape::parse(row.body)),
                segments: row.path.trim_matches('/').split('/').collect(),
            })
            .collect()
    })
}

/// Every served operationId.
pub fn operation_ids() -> impl Iterator<Item = &'static str> {
    operations().iter().map(|op| op.id)
}

/// Looks an operation up by its operationId.
pub fn operation(id: &str) -> Option<&'static Operation> {
    operations().iter().find(|op| op.id == id)
}

/// Resolves a request to an operation and its path parameters. Literal segments win over
/// templated ones (`/vendors/sync` is the sync action, not vendor "sync").
pub fn route(method: &str, path: &str) -> Option<(&'static Operation, BTreeMap<String, String>)> {
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    let mut best: Option<(&'static Operation, BTreeMap<String, String>, usize)> = None;
    for op in operations() {
        if !op.method.eq_ignore_ascii_case(method) || op.segments.len() != segs.len() {
            continue;
        }
        let mut params = BTreeMap::new();
        let mut literal = 0;
        let matched = op.segments.iter().zip(&segs).all(|(pattern, actual)| {
            if let Some(name) = pattern.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                params.insert(name.to_owned(), (*actual).to_owned());
                !actual.is_empty()
            } else {
                literal += 1;
                pattern == actual
            }
        });
        if matched && best.as_ref().is_none_or(|(_, _, l)| literal > *l) {
            best = Some((op, params, literal));
        }
    }
    best.map(|(op, params, _)| (op, params))
}

/// The path template is known but not for this method (used to answer 405 vs 404).
pub fn path_known(path: &str) -> bool {
    ["GET", "POST", "PATCH", "PUT", "DELETE"]
        .iter()
        .any(|m| route(m, path).is_some())
}

/// Renders an internal representation in the JSON types the contract declares. Fields the
/// contract lists but the record lacks become `null`; fields the record has beyond the contract
/// are kept (Procore sends more than its schema documents).
pub fn render(value: &Value, shape: &Shape) -> Value {
    let mut out = value.clone();
    render_in_place(&mut out, shape);
    out
}

/// [`render`] of a value the caller owns: only what the contract types differently is
/// rewritten, so a record's fields are neither copied nor moved into a new map (rendering is
/// most of what a sync action of a thousand records costs the simulator).
pub fn render_in_place(value: &mut Value, shape: &Shape) {
    let rendered = match shape {
        Shape::Any | Shape::AnyObject => return,
        Shape::Str(_) => match value {
            Value::String(_) => return,
            Value::Number(n) => Value::String(number_text(n)),
            Value::Bool(b) => Value::String(b.to_string()),
            _ => Value::Null,
        },
        Shape::Int => match value {
            Value::Number(n) if n.is_i64() || n.is_u64() => return,
            Value::Number(n) => decimal_of_number(n)
                .and_then(|d| d.trunc().to_i64())
                .map_or(Value::Null, Value::from),
            Value::String(s) => s.trim().parse::<i64>().map_or(Value::Null, Value::from),
            _ => Value::Null,
        },
        Shape::Num => match value {
            Value::Number(_) => return,
            Value::String(s) => Decimal::from_str(s.trim())
                .ok()
                .map_or(Value::Null, decimal_to_number),
            _ => Value::Null,
        },
        Shape::Bool => match value {
            Value::Bool(_) => return,
            Value::String(s) if s == "true" => Value::Bool(true),
            Value::String(s) if s == "false" => Value::Bool(false),
            _ => Value::Null,
        },
        Shape::AnyArray => match value {
            Value::Array(_) => return,
            _ => Value::Null,
        },
        Shape::Array(inner) => match value {
            Value::Array(items) => {
                for item in items {
                    render_in_place(item, inner);
                }
                return;
            }
            Value::Null => Value::Array(Vec::new()),
            _ => Value::Null,
        },
        // The published description types many nested scalars as "(nested object)" (a WBS
        // segment's `id` and `name`, for one): whatever the record holds is what Procore sends.
        Shape::Object(fields) => match value {
            Value::Object(map) => {
                for field in fields {
                    match map.get_mut(&field.name) {
                        Some(v) => render_in_place(v, &field.shape),
                        None => {
                            let mut v = Value::Null;
                            render_in_place(&mut v, &field.shape);
                            map.insert(field.name.clone(), v);
                        }
                    }
                }
                return;
            }
            _ => Value::Null,
        },
    };
    *value = rendered;
}

/// Writes [`render`]`(value, shape)` as JSON text without building the rendered value: what
/// the contract leaves as it is is written from where it lies, and an object's keys (its own
/// and the contract's) are merged in order. A sync action answers with a thousand records;
/// copying each into a rendered map, then dropping it, was most of what it cost.
pub fn write_rendered(value: &Value, shape: &Shape, out: &mut Vec<u8>) {
    match (shape, value) {
        (Shape::Object(fields), Value::Object(map)) => write_object(
            map.iter().map(|(k, v)| (k.as_str(), v)),
            std::iter::empty::<(&str, &Value)>(),
            write_value,
            fields,
            out,
        ),
        (Shape::Array(inner), Value::Array(items)) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_rendered(item, inner, out);
            }
            out.push(b']');
        }
        _ if kept_as_is(value, shape) => write_json(value, out),
        _ => {
            let mut rendered = value.clone();
            render_in_place(&mut rendered, shape);
            write_json(&rendered, out);
        }
    }
}

/// [`write_rendered`] of the object whose fields `base` yields in key order, with `overlay`'s
/// keys (in key order too) added or replacing its own; `write_added` writes an overlay's value
/// rendered with the field's shape, if the contract names the field.
pub fn write_object<'k, 'a, B: Written, A: 'a>(
    base: impl Iterator<Item = (&'k str, B)>,
    overlay: impl Iterator<Item = (&'a str, &'a A)>,
    mut write_added: impl FnMut(&A, Option<&Shape>, &mut Vec<u8>),
    fields: &Fields,
    out: &mut Vec<u8>,
) {
    let mut base = base.peekable();
    let mut overlay = overlay.peekable();
    let mut fields = fields.sorted().peekable();
    out.push(b'{');
    let mut first = true;
    loop {
        let key = [
            base.peek().map(|(k, _)| *k),
            overlay.peek().map(|(k, _)| *k),
            fields.peek().map(|f| f.name.as_str()),
        ]
        .into_iter()
        .flatten()
        .min();
        let Some(key) = key else { break };
        let own = base.next_if(|(k, _)| *k == key).map(|(_, v)| v);
        let added = overlay.next_if(|(k, _)| *k == key).map(|(_, v)| v);
        let field = fields.next_if(|f| f.name == key);
        if !std::mem::take(&mut first) {
            out.push(b',');
        }
        write_json(key, out);
        out.push(b':');
        let shape = field.map(|f| &f.shape);
        match (added, own) {
            (Some(added), _) => write_added(added, shape, out),
            (None, Some(own)) => own.write(shape, out),
            (None, None) => write_value(&Value::Null, shape, out),
        }
        // Keys the contract names twice are rendered once, by its first mention.
        while fields.next_if(|f| f.name == key).is_some() {}
    }
    out.push(b'}');
}

/// A value an object is written from: a JSON value, or a record's stored field
/// ([`crate::fields::Field`]).
pub trait Written {
    /// The value as JSON text, rendered with `shape` if there is one.
    fn write(self, shape: Option<&Shape>, out: &mut Vec<u8>);
}

impl Written for &Value {
    fn write(self, shape: Option<&Shape>, out: &mut Vec<u8>) {
        write_value(self, shape, out)
    }
}

impl Written for crate::fields::Field<'_> {
    fn write(self, shape: Option<&Shape>, out: &mut Vec<u8>) {
        crate::fields::Field::write(self, shape, out)
    }
}

/// `value` as JSON text, rendered with `shape` if there is one.
pub fn write_value(value: &Value, shape: Option<&Shape>, out: &mut Vec<u8>) {
    match shape {
        Some(shape) => write_rendered(value, shape, out),
        None => write_json(value, out),
    }
}

/// What [`render_in_place`] leaves untouched, container shapes aside.
fn kept_as_is(value: &Value, shape: &Shape) -> bool {
    match (shape, value) {
        (Shape::Any | Shape::AnyObject, _)
        | (Shape::Str(_), Value::String(_))
        | (Shape::Num, Value::Number(_))
        | (Shape::Bool, Value::Bool(_))
        | (Shape::AnyArray, Value::Array(_)) => true,
        (Shape::Int, Value::Number(n)) => n.is_i64() || n.is_u64(),
        _ => false,
    }
}

fn write_json<T: serde::Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
    // Writing to a Vec cannot fail, and a JSON value or a string always serializes.
    let _ = serde_json::to_writer(&mut *out, value);
}

/// Exact text of a JSON number (serde_json keeps the shortest round-trip form).
pub fn number_text(n: &serde_json::Number) -> String {
    match decimal_of_number(n) {
        Some(d) => d.normalize().to_string(),
        None => n.to_string(),
    }
}

pub fn decimal_of_number(n: &serde_json::Number) -> Option<Decimal> {
    let text = n.to_string();
    Decimal::from_str(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .ok()
}

/// A JSON number for a decimal amount. JSON numbers are binary floating point on most
/// clients anyway; this conversion happens only at the wire boundary, never in arithmetic.
pub fn decimal_to_number(d: Decimal) -> Value {
    if d.fract().is_zero() {
        if let Some(i) = d.to_i64() {
            return Value::from(i);
        }
    }
    d.to_f64()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// A problem found while checking a request body against the contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyProblem {
    /// A required wrapper or top-level parameter is absent (Rails: 400 "param is missing").
    Missing(String),
    /// A value of the wrong JSON type (400 naming the field).
    WrongType {
        field: String,
        expected: &'static str,
    },
    /// A required attribute is blank (422 "can't be blank").
    Blank(String),
    /// A value outside the enum (422 "is not included in the list").
    NotInList(String),
}

/// Checks `body` against `shape`. Nested objects are checked recursively; array items too.
/// `path` is the dotted name used in messages (Procore names the innermost attribute).
pub fn check_body(body: &Value, shape: &Shape) -> Vec<BodyProblem> {
    let mut problems = Vec::new();
    check_value(body, shape, "", 0, &mut problems);
    problems
}

fn check_value(value: &Value, shape: &Shape, name: &str, depth: usize, out: &mut Vec<BodyProblem>) {
    if value.is_null() {
        return;
    }
    let wrong = |expected: &'static str, out: &mut Vec<BodyProblem>| {
        out.push(BodyProblem::WrongType {
            field: name.to_owned(),
            expected,
        })
    };
    match shape {
        Shape::Any | Shape::AnyObject | Shape::AnyArray => {}
        Shape::Str(choices) => {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => number_text(n),
                Value::Bool(b) => b.to_string(),
                _ => return wrong("a string", out),
            };
            if let Some(choices) = choices {
                if !text.is_empty() && !choices.iter().any(|c| c == &text) {
                    out.push(BodyProblem::NotInList(name.to_owned()));
                }
            }
        }
        Shape::Int => {
            let ok = match value {
                Value::Number(n) => n.is_i64() || n.is_u64(),
                Value::String(s) => s.trim().is_empty() || s.trim().parse::<i64>().is_ok(),
                _ => false,
            };
            if !ok {
                wrong("an integer", out)
            }
        }
        Shape::Num => {
            let ok = match value {
                Value::Number(_) => true,
                Value::String(s) => s.trim().is_empty() || Decimal::from_str(s.trim()).is_ok(),
                _ => false,
            };
            if !ok {
                wrong("a number", out)
            }
        }
        Shape::Bool => {
            let ok = matches!(value, Value::Bool(_))
                || matches!(value, Value::String(s) if matches!(s.as_str(), "true" | "false" | "1" | "0"));
            if !ok {
                wrong("a boolean", out)
            }
        }
        Shape::Array(inner) => match value {
            Value::Array(items) => {
                for item in items {
                    check_value(item, inner, name, depth + 1, out);
                }
            }
            _ => wrong("an array", out),
        },
        Shape::Object(fields) => {
            let Value::Object(map) = value else {
                return wrong("an object", out);
            };
            for field in fields {
                let v = map.get(&field.name);
                let present = v.is_some_and(|v| !v.is_null());
                if field.required && !present {
                    // Top-level and wrapper keys are Rails params (400); attributes inside the
                    // wrapper are model validations (422).
                    if depth == 0 || matches!(field.shape, Shape::Object(_)) {
                        out.push(BodyProblem::Missing(field.name.clone()));
                    } else {
                        out.push(BodyProblem::Blank(field.name.clone()));
                    }
                    continue;
                }
                if field.required
                    && depth > 0
                    && v.and_then(Value::as_str)
                        .is_some_and(|s| s.trim().is_empty())
                {
                    out.push(BodyProblem::Blank(field.name.clone()));
                    continue;
                }
                if let Some(v) = v {
                    check_value(v, &field.shape, &field.name, depth + 1, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_nested_notation() {
        let shape = Shape::parse("{!name:s,tags:[s],vendor:{id:i},flag:s<Red|Green>}");
        let Shape::Object(fields) = &shape else {
            panic!()
        };
        assert_eq!(fields.len(), 4);
        assert!(fields[0].required);
        assert_eq!(
            fields[3].shape,
            Shape::Str(Some(vec!["Red".into(), "Green".into()]))
        );
    }

    #[test]
    fn every_table_row_parses() {
        for op in operations() {
            if !table::OPERATIONS
                .iter()
                .any(|r| r.id == op.id && r.response.is_empty())
            {
                assert_ne!(op.response, Shape::Any, "{}", op.id);
            }
        }
    }

    #[test]
    fn no_object_names_a_field_twice() {
        fn check(shape: &Shape, op: &str) {
            match shape {
                Shape::Object(fields) => {
                    let names: Vec<&str> = fields.sorted().map(|f| f.name.as_str()).collect();
                    assert!(names.windows(2).all(|w| w[0] < w[1]), "{op}: {names:?}");
                    for f in fields {
                        check(&f.shape, op);
                    }
                }
                Shape::Array(inner) => check(inner, op),
                _ => {}
            }
        }
        for op in operations() {
            check(&op.response, op.id);
            if let Some(body) = &op.body {
                check(body, op.id);
            }
        }
    }

    #[test]
    fn rendering_written_as_text_is_the_rendered_value() {
        let shape =
            Shape::parse("{a:s,b:n,c:i,d:{id:i,name:s},e:[{x:n}],f:[s],g:b,h:o,k:a,m:?,z:{q:i}}");
        let values = [
            json!({"a": 5, "b": "12.50", "c": "7", "d": {"id": "3", "extra": [1]}, "e": [{"x": "1.5", "y": "kept"}],
                   "g": "true", "h": {"any": 1}, "k": null, "m": [1, "x"], "zz": "beyond the contract"}),
            json!({"a": "é\"\n", "b": 3, "c": 2.7, "d": null, "e": null, "f": ["x", 1, true], "g": false}),
            json!({}),
            json!({"c": "not a number", "d": "not an object", "e": "not an array", "z": {"q": 1.0}}),
            json!([1, 2]),
            json!("text"),
        ];
        for value in values {
            for shape in [&shape, &Shape::Any, &Shape::Array(Box::new(shape.clone()))] {
                let mut written = Vec::new();
                write_rendered(&value, shape, &mut written);
                let expected = serde_json::to_vec(&render(&value, shape)).unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&written),
                    String::from_utf8_lossy(&expected),
                    "{value}"
                );
            }
        }
    }

    #[test]
    fn renders_amount_types_per_contract() {
        let shape = Shape::parse("{a:s,b:n,c:i,d:{id:i}}");
        let out = render(&json!({"a": 12.5, "b": "123.45", "c": "7", "x": 1}), &shape);
        assert_eq!(
            out,
            json!({"a": "12.5", "b": 123.45, "c": 7, "d": null, "x": 1})
        );
    }

    #[test]
    fn routes_literal_before_template() {
        let (op, _) = route("PATCH", "/rest/v1.0/vendors/sync").unwrap();
        assert_eq!(op.id, "RestV10VendorsSyncPatch");
        let (op, params) = route("PATCH", "/rest/v1.0/vendors/42").unwrap();
        assert_eq!(op.id, "RestV10VendorsIdPatch");
        assert_eq!(params["id"], "42");
    }

    #[test]
    fn body_problems_name_fields() {
        let shape = Shape::parse("{!company_id:i,!vendor:{!name:s,vendor_group_id:i}}");
        let problems = check_body(
            &json!({"company_id": 1, "vendor": {"name": "", "vendor_group_id": "x"}}),
            &shape,
        );
        assert!(problems.contains(&BodyProblem::Blank("name".into())));
        assert!(problems.contains(&BodyProblem::WrongType {
            field: "vendor_group_id".into(),
            expected: "an integer"
        }));
        let problems = check_body(&json!({"company_id": 1}), &shape);
        assert_eq!(problems, vec![BodyProblem::Missing("vendor".into())]);
    }
}
