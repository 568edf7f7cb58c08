package org.fieldnotes.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link PeopleDirectory} everyone uses: asks the directory of the account's platform. A platform without an
 * adapter cannot be asked ({@code <platform>_not_connected}).
 */
@Component
@Primary
public class RoutingPeopleDirectory implements PeopleDirectory {

	private final Map<String, PlatformDirectory> byPlatform = new LinkedHashMap<>();

	public RoutingPeopleDirectory(List<PlatformDirectory> directories) {
		directories.forEach(d -> byPlatform.put(d.platform(), d));
	}

	@Override
	public Optional<ChatPerson> lookup(ChatAccount account) {
		PlatformDirectory directory = byPlatform.get(account.platform());
		if (directory == null) {
			throw new DirectoryUnavailable(account.platform() + "_not_connected", null);
		}
		return directory.lookup(account);
	}
}
