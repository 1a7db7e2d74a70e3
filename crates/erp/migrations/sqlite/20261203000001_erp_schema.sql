-- maestro* company data touched by the Procore interface (SQLite).
-- Decimals are TEXT with four decimals (exact; SQLite REAL is binary floating point), dates
-- are ISO 8601 TEXT, timestamps RFC 3339 UTC TEXT, flags INTEGER 0/1.

CREATE TABLE companies (
    code TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    environment TEXT NOT NULL CHECK (environment IN ('production', 'test')),
    prefix TEXT,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import'))
);

-- One row per company; every write takes its next change_seq from here inside the writing
-- transaction, so the row lock orders commits the same way as the sequence numbers.
CREATE TABLE change_counters (
    company_code TEXT NOT NULL PRIMARY KEY,
    last_seq INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE projects (
    company_code TEXT NOT NULL REFERENCES companies (code),
    number TEXT NOT NULL,
    parent_number TEXT,
    description TEXT NOT NULL,
    detailed_description TEXT,
    address TEXT,
    city TEXT,
    province TEXT,
    country TEXT,
    postal_code TEXT,
    phone TEXT,
    start_date TEXT,
    closing_date TEXT,
    active INTEGER NOT NULL,
    linked_to_procore INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, number),
    FOREIGN KEY (company_code, parent_number) REFERENCES projects (company_code, number) DEFERRABLE INITIALLY DEFERRED
);

CREATE UNIQUE INDEX projects_change_seq ON projects (company_code, change_seq);

CREATE TABLE activities (
    company_code TEXT NOT NULL REFERENCES companies (code),
    project_number TEXT NOT NULL,
    code TEXT NOT NULL,
    description TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, project_number, code),
    FOREIGN KEY (company_code, project_number) REFERENCES projects (company_code, number)
);

CREATE UNIQUE INDEX activities_change_seq ON activities (company_code, change_seq);

CREATE TABLE budgets (
    company_code TEXT NOT NULL REFERENCES companies (code),
    project_number TEXT NOT NULL,
    activity_code TEXT NOT NULL,
    cost_type TEXT NOT NULL,
    original TEXT NOT NULL,
    modification TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, project_number, activity_code, cost_type),
    FOREIGN KEY (company_code, project_number, activity_code) REFERENCES activities (company_code, project_number, code)
);

CREATE UNIQUE INDEX budgets_change_seq ON budgets (company_code, change_seq);

CREATE TABLE suppliers (
    company_code TEXT NOT NULL REFERENCES companies (code),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    linked_to_procore INTEGER NOT NULL,
    address TEXT,
    city TEXT,
    province TEXT,
    country TEXT,
    postal_code TEXT,
    phone TEXT,
    email TEXT,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, code),
    CHECK (status IN ('A', 'B', '1'))
);

CREATE UNIQUE INDEX suppliers_change_seq ON suppliers (company_code, change_seq);

CREATE TABLE customers (
    company_code TEXT NOT NULL REFERENCES companies (code),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    address TEXT,
    city TEXT,
    province TEXT,
    country TEXT,
    postal_code TEXT,
    phone TEXT,
    email TEXT,
    linked_to_procore INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, code)
);

CREATE UNIQUE INDEX customers_change_seq ON customers (company_code, change_seq);

CREATE TABLE employees (
    company_code TEXT NOT NULL REFERENCES companies (code),
    code TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT,
    linked_to_procore INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, code)
);

CREATE UNIQUE INDEX employees_change_seq ON employees (company_code, change_seq);

CREATE TABLE billing_contracts (
    company_code TEXT NOT NULL REFERENCES companies (code),
    number TEXT NOT NULL,
    project_number TEXT NOT NULL,
    customer_code TEXT NOT NULL,
    description TEXT NOT NULL,
    contract_date TEXT,
    amount TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, number),
    FOREIGN KEY (company_code, project_number) REFERENCES projects (company_code, number),
    FOREIGN KEY (company_code, customer_code) REFERENCES customers (company_code, code)
);

CREATE UNIQUE INDEX billing_contracts_change_seq ON billing_contracts (company_code, change_seq);

CREATE TABLE billing_contract_change_orders (
    company_code TEXT NOT NULL REFERENCES companies (code),
    contract_number TEXT NOT NULL,
    number TEXT NOT NULL,
    description TEXT NOT NULL,
    change_date TEXT,
    amount TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, contract_number, number),
    FOREIGN KEY (company_code, contract_number) REFERENCES billing_contracts (company_code, number)
);

CREATE UNIQUE INDEX billing_contract_change_orders_change_seq ON billing_contract_change_orders (company_code, change_seq);

CREATE TABLE stock_orders (
    company_code TEXT NOT NULL REFERENCES companies (code),
    number TEXT NOT NULL,
    project_number TEXT,
    supplier_code TEXT NOT NULL,
    order_date TEXT,
    description TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, number),
    FOREIGN KEY (company_code, project_number) REFERENCES projects (company_code, number),
    FOREIGN KEY (company_code, supplier_code) REFERENCES suppliers (company_code, code)
);

CREATE UNIQUE INDEX stock_orders_change_seq ON stock_orders (company_code, change_seq);

CREATE TABLE stock_order_lines (
    company_code TEXT NOT NULL REFERENCES companies (code),
    order_number TEXT NOT NULL,
    line_no INTEGER NOT NULL,
    item_code TEXT,
    description TEXT NOT NULL,
    activity_code TEXT,
    quantity TEXT NOT NULL,
    unit_price TEXT NOT NULL,
    amount TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, order_number, line_no),
    FOREIGN KEY (company_code, order_number) REFERENCES stock_orders (company_code, number)
);

CREATE UNIQUE INDEX stock_order_lines_change_seq ON stock_order_lines (company_code, change_seq);

CREATE TABLE purchase_orders (
    company_code TEXT NOT NULL REFERENCES companies (code),
    number TEXT NOT NULL,
    project_number TEXT NOT NULL,
    supplier_code TEXT NOT NULL,
    order_date TEXT,
    description TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, number),
    FOREIGN KEY (company_code, project_number) REFERENCES projects (company_code, number),
    FOREIGN KEY (company_code, supplier_code) REFERENCES suppliers (company_code, code)
);

CREATE UNIQUE INDEX purchase_orders_change_seq ON purchase_orders (company_code, change_seq);

CREATE TABLE purchase_order_lines (
    company_code TEXT NOT NULL REFERENCES companies (code),
    order_number TEXT NOT NULL,
    line_no INTEGER NOT NULL,
    description TEXT NOT NULL,
    activity_code TEXT,
    quantity TEXT NOT NULL,
    unit_price TEXT NOT NULL,
    amount TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, order_number, line_no),
    FOREIGN KEY (company_code, order_number) REFERENCES purchase_orders (company_code, number)
);

CREATE UNIQUE INDEX purchase_order_lines_change_seq ON purchase_order_lines (company_code, change_seq);

CREATE TABLE subcontracts (
    company_code TEXT NOT NULL REFERENCES companies (code),
    number TEXT NOT NULL,
    external_no TEXT,
    project_number TEXT NOT NULL,
    supplier_code TEXT NOT NULL,
    description TEXT NOT NULL,
    contract_date TEXT,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, number),
    FOREIGN KEY (company_code, project_number) REFERENCES projects (company_code, number),
    FOREIGN KEY (company_code, supplier_code) REFERENCES suppliers (company_code, code)
);

CREATE UNIQUE INDEX subcontracts_change_seq ON subcontracts (company_code, change_seq);

CREATE TABLE subcontract_lines (
    company_code TEXT NOT NULL REFERENCES companies (code),
    subcontract_number TEXT NOT NULL,
    line_no INTEGER NOT NULL,
    activity_code TEXT,
    description TEXT NOT NULL,
    amount TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, subcontract_number, line_no),
    FOREIGN KEY (company_code, subcontract_number) REFERENCES subcontracts (company_code, number)
);

CREATE UNIQUE INDEX subcontract_lines_change_seq ON subcontract_lines (company_code, change_seq);

CREATE TABLE project_costs (
    company_code TEXT NOT NULL REFERENCES companies (code),
    number TEXT NOT NULL,
    cost_type TEXT NOT NULL,
    cost_date TEXT NOT NULL,
    project_number TEXT NOT NULL,
    activity_code TEXT NOT NULL,
    supplier_code TEXT,
    employee_code TEXT,
    amount TEXT NOT NULL,
    hours TEXT,
    rate TEXT,
    description TEXT,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, number),
    FOREIGN KEY (company_code, project_number, activity_code) REFERENCES activities (company_code, project_number, code),
    FOREIGN KEY (company_code, supplier_code) REFERENCES suppliers (company_code, code),
    FOREIGN KEY (company_code, employee_code) REFERENCES employees (company_code, code),
    CHECK (cost_type IN ('purchase', 'expense', 'payroll'))
);

CREATE UNIQUE INDEX project_costs_change_seq ON project_costs (company_code, change_seq);

CREATE TABLE order_invoices (
    company_code TEXT NOT NULL REFERENCES companies (code),
    supplier_code TEXT NOT NULL,
    number TEXT NOT NULL,
    order_kind TEXT NOT NULL,
    order_number TEXT NOT NULL,
    invoice_date TEXT NOT NULL,
    amount TEXT NOT NULL,
    description TEXT,
    changed_at TEXT NOT NULL,
    change_seq INTEGER NOT NULL,
    changed_by TEXT NOT NULL CHECK (changed_by IN ('user', 'sync', 'import')),
    PRIMARY KEY (company_code, supplier_code, number),
    FOREIGN KEY (company_code, supplier_code) REFERENCES suppliers (company_code, code),
    CHECK (order_kind IN ('purchase_order', 'stock_order', 'subcontract'))
);

CREATE UNIQUE INDEX order_invoices_change_seq ON order_invoices (company_code, change_seq);
