package org.membership.notification.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.membership.notification.mail.Notification;
import org.membership.notification.mail.NotificationStatus;
import org.membership.notification.mail.Notifications;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff: the notifications by status, newest first, e.g. the FAILED ones to follow up.
 */
@RestController
@Tag(name = "Notifications", description = "The mails sent or to send")
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@Operation(summary = "List notifications of one status",
			description = "Newest first; FAILED unless asked" + " otherwise.")
	@GetMapping("/api/notifications")
	Page<Notification> list(@RequestParam(defaultValue = "FAILED") NotificationStatus status, Pageable pageable) {
		List<Notification> content = this.notifications.findByStatus(status, pageable.getPageNumber(),
				pageable.getPageSize());
		return new PageImpl<>(content, pageable, this.notifications.countByStatus(status));
	}

}
