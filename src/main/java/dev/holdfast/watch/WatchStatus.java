package dev.holdfast.watch;

import dev.holdfast.shared.LabelPrefix;

/** Whether a post-departure watch is running or ended with its term. */
@LabelPrefix("watch.status")
public enum WatchStatus {

	ACTIVE, ENDED

}
