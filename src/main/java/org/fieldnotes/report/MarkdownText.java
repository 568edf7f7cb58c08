package org.fieldnotes.report;

/**
 * People's words in Markdown, as data: every ASCII punctuation character is backslash-escaped, so nothing anyone
 * wrote can become a heading, a link, emphasis or HTML; line breaks stay line breaks.
 */
final class MarkdownText {

	private MarkdownText() {
	}

	/** One line: punctuation escaped, line breaks as spaces. */
	static String inline(String text) {
		return escape(text == null ? "" : text.replace('\r', ' ').replace('\n', ' '));
	}

	/**
	 * A block of lines as written: each line escaped, ended by a hard line break (a backslash) when another line of
	 * the same paragraph follows; blank lines separate paragraphs, as they did.
	 */
	static String block(String text) {
		String[] lines = (text == null ? "" : text.replace("\r", "")).split("\n", -1);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			out.append(escape(line));
			boolean more = i + 1 < lines.length && !lines[i + 1].isBlank();
			if (!line.isEmpty() && more) {
				out.append('\\');
			}
			out.append('\n');
		}
		return out.toString();
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			if (c < 128 && c > ' ' && !Character.isLetterOrDigit(c)) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}
}
