package io.inventdedup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README is the front page and {@code docs/} the manual: every link between them (and to the
 * repository's files) leads somewhere, every {@code #anchor} names a heading of its page as GitHub
 * spells it, every page of the manual is one click from README, and README stays a front page.
 */
final class DocsLinksTests {

	private static final Path README = Path.of("README.md");

	private static final Path DOCS = Path.of("docs");

	/** A link or an image: {@code [text](target)} or {@code ![alt](target "title")}. */
	private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

	private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

	@Test
	void everyRelativeLinkLeadsToAFileAndEveryAnchorToAHeading() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			for (String target : links(page)) {
				String problem = problem(page, target);
				if (problem != null) {
					broken.add(page + ": (" + target + ") " + problem);
				}
			}
		}
		assertThat(broken).as("links that lead nowhere").isEmpty();
	}

	@Test
	void everyPageOfTheManualIsLinkedFromReadme() throws IOException {
		Set<Path> linked = new LinkedHashSet<>();
		for (String target : links(README)) {
			if (!external(target)) {
				linked.add(file(README, target).normalize());
			}
		}
		try (Stream<Path> docs = Files.list(DOCS)) {
			assertThat(docs.filter((doc) -> doc.toString().endsWith(".md")).map(Path::normalize))
				.as("pages of docs/ that README does not link")
				.isNotEmpty()
				.allMatch(linked::contains);
		}
	}

	@Test
	void readmeIsAFrontPage() throws IOException {
		assertThat(Files.readAllLines(README)).as("README's lines").hasSizeLessThanOrEqualTo(260);
	}

	@Test
	void anchorsAreSpeltAsGitHubSpellsThem() {
		Map<String, Integer> seen = new HashMap<>();
		assertThat(anchor("Review, then merge", seen)).isEqualTo("review-then-merge");
		assertThat(anchor("Many orgs, one API budget", seen)).isEqualTo("many-orgs-one-api-budget");
		assertThat(anchor("What a run does, failure and recovery", seen))
			.isEqualTo("what-a-run-does-failure-and-recovery");
		assertThat(anchor("The `dedup_audit` table", seen)).isEqualTo("the-dedup_audit-table");
		assertThat(anchor("Review, then merge", seen)).isEqualTo("review-then-merge-1");
	}

	/** README and every page of {@code docs/}. */
	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(README));
		try (Stream<Path> docs = Files.list(DOCS)) {
			docs.filter((doc) -> doc.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	/** What is wrong with a link of {@code page}, or null when it leads somewhere. */
	private static String problem(Path page, String target) throws IOException {
		if (external(target)) {
			return null;
		}
		int hash = target.indexOf('#');
		Path file = file(page, target);
		if (!Files.exists(file)) {
			return "no such file " + file.normalize();
		}
		if (hash < 0) {
			return null;
		}
		String anchor = target.substring(hash + 1);
		if (!file.toString().endsWith(".md")) {
			return "an anchor into a file that is not Markdown";
		}
		Set<String> anchors = anchors(file);
		return anchors.contains(anchor) ? null : "no heading #" + anchor + " in " + file.normalize() + ", which has " + anchors;
	}

	private static boolean external(String target) {
		return target.matches("(?i)(https?|mailto):.*");
	}

	/** The file a link leads to: the page itself for a bare {@code #anchor}. */
	private static Path file(Path page, String target) {
		int hash = target.indexOf('#');
		String path = (hash < 0) ? target : target.substring(0, hash);
		if (path.isEmpty()) {
			return page;
		}
		Path folder = (page.getParent() != null) ? page.getParent() : Path.of("");
		return folder.resolve(path);
	}

	/** The targets of a page's links, outside code (a link's text may run over two lines). */
	private static List<String> links(Path page) throws IOException {
		List<String> targets = new ArrayList<>();
		Matcher link = LINK.matcher(String.join("\n", prose(page)).replaceAll("`[^`]*`", ""));
		while (link.find()) {
			targets.add(link.group(1));
		}
		return targets;
	}

	/** The anchors of a page's headings, as GitHub makes them. */
	private static Set<String> anchors(Path page) throws IOException {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		for (String line : prose(page)) {
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				anchors.add(anchor(heading.group(1), seen));
			}
		}
		return anchors;
	}

	/**
	 * GitHub's anchor of a heading: its text without links' targets and code marks, in lower case,
	 * every character but letters, digits, {@code _}, {@code -} and spaces left out, spaces made
	 * hyphens; a heading spelt as an earlier one takes {@code -1}, {@code -2}, ...
	 */
	private static String anchor(String heading, Map<String, Integer> seen) {
		String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
		String anchor = text.replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
		int times = seen.merge(anchor, 1, Integer::sum);
		return (times == 1) ? anchor : anchor + "-" + (times - 1);
	}

	/** A page's lines outside fenced code blocks. */
	private static List<String> prose(Path page) throws IOException {
		List<String> prose = new ArrayList<>();
		boolean inCode = false;
		for (String line : Files.readAllLines(page)) {
			if (FENCE.matcher(line).find()) {
				inCode = !inCode;
			}
			else if (!inCode) {
				prose.add(line);
			}
		}
		return prose;
	}

}
