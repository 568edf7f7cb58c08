package org.fieldnotes.commands;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.report.Portfolio;
import org.fieldnotes.report.PortfolioChoice;
import org.fieldnotes.report.PortfolioDelivery;
import org.fieldnotes.report.PortfolioPart;
import org.fieldnotes.report.Portfolios;
import org.fieldnotes.report.ReportTexts;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes portfolio [from:YYYY-MM-DD] [to:YYYY-MM-DD] [only:answers,entries,status] [without:3,7]}:
 * the asker's own logbook as a portfolio. Answers at once with what it holds; the Markdown and PDF files follow in
 * their DM. There is no way to name another person: a portfolio is only ever the asker's own.
 */
@Component
class PortfolioCommand implements Subcommand {

	private final Portfolios portfolios;
	private final PortfolioDelivery delivery;
	private final Replies replies;
	private final ReportTexts texts;

	PortfolioCommand(Portfolios portfolios, PortfolioDelivery delivery, Replies replies, ReportTexts texts) {
		this.portfolios = portfolios;
		this.delivery = delivery;
		this.replies = replies;
		this.texts = texts;
	}

	@Override
	public String name() {
		return "portfolio";
	}

	@Override
	public int helpOrder() {
		return 56;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		Locale locale = invocation.locale();
		PortfolioChoice choice;
		try {
			choice = parse(invocation.rest());
		}
		catch (IllegalArgumentException e) {
			return replies.usage(texts.t("report.portfolio.invalid", locale, e.getMessage()), name(), locale);
		}
		if (choice.from() != null && choice.to() != null && choice.from().isAfter(choice.to())) {
			return replies.usage(texts.t("report.portfolio.backwards", locale), name(), locale);
		}
		Optional<Portfolio> portfolio = portfolios.of(invocation.caller(), choice, locale);
		if (portfolio.isEmpty()) {
			return replies.text("report.portfolio.notParticipant", locale);
		}
		if (!delivery.available()) {
			return replies.text("report.portfolio.unavailable", locale);
		}
		Portfolio chosen = portfolio.get();
		delivery.sendLater(invocation.caller(), chosen);
		return ChatMessage.builder(texts.t("report.portfolio.coming.summary", locale))
			.paragraph(texts.t("report.portfolio.coming", locale, chosen.lessons().size() + chosen.items().size(),
					chosen.lessons().size(), texts.date(chosen.from(), locale), texts.date(chosen.to(), locale),
					chosen.leftOut()))
			.context(texts.t("report.portfolio.coming.files", locale, PortfolioDelivery.MARKDOWN_FILE,
					PortfolioDelivery.PDF_FILE))
			.build();
	}

	/**
	 * The choice as typed.
	 * @throws IllegalArgumentException naming the word that is not understood
	 */
	static PortfolioChoice parse(String text) {
		LocalDate from = null;
		LocalDate to = null;
		Set<PortfolioPart> parts = EnumSet.noneOf(PortfolioPart.class);
		Set<Integer> without = new HashSet<>();
		for (String word : text == null || text.isBlank() ? new String[0] : text.strip().split("\\s+")) {
			int colon = word.indexOf(':');
			String key = colon < 0 ? word : word.substring(0, colon).toLowerCase(Locale.ROOT);
			String value = colon < 0 ? "" : word.substring(colon + 1);
			switch (key) {
				case "from" -> from = date(word, value);
				case "to" -> to = date(word, value);
				case "only" -> {
					for (String part : value.split(",")) {
						parts.add(PortfolioPart.parse(part).orElseThrow(() -> new IllegalArgumentException(word)));
					}
				}
				case "without" -> {
					for (String number : value.split(",")) {
						try {
							without.add(Integer.parseInt(number.strip()));
						}
						catch (NumberFormatException e) {
							throw new IllegalArgumentException(word);
						}
					}
				}
				default -> throw new IllegalArgumentException(word);
			}
		}
		return new PortfolioChoice(from, to, parts, without);
	}

	private static LocalDate date(String word, String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException(word);
		}
	}
}
