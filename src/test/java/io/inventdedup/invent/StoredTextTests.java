package io.inventdedup.invent;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What PostgreSQL cannot store, read from JSON, is written as U+FFFD; the rest stays as it was. */
class StoredTextTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void nulAndUnpairedSurrogatesAreReplacedAndPairsAndOtherTextKept() {
		assertThat(StoredText.valid("Anna\u0000Weber")).isEqualTo("Anna\uFFFDWeber");
		assertThat(StoredText.valid("a\uD800b\uDC00")).isEqualTo("a\uFFFDb\uFFFD");
		assertThat(StoredText.valid("\uD83D\uDE00 Ann")).isEqualTo("\uD83D\uDE00 Ann");
		String valid = "Александр 王伟 ☺";
		assertThat(StoredText.valid(valid)).isSameAs(valid);
	}

	@Test
	void everyStringAndFieldNameOfAnAnswerIsMadeValid() {
		JsonNode answer = StoredText.valid(this.json.readTree(
				"[{\"primary\":{\"id\":\"c1\",\"name\":\"A\\u0000nn\",\"x\\ud800\":[\"\\udc00\"]}}]"));
		JsonNode primary = answer.get(0).get("primary");
		assertThat(primary.get("name").stringValue()).isEqualTo("A\uFFFDnn");
		assertThat(primary.get("x\uFFFD").get(0).stringValue()).isEqualTo("\uFFFD");
		assertThat(primary.get("id").stringValue()).isEqualTo("c1");
	}

	@Test
	void anIdHoldingWhatPostgresqlCannotStoreIsNoContactId() {
		JsonNode group = StoredText.valid(this.json.readTree("{\"primary\":{\"id\":\"c\\u0000\",\"created_at\":"
				+ "\"2024-01-01T00:00:00Z\"},\"duplicates\":[{\"id\":\"c2\",\"created_at\":\"2024-01-01T00:00:00Z\"}]}"));
		assertThatThrownBy(() -> GroupDecoder.decode(group))
			.isInstanceOf(InvalidGroupException.class)
			.hasMessageContaining("cannot be a contact id");
	}

}
