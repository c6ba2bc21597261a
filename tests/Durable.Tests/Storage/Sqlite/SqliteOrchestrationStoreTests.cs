using Microsoft.Data.Sqlite;
using Workflows.Durable.Storage;
using Workflows.Durable.Storage.Sqlite;

namespace Workflows.Durable.Tests.Storage.Sqlite;

public sealed class SqliteOrchestrationStoreTests : OrchestrationStoreConformance
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"), "store.db");

    protected override Task<IOrchestrationStore> CreateStoreAsync(TimeProvider clock) =>
        Task.FromResult<IOrchestrationStore>(new SqliteOrchestrationStore(path, clock));

    [Fact]
    public async Task Initialize_UsesOneFileInWalMode()
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.True(File.Exists(path));
    }
}
