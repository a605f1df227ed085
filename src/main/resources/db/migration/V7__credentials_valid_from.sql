-- Sessions and tokens older than this were ended: by a departure or a password change. Bringing the employee back
-- (ACTIVE again) does not bring them back.
alter table employee add column credentials_valid_from timestamptz not null default '-infinity';
