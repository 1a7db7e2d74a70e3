//! Typed maestro* records and the rules maestro* enforces on them.
//!
//! Field names are column names: a validation error, a CSV column and an SQL column say the same
//! word. Amounts are [`Decimal`]; dates are calendar dates.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::ValidationError;
use crate::record::{erp_record, ErpRecord, NaturalKey, ProjectScoped};
use crate::value::text_code;

/// Whether a maestro* company holds real data or test data.
///
/// A test company must only ever be paired with a Procore sandbox: the engine checks this before
/// pairing, which is why it is stored rather than configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// Live company.
    Production,
    /// Test company.
    Test,
}

impl Environment {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Environment::Production => "production",
            Environment::Test => "test",
        }
    }
}

impl FromStr for Environment {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "production" => Ok(Environment::Production),
            "test" => Ok(Environment::Test),
            other => Err(format!("{other:?} is not production or test")),
        }
    }
}

/// A maestro* company (a dimension in multidimensional mode).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    /// Company code.
    pub code: String,
    /// Legal name.
    pub name: String,
    /// Production or test data.
    pub environment: Environment,
    /// Multidimensional prefix, when the installation uses that mode.
    pub prefix: Option<String>,
}

impl Company {
    /// Every rule the company breaks.
    pub fn problems(&self) -> Vec<ValidationError> {
        let mut check = Check::new("company", self.code.clone());
        check.code("code", &self.code, 10);
        check.text("name", &self.name, 100);
        if let Some(prefix) = &self.prefix {
            check.code("prefix", prefix, 10);
        }
        check.problems
    }

    /// First rule the company breaks.
    pub fn validate(&self) -> Result<(), ValidationError> {
        self.problems().into_iter().next().map_or(Ok(()), Err)
    }
}

/// Supplier status in maestro*; no transaction may use a blocked or closed supplier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SupplierStatus {
    /// `A`: active.
    Active,
    /// `B`: blocked.
    Blocked,
    /// `1`: closed.
    Closed,
}

impl SupplierStatus {
    /// maestro* code.
    pub fn code(self) -> &'static str {
        match self {
            SupplierStatus::Active => "A",
            SupplierStatus::Blocked => "B",
            SupplierStatus::Closed => "1",
        }
    }

    /// Whether transactions (orders, invoices, costs) may use the supplier.
    pub fn accepts_transactions(self) -> bool {
        self == SupplierStatus::Active
    }
}

impl FromStr for SupplierStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "A" | "a" => Ok(SupplierStatus::Active),
            "B" | "b" => Ok(SupplierStatus::Blocked),
            "1" => Ok(SupplierStatus::Closed),
            other => Err(format!("{other:?} is not a supplier status (A, B or 1)")),
        }
    }
}

text_code!(SupplierStatus);

impl fmt::Display for SupplierStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Kind of project cost; Procore receives all three as direct costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProjectCostType {
    /// Purchase.
    Purchase,
    /// Expense.
    Expense,
    /// Payroll (hours); only the total amount is required.
    Payroll,
}

impl ProjectCostType {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            ProjectCostType::Purchase => "purchase",
            ProjectCostType::Expense => "expense",
            ProjectCostType::Payroll => "payroll",
        }
    }
}

impl FromStr for ProjectCostType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "purchase" => Ok(ProjectCostType::Purchase),
            "expense" => Ok(ProjectCostType::Expense),
            "payroll" => Ok(ProjectCostType::Payroll),
            other => Err(format!("{other:?} is not purchase, expense or payroll")),
        }
    }
}

text_code!(ProjectCostType);

/// What an order invoice is confirmed against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderKind {
    /// A regular purchase order.
    PurchaseOrder,
    /// A stock order from catalogue.
    StockFromCatalogue,
    /// A subcontract.
    Subcontract,
}

impl OrderKind {
    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            OrderKind::PurchaseOrder => "purchase_order",
            OrderKind::StockFromCatalogue => "stock_order",
            OrderKind::Subcontract => "subcontract",
        }
    }
}

impl FromStr for OrderKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "purchase_order" => Ok(OrderKind::PurchaseOrder),
            "stock_order" => Ok(OrderKind::StockFromCatalogue),
            "subcontract" => Ok(OrderKind::Subcontract),
            other => Err(format!(
                "{other:?} is not purchase_order, stock_order or subcontract"
            )),
        }
    }
}

text_code!(OrderKind);

erp_record! {
    /// A maestro* project or sub-project.
    pub struct Project {
        entity: Projects,
        table: "projects",
        label: "project",
        key: String = [number] |r| r.number.clone(),
        validate: validate_project,
    } {
        /// Project number (Procore Job Number; never changes after the first sync).
        number: String,
        /// Master project, for a sub-project.
        parent_number: Option<String>,
        /// Description (Procore project name), at most 100 characters.
        description: String,
        /// Detailed description.
        detailed_description: Option<String>,
        /// Street address, at most 40 characters.
        address: Option<String>,
        /// City, at most 60 characters.
        city: Option<String>,
        /// Province or state: ISO 3166-2 subdivision code without the country (`QC`).
        province: Option<String>,
        /// Country: ISO 3166-1 alpha-2 (`CA`).
        country: Option<String>,
        /// Postal code (`H2X 1Y4`).
        postal_code: Option<String>,
        /// Telephone.
        phone: Option<String>,
        /// Start date (required by Procore).
        start_date: Option<NaiveDate>,
        /// Closing date (Procore completion date, required by Procore).
        closing_date: Option<NaiveDate>,
        /// Active project.
        active: bool,
        /// Flagged in maestro* for synchronization with Procore.
        linked_to_procore: bool,
    }
}

impl ProjectScoped for Activity {
    fn project_number(&self) -> &str {
        &self.project_number
    }
}

impl ProjectScoped for BudgetLine {
    fn project_number(&self) -> &str {
        &self.project_number
    }
}

erp_record! {
    /// An activity of a project: one of its cost codes (`01-A-001-01`).
    pub struct Activity {
        entity: Activities,
        table: "activities",
        label: "activity",
        key: (String, String) = [project_number, code] |r| (r.project_number.clone(), r.code.clone()),
        validate: validate_activity,
    } {
        /// Project.
        project_number: String,
        /// Activity code; levels separated by `-`.
        code: String,
        /// Description.
        description: String,
    }
}

erp_record! {
    /// Budget of one activity for one cost type.
    ///
    /// The original budget is mastered in maestro* and sent to Procore; the modification is
    /// mastered in Procore and written back into the Modification column only.
    pub struct BudgetLine {
        entity: Budgets,
        table: "budgets",
        label: "budget line",
        key: (String, String, String) = [project_number, activity_code, cost_type]
            |r| (r.project_number.clone(), r.activity_code.clone(), r.cost_type.clone()),
        validate: validate_budget_line,
    } {
        /// Project.
        project_number: String,
        /// Activity.
        activity_code: String,
        /// Cost type (`M` material, `MO` labour, `S` subcontract, …).
        cost_type: String,
        /// Original budget.
        original: Decimal,
        /// Modification (budget changes from Procore).
        modification: Decimal,
    }
}

impl BudgetLine {
    /// Original plus modification.
    pub fn revised(&self) -> Decimal {
        self.original + self.modification
    }
}

/// A new Modification amount for one budget line; the original budget is never written by sync.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetModification {
    /// Project.
    pub project_number: String,
    /// Activity.
    pub activity_code: String,
    /// Cost type.
    pub cost_type: String,
    /// New Modification amount (replaces the stored one).
    pub modification: Decimal,
}

erp_record! {
    /// A supplier (a Procore directory company / vendor).
    pub struct Supplier {
        entity: Suppliers,
        table: "suppliers",
        label: "supplier",
        key: String = [code] |r| r.code.clone(),
        validate: validate_supplier,
    } {
        /// Supplier code.
        code: String,
        /// Name.
        name: String,
        /// Status A, B or 1.
        status: SupplierStatus,
        /// Flagged in maestro* for synchronization with Procore.
        linked_to_procore: bool,
        /// Street address, at most 40 characters.
        address: Option<String>,
        /// City.
        city: Option<String>,
        /// Province (ISO 3166-2 subdivision).
        province: Option<String>,
        /// Country (alpha-2).
        country: Option<String>,
        /// Postal code.
        postal_code: Option<String>,
        /// Telephone.
        phone: Option<String>,
        /// Email.
        email: Option<String>,
    }
}

erp_record! {
    /// A customer (in Procore, a directory company referenced by the prime contract).
    pub struct Customer {
        entity: Customers,
        table: "customers",
        label: "customer",
        key: String = [code] |r| r.code.clone(),
        validate: validate_customer,
    } {
        /// Customer code.
        code: String,
        /// Name.
        name: String,
        /// Street address, at most 40 characters.
        address: Option<String>,
        /// City.
        city: Option<String>,
        /// Province (ISO 3166-2 subdivision).
        province: Option<String>,
        /// Country (alpha-2).
        country: Option<String>,
        /// Postal code.
        postal_code: Option<String>,
        /// Telephone.
        phone: Option<String>,
        /// Email.
        email: Option<String>,
        /// Flagged for synchronization with Procore.
        linked_to_procore: bool,
    }
}

erp_record! {
    /// An employee (a Procore user / directory person).
    pub struct Employee {
        entity: Employees,
        table: "employees",
        label: "employee",
        key: String = [code] |r| r.code.clone(),
        validate: validate_employee,
    } {
        /// Employee code.
        code: String,
        /// First name.
        first_name: String,
        /// Last name.
        last_name: String,
        /// Email.
        email: Option<String>,
        /// Flagged for synchronization with Procore.
        linked_to_procore: bool,
    }
}

erp_record! {
    /// A billing contract (the Procore prime contract).
    pub struct BillingContract {
        entity: BillingContracts,
        table: "billing_contracts",
        label: "billing contract",
        key: String = [number] |r| r.number.clone(),
        validate: validate_billing_contract,
    } {
        /// Contract number.
        number: String,
        /// Project.
        project_number: String,
        /// Customer billed.
        customer_code: String,
        /// Description.
        description: String,
        /// Contract date.
        contract_date: Option<NaiveDate>,
        /// Contract amount before change orders.
        amount: Decimal,
        /// External No.: the contract's number in the other program (Procore).
        external_no: Option<String>,
        /// Voided in the other program: kept, never deleted, and flagged.
        voided: bool,
    }
}

erp_record! {
    /// A change order of a billing contract (from the prime contract's change orders).
    pub struct BillingContractChangeOrder {
        entity: BillingContractChangeOrders,
        table: "billing_contract_change_orders",
        label: "billing contract change order",
        key: (String, String) = [contract_number, number] |r| (r.contract_number.clone(), r.number.clone()),
        validate: validate_billing_change_order,
    } {
        /// Billing contract.
        contract_number: String,
        /// Change order number.
        number: String,
        /// Description.
        description: String,
        /// Date of the change.
        change_date: Option<NaiveDate>,
        /// Amount added (negative: removed).
        amount: Decimal,
        /// External No.: the change order's number in the other program (Procore).
        external_no: Option<String>,
        /// Voided in the other program: kept, never deleted, and flagged.
        voided: bool,
    }
}

erp_record! {
    /// A stock order from catalogue (for inventory, or for a project).
    pub struct StockOrder {
        entity: StockOrders,
        table: "stock_orders",
        label: "stock order",
        key: String = [number] |r| r.number.clone(),
        validate: validate_stock_order,
    } {
        /// Order number (counter shared with purchase orders and subcontracts).
        number: String,
        /// Project, when not ordered for inventory.
        project_number: Option<String>,
        /// Supplier.
        supplier_code: String,
        /// Order date.
        order_date: Option<NaiveDate>,
        /// Description.
        description: String,
        /// External No.: the order's number in the other program (Procore).
        external_no: Option<String>,
        /// Voided in the other program: kept, never deleted, and flagged.
        voided: bool,
    }
}

erp_record! {
    /// A line of a stock order from catalogue.
    pub struct StockOrderLine {
        entity: StockOrderLines,
        table: "stock_order_lines",
        label: "stock order line",
        key: (String, i64) = [order_number, line_no] |r| (r.order_number.clone(), r.line_no),
        validate: validate_stock_order_line,
    } {
        /// Stock order.
        order_number: String,
        /// Line number.
        line_no: i64,
        /// Catalogue item; empty for a non-catalogue item (project orders only).
        item_code: Option<String>,
        /// Description.
        description: String,
        /// Activity charged, for a project order.
        activity_code: Option<String>,
        /// Quantity.
        quantity: Decimal,
        /// Unit price.
        unit_price: Decimal,
        /// Line amount.
        amount: Decimal,
    }
}

erp_record! {
    /// A regular purchase order.
    pub struct PurchaseOrder {
        entity: PurchaseOrders,
        table: "purchase_orders",
        label: "purchase order",
        key: String = [number] |r| r.number.clone(),
        validate: validate_purchase_order,
    } {
        /// Order number.
        number: String,
        /// Project.
        project_number: String,
        /// Supplier.
        supplier_code: String,
        /// Order date.
        order_date: Option<NaiveDate>,
        /// Description.
        description: String,
        /// External No.: the order's number in the other program (Procore).
        external_no: Option<String>,
        /// Voided in the other program: kept, never deleted, and flagged.
        voided: bool,
    }
}

erp_record! {
    /// A line of a regular purchase order.
    pub struct PurchaseOrderLine {
        entity: PurchaseOrderLines,
        table: "purchase_order_lines",
        label: "purchase order line",
        key: (String, i64) = [order_number, line_no] |r| (r.order_number.clone(), r.line_no),
        validate: validate_purchase_order_line,
    } {
        /// Purchase order.
        order_number: String,
        /// Line number.
        line_no: i64,
        /// Description.
        description: String,
        /// Activity charged.
        activity_code: Option<String>,
        /// Quantity.
        quantity: Decimal,
        /// Unit price.
        unit_price: Decimal,
        /// Line amount.
        amount: Decimal,
    }
}

erp_record! {
    /// A subcontract (a Procore subcontract commitment).
    pub struct Subcontract {
        entity: Subcontracts,
        table: "subcontracts",
        label: "subcontract",
        key: String = [number] |r| r.number.clone(),
        validate: validate_subcontract,
    } {
        /// Subcontract number.
        number: String,
        /// External No.: the subcontract's number in the other program (Procore).
        external_no: Option<String>,
        /// Project.
        project_number: String,
        /// Subcontractor.
        supplier_code: String,
        /// Description.
        description: String,
        /// Contract date.
        contract_date: Option<NaiveDate>,
        /// The subcontract this one changes, for a subcontract change order (maestro* keeps
        /// change orders of subcontracts as subcontracts of their own).
        changes_subcontract: Option<String>,
        /// Voided in the other program: kept, never deleted, and flagged.
        voided: bool,
    }
}

erp_record! {
    /// A line of a subcontract.
    pub struct SubcontractLine {
        entity: SubcontractLines,
        table: "subcontract_lines",
        label: "subcontract line",
        key: (String, i64) = [subcontract_number, line_no] |r| (r.subcontract_number.clone(), r.line_no),
        validate: validate_subcontract_line,
    } {
        /// Subcontract.
        subcontract_number: String,
        /// Line number.
        line_no: i64,
        /// Activity charged.
        activity_code: Option<String>,
        /// Description.
        description: String,
        /// Line amount.
        amount: Decimal,
    }
}

erp_record! {
    /// A project cost transaction (sent to Procore as a direct cost).
    pub struct ProjectCost {
        entity: ProjectCosts,
        table: "project_costs",
        label: "project cost",
        key: String = [number] |r| r.number.clone(),
        validate: validate_project_cost,
    } {
        /// Transaction number.
        number: String,
        /// Purchase, expense or payroll.
        cost_type: ProjectCostType,
        /// Transaction date.
        cost_date: NaiveDate,
        /// Project.
        project_number: String,
        /// Activity charged.
        activity_code: String,
        /// Supplier (purchases and expenses).
        supplier_code: Option<String>,
        /// Employee (payroll).
        employee_code: Option<String>,
        /// Total amount (the only amount Procore requires).
        amount: Decimal,
        /// Hours (payroll).
        hours: Option<Decimal>,
        /// Hourly rate (payroll).
        rate: Option<Decimal>,
        /// Description.
        description: Option<String>,
    }
}

erp_record! {
    /// A supplier invoice confirmed against an order or a subcontract.
    pub struct OrderInvoice {
        entity: OrderInvoices,
        table: "order_invoices",
        label: "order invoice",
        key: (String, String) = [supplier_code, number] |r| (r.supplier_code.clone(), r.number.clone()),
        validate: validate_order_invoice,
    } {
        /// Supplier.
        supplier_code: String,
        /// Supplier's invoice number.
        number: String,
        /// What the invoice is confirmed against.
        order_kind: OrderKind,
        /// Order, stock order or subcontract number.
        order_number: String,
        /// Invoice date.
        invoice_date: NaiveDate,
        /// Amount before taxes.
        amount: Decimal,
        /// Description.
        description: Option<String>,
    }
}

/// Largest absolute amount NUMERIC(19,4) holds.
fn max_amount() -> Decimal {
    Decimal::new(999_999_999_999_999, 0)
}

/// Collects the problems of one record.
struct Check {
    record: &'static str,
    key: String,
    problems: Vec<ValidationError>,
}

impl Check {
    fn new(record: &'static str, key: String) -> Check {
        Check {
            record,
            key,
            problems: Vec::new(),
        }
    }

    fn of<R: ErpRecord>(record: &R) -> Check {
        Check::new(R::LABEL, record.key().text())
    }

    fn push(&mut self, field: &'static str, reason: String) {
        self.problems.push(ValidationError {
            record: self.record,
            key: self.key.clone(),
            field,
            reason,
        });
    }

    /// Required free text of at most `max` characters.
    fn text(&mut self, field: &'static str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.push(field, "is required".to_owned());
        } else {
            self.max_len(field, value, max);
        }
    }

    fn max_len(&mut self, field: &'static str, value: &str, max: usize) {
        let len = value.chars().count();
        if len > max {
            self.push(field, format!("is longer than {max} characters ({len})"));
        }
        if let Some(c) = value.chars().find(|c| is_hidden_control(*c)) {
            self.push(
                field,
                format!("{} contains the control character {c:?}", quoted(value)),
            );
        }
    }

    fn opt_text(&mut self, field: &'static str, value: &Option<String>, max: usize) {
        if let Some(value) = value {
            self.max_len(field, value, max);
        }
    }

    /// A code: required, no spaces, at most `max` characters.
    fn code(&mut self, field: &'static str, value: &str, max: usize) {
        if value.is_empty() {
            self.push(field, "is required".to_owned());
            return;
        }
        if let Some(c) = value.chars().find(|c| c.is_whitespace() || c.is_control()) {
            self.push(field, format!("{} contains {c:?}", quoted(value)));
        }
        self.max_len(field, value, max);
    }

    fn project_number(&mut self, field: &'static str, value: &str) {
        if let Err(reason) = check_project_number(value) {
            self.push(field, reason);
        }
    }

    fn amount(&mut self, field: &'static str, value: Decimal) {
        if value.abs() > max_amount() {
            self.push(field, format!("{value} is too large"));
        } else if value.scale() > 4 && value.round_dp(4) != value {
            self.push(field, format!("{value} has more than 4 decimals"));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn address(
        &mut self,
        address: &Option<String>,
        city: &Option<String>,
        province: &Option<String>,
        country: &Option<String>,
        postal_code: &Option<String>,
        phone: &Option<String>,
    ) {
        self.opt_text("address", address, 40);
        self.opt_text("city", city, 60);
        if let Some(province) = province {
            let ok = (2..=3).contains(&province.len())
                && province
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            if !ok {
                self.push(
                    "province",
                    format!("{province:?} is not an ISO 3166-2 subdivision code such as QC"),
                );
            }
        }
        if let Some(country) = country {
            if !(country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase())) {
                self.push(
                    "country",
                    format!("{country:?} is not an ISO 3166-1 alpha-2 code such as CA"),
                );
            }
        }
        if let Some(postal_code) = postal_code {
            let reason = match country.as_deref() {
                Some("CA") if !is_canadian_postal_code(postal_code) => Some(format!(
                    "{postal_code:?} is not a Canadian postal code (A1A 1A1)"
                )),
                Some("US") if !is_us_zip(postal_code) => Some(format!(
                    "{postal_code:?} is not a ZIP code (12345 or 12345-6789)"
                )),
                _ if postal_code.chars().count() > 10 => Some(format!(
                    "is longer than 10 characters ({})",
                    postal_code.len()
                )),
                _ => None,
            };
            if let Some(reason) = reason {
                self.push("postal_code", reason);
            }
        }
        if let Some(phone) = phone {
            let ok = phone.chars().count() <= 25
                && phone.chars().any(|c| c.is_ascii_digit())
                && phone
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-().#xX".contains(c) || c == 'p');
            if !ok {
                self.push("phone", format!("{phone:?} is not a telephone number"));
            }
        }
    }

    fn email(&mut self, field: &'static str, email: &Option<String>) {
        if let Some(email) = email {
            let ok = email.chars().count() <= 100
                && !email.contains(char::is_whitespace)
                && email.split_once('@').is_some_and(|(user, domain)| {
                    !user.is_empty() && domain.contains('.') && !domain.contains('@')
                });
            if !ok {
                self.push(field, format!("{email:?} is not an email address"));
            }
        }
    }

    fn finish(self) -> Vec<ValidationError> {
        self.problems
    }
}

/// A character that changes how text reads without showing itself: C0/C1 controls other than
/// line breaks and tabs (which multi-line descriptions hold), and the bidirectional embeddings,
/// overrides and isolates that can make `fdp.exe` display as `exe.pdf`.
fn is_hidden_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `value` quoted for a message, cut short: a refused value may be megabytes long.
fn quoted(value: &str) -> String {
    const MAX: usize = 60;
    if value.chars().count() <= MAX {
        format!("{value:?}")
    } else {
        let head: String = value.chars().take(MAX).collect();
        format!("{head:?}…")
    }
}

/// Checks a maestro* project number: at most 10 characters, ASCII letters and digits (plus `-`
/// and `.`); `* , # :` and accented letters are refused by maestro*.
///
/// Returns the reason on failure, e.g. `"AB#12" contains '#'`.
pub fn check_project_number(number: &str) -> Result<(), String> {
    if number.is_empty() {
        return Err("is required".to_owned());
    }
    if let Some(c) = number
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
    {
        return Err(format!("{} contains {c:?}", quoted(number)));
    }
    let len = number.chars().count();
    if len > 10 {
        return Err(format!(
            "{} is longer than 10 characters ({len})",
            quoted(number)
        ));
    }
    Ok(())
}

fn is_canadian_postal_code(code: &str) -> bool {
    let chars: Vec<char> = code.chars().collect();
    let letter = |c: char| c.is_ascii_uppercase() && !"DFIOQU".contains(c);
    chars.len() == 7
        && letter(chars[0])
        && !"WZ".contains(chars[0])
        && chars[1].is_ascii_digit()
        && letter(chars[2])
        && chars[3] == ' '
        && chars[4].is_ascii_digit()
        && letter(chars[5])
        && chars[6].is_ascii_digit()
}

fn is_us_zip(code: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    match code.split_once('-') {
        Some((five, four)) => digits(five, 5) && digits(four, 4),
        None => digits(code, 5),
    }
}

/// Rules of a project.
pub fn validate_project(p: &Project) -> Vec<ValidationError> {
    let mut check = Check::of(p);
    check.project_number("number", &p.number);
    if let Some(parent) = &p.parent_number {
        check.project_number("parent_number", parent);
        if parent == &p.number {
            check.push(
                "parent_number",
                "a project cannot be its own master project".to_owned(),
            );
        }
    }
    check.text("description", &p.description, 100);
    check.address(
        &p.address,
        &p.city,
        &p.province,
        &p.country,
        &p.postal_code,
        &p.phone,
    );
    if let (Some(start), Some(closing)) = (p.start_date, p.closing_date) {
        if closing < start {
            check.push(
                "closing_date",
                format!("{closing} is before the start date {start}"),
            );
        }
    }
    check.finish()
}

/// Rules of an activity.
pub fn validate_activity(a: &Activity) -> Vec<ValidationError> {
    let mut check = Check::of(a);
    check.project_number("project_number", &a.project_number);
    check.code("code", &a.code, 30);
    if a.code.starts_with('-') || a.code.ends_with('-') || a.code.contains("--") {
        check.push("code", format!("{:?} has an empty level", a.code));
    }
    check.text("description", &a.description, 100);
    check.finish()
}

/// Rules of a budget line.
pub fn validate_budget_line(b: &BudgetLine) -> Vec<ValidationError> {
    let mut check = Check::of(b);
    check.project_number("project_number", &b.project_number);
    check.code("activity_code", &b.activity_code, 30);
    check.code("cost_type", &b.cost_type, 10);
    check.amount("original", b.original);
    check.amount("modification", b.modification);
    check.finish()
}

/// Rules of a supplier.
pub fn validate_supplier(s: &Supplier) -> Vec<ValidationError> {
    let mut check = Check::of(s);
    check.code("code", &s.code, 10);
    check.text("name", &s.name, 60);
    check.address(
        &s.address,
        &s.city,
        &s.province,
        &s.country,
        &s.postal_code,
        &s.phone,
    );
    check.email("email", &s.email);
    check.finish()
}

/// Rules of a customer.
pub fn validate_customer(c: &Customer) -> Vec<ValidationError> {
    let mut check = Check::of(c);
    check.code("code", &c.code, 10);
    check.text("name", &c.name, 60);
    check.address(
        &c.address,
        &c.city,
        &c.province,
        &c.country,
        &c.postal_code,
        &c.phone,
    );
    check.email("email", &c.email);
    check.finish()
}

/// Rules of an employee.
pub fn validate_employee(e: &Employee) -> Vec<ValidationError> {
    let mut check = Check::of(e);
    check.code("code", &e.code, 10);
    check.text("first_name", &e.first_name, 40);
    check.text("last_name", &e.last_name, 40);
    check.email("email", &e.email);
    check.finish()
}

/// Rules of a billing contract.
pub fn validate_billing_contract(b: &BillingContract) -> Vec<ValidationError> {
    let mut check = Check::of(b);
    check.code("number", &b.number, 20);
    check.project_number("project_number", &b.project_number);
    check.code("customer_code", &b.customer_code, 10);
    check.text("description", &b.description, 100);
    check.amount("amount", b.amount);
    check.opt_text("external_no", &b.external_no, 40);
    check.finish()
}

/// Rules of a billing contract change order.
pub fn validate_billing_change_order(c: &BillingContractChangeOrder) -> Vec<ValidationError> {
    let mut check = Check::of(c);
    check.code("contract_number", &c.contract_number, 20);
    check.code("number", &c.number, 20);
    check.text("description", &c.description, 100);
    check.amount("amount", c.amount);
    check.opt_text("external_no", &c.external_no, 40);
    check.finish()
}

/// Rules of a stock order from catalogue.
pub fn validate_stock_order(o: &StockOrder) -> Vec<ValidationError> {
    let mut check = Check::of(o);
    check.code("number", &o.number, 20);
    if let Some(project) = &o.project_number {
        check.project_number("project_number", project);
    }
    check.code("supplier_code", &o.supplier_code, 10);
    check.text("description", &o.description, 100);
    check.opt_text("external_no", &o.external_no, 40);
    check.finish()
}

/// Rules of a stock order line.
pub fn validate_stock_order_line(l: &StockOrderLine) -> Vec<ValidationError> {
    let mut check = Check::of(l);
    check.code("order_number", &l.order_number, 20);
    if l.line_no <= 0 {
        check.push(
            "line_no",
            format!("{} is not a positive line number", l.line_no),
        );
    }
    check.text("description", &l.description, 100);
    check.amount("quantity", l.quantity);
    check.amount("unit_price", l.unit_price);
    check.amount("amount", l.amount);
    check.finish()
}

/// Rules of a purchase order.
pub fn validate_purchase_order(o: &PurchaseOrder) -> Vec<ValidationError> {
    let mut check = Check::of(o);
    check.code("number", &o.number, 20);
    check.project_number("project_number", &o.project_number);
    check.code("supplier_code", &o.supplier_code, 10);
    check.text("description", &o.description, 100);
    check.opt_text("external_no", &o.external_no, 40);
    check.finish()
}

/// Rules of a purchase order line.
pub fn validate_purchase_order_line(l: &PurchaseOrderLine) -> Vec<ValidationError> {
    let mut check = Check::of(l);
    check.code("order_number", &l.order_number, 20);
    if l.line_no <= 0 {
        check.push(
            "line_no",
            format!("{} is not a positive line number", l.line_no),
        );
    }
    check.text("description", &l.description, 100);
    check.amount("quantity", l.quantity);
    check.amount("unit_price", l.unit_price);
    check.amount("amount", l.amount);
    check.finish()
}

/// Rules of a subcontract.
pub fn validate_subcontract(s: &Subcontract) -> Vec<ValidationError> {
    let mut check = Check::of(s);
    check.code("number", &s.number, 20);
    check.opt_text("external_no", &s.external_no, 40);
    check.project_number("project_number", &s.project_number);
    check.code("supplier_code", &s.supplier_code, 10);
    check.text("description", &s.description, 100);
    if let Some(parent) = &s.changes_subcontract {
        check.code("changes_subcontract", parent, 20);
        if parent == &s.number {
            check.push(
                "changes_subcontract",
                "a subcontract cannot change itself".to_owned(),
            );
        }
    }
    check.finish()
}

/// Rules of a subcontract line.
pub fn validate_subcontract_line(l: &SubcontractLine) -> Vec<ValidationError> {
    let mut check = Check::of(l);
    check.code("subcontract_number", &l.subcontract_number, 20);
    if l.line_no <= 0 {
        check.push(
            "line_no",
            format!("{} is not a positive line number", l.line_no),
        );
    }
    check.text("description", &l.description, 100);
    check.amount("amount", l.amount);
    check.finish()
}

/// Rules of a project cost.
pub fn validate_project_cost(c: &ProjectCost) -> Vec<ValidationError> {
    let mut check = Check::of(c);
    check.code("number", &c.number, 20);
    check.project_number("project_number", &c.project_number);
    check.code("activity_code", &c.activity_code, 30);
    check.amount("amount", c.amount);
    match c.cost_type {
        ProjectCostType::Payroll if c.employee_code.is_none() => {
            check.push("employee_code", "is required for a payroll cost".to_owned());
        }
        ProjectCostType::Purchase | ProjectCostType::Expense if c.supplier_code.is_none() => {
            check.push(
                "supplier_code",
                format!("is required for a {} cost", c.cost_type.code()),
            );
        }
        _ => {}
    }
    if let Some(hours) = c.hours {
        check.amount("hours", hours);
    }
    if let Some(rate) = c.rate {
        check.amount("rate", rate);
    }
    check.opt_text("description", &c.description, 100);
    check.finish()
}

/// Rules of an order invoice.
pub fn validate_order_invoice(i: &OrderInvoice) -> Vec<ValidationError> {
    let mut check = Check::of(i);
    check.code("supplier_code", &i.supplier_code, 10);
    check.code("number", &i.number, 20);
    check.code("order_number", &i.order_number, 20);
    check.amount("amount", i.amount);
    check.opt_text("description", &i.description, 100);
    check.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_number_rules() {
        assert!(check_project_number("24017").is_ok());
        assert!(check_project_number("24-017.A").is_ok());
        assert_eq!(
            check_project_number("AB#12").unwrap_err(),
            "\"AB#12\" contains '#'"
        );
        for bad in ["A*1", "A,1", "A:1", "ÉTÉ1", ""] {
            assert!(check_project_number(bad).is_err(), "{bad}");
        }
        assert!(check_project_number("12345678901").is_err());
    }

    #[test]
    fn postal_codes() {
        assert!(is_canadian_postal_code("H2X 1Y4"));
        assert!(is_canadian_postal_code("K1A 0B1"));
        assert!(!is_canadian_postal_code("H2X1Y4"));
        assert!(!is_canadian_postal_code("Z2X 1Y4"));
        assert!(is_us_zip("12345-6789"));
    }
}
