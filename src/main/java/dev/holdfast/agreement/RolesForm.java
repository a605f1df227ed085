package dev.holdfast.agreement;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * The roles whose holders must accept an agreement.
 */
record RolesForm(@NotEmpty @Size(max = 20) List<@NotBlank String> roles) {
}
