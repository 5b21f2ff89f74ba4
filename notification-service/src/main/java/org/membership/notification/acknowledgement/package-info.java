/**
 * Tells the applicant what happened to their application: the acknowledgement on
 * ApplicationReceived, the decision on MemberApproved or ApplicationRejected, and the
 * changes before the membership takes effect on ApplicationWithdrawn and
 * EffectiveDateChanged (whatever order their events are consumed in). The listeners map
 * the Avro events to the records here at the edge; the rest never sees Avro.
 */
package org.membership.notification.acknowledgement;
