/**
 * The weekly digest: who follows which placements, what they receive, and when (their day and time, in their
 * own time zone). Each recipient's week is claimed in MongoDB, so no digest is sent twice for a week.
 */
package org.fieldnotes.digest;
