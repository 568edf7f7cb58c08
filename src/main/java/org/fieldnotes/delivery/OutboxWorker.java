package org.fieldnotes.delivery;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.fieldnotes.chat.DeliveryFailed;
import org.fieldnotes.chat.Image;
import org.fieldnotes.chat.Messenger;
import org.fieldnotes.chat.PlatformMessenger;
import org.fieldnotes.chat.SentMessage;
import org.fieldnotes.mail.Mail;
import org.fieldnotes.mail.MailFailed;
import org.fieldnotes.mail.Mailer;
import org.fieldnotes.mail.SentMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import com.mongodb.MongoException;

/**
 * Sends what is in the outbox. {@link #deliver} sends one claimed message, paced, and settles it: sent, retried
 * later (a 429 after its {@code Retry-After}; 5xx and network errors after an exponential backoff with full jitter),
 * or given up (a permanent error, or {@code maxAttempts} reached). The background loop ({@code concurrency} threads)
 * claims due messages — including those whose lease ran out because their instance died — until none is left, then
 * looks again every {@code poll}.
 */
@Component
public class OutboxWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
	/** The "channel" of a message delivered by e-mail; its "ts" is the e-mail's Message-ID. */
	public static final String EMAIL_CHANNEL = "email";

	private final OutboxStore store;
	private final Messenger messenger;
	private final Mailer mailer;
	private final ApplicationEventPublisher events;
	private final OutboxSettings settings;
	private final Clock clock;
	private final Pacer pacer;
	/** This instance, as a lease holder: host and process, plus a random part so a restarted process is new. */
	private final String owner;

	private volatile ExecutorService threads;
	/** How long the record of a sent or given-up message is kept (for admins, digests and idempotency). */
	static final Duration KEPT = Duration.ofDays(30);
	private volatile Instant lastPruned = Instant.MIN;
	/** The platforms whose adapters have no limits to space messages out for (see {@link PlatformMessenger#paced()}). */
	private volatile Set<String> unpaced = Set.of();
	/**
	 * When the latest rate limit this instance was told of ends: an idle loop looks again then, not up to a poll
	 * later (the messages held back by it are due at that moment, and the workspace's budget has refilled).
	 */
	private volatile Instant pauseEnds = Instant.MIN;
	/** Set when the application stops: the loops finish what they hold and claim nothing more. */
	private volatile boolean stopping;

	@Autowired
	OutboxWorker(OutboxStore store, Messenger messenger, Mailer mailer, ApplicationEventPublisher events,
			OutboxSettings settings, Clock clock) {
		this(store, messenger, mailer, events, settings, clock, Pacer.Ticker.SYSTEM);
	}

	OutboxWorker(OutboxStore store, Messenger messenger, Mailer mailer, ApplicationEventPublisher events,
			OutboxSettings settings, Clock clock, Pacer.Ticker ticker) {
		this.store = store;
		this.messenger = messenger;
		this.mailer = mailer;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
		this.pacer = new Pacer(settings.perChannel(), settings.rate(), ticker, store.paceBudgets());
		this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Learns which platforms need no pacing (the adapters say). */
	@Autowired(required = false)
	void pacing(List<PlatformMessenger> platforms) {
		unpaced = platforms.stream().filter(p -> !p.paced()).map(PlatformMessenger::platform)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	String owner() {
		return owner;
	}

	/**
	 * Whether a rate limit a platform announced for this scope (a 429's {@code Retry-After}, which holds for one
	 * workspace, e.g. {@code slack/T012}) is still in force: until {@link #pausedUntil} no instance claims a message
	 * for that scope, and what they are handed for it is queued. Other workspaces and platforms go on.
	 */
	boolean paused(String scope) {
		return clock.instant().isBefore(pausedUntil(scope));
	}

	Instant pausedUntil(String scope) {
		return store.pausedUntil(scope);
	}

	Instant leaseFrom(Instant now) {
		return now.plus(settings.lease());
	}

	/**
	 * Sends every message that is due now, one after the other, in the calling thread; returns how many it handled.
	 * The background loop does the same; tests call it to run the worker at a moment of their choosing.
	 */
	public int drain() {
		int handled = 0;
		Optional<OutboxMessage> next;
		// a scope under a rate limit is left out of the claim, so its messages wait while the others go
		while (!stopping && (next = claimNext()).isPresent()) {
			deliver(next.get());
			handled++;
		}
		return handled;
	}

	private Optional<OutboxMessage> claimNext() {
		Instant now = clock.instant();
		Optional<OutboxMessage> claimed = store.claimNext(owner, now, leaseFrom(now));
		claimed.filter(m -> m.attempts() > 1 && m.failure() == null)
			.ifPresent(m -> log.info("Outbox message {} taken over after its lease ran out (attempt {})", m.key(),
					m.attempts()));
		return claimed;
	}

	/**
	 * Sends a message this instance holds the lease of, and settles it. A delivery problem never throws: only the
	 * adapter's answer ({@link DeliveryFailed.Kind}) decides whether it is tried again or given up. A store failure
	 * (the store unreachable, a connection cut) throws instead, wherever it happens: the message keeps its lease and
	 * its body, and is taken over when the lease runs out. A store failure never gives a message up.
	 */
	OutboxMessage deliver(OutboxMessage message) {
		// The slot is taken first and the lease renewed to cover the wait for it and a whole lease after: a claim
		// held through a wait longer than its lease would be taken over by another instance, which would take a slot
		// of its own and might wait as long, and so on (a livelock seen with three instances and a 5 s lease). The
		// lease is renewed before the wait, not after it, so that the send follows its turn at once (a store round
		// trip in between would bring two sends to one conversation closer than the pacer spaced them). The limit:
		// should this instance die while it waits, the message is taken over only when the wait and a lease have
		// passed.
		Pacer.Reservation slot = null;
		if (message.account() == null || !unpaced.contains(message.account().platform())) {
			slot = pacer.reserve(message.scope(),
					message.account() == null ? message.recipient() : message.account().key());
		}
		Duration waiting = slot == null ? Duration.ZERO : slot.waiting();
		Instant renewed = clock.instant();
		if (!store.renew(message, owner, leaseFrom(renewed.plus(waiting)))) {
			return takenOver(message);
		}
		Pacer.Turn turn = null;
		try {
			if (slot != null) {
				turn = pacer.waitFor(slot);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			store.retryLater(message, owner, clock.instant(), "interrupted", false);
			return settled(message, OutboxStatus.PENDING, null, "interrupted");
		}
		if (turn != null && turn.stale() && paused(message.scope())) {
			// another send to this workspace was answered 429 while this one waited: it waits out the pause too,
			// rather than make the platform say no again
			Instant until = pausedUntil(message.scope());
			store.putBack(message, owner, until);
			return settled(message, OutboxStatus.PENDING, null, "rate_limited");
		}
		// a wait that overran its slot by more than half a lease (the process stalled, the clock jumped): the claim
		// may have been taken over meanwhile, and is then not sent here
		Instant turnAt = clock.instant();
		if (turnAt.isAfter(renewed.plus(waiting).plus(settings.lease().dividedBy(2)))
				&& !store.renew(message, owner, leaseFrom(turnAt))) {
			return takenOver(message);
		}
		SentMessage sent;
		try {
			sent = message.mail() == null ? messenger.sendDirect(message.account(), message.message())
					: email(message);
		}
		catch (DeliveryFailed failure) {
			OutboxMessage settled = failed(message, failure);
			if (turn != null && failure.kind() == DeliveryFailed.Kind.RATE_LIMITED) {
				// after the pause is recorded, so that the sends waiting meanwhile find it
				Pacer.Turn limited = turn;
				learn(() -> log.info("Outbox: {} rate limited; its rate is now {} messages/s", message.scope(),
						String.format(Locale.ROOT, "%.2f", pacer.limited(limited))));
			}
			return settled;
		}
		catch (RuntimeException e) {
			if (storeError(e)) {
				// e.g. the recipient's language, looked up while the message was rendered: not the message's fault
				throw e;
			}
			// not the platform's answer but our own fault (e.g. a message that cannot be rendered): it would fail
			// the same way again
			return failed(message, new DeliveryFailed("error_" + e.getClass().getSimpleName(), e));
		}
		boolean marked;
		try {
			marked = store.markSent(message, owner, sent, clock.instant());
		}
		catch (RuntimeException e) {
			log.warn("Outbox message {} was sent, but the store failed before it was marked sent ({}): it will be "
					+ "sent again when its lease runs out", message.key(), e.getClass().getSimpleName());
			throw e;
		}
		if (turn != null) {
			Pacer.Turn accepted = turn;
			learn(() -> pacer.accepted(accepted));
		}
		if (!marked) {
			log.warn("Outbox message {} was sent, but its lease had been taken over: it may arrive twice",
					message.key());
		}
		if (message.mail() == null) {
			shareImages(message, sent);
		}
		events.publishEvent(new MessageDelivered(message.key(), message.kind(), message.ref(), message.recipient(),
				sent));
		return settled(message, OutboxStatus.SENT, sent, null);
	}

	/**
	 * Tells the pacer how a send went. Only the pace learns from it: a store failure here is logged and lost, never
	 * the message's concern (it is settled by then).
	 */
	private void learn(Runnable telling) {
		try {
			telling.run();
		}
		catch (RuntimeException e) {
			log.warn("Outbox: the pace could not be updated ({})", e.getClass().getSimpleName());
		}
	}

	private OutboxMessage takenOver(OutboxMessage message) {
		log.warn("Outbox message {} was taken over by another sender (its lease ran out); not sent here",
				message.key());
		return settled(message, OutboxStatus.SENDING, null, "taken_over");
	}

	/**
	 * Whether this is the store failing (Spring's data access exceptions, the MongoDB driver's own) rather than the
	 * message or the platform: a store failure leaves the message to its lease.
	 */
	static boolean storeError(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof DataAccessException || t instanceof MongoException) {
				return true;
			}
		}
		return false;
	}

	/** An e-mail: the images inline; Slack's "where it landed" is channel {@code email} and the Message-ID. */
	private SentMessage email(OutboxMessage message) {
		OutboxMail to = message.mail();
		try {
			SentMail sent = mailer.send(new Mail(to.address(), to.name(), Locale.forLanguageTag(to.languageTag()),
					to.subject(), message.message(), message.images()));
			return new SentMessage(null, EMAIL_CHANNEL, sent.messageId());
		}
		catch (MailFailed e) {
			throw new DeliveryFailed(e.reason(),
					e.retryable() ? DeliveryFailed.Kind.TRANSIENT : DeliveryFailed.Kind.PERMANENT, e);
		}
	}

	private OutboxMessage failed(OutboxMessage message, DeliveryFailed failure) {
		boolean rateLimited = failure.kind() == DeliveryFailed.Kind.RATE_LIMITED;
		String reason = failure.reason();
		if (failure.retryable() && message.attempts() < settings.maxAttempts()) {
			Duration wait = rateLimited ? failure.retryAfter().orElse(settings.backoff()) : backoff(message.attempts());
			if (rateLimited) {
				Instant until = clock.instant().plus(wait);
				store.pauseUntil(message.scope(), until);
				if (until.isAfter(pauseEnds)) {
					pauseEnds = until;
				}
				log.debug("Outbox message {} rate limited; next try in {} s", message.key(), wait.toSeconds());
			}
			else {
				log.info("Outbox message {} not delivered ({}{}), attempt {}; next try in {} s", message.key(), reason,
						failure.mayHaveArrived() ? ", outcome unknown: it may arrive twice" : "", message.attempts(),
						wait.toSeconds());
			}
			store.retryLater(message, owner, clock.instant().plus(wait), reason, failure.mayHaveArrived());
			return settled(message, OutboxStatus.PENDING, null, reason);
		}
		String given = failure.retryable() ? reason + " (after " + message.attempts() + " attempts)" : reason;
		boolean recipientGone = failure.kind() == DeliveryFailed.Kind.RECIPIENT_GONE;
		store.markFailed(message, owner, given, recipientGone, failure.mayHaveArrived(), clock.instant());
		log.warn("Outbox message {} given up: {}{}", message.key(), given,
				failure.mayHaveArrived() || message.ambiguousAttempts() > 0 ? " (it may have arrived all the same)" : "");
		events.publishEvent(new MessageUndeliverable(message.key(), message.kind(), message.ref(), message.recipient(),
				reason, recipientGone));
		return settled(message, OutboxStatus.FAILED, null, given);
	}

	/** Exponential backoff with full jitter: a random wait up to base × 2^(attempt−1), capped. */
	Duration backoff(int attempt) {
		long base = settings.backoff().toMillis();
		long ceiling = Math.min(settings.maxBackoff().toMillis(), base << Math.min(attempt - 1, 20));
		return Duration.ofMillis(ceiling <= base ? base : ThreadLocalRandom.current().nextLong(base, ceiling + 1));
	}

	private void shareImages(OutboxMessage message, SentMessage sent) {
		for (Image image : message.images()) {
			try {
				messenger.shareImage(sent, image);
			}
			catch (DeliveryFailed e) {
				log.warn("Picture for outbox message {} not shared: {}", message.key(), e.reason());
			}
			catch (RuntimeException e) {
				log.warn("Picture for outbox message {} not shared: {}", message.key(), e.getClass().getSimpleName());
			}
		}
	}

	private OutboxMessage settled(OutboxMessage m, OutboxStatus status, SentMessage sent, String failure) {
		return new OutboxMessage(m.id(), m.key(), m.kind(), m.ref(), m.recipient(), m.account(), null, null, status,
				m.attempts(),
				m.createdAt(), m.nextAttemptAt(), null, null, sent == null ? null : clock.instant(),
				sent == null ? null : sent.channel(), sent == null ? null : sent.ts(), failure,
				status == OutboxStatus.FAILED ? clock.instant() : null, null, false, m.ambiguousAttempts());
	}

	/**
	 * Forgets messages settled more than {@link #KEPT} ago: their keys are never handed in again by then (a sender
	 * re-enqueues only what it claimed moments before), and without them the outbox stays small on a store without
	 * secondary indexes. The worker does it at most once an hour.
	 */
	public long prune() {
		Instant now = clock.instant();
		lastPruned = now;
		long deleted = store.deleteSettledBefore(now.minus(KEPT));
		if (deleted > 0) {
			log.info("Outbox: {} settled messages older than {} days forgotten", deleted, KEPT.toDays());
		}
		return deleted;
	}

	// --- the background loop

	@Override
	public void start() {
		if (!settings.worker()) {
			return;
		}
		stopping = false;
		ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
			Thread thread = new Thread(runnable, "outbox-" + UUID.randomUUID().toString().substring(0, 4));
			thread.setDaemon(true);
			return thread;
		});
		threads = pool;
		for (int i = 0; i < settings.concurrency(); i++) {
			pool.execute(this::loop);
		}
		log.info("Outbox worker started: {} threads, {} messages/s, lease {}", settings.concurrency(), settings.rate(),
				settings.lease());
	}

	private void loop() {
		while (!stopping && !Thread.currentThread().isInterrupted()) {
			try {
				if (drain() == 0) {
					if (lastPruned.isBefore(clock.instant().minus(Duration.ofHours(1)))) {
						prune();
					}
					Thread.sleep(nap().toMillis());
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException e) {
				// the store is down or a message is broken: wait and try again, never die
				log.warn("Outbox worker: {}", e.getClass().getSimpleName());
				try {
					Thread.sleep(settings.poll().toMillis() * 4);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	/** How long an idle loop waits before it looks again: a poll, or less if a rate limit ends sooner. */
	Duration nap() {
		Duration untilPauseEnds = Duration.between(clock.instant(), pauseEnds);
		return untilPauseEnds.isNegative() || untilPauseEnds.isZero() || untilPauseEnds.compareTo(settings.poll()) >= 0
				? settings.poll()
				: untilPauseEnds.plusMillis(1);
	}

	/**
	 * Stops claiming, lets the sends in flight finish (up to 10 s), and only then interrupts: an interrupted send may
	 * already have reached Slack, and would be sent again after the lease.
	 */
	@Override
	public void stop() {
		ExecutorService pool = threads;
		threads = null;
		if (pool != null) {
			stopping = true;
			pool.shutdown();
			try {
				if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
					pool.shutdownNow();
				}
			}
			catch (InterruptedException e) {
				pool.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return threads != null;
	}
}
