package org.fieldnotes.privacy;

import java.util.Comparator;
import java.util.List;

import org.fieldnotes.personaldata.DataSubject;
import org.fieldnotes.personaldata.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link PersonalData}, in erasure order, and the one way a person is recognised before their data
 * is exported or erased: every module adds what it knows about who they are, again and again until nobody adds
 * anything (an address found in a placement may lead to digest settings, and so on).
 */
@Component
class PersonalDataModules {

	/** More rounds than any chain of identifiers needs; a guard, not a limit anyone meets. */
	private static final int MAX_ROUNDS = 10;

	private final List<PersonalData> modules;

	PersonalDataModules(List<PersonalData> modules) {
		this.modules = modules.stream()
			.sorted(Comparator.comparingInt(PersonalData::order).thenComparing(m -> m.getClass().getName()))
			.toList();
	}

	/** In erasure order: what is only found through others first, placements last. */
	List<PersonalData> inErasureOrder() {
		return modules;
	}

	/** The person asked for, with every identifier, address, name and own placement the modules know. */
	DataSubject resolve(DataSubject asked) {
		DataSubject known = asked;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			DataSubject more = known;
			for (PersonalData module : modules) {
				more = module.identify(more);
			}
			if (more.equals(known)) {
				return known;
			}
			known = more;
		}
		return known;
	}
}
