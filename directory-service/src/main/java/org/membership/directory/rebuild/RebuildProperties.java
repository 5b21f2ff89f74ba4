package org.membership.directory.rebuild;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a rebuild's replay watches itself ({@code membership.directory.rebuild}).
 *
 * @param stallTimeout the replay fails when it has read nothing for this long while
 * records are left (the broker is unreachable): the old directory stays
 * @param heartbeatInterval how often the replaying instance writes its heartbeat and
 * progress to {@code directory_generation}
 * @param abandonAfter a BUILDING generation whose heartbeat is older than this was
 * abandoned (its instance died): a new rebuild marks it FAILED and takes its place
 */
@ConfigurationProperties("membership.directory.rebuild")
record RebuildProperties(@DefaultValue("PT2M") Duration stallTimeout, @DefaultValue("PT5S") Duration heartbeatInterval,
		@DefaultValue("PT2M") Duration abandonAfter) {

	RebuildProperties {
		if (abandonAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
			throw new IllegalArgumentException(
					"membership.directory.rebuild.abandon-after must be at least three heartbeat intervals");
		}
	}

}
