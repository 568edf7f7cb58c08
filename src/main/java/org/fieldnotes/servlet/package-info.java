/**
 * Small servlet helpers shared by the HTTP adapters (Slack's endpoint, the admin API). A leaf: it depends on no
 * module of ours, so every adapter may use it (it used to live in {@code web}, which is now the web chat adapter).
 */
package org.fieldnotes.servlet;
