//! From what each side changed, and the bindings between them, to a plan of writes. Pure: the
//! executor fetches, calls [`plan`], then carries the steps out (Procore sync actions in batches,
//! ERP writes in transactions) and records each outcome.

use std::collections::{BTreeMap, BTreeSet};

use crate::entity::{Direction, EntitySpec};
use crate::fields::Fields;
use crate::three_way::{compare_with, FieldConflict, FirstLink};

/// A maestro* record as the planner sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ErpRecord {
    pub key: String,
    pub fields: Fields,
    /// Why this record must not be synchronized, if so (not flagged for Procore, …).
    pub excluded: Option<String>,
}

/// A Procore record as the planner sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcoreRecord {
    pub id: u64,
    pub fields: Fields,
    /// Why this record must not be synchronized, if so (NOTMAESTRO keyword, invalid number, …).
    pub excluded: Option<String>,
}

/// An existing link and the values both sides last agreed on.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub erp_key: String,
    pub procore_id: u64,
    /// `None` for a link just made by onboarding: the records never agreed yet.
    pub base: Option<Fields>,
}

/// What the executor must do for one record.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Create the record in Procore (its `origin_id` is the ERP key), then bind it.
    CreateInProcore { erp_key: String, fields: Fields },
    /// Create the record in maestro*, then bind it.
    CreateInErp { procore_id: u64, fields: Fields },
    /// Write changed fields to either side. Conflicting fields are not written; they stay open
    /// until resolved, and `base` keeps their old agreed value so they are found again next run.
    Update {
        erp_key: String,
        procore_id: u64,
        to_procore: Fields,
        to_erp: Fields,
        conflicts: Vec<FieldConflict>,
        overridden: Vec<String>,
        /// The agreed values once this step is written: stored with the binding.
        base: Fields,
    },
    /// A bound record changed on neither side, or changed identically on both.
    Unchanged { erp_key: String, procore_id: u64 },
    /// A record that is not synchronized, with the reason (shown as a warning).
    Skipped {
        side: Side,
        key: String,
        reason: String,
    },
    /// A bound record whose other side is not in the snapshot and whose agreed values are unknown:
    /// the executor fetches it and plans the record again.
    FetchOther {
        erp_key: String,
        procore_id: u64,
        missing: Side,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Erp,
    Procore,
}

/// The plan for one entity (and partition), in a stable order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub steps: Vec<Step>,
}

impl Plan {
    /// Whether carrying the plan out writes anything on either side.
    pub fn writes(&self) -> bool {
        self.steps.iter().any(|s| match s {
            Step::CreateInProcore { .. } | Step::CreateInErp { .. } => true,
            Step::Update {
                to_procore, to_erp, ..
            } => to_procore.names().next().is_some() || to_erp.names().next().is_some(),
            _ => false,
        })
    }
}

/// Plans one entity. `erp` and `procore` hold the records each side changed since its cursor
/// (everything on a full sync); `bindings` every link that touches one of them. A bound record
/// present on one side only did not change on the other, whose value is therefore the agreed
/// one: no extra read is needed for it.
pub fn plan(
    spec: &EntitySpec,
    erp: Vec<ErpRecord>,
    procore: Vec<ProcoreRecord>,
    bindings: &[Bound],
) -> Plan {
    plan_with(spec, erp, procore, bindings, FirstLink::Ask)
}

/// [`plan`], with `first_link` deciding the differences of records just linked.
pub fn plan_with(
    spec: &EntitySpec,
    erp: Vec<ErpRecord>,
    procore: Vec<ProcoreRecord>,
    bindings: &[Bound],
    first_link: FirstLink,
) -> Plan {
    let mut erp: BTreeMap<String, ErpRecord> =
        erp.into_iter().map(|r| (r.key.clone(), r)).collect();
    let mut procore: BTreeMap<u64, ProcoreRecord> =
        procore.into_iter().map(|r| (r.id, r)).collect();
    let mut steps = Vec::new();
    let mut seen_bindings = BTreeSet::new();

    for bound in bindings {
        if !seen_bindings.insert((&bound.erp_key, bound.procore_id)) {
            continue;
        }
        let e = erp.remove(&bound.erp_key);
        let p = procore.remove(&bound.procore_id);
        if e.is_none() && p.is_none() {
            continue; // Neither side changed.
        }
        if let Some(reason) = e
            .as_ref()
            .and_then(|r| r.excluded.clone())
            .or_else(|| p.as_ref().and_then(|r| r.excluded.clone()))
        {
            let (side, key) = match &e {
                Some(r) if r.excluded.is_some() => (Side::Erp, r.key.clone()),
                _ => (Side::Procore, bound.procore_id.to_string()),
            };
            steps.push(Step::Skipped { side, key, reason });
            continue;
        }
        let (erp_fields, procore_fields) = match (e, p, &bound.base) {
            (Some(e), Some(p), _) => (e.fields, p.fields),
            (Some(e), None, Some(base)) => (e.fields, base.clone()),
            (None, Some(p), Some(base)) => (base.clone(), p.fields),
            // Neither side changed: handled above.
            (None, None, Some(_)) => continue,
            (e, _, None) => {
                steps.push(Step::FetchOther {
                    erp_key: bound.erp_key.clone(),
                    procore_id: bound.procore_id,
                    missing: if e.is_some() {
                        Side::Procore
                    } else {
                        Side::Erp
                    },
                });
                continue;
            }
        };
        let c = compare_with(
            spec.direction,
            bound.base.as_ref(),
            &erp_fields,
            &procore_fields,
            first_link,
        );
        if c.is_quiet() && c.overridden.is_empty() {
            // A fresh link whose two sides agree, or both sides moved to the same values (the
            // same edit made twice, or a write applied whose answer was lost): record the
            // agreement, or the next run would take the older agreed values for the side it
            // does not read and write the newer ones back over it.
            if bound.base.as_ref() != Some(&erp_fields) {
                steps.push(update(
                    bound,
                    Fields::new(),
                    Fields::new(),
                    c.conflicts,
                    c.overridden,
                    erp_fields,
                ));
            } else {
                steps.push(Step::Unchanged {
                    erp_key: bound.erp_key.clone(),
                    procore_id: bound.procore_id,
                });
            }
            continue;
        }
        // Agreed values after the write: each written field takes its new value; conflicting
        // fields keep their old agreed value so the conflict stays visible.
        let mut agreed = bound
            .base
            .clone()
            .unwrap_or_else(|| agreed_without_conflicts(&erp_fields, &c.conflicts));
        for (k, v) in erp_fields
            .iter()
            .filter(|(k, _)| procore_fields.get(k) == erp_fields.get(k))
        {
            agreed.set(k, v.clone());
        }
        agreed = agreed.merged(&c.to_procore).merged(&c.to_erp);
        steps.push(update(
            bound,
            c.to_procore,
            c.to_erp,
            c.conflicts,
            c.overridden,
            agreed,
        ));
    }

    for (key, record) in erp {
        match record.excluded {
            Some(reason) => steps.push(Step::Skipped {
                side: Side::Erp,
                key,
                reason,
            }),
            None if spec.direction.writes_procore() => steps.push(Step::CreateInProcore {
                erp_key: key,
                fields: record.fields,
            }),
            None => steps.push(Step::Skipped {
                side: Side::Erp,
                key,
                reason: format!("{} are created in maestro* from Procore only", spec.name),
            }),
        }
    }
    for (id, record) in procore {
        match record.excluded {
            Some(reason) => steps.push(Step::Skipped {
                side: Side::Procore,
                key: id.to_string(),
                reason,
            }),
            None if spec.direction.writes_erp() => steps.push(Step::CreateInErp {
                procore_id: id,
                fields: record.fields,
            }),
            None => steps.push(Step::Skipped {
                side: Side::Procore,
                key: id.to_string(),
                reason: format!("{} are created in Procore from maestro* only", spec.name),
            }),
        }
    }
    Plan { steps }
}

fn update(
    bound: &Bound,
    to_procore: Fields,
    to_erp: Fields,
    conflicts: Vec<FieldConflict>,
    overridden: Vec<String>,
    base: Fields,
) -> Step {
    Step::Update {
        erp_key: bound.erp_key.clone(),
        procore_id: bound.procore_id,
        to_procore,
        to_erp,
        conflicts,
        overridden,
        base,
    }
}

/// For a first link: the agreed values are what both sides will hold after the write, except
/// conflicting fields, which have no agreed value yet.
fn agreed_without_conflicts(erp: &Fields, conflicts: &[FieldConflict]) -> Fields {
    erp.iter()
        .filter(|(k, _)| !conflicts.iter().any(|c| c.field == *k))
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// The direction's word for a summary line.
pub fn describe(direction: Direction) -> &'static str {
    match direction {
        Direction::ErpToProcore => "maestro* → Procore",
        Direction::ProcoreToErp => "Procore → maestro*",
        Direction::Both => "maestro* ⇄ Procore",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Scope;
    use serde_json::json;

    const PROJECTS: EntitySpec = EntitySpec {
        name: "projects",
        direction: Direction::Both,
        scope: Scope::Company,
        depends_on: &[],
    };

    fn fields(name: &str, city: &str) -> Fields {
        Fields::new().with("name", name).with("city", city)
    }

    fn erp(key: &str, f: Fields) -> ErpRecord {
        ErpRecord {
            key: key.into(),
            fields: f,
            excluded: None,
        }
    }

    fn procore(id: u64, f: Fields) -> ProcoreRecord {
        ProcoreRecord {
            id,
            fields: f,
            excluded: None,
        }
    }

    #[test]
    fn unbound_records_are_created_on_the_other_side() {
        let p = plan(
            &PROJECTS,
            vec![erp("P1", fields("Tour A", "Laval"))],
            vec![procore(9, fields("Centre B", "Lévis"))],
            &[],
        );
        assert_eq!(
            p.steps,
            vec![
                Step::CreateInProcore {
                    erp_key: "P1".into(),
                    fields: fields("Tour A", "Laval")
                },
                Step::CreateInErp {
                    procore_id: 9,
                    fields: fields("Centre B", "Lévis")
                },
            ]
        );
    }

    #[test]
    fn a_change_on_one_side_is_compared_with_the_agreed_values_without_reading_the_other() {
        let base = fields("Tour A", "Laval");
        let bound = [Bound {
            erp_key: "P1".into(),
            procore_id: 9,
            base: Some(base.clone()),
        }];
        let p = plan(
            &PROJECTS,
            vec![erp("P1", fields("Tour A", "Montréal"))],
            vec![],
            &bound,
        );
        match &p.steps[..] {
            [Step::Update {
                to_procore,
                to_erp,
                base,
                conflicts,
                ..
            }] => {
                assert_eq!(to_procore, &Fields::new().with("city", "Montréal"));
                assert!(to_erp.names().next().is_none() && conflicts.is_empty());
                assert_eq!(base, &fields("Tour A", "Montréal"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn both_sides_moved_to_the_same_values_is_a_new_agreement_not_a_write() {
        let base = fields("Tour A", "Montréal");
        let moved = fields("Tour A", "Laval");
        let bound = [Bound {
            erp_key: "P1".into(),
            procore_id: 9,
            base: Some(base),
        }];
        let p = plan(
            &PROJECTS,
            vec![erp("P1", moved.clone())],
            vec![procore(9, moved.clone())],
            &bound,
        );
        match &p.steps[..] {
            [Step::Update {
                to_procore,
                to_erp,
                base,
                conflicts,
                ..
            }] => {
                assert!(to_procore.names().next().is_none() && to_erp.names().next().is_none());
                assert!(conflicts.is_empty());
                assert_eq!(base, &moved);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_record_just_written_is_not_echoed_back() {
        // After the write above, Procore reports the record changed (its updated_at moved) with
        // exactly the agreed values: nothing to do.
        let base = fields("Tour A", "Montréal");
        let bound = [Bound {
            erp_key: "P1".into(),
            procore_id: 9,
            base: Some(base.clone()),
        }];
        let p = plan(&PROJECTS, vec![], vec![procore(9, base)], &bound);
        assert_eq!(
            p.steps,
            vec![Step::Unchanged {
                erp_key: "P1".into(),
                procore_id: 9
            }]
        );
        assert!(!p.writes());
    }

    #[test]
    fn conflicting_fields_are_not_written_and_stay_open() {
        let base = fields("Tour A", "Laval");
        let bound = [Bound {
            erp_key: "P1".into(),
            procore_id: 9,
            base: Some(base),
        }];
        let p = plan(
            &PROJECTS,
            vec![erp("P1", fields("Tour A+", "Montréal"))],
            vec![procore(9, fields("Tour A", "Québec"))],
            &bound,
        );
        match &p.steps[..] {
            [Step::Update {
                to_procore,
                to_erp,
                conflicts,
                base,
                ..
            }] => {
                assert_eq!(to_procore, &Fields::new().with("name", "Tour A+"));
                assert!(to_erp.names().next().is_none());
                assert_eq!(conflicts.len(), 1);
                assert_eq!(conflicts[0].field, "city");
                assert_eq!(
                    base.get("city"),
                    &json!("Laval"),
                    "the conflict is found again"
                );
                assert_eq!(base.get("name"), &json!("Tour A+"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn excluded_records_are_skipped_with_their_reason() {
        let mut vendor = procore(7, fields("Sous-traitant X", "Laval"));
        vendor.excluded = Some("keyword NOTMAESTRO".into());
        let p = plan(&PROJECTS, vec![], vec![vendor], &[]);
        assert_eq!(
            p.steps,
            vec![Step::Skipped {
                side: Side::Procore,
                key: "7".into(),
                reason: "keyword NOTMAESTRO".into()
            }]
        );
    }

    #[test]
    fn one_way_entities_do_not_create_on_the_master_side() {
        let employees = EntitySpec {
            name: "employees",
            direction: Direction::ErpToProcore,
            ..PROJECTS
        };
        let p = plan(
            &employees,
            vec![],
            vec![procore(3, fields("Émilie", "Laval"))],
            &[],
        );
        assert!(matches!(
            &p.steps[..],
            [Step::Skipped {
                side: Side::Procore,
                ..
            }]
        ));
    }

    #[test]
    fn a_fresh_link_that_agrees_records_the_agreement_and_one_that_differs_asks_for_the_other_side()
    {
        let link = [Bound {
            erp_key: "P1".into(),
            procore_id: 9,
            base: None,
        }];
        let same = fields("Tour A", "Laval");
        let p = plan(
            &PROJECTS,
            vec![erp("P1", same.clone())],
            vec![procore(9, same.clone())],
            &link,
        );
        match &p.steps[..] {
            [Step::Update {
                to_procore,
                to_erp,
                base,
                ..
            }] => {
                assert!(to_procore.names().next().is_none() && to_erp.names().next().is_none());
                assert_eq!(base, &same);
            }
            other => panic!("{other:?}"),
        }
        let p = plan(&PROJECTS, vec![erp("P1", same)], vec![], &link);
        assert_eq!(
            p.steps,
            vec![Step::FetchOther {
                erp_key: "P1".into(),
                procore_id: 9,
                missing: Side::Procore
            }]
        );
    }
}
