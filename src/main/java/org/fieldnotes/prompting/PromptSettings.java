package org.fieldnotes.prompting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir folder of prompt files ({@code FIELDNOTES_PROMPTS_DIR})
 * @param catchUp a prompt missed while the app was down is sent at start when it is less late than this,
 * otherwise recorded as missed ({@code FIELDNOTES_PROMPT_CATCH_UP})
 * @param followUpMonths months after the end date for the one-off follow-up ({@code FIELDNOTES_FOLLOW_UP_MONTHS})
 * @param replyWindow how long after a prompt a DM still counts as its reply
 */
@ConfigurationProperties("fieldnotes.prompts")
record PromptSettings(@DefaultValue("./prompts") String dir, @DefaultValue("PT12H") Duration catchUp,
		@DefaultValue("3") int followUpMonths, @DefaultValue("P7D") Duration replyWindow) {
}
