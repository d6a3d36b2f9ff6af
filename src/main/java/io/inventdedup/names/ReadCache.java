package io.inventdedup.names;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What was read lately of a text (a name parsed, a word transliterated, a Thai word's readings): a
 * group's names are compared pairwise, and each is read once. Names are set by the public, so the
 * cache is bounded: past its size it starts again.
 */
final class ReadCache<V> {

	private final Map<String, V> read = new ConcurrentHashMap<>();

	private final int max;

	private final Function<String, V> reader;

	ReadCache(int max, Function<String, V> reader) {
		this.max = max;
		this.reader = reader;
	}

	/** The text read, by the reader, once while it is kept. */
	V get(String text) {
		V value = this.read.get(text);
		if (value == null) {
			value = this.reader.apply(text);
			if (this.read.size() >= this.max) {
				this.read.clear();
			}
			this.read.put(text, value);
		}
		return value;
	}

}
