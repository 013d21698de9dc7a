package io.logstreamer.simulator;

/** One compartment of the simulated tenancy; the root compartment is the tenancy itself. */
public record SimCompartment(String id, String parentId, String name, String lifecycleState, double weight) {

    public boolean isRoot() {
        return parentId == null;
    }

    public boolean isActive() {
        return "ACTIVE".equals(lifecycleState);
    }
}
