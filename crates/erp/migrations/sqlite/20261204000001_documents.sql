-- Contracts, change orders and orders received from Procore keep its number (External No.) and are flagged, never
-- deleted, when voided there; a subcontract change order is a subcontract naming the one it
-- changes.
ALTER TABLE stock_orders ADD COLUMN external_no TEXT;
ALTER TABLE stock_orders ADD COLUMN voided INTEGER NOT NULL DEFAULT 0;
ALTER TABLE purchase_orders ADD COLUMN external_no TEXT;
ALTER TABLE purchase_orders ADD COLUMN voided INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subcontracts ADD COLUMN changes_subcontract TEXT;
ALTER TABLE subcontracts ADD COLUMN voided INTEGER NOT NULL DEFAULT 0;
ALTER TABLE billing_contracts ADD COLUMN external_no TEXT;
ALTER TABLE billing_contracts ADD COLUMN voided INTEGER NOT NULL DEFAULT 0;
ALTER TABLE billing_contract_change_orders ADD COLUMN external_no TEXT;
ALTER TABLE billing_contract_change_orders ADD COLUMN voided INTEGER NOT NULL DEFAULT 0;
