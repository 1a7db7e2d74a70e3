//! Employees: maestro* employees → Procore company-directory users, one way, keyed by the
//! employee code (the user's `origin_id`, also sent as its `employee_id`).
//!
//! Canonical fields: `first_name`, `last_name`, `email`, `is_active`, `is_employee`,
//! `employee_id`. maestro* keeps neither a job title nor an activity flag for an employee: an
//! employee flagged for Procore is an active employee user.

use async_trait::async_trait;
use engine::entity::{Direction, EntitySpec, Scope};
use engine::fields::Fields;
use engine::matching::MatchKeys;
use engine::plan::{ErpRecord as PlannedErp, ProcoreRecord as PlannedProcore};
use erp::{Employee, EntityStore, ErpConnector};
use procore::resources::company_users::{CompanyUser, CompanyUserFilters, CompanyUserSyncItem};
use procore::{Client, ProcoreError, SyncOutcome, TimeRange};
use serde_json::Value;

use super::Pages;
use super::{procore_text, ErpSide, ProcoreSide, SyncEntity};

pub const SPEC: EntitySpec = EntitySpec {
    name: "employees",
    direction: Direction::ErpToProcore,
    scope: Scope::Company,
    depends_on: &[],
};

/// The employee mapping.
pub struct Employees;

/// maestro* employee → canonical fields.
pub fn erp_fields(e: &Employee) -> Fields {
    Fields::new()
        .with("first_name", e.first_name.clone())
        .with("last_name", e.last_name.clone())
        .with("email", e.email.clone())
        .with("is_active", true)
        .with("is_employee", true)
        .with("employee_id", e.code.clone())
}

/// Why a maestro* employee does not go to Procore, if so.
pub fn erp_exclusion(e: &Employee) -> Option<String> {
    (!e.linked_to_procore)
        .then(|| format!("employee {}: not flagged for Procore in maestro*", e.code))
}

/// Why a flagged maestro* employee cannot become a Procore user, if so: Procore refuses a user
/// without a last name or an email address, so the employee is reported instead of sent.
pub fn erp_invalid(e: &Employee) -> Option<String> {
    let blank = |s: Option<&str>| s.is_none_or(|s| s.trim().is_empty());
    let missing: Vec<&str> = [
        ("last_name", blank(Some(&e.last_name))),
        ("email", blank(e.email.as_deref())),
    ]
    .into_iter()
    .filter_map(|(field, missing)| missing.then_some(field))
    .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "employee {} ({} {}): {}: required by Procore, empty in maestro*",
            e.code,
            e.first_name,
            e.last_name,
            missing.join(", ")
        )
    })
}

/// Procore user → canonical fields.
pub fn procore_fields(u: &CompanyUser) -> Fields {
    Fields::new()
        .with("first_name", u.first_name.clone())
        .with("last_name", u.last_name.clone())
        .with("email", u.email_address.clone())
        .with("is_active", u.is_active.unwrap_or(true))
        .with("is_employee", u.is_employee.unwrap_or(false))
        .with("employee_id", u.employee_id.clone())
}

/// A user sync item writing `fields`. `origin_id` is always the employee code, and the user is
/// always sent as the employee with that code: an item that only stamps the `origin_id` of a
/// user linked by email makes it the employee user as well.
pub fn sync_item(id: Option<u64>, origin_id: &str, fields: &Fields) -> CompanyUserSyncItem {
    let mut item = CompanyUserSyncItem {
        id,
        origin_id: Some(origin_id.to_owned()),
        is_employee: Some(true),
        employee_id: Some(origin_id.to_owned()),
        ..CompanyUserSyncItem::default()
    };
    for name in fields.names() {
        match name {
            "first_name" => item.first_name = procore_text(fields, name),
            "last_name" => item.last_name = procore_text(fields, name),
            "email" => item.email_address = procore_text(fields, name),
            "is_active" => item.is_active = Some(fields.get(name) != &Value::Bool(false)),
            _ => {}
        }
    }
    item
}

#[async_trait]
impl SyncEntity for Employees {
    type Erp = Employee;
    type Procore = CompanyUser;
    type Item = CompanyUserSyncItem;
    const SPEC: EntitySpec = SPEC;
    const LABEL: &'static str = "employee";

    fn store(erp: &dyn ErpConnector) -> &dyn EntityStore<Employee> {
        erp.employees()
    }

    fn from_erp(e: &Employee) -> ErpSide {
        ErpSide {
            planned: PlannedErp {
                key: e.code.clone(),
                fields: erp_fields(e),
                excluded: erp_exclusion(e),
            },
            // The email goes in the `number` key: the matcher compares numbers trimmed and
            // without case, which is how email addresses compare. Names are not offered: two
            // people may share one.
            keys: MatchKeys {
                origin_id: None,
                number: e.email.clone(),
                name: None,
            },
        }
    }

    fn erp_invalid(e: &Employee) -> Option<String> {
        erp_invalid(e)
    }

    fn from_procore(u: &CompanyUser) -> Result<ProcoreSide, String> {
        Ok(ProcoreSide {
            planned: PlannedProcore {
                id: u.id,
                fields: procore_fields(u),
                excluded: None,
            },
            keys: MatchKeys {
                origin_id: u.origin_id.clone(),
                number: u.email_address.clone(),
                name: None,
            },
            warnings: Vec::new(),
            link_only: false,
        })
    }

    fn procore_id(u: &CompanyUser) -> u64 {
        u.id
    }

    fn new_erp(procore_id: u64, _fields: &Fields) -> Result<Employee, String> {
        // The planner never asks for it (one way), but a user must not become an employee.
        Err(format!(
            "Procore user {procore_id}: employees are created in maestro* only"
        ))
    }

    fn apply_to_erp(e: &Employee, _changes: &Fields) -> Employee {
        // One way: Procore never writes an employee.
        e.clone()
    }

    fn procore_item(id: Option<u64>, origin_id: &str, fields: &Fields) -> CompanyUserSyncItem {
        sync_item(id, origin_id, fields)
    }

    fn pages(client: &Client, range: Option<TimeRange>) -> Pages<CompanyUser> {
        let filters = CompanyUserFilters {
            updated_at: range,
            ..CompanyUserFilters::default()
        };
        Pages::of(client.company_users().list(&filters))
    }

    async fn get(client: &Client, id: u64) -> Result<CompanyUser, ProcoreError> {
        client.company_users().get(id).await
    }

    async fn sync(
        client: &Client,
        items: Vec<CompanyUserSyncItem>,
    ) -> Result<SyncOutcome<CompanyUser>, ProcoreError> {
        client.company_users().sync(items).await
    }

    fn origin_id(u: &CompanyUser) -> Option<&str> {
        u.origin_id.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::matching::{propose, MatchedOn};
    use serde_json::json;

    fn employee() -> Employee {
        Employee {
            code: "E007".into(),
            first_name: "Marie-Ève".into(),
            last_name: "Gagnon".into(),
            email: Some("marie-eve.gagnon7@laurentide.example".into()),
            linked_to_procore: true,
        }
    }

    #[test]
    fn both_mappers_agree_and_the_user_is_the_employee() {
        let e = employee();
        let item = sync_item(None, &e.code, &erp_fields(&e));
        assert_eq!(item.is_employee, Some(true));
        assert_eq!(item.employee_id.as_deref(), Some("E007"));
        let mut echoed = serde_json::to_value(&item).unwrap();
        echoed["id"] = json!(9);
        let user: CompanyUser = serde_json::from_value(echoed).unwrap();
        assert_eq!(procore_fields(&user), erp_fields(&e));
    }

    #[test]
    fn a_missing_last_name_or_email_is_named() {
        let mut e = employee();
        assert_eq!(erp_invalid(&e), None);
        e.email = Some("  ".into());
        let message = erp_invalid(&e).unwrap();
        assert!(
            message.contains("E007") && message.contains("email"),
            "{message}"
        );
        e.last_name = String::new();
        assert!(erp_invalid(&e).unwrap().contains("last_name, email"));
    }

    #[test]
    fn emails_match_without_case() {
        let e = Employees::from_erp(&employee());
        let user: CompanyUser = serde_json::from_value(
            json!({"id": 3, "email_address": " Marie-Eve.Gagnon7@Laurentide.example "}),
        )
        .unwrap();
        let u = Employees::from_procore(&user).unwrap();
        let found = propose(&[("E007".into(), e.keys)], &[(3, u.keys)]);
        assert_eq!(found.links.len(), 1);
        assert_eq!(found.links[0].matched_on, MatchedOn::Number);
    }
}
