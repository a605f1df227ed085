-- Customers brought in as of the day they began (moving in from another system, the demo company): their first owner
-- history row says so.
alter table customer_owner_history drop constraint ck_customer_owner_history_kind;
alter table customer_owner_history add constraint ck_customer_owner_history_kind
    check (kind in ('CREATED', 'EDIT', 'TRANSFER', 'RESTORE', 'HANDOVER', 'DEPARTURE', 'POOL_RETURN', 'CLAIM',
                    'POOL_ASSIGN', 'IMPORTED'));
