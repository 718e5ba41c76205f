/**
 * Tenant isolation on every broker and name server (spec §7, issue 5): the credential table, verification
 * of the ACL signature the official client's {@code AclClientRPCHook} adds, the one table of request code
 * to resource and action, the namespace rules for both client namespace styles, and the filter for the
 * topics a name-server answer may show. {@link io.cloudmq.dataplane.auth.CredentialAuthorizer} plugs into
 * the remoting {@link io.cloudmq.dataplane.remoting.netty.RequestAuthorizer} hook.
 */
@NullMarked
package io.cloudmq.dataplane.auth;

import org.jspecify.annotations.NullMarked;
