/**
 * Where Fieldnotes keeps its data: an embedded MongoDB wire-protocol server unless {@code MONGODB_URI} names a
 * real one, the indexes every module declares, and the health check that pings the store.
 */
package org.fieldnotes.store;
