-- issue 14, item 2: one lock for every scheduled job (ShedLock's JDBC provider, shared.Scheduling, docs/jobs.md).
-- lock_until and locked_at are the database's time in UTC as ShedLock writes it (timezone('utc', now())):
-- timestamp without time zone on purpose, so that instances whose sessions run in different zones compare the same
-- values (a timestamptz column would read them in each session's zone)
create table shedlock (
    name        varchar(64)  not null,
    lock_until  timestamp    not null,
    locked_at   timestamp    not null,
    locked_by   varchar(255) not null,
    constraint pk_shedlock primary key (name)
);

-- the home-grown once-across-instances rows it replaces: risk's and agreement's run rows (a row lock and the last
-- run's time) and notification's per-job lock row; notification_job_day stays, as the day's run and what it sent
drop table risk_evaluation_run;
drop table agreement_reminder_run;
alter table notification_job_day drop constraint fk_notification_job_day_job;
drop table notification_job;
