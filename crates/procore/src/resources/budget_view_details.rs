//! Budget view columns and detail rows: one row per budget line, with the view's own columns.
//!
//! A detail row has fixed keys plus one key per visible column of the view (names differ per
//! view and company). Those extra values are kept as the exact JSON text Procore sent
//! ([`RawValue`]) instead of going through `#[serde(flatten)]` into `serde_json::Value`,
//! where numbers become `f64` and amounts lose exactness.

use std::collections::BTreeMap;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::*;

/// A column of a budget view (`id` is the key the column has in detail rows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetDetailColumn {
    /// Column key, e.g. `revised_budget` or a generated identifier.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Column title as shown in Procore.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Column type (source, formula, …).
    #[serde(
        default,
        rename = "type",
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub column_type: Option<String>,
    /// Position in the view.
    #[serde(
        default,
        deserialize_with = "crate::de::i64",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<i64>,
    /// Whether the column sums up.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub aggregatable: Option<bool>,
    /// Whether the column can be filtered.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub filterable: Option<bool>,
    /// Whether the column can be grouped.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub groupable: Option<bool>,
}

/// The forecast-to-complete cell of a detail row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetForecast {
    /// Forecast id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Effective amount.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Money>,
    /// Manually entered amount.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub manual_amount: Option<Money>,
    /// Calculated amount.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub automatic_amount: Option<Money>,
    /// Whether `amount` is the calculated one.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub automatically_calculated: Option<bool>,
    /// Forecast method.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub calculation_strategy: Option<String>,
    /// Notes.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub notes: Option<String>,
}

/// The fixed keys of a detail row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetDetailRowFields {
    /// Budget line item id; `None` for unbudgeted rows.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<u64>,
    /// Whether the line may be deleted.
    #[serde(
        default,
        deserialize_with = "crate::de::bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub deletable: Option<bool>,
    /// Company id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub company_id: Option<u64>,
    /// Project id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub project_id: Option<u64>,
    /// WBS (budget) code id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub wbs_code_id: Option<u64>,
    /// Biller (project or sub job) id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub biller_id: Option<u64>,
    /// Biller name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub biller: Option<String>,
    /// `Project` or `SubJob`.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub biller_type: Option<String>,
    /// Top-tier (division) cost code id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub root_cost_code_id: Option<u64>,
    /// Top-tier (division) cost code.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub root_cost_code: Option<String>,
    /// Cost code id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost_code_id: Option<u64>,
    /// Cost code.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost_code: Option<String>,
    /// Origin id of the cost code.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost_code_origin_id: Option<String>,
    /// Cost type (line item type) id.
    #[serde(
        default,
        deserialize_with = "crate::de::u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub category_id: Option<u64>,
    /// Cost type name.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub category: Option<String>,
    /// Original budget.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_budget_amount: Option<Money>,
    /// Sum of budget modifications.
    #[serde(
        default,
        with = "crate::money::option_as_str",
        skip_serializing_if = "Option::is_none"
    )]
    pub budget_modifications: Option<Money>,
    /// Forecast to complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_forecast: Option<BudgetForecast>,
    /// Why the row is unbudgeted.
    #[serde(
        default,
        deserialize_with = "crate::de::string",
        skip_serializing_if = "Option::is_none"
    )]
    pub unbudgeted_reason: Option<String>,
}

const FIXED_KEYS: &[&str] = &[
    "id",
    "deletable",
    "company_id",
    "project_id",
    "wbs_code_id",
    "biller_id",
    "biller",
    "biller_type",
    "root_cost_code_id",
    "root_cost_code",
    "cost_code_id",
    "cost_code",
    "cost_code_origin_id",
    "category_id",
    "category",
    "original_budget_amount",
    "budget_modifications",
    "budget_forecast",
    "unbudgeted_reason",
];

/// One row of a budget view: the fixed keys plus the view's columns, verbatim.
#[derive(Debug, Clone)]
pub struct BudgetDetailRow {
    /// The keys every view has.
    pub fields: BudgetDetailRowFields,
    /// Every other key (view columns, `company`, `project`, `currency_configuration`, …) as
    /// the exact JSON Procore sent.
    pub columns: BTreeMap<String, Box<RawValue>>,
}

impl BudgetDetailRow {
    /// The raw JSON of a column.
    pub fn column(&self, key: &str) -> Option<&RawValue> {
        self.columns.get(key).map(|v| &**v)
    }

    /// A column read as an exact amount (from a JSON string or number). `Ok(None)` when the
    /// column is absent, null or empty.
    pub fn column_amount(&self, key: &str) -> Result<Option<Money>, ProcoreError> {
        let Some(raw) = self.columns.get(key) else {
            return Ok(None);
        };
        parse_raw_amount(raw.get()).map_err(|e| {
            ProcoreError::new(
                ErrorKind::Fatal,
                format!("budget column {key:?} is not an amount: {e}"),
            )
        })
    }
}

fn parse_raw_amount(text: &str) -> Result<Option<Money>, String> {
    let text = text.trim();
    if text == "null" {
        return Ok(None);
    }
    let inner = if text.starts_with('"') {
        serde_json::from_str::<String>(text).map_err(|e| e.to_string())?
    } else {
        text.to_owned()
    };
    if inner.trim().is_empty() {
        return Ok(None);
    }
    crate::money::parse_decimal(&inner)
        .map(Some)
        .map_err(|e| e.to_string())
}

impl<'de> Deserialize<'de> for BudgetDetailRow {
    /// One pass over the row: a fixed key goes straight into its field, any other is kept as
    /// its raw text. (Collecting every key first and parsing the fixed ones again took most of
    /// the time of reading a budget.)
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RowVisitor)
    }
}

/// A key of a detail row: one of [`FIXED_KEYS`] or a column.
enum RowKey {
    Fixed(usize),
    Column(String),
}

impl<'de> Deserialize<'de> for RowKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl de::Visitor<'_> for KeyVisitor {
            type Value = RowKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a detail row key")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<RowKey, E> {
                Ok(match FIXED_KEYS.iter().position(|k| *k == key) {
                    Some(i) => RowKey::Fixed(i),
                    None => RowKey::Column(key.to_owned()),
                })
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// Fixed values read the way [`BudgetDetailRowFields`] reads them.
#[derive(Deserialize)]
#[serde(transparent)]
struct IdValue(#[serde(deserialize_with = "crate::de::u64")] Option<u64>);

#[derive(Deserialize)]
#[serde(transparent)]
struct BoolValue(#[serde(deserialize_with = "crate::de::bool")] Option<bool>);

#[derive(Deserialize)]
#[serde(transparent)]
struct TextValue(#[serde(deserialize_with = "crate::de::string")] Option<String>);

#[derive(Deserialize)]
#[serde(transparent)]
struct MoneyValue(#[serde(with = "crate::money::option_as_str")] Option<Money>);

struct RowVisitor;

impl<'de> de::Visitor<'de> for RowVisitor {
    type Value = BudgetDetailRow;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a budget detail row")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<BudgetDetailRow, A::Error> {
        let mut f = BudgetDetailRowFields::default();
        let mut columns = BTreeMap::new();
        while let Some(key) = map.next_key::<RowKey>()? {
            let i = match key {
                RowKey::Column(name) => {
                    columns.insert(name, map.next_value::<Box<RawValue>>()?);
                    continue;
                }
                RowKey::Fixed(i) => i,
            };
            // In the order of FIXED_KEYS.
            match i {
                0 => f.id = map.next_value::<IdValue>()?.0,
                1 => f.deletable = map.next_value::<BoolValue>()?.0,
                2 => f.company_id = map.next_value::<IdValue>()?.0,
                3 => f.project_id = map.next_value::<IdValue>()?.0,
                4 => f.wbs_code_id = map.next_value::<IdValue>()?.0,
                5 => f.biller_id = map.next_value::<IdValue>()?.0,
                6 => f.biller = map.next_value::<TextValue>()?.0,
                7 => f.biller_type = map.next_value::<TextValue>()?.0,
                8 => f.root_cost_code_id = map.next_value::<IdValue>()?.0,
                9 => f.root_cost_code = map.next_value::<TextValue>()?.0,
                10 => f.cost_code_id = map.next_value::<IdValue>()?.0,
                11 => f.cost_code = map.next_value::<TextValue>()?.0,
                12 => f.cost_code_origin_id = map.next_value::<TextValue>()?.0,
                13 => f.category_id = map.next_value::<IdValue>()?.0,
                14 => f.category = map.next_value::<TextValue>()?.0,
                15 => f.original_budget_amount = map.next_value::<MoneyValue>()?.0,
                16 => f.budget_modifications = map.next_value::<MoneyValue>()?.0,
                17 => f.budget_forecast = map.next_value::<Option<BudgetForecast>>()?,
                _ => f.unbudgeted_reason = map.next_value::<TextValue>()?.0,
            }
        }
        Ok(BudgetDetailRow { fields: f, columns })
    }
}

/// Query of `RestV10BudgetViewsBudgetViewIdDetailRowsGet`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BudgetDetailRowFilters {
    /// `biller[]`: billers as `id=1,type=SubJob` or `id=2,type=Project`.
    pub biller: Vec<String>,
    /// `cost_code_id[]`.
    pub cost_code_id: Vec<u64>,
    /// `cost_code_name[]`.
    pub cost_code_name: Vec<String>,
    /// `root_cost_code_id[]`.
    pub root_cost_code_id: Vec<u64>,
    /// `root_cost_code_name[]`.
    pub root_cost_code_name: Vec<String>,
    /// `category_id[]` (cost types).
    pub category_id: Vec<u64>,
    /// `budget_line_item_id[]`.
    pub budget_line_item_id: Vec<u64>,
    /// `sort`.
    pub sort: Option<String>,
    /// `budget_row_type`: `budgeted` (Procore's default), `unbudgeted` or `all`.
    pub budget_row_type: Option<String>,
}

impl ListQuery for BudgetDetailRowFilters {
    fn append_to(&self, query: &mut Query) {
        query.push_all("biller[]", &self.biller);
        query.push_all("cost_code_id[]", &self.cost_code_id);
        query.push_all("cost_code_name[]", &self.cost_code_name);
        query.push_all("root_cost_code_id[]", &self.root_cost_code_id);
        query.push_all("root_cost_code_name[]", &self.root_cost_code_name);
        query.push_all("category_id[]", &self.category_id);
        query.push_all("budget_line_item_id[]", &self.budget_line_item_id);
        query.push_opt("sort", self.sort.as_ref());
        query.push_opt("budget_row_type", self.budget_row_type.as_ref());
    }
}

/// Operations on one budget view of a project.
#[derive(Debug, Clone)]
pub struct BudgetViewDetails {
    client: Client,
    project_id: u64,
    budget_view_id: u64,
}

impl Client {
    /// Columns and rows of one budget view of a project.
    pub fn budget_view_details(&self, project_id: u64, budget_view_id: u64) -> BudgetViewDetails {
        BudgetViewDetails {
            client: self.clone(),
            project_id,
            budget_view_id,
        }
    }
}

impl BudgetViewDetails {
    /// List Budget Detail Columns: `GET /rest/v1.0/budget_views/{budget_view_id}/budget_detail_columns`
    /// (`RestV10BudgetViewsBudgetViewIdBudgetDetailColumnsGet`).
    pub async fn columns(&self) -> Result<Vec<BudgetDetailColumn>, ProcoreError> {
        let op = &crate::ops::REST_V10_BUDGET_VIEWS_BUDGET_VIEW_ID_BUDGET_DETAIL_COLUMNS_GET;
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        let columns: Option<Vec<BudgetDetailColumn>> = self
            .client
            .fetch(&Call::new(op, &[self.budget_view_id]).query(query))
            .await?;
        Ok(columns.unwrap_or_default())
    }

    /// List Budget View Detail Rows: `GET /rest/v1.0/budget_views/{budget_view_id}/detail_rows`
    /// (`RestV10BudgetViewsBudgetViewIdDetailRowsGet`).
    pub fn detail_rows(&self, filters: &BudgetDetailRowFilters) -> Pager<BudgetDetailRow> {
        let op = &crate::ops::REST_V10_BUDGET_VIEWS_BUDGET_VIEW_ID_DETAIL_ROWS_GET;
        let mut query = Query::new();
        query.push("project_id", self.project_id);
        filters.append_to(&mut query);
        Pager::new(
            self.client.clone(),
            Call::new(op, &[self.budget_view_id]).query(query),
            true,
            None,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn every_fixed_key_lands_in_its_own_field() {
        let money = |s: &str| Some(Money::from_str(s).unwrap());
        let text = |s: &str| Some(s.to_owned());
        let fields = BudgetDetailRowFields {
            id: Some(1),
            deletable: Some(true),
            company_id: Some(2),
            project_id: Some(3),
            wbs_code_id: Some(4),
            biller_id: Some(5),
            biller: text("biller"),
            biller_type: text("Project"),
            root_cost_code_id: Some(6),
            root_cost_code: text("01"),
            cost_code_id: Some(7),
            cost_code: text("01-100"),
            cost_code_origin_id: text("A-1"),
            category_id: Some(8),
            category: text("Labor"),
            original_budget_amount: money("10.01"),
            budget_modifications: money("-2.50"),
            budget_forecast: Some(BudgetForecast {
                amount: money("3.30"),
                ..Default::default()
            }),
            unbudgeted_reason: text("none"),
        };
        let mut value = serde_json::to_value(&fields).unwrap();
        assert_eq!(value.as_object().unwrap().len(), FIXED_KEYS.len());
        value["revised_budget"] = serde_json::json!("7.77");
        let row: BudgetDetailRow = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(row.fields, fields);
        assert_eq!(row.columns.keys().collect::<Vec<_>>(), ["revised_budget"]);
        // Read from text too, as pages are.
        let row: BudgetDetailRow = serde_json::from_str(&value.to_string()).unwrap();
        assert_eq!(row.fields, fields);
        assert_eq!(row.column_amount("revised_budget").unwrap(), money("7.77"));
    }

    #[test]
    fn rows_keep_fixed_fields_and_exact_columns() {
        let text = r#"[{"id":12,"cost_code":"01-100","original_budget_amount":"1000.10","budget_modifications":25.5,
            "budget_forecast":{"amount":"3.30"},"revised_budget":12345678901234.56,"committed_costs":"7.01",
            "company":{"id":1,"name":"Acme"},"note_col":null},{"id":null,"unbudgeted_reason":"Commitment"}]"#;
        let rows: Vec<BudgetDetailRow> = serde_json::from_str(text).unwrap();
        let row = &rows[0];
        assert_eq!(row.fields.id, Some(12));
        assert_eq!(
            row.fields.original_budget_amount,
            Some(Money::from_str("1000.10").unwrap())
        );
        assert_eq!(
            row.fields.budget_modifications,
            Some(Money::from_str("25.5").unwrap())
        );
        assert_eq!(
            row.fields.budget_forecast.as_ref().unwrap().amount,
            Some(Money::from_str("3.30").unwrap())
        );
        assert_eq!(
            row.column_amount("revised_budget").unwrap(),
            Some(Money::from_str("12345678901234.56").unwrap())
        );
        assert_eq!(
            row.column_amount("committed_costs").unwrap(),
            Some(Money::from_str("7.01").unwrap())
        );
        assert_eq!(row.column_amount("note_col").unwrap(), None);
        assert_eq!(row.column_amount("missing").unwrap(), None);
        assert!(row.column_amount("company").is_err());
        assert!(!row.columns.contains_key("cost_code"));
        assert_eq!(rows[1].fields.id, None);
        assert_eq!(
            rows[1].fields.unbudgeted_reason.as_deref(),
            Some("Commitment")
        );
    }
}
