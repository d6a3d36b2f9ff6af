package io.inventdedup.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the survivor of a merge must carry from its sources, whatever the merge endpoint keeps: an
 * opt-out (unsubscribed, blocked) of any source, and a name when the survivor has none. Invent's
 * pages do not say which flags a merge keeps, so the job reads the merged survivor from the merge's
 * answer and sends {@code PATCH /orgs/{org}/contacts/{id}} only for what is missing.
 *
 * @param unsubscribe a merged source was unsubscribed: the survivor must be too
 * @param block a merged source was blocked: the survivor must be too
 * @param name the name to give the survivor if it has none (the first source that has one, in the
 * survivor rule's order), or null
 */
public record FollowUp(boolean unsubscribe, boolean block, @Nullable String name) {

	/** Nothing to carry. */
	public static final FollowUp NONE = new FollowUp(false, false, null);

	public boolean isEmpty() {
		return !this.unsubscribe && !this.block && this.name == null;
	}

	/** All that this follow-up may send: what a dry run records as the planned update. */
	public Update planned() {
		return new Update(this.unsubscribe ? Boolean.TRUE : null, this.block ? Boolean.TRUE : null, this.name);
	}

	/** The follow-up that a recorded planned update stands for. */
	public static FollowUp of(Update planned) {
		return new FollowUp(Boolean.TRUE.equals(planned.unsubscribed()), Boolean.TRUE.equals(planned.blocked()),
				planned.name());
	}

	/**
	 * The update to send, given the survivor as it is after the merge: only the fields that would
	 * change something.
	 */
	public Update updateFor(SurvivorState survivor) {
		return new Update(this.unsubscribe && !survivor.unsubscribed() ? Boolean.TRUE : null,
				this.block && !survivor.blocked() ? Boolean.TRUE : null,
				(this.name != null && isBlank(survivor.name())) ? this.name : null);
	}

	static boolean isBlank(@Nullable String name) {
		return name == null || name.isBlank();
	}

	/**
	 * The survivor as the API answered it after the merge.
	 *
	 * @param name its name, or null
	 * @param blocked whether it is blocked
	 * @param unsubscribed whether it is unsubscribed
	 */
	public record SurvivorState(@Nullable String name, boolean blocked, boolean unsubscribed) {
	}

	/**
	 * The body of {@code PATCH /orgs/{org}/contacts/{id}}: null fields are left out.
	 *
	 * @param unsubscribed true, or null to leave as it is
	 * @param blocked true, or null to leave as it is
	 * @param name the new name, or null to leave as it is
	 */
	public record Update(@Nullable Boolean unsubscribed, @Nullable Boolean blocked, @Nullable String name) {

		public boolean isEmpty() {
			return this.unsubscribed == null && this.blocked == null && this.name == null;
		}

		/** The fields that are set, by their names in the API. */
		public Map<String, Object> body() {
			Map<String, Object> body = new LinkedHashMap<>();
			if (this.unsubscribed != null) {
				body.put("unsubscribed", this.unsubscribed);
			}
			if (this.blocked != null) {
				body.put("blocked", this.blocked);
			}
			if (this.name != null) {
				body.put("name", this.name);
			}
			return body;
		}

	}

}
