//! Entity declarations and their dependency order.

use std::collections::{BTreeMap, BTreeSet};

/// Which way an entity's data flows (the arrows of the Synchronization Settings tab).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// maestro* is the master (original budget, employees, project costs, order invoices).
    ErpToProcore,
    /// Procore is the master (modified budget, prime contract, commitments, change orders).
    ProcoreToErp,
    /// Creation and edits flow both ways (projects, suppliers, customers).
    Both,
}

impl Direction {
    pub fn writes_procore(self) -> bool {
        matches!(self, Direction::ErpToProcore | Direction::Both)
    }

    pub fn writes_erp(self) -> bool {
        matches!(self, Direction::ProcoreToErp | Direction::Both)
    }
}

/// Where an entity's records live in Procore.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Company,
    Project,
}

/// One synchronized entity, declared once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySpec {
    /// Stable name, used in bindings, cursors, outcomes and the CLI (`projects`, `suppliers`).
    pub name: &'static str,
    pub direction: Direction,
    pub scope: Scope,
    /// Entities whose records this one references and which must be synchronized first.
    pub depends_on: &'static [&'static str],
}

/// The dependency graph is wrong: the engine refuses to start rather than run in a bad order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrderError {
    #[error("entity `{entity}` depends on `{missing}`, which is not declared")]
    UnknownDependency {
        entity: &'static str,
        missing: &'static str,
    },
    #[error("entity `{0}` is declared twice")]
    Duplicate(&'static str),
    #[error("the entity dependencies form a cycle through {}", .0.join(" → "))]
    Cycle(Vec<&'static str>),
}

/// Orders entities so each comes after everything it depends on; among entities free to run, the
/// declaration order is kept, so the order is stable from one run to the next.
pub fn dependency_order(specs: &[EntitySpec]) -> Result<Vec<&EntitySpec>, OrderError> {
    let mut by_name = BTreeMap::new();
    for spec in specs {
        if by_name.insert(spec.name, spec).is_some() {
            return Err(OrderError::Duplicate(spec.name));
        }
    }
    for spec in specs {
        if let Some(missing) = spec.depends_on.iter().find(|d| !by_name.contains_key(*d)) {
            return Err(OrderError::UnknownDependency {
                entity: spec.name,
                missing,
            });
        }
    }
    let mut done: BTreeSet<&str> = BTreeSet::new();
    let mut order = Vec::with_capacity(specs.len());
    while order.len() < specs.len() {
        let next = specs
            .iter()
            .find(|s| !done.contains(s.name) && s.depends_on.iter().all(|d| done.contains(d)));
        match next {
            Some(spec) => {
                done.insert(spec.name);
                order.push(spec);
            }
            None => return Err(OrderError::Cycle(find_cycle(specs, &done))),
        }
    }
    Ok(order)
}

/// One cycle among the entities not yet ordered, for the error message.
fn find_cycle(specs: &[EntitySpec], done: &BTreeSet<&str>) -> Vec<&'static str> {
    let pending: BTreeMap<&str, &EntitySpec> = specs
        .iter()
        .filter(|s| !done.contains(s.name))
        .map(|s| (s.name, s))
        .collect();
    let Some(start) = pending.values().next() else {
        return Vec::new();
    };
    // Every pending entity has a pending dependency, so walking them must revisit one.
    let mut path: Vec<&'static str> = vec![start.name];
    loop {
        let current = pending[path.last().expect("non-empty path")];
        let next = current
            .depends_on
            .iter()
            .find(|d| pending.contains_key(*d))
            .expect("a pending entity waits on a pending dependency");
        if let Some(i) = path.iter().position(|p| p == next) {
            let mut cycle = path[i..].to_vec();
            cycle.push(next);
            return cycle;
        }
        path.push(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(name: &'static str, depends_on: &'static [&'static str]) -> EntitySpec {
        EntitySpec {
            name,
            direction: Direction::Both,
            scope: Scope::Company,
            depends_on,
        }
    }

    #[test]
    fn dependencies_come_first_and_declaration_order_is_kept() {
        let specs = [
            spec("project_costs", &["projects", "suppliers", "employees"]),
            spec("projects", &["customers"]),
            spec("customers", &[]),
            spec("suppliers", &[]),
            spec("employees", &[]),
        ];
        let names: Vec<_> = dependency_order(&specs)
            .unwrap()
            .iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(
            names,
            [
                "customers",
                "projects",
                "suppliers",
                "employees",
                "project_costs"
            ]
        );
    }

    #[test]
    fn a_cycle_is_refused_and_named() {
        let specs = [spec("a", &["b"]), spec("b", &["c"]), spec("c", &["a"])];
        let err = dependency_order(&specs).unwrap_err();
        assert_eq!(err, OrderError::Cycle(vec!["a", "b", "c", "a"]));
        assert_eq!(
            err.to_string(),
            "the entity dependencies form a cycle through a → b → c → a"
        );
    }

    #[test]
    fn unknown_and_duplicate_entities_are_refused() {
        assert_eq!(
            dependency_order(&[spec("a", &["ghost"])]).unwrap_err(),
            OrderError::UnknownDependency {
                entity: "a",
                missing: "ghost"
            }
        );
        assert_eq!(
            dependency_order(&[spec("a", &[]), spec("a", &[])]).unwrap_err(),
            OrderError::Duplicate("a")
        );
    }
}
