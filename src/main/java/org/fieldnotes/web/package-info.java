/**
 * Small servlet helpers shared by the HTTP adapters (Slack's endpoint, the admin API).
 */
package org.fieldnotes.web;
