-- Issue 14, item 4: the months of the audit trail archived into the backup store and dropped (audit.AuditArchive).
-- Archive n holds the chain's events with places (from_seq, to_seq], starting at from_hash (the head of archive n-1,
-- or the genesis) and ending at head_hash: the online chain goes on from the last archive's head.
create table audit_archive (
    month        date         not null,
    archive      varchar(200) not null,
    sha256       char(64)     not null,
    month_events bigint       not null,
    events       bigint       not null,
    from_seq     bigint       not null,
    from_hash    char(64)     not null,
    to_seq       bigint       not null,
    head_hash    char(64)     not null,
    archived_at  timestamptz  not null,
    constraint pk_audit_archive primary key (month)
);
