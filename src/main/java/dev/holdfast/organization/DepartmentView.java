package dev.holdfast.organization;

/**
 * A department of the tree.
 */
public record DepartmentView(long id, String name, Long parentId) {
}
