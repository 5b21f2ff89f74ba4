package org.membership.notification.announcement;

import java.util.UUID;

/**
 * The in-process event stored in the outbox in the announcement's transaction. Small on
 * purpose (the registry keeps it in VARCHAR(4000) on H2): the texts are loaded when it is
 * externalized as AnnouncementPublished. Its class name is stored with every outstanding
 * publication: renaming it strands them.
 *
 * @param announcementId the announcement
 * @param applicationId the application (the Kafka key)
 */
public record AnnouncementMade(UUID announcementId, UUID applicationId) {

}
