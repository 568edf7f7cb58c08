package org.fieldnotes.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * Who a browser session may be in the web chat: the web accounts it was given (for now only by <em>Try it</em>:
 * the four people of its demo placement), and the one it acts as now. Every {@code /chat} request acts as the current
 * persona and nobody else; a session that was given nobody may do nothing there.
 */
public final class WebVisitor implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;
	private static final String ATTRIBUTE = WebVisitor.class.getName();

	/** One web account the session was given: its member id, the person's name and their role (e.g. PARTICIPANT). */
	public record Persona(String memberId, String name, String role) implements Serializable {
	}

	private final List<Persona> personas;
	private final String demoPlacementId;
	private volatile String current;

	private WebVisitor(List<Persona> personas, String demoPlacementId) {
		this.personas = List.copyOf(personas);
		this.demoPlacementId = demoPlacementId;
		this.current = personas.get(0).memberId();
	}

	/** Gives the session these personas (the first is current), replacing any it had. */
	public static WebVisitor grant(HttpSession session, List<Persona> personas, String demoPlacementId) {
		if (personas.isEmpty()) {
			throw new IllegalArgumentException("a visitor is given at least one persona");
		}
		WebVisitor visitor = new WebVisitor(new ArrayList<>(personas), demoPlacementId);
		session.setAttribute(ATTRIBUTE, visitor);
		return visitor;
	}

	/** The session's visitor, if it was given any persona. */
	public static Optional<WebVisitor> of(HttpSession session) {
		return session == null ? Optional.empty()
				: Optional.ofNullable(session.getAttribute(ATTRIBUTE)).map(WebVisitor.class::cast);
	}

	public List<Persona> personas() {
		return personas;
	}

	public Persona current() {
		return personas.stream().filter(p -> p.memberId().equals(current)).findFirst().orElse(personas.get(0));
	}

	/** Acts as the persona with this role from now on; false when the session was not given one. */
	public boolean switchTo(String role) {
		Optional<Persona> persona = personas.stream().filter(p -> p.role().equals(role)).findFirst();
		persona.ifPresent(p -> current = p.memberId());
		return persona.isPresent();
	}

	/** The demo placement the session started, or {@literal null}. */
	public String demoPlacementId() {
		return demoPlacementId;
	}
}
