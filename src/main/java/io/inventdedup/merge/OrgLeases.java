package io.inventdedup.merge;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * The org leases this process holds ({@link OrgLease}): taken by the launcher before a run starts,
 * read by the merge step, which sends nothing for an org whose lease this process does not hold.
 */
@Component
public class OrgLeases {

	private final DataSource dataSource;

	private final Map<String, OrgLease> held = new ConcurrentHashMap<>();

	OrgLeases(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Takes the org's lease for this process, or answers empty when another run holds it. */
	public Optional<OrgLease> acquire(String orgId) throws SQLException {
		Optional<OrgLease> lease = OrgLease.acquire(this.dataSource, orgId);
		lease.ifPresent((taken) -> this.held.put(orgId, taken));
		return lease;
	}

	/** Releases a lease this process holds. */
	public void release(OrgLease lease) {
		this.held.remove(lease.orgId(), lease);
		lease.close();
	}

	/** The lease this process holds on the org; a run without one is a fault of the launcher. */
	OrgLease held(String orgId) {
		OrgLease lease = this.held.get(orgId);
		if (lease == null) {
			throw new IllegalStateException("no lease held on org " + orgId + ": runs are started by DedupJobLauncher");
		}
		return lease;
	}

}
