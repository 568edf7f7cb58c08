package org.fieldnotes.placement;

/**
 * One thing wrong with a draft, naming the field as the caller spelled it (e.g. {@code participant.timezone}).
 */
public record Violation(String field, String message) {
}
