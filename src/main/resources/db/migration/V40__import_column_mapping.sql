-- Imports (issue 13, item 1). Sales managers and administrators bring customers, contacts and follow-ups in from files.
insert into role_permission (role_id, permission)
select r.id, 'customer.import' from role r where r.code in ('ADMIN', 'SALES_MANAGER')
on conflict do nothing;

-- The column mapping someone corrected, remembered for every file of the same layout: the SHA-256 of the file's
-- normalised header row. Only header names and field names are kept, never a cell of the file.
create table import_column_mapping (
    layout     char(64) primary key,
    columns    integer not null check (columns > 0),
    fields     text not null,
    changed_by bigint not null,
    changed_at timestamptz not null
);
