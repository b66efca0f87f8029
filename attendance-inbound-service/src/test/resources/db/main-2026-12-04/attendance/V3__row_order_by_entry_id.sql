-- Rows of a file are its entries in entry-id order, so the row number need not be stored: tagging a file becomes a
-- plain set-based update of the period's pending entries (no per-row numbering), which is what dominates the cost of
-- a 100,000-line export. The row number is derived when read: row_number() over (partition by file order by id).
drop index export_entry_row;
alter table export_entry drop column row_number;
create index export_entry_file on export_entry (export_file_id, id) where export_file_id is not null;
-- The foreign key to export_file costs one trigger call per row when a file is tagged (100,000 for a big period).
-- Only the exporter sets the column, with the id of the file it inserted in the same transaction.
alter table export_entry drop constraint export_entry_export_file_id_fkey;
