/**
 * Inside customer: masking (脱敏) of contacts' fields and customers' addresses as each
 * role's field policies say, and the audited reveal of a full value, counted against the
 * role's daily reveal quota.
 */
package dev.holdfast.customer.masking;
