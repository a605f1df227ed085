package dev.holdfast.shared;

/**
 * Records a refused request (403) in the audit trail. Implemented by the audit module;
 * the error handlers call it, since the refused transaction itself rolls back.
 */
public interface AccessDenials {

	void record(ForbiddenException refusal, String method, String path);

}
