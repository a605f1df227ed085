package dev.holdfast.knowhow;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a manager publishes: a customer's follow-ups, chosen by id or by a date range
 * (inclusive days), with a title, the lesson ("why this worked") and tags.
 */
record PublishForm(@NotNull Long customerId, List<Long> followUpIds,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @NotBlank @Size(max = 200) String title,
		@NotBlank @Size(max = 2000) String lesson, @Size(max = 10) List<@NotBlank @Size(max = 30) String> tags) {

	List<Long> chosenIds() {
		return this.followUpIds == null ? List.of() : this.followUpIds.stream().distinct().toList();
	}

	List<String> cleanTags() {
		return this.tags == null ? List.of() : this.tags.stream().map(String::strip).distinct().toList();
	}

}
