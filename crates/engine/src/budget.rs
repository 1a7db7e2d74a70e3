//! Budgets: the original budget goes to Procore (maestro* is its master), the modifications
//! come back (Procore is theirs) into the Modification column, never the original.
//!
//! A maestro* budget line is (project, activity, cost type); a Procore budget line item sits on
//! a last-level cost code and a line item type (cost type). [`CostTypeMap`] says which Procore
//! cost type a maestro* cost type is. Everything here is pure: the executor reads the Procore
//! lines from a budget view's detail rows and writes what [`plan_original`] and
//! [`plan_modifications`] say.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// maestro* cost types → Procore cost type (line item type) codes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostTypeMap {
    /// Explicit pairs, e.g. `MO` (main-d'oeuvre) → `L` (labour).
    #[serde(default)]
    pub map: BTreeMap<String, String>,
    /// The Procore code for a maestro* cost type neither mapped nor found under its own code.
    #[serde(default)]
    pub default: Option<String>,
}

impl CostTypeMap {
    /// What a company starts with: maestro*'s labour cost type `MO` (main-d'oeuvre) is
    /// Procore's `L`; the others (`M`, `S`, `E`) have the same code on both sides.
    pub fn maestro_defaults() -> Self {
        CostTypeMap {
            map: [("MO".to_owned(), "L".to_owned())].into(),
            default: None,
        }
    }

    /// The Procore cost type code for a maestro* cost type, given the codes Procore has.
    pub fn procore_code<'a>(
        &'a self,
        erp: &'a str,
        exists: impl Fn(&str) -> bool,
    ) -> Option<&'a str> {
        if let Some(code) = self.map.get(erp) {
            return Some(code);
        }
        if exists(erp) {
            return Some(erp);
        }
        self.default.as_deref()
    }
}

/// A maestro* budget line resolved to Procore ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErpBudget {
    /// `project|activity|cost type`.
    pub key: String,
    pub cost_code_id: u64,
    pub line_item_type_id: u64,
    pub original: Decimal,
    pub modification: Decimal,
}

/// A Procore budget line item, as a detail row shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcoreLine {
    pub id: u64,
    pub cost_code_id: u64,
    pub line_item_type_id: u64,
    pub wbs_code_id: Option<u64>,
    pub original: Decimal,
    /// Approved modifications and budget changes, whichever the project uses.
    pub modifications: Decimal,
}

/// What the original budget of one line needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OriginalStep {
    Create {
        key: String,
        cost_code_id: u64,
        line_item_type_id: u64,
        amount: Decimal,
    },
    Update {
        key: String,
        id: u64,
        wbs_code_id: Option<u64>,
        from: Decimal,
        amount: Decimal,
    },
    Unchanged {
        key: String,
        id: u64,
        amount: Decimal,
    },
}

/// Plans a project's original budget: every maestro* line has one Procore line with the same
/// original amount. Procore lines maestro* never wrote are left alone (a line can be added in
/// Procore by a commitment or a cost on a new code); one it wrote (`ours`) whose maestro* line
/// is gone gets an original of zero, so the totals still agree. Two maestro* lines on the same
/// Procore code and cost type (two maestro* cost types mapped to one Procore type) are summed:
/// Procore holds one line per budget code.
pub fn plan_original(
    erp: &[ErpBudget],
    procore: &[ProcoreLine],
    ours: &std::collections::BTreeSet<u64>,
) -> Vec<OriginalStep> {
    let existing: BTreeMap<(u64, u64), &ProcoreLine> = procore
        .iter()
        .map(|l| ((l.cost_code_id, l.line_item_type_id), l))
        .collect();
    let mut wanted: BTreeMap<(u64, u64), (Vec<&str>, Decimal)> = BTreeMap::new();
    for line in erp {
        let e = wanted
            .entry((line.cost_code_id, line.line_item_type_id))
            .or_insert_with(|| (Vec::new(), Decimal::ZERO));
        e.0.push(&line.key);
        e.1 += line.original;
    }
    let mut steps: Vec<OriginalStep> = procore
        .iter()
        .filter(|l| ours.contains(&l.id) && !l.original.is_zero())
        .filter(|l| !wanted.contains_key(&(l.cost_code_id, l.line_item_type_id)))
        .map(|l| OriginalStep::Update {
            key: format!("(removed in maestro*: Procore line {})", l.id),
            id: l.id,
            wbs_code_id: l.wbs_code_id,
            from: l.original,
            amount: Decimal::ZERO,
        })
        .collect();
    steps.extend(wanted.into_iter().map(|((cc, t), (keys, amount))| {
        let key = keys.join(" + ");
        match existing.get(&(cc, t)) {
            None => OriginalStep::Create {
                key,
                cost_code_id: cc,
                line_item_type_id: t,
                amount,
            },
            Some(l) if l.original != amount => OriginalStep::Update {
                key,
                id: l.id,
                wbs_code_id: l.wbs_code_id,
                from: l.original,
                amount,
            },
            Some(l) => OriginalStep::Unchanged {
                key,
                id: l.id,
                amount,
            },
        }
    }));
    steps
}

/// What the modifications need: new Modification amounts per maestro* line, and the Procore
/// lines no maestro* line stands for (warnings, not failures).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModificationPlan {
    /// (`project|activity|cost type`, new Modification).
    pub writes: Vec<(String, Decimal)>,
    /// Lines already equal.
    pub unchanged: usize,
    /// Procore lines with modifications and no maestro* line.
    pub unmatched: Vec<ProcoreLine>,
}

/// Plans the Modification column of a project. When several maestro* lines share one Procore
/// line, the modification lands on the first (in key order), the others get zero, so the
/// project total matches Procore's to the cent.
pub fn plan_modifications(erp: &[ErpBudget], procore: &[ProcoreLine]) -> ModificationPlan {
    let mut out = ModificationPlan::default();
    let mut by_code: BTreeMap<(u64, u64), Vec<&ErpBudget>> = BTreeMap::new();
    for line in erp {
        by_code
            .entry((line.cost_code_id, line.line_item_type_id))
            .or_default()
            .push(line);
    }
    for lines in by_code.values_mut() {
        lines.sort_by(|a, b| a.key.cmp(&b.key));
    }
    let mut seen = std::collections::BTreeSet::new();
    for p in procore {
        let code = (p.cost_code_id, p.line_item_type_id);
        seen.insert(code);
        match by_code.get(&code) {
            None => {
                if !p.modifications.is_zero() {
                    out.unmatched.push(p.clone());
                }
            }
            Some(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    let wanted = if i == 0 {
                        p.modifications
                    } else {
                        Decimal::ZERO
                    };
                    if line.modification == wanted {
                        out.unchanged += 1;
                    } else {
                        out.writes.push((line.key.clone(), wanted));
                    }
                }
            }
        }
    }
    // A maestro* line whose Procore line is gone carries no modification any more.
    for (code, lines) in &by_code {
        if seen.contains(code) {
            continue;
        }
        for line in lines {
            if !line.modification.is_zero() {
                out.writes.push((line.key.clone(), Decimal::ZERO));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn erp(key: &str, cc: u64, t: u64, original: &str, modification: &str) -> ErpBudget {
        ErpBudget {
            key: key.into(),
            cost_code_id: cc,
            line_item_type_id: t,
            original: d(original),
            modification: d(modification),
        }
    }

    fn line(id: u64, cc: u64, t: u64, original: &str, modifications: &str) -> ProcoreLine {
        ProcoreLine {
            id,
            cost_code_id: cc,
            line_item_type_id: t,
            wbs_code_id: Some(id + 1000),
            original: d(original),
            modifications: d(modifications),
        }
    }

    #[test]
    fn the_cost_type_map_tries_the_pair_then_the_same_code_then_the_default() {
        let map = CostTypeMap {
            map: [("MO".to_owned(), "L".to_owned())].into(),
            default: Some("O".into()),
        };
        let procore = |c: &str| ["L", "M", "S", "E", "O"].contains(&c);
        assert_eq!(map.procore_code("MO", procore), Some("L"));
        assert_eq!(map.procore_code("M", procore), Some("M"));
        assert_eq!(map.procore_code("ZZ", procore), Some("O"));
        assert_eq!(CostTypeMap::default().procore_code("ZZ", procore), None);
    }

    #[test]
    fn original_budget_creates_updates_and_leaves_equal_lines_alone() {
        let steps = plan_original(
            &[
                erp("P|01-A|M", 1, 10, "1000.00", "0"),
                erp("P|01-B|M", 2, 10, "250.50", "0"),
                erp("P|01-C|M", 3, 10, "75", "0"),
            ],
            &[line(7, 2, 10, "250.5", "0"), line(8, 3, 10, "70", "0")],
            &Default::default(),
        );
        assert_eq!(
            steps,
            vec![
                OriginalStep::Create {
                    key: "P|01-A|M".into(),
                    cost_code_id: 1,
                    line_item_type_id: 10,
                    amount: d("1000.00"),
                },
                OriginalStep::Unchanged {
                    key: "P|01-B|M".into(),
                    id: 7,
                    amount: d("250.50"),
                },
                OriginalStep::Update {
                    key: "P|01-C|M".into(),
                    id: 8,
                    wbs_code_id: Some(1008),
                    from: d("70"),
                    amount: d("75"),
                },
            ]
        );
    }

    #[test]
    fn a_line_removed_in_maestro_is_zeroed_only_where_mpsync_wrote_it() {
        let procore = [line(7, 2, 10, "250.5", "0"), line(8, 3, 10, "70", "0")];
        let ours = [7].into_iter().collect();
        let steps = plan_original(&[], &procore, &ours);
        assert!(
            matches!(&steps[..], [OriginalStep::Update { id: 7, amount, .. }] if amount.is_zero()),
            "{steps:?}"
        );
    }

    #[test]
    fn two_cost_types_on_one_procore_type_are_one_line() {
        let steps = plan_original(
            &[
                erp("P|01|E", 1, 10, "100", "0"),
                erp("P|01|X", 1, 10, "0.01", "0"),
            ],
            &[],
            &Default::default(),
        );
        assert!(
            matches!(&steps[..], [OriginalStep::Create { amount, .. }] if *amount == d("100.01"))
        );
    }

    #[test]
    fn modifications_land_on_their_line_and_totals_match_to_the_cent() {
        let e = [
            erp("P|01|E", 1, 10, "100", "0"),
            erp("P|01|X", 1, 10, "50", "3"),
            erp("P|02|M", 2, 10, "10", "0"),
        ];
        let p = [line(7, 1, 10, "150", "12.34"), line(9, 5, 10, "0", "-2.00")];
        let plan = plan_modifications(&e, &p);
        assert_eq!(
            plan.writes,
            vec![
                ("P|01|E".to_owned(), d("12.34")),
                ("P|01|X".to_owned(), Decimal::ZERO),
            ]
        );
        assert_eq!(
            plan.unchanged, 0,
            "the line without a Procore line stays at zero, unwritten"
        );
        assert_eq!(plan.unmatched, vec![p[1].clone()]);
        let total: Decimal = plan.writes.iter().map(|(_, m)| *m).sum();
        assert_eq!(total, d("12.34"));
    }
}
