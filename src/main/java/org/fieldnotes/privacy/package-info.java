/**
 * A person's rights over what Fieldnotes stores about them: everything about them as JSON and Markdown (their own
 * copy, or an admin's export), and erasure of every document about them, with audit records kept pseudonymous.
 */
package org.fieldnotes.privacy;
