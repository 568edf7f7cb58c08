/**
 * The web chat: a chat platform of our own ({@code web}) behind the same chat port as Slack. Its
 * {@link org.fieldnotes.chat.PlatformMessenger} keeps each member's conversation and shows it live (server-sent
 * events); what a member types, presses or submits on {@code /chat} goes to the same module services as Slack's
 * listeners. {@code /} says what Fieldnotes is and, when the demo is on, offers <em>Try it</em>. Spring Security
 * guards these pages only (CSRF, Content-Security-Policy); a browser session acts as the personas it was given.
 */
package org.fieldnotes.web;
