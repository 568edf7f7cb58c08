package org.fieldnotes.slack;

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

	/** Cuts text to at most {@code max} characters (without splitting an escape sequence), marking the cut. */
	static String truncate(String mrkdwn, int max) {
		if (mrkdwn.length() <= max) {
			return mrkdwn;
		}
		String marker = " … (continued in the logbook)";
		int cut = max - marker.length();
		int amp = mrkdwn.lastIndexOf('&', cut);
		if (amp >= 0 && amp > cut - 5 && mrkdwn.indexOf(';', amp) >= cut) {
			cut = amp;
		}
		if (cut > 0 && Character.isHighSurrogate(mrkdwn.charAt(cut - 1))) {
			cut--;
		}
		return mrkdwn.substring(0, cut) + marker;
	}
}
