-- Every pay-code mapping this service has used. A claim keeps the mapping it was accepted under, and its reversal
-- copies it, so a reversal repeats the element and input values that were actually sent even after the Trust
-- changes the mapping, and a file regenerated after such a change is still byte-identical.
create table pay_code_mapping (
    id           bigint      generated always as identity primary key,
    pay_code     text        not null,
    fingerprint  char(64)    not null,
    mapping      text        not null,
    recorded_at  timestamptz not null default now(),
    unique (pay_code, fingerprint)
);

-- null for entries made before mappings were versioned: they are written with the current mapping
alter table export_entry add column mapping_id bigint;
