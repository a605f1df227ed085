package dev.holdfast.customer;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

/**
 * A new contact. Notes hold what a good salesperson remembers: family, interests,
 * preferences.
 */
public record ContactForm(@NotBlank @Size(max = 100) String name, @Size(max = 100) String title,
		@Size(max = 32) String phone, @Email @Size(max = 200) String email, @Size(max = 100) String wechat,
		@Size(max = 300) String address, Gender gender, @Past LocalDate birthday, @Size(max = 5000) String notes) {

	ContactData data() {
		return new ContactData(this.name.strip(), CustomerForm.blankToNull(this.title),
				CustomerForm.blankToNull(this.phone), CustomerForm.blankToNull(this.email),
				CustomerForm.blankToNull(this.wechat), CustomerForm.blankToNull(this.address),
				this.gender == null ? Gender.UNKNOWN : this.gender, this.birthday,
				CustomerForm.blankToNull(this.notes));
	}

}
