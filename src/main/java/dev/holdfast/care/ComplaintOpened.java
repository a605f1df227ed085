package dev.holdfast.care;

/**
 * A complaint was registered on a customer: its owner, and the owner's manager, are told
 * after the commit.
 *
 * @param severity the complaint's severity code
 */
public record ComplaintOpened(long complaintId, long customerId, long recordedBy, String severity) {
}
