package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.util.List;

/**
 * The Pareto frontier of one comparison group against one cost.
 *
 * @param group  the models compared
 * @param axis   the cost
 * @param models the frontier's models, by cost
 */
public record Frontier(ComparisonGroup group, Axis axis, List<ModelRef> models) {

    public Frontier {
        models = List.copyOf(models);
    }
}
