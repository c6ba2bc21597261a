using Microsoft.DurableTask;

namespace Workflows.Functions.Api;

/// <summary>The orchestrators the worker runs, by name.</summary>
public sealed class OrchestratorNames(IEnumerable<TaskName> names)
{
    private readonly HashSet<TaskName> names = [.. names];

    /// <summary>Whether an orchestrator answers to <paramref name="name"/>.</summary>
    public bool Contains(string name) => names.Contains(new TaskName(name));
}
