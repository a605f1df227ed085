-- issue 11, item 9: an export is prepared in the background; its page shows where it stands and how far it got
alter table export_request drop constraint ck_export_request_status;
alter table export_request add constraint ck_export_request_status
    check (status in ('QUEUED', 'PREPARING', 'PENDING_APPROVAL', 'READY', 'REJECTED', 'FAILED'));
alter table export_request add column rows_written integer not null default 0;
alter table export_request add column rows_total integer;
