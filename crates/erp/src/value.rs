//! Column values as the store and the CSV layer see them.
//!
//! Every record type describes itself as an ordered list of [`Column`]s and converts to and from a
//! list of [`Value`]s. The SQL of both backends and the CSV header are derived from that one
//! description, so a column added to a record appears in the table, the cursor reads and the CSV
//! files at once.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// How a column is stored and parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// UTF-8 text.
    Text,
    /// 64-bit signed integer (line numbers).
    Integer,
    /// `true`/`false` flag.
    Bool,
    /// Exact decimal amount: TEXT in SQLite, NUMERIC(19,4) in PostgreSQL.
    Decimal,
    /// Calendar date without time zone (ISO 8601, `YYYY-MM-DD`).
    Date,
}

/// One column of a record's table and CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Column name in SQL and in the CSV header; also the field name in validation errors.
    pub name: &'static str,
    /// Storage kind.
    pub kind: ColumnKind,
    /// Whether the column accepts NULL (an empty CSV cell).
    pub nullable: bool,
}

/// A column value; `None` is SQL NULL / an empty CSV cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text column.
    Text(Option<String>),
    /// Integer column.
    Integer(Option<i64>),
    /// Flag column.
    Bool(Option<bool>),
    /// Decimal column.
    Decimal(Option<Decimal>),
    /// Date column.
    Date(Option<NaiveDate>),
}

impl Value {
    /// Whether the value is NULL.
    pub fn is_null(&self) -> bool {
        matches!(
            self,
            Value::Text(None)
                | Value::Integer(None)
                | Value::Bool(None)
                | Value::Decimal(None)
                | Value::Date(None)
        )
    }

    /// Text form used in CSV files and in the SQL text columns; `None` for NULL.
    pub fn to_text(&self) -> Option<String> {
        match self {
            Value::Text(v) => v.clone(),
            Value::Integer(v) => v.map(|v| v.to_string()),
            Value::Bool(v) => v.map(|v| v.to_string()),
            Value::Decimal(v) => v.map(canonical_decimal),
            Value::Date(v) => v.map(|v| v.format("%Y-%m-%d").to_string()),
        }
    }

    /// Parses the text form of a value of `kind`; the empty string is NULL.
    pub fn parse(kind: ColumnKind, text: &str) -> Result<Value, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Value::null(kind));
        }
        Ok(match kind {
            ColumnKind::Text => Value::Text(Some(text.to_owned())),
            ColumnKind::Integer => Value::Integer(Some(
                text.parse()
                    .map_err(|_| format!("{text:?} is not an integer"))?,
            )),
            ColumnKind::Bool => Value::Bool(Some(match text.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "oui" | "o" | "y" => true,
                "false" | "0" | "no" | "non" | "n" => false,
                _ => return Err(format!("{text:?} is not true or false")),
            })),
            ColumnKind::Decimal => {
                Value::Decimal(Some(text.parse::<Decimal>().map_err(|_| {
                    format!("{text:?} is not a decimal amount (use a dot: 1234.56)")
                })?))
            }
            ColumnKind::Date => Value::Date(Some(
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map_err(|_| format!("{text:?} is not a date (YYYY-MM-DD)"))?,
            )),
        })
    }

    /// The NULL of a kind.
    pub fn null(kind: ColumnKind) -> Value {
        match kind {
            ColumnKind::Text => Value::Text(None),
            ColumnKind::Integer => Value::Integer(None),
            ColumnKind::Bool => Value::Bool(None),
            ColumnKind::Decimal => Value::Decimal(None),
            ColumnKind::Date => Value::Date(None),
        }
    }
}

/// Decimal text with exactly four decimals, the scale of NUMERIC(19,4).
///
/// SQLite compares the TEXT column byte-wise when deciding whether an upsert changed anything, so
/// `1.5` and `1.5000` must be written identically.
pub fn canonical_decimal(value: Decimal) -> String {
    let mut v = value.round_dp(4);
    v.rescale(4);
    v.to_string()
}

/// A Rust field type that maps to one column.
pub trait FieldValue: Sized {
    /// Storage kind of the column.
    const KIND: ColumnKind;
    /// Whether the column accepts NULL.
    const NULLABLE: bool;
    /// Converts the field to a value.
    fn to_value(&self) -> Value;
    /// Converts a value read from the store or a CSV cell back; the error is a reason.
    fn from_value(value: Value) -> Result<Self, String>;
}

macro_rules! field_value {
    ($ty:ty, $variant:ident, $kind:ident) => {
        impl FieldValue for $ty {
            const KIND: ColumnKind = ColumnKind::$kind;
            const NULLABLE: bool = false;
            fn to_value(&self) -> Value {
                Value::$variant(Some(self.clone()))
            }
            fn from_value(value: Value) -> Result<Self, String> {
                match value {
                    Value::$variant(Some(v)) => Ok(v),
                    Value::$variant(None) => Err("is required".to_owned()),
                    other => Err(format!("unexpected value {other:?}")),
                }
            }
        }
        impl FieldValue for Option<$ty> {
            const KIND: ColumnKind = ColumnKind::$kind;
            const NULLABLE: bool = true;
            fn to_value(&self) -> Value {
                Value::$variant(self.clone())
            }
            fn from_value(value: Value) -> Result<Self, String> {
                match value {
                    Value::$variant(v) => Ok(v),
                    other => Err(format!("unexpected value {other:?}")),
                }
            }
        }
    };
}

field_value!(String, Text, Text);
field_value!(i64, Integer, Integer);
field_value!(bool, Bool, Bool);
field_value!(Decimal, Decimal, Decimal);
field_value!(NaiveDate, Date, Date);

/// Implements [`FieldValue`] for a closed set of codes stored as text.
macro_rules! text_code {
    ($ty:ty) => {
        impl $crate::value::FieldValue for $ty {
            const KIND: $crate::value::ColumnKind = $crate::value::ColumnKind::Text;
            const NULLABLE: bool = false;
            fn to_value(&self) -> $crate::value::Value {
                $crate::value::Value::Text(Some(self.code().to_owned()))
            }
            fn from_value(value: $crate::value::Value) -> Result<Self, String> {
                match value {
                    $crate::value::Value::Text(Some(v)) => v.parse(),
                    $crate::value::Value::Text(None) => Err("is required".to_owned()),
                    other => Err(format!("unexpected value {other:?}")),
                }
            }
        }
    };
}
pub(crate) use text_code;
