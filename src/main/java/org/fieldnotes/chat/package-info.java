/**
 * The platform-neutral conversation port: the {@link org.fieldnotes.chat.Messenger} that delivers a
 * {@link org.fieldnotes.chat.ChatMessage} to a {@link org.fieldnotes.chat.ChatAccount}, the facts that arrive from a
 * chat platform, and what each platform adapter registers: a {@link org.fieldnotes.chat.PlatformMessenger} (the
 * {@link org.fieldnotes.chat.RoutingMessenger} picks it by the account's platform), a
 * {@link org.fieldnotes.chat.PlatformDirectory}, and {@link org.fieldnotes.chat.MemberReferences} (how its people
 * write a member, read nowhere else). Imports nothing of ours.
 *
 * <p>What a person sees besides messages is described here too, for every platform to render its own way: a
 * {@link org.fieldnotes.chat.Form} (fields, choices, dates, member pickers, a validation message per field), whose
 * submission comes back as a {@link org.fieldnotes.chat.FormSubmission} to the module's
 * {@link org.fieldnotes.chat.FormHandler}, and the {@link org.fieldnotes.chat.HomeScreen}.
 *
 * <p>A {@code ChatMessage} carries no markup at all: every string in it is data, and each platform adapter escapes
 * all of it when rendering. That is why a participant's words can never ping a channel or disguise a link.
 */
package org.fieldnotes.chat;
