//! Entry points for the fuzz targets (`fuzz/`): every reading of a Procore answer, from
//! arbitrary bytes. Not part of the client's API.

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::resources::*;

/// Reads `body` as a single record, as a page of records (each entry on its own) and as a sync
/// answer of `T`, the way the client reads each of them.
fn read_as<T: DeserializeOwned>(body: &[u8]) {
    let _ = crate::client::read_json::<T>(body);
    if let Ok(Some(entries)) = crate::client::read_json::<Option<Vec<Option<Box<RawValue>>>>>(body)
    {
        let (items, unreadable, listed) = crate::pagination::read_page::<T>("Fuzz", entries);
        assert!(items.len() + unreadable.len() <= listed);
        for record in &unreadable {
            let _ = record.to_string();
        }
    }
    let _ = crate::client::read_json::<crate::sync::SyncAnswer<T>>(body);
}

/// Feeds `data` to every reader of Procore answers: each record type, pages, sync answers,
/// error bodies (under each content type) and `Link` headers. Must never panic.
pub fn read_answers(data: &[u8]) {
    read_as::<billing_periods::BillingPeriod>(data);
    read_as::<budget_changes::BudgetChange>(data);
    read_as::<budget_line_items::BudgetLineItem>(data);
    read_as::<budget_modifications::BudgetModification>(data);
    read_as::<budget_view_details::BudgetDetailColumn>(data);
    read_as::<budget_view_details::BudgetDetailRow>(data);
    read_as::<budget_views::BudgetView>(data);
    read_as::<change_order_packages::ChangeOrderPackage>(data);
    read_as::<change_orders::ChangeOrder>(data);
    read_as::<commitment_line_items::CommitmentLineItem>(data);
    read_as::<commitments::Commitment>(data);
    read_as::<companies::Company>(data);
    read_as::<company_users::CompanyUser>(data);
    read_as::<cost_codes::CostCode>(data);
    read_as::<direct_cost_line_items::DirectCostLineItem>(data);
    read_as::<direct_costs::DirectCost>(data);
    read_as::<line_item_types::LineItemType>(data);
    read_as::<me::Me>(data);
    read_as::<prime_contract_line_items::PrimeContractLineItem>(data);
    read_as::<prime_contracts::PrimeContract>(data);
    read_as::<projects::Project>(data);
    read_as::<purchase_order_contracts::PurchaseOrderContract>(data);
    read_as::<requisitions::Requisition>(data);
    read_as::<standard_cost_code_lists::StandardCostCodeList>(data);
    read_as::<standard_cost_codes::StandardCostCode>(data);
    read_as::<sub_jobs::SubJob>(data);
    read_as::<tax_codes::TaxCode>(data);
    read_as::<uoms::Uom>(data);
    read_as::<vendors::Vendor>(data);
    read_as::<wbs_codes::WbsCode>(data);
    read_as::<work_order_contracts::WorkOrderContract>(data);

    for content_type in [None, Some("application/json"), Some("text/html")] {
        let _ = crate::error::parse_error_body(content_type, data);
    }
    if let Ok(error) = serde_json::from_slice::<serde_json::Value>(data) {
        let _ = crate::sync::SyncItemError::from_value(error).to_string();
    }
    let text = String::from_utf8_lossy(data);
    let _ = crate::pagination::parse_link_header(&text);
    let _ = crate::pagination::next_link(&text);
}
