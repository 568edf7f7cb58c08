package org.fieldnotes.text;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.ObjectUtils;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/**
 * The bundles of {@code i18n/}, formatted with ICU's {@link MessageFormat} instead of the JDK's, so that a message
 * can say {@code {0, plural, one {# participant} other {# participants}}} and get the plural rules of the reader's
 * language (English and Swedish: "1 participant", "2 participants"; "1 placering", "0 placeringar").
 *
 * <p>Everything else reads as before: {@code {0}}, {@code {0,number,integer}} and {@code ''} for an apostrophe mean
 * the same to ICU, and a message asked for without arguments is returned as written (Spring's rule). Bundles,
 * their encoding, fallback and caching are {@link ResourceBundleMessageSource}'s; only the formatting is ICU's.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

	private final Map<Pattern, MessageFormat> formats = new ConcurrentHashMap<>();

	/** The bundles under these base names, read as UTF-8, with no fallback to the machine's locale. */
	public static IcuMessageSource of(String... basenames) {
		IcuMessageSource source = new IcuMessageSource();
		source.setBasenames(basenames);
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/**
	 * One ICU pattern formatted in a language, for the few texts that are not in a bundle (audit details, which are
	 * English by design): {@code format("{0, plural, one {# recipient} other {# recipients}}", Locale.ENGLISH, 2)}.
	 */
	public static String format(String pattern, Locale locale, Object... args) {
		return new MessageFormat(pattern, ULocale.forLocale(locale)).format(args);
	}

	@Override
	protected String getMessageInternal(String code, Object[] args, Locale locale) {
		if (code == null || (ObjectUtils.isEmpty(args) && !isAlwaysUseMessageFormat())) {
			return super.getMessageInternal(code, args, locale);
		}
		Locale target = locale != null ? locale : Locale.getDefault();
		String pattern = resolveCodeWithoutArguments(code, target);
		if (pattern == null) {
			// not in the bundles: the common messages and the parent source, formatted by formatMessage below
			return super.getMessageInternal(code, args, locale);
		}
		return format(pattern, resolveArguments(args, target), target);
	}

	/** Default and common messages are ICU patterns too. */
	@Override
	protected String formatMessage(String message, Object[] args, Locale locale) {
		if (ObjectUtils.isEmpty(args) && !isAlwaysUseMessageFormat()) {
			return message;
		}
		return format(message, resolveArguments(args, locale), locale);
	}

	private String format(String pattern, Object[] args, Locale locale) {
		MessageFormat format = formats.computeIfAbsent(new Pattern(pattern, locale),
				p -> new MessageFormat(p.text(), ULocale.forLocale(p.locale())));
		synchronized (format) {
			// an ICU MessageFormat is not safe for concurrent use
			return format.format(args);
		}
	}

	private record Pattern(String text, Locale locale) {
	}
}
