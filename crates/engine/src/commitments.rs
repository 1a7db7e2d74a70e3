//! Commitments from Procore into maestro*: subcontracts (work order contracts), purchase orders
//! (purchase order contracts) and subcontract change orders. Pure mapping: which documents are
//! transferred, and the maestro* document each one becomes.
//!
//! A transferred document's maestro* number is [`erp_number`] of its Procore id, so a document
//! written again after a crash lands on the same record, never beside it; Procore's own number
//! goes into the External No., where users look for it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The maestro* number of a document received from Procore.
pub fn erp_number(procore_id: u64) -> String {
    format!("PC{procore_id}")
}

/// The maestro* number of a subcontract change order received from Procore. Change orders are
/// numbered apart: their Procore ids come from another table than the subcontracts' and may
/// equal one, and both land among maestro*'s subcontracts.
pub fn change_order_number(procore_id: u64) -> String {
    format!("PCCO{procore_id}")
}

/// Where Procore purchase orders land in maestro*: the Orders tab's company-wide choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrdersTarget {
    /// Regular purchase orders.
    #[default]
    Regular,
    /// Stock orders from catalogue (non-catalogue lines of a project order).
    Stock,
}

impl std::fmt::Display for OrdersTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OrdersTarget::Regular => "regular",
            OrdersTarget::Stock => "stock",
        })
    }
}

impl std::str::FromStr for OrdersTarget {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "regular" => Ok(OrdersTarget::Regular),
            "stock" => Ok(OrdersTarget::Stock),
            other => Err(format!(
                "{other:?} is not an orders target: choose regular or stock"
            )),
        }
    }
}

/// Which Procore statuses a document must have to be transferred. Compared without case, as
/// Procore spells commitment statuses `Approved` and change order statuses `approved`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusRule {
    pub transfer: BTreeSet<String>,
}

impl StatusRule {
    /// Approved and complete documents: what an accountant has agreed to; drafts and documents
    /// out for bid or signature wait.
    pub fn approved() -> StatusRule {
        StatusRule {
            transfer: ["approved", "complete"].map(str::to_owned).into(),
        }
    }

    /// Purchase orders once approved, through receiving to closing; drafts and orders still
    /// processing wait.
    pub fn purchase_orders() -> StatusRule {
        StatusRule {
            transfer: [
                "approved",
                "partially received",
                "received",
                "closed",
                "complete",
            ]
            .map(str::to_owned)
            .into(),
        }
    }

    fn transfers(&self, status: &str) -> bool {
        self.transfer
            .iter()
            .any(|s| s.eq_ignore_ascii_case(status.trim()))
    }
}

/// Statuses that end a document in Procore; a transferred one is then flagged, never deleted.
const VOID_STATUSES: [&str; 3] = ["void", "terminated", "rejected"];

/// What becomes of a Procore document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disposition {
    /// Written to maestro* (created or updated).
    Transfer,
    /// Transferred before and now void in Procore: kept and flagged.
    Void,
    /// Not transferred (yet): its status is not one the rule transfers.
    Wait { status: String },
}

/// Once transferred, a document follows every change of status or amount (a void one is
/// flagged); before, only the statuses of the rule bring it over.
pub fn disposition(status: &str, rule: &StatusRule, transferred: bool) -> Disposition {
    let void = VOID_STATUSES
        .iter()
        .any(|v| v.eq_ignore_ascii_case(status.trim()));
    match (void, transferred) {
        (true, true) => Disposition::Void,
        (false, true) => Disposition::Transfer,
        (_, false) if !void && rule.transfers(status) => Disposition::Transfer,
        _ => Disposition::Wait {
            status: status.to_owned(),
        },
    }
}

/// A Procore commitment (or change order) as mpsync reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcoreDocument {
    pub id: u64,
    pub number: Option<String>,
    pub title: Option<String>,
    pub status: String,
    pub vendor_id: Option<u64>,
    pub date: Option<NaiveDate>,
    pub lines: Vec<ProcoreLine>,
    /// A change order (package), numbered by [`change_order_number`].
    pub change_order: bool,
}

impl ProcoreDocument {
    /// Its maestro* number.
    pub fn erp_number(&self) -> String {
        if self.change_order {
            change_order_number(self.id)
        } else {
            erp_number(self.id)
        }
    }
}

/// A schedule-of-values line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcoreLine {
    /// Procore's id of the line: what keeps its maestro* line number from one read to the next.
    pub id: Option<u64>,
    pub description: Option<String>,
    pub cost_code_id: Option<u64>,
    pub quantity: Option<Decimal>,
    pub unit_cost: Option<Decimal>,
    pub amount: Decimal,
}

/// What the mapping needs from the other synchronized entities.
pub struct Lookups<'a> {
    /// The maestro* project the document's Procore project is bound to.
    pub project_number: &'a str,
    /// Procore vendor id → maestro* supplier code (bound suppliers).
    pub suppliers: &'a BTreeMap<u64, String>,
    /// Procore cost code id → maestro* activity code of this project (bound cost codes).
    pub activities: &'a BTreeMap<u64, String>,
    /// Procore line id → maestro* line number, as the document was last written (empty: first
    /// transfer).
    pub line_numbers: &'a BTreeMap<u64, i64>,
}

/// A maestro* document (subcontract, purchase order or stock order) with its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErpDocument {
    pub number: String,
    pub external_no: Option<String>,
    pub project_number: String,
    pub supplier_code: String,
    pub description: String,
    pub date: Option<NaiveDate>,
    pub voided: bool,
    pub lines: Vec<ErpLine>,
    /// Procore line id → maestro* line number, to keep with the binding.
    pub line_numbers: BTreeMap<u64, i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErpLine {
    pub line_no: i64,
    pub activity_code: String,
    pub description: String,
    pub quantity: Decimal,
    pub unit_price: Decimal,
    pub amount: Decimal,
}

impl ErpDocument {
    pub fn total(&self) -> Decimal {
        self.lines.iter().map(|l| l.amount).sum()
    }
}

/// maestro* descriptions hold 100 characters.
const DESCRIPTION_LEN: usize = 100;

fn cut(text: &str) -> String {
    text.trim().chars().take(DESCRIPTION_LEN).collect()
}

/// Maps a Procore document; every problem is named (the vendor, each line's cost code), so the
/// Synchronization Manager can say what to synchronize first.
pub fn map_document(
    doc: &ProcoreDocument,
    lookups: &Lookups<'_>,
    voided: bool,
) -> Result<ErpDocument, Vec<String>> {
    let mut problems = Vec::new();
    let supplier = match doc.vendor_id {
        None => {
            problems.push("vendor: the document has no vendor".to_owned());
            None
        }
        Some(v) => match lookups.suppliers.get(&v) {
            Some(code) => Some(code.clone()),
            None => {
                problems.push(format!(
                    "vendor: Procore vendor {v} is not a synchronized maestro* supplier (synchronize suppliers first)"
                ));
                None
            }
        },
    };
    // A line keeps its maestro* number while Procore keeps the line: one deleted in the middle
    // leaves a hole (zeroed by `removed_lines`), never shifts the others to other activities.
    let mut next = lookups
        .line_numbers
        .values()
        .copied()
        .max()
        .unwrap_or(0)
        .max(0);
    let mut numbers = Vec::with_capacity(doc.lines.len());
    for line in &doc.lines {
        let known = line
            .id
            .and_then(|id| lookups.line_numbers.get(&id))
            .copied();
        numbers.push(known.unwrap_or_else(|| {
            next += 1;
            next
        }));
    }
    let mut line_numbers = BTreeMap::new();
    let mut lines = Vec::with_capacity(doc.lines.len());
    for (n, line) in numbers.into_iter().zip(&doc.lines) {
        if let Some(id) = line.id {
            line_numbers.insert(id, n);
        }
        let activity = match line.cost_code_id {
            None => {
                problems.push(format!("line {n}: cost_code: the line has no cost code"));
                continue;
            }
            Some(cc) => match lookups.activities.get(&cc) {
                Some(a) => a.clone(),
                None => {
                    problems.push(format!(
                        "line {n}: cost_code: Procore cost code {cc} has no maestro* activity in project {} (non-existent cost code)",
                        lookups.project_number
                    ));
                    continue;
                }
            },
        };
        let (quantity, unit_price) = match (line.quantity, line.unit_cost) {
            (Some(q), Some(u)) if !q.is_zero() && (q * u).round_dp(2) == line.amount => (q, u),
            _ => (Decimal::ONE, line.amount),
        };
        // maestro* wants a description on every line; the activity stands in for a blank one.
        let description = match line.description.as_deref().map(str::trim) {
            Some(d) if !d.is_empty() => cut(d),
            _ => activity.clone(),
        };
        lines.push(ErpLine {
            line_no: n,
            activity_code: activity,
            description,
            quantity,
            unit_price,
            amount: line.amount,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let description = [doc.title.as_deref(), doc.number.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|t| !t.is_empty())
        .map(cut)
        .unwrap_or_else(|| format!("Procore document {}", doc.id));
    Ok(ErpDocument {
        number: doc.erp_number(),
        external_no: doc.number.clone().map(|n| n.chars().take(40).collect()),
        project_number: lookups.project_number.to_owned(),
        supplier_code: supplier.unwrap_or_default(),
        description,
        date: doc.date,
        voided,
        lines,
        line_numbers,
    })
}

const REMOVED: &str = "(removed in Procore)";

/// Lines a document had in maestro* that it has no more: Procore removed them. maestro* keeps
/// its lines, so each stands with nothing on it, and the totals agree. Written once: a line
/// already emptied comes back as it is, so the document compares equal next time.
pub fn removed_lines(previous: &[ErpLine], now: &ErpDocument) -> Vec<ErpLine> {
    let kept: std::collections::BTreeSet<i64> = now.lines.iter().map(|l| l.line_no).collect();
    previous
        .iter()
        .filter(|l| !kept.contains(&l.line_no))
        .map(|l| ErpLine {
            line_no: l.line_no,
            activity_code: l.activity_code.clone(),
            description: if l.description.starts_with(REMOVED) {
                l.description.clone()
            } else {
                cut(&format!("{REMOVED} {}", l.description))
            },
            quantity: Decimal::ZERO,
            unit_price: Decimal::ZERO,
            amount: Decimal::ZERO,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn doc(lines: Vec<ProcoreLine>) -> ProcoreDocument {
        ProcoreDocument {
            id: 42,
            number: Some("SC-007".into()),
            title: Some("Électricité".into()),
            status: "Approved".into(),
            vendor_id: Some(9),
            date: None,
            lines,
            change_order: false,
        }
    }

    fn line(cc: Option<u64>, amount: &str) -> ProcoreLine {
        ProcoreLine {
            id: None,
            description: Some("Filage".into()),
            cost_code_id: cc,
            quantity: None,
            unit_cost: None,
            amount: d(amount),
        }
    }

    #[test]
    fn statuses_decide_transfer_and_void_flags_only_transferred_documents() {
        let rule = StatusRule::approved();
        assert_eq!(disposition("Approved", &rule, false), Disposition::Transfer);
        assert_eq!(disposition("complete", &rule, false), Disposition::Transfer);
        assert!(matches!(
            disposition("Draft", &rule, false),
            Disposition::Wait { .. }
        ));
        // Once transferred, a document back in draft is still followed.
        assert_eq!(disposition("Draft", &rule, true), Disposition::Transfer);
        assert_eq!(disposition("Void", &rule, true), Disposition::Void);
        assert!(matches!(
            disposition("Void", &rule, false),
            Disposition::Wait { .. }
        ));
        assert!(matches!(
            disposition(
                "Terminated",
                &StatusRule {
                    transfer: ["terminated".to_owned()].into()
                },
                false
            ),
            Disposition::Wait { .. }
        ));
    }

    #[test]
    fn a_document_maps_with_its_lines_on_activities() {
        let suppliers = [(9, "ELEC01".to_owned())].into();
        let activities = [(5, "01-A-001-01".to_owned())].into();
        let lookups = Lookups {
            project_number: "23010",
            suppliers: &suppliers,
            activities: &activities,
            line_numbers: &BTreeMap::new(),
        };
        let mut priced = line(Some(5), "250.50");
        priced.quantity = Some(d("3"));
        priced.unit_cost = Some(d("83.50"));
        let mapped = map_document(
            &doc(vec![priced, line(Some(5), "1000.005")]),
            &lookups,
            false,
        )
        .unwrap();
        assert_eq!(mapped.number, "PC42");
        assert_eq!(mapped.external_no.as_deref(), Some("SC-007"));
        assert_eq!(mapped.supplier_code, "ELEC01");
        assert_eq!(mapped.lines[0].quantity, d("3"));
        assert_eq!(mapped.lines[0].unit_price, d("83.50"));
        // A quantity and unit cost that do not give the amount: the amount rules.
        assert_eq!(mapped.lines[1].quantity, Decimal::ONE);
        assert_eq!(mapped.total(), d("1250.505"));
    }

    #[test]
    fn every_missing_dependency_is_named() {
        let suppliers = BTreeMap::new();
        let activities = [(5, "01".to_owned())].into();
        let lookups = Lookups {
            project_number: "23010",
            suppliers: &suppliers,
            activities: &activities,
            line_numbers: &BTreeMap::new(),
        };
        let problems = map_document(
            &doc(vec![
                line(Some(5), "1"),
                line(Some(6), "2"),
                line(None, "3"),
            ]),
            &lookups,
            false,
        )
        .unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("vendor 9"), "{problems:?}");
        assert!(problems[1].starts_with("line 2: cost_code"), "{problems:?}");
        assert!(problems[1].contains("cost code 6"), "{problems:?}");
        assert!(problems[2].starts_with("line 3"), "{problems:?}");
    }

    #[test]
    fn lines_removed_in_procore_are_zeroed_not_left_standing() {
        let suppliers = [(9, "S".to_owned())].into();
        let activities = [(5, "01".to_owned())].into();
        let lookups = Lookups {
            project_number: "P",
            suppliers: &suppliers,
            activities: &activities,
            line_numbers: &BTreeMap::new(),
        };
        let before = map_document(
            &doc(vec![line(Some(5), "10"), line(Some(5), "20")]),
            &lookups,
            false,
        )
        .unwrap();
        let now = map_document(&doc(vec![line(Some(5), "10")]), &lookups, false).unwrap();
        let removed = removed_lines(&before.lines, &now);
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].line_no, 2);
        assert!(removed[0].amount.is_zero());
        assert_eq!(
            removed_lines(&removed, &now),
            removed,
            "emptied once, then as it is"
        );
    }

    #[test]
    fn a_line_deleted_in_the_middle_leaves_the_others_on_their_numbers() {
        let suppliers = [(9, "S".to_owned())].into();
        let activities = [
            (1, "A".to_owned()),
            (2, "B".to_owned()),
            (3, "C".to_owned()),
        ]
        .into();
        let with_id = |id, cc, amount| ProcoreLine {
            id: Some(id),
            ..line(Some(cc), amount)
        };
        let first = Lookups {
            project_number: "P",
            suppliers: &suppliers,
            activities: &activities,
            line_numbers: &BTreeMap::new(),
        };
        let before = map_document(
            &doc(vec![
                with_id(11, 1, "10"),
                with_id(12, 2, "20"),
                with_id(13, 3, "30"),
            ]),
            &first,
            false,
        )
        .unwrap();
        assert_eq!(before.line_numbers, [(11, 1), (12, 2), (13, 3)].into());
        let again = Lookups {
            line_numbers: &before.line_numbers,
            ..first
        };
        let now = map_document(
            &doc(vec![
                with_id(11, 1, "10"),
                with_id(13, 3, "30"),
                with_id(14, 1, "5"),
            ]),
            &again,
            false,
        )
        .unwrap();
        let placed: Vec<(i64, &str)> = now
            .lines
            .iter()
            .map(|l| (l.line_no, l.activity_code.as_str()))
            .collect();
        assert_eq!(placed, vec![(1, "A"), (3, "C"), (4, "A")]);
        let removed = removed_lines(&before.lines, &now);
        assert_eq!(removed.len(), 1);
        assert_eq!(
            (removed[0].line_no, removed[0].activity_code.as_str()),
            (2, "B")
        );
        assert!(removed[0].amount.is_zero());
    }

    #[test]
    fn orders_target_reads_and_prints() {
        assert_eq!("Stock".parse::<OrdersTarget>(), Ok(OrdersTarget::Stock));
        assert_eq!(OrdersTarget::default().to_string(), "regular");
        assert!("catalogue".parse::<OrdersTarget>().is_err());
    }
}
