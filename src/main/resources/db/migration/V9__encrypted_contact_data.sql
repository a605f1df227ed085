-- Contact phone, e-mail and WeChat, the customer's address and the same fields in revisions are stored
-- encrypted (Google Tink, AES-256-GCM, bound to their column); phone and e-mail also as a keyed blind index
-- (HMAC-SHA256 of the normalised value) for exact search and the duplicate check. The Java migration 9.1
-- encrypts the rows written before and then drops the plaintext columns, so a dump shows no phone number.
alter table contact
    add column phone_encrypted  bytea,
    add column email_encrypted  bytea,
    add column wechat_encrypted bytea,
    add column phone_index      bytea,
    add column email_index      bytea;
create index ix_contact_phone_index on contact (phone_index) where phone_index is not null;
create index ix_contact_email_index on contact (email_index) where email_index is not null;

alter table customer add column address_encrypted bytea;

-- the sensitive fields of a snapshot, as one encrypted JSON object beside the plain rest
alter table contact_revision add column sensitive_encrypted bytea;
alter table customer_revision add column sensitive_encrypted bytea;
