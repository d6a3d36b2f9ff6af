package io.inventdedup.web;

import org.springframework.security.core.Authentication;

/**
 * The person signed in: the name a decision records as {@code by} (the identity provider's, never
 * typed in a form), and whether they may decide (a reviewer) or only read (a viewer).
 */
record Reviewer(String name, boolean canDecide) {

	static Reviewer of(Authentication authentication) {
		return new Reviewer(authentication.getName(), hasRole(authentication, ReviewSecurity.REVIEWER));
	}

	/** Whether the person has this role ({@link ReviewSecurity#REVIEWER} or {@link ReviewSecurity#VIEWER}). */
	static boolean hasRole(Authentication authentication, String role) {
		return authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + role).equals(authority.getAuthority()));
	}

}
