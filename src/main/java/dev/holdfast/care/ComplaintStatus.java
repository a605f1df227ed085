package dev.holdfast.care;

import java.util.List;

import dev.holdfast.shared.LabelPrefix;

/**
 * Where a complaint stands. It is taken up (IN_PROGRESS), resolved, then closed once the
 * customer confirms; a resolved or closed complaint that comes back is REOPENED and taken
 * up again.
 */
@LabelPrefix("care.complaint.status")
public enum ComplaintStatus {

	OPEN, IN_PROGRESS, RESOLVED, CLOSED, REOPENED;

	/** The statuses a complaint in this status may move to. */
	public List<ComplaintStatus> next() {
		return switch (this) {
			case OPEN, REOPENED -> List.of(IN_PROGRESS);
			case IN_PROGRESS -> List.of(RESOLVED);
			case RESOLVED -> List.of(CLOSED, REOPENED);
			case CLOSED -> List.of(REOPENED);
		};
	}

	public boolean canMoveTo(ComplaintStatus to) {
		return next().contains(to);
	}

}
