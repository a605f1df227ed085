package dev.holdfast.shared;

/**
 * What every module may know about the authenticated employee behind a request, without
 * depending on the security module.
 */
public interface EmployeePrincipal {

	long employeeId();

	String username();

}
