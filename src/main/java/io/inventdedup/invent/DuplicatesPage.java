package io.inventdedup.invent;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One page of {@code GET /orgs/{org}/contacts/duplicates}: the groups as listed, undecoded, so
 * that a group the job cannot read is recorded as such rather than failing the page.
 *
 * @param groups the groups of the page, as the API listed them
 * @param totalCount the {@code pagination-count} header: how many groups the listing holds, or -1
 */
public record DuplicatesPage(List<JsonNode> groups, long totalCount) {

	public DuplicatesPage {
		groups = List.copyOf(groups);
	}

}
