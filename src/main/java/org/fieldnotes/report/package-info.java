/**
 * Reports made from a placement's logbook: the participant's portfolio (Markdown and PDF, what they choose), the
 * programme evaluation export (CSV: counts and colours, never words) and the steering-meeting brief of a placement
 * (only what the reader may read, asked of {@link org.fieldnotes.access.AccessPolicy} item by item). People's words
 * go into a report as data: escaped in Markdown, passed to the PDF template as variables, never evaluated.
 */
package org.fieldnotes.report;
