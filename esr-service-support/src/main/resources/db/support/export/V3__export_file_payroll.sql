-- The ESR payroll a file is for, where the Trust configures several (esr.payrolls.<name>.esr-name): each payroll has
-- its own files, so two payrolls of one frequency (two weekly payrolls) never share a file or a normal run. Null for
-- the one payroll of a deployment without payroll settings, and on rows from before this version.
alter table export_file add column if not exists payroll text;
