package org.fieldnotes.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.fieldnotes.logbook.Logbook;
import org.fieldnotes.logbook.OverallStatus;
import org.fieldnotes.logbook.StatusUpdates;
import org.fieldnotes.placement.Visibility;
import org.fieldnotes.support.Accounts;
import org.fieldnotes.support.MailParts;
import org.fieldnotes.support.PortalClient;
import org.fieldnotes.support.MailTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal's tests: the whole app with GreenMail, signed links on (an https public address, so the session cookie
 * is {@code Secure}), and two placements in programme KTP 2026, everyone with an address on record:
 *
 * <pre>
 * P   participant Ada (UADA), manager Maja (UMAJA), academic coach Anders (UANDERS), business coach Beata (e-mail only)
 * P2  participant Bruno (UBRUNO), manager Mats (UMATS), academic coach Carl (UCARL): "a coach of another placement"
 * </pre>
 *
 * In P, Ada wrote an entry for her coaches ({@link #SHARED}, with markup and a template expression in it), a private
 * one ({@link #PRIVATE}), a confidential one ({@link #CONFIDENTIAL}) and a status update for her coaches; in P2,
 * Bruno wrote one for his coaches ({@link #BRUNOS}).
 */
abstract class PortalTest extends MailTest {

	static final String PUBLIC_URL = "https://fieldnotes.example.org";
	static final String SECRET = "q83vEjRWeJq8/hEiM0RVZneImaq7zN3u/wARIjNEVWY=";
	static final String SHARED = "Bench test booked <b>for Friday</b> & the rig is ${7*7} ready";
	static final String PRIVATE = "Private: I doubt I want this job";
	static final String CONFIDENTIAL = "Confidential: sleeping badly since the move";
	static final String PROGRESS = "Rig assembled, first run on Monday";
	static final String BRUNOS = "Bruno wrote about the gearbox for his coaches";
	static final String ADA = "ada@example.org";
	static final String MAJA = "maja@scania.example";
	static final String ANDERS = "anders@uni.example";
	static final String BEATA = "beata@scania.example";
	static final String CARL = "carl@uni.example";
	private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL + SignInController.LINK + "?token=")
			+ "([A-Za-z0-9_.\\-]+)");

	@DynamicPropertySource
	static void links(DynamicPropertyRegistry registry) {
		registry.add("fieldnotes.links.public-url", () -> PUBLIC_URL);
		registry.add("fieldnotes.links.secret", () -> SECRET);
	}

	@Autowired
	Logbook logbook;

	@Autowired
	StatusUpdates statusUpdates;

	/** The placements' ids, once {@link #placements()} made them. */
	String p;
	String p2;

	/** Enrols P and P2 through the admin API, with the items described above. */
	void placements() {
		p = enrolJson("""
				{"participant": {"name": "Ada Lindqvist", "slackUserId": "UADA", "email": "%s", "timezone": "Europe/Stockholm", "locale": "en"},
				 "program": "KTP 2026", "hostOrganisation": "Scania", "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Maja Berg", "slackUserId": "UMAJA", "email": "%s", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Anders Holm", "slackUserId": "UANDERS", "email": "%s", "timezone": "Europe/Stockholm", "locale": "en"},
				 "businessCoach": {"name": "Beata Ek", "email": "%s", "timezone": "Europe/Stockholm", "locale": "sv"},
				 "schedule": {"dayOfWeek": "FRIDAY", "time": "14:00"}}
				""".formatted(ADA, MAJA, ANDERS, BEATA));
		p2 = enrolJson("""
				{"participant": {"name": "Bruno Sandberg", "slackUserId": "UBRUNO", "timezone": "Europe/Stockholm", "locale": "en"},
				 "program": "KTP 2026", "hostOrganisation": "Volvo", "startDate": "2026-11-02", "endDate": "2027-04-30",
				 "manager": {"name": "Mats Ek", "slackUserId": "UMATS", "timezone": "Europe/Stockholm"},
				 "academicCoach": {"name": "Carl Nord", "slackUserId": "UCARL", "email": "%s", "timezone": "Europe/Stockholm", "locale": "en"},
				 "schedule": {"dayOfWeek": "FRIDAY", "time": "14:00"}}
				""".formatted(CARL));
		logbook.write(Accounts.slack("UADA"), SHARED, Visibility.COACHES);
		logbook.write(Accounts.slack("UADA"), PRIVATE, Visibility.PRIVATE);
		logbook.write(Accounts.slack("UADA"), CONFIDENTIAL, Visibility.CONFIDENTIAL);
		assertThat(statusUpdates.submit(Accounts.slack("UADA"),
				new StatusUpdates.Report(OverallStatus.AMBER, PROGRESS, "", 4), null, "portal-test-status",
				Visibility.COACHES).update()).isNotNull();
		logbook.write(Accounts.slack("UBRUNO"), BRUNOS, Visibility.COACHES);
	}

	private String enrolJson(String json) {
		HttpResponse<String> response = postJson("/api/v1/placements", json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asString();
	}

	/** Asks for a sign-in link for the address, as the sign-in page's form does; the answer. */
	HttpResponse<String> askForLink(PortalClient client, String address) {
		client.page(SignInController.PAGE);
		return client.post(SignInController.PAGE, "address", address);
	}

	/** Sends what the outbox holds, then the mails GreenMail got for the address. */
	List<MimeMessage> mailsTo(String address) {
		drainOutbox();
		return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to(m).equalsIgnoreCase(address)).toList();
	}

	/** The token of the sign-in link in a mail. */
	static String token(MimeMessage mail) {
		Matcher matcher = LINK.matcher(MailParts.texts(mail).get("text/plain"));
		assertThat(matcher.find()).as("a sign-in link in the mail").isTrue();
		return matcher.group(1);
	}

	/** A client signed in as the person with this address, through a mailed link; its answer must send them on. */
	PortalClient signedIn(String address) {
		PortalClient client = new PortalClient(port);
		int before = mailsTo(address).size();
		askForLink(client, address);
		List<MimeMessage> mails = mailsTo(address);
		assertThat(mails).as("a new sign-in mail to " + address).hasSize(before + 1);
		HttpResponse<String> signIn = client.signInWith(token(mails.get(mails.size() - 1)));
		assertThat(PortalClient.location(signIn)).as("signed in").startsWith(PortalController.HOME)
			.doesNotContain("sign-in");
		return client;
	}

	private static String to(MimeMessage message) {
		try {
			return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
