//! [`ErpConnector`]: the ERP as the sync engine sees it.
//!
//! The engine reads changes after a cursor, looks records up by natural key and writes what came
//! from Procore, always as `changed_by = sync`. Budgets are read-only here except for the
//! Modification column: the original budget is mastered in maestro* and no sync path can
//! overwrite it.

use async_trait::async_trait;

use crate::error::ErpError;
use crate::model::{
    Activity, BillingContract, BillingContractChangeOrder, BudgetLine, BudgetModification, Company,
    Customer, Employee, Environment, OrderInvoice, Project, ProjectCost, PurchaseOrder,
    PurchaseOrderLine, StockOrder, StockOrderLine, Subcontract, SubcontractLine, Supplier,
};
use crate::record::{
    ChangeBatch, ChangeMeta, ChangeOrigin, ChangeSeq, Changed, ErpRecord, UpsertReport,
};
use crate::store::ErpStore;

/// Reading one entity of a company.
#[async_trait]
pub trait EntityReader<R: ErpRecord>: Send + Sync {
    /// Records changed after `since`, in `change_seq` order, at most `limit`; pass the returned
    /// `high_water` as the next `since`.
    async fn changes_since(
        &self,
        company: &str,
        since: ChangeSeq,
        limit: u32,
    ) -> Result<ChangeBatch<R>, ErpError>;

    /// One record by natural key.
    async fn get(&self, company: &str, key: &R::Key) -> Result<Option<Changed<R>>, ErpError>;
}

/// Reading and writing one entity of a company; writes are stamped `changed_by = sync`.
#[async_trait]
pub trait EntityStore<R: ErpRecord>: EntityReader<R> {
    /// Inserts or updates one record.
    async fn upsert(&self, company: &str, record: &R) -> Result<UpsertReport, ErpError>;

    /// Inserts or updates a batch in one transaction: all or nothing.
    async fn upsert_batch(&self, company: &str, records: &[R]) -> Result<UpsertReport, ErpError>;

    /// Creates a record that must not exist yet ([`ErpError::Duplicate`] otherwise): the guard
    /// against creating the same Procore record twice after a retry.
    async fn create(&self, company: &str, record: &R) -> Result<ChangeMeta, ErpError>;
}

/// An ERP back end for the sync engine. Object safe: the engine holds a `Box<dyn ErpConnector>`.
#[async_trait]
pub trait ErpConnector: Send + Sync {
    /// Every company.
    async fn companies(&self) -> Result<Vec<Company>, ErpError>;
    /// Production or test: a test company may only be paired with a Procore sandbox.
    async fn environment(&self, company: &str) -> Result<Environment, ErpError>;
    /// Last change number of a company, to start a cursor at "now".
    async fn last_change_seq(&self, company: &str) -> Result<ChangeSeq, ErpError>;

    /// Projects and sub-projects.
    fn projects(&self) -> &dyn EntityStore<Project>;
    /// Activities (cost codes).
    fn activities(&self) -> &dyn EntityStore<Activity>;
    /// Budget lines, read-only: see [`ErpConnector::write_budget_modifications`].
    fn budgets(&self) -> &dyn EntityReader<BudgetLine>;
    /// Suppliers.
    fn suppliers(&self) -> &dyn EntityStore<Supplier>;
    /// Customers.
    fn customers(&self) -> &dyn EntityStore<Customer>;
    /// Employees.
    fn employees(&self) -> &dyn EntityStore<Employee>;
    /// Billing contracts.
    fn billing_contracts(&self) -> &dyn EntityStore<BillingContract>;
    /// Billing contract change orders.
    fn billing_contract_change_orders(&self) -> &dyn EntityStore<BillingContractChangeOrder>;
    /// Stock orders from catalogue.
    fn stock_orders(&self) -> &dyn EntityStore<StockOrder>;
    /// Stock order lines.
    fn stock_order_lines(&self) -> &dyn EntityStore<StockOrderLine>;
    /// Regular purchase orders.
    fn purchase_orders(&self) -> &dyn EntityStore<PurchaseOrder>;
    /// Purchase order lines.
    fn purchase_order_lines(&self) -> &dyn EntityStore<PurchaseOrderLine>;
    /// Subcontracts.
    fn subcontracts(&self) -> &dyn EntityStore<Subcontract>;
    /// Subcontract lines.
    fn subcontract_lines(&self) -> &dyn EntityStore<SubcontractLine>;
    /// Project costs.
    fn project_costs(&self) -> &dyn EntityStore<ProjectCost>;
    /// Order invoices.
    fn order_invoices(&self) -> &dyn EntityStore<OrderInvoice>;

    /// Every activity of one project: a cost code plan needs the project's whole list, and
    /// reading it a project at a time keeps one project's list in memory, not the company's.
    async fn project_activities(
        &self,
        company: &str,
        project_number: &str,
    ) -> Result<Vec<Activity>, ErpError>;
    /// Every budget line of one project (for the same reason).
    async fn project_budget_lines(
        &self,
        company: &str,
        project_number: &str,
    ) -> Result<Vec<BudgetLine>, ErpError>;

    /// Writes Procore's budget modifications into the Modification column, in one transaction;
    /// the original budget is left as it is.
    async fn write_budget_modifications(
        &self,
        company: &str,
        modifications: &[BudgetModification],
    ) -> Result<UpsertReport, ErpError>;
}

#[async_trait]
impl<R: ErpRecord> EntityReader<R> for ErpStore {
    async fn changes_since(
        &self,
        company: &str,
        since: ChangeSeq,
        limit: u32,
    ) -> Result<ChangeBatch<R>, ErpError> {
        ErpStore::changes_since(self, company, since, limit).await
    }

    async fn get(&self, company: &str, key: &R::Key) -> Result<Option<Changed<R>>, ErpError> {
        ErpStore::get(self, company, key).await
    }
}

#[async_trait]
impl<R: ErpRecord> EntityStore<R> for ErpStore {
    async fn upsert(&self, company: &str, record: &R) -> Result<UpsertReport, ErpError> {
        ErpStore::upsert(
            self,
            company,
            std::slice::from_ref(record),
            ChangeOrigin::Sync,
        )
        .await
    }

    async fn upsert_batch(&self, company: &str, records: &[R]) -> Result<UpsertReport, ErpError> {
        ErpStore::upsert(self, company, records, ChangeOrigin::Sync).await
    }

    async fn create(&self, company: &str, record: &R) -> Result<ChangeMeta, ErpError> {
        ErpStore::create(
            self,
            company,
            std::slice::from_ref(record),
            ChangeOrigin::Sync,
        )
        .await?;
        ErpStore::get::<R>(self, company, &record.key())
            .await?
            .map(|c| c.meta)
            .ok_or_else(|| ErpError::Database(sqlx::Error::RowNotFound))
    }
}

#[async_trait]
impl ErpConnector for ErpStore {
    async fn companies(&self) -> Result<Vec<Company>, ErpError> {
        ErpStore::companies(self).await
    }

    async fn environment(&self, company: &str) -> Result<Environment, ErpError> {
        ErpStore::environment(self, company).await
    }

    async fn last_change_seq(&self, company: &str) -> Result<ChangeSeq, ErpError> {
        ErpStore::last_change_seq(self, company).await
    }

    fn projects(&self) -> &dyn EntityStore<Project> {
        self
    }
    fn activities(&self) -> &dyn EntityStore<Activity> {
        self
    }
    fn budgets(&self) -> &dyn EntityReader<BudgetLine> {
        self
    }
    fn suppliers(&self) -> &dyn EntityStore<Supplier> {
        self
    }
    fn customers(&self) -> &dyn EntityStore<Customer> {
        self
    }
    fn employees(&self) -> &dyn EntityStore<Employee> {
        self
    }
    fn billing_contracts(&self) -> &dyn EntityStore<BillingContract> {
        self
    }
    fn billing_contract_change_orders(&self) -> &dyn EntityStore<BillingContractChangeOrder> {
        self
    }
    fn stock_orders(&self) -> &dyn EntityStore<StockOrder> {
        self
    }
    fn stock_order_lines(&self) -> &dyn EntityStore<StockOrderLine> {
        self
    }
    fn purchase_orders(&self) -> &dyn EntityStore<PurchaseOrder> {
        self
    }
    fn purchase_order_lines(&self) -> &dyn EntityStore<PurchaseOrderLine> {
        self
    }
    fn subcontracts(&self) -> &dyn EntityStore<Subcontract> {
        self
    }
    fn subcontract_lines(&self) -> &dyn EntityStore<SubcontractLine> {
        self
    }
    fn project_costs(&self) -> &dyn EntityStore<ProjectCost> {
        self
    }
    fn order_invoices(&self) -> &dyn EntityStore<OrderInvoice> {
        self
    }

    async fn project_activities(
        &self,
        company: &str,
        project_number: &str,
    ) -> Result<Vec<Activity>, ErpError> {
        let rows = ErpStore::of_project::<Activity>(self, company, project_number).await?;
        Ok(rows.into_iter().map(|c| c.record).collect())
    }

    async fn project_budget_lines(
        &self,
        company: &str,
        project_number: &str,
    ) -> Result<Vec<BudgetLine>, ErpError> {
        let rows = ErpStore::of_project::<BudgetLine>(self, company, project_number).await?;
        Ok(rows.into_iter().map(|c| c.record).collect())
    }

    async fn write_budget_modifications(
        &self,
        company: &str,
        modifications: &[BudgetModification],
    ) -> Result<UpsertReport, ErpError> {
        ErpStore::set_budget_modifications(self, company, modifications, ChangeOrigin::Sync).await
    }
}
