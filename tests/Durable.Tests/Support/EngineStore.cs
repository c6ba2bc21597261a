using Workflows.Durable.Storage;
using Workflows.Durable.Storage.Azure;
using Workflows.Durable.Storage.Sqlite;
using Workflows.Durable.Tests.Storage.Azure;

namespace Workflows.Durable.Tests.Support;

/// <summary>Which store an <see cref="EngineHost"/> runs on: a SQLite file, or a task hub on Azurite.</summary>
public sealed record EngineStore(string Kind, string? AzureConnectionString, string Location)
{
    public static EngineStore Sqlite() =>
        new("sqlite", null, Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"), "durable.db"));

    public static EngineStore Azure(string connectionString) => new("azure", connectionString, AzureOrchestrationStoreTests.NewTaskHub());

    public bool IsSqlite => AzureConnectionString is null;

    internal void Configure(DurableTaskBuilder builder)
    {
        if (AzureConnectionString is null)
        {
            builder.UseSqlite(Location);
        }
        else
        {
            builder.UseAzureStorage(o =>
            {
                o.ConnectionString = AzureConnectionString;
                o.TaskHub = Location;
                o.SendWorkNotices = false;
            });
        }
    }

    /// <summary>A store object on the same location, for a client outside an <see cref="EngineHost"/>.</summary>
    public IOrchestrationStore CreateStore() => AzureConnectionString is null
        ? new SqliteOrchestrationStore(Location)
        : new AzureOrchestrationStore(new AzureStorageOptions { ConnectionString = AzureConnectionString, TaskHub = Location, SendWorkNotices = false });

    /// <summary>The store as tests/Durable.TestWorker takes it: <c>sqlite:path</c> or <c>azure:hub</c> (the connection string in the environment).</summary>
    public string WorkerArgument => AzureConnectionString is null ? "sqlite:" + Location : "azure:" + Location;

    public override string ToString() => Kind;
}
