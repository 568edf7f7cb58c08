package org.fieldnotes.demo;

/**
 * One person of a demo placement.
 * @param memberId the member id of their {@code web} chat account
 * @param personId their Fieldnotes person id
 * @param name their made-up name
 * @param role what they are in the placement
 */
public record DemoPersona(String memberId, String personId, String name, DemoRole role) {
}
