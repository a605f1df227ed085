-- The built-in roles of DESIGN.md. Administrators may copy them into custom roles.
insert into role (code, name, data_scope, built_in) values
    ('ADMIN', '管理员 Administrator', 'ALL', true),
    ('SALES_MANAGER', '销售经理 Sales manager', 'DEPARTMENT_TREE', true),
    ('SALES', '销售 Sales rep', 'SELF', true),
    ('SERVICE', '客服 Customer service', 'SELF', true),
    ('HR', '人事 HR', 'SELF', true),
    ('AUDITOR', '审计 Auditor', 'SELF', true);

insert into role_permission (role_id, permission)
select r.id, p.permission
from role r
join (values
    ('ADMIN', 'customer.create'), ('ADMIN', 'customer.edit'), ('ADMIN', 'customer.archive'),
    ('ADMIN', 'customer.transfer'), ('ADMIN', 'customer.restore'), ('ADMIN', 'customer.members'),
    ('ADMIN', 'followup.create'), ('ADMIN', 'contact.reveal'), ('ADMIN', 'export.request'),
    ('ADMIN', 'export.approve'), ('ADMIN', 'department.manage'), ('ADMIN', 'employee.manage'),
    ('ADMIN', 'role.manage'), ('ADMIN', 'audit.read'), ('ADMIN', 'offboarding.execute'),
    ('SALES_MANAGER', 'customer.create'), ('SALES_MANAGER', 'customer.edit'), ('SALES_MANAGER', 'customer.archive'),
    ('SALES_MANAGER', 'customer.transfer'), ('SALES_MANAGER', 'customer.members'), ('SALES_MANAGER', 'followup.create'),
    ('SALES_MANAGER', 'contact.reveal'), ('SALES_MANAGER', 'export.request'), ('SALES_MANAGER', 'export.approve'),
    ('SALES_MANAGER', 'offboarding.execute'),
    ('SALES', 'customer.create'), ('SALES', 'customer.edit'), ('SALES', 'customer.members'),
    ('SALES', 'followup.create'), ('SALES', 'contact.reveal'),
    ('SERVICE', 'followup.create'),
    ('HR', 'employee.manage'), ('HR', 'offboarding.execute'),
    ('AUDITOR', 'audit.read')
) as p (role_code, permission) on p.role_code = r.code;
