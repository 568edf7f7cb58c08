/**
 * What programme coordinators (admins) may do: who is an admin, and the admin API under {@code /api/v1}.
 */
package org.fieldnotes.admin;
