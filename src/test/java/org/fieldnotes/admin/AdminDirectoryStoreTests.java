package org.fieldnotes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fieldnotes.support.IntegrationTest;
import org.fieldnotes.support.Racing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Admins added by command, on the embedded store: the member id is the document's key, so adding someone twice, or
 * from two requests at once, adds them once; a configured admin is never stored nor removed.
 */
class AdminDirectoryStoreTests extends IntegrationTest {

	@Autowired
	AdminDirectory admins;

	@Test
	void addingTheSameAdminFromManyRequestsAtOnceAddsThemOnce() {
		List<AdminDirectory.Added> added = Racing.race(8, () -> admins.add("UNEW", "UADMIN1"));

		assertThat(added).filteredOn(a -> a == AdminDirectory.Added.ADDED).hasSize(1);
		assertThat(added).filteredOn(a -> a == AdminDirectory.Added.ALREADY_ADMIN).hasSize(7);
		assertThat(mongo.getCollection("admins").countDocuments()).isEqualTo(1);
		assertThat(admins.isAdmin("UNEW")).isTrue();
		assertThat(admins.all()).containsExactly("UADMIN1", "UNEW");
	}

	@Test
	void aConfiguredAdminIsNeitherStoredNorRemoved() {
		assertThat(admins.add("UADMIN1", "UADMIN1")).isEqualTo(AdminDirectory.Added.ALREADY_ADMIN);
		assertThat(admins.remove("UADMIN1")).isEqualTo(AdminDirectory.Removed.CONFIGURED);
		assertThat(mongo.getCollection("admins").countDocuments()).isZero();
		assertThat(admins.isAdmin("UADMIN1")).isTrue();
	}

	@Test
	void removingTwiceRemovesOnce() {
		admins.add("UNEW", "UADMIN1");

		List<AdminDirectory.Removed> removed = Racing.race(4, () -> admins.remove("UNEW"));

		assertThat(removed).filteredOn(r -> r == AdminDirectory.Removed.REMOVED).hasSize(1);
		assertThat(removed).filteredOn(r -> r == AdminDirectory.Removed.NOT_ADMIN).hasSize(3);
		assertThat(admins.isAdmin("UNEW")).isFalse();
	}
}
