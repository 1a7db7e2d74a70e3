-- When the side a user chose was written: a resolved conflict is applied by the next sync.
ALTER TABLE conflicts ADD COLUMN applied_at TIMESTAMPTZ;
