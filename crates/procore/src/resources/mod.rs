//! Typed Procore resources: records as Procore answers them, inputs exactly as each operation's
//! request schema defines them, list filters, and handles that bind the scope
//! (`client.vendors()`, `client.cost_codes(project_id)`, …).
//!
//! Conventions shared by every module:
//! * records tolerate unknown fields and nulls; every field but `id` is optional;
//! * inputs omit unset fields, so an update sends only what the caller set;
//! * money fields are [`Money`] and use the JSON spelling (string or number) the operation's
//!   schema asks for;
//! * statuses are open enums: an unknown value lands in `Other(String)`.

pub mod billing_periods;
pub mod budget_changes;
pub mod budget_line_items;
pub mod budget_modifications;
pub mod budget_view_details;
pub mod budget_views;
pub mod change_order_packages;
pub mod commitment_change_orders;
pub mod commitments;
pub mod companies;
pub mod company_users;
pub mod cost_codes;
pub mod direct_cost_line_items;
pub mod direct_costs;
pub mod line_item_types;
pub mod me;
pub mod prime_change_orders;
pub mod prime_contract_line_items;
pub mod prime_contracts;
pub mod projects;
pub mod purchase_order_contract_line_items;
pub mod purchase_order_contracts;
pub mod requisitions;
pub mod standard_cost_code_lists;
pub mod standard_cost_codes;
pub mod sub_jobs;
pub mod tax_codes;
pub mod uoms;
pub mod vendors;
pub mod wbs_codes;
pub mod work_order_contract_line_items;
pub mod work_order_contracts;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub(crate) use crate::client::{Call, Client, Resend};
pub(crate) use crate::enums::open_enum;
pub(crate) use crate::error::{ErrorKind, ProcoreError};
pub(crate) use crate::money::Money;
pub(crate) use crate::pagination::Pager;
pub(crate) use crate::query::{DateRange, ListQuery, Query, TimeRange};
pub(crate) use crate::retry::create_once;
pub(crate) use crate::sync::{SyncItem, SyncOutcome, SyncShape, SyncTarget};

/// `{"data": …}`, the envelope of budget changes.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Data<T> {
    pub data: T,
}

/// A request body: the scope fields plus the input, either under `wrapper` or merged in.
pub(crate) fn body(
    scope: &[(&str, Value)],
    wrapper: Option<&str>,
    input: &impl Serialize,
) -> Result<Value, ProcoreError> {
    let encoded = serde_json::to_value(input).map_err(|e| {
        ProcoreError::new(ErrorKind::Fatal, format!("cannot encode request body: {e}"))
    })?;
    let mut map = Map::new();
    for (name, value) in scope {
        map.insert((*name).to_owned(), value.clone());
    }
    match (wrapper, encoded) {
        (Some(key), value) => {
            map.insert(key.to_owned(), value);
        }
        (None, Value::Object(fields)) => {
            for (k, v) in fields {
                map.entry(k).or_insert(v);
            }
        }
        (None, other) => {
            return Err(ProcoreError::new(
                ErrorKind::Fatal,
                format!("request body must be an object, not {other}"),
            ));
        }
    }
    Ok(Value::Object(map))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn body_wraps_or_merges() {
        let input = json!({"name": "A"});
        assert_eq!(
            body(&[("company_id", json!(5))], Some("vendor"), &input).unwrap(),
            json!({"company_id": 5, "vendor": {"name": "A"}})
        );
        assert_eq!(
            body(&[("project_id", json!(7))], None, &input).unwrap(),
            json!({"project_id": 7, "name": "A"})
        );
        assert!(body(&[], None, &json!(3)).is_err());
    }
}
