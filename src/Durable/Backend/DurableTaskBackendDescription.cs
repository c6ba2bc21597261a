namespace Workflows.Durable;

/// <summary>Which store the backend keeps state in, for health pages and logs.</summary>
/// <param name="Store"><c>sqlite</c> or <c>azure-storage</c>.</param>
public sealed record DurableTaskBackendDescription(string Store);
