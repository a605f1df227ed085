/**
 * Inside customer: the keyed blind index of contacts' phone numbers and e-mail addresses
 * (exact search and the duplicate check over encrypted columns), and contacts' names for
 * the audit trail.
 */
package dev.holdfast.customer.contact;
