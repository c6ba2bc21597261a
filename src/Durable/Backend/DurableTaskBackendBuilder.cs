using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Azure.Core;
using DurableTask.AzureStorage;
using Workflows.Durable.AzureStorage;
using Workflows.Durable.Sqlite;

namespace Workflows.Durable;

/// <summary>Chooses the orchestration service the backend keeps state in: SQLite (embedded) or Azure Storage.</summary>
public sealed class DurableTaskBackendBuilder
{
    internal DurableTaskBackendBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Keeps state in one SQLite file (created when missing, WAL mode). Several processes may share the file; each
    /// instance and activity runs in one of them at a time.
    /// </summary>
    public DurableTaskBackendBuilder UseSqlite(string databasePath) => UseSqlite(databasePath, _ => { });

    /// <summary>Keeps state in one SQLite file, with leases, polling and concurrency set by <paramref name="configure"/>.</summary>
    public DurableTaskBackendBuilder UseSqlite(string databasePath, Action<SqliteBackendSettings> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new SqliteBackendSettings();
        configure(settings);
        var options = new SqliteBackendOptions(databasePath)
        {
            LeaseDuration = settings.LeaseDuration,
            PollingInterval = settings.PollingInterval,
            MaxConcurrentOrchestrations = settings.MaxConcurrentOrchestrations,
            MaxConcurrentActivities = settings.MaxConcurrentActivities,
        };
        Forget();
        Services.AddSingleton(new DurableTaskBackendDescription("sqlite"));
        Services.AddSingleton(sp => new SqliteOrchestrationService(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteOrchestrationService>>()));
        Services.AddSingleton<IDurableTaskBackendMonitor>(sp => sp.GetRequiredService<SqliteOrchestrationService>());
        Services.AddSingleton(sp =>
        {
            var sqlite = sp.GetRequiredService<SqliteOrchestrationService>();
            return new BackendServices(sqlite, sqlite, sqlite, ConfirmsCommits: true);
        });
        return this;
    }

    /// <summary>
    /// Keeps state in Azure Storage through Microsoft's DurableTask.AzureStorage (the provider Durable Functions runs
    /// on), with a connection string: Azurite locally, or an account key.
    /// </summary>
    public DurableTaskBackendBuilder UseAzureStorage(string connectionString, string taskHub, Action<AzureStorageBackendSettings>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return UseAzureStorage(new StorageAccountClientProvider(connectionString), taskHub, configure);
    }

    /// <summary>Keeps state in Azure Storage through DurableTask.AzureStorage, signed in as <paramref name="credential"/> (a managed identity in Azure).</summary>
    public DurableTaskBackendBuilder UseAzureStorage(string accountName, TokenCredential credential, string taskHub, Action<AzureStorageBackendSettings>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        return UseAzureStorage(new StorageAccountClientProvider(accountName, credential), taskHub, configure);
    }

    private DurableTaskBackendBuilder UseAzureStorage(StorageAccountClientProvider account, string taskHub, Action<AzureStorageBackendSettings>? configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskHub);
        var settings = new AzureStorageBackendSettings();
        configure?.Invoke(settings);
        Forget();
        Services.AddSingleton(new DurableTaskBackendDescription("azure-storage"));
        Services.AddSingleton(sp => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = account,
            TaskHubName = taskHub,
            PartitionCount = settings.PartitionCount,
            MaxQueuePollingInterval = settings.MaxQueuePollingInterval,
            MaxConcurrentTaskOrchestrationWorkItems = settings.MaxConcurrentOrchestrations,
            MaxConcurrentTaskActivityWorkItems = settings.MaxConcurrentActivities,
            ControlQueueVisibilityTimeout = settings.VisibilityTimeout,
            WorkItemQueueVisibilityTimeout = settings.VisibilityTimeout,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),

            // Starting an id in use is refused, as on SQLite, instead of being dropped without a word.
            ThrowExceptionOnInvalidDedupeStatus = true,
        }));
        if (settings.WakeUpQueue is { Length: > 0 } wakeUpQueue)
        {
            Services.AddSingleton<IDueWorkNotices>(sp => new QueueDueWorkNotices(account, wakeUpQueue, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<QueueDueWorkNotices>>()));
        }

        Services.AddSingleton(sp =>
        {
            var service = sp.GetRequiredService<AzureStorageOrchestrationService>();
            return new BackendServices(service, service, new JsonHistoryReader(service), sp.GetService<IDueWorkNotices>());
        });
        return this;
    }

    /// <summary>
    /// Also serves the sidecar protocol on <paramref name="address"/> (<c>host:port</c>, HTTP/2 without TLS: meant for
    /// loopback), so other processes and Durable Task SDKs of other languages can use this backend as their sidecar.
    /// </summary>
    public DurableTaskBackendBuilder ListenOn(string address)
    {
        Services.RemoveAll<BackendListenAddress>();
        Services.AddSingleton(BackendListenAddress.Parse(address));
        if (!Services.Any(d => d.ImplementationType == typeof(BackendListener)))
        {
            Services.AddSingleton<BackendListener>();
            Services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => sp.GetRequiredService<BackendListener>());
        }

        return this;
    }

    /// <summary>One store per backend: a later choice replaces an earlier one.</summary>
    private void Forget()
    {
        Services.RemoveAll<BackendServices>();
        Services.RemoveAll<IDurableTaskBackendMonitor>();
        Services.RemoveAll<DurableTaskBackendDescription>();
        Services.RemoveAll<IDueWorkNotices>();
    }
}
