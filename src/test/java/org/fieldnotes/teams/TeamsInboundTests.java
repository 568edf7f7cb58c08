package org.fieldnotes.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * {@code POST /teams/messages} over real HTTP: a good Bot Framework token gets the activity to the handler (and an
 * install is kept); every forged or unfit token is refused with 401 before any handler runs, and nothing is stored.
 */
class TeamsInboundTests extends TeamsTest {

	private static final String USER = "29:1AbCdEfGhIjKlMnOpQrStUv";
	private static final String AAD = "8f2c41d0-5b7e-4c1a-9d3e-2a6f0b9c7e15";

	@Test
	void aGoodTokenReachesTheHandlerAndTheInstallIsKept() {
		HttpResponse<String> response = activity(TeamsStub.install(USER, AAD));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(handled()).singleElement().satisfies(a -> {
			assertThat(a.type()).isEqualTo("installationUpdate");
			assertThat(a.from().aadObjectId()).isEqualTo(AAD);
			assertThat(a.tenantId()).isEqualTo(TeamsStub.TENANT);
		});
		List<Document> kept = conversations();
		assertThat(kept).singleElement().satisfies(c -> {
			assertThat(c.getString("userId")).isEqualTo(USER);
			assertThat(c.getString("aadObjectId")).isEqualTo(AAD);
			assertThat(c.getString("tenantId")).isEqualTo(TeamsStub.TENANT);
			assertThat(c.getString("conversationId")).isEqualTo("a:conv-" + AAD);
			assertThat(c.getString("serviceUrl")).isEqualTo(TeamsStub.serviceUrl());
		});
	}

	@Test
	void aTokenWithinTheFiveMinuteLeewayIsAccepted() {
		Instant now = clock.instant();
		String token = TeamsStub.token(now, TeamsStub.KEY,
				c -> c.expirationTime(Date.from(now.minusSeconds(240))).notBeforeTime(Date.from(now.plusSeconds(240))));

		assertThat(activity(TeamsStub.install(USER, AAD), "Bearer " + token).statusCode()).isEqualTo(200);
		assertThat(handled()).hasSize(1);
	}

	@ParameterizedTest(name = "aud {0}")
	@MethodSource("audiences")
	void theAppIdAndItsApiFormsAreAcceptedAsAudience(String audience) {
		String token = TeamsStub.token(clock.instant(), TeamsStub.KEY, c -> c.audience(audience));

		assertThat(activity(TeamsStub.install(USER, AAD), "Bearer " + token).statusCode()).isEqualTo(200);
		assertThat(handled()).hasSize(1);
	}

	static Stream<String> audiences() {
		return Stream.of(TeamsStub.APP_ID, "api://" + TeamsStub.APP_ID, "api://botid-" + TeamsStub.APP_ID);
	}

	@Test
	void aServiceUrlClaimDifferingOnlyByATrailingSlashIsTheSame() {
		String withoutSlash = TeamsStub.serviceUrl().substring(0, TeamsStub.serviceUrl().length() - 1);
		String token = TeamsStub.token(clock.instant(), TeamsStub.KEY, c -> c.claim("serviceurl", withoutSlash));

		assertThat(activity(TeamsStub.install(USER, AAD), "Bearer " + token).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forgeries")
	void aForgedOrUnfitTokenIsRefusedBeforeAnyHandlerAndNothingIsStored(String name,
			Function<Instant, String> authorization, String reason) {
		HttpResponse<String> response = activity(TeamsStub.install(USER, AAD), authorization.apply(clock.instant()));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(json(response.body()).get("detail").asString()).isEqualTo(reason);
		assertThat(handled()).as("the handler was not reached").isEmpty();
		assertThat(conversations()).as("nothing was stored").isEmpty();
	}

	static Stream<Arguments> forgeries() {
		return Stream.of(
				Arguments.of("no Authorization header", (Function<Instant, String>) now -> null, "missing_bearer_token"),
				Arguments.of("not a bearer", (Function<Instant, String>) now -> "Basic dXNlcjpwYXNz",
						"missing_bearer_token"),
				Arguments.of("garbled token", (Function<Instant, String>) now -> "Bearer not.a.jwt", "malformed_token"),
				Arguments.of("empty bearer", (Function<Instant, String>) now -> "Bearer ", "missing_bearer_token"),
				Arguments.of("a bearer of blanks", (Function<Instant, String>) now -> "Bearer  x", "malformed_token"),
				Arguments.of("expired", bearer(now -> TeamsStub.token(now, TeamsStub.KEY,
						c -> c.expirationTime(Date.from(now.minus(Duration.ofMinutes(5)).minusSeconds(1))))), "expired"),
				Arguments.of("not yet valid", bearer(now -> TeamsStub.token(now, TeamsStub.KEY,
						c -> c.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5)).plusSeconds(1))))),
						"not_yet_valid"),
				Arguments.of("no expiry", bearer(now -> TeamsStub.token(now, TeamsStub.KEY, c -> c.expirationTime(null))),
						"expired"),
				Arguments.of("wrong audience", bearer(now -> TeamsStub.token(now, TeamsStub.KEY,
						c -> c.audience("11111111-2222-3333-4444-555555555555"))), "wrong_audience"),
				Arguments.of("api:// form of another app", bearer(now -> TeamsStub.token(now, TeamsStub.KEY,
						c -> c.audience("api://botid-11111111-2222-3333-4444-555555555555"))), "wrong_audience"),
				Arguments.of("wrong issuer", bearer(now -> TeamsStub.token(now, TeamsStub.KEY,
						c -> c.issuer("https://api.botframework.example"))), "wrong_issuer"),
				Arguments.of("Entra-issued agent token", bearer(now -> TeamsStub.token(now, TeamsStub.KEY,
						c -> c.issuer("https://login.microsoftonline.com/" + TeamsStub.TENANT + "/v2.0")
							.claim("serviceurl", null))), "entra_token"),
				Arguments.of("Entra v1 (sts.windows.net) token", bearer(now -> TeamsStub.token(now, TeamsStub.KEY,
						c -> c.issuer("https://sts.windows.net/" + TeamsStub.TENANT + "/"))), "entra_token"),
				Arguments.of("signed by another key under the same key id",
						bearer(now -> TeamsStub.token(now, TeamsStub.FORGER, c -> {
						})), "bad_signature"),
				Arguments.of("alg none", bearer(now -> new PlainJWT(TeamsStub.claims(now).build()).serialize()),
						"unsigned_token"),
				Arguments.of("HS256 signed with the public key's bytes", bearer(TeamsInboundTests::hs256WithPublicKey),
						"algorithm_not_allowed"),
				Arguments.of("a header saying none over a real signature", bearer(TeamsInboundTests::algNoneHeader),
						"malformed_token"),
				Arguments.of("serviceurl claim of another host", bearer(now -> TeamsStub.token(now, TeamsStub.KEY,
						c -> c.claim("serviceurl", "https://smba.attacker.example/teams/"))), "service_url_mismatch"),
				Arguments.of("no serviceurl claim", bearer(now -> TeamsStub.token(now, TeamsStub.KEY,
						c -> c.claim("serviceurl", null))), "service_url_mismatch"),
				Arguments.of("unknown key id", bearer(now -> TeamsStub.token(now, withKid(TeamsStub.FORGER, "nobody"),
						c -> {
						})), "unknown_key"));
	}

	@Test
	void anActivityNamingAnotherServiceUrlThanItsTokenIsRefused() {
		String body = TeamsStub.install(USER, AAD, "https://smba.attacker.example/teams/");

		HttpResponse<String> response = activity(body);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(handled()).isEmpty();
		assertThat(conversations()).isEmpty();
	}

	@Test
	void aBodyThatIsNoActivityGetsNoFurtherThanItsToken() {
		assertThat(activity("not json", null).statusCode()).isEqualTo(401);
		assertThat(activity("not json").statusCode()).as("no activity, so no service URL the token can match")
			.isEqualTo(401);
		assertThat(handled()).isEmpty();
	}

	@Test
	void onlyPostIsAnswered() {
		HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(uri("/teams/messages")).GET().build());

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(handled()).isEmpty();
	}

	@Test
	void anUninstallMarksTheReferenceRemoved() {
		activity(TeamsStub.install(USER, AAD));
		String remove = TeamsStub.install(USER, AAD).replace("\"action\":\"add\"", "\"action\":\"remove\"");

		assertThat(activity(remove).statusCode()).isEqualTo(200);

		assertThat(conversations()).singleElement().satisfies(c -> assertThat(c.get("removedAt")).isNotNull());
	}

	@Test
	void aTeamInstallIsAcknowledgedButNotKept() {
		String team = TeamsStub.install(USER, AAD).replace("\"personal\"", "\"channel\"");

		assertThat(activity(team).statusCode()).isEqualTo(200);
		assertThat(handled()).hasSize(1);
		assertThat(conversations()).isEmpty();
	}

	private List<Document> conversations() {
		return mongo.getCollection(TeamsConversation.COLLECTION).find().into(new java.util.ArrayList<>());
	}

	private static Function<Instant, String> bearer(Function<Instant, String> token) {
		return now -> "Bearer " + token.apply(now);
	}

	private static com.nimbusds.jose.jwk.RSAKey withKid(com.nimbusds.jose.jwk.RSAKey key, String kid) {
		return new com.nimbusds.jose.jwk.RSAKey.Builder(key).keyID(kid).build();
	}

	/** The classic confusion attack: HS256 with the RSA public key as the shared secret. */
	private static String hs256WithPublicKey(Instant now) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TeamsStub.KID).build(),
					TeamsStub.claims(now).build());
			jwt.sign(new MACSigner(TeamsStub.KEY.toRSAPublicKey().getEncoded()));
			return jwt.serialize();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A good RS256 token whose header is swapped for {"alg":"none","kid":…}, signature kept. */
	private static String algNoneHeader(Instant now) {
		String[] parts = TeamsStub.goodToken(now).split("\\.");
		String header = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(("{\"alg\":\"none\",\"kid\":\"" + TeamsStub.KID + "\"}").getBytes(StandardCharsets.UTF_8));
		return header + "." + parts[1] + "." + parts[2];
	}
}
