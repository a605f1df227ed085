-- Offboarding: a resignation puts the case's manager on the team of each of the leaver's customers with WRITE
-- access (ADDED) or raises the manager's READ membership to WRITE (RAISED). The handover of each customer (or the
-- last day's, to the manager) ends that grant: an added membership ends, a raised one is READ again.
alter table handover_item add column manager_grant varchar(6);
alter table handover_item add constraint ck_handover_item_manager_grant check (manager_grant in ('ADDED', 'RAISED'));

-- the cases open now: the manager's WRITE memberships the resignation added (in its transaction) are known as ADDED;
-- raised ones cannot be told from others and stay as they are
update handover_item i set manager_grant = 'ADDED'
from offboarding_case oc, customer_member m
where oc.id = i.case_id and oc.departed_at is null and i.done_at is null
  and m.customer_id = i.customer_id and m.employee_id = oc.manager_id and m.removed_at is null and m.access = 'WRITE'
  and m.expires_at is null and m.added_at = oc.created_at;

-- the cases whose customers were handed over already: the grants the resignation added end now
update customer_member m set removed_at = now(), removed_by = null
from offboarding_case oc, handover_item i
where oc.id = i.case_id and i.done_at is not null
  and m.customer_id = i.customer_id and m.employee_id = oc.manager_id and m.removed_at is null and m.access = 'WRITE'
  and m.expires_at is null and m.added_at = oc.created_at;
