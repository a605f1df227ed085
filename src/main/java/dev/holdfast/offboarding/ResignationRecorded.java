package dev.holdfast.offboarding;

import java.time.LocalDate;

/**
 * An employee resigned: their case is open and their notice period runs from now. Risk
 * keeps the look-back of the months before the resignation at once, rather than at its
 * next scheduled run. Ids and dates only.
 */
public record ResignationRecorded(long caseId, long employeeId, long managerId, LocalDate lastWorkingDay) {
}
