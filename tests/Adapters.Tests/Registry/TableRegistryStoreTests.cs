using Azure.Data.Tables;
using Workflows.Network.Storage;
using Workflows.Adapters.Tests.Documents;
using Workflows.TestSupport;

namespace Workflows.Adapters.Tests.Registry;

/// <summary>The registry store contract on Azure Tables in a real Azurite, one fresh table per test.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRegistryStoreTests(Azurite azurite) : RegistryStoreConformance
{
    protected override Task<IRegistryStore> CreateStoreAsync() => Task.FromResult<IRegistryStore>(
        new TableRegistryStore(new TableServiceClient(azurite.ConnectionString), "Registry" + Guid.NewGuid().ToString("N")[..12]));
}
