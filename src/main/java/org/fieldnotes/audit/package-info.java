/**
 * Who did what: the {@code audit} collection of admin actions (and visibility changes), a leaf every module may use.
 */
package org.fieldnotes.audit;
