package org.fieldnotes.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.fieldnotes.chat.ChatAccount;
import org.fieldnotes.demo.Demos;
import org.fieldnotes.home.HomeScreens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The web chat page and what it posts. Every request acts as the session's current persona ({@link WebVisitor}) and
 * nobody else: a session given no persona, or a persona it was not given, gets 403. Posts answer with a redirect to
 * the page (or, from htmx, the page itself), so the chat works without JavaScript too; with it, the page listens to
 * {@code /chat/stream} and fetches the part that changed.
 */
@Controller
@RequestMapping("/chat")
class ChatController {

	/** Form fields are posted as {@code f:<field id>}, apart from the form's key and the CSRF token. */
	static final String FIELD = "f:";

	private final WebConversations conversations;
	private final WebChat chat;
	private final WebEvents events;
	private final HomeScreens homes;
	private final WebPages pages;
	private final ObjectProvider<Demos> demos;

	ChatController(WebConversations conversations, WebChat chat, WebEvents events, HomeScreens homes, WebPages pages,
			ObjectProvider<Demos> demos) {
		this.conversations = conversations;
		this.chat = chat;
		this.events = events;
		this.homes = homes;
		this.pages = pages;
		this.demos = demos;
	}

	@GetMapping
	String page(HttpSession session, HttpServletRequest request, Model model) {
		WebVisitor visitor = visitor(session);
		ChatAccount member = member(visitor);
		pages.speak(request, chat.locale(member));
		model.addAttribute("visitor", visitor);
		model.addAttribute("persona", visitor.current());
		Demos demo = demos.getIfAvailable();
		model.addAttribute("demo", visitor.demoPlacementId() != null && demo != null && demo.enabled());
		conversation(member, model);
		home(member, model);
		dialog(member, model);
		return "web/chat";
	}

	@GetMapping("/conversation")
	String conversation(HttpSession session, HttpServletRequest request, Model model) {
		ChatAccount member = member(visitor(session));
		pages.speak(request, chat.locale(member));
		conversation(member, model);
		return "web/chat :: conversation";
	}

	@GetMapping("/home")
	String home(HttpSession session, HttpServletRequest request, Model model) {
		ChatAccount member = member(visitor(session));
		pages.speak(request, chat.locale(member));
		home(member, model);
		return "web/chat :: home";
	}

	@GetMapping("/dialog")
	String dialog(HttpSession session, HttpServletRequest request, Model model) {
		ChatAccount member = member(visitor(session));
		pages.speak(request, chat.locale(member));
		dialog(member, model);
		return "web/chat :: dialog";
	}

	/** Server-sent events: {@code changed} whenever the current persona's conversation, Home or form changed. */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(HttpSession session) {
		return events.open(member(visitor(session)).memberId());
	}

	@PostMapping("/messages")
	String send(HttpSession session, @RequestParam(defaultValue = "") String text) {
		ChatAccount member = member(visitor(session));
		if (!text.isBlank()) {
			chat.typed(member, text);
		}
		return "redirect:/chat";
	}

	@PostMapping("/actions")
	String press(HttpSession session, @RequestParam String actionId, @RequestParam(required = false) String value,
			@RequestParam(required = false) String messageId, @RequestParam(required = false) String noteId) {
		ChatAccount member = member(visitor(session));
		if (messageId != null && !messageId.isBlank()
				&& conversations.message(member.memberId(), messageId).isEmpty()) {
			throw new Forbidden();
		}
		if (noteId != null && !noteId.isBlank() && conversations.note(member.memberId(), noteId).isEmpty()) {
			throw new Forbidden();
		}
		chat.pressed(member, new WebChat.Pressed(actionId, value, blankToNull(messageId), blankToNull(noteId)));
		return "redirect:/chat";
	}

	@PostMapping("/forms")
	String submit(HttpSession session, HttpServletRequest request, @RequestParam String key) {
		ChatAccount member = member(visitor(session));
		Map<String, List<String>> sent = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (name.startsWith(FIELD)) {
				sent.put(name.substring(FIELD.length()), List.of(values));
			}
		});
		chat.submitted(member, key, sent);
		return "redirect:/chat";
	}

	@PostMapping("/forms/cancel")
	String cancel(HttpSession session, @RequestParam String key) {
		chat.cancelled(member(visitor(session)), key);
		return "redirect:/chat";
	}

	@PostMapping("/persona")
	String switchTo(HttpSession session, @RequestParam String role) {
		if (!visitor(session).switchTo(role)) {
			throw new Forbidden();
		}
		return "redirect:/chat";
	}

	/** A picture or file shared in the current persona's conversation; nobody else's. */
	@GetMapping("/files/{id}")
	ResponseEntity<byte[]> file(HttpSession session, @PathVariable String id) {
		ChatAccount member = member(visitor(session));
		WebFile file = conversations.file(member.memberId(), id).orElseThrow(Forbidden::new);
		MediaType type = file.mimeType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(file.mimeType());
		boolean inline = MediaType.IMAGE_PNG.equals(type);
		return ResponseEntity.ok()
			.contentType(inline ? type : MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
				.filename(file.filename() == null ? "file" : file.filename(), java.nio.charset.StandardCharsets.UTF_8)
				.build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	private void conversation(ChatAccount member, Model model) {
		java.time.ZoneId zone = chat.zone(member);
		model.addAttribute("messages", conversations.conversation(member.memberId()).stream()
			.map(m -> WebModels.view(m, zone)).toList());
		model.addAttribute("notes", conversations.notes(member.memberId()).stream()
			.map(n -> Map.<String, Object>of("id", n.id(), "blocks", n.blocks())).toList());
	}

	private void home(ChatAccount member, Model model) {
		model.addAttribute("home", WebModels.home(conversations.home(member.memberId())
			.orElseGet(() -> homes.of(member))));
	}

	private void dialog(ChatAccount member, Model model) {
		Optional<WebConversations.OpenForm> open = conversations.openForm(member.memberId());
		model.addAttribute("form", open.map(WebConversations.OpenForm::form).orElse(null));
		model.addAttribute("formKey", open.map(WebConversations.OpenForm::key).orElse(null));
		model.addAttribute("formElements", open.map(o -> WebModels.form(o.form(), o.sent())).orElse(List.of()));
	}

	private static WebVisitor visitor(HttpSession session) {
		return WebVisitor.of(session).orElseThrow(Forbidden::new);
	}

	private static ChatAccount member(WebVisitor visitor) {
		return WebMemberReferences.member(visitor.current().memberId());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	@ExceptionHandler(Forbidden.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(HttpServletRequest request) {
		pages.speak(request, request.getLocale() == null ? Locale.ENGLISH : request.getLocale());
		return "web/forbidden";
	}

	@ExceptionHandler({ WebChat.UnknownAction.class, WebChat.NoSuchForm.class })
	String gone() {
		// a stale page (a form closed meanwhile, a button of an older version): show the page as it is now
		return "redirect:/chat";
	}

	/** The session may not do this (it was given no such persona, or the thing is someone else's). */
	static final class Forbidden extends RuntimeException {
		Forbidden() {
			super("forbidden", null, false, false);
		}
	}
}
