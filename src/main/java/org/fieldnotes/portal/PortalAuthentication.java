package org.fieldnotes.portal;

import java.util.List;

import org.fieldnotes.people.People;
import org.fieldnotes.people.PersonId;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ott.InvalidOneTimeTokenException;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthentication;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs in whoever a one-time token names, when it is still good ({@link SignInLinks#consume}, which uses it up)
 * and names a person Fieldnotes knows: the session's principal is that person's id ({@link PortalPerson}), nothing
 * else. There is no user store: what the person may do is {@link org.fieldnotes.access.AccessPolicy}'s to say, page
 * by page.
 */
@Component
class PortalAuthentication implements AuthenticationProvider {

	static final String AUTHORITY = "PORTAL";

	private final SignInLinks links;
	private final People people;

	PortalAuthentication(SignInLinks links, People people) {
		this.links = links;
		this.people = people;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		OneTimeToken token = links.consume((OneTimeTokenAuthenticationToken) authentication);
		if (token == null) {
			throw new InvalidOneTimeTokenException("Invalid token");
		}
		PersonId id = PersonId.parse(token.getUsername())
			.orElseThrow(() -> new BadCredentialsException("Not a person"));
		if (people.find(id).isEmpty()) {
			throw new BadCredentialsException("No such person");
		}
		return new OneTimeTokenAuthentication(new PortalPerson(id.value()),
				List.of(new SimpleGrantedAuthority(AUTHORITY)));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OneTimeTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
