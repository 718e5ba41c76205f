/**
 * Byte-level codecs of the RocketMQ remoting protocol: frame decoder and encoder, and the two header
 * formats (JSON and ROCKETMQ binary), each readable and writable.
 */
@NullMarked
package io.cloudmq.dataplane.remoting.codec;

import org.jspecify.annotations.NullMarked;
