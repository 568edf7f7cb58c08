package org.fieldnotes.teams;

/**
 * Where every authenticated activity goes: the one seam between the Teams adapter's transport (the token check on
 * {@code /teams/messages}, which has passed when this is called) and what Fieldnotes does with an activity. Exactly
 * one bean implements it; {@link TeamsInstalls} is the default, which records conversation references on install and
 * acknowledges everything else.
 */
public interface TeamsActivities {

	/**
	 * Handles an activity whose token was good and whose service URL is the token's. Runs in the request: an invoke's
	 * answer must come back within Teams' time limit, anything slow belongs after the reply.
	 * @return what to answer Teams with
	 */
	TeamsReply handle(TeamsActivity activity);
}
