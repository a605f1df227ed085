-- The audit search shows an employee's events newest first (order by id desc), with or without a date range. Without
-- one, ix_audit_event_actor_action (actor_id, action, occurred_at) gives neither the order nor a stop: every event of
-- the employee in every online month was read and sorted for a page of 20. On the partitioned parent, so every month's
-- partition, and every one created later (audit_event_month), gets its own (audit_event_y2026m12_actor_id_id_idx); the
-- page merges them in id order and stops after the page.
create index ix_audit_event_actor_id on audit_event (actor_id, id);
