package dev.holdfast.dashboard;

/**
 * A department the dashboard can be filtered by, with its depth in the tree for
 * indenting.
 */
record DepartmentOption(long id, String name, int depth) {
}
