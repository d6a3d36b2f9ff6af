package io.inventdedup.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.inventdedup.audit.RunFacts;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * The review's own error pages, in place of the framework's: what went wrong and what to do, in the
 * review's words, never a stack or a framework's text. A message is shown only when the review wrote
 * it ({@link #refuse}: a {@link ResponseStatusException}'s reason, the sign-in link's refusal); the rest
 * gets the status's own words.
 */
@Controller
class ReviewErrors implements ErrorController {

	/** The request attribute that carries the review's own words for an error page. */
	static final String MESSAGE = ReviewErrors.class.getName() + ".message";

	/** Answers an error with the review's own words on its page. */
	static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
			throws IOException {
		request.setAttribute(MESSAGE, message);
		response.sendError(status);
	}

	/** A refusal of a controller of the review ({@link ResponseStatusException}), on the review's error page. */
	@ControllerAdvice
	static class Refusals {

		@ExceptionHandler(ResponseStatusException.class)
		void refused(ResponseStatusException refusal, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			refuse(request, response, refusal.getStatusCode().value(), String.valueOf(refusal.getReason()));
		}

	}

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer number) ? number : 500;
		Object ours = request.getAttribute(MESSAGE);
		String message = (ours instanceof String text && !text.isBlank()) ? text : null;
		String title = switch (status) {
			case 400 -> "Bad request (400)";
			case 403 -> "Refused (403)";
			case 404 -> "Not found (404)";
			case 405 -> "Not allowed (405)";
			default -> (status >= 500) ? "Something went wrong (" + status + ")" : "Refused (" + status + ")";
		};
		if (message == null) {
			String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
			message = switch (status) {
				case 404 -> "There is no page at " + path + ": the home page lists the runs and the queue";
				case 405 -> path + " does not take a " + request.getMethod() + " request: use the page's own "
						+ "buttons, which send what it takes";
				case 400 -> "The request to " + path + " was not one the review understands: reload the page and try again";
				default -> (status >= 500) ? "The server's log says what, at " + RunFacts.time(Instant.now())
						+ ". Reload the page to see what was recorded; a decision is recorded whole or not at all"
						: "The review refused the request to " + path;
			};
		}
		page(response, status, title, message);
	}

	/** A page of the review's own, in its style: a title, a sentence that says what to do, the way home. */
	static void page(HttpServletResponse response, int status, String title, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("text/html;charset=UTF-8");
		PrintWriter out = response.getWriter();
		out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<title>" + HtmlUtils.htmlEscape(title) + " · invent-dedup review</title>"
				+ "<link rel=\"stylesheet\" href=\"/assets/run.css\"></head><body data-ready=\"true\">"
				+ "<header><h1 id=\"title\">" + HtmlUtils.htmlEscape(title) + "</h1></header><main><p id=\"error\">"
				+ HtmlUtils.htmlEscape(message) + ".</p><p><a href=\"/\">The review's home page</a></p></main>"
				+ "</body></html>\n");
	}

}
