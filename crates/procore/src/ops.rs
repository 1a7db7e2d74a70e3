//! Every Procore operation this client calls, by operationId (as in Procore's OpenAPI description).

use http::Method;

use crate::client::Op;

/// `GET /oauth/authorize` — Grant App Authorization.
pub const OAUTH_AUTHORIZE_GET: Op = Op {
    id: "OauthAuthorizeGet",
    method: Method::GET,
    path: "/oauth/authorize",
};
/// `POST /oauth/revoke` — Revoke Token.
pub const OAUTH_REVOKE_POST: Op = Op {
    id: "OauthRevokePost",
    method: Method::POST,
    path: "/oauth/revoke",
};
/// `POST /oauth/token` — Get or Refresh an Access Token.
pub const OAUTH_TOKEN_POST: Op = Op {
    id: "OauthTokenPost",
    method: Method::POST,
    path: "/oauth/token",
};
/// `GET /oauth/token/info` — Get Token Info.
pub const OAUTH_TOKEN_INFO_GET: Op = Op {
    id: "OauthTokenInfoGet",
    method: Method::GET,
    path: "/oauth/token/info",
};
/// `POST /rest/v1.0/budget_line_items` — Create Budget Line Item.
pub const REST_V10_BUDGET_LINE_ITEMS_POST: Op = Op {
    id: "RestV10BudgetLineItemsPost",
    method: Method::POST,
    path: "/rest/v1.0/budget_line_items",
};
/// `POST /rest/v1.0/budget_line_items/sync` — Sync Budget Line Items.
pub const REST_V10_BUDGET_LINE_ITEMS_SYNC_POST: Op = Op {
    id: "RestV10BudgetLineItemsSyncPost",
    method: Method::POST,
    path: "/rest/v1.0/budget_line_items/sync",
};
/// `GET /rest/v1.0/budget_line_items/{id}` — Show Budget Line Item.
pub const REST_V10_BUDGET_LINE_ITEMS_ID_GET: Op = Op {
    id: "RestV10BudgetLineItemsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/budget_line_items/{id}",
};
/// `PATCH /rest/v1.0/budget_line_items/{id}` — Update Budget Line Item.
pub const REST_V10_BUDGET_LINE_ITEMS_ID_PATCH: Op = Op {
    id: "RestV10BudgetLineItemsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/budget_line_items/{id}",
};
/// `GET /rest/v1.0/budget_views` — List Budget Views.
pub const REST_V10_BUDGET_VIEWS_GET: Op = Op {
    id: "RestV10BudgetViewsGet",
    method: Method::GET,
    path: "/rest/v1.0/budget_views",
};
/// `GET /rest/v1.0/budget_views/{budget_view_id}/budget_detail_columns` — List Budget Detail Columns.
pub const REST_V10_BUDGET_VIEWS_BUDGET_VIEW_ID_BUDGET_DETAIL_COLUMNS_GET: Op = Op {
    id: "RestV10BudgetViewsBudgetViewIdBudgetDetailColumnsGet",
    method: Method::GET,
    path: "/rest/v1.0/budget_views/{budget_view_id}/budget_detail_columns",
};
/// `GET /rest/v1.0/budget_views/{budget_view_id}/detail_rows` — List Budget View Detail Rows.
pub const REST_V10_BUDGET_VIEWS_BUDGET_VIEW_ID_DETAIL_ROWS_GET: Op = Op {
    id: "RestV10BudgetViewsBudgetViewIdDetailRowsGet",
    method: Method::GET,
    path: "/rest/v1.0/budget_views/{budget_view_id}/detail_rows",
};
/// `GET /rest/v1.0/change_order_packages` — List Change Order Packages.
pub const REST_V10_CHANGE_ORDER_PACKAGES_GET: Op = Op {
    id: "RestV10ChangeOrderPackagesGet",
    method: Method::GET,
    path: "/rest/v1.0/change_order_packages",
};
/// `POST /rest/v1.0/change_order_packages` — Create Change Order Package.
pub const REST_V10_CHANGE_ORDER_PACKAGES_POST: Op = Op {
    id: "RestV10ChangeOrderPackagesPost",
    method: Method::POST,
    path: "/rest/v1.0/change_order_packages",
};
/// `GET /rest/v1.0/change_order_packages/{id}` — Show Change Order Package.
pub const REST_V10_CHANGE_ORDER_PACKAGES_ID_GET: Op = Op {
    id: "RestV10ChangeOrderPackagesIdGet",
    method: Method::GET,
    path: "/rest/v1.0/change_order_packages/{id}",
};
/// `PATCH /rest/v1.0/change_order_packages/{id}` — Update Change Order Package.
pub const REST_V10_CHANGE_ORDER_PACKAGES_ID_PATCH: Op = Op {
    id: "RestV10ChangeOrderPackagesIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/change_order_packages/{id}",
};
/// `GET /rest/v1.0/commitments` — List Commitments.
pub const REST_V10_COMMITMENTS_GET: Op = Op {
    id: "RestV10CommitmentsGet",
    method: Method::GET,
    path: "/rest/v1.0/commitments",
};
/// `GET /rest/v1.0/commitments/{id}` — Show a Commitment Contract.
pub const REST_V10_COMMITMENTS_ID_GET: Op = Op {
    id: "RestV10CommitmentsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/commitments/{id}",
};
/// `GET /rest/v1.0/companies` — List Companies.
pub const REST_V10_COMPANIES_GET: Op = Op {
    id: "RestV10CompaniesGet",
    method: Method::GET,
    path: "/rest/v1.0/companies",
};
/// `GET /rest/v1.0/companies/{company_id}/uoms` — List Units of Measure.
pub const REST_V10_COMPANIES_COMPANY_ID_UOMS_GET: Op = Op {
    id: "RestV10CompaniesCompanyIdUomsGet",
    method: Method::GET,
    path: "/rest/v1.0/companies/{company_id}/uoms",
};
/// `POST /rest/v1.0/companies/{company_id}/uoms` — Create Unit of Measure.
pub const REST_V10_COMPANIES_COMPANY_ID_UOMS_POST: Op = Op {
    id: "RestV10CompaniesCompanyIdUomsPost",
    method: Method::POST,
    path: "/rest/v1.0/companies/{company_id}/uoms",
};
/// `GET /rest/v1.0/companies/{company_id}/vendors/inactive` — List company Inactive Vendors.
pub const REST_V10_COMPANIES_COMPANY_ID_VENDORS_INACTIVE_GET: Op = Op {
    id: "RestV10CompaniesCompanyIdVendorsInactiveGet",
    method: Method::GET,
    path: "/rest/v1.0/companies/{company_id}/vendors/inactive",
};
/// `PATCH /rest/v1.0/companies/{company_id}/vendors/inactive/{id}` — Reactivate company vendor.
pub const REST_V10_COMPANIES_COMPANY_ID_VENDORS_INACTIVE_ID_PATCH: Op = Op {
    id: "RestV10CompaniesCompanyIdVendorsInactiveIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/companies/{company_id}/vendors/inactive/{id}",
};
/// `GET /rest/v1.0/cost_codes` — List Cost Codes.
pub const REST_V10_COST_CODES_GET: Op = Op {
    id: "RestV10CostCodesGet",
    method: Method::GET,
    path: "/rest/v1.0/cost_codes",
};
/// `POST /rest/v1.0/cost_codes` — Create Cost Code.
pub const REST_V10_COST_CODES_POST: Op = Op {
    id: "RestV10CostCodesPost",
    method: Method::POST,
    path: "/rest/v1.0/cost_codes",
};
/// `PATCH /rest/v1.0/cost_codes/sync` — Sync Cost Codes.
pub const REST_V10_COST_CODES_SYNC_PATCH: Op = Op {
    id: "RestV10CostCodesSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/cost_codes/sync",
};
/// `GET /rest/v1.0/cost_codes/{id}` — Show Cost Code.
pub const REST_V10_COST_CODES_ID_GET: Op = Op {
    id: "RestV10CostCodesIdGet",
    method: Method::GET,
    path: "/rest/v1.0/cost_codes/{id}",
};
/// `PATCH /rest/v1.0/cost_codes/{id}` — Update Cost Code.
pub const REST_V10_COST_CODES_ID_PATCH: Op = Op {
    id: "RestV10CostCodesIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/cost_codes/{id}",
};
/// `GET /rest/v1.0/line_item_types` — List Line Item Types.
pub const REST_V10_LINE_ITEM_TYPES_GET: Op = Op {
    id: "RestV10LineItemTypesGet",
    method: Method::GET,
    path: "/rest/v1.0/line_item_types",
};
/// `POST /rest/v1.0/line_item_types` — Create Line Item Type.
pub const REST_V10_LINE_ITEM_TYPES_POST: Op = Op {
    id: "RestV10LineItemTypesPost",
    method: Method::POST,
    path: "/rest/v1.0/line_item_types",
};
/// `PATCH /rest/v1.0/line_item_types/sync` — Sync Line Item Types.
pub const REST_V10_LINE_ITEM_TYPES_SYNC_PATCH: Op = Op {
    id: "RestV10LineItemTypesSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/line_item_types/sync",
};
/// `GET /rest/v1.0/line_item_types/{id}` — Show Line Item Type.
pub const REST_V10_LINE_ITEM_TYPES_ID_GET: Op = Op {
    id: "RestV10LineItemTypesIdGet",
    method: Method::GET,
    path: "/rest/v1.0/line_item_types/{id}",
};
/// `PATCH /rest/v1.0/line_item_types/{id}` — Update Line Item Type.
pub const REST_V10_LINE_ITEM_TYPES_ID_PATCH: Op = Op {
    id: "RestV10LineItemTypesIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/line_item_types/{id}",
};
/// `GET /rest/v1.0/me` — Show User Info.
pub const REST_V10_ME_GET: Op = Op {
    id: "RestV10MeGet",
    method: Method::GET,
    path: "/rest/v1.0/me",
};
/// `GET /rest/v1.0/prime_contract` — Show First Prime Contract.
pub const REST_V10_PRIME_CONTRACT_GET: Op = Op {
    id: "RestV10PrimeContractGet",
    method: Method::GET,
    path: "/rest/v1.0/prime_contract",
};
/// `POST /rest/v1.0/prime_contract` — Create Prime Contract.
pub const REST_V10_PRIME_CONTRACT_POST: Op = Op {
    id: "RestV10PrimeContractPost",
    method: Method::POST,
    path: "/rest/v1.0/prime_contract",
};
/// `DELETE /rest/v1.0/prime_contract/{id}` — Delete Prime Contract.
pub const REST_V10_PRIME_CONTRACT_ID_DELETE: Op = Op {
    id: "RestV10PrimeContractIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/prime_contract/{id}",
};
/// `GET /rest/v1.0/prime_contract/{id}` — Show Prime Contract.
pub const REST_V10_PRIME_CONTRACT_ID_GET: Op = Op {
    id: "RestV10PrimeContractIdGet",
    method: Method::GET,
    path: "/rest/v1.0/prime_contract/{id}",
};
/// `PATCH /rest/v1.0/prime_contract/{id}` — Update Prime Contract.
pub const REST_V10_PRIME_CONTRACT_ID_PATCH: Op = Op {
    id: "RestV10PrimeContractIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/prime_contract/{id}",
};
/// `GET /rest/v1.0/prime_contracts` — List all Prime Contracts.
pub const REST_V10_PRIME_CONTRACTS_GET: Op = Op {
    id: "RestV10PrimeContractsGet",
    method: Method::GET,
    path: "/rest/v1.0/prime_contracts",
};
/// `GET /rest/v1.0/prime_contracts/{prime_contract_id}/line_items` — List Prime Contract line items.
pub const REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_GET: Op = Op {
    id: "RestV10PrimeContractsPrimeContractIdLineItemsGet",
    method: Method::GET,
    path: "/rest/v1.0/prime_contracts/{prime_contract_id}/line_items",
};
/// `POST /rest/v1.0/prime_contracts/{prime_contract_id}/line_items` — Create Prime Contract line item.
pub const REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_POST: Op = Op {
    id: "RestV10PrimeContractsPrimeContractIdLineItemsPost",
    method: Method::POST,
    path: "/rest/v1.0/prime_contracts/{prime_contract_id}/line_items",
};
/// `PATCH /rest/v1.0/prime_contracts/{prime_contract_id}/line_items/sync` — Sync Prime Contract Line Items.
pub const REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_SYNC_PATCH: Op = Op {
    id: "RestV10PrimeContractsPrimeContractIdLineItemsSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/prime_contracts/{prime_contract_id}/line_items/sync",
};
/// `DELETE /rest/v1.0/prime_contracts/{prime_contract_id}/line_items/{id}` — Delete a Prime Contract line item.
pub const REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_ID_DELETE: Op = Op {
    id: "RestV10PrimeContractsPrimeContractIdLineItemsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/prime_contracts/{prime_contract_id}/line_items/{id}",
};
/// `GET /rest/v1.0/prime_contracts/{prime_contract_id}/line_items/{id}` — Show Prime Contract line item.
pub const REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_ID_GET: Op = Op {
    id: "RestV10PrimeContractsPrimeContractIdLineItemsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/prime_contracts/{prime_contract_id}/line_items/{id}",
};
/// `PATCH /rest/v1.0/prime_contracts/{prime_contract_id}/line_items/{id}` — Update Prime Contract line item.
pub const REST_V10_PRIME_CONTRACTS_PRIME_CONTRACT_ID_LINE_ITEMS_ID_PATCH: Op = Op {
    id: "RestV10PrimeContractsPrimeContractIdLineItemsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/prime_contracts/{prime_contract_id}/line_items/{id}",
};
/// `GET /rest/v1.0/projects` — List projects.
pub const REST_V10_PROJECTS_GET: Op = Op {
    id: "RestV10ProjectsGet",
    method: Method::GET,
    path: "/rest/v1.0/projects",
};
/// `POST /rest/v1.0/projects` — Create project.
pub const REST_V10_PROJECTS_POST: Op = Op {
    id: "RestV10ProjectsPost",
    method: Method::POST,
    path: "/rest/v1.0/projects",
};
/// `PATCH /rest/v1.0/projects/sync` — Sync projects.
pub const REST_V10_PROJECTS_SYNC_PATCH: Op = Op {
    id: "RestV10ProjectsSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/sync",
};
/// `GET /rest/v1.0/projects/{id}` — Show project.
pub const REST_V10_PROJECTS_ID_GET: Op = Op {
    id: "RestV10ProjectsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{id}",
};
/// `PATCH /rest/v1.0/projects/{id}` — Update project.
pub const REST_V10_PROJECTS_ID_PATCH: Op = Op {
    id: "RestV10ProjectsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/billing_periods` — List billing periods.
pub const REST_V10_PROJECTS_PROJECT_ID_BILLING_PERIODS_GET: Op = Op {
    id: "RestV10ProjectsProjectIdBillingPeriodsGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/billing_periods",
};
/// `POST /rest/v1.0/projects/{project_id}/billing_periods` — Create billing period.
pub const REST_V10_PROJECTS_PROJECT_ID_BILLING_PERIODS_POST: Op = Op {
    id: "RestV10ProjectsProjectIdBillingPeriodsPost",
    method: Method::POST,
    path: "/rest/v1.0/projects/{project_id}/billing_periods",
};
/// `DELETE /rest/v1.0/projects/{project_id}/billing_periods/{id}` — Delete billing period.
pub const REST_V10_PROJECTS_PROJECT_ID_BILLING_PERIODS_ID_DELETE: Op = Op {
    id: "RestV10ProjectsProjectIdBillingPeriodsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/projects/{project_id}/billing_periods/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/billing_periods/{id}` — Show Billing Period for Project.
pub const REST_V10_PROJECTS_PROJECT_ID_BILLING_PERIODS_ID_GET: Op = Op {
    id: "RestV10ProjectsProjectIdBillingPeriodsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/billing_periods/{id}",
};
/// `PATCH /rest/v1.0/projects/{project_id}/billing_periods/{id}` — Update billing period.
pub const REST_V10_PROJECTS_PROJECT_ID_BILLING_PERIODS_ID_PATCH: Op = Op {
    id: "RestV10ProjectsProjectIdBillingPeriodsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/{project_id}/billing_periods/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/budget_changes` — List Budget Change Summaries.
pub const REST_V10_PROJECTS_PROJECT_ID_BUDGET_CHANGES_GET: Op = Op {
    id: "RestV10ProjectsProjectIdBudgetChangesGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/budget_changes",
};
/// `POST /rest/v1.0/projects/{project_id}/budget_changes` — Create a budget change.
pub const REST_V10_PROJECTS_PROJECT_ID_BUDGET_CHANGES_POST: Op = Op {
    id: "RestV10ProjectsProjectIdBudgetChangesPost",
    method: Method::POST,
    path: "/rest/v1.0/projects/{project_id}/budget_changes",
};
/// `DELETE /rest/v1.0/projects/{project_id}/budget_changes/{id}` — Delete a Budget Change.
pub const REST_V10_PROJECTS_PROJECT_ID_BUDGET_CHANGES_ID_DELETE: Op = Op {
    id: "RestV10ProjectsProjectIdBudgetChangesIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/projects/{project_id}/budget_changes/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/budget_changes/{id}` — Get information of a budget change.
pub const REST_V10_PROJECTS_PROJECT_ID_BUDGET_CHANGES_ID_GET: Op = Op {
    id: "RestV10ProjectsProjectIdBudgetChangesIdGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/budget_changes/{id}",
};
/// `PATCH /rest/v1.0/projects/{project_id}/budget_changes/{id}` — Update information of a Budget Change.
pub const REST_V10_PROJECTS_PROJECT_ID_BUDGET_CHANGES_ID_PATCH: Op = Op {
    id: "RestV10ProjectsProjectIdBudgetChangesIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/{project_id}/budget_changes/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/budget_modifications` — List Budget Modifications.
pub const REST_V10_PROJECTS_PROJECT_ID_BUDGET_MODIFICATIONS_GET: Op = Op {
    id: "RestV10ProjectsProjectIdBudgetModificationsGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/budget_modifications",
};
/// `POST /rest/v1.0/projects/{project_id}/budget_modifications` — Create Budget Modification.
pub const REST_V10_PROJECTS_PROJECT_ID_BUDGET_MODIFICATIONS_POST: Op = Op {
    id: "RestV10ProjectsProjectIdBudgetModificationsPost",
    method: Method::POST,
    path: "/rest/v1.0/projects/{project_id}/budget_modifications",
};
/// `DELETE /rest/v1.0/projects/{project_id}/budget_modifications/{id}` — Delete Budget Modification.
pub const REST_V10_PROJECTS_PROJECT_ID_BUDGET_MODIFICATIONS_ID_DELETE: Op = Op {
    id: "RestV10ProjectsProjectIdBudgetModificationsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/projects/{project_id}/budget_modifications/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/budget_modifications/{id}` — Show Budget Modification.
pub const REST_V10_PROJECTS_PROJECT_ID_BUDGET_MODIFICATIONS_ID_GET: Op = Op {
    id: "RestV10ProjectsProjectIdBudgetModificationsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/budget_modifications/{id}",
};
/// `PATCH /rest/v1.0/projects/{project_id}/budget_modifications/{id}` — Update Budget Modification.
pub const REST_V10_PROJECTS_PROJECT_ID_BUDGET_MODIFICATIONS_ID_PATCH: Op = Op {
    id: "RestV10ProjectsProjectIdBudgetModificationsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/{project_id}/budget_modifications/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/commitment_change_orders` — Show All Commitment Change Orders.
pub const REST_V10_PROJECTS_PROJECT_ID_COMMITMENT_CHANGE_ORDERS_GET: Op = Op {
    id: "RestV10ProjectsProjectIdCommitmentChangeOrdersGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/commitment_change_orders",
};
/// `POST /rest/v1.0/projects/{project_id}/commitment_change_orders` — Create Commitment Change Order.
pub const REST_V10_PROJECTS_PROJECT_ID_COMMITMENT_CHANGE_ORDERS_POST: Op = Op {
    id: "RestV10ProjectsProjectIdCommitmentChangeOrdersPost",
    method: Method::POST,
    path: "/rest/v1.0/projects/{project_id}/commitment_change_orders",
};
/// `DELETE /rest/v1.0/projects/{project_id}/commitment_change_orders/{id}` — Delete Commitment Change Order.
pub const REST_V10_PROJECTS_PROJECT_ID_COMMITMENT_CHANGE_ORDERS_ID_DELETE: Op = Op {
    id: "RestV10ProjectsProjectIdCommitmentChangeOrdersIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/projects/{project_id}/commitment_change_orders/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/commitment_change_orders/{id}` — Show Commitment Change Order.
pub const REST_V10_PROJECTS_PROJECT_ID_COMMITMENT_CHANGE_ORDERS_ID_GET: Op = Op {
    id: "RestV10ProjectsProjectIdCommitmentChangeOrdersIdGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/commitment_change_orders/{id}",
};
/// `PATCH /rest/v1.0/projects/{project_id}/commitment_change_orders/{id}` — Update Commitment Change Order.
pub const REST_V10_PROJECTS_PROJECT_ID_COMMITMENT_CHANGE_ORDERS_ID_PATCH: Op = Op {
    id: "RestV10ProjectsProjectIdCommitmentChangeOrdersIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/{project_id}/commitment_change_orders/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/direct_costs` — List Direct Cost Items.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_GET: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/direct_costs",
};
/// `POST /rest/v1.0/projects/{project_id}/direct_costs` — Create Direct Cost Item.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_POST: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsPost",
    method: Method::POST,
    path: "/rest/v1.0/projects/{project_id}/direct_costs",
};
/// `GET /rest/v1.0/projects/{project_id}/direct_costs/line_items` — List All Direct Cost Line Items.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_LINE_ITEMS_GET: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsLineItemsGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/direct_costs/line_items",
};
/// `PATCH /rest/v1.0/projects/{project_id}/direct_costs/line_items/sync` — Sync Direct Cost Line Items.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_LINE_ITEMS_SYNC_PATCH: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsLineItemsSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/{project_id}/direct_costs/line_items/sync",
};
/// `PATCH /rest/v1.0/projects/{project_id}/direct_costs/sync` — Sync Direct Cost Items.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_SYNC_PATCH: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/{project_id}/direct_costs/sync",
};
/// `GET /rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items` — List Direct Cost Line Items.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_DIRECT_COST_ID_LINE_ITEMS_GET: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items",
};
/// `POST /rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items` — Create Direct Cost Line Item.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_DIRECT_COST_ID_LINE_ITEMS_POST: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsPost",
    method: Method::POST,
    path: "/rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items",
};
/// `DELETE /rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items/{id}` — Delete a Direct Cost Line Item.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_DIRECT_COST_ID_LINE_ITEMS_ID_DELETE: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items/{id}` — Show Direct Cost Line Item.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_DIRECT_COST_ID_LINE_ITEMS_ID_GET: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items/{id}",
};
/// `PATCH /rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items/{id}` — Update Direct Cost Line Item.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_DIRECT_COST_ID_LINE_ITEMS_ID_PATCH: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items/{id}",
};
/// `DELETE /rest/v1.0/projects/{project_id}/direct_costs/{id}` — Delete Direct Cost Item.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_DELETE: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/projects/{project_id}/direct_costs/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/direct_costs/{id}` — Show Direct Cost Item.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_GET: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/direct_costs/{id}",
};
/// `PATCH /rest/v1.0/projects/{project_id}/direct_costs/{id}` — Update Direct Cost Item.
pub const REST_V10_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_PATCH: Op = Op {
    id: "RestV10ProjectsProjectIdDirectCostsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/{project_id}/direct_costs/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/prime_change_orders` — Show All Prime Change Orders.
pub const REST_V10_PROJECTS_PROJECT_ID_PRIME_CHANGE_ORDERS_GET: Op = Op {
    id: "RestV10ProjectsProjectIdPrimeChangeOrdersGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/prime_change_orders",
};
/// `POST /rest/v1.0/projects/{project_id}/prime_change_orders` — Create Prime Change Order.
pub const REST_V10_PROJECTS_PROJECT_ID_PRIME_CHANGE_ORDERS_POST: Op = Op {
    id: "RestV10ProjectsProjectIdPrimeChangeOrdersPost",
    method: Method::POST,
    path: "/rest/v1.0/projects/{project_id}/prime_change_orders",
};
/// `DELETE /rest/v1.0/projects/{project_id}/prime_change_orders/{id}` — Delete Prime Change Order.
pub const REST_V10_PROJECTS_PROJECT_ID_PRIME_CHANGE_ORDERS_ID_DELETE: Op = Op {
    id: "RestV10ProjectsProjectIdPrimeChangeOrdersIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/projects/{project_id}/prime_change_orders/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/prime_change_orders/{id}` — Show Prime Change Order.
pub const REST_V10_PROJECTS_PROJECT_ID_PRIME_CHANGE_ORDERS_ID_GET: Op = Op {
    id: "RestV10ProjectsProjectIdPrimeChangeOrdersIdGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/prime_change_orders/{id}",
};
/// `PATCH /rest/v1.0/projects/{project_id}/prime_change_orders/{id}` — Update Prime Change Order.
pub const REST_V10_PROJECTS_PROJECT_ID_PRIME_CHANGE_ORDERS_ID_PATCH: Op = Op {
    id: "RestV10ProjectsProjectIdPrimeChangeOrdersIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/{project_id}/prime_change_orders/{id}",
};
/// `GET /rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes` — List Project WBS codes.
pub const REST_V10_PROJECTS_PROJECT_ID_WORK_BREAKDOWN_STRUCTURE_WBS_CODES_GET: Op = Op {
    id: "RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesGet",
    method: Method::GET,
    path: "/rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes",
};
/// `POST /rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes` — Create a WBS Code.
pub const REST_V10_PROJECTS_PROJECT_ID_WORK_BREAKDOWN_STRUCTURE_WBS_CODES_POST: Op = Op {
    id: "RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesPost",
    method: Method::POST,
    path: "/rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes",
};
/// `PATCH /rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes/bulk_create` — Bulk Create WBS codes.
pub const REST_V10_PROJECTS_PROJECT_ID_WORK_BREAKDOWN_STRUCTURE_WBS_CODES_BULK_CREATE_PATCH: Op =
    Op {
        id: "RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesBulkCreatePatch",
        method: Method::PATCH,
        path: "/rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes/bulk_create",
    };
/// `PATCH /rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes/{id}` — Update a WBS code.
pub const REST_V10_PROJECTS_PROJECT_ID_WORK_BREAKDOWN_STRUCTURE_WBS_CODES_ID_PATCH: Op = Op {
    id: "RestV10ProjectsProjectIdWorkBreakdownStructureWbsCodesIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/projects/{project_id}/work_breakdown_structure/wbs_codes/{id}",
};
/// `GET /rest/v1.0/purchase_order_contracts` — List of Purchase Order Contracts.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_GET: Op = Op {
    id: "RestV10PurchaseOrderContractsGet",
    method: Method::GET,
    path: "/rest/v1.0/purchase_order_contracts",
};
/// `POST /rest/v1.0/purchase_order_contracts` — Create Purchase Order Contract.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_POST: Op = Op {
    id: "RestV10PurchaseOrderContractsPost",
    method: Method::POST,
    path: "/rest/v1.0/purchase_order_contracts",
};
/// `PATCH /rest/v1.0/purchase_order_contracts/sync` — Sync Purchase Order Contracts.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_SYNC_PATCH: Op = Op {
    id: "RestV10PurchaseOrderContractsSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/purchase_order_contracts/sync",
};
/// `DELETE /rest/v1.0/purchase_order_contracts/{id}` — Delete Purchase Order Contract.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_ID_DELETE: Op = Op {
    id: "RestV10PurchaseOrderContractsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/purchase_order_contracts/{id}",
};
/// `GET /rest/v1.0/purchase_order_contracts/{id}` — Show Purchase Order Contract.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_ID_GET: Op = Op {
    id: "RestV10PurchaseOrderContractsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/purchase_order_contracts/{id}",
};
/// `PATCH /rest/v1.0/purchase_order_contracts/{id}` — Update Purchase Order Contract.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_ID_PATCH: Op = Op {
    id: "RestV10PurchaseOrderContractsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/purchase_order_contracts/{id}",
};
/// `GET /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items` — List Purchase Order Contract Line Items.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_GET: Op = Op {
    id: "RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsGet",
    method: Method::GET,
    path: "/rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items",
};
/// `POST /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items` — Create Purchase Order Contract Line Item.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_POST: Op = Op {
    id: "RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsPost",
    method: Method::POST,
    path: "/rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items",
};
/// `PATCH /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/sync` — Sync Purchase Order Contract Line Items.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_SYNC_PATCH: Op =
    Op {
        id: "RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsSyncPatch",
        method: Method::PATCH,
        path: "/rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/sync",
    };
/// `DELETE /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/{id}` — Delete Purchase Order Contract Line Item.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_ID_DELETE: Op =
    Op {
        id: "RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsIdDelete",
        method: Method::DELETE,
        path: "/rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/{id}",
    };
/// `GET /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/{id}` — Show Purchase Order Contract Line Item.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_ID_GET: Op = Op {
    id: "RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/{id}",
};
/// `PATCH /rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/{id}` — Update Purchase Order Contract Line Item.
pub const REST_V10_PURCHASE_ORDER_CONTRACTS_PURCHASE_ORDER_CONTRACT_ID_LINE_ITEMS_ID_PATCH: Op =
    Op {
        id: "RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsIdPatch",
        method: Method::PATCH,
        path: "/rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items/{id}",
    };
/// `GET /rest/v1.0/requisitions` — List Requisitions (Subcontractor Invoices) for Project.
pub const REST_V10_REQUISITIONS_GET: Op = Op {
    id: "RestV10RequisitionsGet",
    method: Method::GET,
    path: "/rest/v1.0/requisitions",
};
/// `POST /rest/v1.0/requisitions` — Create Requisition (Subcontractor Invoices) for Commitment.
pub const REST_V10_REQUISITIONS_POST: Op = Op {
    id: "RestV10RequisitionsPost",
    method: Method::POST,
    path: "/rest/v1.0/requisitions",
};
/// `DELETE /rest/v1.0/requisitions/{id}` — Delete Requisition (Subcontractor Invoice).
pub const REST_V10_REQUISITIONS_ID_DELETE: Op = Op {
    id: "RestV10RequisitionsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/requisitions/{id}",
};
/// `GET /rest/v1.0/requisitions/{id}` — Show Requisition (Subcontractor Invoice).
pub const REST_V10_REQUISITIONS_ID_GET: Op = Op {
    id: "RestV10RequisitionsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/requisitions/{id}",
};
/// `PATCH /rest/v1.0/requisitions/{id}` — Update Requisition (Subcontractor Invoice).
pub const REST_V10_REQUISITIONS_ID_PATCH: Op = Op {
    id: "RestV10RequisitionsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/requisitions/{id}",
};
/// `GET /rest/v1.0/standard_cost_code_lists` — List Standard Cost Code Lists.
pub const REST_V10_STANDARD_COST_CODE_LISTS_GET: Op = Op {
    id: "RestV10StandardCostCodeListsGet",
    method: Method::GET,
    path: "/rest/v1.0/standard_cost_code_lists",
};
/// `POST /rest/v1.0/standard_cost_code_lists` — Create Standard Cost Code List.
pub const REST_V10_STANDARD_COST_CODE_LISTS_POST: Op = Op {
    id: "RestV10StandardCostCodeListsPost",
    method: Method::POST,
    path: "/rest/v1.0/standard_cost_code_lists",
};
/// `GET /rest/v1.0/standard_cost_code_lists/{id}` — Show Standard Cost Code List.
pub const REST_V10_STANDARD_COST_CODE_LISTS_ID_GET: Op = Op {
    id: "RestV10StandardCostCodeListsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/standard_cost_code_lists/{id}",
};
/// `PATCH /rest/v1.0/standard_cost_code_lists/{id}` — Update Standard Cost Code List.
pub const REST_V10_STANDARD_COST_CODE_LISTS_ID_PATCH: Op = Op {
    id: "RestV10StandardCostCodeListsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/standard_cost_code_lists/{id}",
};
/// `GET /rest/v1.0/standard_cost_codes` — List Standard Cost Codes.
pub const REST_V10_STANDARD_COST_CODES_GET: Op = Op {
    id: "RestV10StandardCostCodesGet",
    method: Method::GET,
    path: "/rest/v1.0/standard_cost_codes",
};
/// `POST /rest/v1.0/standard_cost_codes` — Create Standard Cost Code.
pub const REST_V10_STANDARD_COST_CODES_POST: Op = Op {
    id: "RestV10StandardCostCodesPost",
    method: Method::POST,
    path: "/rest/v1.0/standard_cost_codes",
};
/// `PATCH /rest/v1.0/standard_cost_codes/sync` — Sync Standard Cost Codes.
pub const REST_V10_STANDARD_COST_CODES_SYNC_PATCH: Op = Op {
    id: "RestV10StandardCostCodesSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/standard_cost_codes/sync",
};
/// `DELETE /rest/v1.0/standard_cost_codes/{id}` — Delete Standard Cost Code.
pub const REST_V10_STANDARD_COST_CODES_ID_DELETE: Op = Op {
    id: "RestV10StandardCostCodesIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/standard_cost_codes/{id}",
};
/// `GET /rest/v1.0/standard_cost_codes/{id}` — Show Standard Cost Code.
pub const REST_V10_STANDARD_COST_CODES_ID_GET: Op = Op {
    id: "RestV10StandardCostCodesIdGet",
    method: Method::GET,
    path: "/rest/v1.0/standard_cost_codes/{id}",
};
/// `PATCH /rest/v1.0/standard_cost_codes/{id}` — Update Standard Cost Code.
pub const REST_V10_STANDARD_COST_CODES_ID_PATCH: Op = Op {
    id: "RestV10StandardCostCodesIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/standard_cost_codes/{id}",
};
/// `GET /rest/v1.0/sub_jobs` — List Sub Jobs.
pub const REST_V10_SUB_JOBS_GET: Op = Op {
    id: "RestV10SubJobsGet",
    method: Method::GET,
    path: "/rest/v1.0/sub_jobs",
};
/// `POST /rest/v1.0/sub_jobs` — Create Sub Job.
pub const REST_V10_SUB_JOBS_POST: Op = Op {
    id: "RestV10SubJobsPost",
    method: Method::POST,
    path: "/rest/v1.0/sub_jobs",
};
/// `PATCH /rest/v1.0/sub_jobs/sync` — Sync Sub Jobs.
pub const REST_V10_SUB_JOBS_SYNC_PATCH: Op = Op {
    id: "RestV10SubJobsSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/sub_jobs/sync",
};
/// `DELETE /rest/v1.0/sub_jobs/{id}` — Delete Sub Job.
pub const REST_V10_SUB_JOBS_ID_DELETE: Op = Op {
    id: "RestV10SubJobsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/sub_jobs/{id}",
};
/// `GET /rest/v1.0/sub_jobs/{id}` — Show Sub Job.
pub const REST_V10_SUB_JOBS_ID_GET: Op = Op {
    id: "RestV10SubJobsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/sub_jobs/{id}",
};
/// `PATCH /rest/v1.0/sub_jobs/{id}` — Update Sub Job.
pub const REST_V10_SUB_JOBS_ID_PATCH: Op = Op {
    id: "RestV10SubJobsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/sub_jobs/{id}",
};
/// `GET /rest/v1.0/tax_codes` — List Tax Codes.
pub const REST_V10_TAX_CODES_GET: Op = Op {
    id: "RestV10TaxCodesGet",
    method: Method::GET,
    path: "/rest/v1.0/tax_codes",
};
/// `POST /rest/v1.0/tax_codes` — Create Tax Code.
pub const REST_V10_TAX_CODES_POST: Op = Op {
    id: "RestV10TaxCodesPost",
    method: Method::POST,
    path: "/rest/v1.0/tax_codes",
};
/// `GET /rest/v1.0/vendors` — List company vendors.
pub const REST_V10_VENDORS_GET: Op = Op {
    id: "RestV10VendorsGet",
    method: Method::GET,
    path: "/rest/v1.0/vendors",
};
/// `POST /rest/v1.0/vendors` — Create company vendor.
pub const REST_V10_VENDORS_POST: Op = Op {
    id: "RestV10VendorsPost",
    method: Method::POST,
    path: "/rest/v1.0/vendors",
};
/// `PATCH /rest/v1.0/vendors/sync` — Sync company vendors.
pub const REST_V10_VENDORS_SYNC_PATCH: Op = Op {
    id: "RestV10VendorsSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/vendors/sync",
};
/// `GET /rest/v1.0/vendors/{id}` — Show company vendor.
pub const REST_V10_VENDORS_ID_GET: Op = Op {
    id: "RestV10VendorsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/vendors/{id}",
};
/// `PATCH /rest/v1.0/vendors/{id}` — Update company vendor.
pub const REST_V10_VENDORS_ID_PATCH: Op = Op {
    id: "RestV10VendorsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/vendors/{id}",
};
/// `GET /rest/v1.0/webhooks/hooks` — List Webhooks Hooks.
pub const REST_V10_WEBHOOKS_HOOKS_GET: Op = Op {
    id: "RestV10WebhooksHooksGet",
    method: Method::GET,
    path: "/rest/v1.0/webhooks/hooks",
};
/// `POST /rest/v1.0/webhooks/hooks` — Create Webhooks Hook.
pub const REST_V10_WEBHOOKS_HOOKS_POST: Op = Op {
    id: "RestV10WebhooksHooksPost",
    method: Method::POST,
    path: "/rest/v1.0/webhooks/hooks",
};
/// `GET /rest/v1.0/webhooks/hooks/{hook_id}/deliveries` — List Webhooks Deliveries.
pub const REST_V10_WEBHOOKS_HOOKS_HOOK_ID_DELIVERIES_GET: Op = Op {
    id: "RestV10WebhooksHooksHookIdDeliveriesGet",
    method: Method::GET,
    path: "/rest/v1.0/webhooks/hooks/{hook_id}/deliveries",
};
/// `GET /rest/v1.0/webhooks/hooks/{hook_id}/triggers` — List Webhooks Triggers.
pub const REST_V10_WEBHOOKS_HOOKS_HOOK_ID_TRIGGERS_GET: Op = Op {
    id: "RestV10WebhooksHooksHookIdTriggersGet",
    method: Method::GET,
    path: "/rest/v1.0/webhooks/hooks/{hook_id}/triggers",
};
/// `POST /rest/v1.0/webhooks/hooks/{hook_id}/triggers` — Create Webhooks Trigger.
pub const REST_V10_WEBHOOKS_HOOKS_HOOK_ID_TRIGGERS_POST: Op = Op {
    id: "RestV10WebhooksHooksHookIdTriggersPost",
    method: Method::POST,
    path: "/rest/v1.0/webhooks/hooks/{hook_id}/triggers",
};
/// `DELETE /rest/v1.0/webhooks/hooks/{hook_id}/triggers/{id}` — Delete Webhooks Trigger.
pub const REST_V10_WEBHOOKS_HOOKS_HOOK_ID_TRIGGERS_ID_DELETE: Op = Op {
    id: "RestV10WebhooksHooksHookIdTriggersIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/webhooks/hooks/{hook_id}/triggers/{id}",
};
/// `DELETE /rest/v1.0/webhooks/hooks/{id}` — Delete Webhooks Hook.
pub const REST_V10_WEBHOOKS_HOOKS_ID_DELETE: Op = Op {
    id: "RestV10WebhooksHooksIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/webhooks/hooks/{id}",
};
/// `PATCH /rest/v1.0/webhooks/hooks/{id}` — Update Webhooks Hook.
pub const REST_V10_WEBHOOKS_HOOKS_ID_PATCH: Op = Op {
    id: "RestV10WebhooksHooksIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/webhooks/hooks/{id}",
};
/// `GET /rest/v1.0/work_order_contracts` — List work order contracts.
pub const REST_V10_WORK_ORDER_CONTRACTS_GET: Op = Op {
    id: "RestV10WorkOrderContractsGet",
    method: Method::GET,
    path: "/rest/v1.0/work_order_contracts",
};
/// `POST /rest/v1.0/work_order_contracts` — Create work order contract.
pub const REST_V10_WORK_ORDER_CONTRACTS_POST: Op = Op {
    id: "RestV10WorkOrderContractsPost",
    method: Method::POST,
    path: "/rest/v1.0/work_order_contracts",
};
/// `PATCH /rest/v1.0/work_order_contracts/sync` — Sync work order contracts.
pub const REST_V10_WORK_ORDER_CONTRACTS_SYNC_PATCH: Op = Op {
    id: "RestV10WorkOrderContractsSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/work_order_contracts/sync",
};
/// `DELETE /rest/v1.0/work_order_contracts/{id}` — Delete work order contract.
pub const REST_V10_WORK_ORDER_CONTRACTS_ID_DELETE: Op = Op {
    id: "RestV10WorkOrderContractsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/work_order_contracts/{id}",
};
/// `GET /rest/v1.0/work_order_contracts/{id}` — Show work order contract.
pub const REST_V10_WORK_ORDER_CONTRACTS_ID_GET: Op = Op {
    id: "RestV10WorkOrderContractsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/work_order_contracts/{id}",
};
/// `PATCH /rest/v1.0/work_order_contracts/{id}` — Update work order contract.
pub const REST_V10_WORK_ORDER_CONTRACTS_ID_PATCH: Op = Op {
    id: "RestV10WorkOrderContractsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/work_order_contracts/{id}",
};
/// `GET /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items` — List Work Order Contract Line Items.
pub const REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_GET: Op = Op {
    id: "RestV10WorkOrderContractsWorkOrderContractIdLineItemsGet",
    method: Method::GET,
    path: "/rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items",
};
/// `POST /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items` — Create Work Order Contract line item.
pub const REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_POST: Op = Op {
    id: "RestV10WorkOrderContractsWorkOrderContractIdLineItemsPost",
    method: Method::POST,
    path: "/rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items",
};
/// `PATCH /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/sync` — Sync Work Order Contract Line Items.
pub const REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_SYNC_PATCH: Op = Op {
    id: "RestV10WorkOrderContractsWorkOrderContractIdLineItemsSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/sync",
};
/// `DELETE /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/{id}` — Delete Work Order Contract line item.
pub const REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_ID_DELETE: Op = Op {
    id: "RestV10WorkOrderContractsWorkOrderContractIdLineItemsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/{id}",
};
/// `GET /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/{id}` — Show Work Order Contract line item.
pub const REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_ID_GET: Op = Op {
    id: "RestV10WorkOrderContractsWorkOrderContractIdLineItemsIdGet",
    method: Method::GET,
    path: "/rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/{id}",
};
/// `PATCH /rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/{id}` — Update Work Order Contract line item.
pub const REST_V10_WORK_ORDER_CONTRACTS_WORK_ORDER_CONTRACT_ID_LINE_ITEMS_ID_PATCH: Op = Op {
    id: "RestV10WorkOrderContractsWorkOrderContractIdLineItemsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items/{id}",
};
/// `POST /rest/v1.1/budget_line_items` — Create Budget Line Item.
pub const REST_V11_BUDGET_LINE_ITEMS_POST: Op = Op {
    id: "RestV11BudgetLineItemsPost",
    method: Method::POST,
    path: "/rest/v1.1/budget_line_items",
};
/// `GET /rest/v1.1/budget_line_items/{id}` — Show Budget Line Item.
pub const REST_V11_BUDGET_LINE_ITEMS_ID_GET: Op = Op {
    id: "RestV11BudgetLineItemsIdGet",
    method: Method::GET,
    path: "/rest/v1.1/budget_line_items/{id}",
};
/// `PATCH /rest/v1.1/budget_line_items/{id}` — Update Budget Line Item.
pub const REST_V11_BUDGET_LINE_ITEMS_ID_PATCH: Op = Op {
    id: "RestV11BudgetLineItemsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.1/budget_line_items/{id}",
};
/// `GET /rest/v1.1/projects` — List projects.
pub const REST_V11_PROJECTS_GET: Op = Op {
    id: "RestV11ProjectsGet",
    method: Method::GET,
    path: "/rest/v1.1/projects",
};
/// `GET /rest/v1.1/projects/{project_id}/direct_costs` — List Direct Cost Items.
pub const REST_V11_PROJECTS_PROJECT_ID_DIRECT_COSTS_GET: Op = Op {
    id: "RestV11ProjectsProjectIdDirectCostsGet",
    method: Method::GET,
    path: "/rest/v1.1/projects/{project_id}/direct_costs",
};
/// `POST /rest/v1.1/projects/{project_id}/direct_costs` — Create Direct Cost Item.
pub const REST_V11_PROJECTS_PROJECT_ID_DIRECT_COSTS_POST: Op = Op {
    id: "RestV11ProjectsProjectIdDirectCostsPost",
    method: Method::POST,
    path: "/rest/v1.1/projects/{project_id}/direct_costs",
};
/// `DELETE /rest/v1.1/projects/{project_id}/direct_costs/{id}` — Delete Direct Cost Item.
pub const REST_V11_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_DELETE: Op = Op {
    id: "RestV11ProjectsProjectIdDirectCostsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.1/projects/{project_id}/direct_costs/{id}",
};
/// `GET /rest/v1.1/projects/{project_id}/direct_costs/{id}` — Show Direct Cost Item.
pub const REST_V11_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_GET: Op = Op {
    id: "RestV11ProjectsProjectIdDirectCostsIdGet",
    method: Method::GET,
    path: "/rest/v1.1/projects/{project_id}/direct_costs/{id}",
};
/// `PATCH /rest/v1.1/projects/{project_id}/direct_costs/{id}` — Update Direct Cost Item.
pub const REST_V11_PROJECTS_PROJECT_ID_DIRECT_COSTS_ID_PATCH: Op = Op {
    id: "RestV11ProjectsProjectIdDirectCostsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.1/projects/{project_id}/direct_costs/{id}",
};
/// `GET /rest/v1.1/requisitions` — List Requisitions (Subcontractor Invoices) for Project.
pub const REST_V11_REQUISITIONS_GET: Op = Op {
    id: "RestV11RequisitionsGet",
    method: Method::GET,
    path: "/rest/v1.1/requisitions",
};
/// `POST /rest/v1.1/requisitions` — Create Requisition (Subcontractor Invoices) for Commitment.
pub const REST_V11_REQUISITIONS_POST: Op = Op {
    id: "RestV11RequisitionsPost",
    method: Method::POST,
    path: "/rest/v1.1/requisitions",
};
/// `DELETE /rest/v1.1/requisitions/{id}` — Delete Requisition (Subcontractor Invoice).
pub const REST_V11_REQUISITIONS_ID_DELETE: Op = Op {
    id: "RestV11RequisitionsIdDelete",
    method: Method::DELETE,
    path: "/rest/v1.1/requisitions/{id}",
};
/// `GET /rest/v1.1/requisitions/{id}` — Show Requisition (Subcontractor Invoice).
pub const REST_V11_REQUISITIONS_ID_GET: Op = Op {
    id: "RestV11RequisitionsIdGet",
    method: Method::GET,
    path: "/rest/v1.1/requisitions/{id}",
};
/// `PATCH /rest/v1.1/requisitions/{id}` — Update Requisition (Subcontractor Invoice).
pub const REST_V11_REQUISITIONS_ID_PATCH: Op = Op {
    id: "RestV11RequisitionsIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.1/requisitions/{id}",
};
/// `GET /rest/v1.3/companies/{company_id}/users` — List company users.
pub const REST_V13_COMPANIES_COMPANY_ID_USERS_GET: Op = Op {
    id: "RestV13CompaniesCompanyIdUsersGet",
    method: Method::GET,
    path: "/rest/v1.3/companies/{company_id}/users",
};
/// `POST /rest/v1.3/companies/{company_id}/users` — Create company user.
pub const REST_V13_COMPANIES_COMPANY_ID_USERS_POST: Op = Op {
    id: "RestV13CompaniesCompanyIdUsersPost",
    method: Method::POST,
    path: "/rest/v1.3/companies/{company_id}/users",
};
/// `PATCH /rest/v1.3/companies/{company_id}/users/sync` — Sync company users.
pub const REST_V13_COMPANIES_COMPANY_ID_USERS_SYNC_PATCH: Op = Op {
    id: "RestV13CompaniesCompanyIdUsersSyncPatch",
    method: Method::PATCH,
    path: "/rest/v1.3/companies/{company_id}/users/sync",
};
/// `GET /rest/v1.3/companies/{company_id}/users/{id}` — Show company user.
pub const REST_V13_COMPANIES_COMPANY_ID_USERS_ID_GET: Op = Op {
    id: "RestV13CompaniesCompanyIdUsersIdGet",
    method: Method::GET,
    path: "/rest/v1.3/companies/{company_id}/users/{id}",
};
/// `PATCH /rest/v1.3/companies/{company_id}/users/{id}` — Update company user.
pub const REST_V13_COMPANIES_COMPANY_ID_USERS_ID_PATCH: Op = Op {
    id: "RestV13CompaniesCompanyIdUsersIdPatch",
    method: Method::PATCH,
    path: "/rest/v1.3/companies/{company_id}/users/{id}",
};
