package org.blockbench.gwo;

/** The GWO primitive dictionary v0.1 (docs/protocol.md §GWO): each primitive, its role and its cost. */
public enum GwoPrimitive {
    STATIC_SLIDING(Role.PATH, 1),
    GLOBAL_INDEXED(Role.PATH, 1),
    CONTENT_AWARE(Role.PATH, 2),
    DENSE_SQUARE(Role.SHAPE, 1),
    FULL_ROW(Role.SHAPE, 1),
    CAUSAL_1D(Role.SHAPE, 1),
    IDENTITY(Role.WEIGHT, 1),
    SHARED_KERNEL(Role.WEIGHT, 1),
    DYNAMIC_ATTENTION(Role.WEIGHT, 2);

    /** Where to look (Path), what form (Shape), what to value (Weight). */
    public enum Role { PATH, SHAPE, WEIGHT }

    private final Role role;
    private final int cost;

    GwoPrimitive(Role role, int cost) {
        this.role = role;
        this.cost = cost;
    }

    public Role role() {
        return role;
    }

    public int cost() {
        return cost;
    }
}
