package org.fieldnotes.teams;

/**
 * What {@code /teams/messages} answers an authenticated activity with: an empty 200 (every activity but an invoke;
 * the work is done after it), or an invoke's response, which Teams reads from the same HTTP response (within about
 * 10–15 seconds).
 *
 * @param status the HTTP status
 * @param body the invoke response's JSON, or {@literal null} for an empty body
 */
public record TeamsReply(int status, String body) {

	private static final TeamsReply OK = new TeamsReply(200, null);

	/** 200 with an empty body: the activity was taken. */
	public static TeamsReply ok() {
		return OK;
	}

	/**
	 * An invoke's response: e.g. {@code {"statusCode":200,"type":"application/vnd.microsoft.activity.message",
	 * "value":"Saved"}} for {@code adaptiveCard/action}, or {@code {"task":{…}}} for a dialog.
	 */
	public static TeamsReply invoke(int status, String json) {
		return new TeamsReply(status, json);
	}
}
