package io.inventdedup.invent;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One page of {@code GET /orgs/{org}/contacts/duplicates}: the groups as listed, undecoded, so
 * that a group the job cannot read is recorded as such rather than failing the page, and what the
 * answer's pagination headers say about it. Each header may be missing: -1 then.
 *
 * @param groups the groups of the page, as the API listed them
 * @param totalCount the {@code pagination-count} header: how many groups the listing holds, or -1
 * @param page the {@code pagination-page} header: the page the API answered, or -1
 * @param take the {@code pagination-take} header: the page size the API used, or -1
 */
public record DuplicatesPage(List<JsonNode> groups, long totalCount, long page, long take) {

	public DuplicatesPage {
		groups = List.copyOf(groups);
	}

}
