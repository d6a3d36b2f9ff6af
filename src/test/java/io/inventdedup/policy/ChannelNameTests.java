package io.inventdedup.policy;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What a nameless contact's channels call it ({@link ChannelName}): one row per rule.
 */
class ChannelNameTests {

	static Stream<Arguments> channels() {
		return Stream.of(
				// a channel's own name
				arguments("Robert Smith", null, null, "Robert Smith"),
				arguments("  Zoë Müller ", "zm", "zoe@example.test", "Zoë Müller"),
				arguments("The Smith Family", null, null, null),
				arguments("!!!", null, null, null),
				arguments("x".repeat(200), null, null, null),
				// a username or an email shaped like a person's name
				arguments(null, "anna_kim", null, "anna kim"),
				arguments(null, null, "robert.smith@example.test", "robert smith"),
				arguments(null, null, "Mary-Ann.Kelly@example.test", "mary ann kelly"),
				arguments("", "cooldude99", "robert.smith@example.test", "robert smith"),
				// nothing that names a person
				arguments(null, "rsmith", null, null),
				arguments(null, "cooldude99", null, null),
				arguments(null, null, "info@shop.example", null),
				arguments(null, null, "sales.team@shop.example", null),
				arguments(null, null, "support-desk@shop.example", null),
				arguments(null, null, "person.42@example.test", null),
				arguments(null, null, "a.b@example.test", null),
				arguments(null, null, "one.two.three.four@example.test", null),
				arguments(null, null, "@example.test", null),
				arguments(null, null, null, null));
	}

	@ParameterizedTest(name = "name {0}, username {1}, email {2}: {3}")
	@MethodSource("channels")
	void standsInForANameOnlyWithWhatIsShapedLikeAPersonsName(String name, String username, String email,
			String expected) {
		assertThat(ChannelName.of(name, username, email)).isEqualTo(expected);
	}

}
