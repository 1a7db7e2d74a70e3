//! Canonical field values: what both mappers of an entity produce, so the two sides and the last
//! agreed state can be compared field by field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One record's canonical fields. Both mappers of an entity emit the same names with the same
/// normalization (trimmed text, empty text as `null`, amounts as canonical decimal strings), so
/// equal values mean the same thing on both sides.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fields(BTreeMap<String, Value>);

impl Fields {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a field, normalizing text: surrounding blanks are not data, and an empty text is no
    /// value (Procore returns `""` and `null` for the same empty field).
    pub fn set(&mut self, name: &str, value: impl Into<Value>) -> &mut Self {
        let value = match value.into() {
            Value::String(s) if s.trim().is_empty() => Value::Null,
            Value::String(s) => Value::String(s.trim().to_string()),
            other => other,
        };
        self.0.insert(name.to_string(), value);
        self
    }

    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.set(name, value);
        self
    }

    /// The value of a field; an absent field reads as `null`.
    pub fn get(&self, name: &str) -> &Value {
        self.0.get(name).unwrap_or(&Value::Null)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.values().all(Value::is_null)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// A SHA-256 of the canonical values (names in order), hex: what a binding keeps of each
    /// side's record as last written or seen, to tell a later change without the values.
    pub fn digest(&self) -> String {
        use sha2::Digest;
        // A map of strings to JSON values always serializes.
        let text = serde_json::to_string(&self.0).unwrap_or_default();
        hex::encode(sha2::Sha256::digest(text.as_bytes()))
    }

    /// These fields with `changes` applied on top.
    pub fn merged(&self, changes: &Fields) -> Fields {
        let mut out = self.clone();
        for (k, v) in changes.iter() {
            out.0.insert(k.to_string(), v.clone());
        }
        out
    }
}

impl FromIterator<(String, Value)> for Fields {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        let mut fields = Fields::new();
        for (k, v) in iter {
            fields.set(&k, v);
        }
        fields
    }
}

/// A SHA-256 of a list of texts, hex: the same digest for the same values in the same order.
pub fn digest_of(parts: &[String]) -> String {
    use sha2::Digest;
    let text = serde_json::to_string(parts).unwrap_or_default();
    hex::encode(sha2::Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_empty_text_is_no_value() {
        let f = Fields::new()
            .with("name", "  Béton Québec  ")
            .with("city", "   ");
        assert_eq!(f.get("name"), "Béton Québec");
        assert!(f.get("city").is_null());
        assert!(f.get("absent").is_null());
    }

    #[test]
    fn serializes_as_a_plain_ordered_object() {
        let f = Fields::new().with("b", 2).with("a", "x");
        assert_eq!(serde_json::to_string(&f).unwrap(), r#"{"a":"x","b":2}"#);
    }
}
