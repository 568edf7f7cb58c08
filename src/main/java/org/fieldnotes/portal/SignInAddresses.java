package org.fieldnotes.portal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.fieldnotes.links.AddressConfirmations;
import org.fieldnotes.people.People;
import org.fieldnotes.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.stereotype.Component;

/**
 * Whom a sign-in request is for: the one Fieldnotes person whose confirmed address was typed. An address is a
 * person's when it is one of theirs on record (given at enrolment, or their chat profile's: "an address Fieldnotes
 * knows is theirs", as digests treat it) or the digest address they confirmed from its inbox. No link is made
 * ({@literal null}, so the request goes on to {@link SignInController#requested}, which answers exactly as a sent
 * link does) when the address is nobody's, is two people's, the links are off, or the person already asked for
 * {@link #PER_HOUR} links within the hour.
 */
@Component
class SignInAddresses implements GenerateOneTimeTokenRequestResolver {

	/** Links one person may be sent in any hour. */
	static final int PER_HOUR = 5;
	static final String ADDRESS = "address";
	/** The request attribute that carries the address a link is mailed to, to {@link SignInMail}. */
	static final String MAIL_TO = SignInAddresses.class.getName() + ".mailTo";
	private static final int MAX_LENGTH = 254;
	private static final Logger log = LoggerFactory.getLogger(SignInAddresses.class);

	private final People people;
	private final AddressConfirmations confirmations;
	private final SignInLinks links;
	private final SignInMail mail;
	private final Clock clock;

	SignInAddresses(People people, AddressConfirmations confirmations, SignInLinks links, SignInMail mail,
			Clock clock) {
		this.people = people;
		this.confirmations = confirmations;
		this.links = links;
		this.mail = mail;
		this.clock = clock;
	}

	@Override
	public GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
		String address = address(request.getParameter(ADDRESS));
		if (address == null || !links.enabled() || !mail.possible()) {
			return null;
		}
		Optional<Person> person = owner(address);
		if (person.isEmpty()) {
			return null;
		}
		if (links.madeSince(person.get().id().value(), clock.instant().minus(SignInLinks.KEPT_FOR)) >= PER_HOUR) {
			log.info("A sign-in link was not sent: {} were sent to the person within the hour", PER_HOUR);
			return null;
		}
		request.setAttribute(MAIL_TO, address);
		return new GenerateOneTimeTokenRequest(person.get().id().value(), SignInLinks.VALID_FOR);
	}

	/** The one person whose confirmed address this is; empty when nobody's or several people's. */
	Optional<Person> owner(String address) {
		Set<String> ids = new LinkedHashSet<>();
		Set<Person> found = new LinkedHashSet<>();
		for (Person person : people.withAddress(address)) {
			if (ids.add(person.id().value())) {
				found.add(person);
			}
		}
		for (String key : confirmations.confirmedBy(address)) {
			people.byKey(key).filter(p -> ids.add(p.id().value())).ifPresent(found::add);
		}
		if (found.size() > 1) {
			log.warn("A sign-in link was not sent: {} people have the address", found.size());
			return Optional.empty();
		}
		return found.stream().findFirst();
	}

	/** The address as typed, trimmed; {@literal null} when it cannot be one. */
	static String address(String typed) {
		if (typed == null) {
			return null;
		}
		String address = typed.strip();
		int at = address.indexOf('@');
		if (address.isEmpty() || address.length() > MAX_LENGTH || at <= 0 || at == address.length() - 1
				|| address.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			return null;
		}
		return address;
	}
}
