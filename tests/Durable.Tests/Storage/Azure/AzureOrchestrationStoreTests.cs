using Workflows.Durable.Storage;
using Workflows.Durable.Storage.Azure;
using Workflows.TestSupport;

namespace Workflows.Durable.Tests.Storage.Azure;

/// <summary>The store contract on a real Azurite, each test in its own task hub.</summary>
public sealed class AzureOrchestrationStoreTests(Azurite azurite) : OrchestrationStoreConformance, IClassFixture<Azurite>
{
    internal static string NewTaskHub() => "t" + Guid.NewGuid().ToString("N")[..12];

    protected override Task<IOrchestrationStore> CreateStoreAsync(TimeProvider clock) =>
        Task.FromResult<IOrchestrationStore>(new AzureOrchestrationStore(
            new AzureStorageOptions { ConnectionString = azurite.ConnectionString, TaskHub = NewTaskHub() }, clock));
}
