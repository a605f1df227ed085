package dev.holdfast.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.holdfast.customer.contact.ContactIndex;
import dev.holdfast.customer.masking.ContactMasking;

@Entity
public class Contact {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long customerId;

	private String name;

	private String title;

	@Convert(converter = EncryptedFields.ContactPhone.class)
	@Column(name = "phone_encrypted")
	private String phone;

	@Convert(converter = EncryptedFields.ContactEmail.class)
	@Column(name = "email_encrypted")
	private String email;

	@Convert(converter = EncryptedFields.ContactWechat.class)
	@Column(name = "wechat_encrypted")
	private String wechat;

	@Convert(converter = EncryptedFields.ContactAddress.class)
	@Column(name = "address_encrypted")
	private String address;

	private byte[] phoneIndex;

	private byte[] emailIndex;

	@Enumerated(EnumType.STRING)
	private Gender gender;

	private LocalDate birthday;

	private String notes;

	@Version
	private long version;

	private Instant createdAt;

	private Long createdBy;

	private Instant updatedAt;

	private Long updatedBy;

	private Instant archivedAt;

	protected Contact() {
	}

	Contact(long customerId, long createdBy) {
		this.customerId = customerId;
		this.createdAt = Instant.now();
		this.createdBy = createdBy;
		this.updatedAt = this.createdAt;
		this.updatedBy = createdBy;
	}

	void describe(ContactData data, long by, ContactIndex index) {
		this.name = data.name();
		this.title = data.title();
		this.phone = data.phone();
		this.phoneIndex = index.phone(data.phone());
		this.email = data.email();
		this.emailIndex = index.email(data.email());
		this.wechat = data.wechat();
		this.address = data.address();
		this.gender = data.gender();
		this.birthday = data.birthday();
		this.notes = data.notes();
		this.updatedAt = Instant.now();
		this.updatedBy = by;
	}

	ContactData data() {
		return new ContactData(this.name, this.title, this.phone, this.email, this.wechat, this.address, this.gender,
				this.birthday, this.notes);
	}

	Map<String, Object> snapshot() {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("name", this.name);
		snapshot.put("title", this.title);
		snapshot.put("phone", this.phone);
		snapshot.put("email", this.email);
		snapshot.put("wechat", this.wechat);
		snapshot.put("address", this.address);
		snapshot.put("gender", this.gender);
		snapshot.put("birthday", this.birthday == null ? null : this.birthday.toString());
		snapshot.put("notes", this.notes);
		return snapshot;
	}

	/** The blind index of the phone, as {@link #describe} computed it. */
	byte[] phoneIndex() {
		return this.phoneIndex;
	}

	/** The blind index of the e-mail, as {@link #describe} computed it. */
	byte[] emailIndex() {
		return this.emailIndex;
	}

	Long getId() {
		return this.id;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	long getVersion() {
		return this.version;
	}

	/** The whole contact, for masking on its way out ({@link ContactMasking}). */
	public ContactView toView() {
		return new ContactView(this.id, this.customerId, this.name, this.title, this.phone, this.email, this.wechat,
				this.address, this.gender, this.birthday, this.notes, this.version, this.createdAt, this.updatedAt,
				Map.of());
	}

}
