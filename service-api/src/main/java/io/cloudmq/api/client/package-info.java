/** The Java management client of the REST API (JDK HttpClient + Jackson, no Spring). */
@NullMarked
package io.cloudmq.api.client;

import org.jspecify.annotations.NullMarked;
