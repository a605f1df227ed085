-- A pool's name says which pool a customer went to: two pools of one name can't be told apart (in the pool
-- picker, on a customer's page, in the audit trail). Names are unique, case and surrounding spaces aside; pools
-- that already share a name keep it with their id added.
update pool p
set name = left(p.name, 80) || ' (' || p.id || ')'
where exists (select 1 from pool q where lower(btrim(q.name)) = lower(btrim(p.name)) and q.id < p.id);

create unique index uq_pool_name on pool (lower(btrim(name)));
