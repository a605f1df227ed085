package dev.holdfast.agreement;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A new agreement template: its title in both languages and the roles whose holders must
 * accept it.
 */
record AgreementForm(@NotBlank @Size(max = 200) String titleZh, @NotBlank @Size(max = 200) String titleEn,
		@NotEmpty @Size(max = 20) List<@NotBlank String> roles) {
}
