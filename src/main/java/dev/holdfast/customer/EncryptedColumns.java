package dev.holdfast.customer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.holdfast.shared.crypto.EncryptedColumn;

/**
 * The columns of this module that hold encrypted contact data, declared as beans so the
 * re-encryption after a key rotation covers them.
 */
@Configuration(proxyBeanMethods = false)
public class EncryptedColumns {

	public static final EncryptedColumn CONTACT_PHONE = new EncryptedColumn("contact", "phone_encrypted");

	public static final EncryptedColumn CONTACT_EMAIL = new EncryptedColumn("contact", "email_encrypted");

	public static final EncryptedColumn CONTACT_WECHAT = new EncryptedColumn("contact", "wechat_encrypted");

	static final EncryptedColumn CONTACT_ADDRESS = new EncryptedColumn("contact", "address_encrypted");

	public static final EncryptedColumn CUSTOMER_ADDRESS = new EncryptedColumn("customer", "address_encrypted");

	/** The sensitive fields of a contact revision, as one encrypted JSON object. */
	public static final EncryptedColumn CONTACT_REVISION = new EncryptedColumn("contact_revision",
			"sensitive_encrypted");

	/** The address of a customer revision, as one encrypted JSON object. */
	public static final EncryptedColumn CUSTOMER_REVISION = new EncryptedColumn("customer_revision",
			"sensitive_encrypted");

	@Bean
	EncryptedColumn contactPhoneColumn() {
		return CONTACT_PHONE;
	}

	@Bean
	EncryptedColumn contactEmailColumn() {
		return CONTACT_EMAIL;
	}

	@Bean
	EncryptedColumn contactWechatColumn() {
		return CONTACT_WECHAT;
	}

	@Bean
	EncryptedColumn contactAddressColumn() {
		return CONTACT_ADDRESS;
	}

	@Bean
	EncryptedColumn customerAddressColumn() {
		return CUSTOMER_ADDRESS;
	}

	@Bean
	EncryptedColumn contactRevisionColumn() {
		return CONTACT_REVISION;
	}

	@Bean
	EncryptedColumn customerRevisionColumn() {
		return CUSTOMER_REVISION;
	}

}
