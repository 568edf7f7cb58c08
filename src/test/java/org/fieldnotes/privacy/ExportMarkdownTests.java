package org.fieldnotes.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The readable export shows people's words literally: no Markdown, link or HTML in them comes alive. */
class ExportMarkdownTests {

	private final ExportMarkdown markdown = new ExportMarkdown(messages());

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/privacy");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	@Test
	void wordsAreFencedLongerThanAnyBacktickRunAndInlineValuesAreEscaped() {
		String words = "Done ```` then\n# not a heading\n[click](https://evil.example) <script>x</script>";
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("_id", "e1");
		entry.put("text", words);
		entry.put("link", "[x](https://evil.example)");
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("person", "UADA");
		export.put("exportedAt", "2026-12-02T10:00:00Z");
		export.put("logbook_entries", List.of(entry));
		export.put("digests", List.of());

		String md = new String(markdown.render(export, Locale.ENGLISH), StandardCharsets.UTF_8);

		assertThat(md).contains("`````text\n" + words + "\n`````\n");
		assertThat(md).contains("- link: \\[x\\]\\(https\\:\\/\\/evil\\.example\\)");
		assertThat(md).contains("## Logbook entries (1)", "## Digests sent to you (0)", "Nothing stored.");
		assertThat(new String(markdown.render(export, Locale.forLanguageTag("sv")), StandardCharsets.UTF_8))
			.contains("## Loggboksanteckningar (1)", "Inget sparat.");
	}
}
