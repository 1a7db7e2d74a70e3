//! Project costs, maestro* → Procore direct costs: purchases as invoices, expenses as expenses,
//! payroll as payroll, each on its activity's last-level cost code and a cost type.
//!
//! Procore locks a direct cost written with an `origin_id`: nothing of it can change. So a cost
//! is sent once, and a later change of its amount or of where it is charged goes as a new
//! *adjusting* direct cost (`<number>~ADJ<n>`) carrying the difference; other changes stay in
//! maestro* and are reported. Pure planning: what to send for one cost, given what was sent.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Which payroll details go to Procore besides the total amount, the only one Procore needs.
/// None by default: pay rates and hours are personal data a company sends by choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayrollDetails {
    #[serde(default)]
    pub hours: bool,
    #[serde(default)]
    pub rate: bool,
    #[serde(default)]
    pub employee: bool,
    #[serde(default)]
    pub description: bool,
}

/// The Procore cost type (line item type code) of each kind of project cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectCostTypes {
    pub purchase: String,
    pub expense: String,
    pub payroll: String,
}

impl Default for ProjectCostTypes {
    fn default() -> Self {
        ProjectCostTypes {
            purchase: "M".into(),
            expense: "O".into(),
            payroll: "L".into(),
        }
    }
}

/// Procore's direct cost types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostKind {
    Invoice,
    Expense,
    Payroll,
}

impl CostKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CostKind::Invoice => "invoice",
            CostKind::Expense => "expense",
            CostKind::Payroll => "payroll",
        }
    }
}

/// A maestro* project cost with everything it refers to resolved to Procore ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedCost {
    pub number: String,
    pub kind: CostKind,
    pub date: NaiveDate,
    /// (cost code, line item type).
    pub placement: (u64, u64),
    pub vendor_id: Option<u64>,
    pub employee_id: Option<u64>,
    pub amount: Decimal,
    pub hours: Option<Decimal>,
    pub rate: Option<Decimal>,
    pub description: Option<String>,
}

/// What was sent of a cost: kept with its binding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    pub total: Decimal,
    pub placement: (u64, u64),
    pub adjustments: u32,
    /// Digest of the rest (date, vendor, employee, description, details), to tell a change
    /// that cannot reach Procore once.
    pub rest: String,
}

/// One direct cost to create, with its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDirectCost {
    pub origin_id: String,
    pub kind: CostKind,
    pub date: NaiveDate,
    pub vendor_id: Option<u64>,
    pub employee_id: Option<u64>,
    pub invoice_number: Option<String>,
    pub description: Option<String>,
    pub lines: Vec<NewCostLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCostLine {
    pub origin_id: String,
    pub placement: (u64, u64),
    pub amount: Decimal,
    pub quantity: Option<Decimal>,
    pub unit_cost: Option<Decimal>,
    pub description: Option<String>,
}

impl NewDirectCost {
    pub fn total(&self) -> Decimal {
        self.lines.iter().map(|l| l.amount).sum()
    }
}

/// What one cost needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CostStep {
    /// Never sent: the direct cost itself.
    Create(NewDirectCost),
    /// Sent, and its amount or charge changed: an adjusting cost with the difference.
    Adjust {
        cost: NewDirectCost,
        sent: Sent,
    },
    /// Sent, and only what Procore cannot change changed: reported once, kept in maestro*.
    Locked {
        sent: Sent,
    },
    Unchanged,
}

fn digest(c: &PlacedCost, details: PayrollDetails) -> String {
    crate::fields::digest_of(&[
        c.date.to_string(),
        c.vendor_id.map(|v| v.to_string()).unwrap_or_default(),
        c.employee_id.map(|v| v.to_string()).unwrap_or_default(),
        c.description.clone().unwrap_or_default(),
        c.hours
            .map(|v| v.normalize().to_string())
            .unwrap_or_default(),
        c.rate
            .map(|v| v.normalize().to_string())
            .unwrap_or_default(),
        format!("{details:?}"),
    ])
}

/// The line of a cost as sent: for payroll, only the chosen details. Hours without the rate
/// go in the description, since a quantity and a unit cost would show the rate anyway.
fn line_of(c: &PlacedCost, details: PayrollDetails, origin_id: String) -> NewCostLine {
    let mut line = NewCostLine {
        origin_id,
        placement: c.placement,
        amount: c.amount,
        quantity: None,
        unit_cost: None,
        description: c.description.clone(),
    };
    if c.kind != CostKind::Payroll {
        return line;
    }
    if !details.description {
        line.description = None;
    }
    match (details.hours, details.rate, c.hours, c.rate) {
        (true, true, Some(h), Some(r)) if (h * r).round_dp(2) == c.amount.round_dp(2) => {
            line.quantity = Some(h);
            line.unit_cost = Some(r);
        }
        (true, _, Some(h), _) => {
            let hours = format!("{} h", h.normalize());
            line.description = Some(match line.description {
                Some(d) => format!("{d} ({hours})"),
                None => hours,
            });
        }
        _ => {}
    }
    line
}

fn header(c: &PlacedCost, details: PayrollDetails, origin_id: String) -> NewDirectCost {
    let payroll = c.kind == CostKind::Payroll;
    NewDirectCost {
        origin_id,
        kind: c.kind,
        date: c.date,
        vendor_id: c.vendor_id,
        employee_id: if payroll && !details.employee {
            None
        } else {
            c.employee_id
        },
        invoice_number: (c.kind == CostKind::Invoice).then(|| c.number.clone()),
        description: if payroll && !details.description {
            None
        } else {
            c.description.clone()
        },
        lines: Vec::new(),
    }
}

/// Plans one cost against what was sent of it.
pub fn plan_cost(c: &PlacedCost, sent: Option<&Sent>, details: PayrollDetails) -> CostStep {
    let Some(sent) = sent else {
        let mut cost = header(c, details, c.number.clone());
        cost.lines
            .push(line_of(c, details, format!("{}|1", c.number)));
        return CostStep::Create(cost);
    };
    // Only a cost sent before is compared by its digest (a new one's is taken by `sent_of`).
    let rest = digest(c, details);
    if sent.total == c.amount && sent.placement == c.placement {
        if sent.rest == rest {
            return CostStep::Unchanged;
        }
        return CostStep::Locked {
            sent: Sent {
                rest,
                ..sent.clone()
            },
        };
    }
    let n = sent.adjustments + 1;
    let origin = format!("{}~ADJ{n}", c.number);
    let mut cost = header(c, details, origin.clone());
    cost.invoice_number = (c.kind == CostKind::Invoice).then(|| format!("{}~ADJ{n}", c.number));
    let reason = format!("adjusts {}", c.number);
    if sent.placement == c.placement {
        let mut line = line_of(c, details, format!("{origin}|1"));
        line.amount = c.amount - sent.total;
        line.quantity = None;
        line.unit_cost = None;
        line.description = Some(reason);
        cost.lines.push(line);
    } else {
        // Charged elsewhere now: what was sent comes off its old charge, all of it goes on the
        // new one.
        cost.lines.push(NewCostLine {
            origin_id: format!("{origin}|1"),
            placement: sent.placement,
            amount: -sent.total,
            quantity: None,
            unit_cost: None,
            description: Some(reason.clone()),
        });
        let mut line = line_of(c, details, format!("{origin}|2"));
        line.quantity = None;
        line.unit_cost = None;
        line.description = Some(reason);
        cost.lines.push(line);
    }
    CostStep::Adjust {
        cost,
        sent: Sent {
            total: c.amount,
            placement: c.placement,
            adjustments: n,
            rest,
        },
    }
}

/// What a created cost leaves in the binding.
pub fn sent_of(c: &PlacedCost, details: PayrollDetails) -> Sent {
    Sent {
        total: c.amount,
        placement: c.placement,
        adjustments: 0,
        rest: digest(c, details),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn payroll() -> PlacedCost {
        PlacedCost {
            number: "CP-1001".into(),
            kind: CostKind::Payroll,
            date: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            placement: (5, 10),
            vendor_id: None,
            employee_id: Some(77),
            amount: d("1386.00"),
            hours: Some(d("38.5")),
            rate: Some(d("36")),
            description: Some("Semaine 48".into()),
        }
    }

    #[test]
    fn payroll_sends_only_the_chosen_details() {
        let CostStep::Create(bare) = plan_cost(&payroll(), None, PayrollDetails::default()) else {
            panic!()
        };
        assert_eq!(bare.employee_id, None);
        assert_eq!(bare.description, None);
        assert_eq!(bare.lines[0].amount, d("1386.00"));
        assert_eq!(bare.lines[0].quantity, None);
        assert_eq!(bare.lines[0].description, None);
        assert_eq!(bare.invoice_number, None);

        let all = PayrollDetails {
            hours: true,
            rate: true,
            employee: true,
            description: true,
        };
        let CostStep::Create(full) = plan_cost(&payroll(), None, all) else {
            panic!()
        };
        assert_eq!(full.employee_id, Some(77));
        assert_eq!(full.lines[0].quantity, Some(d("38.5")));
        assert_eq!(full.lines[0].unit_cost, Some(d("36")));

        // Hours without the rate: in words, so the rate cannot be worked out from the line.
        let hours = PayrollDetails {
            hours: true,
            ..PayrollDetails::default()
        };
        let CostStep::Create(some) = plan_cost(&payroll(), None, hours) else {
            panic!()
        };
        assert_eq!(some.lines[0].unit_cost, None);
        assert_eq!(some.lines[0].description.as_deref(), Some("38.5 h"));
    }

    #[test]
    fn a_sent_cost_is_never_edited_changes_go_as_adjusting_costs() {
        let details = PayrollDetails::default();
        let mut cost = payroll();
        let sent = sent_of(&cost, details);
        assert_eq!(plan_cost(&cost, Some(&sent), details), CostStep::Unchanged);

        cost.amount = d("1400.10");
        let CostStep::Adjust {
            cost: adj,
            sent: next,
        } = plan_cost(&cost, Some(&sent), details)
        else {
            panic!()
        };
        assert_eq!(adj.origin_id, "CP-1001~ADJ1");
        assert_eq!(adj.total(), d("14.10"));
        assert_eq!(next.adjustments, 1);
        assert_eq!(plan_cost(&cost, Some(&next), details), CostStep::Unchanged);

        // Charged to another activity: off the old one, on the new one.
        cost.placement = (6, 10);
        let CostStep::Adjust {
            cost: moved,
            sent: after,
        } = plan_cost(&cost, Some(&next), details)
        else {
            panic!()
        };
        assert_eq!(moved.origin_id, "CP-1001~ADJ2");
        assert_eq!(moved.lines.len(), 2);
        assert_eq!(moved.lines[0].placement, (5, 10));
        assert_eq!(moved.lines[0].amount, d("-1400.10"));
        assert_eq!(moved.lines[1].placement, (6, 10));
        assert_eq!(moved.lines[1].amount, d("1400.10"));
        assert_eq!(moved.total(), Decimal::ZERO);
        assert_eq!(after.placement, (6, 10));

        // A new description cannot reach a locked cost: reported once.
        cost.description = Some("Semaine 49".into());
        let CostStep::Locked { sent: noted } = plan_cost(&cost, Some(&after), details) else {
            panic!()
        };
        assert_eq!(plan_cost(&cost, Some(&noted), details), CostStep::Unchanged);
    }

    #[test]
    fn a_purchase_is_an_invoice_numbered_by_maestro() {
        let mut cost = payroll();
        cost.kind = CostKind::Invoice;
        cost.vendor_id = Some(4);
        let CostStep::Create(invoice) = plan_cost(&cost, None, PayrollDetails::default()) else {
            panic!()
        };
        assert_eq!(invoice.invoice_number.as_deref(), Some("CP-1001"));
        assert_eq!(invoice.description.as_deref(), Some("Semaine 48"));
        assert_eq!(invoice.lines[0].origin_id, "CP-1001|1");
    }
}
