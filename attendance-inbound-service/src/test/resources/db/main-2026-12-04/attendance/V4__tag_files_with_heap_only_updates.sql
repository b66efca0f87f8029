-- Tagging a file sets export_file_id on every entry of the period (100,000 for a big one). When no index and no
-- partial-index predicate involves that column and the page has room, PostgreSQL does it as a heap-only (HOT)
-- update: no index entry is written at all. So the entries are found by period (which tagging never changes), and
-- half of every page is left free for the tagged version of its rows.
drop index export_entry_pending;
drop index export_entry_file;
-- "at most one unsent claim per line" is kept by the service, which locks the line's row before touching its
-- entries (intake, corrections, withdrawals); as an index it would stop tagging from being heap-only
drop index export_entry_one_pending_claim;
create index export_entry_period on export_entry (tax_year, tax_period, id);
alter table export_entry set (fillfactor = 50);
