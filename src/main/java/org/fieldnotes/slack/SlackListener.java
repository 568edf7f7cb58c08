package org.fieldnotes.slack;

import com.slack.api.bolt.App;

/**
 * A group of Bolt listeners (one Slack surface); each registers itself on the app.
 */
public interface SlackListener {

	void register(App app);
}
