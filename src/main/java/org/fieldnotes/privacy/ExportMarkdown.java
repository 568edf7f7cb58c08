package org.fieldnotes.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The export as a Markdown file people can read: a translated heading per collection, each document's fields as
 * {@code field: value} lines (the same field names as in the JSON file), and people's own words (entries, progress,
 * blockers, replies, goals) as fenced blocks shown exactly as written. Every value is data: inline values have all
 * Markdown punctuation backslash-escaped, and a fence is longer than any run of backticks inside it, so nothing
 * anyone wrote can turn into a link, a heading or HTML.
 */
@Component
class ExportMarkdown {

	/** Fields holding people's own words, shown as written. */
	private static final Set<String> WORDS = Set.of("text", "progress", "blockers", "learningGoals",
			"addedValue");

	private final MessageSource messages;

	ExportMarkdown(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(Map<String, Object> export, Locale locale) {
		StringBuilder md = new StringBuilder();
		md.append("# ").append(t("privacy.md.title", locale)).append("\n\n");
		md.append(escape(t("privacy.md.intro", locale, export.get("person"), export.get("exportedAt")))).append("\n");
		for (Map.Entry<String, Object> section : export.entrySet()) {
			if (!(section.getValue() instanceof List<?> items)) {
				continue;
			}
			md.append("\n## ").append(t("privacy.md.section." + section.getKey(), locale)).append(" (")
				.append(items.size()).append(")\n");
			if (items.isEmpty()) {
				md.append('\n').append(t("privacy.md.none", locale)).append('\n');
			}
			int n = 0;
			for (Object item : items) {
				md.append("\n### ").append(++n).append("\n\n");
				StringBuilder words = new StringBuilder();
				if (item instanceof Map<?, ?> fields) {
					fields(md, words, "", fields);
				}
				md.append(words);
			}
		}
		return md.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void fields(StringBuilder md, StringBuilder words, String prefix, Map<?, ?> fields) {
		for (Map.Entry<?, ?> field : fields.entrySet()) {
			String name = prefix + field.getKey();
			Object value = field.getValue();
			if (value instanceof Map<?, ?> nested) {
				fields(md, words, name + ".", nested);
			}
			else if (WORDS.contains(String.valueOf(field.getKey())) && value != null) {
				String text = value instanceof List<?> list ? String.join("\n", list.stream().map(String::valueOf).toList())
						: String.valueOf(value);
				words.append('\n').append(escape(name)).append(":\n\n").append(fenced(text)).append('\n');
			}
			else {
				String shown = value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
						: String.valueOf(value);
				md.append("- ").append(escape(name)).append(": ").append(escape(shown)).append('\n');
			}
		}
	}

	/** A fenced code block: its content is shown literally by every Markdown reader. */
	static String fenced(String text) {
		int longest = 0;
		int run = 0;
		for (char c : text.toCharArray()) {
			run = c == '`' ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		String fence = "`".repeat(Math.max(3, longest + 1));
		return fence + "text\n" + text.replace("\r", "") + "\n" + fence + "\n";
	}

	/** One line of plain text: every ASCII punctuation character backslash-escaped, line breaks as spaces. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			if (c == '\n' || c == '\r') {
				out.append(' ');
			}
			else if (c < 128 && !Character.isLetterOrDigit(c) && c > ' ') {
				out.append('\\').append(c);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private String t(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
