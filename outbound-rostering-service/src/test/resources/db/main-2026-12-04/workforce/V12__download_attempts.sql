-- A download that fails (permission denied, disk full, the file gone, a connection cut every time) is recorded on
-- the file's own row, which is reused for every attempt at the same delivery (name, size, modification time), so
-- one bad remote file shows as one row with a count and a reason instead of stopping the feed or adding rows.
alter table file_ledger
    add column download_attempts integer not null default 0,
    add column last_failure      text,
    add column last_failure_at   timestamptz;
