package org.fieldnotes.digest.summary;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The optional OpenAI-compatible summary endpoint; without a URL every summary is extractive and local.
 *
 * @param url the full chat-completions URL, e.g. {@code https://api.openai.com/v1/chat/completions}
 * ({@code FIELDNOTES_SUMMARY_URL}, off when blank)
 * @param model the model to ask for ({@code FIELDNOTES_SUMMARY_MODEL})
 * @param apiKey sent as {@code Authorization: Bearer …} when set ({@code FIELDNOTES_SUMMARY_API_KEY})
 * @param timeout connect and answer time limit per summary ({@code FIELDNOTES_SUMMARY_TIMEOUT})
 */
@ConfigurationProperties("fieldnotes.summary")
public record SummarySettings(String url, String model, String apiKey, @DefaultValue("PT10S") Duration timeout) {

	public SummarySettings {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			timeout = Duration.ofSeconds(10);
		}
	}

	boolean endpointEnabled() {
		return StringUtils.hasText(url);
	}

	@Override
	public String toString() {
		// the key stays out of logs and failure reports
		return "SummarySettings[url=" + url + ", model=" + model + ", apiKey=" + (StringUtils.hasText(apiKey) ? "***" : "")
				+ ", timeout=" + timeout + "]";
	}
}
