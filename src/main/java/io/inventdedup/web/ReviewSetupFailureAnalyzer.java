package io.inventdedup.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what is wrong with the setup of {@code --serve} and how to fix it, without a stack trace. */
class ReviewSetupFailureAnalyzer extends AbstractFailureAnalyzer<ReviewSetupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ReviewSetupException cause) {
		return new FailureAnalysis(cause.getMessage() + "; nothing was served.", cause.action(), cause);
	}

}
