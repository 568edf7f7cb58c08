/**
 * Who may do what: every operation of the app ({@link org.fieldnotes.access.Operation}) and the one policy that
 * decides it for a person, an e-mail link's recipient or an admin API caller ({@link org.fieldnotes.access.AccessPolicy}).
 */
package org.fieldnotes.access;
