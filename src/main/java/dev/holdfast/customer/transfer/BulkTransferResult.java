package dev.holdfast.customer.transfer;

import java.util.List;

/**
 * The customers a bulk transfer moved: all that were asked for.
 */
public record BulkTransferResult(int transferred, List<Long> customerIds) {
}
