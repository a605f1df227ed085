-- Imports (issue 13, item 1): a previewed file and its rows, kept so that the commit needs no second upload and
-- resumes after a crash. A row's cells (names, phones, e-mail addresses) are stored only encrypted by the field
-- cipher (import_row.cells_encrypted, bound to its column, re-encrypted on key rotation like every such column).
create table import_file (
    id                bigserial constraint pk_import_file primary key,
    importer_id       bigint not null,
    file_name         varchar(255) not null,
    format            varchar(10) not null,
    header            text not null,
    mapping           text not null,
    status            varchar(12) not null
        constraint ck_import_file_status check (status in ('PREVIEWED', 'COMMITTING', 'COMMITTED', 'FAILED')),
    total_rows        integer not null default 0,
    fresh_rows        integer not null default 0,
    duplicate_rows    integer not null default 0,
    in_file_rows      integer not null default 0,
    invalid_rows      integer not null default 0,
    done_rows         integer not null default 0,
    created_rows      integer not null default 0,
    merged_rows       integer not null default 0,
    skipped_rows      integer not null default 0,
    choices           text,
    created_at        timestamptz not null,
    committed_at      timestamptz
);

create index ix_import_file_importer on import_file (importer_id, id desc);

create table import_row (
    id                   bigserial constraint pk_import_row primary key,
    import_id            bigint not null constraint fk_import_row_import references import_file (id) on delete cascade,
    number               bigint not null,
    verdict              varchar(20) not null,
    problems             text not null default '',
    cells_encrypted      bytea not null,
    existing_customer_id bigint,
    matched_phones       varchar(200) not null default '',
    owner_id             bigint,
    outcome              varchar(10),
    customer_id          bigint,
    done_at              timestamptz,
    constraint uq_import_row_number unique (import_id, number)
);

create index ix_import_row_open on import_row (import_id, id) where done_at is null;
create index ix_import_row_verdict on import_row (import_id, verdict, id);
