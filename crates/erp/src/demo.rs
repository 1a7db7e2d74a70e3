//! Demo data: a Québec general contractor's test company, deterministic from a seed.
//!
//! Used to try the interface against a Procore sandbox and by the tests. The same seed always
//! gives the same company (with this version of `rand`, whose `StdRng` is stable within a major
//! version), so a demo can be reproduced from its seed alone.

use chrono::{Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rust_decimal::Decimal;

use crate::error::ErpError;
use crate::model::{
    Activity, BillingContract, BudgetLine, Company, Customer, Employee, Environment, OrderInvoice,
    OrderKind, Project, ProjectCost, ProjectCostType, PurchaseOrder, PurchaseOrderLine,
    Subcontract, SubcontractLine, Supplier, SupplierStatus,
};
use crate::record::{ChangeOrigin, ErpRecord};
use crate::store::ErpStore;

/// Number of projects generated (including the sub-project).
pub const PROJECTS: usize = 20;
/// Number of suppliers generated.
pub const SUPPLIERS: usize = 300;
/// Number of customers generated.
pub const CUSTOMERS: usize = 40;
/// Number of employees generated.
pub const EMPLOYEES: usize = 45;

/// A generated company and all its records.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoCompany {
    /// The (test) company.
    pub company: Company,
    /// Projects; one is a sub-project.
    pub projects: Vec<Project>,
    /// Multi-level activities of every project.
    pub activities: Vec<Activity>,
    /// Original budgets, on last-level activities only.
    pub budgets: Vec<BudgetLine>,
    /// Suppliers.
    pub suppliers: Vec<Supplier>,
    /// Customers.
    pub customers: Vec<Customer>,
    /// Employees.
    pub employees: Vec<Employee>,
    /// One billing contract per project flagged for Procore.
    pub billing_contracts: Vec<BillingContract>,
    /// A few subcontracts.
    pub subcontracts: Vec<Subcontract>,
    /// Their lines.
    pub subcontract_lines: Vec<SubcontractLine>,
    /// A few regular purchase orders.
    pub purchase_orders: Vec<PurchaseOrder>,
    /// Their lines.
    pub purchase_order_lines: Vec<PurchaseOrderLine>,
    /// Project costs of the three kinds.
    pub project_costs: Vec<ProjectCost>,
    /// Invoices against the purchase orders.
    pub order_invoices: Vec<OrderInvoice>,
}

struct Place {
    city: &'static str,
    province: &'static str,
    /// Forward sortation areas (first half of the postal code) of the city.
    fsas: &'static [&'static str],
    area_code: &'static str,
    streets: &'static [&'static str],
}

const QC_STREETS: &[&str] = &[
    "rue Saint-Denis",
    "boulevard René-Lévesque Ouest",
    "rue Notre-Dame Est",
    "chemin du Lac-Supérieur",
    "avenue des Érables",
    "rue Principale",
    "montée Sainte-Thérèse",
    "boulevard de l'Église",
    "rue du Curé-Labelle",
    "chemin de la Rivière-du-Nord",
    "rue Saint-Jean-Baptiste",
    "avenue du Mont-Royal",
];

const ON_STREETS: &[&str] = &[
    "Rideau Street",
    "King Street West",
    "Main Street East",
    "Bank Street",
    "Second Street West",
];

const PLACES: &[Place] = &[
    Place {
        city: "Montréal",
        province: "QC",
        fsas: &["H2X", "H3B", "H1N", "H2J"],
        area_code: "514",
        streets: QC_STREETS,
    },
    Place {
        city: "Québec",
        province: "QC",
        fsas: &["G1R", "G1K", "G1S"],
        area_code: "418",
        streets: QC_STREETS,
    },
    Place {
        city: "Laval",
        province: "QC",
        fsas: &["H7N", "H7T"],
        area_code: "450",
        streets: QC_STREETS,
    },
    Place {
        city: "Gatineau",
        province: "QC",
        fsas: &["J8X", "J8Y"],
        area_code: "819",
        streets: QC_STREETS,
    },
    Place {
        city: "Sherbrooke",
        province: "QC",
        fsas: &["J1H", "J1J"],
        area_code: "819",
        streets: QC_STREETS,
    },
    Place {
        city: "Trois-Rivières",
        province: "QC",
        fsas: &["G9A", "G8Z"],
        area_code: "819",
        streets: QC_STREETS,
    },
    Place {
        city: "Saint-Jérôme",
        province: "QC",
        fsas: &["J7Z", "J7Y"],
        area_code: "450",
        streets: QC_STREETS,
    },
    Place {
        city: "Mont-Tremblant",
        province: "QC",
        fsas: &["J8E"],
        area_code: "819",
        streets: QC_STREETS,
    },
    Place {
        city: "Sainte-Adèle",
        province: "QC",
        fsas: &["J8B"],
        area_code: "450",
        streets: QC_STREETS,
    },
    Place {
        city: "Lévis",
        province: "QC",
        fsas: &["G6V", "G6W"],
        area_code: "418",
        streets: QC_STREETS,
    },
    Place {
        city: "Terrebonne",
        province: "QC",
        fsas: &["J6W", "J6X"],
        area_code: "450",
        streets: QC_STREETS,
    },
    Place {
        city: "Ottawa",
        province: "ON",
        fsas: &["K1P", "K2P"],
        area_code: "613",
        streets: ON_STREETS,
    },
    Place {
        city: "Hawkesbury",
        province: "ON",
        fsas: &["K6A"],
        area_code: "613",
        streets: ON_STREETS,
    },
    Place {
        city: "Cornwall",
        province: "ON",
        fsas: &["K6H"],
        area_code: "613",
        streets: ON_STREETS,
    },
];

const FIRST_NAMES: &[&str] = &[
    "Élise",
    "Hélène",
    "Zoé",
    "Jérôme",
    "François",
    "André",
    "Geneviève",
    "Benoît",
    "Mélanie",
    "Stéphane",
    "Josée",
    "Rémi",
    "Noémie",
    "Frédéric",
    "Émile",
    "Chloé",
    "Maxime",
    "Sébastien",
    "Marc-André",
    "Marie-Ève",
    "Gaétan",
    "Réjean",
    "Véronique",
    "Renée",
    "Léa",
    "Éric",
    "Mathieu",
    "Julie",
    "Félix",
    "Anaïs",
];

const LAST_NAMES: &[&str] = &[
    "Gagnon",
    "Côté",
    "Bélanger",
    "Lévesque",
    "Bérubé",
    "Pelletier",
    "Tremblay",
    "Boucher",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagné",
    "Ouellet",
    "Pâquet",
    "Bédard",
    "Nadeau",
    "Thériault",
    "Désilets",
    "Lefebvre",
    "Beaulieu",
    "Charbonneau",
    "Lépine",
    "Séguin",
    "Brisson",
];

const TRADES: &[&str] = &[
    "Béton",
    "Excavation",
    "Électricité",
    "Plomberie",
    "Acier",
    "Toitures",
    "Vitrerie",
    "Menuiserie",
    "Peinture",
    "Ventilation",
    "Arpentage",
    "Coffrages",
    "Isolation",
    "Maçonnerie",
    "Location d'équipement",
    "Quincaillerie",
    "Asphaltage",
    "Gypse",
];

const SUFFIXES: &[&str] = &[
    "inc.",
    "ltée",
    "et fils inc.",
    "& associés",
    "S.E.N.C.",
    "Québec inc.",
];

const PROJECT_WORKS: &[&str] = &[
    "Agrandissement de l'école primaire",
    "Réfection du pont de la rivière",
    "Condos Le Boisé – phase",
    "Centre aquatique",
    "Entrepôt frigorifique",
    "Caserne de pompiers",
    "Réaménagement de l'hôtel de ville",
    "Résidence pour aînés Les Érables",
    "Aréna municipal – mise aux normes",
    "Clinique médicale",
    "Usine de filtration – phase",
    "Stationnement étagé",
];

const DIVISIONS: &[(&str, &str)] = &[
    ("01", "Conditions générales"),
    ("02", "Travaux de chantier"),
    ("03", "Béton"),
    ("05", "Métaux"),
    ("06", "Bois et plastiques"),
    ("09", "Finitions"),
    ("15", "Mécanique"),
    ("16", "Électricité"),
];

const COST_TYPES: &[&str] = &["M", "MO", "S", "E"];

/// Postal-code letters (D, F, I, O, Q and U are never used).
const POSTAL_LETTERS: &[u8] = b"ABCEGHJKLMNPRSTVWXYZ";

struct Address {
    address: String,
    city: String,
    province: String,
    country: String,
    postal_code: String,
    phone: String,
}

fn address(rng: &mut StdRng, quebec_share: f64) -> Address {
    let quebec: Vec<&Place> = PLACES.iter().filter(|p| p.province == "QC").collect();
    let ontario: Vec<&Place> = PLACES.iter().filter(|p| p.province == "ON").collect();
    let place = if rng.gen_bool(quebec_share) {
        quebec[rng.gen_range(0..quebec.len())]
    } else {
        ontario[rng.gen_range(0..ontario.len())]
    };
    let street = place.streets[rng.gen_range(0..place.streets.len())];
    let number = rng.gen_range(10..9999);
    let address = if place.province == "QC" {
        format!("{number}, {street}")
    } else {
        format!("{number} {street}")
    };
    let fsa = place.fsas[rng.gen_range(0..place.fsas.len())];
    let letter = |rng: &mut StdRng| POSTAL_LETTERS[rng.gen_range(0..POSTAL_LETTERS.len())] as char;
    let postal_code = format!(
        "{fsa} {}{}{}",
        rng.gen_range(0..10),
        letter(rng),
        rng.gen_range(0..10)
    );
    let phone = format!("{} 555-{:04}", place.area_code, rng.gen_range(100..10_000));
    Address {
        address,
        city: place.city.to_owned(),
        province: place.province.to_owned(),
        country: "CA".to_owned(),
        postal_code,
        phone,
    }
}

/// Lower-case ASCII form of a name for email addresses.
fn ascii_slug(text: &str, separator: char) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'Î' => 'i',
            'ô' | 'ö' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with(separator) {
            slug.push(separator);
        }
    }
    slug.trim_end_matches(separator).to_owned()
}

fn money(rng: &mut StdRng, min_dollars: i64, max_dollars: i64) -> Decimal {
    Decimal::new(rng.gen_range(min_dollars * 100..max_dollars * 100), 2)
}

fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

/// Generates the demo company for `seed`.
pub fn generate(seed: u64) -> DemoCompany {
    let mut rng = StdRng::seed_from_u64(seed);
    let company = Company {
        code: "LAURTEST".to_owned(),
        name: "Construction Laurentide inc. (données de test)".to_owned(),
        environment: Environment::Test,
        prefix: Some("LT".to_owned()),
    };

    let suppliers = suppliers(&mut rng);
    let customers = customers(&mut rng);
    let employees = employees(&mut rng);
    let projects = projects(&mut rng);

    let mut activities = Vec::new();
    let mut budgets = Vec::new();
    for project in &projects {
        project_activities(&mut rng, &project.number, &mut activities, &mut budgets);
    }

    let active_suppliers: Vec<&Supplier> = suppliers
        .iter()
        .filter(|s| s.status.accepts_transactions())
        .collect();
    // Costs sent to Procore are charged to suppliers and employees it knows.
    let procore_suppliers: Vec<&Supplier> = active_suppliers
        .iter()
        .copied()
        .filter(|s| s.linked_to_procore)
        .collect();
    let procore_employees: Vec<&Employee> = employees
        .iter()
        .filter(|e| e.linked_to_procore && e.email.is_some())
        .collect();
    let mut demo = DemoCompany {
        company,
        projects,
        activities,
        budgets,
        suppliers: Vec::new(),
        customers: Vec::new(),
        employees: Vec::new(),
        billing_contracts: Vec::new(),
        subcontracts: Vec::new(),
        subcontract_lines: Vec::new(),
        purchase_orders: Vec::new(),
        purchase_order_lines: Vec::new(),
        project_costs: Vec::new(),
        order_invoices: Vec::new(),
    };

    // Orders, subcontracts and costs share one counter, as in maestro*.
    let mut contract_counter = 1000;
    let linked: Vec<Project> = demo
        .projects
        .iter()
        .filter(|p| p.linked_to_procore && p.parent_number.is_none())
        .cloned()
        .collect();
    for (i, project) in linked.iter().enumerate() {
        let leaves: Vec<&BudgetLine> = demo
            .budgets
            .iter()
            .filter(|b| b.project_number == project.number)
            .collect();
        let total: Decimal = leaves.iter().map(|b| b.original).sum();
        demo.billing_contracts.push(BillingContract {
            number: format!("CF-{}", project.number),
            project_number: project.number.clone(),
            customer_code: pick(&mut rng, &customers).code.clone(),
            description: format!("Contrat de construction – {}", project.description)
                .chars()
                .take(100)
                .collect(),
            contract_date: project.start_date,
            amount: (total * Decimal::new(115, 2)).round_dp(2),
            external_no: None,
            voided: false,
        });
        if i >= 6 {
            continue;
        }
        let date = project.start_date.unwrap_or_default() + Duration::days(14);
        contract_counter += 1;
        let supplier = pick(&mut rng, &active_suppliers);
        let number = format!("{contract_counter}");
        demo.subcontracts.push(Subcontract {
            number: number.clone(),
            external_no: None,
            project_number: project.number.clone(),
            supplier_code: supplier.code.clone(),
            description: format!("Sous-traitance – {}", supplier.name)
                .chars()
                .take(100)
                .collect(),
            contract_date: Some(date),
            changes_subcontract: None,
            voided: false,
        });
        for (line_no, leaf) in (1..).zip(leaves.iter().take(2)) {
            demo.subcontract_lines.push(SubcontractLine {
                subcontract_number: number.clone(),
                line_no,
                activity_code: Some(leaf.activity_code.clone()),
                description: format!("Travaux {}", leaf.activity_code),
                amount: (leaf.original * Decimal::new(9, 1)).round_dp(2),
            });
        }

        contract_counter += 1;
        let supplier = pick(&mut rng, &active_suppliers);
        let po_number = format!("{contract_counter}");
        demo.purchase_orders.push(PurchaseOrder {
            number: po_number.clone(),
            project_number: project.number.clone(),
            supplier_code: supplier.code.clone(),
            order_date: Some(date),
            description: "Matériaux de chantier".to_owned(),
            external_no: None,
            voided: false,
        });
        let quantity = Decimal::from(rng.gen_range(1..200));
        let unit_price = money(&mut rng, 5, 400);
        let amount = (quantity * unit_price).round_dp(2);
        demo.purchase_order_lines.push(PurchaseOrderLine {
            order_number: po_number.clone(),
            line_no: 1,
            description: "Béton 30 MPa livré".to_owned(),
            activity_code: leaves.first().map(|b| b.activity_code.clone()),
            quantity,
            unit_price,
            amount,
        });
        demo.order_invoices.push(OrderInvoice {
            supplier_code: supplier.code.clone(),
            number: format!("FA-{}", rng.gen_range(10_000..99_999)),
            order_kind: OrderKind::PurchaseOrder,
            order_number: po_number,
            invoice_date: date + Duration::days(30),
            amount,
            description: Some("Facture de matériaux".to_owned()),
        });

        if let Some(leaf) = leaves.first() {
            let employee = pick(&mut rng, &procore_employees);
            let hours = Decimal::from(rng.gen_range(4..60));
            let rate = money(&mut rng, 35, 95);
            contract_counter += 1;
            demo.project_costs.push(ProjectCost {
                number: format!("CP-{contract_counter}"),
                cost_type: ProjectCostType::Payroll,
                cost_date: date + Duration::days(7),
                project_number: project.number.clone(),
                activity_code: leaf.activity_code.clone(),
                supplier_code: None,
                employee_code: Some(employee.code.clone()),
                amount: (hours * rate).round_dp(2),
                hours: Some(hours),
                rate: Some(rate),
                description: Some(format!(
                    "Heures de {} {}",
                    employee.first_name, employee.last_name
                )),
            });
            contract_counter += 1;
            let supplier = pick(&mut rng, &procore_suppliers);
            demo.project_costs.push(ProjectCost {
                number: format!("CP-{contract_counter}"),
                cost_type: if i % 2 == 0 {
                    ProjectCostType::Purchase
                } else {
                    ProjectCostType::Expense
                },
                cost_date: date + Duration::days(10),
                project_number: project.number.clone(),
                activity_code: leaf.activity_code.clone(),
                supplier_code: Some(supplier.code.clone()),
                employee_code: None,
                amount: money(&mut rng, 100, 8_000),
                hours: None,
                rate: None,
                description: Some("Achat direct au chantier".to_owned()),
            });
        }
    }
    demo.suppliers = suppliers;
    demo.customers = customers;
    demo.employees = employees;
    demo
}

fn suppliers(rng: &mut StdRng) -> Vec<Supplier> {
    (1..=SUPPLIERS)
        .map(|i| {
            let trade = pick(rng, TRADES);
            let family = pick(rng, LAST_NAMES);
            let suffix = pick(rng, SUFFIXES);
            let name = format!("{trade} {family} {suffix}");
            let status = match rng.gen_range(0..100) {
                0..=84 => SupplierStatus::Active,
                85..=94 => SupplierStatus::Blocked,
                _ => SupplierStatus::Closed,
            };
            let a = address(rng, 0.85);
            Supplier {
                code: format!("F{i:04}"),
                email: Some(format!(
                    "info@{}.ca",
                    ascii_slug(&format!("{trade} {family}"), '-')
                )),
                name,
                status,
                linked_to_procore: status == SupplierStatus::Active && rng.gen_bool(0.85),
                address: Some(a.address),
                city: Some(a.city),
                province: Some(a.province),
                country: Some(a.country),
                postal_code: Some(a.postal_code),
                phone: Some(a.phone),
            }
        })
        .collect()
}

fn customers(rng: &mut StdRng) -> Vec<Customer> {
    let institutions = [
        "Ville de Sainte-Adèle",
        "Ville de Mirabel",
        "Centre de services scolaire des Laurentides",
        "Société québécoise des infrastructures",
        "Municipalité de Val-David",
        "CISSS des Laurentides",
        "Ville de Saint-Jérôme",
        "Régie intermunicipale de l'Outaouais",
    ];
    (1..=CUSTOMERS)
        .map(|i| {
            let name = if i <= institutions.len() {
                institutions[i - 1].to_owned()
            } else {
                format!(
                    "Immeubles {} {}",
                    pick(rng, LAST_NAMES),
                    pick(rng, SUFFIXES)
                )
            };
            let a = address(rng, 0.9);
            Customer {
                code: format!("C{i:03}"),
                email: Some(format!("projets@{}.ca", ascii_slug(&name, '-'))),
                name,
                address: Some(a.address),
                city: Some(a.city),
                province: Some(a.province),
                country: Some(a.country),
                postal_code: Some(a.postal_code),
                phone: Some(a.phone),
                linked_to_procore: rng.gen_bool(0.7),
            }
        })
        .collect()
}

fn employees(rng: &mut StdRng) -> Vec<Employee> {
    (1..=EMPLOYEES)
        .map(|i| {
            let first = *pick(rng, FIRST_NAMES);
            let last = *pick(rng, LAST_NAMES);
            Employee {
                code: format!("E{i:03}"),
                first_name: first.to_owned(),
                last_name: last.to_owned(),
                email: Some(format!(
                    "{}.{}{i}@laurentide.example",
                    ascii_slug(first, '-'),
                    ascii_slug(last, '-')
                )),
                linked_to_procore: rng.gen_bool(0.6),
            }
        })
        .collect()
}

fn projects(rng: &mut StdRng) -> Vec<Project> {
    let epoch = NaiveDate::from_ymd_opt(2023, 1, 9).unwrap_or_default();
    let mut projects: Vec<Project> = (0..PROJECTS - 1)
        .map(|i| {
            let start = epoch + Duration::days(rng.gen_range(0..900));
            let year = start.format("%y");
            let a = address(rng, 0.85);
            let work = pick(rng, PROJECT_WORKS);
            Project {
                number: format!("{year}{:03}", 10 + i * 3),
                parent_number: None,
                description: format!("{work} – {}", a.city),
                detailed_description: Some(format!(
                    "{work}, {}. Entrepreneur général : Construction Laurentide inc.",
                    a.city
                )),
                address: Some(a.address),
                city: Some(a.city),
                province: Some(a.province),
                country: Some(a.country),
                postal_code: Some(a.postal_code),
                phone: Some(a.phone),
                start_date: Some(start),
                closing_date: Some(start + Duration::days(rng.gen_range(90..540))),
                active: rng.gen_bool(0.9),
                linked_to_procore: rng.gen_bool(0.6),
            }
        })
        .collect();
    // Make sure the Procore pairing has something to do whatever the seed.
    projects[0].linked_to_procore = true;
    projects[0].active = true;
    let master = projects[0].clone();
    projects.push(Project {
        number: format!("{}-01", master.number),
        parent_number: Some(master.number.clone()),
        description: format!("{} – lot électricité", master.description)
            .chars()
            .take(100)
            .collect(),
        detailed_description: Some("Sous-projet du lot électricité".to_owned()),
        ..master
    });
    projects
}

fn project_activities(
    rng: &mut StdRng,
    project: &str,
    activities: &mut Vec<Activity>,
    budgets: &mut Vec<BudgetLine>,
) {
    let mut divisions: Vec<&(&str, &str)> = DIVISIONS.iter().collect();
    divisions.shuffle(rng);
    divisions.truncate(rng.gen_range(2..=4));
    divisions.sort();
    let mut push = |code: String, description: String| {
        activities.push(Activity {
            project_number: project.to_owned(),
            code,
            description,
        });
    };
    for (division, name) in divisions {
        push((*division).to_owned(), (*name).to_owned());
        for section in ["A", "B"].iter().take(rng.gen_range(1..=2)) {
            let l2 = format!("{division}-{section}");
            push(l2.clone(), format!("{name} – secteur {section}"));
            for item in 1..=rng.gen_range(1..=2) {
                let l3 = format!("{l2}-{item:03}");
                push(l3.clone(), format!("{name} – ouvrage {item:03}"));
                for leaf in 1..=rng.gen_range(1..=3) {
                    let l4 = format!("{l3}-{leaf:02}");
                    push(l4.clone(), format!("{name} – élément {item:03}.{leaf:02}"));
                    let mut types: Vec<&&str> = COST_TYPES.iter().collect();
                    types.shuffle(rng);
                    for cost_type in types.into_iter().take(rng.gen_range(1..=2)) {
                        budgets.push(BudgetLine {
                            project_number: project.to_owned(),
                            activity_code: l4.clone(),
                            cost_type: (*cost_type).to_owned(),
                            original: money(rng, 500, 250_000),
                            modification: Decimal::ZERO,
                        });
                    }
                }
            }
        }
    }
}

/// Writes a demo company into a store (changes stamped `user`), one transaction per entity in
/// dependency order.
pub async fn load(store: &ErpStore, demo: &DemoCompany) -> Result<(), ErpError> {
    let code = demo.company.code.as_str();
    let by = ChangeOrigin::User;
    store.upsert_company(&demo.company, by).await?;
    write(store, code, &demo.projects).await?;
    write(store, code, &demo.activities).await?;
    write(store, code, &demo.budgets).await?;
    write(store, code, &demo.suppliers).await?;
    write(store, code, &demo.customers).await?;
    write(store, code, &demo.employees).await?;
    write(store, code, &demo.billing_contracts).await?;
    write(store, code, &demo.subcontracts).await?;
    write(store, code, &demo.subcontract_lines).await?;
    write(store, code, &demo.purchase_orders).await?;
    write(store, code, &demo.purchase_order_lines).await?;
    write(store, code, &demo.project_costs).await?;
    write(store, code, &demo.order_invoices).await?;
    Ok(())
}

async fn write<R: ErpRecord>(
    store: &ErpStore,
    company: &str,
    records: &[R],
) -> Result<(), ErpError> {
    store
        .upsert(company, records, ChangeOrigin::User)
        .await
        .map(|_| ())
}
