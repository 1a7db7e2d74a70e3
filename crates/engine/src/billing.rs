//! The owner side, Procore → maestro*: a project's prime contract becomes its billing contract
//! (billed to the owner, who must be a synchronized customer), and the prime contract's change
//! orders become the billing contract's change orders. Pure mapping; which documents come over
//! is [`crate::commitments::disposition`], as for commitments.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::commitments::erp_number;

/// maestro* descriptions hold 100 characters.
const DESCRIPTION_LEN: usize = 100;

fn cut(text: &str) -> String {
    text.trim().chars().take(DESCRIPTION_LEN).collect()
}

fn first_text(candidates: [Option<&str>; 2], fallback: String) -> String {
    candidates
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|t| !t.is_empty())
        .map(cut)
        .unwrap_or(fallback)
}

/// A Procore prime contract as mpsync reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcorePrimeContract {
    pub id: u64,
    pub number: Option<String>,
    pub title: Option<String>,
    pub status: String,
    /// The owner/client: the contract's directory company.
    pub owner_id: Option<u64>,
    pub date: Option<NaiveDate>,
    /// The original contract sum (its schedule of values), before change orders.
    pub amount: Decimal,
}

/// A maestro* billing contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillingContract {
    pub number: String,
    pub external_no: Option<String>,
    pub project_number: String,
    pub customer_code: String,
    pub description: String,
    pub date: Option<NaiveDate>,
    pub amount: Decimal,
    pub voided: bool,
}

/// Maps a prime contract; the owner must be a bound customer (`customers`: Procore company id →
/// maestro* customer code), otherwise the problem names it.
pub fn map_prime_contract(
    pc: &ProcorePrimeContract,
    project_number: &str,
    customers: &BTreeMap<u64, String>,
    voided: bool,
) -> Result<BillingContract, String> {
    let customer = match pc.owner_id {
        None => return Err("owner: the prime contract has no owner/client company".to_owned()),
        Some(owner) => customers.get(&owner).cloned().ok_or_else(|| {
            format!(
                "owner: Procore company {owner} is not a synchronized maestro* customer (tag it MAESTROCUSTOMER in Procore, or link it to the maestro* customer)"
            )
        })?,
    };
    Ok(BillingContract {
        number: erp_number(pc.id),
        external_no: pc.number.as_ref().map(|n| n.chars().take(40).collect()),
        project_number: project_number.to_owned(),
        customer_code: customer,
        description: first_text(
            [pc.title.as_deref(), pc.number.as_deref()],
            format!("Procore prime contract {}", pc.id),
        ),
        date: pc.date,
        amount: pc.amount,
        voided,
    })
}

/// A Procore prime contract change order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcoreChangeOrder {
    pub id: u64,
    pub number: Option<String>,
    pub title: Option<String>,
    pub status: String,
    pub date: Option<NaiveDate>,
    pub amount: Decimal,
}

/// A change order of a maestro* billing contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillingChangeOrder {
    pub contract_number: String,
    pub number: String,
    pub external_no: Option<String>,
    pub description: String,
    pub date: Option<NaiveDate>,
    pub amount: Decimal,
    pub voided: bool,
}

/// Maps a change order of the billing contract `contract_number`.
pub fn map_change_order(
    co: &ProcoreChangeOrder,
    contract_number: &str,
    voided: bool,
) -> BillingChangeOrder {
    BillingChangeOrder {
        contract_number: contract_number.to_owned(),
        number: erp_number(co.id),
        external_no: co.number.as_ref().map(|n| n.chars().take(40).collect()),
        description: first_text(
            [co.title.as_deref(), co.number.as_deref()],
            format!("Procore change order {}", co.id),
        ),
        date: co.date,
        amount: co.amount,
        voided,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contract(owner: Option<u64>) -> ProcorePrimeContract {
        ProcorePrimeContract {
            id: 7,
            number: Some("PC-1".into()),
            title: Some("  ".into()),
            status: "Approved".into(),
            owner_id: owner,
            date: None,
            amount: "1250000.01".parse().unwrap(),
        }
    }

    #[test]
    fn the_owner_must_be_a_synchronized_customer() {
        let customers = [(3, "CLI001".to_owned())].into();
        let mapped = map_prime_contract(&contract(Some(3)), "23010", &customers, false).unwrap();
        assert_eq!(mapped.customer_code, "CLI001");
        assert_eq!(mapped.number, "PC7");
        assert_eq!(mapped.external_no.as_deref(), Some("PC-1"));
        // A blank title gives way to the number.
        assert_eq!(mapped.description, "PC-1");
        assert_eq!(mapped.amount, "1250000.01".parse().unwrap());
        let unknown = map_prime_contract(&contract(Some(4)), "23010", &customers, false);
        assert!(unknown.unwrap_err().contains("company 4"));
        let none = map_prime_contract(&contract(None), "23010", &customers, false);
        assert!(none.unwrap_err().starts_with("owner:"));
    }

    #[test]
    fn a_change_order_keeps_its_sign_and_its_contract() {
        let co = ProcoreChangeOrder {
            id: 9,
            number: Some("PCCO-002".into()),
            title: Some("Retrait de la mezzanine".into()),
            status: "approved".into(),
            date: None,
            amount: "-15000.50".parse().unwrap(),
        };
        let mapped = map_change_order(&co, "PC7", false);
        assert_eq!(mapped.contract_number, "PC7");
        assert_eq!(mapped.number, "PC9");
        assert_eq!(mapped.amount, "-15000.50".parse().unwrap());
    }
}
