namespace Workflows.Durable.Tests.Support;

/// <summary>
/// Engine scenarios written once and run on every store: each test class is abstract, with one nested subclass per
/// store (<c>OnSqlite</c>, <c>OnAzurite</c>).
/// </summary>
public abstract class EngineTests : IAsyncLifetime
{
    /// <summary>A fresh store location (file or task hub) for this test.</summary>
    protected EngineStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<EngineStore> CreateStoreAsync();

    protected static Task<EngineStore> SqliteAsync() => Task.FromResult(EngineStore.Sqlite());

    protected static async Task<EngineStore> AzuriteAsync() => EngineStore.Azure(await SharedAzurite.ConnectionStringAsync());
}
