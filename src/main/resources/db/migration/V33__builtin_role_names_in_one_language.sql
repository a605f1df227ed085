-- Built-in roles had names in two languages ('管理员 Administrator'). Pages show built-in roles by
-- their label in the reader's language; the stored name, which the API returns, becomes the
-- English one. Names an administrator has changed are left alone.
update role set name = 'Administrator' where code = 'ADMIN' and built_in and name = '管理员 Administrator';
update role set name = 'Sales manager' where code = 'SALES_MANAGER' and built_in and name = '销售经理 Sales manager';
update role set name = 'Sales rep' where code = 'SALES' and built_in and name = '销售 Sales rep';
update role set name = 'Customer service' where code = 'SERVICE' and built_in and name = '客服 Customer service';
update role set name = 'HR' where code = 'HR' and built_in and name = '人事 HR';
update role set name = 'Auditor' where code = 'AUDITOR' and built_in and name = '审计 Auditor';

-- The first administrator was created with the display name '管理员 Administrator'.
update employee set display_name = '管理员' where username = 'admin' and display_name = '管理员 Administrator';
