/**
 * The mirror side: taps each served request, mirrors it to the side that does not serve, judges
 * both answers off the event loop, settles one outcome per mirror-eligible request and stores
 * what differs.
 *
 * <p>Imports point one way, from the owner down: {@code MirrorSide → Shadowing → ShadowPair →
 * MirrorCall → MirrorClient → MirrorConnection} for the mirror path, and
 * {@code MirrorSide → JudgeExecutor → OutcomeLedger → JudgeBatches → PairEnd → JudgeTask} for
 * the outcome path (ShadowOutcomes, ShadowGate and the leaves below); a lower class calls up only
 * through an interface of its own ({@code ShadowPair.Sink}, {@code MirrorCall.Listener},
 * {@code MirrorConnection.Call}, {@code MirrorConnection.Owner}).
 */
package dev.strangler.edge.mirror;
