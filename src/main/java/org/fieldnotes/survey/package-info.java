/**
 * Surveys: the survey files in {@code prompts/surveys/}, sent at a placement's start, midpoint, end and follow-up
 * (or now, by a coordinator), answered in one form on every channel, and stored as data (numbers and option ids).
 */
package org.fieldnotes.survey;
