package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What became of a merge whose answer was lost (a timeout, a dropped connection, a 502 after the
 * API applied it), told from what looking for its contacts found. A merge moves the sources into
 * the survivor and deletes them, so:
 * <ul>
 * <li>{@link Applied}: the survivor is found and every source is gone;</li>
 * <li>{@link NotApplied}: every source is still found;</li>
 * <li>{@link Unknown}: anything else (a source gone and another found, the survivor gone, a
 * contact that cannot be looked for): it cannot be told from outside, and is left to an operator
 * rather than guessed.</li>
 * </ul>
 */
public sealed interface Settlement {

	/**
	 * The value of the function of this settlement's case: one function per case, so that a caller
	 * cannot forget one (Java 17, the target, has no exhaustive {@code switch} over a sealed type).
	 */
	<T> T fold(Supplier<? extends T> onApplied, Supplier<? extends T> onNotApplied,
			Function<? super Unknown, ? extends T> onUnknown);

	/** Settles a merge into {@code survivorId} from what was found of it and of each source. */
	static Settlement of(String survivorId, Sighting survivor, Map<String, Sighting> sources) {
		if (sources.isEmpty()) {
			throw new IllegalArgumentException("a merge has at least one source");
		}
		boolean everySourceGone = sources.values().stream().allMatch((s) -> s.presence() == Sighting.Presence.GONE);
		boolean everySourceFound = sources.values().stream().allMatch((s) -> s.presence() == Sighting.Presence.FOUND);
		if (survivor.presence() == Sighting.Presence.FOUND && everySourceGone) {
			return new Applied();
		}
		if (everySourceFound) {
			return new NotApplied();
		}
		List<String> seen = new ArrayList<>();
		seen.add("survivor " + survivorId + " " + describe(survivor));
		sources.forEach((id, sighting) -> seen.add("source " + id + " " + describe(sighting)));
		return new Unknown(String.join("; ", seen));
	}

	private static String describe(Sighting sighting) {
		return switch (sighting.presence()) {
			case FOUND -> "found " + sighting.how();
			case GONE -> "gone (" + sighting.how() + ")";
			case UNKNOWN -> "unknown (" + sighting.how() + ")";
		};
	}

	/** The merge was applied: the survivor is there, every source is gone. */
	record Applied() implements Settlement {

		@Override
		public <T> T fold(Supplier<? extends T> onApplied, Supplier<? extends T> onNotApplied,
				Function<? super Unknown, ? extends T> onUnknown) {
			return onApplied.get();
		}

	}

	/** The merge was not applied: every source is still there. */
	record NotApplied() implements Settlement {

		@Override
		public <T> T fold(Supplier<? extends T> onApplied, Supplier<? extends T> onNotApplied,
				Function<? super Unknown, ? extends T> onUnknown) {
			return onNotApplied.get();
		}

	}

	/**
	 * Cannot be told.
	 *
	 * @param detail what was found of each contact, for the audit and the operator
	 */
	record Unknown(String detail) implements Settlement {

		@Override
		public <T> T fold(Supplier<? extends T> onApplied, Supplier<? extends T> onNotApplied,
				Function<? super Unknown, ? extends T> onUnknown) {
			return onUnknown.apply(this);
		}

	}

}
