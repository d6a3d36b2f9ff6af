package io.inventdedup.web;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventdedup.decision.DecisionRefusedException;
import io.inventdedup.decision.Decisions;
import io.inventdedup.decision.GroupDecision;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The review's addresses: {@code /} (every org, its last runs, the queue), {@code /runs/ID} (a run's
 * page, live, ID a job execution id as {@code --report} takes it), and the decisions, each a POST that
 * answers with the run's page again and what was done or why it was refused. A decision records the
 * signed-in person as {@code by}; its rules are {@link Decisions}', the commands' own.
 */
@Controller
class ReviewController {

	private static final Logger log = LoggerFactory.getLogger(ReviewController.class);

	private static final String MESSAGE = "message";

	private final ReviewPages pages;

	private final Decisions decisions;

	ReviewController(ReviewPages pages, Decisions decisions) {
		this.pages = pages;
		this.decisions = decisions;
	}

	@GetMapping("/")
	void home(Authentication authentication, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		this.pages.home(Reviewer.of(authentication), csrf(request), html(response));
	}

	@GetMapping("/signed-out")
	void signedOut(HttpServletResponse response) throws IOException {
		ReviewErrors.page(response, HttpServletResponse.SC_OK, "Signed out",
				"Signed out of the invent-dedup review. Open its address to sign in again (with --serve --local, "
						+ "start it again for a new link)");
	}

	@GetMapping("/runs/{execution}")
	void run(@PathVariable String execution, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		long executionId = executionId(execution);
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
		String message = (flash != null) ? (String) flash.get(MESSAGE) : null;
		// Streamed as it is read from the database (a page of 20,000 groups is tens of MB); nothing is
		// written when there is no such run, so the 404 is still the whole answer.
		if (!this.pages.run(executionId, Reviewer.of(authentication), csrf(request), message, html(response))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No run has job execution " + executionId);
		}
	}

	/**
	 * Approves, rejects, or takes back the approval or the rejection of groups of the run; each
	 * {@code key} comes with the {@code version} the page showed, and a group that changed since is
	 * refused.
	 */
	@PostMapping("/runs/{execution}/decisions")
	String decide(@PathVariable String execution, @RequestParam String decision,
			@RequestParam(name = "key", defaultValue = "") List<String> keys,
			@RequestParam(name = "version", defaultValue = "") List<String> versions,
			@RequestParam(defaultValue = "") String reason, Authentication authentication,
			RedirectAttributes redirect) {
		long executionId = executionId(execution);
		Reviewer reviewer = Reviewer.of(authentication);
		GroupDecision onGroups = GroupDecision.named(decision)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"decision must be one of " + GroupDecision.words()));
		String message;
		try {
			if (keys.size() != versions.size()) {
				throw new DecisionRefusedException("Each group needs the version the page showed: reload the page");
			}
			Map<String, String> seen = new HashMap<>();
			for (int i = 0; i < keys.size(); i++) {
				seen.put(keys.get(i), versions.get(i));
			}
			Decisions.Decided decided = this.decisions.decide(onGroups, executionId, keys, seen,
					onGroups.needsReason() ? reason.strip() : null, reviewer.name());
			log.atInfo()
				.addKeyValue("by", reviewer.name())
				.addKeyValue("decision", decision)
				.addKeyValue("run", decided.runInstanceId())
				.addKeyValue("groups", decided.changed().size())
				.log("Decision recorded in review");
			message = onGroups.said(decided.changed().size(), reviewer.name());
		}
		catch (DecisionRefusedException ex) {
			message = "Refused: " + ex.getMessage() + ". Nothing was changed.";
		}
		redirect.addFlashAttribute(MESSAGE, message);
		return "redirect:/runs/" + executionId;
	}

	/** Holds a contact of the run (every run leaves it out of its merges), or releases it. */
	@PostMapping("/runs/{execution}/holds")
	String hold(@PathVariable String execution, @RequestParam String decision, @RequestParam String contact,
			@RequestParam(defaultValue = "") String reason, Authentication authentication,
			RedirectAttributes redirect) {
		long executionId = executionId(execution);
		Reviewer reviewer = Reviewer.of(authentication);
		boolean hold = switch (decision) {
			case "hold" -> true;
			case "release" -> false;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "decision must be hold or release");
		};
		String message;
		try {
			String org = this.decisions.holdInRun(executionId, contact, hold ? reason.strip() : null, reviewer.name());
			log.atInfo()
				.addKeyValue("by", reviewer.name())
				.addKeyValue("decision", decision)
				.addKeyValue("org", org)
				.log("Hold recorded in review");
			message = hold ? "Holding contact " + contact + " of org " + org + ", by " + reviewer.name()
					+ ": every run leaves it out of its merges" : "Released contact " + contact + " of org " + org;
		}
		catch (DecisionRefusedException ex) {
			message = "Refused: " + ex.getMessage() + ". Nothing was changed.";
		}
		redirect.addFlashAttribute(MESSAGE, message);
		return "redirect:/runs/" + executionId;
	}

	private static long executionId(String execution) {
		try {
			return Long.parseLong(execution);
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "A run is named by its job execution id (a number)");
		}
	}

	private static CsrfToken csrf(HttpServletRequest request) {
		return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
	}

	private static Writer html(HttpServletResponse response) throws IOException {
		response.setContentType("text/html;charset=UTF-8");
		return response.getWriter();
	}

}
