package org.fieldnotes.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams of the web chat, by member: each change to a member's conversation, Home or form sends an
 * event named for what changed ({@code message}, {@code note}, {@code home}, {@code form}) to every page of theirs
 * that is open, and the page fetches that part only, so a form someone is typing in is never redrawn under them by a
 * message arriving. A stream that (re)connects gets one {@code open} event at once, so a page that was away shows the
 * conversation and Home it missed. Streams live in this instance's memory: with several instances, a page hears about
 * the changes made on its own instance only.
 */
@Component
class WebEvents implements SmartLifecycle {

	/** The event a stream gets when it (re)connects. */
	static final String OPEN = "open";
	/** How long a stream stays open before the browser reconnects (it does so by itself). */
	static final Duration TIMEOUT = Duration.ofMinutes(10);

	private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();
	private volatile boolean running;

	@Override
	public void start() {
		running = true;
	}

	/**
	 * Ends every open stream before the web server shuts down gracefully (which waits for open requests: a chat page
	 * left open would otherwise hold the shutdown up for its whole timeout). The browsers reconnect to whichever
	 * instance serves them next.
	 */
	@Override
	public void stop() {
		running = false;
		streams.values().forEach(theirs -> theirs.forEach(emitter -> {
			try {
				emitter.complete();
			}
			catch (RuntimeException e) {
				// already gone
			}
		}));
		streams.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	SseEmitter open(String memberId) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		List<SseEmitter> theirs = streams.computeIfAbsent(memberId, id -> new CopyOnWriteArrayList<>());
		theirs.add(emitter);
		Runnable remove = () -> theirs.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		send(emitter, theirs, OPEN);
		return emitter;
	}

	/** Tells every open page of the member that something changed ({@code what}: message, home, form, note). */
	void changed(String memberId, String what) {
		List<SseEmitter> theirs = streams.get(memberId);
		if (theirs == null) {
			return;
		}
		for (SseEmitter emitter : theirs) {
			send(emitter, theirs, what);
		}
	}

	private static void send(SseEmitter emitter, List<SseEmitter> theirs, String what) {
		try {
			emitter.send(SseEmitter.event().name(what).data(what));
		}
		catch (IOException | IllegalStateException e) {
			theirs.remove(emitter);
		}
	}
}
