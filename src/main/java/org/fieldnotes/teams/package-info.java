/**
 * The Microsoft Teams adapter, speaking the Bot Connector REST API itself (there is no Java SDK). Inbound,
 * {@code POST /teams/messages} stands behind {@link org.fieldnotes.teams.TeamsAuthenticationFilter}, which checks the
 * Bot Framework token of every request as the official SDK does before anything reads it further, and hands each
 * authenticated activity to the one {@link org.fieldnotes.teams.TeamsActivities}, {@link org.fieldnotes.teams.TeamsChat}:
 * conversation references kept on install, and what people type and press handed to the same module services as
 * Slack's listeners. Outbound, {@link org.fieldnotes.teams.TeamsMessenger} renders the
 * neutral messages as Adaptive Cards ({@link org.fieldnotes.teams.TeamsCards}) and posts them with the bot's own
 * token ({@link org.fieldnotes.teams.TeamsTokens}) to allow-listed connector hosts only
 * ({@link org.fieldnotes.teams.BotConnector}). A Teams account's workspace is its tenant; its member id an Entra
 * object id or a Teams user id ({@link org.fieldnotes.teams.TeamsMemberReferences}).
 */
package org.fieldnotes.teams;
