package org.fieldnotes.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.fieldnotes.audit.AuditLog;
import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Erases a person: every module deletes what it stores about them ({@link PersonalData#erase}), after the person
 * is recognised by every identifier any module knows (member id, every address, their own placements).
 *
 * <ul>
 * <li>Their placements as participant go, with everything in them (entries, status updates, prompts, notices, the
 * replies to their entries), and their schedules with them.</li>
 * <li>What they wrote elsewhere, their preferences, digest settings, the digests and messages addressed to them,
 * their stored-admin record go. Messages to other people that quote or name them and are not sent yet are
 * withdrawn (given up as {@code erased}, their words dropped).</li>
 * <li>In a placement they only follow (manager or coach) their role is left empty: the participant's logbook is
 * the participant's and survives. Other people's digest records stay but lose the ids of what was erased.</li>
 * <li>Audit records keep everything but the person: they become {@code erased:<random UUID>}, a pseudonym
 * recorded nowhere else, shared by one erasure's records. Then one {@code erase} record with the counts.</li>
 * </ul>
 *
 * There are no transactions, so the order is what makes it safe: modules go in {@link PersonalData#order()}, the
 * documents that lead to others (placements, where addresses are found) last, so a crash midway leaves everything
 * still findable, and running the erasure again finishes it. Running it on someone already erased changes nothing
 * and answers zeros (and records one more {@code erase} with zeros).
 */
@Service
public class Erasure {

	public static final String PSEUDONYM_PREFIX = "erased:";
	private static final Logger log = LoggerFactory.getLogger(Erasure.class);

	private final PersonalDataModules modules;
	private final AuditLog audit;

	Erasure(PersonalDataModules modules, AuditLog audit) {
		this.modules = modules;
		this.audit = audit;
	}

	/** What {@link #erase} would do now, by count key in erasure order (zeros included), changing nothing. */
	public Map<String, Long> preview(DataSubject asked) {
		DataSubject subject = modules.resolve(asked);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (PersonalData module : modules.inErasureOrder()) {
			module.count(subject).forEach((key, n) -> counts.merge(key, n, Long::sum));
		}
		return counts;
	}

	/** Whether {@link #preview} finds anything at all. */
	public static boolean anything(Map<String, Long> counts) {
		return counts.values().stream().anyMatch(n -> n > 0);
	}

	/**
	 * Erases the person now (see the class comment for what and in which order).
	 * @param actor who asked: an admin's member id, or {@code api}
	 */
	public Erased erase(DataSubject asked, String actor) {
		DataSubject subject = modules.resolve(asked);
		String pseudonym = PSEUDONYM_PREFIX + UUID.randomUUID();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (PersonalData module : modules.inErasureOrder()) {
			module.erase(subject, pseudonym).forEach((key, n) -> counts.merge(key, n, Long::sum));
		}
		audit.record(actor, "erase", null, pseudonym, AuditLog.DONE, summary(counts));
		log.info("Erased a person as {}: {}", pseudonym, summary(counts));
		return new Erased(counts, pseudonym);
	}

	/** {@code placements=1 logbook_entries=4 …}: the counts that are not zero, for the audit record and the log. */
	static String summary(Map<String, Long> counts) {
		List<String> parts = new ArrayList<>();
		counts.forEach((k, v) -> {
			if (v > 0) {
				parts.add(k + "=" + v);
			}
		});
		return parts.isEmpty() ? "nothing" : parts.stream().collect(Collectors.joining(" "));
	}

	/**
	 * What an erasure did.
	 * @param counts documents deleted or changed, by count key ({@code placements}, {@code logbook_entries}, …,
	 * {@code placement_roles_removed}, {@code audit_pseudonymised}, {@code outbox_withdrawn})
	 * @param pseudonym what the audit trail calls the person now
	 */
	public record Erased(Map<String, Long> counts, String pseudonym) {
	}
}
