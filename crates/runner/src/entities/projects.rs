//! Projects: maestro* projects ⇄ Procore projects, both ways, keyed by the maestro* project
//! number (Procore's Job Number and `origin_id`).
//!
//! Canonical fields follow the project field mapping of the maestro* documentation, named as
//! Procore names them: `project_number`, `name`, `description`, `address`, `city`, `state_code`,
//! `country_code`, `zip`, `phone`, `start_date`, `completion_date` (dates as `YYYY-MM-DD`).

use async_trait::async_trait;
use chrono::NaiveDate;
use engine::entity::{Direction, EntitySpec, Scope};
use engine::fields::Fields;
use engine::matching::MatchKeys;
use engine::plan::{ErpRecord as PlannedErp, ProcoreRecord as PlannedProcore};
use erp::{EntityStore, ErpConnector, Project};
use procore::resources::projects::{Project as ProcoreProject, ProjectFilters, ProjectSyncItem};
use procore::{Client, ProcoreError, SyncOutcome, TimeRange};

use super::Pages;
use super::{cut, procore_text, text, ErpSide, ProcoreSide, SyncEntity};

pub const SPEC: EntitySpec = EntitySpec {
    name: "projects",
    direction: Direction::Both,
    scope: Scope::Company,
    depends_on: &[],
};

/// maestro* keeps 40 characters of an address, Procore 100.
pub const ADDRESS_MAX: usize = 40;
/// maestro* project numbers: at most 10 ASCII letters, digits, `-` or `.`.
pub const NUMBER_MAX: usize = 10;

/// The project mapping.
pub struct Projects;

/// maestro* project → canonical fields.
pub fn erp_fields(p: &Project) -> Fields {
    Fields::new()
        .with("project_number", p.number.clone())
        .with("name", p.description.clone())
        .with("description", p.detailed_description.clone())
        .with("address", p.address.clone())
        .with("city", p.city.clone())
        .with("state_code", p.province.clone())
        .with("country_code", p.country.clone())
        .with("zip", p.postal_code.clone())
        .with("phone", p.phone.clone())
        .with("start_date", p.start_date.map(|d| d.to_string()))
        .with("completion_date", p.closing_date.map(|d| d.to_string()))
}

/// Why a maestro* project does not go to Procore, if so: the documented prerequisite is an
/// active project flagged for Procore.
pub fn erp_exclusion(p: &Project) -> Option<String> {
    if !p.linked_to_procore {
        Some(format!(
            "project {}: not flagged for Procore in maestro*",
            p.number
        ))
    } else if !p.active {
        Some(format!("project {}: inactive in maestro*", p.number))
    } else {
        None
    }
}

/// Whether `number` can be a maestro* project number; the reason otherwise.
pub fn check_number(number: &str) -> Result<(), String> {
    if number.is_empty() {
        return Err("is required: it becomes the maestro* project number".to_owned());
    }
    if let Some(c) = number
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
    {
        return Err(format!(
            "{number:?} contains {c:?}; a maestro* project number holds only letters, digits, '-' and '.'"
        ));
    }
    let length = number.chars().count();
    if length > NUMBER_MAX {
        return Err(format!(
            "{number:?} is {length} characters long; a maestro* project number has at most {NUMBER_MAX}"
        ));
    }
    Ok(())
}

/// Procore project → canonical fields, with the warnings of what had to be cut; an error when
/// the project cannot exist in maestro* (its number is not a valid maestro* project number).
pub fn procore_fields(p: &ProcoreProject) -> Result<(Fields, Vec<String>), String> {
    let number = p.project_number.as_deref().unwrap_or("").trim().to_owned();
    let name = p.name.as_deref().unwrap_or("").trim();
    if let Err(reason) = check_number(&number) {
        return Err(format!(
            "Procore project {} {name:?}: project_number: {reason}",
            p.id
        ));
    }
    let mut warnings = Vec::new();
    let address = cut(
        "project",
        &number,
        "address",
        p.address.clone(),
        ADDRESS_MAX,
        &mut warnings,
    );
    let fields = Fields::new()
        .with("project_number", number.clone())
        .with("name", p.name.clone())
        .with("description", p.description.clone())
        .with("address", address)
        .with("city", p.city.clone())
        .with("state_code", p.state_code.clone())
        .with("country_code", p.country_code.clone())
        .with("zip", p.zip.clone())
        .with("phone", p.phone.clone())
        .with("start_date", p.start_date.map(|d| d.to_string()))
        .with("completion_date", p.completion_date.map(|d| d.to_string()));
    Ok((fields, warnings))
}

fn date(fields: &Fields, name: &str) -> Option<NaiveDate> {
    text(fields, name).and_then(|s| s.parse().ok())
}

/// `p` with canonical `changes` written over it. The number is the key and never changes.
pub fn apply(p: &Project, changes: &Fields) -> Project {
    let mut p = p.clone();
    for name in changes.names() {
        match name {
            "name" => p.description = text(changes, name).unwrap_or_default(),
            "description" => p.detailed_description = text(changes, name),
            "address" => p.address = text(changes, name),
            "city" => p.city = text(changes, name),
            "state_code" => p.province = text(changes, name),
            "country_code" => p.country = text(changes, name),
            "zip" => p.postal_code = text(changes, name),
            "phone" => p.phone = text(changes, name),
            "start_date" => p.start_date = date(changes, name),
            "completion_date" => p.closing_date = date(changes, name),
            _ => {}
        }
    }
    p
}

/// A maestro* project for a project created in Procore: active and flagged for Procore, since
/// it now lives in both.
pub fn new_project(procore_id: u64, fields: &Fields) -> Result<Project, String> {
    let number = text(fields, "project_number").unwrap_or_default();
    check_number(&number)
        .map_err(|r| format!("Procore project {procore_id}: project_number: {r}"))?;
    let base = Project {
        number,
        parent_number: None,
        description: String::new(),
        detailed_description: None,
        address: None,
        city: None,
        province: None,
        country: None,
        postal_code: None,
        phone: None,
        start_date: None,
        closing_date: None,
        active: true,
        linked_to_procore: true,
    };
    Ok(apply(&base, fields))
}

/// A sync item writing `fields` to Procore; `origin_id` is always the maestro* number, so a
/// resent item updates the record created the first time instead of creating a second one.
pub fn sync_item(id: Option<u64>, origin_id: &str, fields: &Fields) -> ProjectSyncItem {
    let mut item = ProjectSyncItem {
        id,
        origin_id: Some(origin_id.to_owned()),
        ..ProjectSyncItem::default()
    };
    for name in fields.names() {
        match name {
            "project_number" => item.project_number = procore_text(fields, name),
            "name" => item.name = procore_text(fields, name),
            "description" => item.description = procore_text(fields, name),
            "address" => item.address = procore_text(fields, name),
            "city" => item.city = procore_text(fields, name),
            "state_code" => item.state_code = text(fields, name),
            "country_code" => item.country_code = text(fields, name),
            "zip" => item.zip = procore_text(fields, name),
            "phone" => item.phone = procore_text(fields, name),
            // A cleared date is sent as null, or Procore would keep the old one and send it
            // back as a change.
            "start_date" => item.start_date = Some(date(fields, name)),
            "completion_date" => item.completion_date = Some(date(fields, name)),
            _ => {}
        }
    }
    item
}

#[async_trait]
impl SyncEntity for Projects {
    type Erp = Project;
    type Procore = ProcoreProject;
    type Item = ProjectSyncItem;
    const SPEC: EntitySpec = SPEC;
    const LABEL: &'static str = "project";

    fn store(erp: &dyn ErpConnector) -> &dyn EntityStore<Project> {
        erp.projects()
    }

    fn from_erp(p: &Project) -> ErpSide {
        ErpSide {
            planned: PlannedErp {
                key: p.number.clone(),
                fields: erp_fields(p),
                excluded: erp_exclusion(p),
            },
            keys: MatchKeys {
                origin_id: None,
                number: Some(p.number.clone()),
                name: Some(p.description.clone()),
            },
        }
    }

    fn from_procore(p: &ProcoreProject) -> Result<ProcoreSide, String> {
        let (fields, warnings) = procore_fields(p)?;
        Ok(ProcoreSide {
            planned: PlannedProcore {
                id: p.id,
                fields,
                excluded: None,
            },
            keys: MatchKeys {
                origin_id: p.origin_id.clone(),
                number: p.project_number.clone(),
                name: p.name.clone(),
            },
            warnings,
            link_only: false,
        })
    }

    fn procore_id(p: &ProcoreProject) -> u64 {
        p.id
    }

    fn new_erp(procore_id: u64, fields: &Fields) -> Result<Project, String> {
        new_project(procore_id, fields)
    }

    fn apply_to_erp(p: &Project, changes: &Fields) -> Project {
        apply(p, changes)
    }

    fn procore_item(id: Option<u64>, origin_id: &str, fields: &Fields) -> ProjectSyncItem {
        sync_item(id, origin_id, fields)
    }

    fn pages(client: &Client, range: Option<TimeRange>) -> Pages<ProcoreProject> {
        let filters = ProjectFilters {
            // Inactive projects are still projects to keep in agreement.
            by_status: Some("All".to_owned()),
            updated_at: range,
            ..ProjectFilters::default()
        };
        Pages::of(client.projects().list(&filters))
    }

    async fn get(client: &Client, id: u64) -> Result<ProcoreProject, ProcoreError> {
        client.projects().get(id).await
    }

    async fn sync(
        client: &Client,
        items: Vec<ProjectSyncItem>,
    ) -> Result<SyncOutcome<ProcoreProject>, ProcoreError> {
        client.projects().sync(items).await
    }

    fn origin_id(p: &ProcoreProject) -> Option<&str> {
        p.origin_id.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn erp_project() -> Project {
        Project {
            number: "24017".into(),
            parent_number: None,
            description: "Tour Boréale".into(),
            detailed_description: Some("Tour de 12 étages".into()),
            address: Some("1200 boul. René-Lévesque".into()),
            city: Some("Montréal".into()),
            province: Some("QC".into()),
            country: Some("CA".into()),
            postal_code: Some("H3B 4W8".into()),
            phone: Some("514-555-0142".into()),
            start_date: NaiveDate::from_ymd_opt(2024, 4, 1),
            closing_date: NaiveDate::from_ymd_opt(2025, 10, 31),
            active: true,
            linked_to_procore: true,
        }
    }

    fn procore_project(v: serde_json::Value) -> ProcoreProject {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn both_mappers_agree_on_the_same_project() {
        let p = erp_project();
        let item = sync_item(None, &p.number, &erp_fields(&p));
        let mut echoed = serde_json::to_value(&item).unwrap();
        echoed["id"] = json!(7);
        let (fields, warnings) = procore_fields(&procore_project(echoed)).unwrap();
        assert_eq!(fields, erp_fields(&p));
        assert!(warnings.is_empty());
        assert_eq!(item.origin_id.as_deref(), Some("24017"));
        assert_eq!(apply(&p, &fields), p);
    }

    #[test]
    fn an_invalid_number_names_the_project_and_the_field() {
        let err = procore_fields(&procore_project(
            json!({"id": 5, "name": "Entrepôt", "project_number": "AB#12345678"}),
        ))
        .unwrap_err();
        assert!(err.contains("Procore project 5"), "{err}");
        assert!(err.contains("project_number"), "{err}");
        assert!(err.contains("'#'"), "{err}");
        assert!(check_number("12345678901").is_err());
        assert!(check_number("23010-01").is_ok());
    }

    #[test]
    fn a_long_address_is_cut_with_a_warning() {
        let long = "1234 chemin de la Côte-des-Neiges, bureau 1500, Montréal";
        let (fields, warnings) = procore_fields(&procore_project(
            json!({"id": 5, "name": "Entrepôt", "project_number": "24020", "address": long}),
        ))
        .unwrap();
        assert_eq!(
            fields.get("address").as_str().unwrap().chars().count(),
            ADDRESS_MAX
        );
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("project 24020: address"));
    }

    #[test]
    fn unflagged_projects_stay_out() {
        let mut p = erp_project();
        p.linked_to_procore = false;
        assert!(erp_exclusion(&p).unwrap().contains("not flagged"));
    }
}
