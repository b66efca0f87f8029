-- V10: versions 4 to 7 were the copies of support's tables (operator_audit, INT_LOCK, export_file) in databases
-- migrated before support shipped its own migrations; their history rows stay, so this service goes on from 10.
-- Each absence goes to a payroll (issue #19): ESR's name of the payroll its assignment is on at the absence's start,
-- where the Trust configures several (esr.payrolls); null for the single payroll of a deployment without payroll
-- settings, which every absence before this version belongs to. period_key is a period of that payroll's type,
-- period_type; null on rows from before this version, whose type is the single payroll's (esr.inbound.period-type).
alter table absence add column payroll text;
alter table absence add column period_type char(1) check (period_type in ('W', 'F', 'L', 'M'));

-- A finalisation is of one payroll's period: two payrolls of one type (two weekly payrolls) finalise apart.
alter table finalised_period add column payroll text;
alter table finalised_period drop constraint finalised_period_pkey;
create unique index finalised_period_key on finalised_period (coalesce(payroll, ''), period_type, period_key);
