-- Care coordination (issue 10, hole 5): a care visit lets its visitor see the customer, so giving a visit to someone
-- else, or one that outlasts the visitor's access, is a care coordinator's act. Managers and administrators
-- coordinate; plain customer service schedules only its own visits while it serves the customer.
insert into role_permission (role_id, permission)
select r.id, 'care.coordinate' from role r where r.code in ('ADMIN', 'SALES_MANAGER')
on conflict do nothing;

-- Whether an open visit keeps its visitor able to see the customer. Not a visit customer service scheduled for
-- itself without being a coordinator: nobody lengthens their own access.
alter table care_visit add column grants_access boolean not null default true;
update care_visit v set grants_access = false
where v.created_by = v.assignee_id
  and not exists (select 1 from employee_role er join role_permission p on p.role_id = er.role_id
                  where er.employee_id = v.created_by and p.permission = 'care.coordinate');
