package org.fieldnotes.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fieldnotes.demo.Demo;
import org.fieldnotes.demo.DemoPersona;
import org.fieldnotes.demo.DemoRole;
import org.fieldnotes.demo.Demos;
import org.fieldnotes.digest.DigestService;
import org.fieldnotes.people.Person;
import org.fieldnotes.placement.Placement;
import org.fieldnotes.placement.PlacementDraft;
import org.fieldnotes.placement.PlacementDraft.AccountDraft;
import org.fieldnotes.placement.PlacementDraft.PersonDraft;
import org.fieldnotes.placement.PlacementManagement;
import org.fieldnotes.prompting.PromptDispatcher;
import org.fieldnotes.web.WebMemberReferences;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A {@link Demos} for the web chat's tests, in place of the real one ({@code demo/DemoPlacements}, whose names are
 * drawn at random and whose gate reads the settings): it enrols a placement with fixed names whose four people have
 * web accounts through the real enrolment service, and sends prompts and digests through the real services, so the
 * pages' tests can look for known words. {@link #ENABLED} turns it off for tests of the demo being off. The real demo
 * is tested on its own ({@code DemoTests}) and, through these same pages, in a real browser ({@code TryItBrowserTests}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDemos {

	public static final AtomicBoolean ENABLED = new AtomicBoolean(true);

	@Bean
	@Primary
	Demos testDemos(PlacementManagement placements, PromptDispatcher prompts, DigestService digests, Clock clock) {
		return new Demos() {

			@Override
			public boolean enabled() {
				return ENABLED.get();
			}

			@Override
			public Demo start(ZoneId timeZone, Locale language) {
				if (!enabled()) {
					throw new IllegalStateException("the demo is off");
				}
				LocalDate today = LocalDate.now(clock.withZone(timeZone));
				String lang = language.getLanguage();
				Placement placement = placements.enrol(new PlacementDraft(
						person("Ada Lindqvist", timeZone, lang), "Demo programme", "Demo Trucks AB",
						today.minusWeeks(4).toString(), today.plusMonths(6).toString(),
						person("Maja Berg", timeZone, lang), person("Anders Holm", timeZone, lang),
						person("Beata Ek", timeZone, lang), new PlacementDraft.ScheduleDraft("FRIDAY", "14:00")));
				return new Demo(placement.getId(), List.of(
						persona(placement.getParticipant(), DemoRole.PARTICIPANT),
						persona(placement.getManager(), DemoRole.MANAGER),
						persona(placement.getAcademicCoach(), DemoRole.ACADEMIC_COACH),
						persona(placement.getBusinessCoach(), DemoRole.BUSINESS_COACH)));
			}

			@Override
			public void sendNextPrompt(String placementId) {
				prompts.sendNext(placementId);
			}

			@Override
			public void sendDigests(String placementId) {
				digests.sendAll();
			}
		};
	}

	private static PersonDraft person(String name, ZoneId zone, String language) {
		return new PersonDraft(name, new AccountDraft(WebMemberReferences.PLATFORM, null,
				WebMemberReferences.newId()), null, zone.getId(), language);
	}

	private static DemoPersona persona(Person person, DemoRole role) {
		String memberId = person.accounts().stream().filter(a -> a.platform().equals(WebMemberReferences.PLATFORM))
			.findFirst().orElseThrow().memberId();
		return new DemoPersona(memberId, person.id().value(), person.name(), role);
	}
}
