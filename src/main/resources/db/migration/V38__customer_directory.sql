-- Issue 12, items 1 and 2: the customer module publishes one read-only view of its customers' non-sensitive columns
-- for other modules' set-based SQL (pools, reminders, handover plans, leak tracing). They join it instead of the
-- customer table and add customer's visibility condition (VisibleCustomers) where a caller's list is concerned;
-- owners change only through customer.Ownership. No address, notes or contact data.
create view customer_directory as
select id, name, kind, level, industry, region, status, owner_id, canary_owner_id, created_at, status_changed_at,
       last_followed_up_at, archived_at
from customer;
