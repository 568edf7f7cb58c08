package org.fieldnotes.commands;

import org.fieldnotes.chat.ChatMessage;
import org.fieldnotes.privacy.MyData;
import org.springframework.stereotype.Component;

/**
 * {@code /fieldnotes my-data} (everyone: a coach has data too): answers at once with what is coming, then
 * everything stored about the sender arrives in their DM as a JSON and a Markdown file.
 */
@Component
class MyDataCommand implements Subcommand {

	private final MyData myData;
	private final Replies replies;

	MyDataCommand(MyData myData, Replies replies) {
		this.myData = myData;
		this.replies = replies;
	}

	@Override
	public String name() {
		return "my-data";
	}

	@Override
	public int helpOrder() {
		return 55;
	}

	@Override
	public ChatMessage run(Invocation invocation) {
		if (!myData.available()) {
			return replies.text("privacy.mydata.unavailable", invocation.locale());
		}
		myData.sendLater(invocation.caller(), invocation.locale());
		return replies.text("privacy.mydata.coming", invocation.locale(), MyData.JSON_FILE, MyData.MARKDOWN_FILE);
	}
}
