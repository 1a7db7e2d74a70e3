//! Arbitrary bytes as a CSV import of every entity: parsed and validated, or refused with
//! lines and columns, never a panic.

#![no_main]

use erp::csv::{parse, ImportError};
use erp::model::*;
use erp::ErpRecord;
use libfuzzer_sys::fuzz_target;

fn check<R: ErpRecord>(data: &[u8]) {
    match parse::<R, _>(data) {
        Ok(records) => {
            // What was accepted must pass the record's own rules.
            for record in &records {
                assert!(record.problems().is_empty());
            }
        }
        Err(ImportError::BadRows { errors, .. }) => {
            assert!(!errors.is_empty() && errors.len() <= 1_000);
            for error in &errors {
                let _ = error.to_string();
            }
        }
        Err(other) => {
            let _ = other.to_string();
        }
    }
}

fuzz_target!(|data: &[u8]| {
    check::<Project>(data);
    check::<Activity>(data);
    check::<BudgetLine>(data);
    check::<Supplier>(data);
    check::<Customer>(data);
    check::<Employee>(data);
    check::<BillingContract>(data);
    check::<BillingContractChangeOrder>(data);
    check::<StockOrder>(data);
    check::<StockOrderLine>(data);
    check::<PurchaseOrder>(data);
    check::<PurchaseOrderLine>(data);
    check::<Subcontract>(data);
    check::<SubcontractLine>(data);
    check::<ProjectCost>(data);
    check::<OrderInvoice>(data);
});
