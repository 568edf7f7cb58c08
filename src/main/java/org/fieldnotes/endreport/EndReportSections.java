package org.fieldnotes.endreport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five sections of an end-of-placement report, each the participant's own words (long text, edited in the form).
 *
 * @param did what I did
 * @param learnt what I learnt
 * @param goals the learning goals and how they moved
 * @param value the added value for the host
 * @param next next steps
 */
public record EndReportSections(String did, String learnt, String goals, String value, String next) {

	/** The sections' ids, in order: the form's field ids, the JSON's and the message keys' ({@code endReport.section.<id>}). */
	public static final List<String> IDS = List.of("did", "learnt", "goals", "value", "next");

	/** The most characters a section takes (Slack's plain-text input takes 3,000). */
	public static final int MAX = 3000;

	public EndReportSections {
		did = clean(did);
		learnt = clean(learnt);
		goals = clean(goals);
		value = clean(value);
		next = clean(next);
	}

	/** The sections by id, in order. */
	public Map<String, String> byId() {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("did", did);
		all.put("learnt", learnt);
		all.put("goals", goals);
		all.put("value", value);
		all.put("next", next);
		return all;
	}

	/** The sections from values by id (a missing one is empty). */
	public static EndReportSections of(Map<String, String> byId) {
		return new EndReportSections(byId.get("did"), byId.get("learnt"), byId.get("goals"), byId.get("value"),
				byId.get("next"));
	}

	private static String clean(String text) {
		return text == null ? "" : text.strip();
	}
}
