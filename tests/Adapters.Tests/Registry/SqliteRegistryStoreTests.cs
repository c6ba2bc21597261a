using Workflows.Network.Storage;

namespace Workflows.Adapters.Tests.Registry;

/// <summary>The registry store contract on a SQLite file in a fresh folder.</summary>
public sealed class SqliteRegistryStoreTests : RegistryStoreConformance
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "registry-" + Guid.NewGuid().ToString("N"));

    protected override Task<IRegistryStore> CreateStoreAsync() =>
        Task.FromResult<IRegistryStore>(new SqliteRegistryStore(Path.Combine(folder, "registry.db")));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
