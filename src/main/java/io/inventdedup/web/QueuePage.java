package io.inventdedup.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import io.inventdedup.audit.RunLookups;
import io.inventdedup.decision.DecisionRepository;
import io.inventdedup.decision.Decisions;
import io.inventdedup.report.HtmlReport;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The queue ({@code /queue}): the groups waiting for a person, longest waiting first, each whole
 * (its members side by side, why it waits, what Invent matched on) with what each action will do.
 * The page's script decides one group a keystroke and shows the next without a reload; the data
 * travels as JSON in the page, escaped as the run's page's is ({@link HtmlReport.ScriptSafeWriter}).
 */
@Component
class QueuePage {

	private final DecisionRepository decisions;

	private final Decisions rules;

	private final ReviewProperties properties;

	private final JsonMapper json;

	private final RunLookups lookups;

	/** The page's fixed HTML, before and after its data: read once. */
	private final String[] page = HtmlReport.resource("/review/queue.html").split("\\$\\{data}", 2);

	QueuePage(DecisionRepository decisions, Decisions rules, ReviewProperties properties, JsonMapper json,
			RunLookups lookups) {
		this.decisions = decisions;
		this.lookups = lookups;
		this.json = json;
		this.rules = rules;
		this.properties = properties;
	}

	/** The queue of one org, or of every org when {@code org} is null. */
	void write(@Nullable String org, Reviewer reviewer, CsrfToken csrf, Writer out) throws IOException {
		List<DecisionRepository.QueuedGroup> queue = this.decisions.queue(org, this.properties.queueLimit(), true);
		Map<Long, List<String>> keysByRun = queue.stream()
			.collect(Collectors.groupingBy(DecisionRepository.QueuedGroup::runInstanceId, LinkedHashMap::new,
					Collectors.mapping(DecisionRepository.QueuedGroup::groupKey, Collectors.toList())));
		Map<Long, Map<String, String>> versions = new LinkedHashMap<>();
		keysByRun.forEach((run, keys) -> versions.put(run, this.rules.versions(run, keys)));
		Map<Long, Map<String, DecisionRepository.DecidedGroup>> decided = new LinkedHashMap<>();
		queue.stream().filter(DecisionRepository.QueuedGroup::decided).forEach((group) -> decided
			.computeIfAbsent(group.runInstanceId(), (run) -> this.decisions.decided(run, keysByRun.get(run))));
		Map<String, Long> queuedByOrg = this.decisions.queuedByOrg();
		out.write(this.page[0]);
		try (JsonGenerator data = this.json.createGenerator(new HtmlReport.ScriptSafeWriter(out))) {
			data.writeStartObject();
			data.writeStringProperty("by", reviewer.name());
			data.writeBooleanProperty("canDecide", reviewer.canDecide());
			data.writeStringProperty("org", org);
			data.writeBooleanProperty("knownOrg", org == null || this.lookups.orgHasRuns(org));
			data.writeName("csrf");
			data.writeStartObject();
			data.writeStringProperty("header", csrf.getHeaderName());
			data.writeStringProperty("name", csrf.getParameterName());
			data.writeStringProperty("value", csrf.getToken());
			data.writeEndObject();
			data.writeName("orgs");
			data.writeStartObject();
			queuedByOrg.forEach(data::writeNumberProperty);
			data.writeEndObject();
			data.writeNumberProperty("limit", this.properties.queueLimit());
			data.writeName("groups");
			data.writeStartArray();
			for (DecisionRepository.QueuedGroup group : queue) {
				this.json.writeValue(data, QueueCard.of(group, versions.get(group.runInstanceId()).get(group.groupKey()),
						decided.getOrDefault(group.runInstanceId(), Map.of()).get(group.groupKey())));
			}
			data.writeEndArray();
			data.writeEndObject();
		}
		out.write(this.page[1]);
	}

}
