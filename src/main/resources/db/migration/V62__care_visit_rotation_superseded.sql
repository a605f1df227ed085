-- Care: a visit after a rotation of key accounts (轮岗) has its own reason, ROTATION (it was HANDOVER); the rows
-- rotations made (source rotation:N) say so.
alter table care_visit drop constraint ck_care_visit_reason;
alter table care_visit add constraint ck_care_visit_reason
    check (reason in ('HANDOVER', 'ROTATION', 'RHYTHM', 'COMPLAINT', 'MANUAL'));
update care_visit set reason = 'ROTATION' where source like 'rotation:%' and reason = 'HANDOVER';

-- An open visit after a handover or rotation that names an owner who no longer owns the customer is
-- closed as superseded (kept, not deleted) by the visit that names the current owner.

alter table care_visit drop constraint ck_care_visit_status;
alter table care_visit add constraint ck_care_visit_status check (status in ('OPEN', 'DONE', 'SUPERSEDED'));
alter table care_visit add column superseded_by bigint;
alter table care_visit add constraint fk_care_visit_superseded_by foreign key (superseded_by) references care_visit (id);

-- the customers that have two open ownership visits already (handed over, then rotated)
update care_visit old set status = 'SUPERSEDED', superseded_by = cur.id, completed_at = now()
from care_visit cur join customer_directory c on c.id = cur.customer_id and c.owner_id = cur.new_owner_id
where cur.status = 'OPEN' and cur.reason in ('HANDOVER', 'ROTATION')
  and old.customer_id = cur.customer_id and old.id <> cur.id and old.status = 'OPEN' and old.reason in ('HANDOVER', 'ROTATION')
  and old.new_owner_id is distinct from c.owner_id;
