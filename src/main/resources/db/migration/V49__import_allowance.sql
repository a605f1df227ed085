-- A larger allowance of duplicate checks for one import (issue 13): the manager's request is an approval request
-- (approval_request, action IMPORT_ALLOWANCE) decided by an administrator; once approved, the import's previews may
-- look up this many values in all, counted by the audit trail's DUPLICATES_CHECKED events of the import.
alter table import_file add column allowance_request_id bigint;
alter table import_file add column allowed_checks bigint;
alter table import_file add constraint ck_import_file_allowed_checks check (allowed_checks is null or allowed_checks > 0);
