//! The benchmark's maestro* company, at any size, generated and written in chunks.
//!
//! Its shapes follow the demo company (a Québec general contractor: four-level activities,
//! budget lines on last-level activities, suppliers, customers, employees, project costs charged
//! to flagged suppliers), but every record is flagged for Procore and every project has the same
//! shape, so the calls a sync needs follow from the sizes alone ([`crate::minimum`]). Records are
//! derived from their index, never held all at once: the benchmark measures the engine's memory,
//! not the generator's.

use chrono::{Duration, NaiveDate};
use erp::{
    Activity, BudgetLine, ChangeOrigin, Company, Customer, Employee, Environment, ErpRecord,
    ErpStore, Project, ProjectCost, ProjectCostType, Supplier, SupplierStatus,
};
use rust_decimal::Decimal;

use crate::preset::Size;
use crate::BenchError;

/// The company's code.
pub const COMPANY: &str = "BENCH";
/// Records written per ERP transaction while loading.
const CHUNK: usize = 5_000;
/// maestro* cost types of each last-level activity's two budget lines.
const COST_TYPES: [&str; 2] = ["M", "MO"];
/// Sections, items and last levels under each division.
const SECTIONS: usize = 2;
const ITEMS: usize = 5;
const LEAVES: usize = 10;
const LEAVES_PER_DIVISION: usize = SECTIONS * ITEMS * LEAVES;

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
];
const FAMILIES: &[&str] = &[
    "Gagnon",
    "Côté",
    "Bélanger",
    "Lévesque",
    "Tremblay",
    "Gauthier",
    "Fortin",
    "Pâquet",
    "Thériault",
    "Séguin",
];
const CITIES: &[&str] = &[
    "Montréal",
    "Québec",
    "Laval",
    "Gatineau",
    "Sherbrooke",
    "Saint-Jérôme",
];

/// How many records of each kind a company of `size` holds, derived as the generator does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub projects: u64,
    pub customers: u64,
    pub suppliers: u64,
    pub employees: u64,
    /// Activities of all four levels, per project.
    pub activities_per_project: ActivityLevels,
    pub budget_lines_per_project: u64,
    pub project_costs_per_project: u64,
}

/// Activities per level of one project (division, section, item, last level).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ActivityLevels {
    pub divisions: u64,
    pub sections: u64,
    pub items: u64,
    pub leaves: u64,
}

impl ActivityLevels {
    pub fn total(&self) -> u64 {
        self.divisions + self.sections + self.items + self.leaves
    }
}

impl Counts {
    pub fn of(size: &Size) -> Counts {
        let projects = size.projects.max(1);
        let budget_lines_per_project = size.budget_lines.div_ceil(projects).max(1);
        let leaves = budget_lines_per_project.div_ceil(COST_TYPES.len());
        let divisions = leaves.div_ceil(LEAVES_PER_DIVISION);
        let items = leaves.div_ceil(LEAVES);
        let sections = items.div_ceil(ITEMS);
        Counts {
            projects: projects as u64,
            customers: size.customers as u64,
            suppliers: size.suppliers as u64,
            employees: size.employees as u64,
            activities_per_project: ActivityLevels {
                divisions: divisions as u64,
                sections: sections as u64,
                items: items as u64,
                leaves: leaves as u64,
            },
            budget_lines_per_project: (leaves * COST_TYPES.len()) as u64,
            project_costs_per_project: size.project_costs.div_ceil(projects) as u64,
        }
    }

    pub fn budget_lines(&self) -> u64 {
        self.projects * self.budget_lines_per_project
    }

    pub fn project_costs(&self) -> u64 {
        self.projects * self.project_costs_per_project
    }

    pub fn activities(&self) -> u64 {
        self.projects * self.activities_per_project.total()
    }

    /// Every record of the company.
    pub fn records(&self) -> u64 {
        self.projects
            + self.customers
            + self.suppliers
            + self.employees
            + self.activities()
            + self.budget_lines()
            + self.project_costs()
    }
}

fn project_number(p: usize) -> String {
    format!("B{p:05}")
}

fn supplier_code(i: usize) -> String {
    format!("F{i:06}")
}

fn project(p: usize) -> Project {
    let city = CITIES[p % CITIES.len()];
    let start = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap_or_default() + Duration::days(p as i64);
    Project {
        number: project_number(p),
        parent_number: None,
        description: format!("Centre communautaire {p} – {city}"),
        detailed_description: Some(format!("Construction du centre communautaire {p}")),
        address: Some(format!("{}, rue Principale", 10 + p % 9000)),
        city: Some(city.to_owned()),
        province: Some("QC".to_owned()),
        country: Some("CA".to_owned()),
        postal_code: Some("H2X 1Y4".to_owned()),
        phone: Some(format!("514 555-{:04}", p % 10_000)),
        start_date: Some(start),
        closing_date: Some(start + Duration::days(365)),
        active: true,
        linked_to_procore: true,
    }
}

fn supplier(i: usize) -> Supplier {
    let trade = TRADES[i % TRADES.len()];
    let family = FAMILIES[(i / TRADES.len()) % FAMILIES.len()];
    Supplier {
        code: supplier_code(i),
        // The index keeps names apart, so onboarding never finds two candidates.
        name: format!("{trade} {family} {i} inc."),
        email: Some(format!("info{i}@fournisseur.example")),
        status: SupplierStatus::Active,
        linked_to_procore: true,
        address: Some(format!("{}, boulevard de l'Église", 10 + i % 9000)),
        city: Some(CITIES[i % CITIES.len()].to_owned()),
        province: Some("QC".to_owned()),
        country: Some("CA".to_owned()),
        postal_code: Some("J7Z 2B3".to_owned()),
        phone: Some(format!("450 555-{:04}", i % 10_000)),
    }
}

fn customer(i: usize) -> Customer {
    Customer {
        code: format!("C{i:05}"),
        name: format!("Immeubles {} {i} ltée", FAMILIES[i % FAMILIES.len()]),
        email: Some(format!("projets{i}@client.example")),
        address: Some(format!("{} avenue des Érables", 10 + i % 9000)),
        city: Some(CITIES[i % CITIES.len()].to_owned()),
        province: Some("QC".to_owned()),
        country: Some("CA".to_owned()),
        postal_code: Some("G1R 4P5".to_owned()),
        phone: Some(format!("418 555-{:04}", i % 10_000)),
        linked_to_procore: true,
    }
}

fn employee(i: usize) -> Employee {
    Employee {
        code: format!("E{i:05}"),
        first_name: "Geneviève".to_owned(),
        last_name: format!("{} {i}", FAMILIES[i % FAMILIES.len()]),
        email: Some(format!("employe{i}@bench.example")),
        linked_to_procore: true,
    }
}

/// The four-level code of last-level activity `leaf` of a project.
fn leaf_code(leaf: usize) -> String {
    let division = leaf / LEAVES_PER_DIVISION + 1;
    let section = (leaf / (ITEMS * LEAVES)) % SECTIONS;
    let item = (leaf / LEAVES) % ITEMS + 1;
    let last = leaf % LEAVES + 1;
    format!("{division:02}-{}-{item:03}-{last:02}", ["A", "B"][section])
}

/// Every activity of a project, parents before their children's siblings run out.
fn activities(project: &str, leaves: usize) -> Vec<Activity> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for leaf in 0..leaves {
        let code = leaf_code(leaf);
        let parts: Vec<&str> = code.split('-').collect();
        for depth in 1..=parts.len() {
            let prefix = parts[..depth].join("-");
            if seen.insert(prefix.clone()) {
                out.push(Activity {
                    project_number: project.to_owned(),
                    description: format!("Ouvrage {prefix}"),
                    code: prefix,
                });
            }
        }
    }
    out
}

fn amount(seed: u64, n: usize) -> Decimal {
    // A cheap deterministic spread of cents; a sync reads amounts, never their distribution.
    let x = (n as u64)
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(seed);
    Decimal::new(50_000 + (x >> 40) as i64 % 25_000_000, 2)
}

fn budget_line(seed: u64, project: &str, n: usize) -> BudgetLine {
    BudgetLine {
        project_number: project.to_owned(),
        activity_code: leaf_code(n / COST_TYPES.len()),
        cost_type: COST_TYPES[n % COST_TYPES.len()].to_owned(),
        original: amount(seed, n),
        modification: Decimal::ZERO,
    }
}

fn project_cost(seed: u64, counts: &Counts, p: usize, n: usize) -> ProjectCost {
    let leaves = counts.activities_per_project.leaves as usize;
    let global = p * counts.project_costs_per_project as usize + n;
    ProjectCost {
        number: format!("CP{global:08}"),
        cost_type: if n % 2 == 0 {
            ProjectCostType::Purchase
        } else {
            ProjectCostType::Expense
        },
        cost_date: NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or_default()
            + Duration::days((n % 300) as i64),
        project_number: project_number(p),
        activity_code: leaf_code(n % leaves.max(1)),
        supplier_code: Some(supplier_code(global % counts.suppliers.max(1) as usize)),
        employee_code: None,
        amount: amount(seed ^ 0x5eed, global),
        hours: None,
        rate: None,
        description: Some("Achat direct au chantier".to_owned()),
    }
}

/// The company (a *test* company, paired with a sandbox).
pub fn company() -> Company {
    Company {
        code: COMPANY.to_owned(),
        name: "Construction Laurentide inc. (banc d'essai)".to_owned(),
        environment: Environment::Test,
        prefix: Some("LB".to_owned()),
    }
}

async fn write_chunked<R: ErpRecord>(
    store: &ErpStore,
    records: impl Iterator<Item = R>,
) -> Result<(), BenchError> {
    let mut chunk = Vec::with_capacity(CHUNK);
    for record in records {
        chunk.push(record);
        if chunk.len() == CHUNK {
            store.upsert(COMPANY, &chunk, ChangeOrigin::User).await?;
            chunk.clear();
        }
    }
    if !chunk.is_empty() {
        store.upsert(COMPANY, &chunk, ChangeOrigin::User).await?;
    }
    Ok(())
}

/// Writes the company of `size` into `store`, `CHUNK` records per transaction.
pub async fn load(store: &ErpStore, seed: u64, size: &Size) -> Result<Counts, BenchError> {
    let counts = Counts::of(size);
    store.upsert_company(&company(), ChangeOrigin::User).await?;
    let projects = counts.projects as usize;
    let leaves = counts.activities_per_project.leaves as usize;
    write_chunked(store, (0..projects).map(project)).await?;
    write_chunked(
        store,
        (0..projects).flat_map(|p| activities(&project_number(p), leaves)),
    )
    .await?;
    let lines = counts.budget_lines_per_project as usize;
    write_chunked(
        store,
        (0..projects)
            .flat_map(|p| (0..lines).map(move |n| budget_line(seed, &project_number(p), n))),
    )
    .await?;
    write_chunked(store, (0..counts.suppliers as usize).map(supplier)).await?;
    write_chunked(store, (0..counts.customers as usize).map(customer)).await?;
    write_chunked(store, (0..counts.employees as usize).map(employee)).await?;
    let costs = counts.project_costs_per_project as usize;
    write_chunked(
        store,
        (0..projects).flat_map(|p| (0..costs).map(move |n| project_cost(seed, &counts, p, n))),
    )
    .await?;
    Ok(counts)
}

/// Which records scenario 3 edits in maestro*: every `step`-th of each kind (1 % with 100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ErpEdits {
    pub projects: u64,
    pub suppliers: u64,
    pub customers: u64,
    pub employees: u64,
    pub budget_lines: u64,
    /// Projects holding at least one edited budget line.
    pub budget_projects: u64,
}

/// Every `step`-th index below `n`, from the middle of the first step: apart from the records
/// the incremental scenario edits in Procore (every `step`-th from the first), so no edit
/// meets another in a conflict.
fn every(n: usize, step: usize) -> impl Iterator<Item = usize> {
    (step / 2..n).step_by(step.max(1))
}

/// Edits 1 % (one in `step`) of the projects, suppliers, customers, employees and budget lines
/// in maestro*, as a user would (stamped `user`).
pub async fn edit_erp(
    store: &ErpStore,
    seed: u64,
    counts: &Counts,
    step: usize,
) -> Result<ErpEdits, BenchError> {
    let projects: Vec<Project> = every(counts.projects as usize, step)
        .map(|p| Project {
            phone: Some("514 555-0000".to_owned()),
            ..project(p)
        })
        .collect();
    let suppliers: Vec<Supplier> = every(counts.suppliers as usize, step)
        .map(|i| Supplier {
            phone: Some("450 555-0000".to_owned()),
            ..supplier(i)
        })
        .collect();
    let customers: Vec<Customer> = every(counts.customers as usize, step)
        .map(|i| Customer {
            phone: Some("418 555-0000".to_owned()),
            ..customer(i)
        })
        .collect();
    let employees: Vec<Employee> = every(counts.employees as usize, step)
        .map(|i| Employee {
            first_name: "Noémie".to_owned(),
            ..employee(i)
        })
        .collect();
    let per_project = counts.budget_lines_per_project as usize;
    let total_lines = counts.projects as usize * per_project;
    let mut budget_projects = std::collections::BTreeSet::new();
    let lines: Vec<BudgetLine> = every(total_lines, step)
        .map(|g| {
            let (p, n) = (g / per_project, g % per_project);
            budget_projects.insert(p);
            BudgetLine {
                original: amount(seed, n) + Decimal::ONE,
                ..budget_line(seed, &project_number(p), n)
            }
        })
        .collect();
    write_chunked(store, projects.iter().cloned()).await?;
    write_chunked(store, suppliers.iter().cloned()).await?;
    write_chunked(store, customers.iter().cloned()).await?;
    write_chunked(store, employees.iter().cloned()).await?;
    write_chunked(store, lines.iter().cloned()).await?;
    Ok(ErpEdits {
        projects: projects.len() as u64,
        suppliers: suppliers.len() as u64,
        customers: customers.len() as u64,
        employees: employees.len() as u64,
        budget_lines: lines.len() as u64,
        budget_projects: budget_projects.len() as u64,
    })
}

/// How many of `n` records [`edit_erp`] (and the Procore edits) touch.
pub fn edited(n: u64, step: usize) -> u64 {
    every(n as usize, step).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activities_cover_every_leaf_with_its_parents_once() {
        let all = activities("B00000", 250);
        let leaves = all
            .iter()
            .filter(|a| a.code.split('-').count() == 4)
            .count();
        assert_eq!(leaves, 250);
        let counts = Counts::of(&Size {
            projects: 1,
            suppliers: 1,
            customers: 1,
            employees: 1,
            budget_lines: 500,
            project_costs: 1,
        });
        assert_eq!(counts.activities_per_project.total() as usize, all.len());
        let unique: std::collections::BTreeSet<_> = all.iter().map(|a| &a.code).collect();
        assert_eq!(unique.len(), all.len());
        for a in &all {
            assert!(a.problems().is_empty(), "{:?}", a.problems());
        }
    }

    #[test]
    fn generated_records_pass_maestro_rules() {
        let counts = Counts::of(&Size::SMALL);
        assert!(project(3).problems().is_empty());
        assert!(supplier(3).problems().is_empty());
        assert!(customer(3).problems().is_empty());
        assert!(employee(3).problems().is_empty());
        assert!(budget_line(1, "B00000", 7).problems().is_empty());
        assert!(project_cost(1, &counts, 1, 7).problems().is_empty());
    }

    #[test]
    fn one_percent_is_every_hundredth_record_from_the_fiftieth() {
        assert_eq!(edited(50, 100), 0);
        assert_eq!(edited(51, 100), 1);
        assert_eq!(edited(20_000, 100), 200);
    }
}
