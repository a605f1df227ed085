-- Every text a handover note ever had (insider review): the note row keeps the latest, and a trigger appends each
-- insert or change of it here, so no code path can rewrite a note without leaving the earlier text behind. The
-- versions are never changed or deleted, nor is a note.
create table handover_note_version (
    case_id       bigint        not null,
    customer_id   bigint        not null,
    revision      bigint        not null,
    key_contacts  varchar(2000),
    promises      varchar(2000),
    open_issues   varchar(2000),
    next_step     varchar(2000),
    written_by    bigint        not null,
    written_at    timestamptz   not null default now(),
    constraint pk_handover_note_version primary key (case_id, customer_id, revision),
    constraint fk_handover_note_version_note foreign key (case_id, customer_id) references handover_note (case_id, customer_id),
    constraint fk_handover_note_version_written_by foreign key (written_by) references employee (id)
);

-- notes written before this migration: their current text is their first kept version
insert into handover_note_version (case_id, customer_id, revision, key_contacts, promises, open_issues, next_step,
                                   written_by, written_at)
select case_id, customer_id, version + 1, key_contacts, promises, open_issues, next_step, written_by, updated_at
from handover_note;

create function handover_note_keep_version() returns trigger language plpgsql as $$
begin
    insert into handover_note_version (case_id, customer_id, revision, key_contacts, promises, open_issues, next_step,
                                       written_by, written_at)
    values (new.case_id, new.customer_id, new.version + 1, new.key_contacts, new.promises, new.open_issues,
            new.next_step, new.written_by, new.updated_at);
    return null;
end;
$$;
create trigger tr_handover_note_keep_version after insert or update on handover_note
    for each row execute function handover_note_keep_version();

create function handover_note_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never changed or deleted', tg_table_name using errcode = 'P0001';
end;
$$;
create trigger tr_handover_note_version_immutable before update or delete on handover_note_version
    for each row execute function handover_note_refuse_change();
create trigger tr_handover_note_no_delete before delete on handover_note
    for each row execute function handover_note_refuse_change();
