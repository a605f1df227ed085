package dev.holdfast.shared.web;

import java.beans.PropertyEditorSupport;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text that PostgreSQL can't store, the NUL character, is refused where it enters: in
 * JSON bodies (400 naming the field) and in form fields and request parameters (a field
 * error), never as a failed insert (500).
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
class TextInput {

	static final String NUL = "\u0000";

	@Bean
	JacksonModule textInputModule() {
		return new SimpleModule("holdfast-text-input").addDeserializer(String.class, new StringDeserializer() {

			@Override
			public String deserialize(JsonParser parser, DeserializationContext context) {
				String value = super.deserialize(parser, context);
				if (value != null && value.contains(NUL)) {
					throw context.weirdStringException(value, String.class, "contains a NUL character");
				}
				return value;
			}

		});
	}

	@InitBinder
	void refuseNul(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				if (text != null && text.contains(NUL)) {
					throw new IllegalArgumentException("contains a NUL character");
				}
				setValue(text);
			}

		});
	}

}
