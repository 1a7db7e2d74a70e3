//! Three-way comparison: each side against the values both sides last agreed on.
//!
//! A field changed on one side flows to the other; changed identically on both, nothing is
//! written; changed differently on both sides of a two-way entity, it is a conflict and neither
//! side is touched. For a one-way entity the master's value wins, and overwriting an edit made
//! on the other side is reported, never silent.

use serde_json::Value;

use crate::entity::Direction;
use crate::fields::Fields;

/// A field both sides changed differently since they last agreed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldConflict {
    pub field: String,
    /// The last agreed value; `null` when the two records were never in agreement (first link).
    pub base: Value,
    pub erp: Value,
    pub procore: Value,
}

/// What to write where for one bound record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Field values to write to Procore.
    pub to_procore: Fields,
    /// Field values to write to maestro*.
    pub to_erp: Fields,
    pub conflicts: Vec<FieldConflict>,
    /// Fields of a one-way entity edited on the side that is not the master, and reset to the
    /// master's value: reported as warnings.
    pub overridden: Vec<String>,
}

impl Comparison {
    pub fn is_quiet(&self) -> bool {
        self.to_procore.is_empty_of_changes()
            && self.to_erp.is_empty_of_changes()
            && self.conflicts.is_empty()
    }
}

trait ChangeSet {
    fn is_empty_of_changes(&self) -> bool;
}

impl ChangeSet for Fields {
    fn is_empty_of_changes(&self) -> bool {
        self.names().next().is_none()
    }
}

/// Which side wins where two records just linked (never in agreement) differ.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FirstLink {
    /// Each difference is a conflict for a person to settle.
    #[default]
    Ask,
    /// maestro*'s values go to Procore.
    ErpWins,
    /// Procore's values go to maestro*.
    ProcoreWins,
}

/// Compares one record's two sides with the last agreed values (`base`, `None` when the records
/// were just linked and never agreed).
pub fn compare(
    direction: Direction,
    base: Option<&Fields>,
    erp: &Fields,
    procore: &Fields,
) -> Comparison {
    compare_with(direction, base, erp, procore, FirstLink::Ask)
}

/// [`compare`], with `first_link` deciding the differences of records never in agreement (the
/// deployment's choice of a master per entity for onboarding).
pub fn compare_with(
    direction: Direction,
    base: Option<&Fields>,
    erp: &Fields,
    procore: &Fields,
    first_link: FirstLink,
) -> Comparison {
    let mut out = Comparison::default();
    let mut names: Vec<&str> = erp.names().chain(procore.names()).collect();
    if let Some(base) = base {
        names.extend(base.names());
    }
    names.sort_unstable();
    names.dedup();
    for name in names {
        let (e, p) = (erp.get(name), procore.get(name));
        if e == p {
            continue;
        }
        let b = base.map(|b| b.get(name));
        let erp_changed = b.is_none_or(|b| b != e);
        let procore_changed = b.is_none_or(|b| b != p);
        // Before the first agreement an empty side is simply filled from the other.
        let (erp_changed, procore_changed) = match (b, first_link) {
            (None, _) if p.is_null() => (true, false),
            (None, _) if e.is_null() => (false, true),
            (None, FirstLink::ErpWins) => (true, false),
            (None, FirstLink::ProcoreWins) => (false, true),
            _ => (erp_changed, procore_changed),
        };
        match (erp_changed, procore_changed, direction) {
            (true, false, d) if d.writes_procore() => {
                out.to_procore.set(name, e.clone());
            }
            (false, true, d) if d.writes_erp() => {
                out.to_erp.set(name, p.clone());
            }
            (true, true, Direction::Both) => out.conflicts.push(FieldConflict {
                field: name.to_string(),
                base: b.cloned().unwrap_or(Value::Null),
                erp: e.clone(),
                procore: p.clone(),
            }),
            // One-way entities: the master's value stands, whichever side moved.
            (_, procore_moved, Direction::ErpToProcore) => {
                out.to_procore.set(name, e.clone());
                if procore_moved && !p.is_null() {
                    out.overridden.push(name.to_string());
                }
            }
            (erp_moved, _, Direction::ProcoreToErp) => {
                out.to_erp.set(name, p.clone());
                if erp_moved && !e.is_null() {
                    out.overridden.push(name.to_string());
                }
            }
            // Unreachable combinations for a field whose sides differ (one of them changed).
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_first_link_master_settles_the_differences_instead_of_conflicts() {
        let erp = Fields::new()
            .with("name", "Béton Québec")
            .with("city", "Québec");
        let procore = Fields::new()
            .with("name", "BETON QUEBEC INC.")
            .with("city", "Québec");
        let ask = compare_with(Direction::Both, None, &erp, &procore, FirstLink::Ask);
        assert_eq!(ask.conflicts.len(), 1);
        let erp_wins = compare_with(Direction::Both, None, &erp, &procore, FirstLink::ErpWins);
        assert!(erp_wins.conflicts.is_empty());
        assert_eq!(erp_wins.to_procore.get("name"), &json!("Béton Québec"));
        let procore_wins = compare_with(
            Direction::Both,
            None,
            &erp,
            &procore,
            FirstLink::ProcoreWins,
        );
        assert_eq!(procore_wins.to_erp.get("name"), &json!("BETON QUEBEC INC."));
        // Once agreed, the policy plays no part: a later edit on both sides is a conflict.
        let base = Fields::new().with("name", "A").with("city", "Québec");
        let later = compare_with(
            Direction::Both,
            Some(&base),
            &erp,
            &procore,
            FirstLink::ErpWins,
        );
        assert_eq!(later.conflicts.len(), 1);
    }

    fn f(pairs: &[(&str, Value)]) -> Fields {
        let mut fields = Fields::new();
        for (k, v) in pairs {
            fields.set(k, v.clone());
        }
        fields
    }

    #[test]
    fn agreed_records_are_quiet() {
        let v = f(&[("name", json!("Tour A")), ("city", json!("Laval"))]);
        assert!(compare(Direction::Both, Some(&v), &v, &v).is_quiet());
    }

    #[test]
    fn an_edit_on_either_side_flows_to_the_other() {
        let base = f(&[("name", json!("Tour A")), ("city", json!("Laval"))]);
        let erp = f(&[("name", json!("Tour A")), ("city", json!("Montréal"))]);
        let procore = f(&[
            ("name", json!("Tour A — phase 1")),
            ("city", json!("Laval")),
        ]);
        let c = compare(Direction::Both, Some(&base), &erp, &procore);
        assert_eq!(c.to_procore, f(&[("city", json!("Montréal"))]));
        assert_eq!(c.to_erp, f(&[("name", json!("Tour A — phase 1"))]));
        assert!(c.conflicts.is_empty());
    }

    #[test]
    fn the_same_field_changed_differently_on_both_sides_is_a_conflict_and_nothing_is_written() {
        let base = f(&[("city", json!("Laval"))]);
        let erp = f(&[("city", json!("Montréal"))]);
        let procore = f(&[("city", json!("Québec"))]);
        let c = compare(Direction::Both, Some(&base), &erp, &procore);
        assert_eq!(
            c.conflicts,
            vec![FieldConflict {
                field: "city".into(),
                base: json!("Laval"),
                erp: json!("Montréal"),
                procore: json!("Québec"),
            }]
        );
        assert!(c.to_procore.is_empty_of_changes() && c.to_erp.is_empty_of_changes());
    }

    #[test]
    fn the_same_change_on_both_sides_converges_without_a_write() {
        let base = f(&[("city", json!("Laval"))]);
        let both = f(&[("city", json!("Montréal"))]);
        assert!(compare(Direction::Both, Some(&base), &both, &both).is_quiet());
    }

    #[test]
    fn first_link_fills_empty_fields_and_flags_real_differences() {
        let erp = f(&[("city", json!("Laval")), ("phone", json!("450-555-0101"))]);
        let procore = f(&[("city", json!("Montréal")), ("zip", json!("H2X 1Y4"))]);
        let c = compare(Direction::Both, None, &erp, &procore);
        assert_eq!(c.to_procore, f(&[("phone", json!("450-555-0101"))]));
        assert_eq!(c.to_erp, f(&[("zip", json!("H2X 1Y4"))]));
        assert_eq!(c.conflicts.len(), 1);
        assert_eq!(c.conflicts[0].field, "city");
        assert!(c.conflicts[0].base.is_null());
    }

    #[test]
    fn a_one_way_master_wins_and_the_overwritten_edit_is_reported() {
        let base = f(&[("amount", json!("100.00"))]);
        let erp = f(&[("amount", json!("120.00"))]);
        let procore = f(&[("amount", json!("90.00"))]);
        let c = compare(Direction::ErpToProcore, Some(&base), &erp, &procore);
        assert_eq!(c.to_procore, f(&[("amount", json!("120.00"))]));
        assert!(c.to_erp.is_empty_of_changes());
        assert_eq!(c.overridden, vec!["amount".to_string()]);

        let c = compare(Direction::ProcoreToErp, Some(&base), &erp, &procore);
        assert_eq!(c.to_erp, f(&[("amount", json!("90.00"))]));
        assert_eq!(c.overridden, vec!["amount".to_string()]);
    }

    #[test]
    fn a_one_way_entity_ignores_changes_it_may_not_carry() {
        // Procore moved a field of an ERP-mastered entity back to the base: ERP's value stands.
        let base = f(&[("amount", json!("100.00"))]);
        let erp = f(&[("amount", json!("100.00"))]);
        let procore = f(&[("amount", json!("90.00"))]);
        let c = compare(Direction::ErpToProcore, Some(&base), &erp, &procore);
        assert_eq!(c.to_procore, f(&[("amount", json!("100.00"))]));
        assert_eq!(c.overridden, vec!["amount".to_string()]);
    }
}
