package org.fieldnotes.slack;

import org.fieldnotes.text.TextCut;

/**
 * Slack mrkdwn escaping. {@code &}, {@code <} and {@code >} are the only characters Slack treats as control
 * sequences: once escaped, text cannot ping ({@code <!channel>}, {@code <@U…>}) or disguise a link.
 */
public final class Mrkdwn {

	private Mrkdwn() {
	}

	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * What someone typed, from the text Slack delivers: Slack escapes {@code &}, {@code <} and {@code >} in message
	 * and command text ({@code R&D} arrives as {@code R&amp;D}), so stored words would otherwise be escaped twice
	 * when rendered. Slack's own mentions and links ({@code <@U123>}) are left as they are.
	 */
	public static String unescape(String text) {
		if (text == null) {
			return "";
		}
		// &amp; last, so that a typed "&lt;" (delivered as "&amp;lt;") stays "&lt;"
		return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

	/** Bold that cannot be broken open: line breaks and asterisks inside would end the emphasis early. */
	public static String bold(String text) {
		String flat = escape(text).replace('\n', ' ').replace('*', '∗').strip();
		return flat.isEmpty() ? "" : "*" + flat + "*";
	}

	/** What a cut text ends with when no language is known: the English {@code slack.continued}. */
	public static final String CONTINUED = "… (continued in the portal/API)";

	/** Cuts text to at most {@code max} characters, marked with the English {@link #CONTINUED}. */
	public static String truncate(String mrkdwn, int max) {
		return truncate(mrkdwn, max, CONTINUED);
	}

	/**
	 * Cuts mrkdwn to at most {@code max} characters and marks the cut with {@code " " + continued} (escaped). The cut
	 * never falls inside an escape sequence ({@code &amp;}, {@code &lt;}, {@code &gt;}) nor inside a character as a
	 * reader sees it (an emoji, a flag, a ZWJ family: {@link TextCut}), so what is kept is still valid, inert mrkdwn.
	 */
	public static String truncate(String mrkdwn, int max, String continued) {
		if (mrkdwn.length() <= max) {
			return mrkdwn;
		}
		String marker = " " + escape(continued);
		int cut = TextCut.boundaryAtOrBefore(mrkdwn, Math.max(0, max - marker.length()));
		int amp = mrkdwn.lastIndexOf('&', cut);
		if (amp >= 0 && amp > cut - 5 && mrkdwn.indexOf(';', amp) >= cut) {
			cut = TextCut.boundaryAtOrBefore(mrkdwn, amp);
		}
		return mrkdwn.substring(0, cut) + marker;
	}
}
