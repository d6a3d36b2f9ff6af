package io.inventdedup.decision;

import java.util.Optional;

/**
 * What a person types with a decision (a reason, a name for {@code --by}) is kept in the audit and
 * shown on pages and terminals: it must be text a person can read. Too long, or with control
 * characters (terminal escape sequences, line and paragraph separators among them), it is refused
 * with a message that says so;
 * nothing is recorded.
 */
public final class DecisionText {

	/** The longest reason a decision keeps. */
	public static final int MAX_REASON = 1_000;

	/** The longest name of the person who decides. */
	public static final int MAX_NAME = 100;

	private DecisionText() {
	}

	/** What is wrong with a reason, or empty when it may be recorded. */
	public static Optional<String> problemWithReason(String reason) {
		return problem("--reason", reason, MAX_REASON);
	}

	/** What is wrong with the name of the person who decides, or empty when it may be recorded. */
	public static Optional<String> problemWithName(String name) {
		return problem("--by", name, MAX_NAME);
	}

	private static Optional<String> problem(String what, String text, int max) {
		if (text.isBlank()) {
			return Optional.of(what + " is empty: say it in words");
		}
		if (text.length() > max) {
			return Optional.of(what + " is " + text.length() + " characters long; at most " + max
					+ " are kept: say it shorter");
		}
		if (text.codePoints().anyMatch(DecisionText::breaksTheLine)) {
			return Optional.of(what + " holds control characters (a line break, a line or paragraph separator, a "
					+ "terminal escape sequence, ...): give plain text on one line");
		}
		return Optional.empty();
	}

	/**
	 * A control or format character, or a line or paragraph separator (U+2028, U+2029): what breaks
	 * a line, or a terminal, where the text is shown.
	 */
	private static boolean breaksTheLine(int c) {
		int type = Character.getType(c);
		return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR;
	}

}
