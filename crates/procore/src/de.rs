//! Tolerant readers for response fields: Procore's answers do not always match its own schema
//! (numbers as strings, ids as strings, datetimes where dates are documented, empty strings
//! for "none"). A record is better read with one odd field than not read at all.

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::{Deserializer, Error};
use serde::Deserialize;
use serde_json::Value;

fn value<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?.filter(|v| !v.is_null()))
}

/// A string, also from a number or a boolean.
pub(crate) fn string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match value(d)? {
        None => None,
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Bool(b)) => Some(b.to_string()),
        Some(other) => Some(other.to_string()),
    })
}

/// An unsigned integer, also from a numeric string.
pub(crate) fn u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    match value(d)? {
        None => Ok(None),
        Some(Value::Number(n)) => n
            .as_u64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && *f >= 0.0)
                    .map(|f| f as u64)
            })
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("expected an id, got {n}"))),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| D::Error::custom(format!("expected an id, got {s:?}"))),
        Some(other) => Err(D::Error::custom(format!("expected an id, got {other}"))),
    }
}

/// A required id, also from a numeric string.
pub(crate) fn id<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    u64(d)?.ok_or_else(|| D::Error::custom("missing id"))
}

/// A signed integer, also from a numeric string.
pub(crate) fn i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match value(d)? {
        None => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("expected an integer, got {n}"))),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| D::Error::custom(format!("expected an integer, got {s:?}"))),
        Some(other) => Err(D::Error::custom(format!(
            "expected an integer, got {other}"
        ))),
    }
}

/// A boolean, also from `"true"`/`"false"`/`0`/`1`.
pub(crate) fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match value(d)? {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(b)),
        Some(Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Ok(Some(true)),
            "false" | "0" | "no" => Ok(Some(false)),
            "" => Ok(None),
            _ => Err(D::Error::custom(format!("expected a boolean, got {s:?}"))),
        },
        Some(Value::Number(n)) => Ok(Some(n.as_f64() != Some(0.0))),
        Some(other) => Err(D::Error::custom(format!("expected a boolean, got {other}"))),
    }
}

/// A calendar date; a full timestamp is accepted and cut to its date.
pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    let Some(s) = string(d)? else { return Ok(None) };
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(Some(date));
    }
    DateTime::parse_from_rfc3339(s)
        .map(|t| Some(t.date_naive()))
        .or_else(|_| NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").map(Some))
        .map_err(|_| D::Error::custom(format!("expected a date, got {s:?}")))
}

/// A timestamp; a bare date is read as midnight UTC.
pub(crate) fn datetime<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    let Some(s) = string(d)? else { return Ok(None) };
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(Some(t.with_timezone(&Utc)));
    }
    if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        return Ok(Some(t.and_utc()));
    }
    if let Ok(t) = chrono::DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S %z") {
        return Ok(Some(t.with_timezone(&Utc)));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc()))
        .map_err(|_| D::Error::custom(format!("expected a timestamp, got {s:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct R {
        #[serde(default, deserialize_with = "string")]
        s: Option<String>,
        #[serde(default, deserialize_with = "u64")]
        id: Option<u64>,
        #[serde(default, deserialize_with = "i64")]
        n: Option<i64>,
        #[serde(default, deserialize_with = "bool")]
        b: Option<bool>,
        #[serde(default, deserialize_with = "date")]
        d: Option<NaiveDate>,
        #[serde(default, deserialize_with = "datetime")]
        t: Option<DateTime<Utc>>,
    }

    #[test]
    fn tolerant_reads() {
        let r: R = serde_json::from_str(
            r#"{"s":12,"id":"42","n":"-3","b":"true","d":"2024-05-06T10:00:00Z","t":"2024-05-06"}"#,
        )
        .unwrap();
        assert_eq!(r.s.as_deref(), Some("12"));
        assert_eq!(r.id, Some(42));
        assert_eq!(r.n, Some(-3));
        assert_eq!(r.b, Some(true));
        assert_eq!(r.d, NaiveDate::from_ymd_opt(2024, 5, 6));
        assert_eq!(r.t.unwrap().to_rfc3339(), "2024-05-06T00:00:00+00:00");
        let r: R = serde_json::from_str(
            r#"{"s":null,"id":null,"d":"","t":"2024-05-06T10:00:00.123-04:00"}"#,
        )
        .unwrap();
        assert!(r.s.is_none() && r.id.is_none() && r.d.is_none() && r.n.is_none() && r.b.is_none());
        assert_eq!(r.t.unwrap().to_rfc3339(), "2024-05-06T14:00:00.123+00:00");
        let r: R = serde_json::from_str(r#"{}"#).unwrap();
        assert!(r.t.is_none());
        assert!(serde_json::from_str::<R>(r#"{"id":"abc"}"#).is_err());
    }
}
