package dev.holdfast.customer;

import java.util.List;

/**
 * Customers brought in without an owner ({@link MovedInCustomers}): they belong in a
 * public pool, which the pool module gives them in the same transaction.
 *
 * @param customerIds the customers, none of which has an owner
 * @param recordedBy the employee who brought them in, whose department's pool takes them
 */
public record CustomersBroughtInUnowned(List<Long> customerIds, long recordedBy) {
}
