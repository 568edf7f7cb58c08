/**
 * A person's rights over what Fieldnotes stores about them: everything about them as JSON and Markdown (their own
 * copy, or an admin's export with private and confidential words withheld), and erasure of every document about
 * them, with audit records kept pseudonymous. It asks each module through
 * {@link org.fieldnotes.personaldata.PersonalData} and knows no module's collections.
 */
package org.fieldnotes.privacy;
