package io.inventdedup.web;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.inventdedup.decision.Decisions;
import io.inventdedup.job.DedupJobLauncher;
import io.inventdedup.simulator.OrgGenerator;
import io.inventdedup.support.IntegrationTest;
import io.inventdedup.support.RunAssertions;
import io.inventdedup.support.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review's edges, probed as an attacker would, over real HTTP with a reviewer's session: a
 * malformed decision is a 400 that says what is wrong, a decision names at most
 * {@value Decisions#MAX_KEYS} groups, a CSRF token in the address is no token, a request from another
 * site's page is refused, and the firewall's refusals carry the security headers of every page.
 * Nothing of these is recorded.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReviewProbeTests {

	@Autowired
	private DedupJobLauncher launcher;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void malformedOversizedForgedAndForeignRequestsAreRefusedWithTheirReasonAndChangeNothing(CapturedOutput output)
			throws Exception {
		String orgId = "review-probe";
		OrgGenerator.seeded(46).sharedChannels(0.5).populate(TestInfrastructure.simulator().org(orgId), 40, 0);
		assertThat(this.launcher.launch(List.of("orgId=" + orgId, "runKey=probe"))).isZero();
		long execution = RunAssertions.lastExecution(this.jdbc, orgId);
		String group = this.jdbc.queryForObject("SELECT min(group_key) FROM dedup_audit WHERE org_id = ? "
				+ "AND status = 'NEEDS_REVIEW'", String.class, orgId);

		try (LocalReview review = LocalReview.signedIn(output, "hal")) {
			String base = review.base();
			ReviewerSession session = ReviewerSession.inQueue(review.browser(), base, orgId);
			String decision = "{\"execution\": " + execution + ", \"decision\": \"approve\", \"reason\": \"one person\", "
					+ "\"versions\": {}, \"keys\": ";

			var nullKey = session.probe("/api/decisions", decision + "[null]}", false, null);
			assertThat(nullKey.statusCode()).isEqualTo(400);
			assertThat(nullKey.body()).contains("Key 1 of 1 is null").contains("Nothing was changed");

			String tooMany = IntStream.rangeClosed(0, Decisions.MAX_KEYS)
				.mapToObj((i) -> "\"k" + i + "\"")
				.collect(Collectors.joining(",", "[", "]"));
			var oversized = session.probe("/api/decisions", decision + tooMany + "}", false, null);
			assertThat(oversized.statusCode()).isEqualTo(400);
			assertThat(oversized.body()).contains("at most " + Decisions.MAX_KEYS + " groups")
				.contains("names " + (Decisions.MAX_KEYS + 1));

			var notJson = session.probe("/api/decisions", "{\"execution\": \"x\"", false, null);
			assertThat(notJson.statusCode()).isEqualTo(400);

			String valid = decision + "[\"" + group + "\"]}";
			var tokenInAddress = session.probe("/api/decisions", valid, true, null);
			assertThat(tokenInAddress.statusCode()).as("a CSRF token in the query string is no token").isEqualTo(403);
			assertThat(tokenInAddress.body()).contains("CSRF");

			var foreign = session.probe("/api/decisions", valid, false, "http://evil.example");
			assertThat(foreign.statusCode()).isEqualTo(403);
			assertThat(foreign.body()).contains("another site");
			assertThat(foreign.headers().firstValue("Content-Security-Policy")).isPresent();

			var sameSite = session.probe("/api/decisions", valid, false, base);
			assertThat(sameSite.statusCode()).as(sameSite.body()).isEqualTo(409);
			assertThat(sameSite.body()).as("versions are required").contains("changed since the page was loaded");

			String firewalled = rawGet(ReviewServerSupport.port(review.server()), "/runs/1;jsessionid=x");
			assertThat(firewalled).startsWith("HTTP/1.1 400").contains("Content-Security-Policy: default-src 'none'")
				.contains("X-Content-Type-Options: nosniff").contains("X-Frame-Options: DENY")
				.contains("Bad request (400)").contains("The address cannot be served");
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM dedup_approval WHERE group_key = ?", Long.class, group))
			.as("nothing recorded").isZero();
	}

	/** A GET as sent on the wire, answered whole (headers and body). */
	private static String rawGet(int port, String path) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
