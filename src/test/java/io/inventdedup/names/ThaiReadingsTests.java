package io.inventdedup.names;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A Thai word beside the Latin spellings people give it ({@link ThaiReadings}, by way of
 * {@link Romanised#agree}): the spellings of the Royal Thai General System and the ones people
 * write beside it agree; another name's spelling does not. Vowels are not compared: {@code บุญมา}
 * and {@code Boonmee} (บุญมี) agree, as README says.
 */
class ThaiReadingsTests {

	static Stream<Arguments> spellings() {
		return Stream.of(
				// a final said otherwise than written: ร as n, ส and ด as t, ญ as n
				arguments("สมบูรณ์", "Somboon", true), arguments("สมบูรณ์", "Sombun", true),
				arguments("ธนากร", "Thanakorn", true), arguments("ธนากร", "Thanakon", true),
				arguments("บุญมา", "Boonma", true), arguments("บุญมา", "Bunma", true),
				arguments("อัญชลี", "Anchalee", true), arguments("ศรีวงศ์", "Sriwong", true),
				// silenced letters (์, ทร before it) not said
				arguments("กิตติศักดิ์", "Kittisak", true), arguments("วงศ์สวัสดิ์", "Wongsawat", true),
				arguments("จันทร์เพ็ญ", "Chanpen", true), arguments("อินทร์แก้ว", "Inkaew", true),
				arguments("ชัยวัฒน์", "Chaiwat", true),
				// จ as ch or j, ำ ending in m, อ carrying a vowel
				arguments("ใจดี", "Jaidee", true), arguments("ใจดี", "Chaidee", true),
				arguments("ทองคำ", "Thongkham", true), arguments("ทองคำ", "Tongkham", true),
				arguments("อรุณี", "Arunee", true), arguments("อภิชาติ", "Apichat", true),
				arguments("ประเสริฐ", "Prasert", true), arguments("รุ่งเรือง", "Rungruang", true),
				// other names
				arguments("สมชาย", "Somsak", false), arguments("สมศักดิ์", "Somchai", false),
				arguments("ปราณี", "Pornthip", false), arguments("กิตติ", "Kittisak", false),
				arguments("อรุณี", "Anchalee", false), arguments("บุญมา", "Bunyarat", false));
	}

	@ParameterizedTest(name = "{0} / {1}: {2}")
	@MethodSource("spellings")
	void agreesWithTheSpellingsPeopleWriteAndNoOther(String thai, String latin, boolean agree) {
		String word = NameText.parse(thai).words().get(0);
		String spelling = NameText.parse(latin).words().get(0);
		String reading = Romanised.of(word, Scripts.ABUGIDA, false);
		assertThat(Romanised.agree(reading, Scripts.ABUGIDA, spelling, word)).isEqualTo(agree);
	}

}
