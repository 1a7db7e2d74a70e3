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
pub mod change_orders;
pub mod commitment_line_items;
pub mod commitments;
pub mod companies;
pub mod company_users;
pub mod cost_codes;
pub mod direct_cost_line_items;
pub mod direct_costs;
pub mod line_item_types;
pub mod me;
pub mod prime_contract_line_items;
pub mod prime_contracts;
pub mod projects;
pub mod purchase_order_contracts;
pub mod requisitions;
pub mod shared;
pub mod standard_cost_code_lists;
pub mod standard_cost_codes;
pub mod sub_jobs;
pub mod tax_codes;
pub mod uoms;
pub mod vendors;
pub mod wbs_codes;
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

    fn amount(text: &str) -> Money {
        text.parse().unwrap()
    }

    #[test]
    fn inputs_send_only_what_is_set_with_each_schema_spelling_of_amounts() {
        // The line-item schema types `amount` as a string…
        let line = commitment_line_items::CommitmentLineItemInput {
            amount: Some(amount("1234.50")),
            description: Some("Coffrage".into()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_value(&line).unwrap(),
            json!({"amount": "1234.50", "description": "Coffrage"})
        );
        // …the v1.1 budget line item schema as a number, written digit for digit.
        let budget = budget_line_items::BudgetLineItemV11Input {
            original_budget_amount: Some(amount("1000.25")),
            wbs_code_id: Some(7),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&budget).unwrap(),
            r#"{"wbs_code_id":7,"original_budget_amount":1000.25}"#
        );
        // The budget modification schema spells its transfer as a string.
        let transfer = budget_modifications::BudgetModificationInput {
            transfer_amount: Some(amount("-50.10")),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_value(&transfer).unwrap(),
            json!({"transfer_amount": "-50.10"})
        );
    }

    #[test]
    fn records_tolerate_unknown_fields_nulls_and_odd_spellings() {
        let vendor: vendors::Vendor = serde_json::from_value(json!({
            "id": "42", "name": "Béton Québec", "is_active": "true", "origin_id": null,
            "updated_at": "2026-03-01T12:00:00Z", "brand_new_field": {"x": 1}
        }))
        .unwrap();
        assert_eq!(vendor.id, 42);
        assert_eq!(vendor.is_active, Some(true));
        assert_eq!(vendor.origin_id, None);
        assert!(vendor.updated_at.is_some());
        let status: work_order_contracts::WorkOrderContractStatus =
            serde_json::from_value(json!("Closed Out")).unwrap();
        assert_eq!(
            status,
            work_order_contracts::WorkOrderContractStatus::Other("Closed Out".into())
        );
    }

    #[test]
    fn sync_items_say_whether_they_may_be_resent() {
        let update = vendors::VendorSyncItem {
            id: Some(1),
            ..Default::default()
        };
        let upsert = vendors::VendorSyncItem {
            origin_id: Some("V-1".into()),
            ..Default::default()
        };
        let create = vendors::VendorSyncItem {
            name: Some("Nouveau".into()),
            ..Default::default()
        };
        assert_eq!(update.sync_id(), Some(1));
        assert_eq!(upsert.sync_origin_id(), Some("V-1"));
        assert_eq!((create.sync_id(), create.sync_origin_id()), (None, None));
    }

    #[test]
    fn filters_use_the_parameter_names_of_their_operation() {
        use chrono::TimeZone;
        let filters = vendors::VendorFilters {
            origin_id: Some("V-1".into()),
            id: vec![1, 2],
            updated_at: Some(TimeRange::new(
                chrono::Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
                chrono::Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap(),
            )),
            ..Default::default()
        };
        let mut query = Query::new();
        filters.append_to(&mut query);
        let pairs: Vec<(&str, &str)> = query
            .pairs()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert!(pairs.contains(&("filters[origin_id]", "V-1")));
        assert!(pairs.contains(&("filters[id][]", "2")));
        assert!(pairs.contains(&(
            "filters[updated_at]",
            "2026-01-01T00:00:00Z...2026-02-01T00:00:00Z"
        )));
        // Cost codes name the same filter without brackets.
        let mut query = Query::new();
        cost_codes::CostCodeFilters {
            id: vec![5],
            ..Default::default()
        }
        .append_to(&mut query);
        assert_eq!(query.pairs(), &[("filters[id]".to_owned(), "5".to_owned())]);
    }

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
