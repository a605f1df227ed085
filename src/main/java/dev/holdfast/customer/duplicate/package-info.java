/**
 * Inside customer: the duplicate check (查重) of company names and phone numbers, rationed
 * per employee and day by its budget, and the record of its refusals.
 */
package dev.holdfast.customer.duplicate;
