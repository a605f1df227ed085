-- The commit marks each row of an import done (outcome, customer, done_at) once, a chunk at a time (issue 13,
-- docs/imports.md "Speed"). With done_at in the predicate of the open rows' partial index, and the pages filled by
-- the preview's insert, each of those updates wrote a new version of the row on another page and a new entry in
-- every index of the table: about 40 % of the update's processor time. The open rows are now found through a plain
-- index on (import_id, id) (a commit reads them in id order after the last one done, so the rows it passes are the
-- ones still open), and new pages are filled to half, so that the row's next version fits beside it and the update
-- stays in place (a heap-only tuple: no index entry written).
drop index ix_import_row_open;
create index ix_import_row_import on import_row (import_id, id);
alter table import_row set (fillfactor = 50);
