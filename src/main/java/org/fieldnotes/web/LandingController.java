package org.fieldnotes.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.fieldnotes.demo.Demo;
import org.fieldnotes.demo.DemoPersona;
import org.fieldnotes.demo.Demos;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * {@code /}: what Fieldnotes is, and, when the demo is on, <em>Try it</em>, which starts a demo placement in the
 * visitor's time zone and language, gives the session its four people and opens the chat as the participant. The
 * demo's own buttons in the chat ({@code /try/prompt}, {@code /try/digest}) act on the session's demo placement only.
 * With the demo off, {@code /try/**} answers 404.
 */
@Controller
class LandingController {

	static final List<String> LANGUAGES = List.of("en", "sv");

	private final ObjectProvider<Demos> demos;
	private final WebPages pages;

	LandingController(ObjectProvider<Demos> demos, WebPages pages) {
		this.demos = demos;
		this.pages = pages;
	}

	@GetMapping("/")
	String landing(HttpServletRequest request, Model model) {
		Locale locale = language(request.getLocale());
		pages.speak(request, locale);
		model.addAttribute("demo", demoOn());
		model.addAttribute("language", locale.getLanguage());
		return "web/index";
	}

	@PostMapping("/try")
	String tryIt(HttpServletRequest request, HttpSession session, Model model,
			@RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "") String language) {
		Demos demo = enabled();
		ZoneId zone;
		try {
			zone = timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone.strip());
		}
		catch (DateTimeException e) {
			return invalid(request, model, "web.try.badZone");
		}
		if (!language.isBlank() && !LANGUAGES.contains(language)) {
			return invalid(request, model, "web.try.badLanguage");
		}
		Locale locale = language.isBlank() ? language(request.getLocale()) : Locale.forLanguageTag(language);
		Demo started = demo.start(zone, locale);
		List<WebVisitor.Persona> personas = started.personas().stream()
			.map(LandingController::persona)
			.toList();
		// a new session id for the new rights (no session fixation)
		request.changeSessionId();
		WebVisitor.grant(session, personas, started.placementId());
		return "redirect:/chat";
	}

	@PostMapping("/try/prompt")
	String sendNextPrompt(HttpSession session) {
		Demos demo = enabled();
		demo.sendNextPrompt(demoPlacement(session));
		return "redirect:/chat";
	}

	@PostMapping("/try/digest")
	String sendDigests(HttpSession session) {
		Demos demo = enabled();
		demo.sendDigests(demoPlacement(session));
		return "redirect:/chat";
	}

	private String invalid(HttpServletRequest request, Model model, String problem) {
		Locale locale = language(request.getLocale());
		pages.speak(request, locale);
		model.addAttribute("demo", true);
		model.addAttribute("language", locale.getLanguage());
		model.addAttribute("problem", problem);
		throw new BadRequest(model);
	}

	private static WebVisitor.Persona persona(DemoPersona persona) {
		return new WebVisitor.Persona(persona.memberId(), persona.name(), persona.role().name());
	}

	private static String demoPlacement(HttpSession session) {
		String placementId = WebVisitor.of(session).map(WebVisitor::demoPlacementId)
			.orElseThrow(ChatController.Forbidden::new);
		if (placementId == null) {
			throw new ChatController.Forbidden();
		}
		return placementId;
	}

	private boolean demoOn() {
		Demos demo = demos.getIfAvailable();
		return demo != null && demo.enabled();
	}

	private Demos enabled() {
		Demos demo = demos.getIfAvailable();
		if (demo == null || !demo.enabled()) {
			throw new DemoOff();
		}
		return demo;
	}

	/** English, or Swedish for any Swedish locale. */
	static Locale language(Locale requested) {
		return requested != null && "sv".equals(requested.getLanguage()) ? Locale.forLanguageTag("sv")
				: Locale.ENGLISH;
	}

	@ExceptionHandler(DemoOff.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String demoOff(HttpServletRequest request, Model model) {
		Locale locale = language(request.getLocale());
		pages.speak(request, locale);
		model.addAttribute("demo", false);
		model.addAttribute("language", locale.getLanguage());
		return "web/index";
	}

	@ExceptionHandler(BadRequest.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(BadRequest problem, Model model) {
		model.addAllAttributes(problem.model.asMap());
		return "web/index";
	}

	@ExceptionHandler(ChatController.Forbidden.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(HttpServletRequest request) {
		pages.speak(request, language(request.getLocale()));
		return "web/forbidden";
	}

	/** The demo is off: {@code /try/**} does not exist. */
	static final class DemoOff extends RuntimeException {
		DemoOff() {
			super("demo off", null, false, false);
		}
	}

	static final class BadRequest extends RuntimeException {
		final transient Model model;

		BadRequest(Model model) {
			super("bad request", null, false, false);
			this.model = model;
		}
	}
}
