package org.fieldnotes.chat;

/**
 * One choice of a form field or a menu: {@code value} is ours (a key or an id, never shown), {@code label} is what
 * people see, as data (renderers escape it).
 */
public record Option(String value, String label) {
}
