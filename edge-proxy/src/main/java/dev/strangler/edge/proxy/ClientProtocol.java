package dev.strangler.edge.proxy;

/**
 * How the client spoke, read before its head is rewritten for the upstream (which always gets
 * HTTP/1.1 with pooled keep-alive): an HTTP/1.0 client gets a length-framed or close-delimited
 * body, never chunked, and a client that did not ask to keep the connection gets it closed after
 * the answer.
 *
 * @param http10    the request was HTTP/1.0
 * @param keepAlive the connection stays open after the answer (HTTP/1.1 without
 *                  {@code Connection: close}, or HTTP/1.0 with {@code Connection: keep-alive})
 */
record ClientProtocol(boolean http10, boolean keepAlive) {}
