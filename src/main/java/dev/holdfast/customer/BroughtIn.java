package dev.holdfast.customer;

import java.time.Instant;

/**
 * Where a customer brought in from before Holdfast (an import, the demo) came from, for
 * its history: its first owner-history entry ({@link OwnerChangeKind#IMPORTED}) and its
 * first revision.
 *
 * @param began when its record began in the previous system (the row's date: its first
 * revision's)
 * @param broughtInAt when it was brought in (an import: the commit)
 * @param importId the import, for {@code import:<id>}; null for the demo
 * @param importShown whether the caller may open that import (its importer, holding
 * {@code customer.import}): the page links it only then
 * @param broughtInBy who brought it in; null when withheld from this reader
 * @param ownerId the owner it was given, from the file or chosen at the import; null: the
 * public pool, or withheld
 * @param previousOwnerWithheld whether it was brought in before a return to the pool that
 * this reader may not see behind (as {@link OwnerChangeView#previousOwnerWithheld}): then
 * neither its owner nor, unless their scope covers them, who brought it in is shown
 */
public record BroughtIn(Instant began, Instant broughtInAt, Long broughtInBy, String broughtInByName, Long importId,
		boolean importShown, Long ownerId, String ownerName, boolean previousOwnerWithheld) {
}
