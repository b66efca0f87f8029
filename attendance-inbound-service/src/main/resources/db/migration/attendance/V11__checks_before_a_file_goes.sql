-- What the checks before a TA file goes found for a pending claim, re-checked at every export of its payroll period
-- against the workforce as ESR's feed has it then (docs/decisions.md, 20):
--   held_check, held_reason: why the claim is held out of files (null: not held); held_since: first held
--   warning: what the claim goes with, reported with its file (e.g. another line with the same pay code that day)
-- A sent entry keeps what was found when it went. Names and reasons name no person.
alter table export_entry add column if not exists held_check text;
alter table export_entry add column if not exists held_reason text;
alter table export_entry add column if not exists held_since timestamptz;
alter table export_entry add column if not exists warning text;

-- the live claims of the days a file covers, which the 24-hour and same-pay-code checks add up across lines
create index if not exists export_entry_day on export_entry (earned_date, assignment_number);
-- the held claims, for the metric, health and summaries (few)
create index if not exists export_entry_held on export_entry (tax_year, tax_period) where held_check is not null;
