package io.inventdedup.job;

import io.inventdedup.run.InvalidParametersException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what is wrong with the command or the configuration, without a stack trace. */
class InvalidParametersFailureAnalyzer extends AbstractFailureAnalyzer<InvalidParametersException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidParametersException cause) {
		return new FailureAnalysis("Invalid command or configuration, nothing was run: " + cause.getMessage(),
				"Fix what is named above (docs/running.md lists every parameter, docs/configuration.md every "
						+ "setting), then run the command again.",
				cause);
	}

}
