package io.inventdedup.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.decision.DecisionRefusedException;
import io.inventdedup.decision.Decisions;
import io.inventdedup.decision.GroupDecision;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The queue ({@code /queue}, of every org or of {@code ?org=ID}) and the decisions its script sends
 * without leaving the page: {@code POST /api/decisions}, one JSON body however many groups it names
 * (no form parameter limit), answered in JSON with what was recorded and each group's new version (an
 * undo names that version), or 409 with why nothing was recorded. The rules are {@link Decisions}', the
 * commands' own; the signed-in person is {@code by}.
 */
@Controller
class QueueController {

	private static final Logger log = LoggerFactory.getLogger(QueueController.class);

	private final QueuePage page;

	private final Decisions decisions;

	QueueController(QueuePage page, Decisions decisions) {
		this.page = page;
		this.decisions = decisions;
	}

	@GetMapping("/queue")
	void queue(@RequestParam(required = false) @Nullable String org, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setContentType("text/html;charset=UTF-8");
		this.page.write((org != null && !org.isBlank()) ? org : null, Reviewer.of(authentication),
				(CsrfToken) request.getAttribute(CsrfToken.class.getName()), response.getWriter());
	}

	/**
	 * A decision on groups of one run, as the queue's script sends it.
	 * @param execution a job execution of the run
	 * @param decision a {@link GroupDecision}'s word: approve, reject, unapprove or unreject
	 * @param keys the groups, by group key
	 * @param versions the version of each group as the page showed it
	 * @param reason why (for approve and reject)
	 */
	record DecisionRequest(long execution, String decision, List<String> keys, Map<String, String> versions,
			@Nullable String reason) {

	}

	/**
	 * What a decision recorded.
	 * @param message what was done, in words
	 * @param changed the groups it changed
	 * @param versions each group's version now, for an undo
	 * @param decision the decision recorded ({@code approve}, ...)
	 * @param leaves the state it leaves the groups it changed in
	 * @param groups each group it named as it stands now: its version (for an undo), its state, and
	 * who decided what on it, in words (null once undone)
	 */
	record DecisionAnswer(String message, List<String> changed, String decision, GroupDecision.State leaves,
			Map<String, Decisions.GroupNow> groups) {

	}

	/** Why a decision recorded nothing. */
	record Refusal(String refused) {

	}

	@PostMapping(path = "/api/decisions", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<?> decide(@RequestBody DecisionRequest request, Authentication authentication) {
		Reviewer reviewer = Reviewer.of(authentication);
		GroupDecision onGroups = GroupDecision.named(request.decision()).orElse(null);
		if (onGroups == null || request.keys() == null || request.versions() == null) {
			return ResponseEntity.badRequest()
				.body(new Refusal("A decision is {execution, decision: " + GroupDecision.words() + ", keys, "
						+ "versions, reason}: reload the page. Nothing was changed."));
		}
		Optional<String> malformed = Decisions.malformed(request.keys());
		if (malformed.isPresent()) {
			return ResponseEntity.badRequest().body(new Refusal(malformed.get() + ". Nothing was changed."));
		}
		try {
			String reason = onGroups.needsReason() ? Objects.requireNonNullElse(request.reason(), "").strip() : null;
			Decisions.Decided done = this.decisions.decide(onGroups, request.execution(), request.keys(),
					request.versions(), reason, reviewer.name());
			log.atInfo()
				.addKeyValue("by", reviewer.name())
				.addKeyValue("decision", request.decision())
				.addKeyValue("run", done.runInstanceId())
				.addKeyValue("groups", done.changed().size())
				.log("Decision recorded in review");
			return ResponseEntity.ok(new DecisionAnswer(onGroups.said(done.changed().size(), reviewer.name()),
					done.changed(), onGroups.word(), onGroups.leaves(),
					this.decisions.now(done.runInstanceId(), done.groups().keySet())));
		}
		catch (DecisionRefusedException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(new Refusal(ex.getMessage() + ". Nothing was changed."));
		}
	}

}
