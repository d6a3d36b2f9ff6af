package io.inventdedup.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.inventdedup.names.NameComparison;

/**
 * What a contact's channels call it, for the name check of a contact without a name of its own: a
 * channel's own {@code name} ({@code Robert Smith} on a WhatsApp profile), else a {@code username}
 * or the local part of an {@code email} that is shaped like a person's name: two or three words of
 * letters joined by a dot, an underscore or a hyphen ({@code robert.smith@}, {@code anna_kim}). Never
 * a role address ({@code info@}, {@code support@}, {@code sales.team@}): a shop's inbox is
 * nobody's name. A username like {@code cooldude99} or {@code rsmith} says nothing and stands in
 * for nothing: the contact stays nameless. Everything here is set by the public: a stand-in is
 * compared like a name, never trusted more.
 */
public final class ChannelName {

	/** Local parts and usernames that name a role or a service, not a person. */
	private static final Set<String> ROLES = Set.of("info", "support", "sales", "contact", "contacts", "hello", "hi",
			"admin", "office", "team", "noreply", "no", "reply", "billing", "help", "service", "services", "mail",
			"email", "enquiries", "enquiry", "inquiries", "accounts", "accounting", "hr", "jobs", "careers",
			"marketing", "reception", "booking", "bookings", "orders", "order", "shop", "store", "webmaster",
			"postmaster", "customer", "customers", "care", "news", "newsletter", "press", "media", "feedback",
			"the", "family", "home", "mom", "dad");

	private ChannelName() {
	}

	/**
	 * The stand-in of one channel: its name, else its username or email as a name, else null.
	 * @param name the channel's {@code name}
	 * @param username the channel's {@code username}
	 * @param email the channel's {@code email}
	 */
	public static @Nullable String of(@Nullable String name, @Nullable String username, @Nullable String email) {
		List<String> words = NameComparison.comparable(name) ? NameComparison.words(name) : List.of();
		if (!words.isEmpty() && !isRole(words)) {
			return name.strip();
		}
		String fromUsername = nameShaped(username);
		if (fromUsername != null) {
			return fromUsername;
		}
		if (email != null && email.indexOf('@') > 0) {
			return nameShaped(email.substring(0, email.indexOf('@')));
		}
		return null;
	}

	/** Two or three words of two letters or more, joined by {@code .}, {@code _} or {@code -}, none a role. */
	private static @Nullable String nameShaped(@Nullable String handle) {
		if (handle == null || handle.length() > 64) {
			return null;
		}
		String[] parts = handle.toLowerCase(Locale.ROOT).split("[._-]", -1);
		if (parts.length < 2 || parts.length > 3) {
			return null;
		}
		List<String> words = new ArrayList<>();
		for (String part : parts) {
			if (part.length() < 2 || !part.chars().allMatch(Character::isLetter)) {
				return null;
			}
			words.add(part);
		}
		return isRole(words) ? null : String.join(" ", words);
	}

	private static boolean isRole(List<String> words) {
		return words.stream().anyMatch(ROLES::contains);
	}

}
