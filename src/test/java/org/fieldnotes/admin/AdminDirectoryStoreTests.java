package org.fieldnotes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fieldnotes.support.Accounts.slack;

import java.util.List;

import org.fieldnotes.people.Person;
import org.fieldnotes.people.PersonId;
import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.Racing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Admins added by command, on the embedded store: the person id is the document's key, so adding someone twice, or
 * from two requests at once, adds them once; a configured admin is never stored nor removed.
 */
class AdminDirectoryStoreTests extends IntegrationTest {

	@Autowired
	AdminDirectory admins;

	@Test
	void addingTheSameAdminFromManyRequestsAtOnceAddsThemOnce() {
		Person newcomer = people.ensure(slack("UNEW"));
		PersonId addedBy = people.ensure(slack("UADMIN1")).id();

		List<AdminDirectory.Added> added = Racing.race(8, () -> admins.add(newcomer, addedBy));

		assertThat(added).filteredOn(a -> a == AdminDirectory.Added.ADDED).hasSize(1);
		assertThat(added).filteredOn(a -> a == AdminDirectory.Added.ALREADY_ADMIN).hasSize(7);
		assertThat(mongo.getCollection("admins").countDocuments()).isEqualTo(1);
		assertThat(admins.isAdmin(slack("UNEW"))).isTrue();
		assertThat(admins.all()).extracting(p -> p.chatAccount().memberId()).containsExactly("UADMIN1", "UNEW");
	}

	@Test
	void aConfiguredAdminIsNeitherStoredNorRemoved() {
		Person configured = people.ensure(slack("UADMIN1"));

		assertThat(admins.add(configured, configured.id())).isEqualTo(AdminDirectory.Added.ALREADY_ADMIN);
		assertThat(admins.remove(slack("UADMIN1"))).isEqualTo(AdminDirectory.Removed.CONFIGURED);
		assertThat(mongo.getCollection("admins").countDocuments()).isZero();
		assertThat(admins.isAdmin(slack("UADMIN1"))).isTrue();
	}

	@Test
	void removingTwiceRemovesOnce() {
		admins.add(people.ensure(slack("UNEW")), people.ensure(slack("UADMIN1")).id());

		List<AdminDirectory.Removed> removed = Racing.race(4, () -> admins.remove(slack("UNEW")));

		assertThat(removed).filteredOn(r -> r == AdminDirectory.Removed.REMOVED).hasSize(1);
		assertThat(removed).filteredOn(r -> r == AdminDirectory.Removed.NOT_ADMIN).hasSize(3);
		assertThat(admins.isAdmin(slack("UNEW"))).isFalse();
	}
}
