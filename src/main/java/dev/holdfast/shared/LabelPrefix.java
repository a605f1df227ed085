package dev.holdfast.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where the labels of an enum's constants live in the message bundles, for enums whose
 * keys predate the {@code enum.<SimpleName>.<CONSTANT>} convention of {@link Labels}: the
 * label of {@code CustomerKind.COMPANY} with {@code @LabelPrefix("customer.kind")} is
 * {@code customer.kind.COMPANY}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LabelPrefix {

	String value();

}
