package io.logstreamer.oci;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.identity.IdentityClient;
import com.oracle.bmc.identity.model.Compartment;
import com.oracle.bmc.identity.requests.ListCompartmentsRequest;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.retrier.DefaultRetryCondition;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.util.CircuitBreakerUtils;
import com.oracle.bmc.waiter.ExponentialBackoffDelayStrategyWithJitter;
import com.oracle.bmc.waiter.MaxAttemptsTerminationStrategy;

/**
 * Expands compartments to their sub-compartments with Identity ListCompartments through the SDK's
 * client and paginator. Audit events of sub-compartments are not returned with their parent's, so
 * a tenancy-wide export has to query each compartment itself.
 */
public final class CompartmentScope {

    private CompartmentScope() {
    }

    /** The given compartments followed by every active compartment below them, without repeats. */
    public static List<String> withSubtrees(OciSession session, List<String> roots, RetryPolicy policy) {
        Set<String> out = new LinkedHashSet<>(roots);
        try (IdentityClient identity = IdentityClient.builder()
                .endpoint(session.identityEndpoint().toString())
                .configuration(clientConfiguration(policy))
                .build(session.provider())) {
            for (String root : roots) {
                if (root.equals(session.tenancyId())) {
                    // One paged listing covers the whole tree below the tenancy.
                    out.addAll(list(identity, root, true));
                } else {
                    // compartmentIdInSubtree is only allowed on the tenancy: walk level by level.
                    Deque<String> todo = new ArrayDeque<>(List.of(root));
                    while (!todo.isEmpty()) {
                        for (String child : list(identity, todo.poll(), false)) {
                            if (out.add(child)) {
                                todo.add(child);
                            }
                        }
                    }
                }
            }
        } catch (BmcException e) {
            if (e.getStatusCode() <= 0) {
                throw new IllegalStateException("cannot reach the Identity API at " + session.identityEndpoint()
                        + ": " + rootMessage(e), e);
            }
            throw new OciServiceException("ListCompartments", e.getStatusCode(), e.getServiceCode(),
                    firstLine(e.getMessage()), e.getOpcRequestId());
        }
        return new ArrayList<>(out);
    }

    /**
     * The SDK's retrier with our attempt count and delay cap (it retries 429, 5xx, timeouts and
     * client-side errors), and no circuit breaker: the SDK's default breaker counts 429s as
     * failures and then refuses calls client-side, which would end an export that should wait.
     */
    static ClientConfiguration clientConfiguration(RetryPolicy policy) {
        return ClientConfiguration.builder()
                .retryConfiguration(RetryConfiguration.builder()
                        .terminationStrategy(new MaxAttemptsTerminationStrategy(policy.maxAttempts()))
                        .delayStrategy(new ExponentialBackoffDelayStrategyWithJitter(policy.maxDelay().toMillis()))
                        .retryCondition(e -> new DefaultRetryCondition().shouldBeRetried(e))
                        .build())
                .circuitBreakerConfiguration(CircuitBreakerUtils.getNoCircuitBreakerConfiguration())
                .readTimeoutMillis((int) Math.min(Integer.MAX_VALUE, policy.pageTimeout().toMillis()))
                .build();
    }

    private static List<String> list(IdentityClient identity, String parent, boolean subtree) {
        ListCompartmentsRequest request = ListCompartmentsRequest.builder()
                .compartmentId(parent)
                .compartmentIdInSubtree(subtree)
                .accessLevel(ListCompartmentsRequest.AccessLevel.Any)
                .lifecycleState(Compartment.LifecycleState.Active)
                .limit(1000)
                .build();
        List<String> ids = new ArrayList<>();
        for (Compartment c : identity.getPaginators().listCompartmentsRecordIterator(request)) {
            ids.add(c.getId());
        }
        return ids;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
