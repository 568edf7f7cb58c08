package org.fieldnotes.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param day weekday of every recipient's digest ({@code FIELDNOTES_DIGEST_DAY})
 * @param time local time of the digest in the recipient's zone ({@code FIELDNOTES_DIGEST_TIME})
 * @param catchUp a digest missed while the app was down is sent at start when less late than this
 */
@ConfigurationProperties("fieldnotes.digest")
record DigestSettings(@DefaultValue("MONDAY") DayOfWeek day, @DefaultValue("08:00") LocalTime time,
		@DefaultValue("PT12H") Duration catchUp) {
}
