-- V10: versions 6 to 9 were the copies of support's tables (operator_audit, INT_LOCK, export_file) in databases
-- migrated before support shipped its own migrations; their history rows stay, so this service goes on from 10.
-- Each entry goes to a payroll (issue #19): ESR's name of it where the Trust configures several (esr.payrolls), null
-- for the single payroll of a deployment without payroll settings, which every entry before this one belongs to.
-- Tagging keeps finding the entries of a file by period (export_entry_period), the payroll filtering the few pages of
-- that period, so tagging stays a heap-only update.
alter table export_entry add column payroll text;
