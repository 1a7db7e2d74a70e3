//! The seeded world: two companies sharing one user, an installed app, a service account,
//! company lookups (cost types, UOMs, tax codes, a standard cost code list), vendors, users and
//! projects with cost codes, WBS codes and a budget view. The same seed always yields the same
//! records and ids, in every environment (the monthly sandbox is a copy of production).

use serde_json::{json, Value};

use crate::config::SimConfig;
use crate::state::{timestamp, App, Kind, LoginUser, Record, World};

pub const CLIENT_ID: &str = "mpsync-sim-client-id";
pub const CLIENT_SECRET: &str = "mpsync-sim-client-secret";
/// Developer managed service account credentials (client_credentials grant).
pub const SERVICE_CLIENT_ID: &str = "mpsync-sim-dmsa-client-id";
pub const SERVICE_CLIENT_SECRET: &str = "mpsync-sim-dmsa-client-secret";
pub const USER_EMAIL: &str = "integration@laurentide.example";
pub const USER_PASSWORD: &str = "Procore-Sim-2026!";
pub const USER_NAME: &str = "Julie Tremblay";
pub const REDIRECT_URI_OOB: &str = "urn:ietf:wg:oauth:2.0:oob";
pub const REDIRECT_URI_LOOPBACK: &str = "http://127.0.0.1/callback";

/// "Construction Laurentide inc."
pub const COMPANY_ID: u64 = 1_000_010_000;
pub const COMPANY_NAME: &str = "Construction Laurentide inc.";
/// "Entreprises Outaouais ltée"
pub const SECOND_COMPANY_ID: u64 = 1_000_010_001;
pub const SECOND_COMPANY_NAME: &str = "Entreprises Outaouais ltée";
/// A company the seeded user and apps cannot access.
pub const FOREIGN_COMPANY_ID: u64 = 1_000_010_002;

/// The seeded login user (global id, as in Procore).
pub const USER_ID: u64 = 4_000_010_000;

/// The first seeded project of `COMPANY_ID` ("1001 - Centre sportif Laval").
pub const PROJECT_ID: u64 = 2_000_010_000;
/// The second project of `COMPANY_ID`.
pub const SECOND_PROJECT_ID: u64 = 2_000_010_001;
/// The project of `SECOND_COMPANY_ID`.
pub const OTHER_COMPANY_PROJECT_ID: u64 = 2_000_010_002;

/// A division (top-tier code, name) and its cost codes.
type Division = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const DIVISIONS: &[Division] = &[
    (
        "01",
        "General Requirements",
        &[("100", "Supervision"), ("500", "Temporary Facilities")],
    ),
    (
        "03",
        "Concrete",
        &[
            ("100", "Concrete Forming"),
            ("300", "Cast-in-Place Concrete"),
        ],
    ),
    ("05", "Metals", &[("100", "Structural Steel")]),
    (
        "09",
        "Finishes",
        &[("200", "Gypsum Board"), ("900", "Painting")],
    ),
];

const COST_TYPES: &[(&str, &str, &str)] = &[
    ("L", "Main-d'oeuvre", "other"),
    ("M", "Matériaux", "materials"),
    ("E", "Équipement", "equipment"),
    ("S", "Sous-traitance", "commitment"),
    ("O", "Autres", "other"),
];

/// Procore groups units of measure in categories; a new company UOM must name one.
const UOM_CATEGORIES: &[(u64, &str)] = &[
    (1, "Quantity"),
    (2, "Time"),
    (3, "Length"),
    (4, "Area"),
    (5, "Volume"),
    (6, "Weight"),
];

const UOMS: &[(&str, &str, u64)] = &[
    ("ea", "Each", 1),
    ("hr", "Hour", 2),
    ("day", "Day", 2),
    ("m", "Metre", 3),
    ("m2", "Square metre", 4),
    ("m3", "Cubic metre", 5),
    ("kg", "Kilogram", 6),
    ("t", "Tonne", 6),
    ("ls", "Lump sum", 1),
];

struct Seeder<'a> {
    world: &'a mut World,
    now: String,
}

impl Seeder<'_> {
    fn add(
        &mut self,
        kind: Kind,
        company_id: u64,
        project_id: Option<u64>,
        parent_id: Option<u64>,
        data: Value,
    ) -> u64 {
        let id = self.world.allocate_id(kind);
        let mut data = match data {
            Value::Object(m) => m,
            _ => Default::default(),
        };
        data.insert("id".into(), json!(id));
        data.entry("created_at").or_insert_with(|| json!(self.now));
        data.entry("updated_at").or_insert_with(|| json!(self.now));
        self.world.insert(Record {
            kind,
            id,
            company_id,
            project_id,
            parent_id,
            deleted_at: None,
            data: data.into(),
        });
        id
    }
}

/// Builds the seeded world.
pub fn world(config: &SimConfig) -> World {
    let mut world = World::empty();
    let now = timestamp(chrono::Utc::now() + config.clock_offset);
    let mut s = Seeder {
        world: &mut world,
        now,
    };

    for (name, mine) in [
        (COMPANY_NAME, true),
        (SECOND_COMPANY_NAME, false),
        ("Aciers Nordiques inc.", false),
    ] {
        s.add(Kind::Company, 0, None, None, json!({"name": name, "is_active": true, "my_company": mine, "pcn_business_experience": false, "logo_url": null}));
    }
    for company in [COMPANY_ID, SECOND_COMPANY_ID, FOREIGN_COMPANY_ID] {
        s.world
            .update(Kind::Company, company, |c| c.company_id = company);
    }

    let mut redirect_uris = vec![
        REDIRECT_URI_OOB.to_owned(),
        REDIRECT_URI_LOOPBACK.to_owned(),
        "http://localhost/callback".to_owned(),
    ];
    redirect_uris.extend(config.redirect_uris.iter().cloned());
    s.world.auth.apps = vec![
        App {
            name: "maestro* ERP connector".into(),
            client_id: config.client_id.clone().unwrap_or_else(|| CLIENT_ID.into()),
            client_secret: config
                .client_secret
                .clone()
                .unwrap_or_else(|| CLIENT_SECRET.into()),
            redirect_uris,
            service_account: false,
            companies: vec![COMPANY_ID, SECOND_COMPANY_ID],
        },
        App {
            name: "maestro* ERP service account".into(),
            client_id: SERVICE_CLIENT_ID.into(),
            client_secret: SERVICE_CLIENT_SECRET.into(),
            redirect_uris: Vec::new(),
            service_account: true,
            companies: vec![COMPANY_ID, SECOND_COMPANY_ID],
        },
    ];

    // The login user is the first company user of the first company (ids are global).
    let user_id = s.add(Kind::CompanyUser, COMPANY_ID, None, None, json!({
        "name": USER_NAME, "first_name": "Julie", "last_name": "Tremblay", "email_address": USER_EMAIL,
        "job_title": "Contrôleuse", "is_active": true, "is_employee": true, "employee_id": "E-0001",
        "country_code": "CA", "state_code": "QC", "city": "Laval", "notes": null, "origin_id": null
    }));
    s.world.auth.users = vec![LoginUser {
        id: user_id,
        email: USER_EMAIL.into(),
        password: USER_PASSWORD.into(),
        name: USER_NAME.into(),
        companies: vec![COMPANY_ID, SECOND_COMPANY_ID],
    }];

    // Projects first so their ids are the documented constants.
    let projects = [
        (COMPANY_ID, "1001", "Centre sportif Laval", "Laval", "QC"),
        (COMPANY_ID, "1002", "Résidence Sainte-Foy", "Québec", "QC"),
        (
            SECOND_COMPANY_ID,
            "2001",
            "Pont de Gatineau",
            "Gatineau",
            "QC",
        ),
    ];
    let mut project_ids = Vec::new();
    for (company, number, name, city, state) in projects {
        let id = s.add(Kind::Project, company, None, None, json!({
            "name": name, "project_number": number, "display_name": format!("{number} - {name}"),
            "active": true, "city": city, "state_code": state, "country_code": "CA", "time_zone": "America/Montreal",
            "tz_name": "America/Montreal", "is_demo": false, "template": false, "origin_id": null,
            "total_value": "0.0", "locale": "fr-CA"
        }));
        project_ids.push((company, id));
    }

    for company in [COMPANY_ID, SECOND_COMPANY_ID] {
        let settings = s.world.company_settings_mut(company);
        settings.auto_add_projects = true;
        // Companies created today start on budget changes; the second company stays on the
        // legacy budget modifications so both behaviours are reachable.
        settings.budget_changes = company == COMPANY_ID;
        for (c, p) in &project_ids {
            if *c == company {
                settings.permitted_projects.insert(*p);
            }
        }
    }

    for company in [COMPANY_ID, SECOND_COMPANY_ID] {
        for (code, name, category) in UOMS {
            let category_name = UOM_CATEGORIES
                .iter()
                .find(|(id, _)| id == category)
                .map(|(_, n)| *n);
            s.add(Kind::Uom, company, None, None, json!({"name": code, "description": name, "is_standard": true, "uom_category": {"id": category, "name": category_name}}));
        }
        for (code, desc, rate) in [
            ("TPS", "Taxe sur les produits et services", "5.0"),
            ("TVQ", "Taxe de vente du Québec", "9.975"),
        ] {
            s.add(Kind::TaxCode, company, None, None, json!({"code": code, "description": desc, "rate1": rate, "archived": false, "default_tax_code": code == "TPS", "origin_id": null}));
        }
        let mut type_ids = Vec::new();
        for (code, name, base) in COST_TYPES {
            type_ids.push(s.add(Kind::LineItemType, company, None, None, json!({"name": name, "code": code, "base_type": base, "origin_id": null, "origin_data": null})));
        }
        let list = s.add(Kind::StandardCostCodeList, company, None, None, json!({"name": "Standard Cost Code List", "is_erp_list": false, "available_to_use_on_new_projects": true}));
        let mut standard = Vec::new();
        for (div, div_name, codes) in DIVISIONS {
            let div_id = s.add(Kind::StandardCostCode, company, None, Some(list), json!({"standard_cost_code_list_id": list, "parent_id": null, "code": div, "full_code": div, "name": div_name, "origin_id": null}));
            let mut children = Vec::new();
            for (code, name) in codes.iter() {
                let full = format!("{div}-{code}");
                let id = s.add(Kind::StandardCostCode, company, None, Some(list), json!({"standard_cost_code_list_id": list, "parent_id": div_id, "code": code, "full_code": full, "name": name, "origin_id": null}));
                children.push((id, *code, *name));
            }
            standard.push((div_id, *div, *div_name, children));
        }

        for (vendor_name, city, abbrev) in [
            ("Béton Provincial ltée", "Montréal", "BPL"),
            ("Électricité Boréale inc.", "Laval", "EBI"),
        ] {
            s.add(Kind::Vendor, company, None, None, json!({
                "name": vendor_name, "abbreviated_name": abbrev, "city": city, "state_code": "QC", "country_code": "CA",
                "is_active": true, "notes": null, "origin_id": null, "origin_code": null, "origin_data": null,
                "business_phone": "514-555-0100", "email_address": null, "synced_to_erp": false
            }));
        }

        for (c, project) in project_ids.clone() {
            if c != company {
                continue;
            }
            s.world.update(Kind::Project, project, |p| {
                p.data.insert("standard_cost_code_list_id", json!(list))
            });
            let mut leaf_codes = Vec::new();
            for (position, (std_div, div, div_name, children)) in standard.iter().enumerate() {
                let div_id = s.add(Kind::CostCode, company, Some(project), None, json!({
                    "code": div, "name": div_name, "parent_id": null, "position": position, "standard_cost_code_id": std_div,
                    "standard_cost_code_list_id": list, "origin_id": null, "origin_data": null, "biller_type": "Project", "biller_id": project
                }));
                for (std_id, code, name) in children {
                    let id = s.add(Kind::CostCode, company, Some(project), None, json!({
                        "code": code, "name": name, "parent_id": div_id, "position": 0, "standard_cost_code_id": std_id,
                        "standard_cost_code_list_id": list, "origin_id": null, "origin_data": null, "biller_type": "Project", "biller_id": project
                    }));
                    leaf_codes.push(id);
                }
            }
            // One WBS code per leaf cost code and cost type, as Procore creates on demand.
            for cost_code in &leaf_codes {
                for type_id in &type_ids {
                    s.add(Kind::WbsCode, company, Some(project), None, json!({
                        "cost_code_id": cost_code, "line_item_type_id": type_id, "sub_job_id": null,
                        "description": null, "status": "active", "wbs_pattern_id": null
                    }));
                }
            }
            s.add(Kind::BudgetView, company, Some(project), None, json!({
                "name": "Procore Standard Budget", "description": "Default budget view", "role": "default"
            }));
        }
    }
    crate::resources::refresh_derived(&mut world);
    world.dirty = Default::default();
    world
}
