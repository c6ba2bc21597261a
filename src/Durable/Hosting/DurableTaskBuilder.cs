using Microsoft.Extensions.DependencyInjection;
using Workflows.Durable.Storage;
using Workflows.Durable.Storage.Azure;
using Workflows.Durable.Storage.Sqlite;

namespace Workflows.Durable;

/// <summary>Configures the engine: its tasks, its store and its worker.</summary>
public sealed class DurableTaskBuilder
{
    internal DurableTaskBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    internal List<Action<DurableTaskRegistry>> TaskConfiguration { get; } = [];

    internal Func<IServiceProvider, IOrchestrationStore>? StoreFactory { get; private set; }

    internal List<Action<DurableTaskWorkerOptions>> WorkerConfiguration { get; } = [];

    /// <summary>Registers orchestrators and activities.</summary>
    public DurableTaskBuilder AddTasks(Action<DurableTaskRegistry> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        TaskConfiguration.Add(configure);
        return this;
    }

    /// <summary>Keeps state in one SQLite file (the embedded default).</summary>
    public DurableTaskBuilder UseSqlite(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return UseStore(sp => new SqliteOrchestrationStore(databasePath, sp.GetService<TimeProvider>()));
    }

    /// <summary>Keeps state in Azure Storage (tables, a queue, a blob container) named after <paramref name="taskHub"/>.</summary>
    public DurableTaskBuilder UseAzureStorage(string connectionString, string taskHub)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return UseAzureStorage(o =>
        {
            o.ConnectionString = connectionString;
            o.TaskHub = taskHub;
        });
    }

    /// <summary>
    /// Keeps state in Azure Storage as <paramref name="configure"/> sets it up: a connection string, or an account
    /// name with a credential (<c>DefaultAzureCredential</c>, so a managed identity in Azure, when none is given).
    /// </summary>
    public DurableTaskBuilder UseAzureStorage(Action<AzureStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new AzureStorageOptions();
        configure(options);
        options.Validate();
        return UseStore(sp => new AzureOrchestrationStore(options, sp.GetService<TimeProvider>()));
    }

    /// <summary>Keeps state in a store made by <paramref name="factory"/>.</summary>
    public DurableTaskBuilder UseStore(Func<IServiceProvider, IOrchestrationStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        StoreFactory = factory;
        return this;
    }

    /// <summary>Sets worker options (concurrency, leases, polling; <c>Enabled = false</c> for a client-only process).</summary>
    public DurableTaskBuilder ConfigureWorker(Action<DurableTaskWorkerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        WorkerConfiguration.Add(configure);
        return this;
    }
}
