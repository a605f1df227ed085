-- Imports (insider attack, 2026-12-07): a mapping one manager saved applied to every importer of the same layout, so
-- one manager could send another's phone column into the notes (stored unencrypted, never checked for duplicates),
-- or save an empty mapping that made every row of that layout invalid for everyone. Each importer now keeps their own.
alter table import_column_mapping drop constraint import_column_mapping_pkey;
alter table import_column_mapping add primary key (layout, changed_by);
