package org.fieldnotes.placement;

/**
 * Published on this instance when an admin changed a programme's digest defaults (day, time, channel): the digest
 * schedule is rebuilt, so that the programme's followers who chose nothing themselves get their digest then.
 */
public record ProgramDigestDefaultsChanged(String program) {
}
