using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
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
        Services.RemoveAll<BackendServices>();
        Services.RemoveAll<IDurableTaskBackendMonitor>();
        Services.AddSingleton(sp => new SqliteOrchestrationService(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteOrchestrationService>>()));
        Services.AddSingleton<IDurableTaskBackendMonitor>(sp => sp.GetRequiredService<SqliteOrchestrationService>());
        Services.AddSingleton(sp =>
        {
            var sqlite = sp.GetRequiredService<SqliteOrchestrationService>();
            return new BackendServices(sqlite, sqlite, sqlite);
        });
        return this;
    }
}
