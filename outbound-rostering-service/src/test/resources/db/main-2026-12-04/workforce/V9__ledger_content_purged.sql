-- Retention (issue #9): archived and quarantined local copies are deleted after their retention period; the ledger
-- row stays (it is what stops a second pickup, and the audit trail) and records when its content went.
-- V9, not V8: V8 is taken by the operations audit table of a parallel change.
alter table file_ledger add column content_purged_at timestamptz;
