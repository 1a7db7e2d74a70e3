//! `mpsync settings`: the company's Projects-tab choices — the cost code mode (direct or
//! concatenated, one for every project) and which Procore cost type each maestro* cost type is —,
//! the Orders tab (regular orders or stock orders from catalogue), and which Procore statuses
//! bring a commitment over.

use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use engine::budget::CostTypeMap;
use engine::commitments::{OrdersTarget, StatusRule};
use engine::cost_codes::CostCodeMode;
use engine::project_costs::{PayrollDetails, ProjectCostTypes};
use engine::three_way::FirstLink;
use runner::budgets::COST_TYPES_SETTING;
use runner::commitments::{
    orders_target, set_orders_target, set_status_rule, status_rule, ORDERS_TARGET_SETTING,
};
use runner::cost_codes::{cost_code_mode, set_cost_code_mode};
use runner::project_costs::{
    payroll_details, project_cost_types, COST_TYPES_SETTING as PROJECT_COST_TYPES_SETTING,
    PAYROLL_DETAILS_SETTING,
};
use runner::{first_link, first_link_setting};
use serde_json::json;

use crate::context::Target;
use crate::exit::{self, Fail};

#[derive(Args, Debug)]
pub struct SettingsArgs {
    #[command(subcommand)]
    pub command: Option<SettingsCommand>,
    #[command(flatten)]
    pub target: Target,
    /// JSON on standard output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// The activity code is the Procore code of its level (`01`, `01-A`, `01-A-001`).
    Direct,
    /// The activity code is each level's Procore code joined (`01` + `A` + `001`).
    Concatenated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Master {
    Erp,
    Procore,
    Ask,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Orders {
    /// Regular purchase orders.
    Regular,
    /// Stock orders from catalogue.
    Stock,
}

/// The entities received from Procore by status.
const BY_STATUS: [&str; 5] = [
    "prime_contracts",
    "billing_change_orders",
    "subcontracts",
    "purchase_orders",
    "subcontract_change_orders",
];

/// The two-way entities, whose first links may differ.
const TWO_WAY: [&str; 3] = ["projects", "customers", "suppliers"];

#[derive(Subcommand, Debug)]
pub enum SettingsCommand {
    /// How maestro* activity codes meet Procore cost codes, for every project of the company.
    /// Fixed once cost codes are linked.
    CostCodeMode {
        #[arg(value_enum)]
        mode: Mode,
        /// Between the levels of an activity code.
        #[arg(long, default_value = "-")]
        separator: String,
        #[command(flatten)]
        target: Target,
    },
    /// Which side wins where an entity's records, just linked, differ (the master chosen at
    /// deployment for onboarding): `erp`, `procore`, or `ask` (a conflict each, the default).
    FirstLink {
        /// projects, customers or suppliers.
        entity: String,
        #[arg(value_enum)]
        master: Master,
        #[command(flatten)]
        target: Target,
    },
    /// Which Procore cost type each maestro* cost type is: `MO=L M=M`; `--default` for the
    /// others (otherwise a cost type goes to the Procore cost type with the same code).
    /// The Orders tab: where Procore purchase orders land in maestro*. Fixed once orders are
    /// in maestro*.
    Orders {
        #[arg(value_enum)]
        orders: Orders,
        #[command(flatten)]
        target: Target,
    },
    /// The Procore statuses that bring a commitment over (compared without case), e.g.
    /// `statuses subcontracts Approved Complete`.
    Statuses {
        /// subcontracts, purchase_orders or subcontract_change_orders.
        entity: String,
        #[arg(required = true)]
        statuses: Vec<String>,
        #[command(flatten)]
        target: Target,
    },
    /// What payroll costs carry to Procore besides their total, the only amount Procore needs
    /// (none of these by default). Give every detail to send; none sends only the total.
    PayrollDetails {
        #[arg(long)]
        hours: bool,
        #[arg(long)]
        rate: bool,
        #[arg(long)]
        employee: bool,
        #[arg(long)]
        description: bool,
        #[command(flatten)]
        target: Target,
    },
    /// The Procore cost type (code) of each kind of project cost.
    ProjectCostTypes {
        #[arg(long, default_value = "M")]
        purchase: String,
        #[arg(long, default_value = "O")]
        expense: String,
        #[arg(long, default_value = "L")]
        payroll: String,
        #[command(flatten)]
        target: Target,
    },
    CostTypes {
        /// Pairs `MAESTRO=PROCORE`.
        pairs: Vec<String>,
        /// The Procore cost type of maestro* cost types neither paired nor found by code.
        #[arg(long)]
        default: Option<String>,
        #[command(flatten)]
        target: Target,
    },
}

pub async fn run(args: SettingsArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        None => show(&args.target, args.json).await,
        Some(SettingsCommand::CostCodeMode {
            mode,
            separator,
            target,
        }) => {
            let opened = target.open().await?;
            opened.authorize(&[state::Right::Configure]).await?;
            let mode = match mode {
                Mode::Direct => CostCodeMode::Direct { separator },
                Mode::Concatenated => CostCodeMode::Concatenated { separator },
            };
            let company = &opened.company.code;
            match opened.state.active_pairing(company).await? {
                Some(p) => set_cost_code_mode(&opened.state, p.id, company, &mode)
                    .await
                    .map_err(|e| Fail::new(exit::CONFIG, e.to_string()))?,
                None => {
                    opened
                        .state
                        .set_setting_as(company, runner::cost_codes::MODE_SETTING, &mode)
                        .await?
                }
            }
            println!(
                "cost code mode of {company}: {} (separator {:?})",
                mode.name(),
                mode.separator()
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(SettingsCommand::FirstLink {
            entity,
            master,
            target,
        }) => {
            if !TWO_WAY.contains(&entity.as_str()) {
                return Err(Fail::new(
                    exit::USAGE,
                    format!("{entity}: expected one of {}", TWO_WAY.join(", ")),
                )
                .into());
            }
            let opened = target.open().await?;
            opened.authorize(&[state::Right::Configure]).await?;
            let value = match master {
                Master::Erp => FirstLink::ErpWins,
                Master::Procore => FirstLink::ProcoreWins,
                Master::Ask => FirstLink::Ask,
            };
            opened
                .state
                .set_setting_as(&opened.company.code, &first_link_setting(&entity), &value)
                .await?;
            println!("{entity} just linked: {}", describe_first_link(value));
            Ok(ExitCode::SUCCESS)
        }
        Some(SettingsCommand::Orders { orders, target }) => {
            let opened = target.open().await?;
            opened.authorize(&[state::Right::Configure]).await?;
            let value = match orders {
                Orders::Regular => OrdersTarget::Regular,
                Orders::Stock => OrdersTarget::Stock,
            };
            let company = &opened.company.code;
            match opened.state.active_pairing(company).await? {
                Some(p) => set_orders_target(&opened.state, p.id, company, value)
                    .await
                    .map_err(|e| Fail::new(exit::CONFIG, e.to_string()))?,
                None => {
                    opened
                        .state
                        .set_setting_as(company, ORDERS_TARGET_SETTING, &value)
                        .await?
                }
            }
            println!(
                "Procore purchase orders of {company} go to {}",
                describe_orders(value)
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(SettingsCommand::Statuses {
            entity,
            statuses,
            target,
        }) => {
            if !BY_STATUS.contains(&entity.as_str()) {
                return Err(Fail::new(
                    exit::USAGE,
                    format!("{entity}: expected one of {}", BY_STATUS.join(", ")),
                )
                .into());
            }
            let opened = target.open().await?;
            opened.authorize(&[state::Right::Configure]).await?;
            let rule = StatusRule {
                transfer: statuses.iter().map(|s| s.trim().to_owned()).collect(),
            };
            let pairing = opened
                .state
                .active_pairing(&opened.company.code)
                .await?
                .map(|p| p.id);
            set_status_rule(&opened.state, pairing, &opened.company.code, &entity, &rule).await?;
            println!(
                "{entity} brought over in status: {}; the next sync reads them all again",
                statuses.join(", ")
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(SettingsCommand::PayrollDetails {
            hours,
            rate,
            employee,
            description,
            target,
        }) => {
            let opened = target.open().await?;
            opened.authorize(&[state::Right::Configure]).await?;
            let details = PayrollDetails {
                hours,
                rate,
                employee,
                description,
            };
            opened
                .state
                .set_setting_as(&opened.company.code, PAYROLL_DETAILS_SETTING, &details)
                .await?;
            println!("payroll costs carry: {}", describe_payroll(details));
            Ok(ExitCode::SUCCESS)
        }
        Some(SettingsCommand::ProjectCostTypes {
            purchase,
            expense,
            payroll,
            target,
        }) => {
            let opened = target.open().await?;
            opened.authorize(&[state::Right::Configure]).await?;
            let types = ProjectCostTypes {
                purchase,
                expense,
                payroll,
            };
            opened
                .state
                .set_setting_as(&opened.company.code, PROJECT_COST_TYPES_SETTING, &types)
                .await?;
            println!(
                "project costs: purchases → {}, expenses → {}, payroll → {}",
                types.purchase, types.expense, types.payroll
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(SettingsCommand::CostTypes {
            pairs,
            default,
            target,
        }) => {
            let opened = target.open().await?;
            opened.authorize(&[state::Right::Configure]).await?;
            let mut map = CostTypeMap {
                default,
                ..CostTypeMap::default()
            };
            for pair in &pairs {
                let Some((erp, procore)) = pair.split_once('=') else {
                    return Err(Fail::new(
                        exit::USAGE,
                        format!("{pair:?}: expected MAESTRO=PROCORE, e.g. MO=L"),
                    )
                    .into());
                };
                map.map
                    .insert(erp.trim().to_owned(), procore.trim().to_owned());
            }
            let company = &opened.company.code;
            match opened.state.active_pairing(company).await? {
                Some(p) => runner::budgets::set_cost_types(&opened.state, p.id, company, &map)
                    .await
                    .map_err(|e| Fail::new(exit::CONFIG, e.to_string()))?,
                None => {
                    opened
                        .state
                        .set_setting_as(company, COST_TYPES_SETTING, &map)
                        .await?
                }
            }
            println!("cost types of {}: {}", opened.company.code, describe(&map));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn describe_payroll(d: PayrollDetails) -> String {
    let mut parts = vec!["the total amount"];
    for (on, what) in [
        (d.hours, "hours"),
        (d.rate, "rate"),
        (d.employee, "employee"),
        (d.description, "description"),
    ] {
        if on {
            parts.push(what);
        }
    }
    parts.join(", ")
}

fn describe_orders(o: OrdersTarget) -> &'static str {
    match o {
        OrdersTarget::Regular => "regular purchase orders",
        OrdersTarget::Stock => "stock orders from catalogue",
    }
}

fn describe_first_link(f: FirstLink) -> &'static str {
    match f {
        FirstLink::Ask => "each difference is a conflict to resolve",
        FirstLink::ErpWins => "maestro*'s values win",
        FirstLink::ProcoreWins => "Procore's values win",
    }
}

fn describe(map: &CostTypeMap) -> String {
    let mut parts: Vec<String> = map.map.iter().map(|(e, p)| format!("{e}={p}")).collect();
    parts.push(match &map.default {
        Some(d) => format!("others → {d}"),
        None => "others → the same code".to_owned(),
    });
    parts.join(", ")
}

async fn show(target: &Target, json_out: bool) -> anyhow::Result<ExitCode> {
    let opened = target.open().await?;
    opened.authorize(&[state::Right::View]).await?;
    let company = &opened.company.code;
    let mode = cost_code_mode(&opened.state, company).await?;
    let map: CostTypeMap = opened
        .state
        .setting_as(company, COST_TYPES_SETTING)
        .await?
        .unwrap_or_else(CostTypeMap::maestro_defaults);
    let mut first_links = serde_json::Map::new();
    for entity in TWO_WAY {
        let f = first_link(&opened.state, company, entity).await?;
        first_links.insert(entity.to_owned(), json!(f));
    }
    let orders = orders_target(&opened.state, company).await?;
    let payroll = payroll_details(&opened.state, company).await?;
    let cost_kinds = project_cost_types(&opened.state, company).await?;
    let mut statuses = serde_json::Map::new();
    for entity in BY_STATUS {
        let rule = status_rule(&opened.state, company, entity).await?;
        statuses.insert(entity.to_owned(), json!(rule.transfer));
    }
    if json_out {
        let shown = json!({"company": company, "cost_code_mode": mode, "cost_types": map,
                           "first_link": first_links, "orders": orders, "statuses": statuses,
                           "payroll_details": payroll, "project_cost_types": cost_kinds});
        println!("{}", serde_json::to_string_pretty(&shown)?);
    } else {
        println!(
            "company {company}\n  cost code mode: {} (separator {:?})\n  cost types: {}",
            mode.name(),
            mode.separator(),
            describe(&map)
        );
        for entity in TWO_WAY {
            let f = first_link(&opened.state, company, entity).await?;
            println!("  {entity} just linked: {}", describe_first_link(f));
        }
        println!("  Procore purchase orders: {}", describe_orders(orders));
        println!("  payroll costs carry: {}", describe_payroll(payroll));
        println!(
            "  project costs: purchases → {}, expenses → {}, payroll → {}",
            cost_kinds.purchase, cost_kinds.expense, cost_kinds.payroll
        );
        for (entity, rule) in &statuses {
            let list: Vec<&str> = rule
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str())
                .collect();
            println!("  {entity} brought over in status: {}", list.join(", "));
        }
    }
    Ok(ExitCode::SUCCESS)
}
