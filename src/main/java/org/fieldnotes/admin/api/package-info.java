/**
 * The admin REST API under {@code /api/v1} (JSON, bearer token, RFC 9457 problem details for errors).
 */
package org.fieldnotes.admin.api;
