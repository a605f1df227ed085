package dev.holdfast.offboarding;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A resignation as HR records it.
 *
 * @param managerId who takes over what is not planned otherwise; the employee's manager
 * when left out
 */
public record ResignationForm(@NotNull LocalDate noticeDate, @NotNull LocalDate lastWorkingDay,
		@Size(max = 1000) String reason, Long managerId) {
}
