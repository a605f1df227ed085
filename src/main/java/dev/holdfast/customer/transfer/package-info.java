/**
 * Inside customer: transfers of customers between employed owners (在职转移), one or many at
 * once, their rate limit and the notices to the new owner.
 */
package dev.holdfast.customer.transfer;
