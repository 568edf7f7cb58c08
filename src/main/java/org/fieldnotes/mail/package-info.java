/**
 * E-mail, for people who are not on Slack: the {@link org.fieldnotes.mail.Mailer} port and its SMTP implementation
 * (Spring Mail, configured by {@code SPRING_MAIL_*}), which renders a platform-neutral
 * {@link org.fieldnotes.chat.ChatMessage} as HTML (Thymeleaf, {@code templates/digest/email.html}) and as plain
 * text. Every string of the message is data: the HTML escapes all of it, and nothing of it is ever evaluated.
 */
package org.fieldnotes.mail;
