-- A later row of an import with the same customer name as an earlier row belongs to that row's customer
-- (verdict SAME_CUSTOMER): first_row is the number of the earlier row that creates (or merges into) the customer.
alter table import_row add column first_row bigint;
