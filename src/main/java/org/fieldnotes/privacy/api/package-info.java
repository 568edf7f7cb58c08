/**
 * {@code /api/v1/people/{id}}: an admin's export and erasure of one person (same bearer token as the admin API).
 */
package org.fieldnotes.privacy.api;
