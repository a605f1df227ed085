package dev.holdfast.security;

import java.io.Serializable;

/**
 * What a login carries besides username and password: the second factor's code, if the
 * user gave one (the login form's {@code code} field, the token endpoint's {@code code}).
 */
record LoginDetails(String code) implements Serializable {
}
