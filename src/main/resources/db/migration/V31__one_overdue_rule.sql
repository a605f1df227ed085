-- One meaning of "overdue" (followup.OverdueCustomers): a customer is due its level's interval after the later of its
-- last substantive follow-up and the day it came to its owner. Its query reads only the customers whose older clock,
-- coalesce(last_followed_up_at, created_at), is past the interval: by owner on ix_customer_rhythm (V18), and for a
-- company-wide view on this index, which starts at the level instead of the owner.
create index ix_customer_rhythm_level on customer (level, (coalesce(last_followed_up_at, created_at)))
    where archived_at is null and owner_id is not null;
-- the reminders' former clock (last_followed_up_at alone); ix_customer_rhythm serves every owner's list now
drop index ix_customer_owner_rhythm;
