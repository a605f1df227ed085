package dev.holdfast.customer;

/**
 * A contact named in a form or a timeline: no phone, e-mail or WeChat.
 */
public record ContactName(long id, String name, String title) {
}
