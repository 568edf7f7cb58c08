package org.fieldnotes.support;

import java.util.List;

import org.bson.BsonDocument;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * For tests that count or inspect what the app asks the store: every command its MongoDB client sends, as sent (the
 * driver's command listener sees the wire protocol, so this works on the embedded store and a real MongoDB alike).
 */
public final class StoreCommands {

	private StoreCommands() {
	}

	/** A customizer of the app's client that copies each command it sends into {@code commands}. */
	public static MongoClientSettingsBuilderCustomizer recordingInto(List<BsonDocument> commands) {
		return builder -> builder.addCommandListener(new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				commands.add(event.getCommand().clone());
			}
		});
	}
}
