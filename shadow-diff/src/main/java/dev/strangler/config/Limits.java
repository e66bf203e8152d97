package dev.strangler.config;

/**
 * Size limits the data plane enforces on client requests.
 *
 * @param maxUriLength   longest request line (exceeded: 414)
 * @param maxHeaderSize  largest header block (exceeded: 431)
 * @param maxRequestBody largest request body (exceeded: 413)
 */
public record Limits(int maxUriLength, int maxHeaderSize, long maxRequestBody) {}
