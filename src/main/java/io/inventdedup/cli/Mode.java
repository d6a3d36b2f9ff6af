package io.inventdedup.cli;

/** What a command line runs: the job, a command on the database alone, or the review in a browser. */
public enum Mode {

	/** A run of the job: job parameters {@code name=value}; needs the API token and the database. */
	JOB("a run of the job"),

	/** {@code --report}, {@code --approve}, ...: the database alone, never the API token. */
	DATABASE("a command on the database alone"),

	/** {@code --serve}: the review in a browser. */
	SERVE("the review in a browser (--serve)");

	private final String description;

	Mode(String description) {
		this.description = description;
	}

	String description() {
		return this.description;
	}

}
