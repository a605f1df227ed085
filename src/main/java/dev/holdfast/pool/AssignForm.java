package dev.holdfast.pool;

/** Whom a manager gives a pool customer to. */
record AssignForm(Long employeeId) {
}
