package dev.holdfast.customer;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

/**
 * A partial update of a contact; fields left out stay, an empty string clears. A stale
 * {@code version} is refused.
 */
public record ContactChanges(@Size(min = 1, max = 100) String name, @Size(max = 100) String title,
		@Size(max = 32) String phone, @Email @Size(max = 200) String email, @Size(max = 100) String wechat,
		@Size(max = 300) String address, Gender gender, @Past LocalDate birthday, @Size(max = 5000) String notes,
		@NotNull Long version) {

	ContactData applyTo(ContactData current) {
		return new ContactData(this.name != null ? this.name.strip() : current.name(),
				pick(this.title, current.title()), pick(this.phone, current.phone()), pick(this.email, current.email()),
				pick(this.wechat, current.wechat()), pick(this.address, current.address()),
				this.gender != null ? this.gender : current.gender(),
				this.birthday != null ? this.birthday : current.birthday(), pick(this.notes, current.notes()));
	}

	private static String pick(String change, String current) {
		return change == null ? current : CustomerForm.blankToNull(change);
	}

}
