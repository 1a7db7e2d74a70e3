//! The Procore contract as published in `../shared/procore-api/endpoints/`: one JSON description
//! per operation (parameters, request body schema, response schemas). The conformance tests load
//! it at test time (it is never copied into the repository) and check every exchange recorded by
//! the simulator against it: the client must not send a field or a query parameter Procore does not
//! define, and the simulator must not answer with a field of the wrong type.
//!
//! The schemas are simplified (nested objects are sometimes plain `{"type":"object"}`), so they are
//! a floor: an object schema without `properties` accepts any content, and a response may carry
//! fields the schema does not list (Procore returns more than it documents).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

#[derive(Debug, Clone)]
pub struct Operation {
    pub id: String,
    pub method: String,
    pub path: String,
    raw: Value,
}

/// All operations of the contract, indexed by operationId.
pub struct Contract {
    pub operations: BTreeMap<String, Operation>,
}

/// Which side of an exchange is checked. Requests are strict (a field the schema does not define is
/// a violation: Procore's strong parameters would silently drop it and the data would be lost);
/// responses may carry undocumented fields but never a documented one with the wrong type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Request,
    Response,
}

/// `../shared` beside the repository root; `MPSYNC_SHARED_DIR` points elsewhere.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("MPSYNC_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

impl Contract {
    pub fn load() -> Contract {
        let dir = shared_dir().join("procore-api/endpoints");
        let index: Vec<Value> = serde_json::from_str(
            &fs::read_to_string(dir.join("index.json"))
                .unwrap_or_else(|e| panic!("reading {}: {e}", dir.join("index.json").display())),
        )
        .expect("index.json is JSON");
        let mut operations = BTreeMap::new();
        for entry in index {
            let id = entry["operationId"]
                .as_str()
                .expect("operationId")
                .to_string();
            let file = dir.join(format!("{id}.json"));
            let raw: Value =
                serde_json::from_str(&fs::read_to_string(&file).expect("endpoint file"))
                    .expect("endpoint file is JSON");
            operations.insert(
                id.clone(),
                Operation {
                    id,
                    method: raw["method"].as_str().unwrap_or_default().to_string(),
                    path: raw["path"].as_str().unwrap_or_default().to_string(),
                    raw,
                },
            );
        }
        Contract { operations }
    }

    /// The operation whose method and path template match a concrete request path.
    pub fn resolve(&self, method: &str, path: &str) -> Option<&Operation> {
        // A literal segment beats a `{param}` one (`/vendors/sync` is not `/vendors/{id}`).
        self.operations
            .values()
            .filter(|op| op.method.eq_ignore_ascii_case(method))
            .filter_map(|op| path_score(&op.path, path).map(|score| (score, op)))
            .max_by_key(|(score, _)| *score)
            .map(|(_, op)| op)
    }
}

fn path_score(template: &str, path: &str) -> Option<usize> {
    let t: Vec<&str> = template.trim_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_matches('/').split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    let mut literal = 0;
    for (ts, ps) in t.iter().zip(&p) {
        if ts.starts_with('{') {
            continue;
        }
        if ts != ps {
            return None;
        }
        literal += 1;
    }
    Some(literal)
}

impl Operation {
    fn parameters(&self) -> impl Iterator<Item = &Value> {
        self.raw["parameters"].as_array().into_iter().flatten()
    }

    /// Checks a raw query string against the operation's query parameters: every key defined,
    /// every value of the declared type or enum, every required parameter present.
    pub fn check_query(&self, query: &str) -> Vec<String> {
        let mut violations = Vec::new();
        let declared: BTreeMap<String, &Value> = self
            .parameters()
            .filter(|p| p["in"] == "query")
            .map(|p| (normalise_param(p["name"].as_str().unwrap_or_default()), p))
            .collect();
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(query).unwrap_or_else(|_| vec![]);
        for (key, value) in &pairs {
            let name = normalise_param(key);
            match declared.get(&name) {
                None => violations.push(format!(
                    "{} query: parameter `{key}` is not defined by Procore",
                    self.id
                )),
                Some(param) => {
                    let schema = &param["schema"];
                    let scalar = if schema["type"] == "array" {
                        &schema["items"]
                    } else {
                        schema
                    };
                    if let Some(problem) = check_query_value(scalar, value) {
                        violations.push(format!("{} query: `{key}={value}` {problem}", self.id));
                    }
                }
            }
        }
        for (name, param) in &declared {
            if param["required"] == true && !pairs.iter().any(|(k, _)| &normalise_param(k) == name)
            {
                violations.push(format!(
                    "{} query: required parameter `{name}` is missing",
                    self.id
                ));
            }
        }
        violations
    }

    /// Checks a request body against `requestBody.schema`.
    pub fn check_request_body(&self, body: &Value) -> Vec<String> {
        let mut violations = Vec::new();
        match self.raw.get("requestBody") {
            None | Some(Value::Null) => {
                if !body.is_null() && body != &Value::Object(Default::default()) {
                    violations.push(format!(
                        "{}: sends a body but Procore defines none",
                        self.id
                    ));
                }
            }
            Some(request) => {
                // PATCH is a partial update (the fact sheet: "same fields, all optional"): fields
                // the schema marks required inside the resource are required on create only.
                // The scope ids at the top level stay required.
                let partial = self.method.eq_ignore_ascii_case("PATCH");
                let mut checker = Checker {
                    side: Side::Request,
                    partial,
                    out: &mut violations,
                };
                checker.check(
                    &request["schema"],
                    body,
                    &format!("{} request body", self.id),
                    0,
                )
            }
        }
        violations
    }

    /// Checks a response body against the schema of its status, when the contract has one.
    pub fn check_response_body(&self, status: u16, body: &Value) -> Vec<String> {
        let mut violations = Vec::new();
        let schema = &self.raw["responses"][status.to_string()]["schema"];
        if !schema.is_null() {
            let mut checker = Checker {
                side: Side::Response,
                partial: false,
                out: &mut violations,
            };
            checker.check(schema, body, &format!("{} response {status}", self.id), 0);
        }
        violations
    }

    pub fn has_response_schema(&self, status: u16) -> bool {
        !self.raw["responses"][status.to_string()]["schema"].is_null()
    }
}

/// `filters[id][]` and `filters[id]` name the same parameter; so do `biller[]` and `biller`.
fn normalise_param(name: &str) -> String {
    name.strip_suffix("[]").unwrap_or(name).to_string()
}

fn check_query_value(schema: &Value, value: &str) -> Option<String> {
    if let Some(options) = schema["enum"].as_array() {
        if !options.iter().any(|o| o.as_str() == Some(value)) {
            return Some(format!("is not one of {options:?}"));
        }
    }
    match schema["type"].as_str() {
        Some("integer") if value.parse::<i64>().is_err() => Some("is not an integer".into()),
        Some("number") if value.parse::<f64>().is_err() => Some("is not a number".into()),
        Some("boolean") if value != "true" && value != "false" => Some("is not a boolean".into()),
        _ => None,
    }
}

/// Validates values against a simplified JSON schema, collecting every violation.
pub struct Checker<'a> {
    pub side: Side,
    /// Required fields below the top level are not enforced (partial updates).
    pub partial: bool,
    pub out: &'a mut Vec<String>,
}

impl Checker<'_> {
    pub fn check(&mut self, schema: &Value, value: &Value, at: &str, depth: usize) {
        // Null stands for "no value" on both sides: Procore sends it for empty fields and accepts
        // it to clear one.
        if value.is_null() || schema.is_null() {
            return;
        }
        // The published description reduces some leaves to `{"type":"object","description":
        // "(nested object)"}` although Procore sends a scalar there (`company.id`): the type is
        // unknown, so anything is accepted.
        if schema["description"] == "(nested object)" && schema.get("properties").is_none() {
            return;
        }
        let declared = schema["type"].as_str();
        let ok = match declared {
            None => true,
            Some("string") => value.is_string(),
            Some("integer") => value.is_i64() || value.is_u64(),
            Some("number") => value.is_number(),
            Some("boolean") => value.is_boolean(),
            Some("object") => value.is_object(),
            Some("array") => value.is_array(),
            Some(_) => true,
        };
        if !ok {
            self.out.push(format!(
                "{at}: expected {}, got {}",
                declared.unwrap_or("any"),
                json_type(value)
            ));
            return;
        }
        if let (Some(options), Some(text)) = (schema["enum"].as_array(), value.as_str()) {
            if !options.iter().any(|o| o.as_str() == Some(text)) {
                self.out
                    .push(format!("{at}: `{text}` is not one of {options:?}"));
            }
        }
        if let (Some(format), Some(text)) = (schema["format"].as_str(), value.as_str()) {
            if let Some(problem) = check_format(format, text) {
                self.out.push(format!("{at}: `{text}` {problem}"));
            }
        }
        match value {
            Value::Object(fields) => {
                // Required fields bind what a client sends; the simplified schemas mark
                // request-side requirements, so responses are not held to them.
                let enforce_required = self.side == Side::Request && !(self.partial && depth > 0);
                if let (true, Some(required)) = (enforce_required, schema["required"].as_array()) {
                    for name in required.iter().filter_map(Value::as_str) {
                        if !fields.contains_key(name) {
                            self.out
                                .push(format!("{at}: required field `{name}` is missing"));
                        }
                    }
                }
                let Some(properties) = schema["properties"].as_object() else {
                    return; // `{"type":"object"}` without properties: content unknown.
                };
                if properties.is_empty() {
                    return;
                }
                for (name, field) in fields {
                    match properties.get(name) {
                        Some(field_schema) => {
                            self.check(field_schema, field, &format!("{at}.{name}"), depth + 1)
                        }
                        None if self.side == Side::Request && !is_custom_field(name) => self
                            .out
                            .push(format!("{at}: field `{name}` is not defined by Procore")),
                        None => {}
                    }
                }
            }
            Value::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        self.check(item_schema, item, &format!("{at}[{i}]"), depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Procore's configurable custom fields travel as `custom_field_<id>` keys on many resources.
fn is_custom_field(name: &str) -> bool {
    name.strip_prefix("custom_field_")
        .is_some_and(|id| id.chars().all(|c| c.is_ascii_digit()))
}

fn check_format(format: &str, text: &str) -> Option<String> {
    match format {
        "date" => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .err()
            .map(|_| "is not a YYYY-MM-DD date".into()),
        "date-time" => chrono::DateTime::parse_from_rfc3339(text)
            .err()
            .map(|_| "is not an ISO-8601 date-time".into()),
        "float" | "decimal" => text
            .parse::<rust_decimal::Decimal>()
            .err()
            .filter(|_| text.parse::<f64>().is_err())
            .map(|_| "is not a decimal number".into()),
        "email" if !text.contains('@') => Some("is not an email address".into()),
        _ => None,
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn contract() -> &'static Contract {
        static CONTRACT: std::sync::OnceLock<Contract> = std::sync::OnceLock::new();
        CONTRACT.get_or_init(Contract::load)
    }

    #[test]
    fn loads_all_operations_of_the_index() {
        assert_eq!(contract().operations.len(), 171);
    }

    #[test]
    fn resolves_literal_segments_before_parameters() {
        let c = contract();
        assert_eq!(
            c.resolve("PATCH", "/rest/v1.0/vendors/sync").unwrap().id,
            "RestV10VendorsSyncPatch"
        );
        assert_eq!(
            c.resolve("PATCH", "/rest/v1.0/vendors/42").unwrap().id,
            "RestV10VendorsIdPatch"
        );
        assert!(c.resolve("GET", "/rest/v1.0/nothing").is_none());
    }

    #[test]
    fn request_with_an_undefined_field_is_a_violation() {
        let op = &contract().operations["RestV10VendorsSyncPatch"];
        let ok = json!({"company_id": 1, "updates": [{"origin_id": "S1", "name": "Béton Québec"}]});
        assert!(op.check_request_body(&ok).is_empty());
        let bad = json!({"company_id": 1, "updates": [{"origin_id": "S1", "nom": "x"}]});
        let v = op.check_request_body(&bad);
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(
            v[0].contains("updates[0]") && v[0].contains("`nom`"),
            "{v:?}"
        );
    }

    #[test]
    fn request_missing_a_required_field_or_with_a_wrong_type_is_a_violation() {
        let op = &contract().operations["RestV10ProjectsPost"];
        let v = op.check_request_body(&json!({"company_id": "1", "project": {}}));
        assert!(
            v.iter()
                .any(|m| m.contains("company_id") && m.contains("integer")),
            "{v:?}"
        );
        assert!(v.iter().any(|m| m.contains("`name` is missing")), "{v:?}");
    }

    #[test]
    fn response_fields_must_have_their_declared_type_but_extras_are_tolerated() {
        let op = &contract().operations["RestV10ProjectsIdGet"];
        let ok = json!({"id": 5, "name": "Tour A", "undocumented": true});
        assert!(op.check_response_body(200, &ok).is_empty());
        let bad = json!({"id": "5", "name": "Tour A"});
        assert_eq!(op.check_response_body(200, &bad).len(), 1);
    }

    #[test]
    fn query_parameters_are_checked_by_name_type_and_presence() {
        let op = &contract().operations["RestV10CostCodesGet"];
        assert!(op
            .check_query("project_id=3&page=2&per_page=100")
            .is_empty());
        let v = op.check_query("page=x&colour=red");
        assert!(v.iter().any(|m| m.contains("`colour`")), "{v:?}");
        assert!(v.iter().any(|m| m.contains("page=x")), "{v:?}");
        assert!(
            v.iter().any(|m| m.contains("`project_id` is missing")),
            "{v:?}"
        );
    }

    #[test]
    fn formats_are_checked() {
        assert!(check_format("date", "2026-12-03").is_none());
        assert!(check_format("date", "03/12/2026").is_some());
        assert!(check_format("date-time", "2026-12-03T10:00:00Z").is_none());
        assert!(check_format("float", "1234.56").is_none());
        assert!(check_format("float", "12,50").is_some());
    }
}
