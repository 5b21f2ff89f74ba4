/**
 * Tells the applicant what happened to their application: the acknowledgement on
 * ApplicationReceived, the decision on MemberApproved or ApplicationRejected. The
 * listeners map the Avro events to the records here at the edge; the rest never sees
 * Avro.
 */
package org.membership.notification.acknowledgement;
