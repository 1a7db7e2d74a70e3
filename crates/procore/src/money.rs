//! Exact money amounts and their two JSON spellings.
//!
//! Procore's request schemas type amounts either as JSON strings (`"123.45"`) or as JSON numbers,
//! endpoint by endpoint, and its responses do both. Amounts are [`rust_decimal::Decimal`]
//! throughout: never `f64`, because binary floating point cannot represent cents exactly and
//! a sync that rounds differently on each run would never converge.
//!
//! * [`as_str`] / [`option_as_str`] serialize as a JSON string;
//! * [`as_number`] / [`option_as_number`] serialize as a JSON number written digit for digit
//!   (through [`serde_json::value::RawValue`], so no float conversion happens);
//! * all four deserialize from a string or a number. Integers are exact; a JSON float is read
//!   through its shortest round-trip text, which is exact for every amount with up to 15
//!   significant digits.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;
use serde::Serialize;

/// A money amount (or quantity, unit cost, rate): an exact decimal.
pub type Money = Decimal;

/// Parses the text of a decimal, accepting scientific notation (`1.5e3`).
pub fn parse_decimal(text: &str) -> Result<Decimal, rust_decimal::Error> {
    let text = text.trim();
    Decimal::from_str(text).or_else(|e| {
        if text.contains(['e', 'E']) {
            Decimal::from_scientific(text)
        } else {
            Err(e)
        }
    })
}

struct DecimalVisitor;

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal amount as a JSON string or number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_decimal(v).map_err(|e| E::custom(format!("invalid amount {v:?}: {e}")))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Decimal, E> {
        Decimal::try_from_i128_with_scale(v, 0).map_err(|_| E::custom("amount out of range"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        if !v.is_finite() {
            return Err(E::custom("amount is not a finite number"));
        }
        // `Display` for f64 prints the shortest text that reads back as the same float, so
        // 123.45 becomes "123.45" and not 123.4500000000000028421709430404007434844970703125.
        self.visit_str(&v.to_string())
    }
}

struct OptionDecimalVisitor;

impl<'de> Visitor<'de> for OptionDecimalVisitor {
    type Value = Option<Decimal>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal amount, or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(OptionDecimalVisitor)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        // An empty string is how some Procore views spell "no amount".
        if v.trim().is_empty() {
            return Ok(None);
        }
        DecimalVisitor.visit_str(v).map(Some)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        DecimalVisitor.visit_i64(v).map(Some)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        DecimalVisitor.visit_u64(v).map(Some)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        DecimalVisitor.visit_f64(v).map(Some)
    }
}

/// Deserializes an amount given as a JSON string or number.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(DecimalVisitor)
}

/// Deserializes an optional amount given as a JSON string, number or null.
pub fn deserialize_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    d.deserialize_option(OptionDecimalVisitor)
}

/// Writes an amount as JSON number text, digit for digit.
fn serialize_number<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    let raw = serde_json::value::RawValue::from_string(value.normalize().to_string())
        .map_err(serde::ser::Error::custom)?;
    raw.serialize(s)
}

/// Serialize as a JSON string (`"123.45"`); deserialize from a string or a number.
pub mod as_str {
    use super::*;

    /// Serializes as a JSON string.
    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&value.to_string())
    }

    /// Deserializes from a JSON string or number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        super::deserialize(d)
    }
}

/// Serialize as an exact JSON number (`123.45`); deserialize from a string or a number.
pub mod as_number {
    use super::*;

    /// Serializes as a JSON number without going through a float.
    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        serialize_number(value, s)
    }

    /// Deserializes from a JSON string or number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        super::deserialize(d)
    }
}

/// [`as_str`] for `Option<Money>`; `None` serializes as `null` (pair it with
/// `skip_serializing_if = "Option::is_none"` to omit the field).
pub mod option_as_str {
    use super::*;

    /// Serializes as a JSON string or null.
    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_str(&v.to_string()),
            None => s.serialize_none(),
        }
    }

    /// Deserializes from a JSON string, number or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        super::deserialize_option(d)
    }
}

/// [`as_number`] for `Option<Money>`.
pub mod option_as_number {
    use super::*;

    /// Serializes as an exact JSON number or null.
    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serialize_number(v, s),
            None => s.serialize_none(),
        }
    }

    /// Deserializes from a JSON string, number or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        super::deserialize_option(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Line {
        #[serde(with = "as_str")]
        text: Money,
        #[serde(with = "as_number")]
        number: Money,
        #[serde(
            default,
            with = "option_as_number",
            skip_serializing_if = "Option::is_none"
        )]
        maybe: Option<Money>,
    }

    fn dec(s: &str) -> Money {
        Money::from_str(s).unwrap()
    }

    #[test]
    fn serializes_both_spellings_exactly() {
        let line = Line {
            text: dec("123.45"),
            number: dec("0.10"),
            maybe: None,
        };
        assert_eq!(
            serde_json::to_string(&line).unwrap(),
            r#"{"text":"123.45","number":0.1}"#
        );
        let big = Line {
            text: dec("1"),
            number: dec("12345678901234567890.123456789"),
            maybe: Some(dec("-5")),
        };
        assert_eq!(
            serde_json::to_string(&big).unwrap(),
            r#"{"text":"1","number":12345678901234567890.123456789,"maybe":-5}"#
        );
    }

    #[test]
    fn deserializes_strings_and_numbers() {
        let line: Line =
            serde_json::from_str(r#"{"text":123.45,"number":"0.10","maybe":null}"#).unwrap();
        assert_eq!(line.text, dec("123.45"));
        assert_eq!(line.number, dec("0.10"));
        assert_eq!(line.maybe, None);
        let line: Line =
            serde_json::from_str(r#"{"text":"7","number":9007199254740993,"maybe":"1e2"}"#)
                .unwrap();
        assert_eq!(line.number, dec("9007199254740993"));
        assert_eq!(line.maybe, Some(dec("100")));
    }

    #[test]
    fn float_text_is_the_shortest_round_trip() {
        let v: Line =
            serde_json::from_str(r#"{"text":0.1,"number":1234567.89,"maybe":""}"#).unwrap();
        assert_eq!(v.text.to_string(), "0.1");
        assert_eq!(v.number.to_string(), "1234567.89");
        assert_eq!(v.maybe, None);
    }

    #[test]
    fn works_through_a_json_value() {
        let value = serde_json::json!({"text": 19.99, "number": 5, "maybe": 2.5});
        let line: Line = serde_json::from_value(value).unwrap();
        assert_eq!(line.text, dec("19.99"));
        assert_eq!(line.maybe, Some(dec("2.5")));
    }

    #[test]
    fn rejects_garbage() {
        assert!(serde_json::from_str::<Line>(r#"{"text":"abc","number":1}"#).is_err());
        assert!(serde_json::from_str::<Line>(r#"{"text":true,"number":1}"#).is_err());
    }
}
