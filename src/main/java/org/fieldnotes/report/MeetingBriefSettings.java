package org.fieldnotes.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param beforeMeeting how many of the participant's work days before a scheduled steering meeting its readers get
 * the brief ({@code FIELDNOTES_BRIEF_BEFORE_MEETING}, 0–20; 0 is the meeting's own day)
 */
@ConfigurationProperties("fieldnotes.brief")
record MeetingBriefSettings(@DefaultValue("2") int beforeMeeting) {

	MeetingBriefSettings {
		if (beforeMeeting < 0 || beforeMeeting > 20) {
			throw new IllegalArgumentException(
					"FIELDNOTES_BRIEF_BEFORE_MEETING must be 0 to 20 work days (it is " + beforeMeeting + ")");
		}
	}
}
